"""The event and ledger-line ids the README and the examples of `--help` name are the events and lines their
words describe, on the seeds: an id that still exists but now names another event (after a change to the
reading) would make the tour run and mislead."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli

REPO = Path(__file__).resolve().parents[2]
#: Where the ids are written.
PLACES = (REPO / "README.md", REPO / "cli.py")

#: Each id named, and what its words say it is: the fields its event (or ledger line) has.
TOUR = {
    "b7a64debc339d7ae.4": {"type": "CompoundAliasRecorded", "alias": "T-DM1"},  # retract: T-DM1 is a code
    "b7a64debc339d7ae.10": {"type": "TopLineReported", "trial": "EMILIA"},  # retract: restates EMILIA's results
    "832bafa56f4cb993.1": {"type": "TopLineReported", "phase": "II"},  # review: the OCR misread 'Phase Il'
    "L-ba54e7c8": {"trigger": "JP approval", "amount": "5000000"},  # invoiced and paid: the Japan milestone
    "L-af922d6d": {"trigger": "EC approval", "amount": "5000000"},  # written off, confirmed: the EU milestone
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("tour") / "tracker.db")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(REPO / "seeds")]).exit_code == 0
    return db


def _json(db: str, *args: str):
    result = CliRunner().invoke(cli, ["--db", db, "--review-threshold", "0", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_every_id_the_docs_name_is_in_the_table_of_what_it_names():
    named = {match for place in PLACES
             for match in re.findall(r"\b(?:[0-9a-f]{16}\.\d+|L-[0-9a-f]{8})\b", place.read_text(encoding="utf-8"))}
    assert named == set(TOUR)


def test_each_id_names_the_event_or_line_its_words_describe(seeded):
    events = {event["id"]: event for event in _json(seeded, "events")}
    lines = {line["id"]: line for line in _json(seeded, "ledger", "--as-of", "2013-12-31")["lines"]}
    found = {}
    for name, expected in TOUR.items():
        record = lines.get(name) if name.startswith("L-") else events.get(name)
        found[name] = {key: str(record.get(key)) for key in expected} if record else None
    assert found == TOUR
