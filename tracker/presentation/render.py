"""Plain data to what a person reads: tables, status text, CSV and JSON lines.

Renderers return strings, so the CLI only prints and tests compare exact text.
Tables are drawn by `rich` without colour or terminal tricks unless asked, so
the same output works in a pipe.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from projections.calendar import CalendarEntry, window
from projections.ledger import Ledger, LedgerLine
from projections.receivables import BUCKETS, ReceivablesReport, Total
from projections.records import records_jsonl
from projections.review import Pending
from projections.royalties import money
from projections.status import CompoundStatus
from tracker.domain.facts import FACT_TYPES, Fact


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    return str(value)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], width: int = 160) -> str:
    """A plain table, wide enough not to wrap in a pipe."""
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for header in headers:
        grid.add_column(header, overflow="fold")
    for row in rows:
        grid.add_row(*(_text(cell) for cell in row))
    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, color_system=None, highlight=False).print(grid)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def summary(record: dict[str, Any]) -> str:
    kind = FACT_TYPES.get(record["type"])
    fields = kind.summary_fields if kind else ()
    return " ".join(f"{name}={_text(record.get(name))}" for name in fields if record.get(name) not in (None, "", []))


def fact_summary(fact: Fact) -> str:
    """The summary of a fact as stored (its compound as written)."""
    return summary(fact.model_dump(mode="json"))


def review_table(queue: list[Pending]) -> str:
    """The events waiting for review, least confident first."""
    ordered = sorted(queue, key=lambda p: (p.recorded.fact.confidence, p.recorded.sort_key))
    rows = [(p.recorded.id, f"{p.recorded.fact.confidence:.2f}", p.recorded.type, p.recorded.fact.compound or "",
             fact_summary(p.recorded.fact), " ".join(p.recorded.fact.quote.split())[:80]) for p in ordered]
    return table(("id", "confidence", "type", "compound", "details", "quote"), rows)


def events_table(records: list[dict[str, Any]]) -> str:
    rows = [(r["reported_on"], r["id"], r["type"], r["compound"] or "(undisclosed)", summary(r)) for r in records]
    return table(("reported", "id", "type", "compound", "details"), rows)


def events_jsonl(records: list[dict[str, Any]]) -> str:
    return records_jsonl(records)


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_text(cell) for cell in row])
    return buffer.getvalue()


_EVENT_CSV = ("reported_on", "id", "type", "compound", "occurred_on", "details", "file", "line", "quote", "confidence")


def events_csv(records: list[dict[str, Any]]) -> str:
    rows = [(r["reported_on"], r["id"], r["type"], r["compound"], r["occurred_on"], summary(r),
             r["source"]["file"], r["source"]["line"], r["source"]["quote"], r["confidence"]) for r in records]
    return csv_text(_EVENT_CSV, rows)


def _regions(status: CompoundStatus, wanted: str) -> str:
    return ", ".join(r.region for r in status.regulatory if r.status == wanted)


_COMPOUND_COLUMNS = ("compound", "highest phase", "approved in", "partners", "aliases", "events")


def _compound_row(status: CompoundStatus) -> tuple:
    return (status.name, status.highest_phase or "", _regions(status, "approved"),
            ", ".join(p.name for p in status.partners), ", ".join(a.name for a in status.aliases), status.events)


def compounds_table(statuses: list[CompoundStatus]) -> str:
    return table(_COMPOUND_COLUMNS, (_compound_row(s) for s in statuses))


def compounds_csv(statuses: list[CompoundStatus]) -> str:
    return csv_text(_COMPOUND_COLUMNS, (_compound_row(s) for s in statuses))


def _cited(sources: list[str]) -> str:
    return f"  [{', '.join(sources)}]" if sources else ""


def status_text(status: CompoundStatus) -> str:
    """A compound's status as a page of text, each line citing the events behind it."""
    lines = [f"{status.name}  (as of {status.as_of.isoformat()}; {status.events} events)"]
    if status.aliases:
        lines.append("Also known as: " + ", ".join(f"{a.name}" + (f" ({a.kind})" if a.kind else "") for a in status.aliases))
    lines.append(f"Highest phase: {status.highest_phase or 'unknown'}")
    if status.partners:
        lines.append("Partners:")
        lines += [f"  {p.name}" + (f" (through {', '.join(p.through)})" if p.through else "")
                  + (f", {p.role}" if p.role else "") + (f", {p.territory}" if p.territory else "")
                  + _cited(p.sources) for p in status.partners]
    if status.phases:
        lines.append("Phase by indication:")
        lines += [f"  {p.phase:<9} {p.indication or '(indication not stated)'}" + _cited(p.sources) for p in status.phases]
    lines.append("Regulatory status by region:" if status.regulatory else "Regulatory status: no submission, opinion or approval reported")
    for region in status.regulatory:
        lines.append(f"  {region.region:<3} {region.state} ({region.agency or 'agency not named'}, {region.when})"
                     + _cited(region.sources))
        if region.indications:
            lines.append(f"        for: {'; '.join(region.indications)}")
        lines += [f"        {step}" for step in region.history]
    if status.trials:
        lines.append("Trials:")
    for trial in status.trials:
        head = f"  {trial.name or '(unnamed trial)'}" + (f", phase {trial.phase}" if trial.phase else "")
        if trial.indication:
            head += f", {trial.indication}"
        lines.append(head + _cited(trial.sources))
        if trial.registry_ids:
            lines.append(f"      registry: {', '.join(trial.registry_ids)}")
        if trial.enrollment:
            lines.append(f"      enrollment: {trial.enrollment}")
        if trial.primary_endpoint:
            lines.append(f"      primary endpoint: {trial.primary_endpoint}")
        if trial.started:
            lines.append(f"      started: {trial.started}")
        for readout in trial.readouts:
            lines.append(f"      readout {readout.when}: {readout.outcome}"
                         + (f" ({readout.endpoint})" if readout.endpoint else "") + _cited(readout.sources))
        for presentation in trial.presentations:
            lines.append(f"      presented: {presentation}")
    lines.append("Expected:" if status.expected else "Expected: nothing ahead")
    for catalyst in status.expected:
        when = f"by {catalyst.expected_by.isoformat()}" if catalyst.expected_by else "no date given"
        lines.append(f"  {catalyst.what}, {when}" + (", overdue" if catalyst.overdue else "") + _cited(catalyst.sources))
    return "\n".join(lines) + "\n"


def status_json(status: CompoundStatus) -> str:
    return status.model_dump_json(indent=2) + "\n"


# ---- ledger and receivables -------------------------------------------


def _amount(value: Decimal | None) -> str:
    """An amount for a person: thousands separators, blank for none."""
    return "" if value is None else money(value)


def _plain(value: Decimal | int | None) -> str:
    """An amount for a spreadsheet: digits and a point only."""
    if value is None:
        return ""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


_NO_PAYER = "(payer not stated)"


def _payer(name: str | None, inferred: bool) -> str:
    """The payer as the ledger knows it: named by a sentence or terms, inferred (and said so), or not stated."""
    if name is None:
        return _NO_PAYER
    return f"{name} (inferred)" if inferred else name
_LEDGER_COLUMNS = ("line", "status", "basis", "kind", "counterparty", "payee", "compound", "agreement", "territory",
                   "trigger", "currency", "amount", "paid", "outstanding", "due")


def _ledger_row(line: LedgerLine) -> tuple:
    return (line.id, line.status, line.basis, line.kind, _payer(line.counterparty, line.counterparty_inferred), line.payee,
            line.compound, line.agreement, line.territory, line.trigger, line.currency, _amount(line.amount),
            _amount(line.paid), _amount(line.outstanding), _day(line.due_on))


def ledger_table(book: Ledger) -> str:
    """The lines, then each line's history with the event and words behind every step."""
    if not book.lines:
        return f"Ledger as of {book.as_of.isoformat()}: no milestone or royalty lines\n"
    out = [f"Ledger as of {book.as_of.isoformat()}: {len(book.lines)} lines\n",
           table(_LEDGER_COLUMNS, (_ledger_row(line) for line in book.lines), width=400), "History\n"]
    for line in book.lines:
        out.append(f"{line.id}  {line.compound or '(compound not stated)'}  {line.trigger or ''}  "
                   f"{line.currency} {money(line.amount)}  {line.status}\n")
        for step in line.history:
            amount = f" {line.currency} {money(step.amount)}" if step.amount is not None else ""
            words = f'  "{step.quote}"' if step.quote else ""
            out.append(f"  {step.on.isoformat()}  {step.what}{amount}  [{step.event}, {step.source}]{words}\n")
    return "".join(out)


def ledger_json(book: Ledger) -> str:
    return book.model_dump_json(indent=2) + "\n"


_RECEIVABLE_COLUMNS = ("line", "counterparty", "payee", "compound", "territory", "kind", "status", "triggered", "published",
                       "source", "event", "due", "days", "currency", "outstanding") + BUCKETS
_CONTINGENT_COLUMNS = ("line", "counterparty", "payee", "compound", "territory", "kind", "status", "condition", "expected by",
                       "published", "source", "event", "met by", "currency", "amount")


def _receivable_rows(report: ReceivablesReport) -> list[tuple]:
    return [(r.line, _payer(r.counterparty, r.counterparty_inferred), r.payee, r.compound, r.territory, r.kind, r.status,
             _day(r.triggered_on),
             _day(r.published_on), r.source_file or "entered", r.source_event, _day(r.due_on), r.days_outstanding,
             r.currency, _amount(r.outstanding))
            + tuple(_amount(r.outstanding) if r.bucket == name else "" for name in BUCKETS)
            for r in report.receivables]


def _contingent_rows(report: ReceivablesReport) -> list[tuple]:
    return [(c.line, _payer(c.counterparty, c.counterparty_inferred), c.payee, c.compound, c.territory, c.kind, c.status,
             c.condition,
             _day(c.expected_by), _day(c.published_on), c.source_file or "entered", c.source_event,
             c.condition_met_by, c.currency, _amount(c.amount)) for c in report.contingent]


def _total_rows(totals: list[Total]) -> list[tuple]:
    return [(t.payee, t.group, t.currency, _amount(t.outstanding)) + tuple(_amount(t.buckets[name]) for name in BUCKETS)
            + (_amount(t.contingent),) for t in totals]


def _converted_rows(report: ReceivablesReport) -> list[tuple]:
    return [(c.payee, f"all, in {c.currency}", c.currency, _amount(c.outstanding))
            + tuple(_amount(c.buckets[name]) for name in BUCKETS) + (_amount(c.contingent),) for c in report.converted]


def _totals_by_payee(report: ReceivablesReport) -> list[tuple]:
    """Each payee's totals by group, then over its groups, then converted: one company's money at a time."""
    rows = []
    for payee in dict.fromkeys(t.payee for t in report.currency_totals):
        rows += _total_rows([t for t in report.totals if t.payee == payee])
        rows += _total_rows([t for t in report.currency_totals if t.payee == payee])
        rows += [row for row in _converted_rows(report) if row[0] == payee]
    return rows


def _notes(report: ReceivablesReport) -> list[str]:
    notes = list(report.assumptions)
    for converted in report.converted[:1]:
        rates = ", ".join(f"1 {cur} = {money(rate)} {converted.currency}"
                          for cur, rate in sorted({k: v for c in report.converted for k, v in c.rates.items()}.items()))
        notes.append(f"converted at the rates of {converted.rates_file}: {rates}")
    return notes


def _receivables_title(report: ReceivablesReport) -> str:
    owed_to = f", owed to {report.payee}" if report.payee else ""
    return f"Receivables as of {report.as_of.isoformat()}{owed_to}, by {report.group_by}"


def receivables_table(report: ReceivablesReport) -> str:
    totals_head = ("payee", report.group_by, "currency", "outstanding") + BUCKETS + ("contingent",)
    out = [f"{_receivables_title(report)}\n\n"]
    out.append(table(_RECEIVABLE_COLUMNS, _receivable_rows(report), width=400) if report.receivables
               else "Nothing earned is outstanding.\n")
    out.append("\nTotals\n")
    out.append(table(totals_head, _totals_by_payee(report), width=200) if report.totals else "None.\n")
    out.append("\nContingent (not receivable until earned)\n")
    out.append(table(_CONTINGENT_COLUMNS, _contingent_rows(report), width=400) if report.contingent else "None.\n")
    notes = _notes(report)
    if notes:
        out.append("\nNotes\n" + "".join(f"- {note}\n" for note in notes))
    return "".join(out)


def _markdown(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    def cell(value: Any) -> str:
        return _text(value).replace("|", "\\|")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def receivables_markdown(report: ReceivablesReport) -> str:
    totals_head = ("payee", report.group_by, "currency", "outstanding") + BUCKETS + ("contingent",)
    out = [f"# {_receivables_title(report)}\n\n"]
    out.append(_markdown(_RECEIVABLE_COLUMNS, _receivable_rows(report)) if report.receivables
               else "Nothing earned is outstanding.\n")
    out.append("\n## Totals\n\n")
    out.append(_markdown(totals_head, _totals_by_payee(report)))
    out.append("\n## Contingent (not receivable until earned)\n\n")
    out.append(_markdown(_CONTINGENT_COLUMNS, _contingent_rows(report)) if report.contingent else "None.\n")
    notes = _notes(report)
    if notes:
        out.append("\n## Notes\n\n" + "".join(f"- {note}\n" for note in notes))
    return "".join(out)


_RECEIVABLES_CSV = ("section", "line", "status", "counterparty", "payee", "compound", "territory", "agreement", "kind", "basis",
                    "trigger", "triggered_on", "expected_by", "published_on", "source_file", "source_event",
                    "condition_met_by", "currency", "amount", "paid", "outstanding", "due_on", "days_outstanding",
                    "days_past_due", "bucket", "payment_terms", "counterparty_inferred")


def receivables_csv(report: ReceivablesReport) -> str:
    """One header row, one row a line: plain numbers, ISO dates, no totals (a spreadsheet sums them)."""
    rows: list[tuple[Any, ...]] = [("receivable", r.line, r.status, r.counterparty, r.payee, r.compound, r.territory, r.agreement, r.kind, r.basis,
             r.trigger, _day(r.triggered_on), "", _day(r.published_on), r.source_file, r.source_event,
             r.condition_met_by, r.currency, _plain(r.amount), _plain(r.paid), _plain(r.outstanding), _day(r.due_on),
             _plain(r.days_outstanding), _plain(r.days_past_due), r.bucket, r.payment_terms,
             "yes" if r.counterparty_inferred else "")
            for r in report.receivables]
    rows += [("contingent", c.line, c.status, c.counterparty, c.payee, c.compound, c.territory, c.agreement, c.kind, c.basis,
              c.condition, "", _day(c.expected_by), _day(c.published_on), c.source_file, c.source_event,
              c.condition_met_by, c.currency, _plain(c.amount), "", "", "", "", "", "", "",
              "yes" if c.counterparty_inferred else "")
             for c in report.contingent]
    return csv_text(_RECEIVABLES_CSV, rows)


def receivables_json(report: ReceivablesReport) -> str:
    return report.model_dump_json(indent=2) + "\n"


# ---- reports and calendar ----------------------------------------------


def events_json(records: list[dict[str, Any]]) -> str:
    """The same records as `events_jsonl`, as one JSON array."""
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


_STATUS_CSV = ("compound", "as_of", "section", "item", "value", "detail", "date", "sources")


def _status_rows(status: CompoundStatus) -> Iterable[tuple]:
    """(section, item, value, detail, date, sources): one row a value of the status page."""
    yield "highest phase", "", status.highest_phase, "", "", ""
    for a in status.aliases:
        yield "alias", a.name, a.kind, "", a.reported_on, a.sources
    for p in status.partners:
        yield "partner", p.name, p.role, p.territory, p.reported_on, p.sources
    for phase in status.phases:
        yield "phase", phase.indication, phase.phase, "", phase.reported_on, phase.sources
    for r in status.regulatory:
        yield "regulatory", r.region, r.status, " ".join(x for x in (r.agency, r.opinion, r.approval_type, r.form) if x), \
            r.occurred_on, r.sources
    for t in status.trials:
        yield "trial", t.name, t.phase, t.indication, t.started, t.sources
        for readout in t.readouts:
            yield "readout", t.name, readout.outcome, readout.endpoint, readout.occurred_on, readout.sources
    for c in status.expected:
        yield "expected", c.kind, c.what, "overdue" if c.overdue else "", c.expected_by, c.sources


def status_csv(status: CompoundStatus) -> str:
    """A compound's status as rows a spreadsheet can filter, each with the events behind it."""
    rows = ((status.name, status.as_of, section, item, value, detail, when, " ".join(sources))
            for section, item, value, detail, when, sources in _status_rows(status))
    return csv_text(_STATUS_CSV, rows)


_CALENDAR_COLUMNS = ("expected by", "compound", "what", "window", "event")


def calendar_table(entries: list[CalendarEntry]) -> str:
    rows = [((_day(e.expected_by) or "no date given") + (" overdue" if e.overdue else ""), e.compound, e.what,
             window(e), e.event) for e in entries]
    return table(_CALENDAR_COLUMNS, rows)


_CALENDAR_CSV = ("expected_by", "overdue", "compound", "kind", "what", "announced_on", "event", "sources", "file", "line",
                 "quote")


def calendar_csv(entries: list[CalendarEntry]) -> str:
    rows = [(_day(e.expected_by), "yes" if e.overdue else "", e.compound, e.kind, e.what, _day(e.announced_on), e.event,
             " ".join(e.sources), e.file, e.line, e.quote) for e in entries]
    return csv_text(_CALENDAR_CSV, rows)


def calendar_json(entries: list[CalendarEntry]) -> str:
    return json.dumps([e.model_dump(mode="json") for e in entries], indent=2, ensure_ascii=False) + "\n"
