"""Events in the export shape of EVENTS.md: one flat JSON object a fact."""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any, TypedDict

from projections.history import RecordedFact
from projections.names import NameBook, name_key

_SOURCE_FIELDS = ("quote", "line", "offset", "confidence")


def event_record(recorded: RecordedFact, names: NameBook) -> dict[str, Any]:
    """One fact as EVENTS.md exports it, with its id and where it was read."""
    fields = recorded.fact.model_dump(mode="json")
    quote, line = fields.pop("quote"), fields.pop("line")
    for name in _SOURCE_FIELDS:
        fields.pop(name, None)
    for name in recorded.fact.exported_when_set:
        if fields.get(name) is None:
            fields.pop(name, None)
    as_written = fields.pop("compound")
    kind = fields.pop("type")
    canonical = names.canonical(as_written)
    if kind == "CompoundAliasRecorded" and canonical and name_key(fields["alias"]) == name_key(canonical):
        # The statement links two names; shown under the canonical one, its alias is the other.
        fields["alias"] = as_written
    occurred_on = fields.pop("occurred_on")
    record: dict[str, Any] = {
        "id": recorded.id,
        "type": kind,
        "compound": canonical,
        "reported_on": recorded.reported_on.isoformat(),
        "occurred_on": occurred_on,
        **fields,
        "source": _source(recorded, quote, line, as_written),
        "confidence": recorded.fact.confidence,
        "recorded_at": recorded.recorded_at.isoformat(),
    }
    return record


def _source(recorded: RecordedFact, quote: str, line: int | None, as_written: str | None) -> dict[str, Any]:
    if recorded.release is None:
        return {"release": None, "file": None, "line": None, "quote": quote,
                "entered_by": recorded.entered_by, "reason": recorded.reason}
    return {"release": recorded.release.id, "file": recorded.release.file, "line": line, "quote": quote,
            "compound_as_written": as_written}


def event_records(history: Iterable[RecordedFact], names: NameBook) -> list[dict[str, Any]]:
    return [event_record(recorded, names) for recorded in history]


class PlacedRecord(TypedDict):
    """A record with its fact's place in export order (`RecordedFact.sort_key`, dates as ISO text), so that
    records kept apart can be merged back in order without their facts. Plain JSON, not a model: at ten
    thousand releases there are ninety thousand of them to decode."""

    order: list[Any]
    record: dict[str, Any]


def placed_records(history: Iterable[RecordedFact], names: NameBook) -> list[PlacedRecord]:
    return [{"order": [part.isoformat() if isinstance(part, date) else part for part in recorded.sort_key],
             "record": event_record(recorded, names)} for recorded in history]


def records_jsonl(records: Iterable[dict[str, Any]]) -> str:
    """Records one JSON object a line: the `tracker events --format jsonl` export, byte for byte."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
