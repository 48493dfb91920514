"""Answers as JSON, written item by item: an array (`json`) or one object a line (`jsonl`).

An array is written as its items come, and reads exactly as `json.dumps(items,
indent=2)` would write it whole; JSON lines are the EVENTS.md export's shape,
one compact object a line. Models are dumped in their JSON mode (amounts as
strings of digits, days in ISO form); text is written as it is, not escaped
to ASCII.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel


def jsonable(value: Any) -> Any:
    """A model as its JSON fields; plain data as it is."""
    return value.model_dump(mode="json") if isinstance(value, BaseModel) else value


def json_document(value: Any) -> str:
    return json.dumps(jsonable(value), indent=2, ensure_ascii=False) + "\n"


def json_array(items: Iterable[Any]) -> Iterator[str]:
    """`[`, each item indented as in a whole dump, `]`: the same text as `json.dumps(list(items), indent=2)`."""
    first = True
    for item in items:
        text = json.dumps(jsonable(item), indent=2, ensure_ascii=False).replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + text
        first = False
    yield "[]\n" if first else "\n]\n"


def json_lines(items: Iterable[Any]) -> Iterator[str]:
    """One compact JSON object a line."""
    for item in items:
        yield json.dumps(jsonable(item), ensure_ascii=False) + "\n"
