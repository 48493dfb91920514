"""The report as one self-contained HTML page: inline CSS and SVG, nothing fetched when it opens.

The page is a Jinja2 template (autoescaped: quotes from releases are text,
never markup); the charts come from `tracker.presentation.charts` and are the only
markup passed in as is. Every figure links to its events' entries in the
page's event log. The page is written to its file piece by piece as it is made
(`write_html`): at ten thousand releases it is a hundred megabytes, and
neither it nor its timelines' drawings need to be held whole.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from projections.receivables import BUCKETS
from projections.report import Report, Timeline
from projections.status import PHASE_ORDER
from tracker.presentation import charts, report_rows

_environment = Environment(loader=PackageLoader("tracker.presentation", "templates"), autoescape=True,
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
_environment.filters.update(glyph=lambda kind: Markup(charts.glyph(kind)))


def render_html(report: Report) -> str:
    """The report page; the same report gives the same bytes."""
    return "".join(_pieces(report))


def write_html(report: Report, out: TextIO) -> None:
    """The report page written to `out` as it is made: the bytes of `render_html`, never held whole."""
    for piece in _pieces(report):
        out.write(piece)


def _pieces(report: Report) -> Iterator[str]:
    return _environment.get_template("report.html.j2").generate(_context(report))


def _timelines(report: Report) -> Iterator[tuple[Timeline, Markup, Markup, Markup]]:
    """Each timeline with its drawings (for a desk and for a phone) and its table, drawn as the page reaches it."""
    for t in report.timelines:
        yield (t, Markup(charts.timeline_svg(t, report.as_of, charts.WIDE)),
               Markup(charts.timeline_svg(t, report.as_of, charts.NARROW)), report_rows.timeline_rows(t))


def _context(report: Report) -> dict[str, Any]:
    kinds = {"expected" if item.expected else item.kind for t in report.timelines for item in t.items}
    return dict(
        report=report, phases=PHASE_ORDER, buckets=BUCKETS,
        chart_style=Markup(charts.CHART_STYLE), kinds=charts.KINDS, legend=[k for k in charts.KINDS if k in kinds],
        timelines=_timelines(report),
        pipeline_rows=report_rows.pipeline_rows(report.pipeline, PHASE_ORDER),
        regulatory_rows=report_rows.regulatory_rows(report),
        catalyst_rows=report_rows.catalyst_rows(report.calendar),
        receivable_rows=report_rows.receivable_rows(report.receivables),
        contingent_rows=report_rows.contingent_rows(report.receivables),
        aging=[(currency, Markup(charts.aging_svg(report.receivables, currency)))
               for currency in charts.outstanding_currencies(report.receivables)],
        group_colours=charts.group_colours(report.receivables), event_log_rows=report_rows.event_log_rows(report.events))
