"""The compound list and the calendar kept for today, restated on the next day, drop an upcoming presentation
whose day has passed: the same answers as computed afresh that day."""
from __future__ import annotations

import json
from datetime import date

import pytest
from support import write_release

import projections.history
import tracker.services.kept
from projections.history import TimeView
from tracker import open_tracker

ANNOUNCED, PRESENTED = date(2021, 4, 14), date(2021, 6, 8)


def _on(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    """Make `day` the tracker's today."""
    class Today(date):
        @classmethod
        def today(cls) -> date:
            return day
    for module in (projections.history, tracker.services.kept):
        monkeypatch.setattr(module, "date", Today)


def _json(answers) -> list[str]:
    return [answer.model_dump_json() for answer in answers]


def test_an_upcoming_presentation_leaves_the_kept_answers_of_the_day_after_it(tmp_path, db, monkeypatch):
    app = open_tracker(db)
    app.ingest([write_release(tmp_path, "ahead", "April 14, 2021",
                              "Acme will present zentrilumab data at the ASCO Annual Meeting, June 4-8, 2021.")])
    _on(monkeypatch, PRESENTED)
    assert [entry.kind for entry in app.calendar()] == ["presentation"]
    assert [c.kind for status in app.compounds() for c in status.expected] == ["presentation"]
    _on(monkeypatch, date(2021, 6, 9))
    restated_calendar, restated_compounds = _json(app.calendar()), _json(app.compounds())
    afresh = TimeView(as_of=date(2021, 6, 9), occurred_by=date(9999, 12, 31))
    assert restated_calendar == _json(app.calendar(afresh)) == []
    assert restated_compounds == _json(app.compounds(afresh))
    assert [json.loads(status)["expected"] for status in restated_compounds] == [[]]
