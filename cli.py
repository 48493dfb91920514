"""`tracker`: the command line over the Python API in `tracker.application`.

Each command parses options, calls the API once and hands the answer to
`tracker.presentation.output`, which writes it in the format asked: one
vocabulary (`table`, `md`, `csv`, `json`, `jsonl`; `ics` for the calendar) and
the same `--no-headers` and `--column` everywhere. The tracker's own errors
become one-line messages and a non-zero exit in one place, `TrackerGroup.invoke`.

Start-up costs click and nothing more: the API, the renderers and all they load
are imported inside the command that runs, so `--help`, `--version` and shell
completion stay fast, and a query loads only what it answers with.
"""
from __future__ import annotations

import inspect
import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO, TypeVar

import click

from tracker.errors import TrackerError, shown

if TYPE_CHECKING:
    from decimal import Decimal

    from click.shell_completion import CompletionItem

    from tracker.application import IngestOutcome, IngestReport, TimeView, Tracker
    from tracker.presentation.output import Answer, Output

CommandT = TypeVar("CommandT", bound=click.Command)

#: What `--help` names as the defaults; `tests/cli/test_help.py` holds them to the application's own.
DEFAULT_DB_SHOWN = "tracker.db"
REVIEW_THRESHOLD_SHOWN = "0.5"


def on_terminal(stream) -> bool:
    """Whether `stream` is a terminal a person watches (not a pipe or a file)."""
    return stream.isatty()


def use_colour(stream) -> bool:
    """Colour on a terminal only; never with NO_COLOR set (no-color.org), always with FORCE_COLOR set."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or on_terminal(stream)


def terminal_width() -> int | None:
    """The width of the terminal a person watches the output on (COLUMNS, else the terminal's); None in a pipe."""
    if not on_terminal(sys.stdout):
        return None
    import shutil

    return shutil.get_terminal_size().columns


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


def examples(*lines: str) -> Callable[[CommandT], CommandT]:
    """Real examples at the end of a command's `--help`, one command a line, a `# comment` after it if need be.
    The tests run every example of a command that only reads against a store of the seeds."""

    def decorate(command: CommandT) -> CommandT:
        command.help = f"{inspect.cleandoc(command.help or '')}\n\n\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)
        return command

    return decorate


# ---- parameters ------------------------------------------------------------


class DateParam(click.ParamType):
    """A day: 2013-09-30 (a partial date, 2013-Q3 or 2013, means its last day)."""

    name = "DATE"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        from tracker.application import parse_date

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
        from tracker.application import parse_date

        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            try:
                instant = datetime.combine(parse_date(value), time.max)
            except ValueError as error:
                self.fail(str(error), param, ctx)
        return instant if instant.tzinfo else instant.replace(tzinfo=UTC)


class EventTypeParam(click.ParamType):
    """One of the event types of the vocabulary (any case), read from the domain only when given."""

    name = "TYPE"

    def convert(self, value, param, ctx):
        from tracker.application import FACT_TYPES

        by_case = {name.lower(): name for name in FACT_TYPES}
        if value.lower() not in by_case:
            self.fail(f"{value!r} is not an event type; the types: {', '.join(sorted(FACT_TYPES))}", param, ctx)
        return by_case[value.lower()]

    def shell_complete(self, ctx, param, incomplete) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        from tracker.application import FACT_TYPES

        return [CompletionItem(name) for name in sorted(FACT_TYPES) if name.lower().startswith(incomplete.lower())]


class AmountParam(click.ParamType):
    """An exact amount of money in whole currency units: 5000000, 5,000,000 or 1234.56; never a float."""

    name = "AMOUNT"

    def convert(self, value, param, ctx):
        from decimal import Decimal, InvalidOperation

        if isinstance(value, Decimal):
            return value
        try:
            amount = Decimal(str(value).replace(",", "").replace("_", "").strip())
        except InvalidOperation:
            self.fail(f"not an amount: {value!r}", param, ctx)
        if not amount.is_finite():
            self.fail(f"not an amount: {value!r}", param, ctx)
        return amount


DATE = DateParam()
INSTANT = InstantParam()
AMOUNT = AmountParam()


def who() -> str:
    import getpass

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


# ---- what every command shares: the store, the time view, the output --------


@dataclass(frozen=True)
class Settings:
    """The root options every command reads."""

    db: str | None
    review_threshold: float | None


def settings() -> Settings:
    return click.get_current_context().find_object(Settings) or Settings(None, None)


def review_threshold() -> float:
    """The `--review-threshold` given, else the tracker's own."""
    given = settings().review_threshold
    if given is not None:
        return given
    from tracker.application import REVIEW_THRESHOLD

    return REVIEW_THRESHOLD


def view_of(**axes: Any) -> TimeView:
    """A time view on the axes given, with the review threshold of the command line."""
    from tracker.application import TimeView

    return TimeView(**axes, review_threshold=review_threshold())


def with_store(creates: bool = False):
    """Pass the command the tracker on `--db`. Only a command that `creates` may start a new store; any other
    refuses a store that does not exist (a misspelt path) in one line, and leaves no file behind."""

    def decorate(command):
        @wraps(command)
        def with_tracker(*args, **kwargs):
            from tracker.application import Tracker

            tracker = Tracker(settings().db, create=creates)
            click.get_current_context().call_on_close(tracker.close)
            return command(tracker, *args, **kwargs)

        return with_tracker

    return decorate


def time_view(command):
    """The three time axes of EVENTS.md, shared by every query command."""

    @click.option("--as-of", type=DATE, help="What the public record said on this day (default: today).")
    @click.option("--occurred-by", type=DATE, help="What had happened by this day, as now known.")
    @click.option("--recorded-by", type=INSTANT, help="What this tracker held at this instant (ISO time, UTC).")
    @wraps(command)
    def with_view(*args, as_of, occurred_by, recorded_by, **kwargs):
        if as_of is None and occurred_by is None and recorded_by is None:
            as_of = date.today()
        return command(*args, view=view_of(as_of=as_of, occurred_by=occurred_by, recorded_by=recorded_by), **kwargs)

    return with_view


_FORMATS_HELP = {"table": "for reading (fits a terminal)", "md": "Markdown tables", "csv": "one column per field",
                 "json": "one document", "jsonl": "a JSON object a line", "ics": "iCalendar"}


def output(*formats: str):
    """`--format` (the first of `formats` by default), `--no-headers` and `--column`, passed on as an `Output`."""
    described = "; ".join(f"{name}: {_FORMATS_HELP[name]}" for name in formats)

    def decorate(command):
        @click.option("--format", "fmt", type=click.Choice(formats), default=formats[0], show_default=True,
                      help=f"{described}.")
        @click.option("--no-headers", is_flag=True, help="Leave out the header row of a table or a CSV.")
        @click.option("-c", "--column", "columns", multiple=True, metavar="NAME",
                      help="Only this column (repeatable, or NAME,NAME): a table or CSV of just those; "
                           "a CSV's header names them all.")
        @wraps(command)
        def with_output(*args, fmt, no_headers, columns, **kwargs):
            from tracker.presentation.output import Output

            chosen = tuple(name.strip() for value in columns for name in value.split(",") if name.strip())
            out = Output(fmt, headers=not no_headers, columns=chosen, width=terminal_width(), colour=use_colour(sys.stdout))
            problem = out.problem()
            if problem:
                raise click.UsageError(problem)
            return command(*args, out=out, **kwargs)

        return with_output

    return decorate


def show(out: Output, answer: Answer) -> None:
    """Write the answer as it is made: a large one is never held whole as text."""
    from tracker.presentation.rows import UnknownColumn

    try:
        for chunk in out.write(answer):
            sys.stdout.write(chunk)
    except UnknownColumn as error:
        raise click.UsageError(str(error)) from None


def note_held_back(tracker: Tracker, view: TimeView, compound: str | None = None) -> None:
    """Say on stderr how many events in view the review threshold holds back from the answer, if any: when a
    person watches (stderr is a terminal) or chose the threshold; a script's run stays quiet."""
    given = settings().review_threshold
    if given is None and not on_terminal(sys.stderr):
        return
    waiting = len(tracker.review_queue(view, compound))
    if not waiting:
        return
    option = f" --review-threshold {given}" if given is not None else ""
    events, are, them = ("1 event waits", "is", "it") if waiting == 1 else (f"{waiting} events wait", "are", "them")
    click.echo(f"note: {events} for review (read with confidence under {view.review_threshold}) and {are} left out; "
               f"`tracker{option} review list` shows {them}", err=True)


def nothing(what: str, view: TimeView, compound: str | None = None, within: str = "") -> str:
    """An empty answer in words: "No events about T-DM1 as of 2013-09-30."."""
    from tracker.presentation.audit_text import describe_view

    words = [f"No {what}", f"about {compound}" if compound else "", within, describe_view(view)]
    return " ".join(word for word in words if word) + "."


# ---- the command line -------------------------------------------------------


@examples(
    "tracker ingest seeds/",
    "tracker status kadcyla --as-of 2013-09-30",
    "tracker events --format csv > events.csv",
    "tracker status kadcyla -h                  # every command's options and examples",
)
@click.group(cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="milestone-tracker", prog_name="tracker")
@click.option("--db", envvar="TRACKER_DB", metavar="PATH|URL",
              help=f"SQLite file (default: {DEFAULT_DB_SHOWN}), or a postgresql:// URL (env TRACKER_DB).")
@click.option("--review-threshold", type=click.FloatRange(0, 1), envvar="TRACKER_REVIEW_THRESHOLD",
              help=f"Events read with less confidence wait for review (default: {REVIEW_THRESHOLD_SHOWN}; "
                   "env TRACKER_REVIEW_THRESHOLD).")
@click.pass_context
def cli(ctx: click.Context, db: str | None, review_threshold: float | None) -> None:
    """Track drug compounds' clinical, regulatory and financial milestones from press releases."""
    ctx.obj = Settings(db, review_threshold)


def _ingest_with_progress(tracker: Tracker, paths: tuple[Path, ...], published: date | None, manifest: Path | None,
                          line: Callable[[IngestOutcome], str], verify_key: Path | None) -> IngestReport:
    """`Tracker.ingest` with a live bar of releases done (of those found under `paths`) under their lines."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from tracker.application import count_release_files

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


@examples(
    "tracker ingest seeds/                        # a folder: dates from datelines, else its manifest.csv",
    "tracker ingest --published 2014-12-19 examples/undated-release.txt",
    "tracker ingest --manifest seeds/manifest.csv seeds/   # dates from a CSV of file,published",
    "tracker --db fresh.db ingest audit-2013/     # an export folder, checked against its SHA256SUMS",
)
@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", type=DATE, help="Publication date for releases with no dateline and no manifest entry.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV/TSV of file,published (a manifest.csv beside the files is read anyway).")
@click.option("--verify-key", type=click.Path(exists=True, dir_okay=False, path_type=Path), envvar="TRACKER_VERIFY_KEY",
              help="PEM file of the Ed25519 key an export must be signed with (env TRACKER_VERIFY_KEY).")
@with_store(creates=True)
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


@examples(
    "tracker events --as-of 2013-12-31",
    "tracker events --compound T-DM1 --type ApprovalGranted --as-of 2013-12-31",
    "tracker events --format jsonl                # the EVENTS.md export",
    "tracker events --format csv -c id -c type -c source_quote",
)
@cli.command()
@time_view
@click.option("--compound", help="Only events about this compound (any alias).")
@click.option("--type", "types", multiple=True, type=EventTypeParam(), help="Only events of this type (repeatable).")
@output("table", "md", "csv", "json", "jsonl")
@with_store()
def events(tracker: Tracker, view: TimeView, compound: str | None, types: tuple[str, ...], out: Output) -> None:
    """The recorded events, ordered by publication date and position in the release.

    A CSV has a column for every field of the types asked (of every type when none is), then where each
    event was read: file, line, quote.
    """
    from tracker.presentation import render
    from tracker.presentation.output import Answer

    records = tracker.events(view, compound=compound, types=types)
    empty = nothing(" ".join([*types, "events"]), view, compound)
    show(out, Answer(rows=render.events_rows(records, types, empty), items=records))
    note_held_back(tracker, view, compound)


@examples(
    "tracker compounds",
    "tracker compounds --as-of 2013-09-30",
    "tracker compounds --format csv > compounds.csv",
)
@cli.command()
@time_view
@output("table", "md", "csv", "json", "jsonl")
@with_store()
def compounds(tracker: Tracker, view: TimeView, out: Output) -> None:
    """Every compound in the record, with its highest phase and where it is approved."""
    from tracker.presentation import render
    from tracker.presentation.output import Answer

    statuses = tracker.compounds(view)
    show(out, Answer(rows=render.compounds_rows(statuses, nothing("compounds", view)), items=statuses))
    note_held_back(tracker, view)


@examples(
    "tracker status kadcyla",
    "tracker status T-DM1 --as-of 2011-12-31       # any alias, any case",
    "tracker status kadcyla --format json",
    "tracker status kadcyla --format csv -c section -c item -c value",
)
@cli.command()
@click.argument("name")
@time_view
@output("table", "csv", "json")
@with_store()
def status(tracker: Tracker, name: str, view: TimeView, out: Output) -> None:
    """One compound's status: names, partners, phases, regulatory map, trials, what is expected.

    Each value cites the events behind it; a CSV has a row a value.
    """
    from tracker.presentation import render
    from tracker.presentation.output import Answer

    result = tracker.status(name, view)
    show(out, Answer(page=render.status_text(result), rows=render.status_rows(result), document=result))
    note_held_back(tracker, view, name)


@examples("tracker rebuild")
@cli.command()
@with_store()
def rebuild(tracker: Tracker) -> None:
    """Rebuild the read model from the whole event log (the events themselves are untouched)."""
    click.echo(f"rebuilt the read model from {tracker.rebuild()} events")


# ---- ledger and receivables -------------------------------------------

_CURRENCY = click.option("--currency", help="ISO code; the line's currency when left out (must match it).")


def _entry_options(command):
    """Who records an entry against a ledger line, why, and the day it took effect."""
    command = click.option("--reason", required=True, help="Why: the document or call behind it.")(command)
    command = click.option("--by", "entered_by", default=who, show_default="the current user", help="Who records it.")(command)
    return click.option("--on", "on", type=DATE, default=date.today, show_default="today",
                        help="The day it happened (invoice date, value date); the entry is known from that day.")(command)


@examples(
    "tracker ledger --as-of 2013-09-30",
    "tracker ledger --compound kadcyla --format json",
    "tracker ledger --format csv > ledger.csv      # every field of every line",
)
@cli.command()
@time_view
@click.option("--compound", help="Only lines of this compound (any alias).")
@output("table", "md", "csv", "json", "jsonl")
@with_store()
def ledger(tracker: Tracker, view: TimeView, compound: str | None, out: Output) -> None:
    """Every milestone and royalty line, with each change of state and the event behind it."""
    from tracker.presentation import render
    from tracker.presentation.output import Answer

    book = tracker.ledger(view, compound=compound)
    show(out, Answer(page=render.ledger_table(book), rows=render.ledger_rows(book), items=book.lines, document=book))
    note_held_back(tracker, view, compound)


@examples(
    "tracker receivables --as-of 2013-09-30",
    "tracker receivables --by compound --format csv       # a row a line, its group first",
    "tracker receivables --as-of 2013-09-30 --rates examples/rates.toml   # a total converted at your rates",
    "tracker receivables --as-of 2013-09-30 --payee ImmunoGen            # what one company is owed",
)
@cli.command()
@time_view
@click.option("--by", "group_by", type=click.Choice(["counterparty", "compound", "agreement"]), default="counterparty",
              show_default=True, help="How totals are grouped (a CSV's `group` column).")
@click.option("--rates", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TOML file of exchange rates (base = \"USD\", [rates] EUR = \"1.08\"): adds a converted total.")
@click.option("--payee", help="Only the lines owed to this company (totals are always per payee).")
@output("table", "md", "csv", "json")
@with_store()
def receivables(tracker: Tracker, view: TimeView, group_by: str, rates: Path | None, payee: str | None,
                out: Output) -> None:
    """What is owed, aged past its due date to the as-of day; what may be owed, apart; totals per payee."""
    from tracker.presentation import render
    from tracker.presentation.output import Answer

    report = tracker.receivables(view, by=group_by, rates=rates, payee=payee)  # type: ignore[arg-type]
    show(out, Answer(page=render.receivables_table(report), rows=render.receivables_rows(report), document=report))
    note_held_back(tracker, view)


@examples('tracker terms load examples/terms.toml --on 2013-01-01 --reason "licence agreement, schedule 3"')
@cli.group()
def terms() -> None:
    """Agreement terms a person records: payers, milestone schedules, payment terms, royalty tiers."""


@examples('tracker terms load examples/terms.toml --on 2013-01-01 --reason "licence agreement, schedule 3"')
@terms.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_entry_options
@with_store(creates=True)
def terms_load(tracker: Tracker, file: Path, on: date, entered_by: str, reason: str) -> None:
    """Record each agreement of a terms FILE (TOML; see examples/terms.toml), known from --on."""
    for agreement, entry in tracker.load_terms(file, entered_by=entered_by, reason=reason, on=on):
        click.echo(f"recorded the terms of agreement {agreement} as {entry}, known from {on.isoformat()}")


class RecordGroup(click.Group):
    """The ledger's own `record` commands, and one more per event type: `record ApprovalGranted --field ...`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        from tracker.application import RECORDABLE_TYPES

        return super().list_commands(ctx) + RECORDABLE_TYPES

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        own = super().get_command(ctx, name)
        if own is not None:
            return own
        from tracker.application import OWN_COMMANDS, RECORDABLE_TYPES

        if name in OWN_COMMANDS:
            raise click.UsageError(f"{name} is recorded with `{OWN_COMMANDS[name]}`, which checks it first", ctx)
        return _fact_command(name) if name in RECORDABLE_TYPES else None


def _fact_command(event_type: str) -> click.Command:
    """`record EVENT_TYPE`: a fact of that type, its fields given as --field name=value."""
    from tracker.application import FACT_TYPES, typed_fields

    required = [name for name in typed_fields(event_type)
                if name != "compound" and FACT_TYPES[event_type].model_fields[name].is_required()]
    example = " ".join(["tracker record", event_type, "--field compound=Kadcyla",
                        *(f"--field {name}={name.upper()}" for name in required), '--reason "why"'])

    @with_store(creates=True)
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
    ], help=f"Record {event_type}: a fact a person supplies, with who and why.\n\n\b\nExamples:\n  {example}")


@examples(
    "tracker record invoice L-ba54e7c8 --amount 5000000 --on 2013-10-01 --reason \"invoice 2013-118\"",
    "tracker record ApprovalGranted --field compound=Kadcyla --field region=EU --field agency=EC "
    "--reported-on 2013-11-15 --reason \"EC decision, Official Journal\"",
    "tracker record ApprovalGranted -h          # the fields of one event type",
)
@cli.group(cls=RecordGroup)
def record() -> None:
    """Record by hand what no release says: invoices, payments, write-offs, confirmations, any fact."""


@examples('tracker record invoice L-ba54e7c8 --amount 5000000 --on 2013-10-01 --reason "invoice 2013-118"',
          'tracker record invoice L-ba54e7c8 --amount 5,000,000 --due 2013-11-15 --reason "invoice 2013-118"')
@record.command("invoice")
@click.argument("line_id")
@click.option("--amount", type=AMOUNT, required=True, help="Invoiced amount, in whole currency units.")
@_CURRENCY
@click.option("--due", type=DATE, help="Due date on the invoice (else from the payment terms).")
@_entry_options
@with_store()
def record_invoice(tracker: Tracker, line_id: str, amount: Decimal, currency: str | None, due: date | None,
                   on: date, entered_by: str, reason: str) -> None:
    """An invoice sent for an earned ledger line."""
    entry = tracker.record_invoice(line_id, amount, on, entered_by, reason, currency=currency, due=due)
    click.echo(f"recorded the invoice for {line_id} as {entry}")


@examples('tracker record payment L-ba54e7c8 --amount 5000000 --on 2013-11-01 --reason "bank statement"')
@record.command("payment")
@click.argument("line_id")
@click.option("--amount", type=AMOUNT, required=True, help="Amount received, in whole currency units.")
@_CURRENCY
@_entry_options
@with_store()
def record_payment(tracker: Tracker, line_id: str, amount: Decimal, currency: str | None,
                   on: date, entered_by: str, reason: str) -> None:
    """A payment received against an earned ledger line."""
    entry = tracker.record_payment(line_id, amount, on, entered_by, reason, currency=currency)
    click.echo(f"recorded the payment for {line_id} as {entry}")


@examples('tracker record write-off L-af922d6d --on 2014-06-30 --reason "Roche: the EU milestone will not be paid"')
@record.command("write-off")
@click.argument("line_id")
@_entry_options
@with_store()
def record_write_off(tracker: Tracker, line_id: str, on: date, entered_by: str, reason: str) -> None:
    """Give up on what is still outstanding (or still contingent) on a ledger line."""
    entry = tracker.record_write_off(line_id, on, entered_by, reason)
    click.echo(f"recorded the write-off of {line_id} as {entry}")


@examples('tracker record net-sales Kadcyla --period 2015-Q1 --amount 300000000 --currency USD '
          '--reason "Roche sales report"')
@record.command("net-sales")
@click.argument("compound")
@click.option("--period", required=True, help="The period the sales are for: 2015-Q1, 2015-03, 2015-H1 or 2015.")
@click.option("--amount", type=AMOUNT, required=True, help="Net sales, in whole currency units.")
@click.option("--currency", required=True, help="ISO code of the sales figure.")
@click.option("--territory", help="Where the sales were made, when the figure is for one territory.")
@_entry_options
@with_store()
def record_net_sales(tracker: Tracker, compound: str, period: str, amount: Decimal, currency: str,
                     territory: str | None, on: date, entered_by: str, reason: str) -> None:
    """A compound's net sales for a period, on which royalties are computed from the recorded terms."""
    entry = tracker.record_net_sales(compound, period, amount, currency, on, entered_by, reason, territory=territory)
    click.echo(f"recorded the net sales of {compound} for {period} as {entry}")


@examples('tracker record confirm L-af922d6d --on 2015-01-20 --reason "Roche\'s notice of the EC approval"')
@record.command("confirm")
@click.argument("line_id")
@_entry_options
@with_store()
def record_confirm(tracker: Tracker, line_id: str, on: date, entered_by: str, reason: str) -> None:
    """Confirm a contingent line is earned, e.g. once a later event met its condition."""
    entry = tracker.record_confirmation(line_id, on, entered_by, reason)
    click.echo(f"recorded the confirmation of {line_id} as {entry}")


# ---- audit -------------------------------------------------------------


@examples("tracker verify", "tracker verify --format json")
@cli.command()
@output("table", "csv", "json")
@with_store()
def verify(tracker: Tracker, out: Output) -> None:
    """Check that no stored event was altered, removed, inserted or reordered behind the tracker's back.

    Exit code 1 when the chain is broken, whatever the format; the table says where in one line.
    """
    from tracker.presentation import audit_text
    from tracker.presentation.output import Answer

    result = tracker.verify()
    if not result.intact and out.format == "table":
        raise click.ClickException(audit_text.tampered(result))
    show(out, Answer(page=audit_text.verify_text(result), rows=audit_text.verify_rows(result),
                     document=audit_text.verify_document(result)))
    if not result.intact:
        click.get_current_context().exit(1)


@examples('tracker retract b7a64debc339d7ae.4 --reason "misread: the release names T-DM1 a code, not a former name"')
@cli.command()
@click.argument("event_id")
@click.option("--reason", required=True, help="Why the event no longer stands.")
@click.option("--by", "entered_by", default=who, show_default="the current user", help="Who retracts it.")
@with_store()
def retract(tracker: Tracker, event_id: str, reason: str, entered_by: str) -> None:
    """Withdraw an event from every view from now on, past days included; it stays in the log (--recorded-by before now still shows it)."""
    entry = tracker.retract(event_id, entered_by=entered_by, reason=reason)
    click.echo(f"retracted {tracker.find_event(event_id).id} as {entry}")


@examples(
    "tracker replay --compound kadcyla --as-of 2014-12-31",
    "tracker replay --compound kadcyla --format jsonl      # a step a line",
    "tracker replay --occurred-by 2013-12-31               # in the order things happened, as now known",
)
@cli.command()
@time_view
@click.option("--compound", help="Only events about this compound (any alias).")
@output("table", "csv", "json", "jsonl")
@with_store()
def replay(tracker: Tracker, view: TimeView, compound: str | None, out: Output) -> None:
    """History event by event, in order of the axis asked (publication by default), with what each changed.

    A CSV has a row a change (one for an event that changed nothing).
    """
    from tracker.presentation import audit_text
    from tracker.presentation.output import Answer

    steps = tracker.replay(view, compound)
    show(out, Answer(page=audit_text.replay_text(steps, view), rows=audit_text.replay_rows(steps),
                     items=audit_text.replay_items(steps)))


_AXES = {"as-of": ("as_of", DATE), "occurred-by": ("occurred_by", DATE), "recorded-by": ("recorded_by", INSTANT)}


@examples(
    "tracker diff 2011-01-01 2013-12-31 --compound kadcyla",
    "tracker diff 2013-01-01 2014-12-31 --format json",
    "tracker diff 2010-12-31 2013-12-31 --on occurred-by   # what had happened between two days",
)
@cli.command()
@click.argument("first")
@click.argument("second")
@click.option("--on", "axis", type=click.Choice(list(_AXES)), default="as-of", show_default=True,
              help="The time axis FIRST and SECOND are on (recorded-by takes ISO instants).")
@click.option("--compound", help="Only this compound (any alias).")
@output("table", "csv", "json")
@with_store()
def diff(tracker: Tracker, first: str, second: str, axis: str, compound: str | None, out: Output) -> None:
    """What changed from FIRST to SECOND: new events, events gone and why, status fields, ledger lines."""
    from tracker.presentation import audit_text
    from tracker.presentation.output import Answer

    name, kind = _AXES[axis]
    before, after = (view_of(**{name: kind.convert(value, None, None)}) for value in (first, second))
    difference = tracker.diff(before, after, compound=compound)
    show(out, Answer(page=audit_text.diff_text(difference), rows=audit_text.diff_rows(difference),
                     document=audit_text.diff_document(difference)))


@examples(
    "tracker explain kadcyla regulatory.JP --as-of 2013-12-31",
    "tracker explain kadcyla regulatory --format csv       # a field prefix: every region",
    "tracker explain L-ba54e7c8 --as-of 2013-09-30          # a ledger line",
)
@cli.command()
@click.argument("name")
@click.argument("field", required=False)
@time_view
@output("table", "csv", "json", "jsonl")
@with_store()
def explain(tracker: Tracker, name: str, field: str | None, view: TimeView, out: Output) -> None:
    """The events and sentences behind each value of a compound's status (FIELD: one, or a prefix), or a ledger line."""
    from tracker.presentation import audit_text
    from tracker.presentation.output import Answer

    explanations = tracker.explain(name, field, view)
    show(out, Answer(page=audit_text.explain_text(explanations), rows=audit_text.explain_rows(explanations),
                     items=audit_text.explain_items(explanations)))


@examples("tracker export --as-of 2013-12-31 -o audit-2013/",
          "tracker export --recorded-by 2026-06-30T12:00 -o as-held-at-noon/   # the record as this tracker held it")
@cli.command()
@click.option("--as-of", type=DATE, help="The day of the report in events.jsonl (default: today).")
@click.option("--recorded-by", type=INSTANT, help="Export the record as this tracker held it at this instant.")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="A new folder to write the export to.")
@click.option("--signing-key", type=click.Path(exists=True, dir_okay=False, path_type=Path), envvar="TRACKER_SIGNING_KEY",
              help="PEM file of the Ed25519 private key that signs SHA256SUMS (env TRACKER_SIGNING_KEY).")
@with_store()
def export(tracker: Tracker, as_of: date | None, recorded_by: datetime | None, output: Path,
           signing_key: Path | None) -> None:
    """Write the record, the releases, person entries and checksums for an auditor; `tracker ingest DIR` reads it back."""
    from tracker.presentation import audit_text

    view = view_of(as_of=as_of or (None if recorded_by else date.today()), recorded_by=recorded_by)
    exported = tracker.export(output, view, signing_key)
    click.echo(f"exported {len(exported.files)} files to {output} ({audit_text.describe_view(view)}); "
               f"check them with: cd {output} && sha256sum -c SHA256SUMS")
    signed = f"; signed with key {exported.seal.signed_by}" if exported.seal.signed_by else "; not signed"
    click.echo(f"chain head {exported.seal.chain_head} at event #{exported.seal.chain_event}{signed}")


# ---- review and evaluation ---------------------------------------------


@examples("tracker --review-threshold 0.7 review list",
          "tracker review show 832bafa56f4cb993.1",
          'tracker review accept 832bafa56f4cb993.1 --reason "checked against the release"')
@cli.group()
def review() -> None:
    """Events read with too little confidence wait here for a person's decision."""


@examples(
    "tracker review list",
    "tracker --review-threshold 0.7 review list",
    "tracker --review-threshold 0.7 review list --format csv -c id -c confidence -c source_quote",
)
@review.command("list")
@time_view
@output("table", "md", "csv", "json", "jsonl")
@with_store()
def review_list(tracker: Tracker, view: TimeView, out: Output) -> None:
    """The events waiting for review, least confident first."""
    from tracker.presentation import render
    from tracker.presentation.audit_text import describe_view
    from tracker.presentation.output import Answer

    queue = tracker.review_queue(view)
    empty = f"Nothing to review (threshold {view.review_threshold}, {describe_view(view)})."
    show(out, Answer(rows=render.review_table(queue, empty), items=render.pending_records(queue)))


@examples("tracker review show 832bafa56f4cb993.1", "tracker review show 832bafa56f4cb993.1 --format json")
@review.command("show")
@click.argument("event_id")
@output("table", "csv", "json")
@with_store()
def review_show(tracker: Tracker, event_id: str, out: Output) -> None:
    """One event with the lines of its release around it."""
    from tracker.presentation import audit_text
    from tracker.presentation.output import Answer

    recorded, lines = tracker.context(event_id)
    show(out, Answer(page=audit_text.context_text(recorded, lines), rows=audit_text.context_rows(recorded, lines),
                     document=audit_text.context_document(recorded, lines)))


def _decide(tracker: Tracker, event_id: str, decision: Literal["accepted", "rejected"], reason: str, entered_by: str,
            changes: dict[str, str | None] | None = None) -> None:
    entry = tracker.review(event_id, decision, entered_by=entered_by, reason=reason, changes=changes)
    edits = f" with {', '.join(changes)} changed" if changes else ""
    click.echo(f"{decision} {tracker.find_event(event_id).id}{edits} as {entry}")


_reason = click.option("--reason", required=True, help="Why (kept with the decision).")
_by = click.option("--by", "entered_by", default=who, show_default="the current user", help="Who decides.")


def _decision_command(name: str, decision: Literal["accepted", "rejected"], summary: str) -> click.Command:
    """`review accept` and `review reject`: one decision on one event, with why and by whom."""

    @examples(f'tracker review {name} 832bafa56f4cb993.1 --reason "checked against the release"')
    @review.command(name, help=summary)
    @click.argument("event_id")
    @_reason
    @_by
    @with_store()
    def decide(tracker: Tracker, event_id: str, reason: str, entered_by: str) -> None:
        _decide(tracker, event_id, decision, reason, entered_by)

    return decide


review_accept = _decision_command("accept", "accepted", "Let the event into the projections from now on.")
review_reject = _decision_command("reject", "rejected", "Keep the event out of the projections whatever its confidence.")


@examples('tracker review edit 832bafa56f4cb993.1 --field trial=TDM4450g --reason "the trial is named on line 9"')
@review.command("edit")
@click.argument("event_id")
@click.option("--field", "fields", multiple=True, required=True,
              help="name=value to correct (repeatable); an empty value is null.")
@_reason
@_by
@with_store()
def review_edit(tracker: Tracker, event_id: str, fields: tuple[str, ...], reason: str, entered_by: str) -> None:
    """Accept the event with fields corrected."""
    _decide(tracker, event_id, "accepted", reason, entered_by, {name: value or None for name, value in field_pairs(fields)})


@examples("tracker eval corpus/gold/ --corpus corpus/releases/",
          "tracker eval corpus/gold/ --corpus corpus/releases/ --verbose   # every miss and every extra")
@cli.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--corpus", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding the labelled releases.")
@click.option("--verbose", is_flag=True, help="List every miss and every extra.")
@output("table", "md", "csv", "json")
def evaluate_command(gold_dir: Path, corpus: Path, verbose: bool, out: Output) -> None:
    """Measure the reading against releases you labelled (gold JSON files): precision, recall, F1 by type."""
    from tracker.application import evaluate
    from tracker.presentation import render
    from tracker.presentation.output import Answer

    result = evaluate(gold_dir, corpus, threshold=review_threshold())
    show(out, Answer(page=render.evaluation_table(result, verbose), rows=render.evaluation_rows(result),
                     document=render.evaluation_document(result)))


# ---- reports and calendar ----------------------------------------------


@contextmanager
def written_whole(path: Path) -> Iterator[TextIO]:
    """A text file to write `path` through, so that a write that fails halfway leaves what was there whole: a
    regular file (or a new one) is written beside it and put in its place when complete. Anything else, a device
    such as /dev/null or a named pipe, is written directly: putting a file in its place would replace the device.
    A link is followed, so that the file it points to is replaced, not the link."""
    target = path.resolve()
    if target.exists() and not target.is_file():
        with target.open("w", encoding="utf-8") as stream:
            yield stream
        return
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as stream:
            yield stream
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


@examples("tracker report --as-of 2013-09-30 -o report.html", "tracker report -o - > today.html",
          "tracker report --whole-log -o everything.html   # every event in the log, however many")
@cli.command()
@time_view
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True, path_type=Path),
              default=Path("report.html"), show_default=True, help="The HTML file to write; - for stdout.")
@click.option("--whole-log", is_flag=True,
              help="List every event in view in the page's event log, however many (by default, above 5,000 it "
                   "lists those the figures cite and counts the others).")
@with_store()
def report(tracker: Tracker, view: TimeView, output: Path, whole_log: bool) -> None:
    """One self-contained HTML page: pipeline, timelines, catalysts, receivables and the event log, each figure linked to its sources."""
    from tracker.application import cycle_collection_paused
    from tracker.presentation.report_page import LOG_LIMIT, write_html  # the page's template loads only for a report

    log_limit = None if whole_log else LOG_LIMIT
    with cycle_collection_paused():
        report = tracker.report(view)
        if str(output) == "-":
            sys.stdout.flush()
            stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")  # the page says it is UTF-8
            try:
                write_html(report, stdout, log_limit)
                stdout.flush()
            finally:
                stdout.detach()  # stdout stays open
            return
        with written_whole(output) as page:
            write_html(report, page, log_limit)
    click.echo(f"wrote {output}: the report as of {view.horizon.isoformat()}")
    note_held_back(tracker, view)


@examples(
    "tracker calendar --as-of 2013-09-30",
    "tracker calendar --as-of 2014-12-31 --from 2015-01-01 --to 2015-12-31 --format ics > catalysts.ics",
    "tracker calendar --compound kadcyla --as-of 2014-12-31 --format csv",
)
@cli.command()
@time_view
@click.option("--from", "start", type=DATE, help="Only catalysts expected on or after this day.")
@click.option("--to", "end", type=DATE, help="Only catalysts expected on or before this day.")
@click.option("--compound", help="Only catalysts of this compound (any alias).")
@output("table", "md", "csv", "json", "jsonl", "ics")
@with_store()
def calendar(tracker: Tracker, view: TimeView, start: date | None, end: date | None, compound: str | None,
             out: Output) -> None:
    """Readouts, decisions and submissions still expected, each with its window: from the release announcing it to its expected-by day.

    The view's day decides what is still expected: today unless --as-of says otherwise. ics makes an
    iCalendar file to import: all-day events on the expected-by days, a UID from each event id.
    """
    from tracker.presentation import render
    from tracker.presentation.output import Answer

    entries = tracker.calendar(view, start, end, compound)
    if out.format == "ics":
        from tracker.presentation.ics import calendar_ics

        click.echo(calendar_ics(entries, view.horizon), nl=False)
    else:
        within = f"from {start or 'any day'} to {end or 'any day'}" if start or end else ""
        empty = nothing("catalysts still expected", view, compound, within)
        show(out, Answer(rows=render.calendar_table(entries, empty), items=entries))
    note_held_back(tracker, view, compound)


def main() -> None:
    try:
        cli(prog_name="tracker")
    except ModuleNotFoundError as missing:  # `python3 cli.py` run by an interpreter the tracker is not installed in
        package = (missing.name or "").split(".")[0]
        if package in ("", "tracker", "projections"):
            raise
        raise SystemExit(f"Error: {package} is not installed for {sys.executable}; install the tracker "
                         "with `pip install -e .` (or activate the virtualenv it is installed in)") from None


if __name__ == "__main__":
    main()
