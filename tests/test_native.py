"""The compiled build (scripts/compile.py, briefing/native.py): used only while it matches its
sources, and the same output as the sources."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import native

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = ".cpython-311-x86_64-linux-gnu.so"  # any extension suffix will do: the files are fakes
BUILT = native.extension_modules()
needs_build = pytest.mark.skipif(not BUILT, reason="no compiled build (scripts/compile.py makes one)")


def test_plan_nothing_compiled_runs_python():
    assert native.plan({}, None, "h", pure=False) == "python"


BUILD = {"a.b": Path("a/b.py")}
MANIFEST = {"sources": "h", "modules": ["a.b"]}


def test_plan_pure_python_when_asked():
    assert native.plan(BUILD, MANIFEST, "h", pure=True) == "python"


def test_plan_current_build_is_compiled():
    assert native.plan(BUILD, MANIFEST, "h", pure=False) == "compiled"


@pytest.mark.parametrize(
    "manifest",
    [
        None,  # an unfinished build: the manifest is written last
        {"sources": "old", "modules": ["a.b"]},  # sources edited since
        {"sources": "h", "modules": ["a.b", "a.c"]},  # a module missing
        {"sources": "h"},
    ],
)
def test_plan_stale_build(manifest):
    assert native.plan(BUILD, manifest, "h", pure=False) == "stale"


def _fake_package(tmp_path: Path, name: str) -> Path:
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "words.py").write_text("WHERE = 'source'\n")
    (package / f"words{SUFFIX}").write_bytes(b"not a shared object")  # a stale build's module
    (package / f"lonely{SUFFIX}").write_bytes(b"")  # no source beside it: not one of the build's
    return package


def test_extension_modules_are_those_beside_a_source(tmp_path):
    package = _fake_package(tmp_path, "native_fake_a")
    assert native.extension_modules([package], root=tmp_path) == {"native_fake_a.words": package / "words.py"}


def test_source_finder_imports_the_source_ahead_of_the_extension(tmp_path, monkeypatch):
    package = _fake_package(tmp_path, "native_fake_b")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ImportError):  # Python tries the extension module first
        importlib.import_module("native_fake_b.words")
    sys.modules.pop("native_fake_b.words", None)
    finder = native.SourceFinder(native.extension_modules([package], root=tmp_path))
    monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])
    assert importlib.import_module("native_fake_b.words").WHERE == "source"
    sys.modules.pop("native_fake_b.words", None)


def _python(code: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_pure_python_runs_the_sources():
    out = _python(
        "import briefing.native as n, briefing.pipeline.themes as t; print(n.MODE, t.__file__)",
        BRIEFING_PURE_PYTHON="1",
    )
    mode, path = out.split()
    assert (mode, Path(path).suffix) == ("python", ".py")


@needs_build
def test_current_build_runs_compiled():
    manifest = native.read_manifest()
    assert manifest is not None
    assert manifest["sources"] == native.sources_hash(), "stale: scripts/compile.py builds it again"
    out = _python("import briefing.native as n, briefing.pipeline.themes as t; print(n.MODE, t.__file__)")
    mode, path = out.split()
    assert mode == "compiled"
    assert path.endswith(".so")
    assert "older than its sources" not in out


@needs_build
def test_compiled_and_sources_extract_the_same(tmp_path):
    def extract(**env: str) -> list[dict]:
        code = (
            "import sys; from briefing.cli import app; "
            "sys.argv = ['briefing', 'extract', 'seeds', '--format', 'jsonl']; app()"
        )
        out = _python(code, BRIEFING_CACHE=str(tmp_path / env.get("BRIEFING_PURE_PYTHON", "0")), **env)
        return [json.loads(line) for line in out.splitlines() if line.startswith("{")]

    compiled, sources = extract(), extract(BRIEFING_PURE_PYTHON="1")
    assert len(compiled) == 5
    assert compiled == sources
