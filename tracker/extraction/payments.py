"""Who pays whom: the payer and payee of a payment, read from the grammar of the clause that states it.

    "X will pay Y a EUR 15 million milestone"       payer X, payee Y
    "X paid Y", "X owes Y", "X made a payment to Y"  payer X, payee Y
    "a payment from X to Y", "a payment to Y"        payer X, payee Y
    "Y will receive ... from X", "Y earned ... from X", "Y is entitled to receive ... from X"
    "earning Y a $20 million milestone from X"       payee Y, payer X
    "was paid to Y by X"                             payee Y, payer X

The issuer is the payee only where the clause names no recipient; a party is
never both payer and payee of one payment.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tracker.extraction.parties import Party, party_at, party_before

#: Words between a subject and its verb of receiving or paying ("Quillon will also receive", "Orsolo is entitled to receive",
#: "Tamura is scheduled to pay", "Tamura agrees to pay").
_AUXILIARY = re.compile(
    r"(?:\s+|^)(?:will|would|shall|may|might|could|should|can|also|now|then|thereby|further|is|are|was|were|has|have|had|"
    r"been|be|to|expects?|expected|eligible|entitled|now|not|set|due|able|going|already|therefore|thus|"
    r"scheduled|agrees?|agreed|obliged|obligated|required|committed)\s*$")
#: Verbs whose subject pays and whose object (when a name follows) is paid.
_PAY = re.compile(r"\b(?:pay|pays|paid|paying|owes|owed|owe)\b(?!\s+(?:to|by)\b)")
#: Verbs whose subject pays to a recipient named by "to".
_MAKE = re.compile(r"\b(?:made|makes|make|making)\b(?=\s+(?:an?|the|its|their)?\s*(?:[\w$€£¥.,-]+\s+){0,6}?payments?\b)")
#: Verbs whose subject is paid.
_RECEIVE = re.compile(r"\b(?:receive|receives|received|receiving|earn|earns|earned|earning|collect|collects|collected)\b")
#: Verbs whose object (a name right after them) is paid: "earning Orsolo a US$20 million milestone".
_DATIVE = re.compile(r"\b(?:earn|earns|earned|earning|paid|pay|pays|paying|owes|owed|owe|award|awards|awarded)\s+(?=[A-Z])")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|has been|have been|had been|will be|would be|be)\s+(?:paid|payable|due|owed)\b")
#: "from its commercialisation partner Tamura Pharma SA": the words a name may follow "from" with.
_FROM = re.compile(r"\bfrom\s+(?:(?:its|our|their|the)\s+(?:[a-z-]+\s+){0,3})?(?=[A-Z])")
_TO = re.compile(r"\bto\s+(?:(?:its|our|their)\s+(?:[a-z-]+\s+){0,3})?(?=[A-Z])")
_BY = re.compile(r"\bby\s+(?:(?:its|our|their)\s+(?:[a-z-]+\s+){0,3})?(?=[A-Z])")
#: A source that is no payer: "in-licensed velotamab from Quillon", "acquired from", "rights from".
_NOT_A_PAYMENT_SOURCE = re.compile(r"\b(?:licen[cs]ed|in-licen[cs]ed|acquired|rights|spun out|spun off|derived)\b(?:\s+[\w-]+){0,3}\s*$", re.I)
#: A "to" that names no recipient: "due to", "prior to", "up to", "according to", "compared to".
_NOT_A_RECIPIENT = re.compile(r"\b(?:due|prior|up|according|compared|related|relating|owing|pursuant|addition|approval|access|rights|respect|regard|licensed|granted|sold)\s*$", re.I)


@dataclass(frozen=True)
class PaymentParties:
    payer: str | None
    payee: str | None
    payee_named: bool
    """True when the clause names the recipient (not the issuer taken by default)."""


def _subject_of(clause: str, verb_start: int) -> Party | None:
    head = clause[:verb_start]
    while True:
        shorter = _AUXILIARY.sub("", head)
        if shorter == head:
            break
        head = shorter
    return party_before(clause, len(head))


def read_payment_parties(clause: str, anchor: int, issuer: str | None,
                         is_party: Callable[[str], bool] = lambda name: True) -> PaymentParties:
    """The payer and payee of the payment at `anchor` in `clause` (the clause holding the sum or the word "payment")."""

    def named(party: Party | None) -> str | None:
        return party.name if party is not None and is_party(party.name) else None

    def nearest(matches: list[re.Match[str]]) -> list[re.Match[str]]:
        """Matches after the anchor first (nearest first), then those before it (nearest first)."""
        after = sorted((m for m in matches if m.start() >= anchor), key=lambda m: m.start())
        before = sorted((m for m in matches if m.start() < anchor), key=lambda m: -m.start())
        return after + before

    payer = payee = None
    # "from X to Y"
    for source in nearest(list(_FROM.finditer(clause))):
        if _NOT_A_PAYMENT_SOURCE.search(clause[max(0, source.start() - 40):source.start()]):
            continue
        party = party_at(clause, source.end())
        if party is None or named(party) is None:
            continue
        payer = payer or named(party)
        onward = re.match(r"\s*(?:\([^()]*\)\s*)?,?\s*to\s+(?:(?:its|our|their)\s+(?:[a-z-]+\s+){0,3})?(?=[A-Z])", clause[party.end:])
        if onward:
            payee = named(party_at(clause, party.end + onward.end()))
            if payee:
                payer = named(party)
                break
    # "was paid to Y by X"
    passive = _PASSIVE.search(clause)
    if passive:
        by = _BY.search(clause, passive.end())
        if by and payer is None:
            payer = named(party_at(clause, by.end()))
    # "X will pay Y", "X paid Y", "X owes Y"
    for verb in _PAY.finditer(clause):
        if passive and passive.start() <= verb.start() < passive.end():
            continue
        subject = named(_subject_of(clause, verb.start()))
        if subject:
            payer = payer or subject
        dative = _DATIVE.match(clause, verb.start())
        if dative and payee is None:
            payee = named(party_at(clause, dative.end()))
        if subject:
            break
    # "X made a payment to Y"
    if payer is None:
        made = _MAKE.search(clause)
        if made:
            payer = named(_subject_of(clause, made.start()))
    # "payment to Y", "was paid to Y"
    if payee is None:
        for to in nearest(list(_TO.finditer(clause))):
            if _NOT_A_RECIPIENT.search(clause[:to.start()]):
                continue
            payee = named(party_at(clause, to.end()))
            if payee:
                break
    # "earning Y a $20 million milestone", "Y will receive", "Y earned ... from X"
    if payee is None:
        for verb in _RECEIVE.finditer(clause):
            dative = _DATIVE.match(clause, verb.start())
            if dative:
                payee = named(party_at(clause, dative.end()))
            payee = payee or named(_subject_of(clause, verb.start()))
            if payee:
                break
    if payer is not None and payer == payee:
        payer = None
    payee_named = payee is not None
    if payee is None and issuer is not None and issuer != payer:
        payee = issuer
    return PaymentParties(payer, payee, payee_named)
