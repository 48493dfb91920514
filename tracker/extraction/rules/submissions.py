"""Submissions: an application for marketing approval filed with a regulator, accepted for review, or planned.

The region is the regulator's the clause names, else the place it names ("in Japan"), else the
application's own ("an NDA" is filed in the US, "an MAA" in the EU). Plans ("plans to file", "submission
is planned for the first half of 2022") are submissions expected, with the last day of their window.
"""
from __future__ import annotations

import re
from datetime import date

from tracker.extraction.candidates import Candidate
from tracker.extraction.clauses import clause_breaks
from tracker.extraction.places import agencies_in, places_in
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Modality, Readings, Slot
from tracker.extraction.slots import (
    application_in,
    expected_by,
    indication_in,
    occurred_near,
    region_named_in,
    region_of_application,
)

SUBMITTED, EXPECTED = "RegulatorySubmission", "SubmissionExpected"

CUES = (
    Cue(r"\b(?P<cue>submitted|filed|resubmitted|submits|files|resubmits|applied)\b", fields={"status": "submitted"},
        example=Example("Orsolo Bio has submitted a Biologics License Application (BLA) to the FDA for velotamab in gout.",
                        {"type": SUBMITTED, "compound": "velotamab", "region": "US", "application": "BLA", "status": "submitted"})),
    Cue(r"\b(?P<cue>submission|filing|resubmission)\s+of\b", fields={"status": "submitted"},
        example=Example("Orsolo Bio announced the submission of a Marketing Authorisation Application for Zentara (velotamab) to the EMA.",
                        {"type": SUBMITTED, "compound": "velotamab", "region": "EU", "application": "MAA"})),
    Cue(r"\b(?P<cue>accepted|accepts|validated|validates)\b", fields={"status": "accepted"},
        example=Example("The FDA has accepted for Priority Review the New Drug Application (NDA) for Zentara (velotamab).",
                        {"type": SUBMITTED, "compound": "velotamab", "region": "US", "status": "accepted", "application": "NDA"})),
    Cue(r"\b(?:has been|have been|was|were)\s+(?P<cue>received)\s+by\s+(?:the\s+)?(?=(?-i:[A-Z]))", fields={"status": "accepted"},
        example=Example("The Biologics License Application of velotamab has been received by the Center for Drug Evaluation (CDE) of the NMPA.",
                        {"type": SUBMITTED, "compound": "velotamab", "region": "CN", "application": "BLA"})),
    Cue(r"\b(?P<cue>acceptance|validation)\s+of\b", fields={"status": "accepted"},
        example=Example("Orsolo Bio announced the validation of its Marketing Authorisation Application for velotamab by the EMA.",
                        {"type": SUBMITTED, "compound": "velotamab", "region": "EU", "status": "accepted"})),
    Cue(r"\b(?:granted|grants|assigned|given)\s+(?:\w+\s+){0,2}?(?P<cue>[Pp]riority [Rr]eview)\b", fields={"status": "accepted"},
        example=Example("The FDA granted Priority Review to the supplemental Biologics License Application for velotamab.",
                        {"type": SUBMITTED, "compound": "velotamab", "region": "US", "status": "accepted", "application": "sBLA"})),
    Cue(r"\b(?P<cue>sufficiently complete to permit a substantive review)\b", fields={"status": "accepted"},
        example=Example("The FDA has determined that the New Drug Application for velotamab is sufficiently complete to permit a substantive review.",
                        {"type": SUBMITTED, "compound": "velotamab", "region": "US", "status": "accepted"})),
    # a regulator's review of the application told as under way: "we are now in the latter stages of the FDA's review of our NDA"
    Cue(r"\b(?:[A-Z]{2,6}|[Aa]gency|[Rr]egulator|[A-Z][a-z]+ [A-Z][a-z]+)['’]s\s+(?:ongoing\s+|continued\s+)?(?P<cue>review)\s+of\s+(?:our|its|the|their)\b(?=\s+(?:[\w()-]+\s+){0,4}?(?:[Aa]pplication|s?NDA|s?BLA|MAA|[Dd]ossier|[Ss]ubmission)\b)",
        fields={"status": "accepted"}, cased=True,
        example=Example("We are now in the latter stages of the FDA's review of our New Drug Application for velotamab.",
                        {"type": SUBMITTED, "compound": "velotamab", "region": "US", "status": "accepted", "application": "NDA"})),
    Cue(r"\b(?:is|are|remains?)\s+(?:currently\s+|now\s+)?(?P<cue>under (?:priority |accelerated |standard )?review)\b", fields={"status": "accepted"},
        sure=0.85, example=Example("The Marketing Authorisation Application for Zentara is under review by the European Medicines Agency.",
                                   {"type": SUBMITTED, "compound": "Zentara", "region": "EU", "status": "accepted"})),
    Cue(r"(?<!refusal )(?<!refuse )\b(?:to|will|would|shall)\s+(?:\w+\s+){0,2}?(?P<cue>submit|file|resubmit|refile|re-file|apply for)\b", states=EXPECTED,
        example=Example("Orsolo plans to file a New Drug Application for velotamab in Japan by the end of 2022.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "JP", "application": "NDA", "expected_by": "2022-12-31"})),
    Cue(r"\b(?P<cue>submissions?|filings?|resubmission|applications?)\s+(?:[\w().®™-]+\s+){0,6}?(?:is |are )?(?:planned|expected|anticipated|scheduled|targeted|on track)\b",
        states=EXPECTED,
        example=Example("A Marketing Authorisation Application for Zentara is planned for the first half of 2022.",
                        {"type": EXPECTED, "compound": "Zentara", "region": "EU", "expected_by": "2022-06-30"})),
    Cue(r"\b(?:planned|expected|anticipated|upcoming|potential)\s+(?:\w+\s+){0,2}?(?P<cue>submissions?|filings?|resubmission)\b",
        states=EXPECTED,
        example=Example("Orsolo reiterated its expected submission of a BLA for velotamab in the fourth quarter of 2021.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "US", "expected_by": "2021-12-31"})),
    Cue(rf"\b(?:expects?|plans?|intends?)\b{IN_CLAUSE}{{0,60}}\b(?P<cue>regulatory submissions?)\b", states=EXPECTED,
        example=Example("Orsolo expects to complete regulatory submissions for velotamab in the US and EU next year.",
                        {"type": EXPECTED, "compound": "velotamab", "expected_by": "2022-12-31"})),
    Cue(r"\b(?:anticipates?|expects?|plans?|intends?|targets?|targeting)\s+(?:initiating|starting|beginning|completing|making|submitting)\s+"
        r"(?:an?\s+|the\s+|its\s+|our\s+)?(?:[\w()-]+\s+){0,5}?(?P<cue>submissions?|filings?)\b", states=EXPECTED,
        example=Example("The Company anticipates initiating a New Drug Application submission for velotamab in the second half of 2019.",
                        {"type": EXPECTED, "compound": "velotamab", "application": "NDA", "expected_by": "2019-12-31"})),
    Cue(r"\b(?:anticipates?|expects?|plans?|planning|preparing|intends?|intending|aims?|on track)\s+to\s+(?:complete|finali[sz]e|initiate|begin|start|make)\s+"
        r"(?:an?\s+|the\s+|its\s+|our\s+)?(?:[\w()-]+\s+){0,5}?(?P<cue>submissions?|filings?)\b", states=EXPECTED,
        example=Example("Orsolo expects to complete its rolling NDA submission for velotamab in the first quarter of 2023.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "US", "application": "NDA", "expected_by": "2023-03-31"})),
    # "intends to file for registration of X in Europe": registration is the marketing application in much of the world's wording
    Cue(r"\b(?:to|will|would)\s+(?:\w+\s+){0,2}?(?P<cue>file|apply)\s+for\s+(?:its\s+|the\s+)?(?:product\s+|marketing\s+)?registration\b", states=EXPECTED,
        example=Example("As previously announced, Orsolo intends to file for registration of velotamab in Europe in the second half of 2022.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "EU", "expected_by": "2022-12-31"})),
    # "anticipates submitting an NDA in the fourth quarter", "expects filing ... next year"
    Cue(r"\b(?:anticipates?|anticipated|expects?|expected|plans?|intends?|targets?|targeting|contemplates?)\s+(?P<cue>submitting|filing|resubmitting)\b", states=EXPECTED,
        example=Example("Orsolo anticipates submitting a New Drug Application for velotamab in the fourth quarter of 2021.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "US", "application": "NDA", "expected_by": "2021-12-31"})),
    # "intends to seek approval of X in Europe in 2022", "plans to seek marketing authorization in Japan"
    Cue(r"\b(?:plans?|planning|intends?|expects?|aims?|will|to)\s+(?:to\s+)?(?P<cue>seek)\s+(?:regulatory\s+|marketing\s+|full\s+|conditional\s+|accelerated\s+)?(?:approval|authori[sz]ation|marketing authori[sz]ation)\b",
        states=EXPECTED,
        example=Example("Orsolo intends to seek approval of velotamab in Europe in 2022.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "EU", "expected_by": "2022-12-31"})),
    Cue(r"\b(?:[Pp]roceeding|[Mm]oving forward)\s+with\s+(?:the\s+|its\s+|our\s+)?(?P<cue>(?:[Rr]egulatory\s+)?(?:[Ss]ubmissions?|[Ff]ilings?))\b", states=EXPECTED,
        example=Example("Company Proceeding with Regulatory Submissions for velotamab in Europe in 3Q 2021.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "EU", "expected_by": "2021-09-30"})),
    Cue(r"\b(?:targets?|targeting)\s+(?:[\w()®™-]+\s+){0,3}?(?P<cue>filings?|submissions?)\s+(?:for|of)\b", states=EXPECTED,
        example=Example("Orsolo is targeting Canadian NDS filings for Velora (velotamab) later this year.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "CA", "application": "NDS", "expected_by": "2021-12-31"})),
)

MODALITIES = (
    Modality(r"not|yet to|never", None, gap=1,
             example=Example("Orsolo has not yet submitted a BLA for velotamab.", {"type": None})),
    Modality(r"data|results|information|evidence|findings", None, gap=0,
             example=Example("Based on the efficacy data submitted, velotamab received a positive opinion from the CHMP.", {"type": None})),
    Modality(r"would be followed by|will be the basis for|would be the basis for|basis for|supports?|to support|could|might", None, gap=3,
             example=Example("If positive, the RIVET study will be the basis for filing of a BLA for velotamab with the FDA.", {"type": None})),
    Modality(r"(?:an?\s+|the\s+)?(?:briefing|response|responses|documents?|letter|comments?|request|proposal|protocol|plan|questions|answers)",
             None, scope="after", gap=1,
             example=Example("Orsolo submitted a briefing document to the FDA to address the items in the CRL for velotamab.", {"type": None})),
    Modality(r"if|once|upon|when|unless|whether", None, gap=5,
             example=Example("If the BLA for velotamab is accepted, Orsolo will receive a milestone.", {"type": None})),
    Modality(r"(?:for\s+)?(?:an?\s+|the\s+)?(?:oral\s+|poster\s+|late-breaking\s+)*(?:presentation|publication|poster|abstract)", None,
             scope="after", gap=2,
             example=Example("Data on velotamab were accepted for an oral presentation at the ASCO Annual Meeting.", {"type": None})),
    Modality(r"expects?|expected|plans?|planned|planning|intends?|intended|anticipates?|anticipated|aims?|prepar\w+", EXPECTED, gap=3,
             example=Example("Orsolo anticipates having submitted the BLA for velotamab to the FDA by mid-2022.",
                             {"type": EXPECTED, "compound": "velotamab", "region": "US"})),
)

SLOTS = (Slot("region", 0.45),)

#: A submission is of an application to a regulator: the sentence names one or the other.
CONTEXT = (r"\b(?:s?BLA|s?NDA|MAA|J-NDA|NDS|Biologics? License|New Drug|Marketing Authori[sz]ation|applications?|dossier|filings?|registration"
           r"|submissions?|FDA|EMA|CHMP|European Commission|MHLW|PMDA|NMPA|Health Canada|MHRA|regulatory|approval)\b")
_PRESENTATION = re.compile(r"\b(?:abstracts?|presentations?|posters?|publications?|meeting|congress|manuscript|journal)\b", re.I)


#: A filing named again as a thing already told: "the acceptance of the NDA", "submission of the MAA brings ...".
_RESTATED = re.compile(r"(?:acceptance|validation|submission|filing)\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:s?NDA|s?BLA|MAA|NDS|application|dossier)\b(?!\s+(?:for|of|to|with)\b)", re.I)


#: Words after which a sentence tells of another event: "the NDA filing follows the EC approval in the EU".
_OTHER_EVENT = re.compile(r"\b(?:follows|followed|following|comes after|came after)\b", re.I)


#: The same, as a sentence's subject: "The NDA was submitted by its partner ...".
_RESTATED_SUBJECT = re.compile(r"^\W*The\s+(?:[\w-]+\s+){0,2}?(?:s?NDA|s?BLA|MAA|NDS|application|dossier)\s+(?:was|were|has been|had been)\s+$")


def _window(candidate: Candidate) -> tuple[str, str]:
    """The words after and before the cue, up to the nearest clause break or other cue."""
    text = candidate.text
    breaks = sorted([m.start() for m in clause_breaks(text)] +
                    [m.start() for m in candidate.cue.pattern.finditer(text) if m.start() != candidate.match.start()])
    end = min([b for b in breaks if b > candidate.end] or [len(text)])
    start = max([b for b in breaks if b < candidate.match.start()] or [0])
    return text[candidate.end:end], text[start:candidate.match.start()]


def _regions_each_with_its_time(candidate: Candidate, after: str) -> list[tuple[str, date]]:
    """(region, last day) of plans naming each region with its own time: "submissions in Europe in 3Q 2021 and the U.S.
    in 1Q 2022"; [] unless every region named after the cue has a time of its own before the next one."""
    places = [p for p in places_in(after) if p.agency is None or p.region]
    regions = list(dict.fromkeys(p.region for p in places))
    if len(places) < 2 or len(regions) != len(places):
        return []
    times = [t for t in candidate.view.times if t.start >= candidate.end]
    each = []
    for place, following in zip(places, [*places[1:], None]):
        start = candidate.end + place.end
        end = candidate.end + following.start if following is not None else len(candidate.text)
        own = [t for t in times if start <= t.start < end]
        if not own:
            return []
        each.append((place.region, own[0].window_end))
    return each


def read(candidate: Candidate) -> Readings:
    text, view = candidate.text, candidate.view
    after, before = _window(candidate)
    application = application_in(after) or application_in(before) or application_in(text)
    own = _OTHER_EVENT.split(after)[0]  # "the NDA filing follows ... approval in the EU": what follows is another event's
    introduced = [a for a in agencies_in(own) if re.search(r"\b(?:to|with|by|from|of|at|for)\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,2}$", own[:a.start])]
    agencies = introduced or agencies_in(before)  # "the NDA filing follows the European Commission's approval": not the NDA's
    if application is None and not agencies and not re.search(
            r"\b(?:applications?|dossier|marketing authori[sz]ation|approval|registration|regulatory|submissions?|filings?)\b", after + candidate.match.group(0) + before, re.I):
        return []
    if application is None and _PRESENTATION.search(after[:60] + before[-40:]):
        return []
    named_region = region_named_in(own) or region_named_in(before)
    region = agencies[0].region if agencies else (named_region or region_of_application(application))
    if not agencies and not named_region and (_RESTATED.match(text, candidate.start) or _RESTATED_SUBJECT.search(text[:candidate.match.start()])):
        region = None  # "The acceptance of the NDA marks a milestone": the release's filing said again, left to review
    agency = agencies[0].agency if agencies else None
    compounds = candidate.compounds()  # "NDS filings for A and B": a filing of each compound listed
    if candidate.states == EXPECTED:
        each = _regions_each_with_its_time(candidate, after)
        if len(each) > 1:
            return [dict(compound=compound, agency=None, region=region, application=application, indication=indication_in(after),
                         expected_by=by) for compound in compounds for region, by in each]
        times = [t for t in view.times if t.start >= candidate.match.start() - 30]
        when = expected_by(times, candidate.start) if times else None
        return [dict(compound=compound, agency=agency, region=region, application=application,
                     indication=indication_in(after), expected_by=when)
                for compound in compounds]
    return [dict(compound=compound, agency=agency, region=region, application=application, indication=indication_in(after),
                 occurred_on=occurred_near(view, candidate.start))
            for compound in compounds]


FAMILY = Family("submissions", SUBMITTED, CUES, read, SLOTS, MODALITIES, context=CONTEXT,
                keywords=("submi", "file", "filing", "appl", "accept", "validat", "priority review", "substantive review", "under ", "received by", "seek", "'s review", "’s review"))
