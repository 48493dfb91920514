"""The story held in one store for the tests that only read it (`story_support` says how it is read)."""
from __future__ import annotations

import pytest
from story_support import event_ids, ingest_story


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> str:
    """A store holding the whole story, ingested out of order; tests only read it."""
    db = str(tmp_path_factory.mktemp("story") / "tracker.db")
    ingest_story(db)
    return db


@pytest.fixture(scope="module")
def ids(story) -> dict[str, str]:
    """Each story fact's event id by its label."""
    return event_ids(story)
