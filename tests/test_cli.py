"""The command line: analyze to JSONL/CSV/Parquet, errors that name files, progress bars only on a
terminal, and the normalize/tokenize filters."""
import io
import json
import pathlib
import subprocess
import sys
import threading

import pandas as pd
import pytest
from tqdm import tqdm

import tintuc
from tintuc.cli import main
from tty_run import run_with_tty_stderr

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample"
# long enough (over 50 multi-byte letters) that one bad byte leaves it UTF-8 to the detector
LONG_LINE = ("Việt Nam và Hà Nội hôm nay, Thủ tướng Chính phủ đã có cuộc điện đàm với người đồng cấp "
             "Nhật Bản về hợp tác kinh tế và đầu tư. " * 3).strip()


def run(*args, stdin: bytes = b"", **kw):
    """``python -m tintuc ARGS`` in a child process: (returncode, stdout bytes, stderr str)."""
    p = subprocess.run([sys.executable, "-m", "tintuc", *map(str, args)], input=stdin,
                       capture_output=True, cwd=ROOT, **kw)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def sample_corpus():
    return tintuc.analyze_many(tintuc.read(SAMPLE))


def test_analyze_events_jsonl_to_stdout(sample_corpus):
    code, out, err = run("analyze", SAMPLE)
    assert code == 0 and err == ""  # piped: no progress bar
    rows = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    want = sample_corpus.events_frame()
    assert len(rows) == len(want) > 0
    assert [r["trigger"] for r in rows] == want["trigger"].tolist()
    assert list(rows[0]) == list(want.columns)
    # doc names the article (the file's stem), so tables from separate runs join
    stems = [p.stem for p in sorted(SAMPLE.glob("*.txt"))]
    assert [r["doc"] for r in rows] == [stems[k] for k in want["doc"]]


def test_repeated_article_ids_are_told_apart(capsys):
    assert main(["analyze", str(SAMPLE), str(SAMPLE), "--table", "articles"]) == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    stems = [p.stem for p in sorted(SAMPLE.glob("*.txt"))]
    assert [r["doc"] for r in rows] == stems + [f"{s}~2" for s in stems]
    assert captured.err == f"tintuc: warning: article id {stems[0]!r} occurs more than once: " \
                           "the doc column adds ~2, ~3... to the repeated ones\n"


def test_console_script_is_installed():
    script = pathlib.Path(sys.executable).parent / "tintuc"
    assert script.exists(), "pyproject declares the tintuc script; reinstall with pip install -e"
    p = subprocess.run([script, "--help"], capture_output=True, text=True)
    assert p.returncode == 0 and "analyze" in p.stdout and "normalize" in p.stdout


def test_entities_csv_in_process(sample_corpus, capsys):
    assert main(["analyze", str(SAMPLE), "--table", "entities", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    back = pd.read_csv(io.StringIO(out), keep_default_na=False)
    want = sample_corpus.entities_frame()
    assert back["text"].tolist() == want["text"].tolist()
    assert back["label"].tolist() == want["label"].astype(str).tolist()


def test_out_file_format_from_suffix(tmp_path, sample_corpus):
    out = tmp_path / "bai.parquet"
    assert main(["analyze", str(SAMPLE), "--table", "articles", "--out", str(out)]) == 0
    back = pd.read_parquet(out)
    assert back["id"].tolist() == sample_corpus.articles_frame()["id"].tolist()
    csv_out = tmp_path / "ev.csv"
    assert main(["analyze", str(SAMPLE), "--out", str(csv_out)]) == 0
    assert len(pd.read_csv(csv_out)) == len(sample_corpus.events_frame())


def test_parquet_to_stdout_is_refused(capsys):
    with pytest.raises(SystemExit) as e:
        main(["analyze", str(SAMPLE), "--format", "parquet"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "Parquet" in err and "--out" in err


def test_unreadable_files_are_reported_and_skipped(tmp_path, capsys):
    (tmp_path / "anh.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "hong.jsonl").write_text('{"text": "Mỹ."}\n{oops\n', encoding="utf-8")
    missing = tmp_path / "khong-co.txt"
    empty = tmp_path / "trong"
    empty.mkdir()
    code = main(["analyze", str(missing), str(tmp_path / "anh.txt"), str(SAMPLE),
                 str(tmp_path / "hong.jsonl"), str(empty), "--table", "articles"])
    captured = capsys.readouterr()
    assert code == 1
    for name in ("khong-co.txt", "anh.txt", "hong.jsonl:2", "trong"):
        assert name in captured.err
    assert "4 inputs could not be read" in captured.err
    # a table file is read row by row: the rows before its first bad one are analyzed
    assert "hong.jsonl:2: invalid JSON" in captured.err and "(the rest of the file skipped)" in captured.err
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in rows] == [p.stem for p in sorted(SAMPLE.glob("*.txt"))] + ["hong:1"]


def test_split_and_default_published(tmp_path, capsys):
    f = tmp_path / "tin.txt"  # no date in its name
    f.write_text("Tin vắn\nHai bên nhất trí hợp tác.\nNgày 28/12, hai nước ký thỏa thuận.\n", encoding="utf-8")
    assert main(["analyze", str(f), "--split", "paragraph", "--table", "articles",
                 "--published", "2021-01-03"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["tin#p1", "tin#p2"]
    assert {r["published"] for r in rows} == {"2021-01-03"}
    assert [r["title"] for r in rows] == ["Tin vắn", "Tin vắn"]
    # a file's own date wins over --published
    assert main(["analyze", str(SAMPLE), "--table", "articles", "--published", "2000-01-01"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "2000-01-01" not in {r["published"] for r in rows}
    with pytest.raises(SystemExit) as e:
        main(["analyze", str(f), "--published", "hôm qua"])
    assert e.value.code == 2


def test_jsonl_input_with_dates(tmp_path, capsys):
    f = tmp_path / "feed.jsonl"
    rows = [{"id": "a", "date": "20210103", "text": "Ngày 28/12, Mỹ và Nhật Bản ký thỏa thuận hợp tác."},
            {"id": "b", "date": "20201230", "text": "Hai bên nhất trí hợp tác."}]
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert main(["analyze", str(f), "--table", "articles"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["published"]) for r in out] == [("a", "2021-01-03"), ("b", "2020-12-30")]


def test_progress_bar_on_a_terminal_only(tmp_path):
    out = tmp_path / "ev.jsonl"
    code, _, term = run_with_tty_stderr(["analyze", SAMPLE, "--out", out])
    assert code == 0
    # in bytes of input: the articles' count is known only once all are read
    size = sum(p.stat().st_size for p in SAMPLE.glob("*.txt"))
    done = f"{tqdm.format_sizeof(size)}/{tqdm.format_sizeof(size)}"
    assert "tintuc" in term and "100%" in term and done in term and "B/s" in term
    assert "wrote" in term and "from 5 articles" in term and str(out) in term
    code, _, err = run("analyze", SAMPLE, "--out", out)
    assert code == 0 and err == ""
    code, _, err = run("analyze", SAMPLE, "--out", out, "--progress")
    assert code == 0 and done in err


def test_normalize_filter():
    text = "Hoà bình cho thuỷ thủ\n\nqủa thật HOÀ\n"
    code, out, err = run("normalize", stdin=text.encode())
    assert code == 0 and err == ""
    assert out.decode() == "Hòa bình cho thủy thủ\n\nquả thật HÒA\n"
    code, out, _ = run("normalize", "--tone", "hoà", stdin="Hòa bình".encode())
    assert out.decode() == "Hoà bình\n"
    code, out, _ = run("normalize", "--tone", "none", stdin="Hoà bình\r\n".encode())
    assert out.decode() == "Hoà bình\n"


def test_normalize_filter_reports_broken_utf8_and_keeps_the_line():
    data = "một\n".encode() + LONG_LINE.encode() + b"\xff\n" + "hai\n".encode()
    code, out, err = run("normalize", stdin=data)
    assert code == 1
    assert "<stdin>:2: invalid UTF-8" in err
    lines = out.decode().split("\n")
    assert lines[0] == "một" and lines[1].startswith(tintuc.normalize(LONG_LINE)) and lines[2] == "hai"


def test_normalize_filter_decodes_legacy_lines():
    line = "Hà Nội hôm nay trời nắng, người dân đi làm đông đúc trên các tuyến phố chính."
    code, out, _ = run("normalize", stdin=tintuc_cp1258(line) + b"\n")
    assert code == 0 and out.decode() == tintuc.normalize(line) + "\n"


def tintuc_cp1258(text: str) -> bytes:
    import unicodedata
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
                   + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_tokenize_filter():
    lines = ["Ngoại trưởng Nhật Bản điện đàm với người đồng cấp Hàn Quốc.", "", "Hai bên nhất trí. Mỹ ủng hộ."]
    code, out, err = run("tokenize", stdin="\n".join(lines).encode())
    assert code == 0 and err == ""
    assert out.decode().split("\n")[:-1] == [tintuc.word_tokenize(x, format="text") for x in lines]
    code, out, _ = run("tokenize", "--tokens", stdin=lines[0].encode())
    assert out.decode() == " ".join(t.text for t in tintuc.tokenize(lines[0])) + "\n"
    code, out, _ = run("tokenize", "--sentences", stdin=lines[2].encode())
    assert out.decode().split("\n")[:-1] == [tintuc.word_tokenize(s, format="text")
                                             for s in tintuc.sent_tokenize(lines[2])]


def test_closed_pipe_is_not_an_error():
    big = ("Hai bên nhất trí tăng cường hợp tác.\n" * 20000).encode()
    p = subprocess.Popen([sys.executable, "-m", "tintuc", "tokenize"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)

    def feed():
        try:
            p.stdin.write(big)
            p.stdin.close()
        except BrokenPipeError:  # the child may stop reading once its output is closed
            pass

    feeder = threading.Thread(target=feed)
    feeder.start()
    first = p.stdout.readline()
    p.stdout.close()
    feeder.join()
    err = p.stderr.read().decode()
    p.wait()
    assert first.startswith(b"Hai b")
    assert "Traceback" not in err and p.returncode == 0


def test_usage_errors():
    code, _, err = run("analyze")
    assert code == 2 and "PATH" in err
    code, _, err = run("analyze", SAMPLE, "--table", "people")
    assert code == 2 and "--table" in err
    code, _, err = run()
    assert code == 2


def test_missing_pandas_is_a_clear_error(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(SystemExit) as e:
        main(["analyze", str(SAMPLE)])
    assert e.value.code == 2
    assert "needs pandas" in capsys.readouterr().err
