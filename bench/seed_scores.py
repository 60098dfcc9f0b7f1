#!/usr/bin/env python3
"""Run the shared scorer on the hand-annotated seed articles and keep its figures.

    python bench/seed_scores.py [--shared DIR]

The scorer (../shared/tools/score_seeds.py) reports entity F1, identity linking, event recall
and precision, and the duplicate checks; this records its summary lines in
bench/results/seed_scores.json for the README.
"""
import argparse
import subprocess
import sys

import _common


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared")
    ap.add_argument("--out")
    args = ap.parse_args()
    scorer = _common.shared_dir(args.shared) / "tools" / "score_seeds.py"
    out = subprocess.run([sys.executable, str(scorer)], capture_output=True, text=True, check=True).stdout
    lines = [line for line in out.splitlines() if line.split(":")[0] in ("entities", "linking", "events", "duplicates")]
    print("\n".join(lines))
    _common.write("seed_scores", {"lines": lines, "summary": "; ".join(lines) + "."}, args.out)


if __name__ == "__main__":
    main()
