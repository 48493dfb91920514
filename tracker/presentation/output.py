"""One vocabulary of output formats for every command that prints an answer.

    table   for a person (the default): rich on a terminal, plain padded lines in a pipe
    md      the same tables in Markdown, for a memo or a wiki
    csv     one column per field, plain numbers and ISO days, for a spreadsheet
    json    one document
    jsonl   one JSON object a line, where the answer is a list that streams

A command hands over its `Answer` (what each format is made from) and an
`Output` (the format and its options) writes it, chunk by chunk.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from tracker.presentation.rows import Page, Rows

FORMATS = ("table", "md", "csv", "json", "jsonl")
#: The formats that have a header row to leave out, and columns to choose.
WITH_HEADERS = ("table", "csv")
WITH_COLUMNS = ("table", "md", "csv")


@dataclass
class Answer:
    """What a command answers, ready for each format it offers."""

    rows: Rows | None = None
    """Its rows: the CSV, and the table when there is no page (or when columns are chosen)."""
    page: Page | str | None = None
    """What a table shows, when more than its rows: headings, text, several tables."""
    items: Iterable[Any] | None = None
    """The list `json` writes as an array and `jsonl` a line each."""
    document: Any = None
    """The one value `json` writes, when the answer is not a list."""


@dataclass(frozen=True)
class Output:
    format: str = "table"
    headers: bool = True
    columns: Sequence[str] = field(default_factory=tuple)
    width: int | None = None
    """The terminal's width, when a person watches one; None in a pipe."""
    colour: bool = False

    def problem(self) -> str | None:
        """Why these options do not go together, or None."""
        if not self.headers and self.format not in WITH_HEADERS:
            return f"--no-headers applies to {' and '.join(WITH_HEADERS)} output, not {self.format}"
        if self.columns and self.format not in WITH_COLUMNS:
            return f"--column applies to {', '.join(WITH_COLUMNS)} output, not {self.format}"
        return None

    def write(self, answer: Answer) -> Iterator[str]:
        """The answer in this format, chunk by chunk."""
        from tracker.presentation import jsonstream, spreadsheet, tables

        if self.format == "csv":
            yield from spreadsheet.csv_lines(self._rows(answer).pick(self.columns, for_table=False), self.headers)
        elif self.format == "json":
            if answer.document is not None:
                yield jsonstream.json_document(answer.document)
            else:
                yield from jsonstream.json_array(self._items(answer))
        elif self.format == "jsonl":
            yield from jsonstream.json_lines(self._items(answer))
        else:
            page = self._page(answer)
            yield from tables.page_markdown(page) if self.format == "md" else \
                tables.page_text(page, self.width, self.headers, self.colour)

    def _page(self, answer: Answer) -> Page | str:
        if answer.page is not None and not self.columns:
            return answer.page
        return [self._rows(answer).pick(self.columns, for_table=True)]

    def _rows(self, answer: Answer) -> Rows:
        if answer.rows is None:
            raise ValueError(f"this answer has no rows for {self.format} output")
        return answer.rows

    def _items(self, answer: Answer) -> Iterable[Any]:
        if answer.items is None:
            raise ValueError(f"this answer is no list for {self.format} output")
        return answer.items
