"""After an ingest, the ledger kept for today is brought up to date by computing again only the lines of the name
groups the new facts touch; what can change lines beyond those groups has the whole ledger computed afresh."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import AFRESH, tamper_read_model, write_release

from tracker import open_tracker
from tracker.adapters.read_model import ANSWER_STAMPS
from tracker.services.money import Money

pytestmark = pytest.mark.usefixtures("reading_plain_sentences")


FIRST = [("first", "March 2, 2021", "Acme is eligible for a $20 million milestone from Bigco on the approval of Zentrilumab.",
          "Acme earned a $5 million milestone from Bigco on the submission of Zentrilumab."),
         ("second", "April 6, 2021", "Acme earned a $7 million milestone from Megapharm on the approval of Quoximab.",
          "Acme reported $3 million in royalties on Quoximab for 2020.",
          "Acme is eligible for a $9 million milestone from Megapharm on the approval of Brovatinib.")]
LATER = {
    "a milestone of a known compound met": [("third", "May 4, 2021", "The FDA has approved Zentrilumab.")],
    "a new compound's milestone": [("third", "May 4, 2021",
                                    "Acme earned a $4 million milestone from Bigco on the submission of Tivorafenib.")],
    "a restated milestone earned": [("third", "May 4, 2021",
                                     "Acme earned a $20 million milestone from Bigco on the approval of Zentrilumab.")],
    "an alias joining two compounds": [("third", "May 4, 2021", "Brovatinib is also known as QX-17.",
                                        "Quoximab is also known as QX-17.")],
    "a correction dropping a milestone": [("second", "April 7, 2021",
                                           "Acme earned a $7 million milestone from Megapharm on the approval of Quoximab.")],
}



def _json(ledger) -> list[str]:
    return [line.model_dump_json() for line in ledger.lines]


def _ingested(tmp_path: Path, db: str):
    tracker = open_tracker(db)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path / "first", name, day, *sentences)])
    return tracker


@pytest.mark.parametrize("later", sorted(LATER))
def test_the_kept_ledger_is_brought_up_to_date_from_the_groups_the_new_facts_touch(tmp_path, db, monkeypatch, later):
    tracker = _ingested(tmp_path, db)
    before = _json(tracker.ledger())
    for name, day, *sentences in LATER[later]:
        tracker.ingest([write_release(tmp_path / "later", name, day, *sentences)])

    with monkeypatch.context() as patched:
        patched.setattr(Money, "lines", lambda *args: pytest.fail("the whole ledger was computed again"))
        refreshed = _json(tracker.ledger())
        receivables = tracker.receivables()
    assert refreshed != before
    assert refreshed == _json(tracker.ledger(AFRESH))
    assert receivables.model_dump_json() == tracker.receivables(AFRESH).model_dump_json()
    assert tracker.verify().intact


def _counted(monkeypatch) -> list[object]:
    computed: list[object] = []
    lines = Money.lines
    monkeypatch.setattr(Money, "lines", lambda self, *args: computed.append(args) or lines(self, *args))
    return computed


def test_a_new_royalty_a_figure_of_no_compound_may_hold_has_the_whole_ledger_computed_afresh(tmp_path, db, monkeypatch):
    tracker = _ingested(tmp_path, db)
    tracker.ingest([write_release(tmp_path / "first", "third", "May 4, 2021", "Acme reported $10 million in royalties for 2020.")])
    tracker.ledger()
    tracker.ingest([write_release(tmp_path / "later", "fourth", "June 1, 2021",
                             "Acme reported $2 million in royalties on Brovatinib for 2020.")])
    computed = _counted(monkeypatch)
    assert _json(tracker.ledger()) == _json(tracker.ledger(AFRESH))
    assert len(computed) == 2  # the kept ledger, then the ledger afresh


def test_a_royalty_of_no_compound_has_the_whole_ledger_computed_afresh(tmp_path, db, monkeypatch):
    tracker = _ingested(tmp_path, db)
    tracker.ledger()
    tracker.ingest([write_release(tmp_path / "later", "third", "May 4, 2021", "Acme reported $10 million in royalties for 2020.")])
    computed = _counted(monkeypatch)
    refreshed = tracker.ledger()
    assert _json(refreshed) == _json(tracker.ledger(AFRESH))
    assert any(line.compound is None for line in refreshed.lines)
    assert len(computed) == 2


def test_an_affiliation_leaves_the_kept_ledger_as_it_is(tmp_path, db, monkeypatch):
    tracker = _ingested(tmp_path, db)
    before = _json(tracker.ledger())
    tracker.ingest([write_release(tmp_path / "later", "third", "May 4, 2021", "Bigco is a member of the Megapharm Group.")])
    computed = _counted(monkeypatch)
    assert _json(tracker.ledger()) == before == _json(tracker.ledger(AFRESH))
    assert len(computed) == 1  # only the ledger afresh


def test_a_review_decision_has_the_whole_ledger_computed_afresh(tmp_path, db, monkeypatch):
    tracker = _ingested(tmp_path, db)
    before = tracker.ledger()
    tracker.review(before.lines[0].source_event, "rejected", "analyst", "not a milestone of ours")
    computed = _counted(monkeypatch)
    after = _json(tracker.ledger())
    assert after == _json(tracker.ledger(AFRESH)) != _json(before)
    assert len(computed) == 2


def test_a_ledger_kept_on_another_day_with_no_line_lapsing_since_is_read_again_not_computed(tmp_path, db, monkeypatch):
    tracker = _ingested(tmp_path, db)
    tracker.ledger()
    tamper_read_model(db, f"UPDATE {ANSWER_STAMPS} SET horizon = '2021-06-01'")
    computed = _counted(monkeypatch)
    assert _json(tracker.ledger()) == _json(tracker.ledger(AFRESH))
    assert len(computed) == 1  # the ledger afresh only


def test_the_seeds_ingested_one_at_a_time_keep_the_ledger_computed_afresh(tmp_path, db, monkeypatch, seeds):
    monkeypatch.undo()  # the real extractor
    tracker = open_tracker(db)
    manifest = seeds / "manifest.csv"
    for release in sorted(seeds.glob("*.txt")):
        single = tmp_path / release.stem
        single.mkdir()
        shutil.copy(release, single)
        shutil.copy(manifest, single)
        tracker.ingest([single / release.name], manifest=single / "manifest.csv")
        assert _json(tracker.ledger()) == _json(tracker.ledger(AFRESH)), release.name
    assert tracker.ledger().lines


def test_a_correction_of_a_release_with_money_of_no_compound_has_the_whole_ledger_computed_afresh(tmp_path, db, monkeypatch):
    tracker = _ingested(tmp_path, db)
    tracker.ingest([write_release(tmp_path / "first", "third", "May 4, 2021", "Acme reported $10 million in royalties for 2020.",
                                  "The FDA has approved Quoximab.")])
    assert any(line.compound is None for line in tracker.ledger().lines)
    tracker.ingest([write_release(tmp_path / "later", "third", "May 5, 2021", "The FDA has approved Quoximab.")])
    computed = _counted(monkeypatch)
    refreshed = tracker.ledger()
    assert _json(refreshed) == _json(tracker.ledger(AFRESH))
    assert not any(line.compound is None for line in refreshed.lines)
    assert len(computed) == 2
