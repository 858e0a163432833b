"""Scale: the real `briefing build --since … --until …` over windows of 100, 1,000 and 10,000 articles.

    .venv/bin/python bench/bench_scale.py [--sizes 100,1000,10000] [--no-pdf] [--keep DIR] [--budget S]

For each size N: a fresh store, into which `briefing ingest` reads N articles made from the shared
corpus repeated (copy k of an article: a fresh id, a URL of its own, a distinct last sentence so
that the store does not take it for a duplicate, and a date; the N dates spread evenly over one
week, copies shuffled among one another). Nothing is extracted yet. Then `briefing build` of that
week runs as a child process with BRIEFING_TIMINGS set (briefing/timings.py), so every stage's
time is the real build's own, and the peak resident memory of its process tree (children
included, sampled with psutil) is that build's alone.

One table, a row printed as each size ends: N, the CPU seconds of each stage in the build
process (extraction without the pipeline's load; compose; brief HTML; brief PDF; appendix HTML;
the other stages after extraction: reading the extractions back, the previous window, writing),
after extraction / extraction in CPU seconds and in wall-clock seconds (on a shared machine the
wall clock measures the neighbours too), the brief PDF's pages, the build process's peak resident
memory (its own VmHWM) and the peak of the build with what its child processes add
(sampled: the build's RSS plus each child's own pages), wall times. A build
still running after --budget seconds is stopped, and its row says the last stage it finished.
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
    """Resident bytes of a psutil process now, and what its descendants add to it.

    A child's own pages only (USS): a child forked from the build shares all of the build's
    pages until it writes to them (WeasyPrint's import forks to run ldconfig), and summing RSS
    would count them twice. A child still running the build's command line has not yet exec'd:
    a vfork'd child borrows the build's whole address space, where every page looks private,
    so it is left out (the build's workers are spawned, with a command line of their own).
    """
    import psutil

    total = proc.memory_info().rss
    own = proc.cmdline()
    for child in proc.children(recursive=True):
        try:
            if child.cmdline() == own:
                continue
            total += child.memory_full_info().uss
        except psutil.Error:  # ended between listing and reading, or not ours to read
            pass
    return total


def watched(
    child: subprocess.Popen[bytes], label: str, budget: float | None = None
) -> tuple[int, str | None]:
    """Wait for `child` (stopping it after `budget` seconds), sampling its process tree's
    resident memory: the peak in bytes, and why it did not end well (None: it did)."""
    import psutil

    proc, peak = psutil.Process(child.pid), 0
    deadline = time.monotonic() + budget if budget else None
    stopped = False
    while child.poll() is None:
        try:
            peak = max(peak, tree_rss(proc))
        except psutil.Error:
            pass
        if deadline is not None and time.monotonic() > deadline and not stopped:
            child.terminate()
            stopped = True
        time.sleep(0.05)
    _, err = child.communicate()
    if stopped:
        return peak, f"stopped after {budget:g} s (--budget)"
    if child.returncode != 0:
        return peak, f"{label} failed (exit {child.returncode}): {err.decode()[-2000:].strip()}"
    return peak, None


def pdf_pages(path: Path) -> int | None:
    if not path.is_file():
        return None
    from pypdf import PdfReader  # dev dependency; only for the page count

    return len(PdfReader(path).pages)


def write_copies(records: Sequence[dict[str, Any]], n: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for rec in repeat_corpus(records, n):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def run_size(
    records: Sequence[dict[str, Any]], n: int, work: Path, *, pdf: bool, budget: float | None = None
) -> dict[str, Any]:
    """Ingest N articles into a fresh store under `work`, build their week; the row of the table."""
    work.mkdir(parents=True, exist_ok=True)
    source, db, out, timings = work / "articles.jsonl", work / "news.db", work / "out", work / "timings.jsonl"
    write_copies(records, n, source)
    t = time.perf_counter()
    _, failed = watched(briefing(work, "ingest", str(source), "--db", str(db), "--quiet"), f"ingest of {n}")
    if failed:
        raise SystemExit(failed)
    ingest = time.perf_counter() - t
    since = WINDOW_START.date().isoformat()
    until = (WINDOW_START + timedelta(days=WINDOW_DAYS - 1)).date().isoformat()
    args = ["build", "--since", since, "--until", until, "--db", str(db), "--out", str(out), "--quiet"]
    timings.unlink(missing_ok=True)
    t = time.perf_counter()
    build = briefing(work, *args, *([] if pdf else ["--no-pdf"]), timings=timings)
    peak, failed = watched(build, f"build of {n}", budget)
    wall = time.perf_counter() - t
    lines = timings.read_text(encoding="utf-8").splitlines() if timings.exists() else []
    stages = [json.loads(line) for line in lines]
    return {
        "n": n,
        "ingest": ingest,
        "wall": wall,
        "cpu": _summed(stages, "cpu_seconds"),
        "clock": _summed(stages, "seconds"),
        "reached": stages[-1]["stage"] if stages else None,
        "failed": failed,
        "pages": None if failed else pdf_pages(out / "latest" / "brief.pdf"),
        "peak_mb": peak / 2**20,
        "own_peak_mb": max((s["peak_rss_mb"] for s in stages), default=0.0),
    }


def _summed(records: Sequence[dict[str, Any]], key: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for rec in records:
        out[rec["stage"]] = out.get(rec["stage"], 0.0) + rec[key]
    return out


HEAD = (
    "| N | extract | compose | brief HTML | brief PDF | appendix HTML | other after | after / extract"
    " | (wall) | PDF pages | peak RSS | peak, children too | pipeline load | build wall | ingest wall |"
)


def row(r: dict[str, Any]) -> str:
    """A line of the table: stage figures are the build process's CPU seconds (steady on a shared
    machine); the ratio in wall-clock seconds beside it."""
    cells = [f"{r['n']:,}"]
    ratios = []
    for key in ("cpu", "clock"):
        s = r[key]
        extract = s.get("extract", 0.0) - s.get("pipeline load", 0.0)
        after = sum(s.get(k, 0.0) for k in AFTER)
        ratios.append(f"{after / extract:.2f}×" if extract > 0 and not r["failed"] else "–")
    s = r["cpu"]
    shown = ("extract", "compose", "brief HTML", "brief PDF", "appendix HTML")
    for k in shown:
        value = s.get(k, 0.0) - (s.get("pipeline load", 0.0) if k == "extract" else 0.0)
        cells.append(f"{value:.2f} s" if k in s else "–")
    other = sum(s.get(k, 0.0) for k in AFTER if k not in shown)
    cells += [f"{other:.2f} s", *ratios, str(r["pages"]) if r["pages"] is not None else "–"]
    cells += [f"{r['own_peak_mb']:,.0f} MB", f"{r['peak_mb']:,.0f} MB"]
    cells += [f"{s.get('pipeline load', 0.0):.2f} s", f"{r['wall']:.1f} s", f"{r['ingest']:.1f} s"]
    line = "| " + " | ".join(cells) + " |"
    if r["failed"]:
        line += f"\n  N={r['n']:,}: {r['failed']}; the last stage done: {r['reached'] or 'none'}"
    return line


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
    parser.add_argument(
        "--budget", type=float, default=None, help="stop a build after this many seconds (its row says where)"
    )
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
    pdf = "with the brief's PDF" if args.pdf else "no PDF"
    print(f"bench_scale: the {len(records)} corpus articles repeated; one week's window; {pdf}")
    print("stages in CPU seconds of the build process; (wall): the same ratio in wall-clock seconds")
    print(HEAD)
    print("|" + "---:|" * (HEAD.count(" | ") + 1), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        base = args.keep or Path(tmp)
        for n in sizes:
            print(row(run_size(records, n, base / f"n{n}", pdf=args.pdf, budget=args.budget)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
