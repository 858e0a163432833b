"""Actors: gazetteer matching through proclitics, glued words and hashtags; capitals; people by pattern.

Golden cases live in tests/data/actors/<family>.json, one file per rule family of
briefing/pipeline/actors/ (candidates, disambiguation, glued, organisations, people, names, lists,
short_forms).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.pipeline import PIPELINE, PipelineError, build_nlp

CASE_DIR = Path(__file__).parent / "data" / "actors"
CASES = [
    {**case, "family": path.stem}
    for path in sorted(CASE_DIR.glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))
]


def _actors(nlp, text):
    doc = nlp(text)
    for actor in doc._.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    return doc._.actors


def _find(actors, name_en):
    return next((a for a in actors if a.name_en == name_en), None)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['family']}/{c['id']}" for c in CASES])
def test_actors_golden(nlp, case):
    actors = _actors(nlp, case["text"])
    for exp in case.get("expected", []):
        if "name_en" in exp:
            actor = _find(actors, exp["name_en"])
        else:
            actor = next((a for a in actors if a.name_ar == exp["name_ar"]), None)
        assert actor is not None, (exp, [(a.name_en, a.type) for a in actors])
        assert actor.type == exp["type"]
        if "mentions" in exp:
            assert [m.text for m in actor.mentions] == exp["mentions"]
        if "transliterated" in exp:
            assert actor.transliterated is exp["transliterated"]
    for absent in case.get("absent", []):
        assert _find(actors, absent) is None, absent
    for absent in case.get("absent_ar", []):
        assert all(a.name_ar != absent for a in actors), absent


def test_actors_adjectives_are_not_mentions(nlp):
    actors = _actors(nlp, "قال المسؤول الإيراني إن القوات الروسية والأمريكية انسحبت")
    assert not {a.name_en for a in actors} & {"Iran", "Russia", "United States"}


def test_actors_spans_carry_ids(nlp):
    doc = nlp("وصل بوتين إلى طهران")
    ids = {span.id_ for span in doc.spans["actors"]}
    assert {a.id for a in doc._.actors} == ids


def test_actors_same_person_short_form_joins(nlp):
    text = "قال المحلل مهدي همتي إن الوضع صعب. وأضاف همتي أن الحل بعيد."
    actors = _actors(nlp, text)
    persons = [a for a in actors if a.type == "PERSON"]
    assert len(persons) == 1
    assert [m.text for m in persons[0].mentions] == ["مهدي همتي", "همتي"]


def test_actors_golden_cases_are_split_by_family():
    modules = {
        p.stem for p in (Path(__file__).parent.parent / "briefing" / "pipeline" / "actors").glob("*.py")
    }
    assert {c["family"] for c in CASES} <= modules
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


def test_actors_gazetteer_feeds_actors(nlp):
    doc = nlp("وصل بوتين إلى طهران")
    assert {s.id_ for s in doc._.actor_candidates} >= {"person:vladimir-putin", "Q3616"}


@pytest.mark.parametrize(
    "components",
    [
        tuple(c for c in PIPELINE if c != "briefing_gazetteer"),
        ("briefing_normalizer", "briefing_sentences", "briefing_actors", "briefing_gazetteer"),
    ],
    ids=["without-gazetteer", "gazetteer-after-actors"],
)
def test_actors_pipeline_without_gazetteer_before_is_refused(resources, components):
    with pytest.raises(PipelineError, match=r"briefing_actors needs .*doc\._\.actor_candidates"):
        build_nlp(resources, components=components)
