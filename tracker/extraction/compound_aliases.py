"""CompoundAliasRecorded facts from the alias statements a release makes about the compounds it reports on.

Only compounds the release reports something else about are given aliases:
"Herceptin® (trastuzumab)" named as a comparator is no news about Herceptin.
A spelling that is an OCR slip of another ("T-DML1") is recorded under the
spelling the release otherwise uses, at lower confidence.
"""
from __future__ import annotations

from tracker.domain.facts import CompoundAliasRecorded, Fact
from tracker.extraction.compound_names import BRAND_STATEMENT, key, kind_of, plain
from tracker.extraction.context import ReleaseContext
from tracker.extraction.evidence import AMBIGUOUS, confidence_for, fact


def read_aliases(reading: ReleaseContext, tracked: set[str]) -> list[Fact]:
    """The aliases stated for the compounds in `tracked` (canonical names)."""
    facts: list[Fact] = []
    for index, statement in reading.names.statements:
        view = reading.views[index]
        if view.boilerplate:
            continue
        canonical = reading.name(statement.name)
        if canonical not in tracked or _comparator(reading, index, statement.name):
            continue
        for written, kind in ((statement.name, kind_of(statement.name)), (statement.alias, statement.alias_kind)):
            spelled = reading.names.spelling(written)
            if key(spelled) == key(canonical):
                continue
            confidence = confidence_for(view) if spelled == plain(written) else AMBIGUOUS
            facts.append(fact(CompoundAliasRecorded, view, confidence, compound=canonical, alias=spelled, alias_kind=kind))
    for view in reading.views:
        match = BRAND_STATEMENT.search(view.text)
        if match and view.subject in tracked and not view.boilerplate:
            brand = match["name"] or match["name2"]
            if key(brand) != key(view.subject):
                facts.append(fact(CompoundAliasRecorded, view, confidence_for(view), compound=view.subject, alias=brand,
                                  alias_kind="brand"))
    return facts


def _comparator(reading: ReleaseContext, index: int, name: str) -> bool:
    view = reading.views[index]
    for mention, role in zip(view.mentions, view.roles):
        if key(plain(mention.written)) == key(name):
            return role == "comparator"
    return False
