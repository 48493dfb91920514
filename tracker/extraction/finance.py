"""Money facts: milestones triggered, anticipated and received, and royalties reported.

The modality is read from the clause holding the sum: "triggers", "earns",
"will receive ... as a result" is a milestone triggered; "would trigger",
"upon approval", "eligible to receive" one anticipated; "paid", "received",
"made an initial payment" one received. An anticipated milestone takes its
condition and date from an expected decision in the same or the previous
sentence ("A decision by the European Commission is expected by year end. An
approval decision would trigger ...").
"""
from __future__ import annotations

import re

from tracker.domain.facts import (
    Fact,
    MilestoneAnticipated,
    MilestoneReceived,
    MilestoneTriggered,
    PartnershipRecorded,
    RegulatoryDecisionExpected,
    RoyaltyReported,
)
from tracker.extraction.clauses import clause_around
from tracker.extraction.compound_names import key, plain
from tracker.extraction.context import ReleaseContext, SentenceView
from tracker.extraction.evidence import confidence_for, fact
from tracker.extraction.money import Money, amounts_in
from tracker.extraction.payments import read_payment_parties
from tracker.extraction.places import places_in

_PAYMENT = re.compile(r"\b(?:milestone payments?|payments?|upfront|up-front|license fees?|licen[cs]e payment)\b", re.I)
_MILESTONE = re.compile(r"\bmilestones?\b", re.I)
_ANTICIPATED = re.compile(
    r"\b(?:would|could|may|might|eligible|potential(?:ly)?|up to|upon|if|entitled to receive|contingent|should|future|subject to|additional)\b", re.I)
_RECEIVED = re.compile(r"\b(?:paid|has received|have received|had received|received|made an? (?:[\w$€£¥.,-]+\s+){0,4}payment|collected)\b", re.I)
_TRIGGERED = re.compile(r"\btrigger(?:s|ed|ing)?\b|\bearn(?:s|ed|ing)?\b|\bachieved\b|\bwill (?:receive|make|pay)\b|\breceives\b|\bis due\b|\bto receive\b|\bowe[sd]?\b", re.I)
#: "Tarnow would receive a further US$35 million upon approval": a payment the sentence names by its sum alone.
_FURTHER_SUM = re.compile(r"\b(?:receive|pay|earn|be paid)\s+(?:a\s+|an\s+)?(?:further|additional|another)\s+(?=(?:US|A|C)?[$€£¥]|(?:USD|EUR|GBP|CHF|DKK|JPY)\s?\d)")
_UPFRONT = re.compile(r"\bupfront\b|\bup-front\b|\binitial payment\b|\bsigning\b|\blicense fee\b", re.I)
_NOT_A_FEE = re.compile(r"\b(?<![Mm]ilestone )(?<![Ll]icense )(?:revenues?|sales|income|expenses?|EPS|share|EBITDA|guidance|cash)\b[^$€£]{0,25}$", re.I)
_ROYALTY = re.compile(r"\broyalt(?:y|ies)(?:\s+revenues?)?\b", re.I)
_RATE = re.compile(r"(?P<rate>\d+(?:\.\d+)?\s?%)\s+royalt|royalt(?:y|ies)\s+(?:rate\s+)?of\s+(?P<rate2>\d+(?:\.\d+)?\s?%)", re.I)
_CONDITION = re.compile(r"\b(?:upon|if|on)\s+(?P<what>[^,;.]+)|(?P<subject>\b[A-Z][^,;.]{3,60}?)\s+would trigger")


def _sum_near(text: str, anchor: int, amounts: list[Money]) -> Money | None:
    usable = [m for m in amounts if not _NOT_A_FEE.search(text[max(0, m.start - 30):m.start])]
    near = [m for m in usable if abs(m.start - anchor) <= 90]
    return min(near, key=lambda m: abs(m.start - anchor)) if near else None


def _party_test(reading: ReleaseContext):
    """Whether a name read as a party is one: not a compound, a trial, a regulator or a place the release names."""
    def is_party(name: str) -> bool:
        if name in reading.names.trials or key(plain(name)) in reading.names.canonical:
            return False
        places = places_in(name)
        return not (places and places[0].start == 0 and places[0].end >= len(name) - 1)
    return is_party


#: Facts that can earn a milestone.
_EARNING_EVENTS = {"ApprovalGranted", "TrialStarted", "RegulatorySubmission", "RegulatoryOpinionIssued", "TopLineReported",
                   "DevelopmentStatusReported"}


def _describe(earlier: Fact) -> str:
    """What a fact earned, in a few words ("JP approval", "trial start")."""
    region = getattr(earlier, "region", None)
    kind = type(earlier).__name__
    if kind == "ApprovalGranted":
        return f"{region} approval" if region else "approval"
    if kind == "TrialStarted":
        return f"Phase {earlier.phase} trial start" if earlier.phase else "trial start"
    if kind == "RegulatorySubmission":
        return f"{earlier.application or 'application'} {earlier.status} ({region})"
    return kind


def _trigger(view: SentenceView, clause: str, earlier_facts: list[Fact]) -> str | None:
    same_sentence = [f for f in earlier_facts if f.offset == view.sentence.start and type(f).__name__ in _EARNING_EVENTS]
    if same_sentence:
        return _describe(same_sentence[-1])
    reason = re.search(r"\bfor (?:the )?(?P<what>(?:initiation|achievement|approval|start|acceptance|completion|dosing|filing)[^,;.]*)", clause)
    if reason:
        return reason["what"]
    subject = re.match(r"\s*[-–—]*\s*(?P<what>[A-Z][^,;]{3,80}?)\s+(?:has |have )?(?:trigger(?:s|ed)?|earns|earned)\b", clause)
    if subject and not re.match(r"(?:This|That|It|The)\b(?:\s+event)?$", subject["what"]):
        return subject["what"]
    events = [f for f in earlier_facts if type(f).__name__ in _EARNING_EVENTS]
    return _describe(events[-1]) if events else None


#: Words that make a time the date something is expected: "expected in the first half of 2022", "which X expects in".
_EXPECTED_AT = re.compile(r"\b(?:expect(?:s|ed)?|anticipat(?:es|ed)|plan(?:s|ned)|scheduled|projected|foresees?|targets?|targeted)\b[^,;.]{0,30}$", re.I)


def _condition(view: SentenceView, clause: str, earlier_facts: list[Fact]) -> tuple[str | None, object | None]:
    """The condition of an anticipated payment, with the date the text expects it by.

    The date is one the sentence gives as expected ("upon approval in Japan, expected in the first half of
    2022", "upon EC approval, which is expected by year end"), else that of an expected decision in the same
    or the previous sentence, where that decision is about the region the condition names (if it names one).
    """
    matches = list(_CONDITION.finditer(clause))
    match = next((m for m in matches if m["what"]), matches[0] if matches else None)
    condition = (match["what"] or match["subject"]).strip() if match else None
    text = view.text
    after = text.find(clause) + (match.start() if match else 0)
    expected_times = [t for t in view.times if t.forward or _EXPECTED_AT.search(text[max(0, t.start - 50):t.start])]
    expected_times.sort(key=lambda t: (t.start < after, t.start))
    region = _region_of(condition)
    decisions = [f for f in earlier_facts if isinstance(f, RegulatoryDecisionExpected)
                 and (region is None or f.region is None or f.region == region)]
    if decisions and (condition is None or re.search(r"approv|decision|authori", condition, re.I)):
        decision = decisions[-1]
        if not expected_times or decision.offset == view.sentence.start:
            return f"{decision.agency or decision.region} approval", decision.expected_by
    return condition, expected_times[0].window_end if expected_times else None


def _region_of(condition: str | None) -> str | None:
    places = places_in(condition) if condition else []
    return places[0].region if places else None


def _when_agreed(view: SentenceView, earlier_facts: list[Fact]):
    """An upfront payment is made when its deal is made: the sentence's own date, else the deal's in its paragraph."""
    own = [t for t in view.times if not t.forward and t.occurred.first_day != t.occurred.last_day]
    if own:
        return own[0].occurred
    deals = [f for f in earlier_facts if isinstance(f, PartnershipRecorded) and f.occurred_on is not None]
    return deals[-1].occurred_on if deals and re.search(r"\bterms of (?:the|this|that) (?:agreement|license|licence|collaboration)\b", view.text) else None


def _milestones(view: SentenceView, reading: ReleaseContext, earlier_facts: list[Fact]) -> list[Fact]:
    text = view.text
    payments = list(_PAYMENT.finditer(text))
    amounts = amounts_in(text)
    if not payments:
        milestone = _MILESTONE.search(text) or _FURTHER_SUM.search(text)
        if not milestone or _sum_near(text, milestone.start(), amounts) is None:
            return []
        payments = [milestone]
    if _ROYALTY.search(text) and not any(re.search(r"milestone|upfront|up-front|license", p.group(0), re.I) for p in payments):
        return []
    facts: list[Fact] = []
    for payment in payments[:1]:
        start, end = clause_around(text, payment.start(), payment.end())
        clause = text[start:end]
        money = _sum_near(text, payment.start(), [m for m in amounts if start <= m.start < end] or amounts)
        also_received = False
        if _RECEIVED.search(clause) and not re.search(r"\bwill\b", clause):
            cls = MilestoneReceived
            # "earning Ashcombe a $20 million milestone, which was received in May": earned, then received
            if re.search(r"\b(?:earn(?:s|ed|ing)?|trigger(?:s|ed|ing)?)\b", clause) and not _ANTICIPATED.search(clause):
                cls, also_received = MilestoneTriggered, True
        elif _ANTICIPATED.search(clause) and not re.search(r"\b(?:will receive|has triggered|triggers|earns)\b", clause):
            cls = MilestoneAnticipated
        elif _TRIGGERED.search(clause):
            cls = MilestoneTriggered
        else:
            continue
        if cls is MilestoneTriggered and re.match(r",?\s*which\s+(?:was|were|has been|had been)\s+(?:received|paid|collected)\b", text[end:]):
            also_received = True  # "earning X a $20 million milestone, which was received in May"
        if cls is MilestoneAnticipated and money is None:
            continue  # "entitled to receive milestone payments": a term of the deal, not an expected event
        compounds = [view.subject] if view.subject is not None or view.undisclosed else [None]
        parties = read_payment_parties(clause, payment.start() - start, reading.issuer, _party_test(reading))
        fields = dict(compound=compounds[0], payer=parties.payer, payee=parties.payee,
                      amount=money.amount if money else None, currency=money.currency if money else None,
                      payment_kind="upfront" if _UPFRONT.search(clause) else None)
        if cls is MilestoneTriggered:
            fields["trigger"] = _trigger(view, clause, earlier_facts)
        elif cls is MilestoneAnticipated:
            fields["condition"], fields["expected_by"] = _condition(view, clause, earlier_facts)
        if fields["payment_kind"] == "upfront":
            fields["occurred_on"] = _when_agreed(view, earlier_facts)
        facts.append(fact(cls, view, confidence_for(view, hedged=cls is MilestoneAnticipated), **fields))
        if also_received:
            received = {k: v for k, v in fields.items() if k not in ("trigger", "occurred_on")}
            facts.append(fact(MilestoneReceived, view, confidence_for(view), **received))
    return facts


def _royalties(view: SentenceView, reading: ReleaseContext) -> list[Fact]:
    text = view.text
    cue = _ROYALTY.search(text)
    if not cue:
        return []
    amounts = [m for m in amounts_in(text) if m.start > cue.start() and m.start - cue.end() <= 60]
    rate = _RATE.search(text)
    if not amounts and not rate:
        return []
    money = amounts[0] if amounts else None
    periods = [t for t in view.times if re.search(r"-(?:Q|H)\d$|^\d{4}$", t.occurred.text)
               and not re.search(r"compared (?:to|with)\s+(?:the\s+)?$", text[max(0, t.start - 20):t.start])
               and not re.match(r"\s*:", text[t.end:])]  # "(H1 2023: £11.2 million)" labels the comparison
    period = periods[0].occurred if periods else reading.period
    named = [m for m, _ in view.subjects() if m.start < cue.start()]
    # "Royalty revenue was $48.2 million ..., reflecting sales of TREXALYN (ovatolimab) by our partner"
    sold = [m for m, _ in view.subjects() if m.start > cue.start()
            and re.search(r"\bsales\s+of\s+(?:[\w-]+\s+){0,2}$", text[max(0, m.start - 40):m.start])]
    compound = reading.name(named[0].written) if named else reading.name(sold[0].written) if sold else None
    if compound is None and rate and not money and view.subject is not None:
        compound = view.subject  # a royalty rate is a term of the deal on the compound the sentence is about
    return [fact(RoyaltyReported, view, confidence_for(view), compound=compound, payee=reading.issuer,
                 amount=money.amount if money else None, currency=money.currency if money else None,
                 rate=(rate["rate"] or rate["rate2"]) if rate else None, period=period, payment_kind="royalty")]


def read_finance(view: SentenceView, reading: ReleaseContext, earlier_facts: list[Fact]) -> list[Fact]:
    """Every money fact a sentence states; `earlier_facts` are those read so far in its paragraph."""
    if view.boilerplate:
        return []
    royalties = _royalties(view, reading)
    return royalties or _milestones(view, reading, earlier_facts)
