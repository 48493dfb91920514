"""A learned second opinion on a sentence: how likely it is to state an event of each type.

`sentence_model.json`, written by `scripts/train_sentence_model.py` from the dev parts of the labelled corpora
only (never a check part), holds a linear model: for each word and pair of words ("fda approved") its inverse
document frequency and, per fact type, its weight. A sentence is scored here in plain Python, the same way
the training library scored it: term counts (1 + log), times the idf, scaled to unit length, dotted with each
type's weights, plus the type's intercept, through the logistic function. No library, no randomness: the same
sentence always gets the same scores. A type the table does not know has no opinion (None).
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("sentence_model.json")

_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_DIGIT = re.compile(r"[0-9]")


def features(text: str) -> list[str]:
    """The words of a sentence (lower case, digits as 0) and each pair of neighbouring words."""
    words = [_DIGIT.sub("0", word) for word in _WORD.findall(text.lower())]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@cache
def _model() -> dict | None:
    if not TABLE.is_file():
        return None
    model: dict = json.loads(TABLE.read_text(encoding="utf-8"))
    return model


@lru_cache(maxsize=4096)
def scores(text: str) -> dict[str, float]:
    """Type -> the model's probability that the sentence states an event of that type ({} without a model)."""
    model = _model()
    if model is None:
        return {}
    idf: dict[str, float] = model["idf"]
    counts = Counter(feature for feature in features(text) if feature in idf)
    weights = {feature: (1.0 + math.log(n)) * idf[feature] for feature, n in counts.items()}
    norm = math.sqrt(sum(value * value for value in weights.values())) or 1.0
    result = {}
    for kind, row in model["types"].items():
        coefficients: dict[str, float] = row["weights"]
        z = row["intercept"] + sum(value * coefficients.get(feature, 0.0) for feature, value in weights.items()) / norm
        result[kind] = 1.0 / (1.0 + math.exp(-z))
    return result


def score(kind: str, text: str) -> float | None:
    """The model's probability that `text` states an event of type `kind`; None where it has no opinion."""
    return scores(text).get(kind)


#: False while the model is being measured or the calibration built (facts keep the rules' confidence).
ENABLED = True
#: Below this probability of its type, the model doubts a fact the rules read.
DOUBT = 0.05
#: The most confidence a doubted fact keeps: under the review threshold, so that it waits in `tracker review`.
DOUBTED = 0.45


def weighed(kind: str, text: str, confidence: float) -> float:
    """The confidence of a fact of type `kind` the rules read from `text`, once the model has had its say:
    capped at DOUBTED where the model finds the sentence unlikely to state such an event, else unchanged."""
    if not ENABLED:
        return confidence
    probability = score(kind, text)
    if probability is None or probability >= DOUBT:
        return confidence
    return min(confidence, DOUBTED)
