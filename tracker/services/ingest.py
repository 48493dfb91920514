"""Ingest: release files read, dated, extracted and stored, each release whole or not at all.

Every file is read and dated before anything is written, so a bad file leaves
the store untouched; problems are collected and reported together. A folder
written by `export` is imported as it was stored (ids, facts and record
times), once its checksums are verified, never re-extracted.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.utils import get_topic

from tracker.adapters.catchup import entry_id
from tracker.adapters.event_store import Store
from tracker.adapters.export_folder import ENTRIES, Export, Seal, is_export, read_export
from tracker.domain.entry import Entry
from tracker.domain.facts import Fact
from tracker.domain.release import Release, release_uuid
from tracker.errors import ReleaseError, TrackerError, shown
from tracker.reissue import headline, headline_of

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


#: How many bad or skipped files are named, one a line, before the rest are counted by problem.
NAMED = 10


def tally(problems: Sequence[str]) -> str:
    """`problems` counted by kind, the commonest first: "4,990 more: empty file (4,980), no text in the file (10)"."""
    kinds = Counter(problems).most_common()
    counted = [f"{kind} ({count:,})" for kind, count in kinds[:3]]
    if len(kinds) > 3:
        counted.append(f"other problems ({sum(count for _, count in kinds[3:]):,})")
    return f"{len(problems):,} more: {', '.join(counted)}"


@dataclass(frozen=True)
class ImportedExport:
    """An export folder read back: where it was, and what it says of itself (chain head, signature)."""

    folder: Path
    seal: Seal


@dataclass(frozen=True)
class IngestReport:
    ingested: list[IngestOutcome]
    skipped: list[Skipped]
    exports: list[ImportedExport] = field(default_factory=list)

    @property
    def new_events(self) -> int:
        return sum(o.events for o in self.ingested if not o.duplicate)

    def skipped_summary(self, named: int = NAMED) -> tuple[list[Skipped], str | None]:
        """The first `named` files passed over, and the rest counted by reason (None when there are no more)."""
        rest = [skipped.reason for skipped in self.skipped[named:]]
        return self.skipped[:named], tally(rest) if rest else None


class ReleaseProblems(TrackerError):
    """Releases that cannot be ingested, all reported together (the first few one a line, the rest counted);
    nothing was written. `problems` holds every one."""

    def __init__(self, problems: list[ReleaseError]):
        self.problems = problems
        lines = [str(p) for p in problems[:NAMED]]
        if len(problems) > NAMED:
            lines.append(f"... and {tally([p.problem for p in problems[NAMED:]])}")
        super().__init__("\n".join(lines))


class Ingest:
    def __init__(self, store: Store):
        self.store = store

    def ingest(self, paths: Sequence[Path | str], published: date | None = None, manifest: Path | None = None,
               progress: Callable[[IngestOutcome], Any] | None = None,
               verify_key: Path | None = None) -> IngestReport:
        """Read, extract and store every release under `paths`: each release whole or not at all. An export
        folder among them is refused unless its checksums match and, given the PEM file of a public (or
        private) Ed25519 key `verify_key`, unless that key signed them."""
        exports = [Path(p) for p in paths if is_export(Path(p))]
        key = _verifying_key(verify_key) if verify_key is not None else None
        records = [read_export(folder, key) for folder in exports]
        others = [Path(p) for p in paths if Path(p) not in exports]
        documents, skipped = read_releases(others, published, manifest) if others else ([], [])
        outcomes = []
        for outcome in (o for record in records for o in self.import_export(record)):
            outcomes.append(outcome)
            if progress:
                progress(outcome)
        for document, facts, headline_read in _extracted(documents):
            outcome = self.ingest_document(document, facts, headline_read)
            outcomes.append(outcome)
            if progress:
                progress(outcome)
        self.store.catch_up()
        return IngestReport(outcomes, skipped, [ImportedExport(folder, record.seal) for folder, record in zip(exports, records)])

    def ingest_document(self, document: ReleaseDocument, facts: list[Fact] | None = None,
                        headline: str | None = None) -> IngestOutcome:
        """Store one read release and the facts extracted from it (here, unless given), atomically. `headline`
        is the release's (`headline_of` its sentences), when the process that read them for extraction gave it.

        Whether it re-issues a stored release is not decided here but where the read model applies the
        log in order (`tracker.adapters.catchup`): a check made here could miss a release another
        process is storing at the same moment."""
        facts = extract(document) if facts is None else facts
        outcome = IngestOutcome(document.file, document.id, document.published, document.published_from, len(facts), False)
        if self.store.has_aggregate(release_uuid(document.id)):
            return replace(outcome, duplicate=True)
        release = Release(release_id=document.id, file=document.file, published=document.published,
                          published_from=document.published_from, text=document.text,
                          headline=headline_of(document.sentences) if headline is None else headline)
        for fact in facts:
            release.record(fact)
        if not self.store.save(release, what=document.file):
            return replace(outcome, duplicate=True)
        return outcome

    def import_export(self, record: Export) -> list[IngestOutcome]:
        """Store an export's releases and entries exactly as they were stored (ids, facts, record times).

        The events are made here with their original record times and saved as they are, each
        release's events in one transaction.
        """
        outcomes = []
        for stored in record.releases:
            release = stored.record
            events: list[Any] = [Release.Ingested(**_fields(
                originator_id=release.uuid, originator_version=1, timestamp=release.recorded_at,
                originator_topic=get_topic(Release), release_id=release.id, file=release.file,
                published=release.published, published_from=release.published_from, text=stored.text,
                headline=headline(stored.text), supersedes=release.supersedes, superseded_by=release.superseded_by))]
            events += [Release.FactRecorded(**_fields(originator_id=release.uuid, originator_version=version,
                                                      timestamp=fact.recorded_at, fact=fact.fact))
                       for version, fact in enumerate(stored.facts, start=2)]
            outcomes.append(IngestOutcome(shown(release.file), release.id, release.published, "export",
                                          len(stored.facts), not self.store.save(*events, what=release.file)))
        for entry in record.entries:
            made = Entry.Made(**_fields(
                originator_id=UUID(entry.uuid), originator_version=1, timestamp=entry.recorded_at,
                originator_topic=get_topic(Entry), fact=entry.fact, entered_by=entry.entered_by, reason=entry.reason,
                reported_on=entry.reported_on))
            outcomes.append(IngestOutcome(ENTRIES, entry_id(made.originator_id), entry.reported_on, "export", 1,
                                          not self.store.save(made, what=ENTRIES)))
        return outcomes


def _verifying_key(path: Path) -> Any:
    from tracker.adapters.signing import verifying_key  # the signature's library loads only when a key is given

    return verifying_key(path)


def _fields(**fields: Any) -> dict[str, Any]:
    """An event's fields: the library makes its event classes' signatures at run time, out of a type checker's sight."""
    return fields


def extract(document: ReleaseDocument) -> list[Fact]:
    """The facts a release states. The extraction engine is imported on first use: queries never pay for it."""
    from tracker.extraction import extract as extract_facts

    return extract_facts(document)


#: From this many releases on, extraction runs in a process per CPU: a backfill is CPU-bound and
#: extraction is a pure function of the release. Fewer are not worth the workers' start.
PARALLEL_FROM = 200


def extract_with_headline(document: ReleaseDocument) -> tuple[list[Fact], str]:
    """A release's facts and its headline, both read from the sentences it is split into once: in a worker
    process, the headline comes back with the facts rather than the release being split again to store it."""
    from tracker.extraction import extract as extract_facts

    return extract_facts(document), headline_of(document.sentences)


def _extracted(documents: list[ReleaseDocument]) -> Iterator[tuple[ReleaseDocument, list[Fact], str | None]]:
    """Each release with its facts (and its headline, where a worker read it), in order, letting go of each
    release once handed on (its sentences and extraction caches weigh far more than its text)."""
    workers = os.cpu_count() or 1
    documents.reverse()
    if len(documents) < PARALLEL_FROM or workers < 2 or not _workers_can_start():
        while documents:
            document = documents.pop()
            yield document, extract(document), None
        return
    # "spawn": the parent may hold database connections and their threads, which a fork would copy.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        # The next batch is handed to the workers before this one's releases are handed on to be stored: the
        # workers read while the caller writes, instead of waiting for the last of a batch to be stored.
        current: tuple[list[ReleaseDocument], Iterator[tuple[list[Fact], str]]] | None = None
        while documents or current is not None:
            upcoming = None
            if documents:
                batch = [documents.pop() for _ in range(min(len(documents), 64 * workers))]
                upcoming = batch, pool.map(extract_with_headline, batch, chunksize=16)
            if current is not None:
                for document, (facts, headline_read) in zip(*current):
                    yield document, facts, headline_read
            current = upcoming


def _workers_can_start() -> bool:
    """Whether spawned workers can start here: each re-imports the caller's main module from its file, so a
    script read from standard input (`python - < script.py`, whose main "file" is `<stdin>`) extracts in
    this process instead."""
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    return main_file is None or os.path.isfile(main_file)


#: Linux's prctl option: the signal a process gets when the thread that started it ends.
PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """An extraction worker's first step: end with the ingest that started it, however that ends. A
    SIGKILLed ingest runs no clean-up, and its idle workers (and the resource tracker they hold open) would
    otherwise wait for work forever. On Linux the kernel kills the worker (PR_SET_PDEATHSIG; the pool
    starts its workers from the ingest's own thread); elsewhere a thread watches for the parent's end."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        os._exit(1)


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def count_release_files(paths: Sequence[Path]) -> int:
    """How many release files lie under `paths` (for a progress bar)."""
    from tracker.reading.releases import Skipped, discover

    return sum(1 for found in discover(paths) if not isinstance(found, Skipped))


def read_releases(paths: Sequence[Path], published: date | None = None,
                  manifest: Path | None = None) -> tuple[list[ReleaseDocument], list[Skipped]]:
    """Read and date every release under `paths`; every problem is collected and raised together."""
    from tracker.reading.releases import Skipped, discover, manifest_for, read_release  # only when ingesting

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
