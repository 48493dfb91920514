"""The audit commands' answers: replay as a story, a diff between two views, the facts behind a figure, the
hash chain's verdict.

Every line that states a value names the events behind it; every event is
shown with its verbatim sentence and where it was read (file and line), or
with who entered it and why. Each answer is also rows (a row a change, or a
row a source) and JSON, whose events are in the EVENTS.md record shape.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from projections.history import RecordedFact, TimeView
from projections.names import NameBook
from projections.records import event_record
from tracker.presentation.render import summary
from tracker.presentation.rows import Column, Rows

if TYPE_CHECKING:  # the audit's projections load with an audit command
    from projections.diff import Difference
    from projections.explain import Explanation
    from projections.fields import Change
    from projections.replay import ReplayStep


def describe_view(view: TimeView) -> str:
    parts = []
    if view.as_of is not None:
        parts.append(f"as of {view.as_of.isoformat()}")
    if view.occurred_by is not None:
        parts.append(f"occurred by {view.occurred_by.isoformat()}")
    if view.recorded_by is not None:
        parts.append(f"recorded by {view.recorded_by.isoformat()}")
    return ", ".join(parts) or "everything recorded"


def view_json(view: TimeView) -> dict[str, Any]:
    return {"as_of": view.as_of.isoformat() if view.as_of else None,
            "occurred_by": view.occurred_by.isoformat() if view.occurred_by else None,
            "recorded_by": view.recorded_by.isoformat() if view.recorded_by else None,
            "review_threshold": view.review_threshold}


def event_json(recorded: RecordedFact) -> dict[str, Any]:
    """An event as EVENTS.md records it, its compound as written."""
    return event_record(recorded, NameBook())


def change_json(change: Change) -> dict[str, Any]:
    return {"field": change.field, "before": change.before, "after": change.after, "sources": list(change.sources)}


def _fold(text: str) -> str:
    return " ".join(text.split())


def where(recorded: RecordedFact) -> str:
    """Where a fact comes from: its release file and line, or who entered it."""
    if recorded.release is not None:
        line = f" line {recorded.fact.line}" if recorded.fact.line else ""
        return f"{recorded.release.file}{line}"
    return f"entered by {recorded.entered_by}"


def said(recorded: RecordedFact) -> str:
    """The sentence a fact was read from, or for an entry the reason given."""
    if recorded.release is not None:
        return f"«{_fold(recorded.fact.quote)}»"
    return f"reason: {recorded.reason}"


def _event_line(recorded: RecordedFact, compound: str | None) -> str:
    details = summary(recorded.fact.model_dump(mode="json"))
    head = "  ".join(part for part in (recorded.type, compound or "(undisclosed)", details) if part)
    return f"{head}  [{recorded.id}]"


def _value(value: str | None) -> str:
    return "(none)" if value is None else value


def _change(change: Change) -> str:
    return f"{change.field}: {_value(change.before)} -> {_value(change.after)}"


def _cited(change: Change) -> str:
    return f"  [{', '.join(change.sources)}]" if change.sources else ""


def replay_text(steps: list[ReplayStep], view: TimeView) -> str:
    """Each event in turn: the day on the axis walked, the event, what it changed, its sentence."""
    lines = [f"Replay, {describe_view(view)}: {len(steps)} events"]
    for step in steps:
        lines.append(f"{step.day.isoformat()}  {_event_line(step.event, step.compound)}")
        lines += [f"    {_change(change)}" for change in step.changes] or ["    (no change to status or ledger)"]
        lines.append(f"    {said(step.event)} ({where(step.event)})")
    return "\n".join(lines) + "\n"


def diff_text(difference: Difference) -> str:
    """New events, events gone and why, then changed fields by compound and ledger lines."""
    lines = [f"From {describe_view(difference.first)} to {describe_view(difference.second)}"]
    lines.append(f"New events: {len(difference.new)}")
    lines += [f"  {r.reported_on.isoformat()}  {_event_line(r, r.fact.compound)}" for r in difference.new]
    if difference.gone:
        lines.append(f"Events no longer shown: {len(difference.gone)}")
        lines += [f"  {g.event.reported_on.isoformat()}  {_event_line(g.event, g.event.fact.compound)}: {g.why}"
                  for g in difference.gone]
    for compound, found in difference.compounds.items():
        lines.append(f"{compound}:")
        lines += [f"  {_change(c)}{_cited(c)}" for c in found]
    if difference.ledger:
        lines.append("Ledger:")
        lines += [f"  {_change(c)}{_cited(c)}" for c in difference.ledger]
    if not (difference.new or difference.gone or difference.compounds or difference.ledger):
        lines.append("No change.")
    return "\n".join(lines) + "\n"


def explain_text(explanations: list[Explanation]) -> str:
    """Each field: its value, the facts behind it with their sentences, and the values it replaced."""
    lines = []
    for item in explanations:
        lines.append(f"{item.subject} {item.field}: {item.value}")
        lines.append("  from:")
        for recorded in item.sources:
            lines.append(f"    {recorded.id}  {recorded.reported_on.isoformat()}  {recorded.type}  {where(recorded)}")
            lines.append(f"      {said(recorded)}")
        if item.changes:
            lines.append("  history:")
            lines += [f"    {c.event.reported_on.isoformat()}  {_value(c.before)} -> {_value(c.after)}  [{c.event.id}]"
                      for c in item.changes]
    return "\n".join(lines) + "\n"


# ---- as rows and JSON -------------------------------------------------------

_REPLAY_COLUMNS = tuple(Column(name) for name in (
    "day", "event", "type", "compound", "field", "before", "after", "sources", "source", "quote"))


def replay_rows(steps: Iterable[ReplayStep]) -> Rows:
    """A row a change an event made (one row for an event that changed nothing), with its sentence."""
    def rows() -> Iterator[tuple]:
        for step in steps:
            event = step.event
            found: list[Change | None] = list(step.changes) or [None]
            for change in found:
                yield (step.day, event.id, event.type, step.compound, change and change.field,
                       change and change.before, change and change.after, list(change.sources) if change else [],
                       where(event), _said_plain(event))

    return Rows(_REPLAY_COLUMNS, rows(), "No events in view.")


def replay_items(steps: Iterable[ReplayStep]) -> Iterator[dict[str, Any]]:
    for step in steps:
        yield {"day": step.day.isoformat(), "compound": step.compound, "event": event_json(step.event),
               "changes": [change_json(c) for c in step.changes]}


_DIFF_COLUMNS = tuple(Column(name) for name in (
    "change", "compound", "field", "before", "after", "sources", "event", "type", "reported_on", "why"))


def diff_rows(difference: Difference) -> Rows:
    """A row a new event, an event gone (and why), a changed status field or a ledger line that moved."""
    def rows() -> Iterator[tuple]:
        for r in difference.new:
            yield ("new event", r.fact.compound, None, None, None, [], r.id, r.type, r.reported_on, None)
        for g in difference.gone:
            yield ("event gone", g.event.fact.compound, None, None, None, [], g.event.id, g.event.type,
                   g.event.reported_on, g.why)
        for compound, found in difference.compounds.items():
            for c in found:
                yield ("status field", compound, c.field, c.before, c.after, list(c.sources), None, None, None, None)
        for c in difference.ledger:
            yield ("ledger line", None, c.field, c.before, c.after, list(c.sources), None, None, None, None)

    return Rows(_DIFF_COLUMNS, rows(), "No change.")


def diff_document(difference: Difference) -> dict[str, Any]:
    return {"first": view_json(difference.first), "second": view_json(difference.second),
            "new": [event_json(r) for r in difference.new],
            "gone": [{"event": event_json(g.event), "why": g.why} for g in difference.gone],
            "compounds": {name: [change_json(c) for c in found] for name, found in difference.compounds.items()},
            "ledger": [change_json(c) for c in difference.ledger]}


_EXPLAIN_COLUMNS = tuple(Column(name) for name in (
    "subject", "field", "value", "role", "event", "reported_on", "type", "before", "after", "source", "quote"))


def explain_rows(explanations: Iterable[Explanation]) -> Rows:
    """A row an event behind a value (role "source") and a row a change that led to it (role "change")."""
    def rows() -> Iterator[tuple]:
        for item in explanations:
            for r in item.sources:
                yield (item.subject, item.field, item.value, "source", r.id, r.reported_on, r.type, None, None,
                       where(r), _said_plain(r))
            for c in item.changes:
                yield (item.subject, item.field, item.value, "change", c.event.id, c.event.reported_on, c.event.type,
                       c.before, c.after, where(c.event), _said_plain(c.event))

    return Rows(_EXPLAIN_COLUMNS, rows(), "Nothing to explain.")


def explain_items(explanations: Iterable[Explanation]) -> Iterator[dict[str, Any]]:
    for item in explanations:
        yield {"subject": item.subject, "field": item.field, "value": item.value,
               "sources": [event_json(r) for r in item.sources],
               "changes": [{"event": c.event.id, "reported_on": c.event.reported_on.isoformat(),
                            "before": c.before, "after": c.after} for c in item.changes]}


def _said_plain(recorded: RecordedFact) -> str:
    """The sentence a fact was read from, or for an entry the reason given, as it is."""
    return recorded.fact.quote if recorded.release is not None else recorded.reason or ""


# ---- the hash chain ---------------------------------------------------------

_VERIFY_COLUMNS = tuple(Column(name) for name in (
    "intact", "events", "head", "breach_event", "breach_aggregate", "breach_version", "problem"))


def verify_text(result: Any) -> str:
    """The verdict of an intact chain (a broken one is an error the command reports)."""
    return f"intact: {result.events} events, chain head {result.head}\n"


def tampered(result: Any) -> str:
    """Where the chain first breaks, in one line."""
    breach = result.breach
    where = f"event #{breach.notification_id}"
    if breach.originator_id:
        where += f" (aggregate {breach.originator_id}, version {breach.originator_version})"
    return f"tampered: {where}: {breach.problem}; {result.events} events before it are intact"


def verify_rows(result: Any) -> Rows:
    breach = result.breach
    row = (result.intact, result.events, result.head, breach and breach.notification_id,
           breach and breach.originator_id, breach and breach.originator_version, breach and breach.problem)
    return Rows(_VERIFY_COLUMNS, [row])


def verify_document(result: Any) -> dict[str, Any]:
    breach = result.breach
    return {"intact": result.intact, "events": result.events, "head": result.head,
            "breach": None if breach is None else {
                "event": breach.notification_id, "aggregate": breach.originator_id and str(breach.originator_id),
                "version": breach.originator_version, "problem": breach.problem}}


# ---- one event in its release ---------------------------------------------

_CONTEXT_COLUMNS = (Column("line", "line"), Column("quoted"), Column("text"))


def _quoted(recorded: RecordedFact, number: int) -> bool:
    first = recorded.fact.line or 0
    return first <= number <= first + recorded.fact.quote.count("\n")


def context_text(recorded: RecordedFact, lines: list[tuple[int, str]]) -> str:
    """The event, where it was read, and the numbered lines around it, those it was read from marked `>`."""
    out = [f"{recorded.id}  {recorded.type}  confidence {recorded.fact.confidence:.2f}",
           f"  {summary(recorded.fact.model_dump(mode='json'))}"]
    if recorded.release is not None:
        out.append(f"  {recorded.release.file}, line {recorded.fact.line}, published {recorded.reported_on}")
    width = len(str(lines[-1][0])) if lines else 0
    out += [f"{'>' if _quoted(recorded, number) else ' '} {number:>{width}} | {text}" for number, text in lines]
    return "\n".join(out) + "\n"


def context_rows(recorded: RecordedFact, lines: list[tuple[int, str]]) -> Rows:
    return Rows(_CONTEXT_COLUMNS, [(number, _quoted(recorded, number), text) for number, text in lines],
                f"{recorded.id} was entered by hand: it has no release to show.")


def context_document(recorded: RecordedFact, lines: list[tuple[int, str]]) -> dict[str, Any]:
    return {"event": event_json(recorded),
            "lines": [{"line": number, "quoted": _quoted(recorded, number), "text": text} for number, text in lines]}
