"""CompoundAliasRecorded facts: the other names a release gives the compounds it reports on.

From its alias statements ("Velmora® (trazimab)", "(product name: Velmora)", "the brand name VELMORA"), and
from the forms of an INN it writes (the US prefix or suffix, the salt: "trazinib mesylate" is trazinib).
A comparator's brand ("compared with Zentara® (velotamab)") is no news about it, and waits in review; a
product the release names as a subject but reports nothing else about ("Velmora® (trazimab) net sales grew")
is given its alias a little less surely than one it reports on. A spelling that is an
OCR slip of another is recorded under the spelling the release otherwise uses, at lower confidence.
"""
from __future__ import annotations

from tracker.domain.facts import CompoundAliasRecorded, Fact
from tracker.extraction.compound_names import BRAND_STATEMENT, bare_inn, key, kind_of, plain, stated_brand
from tracker.extraction.context import ReleaseContext, SentenceView
from tracker.extraction.engine import AMBIGUOUS, NAMED
from tracker.extraction.prefilter import foldable, scan

#: Confidence of an alias of a compound the release mentions only as a comparator.
COMPARATOR = 0.45
#: ... of a compound named as a subject that the release reports nothing else about.
UNTRACKED = 0.8


def _alias(view: SentenceView, confidence: float, **fields) -> Fact:
    sentence = view.sentence
    return CompoundAliasRecorded(quote=sentence.quote, line=sentence.line, offset=sentence.start, confidence=confidence, **fields)


def read_aliases(release: ReleaseContext, tracked: set[str]) -> list[Fact]:
    """The aliases stated for the compounds in `tracked` (canonical names), and of the others at review confidence."""
    facts: list[Fact] = []
    for index, statement in release.names.statements:
        view = release.views[index]
        if view.boilerplate:
            continue
        canonical = release.name(statement.name)
        stated = COMPARATOR if _comparator(release, index, statement.name) else NAMED if canonical in tracked else UNTRACKED
        for written, kind in ((statement.name, kind_of(statement.name)), (statement.alias, statement.alias_kind)):
            spelled = release.names.spelling(written)
            if key(spelled) == key(canonical):
                continue
            confidence = stated if spelled == plain(written) else min(stated, AMBIGUOUS)
            facts.append(_alias(view, confidence, compound=canonical, alias=spelled, alias_kind=kind))
    for view in release.views:
        if view.boilerplate:
            continue
        match = next(scan(BRAND_STATEMENT, view.text, view.text.lower(), foldable(view.text)), None)  # its first, if any
        stated_here = {key(statement.alias) for index, statement in release.names.statements if index == view.index}
        if match and view.subject in tracked:
            brand = stated_brand(match)
            if key(brand) != key(view.subject) and key(brand) not in stated_here:
                facts.append(_alias(view, NAMED, compound=view.subject, alias=brand, alias_kind="brand"))
        for mention in view.mentions:
            written = plain(mention.written)
            canonical = release.name(written)
            if canonical in tracked and key(written) != key(canonical) and key(bare_inn(written)) == key(canonical):
                facts.append(_alias(view, NAMED, compound=canonical, alias=written, alias_kind="inn"))
    return facts


def _comparator(release: ReleaseContext, index: int, name: str) -> bool:
    view = release.views[index]
    for mention, role in zip(view.mentions, view.roles):
        if key(plain(mention.written)) == key(name):
            return role == "comparator"
    return False
