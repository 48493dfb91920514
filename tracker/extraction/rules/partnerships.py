"""Partnerships: who licensed, develops or collaborates on a compound.

The cues are read as written (case counts: a partner's name starts with a capital). Each cue says on which side of it the partner stands and on which side the compound ("licensed to X",
"X is developing Y", "A and B, in development by X"). The issuing company is never its own partner, and a
list of partners ("partnerships with A, B and C") names no deal.
"""
from __future__ import annotations

import re

from tracker.extraction.candidates import Candidate
from tracker.extraction.compound_names import key, plain
from tracker.extraction.parties import Party, party_at, party_before
from tracker.extraction.places import agencies_in
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Readings

PARTNERSHIP = "PartnershipRecorded"
_DEAL = frozenset({"deal"})
_RIGHTS = (r"(?:the\s+)?(?:(?:global|worldwide|exclusive|full|[A-Z][a-z]+)\s+)*(?:(?:development|commercialization|commercialisation|marketing|commercial|distribution|sales)"
           r"(?:\s+and\s+|\s+))*(?:rights|licen[cs]e)\b")
_COMPANY_NEXT = r"(?=[A-Z])"

CUES = (
    Cue(rf"\b(?:in-licen[cs]ed|licen[cs]ed|acquired)\s+(?:{IN_CLAUSE}{{0,80}}?\s)??from\s+(?=[A-Z])", cased=True, fields={"role": "originator"},
        compound="after", marks=_DEAL | {"compound inside"},
        example=Example("Orsolo Bio in-licensed velotamab from Kestrin Labs in 2019.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Kestrin", "role": "originator"})),
    Cue(rf"\b(?:gained|secured|obtained)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?rights\s+(?:{IN_CLAUSE}{{0,80}}?\s)??from\s+(?=[A-Z])", cased=True,
        fields={"role": "originator"}, compound="after", marks=_DEAL | {"compound inside"},
        example=Example("Orsolo Bio gained rights to velotamab, a protease inhibitor, from Kestrin Labs in 2013.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Kestrin", "role": "originator", "occurred_on": "2013"})),
    Cue(r"\b(?:granted|grants|has granted|granting)\s+(?=[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*,?\s+(?:an?\s+)?(?:(?:exclusive|worldwide|global|non-exclusive)\s+)*(?:licen[cs]e|rights)\b)",
        cased=True, fields={"role": "licensee"}, compound="after", marks=_DEAL,
        example=Example("Orsolo Bio granted Tamura Pharma exclusive rights to develop velotamab in Japan.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(r"\b(?:is|are|was|were)\s+granted\s+(?:the\s+)?(?:(?:exclusive|worldwide|global)\s+)*(?:rights|licen[cs]e)\b", cased=True, fields={"role": "licensee"},
        compound="after", party="before", marks=_DEAL,
        example=Example("Under the agreement, Tamura is granted the rights to develop and commercialize velotamab worldwide.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee", "territory": "worldwide"})),
    Cue(r"\b(?:out-?licen[cs]ed|licen[cs]ed)\s+(?:\w+\s+){0,3}?(?<!rights )to\s+(?=[A-Za-z])", cased=True, fields={"role": "licensee"}, compound="before", marks=_DEAL,
        example=Example("Velotamab is an antibody that was outlicensed to Tamura Pharma in 2013.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee", "occurred_on": "2013"})),
    # "Tamura has licensed rights to velotamab" (Tamura the licensee), never "Orsolo has licensed velotamab to Tamura" (Orsolo the licensor)
    Cue(rf"\b(?:has|have|had)\s+licensed\b(?!{IN_CLAUSE}{{0,80}}?\bto\s+[A-Z])", cased=True, fields={"role": "licensee"}, compound="after", party="before", marks=_DEAL,
        example=Example("Orsolo Bio today announced that Tamura Pharma has licensed exclusive rights to velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(r"\bexercised (?:its|an|the) option\b", cased=True, fields={"role": "licensee"}, compound="after", party="before", marks=_DEAL,
        example=Example("Orsolo Bio announced that Tamura Pharma exercised its option to license velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(rf"\b(?:has|have|holds?|retains?|obtains?|obtained|acquires?|gains?|receives?|received|will receive)\s+(?:an?\s+)?{_RIGHTS}", cased=True, fields={"role": "licensee"},
        compound="after", party="before", marks=_DEAL,
        example=Example("Tamura Pharma will receive an exclusive license to commercialize velotamab outside the U.S.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(r"\b(?:signed|entered into|executed|concluded)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?licen[cs](?:e|ing) agreement with\s+", cased=True, fields={"role": "licensee"},
        compound="after", marks=_DEAL,
        example=Example("Orsolo Bio entered into an exclusive license agreement with Tamura Pharma for velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(r"\bin (?:global |clinical |late-stage )?development by\s+", cased=True, fields={"role": "developer"}, compound="before",
        example=Example("ORS-101 and ORS-202, in development by Tamura Pharma, use Orsolo's linker technology.",
                        {"type": PARTNERSHIP, "compound": "ORS-101", "partner": "Tamura", "role": "developer"})),
    Cue(r"\b(?:will|shall)\s+(?:exclusively\s+|also\s+)?(?:commerciali[sz]e|market|distribute|co-promote)\b", cased=True, fields={"role": "licensee"},
        compound="after", party="before",
        example=Example("Tamura Pharma will commercialize velotamab in Japan under the agreement.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(r"\b(?:is|are)\s+(?:currently\s+)?(?:developing|co-developing)\b", cased=True, fields={"role": "developer"}, compound="after", party="before",
        example=Example("Tamura Pharma is developing velotamab in Japan.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "developer"})),
    Cue(r"\b(?:co-)?developed (?:\w+\s+)?by\s+(?:\w+\s+and\s+)?(?=[A-Za-z])", cased=True, fields={"role": "developer"}, compound="before",
        example=Example("Velotamab is being co-developed by Orsolo Bio and Tamura Pharma.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "developer"})),
    Cue(r"\b(?:signed|entered(?: into)?|executed|formed|announced|concluded)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,6}?(?:agreement|collaboration|partnership|alliance)"
        r"(?:\s+(?:in|on|for|to)(?:\s+[\w-]+){1,3}?)?\s+with\s+",
        cased=True, fields={"role": "collaborator"}, compound="after", marks=_DEAL,
        example=Example("In July 2018, Orsolo Bio entered into a collaboration with Tamura Pharma to develop velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator", "occurred_on": "2018-07"})),
    Cue(r"\bits (?:strategic\s+)?(?:collaborator|licensing partner|licensee),?\s+", cased=True, fields={"role": "collaborator"}, compound="after",
        example=Example("Orsolo Bio announced that its collaborator, Tamura Pharma, received approval for velotamab in Japan.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    Cue(rf"\b(?:its|our|their|[A-Z][\w-]*['’]s)\s+(?:commerciali[sz]ation|commercial|marketing|licensing)\s+partner,?\s+{_COMPANY_NEXT}", cased=True, fields={"role": "licensee"},
        compound="after", example=Example("Orsolo Bio said its commercialisation partner Tamura Pharma launched velotamab in Japan.",
                                          {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(rf"\b(?:its|our|their|[A-Z][\w-]*['’]s)\s+(?:(?:development|regional|European|Japanese|Chinese|U\.S\.|strategic|global)\s+)?partner,?\s+{_COMPANY_NEXT}",
        cased=True, fields={"role": "collaborator"}, compound="after",
        example=Example("Orsolo Bio announced that its partner Tamura Pharma dosed the first patient with velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    Cue(r"\b(?:entered(?: into)?|signed|formed|announced)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:agreement|collaboration|partnership|alliance)\b(?!\s+with)",
        cased=True, fields={"role": "collaborator"}, compound="after", party="before", marks=_DEAL,
        example=Example("Tamura Pharma and Orsolo Bio (Nasdaq: ORSB) today announced a collaboration and licensing agreement to develop velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    Cue(r"\b(?:collaboration|partnership|alliance)(?:\s+agreement)?\s+(?:with|between)\s+", cased=True, fields={"role": "collaborator"}, compound="before",
        example=Example("Velotamab is developed under a collaboration with Tamura Pharma.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    Cue(r"\b(?:is|are|will be|remains?)\s+(?:solely\s+|fully\s+)?responsible\s+for\s+(?:all\s+|the\s+)*(?:(?:U\.S\.|US|global|worldwide|further|clinical|regulatory|local)\s+)*"
        r"(?:development|commerciali[sz]ation|commercial|marketing|distribution|regulatory approval|manufacturing and commerciali[sz]ation)\b",
        cased=True, fields={"role": "licensee"}, compound="after", party="before",
        example=Example("Under the 2015 license agreement for Velora, Tamura Pharma is responsible for all U.S. commercial activities for velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(r"\b(?:will\s+have|will\s+hold|has|have|holds?)\s+(?:the\s+)?(?:sole|exclusive|full)\s+(?:authority|responsibility|control)\s+(?:to|for|over)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:marketing|commerciali[sz](?:ation|e|ing)|promotion|distribution|development)\b",
        cased=True, fields={"role": "licensee"}, compound="after", party="before",
        example=Example("Under the amended agreement, Tamura Pharma will have sole authority to execute Velmora marketing and promotion "
                        "activities for velotamab in Europe.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    # a royalty buyer's deal: "Purchased X royalty and milestone rights held by P", "acquired the royalty interest in X from P"
    Cue(r"\b(?:[Pp]urchased|purchases|acquired|acquires|bought)\s+(?:the\s+|its\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:royalty|milestone)(?:\s+and\s+(?:royalty|milestone))?"
        rf"\s+(?:rights|interests?|streams?)\s+(?:{IN_CLAUSE}{{0,40}}?\s)??(?:held by|owned by|from)\s+(?=[A-Z])",
        cased=True, fields={"role": "originator"}, compound="after", marks=_DEAL | {"compound inside"},
        example=Example("Business development: Purchased velotamab royalty and milestone rights held by Kestrin Labs for $12 million.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Kestrin", "role": "originator"})),
    Cue(r"\bin\s+(?:close\s+)?(?:[Pp]artnership|[Cc]ollaboration)\s+with\s+(?=[A-Z])", cased=True, fields={"role": "collaborator"}, compound="nearest",
        example=Example("Orsolo Bio Announces First Patient Enrolled in Velotamab Phase 3 Trial in Japan in Partnership with Tamura Pharma",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    Cue(r"\bagreements?\s+to\s+(?:sub)?licen[cs]e\s+(?:[\w-]+\s+){0,5}?to\s+(?=[A-Z])", cased=True, fields={"role": "licensee"}, compound="subject",
        marks=_DEAL, example=Example("Orsolo Bio entered into agreements to license certain intellectual property for velotamab to Tamura Pharma.",
                                     {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(rf"\b(?:will\s+)?(?:acquire|acquires)\s+(?:the\s+|all\s+)?(?:(?:exclusive|global|worldwide)\s+)*(?:development\s+and\s+(?:marketing|commerciali[sz]ation)\s+)?rights\s+(?:{IN_CLAUSE}|(?<=\betc)\.){{0,160}}?\bfrom\s+(?=[A-Z])",
        cased=True, fields={"role": "originator"}, compound="subject", marks=_DEAL | {"compound inside"},
        example=Example("Tamura Pharma will acquire the rights in China for velotamab (generic name) from Kestrin Labs.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Kestrin", "role": "originator"})),
    Cue(r",\s+(?:its|our|their)\s+(?:[\w-]+\s+){0,3}?partner\s+responsible\s+for\b", cased=True, fields={"role": "licensee"}, compound="after", party="before",
        example=Example("Orsolo Bio today announced that Tamura Pharma Co., Ltd. (Tamura), its partner responsible for the development and "
                        "commercialization of velotamab in Japan, has applied for approval.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    # "Tamura, Orsolo's partner for velotamab in Japan, submitted ...": a partner named along another fact
    Cue(r",\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+(?:[\w-]+\s+){0,3}?(?:partner|licensee|distributor)\s+(?:of|for|on|in)\s+(?=[A-Za-z])", cased=True, fields={"role": "collaborator"}, compound="after", party="before",
        example=Example("Tamura Pharma, Orsolo's partner for velotamab in Japan, submitted a New Drug Application to the MHLW.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    Cue(r",\s+(?:its|our|their)\s+(?:[\w-]+\s+){0,3}?partner\s+(?:of|for|on)\s+(?=[A-Za-z])", cased=True, fields={"role": "collaborator"}, compound="after", party="before",
        example=Example("Orsolo Bio today announced that Tamura, its strategic collaboration partner of velotamab, has submitted an NDA.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    Cue(r"\b(?:conducted|sponsored|run|led)\s+by\s+(?=[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3},?\s+in\s+(?:collaboration|partnership)\s+with\b)",
        cased=True, fields={"role": "developer"}, compound="before",
        example=Example("Orsolo Bio today announced the start of RIVET-HF, the Phase 3 outcomes trial of velotamab which is being conducted "
                        "by Tamura Pharma, in collaboration with Orsolo Bio.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "developer"})),
    Cue(r"\bthe\s+(?:exclusive\s+)?licensee\s+of\s+(?=[A-Z])", cased=True, fields={"role": "licensee"}, compound="after", party="before",
        example=Example("On August 9, 2018, Tamura Pharma Co., Ltd. (\"Tamura\") the licensee of Orsolo Bio for the exclusive rights to velotamab in "
                        "Japan announced dosing of the first patient in its Phase 3 trial.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    # "received a $5 million milestone payment from P under their agreement", "has received $4.1 million from P relating to
    # an extension of its collaboration": the payer of a deal is a partner in it
    Cue(r"\b(?:has\s+|have\s+)?(?:received|receives|earned|earns)\s+(?:[\w$€£¥.,-]+\s+){0,6}?(?:payments?|milestone\s*payments?|(?:million|mln|billion))"
        r"\s+from\s+(?=[A-Z][^.;]{0,300}?\b(?:agreements?|collaboration|partnership|licen[cs]e|alliance)\b)",
        cased=True, fields={"role": "collaborator"}, compound="after", marks=_DEAL,
        example=Example("Orsolo Bio has received a $5 million milestone payment from Tamura Pharma under their license agreement for velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    Cue(r"\b(?:are\s+|will\s+)?jointly\s+(?:develop(?:ing)?|commerciali[sz](?:e|ing))\b", cased=True, fields={"role": "developer"}, compound="after", party="before",
        example=Example("Orsolo Bio and Tamura Pharma jointly develop velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "developer"})),
    Cue(r"\b(?:develop(?:s|ing|ed)?|commerciali[sz](?:es|e|ing|ed)|market(?:s|ing|ed)?)\s+(?:[\w-]+\s+){0,4}?(?:together|jointly)\s+with\s+(?=[A-Z])", cased=True,
        fields={"role": "collaborator"}, compound="nearest",
        example=Example("Orsolo Bio is developing velotamab together with Tamura Pharma.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    # "Orsolo's Japanese licensee, Tamura Pharma": a possessive's licensee named after it
    Cue(rf"\b[A-Z][\w-]*['’]s\s+(?:[A-Z]?[\w.-]+\s+){{0,2}}?(?:licensee|distributor|licensing partner),?\s+{_COMPANY_NEXT}", cased=True,
        fields={"role": "licensee"}, compound="after",
        example=Example("Orsolo Bio's Japanese licensee, Tamura Pharma, filed an NDA for velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    # "Orsolo Bio has licensed the Japanese rights to velotamab to Tamura": the rights' grantee after the product
    Cue(rf"\blicen[cs]ed\s+(?:the\s+|its\s+|all\s+)?(?:[\w-]+\s+){{0,3}}?rights\s+(?:to|for|of|in)\s+{IN_CLAUSE}{{1,60}}?\s+to\s+(?=[A-Z])", cased=True,
        fields={"role": "licensee"}, compound="before", marks=_DEAL | {"compound inside"},
        example=Example("Orsolo Bio has licensed the Japanese rights to velotamab to Tamura Pharma.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(r"\bpartnered\s+(?:[\w-]+\s+){0,3}?with\s+(?=[A-Z])", cased=True, fields={"role": "collaborator"}, compound="nearest",
        example=Example("Orsolo Bio has partnered velotamab with Tamura Pharma in Japan.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    # "the license and collaboration agreement signed with Tamura on January 16": an agreement named by whom it was signed with
    Cue(r"\bagreements?\s+(?:[\w-]+\s+){0,4}?(?:signed|entered into|executed|concluded|made)\s+with\s+(?=[A-Z])", cased=True,
        fields={"role": "collaborator"}, compound="nearest", marks=_DEAL,
        example=Example("Orsolo Bio has achieved the first milestone of the license agreement for velotamab signed with Tamura Pharma in 2020.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "collaborator"})),
    # "the license agreement that grants to Tamura exclusive rights to velotamab": the grantee after "grants to"
    Cue(r"\b(?:grants?|granted|granting)\s+to\s+(?=[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*,?\s+(?:an?\s+|the\s+)?(?:(?:exclusive|worldwide|global|non-exclusive|sole|full)\s+)*"
        r"(?:(?:development|commerciali[sz]ation|marketing)\s+(?:and\s+\w+\s+)?)?(?:licen[cs]e|rights)\b)",
        cased=True, fields={"role": "licensee"}, compound="after", marks=_DEAL,
        example=Example("Orsolo Bio amended the license agreement that grants to Tamura Pharma exclusive rights to develop velotamab in Japan.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    # "velotamab is marketed by Tamura in Japan", "except in the U.S., where it is marketed by Tamura": the marketer of a product
    Cue(r"\b(?:is|are|was|were|will be|has been|have been)\s+(?:currently\s+|exclusively\s+|also\s+)?(?:marketed|commerciali[sz]ed|distributed|sold|co-promoted)\s+by\s+(?=[A-Z])",
        cased=True, fields={"role": "licensee"}, compound="before",
        example=Example("In Japan, velotamab is marketed by Tamura Pharma under the brand name Veltra.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "licensee"})),
    Cue(r"\bwill\s+co-develop\b|\bco-develop(?:s|ing)?\b(?=\s+[A-Za-z])", cased=True, fields={"role": "developer"}, compound="after", party="before",
        example=Example("Under the terms of the agreement, Tamura Pharma and Orsolo Bio will co-develop velotamab.",
                        {"type": PARTNERSHIP, "compound": "velotamab", "partner": "Tamura", "role": "developer"})),
)

_LIST_AFTER = re.compile(r"^[^,.;]{0,40},\s+[A-Z][\w-]*(?:\s[A-Z][\w-]*)*,")
_TERRITORY = re.compile(r"\b(worldwide|global)\b", re.I)


#: Words between a subject and its verb ("A and B today announced", "A has also licensed").
_BETWEEN_SUBJECT_AND_VERB = re.compile(r"(?:\s+(?:today|also|jointly|recently|together|now|further|have|has|had|that|,))+\s*$")


#: A second verb sharing the first one's subject: "Tamura will lead the global strategy and [receive]": the subject stands before
#: the first verb's auxiliary, in the same clause.
_SHARED_SUBJECT = re.compile(r"\s+(?:will|shall|would|is to)\s+[a-z][\w-]*\s[^,;.]{0,80}?\s+and\s*$")


def _partners(candidate: Candidate) -> list[Party]:
    """The partner the cue names, and those listed with it ("A and B will co-develop", "between A, B and C")."""
    text, match, release = candidate.text, candidate.match, candidate.release

    def company(party: Party | None) -> Party | None:
        return None if party is None or key(plain(party.name)) in release.names.canonical else party

    if candidate.cue.party == "before":
        head = text[:match.start()]
        subject_end = len(_BETWEEN_SUBJECT_AND_VERB.sub("", head))
        found: list[Party] = []
        party = company(party_before(text, subject_end))
        shared = _SHARED_SUBJECT.search(head[:subject_end])
        if party is None and shared:  # "Tamura will lead the commercialization and receive an exclusive license": the first verb's subject
            party = company(party_before(text, shared.start()))
        both = re.search(r"\b(?:both companies|the two companies|the companies|they)\s*$", head[:subject_end])
        if party is None and both:  # "A and B today announced that both companies have signed": the companies named before
            announced = re.search(r"(?:\s+(?:today|also|jointly))*\s+(?:announced|announce|said|reported)\b", head)
            if announced:
                party = company(party_before(text, announced.start()))
        while party is not None:
            found.insert(0, party)
            joined = re.search(r"(?:,\s*|\s+and\s+|,\s+and\s+)$", head[:party.start])
            if not joined:
                break
            party = company(party_before(text, joined.start()))
        return found
    rest = text[match.end():]
    if _LIST_AFTER.match(rest) or re.match(r"[^,.;]{0,40}\s+and\s+[A-Z][\w-]*\s*(?:,|respectively)", rest) and "respectively" in text:
        return []
    found = []
    party = company(party_at(text, match.end()))
    while party is not None:
        found.append(party)
        joined = re.match(r"(?:\s*\([^()]*\))?(?:,\s*|\s+and\s+|,\s+and\s+)(?=[A-Z])", text[party.end:])
        if not joined or len(found) >= 4:
            break
        party = company(party_at(text, party.end + joined.end()))
    return found


def _describes_a_part(candidate: Candidate) -> bool:
    """True for "the humanized antibody developed by X": the cue is about a component or a comparator."""
    view = candidate.view
    before = [(m, role) for m, role in zip(view.mentions, view.roles) if m.end <= candidate.match.start()]
    if not before or before[-1][1] == "subject":
        return False
    between = view.text[before[-1][0].end:candidate.match.start()]
    return bool(re.fullmatch(r"[®™]?\s*(?:\(\w+\)\s*)?(?:antibody|antibodies|molecule)?\s*,?\s*", between))


def read(candidate: Candidate) -> Readings:
    view, release, cue, match = candidate.view, candidate.release, candidate.cue, candidate.match
    issuer = (release.issuer or "").split(" ")[0]
    regulators = agencies_in(view.text)  # "reached agreement with the Pharmaceuticals and Medical Devices Agency": no deal
    partners = [p for p in _partners(candidate) if p.name not in ("Company",) and p.name != release.issuer
                and not (issuer and p.name.split(" ")[0] == issuer)
                and not any(p.start < a.end + 1 and a.start <= p.end for a in regulators)]
    if not partners:
        return []
    if cue.compound == "before" and _describes_a_part(candidate):
        return []
    if "compound inside" in cue.marks:
        compounds: list[str | None] = list(release.compounds_near(view, match.start(), match.start(), after=True))
    else:
        compounds = list(release.compounds_near(view, match.start(), match.end(), after=cue.compound == "after"))
    if not compounds:
        compounds = list(release.compounds_near(view, match.start(), match.end(), after=cue.compound != "after"))
    if view.undisclosed:
        compounds = [None]
    if not compounds:
        if view.subject is None and "deal" not in cue.marks:
            return []
        compounds = [view.subject]
    territory = _TERRITORY.search(view.text[max(0, match.start() - 60):match.end() + 80])
    occurred = next((t.occurred for t in view.times if not t.forward and not t.after_publication), None) if "deal" in cue.marks else _dated_agreement(view)
    return [dict(compound=compound, partner=partner.name, territory=territory.group(1).lower() if territory else None, occurred_on=occurred)
            for compound in compounds for partner in partners]


#: A time that names the agreement it stands before: "the February 2015 exclusive license agreement", "the companies' 2006
#: collaboration agreement", "an agreement signed in 2018", "a license agreement executed in March 2019".
_AGREEMENT_AFTER = re.compile(r"(?:\s*,)?\s+(?:[\w-]+\s+){0,3}?(?:licen[cs](?:e|ing)|collaboration|partnership|co-development|development|commerciali[sz]ation|option)"
                              r"(?:\s+and\s+[\w-]+)?\s+agreements?\b", re.I)
_AGREEMENT_BEFORE = re.compile(r"\bagreements?\s+(?:[\w-]+\s+){0,3}?(?:signed|executed|entered into|concluded|dated)\s+(?:in|on)?\s*$", re.I)


def _dated_agreement(view) -> object:
    """The day of an agreement the sentence dates where it names it, else None (a sentence about a standing deal
    dates the deal only so)."""
    for time in view.times:
        if time.forward or time.after_publication:
            continue
        if _AGREEMENT_AFTER.match(view.text, time.end) or _AGREEMENT_BEFORE.search(view.text[max(0, time.start - 60):time.start]):
            return time.occurred
    return None


FAMILY = Family("partnerships", PARTNERSHIP, CUES, read,
                keywords=("licen", "develop", "collaborat", "partner", "agreement", "alliance", "rights", "option", "granted", "acquired", "responsib", "authority", "purchase", "bought",
                          "marketed", "commerciali", "distribut", "sold by", "promote"))
