"""Corrections over time: a retraction recorded today reaches every past view recorded from now on, and a view
recorded before it reproduces the old belief exactly; out-of-order ingest answers as in-order ingest does."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from story_support import IN_ORDER, OUT_OF_ORDER, event_ids, ingest_story, run

DAYS = ("2011-12-31", "2013-01-15", "2013-09-30", "2013-12-31", "2014-03-16", "2014-06-30")


@pytest.fixture
def retracted(db) -> tuple[str, dict[str, str], str, str]:
    """The story with the Japanese approval retracted: the store, the ids, what showed before, the instant before."""
    ingest_story(db)
    ids = event_ids(db)
    before = {"status": run(db, "status", "velquiro", "--as-of", "2014-06-30"),
              "calendar": run(db, "calendar", "--as-of", "2014-06-30"),
              "events": run(db, "events", "--as-of", "2014-06-30", "--format", "jsonl")}
    run(db, "retract", ids["jp_approval"], "--by", "auditor",
        "--reason", "issued in error: Norvale's 10-Q of 2014-05-08 says the MHLW has not decided")
    (retraction,) = [json.loads(line) for line in run(db, "events", "--format", "jsonl", "--type", "EventRetracted").splitlines()]
    instant = (datetime.fromisoformat(retraction["recorded_at"]) - timedelta(microseconds=1)).isoformat()
    return db, ids, json.dumps(before), instant


def test_a_retraction_withdraws_its_event_from_a_past_view_and_the_decision_it_answered_is_overdue_again(retracted):
    db, ids, _, _ = retracted
    status = run(db, "status", "velquiro", "--as-of", "2014-06-30")
    assert "  JP  " not in status
    assert f"  MHLW decision (JP), by 2014-03-31, overdue  [{ids['jp_decision_expected']}]" in status.splitlines()
    assert run(db, "calendar", "--as-of", "2014-06-30").splitlines()[2:] == [
        f"2014-03-31 overdue   velotuzumab   MHLW decision (JP)   2013-09-30 to 2014-03-31   {ids['jp_decision_expected']}"]
    assert ids["jp_approval"] not in run(db, "events", "--as-of", "2014-06-30", "--format", "jsonl")


def test_a_view_recorded_before_the_retraction_reproduces_the_old_belief_exactly(retracted):
    db, ids, before, instant = retracted
    then = {"status": run(db, "status", "velquiro", "--as-of", "2014-06-30", "--recorded-by", instant),
            "calendar": run(db, "calendar", "--as-of", "2014-06-30", "--recorded-by", instant),
            "events": run(db, "events", "--as-of", "2014-06-30", "--recorded-by", instant, "--format", "jsonl")}
    old = json.loads(before)
    assert (then["status"], then["events"]) == (old["status"], old["events"])
    # the same answer (nothing expected); only the words naming the view say it was recorded by then
    assert (old["calendar"], then["calendar"]) == ("No catalysts still expected as of 2014-06-30.\n",
                                                 f"No catalysts still expected as of 2014-06-30, recorded by {instant}.\n")
    assert f"  JP  approved (MHLW, 2014-03-10)  [{ids['jp_approval']}]" in then["status"].splitlines()


def test_the_record_axis_names_what_the_retraction_withdrew_and_who_retracted_it(retracted):
    db, ids, _, instant = retracted
    diff = run(db, "diff", "--on", "recorded-by", instant, "2099-12-31", "--compound", "velquiro").splitlines()
    (gone,) = [line for line in diff if "retracted by" in line]
    assert gone.startswith(f"  2014-03-10  ApprovalGranted  Velquiro  agency=MHLW region=JP  [{ids['jp_approval']}]: ")
    assert gone.endswith(" (auditor: issued in error: Norvale's 10-Q of 2014-05-08 says the MHLW has not decided)")
    assert f"  regulatory.JP: approved (MHLW, 2014-03-10) -> (none)  [{ids['jp_approval']}]" in diff


def test_out_of_order_ingest_answers_every_day_exactly_as_in_order_ingest(story, tmp_path):
    assert IN_ORDER != OUT_OF_ORDER
    in_order = str(tmp_path / "in-order.db")
    ingest_story(in_order, IN_ORDER)
    for day in DAYS:
        for command in (("status", "velquiro"), ("status", "quilostat"), ("ledger",), ("receivables",), ("calendar",)):
            assert run(story, *command, "--as-of", day) == run(in_order, *command, "--as-of", day), (command, day)
