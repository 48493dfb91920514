"""What a milestone's trigger or condition is about, read from its words.

Releases word the same milestone differently ("the Japanese MHLW has approved
Kadcyla", "Japan approval", "an approval decision by the European
Commission"), and terms files add their own wording. To tell whether two
mentions are one milestone, and whether a later event met a condition, the
text is reduced to a `Trigger`: the region it concerns, the kind of event, and
the trial phase where one is named. Anything the words do not say stays None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.lexicon import REGION_TRIGGER_WORDS

#: Region codes of EVENTS.md and the words (agencies, places) that name them.
_REGIONS = REGION_TRIGGER_WORDS

#: Kinds of triggering event, most specific first: "approval decision" is an approval.
_EVENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("first patient dosed", re.compile(r"\bfirst (?:patient|subject|participant)s?\b", re.I)),
    ("approval", re.compile(r"\bapprov|\bmarketing authori[sz]ation", re.I)),
    ("opinion", re.compile(r"\bopinion\b|\bCHMP recommend", re.I)),
    ("submission", re.compile(r"\bsubmi(?:ssion|tted|t)\b|\bfil(?:ing|ed|e)\b|\baccept(?:ed|ance)\b for review|\b(?:BLA|NDA|MAA|sBLA)\b", re.I)),
    ("initiation", re.compile(r"\binitiat|\bstart(?:ed|ing|s)?\b|\bcommence|\bbegin|\bbegan\b|\benrol", re.I)),
    ("sales", re.compile(r"\bsales\b", re.I)),
    ("upfront", re.compile(r"\bup-?front\b|\bsigning\b", re.I)),
    ("approval", re.compile(r"\bdecisions?\b", re.I)),
)

_PHASE = re.compile(r"\bphase\s*(III|II|I|3|2|1)\b", re.I)
_PHASE_NAMES = {"1": "I", "2": "II", "3": "III"}

#: The payment kind (EVENTS.md `payment_kind`) each kind of triggering event belongs to.
PAYMENT_KIND = {
    "approval": "regulatory",
    "opinion": "regulatory",
    "submission": "regulatory",
    "first patient dosed": "development",
    "initiation": "development",
    "sales": "sales",
    "upfront": "upfront",
}


@dataclass(frozen=True)
class Trigger:
    region: str | None = None
    event: str | None = None
    phase: str | None = None

    @property
    def payment_kind(self) -> str | None:
        return PAYMENT_KIND.get(self.event) if self.event else None

    def fill(self, other: Trigger) -> Trigger:
        """This trigger, with what it leaves unsaid taken from `other`."""
        return Trigger(self.region or other.region, self.event or other.event, self.phase or other.phase)

    def compatible(self, other: Trigger) -> bool:
        """Whether both can describe one event: nothing either states contradicts the other."""
        return all(a is None or b is None or a == b for a, b in
                   ((self.region, other.region), (self.event, other.event), (self.phase, other.phase)))

    def same(self, other: Trigger) -> bool:
        """Whether both state the region and the kind of event, and agree on them."""
        return self.region is not None and self.event is not None and self.compatible(other) \
            and (self.region, self.event) == (other.region, other.event)

    def __str__(self) -> str:
        words = [w for w in (self.region, self.phase and f"phase {self.phase}", self.event) if w]
        return " ".join(words) or "unstated"


def read_trigger(*texts: str | None) -> Trigger:
    """The region, event and phase the texts name, each taken from the first text that names it."""
    found = Trigger()
    for text in texts:
        if text:
            found = found.fill(_read(text))
    return found


@lru_cache(maxsize=8192)
def _read(text: str) -> Trigger:
    """The trigger one text names (kept for texts read again: a ledger reads each milestone's sentence more than
    once, and a release's boilerplate often repeats)."""
    named = [(match.start(), code) for code, pattern in _REGIONS if (match := pattern.search(text))]
    region = min(named)[1] if named else None
    event = next((kind for kind, pattern in _EVENTS if pattern.search(text)), None)
    phase = _PHASE.search(text)
    return Trigger(region, event, _PHASE_NAMES.get(phase[1], phase[1].upper()) if phase else None)
