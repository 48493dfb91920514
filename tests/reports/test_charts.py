"""The timeline drawing: labels that never overlap nor leave the drawing, and ticks that do not crowd."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from projections.report import Timeline, TimelineItem
from tracker.presentation.charts import NARROW, WIDE, timeline_svg
from tracker.presentation.svg import text_width


def _item(lane: str, day: date, label: str, days: int = 0, expected: bool = False) -> TimelineItem:
    return TimelineItem(lane=lane, kind="expected" if expected else "readout", label=label, start=day,
                        end=day + timedelta(days=days), when=f"by {day + timedelta(days=days)}" if expected else str(day),
                        expected=expected, sources=[f"e.{label}"])


def _crowded() -> Timeline:
    """Eight marks within a month in one lane, long labels at both ends of the axis, a window, a label longer
    than a phone's drawing, and a lane whose name is too."""
    items = [_item("Busy trial", date(2013, 9, 1) + timedelta(days=3 * n), f"readout number {n} of eight") for n in range(8)]
    items += [_item("Edges", date(2008, 1, 2), "a long label at the very start of the axis"),
              _item("Edges", date(2015, 12, 30), "a long label at the very end of the axis"),
              _item("Edges", date(2012, 1, 1), "a window expected", days=500, expected=True),
              _item("Phase III trial in previously untreated HER2-positive metastatic breast cancer with brain metastases",
                    date(2012, 1, 1), "USD 25M triggered by the first commercial sale in a major market of the EU or Japan")]
    return Timeline(compound="X", items=items, axis_start=date(2008, 1, 1), axis_end=date(2016, 1, 1))


def _lines(text) -> list[tuple[float, float, float]]:
    """A text element's lines as (left, right, baseline), from their positions, anchor and estimated widths."""
    size, y = float(text["font-size"]), float(text["y"])
    lines = [(float(text["x"]), y, text.find(string=True, recursive=False) or "")]
    lines += [(float(t["x"]), y + float(t["dy"]) * n, t.get_text()) for n, t in enumerate(text.find_all("tspan"), 1)]
    boxes = []
    for x, baseline, words in lines:
        width = text_width(words, size)
        left = x - width * {"end": 1, "middle": 0.5}.get(text.get("text-anchor"), 0)
        boxes.append((left, left + width, baseline))
    return boxes


def _labels(svg: str) -> list[tuple[float, float, float]]:
    """Each line of each mark's label."""
    return [box for a in BeautifulSoup(svg, "html.parser").find_all("a") for box in _lines(a.find("text"))]


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_no_two_labels_overlap_and_every_label_and_lane_name_stays_inside_the_drawing(width):
    svg = timeline_svg(_crowded(), date(2013, 9, 30), width)
    boxes = _labels(svg)
    assert len(boxes) == (12 if width == WIDE else 13)  # on a phone the longest label takes two lines
    overlapping = [(a, b) for n, a in enumerate(boxes) for b in boxes[n + 1:]
                   if a[2] == b[2] and a[0] < b[1] and b[0] < a[1]]
    assert overlapping == []
    every_line = [box for t in BeautifulSoup(svg, "html.parser").find_all("text") for box in _lines(t)]
    assert [box for box in every_line if box[0] < 0 or box[1] > width] == []


@pytest.mark.parametrize(("width", "start", "end", "ticks"), [
    (WIDE, date(2008, 1, 1), date(2016, 1, 1), ["2008", "Jul", "2009", "Jul", "2010", "Jul", "2011", "Jul", "2012",
                                                "Jul", "2013", "Jul", "2014", "Jul", "2015", "Jul", "2016"]),
    (NARROW, date(2008, 1, 1), date(2016, 1, 1), ["2008", "2009", "2010", "2011", "2012", "2013", "2014", "2015", "2016"]),
    (NARROW, date(1992, 1, 1), date(2025, 1, 1), ["1995", "2000", "2005", "2010", "2015", "2020", "2025"]),
    (NARROW, date(2011, 1, 1), date(2012, 1, 1), ["2011", "Apr", "Jul", "Oct", "2012"]),
])
def test_the_axis_marks_the_finest_round_steps_whose_labels_do_not_crowd(width, start, end, ticks):
    timeline = Timeline(compound="X", items=[_item("Trial", start, "mark")], axis_start=start, axis_end=end)
    svg = BeautifulSoup(timeline_svg(timeline, start, width), "html.parser")
    assert [t.get_text() for t in svg.find_all("text", attrs={"y": "14"})] == ticks


def test_the_same_timeline_is_drawn_the_same_bytes():
    assert timeline_svg(_crowded(), date(2013, 9, 30)) == timeline_svg(_crowded(), date(2013, 9, 30))
