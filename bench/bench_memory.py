"""Peak memory of a build with its appendix PDF: in one piece (before) against in parts (after).

    .venv/bin/python bench/bench_memory.py [--corpus ../shared/corpus/articles.jsonl] [--limit N]

Ingests the corpus into a temporary store, then runs `briefing build --since … --appendix-pdf
--reextract` as a subprocess twice in one run: the appendix in one piece (BRIEFING_APPENDIX_CHUNK
larger than the window, today's single-process render) and in parts (the default). Both
extract every article again (a cron build after an ingest: the pipeline is in memory too).

Memory: the build's process tree is sampled with psutil as bench/bench_scale.py samples it (the
build's resident set plus each worker's own pages, USS: summing RSS counted pages shared with a
forked child twice); the peak of those sums is reported. Also printed: the largest single
process (ru_maxrss of RUSAGE_CHILDREN, which the kernel keeps). Target: under 1 GB.
Skips with a message when the shared corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_scale import watched  # this folder is on sys.path when run as a script

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
GB = 1024**3


def briefing(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "briefing", *(str(a) for a in args)]


def measured(command: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """(wall seconds, peak memory of the tree, stderr) of one run of `command`, sampled as
    bench_scale samples a build: its resident set plus what each worker adds of its own (USS)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: `watched` reads no output
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        peak, failed = watched(proc, " ".join(command))
        err.seek(0)
        said = err.read().decode(errors="replace")
    if failed:
        raise SystemExit(f"{failed}\n{said[-2000:]}")
    return time.perf_counter() - start, peak, said


def window_of(corpus: Path, limit: int) -> tuple[str, str]:
    """--since/--until covering the first `limit` articles' dates (all with 0)."""
    days = []
    with corpus.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit and n >= limit:
                break
            if line.strip() and (day := json.loads(line).get("published")):
                days.append(day[:10])
    return min(days), max(days)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: {args.corpus} is absent (the shared corpus is not available here)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = args.corpus
        if args.limit:
            corpus = work / "corpus.jsonl"
            lines = args.corpus.read_text(encoding="utf-8").splitlines(keepends=True)[: args.limit]
            corpus.write_text("".join(lines), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
        env.update(PYTHONPATH=str(ROOT), BRIEFING_CONFIG=str(work / "config.toml"))
        (work / "config.toml").write_text("", encoding="utf-8")
        db = work / "bench.db"
        subprocess.run(briefing("ingest", corpus, "--db", db, "--quiet"), env=env, check=True)
        since, until = window_of(corpus, 0)
        rows = []
        for label, chunk in (("one piece (before)", "1000000"), ("in parts (after)", "")):
            run_env = {**env, "BRIEFING_APPENDIX_CHUNK": chunk} if chunk else env
            out = work / label.split()[0]
            command = briefing(
                "build", "--since", since, "--until", until, "--db", db, "--out", out,
                "--appendix-pdf", "--reextract",
            )  # fmt: skip
            seconds, peak, err = measured(command, run_env)
            appendix = next(out.glob("*/appendix.pdf"))
            parts = next((line for line in err.splitlines() if " parts (" in line), "one piece")
            rows.append((label, seconds, peak, appendix.stat().st_size, parts.strip()))
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(f"window: {since} – {until}; {args.limit or 'all'} articles of {args.corpus.name}")
    print(f"{'appendix PDF':<20} {'wall':>8} {'peak (tree)':>16} {'appendix.pdf':>13}  how")
    for label, seconds, peak, size, how in rows:
        print(f"{label:<20} {seconds:7.1f}s {peak / GB:14.2f} GB {size / 1e6:10.1f} MB  {how}")
    before, after = rows
    print(f"after / before: wall {after[1] / before[1]:.2f}x, peak memory {after[2] / before[2]:.2f}x")
    print(f"largest single process (ru_maxrss of the children): {largest / GB:.2f} GB; target: tree < 1 GB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
