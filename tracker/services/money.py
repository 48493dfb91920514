"""The milestone and royalty ledger: its lines and receivables, and what people record against its lines.

Each entry (an invoice, a payment, a write-off, a confirmation) is checked
against the line as the ledger stood on the entry's day (`tracker.line_entries`)
before it is stored.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from projections.history import TimeView
from projections.ledger import Ledger, LedgerLine, lapses_between, ledger, line_order
from projections.names import name_key
from tracker import line_entries
from tracker.services.entries import Entries
from tracker.services.history import History
from tracker.services.kept import Compute, Document, Earlier, KeptAnswers, Listed, Recipe, Remade, Row

if TYPE_CHECKING:  # the receivables load with a receivables query, the queries with a compound's, not with the ledger
    from projections.receivables import GroupBy, ReceivablesReport
    from tracker.services.queries import Queries


class Money:
    def __init__(self, history: History, queries: Callable[[], Queries], entries: Entries, kept: KeptAnswers):
        """`queries` gives the query service when first needed (to resolve a compound's name): the whole ledger
        loads none of the status and calendar projections it brings."""
        self.history = history
        self._queries = queries
        self.entries = entries
        self.kept = kept

    @property
    def queries(self) -> Queries:
        return self._queries()

    def ledger(self, view: TimeView, compound: str | None = None) -> Ledger:
        """Every milestone and royalty line in view, with its history; optionally of one compound (any alias).
        The lines of today's view are kept in the read model (`tracker.services.kept`): one compound's are
        read alone."""
        canonical = self.queries.resolve(compound, self.history.in_view(view, compound)[1]) if compound else None
        lines = self.kept.answer("ledger", view, self.lines, _LINES, None if canonical is None else [name_key(canonical)],
                                 self.refreshed_lines)
        if canonical is not None:
            lines = [line for line in lines if line.compound == canonical]
        return Ledger.model_construct(as_of=view.horizon, lines=lines)  # the lines are read and checked already

    def lines(self, view: TimeView, horizon: date) -> Sequence[LedgerLine]:
        """Every ledger line computed from the facts of the ledger in view, standing on `horizon`."""
        selected, names = self.history.in_view(view, history=self.history.of_ledger())
        return ledger(selected, names, horizon).lines

    def refreshed_lines(self, view: TimeView, horizon: date, earlier: Earlier) -> Remade | None:
        """The kept lines brought up to now: the lines of the name groups the facts since `earlier` touch, and on a
        new day those of the groups with a line that lapses meanwhile (`lapses_between`: all a new day changes),
        computed again from those groups' facts, the others' rows kept as they are. None (the ledger is computed
        afresh) when a view as of today would take in something published since `earlier`'s day; when a line of
        no compound lapses meanwhile; when the new facts can change lines of no compound (a line of no compound
        may hold a new royalty figure: `parts_within_wholes`) or of any (`History.lines_changed_since`); or when a
        group's lines come from recorded terms (their ids are numbered across the whole ledger)."""
        since = date.fromisoformat(earlier.stamp.horizon)
        lapsing: set[str | None] = set()
        if since != horizon:
            if view.as_of is not None and self.history.published_between(since, horizon):
                return None
            lapsing = {key for key, _, body in earlier.rows() if _lapses_between(body, since, horizon)}
            if None in lapsing:
                return None
        keys = self.history.lines_changed_since(earlier.stamp.position, earlier.holds(None))
        if keys is None:
            return None
        keys |= self.history.name_group(*(key for key in lapsing if key is not None)) if lapsing else set()
        if not keys:
            return Remade(set(), [])
        selected, names = self.history.in_view(view, history=self.history.of_ledger(keys))
        fresh = [line for line in ledger(selected, names, horizon).lines if _compound_key(line) in keys]
        if any(line.basis == "terms" for line in fresh):
            return None
        return Remade(set(keys), _LINES.rows(fresh))

    def receivables(self, view: TimeView, by: GroupBy = "counterparty", rates: Path | None = None,
                    payee: str | None = None) -> ReceivablesReport:
        """What is owed and what may be, aged to the day the view stands on, totals per payee; of one payee's
        lines when given; totals converted only at `rates`. The report of all payees, unconverted, is kept
        in the read model for today's view, a report a grouping, computed from the kept lines."""
        from projections.receivables import receivables
        from tracker.rates import read_rates

        if rates is None and payee is None:
            return self.kept.answer(f"receivables by {by}", view, self._report(by), _report_shape(),
                                    refresh=self._refreshed_report)[0]
        return receivables(self.ledger(view), by, read_rates(rates) if rates else None, payee)

    def _report(self, by: GroupBy) -> Compute[ReceivablesReport]:
        from projections.receivables import receivables

        return lambda view, horizon: [receivables(self.ledger(view), by)]

    def _refreshed_report(self, view: TimeView, horizon: date, earlier: Earlier) -> Remade | None:
        """The kept report brought up to now when the facts since `earlier` change no ledger line (they name only
        name groups that hold no money, `History.has_money`: the groups `History.lines_changed_since` names are the
        only ones whose lines they can change): as it is on the same day, aged again on a new day (`_aged`). None
        (computed again, from the kept lines) otherwise."""
        keys = self.history.lines_changed_since(earlier.stamp.position, lines_of_no_compound=True)
        if keys is None or (keys and self.history.has_money(keys)):
            return None
        since = date.fromisoformat(earlier.stamp.horizon)
        return Remade(set(), []) if since == horizon else self._aged(view, since, horizon, earlier)

    def _aged(self, view: TimeView, since: date, horizon: date, earlier: Earlier) -> Remade | None:
        """The report kept on day `since`, of the same lines, aged to `horizon`: what a new day changes of it is its
        day and, in each receivable, the days outstanding and past due (measured at 10k: every receivable, no
        contingent line, total or note). Its head and receivables written again, the rest kept. None when a line
        lapses meanwhile (`lapses_between`: its status changes), a view as of today takes in something published
        meanwhile, or a receivable changes aging bucket (its totals change)."""
        from projections.receivables import Receivable, ReceivablesReport, bucket

        if view.as_of is not None and self.history.published_between(since, horizon):
            return None
        self.ledger(view)  # brought up to now and kept, to read its lines' expected days
        stamp = self.kept.stamp(view)
        lines = None if stamp is None else self.kept.store.read_model.kept("ledger", stamp)
        rows = earlier.rows()
        if lines is None or not rows or any(_lapses_between(body, since, horizon) for _, _, body in lines):
            return None
        shift = (horizon - since).days
        (_, head_place, head), *items = rows
        report = ReceivablesReport.model_validate_json(head)
        report.as_of = horizon
        parts = set(_report_shape().parts)
        aged: list[Row] = [(None, head_place, report.model_dump_json(exclude=parts))]
        for key, at, body in items:
            if key != "receivables":
                continue
            receivable = Receivable.model_validate_json(body)
            past_due = None if receivable.days_past_due is None else receivable.days_past_due + shift
            if bucket(past_due) != receivable.bucket:
                return None
            outstanding = receivable.days_outstanding
            aged.append((key, at, receivable.model_copy(update=dict(
                days_past_due=past_due, days_outstanding=None if outstanding is None else outstanding + shift))
                .model_dump_json()))
        return Remade({None, "receivables"}, aged)

    def kept_answers(self) -> dict[str, Recipe]:
        """How each answer this service keeps is computed and kept, for `verify` to recompute it (the ledger
        first: the reports are computed from its lines)."""
        by: tuple[GroupBy, ...] = ("counterparty", "compound", "agreement")
        report = _report_shape()
        return {"ledger": (self.lines, _LINES), **{f"receivables by {group}": (self._report(group), report) for group in by}}

    def load_terms(self, path: Path, entered_by: str, reason: str, on: date | None = None) -> list[tuple[str, str]]:
        """Record each agreement of a terms file, known from `on` (default today): (agreement id, entry id) pairs."""
        from tracker.terms import read_terms  # its models load for a terms file only

        return [(fact.agreement, self.entries.enter(fact, entered_by, reason, on)) for fact in read_terms(path)]

    def record_invoice(self, line_id: str, amount: Decimal, on: date, entered_by: str, reason: str,
                       currency: str | None = None, due: date | None = None) -> str:
        fact = line_entries.invoice(self.line(line_id, on), amount, currency, on, due)
        return self.entries.enter(fact, entered_by, reason, on)

    def record_payment(self, line_id: str, amount: Decimal, on: date, entered_by: str, reason: str,
                       currency: str | None = None) -> str:
        fact = line_entries.payment(self.line(line_id, on), amount, currency, on)
        return self.entries.enter(fact, entered_by, reason, on)

    def record_write_off(self, line_id: str, on: date, entered_by: str, reason: str) -> str:
        return self.entries.enter(line_entries.write_off(self.line(line_id, on), on), entered_by, reason, on)

    def record_confirmation(self, line_id: str, on: date, entered_by: str, reason: str) -> str:
        return self.entries.enter(line_entries.confirmation(self.line(line_id, on), on), entered_by, reason, on)

    def record_net_sales(self, compound: str, period: str, amount: Decimal, currency: str, on: date,
                         entered_by: str, reason: str, territory: str | None = None) -> str:
        """A product's net sales for a period (`2015-Q1`, `2015-03`, `2015`), on which royalties are computed."""
        fact = line_entries.net_sales(compound, period, amount, currency, territory)
        return self.entries.enter(fact, entered_by, reason, on)

    def line(self, line_id: str, on: date) -> LedgerLine:
        """The line as the ledger stood on `on`: an entry is checked against what was known that day."""
        line = self.ledger(TimeView(as_of=on)).find(line_id)
        if line is None:
            raise line_entries.EntryRejected(f"no ledger line {line_id!r} as of {on.isoformat()}")
        return line


def _compound_key(line: LedgerLine) -> str | None:
    return name_key(line.compound) if line.compound else None


def _lapses_between(body: str, since: date, until: date) -> bool:
    """Whether the kept line `body` lapses between standing on `since` and on `until` (read from its JSON)."""
    expected_by = json.loads(body)["expected_by"]
    return lapses_between(date.fromisoformat(expected_by) if expected_by else None, since, until)


_LINES = Listed(LedgerLine, _compound_key, line_order)


def _report_shape() -> Document[ReceivablesReport]:
    """How a receivables report is kept: the rest of it in a row, its rows, totals and notes a row each (at 10k
    releases the totals and notes alone are hundreds of kilobytes: they too are read as they are used)."""
    from projections.receivables import Contingent, Receivable, ReceivablesReport, Total

    return Document(ReceivablesReport, {"receivables": Receivable, "contingent": Contingent, "totals": Total,
                                        "currency_totals": Total, "assumptions": str})
