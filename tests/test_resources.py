"""Integrity of the data files under briefing/resources/ (the gazetteers and titles).

The loader validates as it reads; these tests check what it does not (references point at
states, every shared surface is declared, aliases are not mere spelling variants) and a set of
well-known facts, and that the generated places file is what its script produces.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import srsly

from briefing.errors import ResourceError
from briefing.resources import RESOURCES_DIR, ActorEntry, Resources
from briefing.text.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
ACTOR_FILES = sorted(RESOURCES_DIR.glob("actors*.yaml"))

# States with no Arabic nisba that would not misfire: "مالي" is also "financial", "سليماني" a
# surname, and the small island and two-word states have no adjective in use.
STATES_WITHOUT_DEMONYM = {
    "Q1011",
    "Q929",
    "Q983",
    "Q1050",
    "Q1007",
    "Q710",
    "Q912",
    "Q709",
    "Q702",
    "Q697",
    "Q695",
    "Q691",
    "Q763",
    "Q760",
    "Q757",
    "Q1039",
    "Q685",
    "Q672",
    "Q686",
    "Q237",
    "Q574",
    "Q754",
}


def _by_id(resources: Resources) -> dict[str, ActorEntry]:
    return {a.id: a for a in resources.actors}


def _owners(resources: Resources) -> dict[str, list[ActorEntry]]:
    owners: dict[str, list[ActorEntry]] = defaultdict(list)
    for a in resources.actors:
        for s in a.surfaces_ar:
            owners[fold(s)].append(a)
    return owners


def test_resources_actor_ids_unique_across_files():
    seen: dict[str, str] = {}
    for path in ACTOR_FILES:
        for item in srsly.read_yaml(path)["actors"]:
            assert item["id"] not in seen, f"{item['id']} in {path.name} and {seen[item['id']]}"
            seen[item["id"]] = path.name
    assert len(seen) > 1000


def test_resources_actor_files_name_their_sources():
    for path in ACTOR_FILES:
        header = path.read_text("utf-8").split("\nactors:", 1)[0]
        assert header.startswith("#"), f"{path.name}: no header comment"
        assert "licen" in header.lower() or "Apache" in header, f"{path.name}: header names no licence"
    places = (RESOURCES_DIR / "actors_places.yaml").read_text("utf-8")[:2000]
    for source in ("dr5hn/countries-states-cities-database", "ODbL", "mledoze/countries", "Unicode"):
        assert source in places


def test_resources_actors_have_both_labels(resources):
    for a in resources.actors:
        assert a.en.strip(), a.id
        assert a.ar.strip(), a.id
        assert any("\u0600" <= ch <= "\u06ff" for ch in a.ar), f"{a.id}: Arabic label has no Arabic letter"
        assert a.en.isascii() or any(ch.isalpha() for ch in a.en), a.id


def test_resources_references_point_at_states(resources):
    by_id = _by_id(resources)
    for a in resources.actors:
        for ref in (a.country, a.capital_of):
            if ref:
                assert ref in by_id, f"{a.id}: unknown id {ref}"
                assert by_id[ref].type == "GPE", f"{a.id}: {ref} is not a state"
        if a.capital_of:
            assert a.type == "LOC", a.id
            assert a.country == a.capital_of, a.id


def test_resources_shared_surfaces_across_types_are_declared(resources):
    for key, entries in _owners(resources).items():
        if len({e.type for e in entries}) < 2:
            continue
        for e in entries:
            assert key in {fold(s) for s in e.ambiguous_ar}, (
                f"'{key}' is claimed by {[(x.id, x.type) for x in entries]} but {e.id} does not "
                "declare it in ambiguous_ar"
            )


def test_resources_declared_ambiguity_is_real(resources):
    owners = _owners(resources)
    for a in resources.actors:
        for s in a.ambiguous_ar:
            others = [e for e in owners[fold(s)] if e.type != a.type]
            assert fold(s) in {fold(x) for x in a.surfaces_ar}, (
                f"{a.id}: ambiguous '{s}' is not one of its names"
            )
            assert others, f"{a.id}: '{s}' is declared ambiguous but no entry of another type has it"


def test_resources_no_surface_names_two_entries_unless_declared(resources):
    for key, entries in _owners(resources).items():
        ids = {e.id for e in entries}
        declared = all(key in {fold(s) for s in e.ambiguous_ar} for e in entries)
        assert len(ids) == 1 or declared, f"'{key}' names several entries: {sorted(ids)}"


def test_resources_aliases_are_not_spelling_variants(resources):
    # Matching folds hamza, alef, ta marbuta and alef maqsura: an alias equal after folding is noise.
    for a in resources.actors:
        folded = [fold(s) for s in a.surfaces_ar]
        dupes = {f for f in folded if folded.count(f) > 1}
        assert not dupes, f"{a.id}: surfaces equal after folding: {dupes}"


def test_resources_every_state_has_one_capital_and_demonyms(resources):
    capitals: dict[str, list[str]] = defaultdict(list)
    for a in resources.actors:
        if a.capital_of:
            capitals[a.capital_of].append(a.id)
    states = [a for a in resources.actors if a.type == "GPE"]
    assert len(states) >= 195
    for s in states:
        assert len(capitals[s.id]) == 1, f"{s.id} {s.en}: capitals {capitals[s.id]}"
        if s.id in STATES_WITHOUT_DEMONYM:
            continue
        assert len(s.demonym_ar) >= 2, f"{s.id} {s.en}: no demonyms"
        assert any(d.endswith("ة") for d in s.demonym_ar), f"{s.id} {s.en}: no feminine demonym"


def test_resources_people_and_orgs_have_coverage(resources):
    counts: dict[str, int] = defaultdict(int)
    for a in resources.actors:
        counts[a.type] += 1
    assert counts["PERSON"] >= 250
    assert counts["ORG"] >= 200
    assert counts["LOC"] >= 500


@pytest.mark.parametrize(
    ("surface", "expected_id", "expected_type"),
    [
        ("إيران", "Q794", "GPE"),
        ("ايران", "Q794", "GPE"),
        ("أميركا", "Q30", "GPE"),
        ("الولايات المتحدة الأمريكية", "Q30", "GPE"),
        ("سورية", "Q858", "GPE"),
        ("المملكة العربية السعودية", "Q851", "GPE"),
        ("روسيا الاتحادية", "Q159", "GPE"),
        ("بريطانيا", "Q145", "GPE"),
        ("طهران", "Q3616", "LOC"),
        ("الضفة الغربية", "place:west-bank", "LOC"),
        ("مضيق هرمز", "place:strait-of-hormuz", "LOC"),
        ("بوتين", "person:vladimir-putin", "PERSON"),
        ("ترمب", "person:donald-trump", "PERSON"),
        ("أردوغان", "person:recep-tayyip-erdogan", "PERSON"),
        ("الأسد", "person:bashar-al-assad", "PERSON"),
        ("قسد", "org:sdf", "ORG"),
        ("داعش", "org:islamic-state", "ORG"),
        ("منظمة شنجهاي للتعاون", "org:sco", "ORG"),
        ("بي.بي.سي", "org:bbc", "ORG"),
    ],
)
def test_resources_known_surfaces(resources, surface, expected_id, expected_type):
    found = _owners(resources).get(fold(surface), [])
    assert [(e.id, e.type) for e in found] == [(expected_id, expected_type)]


@pytest.mark.parametrize(
    ("state", "capital_ar"),
    [
        ("Q794", "طهران"),
        ("Q858", "دمشق"),
        ("Q796", "بغداد"),
        ("Q822", "بيروت"),
        ("Q851", "الرياض"),
        ("Q159", "موسكو"),
        ("Q30", "واشنطن"),
        ("Q148", "بكين"),
        ("Q43", "أنقرة"),
        ("Q805", "صنعاء"),
    ],
)
def test_resources_capitals(resources, state, capital_ar):
    capital = next(a for a in resources.actors if a.capital_of == state)
    assert capital.ar == capital_ar


def test_resources_declared_ambiguities(resources):
    owners = _owners(resources)
    assert {e.type for e in owners[fold("عمان")]} == {"GPE", "LOC"}
    assert {e.type for e in owners[fold("الشرق الأوسط")]} == {"LOC", "ORG"}


def test_resources_state_demonyms(resources):
    by_id = _by_id(resources)
    assert {"إيراني", "إيرانية"} <= set(by_id["Q794"].demonym_ar)
    assert {"أمريكية", "أميركية"} <= set(by_id["Q30"].demonym_ar)


def test_resources_people_facts(resources):
    by_id = _by_id(resources)
    putin = by_id["person:vladimir-putin"]
    assert putin.country == "Q159"
    assert "2012" in (putin.role or "")
    assert by_id["person:ali-khamenei"].country == "Q794"
    assert by_id["person:hassan-nasrallah"].country == "Q822"
    for a in resources.actors:
        if a.type == "PERSON":
            assert a.id.startswith(("person:", "ner:person:")), a.id
        if a.type == "ORG":
            assert a.id.startswith(("org:", "ner:org:")), a.id


def test_resources_titles_are_distinct(resources):
    assert len(resources.titles) >= 120
    owner: dict[str, str] = {}
    for t in resources.titles:
        for s in t.ar:
            key = fold(s)
            assert owner.setdefault(key, t.id) == t.id, f"title form '{s}' in {t.id} and {owner[key]}"
    kinds = {t.kind for t in resources.titles}
    assert kinds == {"role", "rank", "profession", "honorific", "relation"}
    by_id = {t.id: t for t in resources.titles}
    assert "اللواء" in by_id["major-general"].ar
    assert by_id["major-general"].kind == "rank"


def test_resources_loader_rejects_an_undeclared_shared_surface(tmp_path):
    for path in RESOURCES_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    srsly.write_yaml(
        tmp_path / "actors_zz_test.yaml",
        {"actors": [{"id": "person:test", "type": "PERSON", "en": "Test", "ar": "حماس"}]},
    )
    with pytest.raises(ResourceError, match="حماس"):
        Resources.load(tmp_path)


@pytest.mark.parametrize(("stem", "key"), [("titles", "titles"), ("themes", "themes")])
def test_resources_loader_rejects_a_duplicate_id(tmp_path, stem, key):
    for path in RESOURCES_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    doc = srsly.read_yaml(tmp_path / f"{stem}.yaml")
    doc[key].append(dict(doc[key][0]))
    srsly.write_yaml(tmp_path / f"{stem}.yaml", doc)
    with pytest.raises(ResourceError, match=rf"{stem}\.yaml: {doc[key][0]['id']}: duplicate id"):
        Resources.load(tmp_path)


def test_resources_places_file_matches_its_generator(shared_dir, tmp_path):
    reference = shared_dir / "reference"
    if not (reference / "dr5hn-countries-states-cities").is_dir():
        pytest.skip(f"{reference} has no dr5hn data")
    out = tmp_path / "actors_places.yaml"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_places.py"),
            "--reference",
            str(reference),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (RESOURCES_DIR / "actors_places.yaml").read_bytes(), (
        "actors_places.yaml is stale: run scripts/build_places.py"
    )


def test_resources_yaml_reads_yaml_12_booleans():
    """The fast reader keeps YAML 1.2 semantics: only true/false are booleans (cues.yaml has "on")."""
    from briefing.resources import read_yaml

    assert read_yaml("a: on\nb: yes\nc: no\nd: true\ne: False\n") == {
        "a": "on",
        "b": "yes",
        "c": "no",
        "d": True,
        "e": False,
    }


def test_resources_every_file_has_a_schema_and_an_unknown_file_is_refused(tmp_path):
    for path in RESOURCES_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    Resources.load(tmp_path)  # every shipped file has its schema
    (tmp_path / "extra_words.yaml").write_text("words: [كلمة]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"extra_words\.yaml: no schema for this file"):
        Resources.load(tmp_path)
