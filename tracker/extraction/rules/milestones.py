"""Milestones and upfront payments: payments earned when a deal is signed or its compound reaches a step, expected, or received.

The modality is read from the clause holding the payment: "triggers", "earned", "will receive ... an upfront
payment" is a milestone triggered; "would trigger", "eligible to receive up to", "upon approval" one
anticipated; "paid", "received", "made an initial payment" one received. An anticipated milestone takes its
condition and date from the clause, else from a decision expected in its paragraph ("A decision by the
European Commission is expected by year end. Approval would trigger ...").
"""
from __future__ import annotations

import re

from tracker.domain.facts import Fact, PartnershipRecorded, RegulatoryDecisionExpected
from tracker.extraction.candidates import Candidate
from tracker.extraction.compound_names import key, plain
from tracker.extraction.context import ReleaseContext, SentenceView
from tracker.extraction.money import CURRENCY_BEFORE, Money, amounts_in
from tracker.extraction.payments import read_payment_parties
from tracker.extraction.places import places_in
from tracker.extraction.rows import Cue, Example, Family, Modality, Readings, Slot

TRIGGERED, ANTICIPATED, RECEIVED = "MilestoneTriggered", "MilestoneAnticipated", "MilestoneReceived"
_SUM = rf"(?:{CURRENCY_BEFORE})\s?\d"

CUES = (
    Cue(r"\b(?P<cue>milestone payments?|milestones?|milestone revenues?)\b",
        example=Example("The start of the Phase 3 trial triggers a $15 million milestone payment to Orsolo Bio from Tamura Pharma.",
                        {"type": TRIGGERED, "amount": "15000000", "currency": "USD", "payee": "Orsolo", "payer": "Tamura"})),
    Cue(r"(?<!upfront )(?<!up-front )(?<!initial )(?<!license )(?<!licence )(?<!option )\b(?P<cue>payments?)\b",
        example=Example("Tamura Pharma paid Orsolo Bio a $35 million one-time payment for velotamab.",
                        {"type": RECEIVED, "compound": "velotamab", "amount": "35000000", "payer": "Tamura", "payee": "Orsolo"})),
    Cue(rf"\b(?:receive|pay|earn|be paid)\s+(?:a\s+|an\s+)?(?P<cue>further|additional|another)\s+(?=(?:{_SUM}))",
        example=Example("Orsolo would receive a further US$35 million upon approval of velotamab in Japan.",
                        {"type": ANTICIPATED, "compound": "velotamab", "amount": "35000000", "condition": "approval of velotamab in Japan"})),
)

UPFRONT_CUES = (
    Cue(r"\b(?P<cue>upfront|up-front|initial payment|signing fee)\b", fields={"payment_kind": "upfront"},
        example=Example("Orsolo Bio will receive an upfront payment of $300 million from Tamura Pharma for velotamab.",
                        {"type": TRIGGERED, "compound": "velotamab", "amount": "300000000", "payment_kind": "upfront", "payee": "Orsolo"})),
    Cue(r"\b(?P<cue>licen[cs]e fees?|licen[cs]e payments?|option (?:exercise )?(?:fees?|payments?))\b", fields={"payment_kind": "upfront"},
        example=Example("Under the terms of the license, Orsolo receives a $1 million license payment for velotamab.",
                        {"type": TRIGGERED, "compound": "velotamab", "amount": "1000000", "payment_kind": "upfront"})),
)

_PAID = (r"(?<!will be )(?<!to be )(?<!be )\b(?:paid|has received|have received|had received|received|collected)\b"
         r"|\bmade an? (?:[\w$€£¥.,-]+\s+){0,4}payment\b")

#: A deal's terms: beside its upfront payment, the milestones of the deal are payments to come (read last: a milestone's own
#: words, "paid", "would", "triggers", decide first).
DEAL_TERMS = Modality(r"\bupfront\b|\bup-front\b|\binitial payment\b", ANTICIPATED, scope="sentence",
                      example=Example("Under the agreements, Tamura Pharma agrees to pay Orsolo Bio (i) an upfront payment of US$14.5 million, (ii) "
                                      "certain milestone payments totaling US$15 million, and (iii) royalty payments on sales of velotamab.",
                                      {"type": ANTICIPATED, "compound": "velotamab", "amount": "15000000", "payer": "Tamura", "payee": "Orsolo"}))

MODALITIES = (
    Modality(_PAID, RECEIVED, scope="clause",
             example=Example("In May 2020, Tamura Pharma paid Orsolo Bio a $5 million milestone payment for velotamab.",
                             {"type": RECEIVED, "compound": "velotamab", "payer": "Tamura", "payee": "Orsolo", "amount": "5000000"})),
    Modality(r"(?<!will be )(?<!to be )(?<!be )\brecogni[sz]ed\b|\brecognition of\b", RECEIVED, scope="clause",
             example=Example("Orsolo Bio recognized $15 million of milestone revenue upon the FDA's acceptance of the velotamab NDA.",
                             {"type": RECEIVED, "compound": "velotamab", "amount": "15000000"})),
    # "Orsolo earned a $10 million milestone upon the FDA's acceptance": an earning told in the past is no hedge, whatever "upon" says
    Modality(r"(?<!have )(?<!would )(?<!could )(?<!may )\b(?:(?:has|have|had)\s+(?:now\s+|also\s+)?(?:earned|triggered|achieved)|earned|triggered)\s+(?:an?|the|its|their)\b",
             TRIGGERED, scope="clause",
             example=Example("Orsolo Bio earned a $10 million milestone payment from Tamura Pharma upon FDA acceptance of the NDA for velotamab.",
                             {"type": TRIGGERED, "compound": "velotamab", "amount": "10000000", "payer": "Tamura", "payee": "Orsolo"})),
    Modality(r"\b(?:would|could|may|might|eligible|potential(?:ly)?|up to|upon|if|contingent|should|future|subject to|aggregate)\b",
             ANTICIPATED, scope="clause",
             example=Example("Orsolo Bio is eligible to receive up to $740 million in development and regulatory milestones for velotamab.",
                             {"type": ANTICIPATED, "compound": "velotamab", "amount": "740000000"})),
    Modality(r"\btrigger(?:s|ed|ing)?\b|\bearn(?:s|ed|ing)?\b|\bachieved\b|\breceives?\b|\bis due\b|\bowe[sd]?\b|\bentitled to receive\b"
             r"|\bpayable\b|\bwill\s+(?:also\s+)?(?:receive|make|pay|be paid|earn)\b|\bentitles\b",
             TRIGGERED, scope="clause",
             example=Example("Orsolo Bio is entitled to receive an $8 million milestone payment for velotamab.",
                             {"type": TRIGGERED, "compound": "velotamab", "amount": "8000000"})),
    Modality(r"\bresult(?:s|ed|ing)?\s+in\b|\bwill\s+result\s+in\b", TRIGGERED, scope="clause",
             example=Example("The first patient dosed with velotamab resulted in a $12 million milestone payment to Orsolo Bio.",
                             {"type": TRIGGERED, "compound": "velotamab", "amount": "12000000", "payee": "Orsolo"})),
    Modality(r"\b(?:is|are)\s+(?:scheduled|obliged|obligated|required)\s+to\s+pay\b", TRIGGERED, scope="sentence",
             example=Example("Under the contract, Tamura Pharma is scheduled to pay Orsolo Bio 1 million US dollars within 30 days of achieving "
                             "the milestone for velotamab.",
                             {"type": TRIGGERED, "compound": "velotamab", "amount": "1000000", "currency": "USD", "payer": "Tamura", "payee": "Orsolo"})),
    DEAL_TERMS,
)

UPFRONT_MODALITIES = (
    Modality(_PAID, RECEIVED, scope="clause",
             example=Example("In 2020, Tamura Pharma made an initial payment to Orsolo Bio for velotamab.",
                             {"type": RECEIVED, "compound": "velotamab", "payer": "Tamura", "payee": "Orsolo", "payment_kind": "upfront"})),
    Modality(r"\b(?:would|could|may|might|if|potential(?:ly)?|subject to)\b", ANTICIPATED, scope="clause",
             example=Example("Orsolo Bio could receive an upfront payment of $20 million for velotamab if the option is exercised.",
                             {"type": ANTICIPATED, "compound": "velotamab", "amount": "20000000"})),
)

SLOTS = (Slot("amount", 0.5, of=(ANTICIPATED,)), Slot("payee", 0.1))

_UPFRONT = re.compile(r"\bupfront\b|\bup-front\b|\binitial payment\b|\bsigning\b|\blicen[cs]e (?:fee|payment)\b", re.I)
_NOT_A_FEE = re.compile(r"\b(?<![Mm]ilestone )(?<![Ll]icense )(?:revenues?|sales|income|expenses?|EPS|share|EBITDA|guidance|cash)\b[^$€£]{0,25}$", re.I)
_ROYALTY = re.compile(r"\broyalt(?:y|ies)\b", re.I)
#: A sum in parentheses after another, the same sum in another currency: "1 million US dollars (approximately 1.4 billion KRW)".
_CONVERTED = re.compile(r"\d\s?[\w.]*(?:\s+[\w.]+){0,2}\s*\(\s*(?:approximately|approx\.|about|around|roughly|circa|ca\.|equivalent to|or)?\s*$", re.I)
#: A sum of royalties and milestones together, a company's income rather than one payment: "$29.6 million in royalties and milestones".
_AGGREGATE = re.compile(r"\s+(?:in|of)\s+(?:royalt(?:y|ies)(?:\s+receipts)?\s+and\s+milestones?|milestones?\s+and\s+royalt(?:y|ies))\b", re.I)
#: Milestones a deal provides for, named in the plural without a sum ("is entitled to receive milestone payments on regulatory
#: approvals"): payments to come, not one earned; read, but waiting in review for want of a sum.
_TERMS_WITHOUT_SUM = re.compile(r"\b(?:entitled|eligible)\s+to\s+receive\s+(?:[\w-]+\s+){0,4}?milestone(?:s|\s+payments)\b", re.I)
_RECEIVED_AFTER = re.compile(r",?\s*which\s+(?:was|were|has been|had been)\s+(?:received|paid|collected)\b")
_CONDITION = re.compile(r"\b(?:upon|if|on|following|after)\s+(?P<what>[^,;.]+)|(?P<subject>\b[A-Z][^,;.]{3,60}?)\s+would trigger")
#: Words that make a time the date something is expected: "expected in the first half of 2022", "which X expects in".
_EXPECTED_AT = re.compile(r"\b(?:expect(?:s|ed)?|anticipat(?:es|ed)|plan(?:s|ned)|scheduled|projected|foresees?|targets?|targeted)\b[^,;.]{0,30}$", re.I)
#: Facts that can earn a milestone.
_EARNING = {"ApprovalGranted", "TrialStarted", "RegulatorySubmission", "RegulatoryOpinionIssued", "TopLineReported", "DevelopmentStatusReported"}


#: The words that bind a sum to the payment it is: before the payment ("$25 million upfront", "up to $100 million in
#: regulatory milestones") or after it ("a milestone payment of $5 million", "milestones totaling $15 million").
_SUM_BEFORE = re.compile(r"\s*(?:(?:in|of)\s+(?:[\w-]+\s+){0,4}?)?$")
_SUM_AFTER = re.compile(r"^\s+(?:payments?\s+)?(?:of|totall?ing|worth|amounting to)\s+(?:up to\s+)?(?:approximately\s+|about\s+)?$")


def _sum_near(text: str, start: int, end: int, amounts: list[Money]) -> Money | None:
    """The sum of the payment named at `start..end`: the one its words bind to it, else the nearest."""
    usable = [m for m in amounts if not _NOT_A_FEE.search(text[max(0, m.start - 30):m.start])
              and not _CONVERTED.search(text[max(0, m.start - 60):m.start]) and not _AGGREGATE.match(text[m.end:])]
    bound = [m for m in usable if m.end <= start and _SUM_BEFORE.fullmatch(text[m.end:start])
             or m.start >= end and _SUM_AFTER.match(text[end:m.start])]
    if bound:
        return min(bound, key=lambda m: abs(m.start - start))
    near = [m for m in usable if abs(m.start - start) <= 90]
    return min(near, key=lambda m: abs(m.start - start)) if near else None


def _phrase_of(text: str, money: Money) -> str:
    """The words of a sum's own phrase, back to and on to the nearest comma or "and" ("$25 million upfront" in
    "$25 million upfront and up to $1 billion in milestones")."""
    before = re.split(r"[,;]|\band\b", text[max(0, money.start - 40):money.start])[-1]
    after = re.split(r"[,;]|\band\b", text[money.end:money.end + 25])[0]
    return before + text[money.start:money.end] + after


def _party_test(release: ReleaseContext):
    """Whether a name read as a party is one: not a compound, a trial, a regulator or a place the release names."""
    def is_party(name: str) -> bool:
        if name in release.names.trials or key(plain(name)) in release.names.canonical:
            return False
        places = places_in(name)
        return not (places and places[0].start == 0 and places[0].end >= len(name) - 1)
    return is_party


def _describe(earlier: Fact) -> str:
    """What a fact earned, in a few words ("JP approval", "trial start")."""
    region = getattr(earlier, "region", None)
    kind = type(earlier).__name__
    if kind == "ApprovalGranted":
        return f"{region} approval" if region else "approval"
    if kind == "TrialStarted":
        phase = getattr(earlier, "phase", None)
        return f"Phase {phase} trial start" if phase else "trial start"
    if kind == "RegulatorySubmission":
        return f"{getattr(earlier, 'application', None) or 'application'} {getattr(earlier, 'status', '')} ({region})"
    return kind


def _trigger(view: SentenceView, clause: str, earlier: list[Fact]) -> str | None:
    same_sentence = [f for f in earlier if f.offset == view.sentence.start and type(f).__name__ in _EARNING]
    if same_sentence:
        return _describe(same_sentence[-1])
    reason = re.search(r"\b(?:for|upon|on) (?:the )?(?P<what>(?:initiation|achievement|approval|start|acceptance|completion|dosing|filing|submission|signing|execution)[^,;.]*)", clause)
    if reason:
        return reason["what"]
    subject = re.match(r"\s*[-–—]*\s*(?P<what>[A-Z][^,;]{3,80}?)\s+(?:has |have )?(?:trigger(?:s|ed)?|earns|earned)\b", clause)
    if subject and not re.match(r"(?:This|That|It|The)\b(?:\s+event)?$", subject["what"]):
        return subject["what"]
    events = [f for f in earlier if type(f).__name__ in _EARNING]
    return _describe(events[-1]) if events else None


def _region_of(condition: str | None) -> str | None:
    places = places_in(condition) if condition else []
    return places[0].region if places else None


def _condition(view: SentenceView, clause: str, earlier: list[Fact]):
    """The condition of an anticipated payment, with the date the text expects it by: one the sentence gives
    as expected, else that of an expected decision in the paragraph about the region the condition names."""
    matches = list(_CONDITION.finditer(clause))
    match = next((m for m in matches if m["what"]), matches[0] if matches else None)
    condition = (match["what"] or match["subject"]).strip() if match else None
    text = view.text
    after = text.find(clause) + (match.start() if match else 0)
    expected_times = [t for t in view.times if t.forward or _EXPECTED_AT.search(text[max(0, t.start - 50):t.start])]
    expected_times.sort(key=lambda t: (t.start < after, t.start))
    region = _region_of(condition)
    decisions = [f for f in earlier if isinstance(f, RegulatoryDecisionExpected)
                 and (region is None or f.region is None or f.region == region)]
    if decisions and (condition is None or re.search(r"approv|decision|authori", condition, re.I)):
        decision = decisions[-1]
        if not expected_times or decision.offset == view.sentence.start:
            return f"{decision.agency or decision.region} approval", decision.expected_by
    return condition, expected_times[0].window_end if expected_times else None


def _when_agreed(view: SentenceView, earlier: list[Fact]):
    """An upfront payment is made when its deal is made: the sentence's own date, else the deal's in its paragraph."""
    own = [t for t in view.times if not t.forward and t.occurred.first_day != t.occurred.last_day]
    if own:
        return own[0].occurred
    deals = [f for f in earlier if isinstance(f, PartnershipRecorded) and f.occurred_on is not None]
    return deals[-1].occurred_on if deals and re.search(r"\bterms of (?:the|this|that) (?:agreement|license|licence|collaboration)\b", view.text) else None


def read(candidate: Candidate) -> Readings:
    if candidate.modality is None and candidate.family is FAMILY:
        return []
    text, view = candidate.text, candidate.view
    if re.fullmatch(r"payments?", candidate.match.group("cue"), re.I) and _ROYALTY.search(text[max(0, candidate.start - 30):candidate.start]):
        return []  # "royalty payments": the royalties family reads them
    start, end = candidate.clause
    clause = text[start:end]
    amounts = amounts_in(text)
    kind = candidate.states
    in_clause = [m for m in amounts if start <= m.start < end]
    money = _sum_near(text, candidate.start, candidate.end, in_clause or ([] if kind == ANTICIPATED else amounts))
    if kind == RECEIVED and (re.search(r"\broyalt(?:y|ies)\s+and\s+$", text[max(0, candidate.start - 20):candidate.start], re.I)
                             or re.match(r"\s+and\s+royalt", text[candidate.end:], re.I)):
        return []  # "received $29.6 million in royalties and milestones": a company's income, not one payment
    if kind == TRIGGERED and money is None and _TERMS_WITHOUT_SUM.search(clause):
        kind = ANTICIPATED
    if kind == ANTICIPATED and money is None and not _TERMS_WITHOUT_SUM.search(clause):
        return []  # "could trigger milestones": nothing to expect
    if candidate.modality is DEAL_TERMS and (money is None or _UPFRONT.search(_phrase_of(text, money))):
        return []  # "this milestone and a $10 million upfront payment": the upfront's sum is none of the milestone's
    if money is None and not re.search(r"milestone payment|upfront|up-front|licen[cs]e (?:fee|payment)|initial payment|option", text[candidate.start:candidate.end + 40], re.I):
        return []  # a milestone with no sum is a payment only where the words say so ("triggered a milestone payment")
    also_received = kind == TRIGGERED and bool(_RECEIVED_AFTER.match(text[end:]))
    if kind == RECEIVED and re.search(r"\b(?:earn(?:s|ed|ing)?|trigger(?:s|ed|ing)?)\b", clause) and not re.search(
            r"\b(?:would|could|may|might|eligible|potential|up to|upon|if)\b", clause):
        kind, also_received = TRIGGERED, True  # "earning Ashford a $20 million milestone, which it received in May"
    compound = view.subject if view.subject is not None or view.undisclosed else None
    in_own_clause = [m for m, _ in view.subjects() if start <= m.start < end]
    if in_own_clause and not view.undisclosed:
        # "A completed enrollment in a study of X; the MAA for Y was accepted, triggering a $4 million milestone": the
        # payment's clause names its product
        compound = candidate.release.name(in_own_clause[0].written)
    parties = read_payment_parties(clause, candidate.start - start, candidate.release.issuer, _party_test(candidate.release))
    fields = dict(type=kind, compound=compound, payer=parties.payer, payee=parties.payee,
                  amount=money.amount if money else None, currency=money.currency if money else None,
                  payment_kind="upfront" if _UPFRONT.search(_phrase_of(text, money) if money else clause) else None)
    if kind == TRIGGERED:
        fields["trigger"] = _trigger(view, clause, candidate.earlier)
    elif kind == ANTICIPATED:
        fields["condition"], fields["expected_by"] = _condition(view, clause, candidate.earlier)
    if fields["payment_kind"] == "upfront":
        fields["occurred_on"] = _when_agreed(view, candidate.earlier)
    readings = [fields]
    if also_received:
        readings.append({k: v for k, v in fields.items() if k not in ("trigger", "occurred_on")} | {"type": RECEIVED})
    return readings


FAMILY = Family("milestones", TRIGGERED, CUES, read, SLOTS, MODALITIES, keywords=("milestone", "payment", "further", "additional", "another"))
#: Upfront payments are due when the deal is made: a milestone triggered unless the words say paid or hedge it.
UPFRONT = Family("upfront payments", TRIGGERED, UPFRONT_CUES, read, SLOTS, UPFRONT_MODALITIES,
                 keywords=("upfront", "up-front", "initial payment", "signing fee", "license fee", "licence fee", "license payment", "licence payment", "option"))
