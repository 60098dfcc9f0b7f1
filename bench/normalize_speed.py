#!/usr/bin/env python3
"""Normalization speed on the Dân Trí corpus, side by side in one run:

  * unicodedata.normalize("NFC", text): the floor (it does less: no tone placement, no
    folding, no repairs, and it returns at once when the quick check passes);
  * tintuc.normalize(text), one call per article, and tintuc.normalize_many(texts), one call;
  * underthesea's text_normalize(text), one call per article.

    python bench/normalize_speed.py [--repeat 3] [--underthesea-docs N] [--shared DIR]

Throughput is UTF-8 megabytes (10^6 bytes) of article text per second, best of --repeat passes.
underthesea runs on all articles unless --underthesea-docs limits it (its rate is then per MB
of that subset). Ratios: tintuc's rate over underthesea's, and tintuc's time over the NFC floor's.
"""
import argparse
import unicodedata

import _common

import tintuc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--underthesea-docs", type=int, default=0)
    ap.add_argument("--shared")
    ap.add_argument("--out")
    args = ap.parse_args()
    texts = [d["text"] for d in _common.dantri(args.shared)]
    mb = _common.megabytes(texts)

    t_nfc = _common.best_of(lambda: [unicodedata.normalize("NFC", t) for t in texts], args.repeat)
    t_one = _common.best_of(lambda: [tintuc.normalize(t) for t in texts], args.repeat)
    t_many = _common.best_of(lambda: tintuc.normalize_many(texts), args.repeat)

    from underthesea import text_normalize
    import underthesea
    sub = texts[:args.underthesea_docs] if args.underthesea_docs else texts
    t_uts = _common.best_of(lambda: [text_normalize(t) for t in sub], 1)
    uts_rate = _common.megabytes(sub) / t_uts

    rows = {
        "unicodedata NFC": {"seconds": t_nfc, "mb_per_s": mb / t_nfc},
        "tintuc.normalize": {"seconds": t_one, "mb_per_s": mb / t_one},
        "tintuc.normalize_many": {"seconds": t_many, "mb_per_s": mb / t_many},
        f"underthesea {underthesea.__version__} text_normalize": {"seconds": t_uts, "mb_per_s": uts_rate,
                                                                   "docs": len(sub)},
    }
    ratios = {
        "tintuc.normalize / underthesea (speed)": (mb / t_one) / uts_rate,
        "tintuc.normalize_many / underthesea (speed)": (mb / t_many) / uts_rate,
        "tintuc.normalize time / NFC floor time": t_one / t_nfc,
        "tintuc.normalize_many time / NFC floor time": t_many / t_nfc,
    }
    print(f"Dân Trí corpus: {len(texts)} articles, {mb:.1f} MB; best of {args.repeat}")
    for name, r in rows.items():
        print(f"  {name:45s} {r['mb_per_s']:9.1f} MB/s  ({r['seconds']:.3f} s)")
    for name, v in ratios.items():
        print(f"  {name:45s} {v:9.1f}x" if "speed" in name else f"  {name:45s} {v:9.2f}")
    path = _common.write("normalize_speed", {"corpus": {"articles": len(texts), "mb": mb}, "rows": rows,
                                             "ratios": ratios}, args.out)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
