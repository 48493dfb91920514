"""Rows and pages for a person to read: a terminal, a pipe, or Markdown.

On a terminal a table is drawn by `rich` to fit its width: columns share the
room, long cells wrap inside their column, amounts and counts are right-aligned.
In a pipe (or a file) every row stays on one line, columns padded to the
widest cell: a plain writer, so `grep`, `cut` and `awk` see whole rows and a
large table costs no per-cell layout. Markdown is a pipe table a memo or a
wiki page takes as it is.

A table with no rows says so in words (`Rows.empty`) instead of printing a
bare header.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from projections.royalties import money
from tracker.presentation.rows import Column, Heading, Page, Rows

GAP = "   "
#: Between columns on a terminal, where room is scarcer than in a file.
TERMINAL_GAP = 2
#: Past this many rows a terminal gets the plain writer's lines: rich lays out every cell (about 0.4 ms a
#: row), which would keep a person waiting for a table no one reads without a pager.
TERMINAL_ROWS = 2000
RULE = "─"


def cell_text(value: Any) -> str:
    """A cell as a person reads it: amounts with thousands separators, ISO days, one line of text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return " ".join(str(value).split())


def _shown(value: Any, column: Column) -> str:
    return column.missing if value is None or value == "" else cell_text(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _numeric_columns(rows: Sequence[Sequence[Any]], count: int) -> list[bool]:
    """Which columns hold numbers only (blanks aside): those are right-aligned."""
    numeric = [True] * count
    seen = [False] * count
    for row in rows:
        for i, value in enumerate(row):
            if value is None or value == "":
                continue
            seen[i] = True
            if numeric[i] and not _is_number(value):
                numeric[i] = False
    return [n and s for n, s in zip(numeric, seen)]


def plain_table(rows: Rows, headers: bool = True) -> Iterator[str]:
    """Every row on one line, columns padded to their widest cell: for pipes and files."""
    body = [list(row) for row in rows.rows]
    if not body:
        yield rows.empty + "\n"
        return
    right = _numeric_columns(body, len(rows.columns))
    cells = [[_shown(value, column) for value, column in zip(row, rows.columns)] for row in body]
    titles = [column.header for column in rows.columns]
    widths = [max([len(titles[i]) if headers else 0, *(len(row[i]) for row in cells)]) for i in range(len(titles))]

    def line(texts: Sequence[str]) -> str:
        padded = (text.rjust(width) if r else text.ljust(width) for text, width, r in zip(texts, widths, right))
        return GAP.join(padded).rstrip() + "\n"

    if headers:
        yield line(titles)
        yield RULE * (sum(widths) + len(GAP) * (len(widths) - 1)) + "\n"
    for row in cells:
        yield line(row)


def _narrowest(texts: Iterable[str], wrap: bool) -> int:
    """The fewest columns a cell needs: its longest word when it may wrap, else all of it."""
    return max((len(word) for text in texts for word in (text.split() if wrap else [text])), default=0)


#: How spare a column that says nothing (all blank, or all zero) is: left out before any other.
_SAYS_NOTHING = 100


def _layout(rows: Rows, body: list[list[Any]], cells: list[list[str]], unbroken: list[bool],
            width: int) -> dict[int, int | None]:
    """The columns a terminal of `width` shows, by index, with the width of each.

    Columns that say nothing, then spare ones (the most spare first), are left out until the rest fit
    without breaking a word; then the widest cells that may wrap are narrowed, never below their longest
    word. When even that cannot fit, rich folds what it must (the widths are left to it)."""
    shown = list(range(len(rows.columns)))
    needs = [max(_narrowest([column.header], not unbroken[i]), _narrowest((row[i] for row in cells), not unbroken[i]))
             for i, column in enumerate(rows.columns)]
    spare = [_SAYS_NOTHING if all(not row[i] for row in body) else column.spare for i, column in enumerate(rows.columns)]

    def room() -> int:
        return width - TERMINAL_GAP * (len(shown) - 1)

    while sum(needs[i] for i in shown) > room() and any(spare[i] for i in shown):
        shown.remove(max((i for i in shown if spare[i]), key=lambda i: (spare[i], i)))
    if sum(needs[i] for i in shown) > room():
        return dict.fromkeys(shown)
    widths = {i: max(len(rows.columns[i].header), *(len(row[i]) for row in cells)) for i in shown}
    excess = sum(widths.values()) - room()
    while excess > 0:
        widest = max((i for i in shown if widths[i] > needs[i]), key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return dict(widths)


def terminal_table(rows: Rows, width: int, headers: bool = True, colour: bool = False) -> str:
    """The table drawn by rich to fit `width` columns: cells wrap within their column, numbers on the right,
    and the columns a narrow terminal has no room for left out, saying which."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    body = [list(row) for row in rows.rows]
    if not body:
        return rows.empty + "\n"
    if len(body) > TERMINAL_ROWS:
        plain = "".join(plain_table(Rows(rows.columns, body, rows.empty), headers))
        return plain + f"({len(body):,} rows, written as plain lines: a pager or --format csv reads them best)\n"
    right = _numeric_columns(body, len(rows.columns))
    unbroken = [r or not column.wrap or all(isinstance(row[i], (date, datetime)) or row[i] is None for row in body)
                for i, (column, r) in enumerate(zip(rows.columns, right))]
    cells = [[_shown(value, column) for value, column in zip(row, rows.columns)] for row in body]
    shown = _layout(rows, body, cells, unbroken, width)
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True, show_header=headers,
                 header_style="bold" if colour else "")
    for i, column_width in shown.items():
        grid.add_column(rows.columns[i].header, justify="right" if right[i] else "left", no_wrap=unbroken[i],
                        overflow="fold", width=column_width)
    for row in cells:
        grid.add_row(*(Text(row[i]) for i in shown))
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=colour, no_color=not colour,
                      color_system="standard" if colour else None, highlight=False, emoji=False)
    console.print(grid)
    left_out = [rows.columns[i].name for i in range(len(rows.columns)) if i not in shown]
    if left_out:
        console.print(f"({', '.join(left_out)} left out to fit {width} columns: a wider terminal or "
                      "--format csv shows them)", markup=False, highlight=False)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def markdown_table(rows: Rows) -> Iterator[str]:
    """A Markdown pipe table, numbers right-aligned; `|` in a cell escaped."""
    body = [list(row) for row in rows.rows]
    if not body:
        yield rows.empty + "\n"
        return
    right = _numeric_columns(body, len(rows.columns))

    def line(texts: Iterable[str]) -> str:
        return "| " + " | ".join(text.replace("|", "\\|") for text in texts) + " |\n"

    yield line(column.header for column in rows.columns)
    yield "|" + "|".join("---:" if r else "---" for r in right) + "|\n"
    for row in body:
        yield line(_shown(value, column) for value, column in zip(row, rows.columns))


def page_text(page: Page | str, width: int | None = None, headers: bool = True, colour: bool = False) -> Iterator[str]:
    """A page for a person: tables for a terminal of `width` or a pipe, text as it is, a blank line before
    each heading but the first and after the title (a level-1 heading)."""
    blocks = [page] if isinstance(page, str) else page
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            if index:
                yield "\n"
            yield block.text + "\n"
            if block.level == 1 and index + 1 < len(blocks):
                yield "\n"
        elif isinstance(block, Rows):
            shown = block.pick(for_table=True)
            if width is None:
                yield from plain_table(shown, headers)
            else:
                yield terminal_table(shown, width, headers, colour)
        else:
            yield block


def page_markdown(page: Page | str) -> Iterator[str]:
    """A page as Markdown: headings marked, each block apart from the next by a blank line."""
    blocks = [page] if isinstance(page, str) else page
    for index, block in enumerate(blocks):
        if index:
            yield "\n"
        if isinstance(block, Heading):
            yield "#" * block.level + " " + block.text + "\n"
        elif isinstance(block, Rows):
            yield from markdown_table(block.pick(for_table=True))
        else:
            yield block.strip("\n") + "\n"
