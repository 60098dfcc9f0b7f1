#!/usr/bin/env python3
"""Word segmentation throughput on the Dân Trí corpus, side by side in one run:

  * tintuc.word_tokenize_many(texts): the batch API, one C call (normalize, tokenize,
    segment) with the GIL released; also its format="text" variant;
  * pyvi's ViTokenizer.tokenize(text), one call per article;
  * underthesea's word_tokenize(text), one call per article.

    python bench/segment_speed.py [--repeat 3] [--peer-docs 300] [--shared DIR]

Throughput is in syllables per second and UTF-8 megabytes (10^6 bytes) per second. Syllables are
counted once, as tintuc's word tokens of the text (letters between spaces and punctuation), and
every tool is credited with the syllables of the text it was given. The peers are slow, so they
run on the first --peer-docs articles (their rate is per syllable and per MB of that subset);
tintuc runs on all articles. Ratios are tintuc's rate over each peer's.
"""
import argparse

import _common

import tintuc


def syllables(texts) -> int:
    return sum(sum(1 for t in tintuc.tokenize(x) if t.kind == "word") for x in texts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--peer-docs", type=int, default=300)
    ap.add_argument("--shared")
    ap.add_argument("--out")
    args = ap.parse_args()
    texts = [d["text"] for d in _common.dantri(args.shared)]
    sub = texts[:args.peer_docs]
    mb, mb_sub = _common.megabytes(texts), _common.megabytes(sub)
    syl, syl_sub = syllables(texts), syllables(sub)

    tintuc.word_tokenize_many(texts[:20])  # load the model before timing
    t_list = _common.best_of(lambda: tintuc.word_tokenize_many(texts), args.repeat)
    t_text = _common.best_of(lambda: tintuc.word_tokenize_many(texts, format="text"), args.repeat)

    from pyvi import ViTokenizer
    import underthesea
    from underthesea import word_tokenize
    ViTokenizer.tokenize(sub[0])
    word_tokenize(sub[0])
    t_pyvi = _common.best_of(lambda: [ViTokenizer.tokenize(x) for x in sub], 1)
    t_uts = _common.best_of(lambda: [word_tokenize(x) for x in sub], 1)

    rows = {
        "tintuc.word_tokenize_many": {"docs": len(texts), "seconds": t_list, "syllables_per_s": syl / t_list,
                                      "mb_per_s": mb / t_list},
        "tintuc.word_tokenize_many(format='text')": {"docs": len(texts), "seconds": t_text,
                                                     "syllables_per_s": syl / t_text, "mb_per_s": mb / t_text},
        "pyvi ViTokenizer.tokenize": {"docs": len(sub), "seconds": t_pyvi, "syllables_per_s": syl_sub / t_pyvi,
                                      "mb_per_s": mb_sub / t_pyvi},
        f"underthesea {underthesea.__version__} word_tokenize": {"docs": len(sub), "seconds": t_uts,
                                                                  "syllables_per_s": syl_sub / t_uts,
                                                                  "mb_per_s": mb_sub / t_uts},
    }
    base = rows["tintuc.word_tokenize_many"]["syllables_per_s"]
    ratios = {"tintuc / pyvi": base / rows["pyvi ViTokenizer.tokenize"]["syllables_per_s"],
              "tintuc / underthesea": base / rows[f"underthesea {underthesea.__version__} word_tokenize"]["syllables_per_s"]}
    print(f"Dân Trí corpus: {len(texts)} articles, {mb:.1f} MB, {syl:,} syllables (peers: first {len(sub)} articles)")
    for name, r in rows.items():
        print(f"  {name:45s} {r['syllables_per_s'] / 1e6:7.3f} M syllables/s {r['mb_per_s']:8.2f} MB/s")
    for name, v in ratios.items():
        print(f"  {name:45s} {v:7.1f}x")
    path = _common.write("segment_speed", {"corpus": {"articles": len(texts), "mb": mb, "syllables": syl},
                                           "rows": rows, "ratios": ratios}, args.out)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
