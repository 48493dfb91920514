"""Whether one indication is the same as, or broader than, another, read from the words releases use.

Releases word one indication many ways ("HER2-positive MBC", "HER2-positive
metastatic breast cancer", "inoperable or recurrent HER2-positive breast
cancer"). To tell whether a later phase or approval supersedes an earlier
row, an indication is reduced to its terms: the disease words, abbreviations
spelt out, with the qualifiers that narrow it (stage, line of therapy, prior
treatment) each folded to one word. An indication covers another when its
terms are a subset of the other's: fewer qualifiers is broader, so an
approval in "HER2-positive breast cancer" covers a Phase II in "second-line
HER2-positive metastatic breast cancer", never the reverse, and an approval
for pretreated patients never covers a first-line programme.
"""
from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mbc": "metastatic breast cancer", "ebc": "early breast cancer", "bc": "breast cancer",
    "nsclc": "non-small cell lung cancer", "sclc": "small cell lung cancer", "crc": "colorectal cancer",
    "mcrc": "metastatic colorectal cancer", "hcc": "hepatocellular carcinoma", "rcc": "renal cell carcinoma",
    "aml": "acute myeloid leukemia", "cll": "chronic lymphocytic leukemia", "mm": "multiple myeloma",
    "nhl": "non-hodgkin lymphoma", "hl": "hodgkin lymphoma", "dlbcl": "diffuse large b-cell lymphoma",
    "salcl": "systemic anaplastic large cell lymphoma", "gej": "gastroesophageal junction",
    "mcrpc": "metastatic castration-resistant prostate cancer", "ipf": "idiopathic pulmonary fibrosis",
}
#: Words that say how far the disease has gone, all one qualifier: what they narrow the same.
_ADVANCED = {"metastatic", "advanced", "inoperable", "unresectable", "recurrent", "locally"}
#: Lines of therapy and prior treatment, folded to "untreated" or "pretreated".
_LINES = (
    (re.compile(r"\b(?:who|that)\s+(?:have\s+|has\s+|had\s+)?(?:previously\s+|already\s+|prior\s+)?"
                r"(?:received|been\s+treated\s+with|progressed\s+(?:on|after))\b[^,;]*"), " pretreated "),
    (re.compile(r"\b(?:previously|prior)\s+treated\b|\bpre-?treated\b|\brelapsed\b|\brefractory\b"
                r"|\b(?:second|third|later)[- ]lines?\b|\b[23]l\b"), " pretreated "),
    (re.compile(r"\b(?:previously\s+)?untreated\b|\btreatment-na[iï]ve\b|\bfirst[- ]lines?\b|\bfront[- ]?line\b"
                r"|\bnewly\s+diagnosed\b|\b1l\b"), " untreated "),
)
_FILLER = {"a", "an", "the", "of", "for", "with", "in", "and", "or", "to", "who", "as", "by", "on", "at",
           "patients", "patient", "people", "adults", "adult", "treatment", "treat", "treating", "therapy",
           "indication", "disease", "setting", "use", "monotherapy"}


#: Where a sentence names two indications at once ("for X and for the treatment of Y", "X; Y").
_BETWEEN_INDICATIONS = re.compile(r"\s*;\s*|,?\s+and\s+for\s+(?:the\s+treatment\s+of\s+)?", re.I)


def split_indications(text: str | None) -> list[str]:
    """The indications one text names: "adults with X and for the treatment of adults with Y" is two."""
    if not text:
        return []
    return [part.strip() for part in _BETWEEN_INDICATIONS.split(text) if part.strip()]


def indication_terms(text: str | None) -> frozenset[str]:
    """The terms of an indication: its disease words and folded qualifiers (empty when none is stated)."""
    if not text:
        return frozenset()
    folded = text.lower().replace("+", "-positive ").replace("‑", "-")
    for pattern, replacement in _LINES:
        folded = pattern.sub(replacement, folded)
    folded = re.sub(r"(\w)-(positive|negative|expressing|mutated|mutant)\b", r"\1\2", folded)
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", folded)
    spelt = " ".join(_ABBREVIATIONS.get(word, word) for word in words)
    terms = set()
    for word in re.findall(r"[a-z0-9]+", spelt.replace("-", " ")):
        if word in _FILLER:
            continue
        terms.add("advanced" if word in _ADVANCED else word)
    return frozenset(terms)


def covers(broader: frozenset[str], narrower: frozenset[str]) -> bool:
    """Whether an indication with terms `broader` is the same as, or broader than, one with terms `narrower`."""
    return bool(broader) and broader <= narrower


def related(first: str | None, second: str | None) -> bool:
    """Whether two indications may be the same programme: one of them unstated, or one covering the other."""
    a, b = indication_terms(first), indication_terms(second)
    return not a or not b or covers(a, b) or covers(b, a)
