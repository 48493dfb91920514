"""The report's charts as inline SVG: a timeline per compound and the receivables' aging.

Written directly (see `tracker.presentation.svg`): text stays text, crisp at
any zoom and found by the browser's search; every mark is a link to the
event log entry of the event behind it, its title saying what it is. A
timeline is drawn at a width: the page carries one drawing for a desk and one
for a phone, and shows the one that fits, so labels stay readable on both.
Colours come from the page's style sheet (`CHART_STYLE`), and no mark is told
apart by colour alone: each kind has its own shape, and each label its words.
"""
from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal
from functools import cache

from projections.receivables import BUCKETS, ReceivablesReport
from projections.report import Timeline, TimelineItem
from tracker.presentation.svg import element, escaped, link, number, text, text_width, wrap

#: What each kind of mark means, in the legend's words.
KINDS = {"started": "trial started", "presented": "data presented", "readout": "top-line result",
         "submission": "submission", "opinion": "opinion", "approval": "approval", "declined": "refused or CRL",
         "milestone": "milestone payment", "expected": "expected, by the end of its window"}

#: Each kind's shape, centred on the origin, about 14 units across.
_GLYPHS = {
    "started": '<circle r="5.5"/>',
    "presented": '<rect x="-5" y="-5" width="10" height="10"/>',
    "readout": '<path d="M0-7L7 0 0 7-7 0Z"/>',
    "submission": '<path d="M0-6.5L6.5 5H-6.5Z"/>',
    "opinion": '<path d="M-2.2-6.5h4.4v4.3h4.3v4.4h-4.3v4.3h-4.4v-4.3h-4.3v-4.4h4.3Z"/>',
    "approval": '<path d="M0-7.5L1.9-2.6 7.1-2.3 3 1 4.4 6.1 0 3.2-4.4 6.1-3 1-7.1-2.3-1.9-2.6Z"/>',
    "declined": '<path d="M-6-4L-4-6 0-2 4-6 6-4 2 0 6 4 4 6 0 2-4 6-6 4-2 0Z"/>',
    "milestone": '<circle r="6.5"/><path class="inner" d="M2.6-3.2C1.8-4.1-2.8-4.3-2.8-1.9S2.8-.6 2.8 1.9-1.9 4.3-2.9 3.1M0-5.6V5.6"/>',
    "expected": '<path d="M-5-6L6 0-5 6Z"/>',
}

_COLOURS = {"started": "#1f6fb4", "presented": "#0f8b99", "readout": "#8a55b8", "submission": "#8c564b",
            "opinion": "#d9740b", "approval": "#2a8f2a", "declined": "#b3261e", "milestone": "#c99400",
            "expected": "#5f6b76"}
TODAY_COLOUR = "#b3261e"
#: Colours of the aging chart's groups (counterparties, compounds, agreements), in turn.
GROUP_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8a7a00", "#5d6670",
                 "#882255", "#117733")

#: The charts' part of the page's style sheet.
CHART_STYLE = "\n".join([
    ".chart svg text { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; fill: #2b3137; }",
    ".chart svg .grid { stroke: #e3e7eb; }",
    ".chart svg .axis { stroke: #8a949e; }",
    ".chart svg .lane-rule { stroke: #dde2e7; }",
    ".chart svg .today { stroke: " + TODAY_COLOUR + "; stroke-dasharray: 4 3; }",
    ".chart svg text.today { fill: " + TODAY_COLOUR + "; stroke: none; }",
    ".chart svg a { text-decoration: none; }",
    ".chart svg a:hover text, .chart svg a:focus text { text-decoration: underline; }",
    ".chart svg a:focus { outline: 2px solid #1a5fb4; }",
    ".glyph .inner { fill: none; stroke: #fff; stroke-width: 1.3; }",
    ".glyph.expected { fill: #fff; stroke-width: 1.4; }",
    ".window { fill-opacity: 0.3; stroke-width: 0.8; }",
    ".window.expected { fill-opacity: 0.12; stroke-dasharray: 3 2; }",
    ".window.overdue { stroke: " + TODAY_COLOUR + "; }",
    *(f".k-{kind} {{ fill: {colour}; stroke: {colour}; }}" for kind, colour in _COLOURS.items()),
])


def anchor(event_id: str) -> str:
    """The id of an event's entry in the report's event log."""
    return f"ev-{event_id}"


def glyph(kind: str) -> str:
    """A kind's mark on its own, for a legend or a table beside the chart; decorative (the words say it)."""
    return element("svg", element("g", _GLYPHS[kind], class_=f"glyph k-{kind}", transform="translate(8 8)"),
                   width="16", height="16", viewBox="0 0 16 16", aria_hidden="true", focusable="false")


# ---- the timeline ---------------------------------------------------------------------------------

WIDE, NARROW = 880, 360
"""The widths a timeline is drawn at: for a desk, and for a phone held upright."""
_MARGIN = 10
_TICKS_HEIGHT = 22
_LANE_TITLE = 19
_LANE_TITLE_SIZE = 12
_LANE_TITLE_LINE = 15
_LEVEL = 21
_LANE_GAP = 7
_FOOT = 22
_LABEL_SIZE = 11
_LABEL_GAP = 9
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Tick steps in months, the finest first; a timeline takes the finest whose labels do not crowd.
_TICK_STEPS = (1, 3, 6, 12, 24, 60, 120, 240)


def _caption(item: TimelineItem) -> str:
    return f"{item.label} ({item.when}, overdue)" if item.overdue else f"{item.label} ({item.when})"


@cache
def _label_width(caption: str) -> float:
    """A label's width: the same at either drawing width, so measured once for both (and for the captions many
    items share: "started (2014)")."""
    return text_width(caption, _LABEL_SIZE)


def _title(item: TimelineItem, lane: str) -> str:
    return f"{lane}: {_caption(item)}. Event {', '.join(item.sources)}"


class _Scale:
    """Days to x, from the axis's first day at the left margin to its end at the right."""

    def __init__(self, start: date, end: date, width: int):
        self.start, self.days, self.width = start, (end - start).days, width

    def x(self, day: date) -> float:
        return _MARGIN + (day - self.start).days / self.days * (self.width - 2 * _MARGIN)


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _ticks(start: date, end: date, width: int) -> list[tuple[date, str]]:
    """The days the axis marks, with their labels ("2013", or "Apr" within a year)."""
    room = width - 2 * _MARGIN
    months = (end.year - start.year) * 12 + end.month - start.month
    step = next((s for s in _TICK_STEPS if months / s * (text_width("2013", _LABEL_SIZE) + 12) <= room),
                _TICK_STEPS[-1])
    ticks, day = [], start
    while day <= end:
        aligned = (day.month - 1) % step == 0 if step < 12 else day.month == 1 and day.year % (step // 12) == 0
        if aligned:
            ticks.append((day, str(day.year) if day.month == 1 else _MONTHS[day.month - 1]))
        day = _add_months(day, 1)
    return ticks


class _Placed:
    """An item's marks at its level in the lane: the window bar, the mark, and its label.

    The label goes right of the marks, else left of them, else on lines of its own below them,
    wrapped to the drawing's width. `rows` are the spans it takes on each level from its own down.
    """

    def __init__(self, item: TimelineItem, scale: _Scale):
        self.item = item
        first, last = scale.x(item.start), scale.x(item.end + timedelta(days=1))
        self.window = (first, max(last, first + 2)) if item.expected or item.start != item.end else None
        self.mark = last if item.expected else (first + last) / 2 if self.window else first
        caption = _caption(item)
        width = _label_width(caption)
        left, right = min(first, self.mark - 7), max(last if self.window else self.mark, self.mark + 7)
        self.anchor, self.lines, self.below = "start", [caption], False
        if right + _LABEL_GAP + width <= scale.width - 2:
            self.label_x = right + _LABEL_GAP
            self.rows = [(left, right + _LABEL_GAP + width)]
        elif left - _LABEL_GAP - width >= 2:
            self.label_x, self.anchor = left - _LABEL_GAP, "end"
            self.rows = [(left - _LABEL_GAP - width, right)]
        else:
            self.below, self.lines = True, wrap(caption, scale.width - 4, _LABEL_SIZE)
            width = max(text_width(line, _LABEL_SIZE) for line in self.lines)
            self.label_x = min(max(self.mark - width / 2, 2.0), scale.width - 2 - width)
            self.rows = [(left, right)] + [(self.label_x, self.label_x + width)] * len(self.lines)
        self.level = 0

    def draw(self, y: float, lane: str) -> str:
        """The item's marks as a link to its event. Written as text rather than by `element`: a report of ten
        thousand releases draws a hundred thousand marks, and none of these attributes needs escaping (kinds
        and classes are the page's own words, coordinates numbers)."""
        kind = "expected" if self.item.expected else self.item.kind
        parts = []
        if self.window:
            classes = " ".join(c for c in ("window", f"k-{kind}", "expected" if self.item.expected else "",
                                           "overdue" if self.item.overdue else "") if c)
            parts.append(f'<rect class="{classes}" x="{number(self.window[0])}" y="{number(y - 5.0)}" '
                         f'width="{number(self.window[1] - self.window[0])}" height="10"/>')
        expected = " expected" if kind == "expected" else ""
        parts.append(f'<g class="glyph k-{kind}{expected}" transform="translate({number(self.mark)} {number(y)})">'
                     f'{_GLYPHS[kind]}</g>')
        style = _LABEL_STYLE if self.anchor == "start" else _LABEL_END_STYLE
        parts.append(_lines(self.lines, self.label_x, (y + _LEVEL if self.below else y) + 4.0, _LEVEL, style))
        return (f'<a href="#{escaped(anchor(self.item.sources[0]))}"><title>{text(_title(self.item, lane))}</title>'
                f'{"".join(parts)}</a>')


#: The attributes after x and y of a label, and of a lane's title, as `element` would write them.
_LABEL_STYLE = f' font-size="{_LABEL_SIZE}"'
_LABEL_END_STYLE = f' font-size="{_LABEL_SIZE}" text-anchor="end"'
_LANE_TITLE_STYLE = f' font-size="{_LANE_TITLE_SIZE}" font-weight="600"'


def _lines(lines: list[str], x: float, y: float, spacing: int, style: str) -> str:
    """One text element at (x, y), `style` its other attributes; its lines after the first as tspans, `spacing`
    apart. Written as `element` writes it, without its work per attribute: a report of ten thousand releases
    writes a hundred thousand labels."""
    shown_x = number(x)
    content = text(lines[0]) + "".join(f'<tspan x="{shown_x}" dy="{spacing}">{text(line)}</tspan>' if line else
                                       f'<tspan x="{shown_x}" dy="{spacing}"/>' for line in lines[1:])
    opening = f'<text x="{shown_x}" y="{number(y)}"{style}'
    return f"{opening}>{content}</text>" if content else f"{opening}/>"


def _pack(placed: list[_Placed]) -> int:
    """Gives each item the lowest level where its rows overlap nothing; returns the levels used."""
    taken: list[list[tuple[float, float]]] = []
    for item in placed:
        level = 0
        while not all(_free(taken, level + n, row) for n, row in enumerate(item.rows)):
            level += 1
        for n, row in enumerate(item.rows):
            while len(taken) <= level + n:
                taken.append([])
            taken[level + n].append(row)
        item.level = level
    return len(taken)


def _free(taken: list[list[tuple[float, float]]], level: int, row: tuple[float, float]) -> bool:
    gap = 6
    return level >= len(taken) or all(row[1] + gap <= left or right + gap <= row[0] for left, right in taken[level])


def _today_mark(scale: _Scale, timeline: Timeline, today: date, top: float, bottom: float) -> str:
    """The report's day: a dashed line where it falls on the axis, or words at the edge it lies beyond."""
    label = f"today ({today.isoformat()})"
    if today >= timeline.axis_end:
        return element("text", text(f"{label} \u2192"), class_="today", x=float(scale.width - _MARGIN),
                       y=bottom + 15, font_size=str(_LABEL_SIZE), text_anchor="end")
    if today < timeline.axis_start:
        return element("text", text(f"\u2190 {label}"), class_="today", x=float(_MARGIN), y=bottom + 15,
                       font_size=str(_LABEL_SIZE))
    x = scale.x(today)
    width = text_width(label, _LABEL_SIZE)
    label_x = min(max(x - width / 2, 2.0), scale.width - 2 - width)
    return (element("line", class_="today", x1=x, x2=x, y1=top, y2=bottom)
            + element("text", text(label), class_="today", x=label_x, y=bottom + 15, font_size=str(_LABEL_SIZE)))


@cache
def _tick_marks(start: date, end: date, width: int) -> tuple[tuple[str, str], ...]:
    """Each tick of an axis: its x as written, and its label. The same for every timeline on the same years
    (axes are whole years, so most share one)."""
    scale, marks = _Scale(start, end, width), []
    for day, label in _ticks(start, end, width):
        x = scale.x(day)
        half = text_width(label, _LABEL_SIZE) / 2
        marks.append((number(x), element("text", text(label), x=min(max(x, half + 1), width - half - 1), y="14",
                                         font_size=str(_LABEL_SIZE), text_anchor="middle")))
    return tuple(marks)


def timeline_svg(timeline: Timeline, today: date, width: int = WIDE) -> str:
    """A compound's timeline `width` units wide: a lane per trial, region, presentations and milestones.

    Each lane's name stands above its row, so the dates get the whole width; items whose labels
    would overlap go a level down. "Today" is the report's day.
    """
    scale = _Scale(timeline.axis_start, timeline.axis_end, width)
    lanes: dict[str, list[_Placed]] = {}
    for item in timeline.items:
        lanes.setdefault(item.lane, []).append(_Placed(item, scale))
    body, y = [], float(_TICKS_HEIGHT)
    for index, (lane, placed) in enumerate(lanes.items()):
        if index:
            body.append(f'<line class="lane-rule" x1="0" x2="{width}" y1="{number(y)}" y2="{number(y)}"/>')
        title = wrap(lane, width - 2 * _MARGIN, _LANE_TITLE_SIZE, bold=True)
        body.append(_lines(title, float(_MARGIN), y + 14, _LANE_TITLE_LINE, _LANE_TITLE_STYLE))
        y += _LANE_TITLE_LINE * (len(title) - 1)
        levels = _pack(placed)
        for mark in placed:
            body.append(mark.draw(y + _LANE_TITLE + _LEVEL * mark.level + _LEVEL / 2, lane))
        y += _LANE_TITLE + _LEVEL * levels + _LANE_GAP
    bottom = number(y)
    grid = [f'<line class="grid" x1="{x}" x2="{x}" y1="{_TICKS_HEIGHT}" y2="{bottom}"/>{label}'
            for x, label in _tick_marks(timeline.axis_start, timeline.axis_end, width)]
    grid.append(element("line", class_="axis", x1=float(_MARGIN), x2=float(width - _MARGIN),
                        y1=float(_TICKS_HEIGHT), y2=float(_TICKS_HEIGHT)))
    height = y + _FOOT
    content = "".join(grid) + "".join(body) + _today_mark(scale, timeline, today, float(_TICKS_HEIGHT), y)
    return element("svg", content, xmlns="http://www.w3.org/2000/svg", class_="wide" if width == WIDE else "narrow",
                   width=str(width), height=number(height), viewBox=f"0 0 {width} {number(height)}",
                   aria_label=f"Timeline of {timeline.compound}, {timeline.axis_start.year} to "
                              f"{timeline.axis_end.year - 1}; each mark links to its event")


# ---- the aging chart ------------------------------------------------------------------------------

_AGING_WIDTH, _AGING_HEIGHT = 400, 236
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_TOP, _PLOT_BOTTOM = 56, 10, 22, 46


def _nice_step(top: float, steps: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `steps` ticks up to `top`."""
    raw = top / steps
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _short(value: float, unit: float) -> str:
    """An amount in the unit of its axis: "2.5M", "750k", "120"."""
    if not value:
        return "0"
    digits = f"{value:,.0f}" if unit == 1 else f"{value / unit:,.2f}".rstrip("0").rstrip(".")
    return digits + {1e6: "M", 1e3: "k", 1.0: ""}[unit]


def _unit(value: float) -> float:
    return 1e6 if value >= 1e6 else 1e3 if value >= 1e3 else 1.0


def outstanding_currencies(receivables: ReceivablesReport) -> list[str]:
    """The currencies in which something is outstanding: one aging panel each."""
    return sorted({r.currency for r in receivables.receivables if r.outstanding > 0})


def group_colours(receivables: ReceivablesReport) -> dict[str, str]:
    """A colour per group with something outstanding, in the order of their names."""
    groups = sorted({r.group for r in receivables.receivables if r.outstanding > 0}, key=str.lower)
    return {group: GROUP_COLOURS[n % len(GROUP_COLOURS)] for n, group in enumerate(groups)}


def aging_svg(receivables: ReceivablesReport, currency: str) -> str:
    """What is outstanding in one currency, a bar per aging bucket; each segment of a bar is one ledger line."""
    rows = [r for r in receivables.receivables if r.currency == currency and r.outstanding > 0]
    totals = {name: sum((r.outstanding for r in rows if r.bucket == name), Decimal(0)) for name in BUCKETS}
    step = _nice_step(float(max(totals.values())))
    top = step * math.ceil(float(max(totals.values())) / step)
    unit = _unit(top)
    plot_height = _AGING_HEIGHT - _PLOT_TOP - _PLOT_BOTTOM
    slot = (_AGING_WIDTH - _PLOT_LEFT - _PLOT_RIGHT) / len(BUCKETS)
    colours = group_colours(receivables)

    def y(value: float) -> float:
        return _PLOT_TOP + plot_height * (1 - value / top)

    parts = []
    for n in range(round(top / step) + 1):
        value = step * n
        parts.append(element("line", class_="grid" if n else "axis", x1=float(_PLOT_LEFT),
                             x2=float(_AGING_WIDTH - _PLOT_RIGHT), y1=y(value), y2=y(value)))
        parts.append(element("text", text(_short(value, unit)), x=float(_PLOT_LEFT - 6), y=y(value) + 4,
                             font_size=str(_LABEL_SIZE), text_anchor="end"))
    stacked = dict.fromkeys(BUCKETS, 0.0)
    for row in rows:
        bottom = stacked[row.bucket]
        stacked[row.bucket] += float(row.outstanding)
        x = _PLOT_LEFT + slot * BUCKETS.index(row.bucket) + slot * 0.2
        title = (f"{row.group}: {row.line}, {row.currency} {row.outstanding:,} outstanding, {row.bucket}"
                 f"{' days past due' if row.bucket != 'current' else ''}. Event {row.source_event}")
        bar = element("rect", x=x, y=y(stacked[row.bucket]), width=slot * 0.6,
                      height=y(bottom) - y(stacked[row.bucket]), style=f"fill: {colours[row.group]}",
                      stroke="#fff", stroke_width="0.8")
        parts.append(link(f"#{anchor(row.source_event)}", title, bar))
    for index, name in enumerate(BUCKETS):
        centre = _PLOT_LEFT + slot * (index + 0.5)
        if totals[name]:
            value = float(totals[name])
            parts.append(element("text", text(_short(value, _unit(value))), x=centre, y=y(value) - 5,
                                 font_size=str(_LABEL_SIZE), text_anchor="middle"))
        parts.append(element("text", text(name), x=centre, y=float(_AGING_HEIGHT - _PLOT_BOTTOM + 16),
                             font_size=str(_LABEL_SIZE), text_anchor="middle"))
    parts.append(element("text", "days past due", x=_PLOT_LEFT + slot * 3.5, y=float(_AGING_HEIGHT - 8),
                         font_size=str(_LABEL_SIZE), text_anchor="middle"))
    return element("svg", "".join(parts), xmlns="http://www.w3.org/2000/svg", width=str(_AGING_WIDTH),
                   height=str(_AGING_HEIGHT), viewBox=f"0 0 {_AGING_WIDTH} {_AGING_HEIGHT}",
                   aria_label=f"Outstanding {currency} by days past due; each segment links to its ledger line's event")
