"""The shape of the rules: a family of facts declares its cues, the modalities around them, and its slots.

A **cue** is the words that state a fact ("has approved", "met its primary endpoint", "Complete Response
Letter"): every sentence holding one yields a candidate. A **modality** is the words around a cue that change
what it states: a plan ("plans to file" makes a submission expected), a hedge ("if approved" states nothing
yet), a negation ("did not meet"). **Slots** are the fields a fact of the family carries; each has a weight,
the confidence a candidate loses when its sentence leaves that slot empty, so that a thin reading waits in
review instead of being dropped or exported.

Every cue and every modality carries an **example**: a sentence of the field, with invented names, and the
fact it must be read into. The tests walk every row and read its example, so no row exists without the
sentence it was written for.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Literal

from tracker.extraction.prefilter import required_words

if TYPE_CHECKING:
    from tracker.extraction.candidates import Candidate

#: A character of the same clause, in a pattern that reaches over words to a cue's other half ("decision ...
#: expected"): no full stop or semicolon, except an abbreviation's ("the U.S.") and a decimal point ("HR 0.72").
IN_CLAUSE = r"(?:[^.;]|(?<=\b[A-Z])\.|(?<=\d)\.(?=\d))"

#: Where a cue's compound stands: named after the cue ("approved X"), before it ("X was approved"),
#: whichever is nearest, or the sentence's subject whatever the cue's place.
Side = Literal["after", "before", "nearest", "subject"]
#: Where a modality's words are looked for, relative to the cue.
Scope = Literal["before", "after", "clause", "sentence"]


def cue_span(match: re.Match[str]) -> tuple[int, int]:
    """Where the words of a cue stand: its group named "cue" (or "cue2", "cue3"... in alternatives), else the whole match."""
    for name in _cue_groups(match.re):
        if match.group(name) is not None:
            return match.span(name)
    return match.span()


@cache
def _cue_groups(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The names of a pattern's groups that hold a cue's words, in the pattern's order."""
    return tuple(name for name in pattern.groupindex if re.fullmatch(r"cue\d*", name))


@dataclass(frozen=True)
class Example:
    """A sentence a row is written for, and what it must be read into.

    `expect` names the fact's type under "type" and the fields it must carry; a "type" of None says the
    sentence states no fact of the row's family (a hedge or a negation that cancels the cue); "review": True
    says the fact is read but waits in review (its confidence under the threshold).
    """

    sentence: str
    expect: Mapping[str, Any]
    published: date = date(2021, 6, 15)


@dataclass(frozen=True)
class Cue:
    """Words that state a fact of a family."""

    words: str
    example: Example
    states: str | None = None
    """The fact type the cue states, where it is not the family's."""
    fields: Mapping[str, Any] = field(default_factory=dict)
    """Fields the words themselves fix ("negative opinion": opinion negative)."""
    compound: Side = "nearest"
    party: Side = "after"
    """Where the other party stands (a partner, a payer), for families that read one."""
    marks: frozenset[str] = frozenset()
    """Family-specific traits of the words ("deal": they record a deal being made)."""
    sure: float = 1.0
    """How sure the words are on their own (a bare "approval" in a list is less so than "has approved")."""
    cased: bool = False

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.words, 0 if self.cased else re.I)

    @cached_property
    def required(self) -> tuple[str, ...] | None:
        """Pieces of lower-case text every match of the cue holds one of (`prefilter`), None when none is sure."""
        return required_words(self.pattern)


@dataclass(frozen=True)
class Modality:
    """Words around a cue that change what it states: `becomes` the fact type it turns the cue into, or None
    when the sentence then states no fact ("if approved", "not yet submitted")."""

    words: str
    becomes: str | None
    example: Example
    scope: Scope = "before"
    gap: int = 3
    """How many words may stand between the modality's words and the cue ("before"/"after" scopes)."""
    reach: int = 80
    """How many characters before or after the cue are searched ("before"/"after" scopes)."""
    fields: Mapping[str, Any] = field(default_factory=dict)
    sure: float = 1.0
    """How sure a fact under these words is ("in response to the CRL" restates one: less sure)."""
    cased: bool = False

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        between = rf"(?:[\w.'’®™-]+\W+){{0,{self.gap}}}"
        anchored = {"before": rf"(?<![\w-])(?:{self.words})(?![\w-])\W*{between}$",
                    "after": rf"^\W*{between}(?:{self.words})(?![\w-])"}.get(self.scope, rf"(?<![\w-])(?:{self.words})(?![\w-])")
        return re.compile(anchored, 0 if self.cased else re.I)


@dataclass(frozen=True)
class Slot:
    """A field of a family's facts and the confidence a fact loses when its sentence leaves it empty."""

    field: str
    weight: float = 0.0
    of: tuple[str, ...] = ()
    """The fact types the weight applies to (all of the family's when empty)."""


#: What a family's reader makes of a candidate: one field set per fact it states (with "compound").
Readings = list[dict[str, Any]]


@dataclass(frozen=True)
class Family:
    """The facts of one kind, the cues that state them, and the reader that fills their slots."""

    name: str
    states: str
    cues: tuple[Cue, ...]
    read: Callable[[Candidate], Readings]
    slots: tuple[Slot, ...] = ()
    modalities: tuple[Modality, ...] = ()
    context: str | None = None
    """Words the sentence must hold for any cue of the family to count (a regulator, a trial...)."""
    keywords: tuple[str, ...] = ()
    """A fast test: pieces of words (lower case) every cue of the family holds one of; a sentence holding none
    is not read for the family."""
    exclusive: bool = False
    """True when a sentence states one fact of the family per compound: the first cue (in row order) that
    reads one wins ("met the primary endpoint ... while the low dose did not" is one result, not two)."""
    named_only: tuple[str, ...] = ()
    """The fact types of the family a sentence states only about a compound it names (or one the release as a
    whole is about), never about the one its paragraph named last. Granted approvals: a sentence telling of an approval without naming what was approved, within a
    paragraph about a product, is mostly another product's story ("The company's first medicine was approved
    in 2012", "Its standard of care was approved in ...") rather than the paragraph product's news."""
    background: bool = True
    """Whether the family is read in a background section ("About Velmora", "About Orsolo"): a release's news
    stands before it, and what such a section says of approvals, trials or results is the product's standing
    story, not news. False for facts a background section does state (a collaboration, a royalty)."""

    @cached_property
    def context_pattern(self) -> re.Pattern[str] | None:
        return re.compile(self.context, re.I) if self.context else None


    def rows(self) -> list[Cue | Modality]:
        return [*self.cues, *self.modalities]
