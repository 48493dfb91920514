"""PartyAffiliationRecorded facts: each company a release says belongs to another, once, at its first statement."""
from __future__ import annotations

from tracker.domain.facts import Fact, PartyAffiliationRecorded
from tracker.extraction.context import ReleaseContext
from tracker.extraction.engine import NAMED
from tracker.extraction.parties import affiliations_stated


def read_affiliations(release: ReleaseContext) -> list[Fact]:
    found: dict[tuple[str, str], Fact] = {}
    for view in release.views:
        for member, group in affiliations_stated(view.segment):
            sentence = view.sentence
            found.setdefault((member, group), PartyAffiliationRecorded(
                quote=sentence.quote, line=sentence.line, offset=sentence.start, confidence=NAMED, party=member, parent=group))
    return list(found.values())
