"""The tracker's Python API: ingest releases, ask what the record says.

A thin application over the event store, in the shape of the `eventsourcing`
examples: load, act, save; translate library errors here, at the boundary;
return plain data, never aggregates. The CLI is one user of it, a notebook
another:

    from tracker import open_tracker
    tracker = open_tracker("tracker.db")
    tracker.ingest(["seeds/"])
    tracker.status("kadcyla", as_of=date(2013, 9, 30))
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from pathlib import Path
from typing import Any

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, PersistenceError, Transcoder

from projections.export import event_records
from projections.history import RecordedFact, ReleaseInfo, TimeView
from projections.names import NameBook
from projections.status import CompoundStatus, compound_status
from tracker.domain.entry import Entry
from tracker.domain.facts import EventRetracted, Fact
from tracker.domain.release import Release, release_uuid
from tracker.errors import ReleaseError, StoreError, TrackerError, UnknownCompound
from tracker.extraction import extract
from tracker.integrity import Verification
from tracker.integrity import verify as verify_chain
from tracker.reading.releases import ReleaseDocument, Skipped, discover, manifest_for, read_release
from tracker.store import default_db, describe, register_domain_transcodings, store_settings

_PAGE = 5000


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

    @cached_property
    def store(self) -> EventStore:
        """The event store, opened (and created) on first use, so that failing reads write nothing."""
        try:
            return EventStore(env=store_settings(self.db))
        except TrackerError:
            raise
        except (PersistenceError, OSError) as error:
            raise StoreError(f"{describe(self.db)}: cannot open the event store: {error}") from None

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()

    # ---- writing -------------------------------------------------------

    def ingest(self, paths: Sequence[Path | str], published: date | None = None, manifest: Path | None = None,
               progress: Callable[[IngestOutcome], Any] | None = None) -> IngestReport:
        """Read, extract and store every release under `paths`: each release whole or not at all.

        Every file is read before anything is written, so a bad file leaves the store untouched.
        """
        documents, skipped = read_releases(paths, published, manifest)
        outcomes = []
        for document in documents:
            outcome = self.ingest_document(document)
            outcomes.append(outcome)
            if progress:
                progress(outcome)
        return IngestReport(outcomes, skipped)

    def ingest_document(self, document: ReleaseDocument) -> IngestOutcome:
        """Store one read release and the facts extracted from it, atomically."""
        facts = extract(document)
        outcome = IngestOutcome(document.file, document.id, document.published, document.published_from, len(facts), False)
        if self._has_release(document.id):
            return IngestOutcome(**{**outcome.__dict__, "duplicate": True})
        release = Release(release_id=document.id, file=document.file, published=document.published,
                          published_from=document.published_from, text=document.text)
        for fact in facts:
            release.record(fact)
        try:
            self.store.save(release)
        except IntegrityError:
            return IngestOutcome(**{**outcome.__dict__, "duplicate": True})
        except PersistenceError as error:
            raise StoreError(f"{describe(self.db)}: cannot write {document.file}: {error}") from None
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

    def history(self) -> tuple[RecordedFact, ...]:
        """Every recorded fact, joined with its release and its record time."""
        recorded: list[RecordedFact] = []
        releases: dict[Any, ReleaseInfo] = {}
        start = 1
        try:
            while True:
                page = self.store.recorder.select_notifications(start, _PAGE)
                for notification in page:
                    event = self.store.mapper.to_domain_event(notification)
                    if isinstance(event, Release.Ingested):
                        releases[event.originator_id] = ReleaseInfo(
                            id=event.release_id, file=event.file, published=event.published,
                            published_from=event.published_from, recorded_at=event.timestamp)
                    elif isinstance(event, Release.FactRecorded):
                        release = releases[event.originator_id]
                        position = event.originator_version - 1
                        recorded.append(RecordedFact(id=f"{release.id}.{position}", fact=event.fact,
                                                     reported_on=release.published, recorded_at=event.timestamp,
                                                     position=position, release=release))
                    elif isinstance(event, Entry.Made):
                        recorded.append(RecordedFact(id=entry_id(event.originator_id), fact=event.fact,
                                                     reported_on=event.reported_on, recorded_at=event.timestamp,
                                                     entered_by=event.entered_by, reason=event.reason))
                if len(page) < _PAGE:
                    break
                start = page[-1].id + 1
        except PersistenceError as error:
            raise StoreError(f"{describe(self.db)}: cannot read the event store: {error}") from None
        return tuple(recorded)

    def view(self, view: TimeView) -> tuple[tuple[RecordedFact, ...], NameBook]:
        """The facts in view, in export order, and the names they resolve through.

        Names resolve through every alias recorded by the view's `recorded_by`
        instant, whatever its publication date: a compound keeps one identity
        across time, so "kadcyla" finds the 2008 facts about T-DM1, while the
        facts shown stay those in view.
        """
        history = self.history()
        identities = TimeView(recorded_by=view.recorded_by, review_threshold=view.review_threshold)
        return view.select(history), NameBook.from_history(identities.select(history))

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
        selected, names = self.view(view)
        return compound_status(selected, names, self._resolve(compound, names), view.horizon)

    # ---- ledger and receivables ---------------------------------------

    # ---- audit ---------------------------------------------------------

    def verify(self) -> Verification:
        """Walk the store's hash chain: is every event as the tracker wrote it, in its place?"""
        try:
            return verify_chain(self.store.recorder)
        except PersistenceError as error:
            raise StoreError(f"{describe(self.db)}: cannot read the event store: {error}") from None

    # ---- review and evaluation -----------------------------------------

    # ---- reports and calendar ------------------------------------------

    def _resolve(self, query: str, names: NameBook) -> str:
        canonical = names.find(query)
        if canonical is None:
            spellings = {n.lower(): n for n in names.spellings()}
            close = difflib.get_close_matches(query.lower(), list(spellings), n=2, cutoff=0.6)
            raise UnknownCompound(query, [spellings[c] for c in close])
        return canonical


def entry_id(uuid: Any) -> str:
    return f"entry.{uuid.hex[:16]}"


def read_releases(paths: Sequence[Path | str], published: date | None = None,
                  manifest: Path | None = None) -> tuple[list[ReleaseDocument], list[Skipped]]:
    """Read and date every release under `paths`; every problem is collected and raised together."""
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
