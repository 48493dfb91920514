"""The report's charts, drawn by matplotlib as SVG to inline in the page.

Text stays text (`svg.fonttype = none`), so it is crisp at any zoom and can be
searched; every mark links to the event log entry of the event behind it
(matplotlib writes an artist's url as an SVG link). Figures are made with the
object API, not pyplot, so no global figure state is touched, and the SVG is
the same bytes for the same data (no date stamp, a fixed hash salt per chart).
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from itertools import count

import matplotlib
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from projections.receivables import BUCKETS, ReceivablesReport
from projections.report import Timeline, TimelineItem

#: Colour and marker of each kind of timeline item.
STYLE = {
    "started": ("#1f77b4", "o"),
    "presented": ("#17becf", "s"),
    "readout": ("#9467bd", "D"),
    "submission": ("#8c564b", "^"),
    "opinion": ("#ff7f0e", "P"),
    "approval": ("#2ca02c", "*"),
    "milestone": ("#d4a017", "$\\$$"),
    "expected": ("#7f7f7f", ">"),
}
_NAMES = {"started": "trial started", "presented": "data presented", "readout": "top-line result",
          "submission": "submission", "opinion": "opinion", "approval": "approval",
          "milestone": "milestone payment", "expected": "expected (window to expected by)"}
TODAY = "#c0392b"
#: The plot's width and a 7-point label's width per character, in points, to keep labels in a lane apart.
_PLOT_WIDTH_POINTS = 600
_LABEL_POINTS_PER_CHAR = 3.8


def anchor(event_id: str) -> str:
    """The id of an event's entry in the report's event log."""
    return f"ev-{event_id}"


@contextmanager
def _svg_style(salt: str) -> Iterator[None]:
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt, "font.size": 8,
                                "font.family": "sans-serif",
                                "font.sans-serif": ["DejaVu Sans", "Helvetica", "Arial", "sans-serif"],
                                "axes.spines.top": False, "axes.spines.right": False}):
        yield


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _link(artist, item: TimelineItem) -> None:
    artist.set_url(f"#{anchor(item.sources[0])}")


def _point(item: TimelineItem) -> float:
    """Where an item's mark goes: the end of an expected window, the middle of an imprecise one."""
    first, last = date2num(item.start), date2num(item.end + timedelta(days=1))
    return last if item.expected else (first + last) / 2


def _label(item: TimelineItem) -> str:
    return f"{item.label} ({item.when})"


def _label_levels(items: list[TimelineItem], days_per_point: float) -> list[int]:
    """For each item, the level of its label in its lane (0 above, 1 below, 2 higher, ...), so none overlap."""
    free_from: dict[tuple[str, int], float] = {}
    levels = []
    for item in items:
        point = _point(item)
        level = next(n for n in count() if free_from.get((item.lane, n), point) <= point)
        free_from[(item.lane, level)] = point + (6 + _LABEL_POINTS_PER_CHAR * len(_label(item))) * days_per_point
        levels.append(level)
    return levels


def timeline_svg(timeline: Timeline, today: date) -> str:
    """A compound's timeline: a lane per trial, region and milestones; "today" is the view's horizon."""
    items, lanes = timeline.items, timeline.lanes
    starts = [date2num(i.start) for i in items]
    ends = [date2num(i.end) for i in items] + [date2num(today)]
    pad = max(60.0, (max(ends) - min(starts)) * 0.06)
    left, right = min(starts) - pad, max(ends) + pad * 2.5
    levels = _label_levels(items, (right - left) / _PLOT_WIDTH_POINTS)
    extra = {lane: max((n // 2 for i, n in zip(items, levels) if i.lane == lane), default=0) for lane in lanes}
    heights = [1 + 0.4 * extra[lane] for lane in lanes]
    rows = {lane: sum(heights[:n]) + heights[n] / 2 for n, lane in enumerate(lanes)}
    with _svg_style(f"timeline {timeline.compound}"):
        figure = Figure(figsize=(10, 0.42 * sum(heights) + 1.5), layout="constrained")
        axes = figure.add_subplot()
        for item, level in zip(items, levels):
            row = rows[item.lane]
            colour, marker = STYLE[item.kind]
            first, last = date2num(item.start), date2num(item.end + timedelta(days=1))
            if item.expected or item.start != item.end:
                bar = axes.barh(row, last - first, left=first, height=0.38, color=colour,
                                alpha=0.25 if item.expected else 0.4, hatch="////" if item.expected else None,
                                edgecolor=colour, linewidth=0.8)
                _link(bar.patches[0], item)
            dot = axes.scatter([_point(item)], [row], marker=marker, s=70 if item.kind == "approval" else 36,
                               zorder=3, color="white" if item.expected else colour, edgecolors=colour, linewidths=1.2)
            dot.set_urls([f"#{anchor(item.sources[0])}"])
            rise = 7 + 10 * (level // 2) if level % 2 == 0 else -12 - 10 * (level // 2)
            label = axes.annotate(_label(item), (_point(item), row), xytext=(6, rise), textcoords="offset points",
                                  fontsize=7, color="#333333")
            _link(label, item)
        axes.axvline(date2num(today), color=TODAY, linestyle="--", linewidth=1)
        axes.annotate(f"today ({today.isoformat()})", (date2num(today), 1), xycoords=("data", "axes fraction"),
                      xytext=(3, 2), textcoords="offset points", color=TODAY, fontsize=7, va="bottom")
        axes.set_xlim(left, right)
        axes.set_ylim(sum(heights) + 0.1, -0.3)
        axes.set_yticks(list(rows.values()), lanes)
        locator = AutoDateLocator()
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        axes.grid(axis="x", color="#e5e5e5")
        axes.set_axisbelow(True)
        kinds = list(dict.fromkeys(i.kind for i in timeline.items))
        handles = [Line2D([], [], linestyle="", marker=STYLE[k][1], color=STYLE[k][0],
                          markerfacecolor="white" if k == "expected" else STYLE[k][0], label=_NAMES[k]) for k in kinds]
        handles.append(Line2D([], [], color=TODAY, linestyle="--", label="today (the view's horizon)"))
        figure.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 5), frameon=False)
        return _svg(figure)


def _millions(value: float, _position: int | None = None) -> str:
    return f"{value / 1e6:,.1f}M" if abs(value) >= 1e5 else f"{value:,.0f}"


def aging_svg(receivables: ReceivablesReport) -> str:
    """Outstanding receivables by aging bucket, a panel per currency; each bar segment is one ledger line."""
    currencies = sorted({r.currency for r in receivables.receivables}) or ["USD"]
    groups = sorted({r.group for r in receivables.receivables}, key=str.lower)
    palette = matplotlib.colormaps["tab10"]
    colours = {group: palette(i % 10) for i, group in enumerate(groups)}
    with _svg_style("aging"):
        figure = Figure(figsize=(4.2 * len(currencies) + 1.5, 3.0), layout="constrained")
        for panel, currency in enumerate(currencies):
            axes = figure.add_subplot(1, len(currencies), panel + 1)
            bottoms = {name: Decimal(0) for name in BUCKETS}
            for row in receivables.receivables:
                if row.currency != currency:
                    continue
                segment = axes.bar(BUCKETS.index(row.bucket), float(row.outstanding),
                                   bottom=float(bottoms[row.bucket]), color=colours[row.group], width=0.6,
                                   edgecolor="white", linewidth=0.8)
                segment.patches[0].set_url(f"#{anchor(row.source_event)}")
                bottoms[row.bucket] += row.outstanding
            for position, name in enumerate(BUCKETS):
                if bottoms[name]:
                    axes.annotate(_millions(float(bottoms[name])), (position, float(bottoms[name])),
                                  xytext=(0, 2), textcoords="offset points", ha="center", fontsize=7)
            axes.set_xticks(range(len(BUCKETS)), [f"{b} days" if b != "current" else b for b in BUCKETS])
            axes.tick_params(axis="x", labelsize=7)
            axes.yaxis.set_major_formatter(FuncFormatter(_millions))
            top = max((float(v) for v in bottoms.values()), default=0.0)
            axes.set_ylim(0, top * 1.18 if top else 1)
            axes.set_title(f"Outstanding {currency}, by days past due", fontsize=8, loc="left")
            if not top:
                axes.text(0.5, 0.5, "nothing outstanding", transform=axes.transAxes, ha="center", color="#777777")
            axes.grid(axis="y", color="#e5e5e5")
            axes.set_axisbelow(True)
        if groups:
            figure.legend(handles=[Patch(color=colours[g], label=g) for g in groups], loc="outside right upper",
                          frameon=False, title=receivables.group_by)
        return _svg(figure)
