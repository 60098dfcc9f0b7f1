#!/usr/bin/env python3
"""Render bench/results/*.json as the README's tables.

    python bench/report.py                 # print the markdown
    python bench/report.py --readme README.md   # replace what sits between the results markers

Only measured figures appear: a table whose results file is missing is left out.
"""
import argparse
import json
import pathlib

import _common

START, END = "<!-- results:start -->", "<!-- results:end -->"


def load(name):
    path = _common.RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def normalization(r):
    rows = [(name, f"{v['mb_per_s']:.1f}") for name, v in r["rows"].items()]
    ratios = r["ratios"]
    return ("**Normalization** over the Dân Trí corpus (2,653 articles, "
            f"{r['corpus']['mb']:.1f} MB; `python bench/normalize_speed.py`):\n\n"
            + table(["", "MB/s"], rows)
            + f"\n\ntintuc.normalize is {ratios['tintuc.normalize / underthesea (speed)']:.0f}x underthesea's "
              f"text_normalize and takes {ratios['tintuc.normalize time / NFC floor time']:.1f}x the time of "
              "`unicodedata.normalize('NFC')`, the floor, which does less (no tone placement, repairs or "
              "folding, and it returns at once when its quick check passes).")


def segmentation_accuracy(r):
    rows = [(name, f"{v['f1']:.4f}", f"{v['precision']:.4f}", f"{v['recall']:.4f}", v["how"])
            for name, v in r["results"].items()]
    return ("**Word segmentation accuracy** on UD Vietnamese VTB dev (1,123 sentences, 26,162 words; "
            "`python bench/segment_accuracy.py`). Every tool gets each sentence's text; its words are aligned "
            "back to the text and scored as character spans, so differing treatment of punctuation is scored "
            "the same way for all. The model was trained on VTB train only; dev chose between variants.\n\n"
            + table(["", "F1", "precision", "recall", "how it was run"], rows))


def segmentation_speed(r):
    rows = [(name, v["docs"], f"{v['syllables_per_s'] / 1e6:.3f}", f"{v['mb_per_s']:.2f}")
            for name, v in r["rows"].items()]
    ratios = ", ".join(f"{k} {v:.0f}x" for k, v in r["ratios"].items())
    return ("**Word segmentation throughput** on the Dân Trí corpus through the batch API "
            "(`python bench/segment_speed.py`; the peers run on the first 300 articles, rates per syllable "
            "and per MB of what each was given):\n\n"
            + table(["", "articles", "M syllables/s", "MB/s"], rows) + f"\n\nRatios: {ratios}.")


def gazetteer(r):
    m, b, ld, mem = r["match"], r["build"], r["load"], r["memory"]
    rows = [(k.replace("_", " "), f"{v:.1f}", f"{m['mb_per_s_cpu'][k]:.1f}") for k, v in m["mb_per_s"].items()]
    return ("**Gazetteer matching** over the Dân Trí corpus with the same 100,000 names "
            "(`python tools/make_names.py`, `python bench/gazetteer_speed.py`). tintuc matches whole "
            "syllables, case- and diacritics-insensitively; pyahocorasick runs on lowercased text with "
            "word boundaries checked afterwards; flashtext as it comes.\n\n"
            + table(["", "MB/s (wall)", "MB/s (CPU)"], rows)
            + f"\n\nBuilding the automaton of 100,000 names: {b['tintuc_automaton_s']:.2f} s "
              f"(pyahocorasick {b['pyahocorasick_s']:.2f} s, flashtext {b['flashtext_s']:.2f} s); loading it from "
              f"bytes: {ld['automaton_load_ms']:.1f} ms; {mem['tintuc_bytes_per_name']:.0f} bytes per name "
              f"(pyahocorasick {mem['pyahocorasick_total_size_per_name']:.0f}).")


def pipeline(r):
    one, two, uts = r["tintuc_1_thread"], r["tintuc_2_jobs"], r["underthesea"]
    procs, cpus = r["tintuc_2_processes"], r["two_cpus"]
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in one["stages_s"].items())
    return ("**The whole pipeline** (`analyze_many` with entities, time expressions and events materialized) "
            f"over the Dân Trí corpus (`python bench/pipeline_speed.py`): {one['mb_per_s']:.2f} MB/s on one "
            f"thread ({stages}), {two['mb_per_s']:.2f} MB/s with `n_jobs=2` ({two['speedup']:.2f}x: the C core "
            f"runs on a native thread while the calling thread runs the rules over what it finishes). The same "
            f"two jobs as two processes (the caller and a kept forked worker, as more jobs run): "
            f"{procs['mb_per_s']:.2f} MB/s = {procs['speedup']:.2f}x, the call that forks the worker "
            f"{procs['first_call_speedup']:.2f}x. In the same run, this "
            f"machine gave {cpus['loop_speedup']:.2f}x to a pure-Python loop in two processes, and "
            f"{cpus['halves_speedup']:.2f}x to the pipeline run on each half of the corpus in two processes "
            f"with nothing exchanged. underthesea's word_tokenize + ner "
            f"{uts['mb_per_s']:.4f} MB/s on the first {r['config']['underthesea_articles']} articles: "
            f"{r['ratio_tintuc_1_thread_to_underthesea']:.0f}x.")


def seeds(r):
    return ("**Seed articles** (`python ../shared/tools/score_seeds.py`): " + r["summary"])


SECTIONS = [("normalize_speed", normalization), ("segment_accuracy", segmentation_accuracy),
            ("segment_speed", segmentation_speed), ("gazetteer_speed", gazetteer),
            ("pipeline_speed", pipeline), ("seed_scores", seeds)]


def render() -> str:
    parts = []
    for name, fn in SECTIONS:
        r = load(name)
        if r is not None:
            parts.append(fn(r))
    return "\n\n".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--readme")
    args = ap.parse_args()
    md = render()
    if not args.readme:
        print(md)
        return
    path = pathlib.Path(args.readme)
    text = path.read_text(encoding="utf-8")
    a, b = text.index(START) + len(START), text.index(END)
    path.write_text(text[:a] + "\n" + md + "\n" + text[b:], encoding="utf-8")


if __name__ == "__main__":
    main()
