"""What the benchmarks share: where ../shared is, the Dân Trí corpus, timing, results files."""
import json
import os
import pathlib
import platform
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def shared_dir(arg=None) -> pathlib.Path:
    if arg:
        return pathlib.Path(arg)
    env = os.environ.get("TINTUC_SHARED")
    return pathlib.Path(env) if env else ROOT.parent / "shared"


def dantri(shared=None) -> list[dict]:
    """The Dân Trí articles (doc_id, date, title, text, ...)."""
    path = shared_dir(shared) / "corpus" / "dantri" / "unc_docs.jsonl"
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def version_of(dist: str):
    """The installed version of a distribution, None when it is not installed."""
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:
        return None


def megabytes(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def best_of(fn, repeat: int = 3) -> float:
    """The best wall-clock time of `repeat` calls, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def machine() -> dict:
    return {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}


def write(name: str, payload: dict, out=None) -> pathlib.Path:
    path = pathlib.Path(out) if out else RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"machine": machine(), **payload}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
