"""A stand-in for the extractor in tests of what the store keeps and brings up to date: it reads the few plain
sentences those tests write their releases in, each into the fact it states, so that a test chooses its facts
exactly (the extractor is not under test there). Install it with `monkeypatch.setattr(ingest, "extract", read)`."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from tracker.dates import PartialDate
from tracker.domain.facts import (
    ApprovalGranted,
    CompoundAliasRecorded,
    MilestoneAnticipated,
    MilestoneTriggered,
    PartnershipRecorded,
    PartyAffiliationRecorded,
    RegulatoryDecisionExpected,
    RoyaltyReported,
)

_TRIGGERS = {"approval": "FDA approval", "submission": "submission to the FDA"}
_UNDISCLOSED = "an undisclosed product"


def _compound(name: str | None) -> str | None:
    return None if name in (None, _UNDISCLOSED) else name.lower()


def _millions(figure: str) -> Decimal:
    return Decimal(figure) * 10**6


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


_PROBLEM = rf"({_UNDISCLOSED}|\w+)"
_DAY = r"(\d{4}-\d\d-\d\d)"
#: Each sentence the stand-in reads, and the fact it makes of the sentence's match.
SENTENCES: list[tuple[re.Pattern[str], type, Callable[[re.Match[str]], dict[str, Any]]]] = [
    (re.compile(rf"The FDA has approved {_PROBLEM}\."),
     ApprovalGranted,
     lambda m: dict(compound=_compound(m[1]), region="US", agency="FDA")),
    (re.compile(rf"An FDA decision on (\w+) is expected by {_DAY}\."),
     RegulatoryDecisionExpected,
     lambda m: dict(compound=_compound(m[1]), region="US", agency="FDA",
                    expected_by=_day(m[2]))),
    (re.compile(rf"Acme is eligible for a \$(\d+) million milestone from (\w+) on the (approval|submission) of "
                rf"{_PROBLEM}(?: by {_DAY})?\."),
     MilestoneAnticipated,
     lambda m: dict(compound=_compound(m[4]), payer=m[2], payee="Acme", amount=_millions(m[1]),
                    currency="USD", condition=_TRIGGERS[m[3]], expected_by=_day(m[5]))),
    (re.compile(r"Acme earned a \$(\d+) million milestone from (\w+) on the (approval|submission) of (\w+)\."),
     MilestoneTriggered,
     lambda m: dict(compound=_compound(m[4]), payer=m[2], payee="Acme", amount=_millions(m[1]),
                    currency="USD", trigger=_TRIGGERS[m[3]])),
    (re.compile(r"Acme reported \$(\d+) million in royalties(?: on (\w+))? for (\d{4})\."),
     RoyaltyReported,
     lambda m: dict(compound=_compound(m[2]), payee="Acme", amount=_millions(m[1]), currency="USD",
                    period=PartialDate.parse(m[3]))),
    (re.compile(r"(\w+) is also known as ([\w-]+)\."),
     CompoundAliasRecorded,
     lambda m: dict(compound=_compound(m[1]), alias=m[2], alias_kind="code")),
    (re.compile(r"(\w+) is a member of the (\w+) Group\."),
     PartyAffiliationRecorded,
     lambda m: dict(party=m[1], parent=m[2])),
    (re.compile(r"Acme partnered with (\w+) on (\w+)\."),
     PartnershipRecorded,
     lambda m: dict(compound=_compound(m[2]), partner=m[1])),
]


def read(document) -> list[Any]:
    """The facts of a release's sentences, each placed at its sentence, in the order the sentences come."""
    facts = []
    for sentence in document.sentences:
        for pattern, kind, fields in SENTENCES:
            if match := pattern.search(sentence.quote):
                facts.append(kind(**fields(match), quote=sentence.quote, line=sentence.line, offset=sentence.start))
    return facts
