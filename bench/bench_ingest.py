"""Benchmark the store: ingest throughput, and an incremental build against a full one.

    .venv/bin/python bench/bench_ingest.py [--corpus ../shared/corpus/articles.jsonl] [--pdf]

1. ingest: the whole corpus into a fresh store (articles/s), then again (all duplicates).
2. full build: `build --since` over every date of a store holding all the corpus but one
   article, from nothing extracted (pipeline over every article, compose, render).
3. incremental build: the one held-back article is ingested, and the same build runs again:
   only that article goes through the pipeline. Reported as a ratio incremental / full.

Building the pipeline (spaCy + resources) is counted in both builds, as in a cron run.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.config import Settings  # noqa: E402
from briefing.errors import ExitCode, ResourceError  # noqa: E402
from briefing.ingest import Boilerplate, Reader, ingest  # noqa: E402
from briefing.jobs import BuildOptions, Reporter, build_since  # noqa: E402
from briefing.resources import Resources  # noqa: E402
from briefing.store import Store  # noqa: E402


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "articles.jsonl")
    parser.add_argument("--pdf", action="store_true", help="render the PDF too (slower)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"{args.corpus}: corpus not found (give --corpus)")
        return 1
    lines = [line for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    quiet = Reporter(stream=io.StringIO())

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        reader, boilerplate = Reader(), Boilerplate.from_resources(Resources.load())
        with Store.open(tmpdir / "ingest.db") as store:
            report, seconds = timed(
                lambda: ingest(store, [str(args.corpus)], reader, quiet, boilerplate=boilerplate)
            )
            print(f"ingest: {report.summary()} in {seconds:.2f}s = {report.done / seconds:.0f} articles/s")
            again, seconds = timed(
                lambda: ingest(store, [str(args.corpus)], reader, quiet, boilerplate=boilerplate)
            )
            print(f"re-ingest: {again.summary()} in {seconds:.2f}s = {again.done / seconds:.0f} articles/s")

        held_back = json.loads(lines[-1])
        first = tmpdir / "all-but-one.jsonl"
        first.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
        last = tmpdir / "one.jsonl"
        last.write_text(lines[-1] + "\n", encoding="utf-8")
        settings = Settings(db=tmpdir / "build.db", out=tmpdir / "out")
        with Store.open(settings.db) as store:
            ingest(store, [str(first)], reader, quiet)

        try:
            # Loaded once for both builds: other edits to resources/ during the run would make
            # every extraction stale and turn the incremental build into a full one.
            resources = Resources.load()
        except ResourceError as exc:
            print(f"build: skipped, the resources do not load ({exc})")
            return 1
        options = BuildOptions(pdf=args.pdf)
        log = io.StringIO()

        def build() -> int:
            return build_since(
                settings, "2000-01-01", None, Reporter(stream=log), options=options, resources=resources
            )

        status, full = timed(build)
        if status != ExitCode.OK:
            print(f"full build failed (exit {status}):\n{log.getvalue()}")
            return 1
        with Store.open(settings.db) as store:
            ingest(store, [str(last)], reader, quiet)
        status, incremental = timed(build)
        if status != ExitCode.OK:
            print(f"incremental build failed (exit {status}):\n{log.getvalue()}")
            return 1
        newly = [line for line in log.getvalue().splitlines() if line.startswith("wrote ")]
        pdf = "with PDF" if args.pdf else "HTML + JSON, no PDF"
        print(f"full build ({len(lines) - 1} articles, all extracted, {pdf}): {full:.2f}s")
        print(f"incremental build (+1 article {held_back['id']}, {pdf}): {incremental:.2f}s")
        print(f"ratio incremental / full: {incremental / full:.3f}")
        for line in newly:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
