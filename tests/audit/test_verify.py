"""`tracker verify` against someone writing to the database behind the tracker's back, with plain SQL."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from support import copy_event, delete_event, edit_payload, swap_events

import tracker.services.ingest as ingest
from cli import cli
from tracker.domain.facts import ApprovalGranted

RELEASES = {
    "a.txt": "BOSTON, Mass., March 2, 2021 (BUSINESS WIRE) -- Acme announced that the FDA approved Zentrilumab. "
             "It is the first approval. The launch follows.\n",
    "b.txt": "BOSTON, Mass., April 9, 2021 (BUSINESS WIRE) -- Acme announced that the EC approved Zentrilumab.\n",
}


def _one_fact_a_sentence(document):
    return [ApprovalGranted(compound="zentrilumab", region="US", quote=s.quote, line=s.line, offset=s.start,
                            confidence=0.9) for s in document.sentences]


@pytest.fixture
def store(tmp_path, db, monkeypatch) -> str:
    monkeypatch.setattr(ingest, "extract", _one_fact_a_sentence)
    for name, text in RELEASES.items():
        (tmp_path / name).write_text(text)
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(tmp_path)]).exit_code == 0
    return db


def _verify(db: str):
    return CliRunner().invoke(cli, ["--db", db, "verify"])


def test_an_untouched_store_is_intact(store):
    result = _verify(store)
    assert result.exit_code == 0
    assert result.output.startswith("intact: 6 events, chain head ")


def test_an_edited_event_payload_is_named(store):
    edit_payload(store, 3, "first", "final")
    result = _verify(store)
    assert result.exit_code == 1
    assert result.output.startswith("Error: tampered: event #3 (aggregate ")
    assert result.output.endswith("altered or reordered: its content or place does not match the chain; "
                                  "2 events before it are intact\n")


def test_a_deleted_row_is_named(store):
    delete_event(store, 2)
    result = _verify(store)
    assert (result.exit_code, result.output) == (
        1, "Error: tampered: event #2: removed: the chain records an event that is no longer in the log; "
           "1 events before it are intact\n")


def test_a_swapped_pair_of_rows_is_named(store):
    swap_events(store, 2, 3)
    result = _verify(store)
    assert result.exit_code == 1
    assert result.output.startswith("Error: tampered: event #2 (aggregate ")
    assert "altered or reordered" in result.output


def test_an_inserted_row_is_named(store):
    copy_event(store, 2, 99)
    result = _verify(store)
    assert result.exit_code == 1
    assert result.output.startswith("Error: tampered: event #99 (aggregate ")
    assert "inserted: the event is in the log but not in the chain" in result.output
