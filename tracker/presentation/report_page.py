"""The report as one self-contained HTML page: inline CSS and SVG, nothing fetched when it opens.

The page is a Jinja2 template (autoescaped: quotes from releases are text,
never markup); the charts come from `tracker.presentation.charts` and are the only
markup passed in as is. Every figure links to its events' entries in the
page's event log.
"""
from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from projections.receivables import BUCKETS
from projections.report import Report
from projections.status import PHASE_ORDER
from tracker.presentation import charts, report_rows

_environment = Environment(loader=PackageLoader("tracker.presentation", "templates"), autoescape=True,
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
_environment.filters.update(glyph=lambda kind: Markup(charts.glyph(kind)))


def render_html(report: Report) -> str:
    """The report page; the same report gives the same bytes."""
    kinds = {"expected" if item.expected else item.kind for t in report.timelines for item in t.items}
    return _environment.get_template("report.html.j2").render(
        report=report, phases=PHASE_ORDER, buckets=BUCKETS,
        chart_style=Markup(charts.CHART_STYLE), kinds=charts.KINDS, legend=[k for k in charts.KINDS if k in kinds],
        timelines=[(t, Markup(charts.timeline_svg(t, report.as_of, charts.WIDE)),
                    Markup(charts.timeline_svg(t, report.as_of, charts.NARROW)), report_rows.timeline_rows(t))
                   for t in report.timelines],
        pipeline_rows=report_rows.pipeline_rows(report.pipeline, PHASE_ORDER),
        regulatory_rows=report_rows.regulatory_rows(report),
        catalyst_rows=report_rows.catalyst_rows(report.calendar),
        receivable_rows=report_rows.receivable_rows(report.receivables),
        contingent_rows=report_rows.contingent_rows(report.receivables),
        aging=[(currency, Markup(charts.aging_svg(report.receivables, currency)))
               for currency in charts.outstanding_currencies(report.receivables)],
        group_colours=charts.group_colours(report.receivables), event_log_rows=report_rows.event_log_rows(report.events))
