"""What the tracker refuses, in one line, and leaves unrecorded: a second retraction, a currency ISO 4217
does not list, a float in a terms or rates file."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import stored_event_count

from cli import cli
from tracker.currencies import currency_code

LEDGER = Path(__file__).resolve().parents[1] / "fixtures" / "ledger"
NOT_A_CODE = "'XYZ' is not an ISO 4217 currency code (such as USD, EUR, JPY, CHF)"


def _run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def _ok(db: str, *args: str) -> str:
    result = _run(db, *args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def seeded(seeds, db) -> str:
    _ok(db, "ingest", str(seeds))
    return db


def _us_approval(db: str) -> str:
    (approval,) = [json.loads(line)["id"] for line in
                   _ok(db, "events", "--format", "jsonl", "--type", "ApprovalGranted").splitlines()
                   if json.loads(line)["region"] == "US"]
    return approval


def test_an_event_retracted_once_cannot_be_retracted_again(seeded):
    approval = _us_approval(seeded)
    first = _ok(seeded, "retract", approval, "--reason", "misread", "--by", "auditor")
    entry = first.split(" as ")[1].strip()
    before = stored_event_count(seeded)
    again = _run(seeded, "retract", approval, "--reason", "still misread", "--by", "controller")
    assert (again.exit_code, again.output) == (
        1, f"Error: event {approval} is already retracted, by {entry} (auditor, from {date.today().isoformat()}: "
           "misread)\n")
    assert stored_event_count(seeded) == before


@pytest.mark.parametrize("code", ["XYZ", "US$", "XXX", "XTS"])
def test_net_sales_in_a_currency_iso_4217_does_not_list_are_refused(seeded, code):
    before = stored_event_count(seeded)
    result = _run(seeded, "record", "net-sales", "Kadcyla", "--period", "2015-Q1", "--amount", "300000000",
                  "--currency", code, "--reason", "Q1 report")
    assert (result.exit_code, result.output) == (
        1, f"Error: --currency: {code!r} is not an ISO 4217 currency code (such as USD, EUR, JPY, CHF)\n")
    assert stored_event_count(seeded) == before


def test_an_invoice_in_a_currency_iso_4217_does_not_list_is_refused_as_such(seeded):
    book = json.loads(_ok(seeded, "ledger", "--as-of", "2013-09-30", "--format", "json"))
    line = next(line["id"] for line in book["lines"] if line["territory"] == "JP")
    result = _run(seeded, "record", "invoice", line, "--amount", "5000000", "--currency", "XYZ", "--on", "2013-10-01",
                  "--reason", "invoice 2013-118")
    assert (result.exit_code, result.output) == (1, f"Error: --currency: {NOT_A_CODE}\n")


def test_codes_are_read_in_any_case_and_kept_in_capitals():
    assert [currency_code(code) for code in ("usd", "Eur", " CHF ")] == ["USD", "EUR", "CHF"]


def test_a_terms_file_in_a_currency_iso_4217_does_not_list_is_refused_naming_its_line(seeded, tmp_path):
    terms = tmp_path / "terms.toml"
    terms.write_text((LEDGER / "kadcyla_terms.toml").read_text().replace('currency = "USD"', 'currency = "XYZ"', 1))
    line = next(number for number, text in enumerate(terms.read_text().splitlines(), 1) if "XYZ" in text)
    result = _run(seeded, "terms", "load", str(terms), "--on", "2013-01-01", "--reason", "schedule 3")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {terms}:{line}: agreement[1].")
    assert result.output.endswith(f".currency: {NOT_A_CODE}\n")


def test_a_float_amount_in_a_terms_file_is_refused_naming_its_line(seeded, tmp_path):
    terms = tmp_path / "terms.toml"
    text = (LEDGER / "kadcyla_terms.toml").read_text()
    amount = next(line for line in text.splitlines() if line.startswith("amount = "))
    terms.write_text(text.replace(amount, "amount = 5000000.0", 1))
    line = next(number for number, written in enumerate(terms.read_text().splitlines(), 1) if "5000000.0" in written)
    before = stored_event_count(seeded)
    result = _run(seeded, "terms", "load", str(terms), "--on", "2013-01-01", "--reason", "schedule 3")
    assert (result.exit_code, result.output) == (
        1, f"Error: {terms}:{line}: agreement[1].milestone[1].amount: 5000000.0 is a float, which is not exact; "
           "write an integer or a quoted decimal (\"5000000.0\")\n")
    assert stored_event_count(seeded) == before


def test_a_rates_file_with_a_float_or_a_code_iso_4217_does_not_list_is_refused_naming_each_line(seeded, tmp_path):
    rates = tmp_path / "rates.toml"
    rates.write_text('base = "USD"\n[rates]\nDKK = 0.145\nXYZ = "2"\n', encoding="utf-8")
    result = _run(seeded, "receivables", "--as-of", "2013-09-30", "--rates", str(rates))
    assert (result.exit_code, result.output.splitlines()) == (1, [
        f"Error: {rates}:3: rates.DKK: 0.145 is a float, which is not exact; write an integer or a quoted decimal "
        "(\"0.145\")",
        f"{rates}:4: rates.XYZ: {NOT_A_CODE}",
    ])
