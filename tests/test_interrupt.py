"""Long batch calls into C answer Ctrl-C while they run, not only once they return.

In a subprocess, each batch call first runs to its end on the same input (the reference
duration); then it is started again and the test sends SIGINT shortly after. The C core
checks for signals between chunks of documents, so the KeyboardInterrupt must surface while
the call is still far from done: before half the reference duration. (A core that never
checked would raise only on return, after the whole duration.) The comparison is between two
runs of the same call in one process, not a speed claim."""
import signal
import subprocess
import sys

import pytest

CALLS = {
    "normalize_many": "tintuc.normalize_many(texts)",
    "analyze_batch": "tintuc.document.run_core(texts)",
    "word_tokenize_many": "tintuc.word_tokenize_many(texts)",
    "gazetteer find_many": "tintuc.default_gazetteer().automaton.find_many(texts)",
}

SCRIPT = """
import sys, time, tintuc, tintuc.document
texts = ["Hoà bình cho thuỷ thủ ở Ðà Nẵng, Mỹ - Hàn. " * 30] * {n}
tintuc.document.run_core(texts[:2])  # models loaded first
t = time.perf_counter()
{call}
full = time.perf_counter() - t
t = time.perf_counter()
try:
    print("ready", flush=True)
    {call}
    print("completed", flush=True)
except KeyboardInterrupt:
    print(f"interrupted {{(time.perf_counter() - t) / full:.3f}}", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
@pytest.mark.parametrize("name", sorted(CALLS))
def test_ctrl_c_stops_a_long_batch(name):
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT.format(n=20_000, call=CALLS[name])],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=300)
    finally:
        proc.kill()
    word, *share = out.split() or ["nothing"]
    assert word == "interrupted", out + err
    assert float(share[0]) < 0.5, f"Ctrl-C surfaced only after {share[0]} of the call's duration"
