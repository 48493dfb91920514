"""Regulatory facts: submissions, opinions, approvals, and the decisions and filings expected.

Approvals are read cue by cue ("has approved", "approval of", "granted ...
marketing authorization"), each with the compounds it names and the regions
around it: a regulator or region before the cue ("the Japanese MHLW has
approved", "Roche's EU and UK approval of") and places after each compound
("approved for marketing in the US", "approvals for A in Europe and B in the
U.S."). The same words under a hedge ("if approved", "potential U.S.
approvals ... in September 2024") are an expected decision, not an approval.
"""
from __future__ import annotations

import re

from tracker.domain.facts import (
    ApprovalGranted,
    Fact,
    RegulatoryDecisionExpected,
    RegulatoryOpinionIssued,
    RegulatorySubmission,
    SubmissionExpected,
)
from tracker.extraction.clauses import CLAUSE_BREAK, clause_around
from tracker.extraction.context import ReleaseContext, SentenceView
from tracker.extraction.evidence import confidence_for, fact
from tracker.extraction.places import APPROVING_AGENCY, Place, agencies_in, places_in
from tracker.extraction.timing import TimeExpression

_APPROVAL = re.compile(
    r"\b(?:has|have|had|was|were|been|is|are|being)\s+(?:\w+\s+)?(?P<passive>approved)\b"
    r"|(?P<active>\b(?:approved|approves|Approves)\b)(?=\s+(?:the\s+)?[A-Z\w])"
    r"|\b(?P<noun>[Aa]pprovals?)\s+(?:of|for)\b"
    r"|\b(?:receives?|received|receiving|obtained|obtains|granted|grants|granting|to receive)\s+(?:\w+\s+){0,4}?(?P<granted>[Aa]pproval|[Mm]arketing [Aa]uthori[sz]ation)"
    r"|\b(?P<regional>(?:[A-Z][\w.]*\s+(?:and\s+)?){1,4}[Aa]pprovals?)\b(?!\s+(?:decision|process|pathway|of\b|for\b))")
_NOT_APPROVAL_LEAD = re.compile(
    r"\b(?:if|not|potential(?:ly)?|pending|expected|expects?|anticipated?|projects?|projected|seek(?:s|ing)?|pursu(?:e|es|ing)|"
    r"for|toward|towards|upon|would|could|may|once|following|prior|before|recommend(?:ed|s|ing)?|to launch|regulatory)\s+(?:[\w.'’]+\s+){0,3}$", re.I)
_AFTER_APPROVAL_NOUN_HEDGE = re.compile(r"^\s*(?:decision|would|could|is expected|expected)", re.I)
_EXPECTED_APPROVAL = re.compile(
    r"\b(?P<lead>potential|project(?:s|ed)?|anticipate[sd]?|expect(?:s|ed)?)\s+(?:[\w.]+\s+){0,3}?(?P<cue>approvals?)\s+(?:for|of)\b")
_DECISION = re.compile(r"\bdecision\b", re.I)
_EXPECTATION = re.compile(r"\b(?:expect(?:s|ed)?|anticipate[sd]?|scheduled|set for|due)\b", re.I)
_PDUFA = re.compile(r"\bPDUFA\b|Prescription Drug User Fee Act|action date|target (?:action )?date", re.I)
_OPINION = re.compile(
    r"\b(?P<tone>positive|negative)\s+(?:\w+\s+){0,2}?opinion\b|\bopinion\b\s+(?:\w+\s+){0,3}?(?P<tone2>positive|negative)\b"
    r"|\b(?P<recommend>recommend(?:ed|s|ing)?|recommendation)\b(?:\s+(?:\w+\s+){0,3}?(?:approval|marketing authori[sz]ation|granting))?", re.I)
_NEGATED_RECOMMENDATION = re.compile(r"\b(?:not|against|refus\w*)\s+(?:\w+\s+){0,2}recommend", re.I)
_APPLICATION = re.compile(
    r"\b(?P<kind>s?BLA|s?NDA|MAA|J-NDA|Biologics? License Application|New Drug Application|Marketing Authori[sz]ation Application|"
    r"supplemental (?:Biologics License|New Drug) Application|Type II [Vv]ariation)s?\b")
_SUBMITTED = re.compile(
    r"\b(?:has|have|had|was|were|been|is|are)\s+(?:\w+\s+)?(?P<done>submitted|filed|accepted|validated)\b"
    r"|\b(?P<verb>submitted|filed|accepted|accepts|Accepts|validated|validates)\b(?=\s+(?:a|an|the|its|their|our|for|[A-Z]))"
    r"|\b(?P<noun>acceptance|validation)\s+of\b")
_PLANNED_SUBMISSION = re.compile(
    r"\b(?:expects?|plans?|intends?|anticipates?|planning|expected|on track)\s+(?:to\s+)?(?:\w+\s+){0,2}?(?:submit|file|filing|submission)\b"
    r"|\b[Ss]ubmissions?\s+(?:are\s+|is\s+)?[Pp]lanned\b|\b(?:expects?|plans?)\b[^.;]{0,60}\bregulatory submissions?\b")
_PRESENTATION = re.compile(r"\b(?:abstract|presentation|poster|publication|meeting)\b", re.I)
_APPLICATION_REGION = {"BLA": "US", "NDA": "US", "SBLA": "US", "SNDA": "US", "MAA": "EU", "J-NDA": "JP"}
_INDICATION = re.compile(r"\b(?:for the treatment of|to treat|for (?=(?:adult )?(?:patients|people|adults) with))\s+(?P<what>[^,;]+?)(?=\s+(?:based on|who|in (?:the )?(?:EU|US|U\.S\.|Japan|China|Europe))|[,;:]|\.$|$)")


def _application(text: str) -> str | None:
    match = _APPLICATION.search(text)
    if not match:
        return None
    kind = match["kind"]
    words = {"biologics license application": "BLA", "biologic license application": "BLA", "new drug application": "NDA",
             "supplemental biologics license application": "sBLA", "supplemental new drug application": "sNDA",
             "marketing authorization application": "MAA", "marketing authorisation application": "MAA"}
    return words.get(kind.lower(), kind if len(kind) <= 5 else kind)


def _region_of_application(application: str | None) -> str | None:
    return _APPLICATION_REGION.get((application or "").upper())


def _region_named(text: str) -> str | None:
    """The region a filing is made in, named without its regulator: "file a New Drug Application in Japan"."""
    for place in places_in(text):
        if place.agency is None and re.search(r"\bin\s+(?:the\s+)?$", text[:place.start]):
            return place.region
    return None


def _indication(text: str) -> str | None:
    match = _INDICATION.search(text)
    if not match or len(match["what"]) < 6:
        return None
    return match["what"].strip()


def _occurred(view: SentenceView, start: int) -> object | None:
    """The past time nearest a cue at `start` ("earlier this year", "In the quarter", "today")."""
    candidates = [t for t in view.times if not t.forward]
    if not candidates:
        return None
    return min(candidates, key=lambda t: abs(t.start - start)).occurred


def _expected_by(times: list[TimeExpression], start: int = 0):
    """The last day of the window an expectation names, nearest after `start`, else nearest before."""
    after = [t for t in times if t.start >= start]
    chosen = after[0] if after else (times[-1] if times else None)
    return chosen.window_end if chosen else None


def _places_after(text: str, start: int, end: int) -> list[Place]:
    """Regions named after a compound: "in Europe and the UK", "in the U.S.", "by the European Commission"."""
    segment = text[start:end]
    next_statement = re.search(r",\s+(?=[a-z]|we\b|our\b|I\b)|\s+while\b", segment)
    if next_statement:
        segment = segment[:next_statement.start()]
    found = []
    for place in places_in(segment):
        lead = segment[:place.start]
        if re.search(r"\b(?:in|by|from|across)\s+(?:the\s+)?(?:\w+'s\s+)?$|(?:,|\band)\s+(?:in\s+)?(?:the\s+)?$", lead) and (
                not found or re.search(r"\b(?:in|by)\b", lead) or re.fullmatch(r"\s*(?:,|and|,\s*and)\s+(?:in\s+)?(?:the\s+)?", segment[found[-1].end:place.start])):
            found.append(Place(start + place.start, start + place.end, place.region, place.agency))
    return found


def _approval_facts(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    facts: list[Fact] = []
    cues = list(_APPROVAL.finditer(text))
    for number, cue in enumerate(cues):
        kind = next(group for group in ("passive", "active", "noun", "granted", "regional") if cue[group])
        cue_start, cue_end = cue.start(kind), cue.end(kind)
        lead = text[max(0, cue.start() - 40):cue.start()]
        if _NOT_APPROVAL_LEAD.search(lead) or re.search(r"\bnot\s+(?:\w+\s+)?$", text[max(0, cue_start - 20):cue_start]):
            continue
        if kind in ("noun", "regional") and _AFTER_APPROVAL_NOUN_HEDGE.match(text[cue_end:]):
            continue
        if re.match(r"\s+(?:products?|use|uses|indications?|labels?|therap\w+|drugs?|medicines?)\b", text[cue_end:]):
            continue  # "approved products", "its approved use": a description, not an event
        clause_start, clause_end = clause_around(text, cue_start, cue_end)
        following = [m for m, _ in view.subjects() if cue_end <= m.start < clause_end]
        passive = kind == "passive"
        compounds = reading.compounds_near(view, cue_start, cue_end, after=not passive and bool(following))
        if not compounds:
            compounds = [view.subject] if (view.subject or view.undisclosed) else []
        if not compounds:
            continue
        next_cue = cues[number + 1].start() if number + 1 < len(cues) else len(text)
        before = text[clause_start:cue_start]
        previous_names = [m for m, _ in view.subjects() if m.end <= cue_start and m.start >= clause_start]
        if previous_names and not passive:
            before = text[previous_names[-1].end:cue_start]
        lead_places = places_in(before)
        mentions_after = [m for m, _ in view.subjects() if m.start >= cue_end]
        for compound in compounds:
            anchor = next((m for m in mentions_after if reading.name(m.written) == compound), None)
            tail_start = anchor.end if anchor and not passive else cue_end
            later = [m.start for m in mentions_after if m.start > tail_start]
            tail_end = min([next_cue, clause_end] + later[:1])
            tail_places = _places_after(text, tail_start, tail_end)
            if anchor is not None and anchor.start > cue_end and not passive:
                # "received approval from Japan's MHLW for X": the regulator stands between the cue and the name
                tail_places = _places_after(text, cue_end, anchor.start) + tail_places
            places = lead_places + tail_places
            regions = list(dict.fromkeys(place.region for place in places))
            approval_type = "conditional" if re.search(r"conditional", text[cue.start():cue_end + 20], re.I) else (
                "accelerated" if re.search(r"accelerated", text, re.I) else None)
            for region in regions:
                named = [place.agency for place in places if place.region == region and place.agency in ("EC", "FDA", "MHLW", "NMPA", "Health Canada", "MHRA", "TGA", "Swissmedic", "PMDA", "MFDS", "ANVISA")]
                agency = named[0] if named else APPROVING_AGENCY.get(region)
                facts.append(fact(ApprovalGranted, view, confidence_for(view), compound=compound, agency=agency, region=region,
                                  indication=_indication(text[cue_end:]), approval_type=approval_type,
                                  occurred_on=_occurred(view, cue_start)))
    return facts


def _expected_approvals(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    """ "potential U.S. approvals for A and B in September 2024", "we project U.S. approval for C at the end of the year"."""
    text = view.text
    facts = []
    for cue in _EXPECTED_APPROVAL.finditer(text):
        compounds = reading.compounds_near(view, cue.start("cue"), cue.end("cue"), after=True)
        places = places_in(text[cue.start():cue.start("cue")])
        times = [t for t in view.times if t.start >= cue.end()]
        if not compounds or not places or not times:
            continue
        for compound in compounds:
            for region in dict.fromkeys(place.region for place in places):
                facts.append(fact(RegulatoryDecisionExpected, view, confidence_for(view, hedged=True), compound=compound,
                                  agency=next((p.agency for p in places if p.agency and p.region == region), None),
                                  region=region, expected_by=times[0].window_end))
    return facts


def _decision_expected(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    decision = _DECISION.search(text)
    pdufa = _PDUFA.search(text)
    if not ((decision and _EXPECTATION.search(text)) or pdufa) or not view.times:
        return []
    anchor = (decision or pdufa).start()
    agencies = agencies_in(text)
    if not agencies and decision and view.index > 0:
        # "The opinion will now be reviewed by the European Commission. A final decision is expected within 67 days."
        earlier = reading.views[view.index - 1]
        if earlier.sentence.block == view.sentence.block:
            agencies = [a for a in agencies_in(earlier.text) if a.agency not in ("CHMP", "EMA")]
    if pdufa and not decision:
        agency, region = "FDA", "US"
    elif agencies:
        deciding = [a for a in agencies if a.agency not in ("CHMP", "EMA")] or agencies
        chosen = min(deciding, key=lambda a: abs(a.start - anchor))
        agency, region = (chosen.agency if chosen.agency != "CHMP" else "EC"), chosen.region
    else:
        return []
    expected_by = _expected_by([t for t in view.times if t.forward or t.start > anchor] or view.times, anchor)
    if expected_by is None or view.subject is None and not view.undisclosed:
        return []
    return [fact(RegulatoryDecisionExpected, view, confidence_for(view), compound=view.subject, agency=agency,
                 region=region, expected_by=expected_by)]


def _opinions(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    agencies = [a for a in agencies_in(text) if a.agency == "CHMP"]
    committee = re.search(r"\b(?:[Aa]dvisory [Cc]ommittee|ODAC)\b", text)
    if not agencies and not committee:
        return []
    match = _OPINION.search(text)
    if not match:
        return []
    if re.search(r"\bif\b[^,]{0,40}$", text[:match.start()], re.I):
        return []
    tone = (match["tone"] or match["tone2"] or "").lower()
    opinion = tone or ("negative" if _NEGATED_RECOMMENDATION.search(text) else "positive")
    agency, region = ("CHMP", "EU") if agencies else ("FDA", "US")
    compounds = reading.compounds_near(view, match.start(), match.end(), after=True) or (
        [view.subject] if view.subject or view.undisclosed else [])
    return [fact(RegulatoryOpinionIssued, view, confidence_for(view), compound=compound, agency=agency, region=region,
                 opinion=opinion, indication=_indication(text[match.end():]), occurred_on=_occurred(view, match.start()))
            for compound in compounds[:1]]


def _submissions(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    facts: list[Fact] = []
    cues = list(_SUBMITTED.finditer(text))
    planned = list(_PLANNED_SUBMISSION.finditer(text))
    boundaries = sorted([c.start() for c in cues] + [p.start() for p in planned] + [m.start() for m in CLAUSE_BREAK.finditer(text)])
    for cue in cues:
        if any(p.start() <= cue.start() < p.end() for p in planned):
            continue
        window_end = min([b for b in boundaries if b > cue.start()] or [len(text)])
        window_start = max([b for b in boundaries if b < cue.start()] or [0])
        after, before = text[cue.end():window_end], text[window_start:cue.start()]
        if _PRESENTATION.search(after[:40]) and not _APPLICATION.search(after[:60]):
            continue
        application = _application(after) or _application(before)
        agencies = agencies_in(after) or agencies_in(before)
        if application is None and not (agencies and re.search(r"accept|validat", cue.group(0), re.I)):
            continue
        region = agencies[0].region if agencies else (_region_named(after) or _region_of_application(application))
        if region is None:
            continue
        status = "accepted" if re.search(r"accept|validat", cue.group(0), re.I) else "submitted"
        compounds = reading.compounds_near(view, cue.start(), cue.end(), after=True) or (
            [view.subject] if view.subject or view.undisclosed else [])
        for compound in compounds[:1]:
            facts.append(fact(RegulatorySubmission, view, confidence_for(view), compound=compound,
                              agency=agencies[0].agency if agencies else None, region=region,
                              indication=_indication(after), application=application, status=status,
                              occurred_on=_occurred(view, cue.start())))
    for plan in planned:
        window_end = min([b for b in boundaries if b > plan.start() + 1] or [len(text)])
        after = text[plan.start():window_end]
        application = _application(after)
        agencies = agencies_in(after)
        region = agencies[0].region if agencies else (_region_named(after) or _region_of_application(application))
        times = [t for t in view.times if t.start >= plan.start() - 30]
        compound = view.subject
        if compound is None and not view.undisclosed:
            continue
        facts.append(fact(SubmissionExpected, view, confidence_for(view, hedged=True), compound=compound,
                          agency=agencies[0].agency if agencies else None, region=region, application=application,
                          expected_by=_expected_by(times, plan.start()) if times else None))
    return facts


def read_regulatory(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    """Every regulatory fact a sentence states."""
    if view.boilerplate:
        return []
    return (_submissions(view, reading) + _opinions(view, reading) + _approval_facts(view, reading)
            + _expected_approvals(view, reading) + _decision_expected(view, reading))
