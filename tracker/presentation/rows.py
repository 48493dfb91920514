"""An answer as rows: named columns and typed cells, before any format is chosen.

A renderer builds `Rows` once; the writers (`tables` for people, `spreadsheet`
for CSV) decide how each cell looks: an amount stays a `Decimal` until a table
gives it thousands separators or a CSV writes its plain digits, a day stays a
`date` until it is written in ISO form. Every column has a name (the CSV
header, and what `--column` picks) and a title (the table header); some are
only in the table (a summary of other fields) and some only in the CSV (every
field on its own).

A `Page` is what a table-format answer shows: headings, lines of text and
tables, in order.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tracker.errors import TrackerError


class UnknownColumn(TrackerError):
    """A `--column` that the answer does not have; the message lists those it has."""


@dataclass(frozen=True)
class Column:
    name: str
    """The field's name: the CSV header and what `--column` picks."""
    title: str = ""
    """The table header; the name with spaces for underscores when not given."""
    table: bool = True
    """Shown in a table unless columns are chosen."""
    csv: bool = True
    """Written to a CSV unless columns are chosen."""
    missing: str = ""
    """What a table shows for no value ("(payer not stated)"); a CSV leaves the cell blank."""
    wrap: bool = True
    """Whether a terminal table may break its cells (an id is never broken; numbers and days never are)."""
    spare: int = 0
    """How readily a terminal too narrow for the whole table leaves the column out: 0 never, then the
    highest first."""

    @property
    def header(self) -> str:
        return self.title or self.name.replace("_", " ")


@dataclass
class Rows:
    """Columns and the cells of each row, in column order. `rows` may be a generator: it is read once."""

    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    empty: str = "Nothing to show."
    """What a table says instead when there are no rows: the answer in words."""

    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    def pick(self, wanted: Sequence[str] = (), *, for_table: bool) -> Rows:
        """The columns `wanted`, in that order; none wanted: those a table (or a CSV) shows by default."""
        if wanted:
            known = self.names()
            missing = [name for name in wanted if name not in known]
            if missing:
                raise UnknownColumn(f"no column {missing[0]!r}; the columns are: {', '.join(known)}")
            indexes = [known.index(name) for name in wanted]
        else:
            indexes = [i for i, column in enumerate(self.columns) if (column.table if for_table else column.csv)]
        if indexes == list(range(len(self.columns))):
            return self
        return Rows([self.columns[i] for i in indexes], ([row[i] for i in indexes] for row in self.rows), self.empty)


@dataclass(frozen=True)
class Heading:
    """A line that names what follows it (a Markdown heading of `level`)."""

    text: str
    level: int = 1


#: A table-format answer, block by block: headings, texts of whole lines and tables.
Page = Sequence[Heading | str | Rows]
