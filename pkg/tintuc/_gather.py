"""The documents of a batch gathered as they are analyzed, in any order, with what the rules
found in their caches and their event mentions linked as far as they are in order: shared by
the two ways ``analyze_many(n_jobs > 1)`` runs (tintuc._piped, tintuc._forked)."""
from __future__ import annotations

from .document import untrack

__all__ = ["rules", "Gathered"]


def rules(docs: list) -> list:
    """What the rules find in documents: (entities, times, attributions, event mentions) of
    each. Stage by stage, as one process does it, rather than document by document: each
    stage's code and tables then stay in the caches over a run of documents."""
    from .events.extract import extract_mentions
    entities = [doc.entities for doc in docs]
    times = [doc.times for doc in docs]
    attributions = [doc.attributions for doc in docs]
    return list(zip(entities, times, attributions, [extract_mentions(doc) for doc in docs]))


class Gathered:
    """``put(i, doc, found)`` for each of ``n`` documents in any order, ``found`` being what
    :func:`rules` gives for it; ``finish(finish)`` then hands ``finish(documents, mentions,
    clusters)`` the event mentions of each document (not yet clustered) and the clusters of
    all of them in order (tintuc.events.cluster.Linker), linked as they came in."""

    def __init__(self, n: int):
        from .events.cluster import Linker
        self.n = n
        self.docs = [None] * n
        self.mentions = [None] * n
        self.feats = [None] * n
        self.linker = Linker()
        self.linked = 0     # documents whose mentions are linked: all before the first missing

    def put(self, i: int, doc, found) -> None:
        from .events.cluster import features
        self.docs[i] = doc
        entities, times, attributions, events = found
        doc._cache["entities"] = entities
        doc._cache["times"] = times
        doc._cache["attributions"] = attributions
        # out of the collector's sight as they come (as Document._get does with what it
        # builds), before a collection would walk them
        for part in (entities, times, attributions, events):
            untrack(part)
        self.mentions[i] = events
        self.feats[i] = features(events, doc.published)
        feats, n = self.feats, self.n
        while self.linked < n and feats[self.linked] is not None:
            self.linker.add(feats[self.linked])
            feats[self.linked] = ()
            self.linked += 1

    def finish(self, finish=None) -> list:
        clusters = self.linker.clusters()
        # the features go while collections still wait: the first one after would walk them
        self.linker = self.feats = None
        if finish is not None:
            finish(self.docs, self.mentions, clusters)
        return self.docs
