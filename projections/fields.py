"""A compound's status and the ledger as flat, named fields: what replay, diff and explain compare.

Each value of a `CompoundStatus` gets a dotted name a person can type
(`phase`, `regulatory.JP`, `trials.MARIANNE.readouts`, `partners.Genentech`)
and keeps the ids of the facts behind it; each ledger line is one field named
by its id. Two snapshots of fields differ field by field.
"""
from __future__ import annotations

from dataclasses import dataclass

from projections.ledger import Ledger, LedgerLine
from projections.status import CompoundStatus


@dataclass(frozen=True)
class FieldValue:
    value: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    """One field's value before and after (None: the field did not exist)."""

    field: str
    before: str | None
    after: str | None
    sources: tuple[str, ...] = ()
    """The facts behind the value after the change (before it, when the field went away)."""


Fields = dict[str, FieldValue]


def _join(*parts: str | None) -> str:
    return ", ".join(p for p in parts if p)


def status_fields(status: CompoundStatus) -> Fields:
    """Every value of the status under its field name; empty values are left out."""
    fields: Fields = {}

    def put(name: str, value: str | None, sources: list[str] | tuple[str, ...]) -> None:
        if value:
            fields[name] = FieldValue(value, tuple(sources))

    behind_highest = [s for p in status.phases if p.phase == status.highest_phase for s in p.sources] or \
                     [s for t in status.trials if t.phase == status.highest_phase for s in t.sources]
    put("phase", status.highest_phase, behind_highest)
    for entry in status.phases:
        put(f"phase.{entry.indication or '(indication not stated)'}", entry.phase, entry.sources)
    for region in status.regulatory:
        put(f"regulatory.{region.region}", f"{region.state} ({region.agency or 'agency not named'}, {region.when})",
            region.sources)
        put(f"regulatory.{region.region}.indications", "; ".join(region.indications), region.sources)
    for partner in status.partners:
        put(f"partners.{partner.name}", _join(partner.role, partner.territory) or "partner", partner.sources)
    for alias in status.aliases:
        put(f"aliases.{alias.name}", alias.kind or "name", alias.sources)
    for trial in status.trials:
        name = f"trials.{trial.name or '(unnamed ' + trial.sources[0] + ')'}"
        put(name, _join(trial.phase and f"phase {trial.phase}", trial.indication) or "trial", trial.sources)
        put(f"{name}.registry", ", ".join(trial.registry_ids), trial.sources)
        put(f"{name}.enrollment", str(trial.enrollment) if trial.enrollment else None, trial.sources)
        put(f"{name}.primary_endpoint", trial.primary_endpoint, trial.sources)
        put(f"{name}.started", trial.started, trial.sources)
        put(f"{name}.readouts", "; ".join(f"{r.when}: {r.outcome}" + (f" ({r.endpoint})" if r.endpoint else "")
                                          for r in trial.readouts), [s for r in trial.readouts for s in r.sources])
        put(f"{name}.presented", "; ".join(trial.presentations), trial.sources)
    for catalyst in status.expected:
        when = f"by {catalyst.expected_by.isoformat()}" if catalyst.expected_by else "no date given"
        put(f"expected.{catalyst.what}", f"{when}, overdue" if catalyst.overdue else when, catalyst.sources)
    return fields


def line_value(line: LedgerLine) -> str:
    return f"{line.status} {line.currency} {line.amount:,} (outstanding {line.outstanding:,})"


def ledger_fields(book: Ledger, compound: str | None = None) -> Fields:
    """Each ledger line (of one compound, or all) as a field named by the line's id."""
    return {f"ledger.{line.id}": FieldValue(line_value(line), tuple(line.sources))
            for line in book.lines if compound is None or line.compound == compound}


def changes(before: Fields, after: Fields) -> list[Change]:
    """The fields whose value differs, appeared or went away, in field-name order."""
    found = []
    for name in sorted(before.keys() | after.keys(), key=str.lower):
        old, new = before.get(name), after.get(name)
        if old is not None and new is not None and old.value == new.value:
            continue
        sources = (new or old).sources  # type: ignore[union-attr]
        found.append(Change(name, old.value if old else None, new.value if new else None, sources))
    return found
