"""SVG written as text: elements, numbers, and the width a line of text will take.

The report's charts are written directly rather than by a plotting library:
a chart is a few dozen shapes and labels, and writing them costs microseconds
where a plotting library costs a second of start-up per page. Numbers are
written with one decimal at most, so the same chart is the same bytes.
"""
from __future__ import annotations

from collections import defaultdict
from functools import cache
from html import escape

#: Advance widths of a sans-serif face (DejaVu Sans, the widest of the common ones) in ems, by character class,
#: so that a label's estimated width errs on the wide side whatever face the browser picks.
_NARROW, _WIDE, _UPPER, _DIGIT, _OTHER = "ijlftrI.,:;'!|()[] ", "mwMW%@", "ABCDEFGHJKLNOPQRSTUVXYZ&", "0123456789$#", 0.61
_WIDTHS: defaultdict[str, float] = defaultdict(lambda: _OTHER, {
    **{c: 0.36 for c in _NARROW}, **{c: 0.95 for c in _WIDE}, **{c: 0.74 for c in _UPPER},
    **{c: 0.64 for c in _DIGIT}, " ": 0.32, "-": 0.37})


#: How much wider bold glyphs run than regular ones.
_BOLD = 1.1


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width a line of `text` takes at font size `size`, estimated generously."""
    return size * sum(map(_WIDTHS.__getitem__, text)) * (_BOLD if bold else 1.0)


def wrap(line: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`line` cut at spaces into lines no wider than `width` (a word wider than that stands alone)."""
    lines: list[str] = []
    for word in line.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def number(value: float) -> str:
    """A coordinate as written: at most one decimal, no trailing zero ("12", "12.5", "-3")."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


@cache
def _attribute_name(name: str) -> str:
    """`class_` is written `class`, `aria_label` `aria-label`."""
    return name.rstrip("_").replace("_", "-")


def attributes(attrs: dict[str, object]) -> str:
    """` name="value"` for each attribute that is not None, numbers written by `number` (and not escaped: a
    number holds nothing to escape)."""
    parts = []
    for name, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, float):
            shown = number(value)
        elif isinstance(value, int):
            shown = str(value)
        else:
            shown = escaped(str(value))
        parts.append(f' {_attribute_name(name)}="{shown}"')
    return "".join(parts)


def escaped(value: str, quote: bool = True) -> str:
    """`html.escape(value, quote)`, without its five replacements where nothing needs escaping (nearly always:
    a chart's attributes are numbers, class names and ids)."""
    if "&" in value or "<" in value or ">" in value or (quote and ('"' in value or "'" in value)):
        return escape(value, quote)
    return value


def element(name: str, content: str = "", **attrs: object) -> str:
    """One element; `content` is markup (escape text with `text`). `class_` writes `class`, `aria_label` `aria-label`."""
    opening = f"<{name}{attributes(attrs)}"
    return f"{opening}>{content}</{name}>" if content else f"{opening}/>"


def text(value: str) -> str:
    """Text as element content: escaped."""
    return escaped(value, quote=False)


def link(href: str, title: str, content: str) -> str:
    """A link around some marks; its title is its accessible name and the tooltip a pointer shows."""
    return element("a", element("title", text(title)) + content, href=href)
