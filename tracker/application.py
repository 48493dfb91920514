"""The tracker's Python API: a thin façade over the services (`tracker.services`), each working through one
`Store`: load, act, save; library errors translated there; plain data returned, never aggregates.

    tracker = open_tracker("tracker.db")
    tracker.ingest(["seeds/"])
    tracker.status("kadcyla", TimeView(as_of=date(2013, 9, 30)))

The names a caller needs besides (`TimeView`, the ingest outcomes, the event types) are exported here too.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from projections.history import REVIEW_THRESHOLD, RecordedFact, TimeView
from tracker.adapters.event_store import EventStore, Store
from tracker.adapters.store import DEFAULT_DB, default_db
from tracker.collector import cycle_collection_paused
from tracker.dates import parse_date
from tracker.domain.facts import FACT_TYPES, OWN_COMMANDS
from tracker.manual import RECORDABLE_TYPES, typed_fields
from tracker.services import Services

if TYPE_CHECKING:  # the answers' types, imported where they are defined
    from projections.calendar import CalendarEntry
    from projections.diff import Difference
    from projections.explain import Explanation
    from projections.ledger import Ledger
    from projections.receivables import GroupBy, ReceivablesReport
    from projections.replay import ReplayStep
    from projections.report import Report
    from projections.review import Pending
    from projections.status import CompoundStatus
    from tracker.adapters.chain import Verification
    from tracker.domain.facts import Fact
    from tracker.evaluation import Evaluation
    from tracker.services.export import Exported
    from tracker.services.ingest import IngestOutcome, IngestReport, ReleaseProblems, count_release_files, read_releases

__all__ = ["DEFAULT_DB", "FACT_TYPES", "OWN_COMMANDS", "RECORDABLE_TYPES", "REVIEW_THRESHOLD", "IngestOutcome",
           "IngestReport", "ReleaseProblems", "TimeView", "Tracker", "count_release_files", "cycle_collection_paused", "evaluate", "open_tracker",
           "parse_date", "read_releases", "typed_fields"]

#: The ingest service's names, imported on first use: reading and extraction load only for an ingest.
_INGEST_NAMES = ("IngestOutcome", "IngestReport", "ReleaseProblems", "count_release_files", "read_releases")


def __getattr__(name: str) -> Any:
    if name in _INGEST_NAMES:
        from tracker.services import ingest

        return getattr(ingest, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Tracker:
    """Ingest releases and query the record, on one event store (an SQLite path or a `postgresql://` URL)."""

    def __init__(self, db: str | None = None, create: bool = True):
        """`create=False` refuses an SQLite file that does not exist yet instead of creating it (a query on a
        misspelt path answers nothing and leaves no file behind)."""
        self.db = db or default_db()
        self._store = Store(self.db, create=create)
        self._services = Services(self._store)  # each service built on first use, so a command loads what it runs

    @property
    def store(self) -> EventStore:  # the `eventsourcing` application itself, for the library's own API
        return self._store.events

    def close(self) -> None:
        self._store.close()

    # ---- writing ----

    def ingest(self, paths: Sequence[Path | str], published: date | None = None, manifest: Path | None = None,
               progress: Callable[[IngestOutcome], Any] | None = None, verify_key: Path | None = None) -> IngestReport:
        """Read, extract and store every release (or export folder) under `paths`: each release whole or not
        at all, and nothing at all when a file cannot be read or dated (or an export's signature does not
        hold for `verify_key`)."""
        return self._services.ingest.ingest(paths, published, manifest, progress, verify_key)

    def enter(self, fact: Fact, entered_by: str, reason: str, reported_on: date | None = None) -> str:
        """Record a fact a person supplies, with who and why; returns its event id."""
        return self._services.entries.enter(fact, entered_by, reason, reported_on)

    def record(self, event_type: str, fields: Sequence[tuple[str, str]], entered_by: str, reason: str,
               reported_on: date | None = None) -> str:
        return self._services.audit.record(event_type, fields, entered_by, reason, reported_on)

    def retract(self, event_id: str, entered_by: str, reason: str, reported_on: date | None = None) -> str:
        return self._services.audit.retract(event_id, entered_by, reason, reported_on)

    def review(self, event_id: str, decision: Literal["accepted", "rejected"], entered_by: str, reason: str,
               changes: dict[str, Any] | None = None, reported_on: date | None = None) -> str:
        return self._services.audit.review(event_id, decision, entered_by, reason, changes, reported_on)

    # ---- the read model ----

    def catch_up(self) -> int:
        return self._store.catch_up()

    def rebuild(self, progress: Callable[[int], Any] | None = None) -> int:
        return self._store.rebuild(progress)

    def history(self) -> tuple[RecordedFact, ...]:
        return self._services.history.all()

    # ---- queries ----

    def events(self, view: TimeView = TimeView(), compound: str | None = None,
               types: Iterable[str] = ()) -> Sequence[dict[str, Any]]:
        return self._services.queries.events(view, compound, types)

    def compounds(self, view: TimeView = TimeView()) -> Sequence[CompoundStatus]:
        return self._services.queries.compounds(view)

    def status(self, compound: str, view: TimeView = TimeView()) -> CompoundStatus:
        return self._services.queries.status(compound, view)

    def calendar(self, view: TimeView = TimeView(), start: date | None = None, end: date | None = None,
                 compound: str | None = None) -> Sequence[CalendarEntry]:
        return self._services.queries.calendar(view, start, end, compound)

    def report(self, view: TimeView = TimeView()) -> Report:
        return self._services.queries.report(view, self.receivables(view))

    # ---- money ----

    def ledger(self, view: TimeView = TimeView(), compound: str | None = None) -> Ledger:
        return self._services.money.ledger(view, compound)

    def receivables(self, view: TimeView = TimeView(), by: GroupBy = "counterparty",
                    rates: Path | None = None, payee: str | None = None) -> ReceivablesReport:
        return self._services.money.receivables(view, by, rates, payee)

    def load_terms(self, path: Path, entered_by: str, reason: str, on: date | None = None) -> list[tuple[str, str]]:
        return self._services.money.load_terms(path, entered_by, reason, on)

    def record_invoice(self, line_id: str, amount: Decimal, on: date, entered_by: str, reason: str,
                       currency: str | None = None, due: date | None = None) -> str:
        return self._services.money.record_invoice(line_id, amount, on, entered_by, reason, currency, due)

    def record_payment(self, line_id: str, amount: Decimal, on: date, entered_by: str, reason: str,
                       currency: str | None = None) -> str:
        return self._services.money.record_payment(line_id, amount, on, entered_by, reason, currency)

    def record_write_off(self, line_id: str, on: date, entered_by: str, reason: str) -> str:
        return self._services.money.record_write_off(line_id, on, entered_by, reason)

    def record_confirmation(self, line_id: str, on: date, entered_by: str, reason: str) -> str:
        return self._services.money.record_confirmation(line_id, on, entered_by, reason)

    def record_net_sales(self, compound: str, period: str, amount: Decimal, currency: str, on: date,
                         entered_by: str, reason: str, territory: str | None = None) -> str:
        return self._services.money.record_net_sales(compound, period, amount, currency, on, entered_by, reason, territory)

    # ---- audit ----

    def find_event(self, event_id: str) -> RecordedFact:
        return self._services.audit.find_event(event_id)

    def context(self, event_id: str, around: int = 2) -> tuple[RecordedFact, list[tuple[int, str]]]:
        return self._services.audit.context(event_id, around)

    def review_queue(self, view: TimeView = TimeView(), compound: str | None = None) -> list[Pending]:
        """The events in view the review threshold holds back (of one compound, any alias, when given)."""
        return self._services.audit.review_queue(view, compound)

    def replay(self, view: TimeView = TimeView(), compound: str | None = None) -> list[ReplayStep]:
        return self._services.audit.replay(view, compound)

    def diff(self, first: TimeView, second: TimeView, compound: str | None = None) -> Difference:
        return self._services.audit.diff(first, second, compound)

    def explain(self, name: str, field: str | None = None, view: TimeView = TimeView()) -> list[Explanation]:
        return self._services.audit.explain(name, field, view)

    def verify(self) -> Verification:
        return self._services.audit.verify()

    def export(self, folder: Path, view: TimeView = TimeView(), signing_key: Path | None = None) -> Exported:
        """Write the record (as held at the view's `recorded_by`) and the view's events to `folder`, signed
        with the Ed25519 key in the PEM file `signing_key` when given."""
        return self._services.exporter.export(folder, view, signing_key)


def open_tracker(db: str | None = None, create: bool = True) -> Tracker:
    """Open the event store at a file path or `postgresql://` URL, created on first use unless `create=False`."""
    return Tracker(db, create)


def evaluate(gold: Path, corpus: Path, threshold: float = REVIEW_THRESHOLD) -> Evaluation:
    """Precision, recall and F1 by event type of the reading of `corpus` against the gold files in `gold`, counting
    the events at or above `threshold`; precision by confidence band over every event read."""
    from tracker.evaluation import evaluate as measure  # the extraction engine loads only for this

    return measure(gold, corpus, threshold)
