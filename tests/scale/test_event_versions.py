"""Events stored by earlier versions of the tracker are read by this one: one stored event kept for each change.

Each row below is an event exactly as an earlier commit's code wrote it (its
classes saved through its own `EventStore`; the bytes copied from the store),
inserted here with plain SQL and read back through today's tracker:

- 46d7141: `Release.Ingested` version 1 (before re-issues were linked: no
  `supersedes` / `superseded_by`), upcast to version 2; a `MilestoneReceived`
  fact from before `line_id` existed.
- ba711d0: the first `Entry.Made` (a payment recorded by hand), also without
  `line_id`.
- 75e1a59 to 20a1e6b: `Release.Ingested` version 2
  (with `supersedes`, without `headline`; this row written by hand in that
  version's shape), upcast to version 3.
"""
from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal

from projections.history import TimeView
from tracker.application import Tracker
from tracker.domain.release import Release

RELEASE_V1 = "15549eb5c2e259369067db8d8e06b7c1"
ENTRY_V1 = "673877523ae64acd959dbce708c2d57f"
RELEASE_V2 = "0c5d3a9f1e2b4c6d8e0f1a2b3c4d5e6f"
OLD_EVENTS = [
    ('15549eb5c2e259369067db8d8e06b7c1', 1, 'tracker.domain.release:Release.Ingested',
     (b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-11-22T02:46:18.010662+00:00"},"originator_topic'
     b'":"tracker.domain.release:Release","release_id":"a87e7c71c15f430d","file":"acme-2012.txt","published'
     b'":{"_type_":"date_iso","_data_":"2012-03-02"},"published_from":"dateline","text":"BOSTON, Mass., Mar'
     b'ch 2, 2012 (BUSINESS WIRE) -- Acme Biosciences today announced that the FDA has approved Zentrilumab'
     b' for gout. Acme received a $5 million milestone payment from Roche.\\n"}')),
    ('15549eb5c2e259369067db8d8e06b7c1', 2, 'tracker.domain.release:Release.FactRecorded',
     (b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-11-22T02:46:18.010924+00:00"},"fact":{"_type_":'
     b'"fact","_data_":{"compound":"zentrilumab","occurred_on":null,"quote":"Acme Biosciences today announc'
     b'ed that the FDA has approved Zentrilumab for gout.","line":1,"offset":48,"confidence":0.9,"type":"Ap'
     b'provalGranted","agency":"FDA","region":"US","indication":"gout","approval_type":null}}}')),
    ('15549eb5c2e259369067db8d8e06b7c1', 3, 'tracker.domain.release:Release.FactRecorded',
     (b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-11-22T02:46:18.011067+00:00"},"fact":{"_type_":'
     b'"fact","_data_":{"compound":"zentrilumab","occurred_on":null,"quote":"Acme received a $5 million mil'
     b'estone payment from Roche.","line":1,"offset":129,"confidence":0.9,"payer":"Roche","payee":"Acme Bio'
     b'sciences","amount":"5000000","currency":"USD","payment_kind":null,"type":"MilestoneReceived"}}}')),
    ('673877523ae64acd959dbce708c2d57f', 1, 'tracker.domain.entry:Entry.Made',
     (b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-11-22T02:46:18.441708+00:00"},"originator_topic'
     b'":"tracker.domain.entry:Entry","fact":{"_type_":"fact","_data_":{"compound":"zentrilumab","occurred_'
     b'on":null,"quote":"","line":null,"offset":0,"confidence":1.0,"payer":"Roche","payee":"Acme Bioscience'
     b's","amount":"2500000","currency":"USD","payment_kind":null,"type":"MilestoneReceived"}},"entered_by"'
     b':"auditor","reason":"wire of 2012-06-01","reported_on":{"_type_":"date_iso","_data_":"2012-06-01"}}')),
    ('0c5d3a9f1e2b4c6d8e0f1a2b3c4d5e6f', 1, 'tracker.domain.release:Release.Ingested',
     (b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-11-22T03:10:02.120000+00:00"},"originator_topic'
     b'":"tracker.domain.release:Release","release_id":"5e1d2c3b4a596877","file":"acme-2013.txt","published'
     b'":{"_type_":"date_iso","_data_":"2013-01-07"},"published_from":"dateline","text":"Acme Receives EC A'
     b'pproval for Zentrilumab\\nBOSTON, Mass., January 7, 2013 (BUSINESS WIRE) -- Acme today announced th'
     b'e EC approval.\\n","supersedes":null,"superseded_by":null,"class_version":2}')),
]


def _insert_old_events(db: str) -> None:
    """Insert the rows as the old code stored them, with plain SQL."""
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as connection:
            for originator, version, topic, state in OLD_EVENTS:
                connection.execute("INSERT INTO tracker_events (originator_id, originator_version, topic, state) "
                                   "VALUES (%s, %s, %s, %s)", (originator, version, topic, state))
        return
    with sqlite3.connect(db) as connection:
        connection.executemany("INSERT INTO stored_events (originator_id, originator_version, topic, state) "
                               "VALUES (?, ?, ?, ?)", OLD_EVENTS)


def _tracker_with_old_events(db: str) -> Tracker:
    tracker = Tracker(db)
    tracker.catch_up()  # creates the tables
    _insert_old_events(db)
    return tracker


def test_a_version_1_release_event_is_upcast_to_supersede_nothing(db):
    tracker = _tracker_with_old_events(db)
    ingested = tracker.store.repository.get(RELEASE_V1)
    assert isinstance(ingested, Release)
    assert (ingested.release_id, ingested.file, ingested.published, ingested.supersedes, ingested.superseded_by) == (
        "a87e7c71c15f430d", "acme-2012.txt", date(2012, 3, 2), None, None)
    assert [fact.type for fact in ingested.facts] == ["ApprovalGranted", "MilestoneReceived"]
    tracker.close()


def test_a_version_2_release_event_is_upcast_without_a_headline_and_the_read_model_reads_it_from_its_text(db):
    tracker = _tracker_with_old_events(db)
    ingested = tracker.store.repository.get(RELEASE_V2)
    assert (ingested.file, ingested.supersedes, ingested.headline) == ("acme-2013.txt", None, "")
    tracker.catch_up()
    (stored,) = tracker._store.read_model.releases([RELEASE_V2]).values()
    assert stored.headline == "acme receives ec approval for zentrilumab"
    tracker.close()


def test_old_release_facts_and_an_old_entry_are_read_into_the_record_with_their_times(db):
    tracker = _tracker_with_old_events(db)
    history = tracker.history()
    assert [(r.id, r.type, r.reported_on) for r in history] == [
        ("a87e7c71c15f430d.1", "ApprovalGranted", date(2012, 3, 2)),
        ("a87e7c71c15f430d.2", "MilestoneReceived", date(2012, 3, 2)),
        (f"entry.{ENTRY_V1[:16]}", "MilestoneReceived", date(2012, 6, 1)),
    ]
    release = history[0].release
    assert (release.file, release.supersedes, release.superseded_by) == ("acme-2012.txt", None, None)
    assert history[0].recorded_at == datetime(2026, 11, 22, 2, 46, 18, 10924, tzinfo=UTC)
    assert [(r.fact.amount, r.fact.line_id) for r in history[1:]] == [(Decimal("5000000"), None), (Decimal("2500000"), None)]
    assert (history[2].entered_by, history[2].reason) == ("auditor", "wire of 2012-06-01")
    tracker.close()


def test_old_events_answer_queries_as_of_a_past_day(db):
    tracker = _tracker_with_old_events(db)
    records = tracker.events(TimeView(as_of=date(2012, 3, 31)))
    assert [(r["type"], r["compound"], r["reported_on"]) for r in records] == [
        ("ApprovalGranted", "zentrilumab", "2012-03-02"), ("MilestoneReceived", "zentrilumab", "2012-03-02")]
    status = tracker.status("Zentrilumab", TimeView(as_of=date(2012, 3, 31)))
    assert [(r.region, r.status) for r in status.regulatory] == [("US", "approved")]
    tracker.close()
