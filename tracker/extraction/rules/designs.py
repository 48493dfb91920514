"""Trial designs: registry ids, enrollment, arms and the primary endpoint a sentence gives a trial."""
from __future__ import annotations

import re

from tracker.extraction.candidates import Candidate
from tracker.extraction.rows import Cue, Example, Family, Readings
from tracker.extraction.slots import trial_and_phase
from tracker.extraction.trials import arms_in, design_terms_in, enrollment_in, primary_endpoint_in, registry_ids_in

DESIGN = "TrialDesignReported"

CUES = (
    Cue(r"\b(?P<cue>NCT\d{8}|ISRCTN\d{8}|EudraCT|jRCT\w{8,}|CTR\d{8})\b",
        example=Example("TANGO (NCT01234567) is a randomized, double-blind Phase 3 study of velotamab in 640 adults with gout.",
                        {"type": DESIGN, "compound": "velotamab", "trial": "TANGO", "registry_ids": "('NCT01234567',)", "enrollment": 640})),
    Cue(r"\b(?P<cue>randomi[sz]ed)\s+(?:\([^)]*\)\s+)?(?:\d:\d\s+)?(?:on\s+)?to\b",
        example=Example("Patients in the RIVET study were randomized to receive velotamab or placebo.",
                        {"type": DESIGN, "compound": "velotamab", "trial": "RIVET", "arms": "('velotamab', 'placebo')"})),
    Cue(r"\b(?P<cue>primary (?:efficacy )?end ?-?point)\b(?:\s+of\s+[^,]*?)?\s+(?:is|was|will be)\b",
        example=Example("The primary endpoint of the RIVET study of velotamab is progression-free survival.",
                        {"type": DESIGN, "compound": "velotamab", "trial": "RIVET", "primary_endpoint": "PFS"})),
    Cue(r"\b(?P<cue>randomi[sz]ed|double-blind|placebo[- ]controlled|open-label|multi-?cent(?:er|re)|single-arm|dose[- ]escalation|\d+-patient|\(n\s?=\s?\d+\))",
        example=Example("Data came from a randomized, placebo-controlled Phase 1 study (n=48) of velotamab.",
                        {"type": DESIGN, "compound": "velotamab", "enrollment": 48, "phase": "I"})),
)


def read(candidate: Candidate) -> Readings:
    text = candidate.text
    registry = registry_ids_in(text)
    terms = design_terms_in(text)
    enrollment = enrollment_in(text, designed=terms >= 2)
    arms = arms_in(text)
    primary = primary_endpoint_in(text)
    about_a_trial = bool(re.search(r"\b(?:trial|study)\b", text, re.I))
    if not (registry or arms or primary or (about_a_trial and (enrollment or terms >= 2))):
        return []
    trial, phase, ambiguous = trial_and_phase(candidate.view, candidate.release, refers_back=True)
    return [dict(compound=compound, trial=trial, phase=phase, registry_ids=registry, enrollment=enrollment, arms=arms,
                 primary_endpoint=primary, ambiguous=ambiguous)
            for compound in candidate.compounds("subject")[:1]]


FAMILY = Family("trial designs", DESIGN, CUES, read, exclusive=True,
                keywords=("nct", "isrctn", "eudract", "jrct", "ctr", "randomi", "primary", "double-blind", "placebo", "open-label", "multi", "single-arm", "escalation", "-patient", "n=", "n ="))
