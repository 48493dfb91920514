"""The audit commands' text: replay as a story, a diff between two views, the facts behind a figure.

Every line that states a value names the events behind it; every event is
shown with its verbatim sentence and where it was read (file and line), or
with who entered it and why.
"""
from __future__ import annotations

from projections.diff import Difference
from projections.explain import Explanation
from projections.fields import Change
from projections.history import RecordedFact, TimeView
from projections.replay import ReplayStep
from tracker.presentation.render import summary


def describe_view(view: TimeView) -> str:
    parts = []
    if view.as_of is not None:
        parts.append(f"as of {view.as_of.isoformat()}")
    if view.occurred_by is not None:
        parts.append(f"occurred by {view.occurred_by.isoformat()}")
    if view.recorded_by is not None:
        parts.append(f"recorded by {view.recorded_by.isoformat()}")
    return ", ".join(parts) or "everything recorded"


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
