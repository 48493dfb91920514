"""The publication date a release states in its dateline.

Wires and IR pages put the date in a handful of places, all near the top:

    WALTHAM, Mass., Apr 07, 2011 (BUSINESS WIRE) --
    CAMBRIDGE, Mass.--(BUSINESS WIRE)--Dec. 13, 2005--ImmunoGen ...
    WALTHAM, MA, USA | June 3, 2008 | ImmunoGen ...
    SHANGHAI, June 10, 2022 /PRNewswire/ ...
    BOTHELL, Wash. -- October 31, 2012
    September 20, 2013                      (a date alone on a line)
    July 27, 2018 11:15 UTC
    Release Date: 24/06/2011 12:00am
    May 11, 2022 Copenhagen, Denmark;

A date elsewhere ("the fiscal year ended June 30, 2014") is not a dateline;
a release whose head has none is dated by the manifest or the user.
"""
from __future__ import annotations

import re
from datetime import date

from tracker.dates import DATE_PATTERNS, date_from_match

#: How far into a release a dateline may sit (headlines and subtitles come first).
HEAD_CHARS = 3000

_CITY_PREFIX = re.compile(r"^[\W_]*[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*\s*(?:,|--|\||\s--|\s-\s)")
_WIRE_AFTER = re.compile(r"^\s*(?:\(?[A-Z][A-Za-z ]*WIRE\)?|/\s*PR\s?Newswire\s*/|/[A-Z][\w ]*/|--|\||\u2013|\u2014|-\s)", re.I)
_WIRE_NAMED = re.compile(r"^\s*(?:\(\s*(?:BUSINESS WIRE|GLOBE NEWSWIRE|MARKETWIRE|ACCESSWIRE)\s*\)|/\s*(?:PR\s?Newswire|CNW|Globe Newswire)\s*/)", re.I)
_CITY_JUST_BEFORE = re.compile(r"\b[A-Z]{3,}(?:[ .'\-]+[A-Z]{2,})*,(?:\s*[A-Z][A-Za-z.]*,)*\s*$")
_LABEL_BEFORE = re.compile(r"(?:release date|date|published|posted(?: on)?|dated)\s*:?\s*$", re.I)
_TIME_AFTER = re.compile(r"^\s*(?:\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?|[ap]\.?m\.?)?\s*$", re.I)
_CITY_AFTER = re.compile(r"^\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)*,\s*[A-Z][a-z]+")
#: A word in lower case other than "and": prose ("EMILIA, a Phase III trial, ended on ..."), never a place.
_PROSE_WORD = re.compile(r"\b(?!and\b)[a-z]")


def _is_dateline(line: str, start: int, end: int) -> bool:
    before, after = line[:start], line[end:]
    if not before.strip() and (_TIME_AFTER.match(after) or _CITY_AFTER.match(after) or _WIRE_AFTER.match(after)):
        return True
    if _LABEL_BEFORE.search(before) and (_TIME_AFTER.match(after) or _WIRE_AFTER.match(after) or not after.strip()):
        return True
    if len(before) < 160 and _CITY_PREFIX.match(before) and not _PROSE_WORD.search(before):
        return True
    if _WIRE_NAMED.match(after) or (_CITY_JUST_BEFORE.search(before) and _WIRE_AFTER.match(after)):
        return True
    return False


def find_dateline(text: str) -> date | None:
    """The publication date in the release's dateline, or None when it states none."""
    head = text[:HEAD_CHARS]
    for line in head.split("\n"):
        candidates = []
        for pattern in DATE_PATTERNS:
            for match in pattern.finditer(line):
                if _is_dateline(line, match.start(), match.end()):
                    day = date_from_match(match)
                    if day is not None:
                        candidates.append((match.start(), day))
        if candidates:
            return min(candidates)[1]
    return None
