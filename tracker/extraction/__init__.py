"""The extraction engine: a release in, the facts it states out, each with its verbatim sentence.

    facts = extract(document)

ReleaseContext happens in two passes. The first (`ReleaseContext`) learns the release as a
whole: the names it uses and which are one compound, its trials, its issuer,
its reporting period, and which compound each sentence is about. The second
applies the rules of each event family sentence by sentence, then folds the
repeats a release makes (headline, bullets, body) into one fact each.
"""
from __future__ import annotations

from tracker.domain.facts import Fact, MilestoneAnticipated, MilestoneReceived, MilestoneTriggered, PartnershipRecorded
from tracker.extraction.affiliations import read_affiliations
from tracker.extraction.calibration import calibrated
from tracker.extraction.compound_aliases import read_aliases
from tracker.extraction.context import ReleaseContext
from tracker.extraction.engine import read_sentence
from tracker.extraction.merging import merge_repeats
from tracker.extraction.parties import one_spelling
from tracker.reading.releases import ReleaseDocument

__all__ = ["extract"]


def extract(document: ReleaseDocument) -> list[Fact]:
    """Every fact `document` states, in order of position in its text. Never raises on odd text."""
    if not document.text.strip():
        return []
    reading = ReleaseContext(document)
    facts: list[Fact] = []
    paragraph: list[Fact] = []
    block = None
    for view in reading.views:
        if view.sentence.block != block:
            block, paragraph = view.sentence.block, paragraph[-3:]
        found = read_sentence(view, reading, paragraph)
        paragraph += found
        facts += found
    tracked = {fact.compound for fact in facts if fact.compound is not None}
    if reading.main_compound:
        tracked.add(reading.main_compound)
    facts += [fact.model_copy(update={"confidence": calibrated(type(fact).__name__, fact.confidence)})
              for fact in read_aliases(reading, tracked) + read_affiliations(reading)]
    facts = merge_repeats(facts, reading.names.same, lambda a, b: reading.group_of(a) == reading.group_of(b))
    facts = _one_spelling_a_party(_with_payers(facts, reading), reading)
    return sorted(facts, key=lambda found: found.offset)


def _with_payers(facts: list[Fact], reading: ReleaseContext) -> list[Fact]:
    """Milestones whose payer the sentence leaves unnamed are paid by the compound's licensee, where the release names one."""
    licensees = {fact.compound: fact.partner for fact in facts
                 if isinstance(fact, PartnershipRecorded) and fact.role == "licensee"}
    completed = []
    for fact in facts:
        if isinstance(fact, (MilestoneTriggered, MilestoneAnticipated, MilestoneReceived)) and fact.payer is None:
            payer = next((partner for compound, partner in licensees.items()
                          if reading.names.same(compound, fact.compound) or compound is None and fact.compound is None), None)
            if payer and payer != fact.payee:
                fact = fact.model_copy(update={"payer": payer})
        completed.append(fact)
    return completed


def _one_spelling_a_party(facts: list[Fact], reading: ReleaseContext) -> list[Fact]:
    """Each payer and payee spelled one way: "Quillon Biologics" and "Quillon" in one release are Quillon.

    A party's spelling is taken from the companies the release names as its issuer, partners, payers and
    payees; a payment whose payer then reads as its payee keeps only the payee.
    """
    names = ({reading.issuer} if reading.issuer else set()) | {party for fact in facts for party in (getattr(fact, "payer", None), getattr(fact, "payee", None),
                                                                          getattr(fact, "partner", None)) if party}
    spelling = one_spelling(names)
    spelled = []
    for fact in facts:
        if getattr(fact, "payer", None) or getattr(fact, "payee", None):
            written = (getattr(fact, "payer", None), getattr(fact, "payee", None))
            payer, payee = (spelling.get(name, name) if name else name for name in written)
            if payer is not None and payer == payee:
                payer = None
            if (payer, payee) != written:
                fact = fact.model_copy(update={"payer": payer, "payee": payee})
        spelled.append(fact)
    return spelled
