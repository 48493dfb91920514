"""Accounts receivable from the ledger, aged the way AR aging reports age them (ERPNext, QuickBooks).

Each open line (earned, invoiced, part paid) is a row with what is still
outstanding, placed in one aging bucket by days past its due date, measured to
the day the view stands on, not to today. A line whose condition a later event
met (an approval, say) ages like any other, from that event, and is counted
apart as unconfirmed until a release or a person confirms it. Lines that may
yet be owed (contingent) are listed apart with their expected date and never
enter the receivable totals.

Totals are kept per payee, then per group and currency: the ledger holds every
company's money, and no company's is ever added to another's, nor any currency
to another, except in the one converted total (per payee) a user's own rates
file asks for.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field

from projections.ledger import (
    CONTINGENT,
    DEFAULT_PAYMENT_DAYS,
    LAPSE_AFTER,
    LAPSED,
    MET,
    OPEN,
    Ledger,
    LedgerLine,
    same_party,
)
from projections.rows import Rows
from projections.royalties import money
from tracker.rates import Rates

BUCKETS = ("current", "1-30", "31-60", "61-90", "91-120", ">120")
GroupBy = Literal["counterparty", "compound", "agreement"]
_UNSTATED = {"counterparty": "(payer not stated)", "compound": "(compound not stated)", "agreement": "(no agreement)"}
_NO_PAYEE = "(payee not stated)"
#: The statuses of a line that is aged: owed, or owed once confirmed (its condition met).
AGED = (*OPEN, MET)


def bucket(days_past_due: int | None) -> str:
    """The aging bucket of a line this many days past due (None: no due date yet)."""
    if days_past_due is None or days_past_due <= 0:
        return "current"
    for name, upper in (("1-30", 30), ("31-60", 60), ("61-90", 90), ("91-120", 120)):
        if days_past_due <= upper:
            return name
    return ">120"


class _LineRow(BaseModel):
    """What every row of the report says of its ledger line."""

    line: str
    group: str
    counterparty: str | None
    counterparty_inferred: bool
    """No sentence names the payer and no terms give it."""
    payee: str | None
    compound: str | None
    territory: str | None
    agreement: str | None
    kind: str | None
    basis: str
    status: str
    published_on: date
    source_file: str | None
    source_event: str
    currency: str
    amount: Decimal


class Receivable(_LineRow):
    trigger: str | None
    triggered_on: date | None
    condition_met_by: str | None
    """For a line whose condition was met, not yet confirmed: the event that met it."""
    paid: Decimal
    outstanding: Decimal
    due_on: date | None
    days_outstanding: int | None
    days_past_due: int | None
    bucket: str
    payment_terms: str
    terms_assumed: bool


class Contingent(_LineRow):
    condition: str | None
    expected_by: date | None
    condition_met_by: str | None


class Total(BaseModel):
    payee: str
    group: str
    currency: str
    outstanding: Decimal = Decimal(0)
    buckets: dict[str, Decimal] = Field(default_factory=lambda: {name: Decimal(0) for name in BUCKETS})
    unconfirmed: Decimal = Decimal(0)
    """The part of `outstanding` on lines whose condition was met but not yet confirmed."""
    contingent: Decimal = Decimal(0)


class Converted(BaseModel):
    """One payee's totals in every currency, in one, at the rates of a user's file."""

    payee: str
    currency: str
    rates_file: str
    rates: dict[str, Decimal]
    outstanding: Decimal
    buckets: dict[str, Decimal]
    contingent: Decimal


class ReceivablesReport(BaseModel):
    as_of: date
    group_by: str
    receivables: Rows[Receivable] = Field(default_factory=list)
    contingent: Rows[Contingent] = Field(default_factory=list)
    payee: str | None = None
    """The one payee asked about, when one was."""
    totals: Rows[Total] = Field(default_factory=list)
    """Per payee, group and currency."""
    currency_totals: Rows[Total] = Field(default_factory=list)
    """Per payee and currency, over every group (group "all")."""
    converted: list[Converted] = Field(default_factory=list)
    """Per payee, when a rates file was given."""
    assumptions: Rows[str] = Field(default_factory=list)


def _group(line: LedgerLine, by: str) -> str:
    return getattr(line, by) or _UNSTATED[by]


def _payee(row: _LineRow) -> str:
    return row.payee or _NO_PAYEE


def receivables(ledger: Ledger, by: GroupBy = "counterparty", rates: Rates | None = None,
                payee: str | None = None) -> ReceivablesReport:
    """The receivables report of a ledger, aged to the day it stands on; of one payee's lines, when given
    (by any spelling of its name, or the first words of it: `same_party`)."""
    horizon = ledger.as_of
    owed: list[Receivable] = []
    contingent: list[Contingent] = []
    lines = [line for line in ledger.lines if payee is None or same_party(line.payee, payee)]
    for line in lines:
        shared: dict[str, Any] = dict(line=line.id, group=_group(line, by), counterparty=line.counterparty,
                      counterparty_inferred=line.counterparty_inferred, payee=line.payee, compound=line.compound,
                      territory=line.territory, agreement=line.agreement, kind=line.kind, basis=line.basis,
                      status=line.status, published_on=line.published_on, source_file=line.source_file,
                      source_event=line.source_event, currency=line.currency, amount=line.amount)
        if line.status in AGED:
            past_due = (horizon - line.due_on).days if line.due_on else None
            owed.append(Receivable(
                **shared, trigger=line.trigger, triggered_on=line.triggered_on,
                condition_met_by=line.condition_met_by if line.status == MET else None, paid=line.paid,
                outstanding=line.outstanding, due_on=line.due_on,
                days_outstanding=(horizon - line.triggered_on).days if line.triggered_on else None,
                days_past_due=past_due, bucket=bucket(past_due), payment_terms=line.payment_terms,
                terms_assumed=line.terms_assumed))
        elif line.status == CONTINGENT:
            contingent.append(Contingent(**shared, condition=line.trigger, expected_by=line.expected_by,
                                         condition_met_by=line.condition_met_by))
    owed.sort(key=lambda r: (_payee(r).lower(), r.group.lower(), r.currency, r.due_on or date.max, r.line))
    contingent.sort(key=lambda c: (_payee(c).lower(), c.group.lower(), c.currency, c.expected_by or date.max, c.line))
    report = ReceivablesReport(as_of=horizon, group_by=by, payee=payee, receivables=owed, contingent=contingent)
    report.totals = _totals(report, lambda row: row.group)
    report.currency_totals = _totals(report, lambda row: "all")
    if rates is not None:
        report.converted = _convert(report.currency_totals, rates)
    assumptions: list[str] = []
    for line in lines:
        if line.status == LAPSED:
            assumptions.append(f"{line.id} ({line.trigger}, {line.currency} {money(line.amount)}) lapsed: expected by "
                                      f"{line.expected_by}, nothing confirmed it within {LAPSE_AFTER.days} days")
    unconfirmed = sorted(r.line for r in report.receivables if r.status == MET)
    if unconfirmed:
        assumptions.append(f"{', '.join(unconfirmed)}: condition met by a later event, not yet confirmed; "
                                  "aged from that event")
    assumed = sorted(r.line for r in report.receivables if r.terms_assumed)
    if assumed:
        assumptions.append(f"no payment terms recorded for {', '.join(assumed)}: "
                                  f"due dates assume net {DEFAULT_PAYMENT_DAYS} days after the trigger")
    inferred = sorted({f"{r.counterparty} for {r.line}" for r in (*report.receivables, *report.contingent)
                       if r.counterparty_inferred})
    if inferred:
        assumptions.append(f"payer inferred, no sentence names it: {', '.join(inferred)}")
    report.assumptions = assumptions
    return report


def _totals(report: ReceivablesReport, key: Callable[[_LineRow], str]) -> list[Total]:
    totals: dict[tuple[str, str, str], Total] = {}

    def total(row: _LineRow) -> Total:
        at = (_payee(row), key(row), row.currency)
        found = totals.get(at)
        if found is None:  # made only for a new payee, group and currency: most rows add to one made already
            found = totals[at] = Total(payee=at[0], group=at[1], currency=at[2])
        return found

    for receivable in report.receivables:
        owed = total(receivable)
        owed.outstanding += receivable.outstanding
        owed.buckets[receivable.bucket] += receivable.outstanding
        if receivable.status == MET:
            owed.unconfirmed += receivable.outstanding
    for pending in report.contingent:
        total(pending).contingent += pending.amount
    return [totals[k] for k in sorted(totals, key=lambda k: (k[0].lower(), k[1].lower(), k[2]))]


def _convert(currency_totals: Sequence[Total], rates: Rates) -> list[Converted]:
    converted = []
    for payee in dict.fromkeys(t.payee for t in currency_totals):
        mine = [t for t in currency_totals if t.payee == payee]
        used = {t.currency: rates.rate(t.currency) for t in mine}
        converted.append(Converted(
            payee=payee, currency=rates.base, rates_file=rates.file, rates=used,
            outstanding=sum((t.outstanding * used[t.currency] for t in mine), Decimal(0)),
            buckets={name: sum((t.buckets[name] * used[t.currency] for t in mine), Decimal(0)) for name in BUCKETS},
            contingent=sum((t.contingent * used[t.currency] for t in mine), Decimal(0))))
    return converted
