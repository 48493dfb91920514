"""The story's catalysts: each expected submission, decision and readout closed by the event that answers it,
overdue (and still listed) while its window has passed unanswered."""
from __future__ import annotations

import json

from story_support import run


def _calendar(db: str, as_of: str, *args: str) -> list[tuple]:
    entries = json.loads(run(db, "calendar", "--as-of", as_of, "--format", "json", *args))
    return [(e["compound"], e["what"], e["expected_by"], e["overdue"]) for e in entries]


def test_each_catalyst_on_the_days_of_the_story(story):
    assert _calendar(story, "2011-06-30") == [
        ("NRV-401", "HERALD data", "2011-12-31", False), ("NRV-401", "MAA to EMA", "2012-12-31", False)]
    assert _calendar(story, "2011-12-31") == [("NRV-401", "MAA to EMA", "2012-12-31", False)]
    assert _calendar(story, "2013-01-15") == [("NRV-401", "MAA to EMA", "2012-12-31", True)]
    assert _calendar(story, "2013-02-01") == []
    assert _calendar(story, "2013-09-30") == [
        ("velotuzumab", "EC decision (EU)", "2013-12-31", False), ("quilostat", "FDA decision (US)", "2014-03-15", False),
        ("velotuzumab", "MHLW decision (JP)", "2014-03-31", False)]
    assert _calendar(story, "2013-12-31") == [
        ("quilostat", "FDA decision (US)", "2014-03-15", False), ("velotuzumab", "MHLW decision (JP)", "2014-03-31", False)]
    assert _calendar(story, "2014-03-16") == [("quilostat", "FDA decision (US)", "2014-03-15", True)]
    assert _calendar(story, "2014-06-30") == []


def test_the_calendar_table_says_overdue(story, ids):
    assert run(story, "calendar", "--as-of", "2013-01-15").splitlines() == [
        "expected by          compound   what         window                     event",
        "─" * 90,
        f"2012-12-31 overdue   NRV-401    MAA to EMA   2011-06-15 to 2012-12-31   {ids['maa_expected']}"]


def test_a_range_lists_an_overdue_catalyst_as_due_on_the_views_day(story):
    assert _calendar(story, "2014-03-16", "--from", "2014-03-16", "--to", "2014-12-31") == [
        ("quilostat", "FDA decision (US)", "2014-03-15", True)]
    assert _calendar(story, "2014-03-16", "--from", "2014-03-20") == []
