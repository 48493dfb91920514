"""The review queue: doubtful events wait for a person, whose decisions are events."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from click.testing import CliRunner

import tracker.services.ingest as ingest
from cli import cli
from tracker.domain.facts import ApprovalGranted, TrialStarted

RELEASE = ("BOSTON, Mass., March 2, 2021 (BUSINESS WIRE) -- Acme announced that the FDA approved Zentrilumab.\n"
           "A Phase Il trial of Zentrilumab began in late 2020.\n")


def _doubtful_trial(document):
    """The approval read clearly, the OCR-garbled trial phase with too little confidence."""
    first, second = document.sentences
    return [ApprovalGranted(compound="zentrilumab", agency="FDA", region="US", quote=first.quote, line=first.line,
                            offset=first.start, confidence=0.9),
            TrialStarted(compound="zentrilumab", phase="II", occurred_on="2020-H2", quote=second.quote,
                         line=second.line, offset=second.start, confidence=0.4)]


@pytest.fixture
def store(tmp_path, db, monkeypatch) -> str:
    monkeypatch.setattr(ingest, "extract", _doubtful_trial)
    (tmp_path / "a.txt").write_text(RELEASE)
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(tmp_path / "a.txt")]).exit_code == 0
    return db


def _run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def _types(db: str, *args: str) -> list[str]:
    return [json.loads(line)["type"] for line in _run(db, "events", "--format", "jsonl", *args).stdout.splitlines()]


def _trial_id(db: str) -> str:
    return _run(db, "review", "list").output.splitlines()[2].split()[0]


def test_an_event_under_the_threshold_waits_in_the_queue_and_out_of_the_projections(store):
    listing = _run(store, "review", "list").output.splitlines()
    assert listing[0].split() == ["id", "confidence", "type", "compound", "details", "quote"]
    assert listing[2].split()[1:4] == ["0.40", "TrialStarted", "zentrilumab"]
    assert _types(store) == ["ApprovalGranted"]


def test_the_threshold_is_configurable(store):
    assert _types(store) == ["ApprovalGranted"]
    assert CliRunner().invoke(cli, ["--db", store, "--review-threshold", "0.3", "events", "--format", "jsonl"]
                              ).stdout.count("TrialStarted") == 1
    assert _run(store, "--review-threshold", "0.3").exit_code == 2  # an option of the group, before the command


def test_show_gives_the_event_with_the_lines_around_it(store):
    trial = _trial_id(store)
    output = _run(store, "review", "show", trial).output.splitlines()
    assert output[0] == f"{trial}  TrialStarted  confidence 0.40"
    assert output[2] == "  a.txt, line 2, published 2021-03-02"
    assert output[3:] == ["  1 | " + RELEASE.splitlines()[0], "> 2 | " + RELEASE.splitlines()[1]]


def test_an_accepted_event_enters_every_view_recorded_after_the_decision_past_days_too(store):
    trial = _trial_id(store)
    result = _run(store, "review", "accept", trial, "--reason", "Phase II per the trial registry", "--by", "ana")
    assert result.exit_code == 0
    assert result.output.startswith(f"accepted {trial} as entry.")
    decided = json.loads(_run(store, "events", "--format", "jsonl").output.splitlines()[-1])["recorded_at"]
    ingested = (datetime.fromisoformat(decided) - timedelta(microseconds=1)).isoformat()
    today = date.today().isoformat()
    assert _types(store, "--as-of", today) == ["ApprovalGranted", "TrialStarted", "FactReviewed"]
    assert _types(store, "--as-of", "2021-12-31") == ["ApprovalGranted", "TrialStarted"]
    assert _types(store, "--as-of", "2021-12-31", "--recorded-by", ingested) == ["ApprovalGranted"]
    assert _run(store, "review", "list").output == f"Nothing to review (threshold 0.5, as of {today}).\n"
    assert _run(store, "review", "list", "--recorded-by", ingested).output.count("TrialStarted") == 1


def test_an_edit_accepts_the_event_with_the_field_corrected(store):
    trial = _trial_id(store)
    result = _run(store, "review", "edit", trial, "--field", "phase=III", "--reason", "Il is III in the 10-K")
    assert result.output.startswith(f"accepted {trial} with phase changed as entry.")
    started = [json.loads(line) for line in _run(store, "events", "--format", "jsonl").stdout.splitlines()
               if '"TrialStarted"' in line]
    assert [(e["phase"], e["confidence"]) for e in started] == [("III", 1.0)]


def test_an_edit_that_breaks_the_event_type_is_refused_in_one_line(store):
    trial = _trial_id(store)
    result = _run(store, "review", "edit", trial, "--field", "phase=IX", "--reason", "typo")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {trial}: field phase: Input should be 'preclinical', 'I'")


def test_a_rejected_event_stays_out_and_leaves_the_queue(store):
    trial = _trial_id(store)
    assert _run(store, "review", "reject", trial, "--reason", "not a trial start").exit_code == 0
    assert _types(store) == ["ApprovalGranted", "FactReviewed"]
    assert _run(store, "review", "list").output.startswith("Nothing to review")


def test_a_decision_on_an_unknown_event_is_refused(store):
    result = _run(store, "review", "accept", "nope", "--reason", "x")
    assert (result.exit_code, result.output) == (1, "Error: no event 'nope'\n")
