"""Start-up: the pipeline built from the resources (`build_nlp`, today's path without a cache)
against the pipeline loaded from its cache (`cached_nlp` with the cache written), in one run.

Each measure is a fresh process, timed after its imports and `Resources.load()` (those are the
same on both paths), so that nothing is warm but the disk; the median of --repeat runs of each,
and their ratio (target: the cached load at most 0.25 of the build). The first cached run
(build and write the file) is reported too.

usage: .venv/bin/python bench/bench_startup.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from briefing.pipeline import build_nlp
from briefing.pipeline.cache import cached_nlp
from briefing.resources import Resources
resources = Resources.load()
t0 = time.perf_counter()
nlp = build_nlp(resources) if {mode!r} == "build" else cached_nlp(resources)
print(time.perf_counter() - t0)
"""


def timed(mode: str, cache: str) -> float:
    """Seconds to get the pipeline in a fresh process (`build` or `cached`)."""
    env = {**os.environ, "BRIEFING_CACHE": cache}
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), mode=mode)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        first = timed("cached", cache)  # builds and writes the file
        builds, loads = [], []
        for _ in range(args.repeat):  # interleaved: a busy machine slows both alike
            builds.append(timed("build", cache))
            loads.append(timed("cached", cache))
    build, load = statistics.median(builds), statistics.median(loads)
    print(f"build_nlp (no cache):          {build:.2f} s  (median of {args.repeat})")
    print(f"from the cache:                {load:.2f} s  (median of {args.repeat})")
    print(f"first run (build + write):     {first:.2f} s")
    print(f"cache / build:                 {load / build:.2f}  (target <= 0.25)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
