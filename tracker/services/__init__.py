"""The use cases behind the `Tracker` façade, one module each, all working through one `Store`."""
from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.adapters.event_store import Store
    from tracker.services.audit import Audit
    from tracker.services.entries import Entries
    from tracker.services.export import Exporter
    from tracker.services.history import History
    from tracker.services.ingest import Ingest
    from tracker.services.kept import KeptAnswers
    from tracker.services.money import Money
    from tracker.services.queries import Queries


class Services:
    """The services on one store, each built (and its module imported) on first use: `tracker --version` loads
    none of them, a query never loads extraction, and an ingest never loads the report."""

    def __init__(self, store: Store):
        self.store = store

    @cached_property
    def history(self) -> History:
        from tracker.services.history import History

        return History(self.store)

    @cached_property
    def kept(self) -> KeptAnswers:
        from tracker.services.kept import KeptAnswers

        return KeptAnswers(self.store)

    @cached_property
    def entries(self) -> Entries:
        from tracker.services.entries import Entries

        return Entries(self.store)

    @cached_property
    def queries(self) -> Queries:
        from tracker.services.queries import Queries

        return Queries(self.history, self.kept)

    @cached_property
    def ingest(self) -> Ingest:
        from tracker.services.ingest import Ingest

        return Ingest(self.store)

    @cached_property
    def money(self) -> Money:
        from tracker.services.money import Money

        return Money(self.history, lambda: self.queries, self.entries, self.kept)

    @cached_property
    def audit(self) -> Audit:
        from tracker.services.audit import Audit

        return Audit(self.store, self.history, self.queries, self.entries, self.kept,
                     {**self.queries.kept_answers(), **self.money.kept_answers()})

    @cached_property
    def exporter(self) -> Exporter:
        from tracker.services.export import Exporter

        return Exporter(self.store, self.queries)
