"""Approvals: a regulator lets a medicine be marketed in its region.

Each cue says where its compound stands ("the FDA has approved X", "X was approved in Japan", "received
approval for X", "Tamura's EU and UK approval of X"); the regions are those named before the cue and after
each compound ("approvals for A in Europe and B in the U.S."). Under a hedge ("if approved", "seeking
approval") the words state nothing yet; under an expectation ("potential U.S. approval in September",
"approval is expected in 2022") they state a decision expected.
"""
from __future__ import annotations

import re

from tracker.dates import PartialDate
from tracker.extraction.candidates import Candidate
from tracker.extraction.context import SentenceView
from tracker.extraction.places import APPROVING_AGENCY, Place, agencies_in, places_in
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Modality, Readings, Slot
from tracker.extraction.slots import indication_in, occurred_near, places_after
from tracker.lexicon import AGENCIES, DECIDING_AGENCIES

GRANTED, EXPECTED = "ApprovalGranted", "RegulatoryDecisionExpected"
#: Regulators that grant marketing authorisation, as written ("the European Commission (EC) authorization").
_REGULATOR = "|".join(agency.written for agency in AGENCIES if agency.decides)

CUES = (
    Cue(r"\b(?:was|were|been|being|be)\s+(?!not\b|never\b|yet\b)(?:\w+\s+)?(?P<cue>approved)\b", compound="before",
        example=Example("Velmora (trazimab) has been approved by the European Commission for the treatment of adults with lupus nephritis.",
                        {"type": GRANTED, "compound": "trazimab", "region": "EU", "agency": "EC", "indication": "adults with lupus nephritis"})),
    # "X is approved in the U.S. for ...": a standing status, as often background (an About section, a comparator) as news
    Cue(r"\b(?:is|are)\s+(?!not\b|never\b|yet\b)(?:\w+\s+)?(?P<cue>approved)\b", compound="before", sure=0.5,
        example=Example("Velmora (trazimab) is approved in Japan for the treatment of adults with lupus nephritis.",
                        {"type": GRANTED, "compound": "trazimab", "region": "JP", "review": True})),
    Cue(r"(?<![\w-])(?!(?:If|Once|When|Upon|Unless|Not|Newly|Recently|Previously|Already|Currently|Products?|Drugs?|Medicines?)\b)[A-Z][\w-]*[®™]?(?:\s?\([^()]*\))?\s+(?P<cue>[Aa]pproved|APPROVED)\s+(?:by|in|for)\b", compound="before", cased=True,
        example=Example("Zentara® (velotamab) Approved in Japan for the Treatment of Severe Gout",
                        {"type": GRANTED, "compound": "velotamab", "region": "JP", "agency": "MHLW"})),
    Cue(r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!already )(?<!\bnow )"
        r"(?<!-)\b(?P<cue>approved|approves|approve)\b(?=\s+(?:the\s+|its\s+|their\s+)?[A-Z\w])", compound="after",
        example=Example("Health Canada approved Velmora (trazimab) for adults with lupus nephritis.",
                        {"type": GRANTED, "compound": "trazimab", "region": "CA", "agency": "Health Canada"})),
    Cue(r"\b(?P<cue>approvals?)\s+in\s+(?:the\s+)?(?=[A-Z])", compound="subject", sure=0.8,
        example=Example("Velotamab's approval in Japan came in May 2021, two years after its approval in the U.S.",
                        {"type": GRANTED, "compound": "velotamab", "region": "JP", "occurred_on": "2021-05"})),
    Cue(r"\b(?P<cue>approvals?)\s+(?:of|for)\b", compound="after",
        example=Example("Orsolo Bio announced the approval of Zentara (velotamab) by the Therapeutic Goods Administration.",
                        {"type": GRANTED, "compound": "velotamab", "region": "AU", "agency": "TGA"})),
    Cue(r"\b(?:receive[sd]?|receiving|obtain(?:s|ed)?|obtaining|granted|grants|granting|won|wins|secured|secures|gained|gains)\s+"
        r"(?:(?!(?:opinion|recommendation|letter|response|IND|CTA|IDE|clinical|trial|study)\b)[\w-]+\s+){0,4}?(?P<cue>approvals?|marketing authori[sz]ations?|authori[sz]ations?|Notice of Compliance|NOC)\b"
        r"(?!\s+(?:[Aa]pplications?|MAA|[Hh]older|[Ff]iling|[Rr]equest))",
        example=Example("Astoria Pharma has obtained marketing approval for velotamab in Japan.",
                        {"type": GRANTED, "compound": "velotamab", "region": "JP"})),
    Cue(r"\b(?P<cue>(?:(?!(?:IND|CTA|IDE)\b)[A-Z][\w.]*\s+(?:\([A-Z]{2,5}\)\s+)?(?:and\s+)?){1,4}[Aa]pprovals?)\b(?!\s+(?:decision|process|pathway|of\b|for\b))", cased=True,
        sure=0.9, example=Example("Zentara (velotamab) sales grew after its EU and UK approvals in the quarter.",
                                  {"type": GRANTED, "compound": "velotamab", "region": "UK"})),
    Cue(rf"\b(?P<cue>(?:{_REGULATOR})\s+(?:\([A-Z]{{2,5}}\)\s+)?(?:conditional\s+|full\s+)?(?:marketing\s+)?authori[sz]ations?)\b(?!\s+(?:[Aa]pplication|[Hh]older|process|decision))",
        cased=True, example=Example("Zentara sales began after the European Commission (EC) authorization of velotamab in May 2021.",
                                    {"type": GRANTED, "compound": "velotamab", "region": "EU", "occurred_on": "2021-05"})),
    Cue(rf"\b(?P<cue>[Mm]arket(?:ing)? [Aa]uthori[sz]ation)\s+(?:of\s+{IN_CLAUSE}{{0,40}}?\s+)?by\s+the\s+(?:{_REGULATOR})\b", cased=True, compound="nearest",
        example=Example("Based on the positive opinion, marketing authorization of velotamab by the European Commission is expected in two to three months.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "EU", "expected_by": "2021-09-15"})),
    Cue(r"\b(?P<cue>marketing authori[sz]ation|approval)\s+(?:was|has been|had been|is)\s+granted\b",
        example=Example("Marketing authorisation was granted to Zentara (velotamab) by Swissmedic.",
                        {"type": GRANTED, "compound": "velotamab", "region": "CH", "agency": "Swissmedic"})),
    # a regulator granting a product its indication: "the TGA has granted Velmora a broad clinical indication" (not a designation
    # "for the indication of ...")
    Cue(r"\b(?P<cue>granted|grants)\b(?=\s+(?:(?!(?:designations?|status|for|to|in|of|on|with)\b)[\w®™()-]+\s+){1,4}?(?:an?\s+|the\s+|its\s+)?(?:broad\s+|new\s+|additional\s+|expanded\s+|full\s+)?(?:clinical\s+)?indications?\b)",
        compound="after",
        example=Example("The Therapeutic Goods Administration (TGA) has granted Velmora (trazimab) a broad clinical indication in lupus nephritis.",
                        {"type": GRANTED, "compound": "trazimab", "region": "AU", "agency": "TGA"})),
    Cue(r"\bissued\s+(?:a\s+)?(?:\w+\s+){0,2}(?P<cue>Notice of Compliance|NOC)\b",
        example=Example("Health Canada issued a Notice of Compliance for Velmora (trazimab) in adults with lupus.",
                        {"type": GRANTED, "compound": "trazimab", "region": "CA"})),
)

MODALITIES = (
    # a payment named after the approval it is due on: "expects to receive approval and commercialization milestones"
    Modality(r"(?:and\s+(?:[\w-]+\s+){0,2}?)?(?:milestones?|milestone payments?|payments?|fees?)", None, scope="after", gap=0,
             example=Example("Orsolo expects to receive approval and commercialization milestones for velotamab in China.", {"type": None})),
    Modality(r"not|never|neither|nor|yet to be|without|cannot|can't|could not|unable to", None, gap=1,
             example=Example("Velmora (trazimab) has not been approved in Japan.", {"type": None})),
    Modality(r"declined to|declines to|refused to|refuses to|failed to|did not", None, gap=0,
             example=Example("The FDA declined to approve Velmora (trazimab) for lupus nephritis.", {"type": None})),
    # a permission to run a trial is no marketing approval: "IND approval", "approval ... to initiate a Phase 3 trial",
    # "approved the clinical trial application"
    Modality(r"IND|CTA|IDE|clinical trial|clinical study|investigational new drug(?: application)?|clinical trial application", None, gap=1,
             example=Example("Orsolo Bio today announced the NMPA's IND approval for velotamab in gout.", {"type": None})),
    Modality(r"to (?:start|initiate|begin|commence|conduct|proceed with|run)\s+(?:[\w-]+\s+){0,4}?(?:trials?|stud(?:y|ies)|testing)", None,
             scope="after", gap=5,
             example=Example("Orsolo Bio received approval from the FDA to initiate a Phase 3 trial of velotamab in gout.", {"type": None})),
    Modality(r"(?:clinical trial application|clinical trial|IND|CTA|investigational new drug|protocol|trial|study)", None, scope="after", gap=1,
             example=Example("The NMPA approved the clinical trial application for velotamab in gout.", {"type": None})),
    # a price or reimbursement decision is no marketing approval: "approved for reimbursement", "approved the price listing of X"
    Modality(r"for (?:reimbursement|pricing|price listing|coverage|listing)|(?:the\s+)?(?:NHI\s+)?(?:price|pricing|reimbursement)(?:\s+listing)?",
             None, scope="after", gap=0,
             example=Example("Velmora (velotamab) was approved for reimbursement by the Japanese Ministry of Health in May.", {"type": None})),
    Modality(r"no longer", None, gap=4,
             example=Example("Orsolo no longer expects to receive EU approval for velotamab in 2022.", {"type": None})),
    Modality(r"appl(?:y|ies|ied|ying|ication) for|fil(?:e|es|ed|ing) for|submi(?:t|ts|tted|tting|ssion) for|seek(?:s|ing)?|pursu(?:e|es|ing)", None, gap=2,
             example=Example("Orsolo expects to file for approval of velotamab in Japan by year end.", {"type": None})),
    Modality(r"(?:has|have|had)\s+(?:applied|filed)\s+for", None, gap=14, reach=160,
             example=Example("Orsolo announced that it has filed for Ministry of Food and Drug Safety (MFDS, formerly the KFDA) approval of velotamab.",
                             {"type": None})),
    Modality(r"expect(?:s|ed|ing)?|anticipate[sd]?|project(?:s|ed)?|potential|planned|scheduled|on track for|target(?:s|ed|ing)?",
             EXPECTED, gap=4,
             example=Example("Orsolo expects U.S. approval for velotamab in the second half of 2022.",
                             {"type": EXPECTED, "compound": "velotamab", "region": "US", "expected_by": "2022-12-31"})),
    Modality(r"(?:is|are)\s+(?:now\s+)?(?:expected|anticipated|projected)", EXPECTED, scope="after", gap=6,
             example=Example("A European approval of velotamab is expected in the first half of 2022.",
                             {"type": EXPECTED, "compound": "velotamab", "region": "EU", "expected_by": "2022-06-30"})),
    # "a milestone upon approval in Japan, which Tamura expects in the first half of 2026": the approval is expected
    Modality(r"which\s+(?:[\w-]+\s+){0,2}?(?:expects?|anticipates?|projects?)", EXPECTED, scope="after", gap=3,
             example=Example("Orsolo would receive a further $35 million upon approval of velotamab in Japan, which Tamura expects in the "
                             "first half of 2022.", {"type": EXPECTED, "compound": "velotamab", "region": "JP", "expected_by": "2022-06-30"})),
    Modality(r"if|once|upon|unless|whether|would|could|may|might|should|pending|toward|towards|prior to|before|ahead of|subject to|contingent (?:on|upon)"
             r"|in anticipation of|seek(?:s|ing)?|pursu(?:e|es|ing)|support(?:s|ing)?|for|to (?:gain|obtain|receive|secure|support|achieve|win)"
             r"|appl(?:y|ied|ication) for|fil(?:e|ed|ing) for|submi(?:t|tted|ssion) for|recommend(?:s|ed|ing|ation)?|positive opinion"
             r"|launch|following", None,
             example=Example("If approved by the European Commission, velotamab will be marketed as Zentara.", {"type": None})),
    # a claim hedged from afar: "X may be the first lupus treatment approved in Japan"
    Modality(r"(?:may|might|could|would)\s+(?:be|become)", None, gap=5,
             example=Example("Velmora may be the first lupus treatment approved in Japan in more than 20 years.", {"type": None})),
    Modality(r"would|could|may|might|will|shall", None, scope="after", gap=2,
             example=Example("Approval of velotamab would trigger a milestone payment to Orsolo.", {"type": None})),
    Modality(r"products?|uses?|indications?|labels?|labell?ing|therap\w+|drugs?|medicines?|treatments?|doses?|dosage|regimens?|decision|pathway",
             None, scope="after", gap=0,
             example=Example("Velmora is the first of its approved medicines to reach Japan.", {"type": None})),
)

SLOTS = (Slot("region", 0.45, of=(GRANTED, EXPECTED)), Slot("expected_by", 0.4, of=(EXPECTED,)))


#: A place named as where something is not ("known as OBX outside the United States and Canada").
_OUTSIDE = re.compile(r"\boutside(?:\s+of)?(?:\s+the)?\s*$|\boutside[^,;]{0,20}\band\s*$", re.I)


#: A regulator's granting verb right after its name: "the NMPA (NMPA) has granted".
_GRANTING = re.compile(r"\W*(?:\([A-Z]{2,6}\)\s*)?(?:has\s+|have\s+)?(?:granted|approved|issued)\b")


def _approval_type(candidate: Candidate) -> str | None:
    text = candidate.text
    if re.search(r"conditional", text[max(0, candidate.match.start() - 30):candidate.end + 30], re.I):
        return "conditional"
    return "accelerated" if re.search(r"\baccelerated\b", text, re.I) else None


def _time_of_place(view: SentenceView, places: list[Place], region: str | None) -> PartialDate | None:
    """The past time told with one region of several: "approved by Swissmedic in June 2023 and by Australia's TGA in
    August 2023" (the first time after the region's place, before the next region's)."""
    ordered = sorted(places, key=lambda p: p.start)
    for index, place in enumerate(ordered):
        if place.region != region:
            continue
        until = next((p.start for p in ordered[index + 1:] if p.region != region), len(view.text))
        own = [t for t in view.times if place.end <= t.start < until and not t.forward and not t.after_publication]
        if own:
            return own[0].occurred
    return None


def read(candidate: Candidate) -> Readings:
    """One approval per compound and region the sentence gives the cue."""
    view, text = candidate.view, candidate.text
    start, end = candidate.start, candidate.end
    clause_start, clause_end = candidate.clause
    passive = candidate.cue.compound == "before"
    following = [m for m, _ in view.subjects() if end <= m.start < clause_end]
    compounds: list[str | None] = list(candidate.release.compounds_near(view, start, end, after=not passive and bool(following)))
    if not compounds:
        compounds = candidate.compounds("subject")
    if not compounds:
        return []
    clause_start = max(clause_start, view.dateline_end)
    lead_start = clause_start
    previous = [m for m, _ in view.subjects() if clause_start <= m.start and m.end <= start]
    if previous and not passive:
        lead_start = previous[-1].end
    # the places before the cue, at their offsets in the sentence (so that "outside the U.S." is read where it stands)
    lead_places = [Place(lead_start + p.start, lead_start + p.end, p.region, p.agency) for p in places_in(text[lead_start:end])]
    mentions_after = [m for m, _ in view.subjects() if m.start >= end]
    cues = [m.start() for m in candidate.cue.pattern.finditer(text) if m.start() > start]
    readings: Readings = []
    for compound in compounds:
        anchor = next((m for m in mentions_after if candidate.release.name(m.written) == compound), None)
        tail_start = anchor.end if anchor is not None and not passive else end
        later = [m.start for m in mentions_after if m.start > tail_start and candidate.release.name(m.written) != compound]
        tail_end = min([clause_end] + cues[:1] + later[:1])
        tail = places_after(text, tail_start, tail_end)
        if anchor is not None and anchor.start > end and not passive:
            tail = places_after(text, end, anchor.start) + tail  # "received approval from Japan's MHLW for X"
        if not lead_places and not tail:
            # "approval for X (product name: Y), a vitamin D derivative, from the NMPA": the regulator after an appositive
            tail = [p for p in agencies_in(text[tail_start:clause_end]) if re.search(r"\b(?:from|by)\s+(?:the\s+)?(?:[A-Z]\w+\s+){0,2}$", text[tail_start:tail_start + p.start])]
            tail = [Place(tail_start + p.start, tail_start + p.end, p.region, p.agency) for p in tail[:1]]
        if not lead_places and not tail:
            # "the NMPA has granted X approval for A and conditional approval for B": the regulator of the clause grants both
            tail = [p for p in agencies_in(text[clause_start:start]) if p.agency in DECIDING_AGENCIES
                    and _GRANTING.match(text, clause_start + p.end)][-1:]
            tail = [Place(clause_start + p.start, clause_start + p.end, p.region, p.agency) for p in tail]
        places = [p for p in lead_places + tail if not _OUTSIDE.search(text[max(0, p.start - 40):p.start])]
        regions: list[str | None] = list(dict.fromkeys(place.region for place in places)) or [None]
        for region in regions:
            named = [p.agency for p in places if p.region == region and p.agency in DECIDING_AGENCIES]
            agency = named[0] if named else APPROVING_AGENCY.get(region or "")
            if candidate.states == EXPECTED:
                times = [t for t in view.times if t.start >= candidate.match.start() - 20]
                readings.append(dict(compound=compound, agency=agency, region=region,
                                     expected_by=times[0].window_end if times else None))
            else:
                when = _time_of_place(view, places, region) if len(regions) > 1 else None
                readings.append(dict(compound=compound, agency=agency, region=region, indication=indication_in(text[end:]),
                                     approval_type=_approval_type(candidate), occurred_on=when or occurred_near(view, start)))
    return readings


FAMILY = Family("approvals", GRANTED, CUES, read, SLOTS, MODALITIES, keywords=("approv", "authoris", "authoriz", "notice of compliance", "noc", "indication"),
                background=False, named_only=(GRANTED,))
