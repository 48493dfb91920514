"""Replay, diff and explain on the seeds: every figure back to its events and sentences."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import cli

JAPAN = ("The Japanese Ministry of Health, Labor and Welfare (MHLW) has approved Kadcyla for the treatment of "
         "inoperable or recurrent HER2-positive breast cancer based on results from a Japanese Phase II trial and "
         "the EMILIA Phase III trial.")


@pytest.fixture
def store(seeds, db) -> str:
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(seeds)]).exit_code == 0
    return db


def run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def event_id(db: str, kind: str, **fields: str) -> str:
    """The id of the one event of a type with these fields (ids follow the extractor's order, so are looked up)."""
    records = [json.loads(line) for line in run(db, "events", "--format", "jsonl", "--type", kind).output.splitlines()]
    (found,) = [r["id"] for r in records if all(r.get(k) == v for k, v in fields.items())]
    return found


def earned_line(db: str) -> str:
    (line,) = [line["id"] for line in json.loads(run(db, "ledger", "--as-of", "2013-12-31", "--format", "json").output)["lines"]
               if line["status"] == "earned"]
    return line


def test_diff_from_2011_to_2013_names_the_approvals_and_the_milestone(store):
    japan, us = event_id(store, "ApprovalGranted", region="JP"), event_id(store, "ApprovalGranted", region="US")
    opinion, milestone = event_id(store, "RegulatoryOpinionIssued"), event_id(store, "MilestoneTriggered")
    result = run(store, "diff", "2011-01-01", "2013-12-31", "--compound", "kadcyla")
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[0] == "From as of 2011-01-01 to as of 2013-12-31"
    assert f"  regulatory.JP: (none) -> approved (MHLW, reported 2013-09-20, date not stated)  [{japan}]" in lines
    assert f"  regulatory.US: (none) -> approved (FDA, 2013)  [{us}]" in lines
    assert f"  regulatory.EU: (none) -> positive opinion (CHMP, reported 2013-09-20, date not stated)  [{opinion}]" in lines
    assert f"  phase.inoperable or recurrent HER2-positive breast cancer: (none) -> approved  [{japan}]" in lines
    assert (f"  2013-09-20  MilestoneTriggered  trastuzumab emtansine  amount=5000000 currency=USD payer=Roche "
            f"payee=ImmunoGen  [{milestone}]") in lines
    assert [line for line in lines if line.startswith("  ledger.") and "earned" in line] == [
        f"  ledger.{earned_line(store)}: (none) -> earned USD 5,000,000 (outstanding 5,000,000)  [{milestone}, {japan}]"]


def recorded_at(db: str, kind: str, **fields: str) -> str:
    records = [json.loads(line) for line in run(db, "events", "--format", "jsonl", "--type", kind).output.splitlines()]
    (found,) = [r["recorded_at"] for r in records if all(r.get(k) == v for k, v in fields.items())]
    return found


def test_diff_on_the_record_axis_names_a_retracted_event_and_who_retracted_it(store):
    japan = event_id(store, "ApprovalGranted", region="JP")
    before = recorded_at(store, "ApprovalGranted", region="JP")
    run(store, "retract", japan, "--reason", "misread", "--by", "auditor")
    result = run(store, "diff", "--on", "recorded-by", before, "2099-12-31", "--compound", "kadcyla")
    (gone,) = [line for line in result.output.splitlines() if "retracted by" in line]
    assert gone.startswith(f"  2013-09-20  ApprovalGranted  trastuzumab emtansine  agency=MHLW region=JP  [{japan}]: "
                           "retracted by entry.")
    assert gone.endswith(" (auditor: misread)")
    assert f"  regulatory.JP: approved (MHLW, reported 2013-09-20, date not stated) -> (none)  [{japan}]" in result.output.splitlines()


def test_explain_quotes_the_mhlw_sentence_behind_the_japan_approval_with_file_and_line(store):
    japan = event_id(store, "ApprovalGranted", region="JP")
    result = run(store, "explain", "kadcyla", "regulatory.JP", "--as-of", "2013-12-31")
    assert (result.exit_code, result.output) == (0, (
        "trastuzumab emtansine regulatory.JP: approved (MHLW, reported 2013-09-20, date not stated)\n"
        "  from:\n"
        f"    {japan}  2013-09-20  ApprovalGranted  002_216599dac546bf8a.txt line 15\n"
        f"      «{JAPAN}»\n"
        "  history:\n"
        f"    2013-09-20  (none) -> approved (MHLW, reported 2013-09-20, date not stated)  [{japan}]\n"))


def test_explain_of_an_unknown_field_lists_the_fields_there_are(store):
    result = run(store, "explain", "kadcyla", "regulatory.CN", "--as-of", "2013-12-31")
    assert result.exit_code == 1
    assert result.output.startswith("Error: trastuzumab emtansine has no field 'regulatory.CN'; its fields: phase, ")
    assert ", regulatory.EU, regulatory.EU.indications, regulatory.JP, regulatory.JP.indications, regulatory.US, " \
        in result.output
    assert result.output.count("\n") == 1


def test_explain_of_a_prefix_explains_every_field_under_it(store):
    result = run(store, "explain", "kadcyla", "regulatory", "--as-of", "2013-12-31")
    heads = [line for line in result.output.splitlines() if not line.startswith(" ")]
    assert heads == ["trastuzumab emtansine regulatory.EU: positive opinion (CHMP, reported 2013-09-20, date not stated)",
                     "trastuzumab emtansine regulatory.EU.indications: adults with HER2-positive",
                     "trastuzumab emtansine regulatory.JP: approved (MHLW, reported 2013-09-20, date not stated)",
                     "trastuzumab emtansine regulatory.JP.indications: inoperable or recurrent HER2-positive breast cancer",
                     "trastuzumab emtansine regulatory.US: approved (FDA, 2013)"]


def test_explain_of_a_ledger_line_gives_the_sentences_behind_it_and_its_steps(store):
    line = earned_line(store)
    japan, milestone = event_id(store, "ApprovalGranted", region="JP"), event_id(store, "MilestoneTriggered")
    result = run(store, "explain", line, "--as-of", "2013-12-31")
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[0] == f"{line} ledger.{line}: earned USD 5,000,000 (outstanding 5,000,000)"
    assert f"    {japan}  2013-09-20  ApprovalGranted  002_216599dac546bf8a.txt line 15" in lines
    assert f"      «{JAPAN}»" in lines
    assert lines[lines.index("  history:") + 1] == f"    2013-09-20  (none) -> earned  [{milestone}]"


def test_replay_tells_the_japan_approval_with_its_change_and_sentence(store):
    result = run(store, "replay", "--compound", "kadcyla", "--as-of", "2013-09-30")
    lines = result.output.splitlines()
    japan = event_id(store, "ApprovalGranted", region="JP")
    at = lines.index(f"2013-09-20  ApprovalGranted  trastuzumab emtansine  agency=MHLW region=JP  [{japan}]")
    assert lines[at + 1:at + 7] == [
        "    phase.(indication not stated): approved -> (none)",
        "    phase.inoperable or recurrent HER2-positive breast cancer: (none) -> approved",
        "    phase.second-line and first-line treatment of HER2-positive MBC: II -> (none)",
        "    regulatory.JP: (none) -> approved (MHLW, reported 2013-09-20, date not stated)",
        "    regulatory.JP.indications: (none) -> inoperable or recurrent HER2-positive breast cancer",
        f"    «{JAPAN}» (002_216599dac546bf8a.txt line 15)"]
    assert lines[0] == f"Replay, as of 2013-09-30: {sum(1 for line in lines if not line.startswith(' ')) - 1} events"


def test_diff_of_two_days_of_todays_record_shows_no_retracted_event_on_either_side(store):
    japan = event_id(store, "ApprovalGranted", region="JP")
    run(store, "retract", japan, "--reason", "misread", "--by", "auditor")
    result = run(store, "diff", "2013-12-31", "2099-12-31", "--compound", "kadcyla")
    assert f"[{japan}]" not in result.output
    assert "retracted by" not in result.output
    assert "regulatory.JP" not in result.output


def test_replay_on_the_record_axis_shows_a_retraction_as_the_step_that_withdrew_the_approval(store):
    run(store, "retract", event_id(store, "ApprovalGranted", region="JP"), "--reason", "misread", "--by", "auditor")
    lines = run(store, "replay", "--compound", "kadcyla", "--recorded-by", "2099-12-31").output.splitlines()
    at = next(i for i, line in enumerate(lines) if "  EventRetracted  " in line)
    assert "    regulatory.JP: approved (MHLW, reported 2013-09-20, date not stated) -> (none)" in lines[at + 1:]
    assert lines[-1] == "    reason: misread (entered by auditor)"


def test_replay_of_a_past_day_tells_the_story_as_now_corrected(store):
    japan = event_id(store, "ApprovalGranted", region="JP")
    run(store, "retract", japan, "--reason", "misread", "--by", "auditor")
    output = run(store, "replay", "--compound", "kadcyla", "--as-of", "2013-12-31").output
    assert japan not in output
    assert "regulatory.JP" not in output
    assert "EventRetracted" not in output
