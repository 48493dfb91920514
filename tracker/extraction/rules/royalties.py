"""Royalties: a sum reported for a period ("royalty revenue of $48.2 million in the quarter"), or a rate agreed
("tiered royalties of 20-25% on net sales", "mid-single digit royalties"). Each royalty cue of a sentence is
one royalty: "royalties of $54.1 million from sales of A, royalties of $11.6 million from B" are two."""
from __future__ import annotations

import re

from tracker.extraction.candidates import Candidate
from tracker.extraction.money import amounts_in
from tracker.extraction.payments import read_payment_parties
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Modality, Readings

ROYALTY = "RoyaltyReported"
_RATE_WORDS = (r"\d+(?:\.\d+)?\s?(?:%|percent)(?:\s?(?:-|to|–)\s?\d+(?:\.\d+)?\s?(?:%|percent))?|\d+(?:\.\d+)?\s?(?:-|to|–)\s?\d+(?:\.\d+)?\s?(?:%|percent)"
               r"|(?:low|mid|high)[- ](?:single|double)[- ]digits?|(?:low|mid|high)[- ]teens?|(?:single|double)[- ]digits?")
#: A rate stands after the cue ("royalties of 20-25%", "a royalty rate in the low teens") or before it ("mid-single digit royalties").
_RATE_AFTER = re.compile(rf"^\s*(?:rates?\s+)?(?:of|at|ranging from(?: the)?|in the|between(?: the)?|starting (?:in|at|from)(?: the)?)\s+(?:up to\s+|approximately\s+)?"
                         rf"(?P<rate>{_RATE_WORDS})", re.I)
#: A rate the clause gives after what the royalty is on: "royalties on net sales of VELTRO at rates in the low double digits".
_RATE_LATER = re.compile(rf"^{IN_CLAUSE}{{0,80}}?\bat\s+(?:a\s+)?(?:tiered\s+)?rates?\s+(?:in\s+the|of|between(?:\s+the)?|ranging\s+from(?:\s+the)?|from(?:\s+the)?)\s+"
                         rf"(?:up to\s+|approximately\s+)?(?P<rate>{_RATE_WORDS})", re.I)
#: "9% in royalties", "mid-single digit royalties", "tiered royalties".
_RATE_BEFORE = re.compile(rf"(?P<rate>{_RATE_WORDS}|tiered)\s+(?:in\s+|tiered\s+|sales\s+|net sales\s+|percentage\s+)?$", re.I)
#: A rate the royalty's clause changes it to, after words of their own ("the royalty rate at which Tamura pays on net sales
#: will be reduced from the high teens to low double digits"): the rate it comes to.
_RATE_CHANGED = re.compile(rf"^\s*rates?\b{IN_CLAUSE}{{0,160}}?\b(?:reduced|increased|lowered|raised|amended|changed|adjusted)\s+"
                           rf"(?:from\s+(?:the\s+)?(?:{_RATE_WORDS})\s+)?to\s+(?:the\s+)?(?P<rate>{_RATE_WORDS})", re.I)


CUES = (
    Cue(r"\b(?P<cue>royalt(?:y|ies))(?:\s+(?:revenues?|income|receipts))?\b",
        example=Example("Royalty revenue was $31.5 million for the second quarter of 2021, reflecting sales of VELTRO® (velotamab) by Tamura Pharma.",
                        {"type": ROYALTY, "compound": "velotamab", "amount": "31500000", "currency": "USD", "period": "2021-Q2"})),
)

MODALITIES = (
    Modality(r"no|not|without|royalty-free|free of", None, gap=1,
             example=Example("Tamura holds a royalty-free license to velotamab in Japan, where no royalties of 5% apply.", {"type": None})),
)


#: The words between a sum and the royalty it is: "$3.1 million in royalty revenue", "$12 million of royalties".
_SUM_BEFORE = re.compile(r"\s+(?:in|of)\s+(?:(?:non-?cash|cash|earned|total|net)\s+)?", re.I)


def _period(candidate: Candidate):
    text = candidate.text
    periods = [t for t in candidate.view.times if re.search(r"-(?:Q|H)\d$|^\d{4}$", t.occurred.text)
               and not re.search(r"compared (?:to|with)\s+(?:the\s+)?$", text[max(0, t.start - 20):t.start])
               and not re.match(r"\s*:", text[t.end:])]  # "(H1 2023: £11.2 million)" labels the comparison
    return periods[0].occurred if periods else candidate.release.period


def _only_royalty_product(release) -> str | None:
    """The one product a release names in its sentences on royalties ("Royalty revenue for the quarter was $39.6
    million" in the highlights, "royalty revenue derived from net sales of VELTRO" in the body), else None."""
    named = {release.name(m.written) for view in release.views if not view.boilerplate and "royalt" in view.text.lower()
             for m, _ in view.subjects()}
    return next(iter(named)) if len(named) == 1 else None


def read(candidate: Candidate) -> Readings:
    text, view, release = candidate.text, candidate.view, candidate.release
    following = [m.start() for m in candidate.cue.pattern.finditer(text) if m.start() > candidate.end]
    stop = following[0] if following else len(text)
    amounts = [m for m in amounts_in(text) if candidate.start < m.start < stop and m.start - candidate.end <= 60]
    if not amounts:  # "earned $3.1 million in royalty revenue", "$12 million of royalties": the sum just before the cue
        amounts = [m for m in amounts_in(text) if m.end <= candidate.start and _SUM_BEFORE.fullmatch(text[m.end:candidate.start])][-1:]
    rate = (_RATE_AFTER.match(text[candidate.match.end():]) or _RATE_CHANGED.match(text[candidate.match.end():])
            or _RATE_LATER.match(text[candidate.match.end():])
            or _RATE_BEFORE.search(text[max(0, candidate.start - 40):candidate.start]))
    if not amounts and not rate:
        return []
    money = amounts[0] if amounts else None
    named_before = [m for m, _ in view.subjects() if m.start < candidate.start]
    # "royalties of $54.1 million from global net sales of VELTRO", "reflecting sales of VELTRO by our partner"
    sold = [m for m, _ in view.subjects() if candidate.start < m.start < stop
            and re.search(r"\b(?:sales|net sales)\s+of\s+(?:[\w®™-]+\s+){0,2}$|\bfrom\s+(?:[\w-]+\s+){0,3}$"
                          r"|\b(?:sales|net sales)\s+of\s+(?:[A-Z][\w-]*[’']s\s+)(?:[\w()-]+\s+){0,5}$", text[max(0, m.start - 90):m.start])]
    compound: str | None
    if sold:
        compound = release.name(sold[0].written)
    elif named_before and not following and len({release.name(m.written) for m in named_before}) == 1:
        compound = release.name(named_before[0].written)
    else:
        compound = view.subject if (rate and not money) else _only_royalty_product(release)
    start, end = candidate.clause
    parties = read_payment_parties(text[start:end], candidate.start - start, release.issuer)
    return [dict(compound=compound, payer=parties.payer, payee=parties.payee or release.issuer,
                 amount=money.amount if money else None, currency=money.currency if money else None,
                 rate=rate["rate"] if rate and not money else None, period=_period(candidate), payment_kind="royalty")]


FAMILY = Family("royalties", ROYALTY, CUES, read, (), MODALITIES, keywords=("royalt",))
