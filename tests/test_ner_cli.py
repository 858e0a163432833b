"""Named entities through `briefing extract --format jsonl`: the golden cases of the general NER rules
(tests/data/ner/*.json, one file per rule family), each an invented sentence or one of the dev set,
checked on the contract JSON the CLI writes. A case lists the actors expected (by Arabic name, type
and, when given, the mentions' texts), the Arabic names that must be absent (or absent with one
type: `absent_typed`) and the mention texts that no actor may have.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ExitCode

CASE_DIR = Path(__file__).parent / "data" / "ner"
CASES = [
    {**case, "family": path.stem}
    for path in sorted(CASE_DIR.glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))
]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, list[dict]]:
    """Every case's actors, from one `extract` run over a folder of the cases' texts."""
    folder = tmp_path_factory.mktemp("ner")
    for case in CASES:
        (folder / f"{case['family']}-{case['id']}.txt").write_text(case["text"] + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == ExitCode.OK, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return {r["article"]: r["actors"] for r in records}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['family']}/{c['id']}" for c in CASES])
def test_ner_golden_through_the_cli(extracted, case):
    actors = extracted[f"{case['family']}-{case['id']}"]
    found = [(a["name_ar"], a["type"], [m["text"] for m in a["mentions"]]) for a in actors]
    for exp in case.get("expected", []):
        actor = next((a for a in actors if a["name_ar"] == exp["name_ar"]), None)
        assert actor is not None, (exp, found)
        assert actor["type"] == exp["type"], (exp, found)
        if "mentions" in exp:
            assert [m["text"] for m in actor["mentions"]] == exp["mentions"], (exp, found)
    for absent in case.get("absent_ar", []):
        assert all(a["name_ar"] != absent for a in actors), (absent, found)
    for absent, kind in case.get("absent_typed", []):  # no actor of that name and type
        assert all((a["name_ar"], a["type"]) != (absent, kind) for a in actors), (absent, kind, found)
    mentions = {m for _, _, texts in found for m in texts}
    for absent in case.get("absent_mentions", []):
        assert absent not in mentions, (absent, found)


def test_ner_cases_have_unique_ids_and_say_something():
    ids = [(c["family"], c["id"]) for c in CASES]
    assert len(ids) == len(set(ids))
    assert all(
        c.get("expected") or c.get("absent_ar") or c.get("absent_mentions") or c.get("absent_typed")
        for c in CASES
    )
