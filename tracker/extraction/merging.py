"""One fact per thing said: a release repeats itself (headline, bullets, body, About section).

Two facts are one when they have the same type, the same compound (any of its
names in this release, or one of them undisclosed) and the same key fields,
where a field one of them leaves empty matches anything. The fact that says
more is kept and takes the other's extra fields.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tracker.domain.facts import Fact
from tracker.extraction.compound_names import key

#: The fields that tell two facts of a type apart.
_KEYS: dict[str, tuple[str, ...]] = {
    "CompoundAliasRecorded": ("alias",),
    "PartnershipRecorded": ("partner",),
    "DevelopmentStatusReported": ("phase",),
    "TrialStarted": ("trial", "phase"),
    "TrialDesignReported": ("trial",),
    "TopLineReported": ("trial", "endpoint"),
    "DataPresented": ("conference", "abstract"),
    "RegulatorySubmission": ("region",),
    "RegulatoryOpinionIssued": ("region", "opinion"),
    "ApprovalGranted": ("region",),
    "RegulatoryDecisionExpected": ("region",),
    "SubmissionExpected": ("region",),
    "ReadoutExpected": ("trial",),
    "MilestoneTriggered": ("amount", "currency"),
    "MilestoneAnticipated": ("amount", "currency"),
    "MilestoneReceived": ("amount", "currency"),
    "RoyaltyReported": ("amount", "currency", "rate"),
}
#: Fields that must be equal, never matched by an empty one.
_STRICT = {"CompoundAliasRecorded": {"alias"}, "PartnershipRecorded": {"partner"}, "RegulatoryOpinionIssued": {"opinion"},
           "ApprovalGranted": {"region"}, "RegulatorySubmission": {"region"}, "DevelopmentStatusReported": {"phase"},
           "RegulatoryDecisionExpected": {"region"}}


#: Types of which one sentence may state several, told apart by their indications.
_APART_IN_ONE_SENTENCE = {"ApprovalGranted"}


#: Expectations of which a release may state several for one trial or region, told apart by their year.
_APART_BY_YEAR = {"ReadoutExpected"}


def _years_apart(first: object, second: object) -> bool:
    return isinstance(first, date) and isinstance(second, date) and first.year != second.year


def _distinct(first: str | None, second: str | None) -> bool:
    """Two indications neither of which holds the other."""
    if not first or not second:
        return False
    a, b = key(first), key(second)
    return a not in b and b not in a


def _normal(value: object) -> object:
    if isinstance(value, str):
        return key(value)
    return value


def _conference(value: object) -> object:
    return key(str(value).split()[0]) if value else value


def _same(first: Fact, second: Fact, same_compound: Callable[[str | None, str | None], bool],
          same_party: Callable[[str, str], bool], one_region: frozenset[int] = frozenset()) -> bool:
    kind = type(first).__name__
    if type(second) is not type(first):
        return False
    if first.compound is not None and second.compound is not None and not same_compound(first.compound, second.compound):
        return False
    if kind in _APART_IN_ONE_SENTENCE and first.offset == second.offset and getattr(first, "region", None) == getattr(second, "region", None) \
            and _distinct(getattr(first, "indication", None), getattr(second, "indication", None)) and first.offset in one_region:
        return False  # "the NMPA granted approval for A and conditional approval for B": two facts of one sentence
    if kind in _APART_BY_YEAR and _years_apart(getattr(first, "expected_by", None), getattr(second, "expected_by", None)):
        return False  # "lead-in results later this quarter ... top-line data in mid-2015": two read-outs of one trial
    for field in _KEYS.get(kind, ()):
        a, b = getattr(first, field), getattr(second, field)
        if field == "conference":
            a, b = _conference(a), _conference(b)
        if a is None or b is None:
            if field in _STRICT.get(kind, set()) and a is not b:
                return False
            continue
        if field == "partner" and same_party(a, b):
            continue
        if _normal(a) != _normal(b):
            return False
    return True


def _richness(fact: Fact) -> int:
    return sum(1 for name, value in fact if value not in (None, (), "") and name not in ("quote", "line", "offset"))


def _narrower_day(kept: Fact, other: Fact) -> dict[str, object]:
    """The other's day of a presentation where it falls inside the kept one's window and is narrower: "Abstract
    #123 ... Saturday, June 2" dates the presentation a sentence placed at "the meeting, June 1-5"."""
    mine, theirs = getattr(kept, "presented_on", None), getattr(other, "presented_on", None)
    by, their_by = getattr(kept, "expected_by", None), getattr(other, "expected_by", None)
    if mine is None and theirs is not None and by is not None and their_by is not None and their_by <= by:
        return {"presented_on": theirs, "expected_by": their_by}  # dated only by its meeting's year: the day another gives
    if mine is None or theirs is None or not (mine.first_day <= theirs.first_day and theirs.last_day <= mine.last_day) \
            or theirs == mine:
        return {}
    return {name: getattr(other, name) for name in ("presented_on", "occurred_on", "expected_by")
            if getattr(other, name) is not None and getattr(kept, name) is not None}


def _merge(kept: Fact, other: Fact) -> Fact:
    filled = {name: value for name, value in other if getattr(kept, name) in (None, ()) and value not in (None, ())
              and name not in ("quote", "line", "offset", "confidence")}
    filled.update(_narrower_day(kept, other))
    window = getattr(kept, "presented_on", None)
    if getattr(kept, "expected_by", None) and filled.get("occurred_on") and window is not None \
            and not window.first_day <= filled["occurred_on"].first_day <= window.last_day:  # type: ignore[union-attr]
        del filled["occurred_on"]  # a presentation still to come did not happen on the day another sentence names
    if kept.compound is None and other.compound is not None:
        filled["compound"] = other.compound
    return kept.model_copy(update=filled) if filled else kept


def merge_repeats(facts: list[Fact], same_compound: Callable[[str | None, str | None], bool],
                  same_party: Callable[[str, str], bool]) -> list[Fact]:
    """The facts with repeats folded into one, in order of position in the release.

    Partners of one corporate group, as the release states it ("Quillon, a member
    of the Tamura Group"), make one partnership.
    """
    regions: dict[int, set[object]] = {}
    for fact in facts:
        if type(fact).__name__ in _APART_IN_ONE_SENTENCE:
            regions.setdefault(fact.offset, set()).add(getattr(fact, "region", None))
    one_region = frozenset(offset for offset, named in regions.items() if len(named) == 1)
    merged: list[Fact] = []
    for candidate in facts:
        index = next((i for i, known in enumerate(merged) if _same(known, candidate, same_compound, same_party, one_region)), None)
        if index is None:
            merged.append(candidate)
            continue
        known = merged[index]
        richer, poorer = (candidate, known) if _richness(candidate) > _richness(known) else (known, candidate)
        merged[index] = _merge(richer, poorer)
    return sorted(merged, key=lambda fact: fact.offset)
