"""Alias statements: where a release says two names are one compound.

"Kadcyla (trastuzumab emtansine, formerly T-DM1)", "lorvotuzumab mertansine
(LM, IMGN901)", "BIIB067 (IONIS-SOD1 Rx)", "trastuzumab emtansine (the
generic or International Non-proprietary Name for T-DM1)", "the medicine
will be commercialized under the brand name ONPATTRO".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.compound_names import NOT_NAMES, AliasKindOrNone, kind_of, plain

_FORMER = re.compile(r"^(?:formerly|previously|previously known as|formerly known as|also known as|aka|earlier known as)\s+", re.I)
_GENERIC_FOR = re.compile(r"^the (?:generic|international non-?proprietary)(?: or international non-?proprietary)? name (?:for|of)\s+", re.I)
_SHORT_FORM = re.compile(r"^[A-Z][A-Za-z]{0,7}\d{0,3}$|^[A-Z]{2,6}-\d{1,6}[A-Za-z]?$")  # "Lonca", "ORB-12"
#: "X, formerly known as Y", "X (INN), formerly Y": longest cue first, and the former name is name-shaped.
_OUTSIDE_FORMER = re.compile(r"\)?,?\s*\(?(?:formerly known as|previously known as|also known as|formerly)\s+"
                             r"(?P<name>(?:[A-Z0-9][^\s,;()]*|[a-z]+-?[A-Z0-9][^\s,;()]*)(?:\s[A-Z0-9][^\s,;()]*)?)")


@dataclass(frozen=True)
class AliasStatement:
    """`alias` names the same compound as `name`, as the sentence says at `start`."""

    name: str
    alias: str
    alias_kind: AliasKindOrNone
    start: int


def _parts(inside: str) -> list[tuple[str, bool]]:
    """The names listed inside a parenthesis, each with whether it is a former name."""
    parts = []
    inside = _GENERIC_FOR.sub("", inside.strip())
    for part in re.split(r",\s*|\s+or\s+|;\s*", inside):
        part = part.strip()
        former = bool(_FORMER.match(part))
        part = _FORMER.sub("", part)
        part = _GENERIC_FOR.sub("", part)
        if part:
            parts.append((part, former))
    return parts


def parenthetical_aliases(text: str, names: list[tuple[int, int, str]], is_name) -> list[AliasStatement]:
    """Aliases given in a parenthesis right after a name: "NAME (ALIAS, formerly OLD)".

    `names` are the (start, end, name) of the compounds recognised in `text`;
    `is_name` says whether a string is a compound name this release uses.
    """
    statements = []
    for start, end, name in names:
        after = re.match(r"\s?\(([^()]{1,120})\)", text[end:])
        if not after:
            continue
        parts = _parts(after.group(1))
        an_inn_is_named = kind_of(name) == "inn" or any(kind_of(part) == "inn" and is_name(part) for part, _ in parts)
        for part, former in parts:
            candidate = plain(part)
            if candidate.lower() == plain(name).lower():
                continue
            if former and (is_name(candidate) or re.fullmatch(r"[\w-]+(?:\s[\w-]+)?", candidate)):
                statements.append(AliasStatement(plain(name), candidate, "former", start))
            elif is_name(candidate):
                statements.append(AliasStatement(plain(name), candidate, kind_of(candidate), start))
            elif _SHORT_FORM.match(candidate) and candidate not in NOT_NAMES and an_inn_is_named:
                # an INN's short form the release goes on to use ("loncastuximab tesirine (Lonca)")
                statements.append(AliasStatement(plain(name), candidate, "code", start))
    return statements


def stated_former_names(text: str, names: list[tuple[int, int, str]]) -> list[AliasStatement]:
    """Former names given outside parentheses: "X, formerly Y"."""
    statements = []
    for start, end, name in names:
        match = _OUTSIDE_FORMER.match(text[end:])
        if match and not text[end:].lstrip().startswith("("):
            statements.append(AliasStatement(plain(name), plain(match["name"]).rstrip("."), "former", start))
    return statements
