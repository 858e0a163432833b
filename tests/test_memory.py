"""What a build keeps in memory (issue 15): the command line runs without torch, with the same
extraction; a build's render workers import the render stack only; freed memory is handed back.

The torch checks run the command in a subprocess (a fresh interpreter: in this one the test
session's pipeline has imported torch long ago).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from briefing import collector
from briefing.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent

# `briefing extract` run inside a Python that says afterwards what it imported. {first} runs
# before the command line is imported: "import torch" makes the reference run, torch loaded.
EXTRACT = """
import contextlib, io, json, sys
{first}
from briefing.cli import app
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        app(["extract", {seeds!r}, "--format", "jsonl", "--quiet"], prog_name="briefing")
    except SystemExit as exc:
        code = exc.code
import thinc.compat
print(json.dumps({{"code": code, "torch": sys.modules.get("torch") is not None,
                   "has_torch": thinc.compat.has_torch, "spacy": "spacy" in sys.modules}}))
sys.stdout.write(out.getvalue())
"""


def _extract(tmp_path: Path, first: str) -> tuple[dict[str, object], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    (tmp_path / "config.toml").touch()
    env.update(BRIEFING_CONFIG=str(tmp_path / "config.toml"), PYTHONPATH=str(ROOT))
    script = EXTRACT.format(first=first, seeds=str(ROOT / "seeds"))
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    said, _, output = done.stdout.partition("\n")
    return json.loads(said), output


def test_memory_the_command_line_extracts_without_torch_and_the_same(tmp_path):
    """thinc's optional torch import is blocked by the command line (180 MB and 2.5 s a run):
    the extraction of the seeds is the same as with torch loaded."""
    without, blocked = _extract(tmp_path, first="")
    assert without == {"code": ExitCode.OK, "torch": False, "has_torch": False, "spacy": True}
    with_torch, loaded = _extract(tmp_path, first="import torch")
    assert with_torch == {"code": ExitCode.OK, "torch": True, "has_torch": True, "spacy": True}
    assert blocked == loaded
    assert len(blocked.splitlines()) == len(list((ROOT / "seeds").glob("*.txt")))


def test_memory_a_render_worker_imports_the_render_stack_only(tmp_path):
    """A build's PDF workers unpickle render_part, which imports briefing.render.chunks, and
    when the build is the `briefing` console script, run that script again (spawn's way), which
    imports briefing.cli: neither brings spaCy, compose or the extraction (0.3 GB in a build)."""
    script = (
        "import sys; import briefing.cli; import briefing.render.chunks; "
        "print(sorted(m for m in ('spacy', 'thinc', 'torch', 'briefing.pipeline', 'briefing.compose', "
        "'briefing.jobs', 'briefing.extract') if sys.modules.get(m) is not None))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", script]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_memory_give_back_collects_garbage_cycles():
    """give_back collects (a cycle is freed) whether or not the C library can trim its heap."""
    import gc
    import weakref

    class Node:
        pass

    gc.disable()
    try:
        node = Node()
        node.self = node  # type: ignore[attr-defined]
        ref = weakref.ref(node)
        del node
        assert ref() is not None
        collector.give_back()
        assert ref() is None
    finally:
        gc.enable()
