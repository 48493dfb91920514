"""`tracker verify` against someone writing to the database behind the tracker's back, with plain SQL."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from support import copy_event, delete_event, edit_payload, rows, swap_events, tamper_read_model

import tracker.services.ingest as ingest
from cli import cli
from tracker.adapters.read_model import ANSWERS, FACTS
from tracker.adapters.read_model import RELEASES as RELEASE_ROWS
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


def test_a_fact_changed_in_the_read_model_is_named_with_its_field(store):
    tamper_read_model(store, f"UPDATE {FACTS} SET fact = REPLACE(fact, '\"region\":\"US\"', '\"region\":\"EU\"') "
                             "WHERE notification_id = 3")
    result = _verify(store)
    assert result.exit_code == 1
    assert result.output.startswith("Error: tampered: event #3 (aggregate ")
    assert result.output.endswith(f", version 3): the read model disagrees with it: {FACTS}.fact.region is \"EU\" "
                                  "there, \"US\" in the log; 2 events before it are intact\n")


def test_an_amount_changed_in_the_read_model_is_named(seeds, db):
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(seeds)]).exit_code == 0
    (row,) = rows(db, f"SELECT notification_id FROM {FACTS} WHERE fact LIKE '%\"amount\":\"5000000\"%' "
                       "ORDER BY notification_id LIMIT 1")
    tamper_read_model(db, f"UPDATE {FACTS} SET fact = REPLACE(fact, '\"amount\":\"5000000\"', '\"amount\":\"50000000\"') "
                          f"WHERE notification_id = {row[0]}")
    result = _verify(db)
    assert result.exit_code == 1
    assert f"tampered: event #{row[0]} (aggregate " in result.output
    assert f": the read model disagrees with it: {FACTS}.fact.amount is \"50000000\" there, \"5000000\" in the log; " \
        in result.output


def test_a_row_forged_below_the_first_event_is_named(store):
    tamper_read_model(store, f"INSERT INTO {FACTS} SELECT 0, 'forged.1', type, compound_key, alias_key, retracts, "
                             "reported_on, occurred_by, recorded_at, confidence, release_uuid, position, entered_by, "
                             f"reason, fact FROM {FACTS} WHERE notification_id = 2")
    result = _verify(store)
    assert (result.exit_code, result.output) == (
        1, f"Error: tampered: event #0: the read model's row #0 in {FACTS} (forged.1) comes from no event in the log; "
           "0 events before it are intact\n")


def test_a_release_row_deleted_from_the_read_model_is_named(store):
    tamper_read_model(store, f"DELETE FROM {RELEASE_ROWS} WHERE notification_id = 5")
    result = _verify(store)
    assert result.exit_code == 1
    assert result.output.startswith("Error: tampered: event #5 (aggregate ")
    assert result.output.endswith(f", version 1): its row is missing from the read model ({RELEASE_ROWS}); "
                                  "4 events before it are intact\n")


def test_a_row_forged_in_the_read_model_stops_the_catch_up_in_one_line_until_a_rebuild(store, tmp_path):
    tamper_read_model(store, f"INSERT INTO {FACTS} SELECT 8, 'forged.1', type, compound_key, alias_key, retracts, "
                             "reported_on, occurred_by, recorded_at, confidence, release_uuid, position, entered_by, "
                             f"reason, fact FROM {FACTS} WHERE notification_id = 2")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "c.txt").write_text("BOSTON, Mass., May 9, 2021 (BUSINESS WIRE) -- Acme said more.\n")
    ingest_result = CliRunner().invoke(cli, ["--db", store, "ingest", str(tmp_path / "new")])
    assert ingest_result.exit_code == 1
    assert ingest_result.output.splitlines()[-1] == (
        f"Error: {store}: cannot update the read model: it holds rows for events it has not applied, written behind "
        "the tracker's back; run `tracker verify`, then `tracker rebuild`")
    assert CliRunner().invoke(cli, ["--db", store, "rebuild"]).exit_code == 0
    assert _verify(store).output.startswith("intact: 8 events, chain head ")


def test_a_kept_answer_changed_in_the_read_model_is_named_until_a_rebuild(seeds, db):
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(seeds)]).exit_code == 0
    kept = CliRunner().invoke(cli, ["--db", db, "ledger", "--format", "json"]).stdout
    tamper_read_model(db, f"UPDATE {ANSWERS} SET body = REPLACE(body, '\"amount\":\"5000000\"', '\"amount\":\"7\"') "
                          "WHERE kind = 'ledger'")
    result = _verify(db)
    assert result.exit_code == 1
    assert "the read model's kept answer 'ledger' (row 0 in answers_v5) disagrees with the events" in result.output
    assert CliRunner().invoke(cli, ["--db", db, "rebuild"]).exit_code == 0
    assert _verify(db).exit_code == 0
    assert CliRunner().invoke(cli, ["--db", db, "ledger", "--format", "json"]).stdout == kept
