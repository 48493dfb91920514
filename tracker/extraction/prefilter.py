"""A fast test before a regular expression's scan: the words any match of it must hold.

    words = required_words(pattern)             # ("approv",) or None when nothing is sure
    if may_match(words, lowered, foldable):      # lowered = text.lower(), foldable = foldable(text)
        ... pattern.finditer(text) ...

`required_words` reads the pattern's syntax tree and keeps a set of pieces of plain text (lower case) of
which every match holds at least one: a run of literal characters every match passes through, or, for an
alternation, one such piece of each alternative. A text whose lower-case form holds none of them cannot
match, so its scan is skipped; a text holding one is scanned as before. The test changes no answer: it only
ever says "no" where the scan would have found nothing.

Only ASCII characters and characters without case ("®", "™", "–") are kept in the pieces. Under IGNORECASE a
few other characters match an ASCII letter without lowering to it ("ſ" matches "s", "ı" and "İ" match "i", the
Kelvin sign "k"): a text holding one of them is not `foldable`, and is always scanned. A character without case
matches itself alone, whatever the flags, and `str.lower` keeps it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

#: Characters IGNORECASE matches with an ASCII letter that `str.lower` does not turn into it.
_UNFOLDABLE = re.compile("[\u017f\u0131\u0130\u212a]")

#: Pieces shorter than this (a character other than ASCII counting as four, being rare), or more alternatives than
#: this, make a test costing more than it saves.
_SHORTEST = 2
_MOST = 12

Words = tuple[str, ...]


def foldable(text: str) -> bool:
    """Whether `text.lower()` holds every ASCII piece any case-insensitive match in `text` passes through."""
    return _UNFOLDABLE.search(text) is None


def may_match(words: Words | None, lowered: str, foldable: bool) -> bool:
    """False only when no match of the pattern `words` was read from can stand in the text `lowered` is of."""
    return words is None or not foldable or any_in(words, lowered)


def any_in(words: Words, lowered: str) -> bool:
    """Whether `lowered` holds one of `words` (a loop: cheaper than `any` over a generator for a few words)."""
    for word in words:
        if word in lowered:
            return True
    return False


@cache
def required_words(pattern: re.Pattern[str]) -> Words | None:
    """Pieces of lower-case text of which every match of `pattern` holds one; None when none is sure."""
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a pattern this reader does not know: always scanned
        return None
    found = _sequence(list(tree))
    if found is None or min(map(_strength, found)) < _SHORTEST or len(found) > _MOST:
        return None
    return tuple(sorted(found, key=lambda word: (-len(word), word)))


def _strength(word: str) -> int:
    return sum(1 if letter < "\x80" else 4 for letter in word)


def _score(words: frozenset[str]) -> tuple[int, int]:
    return min(map(_strength, words)), -len(words)


def _kept(code: int) -> str | None:
    """The character a piece holds for a literal of the pattern: ASCII lowered, one without case as it is."""
    letter = chr(code)
    if code < 128:
        return letter.lower()
    return letter if letter.lower() == letter == letter.upper() else None


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best set of pieces some part of a sequence every match passes through must hold."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL and _kept(av) is not None:
            run.append(_kept(av) or "")
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no characters: the run goes on ("\bapproved\b" holds "approved")
        close()
        inner = _item(op, av)
        if inner is not None:
            candidates.append(inner)
    close()
    candidates = [words for words in candidates if len(words) <= _MOST]
    return max(candidates, key=_score) if candidates else None


def _item(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _, body = av
        return _sequence(list(body)) if least >= 1 else None
    if op is sre.IN:  # a class of a few literal characters: "[®™]"
        letters = [_kept(code) if kind is sre.LITERAL else None for kind, code in av]
        return frozenset(letter for letter in letters if letter) if letters and all(letters) else None
    if op is sre.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            words = _sequence(list(alternative))
            if words is None:
                return None
            union |= words
        return frozenset(union)
    return None


def one_of(words: list[str] | tuple[str, ...]) -> str:
    """Pattern source matching exactly the strings `words` do as an alternation ("mab|tug|tinib"), written as
    a tree of their letters ("(?:mab|t(?:inib|ug))"): a scan tries the first letter once, not every word. Only
    for a test of whether a text holds one: which alternative matches first is not kept."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def written(node: dict[str, Any]) -> str:
        branches = [re.escape(letter) + written(child) for letter, child in sorted(node.items()) if letter]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node and len(body) > 1 else (f"{body}?" if "" in node else body)

    return f"(?:{written(tree)})"


def scan(pattern: re.Pattern[str], text: str, lowered: str, fold: bool) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, skipped where the text (`lowered` and `fold` read from it) holds none of the
    words every match holds."""
    return pattern.finditer(text) if may_match(required_words(pattern), lowered, fold) else iter(())
