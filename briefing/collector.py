"""The garbage collector paused while a large structure with no garbage cycles is built, long-lived
caches kept out of its passes, and freed memory handed back to the system before a build's
workers start."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block: loading a pickled pipeline or a window's extractions makes
    millions of objects and no garbage cycle, and the collector's passes over them are waste
    (half the time of loading a large window); it runs again as before afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def settle() -> None:
    """What is alive now moved out of the collector's generations (gc.freeze), the young garbage
    collected first. An extraction grows caches (readings, analyses, rows of words) to hundreds of
    thousands of objects that live as long as the process: each full collection walked them all
    again and found nothing to free (0.85 s of a first run over the corpus). Frozen objects are
    still freed when no longer referenced; only a garbage cycle already in the old generation is
    kept, until gc.unfreeze (a build's, once its extraction is done)."""
    gc.collect(1)
    gc.freeze()


def give_back() -> None:
    """Collect, then hand the C heap's free pages back to the system (glibc's malloc_trim):
    before a build starts its PDF workers, the memory it is done with (the pipeline, the
    brief's own PDF) still counts in its resident size otherwise, beside theirs (issue 15)."""
    gc.collect()
    try:
        libc = ctypes.CDLL(None)
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to hand back this way
        pass


# Allocations between two young collections while a PDF is made (Python's default: 700).
# WeasyPrint makes a box, a style and their values per element and keeps nearly all of them to
# the end of the document: the collector's passes over them found next to nothing and took a
# tenth of a long appendix's PDF time (635 passes, 4 of them full, for the 15-article appendix;
# 39 and none this way, its resident size 5 MB more).
RENDER_YOUNG_THRESHOLD = 10_000
# The same while a batch of articles is extracted: once the word caches are warm, no young pass
# comes inside a batch, and its garbage cycles wait for `settle` at its end. Most of what the
# pipeline allocates is freed by reference counting as it goes; the rest are its word caches,
# which every young pass walked again. Over the corpus, the collector's time in a first run
# 0.36-0.44 s → 0.24-0.28 s (of about 9 s), in a run with warm caches about 0.1 s → none (of
# about 2.5 s).
EXTRACT_YOUNG_THRESHOLD = 50_000


@contextmanager
def fewer_passes(young: int = RENDER_YOUNG_THRESHOLD) -> Iterator[None]:
    """Young collections `young` allocations apart instead of 700 inside the block, as before
    afterwards: for work that allocates much and keeps most of it, or frees it by reference
    counting. Garbage cycles are still collected, later."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(young, threshold[0]), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
