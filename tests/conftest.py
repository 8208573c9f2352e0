"""Shared fixtures: the knowledge base is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest.clean import Boilerplate
from marsad.kb.registry import Resources, load_boilerplate, load_resources

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def resources() -> Resources:
    """Every language resource and knowledge base (slow: load it once)."""
    return load_resources()


@pytest.fixture(scope="session")
def boilerplate() -> Boilerplate:
    """Only the boilerplate lexicon, for readers (cheap)."""
    return load_boilerplate()
