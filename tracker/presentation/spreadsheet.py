"""Rows as CSV a spreadsheet opens safely: one column per field, plain numbers, ISO days.

Amounts are written as their digits and a point (`5000000`, `24000000.00`),
never with separators; days and instants in ISO 8601; a list in one cell with
`; ` between its items; a nested value as compact JSON.

Text that a spreadsheet would run as a formula (a cell starting with `=`, `+`,
`-`, `@`, a tab or a carriage return: a press release, a file name or a reason
typed by someone else can say anything) is written with a leading single
quote, OWASP's rule against CSV injection. Numbers the tracker itself writes
are never text, so a negative amount stays a number.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from tracker.presentation.rows import Rows

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """`text`, prefixed with a single quote when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plain_number(value: Decimal | int) -> str:
    """A number for a spreadsheet: digits and a point only; a whole amount without decimals."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
        return format(value, "f")
    return str(value)


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        if any(isinstance(item, (dict, list, tuple)) for item in value):
            return json.dumps(value, ensure_ascii=False, default=str)
        return "; ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def csv_cell(value: Any) -> str:
    """One cell: blank for none, plain numbers, ISO days, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (Decimal, int)):
        return plain_number(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return neutralised(_text(value))


def csv_lines(rows: Rows, headers: bool = True) -> Iterator[str]:
    """The header row (unless left out), then a line a row, written as the rows come."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def line(cells: list[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    if headers:
        yield line([neutralised(column.name) for column in rows.columns])
    for row in rows.rows:
        yield line([csv_cell(value) for value in row])
