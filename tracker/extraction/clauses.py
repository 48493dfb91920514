"""Where one statement of a sentence ends and the next begins."""
from __future__ import annotations

import re

#: A break between clauses: "; ", ", while", ", and we", " – ", " and may ", " and remains eligible".
CLAUSE_BREAK = re.compile(
    r";\s|\s[–—]\s|,\s+(?:while|whereas|which|but)\b|,?\s+and\s+(?=(?:also\s+)?(?:is|are|may|will|would|could|has|have|we|it|the|that|remains?|continues?|retains?|[A-Z][a-z]+ (?:expects|plans|is|has))\b)")


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause holding `start..end`."""
    left, right = 0, len(text)
    for match in CLAUSE_BREAK.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right
