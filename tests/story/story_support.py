"""Reading the story: its releases ingested out of order through the stand-in reader, commands, event ids."""
from __future__ import annotations

from pathlib import Path

import pytest
import story_facts
from click.testing import CliRunner

import tracker.services.ingest as ingest
from cli import cli
from tracker import open_tracker
from tracker.application import Tracker

RELEASES = Path(__file__).resolve().parent / "releases"
#: The order the releases are ingested in: newest first, the oldest in the middle, as a backfill would.
OUT_OF_ORDER = (
    "norvale-2014-06-02-q1.txt", "halvorsen-2014-05-12-q1.txt", "ardent-2014-03-17-crl.txt",
    "norvale-2013-11-20-ec-approval.txt", "norvale-2010-09-01-license.txt", "norvale-2013-09-30-chmp.txt",
    "norvale-2014-03-10-japan.txt", "ardent-2013-05-06-nda-accepted.txt", "norvale-2013-03-20-ema-accepts.txt",
    "norvale-2011-06-15-update.txt", "norvale-2013-02-22-fda-approval.txt", "norvale-2013-01-28-maa.txt",
    "norvale-2011-11-10-herald.txt",
)
IN_ORDER = tuple(sorted(OUT_OF_ORDER, key=lambda name: name.split("-", 1)[1]))


def ingest_story(db: str, order: tuple[str, ...] = OUT_OF_ORDER) -> Tracker:
    """A store holding the story, its releases ingested one by one in `order`."""
    tracker = open_tracker(db)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ingest, "extract", story_facts.extract)
        for name in order:
            tracker.ingest([RELEASES / name])
    return tracker


def run(db: str, *args: str) -> str:
    """A command's output; it must succeed."""
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


def event_ids(db: str) -> dict[str, str]:
    """Each story fact's event id by its label in `story_facts`: its release's id and its place in the release."""
    releases = {r.release.file: r.release.id for r in open_tracker(db).history() if r.release is not None}
    return {label: f"{releases[file]}.{place}" for file, facts in story_facts.FACTS.items()
            for place, (label, *_) in enumerate(facts, start=1)}
