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
    Cue(r"\b(?P<cue>randomi[sz]ed|double-blind|placebo[- ]controlled|open-label|multi-?cent(?:er|re)|single-arm|dose[- ]escalation|\d+[- ]patient)",
        example=Example("Data came from a randomized, placebo-controlled Phase 1 study (n=48) of velotamab.",
                        {"type": DESIGN, "compound": "velotamab", "enrollment": 48, "phase": "I"})),
    # the trial's enrolment told as a number: "RIVET, which enrolled 500 patients", "A total of 210 patients were enrolled in ..."
    Cue(r"\b(?:which|that)\s+(?P<cue>enrolled)\s+(?:approximately\s+|about\s+|more than\s+|over\s+)?\d[\d,]*\s+(?:\w+\s+)?(?:patients|subjects|participants|people|adults|children)\b"
        r"|\b\d[\d,]*\s+(?:\w+\s+)?(?:patients|subjects|participants|people|adults|children)\s+(?:were|have been|had been)\s+(?P<cue2>enrolled|randomi[sz]ed)\s+in\b",
        example=Example("Results of the Phase 3 RIVET trial, which enrolled 500 patients, showed that velotamab was non-inferior to allopurinol.",
                        {"type": DESIGN, "compound": "velotamab", "trial": "RIVET", "phase": "III", "enrollment": 500})),
    # a trial's enrolment to come: "will enroll approximately 120 patients", "is expected to enroll up to 300 adults", "plans to recruit 60 subjects"
    Cue(r"\b(?:will|to|plans? to|expects? to|is expected to|intends? to|aims? to|designed to|is|are|currently)\s+(?P<cue>enrol(?:l|ling)?|recruit(?:ing)?)\s+"
        r"(?:a total of\s+|approximately\s+|about\s+|up to\s+|more than\s+|over\s+|around\s+|roughly\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:patients|subjects|participants|people|adults|children|women|men|volunteers)\b",
        example=Example("The Phase 2 RIVET study of velotamab will enroll approximately 120 patients with gout across 40 sites.",
                        {"type": DESIGN, "compound": "velotamab", "trial": "RIVET", "phase": "II", "enrollment": 120})),
    # "The TANGO study is designed to evaluate two doses versus placebo in 450 adults"
    Cue(r"\b(?:trial|study)\s+(?:of\s+\S+\s+)?(?:is|was|has been)\s+(?P<cue>designed)\s+to\s+(?:evaluate|assess|compare|determine|investigate|examine|measure|test)\b",
        example=Example("The TANGO study of velotamab is designed to evaluate two doses versus placebo in 450 adults with gout.",
                        {"type": DESIGN, "compound": "velotamab", "trial": "TANGO", "enrollment": 450})),
    # a trial told as a comparison of its arms: "two Phase 3 trials comparing A with B", "a direct comparison of A versus B"
    # (a trial described in passing, "first patient dosed in RIVET, a Phase 3 trial comparing ...", is told for its start, not its design)
    Cue(r"\b(?:consists? of|consisting of|compris(?:es|ing)|(?:is|was|are|were)|includes?)\s+(?:an?\s+|the\s+|two\s+|three\s+)?(?:[\w-]+,?\s+){0,4}?(?:trials?|stud(?:y|ies))\s+(?P<cue>comparing)\s+"
        r"|\b(?P<cue2>(?:direct|head-to-head)\s+comparison)\s+of\b",
        example=Example("The programme consists of two Phase 3 trials comparing velotamab with allopurinol in adults with gout.",
                        {"type": DESIGN, "compound": "velotamab", "phase": "III", "arms": "('velotamab', 'allopurinol')"})),
    Cue(r"(?P<cue>\([nN]\s?=\s?\d+\))",
        example=Example("Orsolo announced interim results from the expanded Phase 1 dose-ranging study 003 (n=296) of velotamab in gout.",
                        {"type": DESIGN, "compound": "velotamab", "trial": "study 003", "enrollment": 296, "phase": "I"})),
    Cue(r"\b(?P<cue>NCT\d{8})\b.{0,80}?\bNCT\d{8}\b",
        example=Example("Approval rests on the RIVET study (NCT01234567) and the TANGO study (NCT07654321) of velotamab in gout.",
                        {"type": DESIGN, "compound": "velotamab", "trial": "TANGO", "registry_ids": "('NCT07654321',)"})),
)


def read(candidate: Candidate) -> Readings:
    text = candidate.text
    registry = registry_ids_in(text)
    terms = design_terms_in(text)
    enrollment = enrollment_in(text, designed=terms >= 2 or bool(_DESIGNED.search(text)))
    arms = arms_in(text)
    primary = primary_endpoint_in(text)
    about_a_trial = bool(re.search(r"\b(?:trial|study)\b", text, re.I)) or bool(candidate.view.trials)  # "RIVET, which enrolled 500 patients"
    trial, phase, ambiguous = trial_and_phase(candidate.view, candidate.release, refers_back=True)
    # "a global, randomized Phase III TAGS trial evaluating ...": one design word is enough for a trial named with its phase
    named_with_phase = trial is not None and phase is not None and bool(candidate.view.trials)
    described = terms + bool(_SHAPE.search(text))
    if not (registry or arms or primary or (about_a_trial and (enrollment or terms >= 2 or (described >= 1 and named_with_phase)))):
        return []
    if trial is None and (enrollment or terms >= 2):
        trial = candidate.release.only_trial  # the one trial a release is about: "this double-blind, randomized trial"
    compounds = candidate.compounds("subject")[:1]
    paired = _trials_with_their_ids(candidate)
    if len(paired) > 1:  # "HAVEN 1 (NCT02622321) and HAVEN 2 (NCT02795767)": a design for each
        return [dict(compound=compound, trial=name, phase=phase, registry_ids=(registry_id,), enrollment=None, arms=None,
                     primary_endpoint=None, ambiguous=ambiguous) for name, registry_id in paired for compound in compounds]
    return [dict(compound=compound, trial=trial, phase=phase, registry_ids=registry, enrollment=enrollment, arms=arms,
                 primary_endpoint=primary, ambiguous=ambiguous)
            for compound in compounds]


#: Words that say a sentence describes a trial's design: its count of people is the enrolment, not a subgroup's.
_DESIGNED = re.compile(r"\b(?:trial|study)\s+(?:of\s+\S+\s+)?(?:is|was|has been)\s+designed\s+to\b", re.I)


#: Words that describe a trial's shape without being a design term of their own.
_SHAPE = re.compile(r"\b(?:global|pivotal|\d+-(?:week|month))\b", re.I)


def _trials_with_their_ids(candidate: Candidate) -> list[tuple[str, str]]:
    """(trial, registry id) for each trial the sentence names with its id just after it ("HAVEN 1 study (NCT02622321)")."""
    text = candidate.text
    pairs: list[tuple[str, str]] = []
    for start, name in candidate.view.trials:
        after = re.match(r"[\w\s-]{0,20}?\(\s*(?P<id>NCT\d{8}|ISRCTN\d{8})\b", text[start + len(name):])
        if after and all(after["id"] != known for _, known in pairs):
            pairs.append((name, after["id"]))
    return pairs


FAMILY = Family("trial designs", DESIGN, CUES, read, exclusive=True,
                keywords=("nct", "isrctn", "eudract", "jrct", "ctr", "randomi", "primary", "double-blind", "placebo", "open-label", "multi", "single-arm", "escalation", "patient", "n=", "n =", "enrol", "recruit", "designed", "comparing", "comparison"))
