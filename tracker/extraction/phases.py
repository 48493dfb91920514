"""Clinical phases as releases write them: Phase I/II, Phase 1b, Phase 2/3, "phase three", and OCR's "Phase Il"."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = {"I": "I", "1": "I", "II": "II", "2": "II", "III": "III", "3": "III", "Il": "II", "lI": "II", "ll": "II",
          "one": "I", "two": "II", "three": "III"}
_STEP = r"(?:III|II|Il|lI|ll|I|1|2|3)[abAB]?|(?i:one|two|three)\b"
PHASE_PATTERN = re.compile(rf"\b[Pp]hase\s*(?P<first>{_STEP})(?:\s*/\s*(?P<second>{_STEP}))?(?![\w/])")
_OCR_SLIPS = {"Il", "lI", "ll"}


@dataclass(frozen=True)
class PhaseMention:
    start: int
    end: int
    phase: str
    ambiguous: bool
    """True for OCR slips like "Phase Il", which may stand for II or III."""


def _step(token: str) -> str:
    word = token.lower()
    return _ROMAN[word] if word in ("one", "two", "three") else _ROMAN[token.rstrip("abAB")]


def phases_in(text: str) -> list[PhaseMention]:
    """Every phase named in `text`, in order."""
    found = []
    for match in PHASE_PATTERN.finditer(text):
        first, second = match["first"], match["second"]
        phase = _step(first) if second is None else f"{_step(first)}/{_step(second)}"
        if phase not in ("I", "II", "III", "I/II", "II/III"):
            phase = _step(second or first)
        ambiguous = first.rstrip("abAB") in _OCR_SLIPS or (second or "").rstrip("abAB") in _OCR_SLIPS
        found.append(PhaseMention(match.start(), match.end(), phase, ambiguous))
    return found


def first_phase(text: str) -> PhaseMention | None:
    mentions = phases_in(text)
    return mentions[0] if mentions else None
