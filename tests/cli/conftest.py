"""A store of the five seeds, read by the real extraction rules once for the whole run."""
from __future__ import annotations

import pytest
from cli_runner import REPO, run
from support import copy_sqlite_store


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory) -> str:
    """The seeds ingested once (SQLite); tests only read it."""
    db = str(tmp_path_factory.mktemp("seeds") / "tracker.db")
    result = run(db, "ingest", str(REPO / "seeds"))
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def seeds_copy(seeds_store, tmp_path) -> str:
    """A copy of the seeds' store, for a test that records something."""
    copy = tmp_path / "tracker.db"
    copy_sqlite_store(seeds_store, copy)
    return str(copy)
