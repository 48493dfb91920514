"""CSV a spreadsheet opens safely: text that would run as a formula is written with a leading quote (OWASP's rule),
in every CSV the tracker writes; numbers stay numbers, and JSON keeps the text as it is (issue 14, case 2)."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from cli_runner import run

from tracker.presentation.spreadsheet import csv_cell, neutralised

#: In lower case, as the compound's name is shown once resolved (a spreadsheet reads formulas in any case).
FORMULA = "=hyperlink(\"http://evil.example\",\"open\")"
RELEASE = "BOSTON, Mass., March 2, 2021 (BUSINESS WIRE) -- Acme today announced that the FDA approved Zentrilumab.\n"
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> str:
    """A store whose release file name, compound, parties, trigger and reasons start like formulas."""
    folder = tmp_path_factory.mktemp("hostile")
    db = str(folder / "tracker.db")
    (folder / "-injected.txt").write_text(RELEASE)
    steps = [
        ["ingest", str(folder / "-injected.txt")],
        ["record", "MilestoneTriggered", "--field", f"compound={FORMULA}", "--field", "payer=@SUM(1+1)",
         "--field", "payee=+cmd", "--field", "amount=5000000", "--field", "currency=USD", "--field", "trigger=-2+3",
         "--reported-on", "2021-03-05", "--reason", "=1+2"],
        ["record", "RegulatoryDecisionExpected", "--field", f"compound={FORMULA}", "--field", "region=EU",
         "--field", "agency=EC", "--field", "expected_by=2030-12-31", "--reported-on", "2021-03-05",
         "--reason", "@cmd"],
    ]
    for step in steps:
        result = run(db, *step)
        assert result.exit_code == 0, result.output
    return db


CSVS = {
    "events": ["events", "--as-of", "2021-03-10"],
    "compounds": ["compounds", "--as-of", "2021-03-10"],
    "calendar": ["calendar", "--as-of", "2021-03-10"],
    "ledger": ["ledger", "--as-of", "2021-03-10"],
    "receivables": ["receivables", "--as-of", "2021-03-10"],
}


def _cells(db: str, name: str) -> list[dict[str, str]]:
    result = run(db, *CSVS[name], "--format", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("name", list(CSVS))
def test_no_cell_of_a_csv_starts_a_formula_unless_it_is_a_number(hostile, name):
    rows = _cells(hostile, name)
    assert rows
    risky = [cell for row in rows for cell in row.values() if cell and cell[0] in "=+-@\t\r" and not NUMBER.match(cell)]
    assert risky == []


@pytest.mark.parametrize(("name", "column", "written"), [
    ("events", "compound", "'" + FORMULA), ("events", "source_file", "'-injected.txt"),
    ("events", "source_reason", "'=1+2"), ("events", "payer", "'@SUM(1+1)"),
    ("compounds", "compound", "'" + FORMULA), ("calendar", "compound", "'" + FORMULA),
    ("ledger", "counterparty", "'@SUM(1+1)"), ("ledger", "payee", "'+cmd"), ("ledger", "trigger", "'-2+3"),
    ("receivables", "counterparty", "'@SUM(1+1)"), ("receivables", "group", "'@SUM(1+1)"),
])
def test_formula_text_is_written_after_a_single_quote(hostile, name, column, written):
    assert written in [row[column] for row in _cells(hostile, name)]


def test_a_negative_number_stays_a_number(hostile):
    (row,) = [r for r in _cells(hostile, "receivables") if r["section"] == "receivable"]
    assert (row["days_past_due"], row["outstanding"]) == ("-25", "5000000")


def test_json_and_json_lines_keep_the_text_as_it_is(hostile):
    records = json.loads(run(hostile, "events", "--as-of", "2021-03-10", "--format", "json").stdout)
    assert {r["compound"] for r in records} >= {FORMULA}
    assert any(r["source"]["file"] == "-injected.txt" for r in records)
    lines = run(hostile, "events", "--as-of", "2021-03-10", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == records
    book = json.loads(run(hostile, "ledger", "--as-of", "2021-03-10", "--format", "json").stdout)
    assert [(line["counterparty"], line["payee"], line["trigger"]) for line in book["lines"]] == [
        ("@SUM(1+1)", "+cmd", "-2+3")]


@pytest.mark.parametrize(("text", "written"), [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("1+2", "1+2"), ("a=b", "a=b"), ("", ""),
])
def test_a_cell_is_neutralised_by_its_first_character(text, written):
    assert neutralised(text) == written == csv_cell(text)


def test_numbers_the_tracker_writes_are_never_quoted():
    from decimal import Decimal

    assert [csv_cell(v) for v in (-5, Decimal("-1250.50"), Decimal("5E+6"), 0.6)] == ["-5", "-1250.50", "5000000", "0.6"]
