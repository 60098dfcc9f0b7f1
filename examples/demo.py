"""A tour of tintuc over the bundled sample articles (examples/sample): run by `make demo`."""
import pathlib

import tintuc

SAMPLE = pathlib.Path(__file__).resolve().parent / "sample"


def main():
    print("== normalization: one tone placement, repairs, offsets kept")
    raw = "Hoà bình cho thuỷ thủ, qủa thật\u00a0Ðà Nẵng"
    print(f"  {raw!r}\n  -> {tintuc.normalize(raw)!r}")

    articles = tintuc.read(SAMPLE)
    corpus = tintuc.analyze_many(articles)
    first = corpus[0]
    print(f"\n== {len(corpus)} articles read from {SAMPLE.name}/; the first: {articles[0].title!r} "
          f"(published {first.published})")
    print("  words:", " | ".join(w.text for w in first.words[:18]), "...")
    print("  sentences:", len(first.sentences))

    print("\n== entities of the first article (text, label, id, how found)")
    for e in first.entities[:12]:
        print(f"  {e.text:38s} {e.label:4s} {e.id:34s} {e.source}")

    print("\n== events of the corpus (PLOVER type, who, when)")
    events = corpus.events_frame()
    cols = ["doc", "type", "mode", "trigger", "actor_names", "recipient_names", "date_value", "date_source"]
    with __import__("pandas").option_context("display.width", 160, "display.max_columns", 20,
                                             "display.max_colwidth", 40):
        print(events[cols].head(20).to_string(index=False))
    print(f"\n{len(events)} event mentions in {events['cluster'].nunique()} clusters; "
          f"{len(corpus.entities_frame())} entity mentions.")


if __name__ == "__main__":
    main()
