"""How far to trust the reading: extraction measured against releases a person labelled.

Gold files are JSON, one a release, in the shape of `shared/seeds/gold/`:
`{"file": ..., "published": ..., "compounds": {canonical: [aliases]}, "events": [...]}`
with each event in the EVENTS.md shape plus an optional `"optional": true`.
An extracted event matches a gold event of the same release when the type,
the compound (any alias of the gold group; a null gold compound accepts any)
and the fields that make two events of that type the same fact agree.

The per-type table counts the events a user sees: those read with at least
the review threshold's confidence (the others wait in review). Precision by
confidence band counts every event read, so that the threshold can be set
from evidence: how often an event read at 0.6 is right, and one read at 0.4.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from tracker.errors import TrackerError
from tracker.extraction import extract
from tracker.reading.releases import ReleaseDocument, read_release


class GoldRelease(BaseModel):
    model_config = ConfigDict(extra="allow")

    file: str
    published: date | None = None
    compounds: dict[str, list[str]] = {}
    events: list[dict[str, Any]]


def _fold(name: Any) -> str:
    text = str(name or "").lower().replace("®", "").replace("™", "")
    return re.sub(r"[\s\-_.,]+", "", text).lstrip("#")


def _options(gold_value: Any) -> list[Any]:
    return gold_value if isinstance(gold_value, list) else [gold_value]


def _same(value: Any, gold_value: Any) -> bool:
    options = _options(gold_value)
    return (value is None and None in options) or any(g is not None and _fold(value) == _fold(g) for g in options)


def _same_amount(value: Any, gold_value: Any) -> bool:
    try:
        return Decimal(str(value)) == Decimal(str(gold_value))
    except (InvalidOperation, ValueError):
        return False


def _conference(text: Any) -> tuple[str, str | None]:
    acronym = re.search(r"\b[A-Z]{2,}\b", str(text or ""))
    year = re.search(r"\b(?:19|20)\d\d\b", str(text or ""))
    return (acronym.group(0) if acronym else _fold(text)), (year.group(0) if year else None)


def _same_conference(value: Any, gold_value: Any) -> bool:
    (acronym, year), (gold_acronym, gold_year) = _conference(value), _conference(gold_value)
    return acronym == gold_acronym and (year is None or gold_year is None or year == gold_year)


def _payment(event: dict, gold: dict) -> bool:
    if gold.get("amount") is not None:
        return _same_amount(event.get("amount"), gold["amount"]) and _same(event.get("currency"), gold["currency"])
    if gold.get("rate") is not None:
        return event.get("rate") is not None
    return True


def _top_line(event: dict, gold: dict) -> bool:
    if gold.get("trial") and event.get("trial") and not _same(event["trial"], gold["trial"]):
        return False
    return _same(event.get("outcome"), gold["outcome"])


def _trial_design(event: dict, gold: dict) -> bool:
    ids = {_fold(i) for i in event.get("registry_ids") or []}
    return _same(event.get("trial"), gold.get("trial")) or bool(ids & {_fold(i) for i in gold.get("registry_ids", [])})


def _presentation(event: dict, gold: dict) -> bool:
    if gold.get("abstract"):
        return _same(event.get("abstract"), gold["abstract"])
    return any(_same_conference(event.get("conference"), g) for g in _options(gold.get("conference")))


def _region(event: dict, gold: dict) -> bool:
    return _same(event.get("region"), gold.get("region"))


#: What makes two events of a type the same fact, beyond their release, type and compound.
SAME_FACT: dict[str, Callable[[dict, dict], bool]] = {
    "CompoundAliasRecorded": lambda e, g: _fold(g["alias"]) in {_fold(e.get("alias")), _fold(e.get("compound"))},
    "PartnershipRecorded": lambda e, g: _same(e.get("partner"), g["partner"]),
    "DataPresented": _presentation,
    "DevelopmentStatusReported": lambda e, g: _same(e.get("phase"), g["phase"]),
    "TrialStarted": lambda e, g: _same(e.get("phase"), g["phase"]),
    "TrialDesignReported": _trial_design,
    "TopLineReported": _top_line,
    "RegulatoryOpinionIssued": lambda e, g: _region(e, g) and _same(e.get("opinion"), g["opinion"]),
    "ApprovalGranted": _region,
    "ApprovalDeclined": _region,
    "RegulatoryDecisionExpected": _region,
    "RegulatorySubmission": _region,
    "SubmissionExpected": lambda e, g: not g.get("region") or _region(e, g),
    "ReadoutExpected": lambda e, g: not g.get("trial") or _same(e.get("trial"), g["trial"]),
    "MilestoneTriggered": _payment,
    "MilestoneAnticipated": _payment,
    "MilestoneReceived": _payment,
    "RoyaltyReported": _payment,
}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


#: The confidence bands precision is given for: (lowest, highest) confidence, the highest band closed.
BANDS: tuple[tuple[float, float], ...] = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0))


@dataclass
class Band:
    """Events read with a confidence in [low, high): how many matched a gold event, how many matched none."""

    low: float
    high: float
    right: int = 0
    wrong: int = 0

    @property
    def label(self) -> str:
        return f"{self.low:.1f}-{self.high:.1f}"

    @property
    def events(self) -> int:
        return self.right + self.wrong

    @property
    def precision(self) -> float | None:
        return self.right / self.events if self.events else None

    def holds(self, confidence: float) -> bool:
        return self.low <= confidence < self.high or self.high == BANDS[-1][1] and confidence == self.high


@dataclass
class Evaluation:
    per_type: dict[str, Tally] = field(default_factory=dict)
    quotes: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    bands: list[Band] = field(default_factory=lambda: [Band(low, high) for low, high in BANDS])
    threshold: float = 0.0

    @property
    def total(self) -> Tally:
        return Tally(sum(t.tp for t in self.per_type.values()), sum(t.fp for t in self.per_type.values()),
                     sum(t.fn for t in self.per_type.values()))

    @property
    def quotes_verbatim(self) -> float | None:
        return self.quotes["verbatim"] / self.quotes["all"] if self.quotes["all"] else None

    def tally(self, kind: str) -> Tally:
        return self.per_type.setdefault(kind, Tally())

    def band_of(self, confidence: float) -> Band:
        return next(band for band in self.bands if band.holds(confidence))


def _group_of(name: Any, groups: dict[str, list[str]]) -> str:
    folded = _fold(name)
    for canonical, aliases in groups.items():
        if folded == _fold(canonical) or folded in {_fold(a) for a in aliases}:
            return canonical
    return folded


def _same_compound(event: dict, gold: dict, groups: dict[str, list[str]]) -> bool:
    return gold.get("compound") is None or _group_of(event.get("compound"), groups) == _group_of(gold["compound"], groups)


def load_gold(folder: Path) -> list[GoldRelease]:
    """Every gold file of a folder, or a one-line error naming the bad one."""
    golds = []
    for path in sorted(folder.glob("*.json")):
        try:
            golds.append(GoldRelease.model_validate_json(path.read_text(encoding="utf-8")))
        except (OSError, ValidationError, ValueError) as error:
            first = error.errors()[0]["msg"] if isinstance(error, ValidationError) else str(error).splitlines()[0]
            raise TrackerError(f"{path}: not a gold file: {first}") from None
    if not golds:
        raise TrackerError(f"{folder}: no gold files (*.json)")
    return golds


def read_events(document: ReleaseDocument) -> list[dict[str, Any]]:
    """The events read from a release as the export writes them (with their quotes), the most confident first."""
    events = [{**fact.model_dump(mode="json"), "quote": fact.quote} for fact in extract(document)]
    return sorted(events, key=lambda e: -e["confidence"])


def matched(events: list[dict[str, Any]], gold: GoldRelease) -> tuple[list[tuple[dict, dict | None]], list[dict]]:
    """Each gold event of a release with the event read that matches it (same type, compound and fact), or None,
    and the events read that match none. Events are taken in the order given (the most confident first), so that
    an event waiting in review never takes a match from one a user sees."""
    unmatched = list(events)
    pairs: list[tuple[dict, dict | None]] = []
    for expected in gold.events:
        same_fact = SAME_FACT.get(expected["type"], lambda e, g: True)
        hit = next((e for e in unmatched if e["type"] == expected["type"]
                    and _same_compound(e, expected, gold.compounds) and same_fact(e, expected)), None)
        if hit is not None:
            unmatched.remove(hit)
        pairs.append((expected, hit))
    return pairs, unmatched


def evaluate(gold_dir: Path, corpus: Path, threshold: float = 0.0) -> Evaluation:
    """Extract every labelled release of `corpus` and score it against `gold_dir`.

    The per-type table counts the events read with a confidence of at least `threshold`; the bands count
    them all. Gold events are matched by the most confident events first, so that an event waiting in
    review never takes a match from one a user sees.
    """
    result = Evaluation(threshold=threshold)
    for gold in load_gold(gold_dir):
        path = corpus / gold.file
        document = read_release(path, published=gold.published)
        events = read_events(document)
        folded_text = " ".join(document.text.split())
        for event in events:
            result.quotes["all"] += 1
            result.quotes["verbatim"] += " ".join(event["quote"].split()) in folded_text
        pairs, unmatched = matched(events, gold)
        for expected, hit in pairs:
            kind = expected["type"]
            if expected.get("optional"):
                continue
            if hit is not None:
                result.band_of(hit["confidence"]).right += 1
            if hit is None or hit["confidence"] < threshold:
                result.tally(kind).fn += 1
                result.misses.append(f"{gold.file}: {kind} {expected.get('compound')}: {expected.get('quote', '')[:70]}")
            else:
                result.tally(kind).tp += 1
        for event in unmatched:
            result.band_of(event["confidence"]).wrong += 1
            if event["confidence"] >= threshold:
                result.tally(event["type"]).fp += 1
                result.extras.append(f"{gold.file}: {event['type']} {event.get('compound')}: {event['quote'][:70]}")
    return result
