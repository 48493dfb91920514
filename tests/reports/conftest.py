"""The seeds ingested through a stand-in extractor (`seed_facts`), so report tests see known facts."""
from __future__ import annotations

from pathlib import Path

import pytest
import seed_facts
from support import copy_sqlite_store

import tracker.services.ingest as ingest
from tracker import open_tracker
from tracker.application import Tracker

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch):
    monkeypatch.setattr(ingest, "extract", seed_facts.extract)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    """A store holding the five seed releases; tests only read it."""
    db = str(tmp_path_factory.mktemp("store") / "tracker.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ingest, "extract", seed_facts.extract)
        open_tracker(db).ingest([SEEDS])
    return db


@pytest.fixture
def tracker(seeded) -> Tracker:
    return open_tracker(seeded)


@pytest.fixture
def writable(seeded, tmp_path) -> Tracker:
    """A copy of the seeded store, for a test that records something."""
    copy = tmp_path / "tracker.db"
    copy_sqlite_store(seeded, copy)
    return open_tracker(str(copy))
