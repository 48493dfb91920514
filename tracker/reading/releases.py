"""A press release as the tracker reads it: its text, its identity and its date.

A release's id is derived from its words (white space folded), so the same
text ingested twice, or re-wrapped, is the same release. Its publication date
comes from its dateline; failing that from a manifest of publication dates
(`manifest.csv` or `manifest.tsv` beside the files, or one given explicitly),
failing that from `--published`; failing all three, it is refused.
"""
from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from tracker.errors import ManifestError, ReleaseError, shown
from tracker.reading.datelines import find_dateline
from tracker.reading.formats import is_release_file, read_text
from tracker.reading.text import CleanText, Sentence, sentences

MANIFEST_NAMES = ("manifest.csv", "manifest.tsv")


def release_id(text: str) -> str:
    """The stable id of a release: a hash of its words, blind to white space."""
    folded = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ReleaseDocument:
    """One release, read and dated, ready for extraction."""

    file: str
    """The file's name as one line of text (`tracker.errors.shown`): kept with the release and shown in every answer."""
    text: str
    published: date
    published_from: str
    """Where the date came from: "dateline", "manifest" or "user"."""
    path: Path | None = field(default=None, compare=False)

    @cached_property
    def id(self) -> str:
        return release_id(self.text)

    @cached_property
    def clean(self) -> CleanText:
        return CleanText.of(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return sentences(self.clean)


@dataclass(frozen=True)
class Manifest:
    """Publication dates by file name, as a user or a crawler recorded them."""

    dates: dict[str, date]
    path: Path | None = None

    @classmethod
    def empty(cls) -> Manifest:
        return cls({})

    @classmethod
    def load(cls, path: Path) -> Manifest:
        """Read a CSV or TSV with a `file` column and a `published` (or `date`) column."""
        try:
            raw = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise ManifestError(path, f"cannot read: {getattr(error, 'strerror', None) or error}") from None
        first_line = raw.splitlines()[0] if raw.strip() else ""
        delimiter = "\t" if "\t" in first_line else ","
        reader = csv.DictReader(raw.splitlines(), delimiter=delimiter)
        columns = {name.strip().lower(): name for name in reader.fieldnames or []}
        date_column = columns.get("published") or columns.get("date")
        if "file" not in columns or date_column is None:
            raise ManifestError(path, "needs a 'file' column and a 'published' column", line=1)
        dates: dict[str, date] = {}
        for number, row in enumerate(reader, start=2):
            name = (row.get(columns["file"]) or "").strip()
            value = (row.get(date_column) or "").strip()
            if not name:
                continue
            if not value:
                continue
            try:
                dates[Path(name).name] = date.fromisoformat(value)
            except ValueError:
                raise ManifestError(path, f"{value!r} is not a date (YYYY-MM-DD) for {name}", line=number) from None
        return cls(dates, path)

    def merged(self, other: Manifest) -> Manifest:
        return Manifest({**self.dates, **other.dates}, other.path or self.path)

    def get(self, file_name: str) -> date | None:
        return self.dates.get(file_name)


def read_release(path: Path, manifest: Manifest | None = None, published: date | None = None,
                 today: date | None = None) -> ReleaseDocument:
    """Read and date the release at `path`, or raise a `ReleaseError` saying why not."""
    text = read_text(path)
    day, source = find_dateline(text), "dateline"
    if day is None and manifest is not None:
        day, source = manifest.get(path.name), "manifest"
    if day is None:
        day, source = published, "user"
    if day is None:
        raise ReleaseError(path, "no publication date: none in the dateline, none in a manifest; give --published YYYY-MM-DD")
    if day > (today or date.today()):
        raise ReleaseError(path, f"publication date {day.isoformat()} is in the future")
    return ReleaseDocument(file=shown(path.name), text=text, published=day, published_from=source, path=path)


@dataclass(frozen=True)
class Skipped:
    """A file found in a folder that is not a release, and why it was passed over."""

    path: Path
    reason: str


def discover(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """The release files under `paths`, in name order; other files as `Skipped`.

    A path named explicitly is always returned, so that reading it fails loudly;
    inside folders, files that are not releases are skipped with a reason, and
    manifests and hidden files silently.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            relative = child.relative_to(path)
            if any(part.startswith(".") for part in relative.parts) or child.name in MANIFEST_NAMES:
                continue
            if is_release_file(child):
                yield child
            else:
                yield Skipped(child, f"not a release file type ({child.suffix or 'no extension'})")


def manifest_for(paths: Iterable[Path], explicit: Path | None = None) -> Manifest:
    """The manifests beside the given files or inside the given folders, and one level up (a data set
    often keeps its manifest at its root, beside a `releases/` folder), then the explicit one.
    A nearer manifest's date wins over a farther one's for the same file name."""
    manifest = Manifest.empty()
    seen: set[Path] = set()
    for path in paths:
        folder = (path if path.is_dir() else path.parent).resolve()
        for place in (folder.parent, folder):
            for name in MANIFEST_NAMES:
                candidate = place / name
                if candidate.is_file() and candidate not in seen:
                    seen.add(candidate)
                    manifest = manifest.merged(Manifest.load(candidate))
    if explicit is not None:
        manifest = manifest.merged(Manifest.load(explicit))
    return manifest
