"""Actors: gazetteer matching through proclitics, glued words and hashtags; capitals; people by pattern.

Golden cases live in tests/data/actors/<family>.json, one file per rule family of
briefing/pipeline/actors/ (candidates, disambiguation, glued, organisations, people, names, lists,
short_forms).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.errors import ResourceError
from briefing.pipeline import PIPELINE, PipelineError, build_nlp
from briefing.resources import RESOURCES_DIR, read_yaml
from briefing.resources.schema import (
    ActorRulesFile,
    GivenNamesFile,
    OrgPatternsFile,
    PersonNamesFile,
    validate,
)

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


def _rules_data() -> dict:
    return read_yaml((RESOURCES_DIR / "actor_rules.yaml").read_text(encoding="utf-8"))


def test_actors_rules_schema_refuses_an_unknown_kind():
    data = _rules_data()
    data["not_short"] = data["name_endings"]
    with pytest.raises(ResourceError, match=r"actor_rules\.yaml: not_short: Extra inputs"):
        validate(ActorRulesFile, data, "actor_rules.yaml")


@pytest.mark.parametrize(
    ("kind", "word", "reason"),
    [("kunyas", "عم", "is not among the name_connectors"), ("regnal_numbers", "الأول", "listed twice")],
)
def test_actors_rules_schema_checks_the_lists(kind, word, reason):
    data = _rules_data()
    data[kind] = [*data[kind], word]
    with pytest.raises(ResourceError, match=rf"actor_rules\.yaml: .*{reason}"):
        validate(ActorRulesFile, data, "actor_rules.yaml")


def test_actors_org_patterns_schema_needs_a_place_for_the_name():
    data = read_yaml((RESOURCES_DIR / "org_patterns.yaml").read_text(encoding="utf-8"))
    data["named"][0]["en"] = "Party"
    with pytest.raises(ResourceError, match=r"org_patterns\.yaml: named: .*party: en must hold \{name\}"):
        validate(OrgPatternsFile, data, "org_patterns.yaml")


def test_actors_resource_files_load_as_their_schemas(resources):
    assert resources.get("actor_rules", ActorRulesFile).name_endings
    assert resources.get("given_names", GivenNamesFile).given_names
    assert resources.get("org_patterns", OrgPatternsFile).named
    assert resources.get("person_names", PersonNamesFile).tokens
