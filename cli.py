"""`tracker`: the command line over the Python API in `tracker.application`.

Each command parses options, calls the API once and prints what a renderer
made of the result. The tracker's own errors become one-line messages and a
non-zero exit in one place, `TrackerGroup.invoke`.
"""
from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import wraps
from pathlib import Path
from typing import Literal

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from tracker.application import (
    DEFAULT_DB,
    FACT_TYPES,
    OWN_COMMANDS,
    RECORDABLE_TYPES,
    REVIEW_THRESHOLD,
    IngestOutcome,
    IngestReport,
    TimeView,
    Tracker,
    count_release_files,
    evaluate,
    parse_date,
    typed_fields,
)
from tracker.errors import TrackerError, shown
from tracker.presentation import audit_text, render


def on_terminal(stream) -> bool:
    """Whether `stream` is a terminal a person watches (not a pipe or a file)."""
    return stream.isatty()


def use_colour(stream) -> bool:
    """Colour on a terminal only; never with NO_COLOR set (no-color.org), always with FORCE_COLOR set."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or on_terminal(stream)


class Failure(click.ClickException):
    """One line on stderr, "Error: ...", the prefix in red where colour is wanted."""

    def show(self, file=None) -> None:
        stream = file or sys.stderr
        colour = use_colour(stream)
        prefix = click.style("Error:", fg="red", bold=True) if colour else "Error:"
        click.echo(f"{prefix} {self.format_message()}", file=stream, color=colour)


class TrackerGroup(click.Group):
    """Turns the tracker's own errors into clean one-line failures."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TrackerError as error:
            raise Failure(str(error)) from None


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
        return instant if instant.tzinfo else instant.replace(tzinfo=UTC)


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
        threshold = click.get_current_context().find_root().params["review_threshold"]
        view = TimeView(as_of=as_of, occurred_by=occurred_by, recorded_by=recorded_by, review_threshold=threshold)
        return command(*args, view=view, **kwargs)

    return with_view


def who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def field_pairs(options: tuple[str, ...]) -> list[tuple[str, str]]:
    """`--field name=value` options as (name, value) pairs, in order."""
    pairs = []
    for option in options:
        name, sep, value = option.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{option!r} is not name=value", param_hint="--field")
        pairs.append((name.strip(), value.strip()))
    return pairs


@click.group(cls=TrackerGroup)
@click.version_option(package_name="milestone-tracker", prog_name="tracker")
@click.option("--db", envvar="TRACKER_DB", default=DEFAULT_DB, show_default=True,
              help="SQLite file, or a postgresql:// URL (env TRACKER_DB).")
@click.option("--review-threshold", type=click.FloatRange(0, 1), envvar="TRACKER_REVIEW_THRESHOLD",
              default=REVIEW_THRESHOLD, show_default=True,
              help="Events read with less confidence wait for review (env TRACKER_REVIEW_THRESHOLD).")
@click.pass_context
def cli(ctx: click.Context, db: str, review_threshold: float) -> None:
    """Track drug compounds' clinical, regulatory and financial milestones from press releases."""
    ctx.obj = Tracker(db)
    ctx.call_on_close(ctx.obj.close)


def _ingest_with_progress(tracker: Tracker, paths: tuple[Path, ...], published: date | None, manifest: Path | None,
                          line: Callable[[IngestOutcome], str], verify_key: Path | None) -> IngestReport:
    """`Tracker.ingest` with a live bar of releases done (of those found under `paths`) under their lines."""
    console = Console(file=sys.stdout, force_terminal=True, no_color=not use_colour(sys.stdout), highlight=False)
    found = count_release_files(paths)
    columns = (SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[file]}", style="dim"))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingest", total=found, file="")

        def advance(outcome: IngestOutcome) -> None:
            progress.console.print(line(outcome), markup=False, soft_wrap=True)
            progress.update(task, advance=1, file=outcome.file)

        return tracker.ingest(paths, published=published, manifest=manifest, progress=advance, verify_key=verify_key)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", type=DATE, help="Publication date for releases with no dateline and no manifest entry.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV/TSV of file,published (a manifest.csv beside the files is read anyway).")
@click.option("--verify-key", type=click.Path(exists=True, dir_okay=False, path_type=Path), envvar="TRACKER_VERIFY_KEY",
              help="PEM file of the Ed25519 key an export must be signed with (env TRACKER_VERIFY_KEY).")
@click.pass_obj
def ingest(tracker: Tracker, paths: tuple[Path, ...], published: date | None, manifest: Path | None,
           verify_key: Path | None) -> None:
    """Read releases (files or folders) into events. The same text twice adds nothing.

    A line per release; on a terminal, with a progress bar below the lines while the releases are read.
    """

    def line(outcome: IngestOutcome) -> str:
        if outcome.duplicate:
            return f"already ingested: {outcome.file} (release {outcome.release_id}); nothing added"
        return (f"ingested {outcome.file}: {outcome.events} events, published {outcome.published.isoformat()} "
                f"(from {outcome.published_from}), release {outcome.release_id}")

    if on_terminal(sys.stdout):
        result = _ingest_with_progress(tracker, paths, published, manifest, line, verify_key)
    else:
        result = tracker.ingest(paths, published=published, manifest=manifest, progress=lambda o: click.echo(line(o)),
                                verify_key=verify_key)
    named, rest = result.skipped_summary()
    for skipped in named:
        click.echo(f"warning: skipped {shown(skipped.path)}: {skipped.reason}", err=True)
    if rest:
        click.echo(f"warning: skipped {rest}", err=True)
    new = [o for o in result.ingested if not o.duplicate]
    click.echo(f"{len(new)} releases ingested, {len(result.ingested) - len(new)} already present, "
               f"{result.new_events} new events")
    for imported in result.exports:
        seal = imported.seal
        head = (f"chain head {seal.chain_head} at event #{seal.chain_event}" if seal.chain_head
                else "no chain head stated (an export from an older tracker)")
        signed = (f"signature of key {seal.signed_by} verified" if seal.verified
                  else f"signed by key {seal.signed_by}, not checked (give --verify-key)" if seal.signed_by
                  else "not signed")
        click.echo(f"export {shown(imported.folder)}: {head}; {signed}")


@cli.command()
@time_view
@click.option("--compound", help="Only events about this compound (any alias).")
@click.option("--type", "types", multiple=True, type=click.Choice(sorted(FACT_TYPES)), help="Only events of this type (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]), default="table", show_default=True)
@click.pass_obj
def events(tracker: Tracker, view: TimeView, compound: str | None, types: tuple[str, ...], fmt: str) -> None:
    """The recorded events, ordered by publication date and position in the release."""
    records = tracker.events(view, compound=compound, types=types)
    output = {"table": render.events_table, "jsonl": render.events_jsonl, "json": render.events_json,
              "csv": render.events_csv}[fmt](records)
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
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True)
@click.pass_obj
def status(tracker: Tracker, name: str, view: TimeView, fmt: str) -> None:
    """One compound's status: names, partners, phases, regulatory map, trials, what is expected."""
    result = tracker.status(name, view)
    click.echo({"text": render.status_text, "json": render.status_json, "csv": render.status_csv}[fmt](result), nl=False)


@cli.command()
@click.pass_obj
def rebuild(tracker: Tracker) -> None:
    """Rebuild the read model from the whole event log (the events themselves are untouched)."""
    click.echo(f"rebuilt the read model from {tracker.rebuild()} events")


# ---- ledger and receivables -------------------------------------------


class AmountParam(click.ParamType):
    """An exact amount of money in whole currency units: 5000000, 5,000,000 or 1234.56; never a float."""

    name = "AMOUNT"

    def convert(self, value, param, ctx):
        if isinstance(value, Decimal):
            return value
        try:
            amount = Decimal(str(value).replace(",", "").replace("_", "").strip())
        except InvalidOperation:
            self.fail(f"not an amount: {value!r}", param, ctx)
        if not amount.is_finite():
            self.fail(f"not an amount: {value!r}", param, ctx)
        return amount


AMOUNT = AmountParam()
_CURRENCY = click.option("--currency", help="ISO code; the line's currency when left out (must match it).")


def _entry_options(command):
    """Who records an entry against a ledger line, why, and the day it took effect."""
    command = click.option("--reason", required=True, help="Why: the document or call behind it.")(command)
    command = click.option("--by", "entered_by", default=who, show_default="the current user", help="Who records it.")(command)
    return click.option("--on", "on", type=DATE, default=date.today, show_default="today",
                        help="The day it happened (invoice date, value date); the entry is known from that day.")(command)


@cli.command()
@time_view
@click.option("--compound", help="Only lines of this compound (any alias).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def ledger(tracker: Tracker, view: TimeView, compound: str | None, fmt: str) -> None:
    """Every milestone and royalty line, with each change of state and the event behind it."""
    book = tracker.ledger(view, compound=compound)
    click.echo(render.ledger_json(book) if fmt == "json" else render.ledger_table(book), nl=False)


@cli.command()
@time_view
@click.option("--by", "group_by", type=click.Choice(["counterparty", "compound", "agreement"]), default="counterparty",
              show_default=True, help="How totals are grouped.")
@click.option("--format", "fmt", type=click.Choice(["table", "md", "csv", "json"]), default="table", show_default=True)
@click.option("--rates", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TOML file of exchange rates (base = \"USD\", [rates] EUR = \"1.08\"): adds a converted total.")
@click.pass_obj
def receivables(tracker: Tracker, view: TimeView, group_by: str, fmt: str, rates: Path | None) -> None:
    """What is owed, aged past its due date to the as-of day; what may be owed, apart."""
    report = tracker.receivables(view, by=group_by, rates=rates)  # type: ignore[arg-type]
    renderer = {"table": render.receivables_table, "md": render.receivables_markdown,
                "csv": render.receivables_csv, "json": render.receivables_json}[fmt]
    click.echo(renderer(report), nl=False)


@cli.group()
def terms() -> None:
    """Agreement terms a person records: payers, milestone schedules, payment terms, royalty tiers."""


@terms.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_entry_options
@click.pass_obj
def terms_load(tracker: Tracker, file: Path, on: date, entered_by: str, reason: str) -> None:
    """Record each agreement of a terms FILE (TOML; see examples/terms.toml), known from --on."""
    for agreement, entry in tracker.load_terms(file, entered_by=entered_by, reason=reason, on=on):
        click.echo(f"recorded the terms of agreement {agreement} as {entry}, known from {on.isoformat()}")


class RecordGroup(click.Group):
    """The ledger's own `record` commands, and one more per event type: `record ApprovalGranted --field ...`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return super().list_commands(ctx) + RECORDABLE_TYPES

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in OWN_COMMANDS:
            raise click.UsageError(f"{name} is recorded with `{OWN_COMMANDS[name]}`, which checks it first", ctx)
        return super().get_command(ctx, name) or (_fact_command(name) if name in RECORDABLE_TYPES else None)


def _fact_command(event_type: str) -> click.Command:
    """`record EVENT_TYPE`: a fact of that type, its fields given as --field name=value."""

    @click.pass_obj
    def record_fact(tracker: Tracker, fields: tuple[str, ...], reason: str, entered_by: str,
                    reported_on: date | None) -> None:
        entry = tracker.record(event_type, field_pairs(fields), entered_by=entered_by, reason=reason,
                               reported_on=reported_on)
        click.echo(f"recorded {event_type} as {entry}")

    return click.Command(event_type, callback=record_fact, params=[
        click.Option(["--field", "fields"], multiple=True,
                     help=f"name=value, repeatable; an empty value is null. Fields: {', '.join(typed_fields(event_type))}."),
        click.Option(["--reason"], required=True, help="Why: the document or call behind it."),
        click.Option(["--by", "entered_by"], default=who, show_default="the current user", help="Who records it."),
        click.Option(["--reported-on"], type=DATE, help="The day it became known (default: today)."),
    ], help=f"Record {event_type}: a fact a person supplies, with who and why.")


@cli.group(cls=RecordGroup)
def record() -> None:
    """Record by hand what no release says: invoices, payments, write-offs, confirmations, any fact."""


@record.command("invoice")
@click.argument("line_id")
@click.option("--amount", type=AMOUNT, required=True, help="Invoiced amount, in whole currency units.")
@_CURRENCY
@click.option("--due", type=DATE, help="Due date on the invoice (else from the payment terms).")
@_entry_options
@click.pass_obj
def record_invoice(tracker: Tracker, line_id: str, amount: Decimal, currency: str | None, due: date | None,
                   on: date, entered_by: str, reason: str) -> None:
    """An invoice sent for an earned ledger line."""
    entry = tracker.record_invoice(line_id, amount, on, entered_by, reason, currency=currency, due=due)
    click.echo(f"recorded the invoice for {line_id} as {entry}")


@record.command("payment")
@click.argument("line_id")
@click.option("--amount", type=AMOUNT, required=True, help="Amount received, in whole currency units.")
@_CURRENCY
@_entry_options
@click.pass_obj
def record_payment(tracker: Tracker, line_id: str, amount: Decimal, currency: str | None,
                   on: date, entered_by: str, reason: str) -> None:
    """A payment received against an earned ledger line."""
    entry = tracker.record_payment(line_id, amount, on, entered_by, reason, currency=currency)
    click.echo(f"recorded the payment for {line_id} as {entry}")


@record.command("write-off")
@click.argument("line_id")
@_entry_options
@click.pass_obj
def record_write_off(tracker: Tracker, line_id: str, on: date, entered_by: str, reason: str) -> None:
    """Give up on what is still outstanding (or still contingent) on a ledger line."""
    entry = tracker.record_write_off(line_id, on, entered_by, reason)
    click.echo(f"recorded the write-off of {line_id} as {entry}")


@record.command("net-sales")
@click.argument("compound")
@click.option("--period", required=True, help="The period the sales are for: 2015-Q1, 2015-03, 2015-H1 or 2015.")
@click.option("--amount", type=AMOUNT, required=True, help="Net sales, in whole currency units.")
@click.option("--currency", required=True, help="ISO code of the sales figure.")
@click.option("--territory", help="Where the sales were made, when the figure is for one territory.")
@_entry_options
@click.pass_obj
def record_net_sales(tracker: Tracker, compound: str, period: str, amount: Decimal, currency: str,
                     territory: str | None, on: date, entered_by: str, reason: str) -> None:
    """A compound's net sales for a period, on which royalties are computed from the recorded terms."""
    entry = tracker.record_net_sales(compound, period, amount, currency, on, entered_by, reason, territory=territory)
    click.echo(f"recorded the net sales of {compound} for {period} as {entry}")


@record.command("confirm")
@click.argument("line_id")
@_entry_options
@click.pass_obj
def record_confirm(tracker: Tracker, line_id: str, on: date, entered_by: str, reason: str) -> None:
    """Confirm a contingent line is earned, e.g. once a later event met its condition."""
    entry = tracker.record_confirmation(line_id, on, entered_by, reason)
    click.echo(f"recorded the confirmation of {line_id} as {entry}")


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


@cli.command()
@time_view
@click.option("--compound", help="Only events about this compound (any alias).")
@click.pass_obj
def replay(tracker: Tracker, view: TimeView, compound: str | None) -> None:
    """History event by event, in order of the axis asked (publication by default), with what each changed."""
    click.echo(audit_text.replay_text(tracker.replay(view, compound), view), nl=False)


_AXES = {"as-of": ("as_of", DATE), "occurred-by": ("occurred_by", DATE), "recorded-by": ("recorded_by", INSTANT)}


@cli.command()
@click.argument("first")
@click.argument("second")
@click.option("--on", "axis", type=click.Choice(list(_AXES)), default="as-of", show_default=True,
              help="The time axis FIRST and SECOND are on (recorded-by takes ISO instants).")
@click.option("--compound", help="Only this compound (any alias).")
@click.pass_obj
def diff(tracker: Tracker, first: str, second: str, axis: str, compound: str | None) -> None:
    """What changed from FIRST to SECOND: new events, events gone and why, status fields, ledger lines."""
    name, kind = _AXES[axis]
    threshold = click.get_current_context().find_root().params["review_threshold"]
    views = [TimeView(**{name: kind.convert(value, None, None)}, review_threshold=threshold) for value in (first, second)]
    click.echo(audit_text.diff_text(tracker.diff(*views, compound=compound)), nl=False)


@cli.command()
@click.argument("name")
@click.argument("field", required=False)
@time_view
@click.pass_obj
def explain(tracker: Tracker, name: str, field: str | None, view: TimeView) -> None:
    """The events and sentences behind each value of a compound's status (FIELD: one, or a prefix), or a ledger line."""
    click.echo(audit_text.explain_text(tracker.explain(name, field, view)), nl=False)


@cli.command()
@click.option("--as-of", type=DATE, help="The day of the report in events.jsonl (default: today).")
@click.option("--recorded-by", type=INSTANT, help="Export the record as this tracker held it at this instant.")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="A new folder to write the export to.")
@click.option("--signing-key", type=click.Path(exists=True, dir_okay=False, path_type=Path), envvar="TRACKER_SIGNING_KEY",
              help="PEM file of the Ed25519 private key that signs SHA256SUMS (env TRACKER_SIGNING_KEY).")
@click.pass_obj
def export(tracker: Tracker, as_of: date | None, recorded_by: datetime | None, output: Path,
           signing_key: Path | None) -> None:
    """Write the record, the releases, person entries and checksums for an auditor; `tracker ingest DIR` reads it back."""
    view = TimeView(as_of=as_of or (None if recorded_by else date.today()), recorded_by=recorded_by,
                    review_threshold=click.get_current_context().find_root().params["review_threshold"])
    exported = tracker.export(output, view, signing_key)
    click.echo(f"exported {len(exported.files)} files to {output} ({audit_text.describe_view(view)}); "
               f"check them with: cd {output} && sha256sum -c SHA256SUMS")
    signed = f"; signed with key {exported.seal.signed_by}" if exported.seal.signed_by else "; not signed"
    click.echo(f"chain head {exported.seal.chain_head} at event #{exported.seal.chain_event}{signed}")


# ---- review and evaluation ---------------------------------------------


@cli.group()
def review() -> None:
    """Events read with too little confidence wait here for a person's decision."""


@review.command("list")
@time_view
@click.pass_obj
def review_list(tracker: Tracker, view: TimeView) -> None:
    """The events waiting for review, least confident first."""
    queue = sorted(tracker.review_queue(view), key=lambda p: (p.recorded.fact.confidence, p.recorded.sort_key))
    if not queue:
        click.echo(f"nothing to review (threshold {view.review_threshold})")
        return
    click.echo(render.review_table(queue), nl=False)


@review.command("show")
@click.argument("event_id")
@click.pass_obj
def review_show(tracker: Tracker, event_id: str) -> None:
    """One event with the lines of its release around it."""
    recorded, lines = tracker.context(event_id)
    click.echo(f"{recorded.id}  {recorded.type}  confidence {recorded.fact.confidence:.2f}")
    click.echo(f"  {render.fact_summary(recorded.fact)}")
    if recorded.release is not None:
        click.echo(f"  {recorded.release.file}, line {recorded.fact.line}, published {recorded.reported_on}")
    width = len(str(lines[-1][0])) if lines else 0
    for number, text in lines:
        marker = ">" if recorded.fact.line <= number <= recorded.fact.line + recorded.fact.quote.count("\n") else " "
        click.echo(f"{marker} {number:>{width}} | {text}")


def _decide(tracker: Tracker, event_id: str, decision: Literal["accepted", "rejected"], reason: str, entered_by: str,
            changes: dict[str, str | None] | None = None) -> None:
    entry = tracker.review(event_id, decision, entered_by=entered_by, reason=reason, changes=changes)
    edits = f" with {', '.join(changes)} changed" if changes else ""
    click.echo(f"{decision} {tracker.find_event(event_id).id}{edits} as {entry}")


_reason = click.option("--reason", required=True, help="Why (kept with the decision).")
_by = click.option("--by", "entered_by", default=who, show_default="the current user", help="Who decides.")


def _decision_command(name: str, decision: Literal["accepted", "rejected"], summary: str) -> click.Command:
    """`review accept` and `review reject`: one decision on one event, with why and by whom."""

    @review.command(name, help=summary)
    @click.argument("event_id")
    @_reason
    @_by
    @click.pass_obj
    def decide(tracker: Tracker, event_id: str, reason: str, entered_by: str) -> None:
        _decide(tracker, event_id, decision, reason, entered_by)

    return decide


review_accept = _decision_command("accept", "accepted", "Let the event into the projections from now on.")
review_reject = _decision_command("reject", "rejected", "Keep the event out of the projections whatever its confidence.")


@review.command("edit")
@click.argument("event_id")
@click.option("--field", "fields", multiple=True, required=True,
              help="name=value to correct (repeatable); an empty value is null.")
@_reason
@_by
@click.pass_obj
def review_edit(tracker: Tracker, event_id: str, fields: tuple[str, ...], reason: str, entered_by: str) -> None:
    """Accept the event with fields corrected."""
    _decide(tracker, event_id, "accepted", reason, entered_by, {name: value or None for name, value in field_pairs(fields)})


@cli.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--corpus", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding the labelled releases.")
@click.option("--verbose", is_flag=True, help="List every miss and every extra.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def evaluate_command(gold_dir: Path, corpus: Path, verbose: bool, fmt: str) -> None:
    """Measure the reading against releases you labelled (gold JSON files): precision, recall, F1 by type."""
    result = evaluate(gold_dir, corpus)
    total = result.total
    if fmt == "json":
        payload = {"per_type": {k: {"tp": t.tp, "fp": t.fp, "fn": t.fn, "precision": t.precision, "recall": t.recall,
                                    "f1": t.f1} for k, t in sorted(result.per_type.items())},
                   "precision": total.precision, "recall": total.recall, "f1": total.f1,
                   "quotes_verbatim": result.quotes_verbatim, "misses": result.misses, "extras": result.extras}
        click.echo(json.dumps(payload, indent=2))
        return
    rows = [(kind, t.tp, t.fp, t.fn, f"{t.precision:.2f}", f"{t.recall:.2f}", f"{t.f1:.2f}")
            for kind, t in sorted(result.per_type.items())]
    rows.append(("micro", total.tp, total.fp, total.fn, f"{total.precision:.2f}", f"{total.recall:.2f}", f"{total.f1:.2f}"))
    click.echo(render.table(("type", "tp", "fp", "fn", "P", "R", "F1"), rows), nl=False)
    quotes = "n/a" if result.quotes_verbatim is None else f"{result.quotes_verbatim:.2f}"
    click.echo(f"quotes verbatim: {quotes}")
    if verbose:
        click.echo("\nmissed:\n" + "\n".join(f"  {m}" for m in result.misses))
        click.echo("\nextra:\n" + "\n".join(f"  {e}" for e in result.extras))


# ---- reports and calendar ----------------------------------------------


@cli.command()
@time_view
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True, path_type=Path),
              default=Path("report.html"), show_default=True, help="The HTML file to write; - for stdout.")
@click.pass_obj
def report(tracker: Tracker, view: TimeView, output: Path) -> None:
    """One self-contained HTML page: pipeline, timelines, catalysts, receivables and the event log, each figure linked to its sources."""
    from tracker.presentation.report_page import render_html  # matplotlib loads only for a report

    page = render_html(tracker.report(view))
    if str(output) == "-":
        click.echo(page, nl=False)
        return
    output.write_text(page, encoding="utf-8")
    click.echo(f"wrote {output}: the report as of {view.horizon.isoformat()}")


@cli.command()
@time_view
@click.option("--from", "start", type=DATE, help="Only catalysts expected on or after this day.")
@click.option("--to", "end", type=DATE, help="Only catalysts expected on or before this day.")
@click.option("--compound", help="Only catalysts of this compound (any alias).")
@click.option("--format", "fmt", type=click.Choice(["table", "ics", "json", "csv"]), default="table", show_default=True,
              help="ics: an iCalendar file to import into a calendar (all-day events on the expected-by day).")
@click.pass_obj
def calendar(tracker: Tracker, view: TimeView, start: date | None, end: date | None, compound: str | None,
             fmt: str) -> None:
    """Readouts, decisions and submissions still expected, each with its window: from the release announcing it to its expected-by day."""
    if fmt == "ics":
        from tracker.presentation.ics import calendar_ics

        click.echo(calendar_ics(tracker.calendar(view, start, end, compound), view.horizon), nl=False)
        return
    entries = tracker.calendar(view, start, end, compound)
    click.echo({"table": render.calendar_table, "json": render.calendar_json, "csv": render.calendar_csv}[fmt](entries),
               nl=False)


def main() -> None:
    cli(prog_name="tracker")


if __name__ == "__main__":
    main()
