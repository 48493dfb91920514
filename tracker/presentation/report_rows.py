"""The report's long tables, written row by row in Python, byte for byte what the template's loops wrote.

At ten thousand releases the page holds ninety thousand event-log rows, tens of
thousands of timeline items and thousands of pipeline rows: in the template
each row costs a hundred calls (loops, macros, filters), here a few string
joins. Every value is escaped as the template's autoescape escapes it; the
template keeps the page's structure and its short tables.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from markupsafe import Markup

from projections.calendar import CalendarEntry, window
from projections.receivables import ReceivablesReport
from projections.report import PipelineRow, Report, Timeline, phase_reached
from tracker.presentation import charts
from tracker.presentation.render import summary


def escape(value: object) -> str:
    """`value` as the template's autoescape writes it (markupsafe's entities: `&#34;`, `&#39;`), without a `Markup`
    object a value: a page of ninety thousand rows escapes a million values, nearly all with nothing to escape."""
    text = str(value)
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace('"', "&#34;").replace("'", "&#39;"))
    return text


def cite(sources: Sequence[str]) -> str:
    """A numbered link to each source: "[1][2]" (the template's `cite` macro)."""
    return "".join(f'<a href="#{escape(charts.anchor(source))}" title="event {escape(source)}">[{n}]</a>'
                   for n, source in enumerate(sources, 1))


def linked(text: str, sources: Sequence[str]) -> str:
    """`text` linked to its first source, the others cited after it (the template's `linked` macro)."""
    if not sources:
        return escape(text)
    more = f"<sup>{cite(sources[1:])}</sup>" if len(sources) > 1 else ""
    return (f'<a href="#{escape(charts.anchor(sources[0]))}" title="event {escape(", ".join(sources))}">'
            f'{escape(text)}</a>{more}')


@cache
def _glyph(kind: str) -> str:
    return charts.glyph(kind)


def timeline_rows(timeline: Timeline) -> Markup:
    """The rows of a timeline's table of items, with their sources."""
    rows = []
    for item in timeline.items:
        classes = f' class="expected{" overdue" if item.overdue else ""}"' if item.expected else ""
        window = f" (window {item.start.isoformat()} to {item.end.isoformat()})" if item.expected else ""
        overdue = " <strong>overdue</strong>" if item.overdue else ""
        rows.append(
            f'        <tr{classes}><td data-label="Row">{escape(item.lane)}</td>\n'
            f'          <td data-label="What"><span class="glyph-cell">'
            f'{_glyph("expected" if item.expected else item.kind)}{escape(item.label)}</span></td>\n'
            f'          <td data-label="When">{escape(item.when)}{window}{overdue}</td>\n'
            f'          <td data-label="Source">{cite(item.sources)}</td></tr>\n')
    return Markup("".join(rows))


def pipeline_rows(rows: Sequence[PipelineRow], phases: Sequence[str]) -> Markup:
    """The phase-by-indication matrix's rows: a cell per phase, the current one linked to its sources."""
    out = []
    for row in rows:
        compound = escape(row.compound)
        if row.by_indication:
            indication = row.indication or "indication not stated"
        else:
            indication = "highest phase reported" if row.phase else "no phase reported"
        now = f"Phase: {linked(row.phase, row.sources)}" if row.phase else ""
        cells = []
        for phase in phases:
            if phase == row.phase:
                cells.append(f'        <td class="phase current" data-phase="{escape(phase)}">'
                             f'<span>{linked(phase, row.sources)}</span></td>\n')
            elif phase_reached(row, phase):
                cells.append('        <td class="phase reached"><span></span></td>\n')
            else:
                cells.append('        <td class="phase"><span></span></td>\n')
        out.append(f'      <tr data-compound="{compound}">\n'
                   f'        <td class="compound">{compound}</td>\n'
                   f'        <td class="indication">{escape(indication)}</td>\n'
                   f'        <td class="phase-now">{now}</td>\n'
                   f'{"".join(cells)}      </tr>\n')
    return Markup("".join(out))


def regulatory_rows(report: Report) -> Markup:
    """The regulatory matrix's rows: a compound with a regulatory step, a cell per region."""
    out = []
    for status in report.compounds:
        if not status.regulatory:
            continue
        by_region = report.regulatory(status)
        cells = []
        for region in report.regions:
            shown = escape(region)
            step = by_region.get(region)
            if step is None:
                cells.append(f'        <td data-region="{shown}"></td>\n')
                continue
            cells.append(f'        <td class="{escape(step.status)}" data-region="{shown}" data-label="{shown}">'
                         f'<span>{linked(step.state, step.sources)}<br>\n'
                         f'          <span class="note">{escape(step.agency or "agency not named")}, '
                         f'{escape(step.when)}</span></span></td>\n')
        name = escape(status.name)
        out.append(f'      <tr data-compound="{name}">\n'
                   f'        <td data-label="Compound">{name}</td>\n'
                   f'{"".join(cells)}      </tr>\n')
    return Markup("".join(out))


def catalyst_rows(calendar: Sequence[CalendarEntry]) -> Markup:
    """The catalysts ahead, each linked to the release announcing it."""
    rows = []
    for entry in calendar:
        expected_by = entry.expected_by.isoformat() if entry.expected_by else "no date given"
        overdue = " <strong>overdue</strong>" if entry.overdue else ""
        classes = ' class="overdue"' if entry.overdue else ""
        rows.append(
            f'      <tr{classes}><td data-label="Expected by">'
            f'{linked(expected_by, entry.sources)}{overdue}</td>\n'
            f'        <td data-label="Compound">{escape(entry.compound)}</td><td data-label="What">{escape(entry.what)}</td>'
            f'<td data-label="Window">{escape(window(entry))}</td>\n'
            f'        <td data-label="Source">{cite(entry.sources)}</td></tr>\n')
    return Markup("".join(rows))


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""


def receivable_rows(receivables: ReceivablesReport) -> Markup:
    """The lines owed, aged, each amount linked to the event behind it."""
    group_by = escape(receivables.group_by.capitalize())
    rows = []
    for row in receivables.receivables:
        days = "" if row.days_past_due is None else row.days_past_due
        rows.append(
            f'      <tr><td data-label="Line"><span class="id">{escape(row.line)}</span></td>'
            f'<td data-label="{group_by}">{escape(row.group)}</td><td data-label="Compound">{escape(row.compound or "")}</td>'
            f'<td data-label="Trigger">{escape(row.trigger or "")}</td>\n'
            f'        <td data-label="Triggered">{_day(row.triggered_on)}</td><td data-label="Due">{_day(row.due_on)}</td>\n'
            f'        <td class="num" data-label="Days past due">{days}</td><td data-label="Bucket">{escape(row.bucket)}</td>\n'
            f'        <td class="num" data-label="Outstanding">'
            f'{linked(f"{row.currency} {row.outstanding:,}", [row.source_event])}</td></tr>\n')
    return Markup("".join(rows))


def contingent_rows(receivables: ReceivablesReport) -> Markup:
    """The lines that may become owed, each amount linked to the event behind it."""
    group_by = escape(receivables.group_by.capitalize())
    rows = []
    for row in receivables.contingent:
        rows.append(
            f'      <tr><td data-label="Line"><span class="id">{escape(row.line)}</span></td>'
            f'<td data-label="{group_by}">{escape(row.group)}</td><td data-label="Compound">{escape(row.compound or "")}</td>'
            f'<td data-label="Condition">{escape(row.condition or "")}</td><td data-label="Status">{escape(row.status)}</td>\n'
            f'        <td data-label="Expected by">{_day(row.expected_by)}</td>\n'
            f'        <td class="num" data-label="Amount">{linked(f"{row.currency} {row.amount:,}", [row.source_event])}</td></tr>\n')
    return Markup("".join(rows))


def event_log_rows(events: list[dict[str, Any]]) -> Markup:
    """The event log's rows: every event in view with the sentence it was read from."""
    rows = []
    for event in events:
        source = event["source"]
        where: str
        if source["file"]:
            where = escape(source["file"]) + (f", line {escape(source['line'])}" if source["line"] else "")
        else:
            where = f"entered by {escape(source['entered_by'])}: {escape(source['reason'])}"
        rows.append(
            f'      <tr id="{escape(charts.anchor(event["id"]))}"><td data-label="Reported">{escape(event["reported_on"])}</td>'
            f'<td data-label="Occurred">{escape(event["occurred_on"] or "")}</td>\n'
            f'        <td data-label="Event"><span>{escape(event["type"])}<br><span class="id">{escape(event["id"])}</span></span></td>'
            f'<td data-label="Compound">{escape(event["compound"] or "(undisclosed)")}</td>\n'
            f'        <td data-label="Details">{escape(summary(event))}</td>\n'
            f'        <td class="quote" data-label="Source"><span><blockquote>{escape(source["quote"])}</blockquote>\n'
            f'          <span class="note">{where}</span></span></td></tr>\n')
    return Markup("".join(rows))
