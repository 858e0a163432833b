"""Stored extractions are made again when what made them changes: the package version, the
resources, the lexicon, the extraction code; and on `build --reextract`."""

from __future__ import annotations

import re
import shutil

import pytest
import test_cron
from typer.testing import CliRunner

from briefing import extraction_version as version_module
from briefing import jobs
from briefing.cli import app
from briefing.errors import ExitCode
from briefing.model.contract import Extraction
from briefing.text import bama

env = test_cron.env  # the fixture: no config file, no BRIEFING_* variable, a tmp_path
TEXT = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المنطقة."


@pytest.fixture
def store(env, monkeypatch):
    """A real store holding one article, and builds that count what they extract."""
    seen: list[str] = []

    def counting(resources, note=None):
        def extract(batch):
            seen.extend(a.id for a in batch)
            return [Extraction(article=a, resources_version=resources.version) for a in batch]

        return extract

    monkeypatch.setattr(jobs, "pipeline_extractor", counting)
    article = env / "a.txt"
    article.write_text(f"---\npublished: 2018-05-13\n---\n{TEXT}", encoding="utf-8")
    db = env / "news.db"
    assert CliRunner().invoke(app, ["ingest", str(article), "--db", str(db)]).exit_code == ExitCode.OK
    return db, seen


def newly_extracted(db, *extra: str) -> int:
    args = ["build", "--since", "2018-05-01", "--db", str(db), "--out", str(db.parent / "out"), "--no-pdf"]
    result = CliRunner().invoke(app, [*args, *extra])
    assert result.exit_code == ExitCode.OK, result.output
    found = re.search(r"(\d+) newly extracted", result.output)
    assert found, result.output
    return int(found.group(1))


def test_extraction_version_unchanged_extracts_nothing_again(store):
    db, seen = store
    assert newly_extracted(db) == 1
    assert newly_extracted(db) == 0
    assert seen == ["a"]


def test_extraction_version_code_change_reextracts(store, monkeypatch, tmp_path):
    db, _ = store
    assert newly_extracted(db) == 1
    copy = tmp_path / "code" / "pipeline"
    shutil.copytree(version_module.CODE_DIRS[0], copy)
    monkeypatch.setattr(version_module, "CODE_DIRS", (copy, version_module.CODE_DIRS[1]))
    assert newly_extracted(db) == 0  # the same code, elsewhere
    (copy / "tokenizer.py").write_text((copy / "tokenizer.py").read_text() + "\n# changed\n")
    assert newly_extracted(db) == 1
    assert newly_extracted(db) == 0


def test_extraction_version_lexicon_change_reextracts(store, monkeypatch, tmp_path):
    db, _ = store
    assert newly_extracted(db) == 1
    for name in bama.FILES:
        (tmp_path / name).write_text("another lexicon")
    monkeypatch.setattr(bama, "data_dir", lambda: tmp_path)
    assert newly_extracted(db) == 1


def test_extraction_version_package_version_change_reextracts(store, monkeypatch):
    db, _ = store
    assert newly_extracted(db) == 1
    monkeypatch.setattr(version_module, "__version__", "99.0")
    assert newly_extracted(db) == 1


def test_extraction_version_reextract_forces_it(store):
    db, seen = store
    assert newly_extracted(db) == 1
    assert newly_extracted(db, "--reextract") == 1
    assert seen == ["a", "a"]


def test_extraction_version_reextract_needs_since(env):
    result = CliRunner().invoke(app, ["build", str(env), "--reextract"])
    assert result.exit_code == ExitCode.USAGE
    assert "--reextract needs --since" in result.output


def test_extraction_version_code_is_hashed_as_imported(monkeypatch, tmp_path):
    # A process names the code it runs: its files edited after the import (an upgrade while a cron
    # build runs) must not give the old code's pickled pipeline the new code's cache key.
    copy = tmp_path / "code" / "pipeline"
    shutil.copytree(version_module.CODE_DIRS[0], copy)
    monkeypatch.setattr(version_module, "CODE_DIRS", (copy,))
    monkeypatch.setattr(version_module, "_IMPORTED", ((copy,), version_module.code_hash((copy,))))
    imported = version_module.code_hash()
    (copy / "tokenizer.py").write_text((copy / "tokenizer.py").read_text() + "\n# changed\n")
    assert version_module.code_hash() == imported
    edited = tmp_path / "edited" / "pipeline"  # the edited code, as another process would import it
    shutil.copytree(copy, edited)
    assert version_module.code_hash((edited,)) != imported
