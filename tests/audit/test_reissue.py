"""A release re-issued with a correction supersedes the first, from its publication on; old stored events still read."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent
from support import forget_read_model

import tracker.services.ingest as ingest
from projections.history import TimeView
from tracker import open_tracker
from tracker.domain.facts import ApprovalGranted
from tracker.errors import UnknownCompound
from tracker.reissue import Issue, Reissue, headline, reissue

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "audit"


def _one_fact_a_sentence(document):
    return [ApprovalGranted(compound="zentrilumab", region="US", agency="FDA", quote=s.quote, line=s.line,
                            offset=s.start) for s in document.sentences[1:]]


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch):
    monkeypatch.setattr(ingest, "extract", _one_fact_a_sentence)


def _copy(tmp_path: Path, *names: str) -> list[Path]:
    return [Path(shutil.copy(FIXTURES / name, tmp_path / name)) for name in names]


def _quotes(tracker, as_of: date) -> list[str]:
    return [r["source"]["quote"] for r in tracker.events(TimeView(as_of=as_of))]


def test_the_headline_is_the_first_sentence_with_three_words_besides_dates():
    assert headline("September 20, 2013\n\nImmunoGen, Inc. Announces Positive Decisions\n\nText.") == \
        "immunogen inc announces positive decisions"


def test_a_release_with_the_same_headline_published_later_supersedes_the_latest_earlier_one():
    stored = [Issue("a", "acme news", date(2021, 3, 2)), Issue("b", "acme news", date(2021, 3, 3)),
              Issue("c", "other news", date(2021, 3, 3))]
    assert reissue(Issue("d", "acme news", date(2021, 3, 4)), stored) == Reissue(supersedes="b")


def test_a_release_backfilled_after_its_correction_is_superseded_by_it():
    stored = [Issue("b", "acme news", date(2021, 3, 3))]
    assert reissue(Issue("a", "acme news", date(2021, 3, 2)), stored) == Reissue(superseded_by="b")


def test_the_same_headline_months_apart_is_another_release():
    stored = [Issue("a", "acme reports quarterly results", date(2021, 3, 2))]
    assert reissue(Issue("b", "acme reports quarterly results", date(2021, 8, 2)), stored) == Reissue()


def test_a_corrected_re_issue_replaces_the_first_release_from_its_publication_on(tmp_path, db):
    tracker = open_tracker(db)
    tracker.ingest(_copy(tmp_path, "approval.txt"))
    tracker.ingest(_copy(tmp_path, "approval-corrected.txt"))
    first = "BOSTON, Mass., March 2, 2021 (BUSINESS WIRE) -- Acme today announced that the FDA has approved Zentrilumab."
    assert _quotes(tracker, date(2021, 3, 2)) == [first, "The approval triggers a $5 million milestone payment to Acme."]
    assert _quotes(tracker, date(2021, 3, 3)) == [first.replace("March 2", "March 3"),
                                                  "The approval triggers a $7 million milestone payment to Acme."]
    assert len(tracker.history()) == 4


def test_a_first_release_ingested_after_its_correction_shows_only_until_the_correction(tmp_path, db):
    tracker = open_tracker(db)
    tracker.ingest(_copy(tmp_path, "approval-corrected.txt"))
    tracker.ingest(_copy(tmp_path, "approval.txt"))
    assert _quotes(tracker, date(2021, 3, 2))[1] == "The approval triggers a $5 million milestone payment to Acme."
    assert _quotes(tracker, date(2021, 3, 3))[1] == "The approval triggers a $7 million milestone payment to Acme."


def test_another_headline_supersedes_nothing(tmp_path, db):
    tracker = open_tracker(db)
    tracker.ingest(_copy(tmp_path, "approval.txt", "later.txt"))
    assert len(tracker.events(TimeView(as_of=date(2021, 12, 31)))) == 3


def test_a_release_stored_before_re_issues_were_detected_reads_as_superseding_nothing(db):
    tracker = open_tracker(db)
    rows = json.loads((FIXTURES / "v1_release_events.json").read_text())
    tracker.store.recorder.insert_events([StoredEvent(UUID(r["originator_id"]), r["originator_version"], r["topic"],
                                                      r["state"].encode()) for r in rows])
    (fact,) = tracker.history()
    assert (fact.id, fact.release.file, fact.release.supersedes, fact.release.superseded_by) == (
        "6bb7876a6886f045.1", "old.txt", None, None)
    event = tracker.store.mapper.to_domain_event(tracker.store.recorder.select_notifications(1, 1)[0])
    assert (event.supersedes, event.superseded_by) == (None, None)


def _files(tracker, as_of: date) -> list[str]:
    """The release file of each fact in view."""
    return [r["source"]["file"] for r in tracker.events(TimeView(as_of=as_of))]


def _insert(tracker, fixture: str) -> None:
    """Stored events copied from a store written by main before re-issues were linked in the read model
    (the tracker of commit 69f2396), inserted through the chained recorder as that tracker stored them."""
    rows = json.loads((FIXTURES / fixture).read_text())
    tracker.store.recorder.insert_events([StoredEvent(UUID(r["originator_id"]), r["originator_version"], r["topic"],
                                                      r["state"].encode()) for r in rows])


def test_a_re_issue_stored_without_a_link_by_a_racing_writer_is_linked_when_the_log_is_applied(db):
    """Two processes stored the release and its correction at the same moment, each missing the other:
    neither event states a link. Applied in log order, the correction supersedes the first all the same."""
    tracker = open_tracker(db)
    _insert(tracker, "raced_reissue_events.json")
    assert _files(tracker, date(2021, 3, 2)) == ["approval.txt"] * 2
    assert _files(tracker, date(2021, 3, 3)) == ["approval-corrected.txt"] * 2
    assert tracker.verify().intact


def test_rebuild_relinks_a_store_whose_read_model_was_filled_before_the_links_were_derived(db):
    tracker = open_tracker(db)
    _insert(tracker, "raced_reissue_events.json")
    forget_read_model(db)
    assert tracker.rebuild() == 6
    assert _files(tracker, date(2021, 12, 31)) == ["approval-corrected.txt"] * 2


def test_a_link_an_old_event_states_is_kept_though_todays_headlines_differ(db):
    """An older tracker linked "... Zentrilumab (Corrected)" to "... Zentrilumab" when storing it; today's
    folded headlines differ, and the stated link still stands."""
    tracker = open_tracker(db)
    _insert(tracker, "stated_link_events.json")
    assert _files(tracker, date(2021, 3, 2)) == ["approval.txt"] * 2
    assert _files(tracker, date(2021, 3, 3)) == ["approval-corrected.txt"] * 2
    links = {r.release.file: (r.release.supersedes, r.release.superseded_by) for r in tracker.history()}
    assert links == {"approval.txt": (None, None), "approval-corrected.txt": ("b2574795448aebb4", None)}


def test_a_re_issue_stored_before_its_original_is_linked_from_the_original_in_log_order(tmp_path, db):
    tracker = open_tracker(db)
    tracker.ingest(_copy(tmp_path, "approval-corrected.txt"))
    tracker.ingest(_copy(tmp_path, "approval.txt"))
    links = {r.release.file: (r.release.supersedes, r.release.superseded_by) for r in tracker.history()}
    assert links == {"approval-corrected.txt": (None, None), "approval.txt": (None, "466f50aa669c46f1")}


def _named_compound_approved(document):
    """One approval a sentence, of the compound the sentence names (of two known here)."""
    return [ApprovalGranted(compound=name, region="US", agency="FDA", quote=s.quote, line=s.line, offset=s.start)
            for s in document.sentences[1:] for name in ("zentrilumab", "brovatinib") if name in s.quote.lower()]


@pytest.mark.parametrize("order", ["correction last", "correction first"])
def test_a_compound_a_correction_drops_is_gone_from_its_own_status_as_from_the_list(tmp_path, db, monkeypatch, order):
    monkeypatch.setattr(ingest, "extract", _named_compound_approved)
    first = tmp_path / "first.txt"
    first.write_text("Acme Announces FDA Approvals\n\nBOSTON, March 2, 2021 -- The FDA has approved Zentrilumab. "
                     "The FDA has also approved Brovatinib.\n")
    corrected = tmp_path / "corrected.txt"
    corrected.write_text("Acme Announces FDA Approvals\n\nBOSTON, March 3, 2021 -- The FDA has approved Brovatinib.\n")
    tracker = open_tracker(db)
    for release in ([first, corrected] if order == "correction last" else [corrected, first]):
        tracker.ingest([release])

    assert [status.name for status in tracker.compounds()] == ["brovatinib"]
    with pytest.raises(UnknownCompound):
        tracker.status("zentrilumab")
    assert tracker.events(compound="brovatinib") == [r for r in tracker.events() if r["compound"] == "brovatinib"]
    before = TimeView(as_of=date(2021, 3, 2))
    assert [s.name for s in tracker.compounds(before)] == ["brovatinib", "zentrilumab"]
    assert tracker.status("zentrilumab", before).events == 1
