"""A fact of any type from the `name=value` pairs a person types, validated by its class.

`tracker record ApprovalGranted --field compound=kadcyla --field region=JP ...`
builds the fact through the same pydantic class a release's facts go through,
so a person cannot record what the extractor could not; a bad value is
refused in one line naming the field.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import get_args, get_origin

from pydantic import ValidationError

from tracker.domain.facts import FACT_TYPES, OWN_COMMANDS, Fact
from tracker.errors import TrackerError

#: Fields that belong to a release's reading of a fact, not to what a person states.
_NOT_TYPED = {"type", "quote", "line", "offset"}

#: The types `tracker record <EventType>` takes: what a release could have said.
RECORDABLE_TYPES = sorted(set(FACT_TYPES) - set(OWN_COMMANDS))


class BadFact(TrackerError):
    """A fact a person typed that its class refuses."""


def _is_sequence(annotation: object) -> bool:
    if get_origin(annotation) is tuple:
        return True
    return any(get_origin(arg) is tuple for arg in get_args(annotation))


def typed_fields(event_type: str) -> list[str]:
    """The fields a person may give for an event type."""
    return [name for name in FACT_TYPES[event_type].model_fields if name not in _NOT_TYPED]


def fact_from_fields(event_type: str, fields: Sequence[tuple[str, str]]) -> Fact:
    """The fact `fields` describe; a field given twice, or a list field, collects its values in order."""
    if event_type in OWN_COMMANDS:
        raise BadFact(f"{event_type} is recorded with `{OWN_COMMANDS[event_type]}`, which checks it first")
    if event_type not in FACT_TYPES:
        raise BadFact(f"no event type {event_type!r}; types: {', '.join(RECORDABLE_TYPES)}")
    cls = FACT_TYPES[event_type]
    allowed = typed_fields(event_type)
    values: dict[str, object] = {}
    for name, value in fields:
        if name not in allowed:
            raise BadFact(f"{event_type} has no field {name!r}; its fields: {', '.join(allowed)}")
        if _is_sequence(cls.model_fields[name].annotation):
            values.setdefault(name, [])
            values[name].append(value)  # type: ignore[attr-defined]
        elif name in values:
            raise BadFact(f"{event_type}: field {name!r} given twice")
        else:
            values[name] = None if value == "" else value
    try:
        return cls.model_validate(values)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "fields"
        given = f" (got {first['input']!r})" if first["type"] != "missing" else ""
        raise BadFact(f"{event_type}: field {where!r}: {first['msg']}{given}") from None
