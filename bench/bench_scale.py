"""Scale: the real `briefing build --since … --until …` over windows of 100, 1,000 and 10,000 articles.

    .venv/bin/python bench/bench_scale.py [--sizes 100,1000,10000] [--no-pdf] [--keep DIR]

For each size N: a fresh store, into which `briefing ingest` reads N articles made from the shared
corpus repeated (copy k of an article: a fresh id, a URL of its own, a distinct last sentence so
that the store does not take it for a duplicate, and a date; the N dates spread evenly over one
week, copies shuffled among one another). Nothing is extracted yet. Then `briefing build` of that
week runs as a child process with BRIEFING_TIMINGS set (briefing/timings.py), so every stage's
time is the real build's own, and the peak resident memory of its process tree (children
included, sampled with psutil) is that build's alone.

One table: N, seconds per stage (extraction without the pipeline's load; compose; brief HTML;
brief PDF; appendix HTML; the other stages after extraction: reading the extractions back, the
previous window, writing), after extraction / extraction, the brief PDF's pages, peak memory.
Skips with a message when the shared corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
WINDOW_START = datetime(2019, 1, 7, tzinfo=UTC)  # after every corpus date: the week before is empty
WINDOW_DAYS = 7
# Stages after extraction, in the order a build runs them (appendix PDF only with --appendix-pdf).
AFTER = (
    "load extractions",
    "previous window",
    "compose",
    "brief HTML",
    "appendix HTML",
    "brief PDF",
    "write",
)


def read_corpus(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def repeat_corpus(
    records: Sequence[dict[str, Any]],
    n: int,
    *,
    start: datetime = WINDOW_START,
    days: int = WINDOW_DAYS,
    seed: int = 15,
) -> list[dict[str, Any]]:
    """N corpus records: the corpus repeated, copy k of each with a fresh id, its own URL, a last
    sentence naming the copy (so the store keeps it), and a time of its own in the `days` from
    `start` (the N times evenly spread, shuffled among the copies with `seed`)."""
    slots = list(range(n))
    random.Random(seed).shuffle(slots)
    step = timedelta(days=days) / n
    out = []
    for i in range(n):
        copy, rec = divmod(i, len(records))
        base = records[rec]
        url = base.get("url")
        if url:
            url = f"{url}{'&' if '?' in url else '?'}copy={copy}"
        published = start + step * slots[i]
        out.append(
            {
                **base,
                "id": f"{base['id']}-c{copy:04d}",
                "url": url,
                "published": published.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "text": f"{base['text'].rstrip()}\nرمز النسخة: c{copy:04d}.",
            }
        )
    return out


def briefing(work: Path, *args: str, timings: Path | None = None) -> subprocess.Popen[bytes]:
    """`python -m briefing ARGS` of this checkout, as a child process, away from the user's
    settings (an empty config file, no BRIEFING_* variable, no user resources layer)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    config = work / "config.toml"
    config.touch()
    env.update(PYTHONPATH=str(ROOT), BRIEFING_CONFIG=str(config), XDG_DATA_HOME=str(work / "data"))
    if timings is not None:
        env["BRIEFING_TIMINGS"] = str(timings)
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def tree_rss(proc: Any) -> int:
    """Resident bytes of a psutil process and all its descendants now."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:  # ended between listing and reading
            pass
    return total


def watched(child: subprocess.Popen[bytes], label: str) -> int:
    """Wait for `child`, sampling its process tree's resident memory; the peak in bytes."""
    import psutil

    proc, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        try:
            peak = max(peak, tree_rss(proc))
        except psutil.Error:
            pass
        time.sleep(0.05)
    _, err = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"{label} failed (exit {child.returncode}):\n{err.decode()[-3000:]}")
    return peak


def pdf_pages(path: Path) -> int | None:
    if not path.is_file():
        return None
    from pypdf import PdfReader  # dev dependency; only for the page count

    return len(PdfReader(path).pages)


def run_size(records: Sequence[dict[str, Any]], n: int, work: Path, *, pdf: bool) -> dict[str, Any]:
    """Ingest N articles into a fresh store under `work`, build their week; the row of the table."""
    work.mkdir(parents=True, exist_ok=True)
    source, db, out, timings = work / "articles.jsonl", work / "news.db", work / "out", work / "timings.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for rec in repeat_corpus(records, n):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    t = time.perf_counter()
    watched(briefing(work, "ingest", str(source), "--db", str(db), "--quiet"), f"ingest of {n}")
    ingest = time.perf_counter() - t
    since = WINDOW_START.date().isoformat()
    until = (WINDOW_START + timedelta(days=WINDOW_DAYS - 1)).date().isoformat()
    args = ["build", "--since", since, "--until", until, "--db", str(db), "--out", str(out), "--quiet"]
    timings.unlink(missing_ok=True)
    t = time.perf_counter()
    peak = watched(briefing(work, *args, *([] if pdf else ["--no-pdf"]), timings=timings), f"build of {n}")
    wall = time.perf_counter() - t
    stages: dict[str, float] = {}
    for line in timings.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        stages[rec["stage"]] = stages.get(rec["stage"], 0.0) + rec["seconds"]
    return {
        "n": n,
        "ingest": ingest,
        "wall": wall,
        "stages": stages,
        "pages": pdf_pages(out / "latest" / "brief.pdf"),
        "peak_mb": peak / 2**20,
    }


def table(rows: Sequence[dict[str, Any]]) -> str:
    head = (
        "| N | extract | compose | brief HTML | brief PDF | appendix HTML | other after | after / extract"
        " | PDF pages | peak RSS | pipeline load | build wall | ingest |"
    )
    lines = [head, "|" + "---:|" * head.count(" | ") + "---:|"]
    for r in rows:
        s = r["stages"]
        extract = s.get("extract", 0.0) - s.get("pipeline load", 0.0)
        after = sum(s.get(k, 0.0) for k in AFTER)
        other = after - sum(s.get(k, 0.0) for k in ("compose", "brief HTML", "appendix HTML", "brief PDF"))
        ratio = f"{after / extract:.2f}×" if extract > 0 else "–"
        cells = [
            f"{r['n']:,}",
            *(f"{v:.2f} s" for v in (extract, s.get("compose", 0.0), s.get("brief HTML", 0.0))),
            f"{s['brief PDF']:.2f} s" if "brief PDF" in s else "–",
            f"{s.get('appendix HTML', 0.0):.2f} s",
            f"{other:.2f} s",
            ratio,
            str(r["pages"]) if r["pages"] is not None else "–",
            f"{r['peak_mb']:,.0f} MB",
            f"{s.get('pipeline load', 0.0):.2f} s",
            f"{r['wall']:.1f} s",
            f"{r['ingest']:.1f} s",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--sizes", default="100,1000,10000", help="window sizes, comma-separated (a smoke test: --sizes 5)"
    )
    parser.add_argument("--no-pdf", dest="pdf", action="store_false", help="leave out the brief's PDF")
    parser.add_argument("--keep", type=Path, default=None, help="keep the stores and briefs under DIR")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"skipped: {args.corpus} is absent (the shared corpus is not available here)")
        return 0
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes {args.sizes}: expected whole numbers separated by commas")
    if not sizes or min(sizes) < 1:
        parser.error(f"--sizes {args.sizes}: each size must be at least 1")
    records = read_corpus(args.corpus)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        base = args.keep or Path(tmp)
        for n in sizes:
            rows.append(run_size(records, n, base / f"n{n}", pdf=args.pdf))
            print(f"N={n:,} done: build {rows[-1]['wall']:.1f} s", file=sys.stderr, flush=True)
    pdf = "with the brief's PDF" if args.pdf else "no PDF"
    print(f"bench_scale: the {len(records)} corpus articles repeated; one week's window; {pdf}")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
