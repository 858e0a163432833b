"""The garbage collector paused while a large structure with no garbage cycles is built."""

from __future__ import annotations

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
