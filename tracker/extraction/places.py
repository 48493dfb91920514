"""Regulators and regions named in a sentence, each with one spelling (the words are the lexicon's).

A regulator named in a sentence fixes the region ("the Japanese MHLW" is JP);
a region named without a regulator ("approved for marketing in the US") fixes
the authority that grants marketing approval there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.prefilter import foldable, may_match, required_words
from tracker.lexicon import AGENCIES, APPROVING_AGENCY, LEGAL_FORMS, REGIONS

__all__ = ["APPROVING_AGENCY", "Place", "agencies_in", "places_in"]


@dataclass(frozen=True)
class Place:
    """An agency or region named in a sentence, at `start..end` of its text."""

    start: int
    end: int
    region: str
    agency: str | None = None


_AGENCY_RE = [(re.compile(rf"(?<![\w-])(?:{agency.written})(?![\w-])"), agency.name, agency.region) for agency in AGENCIES]
#: ... each with the words any match of it holds (`prefilter`): a text holding none is not scanned for it.
_AGENCY_GUARDED = [(pattern, agency, region, required_words(pattern)) for pattern, agency, region in _AGENCY_RE]
#: A demonym names a region unless it starts the name of a society or a meeting ("European Hematology Association").
_NOT_A_PLACE_AFTER = r"(?!\s+(?:Society|Association|Academy|College|Congress|Conference|League|Alliance|Organi[sz]ation|Respiratory|Hematology|Haematology|Heart|Thoracic|Cancer Congress|Medicines Agency|Commission|Committee|Journal))"
#: "US$35 million", "U.S. $5 million": a currency, not a place.
_NOT_A_PLACE = r"(?![\w-]|\s?\$)"
_REGION_RE = [(re.compile(rf"(?<![\w-])(?:{region.names}){_NOT_A_PLACE}"), region.code) for region in REGIONS] + [
    (re.compile(rf"(?<![\w-])(?:{region.demonyms})(?![\w-]){_NOT_A_PLACE_AFTER}"), region.code)
    for region in REGIONS if region.demonyms]
_REGION_GUARDED = [(pattern, region, required_words(pattern)) for pattern, region in _REGION_RE]


#: A company's home after its legal form ("Orsolo KGaA of Germany", "Tamura Co., Ltd. of Japan"): no place of the statement.
_HOME_OF_A_COMPANY = re.compile(rf"(?<![\w-])(?:{LEGAL_FORMS})\.?\s+of\s+(?:the\s+)?$")


#: A company described by its home ("French drugmaker Orsolo", "Europe's biggest biotech firm", "a Swiss biotech", "a U.S.
#: late-stage biopharmaceutical company"): where the company is from, no place of the statement.
_DESCRIBES_A_COMPANY = re.compile(
    r"(?:['’]s)?(?:\s+(?!(?:for|the|of|and|or|to|in|by|with|from|on|at|as|an?|its|their|our|his|her|which|that|is|are|was|were|has|have)\b)[a-z][a-z-]+){0,3}?"
    r"\s+(?:drug\s?makers?|compan(?:y|ies)|firms?|biotechs?|multinationals?|manufacturers?)\b")


def _overlaps(start: int, end: int, taken: list[Place]) -> bool:
    return any(start < place.end and place.start < end for place in taken)


def agencies_in(text: str) -> list[Place]:
    """Every regulator named in `text`, in order."""
    found: list[Place] = []
    lowered, fold = text.lower(), foldable(text)
    for pattern, agency, region, words in _AGENCY_GUARDED:
        if not may_match(words, lowered, fold):
            continue
        for match in pattern.finditer(text):
            if not _overlaps(match.start(), match.end(), found):
                found.append(Place(match.start(), match.end(), region, agency))
    return sorted(found, key=lambda place: place.start)


def places_in(text: str) -> list[Place]:
    """Every regulator and every region named in `text`, in order (regulators carry their region)."""
    found = agencies_in(text)
    lowered, fold = text.lower(), foldable(text)
    for pattern, region, words in _REGION_GUARDED:
        if not may_match(words, lowered, fold):
            continue
        for match in pattern.finditer(text):
            if not _overlaps(match.start(), match.end(), found) and not _HOME_OF_A_COMPANY.search(text, 0, match.start()) \
                    and not _DESCRIBES_A_COMPANY.match(text, match.end()):
                found.append(Place(match.start(), match.end(), region))
    return sorted(found, key=lambda place: place.start)
