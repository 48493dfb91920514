"""Shared fixtures: where the seeds are, and a fresh store per test, on SQLite or PostgreSQL.

Every test that takes `db` runs against a new SQLite file by default. With
`TRACKER_TEST_POSTGRES` set to a server URL ending in "/" (as
`scripts/test-postgres` sets it), each such test gets its own new PostgreSQL
database on that server instead, dropped afterwards.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
POSTGRES = os.environ.get("TRACKER_TEST_POSTGRES")


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of seeds/ (releases and manifest), safe to add files to."""
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    return copy


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    """A store no test shares."""
    if not POSTGRES:
        yield str(tmp_path / "tracker.db")
        return
    import psycopg

    name = f"tracker_test_{uuid4().hex[:12]}"
    with psycopg.connect(f"{POSTGRES}postgres", autocommit=True) as server:
        server.execute(f"CREATE DATABASE {name}")
    yield f"{POSTGRES}{name}"
    with psycopg.connect(f"{POSTGRES}postgres", autocommit=True) as server:
        server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def reading_plain_sentences(monkeypatch):
    """Ingest reads releases with the stand-in extractor (`tests/stand_in_extractor.py`): a test of what the store
    keeps chooses its facts exactly by the plain sentences it writes."""
    import stand_in_extractor

    import tracker.services.ingest as ingest

    monkeypatch.setattr(ingest, "extract", stand_in_extractor.read)
