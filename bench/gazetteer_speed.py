#!/usr/bin/env python3
"""Gazetteer speed: tintuc's automaton, pyahocorasick and flashtext side by side in one run.

    python bench/gazetteer_speed.py [--names 100000] [--seed 7] [--repeat 3] [--shared DIR]
                                    [--out bench/results/gazetteer_speed.json]

Names: tools/make_names.py (deterministic for --names and --seed): Vietnamese and foreign
persons, places and organizations, a tenth of them with a variant spelling. Text: the Dân Trí
articles of ../shared/corpus/dantri/unc_docs.jsonl. Throughput is UTF-8 megabytes of article
text per second (10^6 bytes), the best of --repeat passes; the tools take turns pass by pass so
that a busy machine slows them alike.

How each tool is run (the `config` field of the output says the same):
  * tintuc: tintuc._core.Automaton.build(names); find() per article and find_many() over all
    of them. It normalizes the text (NFC, tone placement, odd spaces and dashes), matches whole
    tokens only, case- and diacritics-insensitively, hyphens read as spaces, leftmost-longest,
    with the typo fallback on, and gives code-point offsets into the original text. Also the
    Gazetteer layer: Gazetteer.from_frame over the names, and Gazetteer.find_many (a DataFrame).
  * pyahocorasick: one Automaton of the lower-cased names (str.lower), iter() over each article's
    str.lower(), a match kept only when the characters on both sides are not alphanumeric
    (str.isalnum), the fair word-boundary filter it lacks; all overlapping matches are kept
    (no leftmost-longest selection), so it does less work than tintuc. It is case-insensitive
    only; diacritics, hyphen variants and normalization are beyond it.
  * flashtext: KeywordProcessor(case_sensitive=False), add_keyword per name,
    extract_keywords(article, span_info=True). Its word boundary is [A-Za-z0-9_], so a
    Vietnamese letter counts as a boundary and names fire inside syllables ("ng Nai" inside
    "Đồng Nai"); the output counts such matches.

Build speed is names per second; load is Automaton(bytes) (a validated copy, no rebuild) and
pickle.loads of a Gazetteer; memory per name is the automaton's own size (Automaton.info),
pyahocorasick's get_stats()["total_size"], and for every tool the growth of the process's
resident memory while building it (all three kept alive, so the numbers do not overlap).
"""
import argparse
import gc
import importlib.util
import json
import os
import pathlib
import pickle
import platform
import sys
import time

from _common import ROOT, shared_dir
from _common import version_of as version


def load_make_names():
    spec = importlib.util.spec_from_file_location("make_names", ROOT / "tools" / "make_names.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_names


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def timed2(fn):
    """(wall seconds, CPU seconds of this process, result)."""
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - t, time.process_time() - c, out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--names", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "gazetteer_speed.json"))
    args = ap.parse_args(argv)

    import ahocorasick
    import flashtext
    import pandas as pd
    import tintuc
    from tintuc import _core

    corpus = shared_dir(args.shared) / "corpus" / "dantri" / "unc_docs.jsonl"
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus} (pass --shared or set TINTUC_SHARED)")
    with open(corpus, encoding="utf-8") as f:
        docs = [json.loads(line)["text"] for line in f]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    rows = load_make_names()(args.names, args.seed)
    names = [r[0] for r in rows]
    print(f"{len(docs)} articles, {mb:.2f} MB; {len(names)} names (seed {args.seed}); "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")

    # ------------------------------------------------------------------ build and memory
    gc.collect()
    res = {}
    r0 = rss_bytes()
    t_build, automaton = timed(lambda: _core.Automaton.build(names))
    r1 = rss_bytes()
    frame = pd.DataFrame(rows, columns=["name", "label", "id"])
    t_gaz, gaz = timed(lambda: tintuc.Gazetteer.from_frame(frame).build())
    gc.collect()
    r2 = rss_bytes()

    def build_aho():
        a = ahocorasick.Automaton()
        for i, n in enumerate(names):
            a.add_word(n.lower(), (i, len(n)))
        a.make_automaton()
        return a

    t_aho, aho = timed(build_aho)
    gc.collect()
    r3 = rss_bytes()

    def build_flash():
        kp = flashtext.KeywordProcessor(case_sensitive=False)
        for i, n in enumerate(names):
            kp.add_keyword(n, i)
        return kp

    t_flash, kp = timed(build_flash)
    gc.collect()
    r4 = rss_bytes()
    n = len(names)
    info = automaton.info()
    res["build"] = {
        "tintuc_automaton_s": t_build, "tintuc_automaton_names_per_s": n / t_build,
        "tintuc_gazetteer_from_frame_s": t_gaz, "tintuc_gazetteer_names_per_s": n / t_gaz,
        "pyahocorasick_s": t_aho, "pyahocorasick_names_per_s": n / t_aho,
        "flashtext_s": t_flash, "flashtext_names_per_s": n / t_flash,
    }
    res["memory"] = {
        "tintuc_automaton_bytes": info["nbytes"], "tintuc_bytes_per_name": info["nbytes"] / n,
        "tintuc_rss_growth_per_name": (r1 - r0) / n,
        "tintuc_gazetteer_rss_growth_per_name": (r2 - r1) / n,
        "pyahocorasick_total_size_per_name": aho.get_stats()["total_size"] / n,
        "pyahocorasick_rss_growth_per_name": (r3 - r2) / n,
        "flashtext_rss_growth_per_name": (r4 - r3) / n,
        "tintuc_automaton": info,
    }

    # ------------------------------------------------------------------ load
    blob = automaton.to_bytes()
    pick = pickle.dumps(gaz)
    loads, unpickles = [], []
    for _ in range(max(args.repeat, 5)):
        loads.append(timed(lambda: _core.Automaton(blob))[0])
        unpickles.append(timed(lambda: pickle.loads(pick))[0])
    res["load"] = {"automaton_bytes": len(blob), "automaton_load_ms": min(loads) * 1e3,
                   "gazetteer_pickle_bytes": len(pick), "gazetteer_unpickle_ms": min(unpickles) * 1e3}

    # ------------------------------------------------------------------ matching
    def run_tintuc_find():
        return sum(len(automaton.find(d)) for d in docs)

    def run_tintuc_many():
        return len(automaton.find_many(docs)) // 40

    def run_gazetteer_many():
        return len(gaz.find_many(docs))

    def run_aho():
        count = 0
        for d in docs:
            low = d.lower()
            L = len(low)
            out = []
            for end, (i, ln) in aho.iter(low):
                s = end - ln + 1
                if (s > 0 and low[s - 1].isalnum()) or (end + 1 < L and low[end + 1].isalnum()):
                    continue
                out.append((s, end + 1, i))
            count += len(out)
        return count

    inside = {"n": 0}

    def run_flash():
        count = bad = 0
        for d in docs:
            found = kp.extract_keywords(d, span_info=True)
            count += len(found)
            for _, s, e in found:
                if (s > 0 and d[s - 1].isalnum()) or (e < len(d) and d[e].isalnum()):
                    bad += 1
        inside["n"] = bad
        return count

    tools = {"tintuc_find": run_tintuc_find, "tintuc_find_many": run_tintuc_many,
             "tintuc_gazetteer_find_many": run_gazetteer_many, "pyahocorasick": run_aho, "flashtext": run_flash}
    times = {k: [] for k in tools}
    cpu = {k: [] for k in tools}
    counts = {}
    for rep in range(args.repeat):
        for k, fn in tools.items():
            gc.collect()
            dt, dc, c = timed2(fn)
            times[k].append(dt)
            cpu[k].append(dc)
            counts[k] = c
        print(f"pass {rep + 1}: " + ", ".join(f"{k} {mb / times[k][-1]:.1f} MB/s" for k in tools))
    speed = {k: mb / min(v) for k, v in times.items()}
    cpu_speed = {k: mb / min(v) for k, v in cpu.items()}
    res["match"] = {
        "mb_per_s": speed, "mb_per_s_cpu": cpu_speed, "best_s": {k: min(v) for k, v in times.items()},
        "best_cpu_s": {k: min(v) for k, v in cpu.items()}, "matches": counts,
        "flashtext_matches_inside_words": inside["n"],
        "note": "mb_per_s: wall clock, best pass; mb_per_s_cpu: CPU time of the process (one thread "
                "throughout), best pass, which a machine busy with other work disturbs less",
    }
    res["ratios"] = {
        "tintuc_find_vs_pyahocorasick": speed["tintuc_find"] / speed["pyahocorasick"],
        "tintuc_find_vs_pyahocorasick_cpu": cpu_speed["tintuc_find"] / cpu_speed["pyahocorasick"],
        "tintuc_find_many_vs_pyahocorasick": speed["tintuc_find_many"] / speed["pyahocorasick"],
        "tintuc_find_many_vs_pyahocorasick_cpu": cpu_speed["tintuc_find_many"] / cpu_speed["pyahocorasick"],
        "tintuc_gazetteer_find_many_vs_pyahocorasick": speed["tintuc_gazetteer_find_many"] / speed["pyahocorasick"],
        "tintuc_gazetteer_find_many_vs_pyahocorasick_cpu":
            cpu_speed["tintuc_gazetteer_find_many"] / cpu_speed["pyahocorasick"],
        "tintuc_find_vs_flashtext": speed["tintuc_find"] / speed["flashtext"],
        "pyahocorasick_vs_flashtext": speed["pyahocorasick"] / speed["flashtext"],
        "build_tintuc_vs_pyahocorasick": t_aho / t_build,
        "memory_tintuc_vs_pyahocorasick_rss": ((r1 - r0) / max(r3 - r2, 1)),
    }
    res["config"] = {
        "tintuc": "Automaton.build(names); find(text) per article and find_many(articles): normalized "
                  "text, whole tokens, case- and diacritics-insensitive, hyphens as spaces, "
                  "leftmost-longest, typo fallback on, code-point offsets into the original text",
        "tintuc_gazetteer": "Gazetteer.from_frame(names) then Gazetteer.find_many(articles) -> DataFrame "
                            "(text, start, end, label, id, name, source, score, match)",
        "pyahocorasick": "Automaton of name.lower(); iter(article.lower()); a match kept when the "
                         "characters before and after are not str.isalnum(); overlapping matches kept "
                         "(no leftmost-longest selection); case-insensitive only",
        "flashtext": "KeywordProcessor(case_sensitive=False); add_keyword(name, i); "
                     "extract_keywords(article, span_info=True); boundaries are [A-Za-z0-9_] only",
    }
    res["setup"] = {
        "date": time.strftime("%Y-%m-%d"), "python": platform.python_version(), "machine": platform.machine(),
        "cpus": os.cpu_count(), "load_average": os.getloadavg(),
        "versions": {"tintuc": tintuc.__version__, "icu": _core.icu_version,
                     "pyahocorasick": version("pyahocorasick"), "flashtext": version("flashtext"),
                     "pandas": pd.__version__},
        "corpus": {"articles": len(docs), "mb_utf8": mb, "code_points": sum(map(len, docs))},
        "names": {"count": n, "seed": args.seed, "generator": "tools/make_names.py"},
        "repeat": args.repeat,
        "command": "python bench/gazetteer_speed.py " + " ".join(argv if argv is not None else sys.argv[1:]),
    }

    b, m, ld, rt = res["build"], res["memory"], res["load"], res["ratios"]
    print(f"build: tintuc automaton {b['tintuc_automaton_names_per_s']:,.0f} names/s ({b['tintuc_automaton_s']:.3f} s), "
          f"Gazetteer.from_frame {b['tintuc_gazetteer_names_per_s']:,.0f} names/s, "
          f"pyahocorasick {b['pyahocorasick_names_per_s']:,.0f}, flashtext {b['flashtext_names_per_s']:,.0f}")
    print(f"load: Automaton(bytes) {ld['automaton_load_ms']:.1f} ms for {ld['automaton_bytes'] / 1e6:.1f} MB; "
          f"pickle.loads(Gazetteer) {ld['gazetteer_unpickle_ms']:.1f} ms")
    print(f"memory per name: tintuc {m['tintuc_bytes_per_name']:.0f} B (RSS {m['tintuc_rss_growth_per_name']:.0f}), "
          f"pyahocorasick {m['pyahocorasick_total_size_per_name']:.0f} B (RSS {m['pyahocorasick_rss_growth_per_name']:.0f}), "
          f"flashtext RSS {m['flashtext_rss_growth_per_name']:.0f} B")
    print("match MB/s (wall): " + ", ".join(f"{k} {v:.1f}" for k, v in speed.items()))
    print("match MB/s (CPU):  " + ", ".join(f"{k} {v:.1f}" for k, v in cpu_speed.items()))
    print("ratios: " + ", ".join(f"{k} {v:.2f}" for k, v in rt.items()))
    print(f"matches: {counts}; flashtext inside words: {inside['n']}")
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
