"""The issue's page budget: how many A4 pages is a window's brief proper?

Builds the brief through the public command line (`briefing ingest` of a JSONL file into a
scratch store, unless --db names one; then `briefing build --since … --until …` into a scratch
folder), counts the pages of brief.pdf (and of appendix.pdf with --appendix) and exits 1 when
the brief proper is over --max pages. The whole shared corpus takes minutes (every article goes
through the pipeline), which is why this is a script and not a unit test.

    .venv/bin/python scripts/check_pages.py ../shared/corpus/articles.jsonl \\
        --since 2018-04-07 --until 2018-04-14 --max 10
    .venv/bin/python scripts/check_pages.py ../shared/corpus/articles.jsonl \\
        --since 2015-01-01 --until 2018-12-31 --max 12      # the whole corpus
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader


def _briefing(*args: str | Path) -> None:
    cmd = [sys.executable, "-m", "briefing", *map(str, args)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"check_pages: `briefing {args[0]}` failed (exit {done.returncode})")


def pages(path: Path) -> int:
    return len(PdfReader(path).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl", nargs="?", type=Path, help="articles to ingest into a scratch store")
    parser.add_argument("--db", type=Path, help="an existing store instead of a JSONL file")
    parser.add_argument("--since", required=True)
    parser.add_argument("--until", required=True)
    parser.add_argument("--max", type=int, default=12, help="the budget of the brief proper (pages)")
    parser.add_argument("--appendix", action="store_true", help="also count appendix.pdf's pages")
    args = parser.parse_args(argv)
    if (args.jsonl is None) == (args.db is None):
        parser.error("name a JSONL file or --db, one of them")
    with tempfile.TemporaryDirectory(prefix="check-pages-") as tmp:
        db = args.db or Path(tmp) / "store.db"
        if args.jsonl is not None:
            _briefing("ingest", args.jsonl, "--db", db, "--quiet")
        out = Path(tmp) / "out"
        extra = ["--appendix-pdf"] if args.appendix else []
        _briefing(
            "build", "--since", args.since, "--until", args.until, "--db", db, "--out", out, "--quiet", *extra
        )
        folder = out / "latest"
        n = pages(folder / "brief.pdf")
        print(f"brief.pdf: {n} pages (budget {args.max})")
        if args.appendix:
            print(f"appendix.pdf: {pages(folder / 'appendix.pdf')} pages")
    return 0 if n <= args.max else 1


if __name__ == "__main__":
    raise SystemExit(main())
