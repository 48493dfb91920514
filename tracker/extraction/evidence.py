"""Facts tied to the sentence they were read from."""
from __future__ import annotations

from typing import TypeVar

from tracker.domain.facts import Fact
from tracker.extraction.context import SentenceView

#: Confidence of a fact the sentence states outright about a compound it names.
STATED = 0.9
#: ... about a compound carried from an earlier sentence ("It", "This event", "the compound").
CARRIED = 0.75
#: ... resting on an OCR slip that leaves the value ambiguous ("Phase Il": II or III).
AMBIGUOUS = 0.6

F = TypeVar("F", bound=Fact)


def confidence_for(view: SentenceView, *, ambiguous: bool = False, hedged: bool = False) -> float:
    """How sure a fact read from `view` is: lower when its subject is inferred or its wording unsure."""
    value = STATED if view.named or view.undisclosed else CARRIED
    if hedged:
        value -= 0.1
    if ambiguous:
        value = min(value, AMBIGUOUS)
    return round(value, 2)


def fact(cls: type[F], view: SentenceView, confidence: float, **fields) -> F:
    """A fact of type `cls` quoting the whole sentence of `view`, verbatim from the release."""
    sentence = view.sentence
    return cls(quote=sentence.quote, line=sentence.line, offset=sentence.start, confidence=confidence, **fields)
