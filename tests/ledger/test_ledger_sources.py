"""What a line says of where it comes from: the release that made it what it is, payers as stated or inferred,
upfronts received on signing, and royalty figures that hold others reported apart."""
from datetime import date
from decimal import Decimal

from ledger_facts import M5, book, read

from projections.receivables import receivables
from tracker.domain import facts as f

M = Decimal(1_000_000)
ANTICIPATED, TRIGGERED = date(2013, 3, 20), date(2013, 11, 20)


def _eu_milestone():
    return [
        read(f.MilestoneAnticipated, ANTICIPATED, release="a", compound="velotuzumab", payee="Norvale", amount=M5,
             currency="USD", condition="EC approval", expected_by=date(2013, 12, 31),
             quote="An approval decision by the European Commission would trigger a $5 million milestone payment to Norvale."),
        read(f.ApprovalGranted, TRIGGERED, release="t", compound="velotuzumab", agency="EC", region="EU",
             quote="The European Commission has granted a conditional marketing authorization for Velquiro."),
        read(f.MilestoneTriggered, TRIGGERED, release="t", compound="velotuzumab", payer="Castellan", payee="Norvale",
             amount=M5, currency="USD", trigger="This approval",
             quote="This approval triggers a $5 million milestone payment to Norvale."),
    ]


def test_an_earned_lines_source_is_the_release_that_triggered_it_not_the_one_that_anticipated_it():
    history = _eu_milestone()
    (anticipated,) = book(history, date(2013, 9, 30)).lines
    (earned,) = book(history, date(2013, 12, 31)).lines
    assert (anticipated.status, anticipated.source_file, anticipated.published_on) == ("contingent", "a.txt", ANTICIPATED)
    assert (earned.status, earned.source_file, earned.published_on, earned.id) == (
        "earned", "t.txt", TRIGGERED, anticipated.id)


def test_a_payer_no_sentence_names_is_shown_as_inferred_and_one_a_sentence_names_is_not():
    (line,) = book(_eu_milestone(), date(2013, 12, 31)).lines
    assert (line.counterparty, line.counterparty_inferred) == ("Castellan", True)
    named = _eu_milestone()[:2] + [read(f.MilestoneTriggered, TRIGGERED, release="t", compound="velotuzumab",
                                        payer="Castellan", payee="Norvale", amount=M5, currency="USD",
                                        quote="This approval triggers a $5 million payment to Norvale from Castellan Pharma.")]
    (line,) = book(named, date(2013, 12, 31)).lines
    assert (line.counterparty, line.counterparty_inferred) == ("Castellan", False)


def test_an_upfront_the_company_receives_on_signing_is_received_not_overdue():
    signing = date(2010, 9, 1)
    history = [read(f.MilestoneTriggered, signing, release="l", compound="NRV-401", payer="Castellan", payee="Norvale",
                    amount=20 * M, currency="USD", payment_kind="upfront", occurred_on="2010-09-01",
                    quote="Under the terms of the agreement, Norvale receives an upfront payment of $20 million.")]
    (line,) = book(history, date(2019, 12, 31)).lines
    assert (line.status, line.paid, line.outstanding, [s.what for s in line.history]) == (
        "received", 20 * M, Decimal(0), ["received on signing"])
    assert receivables(book(history, date(2019, 12, 31))).receivables == []


def test_an_upfront_still_to_be_paid_is_owed():
    history = [read(f.MilestoneTriggered, date(2010, 9, 1), release="l", compound="NRV-401", payee="Norvale",
                    amount=20 * M, currency="USD", payment_kind="upfront",
                    quote="Norvale will receive an upfront payment of $20 million within 30 days.")]
    assert [line.status for line in book(history, date(2010, 9, 2)).lines] == ["earned"]


def _quarter(compound: str | None, amount: Decimal, position: int):
    return read(f.RoyaltyReported, date(2020, 5, 12), release="q1", compound=compound, payee="Halvorsen", amount=amount,
                currency="DKK", payment_kind="royalty", period="2020-Q1", offset=position)


def test_a_royalty_figure_holding_a_products_figure_reported_apart_counts_only_the_rest():
    history = [_quarter("Ostrevia", 310 * M, 100), _quarter(None, 402 * M, 200)]
    ledger = book(history, date(2020, 6, 30))
    ostrevia, rest = sorted(ledger.lines, key=lambda line: line.compound is None)
    assert (ostrevia.compound, ostrevia.amount, ostrevia.reported_amount) == ("Ostrevia", 310 * M, None)
    assert (rest.compound, rest.amount, rest.reported_amount, rest.parts) == (None, 92 * M, 402 * M, [ostrevia.id])
    assert rest.trigger == "royalties on net sales, 2020-Q1, less what is reported apart"
    totals = receivables(ledger).currency_totals
    assert [(t.payee, t.currency, t.outstanding) for t in totals] == [("Halvorsen", "DKK", 402 * M)]


def test_a_years_figure_holds_its_quarters_and_its_products_and_nothing_is_counted_twice():
    year = read(f.RoyaltyReported, date(2021, 2, 20), release="fy", payee="Halvorsen", amount=1_500 * M,
                currency="DKK", period="2020")
    history = [_quarter("Ostrevia", 310 * M, 100), _quarter(None, 402 * M, 200), year]
    ledger = book(history, date(2021, 3, 31))
    assert sorted((line.period, line.compound or "", line.amount) for line in ledger.lines) == [
        ("2020", "", 1_098 * M), ("2020-Q1", "", 92 * M), ("2020-Q1", "Ostrevia", 310 * M)]
    assert sum(line.amount for line in ledger.lines) == 1_500 * M


def test_figures_of_another_payee_or_currency_are_no_part_of_a_whole():
    other = read(f.RoyaltyReported, date(2020, 5, 12), release="q1", compound="Ostrevia", payee="Marlow",
                 amount=310 * M, currency="DKK", period="2020-Q1")
    ledger = book([other, _quarter(None, 402 * M, 200)], date(2020, 6, 30))
    assert sorted(line.amount for line in ledger.lines) == [310 * M, 402 * M]
