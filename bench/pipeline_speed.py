#!/usr/bin/env python3
"""Full-pipeline speed: tintuc.analyze_many with entities, times and events materialized, on one
thread and on two, side by side in one run with underthesea's word_tokenize + ner.

    python bench/pipeline_speed.py [--docs N] [--repeat 5] [--underthesea-docs 40] [--shared DIR]
                                   [--profile] [--out bench/results/pipeline_speed.json]

Text: the Dân Trí articles of ../shared/corpus/dantri/unc_docs.jsonl with their publication
dates. Throughput is UTF-8 megabytes of article text per second (10^6 bytes), the best of
--repeat passes.

How each side is run (the `config` field of the output says the same):
  * tintuc: analyze_many(texts, published=dates, n_jobs=J), then for every document
    .entities, .times and .events (events are clustered across the whole batch). With J=2 the
    C core runs on a native thread while the calling thread runs the rules over what it
    finishes (tintuc._piped), so analyze_many returns entities, times and events already made.
    The same two jobs as two processes ("tintuc_2_processes": the caller and a forked worker,
    tintuc._forked, which more jobs use on Linux) are measured in the same turns; that worker
    is kept for the next call (tintuc._pool), so its best pass is one with the worker forked by
    an earlier one: the first call, which forks it, is reported apart ("first_call"). The
    per-stage times come from the J=1 pass: each stage is forced for every document before the
    next one starts.
  * the machine's own limits, measured in the same turns: a pure-Python loop (no memory to
    speak of) alone and in two processes at once, which says whether the two CPUs run at full
    speed together ("two_cpus"); and the pipeline with n_jobs=1 over each half of the corpus in
    two processes at once with nothing exchanged ("halves"), the most two processes can give
    this pipeline here: the second of two rounds in the same two processes, as a kept worker
    runs. Shared virtual machines often give less than two full CPUs.
  * underthesea: word_tokenize(text) and ner(text) per article, on the first
    --underthesea-docs articles only, one pass (it is slow); its rate is per MB of that
    subset.
The ratio is tintuc's one-thread rate over underthesea's.

--profile adds the ten functions with the most own time in the events stage (cProfile).
"""
import argparse
import json
import os
import pathlib
import platform
import sys
import time

from _common import ROOT, dantri, megabytes, shared_dir


def load_corpus(shared, n):
    rows = dantri(shared)
    if n:
        rows = rows[:n]
    return [r["text"] for r in rows], [r.get("date") for r in rows]


def run_tintuc(texts, dates, jobs):
    """Seconds per stage for one full pass."""
    import tintuc

    t0 = time.perf_counter()
    corpus = tintuc.analyze_many(texts, published=dates, n_jobs=jobs)
    t1 = time.perf_counter()
    ents = [doc.entities for doc in corpus]
    t2 = time.perf_counter()
    for doc in corpus:
        doc.times
    t3 = time.perf_counter()
    n_events = sum(len(doc.events) for doc in corpus)
    t4 = time.perf_counter()
    return {"core": t1 - t0, "entities": t2 - t1, "times": t3 - t2, "events": t4 - t3, "total": t4 - t0,
            "events_found": n_events, "entities_found": sum(len(e) for e in ents)}


def _spin(n=3_000_000):
    t0 = time.perf_counter()
    x = 0
    for i in range(n):
        x += i * i % 7
    return time.perf_counter() - t0


def _in_two(work, rounds=1):
    """Seconds of ``work()`` (which returns seconds) run in this process and a forked child at
    once, ``rounds`` times, each round begun together: this process's and the child's, of the
    last round."""
    r, w = os.pipe()
    go_r, go_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(r)
            os.close(go_w)
            for _ in range(rounds):
                os.read(go_r, 1)
                os.write(w, (repr(work()) + "\n").encode())
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    os.close(go_r)
    with os.fdopen(r) as f:
        for _ in range(rounds):
            os.write(go_w, b"x")
            mine = work()
            theirs = float(f.readline())
    os.close(go_w)
    os.waitpid(pid, 0)
    return mine, theirs


def machine_turn(texts, dates):
    """One turn of the machine checks: the loop alone and in two; the pipeline on each half in
    two processes at once."""
    alone = _spin()
    pair = max(_in_two(_spin))
    half = len(texts) // 2
    parent = os.getpid()

    def half_run():
        part = slice(0, half) if os.getpid() == parent else slice(half, None)
        return run_tintuc(texts[part], dates[part], 1)["total"]

    # the second round: both processes have made their own the pages the fork shared
    return {"alone": alone, "pair": pair, "halves": max(_in_two(half_run, rounds=2))}


def profile_events(texts, dates):
    import cProfile
    import pstats

    import tintuc
    from tintuc import events

    corpus = tintuc.analyze_many(texts, published=dates)
    for doc in corpus:
        doc.entities
    for doc in corpus:
        doc.times
    prof = cProfile.Profile()
    prof.enable()
    mentions = [events.extract_mentions(doc) for doc in corpus]
    events.assign(mentions, [d.published for d in corpus])
    prof.disable()
    stats = pstats.Stats(prof)
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:10]
    return [{"function": f"{pathlib.Path(k[0]).name}:{k[1]}:{k[2]}", "calls": v[1], "own_s": round(v[2], 4),
             "cumulative_s": round(v[3], 4)} for k, v in rows]


def run_underthesea(texts):
    from underthesea import ner, word_tokenize
    word_tokenize(texts[0])
    ner(texts[0])                       # models loaded before timing
    t0 = time.perf_counter()
    for t in texts:
        word_tokenize(t)
        ner(t)
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=0, help="articles to use (0: all)")
    ap.add_argument("--repeat", type=int, default=5)      # best turns: a shared machine is noisy
    ap.add_argument("--underthesea-docs", type=int, default=40)
    ap.add_argument("--shared")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "pipeline_speed.json"))
    args = ap.parse_args()

    import tintuc

    texts, dates = load_corpus(shared_dir(args.shared), args.docs)
    mb = megabytes(texts)
    tintuc.analyze_many(texts[:20], published=dates[:20])      # models loaded before timing

    import tintuc.corpus

    best = {}
    machine = {}
    first_call = None
    for _ in range(args.repeat):
        # turns, so that a busy machine slows all of them: one thread; two jobs (the core on a
        # thread beside the rules); two processes (the forked workers more jobs use)
        for way, jobs, piped_max in ((1, 1, None), (2, 2, None), ("forked", 2, 1)):
            keep = tintuc.corpus.PIPED_MAX
            if piped_max is not None:
                tintuc.corpus.PIPED_MAX = piped_max
            try:
                r = run_tintuc(texts, dates, jobs)
            finally:
                tintuc.corpus.PIPED_MAX = keep
            if way == "forked" and first_call is None:
                first_call = r["total"]                         # it forked the worker
            if way not in best or r["total"] < best[way]["total"]:
                best[way] = r
        for k, v in machine_turn(texts, dates).items():
            machine[k] = min(machine.get(k, v), v)

    sub = texts[:args.underthesea_docs]
    sub_mb = megabytes(sub)
    ut_s = run_underthesea(sub)                               # one pass: it is slow
    ut_rate = sub_mb / ut_s

    one, two, forked = best[1], best[2], best["forked"]
    result = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "config": {"articles": len(texts), "megabytes": round(mb, 3), "repeat": args.repeat,
                   "underthesea_articles": len(sub),
                   "underthesea_megabytes": round(sub_mb, 3)},
        "tintuc_1_thread": {"mb_per_s": round(mb / one["total"], 2),
                            "stages_s": {k: round(one[k], 3) for k in ("core", "entities", "times", "events")},
                            "stages_mb_per_s": {k: round(mb / one[k], 1) for k in ("core", "entities", "times",
                                                                                     "events")},
                            "entities_found": one["entities_found"], "events_found": one["events_found"]},
        # with two jobs analyze_many also reads entities, times and events (the core on a
        # native thread, the rules on the calling one)
        "tintuc_2_jobs": {"mb_per_s": round(mb / two["total"], 2),
                          "speedup": round(one["total"] / two["total"], 2),
                          "analyze_many_s": round(two["core"], 3)},
        # the same in two processes, as more jobs run (the caller and a kept forked worker)
        "tintuc_2_processes": {"mb_per_s": round(mb / forked["total"], 2),
                               "speedup": round(one["total"] / forked["total"], 2),
                               "first_call_mb_per_s": round(mb / first_call, 2),
                               "first_call_speedup": round(one["total"] / first_call, 2)},
        # what two processes can give here: a loop that needs no memory, and the pipeline on
        # each half of the corpus with nothing exchanged (best turns)
        "two_cpus": {"loop_speedup": round(2 * machine["alone"] / machine["pair"], 2),
                     "halves_speedup": round(one["total"] / machine["halves"], 2)},
        "underthesea": {"mb_per_s": round(ut_rate, 4), "seconds": round(ut_s, 2)},
        "ratio_tintuc_1_thread_to_underthesea": round((mb / one["total"]) / ut_rate, 1),
    }
    if args.profile:
        result["events_profile"] = profile_events(texts, dates)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.out:
        pathlib.Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
