"""Royalties: reported by releases, or computed from terms and net sales across annual tiers."""
from datetime import date
from decimal import Decimal

from ledger_facts import book, entered, read

from projections.royalties import tiered_royalty
from tracker.dates import PartialDate
from tracker.domain import facts as f

M = Decimal(1_000_000)
TIERS = (f.RoyaltyTier(up_to=500 * M, percent=Decimal(8)), f.RoyaltyTier(percent=Decimal(10)))


def test_sales_within_the_first_tier_pay_its_rate():
    assert tiered_royalty(TIERS, 300 * M)[0] == 24 * M


def test_sales_crossing_a_tier_pay_each_part_at_its_own_rate():
    royalty, portions = tiered_royalty(TIERS, 300 * M, earlier_in_year=300 * M)
    assert royalty == 26 * M
    assert [str(p) for p in portions] == [
        "8% of 200,000,000 (annual sales 0-500,000,000)", "10% of 100,000,000 (annual sales above 500,000,000)"]


def test_sales_wholly_above_the_tiers_pay_the_top_rate_and_pennies_round_half_up():
    assert tiered_royalty(TIERS, Decimal("0.05"), earlier_in_year=600 * M)[0] == Decimal("0.01")


def _agreement() -> f.AgreementTermsRecorded:
    return f.AgreementTermsRecorded(compound="Kadcyla", agreement="roche-kadcyla", payer="Roche", payee="ImmunoGen",
                                    royalty_currency="USD", royalty_tiers=TIERS)


def _sales(period: str, amount: Decimal, on: date):
    return entered(f.NetSalesReported(compound="Kadcyla", period=PartialDate.parse(period), amount=amount,
                                      currency="USD"), on, reason="Roche quarterly sales report")


def test_royalties_accrue_per_quarter_across_two_tiers_from_net_sales_and_terms():
    history = [entered(_agreement(), date(2015, 1, 1)), _sales("2015-Q1", 300 * M, date(2015, 4, 20)),
               _sales("2015-Q2", 300 * M, date(2015, 7, 20))]
    lines = book(history, date(2015, 8, 1)).lines
    assert [(ln.period, ln.basis, ln.kind, ln.status, ln.counterparty, ln.amount, ln.triggered_on, ln.due_on) for ln in lines] == [
        ("2015-Q1", "computed", "royalty", "earned", "Roche", 24 * M, date(2015, 3, 31), date(2015, 4, 30)),
        ("2015-Q2", "computed", "royalty", "earned", "Roche", 26 * M, date(2015, 6, 30), date(2015, 7, 30)),
    ]
    assert lines[1].history[-1].quote == (
        "8% of 200,000,000 (annual sales 0-500,000,000) + 10% of 100,000,000 (annual sales above 500,000,000) "
        "= 26,000,000; net sales USD 300,000,000 for 2015-Q2, 300,000,000 earlier in 2015")


def test_a_reported_royalty_for_the_period_is_the_line_with_the_computed_figure_beside_it():
    history = [entered(_agreement(), date(2015, 1, 1)), _sales("2015-Q1", 300 * M, date(2015, 4, 20)),
               read(f.RoyaltyReported, date(2015, 5, 5), compound="Kadcyla", payee="ImmunoGen",
                    amount=Decimal(23_500_000), currency="USD", period="2015-Q1")]
    (line,) = book(history, date(2015, 6, 1)).lines
    assert (line.basis, line.amount, line.computed_amount, line.agreement, line.counterparty) == (
        "reported", Decimal(23_500_000), 24 * M, "roche-kadcyla", "Roche")


def test_restated_net_sales_replace_the_earlier_figure():
    history = [entered(_agreement(), date(2015, 1, 1)), _sales("2015-Q1", 300 * M, date(2015, 4, 20)),
               _sales("2015-Q1", 250 * M, date(2015, 5, 20))]
    (before,) = book(history, date(2015, 4, 30)).lines
    (after,) = book(history, date(2015, 6, 1)).lines
    assert (before.amount, after.amount, after.id == before.id) == (24 * M, 20 * M, True)
    assert [(s.what, s.amount) for s in after.history] == [
        ("terms", None), ("net sales restated later", 300 * M), ("computed", 20 * M)]
