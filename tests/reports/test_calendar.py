"""`tracker calendar`: the catalysts ahead, each in its window, as a table, JSON, CSV or an .ics file."""
from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

from click.testing import CliRunner
from icalendar import Calendar

from cli import cli
from projections.history import TimeView

GATSBY_QUOTE = ("“Roche has a number of other trials underway with Kadcyla, and in 2015 expects data and – if positive"
                " – regulatory submission from its GATSBY study in gastric cancer.”")


def _run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, "calendar", *args])


def test_the_calendar_lists_what_is_still_expected_with_its_window_and_what_is_overdue(seeded):
    result = _run(seeded, "--as-of", "2015-01-01")
    assert (result.exit_code, result.output.splitlines()) == (0, [
        "expected by          compound                what                                          window                     event",
        "─" * 136,
        "2013-12-31 overdue   trastuzumab emtansine   EC decision (EU)                              2013-09-20 to 2013-12-31   b7a64debc339d7ae.2",
        "2015-12-31           trastuzumab emtansine   GATSBY data in gastric cancer                 2014-12-19 to 2015-12-31   c974ba419839aefa.3",
        "2015-12-31           trastuzumab emtansine   submission to regulators for gastric cancer   2014-12-19 to 2015-12-31   c974ba419839aefa.4",
    ])


def test_a_catalyst_whose_window_closed_unanswered_stays_on_the_calendar_as_overdue(seeded):
    def decision(as_of: str) -> list[tuple]:
        return [(e["what"], e["expected_by"], e["overdue"]) for e in json.loads(_run(seeded, "--as-of", as_of, "--format", "json").output)
                if e["kind"] == "decision"]

    assert decision("2013-09-30") == [("EC decision (EU)", "2013-12-31", False)]
    assert decision("2013-12-31") == [("EC decision (EU)", "2013-12-31", False)]
    assert decision("2014-01-01") == [("EC decision (EU)", "2013-12-31", True)]


def test_from_and_to_bound_the_expected_by_day_and_an_overdue_catalyst_counts_as_due_on_the_views_day(seeded):
    def events(*bounds: str) -> list[str]:
        return [e["event"] for e in json.loads(_run(seeded, "--as-of", "2015-01-01", "--format", "json", *bounds).output)]

    assert events("--from", "2015-12-31", "--to", "2015-12-31") == ["c974ba419839aefa.3", "c974ba419839aefa.4"]
    assert events("--to", "2015-12-30") == ["b7a64debc339d7ae.2"]
    assert events("--from", "2014-01-01", "--to", "2014-12-31") == []
    assert events("--from", "2015-01-01", "--to", "2015-01-31") == ["b7a64debc339d7ae.2"]
    assert events("--from", "2016-01-01") == []


def test_the_ics_file_reads_back_as_all_day_events_on_the_expected_by_day(seeded):
    result = _run(seeded, "--as-of", "2015-01-01", "--from", "2015-12-31", "--format", "ics")
    assert result.exit_code == 0
    calendar = Calendar.from_ical(result.stdout_bytes)
    assert (str(calendar["prodid"]), str(calendar["x-wr-calname"])) == (
        "-//milestone-tracker//catalyst calendar//EN", "Expected catalysts as of 2015-01-01")
    events = calendar.walk("VEVENT")
    assert [(str(e["uid"]), e["dtstart"].dt, e["dtend"].dt, str(e["summary"])) for e in events] == [
        ("c974ba419839aefa.3@milestone-tracker", date(2015, 12, 31), date(2016, 1, 1),
         "trastuzumab emtansine: GATSBY data in gastric cancer expected"),
        ("c974ba419839aefa.4@milestone-tracker", date(2015, 12, 31), date(2016, 1, 1),
         "trastuzumab emtansine: submission to regulators for gastric cancer expected"),
    ]
    assert str(events[0]["description"]) == (
        "Expected by 2015-12-31 (window 2014-12-19 to 2015-12-31).\n"
        f"Source: {GATSBY_QUOTE}\n004_83069fae5d26605a.txt, line 7; event c974ba419839aefa.3")
    assert events[0]["dtstamp"].dt == datetime(2015, 1, 1, tzinfo=UTC)


def test_a_catalyst_keeps_its_uid_from_one_calendar_to_the_next(seeded):
    def uids(as_of: str) -> list[str]:
        calendar = Calendar.from_ical(_run(seeded, "--as-of", as_of, "--format", "ics").stdout_bytes)
        return [str(e["uid"]) for e in calendar.walk("VEVENT")]

    assert uids("2015-01-01") == uids("2015-06-30")


def test_the_csv_carries_the_source_sentence_and_event_of_each_catalyst(seeded):
    rows = list(csv.DictReader(io.StringIO(_run(seeded, "--as-of", "2013-09-30", "--format", "csv").output)))
    assert rows == [{"expected_by": "2013-12-31", "compound": "trastuzumab emtansine", "kind": "decision",
                     "what": "EC decision (EU)", "announced_on": "2013-09-20", "event": "b7a64debc339d7ae.2",
                     "sources": "b7a64debc339d7ae.2", "file": "002_216599dac546bf8a.txt", "line": "13",
                     "quote": "A decision by the European Commission is expected by year end.", "overdue": "false"}]


def test_a_compound_of_the_calendar_goes_by_any_alias_and_a_misspelling_gets_a_suggestion(seeded):
    assert len(json.loads(_run(seeded, "--as-of", "2015-01-01", "--compound", "t-dm1", "--format", "json").output)) == 3
    result = _run(seeded, "--compound", "kadcila")
    assert (result.exit_code, result.output) == (1, "Error: no compound 'kadcila'; did you mean Kadcyla?\n")


def test_the_calendar_api_returns_plain_entries(tracker):
    (entry,) = tracker.calendar(TimeView(as_of=date(2013, 9, 30)))
    assert entry.model_dump() == {
        "compound": "trastuzumab emtansine", "kind": "decision", "what": "EC decision (EU)",
        "announced_on": date(2013, 9, 20), "expected_by": date(2013, 12, 31), "event": "b7a64debc339d7ae.2",
        "sources": ["b7a64debc339d7ae.2"], "quote": "A decision by the European Commission is expected by year end.",
        "file": "002_216599dac546bf8a.txt", "line": 13, "overdue": False}
