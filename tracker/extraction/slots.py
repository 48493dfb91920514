"""Slot readers every family shares: when a fact happened or is expected, for what indication, under which
application, in which region."""
from __future__ import annotations

import re
from datetime import date

from tracker.dates import PartialDate
from tracker.extraction.context import ReleaseContext, SentenceView
from tracker.extraction.phases import first_phase
from tracker.extraction.places import Place, places_in
from tracker.extraction.timing import TimeExpression
from tracker.lexicon import APPLICATIONS

_APPLICATION = re.compile(rf"(?<![\w-])(?:{'|'.join(f'(?P<a{i}>{written})' for i, (_, written, _) in enumerate(APPLICATIONS))})s?(?![\w-])")
_INDICATION = re.compile(
    r"\b(?:for the (?:(?:first|second|third)-line\s+)?(?:treatment|prevention|prophylaxis|preventive treatment|prophylactic treatment|management) of|to treat|indicated for"
    r"|as (?:a|an) (?:\w+\s+){0,2}treatment (?:for|of)|for use in|for (?=(?:adult |pediatric |paediatric )?(?:patients|people|adults|children) with))"
    r"\s+(?P<what>[^,;]+?)(?=\s+(?:based on|who|in (?:the )?(?:EU|US|U\.S\.|Japan|China|Europe)|and (?:(?:full|conditional|accelerated|regular)\s+)?approval)|[,;:]|\.$|$)")


def application_in(text: str) -> str | None:
    """The kind of marketing application a text names, in its short form ("New Drug Application" is NDA)."""
    match = _APPLICATION.search(text)
    if not match:
        return None
    return next(APPLICATIONS[int(name[1:])][0] for name, value in match.groupdict().items() if value)


def region_of_application(application: str | None) -> str | None:
    return next((region for short, _, region in APPLICATIONS if short == application), None)


def indication_in(text: str) -> str | None:
    """The indication a text names after "for the treatment of", "to treat", "indicated for" and the like."""
    match = _INDICATION.search(text)
    if not match or len(match["what"]) < 6:
        return None
    return match["what"].strip()


def occurred_near(view: SentenceView, start: int) -> PartialDate | None:
    """The past time nearest a cue at `start` ("earlier this year", "In March 2014", "today")."""
    candidates = [t for t in view.times if not t.forward and not t.after_publication]
    if not candidates:
        return None
    return min(candidates, key=lambda t: abs(t.start - start)).occurred


def expected_by(times: list[TimeExpression], start: int = 0) -> date | None:
    """The last day of the window an expectation names: the time nearest after `start`, else the last before."""
    after = [t for t in times if t.start >= start]
    chosen = after[0] if after else (times[-1] if times else None)
    return chosen.window_end if chosen else None


def region_named_in(text: str) -> str | None:
    """The region a text names without its regulator: "file a New Drug Application in Japan"."""
    for place in places_in(text):
        if place.agency is None and re.search(r"\b(?:in|for)\s+(?:the\s+)?$", text[:place.start]):
            return place.region
    return None


def places_after(text: str, start: int, end: int) -> list[Place]:
    """Regions named after a compound: "in Europe and the UK", "in the U.S.", "by the European Commission"."""
    segment = text[start:end]
    next_statement = re.search(r",\s+(?=[a-z]|we\b|our\b|I\b)|\s+while\b", segment)
    if next_statement:
        segment = segment[:next_statement.start()]
    found: list[Place] = []
    for place in places_in(segment):
        lead = segment[:place.start]
        if re.search(r"\b(?:in|by|from|across|of)\s+(?:the\s+)?(?:\w+'s\s+)?$|(?:,|\band)\s+(?:in\s+)?(?:the\s+)?$", lead) and (
                not found or re.search(r"\b(?:in|by)\b", lead)
                or re.fullmatch(r"\s*(?:,|and|,\s*and)\s+(?:in\s+)?(?:the\s+)?", segment[found[-1].end:place.start])):
            found.append(Place(start + place.start, start + place.end, place.region, place.agency))
    return found


def trial_and_phase(view: SentenceView, release: ReleaseContext, refers_back: bool = False) -> tuple[str | None, str | None, bool]:
    """The trial a sentence is about (one it names, "this study" referring back, or with `refers_back` the last
    one its paragraph named), its phase (the sentence's, else the one the release gives the trial), and
    whether that phase rests on an OCR slip ("Phase Il")."""
    trial = release.trial_of(view)
    if trial is None and refers_back:
        trial = _trial_in_paragraph(view, release)
    phase = first_phase(view.text)
    if phase is None and trial is not None:
        return trial, release.phase_of_trial(trial), False
    return trial, (phase.phase if phase else None), bool(phase and phase.ambiguous)


def _trial_in_paragraph(view: SentenceView, release: ReleaseContext) -> str | None:
    for earlier in reversed(release.views[:view.index]):
        if earlier.sentence.block != view.sentence.block:
            return None
        if earlier.trials:
            return earlier.trials[-1][1]
    return None


def past_time(view: SentenceView) -> PartialDate | None:
    """The first time in the sentence read as the past."""
    past = [t for t in view.times if not t.forward and not t.after_publication]
    return past[0].occurred if past else None
