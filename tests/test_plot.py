"""tintuc.plot.timeline: event counts by type over time, rendered to PNG with the Agg backend."""
import pathlib

import matplotlib

matplotlib.use("Agg")

import matplotlib.image  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import tintuc  # noqa: E402
from tintuc import frames  # noqa: E402
from tintuc.plot import timeline  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample"


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def bar_total(ax) -> float:
    return sum(p.get_height() for p in ax.patches)


def test_sample_timeline_renders_to_png(tmp_path):
    events = tintuc.analyze_many(tintuc.read(SAMPLE)).events_frame()
    ax = timeline(events)
    dated = events["date"].notna()
    assert bar_total(ax) == dated.sum() > 0
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert set(legend) == set(events.loc[dated, "type"].astype(str))
    out = tmp_path / "timeline.png"
    ax.figure.savefig(out, dpi=60)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = matplotlib.image.imread(out)
    assert image.shape[0] > 100 and image.shape[1] > 300
    assert image[..., :3].std() > 0  # something was drawn


def test_dantri_timeline_by_publication_day(dantri, tmp_path):
    rows = dantri[:150]
    corpus = tintuc.analyze_many([r["text"] for r in rows], published=[r["date"] for r in rows])
    events = corpus.events_frame().merge(corpus.articles_frame()[["doc", "published"]], on="doc")
    ax = timeline(events, freq="D", date="published")
    assert bar_total(ax) == len(events) > 0
    assert "per day" in ax.get_title()
    ax.figure.savefig(tmp_path / "dantri.png", dpi=50)


def test_top_types_and_other():
    df = pd.DataFrame({
        "date": pd.to_datetime(["2020-01-01", "2020-01-01", "2020-01-02", "2020-01-03", None]),
        "type": ["ASSAULT", "ASSAULT", "CONSULT", "AGREE", "AGREE"],
    })
    ax = timeline(df, top=1)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["ASSAULT", "other"]
    assert bar_total(ax) == 4
    assert "1 undated" in ax.get_title() and "per day" in ax.get_title()


def test_empty_and_bad_frames():
    ax = timeline(frames.empty_frame("events"))
    assert any("no dated events" in t.get_text() for t in ax.texts)
    with pytest.raises(ValueError, match="needs a 'type' column"):
        timeline(pd.DataFrame({"date": pd.to_datetime(["2020-01-01"])}))
    with pytest.raises(TypeError, match="must be datetime64"):
        timeline(pd.DataFrame({"date": ["2020-01-01"], "type": ["AGREE"]}))
