"""Development status: the phase a compound is in ("is in Phase III testing", "a Phase 2 investigational
therapy", "Phase 2 studies are ongoing"), or that it is approved where the sentence names no region (an
approval in a named region is an approval, read by the approvals family)."""
from __future__ import annotations

import re

from tracker.extraction.candidates import Candidate
from tracker.extraction.phases import phases_in
from tracker.extraction.places import places_in
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Modality, Readings

STATUS = "DevelopmentStatusReported"
_PHASE = r"[Pp]hase\s*(?:III|II|Il|I|1|2|3)[abAB]?(?:\s*/\s*(?:III|II|I|1|2|3)[abAB]?)?"

CUES = (
    Cue(rf"\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:being\s+(?:studied|evaluated|investigated|tested)\s+)?in\s+(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:testing|development|trials?|studies|clinical)",
        compound="before", example=Example("Velotamab is in Phase III testing for the treatment of gout.",
                                           {"type": STATUS, "compound": "velotamab", "phase": "III", "indication": "the treatment of gout"})),
    Cue(rf"(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:[\w-]+\s+)?(?:study|trial|program|studies|trials)\s+(?:of\s+\S+\s+)?(?:is|are)\s+(?:now\s+|currently\s+)?(?:underway|ongoing|under way|in progress|being conducted|recruiting|enrolling)",
        compound="after", example=Example("A Phase 2 study is underway with velotamab in patients with gout.",
                                          {"type": STATUS, "compound": "velotamab", "phase": "II"})),
    Cue(rf"\b(?:an?|the)\s+(?:pivotal\s+|global\s+|late-stage\s+|potential\s+)?(?P<cue>{_PHASE})[- ](?:stage\s+|ready\s+)?(?:(?:oral|inhaled|injectable|topical|intravenous|subcutaneous|small[- ]molecule|first-in-class|novel|selective)\s+){{0,2}}(?:investigational|clinical-stage|candidate|product candidate|asset|compound|therapy|therapeutic|medicine|drug|antibody|molecule)\b",
        compound="before", example=Example("Orsolo will develop ORS-3301, a Phase 2 investigational antibody in development to treat gout.",
                                           {"type": STATUS, "compound": "ORS-3301", "phase": "II"})),
    Cue(rf"\b(?:in|into)\s+(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:development|testing)\b", compound="before", sure=0.95,
        example=Example("Orsolo is advancing ORS-3301 into Phase 2 testing later this year.",
                        {"type": STATUS, "compound": "ORS-3301", "phase": "II"})),
    Cue(rf"\b(?:is|are)\s+developing\b{IN_CLAUSE}{{0,80}}?\bin\s+an?\s+(?:[\w-]+\s+){{0,2}}?(?P<cue>{_PHASE})\s+(?:[\w-]+\s+){{0,2}}?(?:program|trials?|studies|study)\b",
        compound="nearest", example=Example("Orsolo Bio is developing its lead candidate, velotamab, in a Phase 3 global clinical program to treat gout.",
                                            {"type": STATUS, "compound": "velotamab", "phase": "III"})),
    Cue(r"\blead\s+(?P<cue>preclinical)\s+(?:drug\s+|product\s+)?candidate\b", compound="after",
        example=Example("Orsolo Bio will develop inhaled drugs, including its lead preclinical drug candidate, ORS-060.",
                        {"type": STATUS, "compound": "ORS-060", "phase": "preclinical"})),
    Cue(rf"\b(?:on-?going|ongoing)\s+(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:trial|study|program)\s+(?:of|with|evaluating)\b", compound="after",
        example=Example("We will now complete the on-going Phase 3 clinical trial of velotamab in women with gout.",
                        {"type": STATUS, "compound": "velotamab", "phase": "III"})),
    Cue(rf"\bcompleted\s+(?:patient\s+)?enrol?lment\s+in\s+(?:the\s+|its\s+|a\s+)?(?P<cue>{_PHASE})\b", compound="after",
        example=Example("Tamura completed enrollment in Phase 3 RIVET study of velotamab in patients with gout.",
                        {"type": STATUS, "compound": "velotamab", "phase": "III"})),
    # "X is being evaluated in a Phase 2 trial", "X is currently being investigated in several Phase 3 studies", "X is being tested in a Phase II trial"
    Cue(rf"\b(?:is|are)\s+(?:currently\s+|now\s+|also\s+)?(?:being\s+)?(?:evaluated|studied|investigated|tested|developed|assessed|explored|examined)\s+"
        rf"(?:(?:clinically|further)\s+)?(?:as\s+[^.;,]{{0,40}}?\s+)?in\s+(?:an?\s+|the\s+|several\s+|multiple\s+|two\s+|three\s+|ongoing\s+|global\s+|pivotal\s+|randomi[sz]ed\s+|clinical\s+)*"
        rf"(?P<cue>{_PHASE})\b(?!\s*-?\s*(?:enabling|ready))", compound="before",
        example=Example("Velotamab is currently being evaluated in a Phase 2 clinical trial in patients with gout.",
                        {"type": STATUS, "compound": "velotamab", "phase": "II"})),
    # "X is currently in a Phase 3 clinical trial for gout", "X is under investigation in Phase 2 studies"
    Cue(rf"\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:under\s+(?:investigation|evaluation|study)\s+)?in\s+(?:an?\s+|the\s+|several\s+|multiple\s+|ongoing\s+|global\s+|pivotal\s+)+"
        rf"(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:[\w-]+\s+)?(?:testing|development|trials?|stud(?:y|ies)|program(?:me)?)\b", compound="before",
        example=Example("Velotamab is currently in a Phase 3 clinical trial for gout.", {"type": STATUS, "compound": "velotamab", "phase": "III"})),
    Cue(rf"\b(?:is|are)\s+(?:currently\s+|now\s+)?under\s+(?:investigation|evaluation|study)\s+in\s+(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:trials?|stud(?:y|ies)|program(?:me)?)\b",
        compound="before",
        example=Example("Velotamab is currently under investigation in Phase 2 studies.", {"type": STATUS, "compound": "velotamab", "phase": "II"})),
    # "a clinical-stage product candidate in Phase 2 trials for gout"
    Cue(rf"\b(?:is|are)\s+an?\s+(?:[\w-]+\s+){{0,4}}?(?:candidate|compound|therapy|medicine|drug|antibody|molecule|asset)\s+(?:currently\s+)?in\s+"
        rf"(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:testing|development|trials?|stud(?:y|ies))\b", compound="before",
        example=Example("Velotamab is a clinical-stage product candidate in Phase 2 trials for gout.", {"type": STATUS, "compound": "velotamab", "phase": "II"})),
    # "an investigational, Phase 2 oral therapy"
    Cue(rf"\b(?:is|are)\s+an?\s+(?:[\w-]+,?\s+){{1,3}}?(?P<cue>{_PHASE})[- ](?:stage\s+)?(?:[\w-]+\s+){{0,2}}?(?:candidate|compound|therapy|therapeutic|medicine|drug|antibody|molecule|asset|treatment)\b",
        compound="before",
        example=Example("Velotamab is an investigational, Phase 2 oral therapy for gout.", {"type": STATUS, "compound": "velotamab", "phase": "II"})),
    # "Orsolo is conducting a Phase 2b study of X", "is currently enrolling a global, randomized Phase 3 trial of X"
    Cue(rf"\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:conducting|running|enrolling|recruiting|sponsoring)\s+(?:an?\s+|the\s+|its\s+|two\s+|several\s+)?(?:[\w-]+,?\s+){{0,5}}?"
        rf"(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:[\w-]+\s+)?(?:trials?|stud(?:y|ies)|program(?:me)?)\b", compound="after",
        example=Example("Orsolo Bio is conducting a Phase 2b study of velotamab in gout.", {"type": STATUS, "compound": "velotamab", "phase": "II"})),
    # "X is now in Phase 3.", "ORS-1, currently in Phase 2, and ORS-2, in Phase 1": the phase alone, the sentence's own words ending there
    Cue(rf"(?:\b(?:is|are)\s+(?:currently\s+|now\s+)?in|,\s+(?:currently|now)\s+in)\s+(?P<cue>{_PHASE})(?=\s*(?:[.,;]|$|for\b|in\s+(?:patients|adults|people)\b))",
        compound="before",
        example=Example("The Company's pipeline includes ORS-4410, currently in Phase 2, for lupus.", {"type": STATUS, "compound": "ORS-4410", "phase": "II"})),
    # "Orsolo is evaluating intravenous velotamab in the pivotal Phase 3 KITE trial"
    Cue(rf"\b(?:is|are)\s+(?:currently\s+|now\s+|also\s+)?(?:evaluating|studying|investigating|testing)\s+(?:[\w-]+\s+){{1,4}}?in\s+(?:an?\s+|the\s+|its\s+|two\s+|several\s+|ongoing\s+|pivotal\s+|global\s+|randomi[sz]ed\s+)*(?P<cue>{_PHASE})\b"
        rf"(?!\s*-?\s*(?:enabling|ready))", compound="nearest",
        example=Example("Orsolo is evaluating intravenous velotamab in the pivotal Phase 3 KITE trial in patients with gout.",
                        {"type": STATUS, "compound": "velotamab", "phase": "III"})),
    Cue(rf"\b(?:is|are)\s+(?:now\s+)?(?P<cue>{_PHASE})[- ]ready\b", compound="before",
        example=Example("ORS-4410 is Phase 3 ready.", {"type": STATUS, "compound": "ORS-4410", "phase": "III"})),
    # "X has advanced to Phase 3 clinical development", "X has progressed into Phase 2"
    Cue(rf"\b(?:has|have)\s+(?:now\s+)?(?:advanced|progressed|moved)\s+(?:in)?to\s+(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:development|testing)\b", compound="before",
        example=Example("Velotamab has advanced to Phase 3 clinical development.", {"type": STATUS, "compound": "velotamab", "phase": "III"})),
    Cue(r"\b(?:is|are)\s+(?:already\s+|currently\s+|now\s+)?(?P<cue>approved)\s+(?:to treat|for (?:the treatment|use|patients|adults))\b", compound="before",
        example=Example("Velmora® (trazimab) is already approved to treat adults with lupus nephritis who received prior therapy.",
                        {"type": STATUS, "compound": "trazimab", "phase": "approved"})),
)

MODALITIES = (
    Modality(r"not|no longer|if|would|once|upon|plans?|expects?", None, gap=3,
             example=Example("If velotamab is approved to treat gout, Orsolo will launch it.", {"type": None})),
)


def read(candidate: Candidate) -> Readings:
    text = candidate.text
    written = text[candidate.start:candidate.end]
    if written.lower() == "preclinical":
        return [dict(compound=compound, phase="preclinical", indication=None) for compound in candidate.compounds()[:1]]
    if written == "approved":
        if places_in(text[candidate.end:candidate.end + 60]):
            return []
        phase, ambiguous = "approved", False
    else:
        mentions = phases_in(written)
        if not mentions:
            return []
        phase, ambiguous = mentions[0].phase, mentions[0].ambiguous
    indication = re.search(r"\b(?:testing|development|trials?) for (?P<what>[^.;]+?)(?:\.|;|$|,|\s+and\s+(?:is|are|has|have|was|will)\b)", text[candidate.start:])
    return [dict(compound=compound, phase=phase, indication=indication["what"] if indication else None, ambiguous=ambiguous)
            for compound in candidate.compounds()[:1]]


FAMILY = Family("development status", STATUS, CUES, read, (), MODALITIES, exclusive=True, keywords=("phase", "approved", "preclinical"))
