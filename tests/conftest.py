"""Shared test fixtures: where ../shared is, and a guard that the C core is really loaded."""
import json
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


def shared_path() -> pathlib.Path | None:
    env = os.environ.get("TINTUC_SHARED")
    p = pathlib.Path(env) if env else ROOT.parent / "shared"
    return p if p.is_dir() else None


def require_shared(*parts: str) -> pathlib.Path:
    """The path of a file or folder in ../shared; skip (or fail under TINTUC_REQUIRE_SHARED=1) without it."""
    base = shared_path()
    target = base.joinpath(*parts) if base else None
    if target is None or not target.exists():
        msg = f"../shared/{'/'.join(parts)} not found (set TINTUC_SHARED to its folder)"
        if os.environ.get("TINTUC_REQUIRE_SHARED") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    return target


@pytest.fixture(scope="session")
def shared():
    return require_shared()


@pytest.fixture(scope="session")
def dantri():
    """The Dân Trí articles of ../shared as a list of dicts (doc_id, date, title, text, ...)."""
    path = require_shared("corpus", "dantri", "unc_docs.jsonl")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def pytest_sessionstart(session):
    # A build that silently lost its C core must fail every run, not skip.
    import tintuc._core  # noqa: F401
