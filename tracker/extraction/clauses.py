"""Where one statement of a sentence ends and the next begins."""
from __future__ import annotations

import re
from functools import lru_cache

from tracker.lexicon import AGENCIES

#: A break between clauses: "; ", ", while", ", coupled with", ", and we", " – ", " and may ", " and remains eligible", and before
#: a deal's sums to come (", with potential milestones", ", plus up to $1 billion").
CLAUSE_BREAK = re.compile(
    r";\s|\s[–—]\s|,\s+(?:while|whereas|which|but|coupled with|together with|along with)\b|,\s+(?:with|plus|and)\s+(?=(?:potential|up to|additional|future|contingent)\b)|,?\s+and\s+(?=(?:also\s+)?(?:is|are|may|will|would|could|has|have|we|it|the|that|remains?|continues?|retains?|[A-Z][a-z]+ (?:expects|plans|is|has))\b)")

#: A regulator's name that holds an "and" a break would take for a new subject ("Ministry of Health, Labour
#: and Welfare has approved"): no clause ends inside it.
_AGENCY_NAME = re.compile("|".join(f"(?:{agency.written})" for agency in AGENCIES if " and " in agency.written))


def clause_breaks(text: str) -> list[re.Match[str]]:
    """The breaks between the clauses of `text`, in order, none inside a regulator's name."""
    return list(_clause_breaks(text))


@lru_cache(maxsize=256)
def _clause_breaks(text: str) -> tuple[re.Match[str], ...]:
    """`clause_breaks`, found once a sentence: each cue's modalities and readers ask for the clauses again."""
    names = [match.span() for match in _AGENCY_NAME.finditer(text)]
    return tuple(match for match in CLAUSE_BREAK.finditer(text)
                 if not any(start < match.start() < end for start, end in names))


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause holding `start..end`."""
    left, right = 0, len(text)
    for match in _clause_breaks(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right
