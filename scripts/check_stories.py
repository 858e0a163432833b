"""The issue's stories check: does a window's brief lead with the window's main events?

Builds the brief of a window through the public command line (`briefing ingest` into a scratch
store, unless --db names one, then `briefing build --since … --until … --no-pdf`), reads its
brief.json and checks it against a stories file (events ranked most important first, each with
its articles and Arabic keywords, and background sentences that are not news of the window):

- at most 8 key developments;
- at least 4 of the top 5 events cited: an event is cited when a key development's ref is a
  sentence of one of the event's articles holding one of its keywords (compared folded);
- no background sentence among the key developments' refs.

Prints each top event cited or not (and by which key development), the key developments with
their refs, and any background ref; exits 1 when the check fails, 2 on bad input.

    .venv/bin/python scripts/check_stories.py ../shared/eval/dev \\
        --stories ../shared/eval/stories/2018-06-12_2018-06-22.json
    .venv/bin/python scripts/check_stories.py --db news.db --stories week.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.text.normalize import fold

MAX_KEY = 8
TOP = 5
NEEDED = 4


@dataclass(frozen=True)
class Result:
    lines: list[str]
    ok: bool


def _briefing(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"briefing {' '.join(args)}: exit {done.returncode}: {done.stderr.strip()}")


def build(sources: list[str], db: Path | None, since: str, until: str, work: Path) -> dict[str, Any]:
    """The brief.json of the window, built by the command line."""
    if db is None:
        db = work / "store.db"
        _briefing("ingest", *sources, "--db", str(db), "--quiet")
    out = work / "out"
    _briefing(
        "build", "--db", str(db), "--since", since, "--until", until, "--no-pdf", "--out", str(out), "-q"
    )
    (brief,) = {p.resolve() for p in out.glob("*/brief.json")}  # out/latest names the same brief
    data: dict[str, Any] = json.loads(brief.read_text(encoding="utf-8"))
    return data


def _holds(ref: dict[str, Any], articles: set[str], keywords: list[str]) -> bool:
    text = fold(ref["text"])
    return ref["article"] in articles and any(fold(k) in text for k in keywords)


def _is_background(ref: dict[str, Any], bg: dict[str, Any]) -> bool:
    if ref["article"] != bg["article"]:
        return False
    a, b = fold(ref["text"]), fold(bg["text"])
    return b in a or a in b


def check(brief: dict[str, Any], stories: dict[str, Any]) -> Result:
    """The check's verdict on a brief.json against a stories file, with what it found."""
    key = brief["key_developments"]
    lines = [f"key developments: {len(key)} (at most {MAX_KEY})"]
    cited = 0
    for event in sorted(stories["events"], key=lambda e: e["rank"])[:TOP]:
        by = [
            s["rank"]
            for s in key
            if any(_holds(r, set(event["articles"]), event["keywords_ar"]) for r in s["refs"])
        ]
        cited += bool(by)
        lines.append(
            f"  event {event['rank']} {event['id']}: {'cited by #' + str(by) if by else 'NOT cited'}"
        )
    lines.append(f"top {TOP} events cited: {cited} (at least {NEEDED})")
    background = []
    for s in key:
        lines.append(f"#{s['rank']} {s['headline_en']} | {s['headline_ar']}")
        for r in s["refs"]:
            lines.append(f"    {r['article']} {r['start']}-{r['end']}: {r['text'][:100]}")
            background += [
                f"#{s['rank']} {r['article']}: {r['text'][:100]}"
                for bg in stories.get("background", ())
                if _is_background(r, bg)
            ]
    lines.append(f"background sentences among the refs: {len(background)}")
    lines += [f"  {b}" for b in background]
    ok = len(key) <= MAX_KEY and cited >= NEEDED and not background
    return Result(lines, ok)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sources", nargs="*", help="files or folders to ingest (not with --db)")
    parser.add_argument("--db", type=Path, help="an existing store instead of the sources")
    parser.add_argument("--stories", type=Path, required=True, help="the stories file (events, background)")
    args = parser.parse_args(argv)
    if bool(args.sources) == bool(args.db):
        parser.error("give either sources or --db")
    try:
        stories = json.loads(args.stories.read_text(encoding="utf-8"))
        since, until = stories["since"], stories["until"]
    except (OSError, ValueError, KeyError) as exc:
        parser.error(f"{args.stories}: not a stories file: {exc}")
    with tempfile.TemporaryDirectory() as tmp:
        brief = build(args.sources, args.db, since, until, Path(tmp))
    result = check(brief, stories)
    print("\n".join(result.lines))
    print("PASS" if result.ok else "FAIL")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
