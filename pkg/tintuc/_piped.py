"""A batch analyzed by native threads and the calling thread together, for
``analyze_many(n_jobs > 1)``: the C core of the batch runs on ``n_jobs - 1`` threads of the C
extension that never take the GIL (_core.analyze_run), chunk after chunk, while the calling
thread builds each finished chunk's results and runs the rules (entities, time expressions,
attributions, event mentions), which are Python. When no chunk is finished, the calling thread
runs the next one itself, so that it never waits while there is core work to do.

All of it happens on one heap: nothing is pickled, copied to another process or forked, and it
runs wherever the extension builds. The rules stay on one thread, so this gains the most with
two jobs (the core is about half of the work); tintuc._forked spreads the rules over
processes for more.
"""
from __future__ import annotations

from ._coredoc import CoreDoc
from ._gather import Gathered, rules
from .document import start_core

__all__ = ["analyze"]

# documents whose rules are run together: stage by stage over a run of documents keeps each
# stage's code in the caches (a chunk of the core is a few documents)
GROUP = 32


def analyze(texts: list, config: tuple, make_doc, threads: int, tick=None, finish=None) -> list:
    """The documents of ``texts`` with entities, times and attributions in their caches:
    ``make_doc(i, core)`` makes document i; ``config`` is (gazetteer, tone, fold_punct) for
    the core; ``threads`` run the core beside this one. ``finish`` is given the documents,
    their event mentions and clusters (tintuc._gather.Gathered); ``tick(k)`` is told of every
    k documents done."""
    gazetteer, tone, fold_punct = config
    gathered = Gathered(len(texts))
    run = start_core(texts, threads, gazetteer=gazetteer, tone=tone, fold_punct=fold_punct)
    try:
        group = []
        while True:
            got = run.take()
            if got is not None:
                start, raws = got
                group += [(i, make_doc(i, CoreDoc(texts[i], raw))) for i, raw in enumerate(raws, start)]
            if group and (got is None or len(group) >= GROUP):
                for (i, doc), found in zip(group, rules([doc for _, doc in group])):
                    gathered.put(i, doc, found)
                if tick is not None:
                    tick(len(group))
                group = []
            if got is None:
                break
    finally:
        run.close()     # (after an error or Ctrl-C: the threads end their chunk and stop)
    return gathered.finish(finish)
