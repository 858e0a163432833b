"""Shared fixtures: the real resources and pipeline, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.pipeline import build_nlp
from briefing.resources import Resources

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
