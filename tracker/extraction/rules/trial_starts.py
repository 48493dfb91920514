"""Trials started: the first patient dosed, a study initiated, a compound entering a phase."""
from __future__ import annotations

from tracker.extraction.candidates import Candidate
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Modality, Readings
from tracker.extraction.slots import past_time, trial_and_phase

STARTED = "TrialStarted"
_TRIAL = r"(?:trials?|stud(?:y|ies)|[Pp]hase\s+\S+|program(?:me)?|dosing|enrol(?:l?ment)?)"

CUES = (
    Cue(r"\b(?P<cue>first (?:patients?|subjects?|participants?|volunteers?|cohort))\s+(?:has been |was |were |had been |have been |is |are )?"
        r"(?:dosed|treated|enrolled|randomi[sz]ed|screened)\b", compound="after",
        example=Example("In the second quarter of 2021 the first patient was dosed with ORS-4410 in a Phase 1 trial.",
                        {"type": STARTED, "compound": "ORS-4410", "phase": "I", "occurred_on": "2021-Q2"})),
    Cue(r"\b(?P<cue>dosed|dosing of|enrolled|randomi[sz]ed|treated)\s+(?:the\s+|its\s+|their\s+)?first\s+(?:patients?|subjects?|participants?)\b",
        example=Example("Orsolo Bio has dosed the first patient in its Phase 2 trial of velotamab in gout.",
                        {"type": STARTED, "compound": "velotamab", "phase": "II"})),
    Cue(rf"\b(?P<cue>initiated|initiation of|began|begun|begins|commenced|commencement of|started|starts|start of|launched|launch of|kicked off|opened)\b"
        rf"(?={IN_CLAUSE}{{0,70}}\b{_TRIAL}\b|\s+(?:the\s+|its\s+)?(?-i:[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*)\s*\([^()]{{0,200}}\),?\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,6}}?{_TRIAL})",
        example=Example("Orsolo Bio initiated a Phase 3 trial of velotamab in adults with gout in March 2021.",
                        {"type": STARTED, "compound": "velotamab", "phase": "III", "occurred_on": "2021-03"})),
    Cue(rf"\b{_TRIAL}\b{IN_CLAUSE}{{0,100}}?\b(?P<cue>began|begun|started|commenced|was initiated|has been initiated|is now underway|was launched)\b",
        example=Example("A Phase 1b trial of velotamab in gout began in late 2015.",
                        {"type": STARTED, "compound": "velotamab", "phase": "I", "occurred_on": "2015-H2"})),
    # "is now open for enrollment", "has begun enrolling patients", "started recruiting"
    Cue(r"\b(?:is|are|was|were)\s+(?:now\s+)?(?P<cue>open)\s+(?:for|to)\s+(?:patient\s+)?(?:enrol(?:l?ment)|recruitment)\b"
        r"|\b(?:has|have)\s+(?:begun|started|commenced)\s+(?P<cue2>enrolling|recruiting|enrol(?:l?ment)|screening)\b",
        example=Example("The Phase 2 trial of ORS-4410 in lupus nephritis is now open for enrollment.",
                        {"type": STARTED, "compound": "ORS-4410", "phase": "II"})),
    Cue(r"\b(?P<cue>entered|has entered|have entered|enters|advanced into|moved into|progressed into|advances into)\s+(?:an?\s+|the\s+|its\s+)?(?=[Pp]hase\s)",
        example=Example("ORS-5521, Orsolo's second antibody, entered a Phase 1 study in healthy volunteers in March 2021.",
                        {"type": STARTED, "compound": "ORS-5521", "phase": "I", "occurred_on": "2021-03"})),
)

MODALITIES = (
    Modality(r"will|plans?|planned|planning|expects?|expected|intends?|intended|anticipates?|anticipated|to be|aims?|on track|prepar\w+|would|could|may|upon|if|once|following",
             None, gap=3, example=Example("Orsolo expects to have started a Phase 3 trial of velotamab by the end of 2022.",
                                          {"type": None})),
    Modality(r"followed by|and then", None, gap=1,
             example=Example("We expect topline data from our Phase 2a study of ORS-938 by mid-year, followed by initiation of a Phase 1 "
                             "study of ORS-514 in the third quarter.", {"type": None})),
    Modality(r"toxicology|IND[- ]enabling|preclinical|non-?clinical", None, scope="sentence",
             example=Example("Orsolo initiated an IND-enabling toxicology study of its first cytokine program.", {"type": None})),
)

#: A trial's start is a clinical fact: the sentence speaks of a trial, a phase, patients or dosing.
CONTEXT = r"\b(?:clinical|trials?|stud(?:y|ies)|phase|first (?:patient|subject|participant)|dosed|dosing)\b"


def read(candidate: Candidate) -> Readings:
    view, release = candidate.view, candidate.release
    trial, phase, ambiguous = trial_and_phase(view, release)
    if trial is not None and not any(abs(start - candidate.start) < 80 for start, _ in view.trials):
        trial = None  # a trial named elsewhere in a long sentence is not the one that started
    return [dict(compound=compound, trial=trial, phase=phase, occurred_on=past_time(view), ambiguous=ambiguous)
            for compound in candidate.compounds()[:1]]


FAMILY = Family("trial starts", STARTED, CUES, read, (), MODALITIES, context=CONTEXT, exclusive=True,
                keywords=("first", "dosed", "dosing", "enrolled", "randomi", "treated", "initiat", "began", "begun", "begins", "commence",
                          "start", "launch", "kicked off", "opened", "open", "underway", "enter", "advance", "moved into", "progressed into"))
