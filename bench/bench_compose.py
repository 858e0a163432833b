"""Compose time and memory as the window grows: 300, 1,000, 3,000 (and 10,000) articles.

    .venv/bin/python bench/bench_compose.py [--sizes 300,1000,3000] [--cache DIR]
    .venv/bin/python bench/bench_compose.py --snapshot DIR   # brief.json of four real windows
    .venv/bin/python bench/bench_compose.py --check DIR      # ... compared with a snapshot

The shared corpus (../shared/corpus/articles.jsonl, 300 articles) is extracted once and the
extractions kept in --cache (a pickle; delete it after changing extraction). A window of N
articles repeats them with fresh ids, each copy under another of the corpus's outlets and
published on another day of a 30-day month, as a real window reports the same stories through
many outlets over several days. Each size is composed in a fresh process, which reports compose's
seconds (and its CPU seconds: on a busy machine the wall clock also counts the others' work) and
its peak resident memory; each row ends with the growth exponent from the size before (the
log-log slope of the seconds: 1 is linear, 2 quadratic).

--snapshot/--check guard compose's output on real windows: the seeds, the dev set, the whole
corpus and its week 2018-04-07..2018-04-14 (with the week before as the previous window), each
composed with the packaged resources' countries, a fixed generation time and PYTHONHASHSEED=0
(some ties are broken by set order, which follows the hash seed).
Skips with a message when the shared corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import resource
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "articles.jsonl"
DAYS = 30  # the month the copies are spread over
START = date(2018, 4, 1)
GENERATED = datetime(2018, 5, 1, 12, 0, tzinfo=UTC)
WEEK = (date(2018, 4, 7), date(2018, 4, 14))


def _extract(paths: list[Path]) -> list[Any]:
    from briefing.ingest.items import Document
    from briefing.jobs import Reporter, pipeline_extractor, read_inputs
    from briefing.resources import Resources

    items = read_inputs(paths, Reporter(quiet=True))
    articles = [i.article for i in items if isinstance(i, Document)]
    return list(pipeline_extractor(Resources.load())(articles))


def cached(cache: Path, name: str, paths: list[Path]) -> list[Any]:
    """The extractions of `paths`, extracted once and kept in cache/name.pkl."""
    file = cache / f"{name}.pkl"
    if file.is_file():
        return pickle.loads(file.read_bytes())
    exts = _extract(paths)
    cache.mkdir(parents=True, exist_ok=True)
    file.write_bytes(pickle.dumps(exts))
    return exts


def window(exts: list[Any], size: int) -> list[Any]:
    """`size` extractions: the corpus repeated, copy k of an article with id <id>~k, under the
    k-th next outlet of the corpus and published on one of DAYS days."""
    outlets = sorted({e.article.source or "" for e in exts})
    out = []
    for i in range(size):
        k, n = divmod(i, len(exts))
        e, a = exts[n], exts[n].article
        outlet = outlets[(outlets.index(a.source or "") + k) % len(outlets)]
        day = START + timedelta(days=(i * 7 + k) % DAYS)
        out.append(replace(e, article=replace(a, id=f"{a.id}~{k}", source=outlet, published=day.isoformat())))
    return out


def _countries() -> Any:
    from briefing.compose import Countries
    from briefing.resources import Resources

    return Countries.from_resources(Resources.load())


def child(cache: Path, size: int) -> None:
    """Compose one window of `size` articles; print seconds and peak memory as JSON."""
    from briefing.compose import compose

    corpus = cached(cache, "corpus", [CORPUS])
    countries = _countries()
    exts = window(corpus, size)
    del corpus
    t, cpu = time.perf_counter(), time.process_time()
    brief = compose(exts, generated=GENERATED, countries=countries)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        json.dumps(
            {"size": size, "seconds": seconds, "cpu": cpu, "peak_mb": peak, "stories": len(brief.stories)}
        )
    )


def measure(cache: Path, sizes: list[int]) -> None:
    cached(cache, "corpus", [CORPUS])  # extract once, before any timing
    rows = []
    for size in sizes:
        cmd = [sys.executable, __file__, "--child", str(size), "--cache", str(cache)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        slope = ""
        if len(rows) > 1:
            p = rows[-2]
            slope = f"{math.log(r['seconds'] / p['seconds']) / math.log(r['size'] / p['size']):.2f}"
        print(
            f"{r['size']:>6} articles  compose {r['seconds']:7.2f} s (CPU {r['cpu']:7.2f} s)  "
            f"peak {r['peak_mb']:6.0f} MB  growth {slope or '-':>5}",
            flush=True,
        )


def _real_windows(cache: Path) -> dict[str, tuple[list[Any], list[Any] | None]]:
    from briefing.compose.sources import iso_date

    corpus = cached(cache, "corpus", [CORPUS])

    def between(lo: date, hi: date) -> list[Any]:
        return [e for e in corpus if (d := iso_date(e.article.published)) and lo <= d <= hi]

    return {
        "seeds": (cached(cache, "seeds", [SHARED / "seeds"]), None),
        "dev": (cached(cache, "dev", [SHARED / "eval" / "dev"]), None),
        "corpus": (corpus, None),
        "week": (between(*WEEK), between(WEEK[0] - timedelta(days=8), WEEK[0] - timedelta(days=1))),
    }


def _briefs(cache: Path) -> dict[str, bytes]:
    from briefing.compose import compose
    from briefing.deliver.files import brief_json

    countries = _countries()
    out = {}
    for name, (exts, previous) in _real_windows(cache).items():
        brief = compose(exts, generated=GENERATED, countries=countries, previous=previous)
        out[name] = brief_json(brief)
    return out


def snapshot(cache: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in _briefs(cache).items():
        (folder / f"{name}.json").write_bytes(data)
        print(f"wrote {folder / name}.json")


def check(cache: Path, folder: Path) -> int:
    """0 when every real window's brief.json equals the snapshot's, else 1 (naming the windows)."""
    changed = []
    for name, data in _briefs(cache).items():
        same = (folder / f"{name}.json").read_bytes() == data
        print(f"{name}: {'identical' if same else 'CHANGED'}")
        if not same:
            changed.append(name)
            (folder / f"{name}.new.json").write_bytes(data)
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="300,1000,3000", help="comma-separated window sizes")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/bench_compose"), help="the extractions' pickles")
    ap.add_argument("--snapshot", type=Path, help="write the real windows' brief.json here")
    ap.add_argument("--check", type=Path, help="compare the real windows' brief.json with this snapshot")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is absent (the shared corpus is needed for this benchmark)")
        return 0
    if (args.snapshot or args.check) and os.environ.get("PYTHONHASHSEED") != "0":
        # Ties in some orders follow set iteration, which follows str hashes: one seed, one brief.
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    sys.path.insert(0, str(ROOT))
    if args.child:
        child(args.cache, args.child)
    elif args.snapshot:
        snapshot(args.cache, args.snapshot)
    elif args.check:
        return check(args.cache, args.check)
    else:
        measure(args.cache, [int(s) for s in args.sizes.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
