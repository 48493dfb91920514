"""An export for auditors: the record as stored, the report it gives, and checksums of both.

An export folder holds

    events.jsonl      the events of the view asked for (`tracker events --format jsonl`, byte for byte)
    releases.jsonl    each release as stored: id, file, dates, record time, re-issue links, and its facts
    releases/FILE     each release's text as stored
    entries.jsonl     each fact a person entered, with who, why, and its record time
    export.json       the hash chain's link at the last event exported: the chain head the record ends on
    SHA256SUMS        the SHA-256 of every other file (`sha256sum -c SHA256SUMS` checks it)
    SHA256SUMS.sig    when exported with a signing key: the Ed25519 signature of SHA256SUMS (see signing)

The record is exported whole (as held at `--recorded-by`, when given), not cut
at the as-of day: names resolve through every alias recorded, whatever its
publication date, so a cut record would not give the same report. Facts are
imported as they were stored (same ids, fields and record times), never
re-extracted, so a newer extractor cannot change the answer.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.domain.facts import Fact, fact_from_dict
from tracker.domain.release_record import ReleaseRecord
from tracker.errors import TrackerError, shown

if TYPE_CHECKING:  # the signature's library loads only when an export is signed or checked
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

CHECKSUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"
SEAL = "export.json"
EVENTS = "events.jsonl"
RELEASES = "releases.jsonl"
ENTRIES = "entries.jsonl"
TEXTS = "releases"


class ExportError(TrackerError):
    """An export that cannot be written, or read back as it was written."""


@dataclass(frozen=True)
class StoredFact:
    fact: Fact
    recorded_at: datetime


@dataclass(frozen=True)
class StoredRelease:
    record: ReleaseRecord
    text: str
    facts: tuple[StoredFact, ...]


@dataclass(frozen=True)
class StoredEntry:
    uuid: str
    fact: Fact
    entered_by: str
    reason: str
    reported_on: date
    recorded_at: datetime


@dataclass(frozen=True)
class Seal:
    """What an export says of itself: the chain head its record ends on, and who signed it."""

    chain_head: str | None
    """The hash chain's link at the last event exported; None in an export written before it was kept."""
    chain_event: int | None
    """That event's position in the exporting store's log."""
    signed_by: str | None = None
    """The fingerprint of the key that signed SHA256SUMS; None when unsigned."""
    verified: bool = False
    """Whether the signature was checked against a key the reader gave."""


@dataclass(frozen=True)
class Export:
    releases: tuple[StoredRelease, ...]
    entries: tuple[StoredEntry, ...]
    seal: Seal = Seal(None, None)


def is_export(path: Path) -> bool:
    """A folder holding a checksum manifest is an export, not a folder of releases."""
    return path.is_dir() and (path / CHECKSUMS).is_file()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _text_paths(releases: tuple[StoredRelease, ...]) -> dict[str, str]:
    """Where each release's text goes: its file name, or under its id when two releases share a name. The name
    is written as one line (a store written before names were kept so may hold a newline in one), so that
    SHA256SUMS keeps one file a line."""
    paths: dict[str, str] = {}
    taken: set[str] = set()
    for release in releases:
        name = shown(Path(release.record.file).name)
        path = f"{TEXTS}/{name}" if name not in taken else f"{TEXTS}/{release.record.id}/{name}"
        taken.add(name)
        paths[release.record.id] = path
    return paths


def write_export(folder: Path, events: str, record: Export, key: Ed25519PrivateKey | None = None) -> list[str]:
    """Write the export into `folder` (new or empty), its checksums signed with `key` when given; returns the
    files written, checksums (and signature) last."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ExportError(f"{folder}: exists and is not an empty folder; give a new one")
    paths = _text_paths(record.releases)
    files: dict[str, str] = {EVENTS: events}
    files[RELEASES] = _jsonl([{
        "release_id": r.record.id, "file": r.record.file, "text": paths[r.record.id],
        "published": r.record.published.isoformat(), "published_from": r.record.published_from,
        "recorded_at": r.record.recorded_at.isoformat(), "supersedes": r.record.supersedes,
        "superseded_by": r.record.superseded_by,
        "facts": [{"fact": f.fact.model_dump(mode="json"), "recorded_at": f.recorded_at.isoformat()} for f in r.facts],
    } for r in record.releases])
    files[ENTRIES] = _jsonl([{
        "entry": e.uuid, "fact": e.fact.model_dump(mode="json"), "entered_by": e.entered_by, "reason": e.reason,
        "reported_on": e.reported_on.isoformat(), "recorded_at": e.recorded_at.isoformat(),
    } for e in record.entries])
    files[SEAL] = json.dumps({"chain_head": record.seal.chain_head, "chain_event": record.seal.chain_event}) + "\n"
    for release in record.releases:
        files[paths[release.record.id]] = release.text
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="") as out:
            out.write(content)
    written = sorted(files)
    checksums = "".join(f"{_digest(folder / name)}  {name}\n" for name in written).encode("utf-8")
    (folder / CHECKSUMS).write_bytes(checksums)
    if key is None:
        return [*written, CHECKSUMS]
    from tracker.adapters import signing

    (folder / SIGNATURE).write_text(signing.signature(checksums, key), encoding="ascii")
    return [*written, CHECKSUMS, SIGNATURE]


def verify_export(folder: Path, key: Ed25519PublicKey | None = None) -> tuple[str | None, bool]:
    """Refuse an export whose files do not match their checksums, or that gained or lost a file; with `key`,
    one whose checksums it did not sign. Returns the signing key's fingerprint (None when unsigned) and
    whether the signature was checked."""
    signed_by, verified = _signature(folder, key)
    listed: dict[str, str] = {}
    for number, line in enumerate((folder / CHECKSUMS).read_text(encoding="utf-8").splitlines(), 1):
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            raise ExportError(f"{folder / CHECKSUMS}:{number}: not a checksum line")
        listed[name] = digest
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {CHECKSUMS, SIGNATURE}
    unlisted = sorted(present - listed.keys())
    if unlisted:
        raise ExportError(f"{folder / unlisted[0]}: not listed in {CHECKSUMS}; the export was tampered with")
    for name, digest in listed.items():
        if name not in present:
            raise ExportError(f"{folder / name}: missing from the export; listed in {CHECKSUMS}")
        if _digest(folder / name) != digest:
            raise ExportError(f"{folder / name}: does not match its checksum in {CHECKSUMS}; the export was tampered with")
    return signed_by, verified


def _signature(folder: Path, key: Ed25519PublicKey | None) -> tuple[str | None, bool]:
    where = folder / SIGNATURE
    if not where.is_file():
        if key is not None:
            raise ExportError(f"{folder}: not signed ({SIGNATURE} is missing), and a key to check it was given; refused")
        return None, False
    from tracker.adapters import signing

    line = where.read_text(encoding="ascii", errors="replace")
    if key is None:
        return signing.signer(line, where)[0], False
    return signing.check(line, (folder / CHECKSUMS).read_bytes(), key, where), True


def read_export(folder: Path, key: Ed25519PublicKey | None = None) -> Export:
    """The record in an export folder, its checksums (and, given a key, their signature) verified first."""
    signed_by, verified = verify_export(folder, key)
    try:
        releases = tuple(StoredRelease(
            record=ReleaseRecord(
                id=row["release_id"], file=row["file"], published=date.fromisoformat(row["published"]),
                published_from=row["published_from"], recorded_at=datetime.fromisoformat(row["recorded_at"]),
                supersedes=row["supersedes"], superseded_by=row["superseded_by"]),
            text=(folder / row["text"]).read_bytes().decode("utf-8"),
            facts=tuple(StoredFact(fact_from_dict(f["fact"]), datetime.fromisoformat(f["recorded_at"])) for f in row["facts"]),
        ) for row in _rows(folder / RELEASES))
        entries = tuple(StoredEntry(
            uuid=row["entry"], fact=fact_from_dict(row["fact"]), entered_by=row["entered_by"], reason=row["reason"],
            reported_on=date.fromisoformat(row["reported_on"]), recorded_at=datetime.fromisoformat(row["recorded_at"]),
        ) for row in _rows(folder / ENTRIES))
        stated = json.loads((folder / SEAL).read_text(encoding="utf-8")) if (folder / SEAL).is_file() else {}
        seal = Seal(stated.get("chain_head"), stated.get("chain_event"), signed_by, verified)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ExportError(f"{folder}: not an export this tracker can read: {error}") from None
    return Export(releases, entries, seal)


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
