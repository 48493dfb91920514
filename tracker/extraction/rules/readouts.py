"""Readouts expected: results of a trial the release expects by a date ("top-line data are expected in the
first half of 2022", "expects data from its RIVET study in 2023")."""
from __future__ import annotations

from tracker.extraction.candidates import Candidate
from tracker.extraction.rows import Cue, Example, Family, Modality, Readings, Slot
from tracker.extraction.slots import trial_and_phase

READOUT = "ReadoutExpected"

CUES = (
    Cue(r"\b(?P<cue>results|data|readouts?|read-outs?|top-?line)\b[^.;]{0,80}?\b(?:are|is)?\s*(?:expected|anticipated|planned|due|on track)\b",
        compound="subject", example=Example("Top-line results from the CASCADE study of velotamab are expected later this year.",
                                            {"type": READOUT, "compound": "velotamab", "trial": "CASCADE", "expected_by": "2021-12-31"})),
    Cue(r"\b(?:expects?|anticipates?|plans? to (?:report|announce|share))\b[^.;]{0,40}?\b(?P<cue>data|results|readouts?|read-outs?|top-?line)\b",
        compound="subject", example=Example("In 2023 Orsolo expects data from its RIVET study of velotamab in gout.",
                                            {"type": READOUT, "compound": "velotamab", "trial": "RIVET", "expected_by": "2023-12-31"})),
)

MODALITIES = (
    Modality(r"presented|presentation|published|publication|conference|meeting|congress", None, scope="after", gap=4,
             example=Example("Data from the RIVET study of velotamab are expected to be presented at a medical meeting in 2022.",
                             {"type": None})),
)

SLOTS = (Slot("expected_by", 0.5),)


def read(candidate: Candidate) -> Readings:
    view = candidate.view
    if not view.times:
        return []
    trial, phase, _ = trial_and_phase(view, candidate.release)
    chosen = min(view.times, key=lambda t: abs(t.start - candidate.start))
    return [dict(compound=compound, trial=trial, phase=phase, expected_by=chosen.window_end) for compound in candidate.compounds()[:1]]


FAMILY = Family("readouts expected", READOUT, CUES, read, SLOTS, MODALITIES, exclusive=True,
                keywords=("result", "data", "readout", "read-out", "topline", "top-line"))
