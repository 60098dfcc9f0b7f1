"""read() and Article: text files, folders, JSONL, CSV, splits, dates, encodings and bad input."""
import dataclasses
import datetime as dt
import json
import pathlib
import unicodedata

import pytest

import tintuc
from tintuc.articles import Article, date_in_name, decode_bytes, is_headline

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample"

TITLE = "Hai nước ký thỏa thuận thương mại mới"
BODY = [
    "Hà Nội, 5/6 (TTXVN) - Ngày 4/6, Bộ trưởng Công Thương hai nước đã ký thỏa thuận tại Hà Nội.",
    "Theo thỏa thuận, thuế nhập khẩu nông sản sẽ giảm dần trong 5 năm tới.",
    "Hai bên cũng nhất trí lập nhóm công tác chung.",
]


def write(path: pathlib.Path, text: str, encoding="utf-8") -> pathlib.Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_sample_folder_gives_one_article_per_file_sorted():
    arts = tintuc.read(SAMPLE)
    files = sorted(SAMPLE.glob("*.txt"))
    assert [a.id for a in arts] == [f.stem for f in files]
    for a, f in zip(arts, files):
        text = f.read_text(encoding="utf-8")
        assert a.text == text
        assert a.path == str(f)
        assert a.published == dt.date.fromisoformat(f.name[:10])
        assert a.title == text.split("\n")[0]
        assert a.lede == a.paragraphs[0] == text.split("\n")[1]
        assert all(p in a.text for p in a.paragraphs)
        assert a.title not in a.paragraphs


def test_article_is_frozen_and_slotted():
    a = tintuc.read(SAMPLE)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.title = "x"
    assert not hasattr(a, "__dict__")
    assert a.to_dict()["published"] == a.published.isoformat()


def test_analyze_many_keeps_articles_and_their_dates():
    arts = tintuc.read(SAMPLE)
    corpus = tintuc.analyze_many(arts)
    for art, doc in zip(arts, corpus):
        assert doc.meta["article"] is art
        assert doc.published == art.published
        assert doc.text == art.text


def test_title_heuristic(tmp_path):
    f = write(tmp_path / "a.txt", TITLE + "\n" + "\n".join(BODY) + "\n")
    (a,) = tintuc.read(f)
    assert a.title == TITLE and a.lede == BODY[0] and a.paragraphs == tuple(BODY)
    # A first line that ends like a sentence is the lede, not a title.
    g = write(tmp_path / "b.txt", "\n".join(BODY))
    (b,) = tintuc.read(g)
    assert b.title is None and b.lede == BODY[0] and len(b.paragraphs) == 3
    # One line alone is body, even if short.
    h = write(tmp_path / "c.txt", TITLE)
    (c,) = tintuc.read(h)
    assert c.title is None and c.paragraphs == (TITLE,)
    assert is_headline("Vì sao giá vàng tăng?") and not is_headline("Giá vàng tăng.")
    assert not is_headline("x" * 300)


def test_blank_lines_separate_paragraphs_when_present(tmp_path):
    wrapped = BODY[0][:40] + "\n" + BODY[0][41:]
    f = write(tmp_path / "a.txt", f"{TITLE}\n\n{wrapped}\n\n  {BODY[1]}  \n\n\n{BODY[2]}\n")
    (a,) = tintuc.read(f)
    assert a.title == TITLE
    assert a.paragraphs == (wrapped, BODY[1], BODY[2])


def test_split_paragraph_and_line(tmp_path):
    f = write(tmp_path / "2021-06-05_ky-ket.txt", TITLE + "\n" + "\n".join(BODY) + "\n")
    paras = tintuc.read(f, split="paragraph")
    assert [p.id for p in paras] == ["2021-06-05_ky-ket#p1", "2021-06-05_ky-ket#p2", "2021-06-05_ky-ket#p3"]
    assert [p.text for p in paras] == BODY
    assert all(p.title == TITLE and p.published == dt.date(2021, 6, 5) for p in paras)
    assert paras[0].lede == BODY[0] and paras[1].lede is None
    lines = tintuc.read(f, split="line")
    assert [x.text for x in lines] == [TITLE] + BODY  # a line file has no title: every line counts
    assert [x.id for x in lines] == [f"2021-06-05_ky-ket#l{n}" for n in range(1, 5)]
    with pytest.raises(ValueError, match="split must be one of"):
        tintuc.read(f, split="sentence")


def test_dates_in_file_names():
    assert date_in_name("2023-03-14_dien-dam.txt") == dt.date(2023, 3, 14)
    assert date_in_name("tin_20201001_x.txt") == dt.date(2020, 10, 1)
    assert date_in_name("2023-13-45_x.txt") is None
    assert date_in_name("so-1234567890.txt") is None
    assert date_in_name("bai-viet.txt") is None


def test_nested_folders_recursive_sorted_ids_relative(tmp_path):
    write(tmp_path / "b" / "2022-01-02_y.txt", "\n".join(BODY))
    write(tmp_path / "a" / "2022-01-01_x.txt", "\n".join(BODY))
    write(tmp_path / "ghi-chu.md", "không đọc")
    arts = tintuc.read(tmp_path)
    assert [a.id for a in arts] == ["a/2022-01-01_x", "b/2022-01-02_y"]
    assert [a.published for a in arts] == [dt.date(2022, 1, 1), dt.date(2022, 1, 2)]


def test_jsonl_rows(tmp_path):
    rows = [
        {"doc_id": "tin-1", "date": "20201001", "title": TITLE, "text": TITLE + "\n" + "\n".join(BODY),
         "url": "https://example.invalid/1"},
        {"id": 7, "published": "2021-02-03T10:00:00+07:00", "text": "\n".join(BODY[:2])},
        {"text": BODY[2], "date": 20220304},
    ]
    f = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n")
    a, b, c = tintuc.read(f)
    assert (a.id, a.title, a.published, a.lede) == ("tin-1", TITLE, dt.date(2020, 10, 1), BODY[0])
    assert a.paragraphs == tuple(BODY) and a.text == rows[0]["text"]
    assert a.meta == {"url": "https://example.invalid/1", "line": 1}
    assert (b.id, b.title, b.published) == ("7", None, dt.date(2021, 2, 3))
    assert (c.id, c.published) == ("feed:3", dt.date(2022, 3, 4))


def test_csv_and_tsv(tmp_path):
    multi = "\n".join(BODY)
    f = write(tmp_path / "tin.csv", 'id,published,title,text,chuyen_muc\n'
              f'x1,2020-05-06,"{TITLE}","{multi}",the-gioi\n'
              f'x2,,,"{BODY[1]}",kinh-te\n')
    a, b = tintuc.read(f)
    assert (a.id, a.published, a.title, a.paragraphs) == ("x1", dt.date(2020, 5, 6), TITLE, tuple(BODY))
    assert a.meta["chuyen_muc"] == "the-gioi"
    assert (b.id, b.published, b.title, b.text) == ("x2", None, None, BODY[1])
    t = write(tmp_path / "tin.tsv", f"date\ttext\n2020-01-02\t{BODY[0]}\n")
    (c,) = tintuc.read(t)
    assert (c.published, c.text) == (dt.date(2020, 1, 2), BODY[0])


def test_bom_and_crlf(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbf" + (TITLE + "\r\n" + "\r\n".join(BODY)).encode())
    (a,) = tintuc.read(f)
    assert a.title == TITLE and "\r" not in a.text and a.paragraphs == tuple(BODY)


def _cp1258(text: str) -> bytes:
    """Encode Vietnamese in CP1258: base letters with their vowel marks precomposed, tone marks
    as combining characters (the way that code page writes them)."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + tone)
    return "".join(out).encode("cp1258")


def test_legacy_encoding_is_decoded_and_recorded(tmp_path):
    text = TITLE + "\n" + "\n".join(BODY)
    f = tmp_path / "cu.txt"
    f.write_bytes(_cp1258(text))
    (a,) = tintuc.read(f)
    assert a.text == unicodedata.normalize("NFC", text)
    assert a.meta["encoding"] == "cp1258"


def test_unreadable_files_raise_errors_naming_them(tmp_path):
    missing = tmp_path / "khong-co.txt"
    with pytest.raises(FileNotFoundError) as e:
        tintuc.read(missing)
    assert "khong-co.txt" in str(e.value)
    binary = tmp_path / "anh.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ValueError, match=r"anh\.txt: binary data"):
        tintuc.read(binary)
    bad = write(tmp_path / "hong.jsonl", '{"text": "một"}\n{"text": \n')
    with pytest.raises(ValueError, match=r"hong\.jsonl:2: invalid JSON"):
        tintuc.read(bad)
    notext = write(tmp_path / "thieu.csv", "title,body\na,b\n")
    with pytest.raises(ValueError, match=r"thieu\.csv: no 'text' column"):
        tintuc.read(notext)
    nulltext = write(tmp_path / "rong.jsonl", '{"text": null}\n')
    with pytest.raises(ValueError, match=r"rong\.jsonl:1: 'text' must be a string"):
        tintuc.read(nulltext)
    baddate = write(tmp_path / "ngay.jsonl", '{"text": "một", "date": "hôm qua"}\n')
    with pytest.raises(ValueError, match=r"ngay\.jsonl:1: bad publication date"):
        tintuc.read(baddate)
    cells = write(tmp_path / "o.csv", "text\na,b\n")
    with pytest.raises(ValueError, match=r"o\.csv: record 1 has 2 cells"):
        tintuc.read(cells)
    empty = tmp_path / "trong"
    empty.mkdir()
    with pytest.raises(ValueError, match="no .txt files"):
        tintuc.read(empty)
    with pytest.raises(TypeError, match="paths must be str or os.PathLike"):
        tintuc.read([42])
    with pytest.raises(IsADirectoryError):
        tintuc.articles.read_file(tmp_path)


def test_decode_bytes_reports_position():
    assert decode_bytes("Hà Nội".encode()) == ("Hà Nội", "utf-8")
    with pytest.raises(ValueError, match=r"x\.txt: binary data \(NUL byte at position 2\)"):
        decode_bytes(b"ab\x00cd", "x.txt")


def test_article_fields_are_the_documented_ones():
    assert [f.name for f in dataclasses.fields(Article)] == [
        "id", "title", "lede", "paragraphs", "text", "published", "path", "meta"]


def test_table_files_are_read_row_by_row(tmp_path):
    rows = [{"id": f"t{k}", "text": f"{TITLE}\n{BODY[k % len(BODY)]}"} for k in range(3)]
    f = tmp_path / "feed.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\r\n" for r in rows)
                  + b'{"text": oops}\r\n' + b'{"text": "never read"}\n')
    got = []
    with pytest.raises(ValueError, match=r"feed\.jsonl:4: invalid JSON"):
        for a in tintuc.iter_read(f):
            got.append(a.id)
    assert got == ["t0", "t1", "t2"]    # given before the bad row was reached
    # the bytes read are told as they are read
    good = write(tmp_path / "good.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    seen = []
    assert [a.id for a in tintuc.articles.iter_file(good, count=seen.append)] == ["t0", "t1", "t2"]
    assert sum(seen) == good.stat().st_size


@pytest.mark.parametrize("name,content", [
    ("crlf.jsonl", b"\xef\xbb\xbf" + "\r\n".join(json.dumps({"id": f"r{k}", "text": f"{TITLE}\n\n{BODY[k]}",
                                                            "date": "2021-01-03"}, ensure_ascii=False)
                                                for k in range(3)).encode() + b"\r\n\r\n"),
    ("quoted.csv", ('\ufeffid,title,text\r\nq1,"{t}","{a}\r\n\r\n{b}"\r\nq2,,"{c}"\r\n'
                    .format(t=TITLE, a=BODY[0], b=BODY[1], c=BODY[2])).encode()),
    ("tab.tsv", "text\tnote\n{a}\tx\n{b}\ty\n".format(a=BODY[0], b=BODY[1]).encode()),
])
@pytest.mark.parametrize("split", ["file", "paragraph"])
def test_row_by_row_gives_what_reading_the_whole_file_gives(tmp_path, monkeypatch, name, content, split):
    f = tmp_path / name
    f.write_bytes(content)
    streamed = tintuc.read(f, split=split)
    monkeypatch.setattr(tintuc.articles, "_plain_utf8", lambda p: False)     # the whole-file path
    whole = tintuc.read(f, split=split)
    assert streamed == whole and len(streamed) >= 2
    assert all("\r" not in a.text for a in streamed)


def test_files_not_read_row_by_row(tmp_path):
    # a lone CR ends a line, as in any text file; UTF-16 and legacy encodings are decoded whole
    cr = tmp_path / "mac.jsonl"
    cr.write_bytes(b'{"text": "m\\u1ed9t"}\r{"text": "hai"}\r')
    assert [a.text for a in tintuc.read(cr)] == ["một", "hai"]
    u16 = tmp_path / "u16.csv"
    u16.write_bytes(f'text\n"{BODY[0]}"\n'.encode("utf-16"))
    assert [a.text for a in tintuc.read(u16)] == [BODY[0]]
    legacy = tmp_path / "cu.csv"
    legacy.write_bytes(b'text\n"' + _cp1258(BODY[0]) + b'"\n')
    (a,) = tintuc.read(legacy)
    assert a.text == unicodedata.normalize("NFC", BODY[0]) and a.meta["encoding"] == "cp1258"
    nul = tmp_path / "nul.jsonl"
    nul.write_bytes(b'{"text": "a"}\n\x00\n')
    with pytest.raises(ValueError, match=r"nul\.jsonl: binary data \(NUL byte at position 14\)"):
        tintuc.read(nul)
