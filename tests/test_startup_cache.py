"""The built pipeline's cache (briefing/pipeline/cache.py), through `briefing extract -v`: a second
run loads it, a damaged one is built again, a change in the user layer makes a new one, and a
folder that cannot be written only costs the build. Every run extracts the same JSONL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_custom import GAZETTEER
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ExitCode

ARTICLE = """---
title: مؤسسة الفجر الجديد تحذر من نقص المياه
date: 2018-05-10
---
حذرت مؤسسة الفجر الجديد من أن نقص المياه في إيران يهدد أكثر من مليوني مزارع هذا العام.
وأعلنت طهران أنها ستنفق 300 مليون دولار على مشاريع الري.
"""


BUILT = "pipeline: built and cached in "
LOADED = "pipeline: loaded from the cache "


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    (tmp_path / "config.toml").touch()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    layer = tmp_path / "layer"
    layer.mkdir()
    (layer / "actors_mine.yaml").write_text(GAZETTEER, encoding="utf-8")
    return {
        "BRIEFING_CONFIG": str(tmp_path / "config.toml"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "BRIEFING_CACHE": str(tmp_path / "cache"),
    }


def extract(env: dict[str, str]) -> tuple[str, str]:
    """(stdout, stderr) of `briefing extract a.txt -f jsonl -v` with the test's layer."""
    root = Path(env["BRIEFING_CONFIG"]).parent
    args = ["extract", str(root / "a.txt"), "-f", "jsonl", "-v", "--resources", str(root / "layer")]
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == ExitCode.OK, result.output
    return result.stdout, result.stderr


def cached_files(env: dict[str, str]) -> list[Path]:
    return sorted(Path(env["BRIEFING_CACHE"]).glob("nlp-*.pickle"))


def test_startup_cache_second_run_loads_the_pipeline_and_extracts_the_same(env):
    first, notes = extract(env)
    assert BUILT in notes
    assert LOADED not in notes
    assert len(cached_files(env)) == 1
    assert "user:new-dawn" in first  # the layer reached the pipeline
    second, notes = extract(env)
    assert LOADED in notes
    assert BUILT not in notes
    assert second == first


def test_startup_cache_damaged_file_is_built_again(env):
    first, _ = extract(env)
    (path,) = cached_files(env)
    path.write_bytes(path.read_bytes()[:1000])  # a file cut short, as by a full disk
    again, notes = extract(env)
    assert "is unreadable" in notes
    assert BUILT in notes
    assert again == first
    _, notes = extract(env)
    assert LOADED in notes  # the rebuilt file is whole


def test_startup_cache_foreign_pickle_is_built_again(env):
    extract(env)
    (path,) = cached_files(env)
    path.write_bytes(b"\x80\x05K\x01.")  # a valid pickle of the number 1
    _, notes = extract(env)
    assert "holds something else" in notes
    assert BUILT in notes


def test_startup_cache_user_layer_change_makes_a_new_pipeline(env):
    extract(env)
    (before,) = cached_files(env)
    layer = Path(env["BRIEFING_CONFIG"]).parent / "layer"
    gazetteer = GAZETTEER.replace("New Dawn Foundation", "Dawn Group")
    (layer / "actors_mine.yaml").write_text(gazetteer, encoding="utf-8")
    changed, notes = extract(env)
    assert BUILT in notes
    assert LOADED not in notes
    assert "Dawn Group" in changed
    assert "New Dawn Foundation" not in changed
    assert str(before) not in notes  # another key: the layer is part of it
    assert len(cached_files(env)) == 2  # the old one stays a day (another install may use it)
    (now,) = set(cached_files(env)) - {before}
    os.utime(before, (0, 0))  # unused for long: the next new pipeline removes it
    gazetteer = GAZETTEER.replace("New Dawn Foundation", "Third Name")
    (layer / "actors_mine.yaml").write_text(gazetteer, encoding="utf-8")
    extract(env)
    files = cached_files(env)
    assert len(files) == 2
    assert now in files
    assert not before.exists()


def test_startup_cache_unwritable_folder_only_builds(env):
    blocker = Path(env["BRIEFING_CACHE"])
    blocker.write_text("a file where the cache folder's parent should be")
    env = {**env, "BRIEFING_CACHE": str(blocker / "cache")}  # cannot be made, even by root
    first, notes = extract(env)
    assert "cannot be written" in notes
    assert BUILT not in notes
    second, notes = extract(env)
    assert "cannot be written" in notes
    assert second == first
