"""The ledger and receivables through the command line, from the seeds and releases written for these tests."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ledger"
RELEASES = FIXTURES / "releases"
EXAMPLE_TERMS = Path(__file__).resolve().parents[2] / "examples" / "terms.toml"


def _run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def _ok(db: str, *args: str) -> str:
    result = _run(db, *args)
    assert result.exit_code == 0, result.output
    return result.output


def _report(db: str, as_of: str, *args: str) -> dict:
    return json.loads(_ok(db, "receivables", "--as-of", as_of, "--format", "json", *args))


def _receivable(row: dict) -> tuple:
    return (row["compound"], row["payee"], row["territory"], row["status"], row["currency"], row["outstanding"],
            row["triggered_on"], row["due_on"], row["days_past_due"], row["bucket"])


def _contingent(row: dict) -> tuple:
    return (row["compound"], row["payee"], row["territory"], row["status"], row["currency"], row["amount"],
            row["expected_by"], row["condition_met_by"])


@pytest.fixture
def seeded(seeds, db) -> str:
    _ok(db, "ingest", str(seeds))
    return db


@pytest.fixture
def later(seeds, db) -> str:
    """The seeds and the releases of 2015 written for these tests."""
    _ok(db, "ingest", str(seeds), str(RELEASES))
    return db


def _line(db: str, as_of: str, territory: str) -> str:
    book = json.loads(_ok(db, "ledger", "--as-of", as_of, "--format", "json"))
    return next(line["id"] for line in book["lines"] if line["territory"] == territory)


def _event(db: str, file: str, type_: str) -> str:
    records = [json.loads(line) for line in _ok(db, "events", "--format", "jsonl").splitlines()]
    return next(r["id"] for r in records if r["source"]["file"] == file and r["type"] == type_)


# ---- the seeds alone ------------------------------------------------------


def test_as_of_2013_09_30_the_japan_milestone_is_receivable_and_the_eu_one_contingent(seeded):
    report = _report(seeded, "2013-09-30")
    assert [_receivable(r) for r in report["receivables"]] == [
        ("trastuzumab emtansine", "ImmunoGen", "JP", "earned", "USD", "5000000", "2013-09-20", "2013-10-20", -20, "current")]
    assert [_contingent(c) for c in report["contingent"]] == [
        ("trastuzumab emtansine", "ImmunoGen", "EU", "contingent", "USD", "5000000", "2013-12-31", None)]
    assert [(t["payee"], t["group"], t["currency"], t["outstanding"], t["contingent"]) for t in report["currency_totals"]] == [
        ("ImmunoGen", "all", "USD", "5000000", "5000000")]


def test_the_table_for_2013_09_30_shows_each_figure_with_its_source(seeded):
    japan, eu = _line(seeded, "2013-09-30", "JP"), _line(seeded, "2013-09-30", "EU")
    output = _ok(seeded, "receivables", "--as-of", "2013-09-30")
    rows = [line.split() for line in output.splitlines()]
    assert rows[0] == ["Receivables", "as", "of", "2013-09-30,", "by", "counterparty"]
    assert rows[4][:8] == [japan, "Roche", "(inferred)", "trastuzumab", "emtansine", "JP", "earned",
                           "002_216599dac546bf8a.txt"]
    assert rows[4][8].startswith("b7a64debc339d7ae.")
    assert rows[4][9:] == ["2013-10-20", "10", "USD", "5,000,000", "current"]
    assert next(r for r in rows if r and r[0] == eu)[:10] == [
        eu, "Roche", "(inferred)", "trastuzumab", "emtansine", "EU", "contingent", "EC", "approval", "2013-12-31"]
    assert output.endswith(f"Notes\n- no payment terms recorded for {japan}: due dates assume net 30 days after the trigger\n"
                           f"- payer inferred, no sentence names it: Roche for {eu}, Roche for {japan}\n")


def test_as_of_2013_09_19_there_is_neither_milestone(seeded):
    assert _ok(seeded, "receivables", "--as-of", "2013-09-19") == (
        "Receivables as of 2013-09-19, by counterparty\n\nNothing earned is outstanding.\n\nTotals\nNone.\n\n"
        "Contingent (not receivable until earned)\nNone.\n")
    assert _ok(seeded, "ledger", "--as-of", "2013-09-19") == "Ledger as of 2013-09-19: no milestone or royalty lines\n"


def test_the_ledger_shows_each_step_with_its_event_and_quote(seeded):
    japan = _line(seeded, "2013-09-30", "JP")
    output = _ok(seeded, "ledger", "--as-of", "2013-09-30", "--compound", "T-DM1")
    history = output[output.index("History\n"):].splitlines()
    assert history[1] == f"{japan}  trastuzumab emtansine  JP approval  USD 5,000,000  earned"
    assert history[2].startswith("  2013-09-20  earned  [b7a64debc339d7ae.")
    assert history[2].endswith(', 002_216599dac546bf8a.txt]  "- The Japanese MHLW has approved Kadcyla for marketing '
                               'in Japan, which triggers a \\$5 million milestone payment to ImmunoGen."')


# ---- releases written for the purpose ----------------------------------------


def test_the_eu_approval_meets_the_condition_and_the_line_ages_from_it_until_a_later_release_confirms_it(later):
    approval = _event(later, "100_kadcyla_ec_approval.txt", "ApprovalGranted")
    waiting = _report(later, "2015-01-20")
    (eu,) = [r for r in waiting["receivables"] if r["territory"] == "EU"]
    assert _receivable(eu) + (eu["condition_met_by"],) == (
        "trastuzumab emtansine", "ImmunoGen", "EU", "condition met", "USD", "5000000", "2015-01-12", "2015-02-11", -22,
        "current", approval)
    assert [c for c in waiting["contingent"] if c["compound"] == "trastuzumab emtansine"] == []
    (usd,) = [t for t in waiting["currency_totals"] if t["currency"] == "USD" and t["payee"] == "ImmunoGen"]
    assert (usd["outstanding"], usd["unconfirmed"]) == ("10000000", "5000000")
    confirmed = _report(later, "2015-03-31", "--by", "compound")
    kadcyla = [_receivable(r) for r in confirmed["receivables"] if r["compound"] == "trastuzumab emtansine"]
    assert kadcyla == [
        ("trastuzumab emtansine", "ImmunoGen", "JP", "earned", "USD", "5000000", "2013-09-20", "2013-10-20", 527, ">120"),
        ("trastuzumab emtansine", "ImmunoGen", "EU", "earned", "USD", "5000000", "2015-01-12", "2015-02-11", 48, "31-60"),
    ]
    assert confirmed["contingent"] == []
    book = json.loads(_ok(later, "ledger", "--as-of", "2015-03-31", "--compound", "Kadcyla", "--format", "json"))
    assert len(book["lines"]) == 2


def test_a_person_confirms_a_condition_met_line(seeds, db):
    _ok(db, "ingest", str(seeds), str(RELEASES / "100_kadcyla_ec_approval.txt"))
    eu = _line(db, "2015-01-20", "EU")
    output = _ok(db, "record", "confirm", eu, "--on", "2015-01-20", "--by", "ana", "--reason", "Roche's notice")
    assert output.startswith(f"recorded the confirmation of {eu} as entry.")
    (row,) = [r for r in _report(db, "2015-01-31")["receivables"] if r["territory"] == "EU"]
    assert _receivable(row) == (
        "trastuzumab emtansine", "ImmunoGen", "EU", "earned", "USD", "5000000", "2015-01-12", "2015-02-11", -11, "current")


def test_a_payment_recorded_by_hand_settles_the_line_from_its_value_date(seeded):
    japan = _line(seeded, "2013-09-30", "JP")
    assert _ok(seeded, "record", "payment", japan, "--amount", "2,000,000", "--on", "2013-10-15", "--by", "ana",
               "--reason", "bank statement 2013-10").startswith(f"recorded the payment for {japan} as entry.")
    _ok(seeded, "record", "payment", japan, "--amount", "3000000", "--currency", "USD", "--on", "2013-11-04",
        "--by", "ana", "--reason", "bank statement 2013-11")
    states = [[(r["status"], r["paid"], r["outstanding"]) for r in _report(seeded, day)["receivables"]]
              for day in ("2013-10-14", "2013-10-31", "2013-11-04")]
    assert states == [[("earned", "0", "5000000")], [("part paid", "2000000", "3000000")], []]
    book = json.loads(_ok(seeded, "ledger", "--as-of", "2013-12-31", "--format", "json"))
    (line,) = [ln for ln in book["lines"] if ln["id"] == japan]
    assert (line["status"], line["paid"]) == ("received", "5000000")
    assert [(s["on"], s["what"], s["amount"], s["source"], s["quote"]) for s in line["history"]][-2:] == [
        ("2013-10-15", "paid", "2000000", "entered by ana", "bank statement 2013-10"),
        ("2013-11-04", "paid", "3000000", "entered by ana", "bank statement 2013-11"),
    ]


def test_an_overdue_dkk_milestone_moves_through_the_aging_buckets(later):
    seen = []
    for day in ("2015-04-01", "2015-04-02", "2015-05-02", "2015-06-01", "2015-07-01", "2015-07-31"):
        (row,) = [r for r in _report(later, day)["receivables"] if r["currency"] == "DKK"]
        seen.append((day, row["days_past_due"], row["bucket"], row["outstanding"]))
    assert seen == [("2015-04-01", 0, "current", "87000000"), ("2015-04-02", 1, "1-30", "87000000"),
                    ("2015-05-02", 31, "31-60", "87000000"), ("2015-06-01", 61, "61-90", "87000000"),
                    ("2015-07-01", 91, "91-120", "87000000"), ("2015-07-31", 121, ">120", "87000000")]


def test_a_dkk_milestone_is_never_added_to_dollars_unless_rates_are_given(later, tmp_path):
    report = _report(later, "2015-03-31")
    (dkk,) = [r for r in report["receivables"] if r["currency"] == "DKK"]
    assert (dkk["counterparty"], dkk["payee"], dkk["compound"], dkk["kind"], dkk["outstanding"]) == (
        "Aurelia", "Helix Nordic", "HN-201", "development", "87000000")
    assert [(t["payee"], t["currency"], t["outstanding"]) for t in report["currency_totals"]] == [
        ("Helix Nordic", "DKK", "87000000"), ("ImmunoGen", "USD", "10000000")]
    rates = tmp_path / "rates.toml"
    rates.write_text('base = "USD"\n[rates]\nDKK = "0.145"\n', encoding="utf-8")
    converted = _report(later, "2015-03-31", "--rates", str(rates))["converted"]
    assert [(c["payee"], c["currency"], c["outstanding"]) for c in converted] == [
        ("Helix Nordic", "USD", "12615000.000"), ("ImmunoGen", "USD", "10000000")]
    table = _ok(later, "receivables", "--as-of", "2015-03-31", "--rates", str(rates))
    assert table.endswith(f"- converted at the rates of {rates}: 1 DKK = 0.145 USD, 1 USD = 1 USD\n")


def test_royalties_accrue_from_terms_and_net_sales_across_two_tiers(seeded):
    _ok(seeded, "terms", "load", str(FIXTURES / "kadcyla_terms.toml"), "--on", "2015-01-01", "--by", "ana",
        "--reason", "license summary")
    for quarter, recorded_on in (("2015-Q1", "2015-04-20"), ("2015-Q2", "2015-07-20")):
        _ok(seeded, "record", "net-sales", "Kadcyla", "--period", quarter, "--amount", "300000000", "--currency", "USD",
            "--on", recorded_on, "--by", "ana", "--reason", "Roche sales report")
    rows = [(r["trigger"], r["basis"], r["kind"], r["counterparty"], r["agreement"], r["outstanding"], r["due_on"])
            for r in _report(seeded, "2015-08-01")["receivables"] if r["kind"] == "royalty"]
    assert rows == [
        ("royalties on net sales, 2015-Q1", "computed", "royalty", "Roche", "roche-kadcyla", "24000000.00", "2015-05-15"),
        ("royalties on net sales, 2015-Q2", "computed", "royalty", "Roche", "roche-kadcyla", "26000000.00", "2015-08-14"),
    ]


def test_terms_seen_as_of_their_day_name_the_payer_and_due_dates(seeded):
    output = _ok(seeded, "terms", "load", str(EXAMPLE_TERMS), "--on", "2013-01-01", "--by", "ana", "--reason", "summary")
    assert output.startswith("recorded the terms of agreement roche-immunogen-tdm1 as entry.")
    assert output.endswith(", known from 2013-01-01\n")
    report = _report(seeded, "2013-09-30")
    terms = "net 45 days after trigger (agreement roche-immunogen-tdm1)"
    assert [(r["territory"], r["status"], r["agreement"], r["due_on"], r["payment_terms"], r["counterparty"],
             r["counterparty_inferred"]) for r in report["receivables"]] == [
        ("US", "condition met", "roche-immunogen-tdm1", "2013-11-04", terms, "Roche", False),
        ("JP", "earned", "roche-immunogen-tdm1", "2013-11-04", terms, "Roche", False)]
    assert [(c["territory"], c["status"], c["basis"], c["amount"]) for c in report["contingent"]] == [
        ("EU", "contingent", "reported", "5000000")]
    (us,) = [r["line"] for r in report["receivables"] if r["territory"] == "US"]
    assert report["assumptions"] == [f"{us}: condition met by a later event, not yet confirmed; aged from that event"]


def test_the_csv_opens_in_a_spreadsheet_with_plain_numbers_and_iso_dates(later):
    text = _ok(later, "receivables", "--as-of", "2015-03-31", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.count("section,group,line,status") == 1
    parsed = [(r["section"], r["currency"], Decimal(r["outstanding"]), date.fromisoformat(r["due_on"]),
               int(r["days_past_due"])) for r in rows]
    assert parsed == [
        ("receivable", "DKK", Decimal(87_000_000), date(2015, 4, 1), -1),
        ("receivable", "USD", Decimal(5_000_000), date(2013, 10, 20), 527),
        ("receivable", "USD", Decimal(5_000_000), date(2015, 2, 11), 48),
    ]


def test_markdown_has_a_table_a_section(seeded):
    output = _ok(seeded, "receivables", "--as-of", "2013-09-30", "--format", "md")
    assert [line for line in output.splitlines() if line.startswith("#")] == [
        "# Receivables as of 2013-09-30, by counterparty", "## Totals", "## Contingent (not receivable until earned)",
        "## Notes"]


# ---- what is refused ----------------------------------------------------------


def _refused(db: str, *args: str) -> str:
    result = _run(db, *args, "--by", "ana", "--reason", "test")
    assert result.exit_code == 1, result.output
    return result.output


def test_an_unknown_line_is_refused(seeded):
    assert _refused(seeded, "record", "payment", "L-00000000", "--amount", "1", "--on", "2013-10-01") == \
        "Error: no ledger line 'L-00000000' as of 2013-10-01\n"


def test_paying_or_invoicing_a_contingent_line_is_refused(seeded):
    eu = _line(seeded, "2013-09-30", "EU")
    assert _refused(seeded, "record", "payment", eu, "--amount", "5000000", "--on", "2013-10-01") == \
        f"Error: line {eu} is contingent on 2013-10-01: only an earned milestone can be paid\n"
    assert _refused(seeded, "record", "invoice", eu, "--amount", "5000000", "--on", "2013-10-01") == \
        f"Error: line {eu} is contingent on 2013-10-01: only an earned milestone can be invoiced\n"


def test_paying_a_line_whose_condition_is_met_but_unconfirmed_is_refused(seeds, db):
    _ok(db, "ingest", str(seeds), str(RELEASES / "100_kadcyla_ec_approval.txt"))
    eu = _line(db, "2015-01-20", "EU")
    assert _refused(db, "record", "payment", eu, "--amount", "5000000", "--on", "2015-01-20") == (
        f"Error: line {eu} is contingent on 2015-01-20 (its condition is met, awaiting confirmation): "
        f"confirm it first with `tracker record confirm {eu}`\n")


def test_paying_more_than_is_outstanding_is_refused(seeded):
    japan = _line(seeded, "2013-09-30", "JP")
    assert _refused(seeded, "record", "payment", japan, "--amount", "6000000", "--on", "2013-10-01") == \
        f"Error: a payment of USD 6,000,000 is more than the USD 5,000,000 outstanding on line {japan}\n"


def test_a_currency_other_than_the_lines_is_refused(seeded):
    japan = _line(seeded, "2013-09-30", "JP")
    assert _refused(seeded, "record", "invoice", japan, "--amount", "5000000", "--currency", "EUR",
                    "--on", "2013-10-01") == f"Error: line {japan} is in USD, not EUR\n"


def test_a_line_earned_after_the_entry_date_cannot_be_paid_on_that_date(seeded):
    japan = _line(seeded, "2013-09-30", "JP")
    assert _refused(seeded, "record", "payment", japan, "--amount", "5000000", "--on", "2013-09-01") == \
        f"Error: no ledger line '{japan}' as of 2013-09-01\n"


def test_a_terms_file_error_names_the_file_and_line(seeded, tmp_path):
    terms = tmp_path / "terms.toml"
    terms.write_text('[[agreement]]\nid = "a"\npayer = "Roche"\npayee = "ImmunoGen"\ncompound = "Kadcyla"\n\n'
                     '[[agreement.milestone]]\ntrigger = "EU approval"\namount = -5\ncurrency = "USD"\n', encoding="utf-8")
    assert _refused(seeded, "terms", "load", str(terms)) == \
        f"Error: {terms}:9: agreement[1].milestone[1].amount: Input should be greater than 0\n"
