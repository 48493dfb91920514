"""Facts for ledger tests, made by hand: read from a release, or entered by a person."""
from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from itertools import count

from projections.history import RecordedFact, TimeView
from projections.ledger import Ledger, ledger
from projections.names import NameBook
from tracker.domain import facts as f
from tracker.domain.release import ReleaseRecord

_positions = count(1)
_RECORDED = datetime(2026, 1, 1, tzinfo=UTC)
M5 = Decimal(5_000_000)


def read(fact_class: type[f.Fact], published: date, release: str = "r", **fields) -> RecordedFact:
    """One fact as read from release `release` published on `published`; `offset` orders facts within it."""
    position = next(_positions)
    fields.setdefault("quote", f"sentence {position}.")
    fields.setdefault("offset", position * 100)
    info = ReleaseRecord(id=f"{release}{published:%Y%m%d}", file=f"{release}.txt", published=published,
                       published_from="dateline", recorded_at=_RECORDED)
    return RecordedFact(id=f"{info.id}.{position}", fact=fact_class(**fields), reported_on=published,
                        recorded_at=_RECORDED, position=position, release=info)


def entered(fact: f.Fact, on: date, by: str = "ana", reason: str = "statement") -> RecordedFact:
    """A fact a person entered, known from `on`."""
    return RecordedFact(id=f"entry.{next(_positions):016x}", fact=fact, reported_on=on, recorded_at=_RECORDED,
                        entered_by=by, reason=reason)


def book(history: tuple[RecordedFact, ...] | list[RecordedFact], as_of: date) -> Ledger:
    """The ledger of `history` as the public record stood on `as_of`."""
    selected = TimeView(as_of=as_of).select(tuple(history))
    return ledger(selected, NameBook.from_history(selected), as_of)


def kadcyla_2013_09_20() -> list[RecordedFact]:
    """What the 2013-09-20 seed says about Kadcyla's money, in the order of its sentences."""
    day = date(2013, 9, 20)
    return [
        read(f.CompoundAliasRecorded, day, release="s", compound="Kadcyla", alias="trastuzumab emtansine",
             alias_kind="inn"),
        read(f.RegulatoryOpinionIssued, day, release="s", compound="Kadcyla", agency="CHMP", region="EU",
             opinion="positive"),
        read(f.MilestoneTriggered, day, release="s", compound="Kadcyla", payee="ImmunoGen", amount=M5, currency="USD",
             trigger="MHLW approval",
             quote="The Japanese MHLW has approved Kadcyla for marketing in Japan, which triggers a $5 million "
                   "milestone payment to ImmunoGen."),
        read(f.RegulatoryDecisionExpected, day, release="s", compound="Kadcyla", agency="EC", region="EU",
             expected_by=date(2013, 12, 31), quote="A decision by the European Commission is expected by year end."),
        read(f.MilestoneAnticipated, day, release="s", compound="Kadcyla", payee="ImmunoGen", amount=M5,
             currency="USD", condition="An approval decision", expected_by=date(2013, 12, 31),
             quote="An approval decision would trigger a $5 million milestone payment to ImmunoGen."),
        read(f.ApprovalGranted, day, release="s", compound="Kadcyla", agency="MHLW", region="JP",
             quote="The Japanese Ministry of Health, Labor and Welfare (MHLW) has approved Kadcyla."),
        read(f.MilestoneTriggered, day, release="s", compound="Kadcyla", payee="ImmunoGen", amount=M5, currency="USD",
             trigger="This event", quote="This event triggers a $5 million milestone payment to ImmunoGen."),
    ]
