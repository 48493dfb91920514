"""The tracker's Python API: ingest releases, ask what the record says.

A thin application over the event store, in the shape of the `eventsourcing`
examples: load, act, save; translate library errors here, at the boundary;
return plain data, never aggregates. The CLI is one user of it, a notebook
another:

    from tracker import open_tracker
    tracker = open_tracker("tracker.db")
    tracker.ingest(["seeds/"])
    tracker.status("kadcyla", TimeView(as_of=date(2013, 9, 30)))
"""
from __future__ import annotations

import difflib
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, PersistenceError, Transcoder

from projections.catchup import FactsProjection, entry_id, recorded_facts
from projections.diff import Difference, diff
from projections.explain import Explanation, explain, line_explanation
from projections.export import event_records
from projections.history import RecordedFact, TimeView
from projections.ledger import LEDGER_FACT_TYPES, Ledger, LedgerLine, ledger
from projections.names import NameBook, name_key
from projections.receivables import GroupBy, ReceivablesReport, receivables
from projections.recorders import FactRow, FactsView, SQLiteFactsView
from projections.replay import ReplayStep, replay
from projections.review import Pending, edited, pending
from projections.status import CompoundStatus, compound_status
from tracker import line_entries
from tracker.domain.entry import Entry
from tracker.domain.facts import EventRetracted, Fact, FactReviewed
from tracker.domain.release import Release, release_uuid
from tracker.errors import ReleaseError, StoreError, TrackerError, UnknownCompound
from tracker.export import ENTRIES, Export, StoredEntry, StoredFact, StoredRelease, is_export, read_export, write_export
from tracker.integrity import Verification
from tracker.integrity import verify as verify_chain
from tracker.manual import fact_from_fields
from tracker.rates import read_rates
from tracker.reissue import Issue, headline, headline_of, reissue
from tracker.render import events_jsonl as render_jsonl
from tracker.reports.calendar import CalendarEntry, calendar_ics, catalyst_calendar
from tracker.reports.report import Report, build_report
from tracker.store import (
    SCHEMA_VERSION,
    default_db,
    describe,
    lock_timeout,
    register_domain_transcodings,
    store_settings,
)
from tracker.terms import read_terms

if TYPE_CHECKING:
    from tracker.reading.releases import ReleaseDocument, Skipped



@dataclass(frozen=True)
class IngestOutcome:
    """What one release's ingest did."""

    file: str
    release_id: str
    published: date
    published_from: str
    events: int
    duplicate: bool


@dataclass(frozen=True)
class IngestReport:
    ingested: list[IngestOutcome]
    skipped: list[Skipped]

    @property
    def new_events(self) -> int:
        return sum(o.events for o in self.ingested if not o.duplicate)


class ReleaseProblems(TrackerError):
    """Releases that cannot be ingested, all reported together; nothing was written."""

    def __init__(self, problems: list[ReleaseError]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class EventStore(Application):
    """The `eventsourcing` application holding every release and its facts."""

    name = "tracker"

    def register_transcodings(self, transcoder: Transcoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)  # type: ignore[arg-type]


class Tracker:
    """Ingest releases and query the record, on one event store."""

    def __init__(self, db: str | None = None):
        self.db = db or default_db()
        self._stored_this_session: list[Issue] = []

    @cached_property
    def _opened(self) -> tuple[EventStore, FactsProjection]:
        """The event store and its read model, opened (and created) on first use, so that failing reads
        write nothing. A store marked by a newer schema than this tracker's is refused rather than misread."""
        settings = store_settings(self.db)
        deadline, pause = time.monotonic() + lock_timeout(), 0.02
        while True:
            store = None
            try:
                store = EventStore(env=settings)
                view_class = _view_class(self.db)
                projection = FactsProjection(store, store.factory.tracking_recorder(view_class))
                written_by = projection.view.claim_schema(SCHEMA_VERSION)
                break
            except (PersistenceError, OSError, sqlite3.Error) as error:
                if store is not None:
                    store.close()
                if not (_contended(error) and time.monotonic() < deadline):
                    raise StoreError(f"{describe(self.db)}: cannot open the event store: {_one_line(error)}") from None
                # Another process is creating the tables or holds the lock this moment: try again shortly.
                time.sleep(pause * random.uniform(0.5, 1.5))
                pause = min(pause * 2, 1.0)
        if written_by > SCHEMA_VERSION:
            store.close()
            raise StoreError(f"{describe(self.db)}: written by a newer version of the tracker (schema {written_by}; "
                             f"this one reads up to {SCHEMA_VERSION}); upgrade milestone-tracker")
        return store, projection

    @property
    def store(self) -> EventStore:
        return self._opened[0]

    @property
    def projection(self) -> FactsProjection:
        """The read model in the store's own database, caught up before each query."""
        return self._opened[1]

    def close(self) -> None:
        if "_opened" in self.__dict__:
            self.store.close()

    # ---- writing -------------------------------------------------------

    def ingest(self, paths: Sequence[Path | str], published: date | None = None, manifest: Path | None = None,
               progress: Callable[[IngestOutcome], Any] | None = None) -> IngestReport:
        """Read, extract and store every release under `paths`: each release whole or not at all.

        Every file is read before anything is written, so a bad file leaves the store untouched.
        A folder written by `export` is imported as it was stored, once its checksums are verified.
        """
        exports = [Path(p) for p in paths if is_export(Path(p))]
        records = [read_export(folder) for folder in exports]
        others = [p for p in paths if Path(p) not in exports]
        documents, skipped = read_releases(others, published, manifest) if others else ([], [])
        outcomes = []
        for outcome in (o for record in records for o in self.import_export(record)):
            outcomes.append(outcome)
            if progress:
                progress(outcome)
        if documents:
            self.catch_up()  # the re-issue check reads the stored releases' headlines from the read model
        for document, facts in _extracted(documents):
            outcome = self.ingest_document(document, facts)
            outcomes.append(outcome)
            if progress:
                progress(outcome)
        self.catch_up()
        return IngestReport(outcomes, skipped)

    def ingest_document(self, document: ReleaseDocument, facts: list[Fact] | None = None) -> IngestOutcome:
        """Store one read release and the facts extracted from it (here, unless given), atomically."""
        facts = extract(document) if facts is None else facts
        outcome = IngestOutcome(document.file, document.id, document.published, document.published_from, len(facts), False)
        if self._has_release(document.id):
            return IngestOutcome(**{**outcome.__dict__, "duplicate": True})
        issue = Issue(document.id, headline_of(document.sentences), document.published)
        link = reissue(issue, self._issues(issue.headline))
        release = Release(release_id=document.id, file=document.file, published=document.published,
                          published_from=document.published_from, text=document.text, headline=issue.headline,
                          supersedes=link.supersedes, superseded_by=link.superseded_by)
        for fact in facts:
            release.record(fact)
        try:
            self.store.save(release)
        except IntegrityError:
            return IngestOutcome(**{**outcome.__dict__, "duplicate": True})
        except PersistenceError as error:
            raise StoreError(f"{describe(self.db)}: cannot write {document.file}: {error}") from None
        self._stored_this_session.append(issue)
        return outcome

    def _has_release(self, release_id: str) -> bool:
        return bool(self.store.recorder.select_events(release_uuid(release_id), limit=1))

    def enter(self, fact: Fact, entered_by: str, reason: str, reported_on: date | None = None) -> str:
        """Record a fact a person supplies, with who and why; returns its event id."""
        if not entered_by.strip() or not reason.strip():
            raise TrackerError("an entry needs who made it and why (--by and --reason)")
        entry = Entry(fact=fact, entered_by=entered_by.strip(), reason=reason.strip(),
                      reported_on=reported_on or date.today())
        try:
            self.store.save(entry)
        except PersistenceError as error:
            raise StoreError(f"{describe(self.db)}: cannot write the entry: {error}") from None
        return entry_id(entry.id)

    def retract(self, event_id: str, entered_by: str, reason: str, reported_on: date | None = None) -> str:
        """Withdraw an event from the projections from now on; it stays in the log."""
        target = self.find_event(event_id)
        if isinstance(target.fact, EventRetracted):
            raise TrackerError(f"event {target.id} is itself a retraction; record the fact again instead")
        return self.enter(EventRetracted(compound=target.fact.compound, retracts=target.id, reason=reason),
                          entered_by, reason, reported_on)

    def find_event(self, event_id: str) -> RecordedFact:
        """The event with this id, or with this unique id prefix."""
        matches = [r for r in self.history() if r.id == event_id] or \
                  [r for r in self.history() if r.id.startswith(event_id)]
        if not matches:
            raise TrackerError(f"no event {event_id!r}")
        if len(matches) > 1:
            raise TrackerError(f"{event_id!r} names {len(matches)} events; give more of the id")
        return matches[0]

    # ---- reading -------------------------------------------------------

    def catch_up(self) -> int:
        """Bring the read model (opened with the store) up to date with the log; returns how many events it applied.

        Another process catching up or creating its tables at the same moment may make the database give
        up on one of them (PostgreSQL's deadlock detection): that is retried, until the lock timeout.
        """
        deadline, pause = time.monotonic() + lock_timeout(), 0.02
        while True:
            try:
                return self.projection.catch_up()
            except PersistenceError as error:
                if not (_contended(error) and time.monotonic() < deadline):
                    raise StoreError(f"{describe(self.db)}: cannot update the read model: {_one_line(error)}") from None
                time.sleep(pause * random.uniform(0.5, 1.5))
                pause = min(pause * 2, 1.0)

    def rebuild(self, progress: Callable[[int], Any] | None = None) -> int:
        """Rebuild the read model from the whole log; returns how many events it applied."""
        try:
            return self.projection.rebuild(progress)
        except PersistenceError as error:
            raise StoreError(f"{describe(self.db)}: cannot rebuild the read model: {error}") from None

    def history(self) -> tuple[RecordedFact, ...]:
        """Every recorded fact, joined with its release or its author and its record time."""
        self.catch_up()
        rows = self.projection.view.facts()
        return self._recorded(rows)

    def history_of(self, compound: str) -> tuple[RecordedFact, ...]:
        """The facts about one compound (all its names), its alias facts, and their retractions.

        Costs in proportion to the compound's own history, not the store's.
        """
        self.catch_up()
        keys = self._name_group(name_key(compound))
        return self._recorded(self.projection.view.facts_about(keys))

    def ledger_history(self) -> tuple[RecordedFact, ...]:
        """The facts the ledger reads: those that make or change its lines, and the other facts of
        their compounds (all names) and releases. Costs in proportion to the money in the store."""
        self.catch_up()
        money = self.projection.view.facts_of_types(LEDGER_FACT_TYPES)
        keys = self._name_group(*{row.compound_key for row in money if row.compound_key})
        releases = {row.release_uuid for row in money if row.release_uuid}
        return self._recorded(self.projection.view.facts_related(keys, releases))

    def _name_group(self, *keys: str) -> set[str]:
        """Every name key linked to `keys` by alias facts, found edge by edge."""
        group, frontier = set(keys), set(keys)
        while frontier:
            edges = self.projection.view.alias_edges(frontier)
            found = {k for edge in edges for k in edge if k} - group
            group |= found
            frontier = found
        return group

    def _recorded(self, rows: list[FactRow]) -> tuple[RecordedFact, ...]:
        uuids = {row.release_uuid for row in rows if row.release_uuid}
        releases = {r.release_uuid: r for r in self.projection.view.releases(uuids)} if uuids else {}
        return recorded_facts(rows, releases)

    def view(self, view: TimeView, compound: str | None = None,
             history: tuple[RecordedFact, ...] | None = None) -> tuple[tuple[RecordedFact, ...], NameBook]:
        """The facts in view, in export order, and the names they resolve through: of the whole
        history, of one compound's, or of the `history` given.

        Names resolve through every alias recorded by the view's `recorded_by`
        instant, whatever its publication date: a compound keeps one identity
        across time, so "kadcyla" finds the 2008 facts about T-DM1, while the
        facts shown stay those in view.
        """
        if history is None:
            history = self.history() if compound is None else self.history_of(compound)
        return view.select(history), _identities(view, history)

    def events(self, view: TimeView = TimeView(), compound: str | None = None,
               types: Iterable[str] = ()) -> list[dict[str, Any]]:
        """The facts in view as EVENTS.md records, optionally of one compound and some types."""
        selected, names = self.view(view)
        wanted = set(types)
        canonical = self._resolve(compound, names) if compound else None
        chosen = [r for r in selected
                  if (not wanted or r.type in wanted)
                  and (canonical is None or names.canonical(r.fact.compound) == canonical)]
        return event_records(chosen, names)

    def compounds(self, view: TimeView = TimeView()) -> list[CompoundStatus]:
        """Every compound in view with its status; facts about undisclosed products are left out."""
        selected, names = self.view(view)
        found = sorted({names.canonical(r.fact.compound) for r in selected if r.fact.compound}, key=str.lower)
        return [compound_status(selected, names, name, view.horizon) for name in found]  # type: ignore[arg-type]

    def status(self, compound: str, view: TimeView = TimeView()) -> CompoundStatus:
        """The status of the compound going by `compound` (any alias, any case)."""
        selected, names = self.view(view, compound)
        return compound_status(selected, names, self._resolve(compound, names), view.horizon)

    # ---- ledger and receivables ---------------------------------------

    def ledger(self, view: TimeView = TimeView(), compound: str | None = None) -> Ledger:
        """Every milestone and royalty line in view, with its history; optionally of one compound (any alias)."""
        selected, names = self.view(view, history=self.ledger_history())
        book = ledger(selected, names, view.horizon)
        if compound:
            canonical = self._resolve(compound, self.view(view, compound)[1])
            book.lines = [line for line in book.lines if line.compound == canonical]
        return book

    def receivables(self, view: TimeView = TimeView(), by: GroupBy = "counterparty",
                    rates: Path | None = None) -> ReceivablesReport:
        """What is owed and what may be, aged to the day the view stands on; totals converted only at `rates`."""
        return receivables(self.ledger(view), by, read_rates(rates) if rates else None)

    def load_terms(self, path: Path, entered_by: str, reason: str, on: date | None = None) -> list[tuple[str, str]]:
        """Record each agreement of a terms file, known from `on` (default today): (agreement id, entry id) pairs."""
        agreements = read_terms(path)
        return [(fact.agreement, self.enter(fact, entered_by, reason, on)) for fact in agreements]

    def record_invoice(self, line_id: str, amount: Decimal, on: date, entered_by: str, reason: str,
                       currency: str | None = None, due: date | None = None) -> str:
        return self.enter(line_entries.invoice(self._line(line_id, on), amount, currency, on, due), entered_by, reason, on)

    def record_payment(self, line_id: str, amount: Decimal, on: date, entered_by: str, reason: str,
                       currency: str | None = None) -> str:
        return self.enter(line_entries.payment(self._line(line_id, on), amount, currency, on), entered_by, reason, on)

    def record_write_off(self, line_id: str, on: date, entered_by: str, reason: str) -> str:
        return self.enter(line_entries.write_off(self._line(line_id, on), on), entered_by, reason, on)

    def record_confirmation(self, line_id: str, on: date, entered_by: str, reason: str) -> str:
        return self.enter(line_entries.confirmation(self._line(line_id, on), on), entered_by, reason, on)

    def record_net_sales(self, compound: str, period: str, amount: Decimal, currency: str, on: date,
                         entered_by: str, reason: str, territory: str | None = None) -> str:
        """A product's net sales for a period (`2015-Q1`, `2015-03`, `2015`), on which royalties are computed."""
        return self.enter(line_entries.net_sales(compound, period, amount, currency, territory), entered_by, reason, on)

    def _line(self, line_id: str, on: date) -> LedgerLine:
        """The line as the ledger stood on `on`: an entry is checked against what was known that day."""
        line = self.ledger(TimeView(as_of=on)).find(line_id)
        if line is None:
            raise line_entries.EntryRejected(f"no ledger line {line_id!r} as of {on.isoformat()}")
        return line

    # ---- audit ---------------------------------------------------------

    def _issues(self, folded_headline: str) -> list[Issue]:
        """The stored releases with this headline (from the read model, and those stored since it caught up)."""
        stored = [Issue(row.release_id, row.headline, date.fromisoformat(row.published))
                  for row in self.projection.view.releases_headlined(folded_headline)]
        return stored + [issue for issue in self._stored_this_session if issue.headline == folded_headline]

    def _stored_events(self, topics: Sequence[str] = ()) -> Iterator[Any]:
        """The stored domain events in log order, page by page, optionally of some topics only."""
        start = 0
        try:
            while True:
                page = self.store.recorder.select_notifications(start, 2000, topics=topics, inclusive_of_start=False)
                yield from (self.store.mapper.to_domain_event(notification) for notification in page)
                if len(page) < 2000:
                    return
                start = page[-1].id
        except PersistenceError as error:
            raise StoreError(f"{describe(self.db)}: cannot read the event store: {error}") from None

    def _names(self, view: TimeView) -> tuple[tuple[RecordedFact, ...], NameBook]:
        """The whole history and the names it resolves through as of the view's `recorded_by`."""
        history = self.history()
        return history, _identities(view, history)

    def replay(self, view: TimeView = TimeView(), compound: str | None = None) -> list[ReplayStep]:
        """The facts in view in order of the view's axis, each with the status and ledger fields it changed."""
        history, names = self._names(view)
        return replay(history, names, view, self._resolve(compound, names) if compound else None)

    def diff(self, first: TimeView, second: TimeView, compound: str | None = None) -> Difference:
        """What the record in `second` shows that the record in `first` did not, and the reverse."""
        history, names = self._names(second)
        return diff(history, names, first, second, self._resolve(compound, names) if compound else None)

    def explain(self, name: str, field: str | None = None, view: TimeView = TimeView()) -> list[Explanation]:
        """The facts behind each value of a compound's status (or of the ledger line with id `name`)."""
        history, names = self._names(view)
        try:
            compound = self._resolve(name, names)
        except UnknownCompound:
            line = ledger(view.select(history), names, view.horizon).find(name)
            if line is None:
                raise
            return [line_explanation(line, history)]
        return explain(history, names, view, compound, field)

    def record(self, event_type: str, fields: Sequence[tuple[str, str]], entered_by: str, reason: str,
               reported_on: date | None = None) -> str:
        """Record a fact of any type a person supplies, from `name=value` pairs validated by its class."""
        return self.enter(fact_from_fields(event_type, fields), entered_by, reason, reported_on)

    def export(self, folder: Path, view: TimeView = TimeView()) -> list[str]:
        """Write the record (as held at the view's `recorded_by`) and the view's events to `folder`."""
        events = render_jsonl(self.events(view))
        return write_export(folder, events, self._record(view.recorded_by))

    def _record(self, recorded_by: datetime | None) -> Export:
        """Every release and entry as stored, in log order, up to an instant."""
        releases: dict[Any, dict[str, Any]] = {}
        entries = []
        for event in self._stored_events():
            if recorded_by is not None and event.timestamp > recorded_by:
                continue
            if isinstance(event, Release.Ingested):
                releases[event.originator_id] = dict(
                    release_id=event.release_id, file=event.file, published=event.published,
                    published_from=event.published_from, text=event.text, recorded_at=event.timestamp,
                    supersedes=event.supersedes, superseded_by=event.superseded_by, facts=[])
            elif isinstance(event, Release.FactRecorded):
                releases[event.originator_id]["facts"].append(StoredFact(event.fact, event.timestamp))
            elif isinstance(event, Entry.Made):
                entries.append(StoredEntry(str(event.originator_id), event.fact, event.entered_by, event.reason,
                                           event.reported_on, event.timestamp))
        return Export(tuple(StoredRelease(**{**r, "facts": tuple(r["facts"])}) for r in releases.values()),
                      tuple(entries))

    def import_export(self, record: Export) -> list[IngestOutcome]:
        """Store an export's releases and entries exactly as they were stored (ids, facts, record times)."""
        outcomes = []
        for stored in record.releases:
            release = Release._create(Release.Ingested, release_id=stored.release_id, file=stored.file,
                                      published=stored.published, published_from=stored.published_from,
                                      text=stored.text, headline=headline(stored.text), supersedes=stored.supersedes,
                                      superseded_by=stored.superseded_by, timestamp=stored.recorded_at)
            for fact in stored.facts:
                release.trigger_event(Release.FactRecorded, fact=fact.fact, timestamp=fact.recorded_at)
            outcomes.append(IngestOutcome(stored.file, stored.release_id, stored.published, "export",
                                          len(stored.facts), not self._save_once(release, stored.file)))
        for stored in record.entries:
            entry = Entry._create(Entry.Made, id=UUID(stored.uuid), fact=stored.fact, entered_by=stored.entered_by,
                                  reason=stored.reason, reported_on=stored.reported_on, timestamp=stored.recorded_at)
            outcomes.append(IngestOutcome(ENTRIES, entry_id(entry.id), stored.reported_on, "export", 1,
                                          not self._save_once(entry, ENTRIES)))
        self.__dict__.pop("_issues", None)
        return outcomes

    def _save_once(self, aggregate: Any, file: str) -> bool:
        """Save; False when it was already stored."""
        try:
            self.store.save(aggregate)
        except IntegrityError:
            return False
        except PersistenceError as error:
            raise StoreError(f"{describe(self.db)}: cannot write {file}: {error}") from None
        return True

    def verify(self) -> Verification:
        """Walk the store's hash chain: is every event as the tracker wrote it, in its place?"""
        try:
            return verify_chain(self.store.recorder)
        except PersistenceError as error:
            raise StoreError(f"{describe(self.db)}: cannot read the event store: {error}") from None

    # ---- review and evaluation -----------------------------------------

    def review_queue(self, view: TimeView = TimeView()) -> list[Pending]:
        """Events in view under the review threshold that no decision in view has settled."""
        in_time = sorted((r for r in self.history() if view.admits(r)), key=lambda r: r.sort_key)
        return pending(in_time, in_time, view.review_threshold)

    def context(self, event_id: str, around: int = 2) -> tuple[RecordedFact, list[tuple[int, str]]]:
        """An event and the numbered lines of its release around its quote."""
        recorded = self.find_event(event_id)
        if recorded.release is None or recorded.fact.line is None:
            return recorded, []
        text = self.store.repository.get(release_uuid(recorded.release.id)).text
        lines = text.splitlines()
        first = recorded.fact.line
        last = first + recorded.fact.quote.count("\n")
        start, stop = max(1, first - around), min(len(lines), last + around)
        return recorded, [(number, lines[number - 1]) for number in range(start, stop + 1)]

    def review(self, event_id: str, decision: str, entered_by: str, reason: str,
               changes: dict[str, Any] | None = None, reported_on: date | None = None) -> str:
        """Accept (with field changes) or reject an event; returns the decision's event id."""
        recorded = self.find_event(event_id)
        if isinstance(recorded.fact, FactReviewed):
            raise TrackerError(f"event {recorded.id} is itself a review decision")
        edited(recorded, changes or {})
        return self.enter(FactReviewed(compound=recorded.fact.compound, reviews=recorded.id, decision=decision,
                                       changes=changes or {}), entered_by, reason, reported_on)

    # ---- reports and calendar ------------------------------------------

    def calendar(self, view: TimeView = TimeView(), start: date | None = None, end: date | None = None,
                 compound: str | None = None) -> list[CalendarEntry]:
        """The catalysts still expected in the view, `expected_by` from `start` to `end`; optionally of one compound."""
        statuses = [self.status(compound, view)] if compound else self.compounds(view)
        return catalyst_calendar(statuses, self.events(view, compound=compound), start, end)

    def calendar_ics(self, view: TimeView = TimeView(), start: date | None = None, end: date | None = None,
                     compound: str | None = None) -> bytes:
        """The same catalysts as an iCalendar file: all-day events on their `expected_by`."""
        return calendar_ics(self.calendar(view, start, end, compound), view.horizon)

    def report(self, view: TimeView = TimeView()) -> Report:
        """What the report of this view shows, as plain data: pipeline, timelines, catalysts, receivables, events."""
        return build_report(view, self.compounds(view), self.events(view), self.receivables(view))

    def report_html(self, view: TimeView = TimeView()) -> str:
        """The report of this view as one self-contained HTML page."""
        from tracker.reports.html import render_html  # here, so matplotlib loads only for a report

        return render_html(self.report(view))

    def _resolve(self, query: str, names: NameBook) -> str:
        canonical = names.find(query)
        if canonical is None:
            spellings = {n.lower(): n for n in self.projection.view.name_spellings() + names.spellings()}
            close = difflib.get_close_matches(query.lower(), list(spellings), n=2, cutoff=0.6)
            raise UnknownCompound(query, [spellings[c] for c in close])
        return canonical


def _contended(error: BaseException) -> bool:
    """Is `error` another process holding the store, or creating its tables, at the same moment? Worth a retry."""
    cause = error.__cause__ or error
    if isinstance(error, IntegrityError):
        return True  # PostgreSQL: two processes created the same table at once
    if isinstance(cause, sqlite3.Error):
        return getattr(cause, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY
    if type(cause).__name__ == "InternalError_" and "concurrently updated" in str(cause):
        return True  # PostgreSQL: two processes created the same index at once
    return type(cause).__name__ in ("DeadlockDetected", "SerializationFailure", "LockNotAvailable")


def _identities(view: TimeView, history: tuple[RecordedFact, ...]) -> NameBook:
    """The names `history` resolves through: every alias recorded by the view's `recorded_by`, whenever published."""
    return NameBook.from_history(TimeView(recorded_by=view.recorded_by, review_threshold=view.review_threshold)
                                 .select(history))


def _view_class(db: str) -> type[FactsView]:
    """The read model's recorder for the store's database; PostgreSQL's is imported only when used."""
    if db.startswith(("postgresql://", "postgres://")):
        from tracker.postgres import PostgresFactsView

        return PostgresFactsView
    return SQLiteFactsView


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def extract(document: ReleaseDocument) -> list[Fact]:
    """The facts a release states. The extraction engine is imported on first use: queries never pay for it."""
    from tracker.extraction import extract as extract_facts

    return extract_facts(document)


#: From this many releases on, extraction runs in a process per CPU: a backfill is CPU-bound and
#: extraction is a pure function of the release. Fewer are not worth the workers' start.
PARALLEL_FROM = 200


def _extracted(documents: list[ReleaseDocument]) -> Iterator[tuple[ReleaseDocument, list[Fact]]]:
    """Each release with its facts, in order, letting go of each release once handed on
    (its sentences and extraction caches weigh far more than its text)."""
    workers = os.cpu_count() or 1
    documents.reverse()
    if len(documents) < PARALLEL_FROM or workers < 2:
        while documents:
            document = documents.pop()
            yield document, extract(document)
        return
    from tracker.extraction import extract as extract_facts

    # "spawn": the parent may hold database connections and their threads, which a fork would copy.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        while documents:
            batch = [documents.pop() for _ in range(min(len(documents), 64 * workers))]
            yield from zip(batch, pool.map(extract_facts, batch, chunksize=16))


def read_releases(paths: Sequence[Path | str], published: date | None = None,
                  manifest: Path | None = None) -> tuple[list[ReleaseDocument], list[Skipped]]:
    """Read and date every release under `paths`; every problem is collected and raised together."""
    from tracker.reading.releases import Skipped, discover, manifest_for, read_release  # only when ingesting

    paths = [Path(p) for p in paths]
    dates = manifest_for(paths, manifest)
    documents: list[ReleaseDocument] = []
    skipped: list[Skipped] = []
    problems: list[ReleaseError] = []
    for found in discover(paths):
        if isinstance(found, Skipped):
            skipped.append(found)
            continue
        try:
            documents.append(read_release(found, dates, published))
        except ReleaseError as problem:
            problems.append(problem)
    if problems:
        raise ReleaseProblems(problems)
    return documents, skipped


def open_tracker(db: str | None = None) -> Tracker:
    """Open (creating if need be) the event store at a file path or `postgresql://` URL."""
    return Tracker(db)
