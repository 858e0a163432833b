"""Shared fixtures: the real resources and pipeline, built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from briefing.pipeline import build_nlp
from briefing.resources import Resources

# Property tests draw the same examples on every run (the house rule: deterministic tests); set
# HYPOTHESIS_PROFILE=explore to search new ones while developing.
settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources.load()


@pytest.fixture(scope="session")
def nlp(resources):
    return build_nlp(resources)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (eval, corpus, reference); tests that need it skip when it is absent."""
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"{SHARED} is absent: shared eval/corpus/reference data not available")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture
def pipeline_env(tmp_path, monkeypatch, nlp) -> Path:
    """A clean environment for CLI runs (an empty config file, no BRIEFING_*, a data folder in
    tmp_path) whose extraction uses the session's pipeline instead of building its own."""
    import os

    import briefing.jobs
    from briefing.extract import extract_articles

    for name in list(os.environ):
        if name.startswith("BRIEFING_"):
            monkeypatch.delenv(name)
    (tmp_path / "config.toml").touch()
    monkeypatch.setenv("BRIEFING_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(
        briefing.jobs,
        "pipeline_extractor",
        lambda resources, note=None: lambda batch: list(extract_articles(nlp, batch, resources.version)),
    )
    return tmp_path
