"""Release text as rules read it, without losing the words as written.

Releases arrive with debris: markdown escapes and links (`\\$5 million`,
`[ImmunoGen, Inc.](#)`), curly quotes, non-breaking spaces, hard line wraps,
OCR slips ("Phase Il"). Rules match against a cleaned copy, but every quote
shown to a user must be verbatim from the release. So cleaning keeps, for each
character of the clean text, the offset of the character it came from, and a
sentence's quote is always cut from the original.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class CleanText:
    """A cleaned copy of `original` with, per clean character, its original offset."""

    original: str
    clean: str
    origins: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> CleanText:
        text = cls(original, original, tuple(range(len(original))))
        for pattern, replacement in _DEBRIS:
            text = text._substitute(pattern, replacement)
        return text

    def _substitute(self, pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str]) -> CleanText:
        pieces: list[str] = []
        origins: list[int] = []
        position = 0
        for match in pattern.finditer(self.clean):
            pieces.append(self.clean[position:match.start()])
            origins.extend(self.origins[position:match.start()])
            new = replacement(match)
            pieces.append(new)
            # A replaced run points at the characters it came from, in order,
            # and at the last of them when it is longer than what it replaced.
            span = self.origins[match.start():match.end()] or (self._origin_at(match.start()),)
            origins.extend(span[min(i, len(span) - 1)] for i in range(len(new)))
            position = match.end()
        pieces.append(self.clean[position:])
        origins.extend(self.origins[position:])
        return CleanText(self.original, "".join(pieces), tuple(origins))

    def _origin_at(self, index: int) -> int:
        return self.origins[index] if index < len(self.origins) else len(self.original)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets covering clean characters `start..end`.

        The span runs up to where the next clean character came from, so that
        it ends after the whole of a replaced run: a span ending in the anchor
        of `[ImmunoGen](#)` or in the `$` of `\\$` covers `](#)` or the `$` too.
        """
        if end <= start:
            origin = self._origin_at(start)
            return origin, origin
        return self.origins[start], max(self.origins[end - 1] + 1, self._origin_at(end))

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.original)]

    def line_of(self, original_offset: int) -> int:
        """The 1-based line of the original text holding `original_offset`."""
        return bisect_right(self._line_starts, original_offset)


def _drop(_: re.Match[str]) -> str:
    return ""


def _keep(group: int) -> Callable[[re.Match[str]], str]:
    return lambda match: match.group(group)


_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'})

#: Debris, in the order it is cleaned. Each entry keeps the words and drops the dress.
_DEBRIS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    # markdown link: keep the anchor text, drop the target
    (re.compile(r"\[([^\]\n]{1,200})\]\([^)\s]*\)"), _keep(1)),
    # markdown escape of punctuation: \$5 million, \*
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!$%&|<>~])"), _keep(1)),
    # curly quotes and primes
    (re.compile("[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u2033]"), lambda m: m.group(0).translate(_CURLY)),
    # spaces of every width, soft hyphens, zero-width characters
    (re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]"), lambda m: " "),
    (re.compile("[\u00ad\u200b-\u200d\ufeff]"), _drop),
    (re.compile(r"\r\n?"), lambda m: "\n"),
    # "(R)" and "(TM)" typed for the symbols
    (re.compile(r"\((?:R|r)\)"), lambda m: "®"),
    (re.compile(r"\((?:TM|tm)\)"), lambda m: "™"),
    # a mark a wire wrapped in parentheses or raised with a caret: "NAME(®)", "NAME(® )", "NAME^®", "NAME((TM))"
    (re.compile(r"\(\s*([®™])\s*\)"), _keep(1)),
    (re.compile(r"\^([®™])"), _keep(1)),
)

_ABBREVIATIONS = {
    "inc", "co", "corp", "ltd", "llc", "plc", "mass", "calif", "wash", "conn", "penn", "pa", "ind", "ill", "fla",
    "dr", "mr", "ms", "mrs", "prof", "st", "no", "nos", "vs", "approx", "e.g", "i.e", "etc", "al", "fig",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ph.d", "m.d", "u.s",
    "u.k", "n.v", "s.a", "a.g", "ag", "sa", "nv", "jr", "sr", "dept", "est", "mg", "kg", "ml",
    "inj", "tab",  # a product's form as Japanese labels shorten it: "Velmora HS Inj. (ORS-031)"
}

#: A sentence ends at a full stop before white space and a capital, or at one a release glued to the next sentence
#: ("... neurological disease.A decision on ..."): a word of three lower-case letters, its stop, a capitalised word.
_SENTENCE_END = re.compile(r"""[.!?]["')\]]*(?=\s+["'(\[]?[A-Z0-9\u2013\u2014-])|(?<=[a-z]{3}\.)(?=[A-Z][a-z]*\s)""")
_BULLET = re.compile(r"^\s*(?:(?:[-*\u2022\u25cf\u2013\u2014]|\|\s*[\u2022\u25cf]|\(\d+\)|\d+\.)(?:\s|$)|\*(?=[A-Z]))")
_TERMINAL = re.compile(r"""[.!?:;]["')\]]*\s*$|^\s*$""")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or headline, or bullet) of a release."""

    text: str
    """The cleaned text, white space folded: what rules read."""
    quote: str
    """The same words verbatim from the original release."""
    start: int
    end: int
    line: int
    block: int
    """Index of the paragraph (blank-line separated block) holding it."""


def _is_heading(line: str) -> bool:
    """A short line in title case (a headline or section title), which ends a sentence."""
    words = re.findall(r"[A-Za-z][\w'-]*", line)
    if not words or len(line) > 200:
        return False
    minor = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs"}
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in minor)
    return capitalised / len(words) >= 0.8


#: Words and marks a line cannot end a sentence on ("... Biotest and", "... as well as the", "including:").
_OPEN_END = re.compile(r"(?:\b(?:and|or|of|the|with|for|to|in|on|at|by|a|an|as|from|its|their|our|that|which|including|between)|[,;:(/&-])\s*$", re.I)


#: A line of dashes or rules ("--", "=====") separating a release's parts.
_RULE_LINE = re.compile(r"\s*[-–—=*_]{2,}\s*")


def _logical_lines(clean: str) -> list[tuple[int, int, int]]:
    """(start, end, block) of each run of physical lines that reads as one line.

    Hard-wrapped text breaks sentences across lines; a line is joined to the
    next unless it ends a sentence, stands alone as a heading, or the next
    begins a bullet.
    """
    spans: list[tuple[int, int, int]] = []
    block = 0
    current: tuple[int, int] | None = None
    physical: list[tuple[int, int]] = []
    offset = 0
    for raw in clean.split("\n"):
        physical.append((offset, offset + len(raw)))
        offset += len(raw) + 1
    for index, (start, end) in enumerate(physical):
        line = clean[start:end]
        if not line.strip():
            if current:
                spans.append((*current, block))
                current = None
            block += 1
            continue
        if current is None:
            current = (start, end)
        else:
            current = (current[0], end)
        following = physical[index + 1] if index + 1 < len(physical) else None
        next_line = clean[following[0]:following[1]] if following else ""
        ends_here = (
            (_TERMINAL.search(line) is not None and not _ends_with_abbreviation(line))
            or _BULLET.match(next_line) is not None
            or (_is_heading(line) and not re.match(r"\(?[a-z]", next_line) and not _open_at_end(line))
            or not next_line.strip()
            # a line longer than any hard wrap ends where it ends: a headline or a bullet written on one line
            or (len(line.rstrip()) > 110 and next_line[:1].isupper() and not _OPEN_END.search(line))
            or _RULE_LINE.fullmatch(line) is not None
            or _RULE_LINE.fullmatch(next_line) is not None
        )
        if ends_here:
            spans.append((*current, block))
            current = None
    if current:
        spans.append((*current, block))
    return spans


def _open_at_end(line: str) -> bool:
    """Whether a line leaves its words open: a parenthesis not closed ("for VELMORA® (trazolin"), or a last word
    no sentence or title ends on ("... approved for", "... Tamura and"). A line of names in capitals so ended is
    a hard wrap, not a title."""
    return line.count("(") > line.count(")") or _OPEN_END.search(line) is not None


def _ends_with_abbreviation(text: str) -> bool:
    """Whether `text` ends in the period of an abbreviation or initial ("Inc.", "U.S.", "J."), which ends no sentence."""
    word = re.search(r"([\w.]+)\.[\"')\]]*\s*$", text)
    token = (word.group(1) if word else "").lower().rstrip(".")
    return bool(token) and (
        token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token) is not None
        or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token) is not None
    )


def _split(text: str) -> list[tuple[int, int]]:
    """Sentence spans within one logical line."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[match.start()] == "." and _ends_with_abbreviation(text[start:match.end()]):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def sentences(text: CleanText) -> list[Sentence]:
    """The sentences of a release, in order, each with its verbatim quote and line."""
    found: list[Sentence] = []
    for line_start, line_end, block in _logical_lines(text.clean):
        logical = text.clean[line_start:line_end]
        for start, end in _split(logical):
            piece = logical[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            clean_start = line_start + start + lead
            clean_end = clean_start + len(stripped)
            original_start, original_end = text.original_span(clean_start, clean_end)
            found.append(
                Sentence(
                    text=re.sub(r"\s+", " ", stripped),
                    quote=text.original[original_start:original_end],
                    start=original_start,
                    end=original_end,
                    line=text.line_of(original_start),
                    block=block,
                )
            )
    return found
