"""The engine: walks the registry over a sentence and turns every cue it finds into facts.

For each family whose context the sentence holds, each cue found is a candidate; the first of the family's
modalities found around it decides what it states (or that it states nothing); the family's reader fills
the slots; and the confidence says how sure the reading is: how the compound was found (named in the
sentence, carried from the paragraph, or the release's subject), how sure the cue is, and which slots
stayed empty.
"""
from __future__ import annotations

import re
from typing import Any

from tracker.domain.facts import FACT_TYPES, Fact
from tracker.extraction.calibration import calibrated
from tracker.extraction.candidates import Candidate
from tracker.extraction.clauses import clause_around
from tracker.extraction.context import ReleaseContext, SentenceView
from tracker.extraction.prefilter import any_in, foldable, may_match
from tracker.extraction.rows import Cue, Family, Modality
from tracker.extraction.rules import REGISTRY

#: Confidence of a fact the sentence states about a compound it names (or says it does not disclose).
NAMED = 0.9
#: ... about the compound its paragraph was last about ("It", "The approval", "This event").
CARRIED = 0.75
#: ... about the release's subject, the sentence naming no compound and its paragraph none before it.
RELEASE_SUBJECT = 0.7
#: The most a fact resting on an OCR slip that leaves a value ambiguous ("Phase Il": II or III) is given.
AMBIGUOUS = 0.6
#: The lowest confidence a candidate is given: it waits in review, never lost.
FLOOR = 0.1


def read_sentence(view: SentenceView, release: ReleaseContext, earlier: list[Fact], families: tuple[Family, ...] = REGISTRY) -> list[Fact]:
    """Every fact a sentence states, family by family, in the order of the registry."""
    if view.boilerplate:
        return []
    facts: list[Fact] = []
    lowered = view.text.lower()
    fold = foldable(view.text)
    for family in families:
        if view.background and not family.background:
            continue
        if family.keywords and not any_in(family.keywords, lowered):
            continue
        if family.context_pattern is not None and not family.context_pattern.search(view.lead_in + " " + view.text):
            continue
        read_for: set[str | None] = set()
        for cue in family.cues:
            if not may_match(cue.required, lowered, fold):
                continue
            for match in cue.pattern.finditer(view.text):
                states, modality = _modality(family, cue, view.text, match)
                if states is None:
                    continue
                candidate = Candidate(view, release, family, cue, match, states, modality, earlier + facts)
                readings = family.read(candidate)
                if family.exclusive:
                    readings = [fields for fields in readings if fields.get("compound") not in read_for]
                    read_for |= {fields.get("compound") for fields in readings}
                if view.carried == "paragraph" and _needs_name(family, candidate):
                    readings = [fields for fields in readings if _named_here(candidate, fields.get("compound"))]
                facts += [_fact(candidate, fields) for fields in readings]
    return facts


def _needs_name(family: Family, candidate: Candidate) -> bool:
    """Whether what the candidate states must name its compound in the sentence (see `Family.named_only`)."""
    return candidate.states in family.named_only


#: The month May ("In May, the FDA approved ...", "on May 3", "by May 2020"): no modal verb ("may receive"). Written
#: out of the modalities' way, letter for letter, so that every offset stays where it was.
_MONTH_MAY = re.compile(r"(?:(?<=\b[Ii]n )|(?<=\b[Oo]n )|(?<=\bof )|(?<=\bby )|(?<=\bto )|(?<=\bsince )|(?<=\buntil )|(?<=\bearly )"
                        r"|(?<=\bmid-)|(?<=\bmid )|(?<=\blate )|(?<=\bthrough )|(?<=\bduring )|(?<=\band )|(?<=\bfrom )|(?<=\bbetween ))May\b"
                        r"|\bMay(?=\s+\d|,?\s+(?:19|20)\d\d\b)")


def _modality(family: Family, cue: Cue, text: str, match: re.Match[str]) -> tuple[str | None, Modality | None]:
    """What the cue states once the words around it are read: the first modality of the family found
    before, after or around the words the cue matched."""
    start, end = match.span()
    if "May" in text:
        text = _MONTH_MAY.sub("Maj", text)
    for modality in family.modalities:
        if _found(modality, text, start, end):
            return modality.becomes, modality
    return cue.states or family.states, None


def _found(modality: Modality, text: str, start: int, end: int) -> bool:
    if modality.scope == "before":
        return bool(modality.pattern.search(text[max(0, start - modality.reach):start]))
    if modality.scope == "after":
        return bool(modality.pattern.search(text[end:end + modality.reach]))
    if modality.scope == "clause":
        left, right = clause_around(text, start, end)
        return bool(modality.pattern.search(text[left:right]))
    return bool(modality.pattern.search(text))


def _named_here(candidate: Candidate, compound: str | None) -> bool:
    view = candidate.view
    if compound is None:
        return view.undisclosed
    return any(candidate.release.name(mention.written) == compound for mention in view.mentions)


def _confidence(candidate: Candidate, fields: dict[str, Any]) -> float:
    compound = fields.get("compound")
    if _named_here(candidate, compound):
        value = NAMED
    elif candidate.view.carried == "paragraph":
        value = CARRIED
    else:
        value = RELEASE_SUBJECT
    value *= candidate.cue.sure * (candidate.modality.sure if candidate.modality is not None else 1.0)
    if candidate.expected:
        value -= 0.05
    kind = fields.get("type", candidate.states)
    for slot in candidate.family.slots:
        if (not slot.of or kind in slot.of) and fields.get(slot.field) in (None, (), ""):
            value -= slot.weight
    value = calibrated(kind, round(min(0.95, max(FLOOR, value)), 2))  # what such readings measured on the dev parts
    if fields.pop("ambiguous", False):
        value = min(value, AMBIGUOUS)
    return round(min(0.95, max(FLOOR, value)), 2)


def _fact(candidate: Candidate, fields: dict[str, Any]) -> Fact:
    fields = dict(fields)
    for name, value in candidate.cue.fields.items():
        if fields.get(name) is None:
            fields[name] = value
    if candidate.modality is not None:
        fields.update(candidate.modality.fields)
    confidence = _confidence(candidate, fields)
    cls = FACT_TYPES[fields.pop("type", candidate.states)]
    known = {name: value for name, value in fields.items() if name in cls.model_fields}
    sentence = candidate.view.sentence
    return cls(quote=sentence.quote, line=sentence.line, offset=sentence.start, confidence=confidence, **known)
