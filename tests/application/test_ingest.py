"""Ingest through the Python API, with a stand-in extractor: the store's promises, not the reading."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from eventsourcing.persistence import PersistenceError
from support import stored_event_count

import tracker.adapters.chain as integrity
import tracker.services.ingest as ingest
from projections.history import TimeView
from tracker import open_tracker
from tracker.application import ReleaseProblems
from tracker.domain.facts import ApprovalGranted
from tracker.errors import StoreError

RELEASE = "BOSTON, Mass., March 2, 2021 (BUSINESS WIRE) -- Acme today announced that the FDA has approved Zentrilumab.\n"


def _one_fact_a_sentence(document):
    return [ApprovalGranted(compound="zentrilumab", region="US", agency="FDA", quote=s.quote, line=s.line,
                            offset=s.start, confidence=0.9) for s in document.sentences]


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch):
    monkeypatch.setattr(ingest, "extract", _one_fact_a_sentence)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_same_text_ingested_twice_adds_nothing(tmp_path, db):
    release = _write(tmp_path, "a.txt", RELEASE)
    tracker = open_tracker(db)
    first = tracker.ingest([release])
    again = tracker.ingest([_write(tmp_path, "copy.txt", RELEASE.replace(" ", "  "))])
    assert [o.duplicate for o in first.ingested + again.ingested] == [False, True]
    assert again.new_events == 0
    assert len(tracker.history()) == 1


def test_a_release_is_stored_whole_or_not_at_all(tmp_path, db, monkeypatch):
    """The hash chain is written after the events, in their transaction: make the database refuse it."""
    release = _write(tmp_path, "a.txt", RELEASE)
    tracker = open_tracker(db)
    tracker.history()
    monkeypatch.setattr(integrity, "CHAIN_TABLE", "no_such_table")
    with pytest.raises(StoreError, match="cannot write a.txt: "):
        tracker.ingest([release])
    assert stored_event_count(db) == 0


def test_a_failure_in_the_tracker_while_saving_leaves_nothing_either(tmp_path, db, monkeypatch):
    release = _write(tmp_path, "a.txt", RELEASE)
    original = integrity.link
    calls = []

    def fail_at_the_second_event(previous, event):
        calls.append(event)
        if len(calls) == 2:
            raise PersistenceError("disk full")
        return original(previous, event)

    monkeypatch.setattr(integrity, "link", fail_at_the_second_event)
    with pytest.raises(StoreError, match="cannot write a.txt: "):
        open_tracker(db).ingest([release])
    assert stored_event_count(db) == 0


def test_a_bad_file_among_good_ones_writes_nothing_and_every_problem_is_reported(tmp_path, db):
    good = _write(tmp_path, "good.txt", RELEASE)
    undated = _write(tmp_path, "undated.txt", "Acme announced that the FDA has approved Zentrilumab.\n")
    empty = _write(tmp_path, "empty.txt", "  \n")
    with pytest.raises(ReleaseProblems) as raised:
        open_tracker(db).ingest([good, undated, empty])
    assert str(raised.value).splitlines() == [
        f"{undated}: no publication date: none in the dateline, none in a manifest; give --published YYYY-MM-DD",
        f"{empty}: empty file (only white space)",
    ]
    assert stored_event_count(db) == 0


def test_published_dates_an_undated_release(tmp_path, db):
    undated = _write(tmp_path, "undated.txt", "Acme announced that the FDA has approved Zentrilumab.\n")
    report = open_tracker(db).ingest([undated], published=date(2021, 3, 2))
    assert (report.ingested[0].published, report.ingested[0].published_from) == (date(2021, 3, 2), "user")


def test_a_manifest_beside_the_files_dates_them(tmp_path, db):
    _write(tmp_path, "undated.txt", "Acme announced that the FDA has approved Zentrilumab.\n")
    _write(tmp_path, "manifest.csv", "file,published\nundated.txt,2021-03-04\n")
    report = open_tracker(db).ingest([tmp_path])
    assert [(o.file, o.published, o.published_from) for o in report.ingested] == [
        ("undated.txt", date(2021, 3, 4), "manifest")]


def test_what_was_stored_is_read_back_after_reopening(tmp_path, db):
    open_tracker(db).ingest([_write(tmp_path, "a.txt", RELEASE)])
    (fact,) = open_tracker(db).history()
    assert (fact.reported_on, fact.fact.region, fact.release.file) == (date(2021, 3, 2), "US", "a.txt")


def test_a_retraction_keeps_the_event_in_the_log_but_out_of_the_view(tmp_path, db):
    tracker = open_tracker(db)
    tracker.ingest([_write(tmp_path, "a.txt", RELEASE)])
    (approval,) = tracker.history()
    tracker.retract(approval.id[:10], entered_by="auditor", reason="misread", reported_on=date(2022, 1, 1))
    (_, retraction) = tracker.history()
    assert [r["type"] for r in tracker.events(TimeView(as_of=date(2021, 12, 31)))] == []
    assert [r["type"] for r in tracker.events(TimeView(as_of=date(2022, 1, 1)))] == ["EventRetracted"]
    before = TimeView(as_of=date(2021, 12, 31), recorded_by=retraction.recorded_at - timedelta(microseconds=1))
    assert [r["type"] for r in tracker.events(before)] == ["ApprovalGranted"]
    assert len(tracker.history()) == 2


def test_a_store_path_in_a_missing_folder_is_refused_in_one_line(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_tracker(str(tmp_path / "nowhere" / "t.db")).history()


def test_a_manifest_at_the_root_of_a_data_set_dates_the_releases_in_its_folder(tmp_path, db):
    releases = tmp_path / "releases"
    releases.mkdir()
    _write(releases, "undated.txt", "Acme announced that the FDA has approved Zentrilumab.\n")
    _write(tmp_path, "manifest.tsv", "file\tcompany\tpublished\nundated.txt\tAcme\t2021-03-05\n")
    report = open_tracker(db).ingest([releases / "undated.txt"])
    assert [(o.published, o.published_from) for o in report.ingested] == [(date(2021, 3, 5), "manifest")]
