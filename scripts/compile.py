"""Compile the extraction code (briefing/pipeline/, briefing/text/) to C extension modules with mypyc.

The same typed Python: about a tenth less CPU for the whole extraction, a fifth to a third less
in the claims, figures and gist stages (the README's speed section); the output is the same, byte
for byte (tests/test_native.py). The modules are
built next to their sources, and briefing/native.json, written last, records the sources they
were built from: briefing/native.py runs the sources instead whenever they differ, so an edit
never runs old code. Quick when the build is current; a build takes a few minutes (mypy's
analysis, then gcc on two cores).

usage: .venv/bin/python scripts/compile.py [--force] [--remove] [--check] [--quiet]
  --force   build even when the build is current
  --remove  remove the build (the sources run)
  --check   exit 1 when there is no current build, without building
  --quiet   say nothing when the build is current
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.machinery
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["BRIEFING_PURE_PYTHON"] = "1"  # this process imports briefing's sources, never a build

from briefing import native  # noqa: E402

LOG = ROOT / "build" / "native" / "build.log"
# Modules that stay Python, and why. Everything else under the source dirs is compiled.
KEEP_PYTHON = {
    # glue run once per process: a runtime-checkable Protocol, which mypyc cannot compile
    "briefing/pipeline/__init__.py": "a runtime-checkable Protocol",
    # pickling and loading glue, patched in tests; not on the per-article path
    "briefing/pipeline/cache.py": "pickling glue, patched in tests",
    "briefing/pipeline/loading.py": "loading glue",
    # spaCy's tokenizer with the text kept: the benchmark's yardstick, and it delegates by __getattr__
    "briefing/pipeline/tokenizer.py": "the benchmark's yardstick; delegates by __getattr__",
    # subclasses spaCy's PhraseMatcher, a Cython class: mypyc's classes cannot extend it
    "briefing/pipeline/actors/triggered.py": "subclasses spaCy's PhraseMatcher",
}


def sources() -> list[str]:
    """The source files to compile, relative to the checkout."""
    found = [path for folder in native.SOURCE_DIRS for path in folder.rglob("*.py")]
    return sorted(p for p in (path.relative_to(ROOT).as_posix() for path in found) if p not in KEEP_PYTHON)


def current() -> bool:
    """Is there a build, and was it made from the sources as they are?"""
    compiled = native.extension_modules()
    built = native.plan(compiled, native.read_manifest(), native.sources_hash(), pure=False) == "compiled"
    return built and native.group_library() is not None


def remove() -> None:
    """The manifest first (an interrupted removal leaves modules native.py will not trust), then
    the extension modules."""
    native.MANIFEST.unlink(missing_ok=True)
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for ext in (ROOT / "briefing").rglob(f"*{suffix}"):
            ext.unlink()
        (ROOT / f"{native.GROUP_LIBRARY}{suffix}").unlink(missing_ok=True)


def build(paths: list[str]) -> None:
    """Compile `paths` in place (setuptools' build_ext) in a child process, its output (gcc's
    included) in build/native/build.log; CalledProcessError when it fails."""
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with LOG.open("w", encoding="utf-8") as log:
        command = [sys.executable, __file__, "--build-only", *paths]
        subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=True)


def build_only(paths: list[str]) -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    extensions = mypycify(
        paths,
        opt_level="3",
        multi_file=True,  # one C file per module: the build took half the time of one file
        group_name=native.GROUP_LIBRARY.removesuffix("__mypyc"),  # (see native.GROUP_LIBRARY)
        target_dir=str(ROOT / "build" / "native"),
    )
    # (setuptools' own build/lib would be taken into the wheel by a later `pip wheel` of the checkout)
    places = ["--build-lib", "build/native/lib", "--build-temp", "build/native/temp"]
    command = ["build_ext", "--inplace", *places, "-j", str(os.cpu_count() or 1)]
    setup(name="briefing-native", ext_modules=extensions, script_args=command)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--force", action="store_true", help="build even when the build is current")
    ap.add_argument("--remove", action="store_true", help="remove the build: the sources run")
    ap.add_argument("--check", action="store_true", help="exit 1 when there is no current build")
    ap.add_argument("--quiet", action="store_true", help="say nothing when the build is current")
    ap.add_argument("--build-only", nargs="+", help=argparse.SUPPRESS)  # the child process of build()
    args = ap.parse_args()
    if args.build_only:
        build_only(args.build_only)
        return 0
    if args.remove:
        remove()
        print("compile: removed; the Python sources run")
        return 0
    if current() and not args.force:
        if not args.quiet:
            print("compile: the build is current")
        return 0
    if args.check:
        print("compile: no current build (scripts/compile.py builds it)")
        return 1
    paths = sources()
    log = LOG.relative_to(ROOT)
    print(f"compile: {len(paths)} modules with mypyc (a few minutes; the log in {log})", flush=True)
    started = time.monotonic()
    before = native.sources_hash()
    remove()
    try:
        build(paths)
    except (OSError, subprocess.CalledProcessError) as exc:
        remove()
        why = f"exit {exc.returncode}" if isinstance(exc, subprocess.CalledProcessError) else str(exc)
        print(f"compile: failed ({why}); see {log}. The Python sources run.", file=sys.stderr)
        return 1
    if native.sources_hash() != before:
        remove()
        print("compile: the sources changed during the build; run it again", file=sys.stderr)
        return 1
    compiled = sorted(native.extension_modules())
    manifest = {"sources": before, "modules": compiled}
    tmp = native.MANIFEST.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    tmp.replace(native.MANIFEST)
    print(f"compile: {len(compiled)} modules built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
