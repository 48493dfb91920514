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
from projections.report import LOG_LIMIT, Report, Timeline, event_log
from projections.status import PHASE_ORDER
from tracker.presentation import charts, report_rows

_environment = Environment(loader=PackageLoader("tracker.presentation", "templates"), autoescape=True,
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
_environment.filters.update(glyph=lambda kind: Markup(charts.glyph(kind)))


def render_html(report: Report, log_limit: int | None = LOG_LIMIT) -> str:
    """The report page; the same report gives the same bytes. Its event log lists every event in view while there
    are at most `log_limit` (None: however many), else those its figures cite (`projections.report.event_log`)."""
    return "".join(_pieces(report, log_limit))


def write_html(report: Report, out: TextIO, log_limit: int | None = LOG_LIMIT) -> None:
    """The report page written to `out` as it is made: the bytes of `render_html`, never held whole."""
    for piece in _pieces(report, log_limit):
        out.write(piece)


def _pieces(report: Report, log_limit: int | None) -> Iterator[str]:
    return _environment.get_template("report.html.j2").generate(_context(report, log_limit))


_VIEW_OPTIONS = {"as_of": "--as-of", "occurred_by": "--occurred-by", "recorded_by": "--recorded-by"}


def _view_options(report: Report) -> list[str]:
    return [f"{_VIEW_OPTIONS[axis]} {value}" for axis, value in report.view.items()]


def export_command(report: Report) -> str:
    """The command exporting every event of the report's view, for a page that leaves some out."""
    return " ".join(["tracker events", *_view_options(report), "--format csv > events.csv"])


def whole_log_command(report: Report) -> str:
    """The command writing this page with every event of its view in the event log."""
    return " ".join(["tracker report", *_view_options(report), "--whole-log -o report.html"])


def _timelines(report: Report) -> Iterator[tuple[Timeline, Markup, Markup, Markup]]:
    """Each timeline with its drawings (for a desk and for a phone) and its table, drawn as the page reaches it."""
    for t in report.timelines:
        yield (t, Markup(charts.timeline_svg(t, report.as_of, charts.WIDE)),
               Markup(charts.timeline_svg(t, report.as_of, charts.NARROW)), report_rows.timeline_rows(t))


def _context(report: Report, log_limit: int | None) -> dict[str, Any]:
    log = event_log(report, log_limit)
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
        group_colours=charts.group_colours(report.receivables), log=log, log_limit=log_limit, export_command=export_command(report),
        whole_log_command=whole_log_command(report),
        left_out=", ".join(f"{count:,} {kind}" for kind, count in log.left_out.items()),
        event_log_rows=report_rows.event_log_rows(log.records))
