"""`tracker record EventType --field name=value`: any fact a person supplies, validated, with who and why."""
from __future__ import annotations

import json
import re

from click.testing import CliRunner

from cli import cli


def run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def test_a_recorded_fact_enters_the_record_with_who_and_why(db):
    result = run(db, "record", "ApprovalGranted", "--field", "compound=Zentrilumab", "--field", "region=CN",
                 "--field", "agency=NMPA", "--field", "occurred_on=2021-03", "--reported-on", "2021-04-01",
                 "--reason", "call with the partner", "--by", "auditor")
    assert result.exit_code == 0
    assert re.fullmatch(r"recorded ApprovalGranted as entry\.[0-9a-f]{16}\n", result.output)
    (record,) = [json.loads(line) for line in run(db, "events", "--format", "jsonl").output.splitlines()]
    assert (record["type"], record["region"], record["agency"], record["occurred_on"], record["reported_on"]) == (
        "ApprovalGranted", "CN", "NMPA", "2021-03", "2021-04-01")
    assert (record["source"]["entered_by"], record["source"]["reason"]) == ("auditor", "call with the partner")


def test_a_list_field_collects_every_value_given(db):
    run(db, "record", "TrialDesignReported", "--field", "compound=Zentrilumab", "--field", "registry_ids=NCT01120184",
        "--field", "registry_ids=BO22589", "--field", "enrollment=1095", "--reported-on", "2021-04-01", "--reason", "registry")
    (record,) = [json.loads(line) for line in run(db, "events", "--format", "jsonl").output.splitlines()]
    assert (record["registry_ids"], record["enrollment"]) == (["NCT01120184", "BO22589"], 1095)


def test_an_unknown_field_is_refused_in_one_line_listing_the_fields(db):
    result = run(db, "record", "ApprovalGranted", "--field", "regon=CN", "--reason", "typo")
    assert (result.exit_code, result.output) == (1, (
        "Error: ApprovalGranted has no field 'regon'; its fields: compound, occurred_on, confidence, agency, region, "
        "indication, approval_type\n"))


def test_a_bad_value_is_refused_in_one_line_naming_the_field(db):
    result = run(db, "record", "TopLineReported", "--field", "compound=Zentrilumab", "--field", "outcome=great",
                 "--reason", "typo")
    assert (result.exit_code, result.output) == (1, (
        "Error: TopLineReported: field 'outcome': Input should be 'positive', 'negative', 'non_inferior' or 'mixed' "
        "(got 'great')\n"))


def test_a_missing_required_field_is_named(db):
    result = run(db, "record", "TopLineReported", "--field", "compound=Zentrilumab", "--reason", "no outcome")
    assert (result.exit_code, result.output) == (1, "Error: TopLineReported: field 'outcome': Field required\n")


def test_types_with_a_checking_command_of_their_own_are_not_recorded_bare(db):
    assert "  MilestoneWrittenOff " not in run(db, "record", "--help").output
    result = run(db, "record", "MilestoneWrittenOff", "--field", "line_id=L-1", "--reason", "x")
    assert result.exit_code == 2
    assert result.output.endswith(
        "Error: MilestoneWrittenOff is recorded with `tracker record write-off`, which checks it first\n")


def test_the_ledger_subcommands_stay_beside_the_event_types(db):
    commands = run(db, "record", "--help").output
    assert "  invoice " in commands and "  write-off " in commands
    assert "  ApprovalGranted " in commands and "  MilestoneReceived " in commands
    assert run(db, "record", "Nonsense").output.endswith("Error: No such command 'Nonsense'.\n")
