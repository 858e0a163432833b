"""The ANERcorp-derived gazetteer: fresh (its script reproduces it) and licensed in its header."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import srsly

from briefing.resources import RESOURCES_DIR

ROOT = Path(__file__).resolve().parent.parent
LEXICON = RESOURCES_DIR / "actors_anercorp.yaml"


def test_resources_anercorp_file_matches_its_generator(shared_dir, tmp_path):
    train = shared_dir / "eval" / "anercorp" / "ANERCorp_CamelLab_train.txt"
    if not train.is_file():
        pytest.skip(f"{train} is absent: the ANERcorp train split is needed to rebuild the lexicon")
    out = tmp_path / LEXICON.name
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_ner_lexicon.py"),
            "--train",
            str(train),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == LEXICON.read_bytes(), (
        "actors_anercorp.yaml is stale: run scripts/build_ner_lexicon.py"
    )


def test_resources_anercorp_header_names_source_licence_and_split():
    header = LEXICON.read_text("utf-8").split("\nactors:", 1)[0]
    for needed in ("ANERcorp", "Benajiba", "Obeid", "CC BY-SA 4.0", "TRAIN split only"):
        assert needed in header, f"actors_anercorp.yaml header lacks '{needed}'"


def test_resources_anercorp_entries_are_typed_actors_with_ner_ids(resources):
    items = srsly.read_yaml(LEXICON)["actors"]
    assert items, "actors_anercorp.yaml has no entries"
    loaded = {a.id: a for a in resources.actors}
    for item in items:
        assert item["id"].startswith(f"ner:{item['type'].lower()}:"), item["id"]
        assert item["type"] in ("PERSON", "ORG", "LOC"), item["id"]
        assert item["id"] in loaded, f"{item['id']} was not loaded with the gazetteer"
