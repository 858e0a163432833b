"""The extraction code compiled to C by mypyc, used only while it matches its sources.

scripts/compile.py (run by scripts/setup) compiles the packages that extract, briefing/pipeline/
and briefing/text/, with mypyc: the same typed Python, built into C extension modules that sit
next to their sources. Python imports an extension module before a source of the same name, so
after an edit the old code would run. The build's manifest (briefing/native.json, written last)
holds the hash of the sources it was compiled from; when there are extension modules and the
manifest is missing or was made from other sources, or when BRIEFING_PURE_PYTHON=1, a finder
imports each of those modules from its source instead. All of them: compiled modules call one
another's compiled functions directly, so one stale module makes the whole build stale. A stale
build is named on stderr once per process; the Python sources give the same output, slower.
Compiled objects pickle differently from Python ones: `dumps` pickles the pipeline cache's.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import io
import json
import os
import pickle
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
# The packages whose code decides what an extraction holds; the ones compiled.
SOURCE_DIRS = (PACKAGE_DIR / "pipeline", PACKAGE_DIR / "text")
MANIFEST = PACKAGE_DIR / "native.json"
PURE_ENV = "BRIEFING_PURE_PYTHON"
# The build's shared library, which every compiled module's stub loads. mypyc places the modules
# by the library's folder, so it sits above the package: loaded here by path, since that folder
# need not be on sys.path (an editable install maps the package alone).
GROUP_LIBRARY = "briefing_native__mypyc"


def sources_hash(folders: tuple[Path, ...] = SOURCE_DIRS) -> str:
    """A hash of every .py file under `folders`, by path and content."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.relative_to(folder.parent).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


_imported: list[str] = []


def imported_hash() -> str:
    """sources_hash() of the package's own sources, taken once per process: the first time is
    at import when anything is compiled, the code this process runs."""
    if not _imported:
        _imported.append(sources_hash())
    return _imported[0]


def extension_modules(
    folders: Sequence[Path] = SOURCE_DIRS, root: Path = PACKAGE_DIR.parent
) -> dict[str, Path]:
    """The modules under `folders` (in packages under `root`) built as extension modules next to
    their source: name -> source."""
    found: dict[str, Path] = {}
    for folder in folders:
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            for ext in folder.rglob(f"*{suffix}"):
                source = ext.with_name(ext.name[: -len(suffix)] + ".py")
                if source.is_file():
                    relative = source.relative_to(root).with_suffix("")
                    name = ".".join(relative.parts)
                    found[name.removesuffix(".__init__")] = source
    return found


def group_library(root: Path = PACKAGE_DIR.parent) -> Path | None:
    """The build's shared library, or None."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = root / f"{GROUP_LIBRARY}{suffix}"
        if path.is_file():
            return path
    return None


def read_manifest(path: Path = MANIFEST) -> dict[str, object] | None:
    """The build's manifest, or None when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def plan(compiled: dict[str, Path], manifest: dict[str, object] | None, sources: str, pure: bool) -> str:
    """How the extraction code runs: "compiled", "python" (nothing compiled, or asked for) or
    "stale" (compiled from other sources, or an unfinished build: its sources run instead)."""
    if not compiled or pure:
        return "python"
    if manifest is None or manifest.get("sources") != sources:
        return "stale"
    listed = manifest.get("modules")
    if not isinstance(listed, list) or set(listed) != set(compiled):
        return "stale"
    return "compiled"


class SourceFinder(importlib.abc.MetaPathFinder):
    """Imports the named modules from their .py sources, ahead of the extension modules beside them."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        source = self.sources.get(fullname)
        if source is None:
            return None
        package = [str(source.parent)] if source.name == "__init__.py" else None
        return importlib.util.spec_from_file_location(fullname, source, submodule_search_locations=package)


MODE = "python"  # set by install(): how this process runs the extraction code


def install() -> str:
    """Decide how the extraction code runs in this process (see the module docstring); returns the mode."""
    global MODE
    compiled = extension_modules()
    pure = os.environ.get(PURE_ENV, "") not in ("", "0")
    mode = plan(compiled, read_manifest(), imported_hash() if compiled else "", pure)
    if mode == "compiled" and not _load_library():
        mode = "stale"
    if mode != "compiled" and compiled:
        sys.meta_path.insert(0, SourceFinder(compiled))
    if mode == "stale":
        sys.stderr.write(
            f"briefing: the compiled extraction code is older than its sources ({MANIFEST.name}); "
            "running the sources, slower: scripts/compile.py builds it again\n"
        )
        mode = "python"
    MODE = mode
    return MODE


def _load_library() -> bool:
    """Load the build's shared library under the name its modules' stubs ask for (see GROUP_LIBRARY)."""
    library = group_library()
    spec = importlib.util.spec_from_file_location(GROUP_LIBRARY, library) if library else None
    if spec is None or spec.loader is None:
        return False
    sys.modules[GROUP_LIBRARY] = module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return True


class _Pickler(pickle.Pickler):
    """Pickles compiled objects: a dataclass as the arguments of its __init__ (and the fields it
    does not take, set past a frozen one's __setattr__), any other as its attributes, restored
    without running __init__. Those classes are marked mypyc_attr(allow_interpreted_subclasses=
    True): else a compiled __new__ runs __init__ (and mypyc 2.4's `serializable` leaves __init__
    unrun when the class is called from Python). Dataclasses need no mark, so that the mark stays
    on the few classes (components, readers) that cannot be made again from their fields."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if not hasattr(cls, "__mypyc_attrs__") or "__reduce__" in cls.__dict__:
            return NotImplemented  # a Python object, or one that says how it pickles
        if dataclasses.is_dataclass(cls):  # made again by its __init__, then the fields it leaves
            fields = dataclasses.fields(cls)
            made = {f.name: getattr(obj, f.name) for f in fields if f.init}
            rest = {f.name: getattr(obj, f.name) for f in fields if not f.init and hasattr(obj, f.name)}
            return (_dataclass, (cls, made), rest, None, None, _set_fields)
        return (_new, (cls,), obj.__getstate__())  # (restored by the class's __setstate__)


def dumps(obj: object) -> bytes:
    """`obj` pickled, compiled objects within it too (see _Pickler); read with pickle.loads."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return buffer.getvalue()


def _new(cls: Any) -> object:
    return cls.__new__(cls)


def _dataclass(cls: Any, made: dict[str, object]) -> object:
    return cls(**made)


def _set_fields(obj: object, rest: dict[str, object]) -> None:
    for name, value in rest.items():  # (past a frozen dataclass's __setattr__, which refuses)
        object.__setattr__(obj, name, value)
