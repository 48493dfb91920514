"""What a person records against a ledger line, checked against the line before it is stored.

An invoice, a payment, a write-off or a confirmation is a fact entered by hand
(with who and why, through `Tracker.enter`). Each is checked against the line
as the ledger stood on the entry's date, so that nothing is recorded that the
ledger of that day could not take: paying a milestone not yet earned, paying
more than is owed, or paying in another currency than the line's.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from projections.ledger import LAPSED, MET, OPEN, PENDING, LedgerLine
from projections.royalties import money
from tracker.currencies import currency_code
from tracker.dates import PartialDate
from tracker.domain.facts import (
    InvoiceIssued,
    MilestoneConfirmed,
    MilestoneReceived,
    MilestoneWrittenOff,
    NetSalesReported,
)
from tracker.errors import TrackerError


class EntryRejected(TrackerError):
    """An entry that does not fit the line it names."""


def _positive(amount: Decimal) -> None:
    if amount <= 0:
        raise EntryRejected(f"the amount must be above zero, not {amount}")


def _owed(line: LedgerLine, on: date, act: str) -> None:
    """Refuse to invoice or pay a line that is not owed on `on`."""
    if line.status in OPEN:
        return
    if line.status == MET:
        raise EntryRejected(f"line {line.id} is contingent on {on.isoformat()} (its condition is met, awaiting "
                            f"confirmation): confirm it first with `tracker record confirm {line.id}`")
    if line.status in PENDING:
        raise EntryRejected(f"line {line.id} is contingent on {on.isoformat()}: only an earned milestone can be {act}")
    raise EntryRejected(f"line {line.id} is {line.status} on {on.isoformat()}: nothing is owed on it")


def _currency(text: str) -> str:
    try:
        return currency_code(text)
    except ValueError as error:
        raise EntryRejected(f"--currency: {error}") from None


def _same_currency(line: LedgerLine, currency: str | None) -> str:
    if currency is not None and _currency(currency) != line.currency:
        raise EntryRejected(f"line {line.id} is in {line.currency}, not {_currency(currency)}")
    return line.currency


def _within_outstanding(line: LedgerLine, amount: Decimal, what: str) -> None:
    if amount > line.outstanding:
        raise EntryRejected(f"{what} of {line.currency} {money(amount)} is more than the {line.currency} "
                            f"{money(line.outstanding)} outstanding on line {line.id}")


def invoice(line: LedgerLine, amount: Decimal, currency: str | None, on: date, due: date | None) -> InvoiceIssued:
    _positive(amount)
    _owed(line, on, "invoiced")
    currency = _same_currency(line, currency)
    _within_outstanding(line, amount, "an invoice")
    if due is not None and due < on:
        raise EntryRejected(f"the due date {due.isoformat()} is before the invoice date {on.isoformat()}")
    return InvoiceIssued(compound=line.compound, line_id=line.id, amount=amount, currency=currency, due_on=due,
                         occurred_on=PartialDate.day(on))


def payment(line: LedgerLine, amount: Decimal, currency: str | None, on: date) -> MilestoneReceived:
    _positive(amount)
    _owed(line, on, "paid")
    currency = _same_currency(line, currency)
    _within_outstanding(line, amount, "a payment")
    return MilestoneReceived(compound=line.compound, line_id=line.id, payer=line.counterparty, payee=line.payee,
                             amount=amount, currency=currency, payment_kind=line.kind,  # type: ignore[arg-type]
                             occurred_on=PartialDate.day(on))


def write_off(line: LedgerLine, on: date) -> MilestoneWrittenOff:
    if line.status not in OPEN + PENDING:
        raise EntryRejected(f"line {line.id} is {line.status} on {on.isoformat()}: there is nothing to write off")
    return MilestoneWrittenOff(compound=line.compound, line_id=line.id, occurred_on=PartialDate.day(on))


def confirmation(line: LedgerLine, on: date) -> MilestoneConfirmed:
    if line.status not in PENDING + (LAPSED,):
        raise EntryRejected(f"line {line.id} is already {line.status} on {on.isoformat()}: "
                            f"only a contingent line can be confirmed")
    return MilestoneConfirmed(compound=line.compound, line_id=line.id, evidence=line.condition_met_by,
                              occurred_on=PartialDate.day(on))


def net_sales(compound: str, period: str, amount: Decimal, currency: str, territory: str | None) -> NetSalesReported:
    _positive(amount)
    try:
        when = PartialDate.parse(period)
    except ValueError as error:
        raise EntryRejected(f"--period: {error}") from None
    return NetSalesReported(compound=compound, period=when, amount=amount, currency=_currency(currency),
                            territory=territory, occurred_on=when)
