"""Regulatory decisions expected: a PDUFA date, "a decision is expected within 67 days", "EC decision expected in
September". The regulator is the deciding one the sentence names, else the one the sentence before names in
its paragraph ("The opinion will now be reviewed by the European Commission."), else the approving one of the
region the decision is told of ("a regulatory decision in Japan", "an EU decision"); a PDUFA date is the FDA's."""
from __future__ import annotations

import re

from tracker.extraction.candidates import Candidate
from tracker.extraction.places import Place, agencies_in, places_in
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Modality, Readings, Slot
from tracker.extraction.slots import expected_by
from tracker.lexicon import APPROVING_AGENCY

EXPECTED = "RegulatoryDecisionExpected"

CUES = (
    Cue(r"\b(?P<cue>PDUFA|Prescription Drug User Fee Act|(?:target |goal )action date|review goal date|(?:user fee )?goal date)\b", fields={"agency": "FDA", "region": "US"},
        example=Example("The FDA has set a Prescription Drug User Fee Act (PDUFA) target action date of March 12, 2022 for the velotamab application.",
                        {"type": EXPECTED, "region": "US", "agency": "FDA", "expected_by": "2022-03-12"})),
    Cue(rf"\b(?P<cue>decisions?)\b(?={IN_CLAUSE}{{0,80}}?\b(?:expected|anticipated|due|scheduled)\b)",
        example=Example("A decision by the European Commission on velotamab is expected within 67 days.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "EU", "agency": "EC", "expected_by": "2021-08-21"})),
    # a regulator's decision told by its usual delay: "makes a final decision within approximately two months",
    # "a final decision ... is typically issued within 67 days"
    Cue(rf"\b(?P<cue>decisions?)\b(?={IN_CLAUSE}{{0,80}}?\bwithin\s+(?:approximately\s+|about\s+|around\s+)?(?:\d+|one|two|three|four|six)\s+(?:days|weeks|months)\b)",
        example=Example("The European Commission usually follows the CHMP recommendation and makes a final decision on velotamab within "
                        "approximately two months.", {"type": EXPECTED, "compound": "velotamab", "region": "EU", "agency": "EC",
                                                      "expected_by": "2021-08-15"})),
    Cue(r"\bexpected\s+to\s+(?:make|issue|reach|render|take|deliver|announce)\s+(?:a|its|the)\s+(?:final\s+)?(?:regulatory\s+|approval\s+)?(?P<cue>decision)\b",
        example=Example("The FDA is expected to make a decision on the velotamab application by the third quarter of 2022.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "US", "agency": "FDA", "expected_by": "2022-09-30"})),
    # "set an action date of November 30, 2021": the date the regulator named for its decision
    Cue(r"\b(?:set|sets|assigned|assigns|established|given|with)\s+(?:an?\s+|the\s+|its\s+)?(?P<cue>action date|target date|decision date)\b",
        example=Example("The FDA granted Priority Review to the velotamab application and set an action date of November 30, 2021.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "US", "agency": "FDA", "expected_by": "2021-11-30"})),
    # "the FDA is expected to complete its review by ...", "the MHLW is anticipated to conclude its review in ..."
    Cue(r"\b(?:expected|anticipated|scheduled|due|on track)\s+to\s+(?:complete|conclude|finish|finali[sz]e)\s+(?:its|the|their)\s+(?:[\w-]+\s+)?(?P<cue>review)\b",
        example=Example("The FDA is expected to complete its review of the velotamab application by December 20, 2021.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "US", "agency": "FDA", "expected_by": "2021-12-20"})),
    # a review told as a process with its end expected: "The re-examination process is expected to be completed by year-end 2018",
    # "the review of the application is anticipated to conclude in the first half of 2022"
    Cue(r"\b(?P<cue>review|assessment)(?:\s+process)?(?:\s+(?:of|for)(?:\s+[\w()®™'’-]+){1,6}?)?"
        r"\s+(?:is|are)\s+(?:now\s+)?(?:expected|anticipated|scheduled|due)\s+to\s+(?:be\s+)?(?:complete[d]?|conclude[d]?|finish(?:ed)?|end)\b",
        example=Example("The FDA's review of the application for velotamab is expected to be completed in the first half of 2022.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "US", "expected_by": "2022-06-30"})),
    # the re-examination of a CHMP opinion, the EU's second look: "The re-examination process is expected to be completed by year-end"
    Cue(r"\b(?P<cue>re-?examination)(?:\s+process)?(?:\s+(?:of|for)(?:\s+[\w()®™'’-]+){1,6}?)?"
        r"\s+(?:is|are)\s+(?:now\s+)?(?:expected|anticipated|scheduled|due)\s+to\s+(?:be\s+)?(?:complete[d]?|conclude[d]?|finish(?:ed)?|end)\b",
        fields={"agency": "CHMP", "region": "EU"},
        example=Example("The re-examination process for velotamab is expected to be completed by year-end 2021.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "EU", "expected_by": "2021-12-31"})),
    # an advisory committee's opinion to come: "a CHMP opinion is expected in the second half of 2021", "an opinion from the CHMP anticipated in early 2022"
    Cue(rf"\b(?:CHMP|Committee for Medicinal Products for Human Use)(?:['’]s)?\s+(?:\([A-Z]+\)\s+)?(?:[\w-]+\s+){{0,2}}?(?P<cue>opinion|recommendation)\b(?={IN_CLAUSE}{{0,80}}?\b(?:expected|anticipated|due)\b)"
        rf"|\b(?P<cue2>opinion|recommendation)\s+(?:from|by|of)\s+the\s+(?:EMA['’]s\s+)?(?:CHMP|Committee for Medicinal Products for Human Use)\b(?={IN_CLAUSE}{{0,60}}?\b(?:expected|anticipated|due)\b)"
        r"|\b(?:expects?|anticipates?|awaits?|awaiting)\s+(?:an?\s+|the\s+)?(?:CHMP|Committee for Medicinal Products for Human Use)\s+(?P<cue3>opinion|recommendation)\b",
        fields={"agency": "CHMP", "region": "EU"}, cased=True,
        example=Example("A CHMP opinion on velotamab is expected in the second half of 2021.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "EU", "agency": "CHMP", "expected_by": "2021-12-31"})),
    Cue(r"\b(?:will now be|is now being|will be|now goes to|is now referred to)\s+(?P<cue>reviewed|considered|referred)\s+(?:by|to)\s+the\s+European Commission\b",
        fields={"agency": "EC", "region": "EU"}, compound="subject",
        example=Example("The CHMP positive opinion on velotamab will now be reviewed by the European Commission.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "EU", "agency": "EC"})),
    Cue(r"\b(?:expects?|anticipates?|awaits?|awaiting|look(?:s|ing)? forward to)\s+(?:\w+\s+){0,5}?(?P<cue>decisions?)\b",
        example=Example("Orsolo expects a decision from Health Canada on velotamab in the first quarter of 2022.",
                        {"type": EXPECTED, "compound": "velotamab", "region": "CA", "expected_by": "2022-03-31"})),
)

MODALITIES = (
    Modality(r"investment|business|strategic|financing|board|management|(?:our|the company's|its) (?:own )?decisions?", None, scope="clause",
             example=Example("Orsolo expects a strategic decision on its velotamab program in 2022.", {"type": None})),
    # the date of a decision yet to be set is no decision expected: "the FDA is expected to inform the Company of the
    # PDUFA date by the end of August"
    # the date itself still to be set: "expects to receive a PDUFA action date within 74 days following the submission"
    Modality(r"(?:receive|be (?:assigned|given|provided|set)|communicat\w+|notif\w+|inform\w*)\s+(?:\w+\s+){0,3}?(?:an?|the|its)\s+(?:[\w()-]+\s+){0,8}?date\s+within\b",
             None, scope="clause",
             example=Example("Orsolo submitted its BLA for velotamab in February and expects to receive a Prescription Drug User Fee Act (PDUFA) "
                             "action date within 74 days following the submission.", {"type": None})),
    Modality(r"(?:inform|notify|advise|tell)\w*\s+(?:[\w-]+\s+){0,3}?of", None, gap=7,
             example=Example("The FDA is expected to inform Orsolo of the PDUFA date for velotamab by the end of August.", {"type": None})),
)

SLOTS = (Slot("expected_by", 0.3), Slot("region", 0.45))


def read(candidate: Candidate) -> Readings:
    view, release = candidate.view, candidate.release
    # a window already over by the release's day (a page's date stamp, the day a letter came) is not when a decision is expected
    ahead = [t for t in view.times if t.window_end > release.published]
    times = [t for t in ahead if t.forward or t.start > candidate.start] or ahead
    when = expected_by(times, candidate.start)
    agency, region = candidate.cue.fields.get("agency"), candidate.cue.fields.get("region")
    if agency is None:
        named = agencies_in(view.text)
        if not named and view.index > 0:
            earlier = release.views[view.index - 1]
            if earlier.sentence.block == view.sentence.block:
                named = [a for a in agencies_in(earlier.text) if a.agency not in ("CHMP", "EMA")]
        if named:
            deciding = [a for a in named if a.agency not in ("CHMP", "EMA")] or named
            chosen = min(deciding, key=lambda a: abs(a.start - candidate.start))
            region = chosen.region
            agency = chosen.agency if chosen.agency not in ("CHMP", "EMA") else APPROVING_AGENCY.get(region)
        elif (told := _region_of_decision(candidate)) is not None:
            region, agency = told.region, APPROVING_AGENCY.get(told.region)
    return [dict(compound=compound, agency=agency, region=region, expected_by=when) for compound in candidate.compounds("subject")[:1]]


FAMILY = Family("decisions", EXPECTED, CUES, read, SLOTS, MODALITIES, keywords=("pdufa", "user fee", "action date", "goal date", "target date", "decision", "european commission", "review", "opinion", "recommendation",
                          "examination", "assessment"))


#: What may stand between a decision and the region it is told of: "decision (on X) in the EU", "EU regulatory decision".
_REGION_AFTER = re.compile(r"(?:\s+(?:on|for|of)\s+[\w-]+(?:\s+\([^()]*\))?)?\s+(?:in|for)\s+(?:the\s+)?$")
_REGION_BEFORE = re.compile(r"^(?:['’]s)?\s+(?:(?:regulatory|approval|marketing|authori[sz]ation|final)\s+)*$", re.I)


def _region_of_decision(candidate: Candidate) -> Place | None:
    """The region named right after the decision ("in Japan") or right before it ("an EU decision"), if any."""
    text = candidate.text
    after = [p for p in places_in(text[candidate.end:candidate.end + 40]) if _REGION_AFTER.match(text[candidate.end:candidate.end + p.start])]
    if after:
        return after[0]
    start = max(0, candidate.start - 40)
    before = [p for p in places_in(text[start:candidate.start]) if _REGION_BEFORE.match(text[start + p.end:candidate.start])]
    return before[-1] if before else None
