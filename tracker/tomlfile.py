"""User-written TOML files read into validated models, with errors that say where.

`tomllib` reports syntax errors with a line but keeps no positions for the
values it returns, and pydantic reports a location as a path of keys and list
indices (`agreement.1.milestone.0.amount`). To point a user at the line to fix,
the text is scanned for table headers and keys and each path is mapped to the
line that opens it. Decimals are read as `Decimal`, never as floats.
"""
from __future__ import annotations

import re
import tomllib
from decimal import Decimal
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
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_toml(path: Path, model: type[Model]) -> Model:
    """The file at `path` as a `model`, or `FileProblems` naming the file and line of each problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TrackerError(f"{path}: cannot read: {error}") from None
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise TrackerError(f"{path}: not valid TOML: {error}") from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        lines = key_lines(text)
        problems = []
        for problem in error.errors():
            location = tuple(problem["loc"])
            line = line_of(location, lines)
            where = f"{path}:{line}" if line else str(path)
            message = problem["msg"].removeprefix("Value error, ")
            problems.append((line or 0, f"{where}: {_where(location) or 'file'}: {message}"))
        raise FileProblems([text for _, text in sorted(problems, key=lambda p: p[0])]) from None
