"""The report as one self-contained HTML page: inline CSS and SVG, nothing fetched when it opens.

The page is a Jinja2 template (autoescaped: quotes from releases are text,
never markup); the charts come from `tracker.presentation.charts` and are the only
markup passed in as is. Every figure links to its events' entries in the
page's event log.
"""
from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from projections.calendar import window
from projections.receivables import BUCKETS
from projections.report import Report, phase_reached
from projections.status import PHASE_ORDER
from tracker.presentation import charts
from tracker.presentation.render import summary

_environment = Environment(loader=PackageLoader("tracker.presentation", "templates"), autoescape=True,
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
_environment.filters.update(anchor=charts.anchor, window=window,
                            glyph=lambda kind: Markup(charts.glyph(kind)))


def event_log_rows(events: list[dict[str, Any]]) -> Markup:
    """The event log's rows, escaped as the template would: written here, a row costs a few string joins where the
    template's loop costs a hundred calls (a report of ten thousand releases holds ninety thousand rows)."""
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


def render_html(report: Report) -> str:
    """The report page; the same report gives the same bytes."""
    kinds = {"expected" if item.expected else item.kind for t in report.timelines for item in t.items}
    return _environment.get_template("report.html.j2").render(
        report=report, phases=PHASE_ORDER, phase_reached=phase_reached, buckets=BUCKETS,
        chart_style=Markup(charts.CHART_STYLE), kinds=charts.KINDS, legend=[k for k in charts.KINDS if k in kinds],
        timelines=[(t, Markup(charts.timeline_svg(t, report.as_of, charts.WIDE)),
                    Markup(charts.timeline_svg(t, report.as_of, charts.NARROW))) for t in report.timelines],
        aging=[(currency, Markup(charts.aging_svg(report.receivables, currency)))
               for currency in charts.outstanding_currencies(report.receivables)],
        group_colours=charts.group_colours(report.receivables), event_log_rows=event_log_rows(report.events))
