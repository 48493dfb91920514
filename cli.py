"""`tracker`: the command line over the Python API in `tracker.application`.

Each command parses options, calls the API once and prints what a renderer
made of the result. The tracker's own errors become one-line messages and a
non-zero exit in one place, `TrackerGroup.invoke`.
"""
from __future__ import annotations

import getpass
import json
import sys
from datetime import date, datetime, time, timezone
from functools import wraps
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click

from projections.history import TimeView
from tracker import render
from tracker.application import IngestOutcome, Tracker
from tracker.dates import parse_date
from tracker.domain.facts import FACT_TYPES
from tracker.errors import TrackerError
from tracker.store import DEFAULT_DB


def _version() -> str:
    try:
        return version("milestone-tracker")
    except PackageNotFoundError:
        return "unknown"


class TrackerGroup(click.Group):
    """Turns the tracker's own errors into clean one-line failures."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TrackerError as error:
            raise click.ClickException(str(error)) from None


class DateParam(click.ParamType):
    name = "DATE"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return parse_date(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


class InstantParam(click.ParamType):
    """An instant: an ISO date-time, or a date meaning the end of that day (UTC)."""

    name = "TIME"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime):
            return value
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            try:
                instant = datetime.combine(parse_date(value), time.max)
            except ValueError as error:
                self.fail(str(error), param, ctx)
        return instant if instant.tzinfo else instant.replace(tzinfo=timezone.utc)


DATE = DateParam()
INSTANT = InstantParam()


def time_view(command):
    """The three time axes of EVENTS.md, shared by every query command."""

    @click.option("--as-of", type=DATE, help="What the public record said on this day (default: today).")
    @click.option("--occurred-by", type=DATE, help="What had happened by this day, as now known.")
    @click.option("--recorded-by", type=INSTANT, help="What this tracker held at this instant (ISO time, UTC).")
    @wraps(command)
    def with_view(*args, as_of, occurred_by, recorded_by, **kwargs):
        if as_of is None and occurred_by is None and recorded_by is None:
            as_of = date.today()
        return command(*args, view=TimeView(as_of=as_of, occurred_by=occurred_by, recorded_by=recorded_by), **kwargs)

    return with_view


def who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@click.group(cls=TrackerGroup)
@click.version_option(_version(), "--version", prog_name="tracker")
@click.option("--db", envvar="TRACKER_DB", default=DEFAULT_DB, show_default=True,
              help="SQLite file, or a postgresql:// URL (env TRACKER_DB).")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """Track drug compounds' clinical, regulatory and financial milestones from press releases."""
    ctx.obj = Tracker(db)
    ctx.call_on_close(ctx.obj.close)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", type=DATE, help="Publication date for releases with no dateline and no manifest entry.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV/TSV of file,published (a manifest.csv beside the files is read anyway).")
@click.pass_obj
def ingest(tracker: Tracker, paths: tuple[Path, ...], published: date | None, manifest: Path | None) -> None:
    """Read releases (files or folders) into events. The same text twice adds nothing."""

    def report(outcome: IngestOutcome) -> None:
        if outcome.duplicate:
            click.echo(f"already ingested: {outcome.file} (release {outcome.release_id}); nothing added")
        else:
            click.echo(f"ingested {outcome.file}: {outcome.events} events, published {outcome.published.isoformat()} "
                       f"(from {outcome.published_from}), release {outcome.release_id}")

    result = tracker.ingest(paths, published=published, manifest=manifest, progress=report)
    for skipped in result.skipped:
        click.echo(f"warning: skipped {skipped.path}: {skipped.reason}", err=True)
    new = [o for o in result.ingested if not o.duplicate]
    click.echo(f"{len(new)} releases ingested, {len(result.ingested) - len(new)} already present, "
               f"{result.new_events} new events")


@cli.command()
@time_view
@click.option("--compound", help="Only events about this compound (any alias).")
@click.option("--type", "types", multiple=True, type=click.Choice(sorted(FACT_TYPES)), help="Only events of this type (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.pass_obj
def events(tracker: Tracker, view: TimeView, compound: str | None, types: tuple[str, ...], fmt: str) -> None:
    """The recorded events, ordered by publication date and position in the release."""
    records = tracker.events(view, compound=compound, types=types)
    output = {"table": render.events_table, "jsonl": render.events_jsonl, "csv": render.events_csv}[fmt](records)
    click.echo(output, nl=False)


@cli.command()
@time_view
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_obj
def compounds(tracker: Tracker, view: TimeView, fmt: str) -> None:
    """Every compound in the record, with its highest phase and approvals."""
    statuses = tracker.compounds(view)
    if fmt == "json":
        click.echo(json.dumps([s.model_dump(mode="json") for s in statuses], indent=2))
    elif fmt == "csv":
        click.echo(render.compounds_csv(statuses), nl=False)
    else:
        click.echo(render.compounds_table(statuses), nl=False)


@cli.command()
@click.argument("name")
@time_view
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def status(tracker: Tracker, name: str, view: TimeView, fmt: str) -> None:
    """One compound's status: names, partners, phases, regulatory map, trials, what is expected."""
    result = tracker.status(name, view)
    click.echo(render.status_json(result) if fmt == "json" else render.status_text(result), nl=False)


# ---- ledger and receivables -------------------------------------------


@cli.group()
def record() -> None:
    """Record by hand what no release says: invoices, payments, write-offs, facts."""


# ---- audit -------------------------------------------------------------


@cli.command()
@click.pass_obj
def verify(tracker: Tracker) -> None:
    """Check that no stored event was altered, removed, inserted or reordered behind the tracker's back."""
    result = tracker.verify()
    if result.intact:
        click.echo(f"intact: {result.events} events, chain head {result.head}")
        return
    breach = result.breach
    where = f"event #{breach.notification_id}"
    if breach.originator_id:
        where += f" (aggregate {breach.originator_id}, version {breach.originator_version})"
    raise click.ClickException(f"tampered: {where}: {breach.problem}; {result.events} events before it are intact")


@cli.command()
@click.argument("event_id")
@click.option("--reason", required=True, help="Why the event no longer stands.")
@click.option("--by", "entered_by", default=who, show_default="the current user", help="Who retracts it.")
@click.pass_obj
def retract(tracker: Tracker, event_id: str, reason: str, entered_by: str) -> None:
    """Withdraw an event from the projections from today on; it stays in the log."""
    entry = tracker.retract(event_id, entered_by=entered_by, reason=reason)
    click.echo(f"retracted {tracker.find_event(event_id).id} as {entry}")


# ---- review and evaluation ---------------------------------------------


# ---- reports and calendar ----------------------------------------------


def main() -> None:
    cli(prog_name="tracker")


if __name__ == "__main__":
    sys.exit(main())
