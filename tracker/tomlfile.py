"""User-written TOML files read into validated models, with errors that say where.

`tomllib` reports syntax errors with a line but keeps no positions for the
values it returns, and pydantic reports a location as a path of keys and list
indices (`agreement.1.milestone.0.amount`). To point a user at the line to fix,
the text is scanned for table headers and keys and each path is mapped to the
line that opens it. TOML floats are refused, each with its line: an amount or a
rate is written as an integer (5_000_000) or a quoted decimal ("1.08"), so that
what the file says is what every reader of it reads.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tracker.errors import TrackerError

Model = TypeVar("Model", bound=BaseModel)

_ARRAY_TABLE = re.compile(r"^\s*\[\[\s*(.+?)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*(.+?)\s*\]")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


class FileProblems(TrackerError):
    """Everything wrong with a user's file, one `file:line: problem` a line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _keys(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted))


def key_lines(text: str) -> dict[tuple[Any, ...], int]:
    """The 1-based line on which each table, array-table entry and key of `text` is written."""
    lines: dict[tuple[Any, ...], int] = {}
    latest: dict[tuple[Any, ...], int] = {}
    current: tuple[Any, ...] = ()

    def resolve(names: tuple[str, ...]) -> tuple[Any, ...]:
        path: tuple[Any, ...] = ()
        for name in names:
            path += (name,)
            if path in latest:
                path += (latest[path],)
        return path

    for number, line in enumerate(text.splitlines(), 1):
        if match := _ARRAY_TABLE.match(line):
            names = _keys(match[1])
            parent = resolve(names[:-1]) + (names[-1],)
            latest[parent] = latest.get(parent, -1) + 1
            current = parent + (latest[parent],)
            lines[current] = number
            lines.setdefault(parent, number)
        elif match := _TABLE.match(line):
            current = resolve(_keys(match[1]))
            lines.setdefault(current, number)
        elif match := _KEY.match(line):
            lines[current + _keys(match[1])] = number
    return lines


def line_of(location: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> int | None:
    """The line of the longest prefix of `location` written in the file."""
    for end in range(len(location), 0, -1):
        if location[:end] in lines:
            return lines[location[:end]]
    return None


def _where(location: tuple[Any, ...]) -> str:
    text = ""
    for part in location:
        if part == "[key]":
            continue  # pydantic's mark of a problem with a table's key rather than its value
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _Float(str):
    """A TOML float as it is written in the file, kept as text so that it is refused rather than read."""


def _floats(data: Any, location: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Where each TOML float is in `data`, and how it is written."""
    if isinstance(data, _Float):
        yield location, str(data)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _floats(value, (*location, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _floats(value, (*location, index))


def read_toml(path: Path, model: type[Model]) -> Model:
    """The file at `path` as a `model`, or `FileProblems` naming the file and line of each problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TrackerError(f"{path}: cannot read: {error}") from None
    try:
        data = tomllib.loads(text, parse_float=_Float)
    except tomllib.TOMLDecodeError as error:
        raise TrackerError(f"{path}: not valid TOML: {error}") from None
    problems: list[tuple[tuple[Any, ...], str]] = [
        (location, f"{written} is a float, which is not exact; write an integer or a quoted decimal (\"{written}\")")
        for location, written in _floats(data)]
    try:
        found = model.model_validate(data)
    except ValidationError as error:
        problems += [(tuple(problem["loc"]), problem["msg"].removeprefix("Value error, ")) for problem in error.errors()]
    if not problems:
        return found
    lines = key_lines(text)
    located = []
    for location, message in problems:
        line = line_of(location, lines)
        where = f"{path}:{line}" if line else str(path)
        located.append((line or 0, f"{where}: {_where(location) or 'file'}: {message}"))
    raise FileProblems([text for _, text in sorted(located, key=lambda p: p[0])])
