"""Accounts receivable from the ledger, aged the way AR aging reports age them (ERPNext, QuickBooks).

Each open line (earned, invoiced, part paid) is a row with what is still
outstanding, placed in one aging bucket by days past its due date, measured to
the day the view stands on, not to today. Lines that may yet be owed
(contingent, condition met) are listed apart with their expected date and
never enter the receivable totals. Totals are kept per group and per
currency: no currency is ever added to another, except in the one converted
total a user's own rates file asks for.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from projections.ledger import DEFAULT_PAYMENT_DAYS, LAPSE_AFTER, LAPSED, OPEN, PENDING, Ledger, LedgerLine
from projections.royalties import money
from tracker.rates import Rates

BUCKETS = ("current", "1-30", "31-60", "61-90", "91-120", ">120")
GroupBy = Literal["counterparty", "compound", "agreement"]
_UNSTATED = {"counterparty": "(payer not stated)", "compound": "(compound not stated)", "agreement": "(no agreement)"}


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
    group: str
    currency: str
    outstanding: Decimal = Decimal(0)
    buckets: dict[str, Decimal] = Field(default_factory=lambda: {name: Decimal(0) for name in BUCKETS})
    contingent: Decimal = Decimal(0)


class Converted(BaseModel):
    """Every currency's totals in one, at the rates of a user's file."""

    currency: str
    rates_file: str
    rates: dict[str, Decimal]
    outstanding: Decimal
    buckets: dict[str, Decimal]
    contingent: Decimal


class ReceivablesReport(BaseModel):
    as_of: date
    group_by: str
    receivables: list[Receivable] = Field(default_factory=list)
    contingent: list[Contingent] = Field(default_factory=list)
    totals: list[Total] = Field(default_factory=list)
    """Per group and currency."""
    currency_totals: list[Total] = Field(default_factory=list)
    """Per currency, over every group."""
    converted: Converted | None = None
    assumptions: list[str] = Field(default_factory=list)


def _group(line: LedgerLine, by: str) -> str:
    return getattr(line, by) or _UNSTATED[by]


def receivables(ledger: Ledger, by: GroupBy = "counterparty", rates: Rates | None = None) -> ReceivablesReport:
    """The receivables report of a ledger, aged to the day it stands on."""
    horizon = ledger.as_of
    report = ReceivablesReport(as_of=horizon, group_by=by)
    for line in ledger.lines:
        if line.status in OPEN:
            past_due = (horizon - line.due_on).days if line.due_on else None
            report.receivables.append(Receivable(
                line=line.id, group=_group(line, by), counterparty=line.counterparty, payee=line.payee,
                compound=line.compound, territory=line.territory, agreement=line.agreement, kind=line.kind,
                basis=line.basis, status=line.status, trigger=line.trigger, triggered_on=line.triggered_on,
                published_on=line.published_on, source_file=line.source_file, source_event=line.source_event,
                currency=line.currency, amount=line.amount, paid=line.paid, outstanding=line.outstanding,
                due_on=line.due_on, days_outstanding=(horizon - line.triggered_on).days if line.triggered_on else None,
                days_past_due=past_due, bucket=bucket(past_due), payment_terms=line.payment_terms,
                terms_assumed=line.terms_assumed))
        elif line.status in PENDING:
            report.contingent.append(Contingent(
                line=line.id, group=_group(line, by), counterparty=line.counterparty, payee=line.payee,
                compound=line.compound, territory=line.territory, agreement=line.agreement, kind=line.kind,
                basis=line.basis, status=line.status, condition=line.trigger, expected_by=line.expected_by,
                condition_met_by=line.condition_met_by, published_on=line.published_on,
                source_file=line.source_file, source_event=line.source_event, currency=line.currency,
                amount=line.amount))
    report.receivables.sort(key=lambda r: (r.group.lower(), r.currency, r.due_on or date.max, r.line))
    report.contingent.sort(key=lambda c: (c.group.lower(), c.currency, c.expected_by or date.max, c.line))
    report.totals = _totals(report, lambda row: row.group)
    report.currency_totals = _totals(report, lambda row: "all")
    if rates is not None:
        report.converted = _convert(report.currency_totals, rates)
    for line in ledger.lines:
        if line.status == LAPSED:
            report.assumptions.append(f"{line.id} ({line.trigger}, {line.currency} {money(line.amount)}) lapsed: expected by "
                                      f"{line.expected_by}, nothing confirmed it within {LAPSE_AFTER.days} days")
    assumed = sorted(r.line for r in report.receivables if r.terms_assumed)
    if assumed:
        report.assumptions.append(f"no payment terms recorded for {', '.join(assumed)}: "
                                  f"due dates assume net {DEFAULT_PAYMENT_DAYS} days after the trigger")
    return report


def _totals(report: ReceivablesReport, key) -> list[Total]:
    totals: dict[tuple[str, str], Total] = {}
    for row in report.receivables:
        total = totals.setdefault((key(row), row.currency), Total(group=key(row), currency=row.currency))
        total.outstanding += row.outstanding
        total.buckets[row.bucket] += row.outstanding
    for pending in report.contingent:
        total = totals.setdefault((key(pending), pending.currency), Total(group=key(pending), currency=pending.currency))
        total.contingent += pending.amount
    return [totals[k] for k in sorted(totals, key=lambda k: (k[0].lower(), k[1]))]


def _convert(currency_totals: list[Total], rates: Rates) -> Converted:
    used = {t.currency: rates.rate(t.currency) for t in currency_totals}
    return Converted(
        currency=rates.base, rates_file=rates.file, rates=used,
        outstanding=sum((t.outstanding * used[t.currency] for t in currency_totals), Decimal(0)),
        buckets={name: sum((t.buckets[name] * used[t.currency] for t in currency_totals), Decimal(0)) for name in BUCKETS},
        contingent=sum((t.contingent * used[t.currency] for t in currency_totals), Decimal(0)))
