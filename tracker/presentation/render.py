"""The answers of the queries as rows and pages: events, compounds, status, ledger, receivables, calendar, review.

Each answer is built once as `Rows` of typed cells (amounts as `Decimal`, days
as `date`), with the columns a table shows by default and those a CSV writes
(every field on its own); `tracker.presentation.output` writes them in the
format asked. Pages (the status, the ledger with its history, the receivables
with their totals) hold what a table-format answer shows besides.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from projections.royalties import money
from tracker.domain.facts import FACT_CLASSES, FACT_TYPES, Fact
from tracker.presentation.rows import Column, Heading, Page, Rows

if TYPE_CHECKING:  # each command loads the projections of its own answer, not every one's
    from projections.calendar import CalendarEntry
    from projections.ledger import Ledger, LedgerLine
    from projections.receivables import ReceivablesReport, Total
    from projections.review import Pending
    from projections.status import CompoundStatus


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    return str(value)


def summary(record: dict[str, Any]) -> str:
    """The fields that say what an event is about, as `name=value` words (its type's `summary_fields`)."""
    kind = FACT_TYPES.get(record["type"])
    fields = kind.summary_fields if kind else ()
    return " ".join(f"{name}={_text(record.get(name))}" for name in fields if record.get(name) not in (None, "", []))


def fact_summary(fact: Fact) -> str:
    """The summary of a fact as stored (its compound as written)."""
    return summary(fact.model_dump(mode="json"))


# ---- events -------------------------------------------------------------

#: The fields every fact has, and those EVENTS.md moves into `source`: not repeated among a type's own.
_COMMON_FIELDS = {"type", "compound", "occurred_on", "quote", "line", "offset", "confidence"}
_SOURCE_FIELDS = ("release", "file", "line", "quote", "compound_as_written", "entered_by", "reason")


def event_fields(types: Iterable[str] = ()) -> list[str]:
    """The fields of the event `types` (every type when none), each once, in the vocabulary's order; a type's
    extension printed only when set (`Fact.exported_when_set`) takes the column of the types it belongs to, else
    comes last."""
    classes = [cls for cls in FACT_CLASSES if not types or cls.__name__ in set(types)]
    fields: dict[str, None] = {}
    for cls in classes:
        fields.update(dict.fromkeys(name for name in cls.model_fields
                                    if name not in _COMMON_FIELDS and name not in cls.exported_when_set))
    for cls in classes:
        fields.update(dict.fromkeys(cls.exported_when_set))
    return list(fields)


def _event_columns(fields: Sequence[str]) -> list[Column]:
    return [Column("reported_on", "reported"), Column("id", wrap=False), Column("type"),
            Column("compound", missing="(undisclosed)"), Column("occurred_on", table=False),
            Column("details", csv=False), *(Column(name, table=False) for name in fields),
            *(Column(f"source_{name}", table=False) for name in _SOURCE_FIELDS),
            Column("confidence", table=False), Column("recorded_at", table=False)]


def _event_values(record: dict[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    """The record's cells by column name."""
    return {**{name: record.get(name) for name in ("reported_on", "id", "type", "compound", "occurred_on",
                                                    "confidence", "recorded_at", *fields)},
            "details": summary(record), **{f"source_{name}": record["source"].get(name) for name in _SOURCE_FIELDS}}


def events_rows(records: Sequence[dict[str, Any]], types: Iterable[str] = (),
                empty: str = "No events in view.") -> Rows:
    """EVENTS.md records as rows: a table of what each is about; in a CSV, one column per field of the
    types asked (every type when none), then where each was read."""
    fields = event_fields(types)
    columns = _event_columns(fields)
    return Rows(columns, ([values[c.name] for c in columns] for values in (_event_values(r, fields) for r in records)),
                empty)


# ---- compounds and status -----------------------------------------------


def _regions(status: CompoundStatus, wanted: str) -> list[str]:
    return [r.region for r in status.regulatory if r.status == wanted]


_COMPOUND_COLUMNS = (Column("compound"), Column("highest_phase"), Column("approved_in"), Column("partners", spare=1),
                     Column("aliases", spare=2), Column("events"), Column("as_of", table=False))


def compounds_rows(statuses: Sequence[CompoundStatus], empty: str = "No compounds in view.") -> Rows:
    return Rows(_COMPOUND_COLUMNS, ((s.name, s.highest_phase, _regions(s, "approved"), [p.name for p in s.partners],
                                     [a.name for a in s.aliases], s.events, s.as_of) for s in statuses), empty)


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


_STATUS_COLUMNS = tuple(Column(name) for name in ("compound", "as_of", "section", "item", "value", "detail", "date",
                                                    "sources"))


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


def status_rows(status: CompoundStatus) -> Rows:
    """A compound's status as rows a spreadsheet can filter, a row a value, each with the events behind it."""
    return Rows(_STATUS_COLUMNS, ((status.name, status.as_of, *row) for row in _status_rows(status)))


# ---- ledger and receivables -------------------------------------------

_NO_PAYER = "(payer not stated)"


def _payer(name: str | None, inferred: bool) -> str | None:
    """The payer as the ledger knows it: named by a sentence or terms, or inferred (and said so)."""
    return f"{name} (inferred)" if name and inferred else name

_LEDGER_COLUMNS = (
    Column("line", wrap=False), Column("status"), Column("basis", table=False), Column("kind", table=False),
    Column("payer", "counterparty", csv=False, missing=_NO_PAYER, spare=2), Column("counterparty", table=False),
    Column("payee", spare=5), Column("compound", spare=1),
    Column("agreement", table=False), Column("territory", spare=4), Column("trigger", spare=3), Column("currency"),
    Column("amount"), Column("paid", spare=4), Column("written_off", table=False), Column("outstanding"),
    Column("due_on", "due"),
    Column("expected_by", table=False), Column("condition_met_by", table=False), Column("triggered_on", table=False),
    Column("invoiced_on", table=False), Column("published_on", table=False), Column("source_file", table=False),
    Column("source_event", table=False), Column("payment_terms", table=False), Column("terms_assumed", table=False),
    Column("period", table=False), Column("computed_amount", table=False), Column("sources", table=False),
    Column("counterparty_inferred", table=False), Column("reported_amount", table=False))


def _ledger_cells(line: LedgerLine) -> tuple:
    return (line.id, line.status, line.basis, line.kind, _payer(line.counterparty, line.counterparty_inferred),
            line.counterparty, line.payee, line.compound, line.agreement,
            line.territory, line.trigger, line.currency, line.amount, line.paid, line.written_off, line.outstanding,
            line.due_on, line.expected_by, line.condition_met_by, line.triggered_on, line.invoiced_on,
            line.published_on, line.source_file, line.source_event, line.payment_terms, line.terms_assumed,
            line.period, line.computed_amount, line.sources, line.counterparty_inferred, line.reported_amount)


def ledger_rows(book: Ledger) -> Rows:
    """A row a line: its state and amounts; in a CSV every field of the line."""
    return Rows(_LEDGER_COLUMNS, (_ledger_cells(line) for line in book.lines),
                f"No milestone or royalty lines as of {book.as_of.isoformat()}.")


def _history(book: Ledger) -> str:
    out = []
    for line in book.lines:
        out.append(f"{line.id}  {line.compound or '(compound not stated)'}  {line.trigger or ''}  "
                   f"{line.currency} {money(line.amount)}  {line.status}\n")
        for step in line.history:
            amount = f" {line.currency} {money(step.amount)}" if step.amount is not None else ""
            words = f'  "{step.quote}"' if step.quote else ""
            out.append(f"  {step.on.isoformat()}  {step.what}{amount}  [{step.event}, {step.source}]{words}\n")
    return "".join(out)


def ledger_table(book: Ledger) -> Page:
    """The lines, then each line's history with the event and words behind every step."""
    if not book.lines:
        return [Heading(f"Ledger as of {book.as_of.isoformat()}: no milestone or royalty lines")]
    return [Heading(f"Ledger as of {book.as_of.isoformat()}: {len(book.lines)} lines"), ledger_rows(book),
            Heading("History", 2), _history(book)]


def _buckets() -> tuple[str, ...]:
    from projections.receivables import BUCKETS

    return BUCKETS


_RECEIVABLE_COLUMNS = (
    Column("line", wrap=False), Column("counterparty", missing=_NO_PAYER, spare=3), Column("compound", spare=2),
    Column("territory", spare=4), Column("status", spare=1), Column("source_file", "source", missing="entered", spare=6),
    Column("source_event", "event", wrap=False, spare=5), Column("due_on", "due", spare=1),
    Column("days_outstanding", "days", spare=5), Column("currency"), Column("outstanding"), Column("bucket"))
_CONTINGENT_COLUMNS = (
    Column("line", wrap=False), Column("counterparty", missing=_NO_PAYER, spare=3), Column("compound", spare=2),
    Column("territory", spare=4), Column("status"), Column("condition", spare=1),
    Column("expected_by", "expected by"), Column("source_file", "source", missing="entered", spare=6),
    Column("source_event", "event", wrap=False, spare=5), Column("condition_met_by", "met by", wrap=False, spare=5),
    Column("currency"), Column("amount"))


def _receivable_rows(report: ReceivablesReport) -> Iterable[tuple]:
    for r in report.receivables:
        yield (r.line, _payer(r.counterparty, r.counterparty_inferred), r.compound, r.territory, r.status, r.source_file, r.source_event, r.due_on,
               r.days_outstanding, r.currency, r.outstanding, r.bucket)


def _contingent_rows(report: ReceivablesReport) -> Iterable[tuple]:
    for c in report.contingent:
        yield (c.line, _payer(c.counterparty, c.counterparty_inferred), c.compound, c.territory, c.status, c.condition, c.expected_by, c.source_file,
               c.source_event, c.condition_met_by, c.currency, c.amount)


def _total_rows(totals: list[Total]) -> list[tuple]:
    return [(t.payee, t.group, t.currency, t.outstanding, *(t.buckets[name] for name in _buckets()), t.contingent)
            for t in totals]


def _converted_rows(report: ReceivablesReport) -> list[tuple]:
    return [(c.payee, f"all, in {c.currency}", c.currency, c.outstanding, *(c.buckets[name] for name in _buckets()),
             c.contingent) for c in report.converted]


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


def receivables_table(report: ReceivablesReport) -> Page:
    """What is owed, aged, with the event behind each line; the totals by group and currency; what may be owed."""
    totals_columns = (Column("payee"), Column("group", report.group_by), Column("currency"), Column("outstanding"),
                      *(Column(name) for name in _buckets()), Column("contingent"))
    page: list[Heading | str | Rows] = [
        Heading(f"Receivables as of {report.as_of.isoformat()}"
                + (f", owed to {report.payee}" if report.payee else "") + f", by {report.group_by}"),
        Rows(_RECEIVABLE_COLUMNS, _receivable_rows(report), "Nothing earned is outstanding."),
        Heading("Totals", 2),
        Rows(totals_columns, _totals_by_payee(report), "None."),
        Heading("Contingent (not receivable until earned)", 2),
        Rows(_CONTINGENT_COLUMNS, _contingent_rows(report), "None.")]
    notes = _notes(report)
    if notes:
        page += [Heading("Notes", 2), "".join(f"- {note}\n" for note in notes)]
    return page


_RECEIVABLES_CSV = tuple(Column(name) for name in (
    "section", "group", "line", "status", "counterparty", "payee", "compound", "territory", "agreement", "kind", "basis",
    "trigger", "triggered_on", "expected_by", "published_on", "source_file", "source_event", "condition_met_by",
    "currency", "amount", "paid", "outstanding", "due_on", "days_outstanding", "days_past_due", "bucket",
    "payment_terms", "counterparty_inferred"))


def receivables_rows(report: ReceivablesReport) -> Rows:
    """A row a line, receivable or contingent, in `group` (the `--by` of the report) order: plain numbers, ISO
    days, no totals (a spreadsheet sums them, by group or otherwise)."""
    def rows() -> Iterable[tuple]:
        for r in report.receivables:
            yield ("receivable", r.group, r.line, r.status, r.counterparty, r.payee, r.compound, r.territory,
                   r.agreement, r.kind, r.basis, r.trigger, r.triggered_on, None, r.published_on, r.source_file,
                   r.source_event, r.condition_met_by, r.currency, r.amount, r.paid, r.outstanding, r.due_on, r.days_outstanding,
                   r.days_past_due, r.bucket, r.payment_terms, r.counterparty_inferred)
        for c in report.contingent:
            yield ("contingent", c.group, c.line, c.status, c.counterparty, c.payee, c.compound, c.territory,
                   c.agreement, c.kind, c.basis, c.condition, None, c.expected_by, c.published_on, c.source_file,
                   c.source_event, c.condition_met_by, c.currency, c.amount, None, None, None, None, None, None, None,
                   c.counterparty_inferred)

    return Rows(_RECEIVABLES_CSV, rows(), f"Nothing owed or contingent as of {report.as_of.isoformat()}.")


# ---- calendar and review -------------------------------------------------

_CALENDAR_COLUMNS = (
    Column("expected", "expected by", csv=False), Column("expected_by", table=False), Column("compound"), Column("kind", table=False),
    Column("what"), Column("window", csv=False, spare=1), Column("announced_on", table=False),
    Column("event", wrap=False),
    Column("sources", table=False), Column("file", table=False), Column("line", table=False),
    Column("quote", table=False), Column("overdue", table=False))


def _expected(entry: CalendarEntry) -> str:
    """The expected-by day as a table shows it: "2013-12-31 overdue" once its window closed unanswered."""
    day = entry.expected_by.isoformat() if entry.expected_by else "no date given"
    return f"{day} overdue" if entry.overdue else day


def calendar_table(entries: Sequence[CalendarEntry], empty: str = "Nothing expected.") -> Rows:
    """The catalysts expected, each in its window; in a CSV with the sentence that announced it."""
    from projections.calendar import window

    rows = ((_expected(e), e.expected_by, e.compound, e.kind, e.what, window(e), e.announced_on, e.event, e.sources,
             e.file, e.line, e.quote, e.overdue) for e in entries)
    return Rows(_CALENDAR_COLUMNS, rows, empty)


def pending_records(queue: Sequence[Pending]) -> list[dict[str, Any]]:
    """The events waiting for review, least confident first, as EVENTS.md records (compounds as written)."""
    from projections.names import NameBook
    from projections.records import event_record

    ordered = sorted(queue, key=lambda p: (p.recorded.fact.confidence, p.recorded.sort_key))
    return [event_record(p.recorded, NameBook()) for p in ordered]


_REVIEW_SHOWN = ("id", "confidence", "type", "compound", "details", "excerpt")


def review_table(queue: Sequence[Pending], empty: str = "Nothing waits for review.") -> Rows:
    """The events waiting for review, least confident first, with (the start of) the sentence each was read from;
    in a CSV every field, as `events` writes them."""
    fields = event_fields()
    columns = {c.name: c for c in _event_columns(fields)} | {"excerpt": Column("excerpt", "quote", csv=False, spare=1)}
    ordered = [replace(columns[name], table=name in _REVIEW_SHOWN)
               for name in (*_REVIEW_SHOWN, *(name for name in columns if name not in _REVIEW_SHOWN))]
    rows = ([{**_event_values(r, fields), "excerpt": _excerpt(r["source"]["quote"])}[c.name] for c in ordered]
            for r in pending_records(queue))
    return Rows(ordered, rows, empty)


def _excerpt(quote: str, length: int = 80) -> str:
    folded = " ".join(quote.split())
    return folded if len(folded) <= length else folded[:length - 1] + "…"


# ---- evaluation ------------------------------------------------------------

_EVALUATION_COLUMNS = (Column("type"), Column("tp"), Column("fp"), Column("fn"), Column("precision", "P"),
                       Column("recall", "R"), Column("f1", "F1"))


def evaluation_rows(result: Any) -> Rows:
    """Precision, recall and F1 by event type, then over every type ("micro"), of a `tracker.evaluation.Evaluation`
    (which presentation does not import: it reaches the reading of releases)."""
    tallies = [*sorted(result.per_type.items()), ("micro", result.total)]
    return Rows(_EVALUATION_COLUMNS, ((kind, t.tp, t.fp, t.fn, t.precision, t.recall, t.f1) for kind, t in tallies),
                "No labelled events to measure against.")


_BAND_COLUMNS = (Column("confidence"), Column("events"), Column("right"), Column("wrong"), Column("precision", "P"))


def confidence_band_rows(result: Any) -> Rows:
    """Precision by confidence band over every event read, those waiting in review too: the evidence a review
    threshold is set from."""
    return Rows(_BAND_COLUMNS, ((b.label, b.events, b.right, b.wrong, b.precision) for b in result.bands),
                "No events read.")


def evaluation_table(result: Any, verbose: bool = False) -> Page:
    """The scores by type (events at or above the review threshold), how many quotes were verbatim, precision by
    confidence band and, `verbose`, every miss and every extra."""
    quotes = "n/a" if result.quotes_verbatim is None else f"{result.quotes_verbatim:.2f}"
    page: list[Heading | str | Rows] = [
        evaluation_rows(result),
        f"quotes verbatim: {quotes} (the table counts events read with confidence {result.threshold:.2f} or more)\n",
        Heading("precision by confidence band (every event read, those waiting in review too)", 2),
        confidence_band_rows(result)]
    if verbose:
        page += [Heading("missed", 2), "".join(f"  {m}\n" for m in result.misses),
                 Heading("extra", 2), "".join(f"  {e}\n" for e in result.extras)]
    return page


def evaluation_document(result: Any) -> dict[str, Any]:
    total = result.total
    return {"per_type": {kind: {"tp": t.tp, "fp": t.fp, "fn": t.fn, "precision": t.precision, "recall": t.recall,
                                "f1": t.f1} for kind, t in sorted(result.per_type.items())},
            "precision": total.precision, "recall": total.recall, "f1": total.f1,
            "quotes_verbatim": result.quotes_verbatim, "misses": result.misses, "extras": result.extras,
            "threshold": result.threshold,
            "bands": [{"confidence": b.label, "events": b.events, "right": b.right, "wrong": b.wrong,
                       "precision": b.precision} for b in result.bands]}
