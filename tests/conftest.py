"""Shared fixtures: where the seeds are, and a fresh store per test."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of seeds/ (releases and manifest), safe to add files to."""
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    return copy


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store no test shares."""
    return str(tmp_path / "tracker.db")
