"""The themes component: golden cases by what the scoring weighs, and the gold scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# Golden cases (tests/data/themes/<family>.json): each names the theme that must lead and
# optionally themes that must not be reported at all.
CASES = [
    (path.stem, case)
    for path in sorted((Path(__file__).parent / "data" / "themes").glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))
]


def test_themes_golden_cases_cover_every_family():
    assert {family for family, _ in CASES} == {"specificity", "repetition", "names", "vocabulary", "spread"}


@pytest.mark.parametrize(
    ("family", "case"), CASES, ids=[f"{family}:{case['text'][:40]}" for family, case in CASES]
)
def test_themes_golden(nlp, family, case):
    themes = nlp(case["text"])._.themes
    ids = [t.id for t in themes]
    assert ids, case["note"]
    assert ids[0] == case["top"], (ids, case["note"])
    assert not set(ids) & set(case.get("absent", ())), (ids, case["note"])
    scores = [t.score for t in themes]
    assert scores == sorted(scores, reverse=True)
    assert 0 < sum(scores) <= 1.0 + 1e-9


def test_themes_of_a_text_without_keywords_are_empty(nlp):
    assert nlp("ذهب الولد إلى المدرسة صباحا.")._.themes == ()
