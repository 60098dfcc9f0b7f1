"""Tables written batch by batch (tintuc.tables, `tintuc analyze --batch`): the rows of one
analyze_many over every article, whatever the batches, in every format."""
import dataclasses
import io
import json
import pathlib

import pandas as pd
import pytest

import tintuc
from tintuc.cli import main
from tintuc.tables import TableWriter, write_table

SAMPLE = pathlib.Path(__file__).resolve().parent.parent / "examples" / "sample"
# the same call reported twice, in articles that land in different batches
CALL_A = ("Hà Nội, 12/3 - Ngày 12/3, Thủ tướng Phạm Minh Chính đã điện đàm với Thủ tướng Nhật Bản "
          "Kishida Fumio về hợp tác kinh tế.")
CALL_B = ("Tối 12/3, Thủ tướng Phạm Minh Chính điện đàm với người đồng cấp Nhật Bản Kishida Fumio. "
          "Hai bên nhất trí thúc đẩy đầu tư.")
TEXTS = [CALL_A, "Trời hôm nay mưa to ở Huế.", "", "Bộ Y tế cho biết số ca mắc giảm.", CALL_B]


def plain(df):
    """A frame's cells as plain Python values (categories as their str, missing as None)."""
    return [[None if (v is None or v is pd.NA or (isinstance(v, float) and v != v)) else
             (list(v) if hasattr(v, "__len__") and not isinstance(v, str) else v)
             for v in row] for row in df.astype(object).itertuples(index=False, name=None)]


@pytest.mark.parametrize("table", ["events", "entities", "articles"])
@pytest.mark.parametrize("batch", [1, 2, 100])
def test_batches_give_the_rows_of_one_batch(table, batch):
    want = tintuc.analyze_many(TEXTS, published="2023-03-13").frame(table)
    out = io.StringIO()
    rows = write_table(TEXTS, out, table=table, format="jsonl", batch=batch, published="2023-03-13")
    got = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows == len(got) == len(want) > 0
    assert [r["doc"] for r in got] == want["doc"].tolist()
    if table == "events":
        # clustered across batches: both reports of the call share one cluster
        assert [r["cluster"] for r in got] == want["cluster"].tolist()
        call = {r["cluster"] for r in got if r["doc"] in (0, 4)}
        assert len(call) == 1 and sorted(r["doc"] for r in got if r["cluster"] in call) == [0, 4]
    if table == "entities":
        assert [r["text"] for r in got] == want["text"].tolist()


def test_files_in_every_format_match_one_pass(tmp_path):
    arts = tintuc.read(SAMPLE)
    corpus = tintuc.analyze_many(arts)
    for table in ("events", "entities", "articles"):
        want = tintuc.Corpus(list(corpus), [a.id for a in arts]).frame(table)
        pq = tmp_path / f"{table}.parquet"
        assert write_table(arts, pq, table=table, batch=2) == len(want)
        back = pd.read_parquet(pq)
        assert list(back.columns) == list(want.columns)
        assert plain(back) == plain(want)
        csv = tmp_path / f"{table}.csv"
        write_table(arts, csv, table=table, batch=2)
        assert csv.read_text(encoding="utf-8").count("doc,") == 1      # one header
        assert len(pd.read_csv(csv, keep_default_na=False)) == len(want)


def test_reachable_from_the_package():
    assert tintuc.tables.write_table is write_table


def test_a_series_keeps_its_index_and_bad_arguments_are_refused():
    s = pd.Series(TEXTS, index=[f"a{k}" for k in range(len(TEXTS))])
    out = io.StringIO()
    write_table(s, out, table="articles", format="jsonl", batch=2)
    assert [json.loads(line)["doc"] for line in out.getvalue().splitlines()] == list(s.index)
    with pytest.raises(ValueError, match="batch"):
        write_table(TEXTS, io.StringIO(), batch=0)
    with pytest.raises(ValueError, match="table"):
        write_table(TEXTS, io.StringIO(), table="tokens")
    with pytest.raises(ValueError, match="keys"):
        write_table(TEXTS, io.StringIO(), keys=[1, 2])
    with pytest.raises(ValueError, match="binary"):
        TableWriter(io.StringIO(), "parquet")


def test_nothing_to_read_still_writes_the_header(tmp_path):
    out = io.StringIO()
    assert write_table([], out, table="entities", format="csv") == 0
    assert out.getvalue().startswith("doc,mention,")
    pq = tmp_path / "none.parquet"
    assert write_table([], pq, table="events") == 0
    assert len(pd.read_parquet(pq)) == 0


def test_the_command_line_in_batches(tmp_path, capsys):
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    assert main(["analyze", str(SAMPLE), "--table", "entities", "--out", str(one), "--no-progress"]) == 0
    assert main(["analyze", str(SAMPLE), "--table", "entities", "--batch", "2", "--out", str(many),
                 "--no-progress"]) == 0
    assert one.read_bytes() == many.read_bytes() and one.stat().st_size > 0
    with pytest.raises(SystemExit) as stop:
        main(["analyze", str(SAMPLE), "--batch", "0"])
    assert stop.value.code == 2 and "--batch" in capsys.readouterr().err


@pytest.mark.parametrize("table", ["events", "entities", "articles"])
def test_each_batch_is_freed_before_the_next(table):
    # by reference counting alone: with the collector off, no document of a written batch is
    # left (a corpus whose events were never asked for holds its documents in a cycle)
    import gc
    from tintuc.document import Document
    live = []
    gc.collect()
    gc.disable()
    try:
        write_table(TEXTS * 3, io.StringIO(), table=table, format="jsonl", batch=4,
                    tick=lambda k: live.append(sum(type(o) is Document for o in gc.get_objects())))
    finally:
        gc.enable()
    assert live == [0, 0, 0, 0]


def test_a_released_group_leaves_events_to_each_document():
    corpus = tintuc.analyze_many([CALL_A, CALL_B], published="2023-03-13")
    group = corpus[0]._group
    group.release()
    assert corpus[0]._group is None and group.documents == []
    # clustered alone now: each document's mention is the first of its own
    assert [ev.cluster for ev in corpus[1].events] == [0]


def test_an_iterable_is_taken_a_batch_at_a_time():
    pulled = []

    def articles():
        for k, text in enumerate(TEXTS):
            pulled.append(k)
            yield text

    class Out(io.StringIO):
        pulled_at_first_write = None

        def write(self, s):
            if self.pulled_at_first_write is None:
                self.pulled_at_first_write = len(pulled)
            return super().write(s)

    out = Out()
    rows = write_table(articles(), out, table="entities", format="jsonl", batch=2, published="2023-03-13")
    want = tintuc.analyze_many(TEXTS, published="2023-03-13").frame("entities")
    assert rows == len(want) > 0 and out.pulled_at_first_write == 2
    assert [json.loads(line)["text"] for line in out.getvalue().splitlines()] == want["text"].tolist()
    # a published date per article, from an iterator too; too few or too many of them refused
    out = io.StringIO()
    write_table(iter(TEXTS), out, table="articles", format="jsonl", batch=2, published=iter(["2023-03-13"] * 5))
    assert {json.loads(line)["published"] for line in out.getvalue().splitlines()} == {"2023-03-13"}
    with pytest.raises(ValueError, match="more articles than keys or published"):
        write_table(iter(TEXTS), io.StringIO(), table="articles", batch=2, published=iter(["2023-03-13"] * 4))
    with pytest.raises(ValueError, match="published has more values"):
        write_table(iter(TEXTS), io.StringIO(), table="articles", batch=2, published=iter(["2023-03-13"] * 6))


def test_repeated_ids_are_told_apart_in_the_doc_column():
    arts = tintuc.read(SAMPLE)
    twice = arts + arts[:2] + [dataclasses.replace(arts[0], id=f"{arts[0].id}~2")]
    out = io.StringIO()
    with pytest.warns(UserWarning, match=f"article id '{arts[0].id}' occurs more than once"):
        write_table(iter(twice), out, table="articles", format="jsonl", batch=3)
    docs = [json.loads(line)["doc"] for line in out.getvalue().splitlines()]
    ids = [a.id for a in arts]
    # an id that is itself "x~2" is kept apart from the second "x"
    assert docs == ids + [f"{ids[0]}~2", f"{ids[1]}~2", f"{ids[0]}~2~2"]
    keys = tintuc.tables.ArticleKeys()
    assert [keys(x) for x in ("a", "b")] == [0, 1]      # texts with no id: their position


def test_parquet_lists_empty_in_the_first_frame_take_strings_later(tmp_path):
    first = pd.DataFrame({"doc": ["a"], "actors": [[]]})
    later = pd.DataFrame({"doc": ["b", "c"], "actors": [["VN", "JP"], []]})
    path = tmp_path / "lists.parquet"
    with TableWriter(path, "parquet") as out:
        out.write(first)
        out.write(later)
    back = pd.read_parquet(path)
    assert back["doc"].tolist() == ["a", "b", "c"]
    assert [list(v) for v in back["actors"]] == [[], ["VN", "JP"], []]
