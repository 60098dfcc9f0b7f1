"""The shipped models, loaded once per process on first use."""
from __future__ import annotations

import functools
from importlib import resources

from . import _core


@functools.lru_cache(maxsize=None)
def segmenter() -> "_core.Segmenter":
    """The word segmentation model shipped in tintuc/data/segmenter.bin."""
    data = resources.files("tintuc").joinpath("data", "segmenter.bin").read_bytes()
    return _core.Segmenter(data)
