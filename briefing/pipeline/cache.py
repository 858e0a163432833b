"""The built pipeline, kept in a cache file so that a process loads it instead of building it.

Building the pipeline's tables from the resources takes seconds (folding and transliterating
hundreds of thousands of words, tokenizing every pattern); unpickling the built pipeline takes a
fraction of that. The file is keyed by everything that decides what the pipeline is: the
extraction version (package, resources with the user layer, lexicon and extraction code),
the components, the spaCy and Python versions, and whether the code runs compiled (native.py).
It lives next to the BAMA lexicon's cache (`BRIEFING_CACHE`, else the user cache folder), is
written whole or not at all, and a cache that cannot be read is built again, with a note saying
why; one that cannot be written is skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language

from briefing import collector, native
from briefing.extraction_version import extraction_version
from briefing.pipeline import PIPELINE, build_nlp, freeze
from briefing.resources import Resources
from briefing.text.bama import cache_dir, write_atomically

CACHE_FORMAT = 1  # bump when what the file holds changes shape
PREFIX = f"nlp-{CACHE_FORMAT}-"
STALE_AFTER = 24 * 3600  # seconds


def cache_path(resources: Resources, components: Sequence[str], cache: Path | None = None) -> Path:
    """The cache file of the pipeline of `components` over `resources`."""
    digest = hashlib.sha256()
    # (compiled classes pickle as themselves: a pipeline pickled by the sources is not the build's)
    parts = (extraction_version(resources), *components, spacy.about.__version__, sys.version, native.MODE)
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return (cache or cache_dir()) / f"{PREFIX}{digest.hexdigest()[:16]}.pickle"


def cached_nlp(
    resources: Resources,
    *,
    components: Sequence[str] = PIPELINE,
    cache: Path | None = None,
    note: Callable[[str], None] = lambda message: None,
) -> Language:
    """`build_nlp(resources)`, loaded from its cache file when there is a good one."""
    path = cache_path(resources, components, cache)
    if path.is_file():
        nlp = _read(path, components, note)
        if nlp is not None:
            note(f"pipeline: loaded from the cache {path}")
            with contextlib.suppress(OSError):  # in use: not stale (see _remove_stale)
                os.utime(path)
            return freeze(nlp, collect=False)
    nlp = build_nlp(resources, components=components)
    if write_atomically(path, native.dumps(nlp)):
        note(f"pipeline: built and cached in {path}")
        _remove_stale(path)
    else:
        note(f"pipeline: built (the cache {path} cannot be written)")
    return nlp


def _read(path: Path, components: Sequence[str], note: Callable[[str], None]) -> Language | None:
    """The pipeline in `path`, or None (with a note) when the file is unreadable or not one."""
    try:
        with collector.paused(), path.open("rb") as fh:
            nlp = pickle.load(fh)
    except Exception as exc:  # a damaged pickle fails in any of a dozen ways; all mean rebuild
        note(f"pipeline: the cache {path} is unreadable ({type(exc).__name__}); building it again")
        return None
    if not isinstance(nlp, Language) or tuple(nlp.pipe_names) != tuple(components):
        note(f"pipeline: the cache {path} holds something else; building it again")
        return None
    return nlp


def _remove_stale(current: Path) -> None:
    """Pipelines cached for other resources or code (each is tens of megabytes), once unused for
    a day: two installations sharing the folder do not remove each other's every run."""
    for old in current.parent.glob(f"{PREFIX}*.pickle"):
        with contextlib.suppress(OSError):  # gone already, or a read-only folder
            if old != current and time.time() - old.stat().st_mtime > STALE_AFTER:
                old.unlink()
