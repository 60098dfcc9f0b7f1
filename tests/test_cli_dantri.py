"""The whole Dân Trí corpus through the command line to Parquet, in batches, with its progress
bar on a terminal, read back by pandas with the rows a direct analysis gives."""
import pathlib

import pandas as pd
from tqdm import tqdm

import tintuc
import tintuc.tables
from conftest import require_shared
from tintuc import schema
from tty_run import TtyRun


def test_cli_writes_the_whole_corpus_to_parquet(dantri, tmp_path):
    source = require_shared("corpus", "dantri", "unc_docs.jsonl")
    out = tmp_path / "events.parquet"
    n = len(dantri)
    run = TtyRun(["analyze", source, "--out", out])  # runs while this process analyzes too
    want = tintuc.analyze_many(tintuc.read(source)).events_frame()
    code, stdout, term = run.finish()
    assert code == 0, term
    assert stdout == b""
    # the bar, drawn because stderr is a terminal, counts the file's bytes
    size = tqdm.format_sizeof(pathlib.Path(source).stat().st_size)
    assert f"{size}/{size}" in term and "100%" in term
    assert f"wrote {len(want):,} events rows from {n:,} articles" in term

    back = pd.read_parquet(out)
    assert len(back) == len(want) > 0
    assert list(back.columns) == [c[0] for c in schema.EVENT_COLUMNS]
    ids = [r["doc_id"] for r in dantri]
    assert back["doc"].tolist() == [ids[k] for k in want["doc"]]
    assert back["trigger"].tolist() == want["trigger"].tolist()
    assert back["type"].astype(str).tolist() == want["type"].astype(str).tolist()
    # written in two batches (tintuc.tables.BATCH), clustered across both as in one pass
    assert n > tintuc.tables.BATCH
    assert back["cluster"].tolist() == want["cluster"].tolist()
