"""Scoring `briefing extract` output against the shared gold, for the tests that check a target."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def gold_scores(shared: Path, gold_set: str, jsonl: str, tmp_path: Path) -> dict:
    """`briefing extract` output (`jsonl`) scored against ../shared/eval/<gold_set> by score.py."""
    pred = tmp_path / f"{gold_set}.jsonl"
    pred.write_text(jsonl, encoding="utf-8")
    gold = shared / "eval" / gold_set
    score = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            "--gold",
            str(gold),
            "--pred",
            str(pred),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary: dict = json.loads(score.stdout[: score.stdout.rindex("}") + 1])
    return summary
