"""Readouts expected: results of a trial the release expects by a date ("top-line data are expected in the
first half of 2022", "expects data from its RIVET study in 2023")."""
from __future__ import annotations

import re

from tracker.extraction.candidates import Candidate
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Modality, Readings, Slot
from tracker.extraction.slots import trial_and_phase

READOUT = "ReadoutExpected"

CUES = (
    Cue(rf"\b(?P<cue>results|data|readouts?|read-outs?|top-?line)\b{IN_CLAUSE}{{0,80}}?\b(?:are|is)?\s*(?:expected|anticipated|planned|due|on track)\b",
        compound="subject", example=Example("Top-line results from the CASCADE study of velotamab are expected later this year.",
                                            {"type": READOUT, "compound": "velotamab", "trial": "CASCADE", "expected_by": "2021-12-31"})),
    Cue(rf"\b(?:expects?|anticipates?|plans? to (?:report|announce|share))\b{IN_CLAUSE}{{0,40}}?\b(?P<cue>data|results|readouts?|read-outs?|top-?line)\b",
        compound="subject", example=Example("In 2023 Orsolo expects data from its RIVET study of velotamab in gout.",
                                            {"type": READOUT, "compound": "velotamab", "trial": "RIVET", "expected_by": "2023-12-31"})),
    # the expectation told after the data: "the data from RIVET, which we expect by the end of the second quarter"
    Cue(rf"\b(?P<cue>results|data|readouts?|read-outs?|top-?line)\b{IN_CLAUSE}{{0,100}}?,?\s+which\s+(?:we|the company|it|they|[A-Z][\w-]+)\s+(?:now\s+|still\s+)?(?:expects?|anticipates?)\b",
        compound="subject", example=Example("Orsolo will analyze the data from the RIVET trial of velotamab, which it expects by the end of the second quarter.",
                                            {"type": READOUT, "compound": "velotamab", "trial": "RIVET", "expected_by": "2021-06-30"})),
    # "with the results available in the second half of the year", "top-line data will be available in early 2023"
    Cue(r"\b(?P<cue>results|data|readouts?|top-?line)\s+(?:(?:are|is)\s+)?(?:(?:will|should)\s+be\s+|to be\s+|being\s+)?(?:made\s+)?available\s+(?=in|by|during|before|early|late|mid|later|next|this)\b",
        compound="subject", example=Example("The RIVET trial of velotamab is expected to be completed by the summer, with the results available in the second half of the year.",
                                            {"type": READOUT, "compound": "velotamab", "trial": "RIVET", "expected_by": "2021-12-31"})),
)

MODALITIES = (
    # a presentation planned of data already read out: "anticipates presenting full data results at scientific meetings"
    Modality(r"presenting|to present|publishing|to publish", None, scope="clause",
             example=Example("Orsolo anticipates presenting full data of the RIVET study of velotamab at scientific meetings in the second half of 2021.",
                             {"type": None})),
    # the plan the sentence is on track with is a filing, not the data: "pleased with the results and on track with our plans to file an NDA"
    Modality(r"(?:on track|plans?|planning|expects?|expected)\s+(?:with\s+)?(?:our\s+|its\s+|the\s+)?(?:plans?\s+)?to\s+(?:file|submit|seek)\b", None, scope="clause",
             example=Example("We are pleased with the results of the RIVET study of velotamab and on track with our plans to file an NDA in the middle of this year.",
                             {"type": None})),
    Modality(r"presented|presentation|published|publication|conference|meeting|congress", None, scope="after", gap=4,
             example=Example("Data from the RIVET study of velotamab are expected to be presented at a medical meeting in 2022.",
                             {"type": None})),
)

SLOTS = (Slot("expected_by", 0.5),)


#: Where one readout of a list begins: "top-line data from A in early 2015 and top-line data from B in mid-2015".
_EACH = re.compile(r"\b(?:top-?line\s+|phase\s+\w+\s+)?(?:data|results)\s+from\b", re.I)


def _each_readout(candidate: Candidate) -> Readings:
    """A readout for each "data from <trial or compound> <when>" of a sentence listing several."""
    view, release = candidate.view, candidate.release
    starts = [m.start() for m in _EACH.finditer(view.text)]
    readings: Readings = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(view.text)
        times = [t for t in view.times if start <= t.start < end]
        trials = [name for at, name in view.trials if start <= at < end]
        named = [release.name(m.written) for m, _ in view.subjects() if start <= m.start < end]
        if not times or not (trials or named):
            continue
        of_trial = release.trial_compounds.get(trials[0]) if trials else None  # "data from RIVET in 2020": the trial's compound
        compound = named[0] if named else of_trial or (candidate.compounds()[:1] or [None])[0]
        readings.append(dict(compound=compound, trial=trials[0] if trials else None,
                             phase=release.phase_of_trial(trials[0]) if trials else None, expected_by=times[0].window_end))
    return readings if len({(r["compound"], r["trial"]) for r in readings}) > 1 else []


def read(candidate: Candidate) -> Readings:
    view = candidate.view
    if not view.times:
        return []
    several = _each_readout(candidate)
    if several:
        return several
    trial, phase, _ = trial_and_phase(view, candidate.release)
    after = [name for at, name in view.trials if candidate.start <= at < candidate.clause[1]]
    if after and after[0] != trial:  # "top-line results from QUILLON 1": the trial the readout names, not the sentence's first
        trial, phase = after[0], candidate.release.phase_of_trial(after[0])
    # a window already over by the release's day (its dateline, "today") is not when data are expected
    ahead = [t for t in view.times if t.window_end > candidate.release.published] or view.times
    chosen = min(ahead, key=lambda t: abs(t.start - candidate.start))
    return [dict(compound=compound, trial=trial, phase=phase, expected_by=chosen.window_end) for compound in candidate.compounds()[:1]]


FAMILY = Family("readouts expected", READOUT, CUES, read, SLOTS, MODALITIES, exclusive=True,
                keywords=("result", "data", "readout", "read-out", "topline", "top-line"))
