"""Clinical facts: top-line results, trial starts and designs, presentations, development status, readouts expected."""
from __future__ import annotations

import re

from tracker.domain.facts import (
    DataPresented,
    DevelopmentStatusReported,
    Fact,
    ReadoutExpected,
    TopLineReported,
    TrialDesignReported,
    TrialStarted,
)
from tracker.extraction.conferences import conferences_in
from tracker.extraction.context import ReleaseContext, SentenceView
from tracker.extraction.evidence import confidence_for, fact
from tracker.extraction.phases import first_phase, phases_in
from tracker.extraction.trials import (
    arms_in,
    design_terms_in,
    endpoint_in,
    enrollment_in,
    primary_endpoint_in,
    registry_ids_in,
)

_NON_INFERIOR = re.compile(r"\bnon-?inferiority\b|\bnon-?inferior\b", re.I)
_NEGATIVE = re.compile(
    r"\bdid not (?:meet|achieve|reach|show|demonstrate)|\bfailed to (?:meet|achieve|show|demonstrate)|\bneither\b[^.]{0,80}\b(?:improved|met|showed)"
    r"|\bnot (?:statistically )?significant|\bfutility\b|\bno (?:statistically )?significant (?:difference|improvement|benefit)", re.I)
_POSITIVE = re.compile(
    r"\bmet (?:its|the|both|all|their) (?:[\w-]+\s+){0,2}end ?points?\b|\bend ?points? (?:has|have|was|were) (?:\w+ )?(?:been )?met\b"
    r"|\bachieved (?:its|the) (?:[\w-]+\s+)?end ?point|\bsignificant(?:ly)?\s+(?:\w+\s+){0,2}?(?:improv\w+|prolong\w+|extend\w+)"
    r"|\bs\s?ignificant improvement\b|\bimprovement in\s+(?:OS|PFS|overall survival|progression-free survival)\b"
    r"|\bpositive\s+(?:[\w-]+\s+){0,2}?(?:results|data|outcome|analysis|findings|readout)\b|\bMet Primary Endpoint\b", re.I)
#: "The results were mixed: the high dose met the primary endpoint while the low dose did not."
_MIXED = re.compile(r"\b(?:results|data|findings|outcomes?)\s+(?:were|was|are)\s+mixed\b|\bmixed\s+(?:top-?line\s+)?(?:results|data|findings|outcome)\b", re.I)
_NOT_RESULT = re.compile(r"\btrend\b|\bwill\b|\bexpects?\b|\bto be (?:reported|presented)\b|\bif positive\b", re.I)

_STARTED = re.compile(
    r"\bfirst (?:patient|subject|participant)s? (?:has been |was |were |had been )?(?:dosed|treated|enrolled|randomi[sz]ed)\b"
    r"|\b(?:initiated|initiation of|began|begun|commenced|has started|started|start of|began enrolling)\b"
    r"|\b(?:entered|has entered|have entered)\s+(?:an?\s+|the\s+|its\s+)?(?=[Pp]hase\s)", re.I)
_CLINICAL = re.compile(r"\b(?:clinical|trial|[Pp]hase|first (?:patient|subject|participant))\b")
_NOT_STARTED = re.compile(r"\b(?:will|plans? to|expected to|to be|toxicology|IND[- ]enabling|preclinical)\b", re.I)

_PRESENTED = re.compile(
    r"\bpresent(?:ed|s|ing)?\b|\bpresentations?\b|\breported (?:\w+\s+){0,4}at\b|\bposters?\b|\boral (?:presentation|session)\b|\babstracts?\b")
_PRESENTS_WHAT_FOLLOWS = re.compile(r"presentation of|present(?:ed|s|ing)? (?:\w+\s+){0,3}(?:data|findings|results)")
_PRESENTED_DATA = re.compile(r"\bpresent(?:ed|ation of)\s+(?:\w+\s+){0,3}(?:data|findings|results)\b|\b(?:data|findings|results)\s+(?:\w+\s+){0,3}(?:were|was|are being)\s+presented\b")
_NOT_PRESENTED = re.compile(r"\b(?:will be|to be|upcoming|future|submitted for|planned|when they are)\b", re.I)
_ABSTRACT = re.compile(r"#\s?(?P<number>[A-Z]{0,4}\d{2,6})\b|\babstract(?:\s*:\s*|\s+)(?:No\.?\s*|number\s*|#\s?)?(?P<plain>[A-Z]{0,4}\d{2,6})\b", re.I)

_STATUS = re.compile(
    r"\bis (?:currently |now )?in (?P<phase>[Pp]hase\s+\S+)\s+(?:clinical\s+)?(?:testing|development|trials?|studies|clinical)"
    r"|(?P<phase2>[Pp]hase\s+\S+)\s+(?:clinical\s+)?(?:study|trial)s? (?:is|are) (?:now |currently )?(?:underway|ongoing|under way|in progress)"
    r"|\b(?:is|are) (?:already |currently |now )?(?P<approved>approved)\b")
_READOUT = re.compile(
    r"\b(?:results|data|readout|read-out|top-line|topline)\b[^.;]{0,80}?\b(?:are|is)?\s*(?:expected|anticipated)\b"
    r"|\b(?:expects?|anticipates?)\b[^.;]{0,40}?\b(?:data|results|readout)\b", re.I)


def _trial_and_phase(view: SentenceView, reading: ReleaseContext, refers_back: bool = False) -> tuple[str | None, str | None, bool]:
    trial = reading.trial_of(view)
    if trial is None and refers_back:
        trial = _trial_in_paragraph(view, reading)
    phase = first_phase(view.text)
    if phase is None and trial is not None:
        return trial, reading.phase_of_trial(trial), False
    return trial, (phase.phase if phase else None), bool(phase and phase.ambiguous)


def _trial_in_paragraph(view: SentenceView, reading: ReleaseContext) -> str | None:
    for earlier in reversed(reading.views[:view.index]):
        if earlier.sentence.block != view.sentence.block:
            return None
        if earlier.trials:
            return earlier.trials[-1][1]
    return None


def _occurred(view: SentenceView):
    past = [t for t in view.times if not t.forward]
    return past[0].occurred if past else None


def _subject_or_skip(view: SentenceView) -> list[str | None]:
    return [view.subject] if view.subject is not None or view.undisclosed else []


def _top_line(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    non_inferior, negative, positive = _NON_INFERIOR.search(text), _NEGATIVE.search(text), _POSITIVE.search(text)
    mixed = _MIXED.search(text)
    if mixed and (positive or negative):
        outcome, cue = "mixed", mixed
    elif non_inferior and re.search(r"\b(?:met|meet|meeting|achiev\w+|demonstrat\w+|showed)\b", text, re.I):
        outcome, cue = "non_inferior", non_inferior
    elif negative:
        outcome, cue = "negative", negative
    elif positive:
        outcome, cue = "positive", positive
    else:
        return []
    if _NOT_RESULT.search(text[max(0, cue.start() - 50):cue.end()]):
        return []
    trial, phase, ambiguous = _trial_and_phase(view, reading, refers_back=True)
    endpoint = endpoint_in(text)
    return [fact(TopLineReported, view, confidence_for(view, ambiguous=ambiguous), compound=compound, trial=trial,
                 phase=phase, outcome=outcome, endpoint=None if endpoint == "non-inferiority" else endpoint,
                 occurred_on=_occurred(view))
            for compound in _subject_or_skip(view)]


def _trial_started(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    cue = _STARTED.search(text)
    if not cue or not _CLINICAL.search(text) or _NOT_STARTED.search(text):
        return []
    trial, phase, ambiguous = _trial_and_phase(view, reading)
    if trial is not None and not any(abs(start - cue.start()) < 60 for start, _ in view.trials):
        trial = None  # a trial named elsewhere in a long sentence is not the one that started
    compounds = reading.compounds_near(view, cue.start(), cue.end(), after=True) if re.search(r"dosed|treated", cue.group(0)) else []
    if view.undisclosed:
        compounds = [None]
    compounds = compounds or _subject_or_skip(view)
    return [fact(TrialStarted, view, confidence_for(view, ambiguous=ambiguous), compound=compound, trial=trial,
                 phase=phase, occurred_on=_occurred(view))
            for compound in compounds[:1]]


def _trial_design(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    registry = registry_ids_in(text)
    terms = design_terms_in(text)
    enrollment = enrollment_in(text, designed=terms >= 2)
    arms = arms_in(text)
    primary = primary_endpoint_in(text)
    about_a_trial = bool(re.search(r"\b(?:trial|study)\b", text, re.I))
    if not (registry or arms or primary or (about_a_trial and (enrollment or terms >= 2))):
        return []
    trial, phase, ambiguous = _trial_and_phase(view, reading, refers_back=True)
    return [fact(TrialDesignReported, view, confidence_for(view, ambiguous=ambiguous), compound=compound, trial=trial,
                 phase=phase, registry_ids=registry, enrollment=enrollment, arms=arms, primary_endpoint=primary)
            for compound in _subject_or_skip(view)]


#: Words that announce a presentation still to come: its days without a year fall on or after publication.
_AHEAD = re.compile(
    r"\b(?:will|to) be (?:presented|reported|shown|featured|given|held)\b|\b(?:are|is) being (?:presented|reported|featured|held)\b"
    r"|\bwill (?:present|report|feature|take place|be held)\b|\bupcoming\b|\btaking place\b|\baccepted for (?:\w+\s+)?presentation\b"
    r"|\bscheduled (?:for|to)\b|\bto present\b", re.I)


def _presented_on(view: SentenceView, reading: ReleaseContext, year: int | None):
    """The day or month of a presentation: from the sentence, else the heading just above it.

    A day written without a year ("Saturday, June 4") is in the year of the meeting where the release names
    one, else in the year ahead when the sentence, its heading or the release's announcement of the meeting
    looks ahead ("are being presented", "will be presented", "taking place"), else in the year past.
    """
    source, times = view, [t for t in view.times if not t.forward]
    if not times:
        for earlier in reversed(reading.views[max(0, view.index - 3):view.index]):
            if earlier.is_heading and earlier.times:
                source, times = earlier, earlier.times
                break
    if not times:
        return None
    chosen = times[0]
    if chosen.occurred == chosen.expected:
        return chosen.occurred
    if year is not None:
        fitting = [w for w in (chosen.occurred, chosen.expected) if w.first_day.year == year]
        if fitting:
            return fitting[0]
    announcement = next((v for v in reading.views if not v.boilerplate and conferences_in(v.text)), None)
    ahead = any(_AHEAD.search(v.text) for v in (view, source, announcement) if v is not None)
    return chosen.expected if ahead else chosen.occurred


def _data_presented(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    cue = _PRESENTED.search(text)
    if not cue or _NOT_PRESENTED.search(text):
        return []
    abstracts = [m["number"] or m["plain"] for m in _ABSTRACT.finditer(text)] if re.search(r"\babstracts?\b", text, re.I) else []
    conferences = conferences_in(text)
    if not (conferences or abstracts or _PRESENTED_DATA.search(text)):
        return []
    if not (view.named or abstracts or view.trials):
        return []
    conference = conferences[0] if conferences else (reading.first_conference if abstracts else None)
    label = None
    if conference is not None:
        named = reading.first_conference
        year = conference.year or (named.year if named is not None and named.acronym == conference.acronym else None) or next((t.occurred.first_day.year for t in view.times if not t.forward and re.match(r"\d{4}", t.occurred.text)), None)
        label = f"{conference.acronym} {year}" if year else conference.acronym
    trial, phase, ambiguous = _trial_and_phase(view, reading)
    presented_on = _presented_on(view, reading, year if conference is not None else None)
    if abstracts:
        compounds = _subject_or_skip(view)
    else:
        after = bool(_PRESENTS_WHAT_FOLLOWS.match(text, cue.start())) or not any(m.end <= cue.start() for m, _ in view.subjects())
        compounds = reading.compounds_near(view, cue.start(), cue.end(), after=after)
        compounds = compounds or _subject_or_skip(view)
    trials = list(dict.fromkeys(name for _, name in view.trials))
    named = list(dict.fromkeys(reading.name(m.written) for m, _ in view.subjects()))
    trial_of = dict(zip(abstracts, trials)) if _respectively(abstracts, trials, text) else {}
    compound_of = dict(zip(abstracts, named)) if _respectively(abstracts, named, text) else {}
    pairs = list(compound_of.items()) if compound_of else [(a, c) for c in compounds for a in abstracts or [None]]
    facts = []
    for abstract, compound in pairs:
        facts.append(fact(DataPresented, view, confidence_for(view, ambiguous=ambiguous), compound=compound,
                          conference=label, abstract=abstract, trial=trial_of.get(abstract, trial), phase=phase,
                          presented_on=presented_on, occurred_on=presented_on))
    return facts


def _respectively(values: list, names: list, text: str) -> bool:
    """True when a sentence pairs two lists in order: "the A and B trials (abstracts #1 and #2, respectively)"."""
    return len(values) > 1 and len(values) == len(names) and bool(re.search(r"\brespectively\b", text))


def _development_status(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    match = _STATUS.search(text)
    if not match or re.search(r"\bnot\s+(?:\w+\s+)?$", text[max(0, match.start() - 12):match.start() + 4]):
        return []
    if match["approved"]:
        if re.search(r"\bnot\b", text[max(0, match.start() - 15):match.end()]):
            return []
        phase, ambiguous = "approved", False
    else:
        mentions = phases_in(match.group(0))
        if not mentions:
            return []
        phase, ambiguous = mentions[0].phase, mentions[0].ambiguous
    compounds = reading.compounds_near(view, match.start(), match.end(), after=bool(match["phase2"])) or _subject_or_skip(view)
    indication = re.search(r"\b(?:testing|development|trials?) for (?P<what>[^.;]+?)(?:\.|;|$)", text[match.start():])
    return [fact(DevelopmentStatusReported, view, confidence_for(view, ambiguous=ambiguous), compound=compound,
                 phase=phase, indication=indication["what"] if indication else None)
            for compound in compounds[:1]]


def _readout_expected(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    match = _READOUT.search(text)
    if not match or not view.times:
        return []
    trial, phase, _ = _trial_and_phase(view, reading)
    chosen = min(view.times, key=lambda t: abs(t.start - match.start()))
    return [fact(ReadoutExpected, view, confidence_for(view, hedged=True), compound=compound, trial=trial, phase=phase,
                 expected_by=chosen.window_end)
            for compound in _subject_or_skip(view)]


def read_clinical(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    """Every clinical fact a sentence states."""
    if view.boilerplate:
        return []
    return (_top_line(view, reading) + _trial_started(view, reading) + _trial_design(view, reading)
            + _data_presented(view, reading) + _development_status(view, reading) + _readout_expected(view, reading))
