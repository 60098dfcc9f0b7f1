#!/usr/bin/env python3
"""Run every benchmark in turn, then write their figures into README.md (bench/report.py).

    python bench/run_all.py [--shared DIR]

Each script runs tintuc and its peers side by side on the same input and writes
bench/results/<name>.json; they need the peers installed (`pip install -e '.[bench]'`) and
../shared (or --shared). The whole run takes several minutes, most of it in the peers.
"""
import argparse
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
SCRIPTS = ["normalize_speed.py", "segment_accuracy.py", "segment_speed.py", "gazetteer_speed.py",
           "pipeline_speed.py", "seed_scores.py"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared")
    args = ap.parse_args()
    extra = ["--shared", args.shared] if args.shared else []
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        subprocess.run([sys.executable, str(HERE / script), *extra], check=True)
    subprocess.run([sys.executable, str(HERE / "report.py"), "--readme", str(HERE.parent / "README.md")], check=True)
    print("README.md updated with the figures above")


if __name__ == "__main__":
    main()
