"""Data presented: a poster, an oral presentation or an abstract at a medical meeting, or a publication.

A day written without a year ("Saturday, June 4") is in the year of the meeting where the release names
one, else in the year ahead when the sentence, its heading or the release's announcement of the meeting
looks ahead ("are being presented", "will be presented", "taking place"), else in the year past.
"""
from __future__ import annotations

import re

from tracker.extraction.candidates import Candidate
from tracker.extraction.conferences import conferences_in
from tracker.extraction.context import ReleaseContext, SentenceView
from tracker.extraction.rows import Cue, Example, Family, Modality, Readings
from tracker.extraction.slots import trial_and_phase

PRESENTED = "DataPresented"

CUES = (
    Cue(r"\b(?P<cue>present(?:ed|s|ing)?|presentations?|posters?|oral (?:presentation|session)s?|abstracts?)\b",
        example=Example("Data on velotamab were presented in a poster at the 2021 ASH Annual Meeting, Abstract: 2210.",
                        {"type": PRESENTED, "compound": "velotamab", "conference": "ASH 2021", "abstract": "2210"})),
    # "data were highlighted in a late-breaking session at ...", "will be featured at ...", "results were shared during ..."
    Cue(r"\b(?P<cue>featured|highlighted|showcased|shared|unveiled|debuted|discussed|delivered)\s+(?:[\w-]+\s+){0,6}?(?:at|during)\s+(?:the\s+)?(?=\d|[A-Z])",
        example=Example("Velotamab data were highlighted in a late-breaking session at the American Heart Association Scientific Sessions 2020.",
                        {"type": PRESENTED, "compound": "velotamab", "conference": "AHA 2020"})),
    Cue(r"\b(?P<cue>reported)\s+(?:\w+\s+){0,4}at\b",
        example=Example("The first results of the RIVET trial of velotamab were reported at the European Hematology Association congress in June 2020.",
                        {"type": PRESENTED, "compound": "velotamab", "conference": "EHA 2020", "trial": "RIVET", "presented_on": "2020-06"})),
)

MODALITIES = (
    # A presentation still to come is one where the sentence names its meeting or abstract ("will present data
    # at ASCO 2021"); one at "an upcoming medical meeting" names nothing to track yet (the reader drops it).
    Modality(r"will be|to be|upcoming|future|submitted for|planned|when they are|plans? to|intends? to|expects? to|look(?:s|ing)? forward|will present"
             r"|will (?:share|highlight|feature|report)|to (?:present|showcase|highlight|share)",
             PRESENTED, scope="sentence", sure=0.85, fields={"planned": True},
             example=Example("Detailed velotamab results from the RIVET trial will be presented at the 2021 ASCO Annual Meeting.",
                             {"type": PRESENTED, "compound": "velotamab", "conference": "ASCO 2021", "occurred_on": None})),
    Modality(r"accepted for|selected for", PRESENTED, scope="sentence", sure=0.85, fields={"planned": True},
             example=Example("An abstract on the RIVET results for velotamab has been accepted for an oral presentation at the AACR Annual Meeting 2022.",
                             {"type": PRESENTED, "compound": "velotamab", "conference": "AACR 2022", "occurred_on": None})),
)

_PRESENTS_WHAT_FOLLOWS = re.compile(r"presentation of|present(?:ed|s|ing)? (?:\w+\s+){0,3}(?:data|findings|results)")
_PRESENTED_DATA = re.compile(r"\bpresent(?:ed|ation of|s)?\s+(?:\w+\s+){0,3}(?:data|findings|results)\b|\b(?:data|findings|results)\s+(?:\w+\s+){0,3}(?:were|was|are being|have been|has been|is being)\s+(?:\w+ly\s+|first\s+)?(?:presented|reported)\b")
_ABSTRACT = re.compile(r"#\s?(?P<number>[A-Z]{0,4}\d{2,6}[A-Z]?)\b|\babstract(?:\s*:\s*|\s+)(?:No\.?\s*:?\s*|number\s*:?\s*|#\s?)?(?P<plain>[A-Z]{0,4}\d{2,6}[A-Z]?)\b", re.I)
_ABSTRACT_LIST = re.compile(r"\babstracts?\s*(?:#|No\.|numbers?)\s?[A-Z]{0,4}\d{2,6}(?P<rest>(?:\s*(?:,|and)\s*#?\s?[A-Z]{0,4}\d{2,6}\b)+)", re.I)
#: Words that announce a presentation still to come: its days without a year fall on or after publication.
_AHEAD = re.compile(
    r"\b(?:will|to) be (?:presented|reported|shown|featured|given|held)\b|\b(?:are|is) being (?:presented|reported|featured|held)\b"
    r"|\bwill (?:present|report|feature|take place|be held)\b|\bupcoming\b|\btaking place\b|\baccepted for (?:\w+\s+)?presentation\b"
    r"|\bscheduled (?:for|to)\b|\bto present\b", re.I)


def _presented_on(view: SentenceView, release: ReleaseContext, year: int | None):
    source, times = view, _own_times(view)
    if not times:
        for earlier in reversed(release.views[max(0, view.index - 3):view.index]):
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
    announcement = next((v for v in release.views if not v.boilerplate and conferences_in(v.text)), None)
    ahead = any(_AHEAD.search(v.text) for v in (view, source, announcement) if v is not None)
    return chosen.expected if ahead else chosen.occurred


#: "X today announced", "reported today": the day of the release, not of the presentation.
_ANNOUNCED_TODAY = re.compile(r"today\s+(?:announced|reported|highlighted|provided|shared|issued|presented\s+an?\s+update)\b", re.I)
_TODAY_ANNOUNCED = re.compile(r"\b(?:announced|reports?|reported)\s+today$", re.I)


def _own_times(view: SentenceView):
    """The past times of a sentence that may date its presentation, the most precise first where several are left
    (a year named with the meeting and its month: the month):
    never the year in a meeting's name ("ASCO 2021" dates no day) nor the "today" of "X today announced" while
    the sentence gives another time."""
    times = [t for t in view.times if not t.forward]
    meetings = conferences_in(view.text)
    dated = [t for t in times if not any(c.start <= t.start and t.end <= c.end for c in meetings)
             and not _ANNOUNCED_TODAY.match(view.text, t.start) and not _TODAY_ANNOUNCED.search(view.text[max(0, t.start - 16):t.end])]
    if dated and (len(dated) < len(times) or len(dated) > 1):  # "at ESMO Congress 2024 in September 2024": the month
        return sorted(dated, key=lambda t: (t.occurred.last_day - t.occurred.first_day).days)
    return times


def _respectively(values: list, names: list, text: str) -> bool:
    """True when a sentence pairs two lists in order: "the A and B trials (abstracts #1 and #2, respectively)"."""
    return len(values) > 1 and len(values) == len(names) and bool(re.search(r"\brespectively\b", text))


def read(candidate: Candidate) -> Readings:
    view, release, text = candidate.view, candidate.release, candidate.text
    abstracts = [m["number"] or m["plain"] for m in _ABSTRACT.finditer(text)] if re.search(r"\babstracts?\b", text, re.I) else []
    for listed in _ABSTRACT_LIST.finditer(text):  # "(Abstract # 2509, 4505, 7509 and 8507)"
        abstracts += [n for n in re.findall(r"\b[A-Z]{0,4}\d{2,6}\b", listed["rest"]) if n not in abstracts]
    conferences = conferences_in(text)
    if not (conferences or abstracts or _PRESENTED_DATA.search(text)):
        return []
    # a sentence naming no compound nor trial tells of its paragraph's compound only where it names the meeting and says data were
    # presented there ("Results from both trials were presented at the EADV Congress in October 2020")
    carried_data = view.carried == "paragraph" and bool(conferences) and bool(_PRESENTED_DATA.search(text[:1].lower() + text[1:]))
    if not (view.named or abstracts or view.trials or carried_data):
        return []
    planned = candidate.modality is not None and bool(candidate.modality.fields.get("planned"))
    if planned and not (conferences or abstracts):
        if release.first_conference is None or not _PRESENTED_DATA.search(text):
            return []
        conferences = [release.first_conference]  # "investigators will present data from RIVET": at the meeting the release is about
    # "presented at the meeting", "the congress": the meeting the release named before.
    back = re.search(r"\bat (?:the|this) (?:meeting|congress|conference|symposium)\b", text, re.I)
    conference = conferences[0] if conferences else (release.first_conference if abstracts or back else None)
    label, year = None, None
    if conference is not None:
        named = release.first_conference
        year = conference.year or (named.year if named is not None and named.acronym == conference.acronym else None) or next(
            (t.occurred.first_day.year for t in view.times if not t.forward and re.match(r"\d{4}", t.occurred.text)), None)
        label = f"{conference.acronym} {year}" if year else conference.acronym
    trial, phase, ambiguous = trial_and_phase(view, release)
    presented_on = _presented_on(view, release, year)
    if abstracts:
        compounds = candidate.compounds("subject")
    else:
        after = bool(_PRESENTS_WHAT_FOLLOWS.match(text, candidate.start)) or not any(m.end <= candidate.start for m, _ in view.subjects())
        compounds = candidate.compounds("after" if after else "before")
    trials = list(dict.fromkeys(name for _, name in view.trials))
    named_compounds = list(dict.fromkeys(release.name(m.written) for m, _ in view.subjects()))
    trial_of = dict(zip(abstracts, trials)) if _respectively(abstracts, trials, text) else {}
    compound_of = dict(zip(abstracts, named_compounds)) if _respectively(abstracts, named_compounds, text) else {}
    pairs = list(compound_of.items()) if compound_of else [(a, c) for c in compounds for a in abstracts or [None]]
    return [dict(compound=compound, conference=label, abstract=abstract, trial=trial_of.get(abstract, trial), phase=phase,
                 presented_on=presented_on, occurred_on=None if planned else presented_on, ambiguous=ambiguous)
            for abstract, compound in pairs]


FAMILY = Family("presentations", PRESENTED, CUES, read, (), MODALITIES, exclusive=True, keywords=("present", "poster", "oral", "abstract", "reported", "featured", "highlighted", "showcased", "shared", "unveiled",
                                                                              "debuted", "discussed", "delivered"))
