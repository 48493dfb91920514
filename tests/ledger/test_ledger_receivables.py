"""Receivables aged to the as-of day, totals per group and currency, conversion only at given rates."""
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from ledger_facts import M5, book, kadcyla_2013_09_20, read

from projections.ledger import same_party
from projections.receivables import bucket, receivables
from tracker.domain import facts as f
from tracker.errors import TrackerError
from tracker.rates import read_rates


@pytest.mark.parametrize(("days", "expected"), [
    (None, "current"), (-5, "current"), (0, "current"), (1, "1-30"), (30, "1-30"), (31, "31-60"), (60, "31-60"),
    (61, "61-90"), (90, "61-90"), (91, "91-120"), (120, "91-120"), (121, ">120"), (4000, ">120"),
])
def test_days_past_due_fall_in_the_aging_buckets_of_ar_reports(days, expected):
    assert bucket(days) == expected


def test_the_japan_milestone_ages_through_every_bucket_as_the_as_of_day_advances():
    history = kadcyla_2013_09_20()
    seen = []
    for day in (date(2013, 10, 20), date(2013, 10, 21), date(2013, 11, 20), date(2013, 12, 20), date(2014, 1, 19),
                date(2014, 2, 18), date(2014, 2, 19)):
        (row,) = receivables(book(history, day)).receivables
        seen.append((day.isoformat(), row.days_outstanding, row.days_past_due, row.bucket))
    assert seen == [
        ("2013-10-20", 30, 0, "current"), ("2013-10-21", 31, 1, "1-30"), ("2013-11-20", 61, 31, "31-60"),
        ("2013-12-20", 91, 61, "61-90"), ("2014-01-19", 121, 91, "91-120"), ("2014-02-18", 151, 121, ">120"),
        ("2014-02-19", 152, 122, ">120"),
    ]


def test_contingent_lines_are_apart_and_never_in_the_receivable_totals():
    report = receivables(book(kadcyla_2013_09_20(), date(2013, 9, 30)))
    assert [(r.territory, r.outstanding, r.bucket) for r in report.receivables] == [("JP", M5, "current")]
    assert [(c.territory, c.status, c.amount, c.expected_by) for c in report.contingent] == [
        ("EU", "contingent", M5, date(2013, 12, 31))]
    assert [(t.payee, t.group, t.currency, t.outstanding, t.buckets["current"], t.contingent) for t in report.totals] == [
        ("ImmunoGen", "(payer not stated)", "USD", M5, M5, M5)]
    assert report.assumptions == [
        f"no payment terms recorded for {report.receivables[0].line}: due dates assume net 30 days after the trigger"]


def _two_currencies():
    day = date(2015, 2, 2)
    return kadcyla_2013_09_20() + [
        read(f.MilestoneTriggered, day, release="n", compound="Xylomab", payer="Novo Nordisk", payee="ImmunoGen",
             amount=Decimal(87_000_000), currency="DKK", trigger="first patient dosed in Phase II"),
    ]


def test_totals_keep_each_currency_apart_per_group():
    report = receivables(book(_two_currencies(), date(2015, 3, 1)), by="compound")
    assert [(t.payee, t.group, t.currency, t.outstanding) for t in report.totals] == [
        ("ImmunoGen", "trastuzumab emtansine", "USD", M5), ("ImmunoGen", "Xylomab", "DKK", Decimal(87_000_000))]
    assert [(t.payee, t.group, t.currency, t.outstanding) for t in report.currency_totals] == [
        ("ImmunoGen", "all", "DKK", Decimal(87_000_000)), ("ImmunoGen", "all", "USD", M5)]
    assert report.converted == []


def test_a_rates_file_adds_one_converted_total_and_names_its_rates(tmp_path: Path):
    rates = tmp_path / "rates.toml"
    rates.write_text('base = "USD"\n[rates]\nDKK = "0.15"\n', encoding="utf-8")
    report = receivables(book(_two_currencies(), date(2015, 3, 1)), rates=read_rates(rates))
    (converted,) = report.converted
    assert (converted.payee, converted.currency, converted.outstanding, converted.rates) == (
        "ImmunoGen", "USD", Decimal("18050000.00"), {"DKK": Decimal("0.15"), "USD": Decimal(1)})


def _two_payees():
    day = date(2015, 2, 2)
    return kadcyla_2013_09_20() + [
        read(f.MilestoneTriggered, day, release="a", compound="Quilostat", payer="Castellan", payee="Ardent Labs, Inc.",
             amount=Decimal(3_000_000), currency="USD", trigger="NDA accepted (US)",
             quote="The acceptance of the NDA triggers a $3 million milestone payment to Ardent from Castellan."),
    ]


def test_two_companies_money_is_never_added_together_even_in_one_currency(tmp_path: Path):
    rates = tmp_path / "rates.toml"
    rates.write_text('base = "USD"\n[rates]\n', encoding="utf-8")
    report = receivables(book(_two_payees(), date(2015, 3, 1)), rates=read_rates(rates))
    assert [(t.payee, t.group, t.currency, t.outstanding) for t in report.currency_totals] == [
        ("Ardent Labs, Inc.", "all", "USD", Decimal(3_000_000)), ("ImmunoGen", "all", "USD", M5)]
    assert [(c.payee, c.outstanding) for c in report.converted] == [
        ("Ardent Labs, Inc.", Decimal(3_000_000)), ("ImmunoGen", M5)]


def test_one_payees_receivables_are_asked_for_by_any_spelling_of_its_name():
    report = receivables(book(_two_payees(), date(2015, 3, 1)), payee="Ardent Labs")
    assert (report.payee, [(r.payee, r.counterparty, r.counterparty_inferred, r.outstanding) for r in report.receivables]) == (
        "Ardent Labs", [("Ardent Labs, Inc.", "Castellan", False, Decimal(3_000_000))])
    assert [(t.payee, t.outstanding) for t in report.currency_totals] == [("Ardent Labs, Inc.", Decimal(3_000_000))]
    assert report.contingent == []


def test_a_currency_missing_from_the_rates_file_is_refused_by_name(tmp_path: Path):
    rates = tmp_path / "rates.toml"
    rates.write_text('base = "EUR"\n[rates]\nUSD = "0.9"\n', encoding="utf-8")
    with pytest.raises(TrackerError) as raised:
        receivables(book(_two_currencies(), date(2015, 3, 1)), rates=read_rates(rates))
    assert str(raised.value) == f'{rates}: no rate for DKK to EUR; add DKK = "..." under [rates]'


def test_a_bad_rate_is_reported_with_its_file_and_line(tmp_path: Path):
    rates = tmp_path / "rates.toml"
    rates.write_text('base = "USD"\n\n[rates]\nEUR = "1.1"\nDKK = "-1"\n', encoding="utf-8")
    with pytest.raises(TrackerError) as raised:
        read_rates(rates)
    assert str(raised.value) == f"{rates}:5: rates.DKK: Input should be greater than 0"


def test_a_payee_is_one_company_by_any_spelling_or_the_first_words_of_its_name_only():
    assert same_party("Norvale", "Norvale Therapeutics, Inc.")
    assert same_party("ImmunoGen, Inc.", "immunogen")
    assert not same_party("Bio", "Biogen")
    assert not same_party("Norvale", "Castellan Norvale")
    assert not same_party(None, "Norvale")
