"""Development status: the phase a compound is in ("is in Phase III testing", "a Phase 2 investigational
therapy", "Phase 2 studies are ongoing"), or that it is approved where the sentence names no region (an
approval in a named region is an approval, read by the approvals family)."""
from __future__ import annotations

import re

from tracker.extraction.candidates import Candidate
from tracker.extraction.phases import phases_in
from tracker.extraction.places import places_in
from tracker.extraction.rows import Cue, Example, Family, Modality, Readings

STATUS = "DevelopmentStatusReported"
_PHASE = r"[Pp]hase\s*(?:III|II|Il|I|1|2|3)[abAB]?(?:\s*/\s*(?:III|II|I|1|2|3)[abAB]?)?"

CUES = (
    Cue(rf"\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:being\s+(?:studied|evaluated|investigated|tested)\s+)?in\s+(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:testing|development|trials?|studies|clinical)",
        compound="before", example=Example("Velotamab is in Phase III testing for the treatment of gout.",
                                           {"type": STATUS, "compound": "velotamab", "phase": "III", "indication": "the treatment of gout"})),
    Cue(rf"(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:[\w-]+\s+)?(?:study|trial|program|studies|trials)\s+(?:of\s+\S+\s+)?(?:is|are)\s+(?:now\s+|currently\s+)?(?:underway|ongoing|under way|in progress|being conducted|recruiting|enrolling)",
        compound="after", example=Example("A Phase 2 study is underway with velotamab in patients with gout.",
                                          {"type": STATUS, "compound": "velotamab", "phase": "II"})),
    Cue(rf"\b(?:an?|the)\s+(?:pivotal\s+|global\s+|late-stage\s+|potential\s+)?(?P<cue>{_PHASE})[- ](?:stage\s+|ready\s+)?(?:investigational|clinical-stage|candidate|product candidate|asset|compound|therapy|therapeutic|medicine|drug|antibody|molecule)\b",
        compound="before", example=Example("Orsolo will develop ORS-3301, a Phase 2 investigational antibody in development to treat gout.",
                                           {"type": STATUS, "compound": "ORS-3301", "phase": "II"})),
    Cue(rf"\b(?:in|into)\s+(?P<cue>{_PHASE})\s+(?:clinical\s+)?(?:development|testing)\b", compound="before", sure=0.95,
        example=Example("Orsolo is advancing ORS-3301 into Phase 2 testing later this year.",
                        {"type": STATUS, "compound": "ORS-3301", "phase": "II"})),
    Cue(rf"\b(?:is|are)\s+developing\b[^.;]{{0,80}}?\bin\s+an?\s+(?:[\w-]+\s+){{0,2}}?(?P<cue>{_PHASE})\s+(?:[\w-]+\s+){{0,2}}?(?:program|trials?|studies|study)\b",
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
    indication = re.search(r"\b(?:testing|development|trials?) for (?P<what>[^.;]+?)(?:\.|;|$)", text[candidate.start:])
    return [dict(compound=compound, phase=phase, indication=indication["what"] if indication else None, ambiguous=ambiguous)
            for compound in candidate.compounds()[:1]]


FAMILY = Family("development status", STATUS, CUES, read, (), MODALITIES, exclusive=True, keywords=("phase", "approved", "preclinical"))
