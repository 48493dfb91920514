"""Export for auditors: the record as stored up to an instant, and the events of a view, in one folder."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from projections.history import TimeView
from projections.records import records_jsonl
from tracker.adapters.event_store import Store
from tracker.adapters.export_folder import Export, Seal, StoredEntry, StoredFact, StoredRelease, write_export
from tracker.domain.entry import Entry
from tracker.domain.release import Release
from tracker.services.queries import Queries


class Exporter:
    def __init__(self, store: Store, queries: Queries):
        self.store = store
        self.queries = queries

    def export(self, folder: Path, view: TimeView, signing_key: Path | None = None) -> Exported:
        """Write the record (as held at the view's `recorded_by`) and the view's events to `folder`, its
        checksums signed with the Ed25519 key in the PEM file `signing_key` when given."""
        signed_by, key = None, None
        if signing_key is not None:  # read before anything is written; its library loads only then
            from tracker.adapters import signing

            key = signing.signing_key(signing_key)
            signed_by = signing.fingerprint(key.public_key())
        record = self.record(view.recorded_by)
        files = write_export(folder, records_jsonl(self.queries.events(view)), record, key)
        return Exported(files, replace(record.seal, signed_by=signed_by))

    def record(self, recorded_by: datetime | None) -> Export:
        """Every release and entry as stored, in log order, up to an instant; each release with its re-issue
        links as the read model derived them, so that the export states them (and any reader keeps them)."""
        releases: dict[Any, tuple[str, list[StoredFact]]] = {}
        entries = []
        last = 0
        for position, event in self.store.logged_events():
            if recorded_by is not None and event.timestamp > recorded_by:
                continue
            last = position
            if isinstance(event, Release.Ingested):
                releases[event.originator_id] = (event.text, [])
            elif isinstance(event, Release.FactRecorded):
                releases[event.originator_id][1].append(StoredFact(event.fact, event.timestamp))
            elif isinstance(event, Entry.Made):
                entries.append(StoredEntry(str(event.originator_id), event.fact, event.entered_by, event.reason,
                                           event.reported_on, event.timestamp))
        self.store.catch_up()  # after reading: the read model then holds every release read
        linked = self.store.read_model.releases(uuid.hex for uuid in releases)
        return Export(tuple(StoredRelease(linked[uuid.hex], text, tuple(facts))
                            for uuid, (text, facts) in releases.items()), tuple(entries),
                      Seal(self.store.chain_head(last), last))


@dataclass(frozen=True)
class Exported:
    """An export written: its files, and the chain head and signing key it states."""

    files: list[str]
    seal: Seal
