"""Plain data to what a person reads: tables, status text, CSV and JSON lines.

Renderers return strings, so the CLI only prints and tests compare exact text.
Tables are drawn by `rich` without colour or terminal tricks unless asked, so
the same output works in a pipe.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from projections.status import CompoundStatus

#: Fields shown per event type in the one-line summary of a table row.
_SUMMARY_FIELDS = {
    "CompoundAliasRecorded": ("alias", "alias_kind"),
    "PartnershipRecorded": ("partner", "role", "territory"),
    "DevelopmentStatusReported": ("phase", "indication"),
    "TrialStarted": ("trial", "phase", "indication"),
    "TrialDesignReported": ("trial", "registry_ids", "enrollment"),
    "TopLineReported": ("trial", "phase", "outcome", "endpoint"),
    "DataPresented": ("conference", "abstract", "phase"),
    "RegulatorySubmission": ("agency", "region", "application", "status"),
    "RegulatoryOpinionIssued": ("agency", "region", "opinion"),
    "ApprovalGranted": ("agency", "region", "approval_type"),
    "RegulatoryDecisionExpected": ("agency", "region", "expected_by"),
    "SubmissionExpected": ("agency", "region", "expected_by"),
    "ReadoutExpected": ("trial", "expected_by"),
    "MilestoneTriggered": ("amount", "currency", "payer", "payee"),
    "MilestoneAnticipated": ("amount", "currency", "payee", "expected_by"),
    "MilestoneReceived": ("amount", "currency", "payer", "payee"),
    "RoyaltyReported": ("amount", "currency", "rate", "period"),
    "EventRetracted": ("retracts", "reason"),
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    return str(value)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], width: int = 160) -> str:
    """A plain table, wide enough not to wrap in a pipe."""
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for header in headers:
        grid.add_column(header, overflow="fold")
    for row in rows:
        grid.add_row(*(_text(cell) for cell in row))
    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, color_system=None, highlight=False).print(grid)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def summary(record: dict[str, Any]) -> str:
    fields = _SUMMARY_FIELDS.get(record["type"], ())
    return " ".join(f"{name}={_text(record.get(name))}" for name in fields if record.get(name) not in (None, "", []))


def events_table(records: list[dict[str, Any]]) -> str:
    rows = [(r["reported_on"], r["id"], r["type"], r["compound"] or "(undisclosed)", summary(r)) for r in records]
    return table(("reported", "id", "type", "compound", "details"), rows)


def events_jsonl(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_text(cell) for cell in row])
    return buffer.getvalue()


_EVENT_CSV = ("reported_on", "id", "type", "compound", "occurred_on", "details", "file", "line", "quote", "confidence")


def events_csv(records: list[dict[str, Any]]) -> str:
    rows = [(r["reported_on"], r["id"], r["type"], r["compound"], r["occurred_on"], summary(r),
             r["source"]["file"], r["source"]["line"], r["source"]["quote"], r["confidence"]) for r in records]
    return csv_text(_EVENT_CSV, rows)


def _regions(status: CompoundStatus, wanted: str) -> str:
    return ", ".join(r.region for r in status.regulatory if r.status == wanted)


_COMPOUND_COLUMNS = ("compound", "highest phase", "approved in", "partners", "aliases", "events")


def _compound_row(status: CompoundStatus) -> tuple:
    return (status.name, status.highest_phase or "", _regions(status, "approved"),
            ", ".join(p.name for p in status.partners), ", ".join(a.name for a in status.aliases), status.events)


def compounds_table(statuses: list[CompoundStatus]) -> str:
    return table(_COMPOUND_COLUMNS, (_compound_row(s) for s in statuses))


def compounds_csv(statuses: list[CompoundStatus]) -> str:
    return csv_text(_COMPOUND_COLUMNS, (_compound_row(s) for s in statuses))


def _cited(sources: list[str]) -> str:
    return f"  [{', '.join(sources)}]" if sources else ""


def status_text(status: CompoundStatus) -> str:
    """A compound's status as a page of text, each line citing the events behind it."""
    lines = [f"{status.name}  (as of {status.as_of.isoformat()}; {status.events} events)"]
    if status.aliases:
        lines.append("Also known as: " + ", ".join(f"{a.name}" + (f" ({a.kind})" if a.kind else "") for a in status.aliases))
    lines.append(f"Highest phase: {status.highest_phase or 'unknown'}")
    if status.partners:
        lines.append("Partners:")
        lines += [f"  {p.name}" + (f", {p.role}" if p.role else "") + (f", {p.territory}" if p.territory else "")
                  + _cited(p.sources) for p in status.partners]
    if status.phases:
        lines.append("Phase by indication:")
        lines += [f"  {p.phase:<9} {p.indication or '(indication not stated)'}" + _cited(p.sources) for p in status.phases]
    lines.append("Regulatory status by region:" if status.regulatory else "Regulatory status: no submission, opinion or approval reported")
    for region in status.regulatory:
        state = f"{region.opinion} opinion" if region.status == "opinion" else region.status
        lines.append(f"  {region.region:<3} {state} ({region.agency or 'agency not named'}, {region.occurred_on})"
                     + _cited(region.sources))
        lines += [f"        {step}" for step in region.history[:-1]]
    if status.trials:
        lines.append("Trials:")
    for trial in status.trials:
        head = f"  {trial.name or '(unnamed trial)'}" + (f", phase {trial.phase}" if trial.phase else "")
        if trial.indication:
            head += f", {trial.indication}"
        lines.append(head + _cited(trial.sources))
        if trial.registry_ids:
            lines.append(f"      registry: {', '.join(trial.registry_ids)}")
        if trial.enrollment:
            lines.append(f"      enrollment: {trial.enrollment}")
        if trial.primary_endpoint:
            lines.append(f"      primary endpoint: {trial.primary_endpoint}")
        if trial.started:
            lines.append(f"      started: {trial.started}")
        for readout in trial.readouts:
            lines.append(f"      readout {readout.reported_on}: {readout.outcome}"
                         + (f" ({readout.endpoint})" if readout.endpoint else "") + _cited(readout.sources))
        for presentation in trial.presentations:
            lines.append(f"      presented: {presentation}")
    lines.append("Expected:" if status.expected else "Expected: nothing ahead")
    for catalyst in status.expected:
        when = f"by {catalyst.expected_by.isoformat()}" if catalyst.expected_by else "no date given"
        lines.append(f"  {catalyst.what}, {when}" + _cited(catalyst.sources))
    return "\n".join(lines) + "\n"


def status_json(status: CompoundStatus) -> str:
    return status.model_dump_json(indent=2) + "\n"
