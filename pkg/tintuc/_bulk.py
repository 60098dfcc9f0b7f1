"""Building many objects that stay: the cyclic garbage collector paused meanwhile."""
from __future__ import annotations

import contextlib
import gc

__all__ = ["no_collection"]


@contextlib.contextmanager
def no_collection():
    """The cyclic garbage collector paused: the objects a batch builds (entities, events) stay,
    or go by reference counting, and each full collection among them would walk every object
    of the corpus again. Its state is restored after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
