# Developer entry points. A fresh machine needs only `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
VPY := $(VENV)/bin/python
# Builds are serialized so that parallel jobs never write the extension at once.
LOCK := flock $(CURDIR)/.build.lock
ICU_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n 2>/dev/null)
ICU_LIBS := $(shell pkg-config --libs icu-uc icu-i18n 2>/dev/null)
CORE_SRC := $(sort $(wildcard csrc/core/*.c))
FUZZ_TARGETS := $(patsubst csrc/fuzz/%.c,build/fuzz/%,$(wildcard csrc/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 30

.PHONY: all venv build test demo sanitize test-sanitize fuzz fuzz-build bench clean

all: build

$(VPY):
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip setuptools wheel

venv: $(VPY)
	$(LOCK) $(VPY) -m pip install -q -e '.[test]'

# Rebuild the extension in place (after `make venv`).
build:
	$(LOCK) $(VPY) setup.py -q build_ext --inplace

demo: venv
	$(VPY) examples/demo.py
	@mkdir -p build
	$(VPY) -m tintuc analyze examples/sample --table events --format csv --out build/demo_events.csv
	@echo "the sample's events table: build/demo_events.csv"

test: venv
	$(VPY) -m pytest -q -p no:cacheprovider

# The same test suite against an ASan/UBSan build of the extension.
sanitize:
	$(LOCK) env TINTUC_SANITIZE=1 $(VPY) setup.py -q build_ext --inplace --force

test-sanitize: sanitize
	env LD_PRELOAD="$$(gcc -print-file-name=libasan.so) $$(gcc -print-file-name=libubsan.so)" \
	    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    TINTUC_SANITIZED=1 $(VPY) -m pytest -q -x -p no:cacheprovider
	$(LOCK) $(VPY) setup.py -q build_ext --inplace --force

# libFuzzer targets (clang) for the pure-C core.
build/fuzz/%: csrc/fuzz/%.c $(CORE_SRC) $(wildcard csrc/core/*.h) $(wildcard csrc/fuzz/*.h)
	@mkdir -p build/fuzz
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	    $(ICU_CFLAGS) -o $@ $< $(CORE_SRC) $(ICU_LIBS)

fuzz-build: $(FUZZ_TARGETS)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p build/corpus/$$(basename $$t); \
	    echo "== $$t for $(FUZZ_SECONDS)s"; \
	    $$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=0 build/corpus/$$(basename $$t) csrc/fuzz/seeds || exit 1; \
	done

bench: venv
	$(VPY) -m pip install -q -e '.[bench]'
	$(VPY) bench/run_all.py

clean:
	rm -rf build pkg/tintuc/*.so *.egg-info pkg/*.egg-info .pytest_cache
