#!/usr/bin/env python3
"""Word segmentation accuracy on UD Vietnamese VTB dev: tintuc, pyvi and underthesea side by side.

    python bench/segment_accuracy.py [--shared DIR] [--out bench/results/segment_accuracy.json]

Every tool gets the same input, sentence by sentence: the sentence text as the treebank gives
it (its "# text" line, which is the word FORMs joined by single spaces). Each tool's words are
then aligned back to that text, character by character, and scored as character spans:

  * a gold word is the [start, end) span of its FORM in the text (a FORM may hold spaces:
    "chấp nhận" is one word);
  * a predicted word is the span from the text position of its first character to that of
    its last, found by walking the text and the word's characters in step, spaces and "_"
    skipped (pyvi writes "chấp_nhận"), letters compared without case or diacritics (a tool
    that moves a tone mark, "hoà" -> "hòa", still aligns). If a tool rewrites characters so that
    the walk fails, difflib aligns the two strings instead and the sentence is counted under
    "fuzzy" in the results;
  * precision, recall and F1 count exactly matching spans over all sentences.

So a tool that splits or merges punctuation, numbers or abbreviations differently from the
treebank ("TP." vs "TP" + ".") is scored on exactly what it produced, the same way for all.

How each tool is run:
  * tintuc: the Segmenter (pkg/tintuc/data/segmenter.bin) over the sentence's whitespace-separated
    tokens; when the package offers tintuc.words(text) (the full pipeline with its own tokenizer),
    that is scored too, as a separate row;
  * pyvi: ViTokenizer.tokenize(text), words split on spaces, "_" read as a space;
  * underthesea: word_tokenize(text), a list of words.
Timings are wall-clock seconds for the whole dev set, for information only.
"""
import argparse
import difflib
import json
import os
import platform
import sys
import time
import unicodedata

from _common import ROOT, shared_dir, version_of


def read_dev(path):
    """(text, gold word spans) per sentence."""
    out = []
    text, forms = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[len("# text = "):]
            elif not line:
                if forms:
                    out.append(_gold(text, forms))
                text, forms = None, []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "-" not in cols[0] and "." not in cols[0]:
                    forms.append(cols[1])
    if forms:
        out.append(_gold(text, forms))
    return out


def _gold(text, forms):
    if text is None:
        text = " ".join(forms)
    spans, pos = [], 0
    for w in forms:
        start = text.index(w, pos)
        spans.append((start, start + len(w)))
        pos = start + len(w)
    return text, spans


def fold(ch):
    """A character compared without case or diacritics."""
    if ch in "đĐ":
        return "d"
    return unicodedata.normalize("NFD", ch)[0].lower()


def align(text, words):
    """Character spans of words in text. Returns (spans, fuzzy)."""
    spans = []
    pos = 0
    n = len(text)
    for w in words:
        chars = [c for c in w if not c.isspace() and c != "_"]
        if not chars:
            continue
        start = end = None
        p = pos
        ok = True
        for c in chars:
            while p < n and text[p].isspace():
                p += 1
            if p >= n or fold(text[p]) != fold(c):
                ok = False
                break
            if start is None:
                start = p
            p += 1
            end = p
        if not ok:
            return _align_fuzzy(text, words), True
        spans.append((start, end))
        pos = p
    return spans, False


def _align_fuzzy(text, words):
    """difflib alignment of the words' characters with the text's, for tools that rewrite."""
    tpos = [i for i, c in enumerate(text) if not c.isspace()]
    tchars = [fold(text[i]) for i in tpos]
    wchars, owner = [], []
    for k, w in enumerate(words):
        for c in w:
            if not c.isspace() and c != "_":
                wchars.append(fold(c))
                owner.append(k)
    where = [None] * len(wchars)
    sm = difflib.SequenceMatcher(None, tchars, wchars, autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for j in range(size):
            where[b + j] = tpos[a + j]
    spans = []
    for k in range(len(words)):
        hits = [where[j] for j in range(len(wchars)) if owner[j] == k and where[j] is not None]
        if hits:
            spans.append((min(hits), max(hits) + 1))
    return spans


def score(dev, outputs):
    tp = fp = fn = 0
    fuzzy = 0
    for (text, gold), words in zip(dev, outputs):
        spans, fz = align(text, words)
        fuzzy += fz
        g, p = set(gold), set(spans)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"f1": f1, "precision": prec, "recall": rec, "gold_words": tp + fn,
            "predicted_words": tp + fp, "fuzzy_sentences": fuzzy}


def run_tintuc_segmenter(texts):
    from tintuc import _core
    seg = _core.Segmenter((ROOT / "pkg" / "tintuc" / "data" / "segmenter.bin").read_bytes())
    return [seg.segment(t.split()) for t in texts]


def run_tintuc_pipeline(texts):
    import tintuc
    out = []
    for t in texts:
        out.append([w.text for w in tintuc.words(t)])
    return out


def run_pyvi(texts):
    from pyvi import ViTokenizer
    return [ViTokenizer.tokenize(t).split(" ") for t in texts]


def run_underthesea(texts):
    from underthesea import word_tokenize
    return [word_tokenize(t) for t in texts]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "segment_accuracy.json"))
    args = ap.parse_args(argv)
    path = shared_dir(args.shared) / "data" / "ud-vi-vtb" / "vi_vtb-ud-dev.conllu"
    if not path.exists():
        sys.exit(f"{path} not found: pass --shared or set TINTUC_SHARED")
    sys.path.insert(0, str(ROOT / "pkg"))
    dev = read_dev(path)
    texts = [t for t, _ in dev]

    tools = [
        ("tintuc", "tintuc (Segmenter over whitespace tokens)", run_tintuc_segmenter, "tintuc"),
        ("tintuc-pipeline", "tintuc.words(text) (own tokenizer + Segmenter)", run_tintuc_pipeline, "tintuc"),
        ("pyvi", "pyvi ViTokenizer.tokenize", run_pyvi, "pyvi"),
        ("underthesea", "underthesea word_tokenize", run_underthesea, "underthesea"),
    ]
    results = {}
    for key, desc, fn, dist in tools:
        if key == "tintuc-pipeline":
            import tintuc
            if not hasattr(tintuc, "words"):
                continue
        t0 = time.perf_counter()
        try:
            outputs = fn(texts)
        except ImportError as e:
            print(f"{key}: not available ({e})", file=sys.stderr)
            continue
        secs = time.perf_counter() - t0
        r = score(dev, outputs)
        r.update({"how": desc, "version": version_of(dist), "seconds": round(secs, 3)})
        results[key] = r

    print(f"UD Vietnamese VTB dev: {len(dev)} sentences, {sum(len(g) for _, g in dev)} words; "
          "scored by character spans")
    print(f"{'tool':<18}{'F1':>8}{'prec':>8}{'rec':>8}{'fuzzy':>7}{'secs':>8}  how")
    for key, r in results.items():
        print(f"{key:<18}{r['f1']:8.4f}{r['precision']:8.4f}{r['recall']:8.4f}{r['fuzzy_sentences']:7d}"
              f"{r['seconds']:8.2f}  {r['how']}")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"data": "UD Vietnamese VTB dev (vi_vtb-ud-dev.conllu)", "sentences": len(dev),
                   "scoring": "character spans of words in the sentence text; see bench/segment_accuracy.py",
                   "python": platform.python_version(), "results": results}, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(args.out)}")


if __name__ == "__main__":
    main()
