"""Partnerships: who licensed, develops or collaborates on a compound.

Each cue says on which side of it the partner stands and on which side the
compound ("licensed to Sanofi", "Genentech is developing T-DM1",
"AVE9633 and SAR3419, in development by sanofi-aventis"). The issuing company
is never its own partner, and a list of partners ("partnerships with Amgen,
Bayer and Sanofi") names no deal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.domain.facts import Fact, PartnershipRecorded, PartyAffiliationRecorded
from tracker.extraction.context import ReleaseContext, SentenceView
from tracker.extraction.evidence import STATED, confidence_for, fact
from tracker.extraction.parties import Party, affiliations_stated, party_at, party_before


@dataclass(frozen=True)
class _Cue:
    pattern: re.Pattern[str]
    role: str
    partner_after: bool
    compound_after: bool
    deal: bool
    """True when the words record a deal being made (a licence taken, an agreement entered)."""
    compound_inside: bool = False
    """True when the compound stands between the cue's first word and the partner ("licensed X from Y")."""


_RIGHTS = r"(?:the\s+)?(?:(?:global|worldwide|exclusive|full|[A-Z][a-z]+)\s+)*(?:(?:development|commercialization|commercialisation|marketing)(?:\s+and\s+|\s+))*rights\b"
_CUES = (
    # "Veltrana in-licensed zorbitamab from Kestrel", "licensed the Canadian rights to X from Y": Y is the originator
    _Cue(re.compile(r"\b(?:in-licen[cs]ed|licen[cs]ed|acquired)\s+(?:[^.;]{0,80}?\s)??from\s+(?=[A-Z])"), "originator", True, True, True, True),
    # "Solvane granted Meridane Pharma exclusive rights to ...": Meridane is the licensee
    _Cue(re.compile(r"\b(?:granted|grants|has granted)\s+(?=[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*,?\s+(?:an?\s+)?(?:(?:exclusive|worldwide|global|non-exclusive)\s+)*(?:licen[cs]e|rights)\b)"), "licensee", True, True, True),
    _Cue(re.compile(r"\blicensed (?:\w+\s+){0,3}?to\s+(?=[A-Za-z])"), "licensee", True, False, True),
    _Cue(re.compile(r"\b(?:has|have|had)\s+licensed\b"), "licensee", False, True, True),
    _Cue(re.compile(r"\bexercised (?:its|an|the) option\b"), "licensee", False, True, True),
    _Cue(re.compile(r"\b(?:has|have|holds?|retains?|obtains?|obtained|acquires?|gains?)\s+" + _RIGHTS), "licensee", False, True, True),
    _Cue(re.compile(r"\b(?:signed|entered into|executed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?licen[cs]e agreement with\s+"), "licensee", True, True, True),
    _Cue(re.compile(r"\bin (?:global |clinical |late-stage )?development by\s+"), "developer", True, False, False),
    _Cue(re.compile(r"\b(?:is|are)\s+(?:currently\s+)?developing\b"), "developer", False, True, False),
    _Cue(re.compile(r"\bdeveloped (?:\w+\s+)?by\s+(?=[A-Za-z])"), "developer", True, False, False),
    _Cue(re.compile(r"\b(?:signed|entered into|executed|formed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:agreement|collaboration|partnership|alliance)\s+with\s+"), "collaborator", True, True, True),
    _Cue(re.compile(r"\bits collaborator,?\s+"), "collaborator", True, True, False),
    # "its commercialisation partner Delacourt Pharma", "our partner Velmont", "Fenwick's partner Oakhurst"
    _Cue(re.compile(r"\b(?:its|our|their|[A-Z][\w-]*['’]s)\s+(?:commerciali[sz]ation|commercial|marketing|licensing)\s+partner,?\s+(?=[A-Z])"), "licensee", True, True, False),
    _Cue(re.compile(r"\b(?:its|our|their|[A-Z][\w-]*['’]s)\s+(?:(?:development|regional|European|Japanese|Chinese|U\.S\.)\s+)?partner,?\s+(?=[A-Z])"), "collaborator", True, True, False),
    # "Quorvant and Elmstead Therapeutics entered into a collaboration in 2022": the partner stands before
    _Cue(re.compile(r"\b(?:entered into|signed|formed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:agreement|collaboration|partnership|alliance)\b(?!\s+with)"), "collaborator", False, True, True),
    _Cue(re.compile(r"\b(?:collaboration|partnership|alliance)(?:\s+agreement)?\s+with\s+"), "collaborator", True, False, False),
)
_LIST_AFTER = re.compile(r"^[^,.;]{0,40},\s+[A-Z][\w-]*(?:\s[A-Z][\w-]*)*,")
_TERRITORY = re.compile(r"\b(worldwide|global)\b", re.I)


def _partner(view: SentenceView, cue: _Cue, match: re.Match[str]) -> Party | None:
    text = view.text
    if cue.partner_after:
        if _LIST_AFTER.match(text[match.end():]) or re.match(r"[^,.;]{0,40}\s+and\s+[A-Z][\w-]*\s*(?:,|respectively)", text[match.end():]) and "respectively" in text:
            return None
        return party_at(text, match.end())
    return party_before(text, match.start())


def _describes_a_part(view: SentenceView, cue_start: int) -> bool:
    """True for "the trastuzumab antibody developed by Genentech": the cue is about a component or a comparator."""
    before = [(m, role) for m, role in zip(view.mentions, view.roles) if m.end <= cue_start]
    if not before or before[-1][1] == "subject":
        return False
    between = view.text[before[-1][0].end:cue_start]
    return bool(re.fullmatch(r"[®™]?\s*(?:\(\w+\)\s*)?(?:antibody|antibodies|molecule)?\s*,?\s*", between))


def read_partnerships(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    """Every partnership a sentence states, one per compound (the strongest cue wins)."""
    if view.boilerplate:
        return []
    text = view.text
    facts: list[Fact] = []
    covered: set[str | None] = set()
    for cue in _CUES:
        for match in cue.pattern.finditer(text):
            partner = _partner(view, cue, match)
            if partner is None or partner.name in ("Company",) or partner.name == reading.issuer:
                continue
            if not cue.compound_after and _describes_a_part(view, match.start()):
                continue
            if cue.compound_inside:
                compounds: list[str | None] = reading.compounds_near(view, match.start(), match.start(), after=True)
            else:
                compounds = reading.compounds_near(view, match.start(), match.end(), after=cue.compound_after)
            if not compounds:
                compounds = reading.compounds_near(view, match.start(), match.end(), after=not cue.compound_after)
            if view.undisclosed:
                compounds = [None]
            if not compounds:
                if view.subject is None and not cue.deal:
                    continue
                compounds = [view.subject]
            territory = _TERRITORY.search(text[max(0, match.start() - 60):match.end() + 80])
            for compound in compounds:
                if compound in covered:
                    continue
                covered.add(compound)
                facts.append(fact(PartnershipRecorded, view, confidence_for(view), compound=compound, partner=partner.name,
                                  role=cue.role, territory=territory.group(1).lower() if territory else None,
                                  occurred_on=next((t.occurred for t in view.times if not t.forward), None) if cue.deal else None))
    return facts


def read_affiliations(reading: ReleaseContext) -> list[Fact]:
    """Each company a release says belongs to another, once, at its first statement."""
    found: dict[tuple[str, str], Fact] = {}
    for view in reading.views:
        for member, group in affiliations_stated(view.segment):
            found.setdefault((member, group), fact(PartyAffiliationRecorded, view, STATED, party=member, parent=group))
    return list(found.values())
