"""The milestone and royalty ledger: every payment owed under a compound's agreements, one line each.

A line is rebuilt from the facts in view and moves through

    contingent -> (condition met) -> earned -> invoiced -> part paid -> received
    contingent -> lapsed          (its expected date passed long ago, nothing confirmed it)
    any open line -> written off  (a person gave up on it)

Releases repeat themselves: a milestone anticipated in one release is
triggered in a later one, restated in a bullet and again in the body, or in a
quarterly report. Mentions are one line when they agree on compound group,
payee, amount and currency and their trigger words (`projections.triggers`)
do not contradict each other, so nothing is counted twice. Two mentions of
different kinds in one release (one milestone triggered, another anticipated)
are never one line. A line's source is the mention that made it what it is:
the release that triggered it once it is earned, not the one that
anticipated it. An upfront payment the text says the company receives (on
signing) is received, not owed.

A royalty figure that holds others reported apart (Genmab's royalty revenue
and, within it, DARZALEX's) is a line only for the rest of it, so nothing is
counted twice: a figure for a payee, currency and period holds the figures of
the same payee and currency for its period or part of it, of any compound
when it names none, else of its own compound.

Terms recorded by a person (`AgreementTermsRecorded`) fill in what releases
leave out: the payer and agreement, the kind of payment, when it falls due,
the schedule items no release has mentioned yet (basis "terms"), and royalties
computed from net sales (basis "computed", beside those "reported"). A payer
no sentence names and no terms give is shown as inferred.

Every line keeps the ids of the facts behind it and a history of its steps.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from projections.history import RecordedFact
from projections.names import NameBook
from projections.rows import Rows
from projections.royalties import money, tiered_royalty
from projections.triggers import Trigger, read_trigger
from tracker.domain import facts as f
from tracker.lexicon import LEGAL_FORM_WORDS

#: A contingent line whose expected date is this far past, with nothing to confirm it, has lapsed.
LAPSE_AFTER = timedelta(days=365)
#: Payment terms assumed when none are recorded for a line's agreement.
DEFAULT_PAYMENT_DAYS = 30
#: How far before a milestone sentence the event it refers to may be ("This event triggers ...").
_CONTEXT_CHARS = 600

CONTINGENT, MET, LAPSED = "contingent", "condition met", "lapsed"
EARNED, INVOICED, PART_PAID, RECEIVED, WRITTEN_OFF = "earned", "invoiced", "part paid", "received", "written off"
OPEN = (EARNED, INVOICED, PART_PAID)
"""Statuses of a line that is owed now."""
PENDING = (CONTINGENT, MET)
"""Statuses of a line that may become owed."""

_LEGAL_SUFFIX = re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, LEGAL_FORM_WORDS), key=len, reverse=True))})\b\.?")


def party_key(name: str | None) -> str | None:
    """The form under which two spellings of a company are one party ("ImmunoGen, Inc." is ImmunoGen)."""
    if not name:
        return None
    folded = _LEGAL_SUFFIX.sub(" ", name.lower())
    return re.sub(r"[^a-z0-9]+", "", folded) or None


def _party_words(name: str | None) -> list[str]:
    return re.findall(r"[a-z0-9]+", _LEGAL_SUFFIX.sub(" ", name.lower())) if name else []


def same_party(a: str | None, b: str | None) -> bool:
    """Whether two names may name one company: one spelling (`party_key`), or a shorter name that is the first
    words of a longer one ("Norvale" and "Norvale Therapeutics, Inc."), as releases shorten a company's name."""
    short, long = sorted((_party_words(a), _party_words(b)), key=len)
    return bool(short) and (party_key(a) == party_key(b) or long[:len(short)] == short)


def line_id(event_id: str) -> str:
    """A short, typeable, stable id for the line whose first fact is `event_id`."""
    return "L-" + hashlib.sha256(event_id.encode()).hexdigest()[:8]


class Step(BaseModel):
    """One change in a line's life, and the fact behind it."""

    on: date
    what: str
    event: str
    source: str = ""
    """The release file, or who entered it."""
    quote: str = ""
    """The sentence read, or for an entry its reason, or how a figure was worked out."""
    amount: Decimal | None = None


class LedgerLine(BaseModel):
    id: str
    status: str
    kind: str | None = None
    basis: str
    """reported (a release says it), computed (terms x net sales) or terms (in the schedule only)."""
    counterparty: str | None = None
    counterparty_inferred: bool = False
    """No sentence behind the line names the payer and no terms give it: it was inferred (from the licensee)."""
    payee: str | None = None
    agreement: str | None = None
    compound: str | None = None
    territory: str | None = None
    trigger: str | None = None
    amount: Decimal
    currency: str
    paid: Decimal = Decimal(0)
    written_off: Decimal = Decimal(0)
    outstanding: Decimal
    expected_by: date | None = None
    condition_met_by: str | None = None
    triggered_on: date | None = None
    published_on: date
    source_file: str | None = None
    source_event: str
    invoiced_on: date | None = None
    due_on: date | None = None
    payment_terms: str = ""
    terms_assumed: bool = False
    period: str | None = None
    computed_amount: Decimal | None = None
    reported_amount: Decimal | None = None
    """For a royalty figure holding others reported apart: the figure reported; `amount` is the rest of it."""
    parts: list[str] = Field(default_factory=list)
    """The lines of the figures reported apart that `reported_amount` holds."""
    sources: list[str] = Field(default_factory=list)
    answers_to: list[str] = Field(default_factory=list)
    """Every id the line goes by: one derived from each fact behind it, so an id stays valid when an
    earlier release about the same milestone is ingested later."""
    history: list[Step] = Field(default_factory=list)


class Ledger(BaseModel):
    as_of: date
    lines: Rows[LedgerLine] = Field(default_factory=list)

    def find(self, wanted: str) -> LedgerLine | None:
        wanted = wanted.strip()
        return next((line for line in self.lines if wanted == line.id), None) or \
            next((line for line in self.lines if wanted in line.answers_to), None)


def fact_day(recorded: RecordedFact) -> date:
    """When a fact happened as precisely as known: never later than it was reported."""
    occurred = recorded.fact.occurred_on
    return min(occurred.last_day, recorded.reported_on) if occurred else recorded.reported_on


def _source(recorded: RecordedFact) -> str:
    if recorded.release is not None:
        return recorded.release.file
    return f"entered by {recorded.entered_by}"


def _words(recorded: RecordedFact) -> str:
    return recorded.fact.quote or recorded.reason or ""


F = TypeVar("F", bound=f.Fact)
Payment = f.MilestoneAnticipated | f.MilestoneTriggered | f.MilestoneReceived
_PAYMENTS = (f.MilestoneAnticipated, f.MilestoneTriggered, f.MilestoneReceived)
#: What a person records against a line: each names the line by `line_id`.
LineEntry = f.InvoiceIssued | f.MilestoneReceived | f.MilestoneWrittenOff | f.MilestoneConfirmed
_LINE_ENTRIES = (f.InvoiceIssued, f.MilestoneReceived, f.MilestoneWrittenOff, f.MilestoneConfirmed)
#: The regulatory facts a milestone sentence can point at ("This event triggers ...").
_REGULATORY = (f.ApprovalGranted, f.RegulatoryDecisionExpected, f.RegulatoryOpinionIssued, f.RegulatorySubmission)
#: The facts that can meet a milestone's condition (`_Builder._meets`).
_MEETING = (f.ApprovalGranted, f.RegulatoryOpinionIssued, f.RegulatorySubmission, f.TrialStarted)
_EVENT_OF: dict[type[f.Fact], str] = {f.ApprovalGranted: "approval", f.RegulatoryDecisionExpected: "approval",
                                      f.RegulatoryOpinionIssued: "opinion", f.RegulatorySubmission: "submission"}
#: Within one release, a milestone said to be earned (or paid) is never the one it says is still to come.
_APART_IN_A_RELEASE: dict[type[f.Fact], tuple[type[f.Fact], ...]] = {
    f.MilestoneAnticipated: (f.MilestoneTriggered, f.MilestoneReceived),
    f.MilestoneTriggered: (f.MilestoneAnticipated,),
    f.MilestoneReceived: (f.MilestoneAnticipated,),
}
#: An upfront payment the text says the company receives, or has received, was paid on signing.
_RECEIVED = re.compile(r"\b(?:receives|received|has been paid|was paid)\b", re.I)


@dataclass(frozen=True)
class Said(Generic[F]):
    """A recorded fact with its fact of a known type, so that its fields are read as that type's."""

    recorded: RecordedFact
    fact: F

    @property
    def id(self) -> str:
        return self.recorded.id


def _said(recorded: RecordedFact, kind: type[F]) -> Said[F] | None:
    return Said(recorded, recorded.fact) if isinstance(recorded.fact, kind) else None


def _names(quote: str, party: str | None) -> bool:
    """Whether a sentence names a party (any spelling of it `party_key` folds together)."""
    key = party_key(party)
    return key is not None and key in re.sub(r"[^a-z0-9]+", "", quote.lower())


@dataclass
class _Draft:
    """A line while the facts are read; `LedgerLine` is what it ends as."""

    first: RecordedFact
    id: str
    basis: str
    compound: str | None
    payee: str | None
    payer: str | None
    amount: Decimal
    currency: str
    trigger_text: str | None
    trigger: Trigger
    kind: str | None = None
    expected_by: date | None = None
    period: f.PartialDate | None = None
    payer_stated: bool = False
    anticipated: list[Said[f.MilestoneAnticipated]] = field(default_factory=list)
    triggered: list[Said[f.MilestoneTriggered]] = field(default_factory=list)
    reported_received: list[Said[f.MilestoneReceived | f.MilestoneTriggered]] = field(default_factory=list)
    """Reports that it was paid: received, or an upfront the company receives on signing."""
    met_by: RecordedFact | None = None
    confirmed: RecordedFact | None = None
    invoice: Said[f.InvoiceIssued] | None = None
    payments: list[Said[f.MilestoneReceived]] = field(default_factory=list)
    written_off: RecordedFact | None = None
    terms: Said[f.AgreementTermsRecorded] | None = None
    scheduled: str | None = None
    computed_amount: Decimal | None = None
    reported_amount: Decimal | None = None
    parts: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    answers_to: set[str] = field(default_factory=set)
    steps: list[Step] = field(default_factory=list)

    def note(self, recorded: RecordedFact, what: str, amount: Decimal | None = None, quote: str | None = None,
             on: date | None = None) -> None:
        if recorded.id not in self.sources:
            self.sources.append(recorded.id)
        self.answers_to.add(line_id(recorded.id))
        self.steps.append(Step(on=on or recorded.reported_on, what=what, event=recorded.id, source=_source(recorded),
                               quote=_words(recorded) if quote is None else quote, amount=amount))

    def releases(self, kinds: tuple[type[f.Fact], ...]) -> set[str]:
        return {r.release.id for r in self.mentions() if r.release is not None and isinstance(r.fact, kinds)}

    def mentions(self) -> list[RecordedFact]:
        return [s.recorded for s in self.anticipated] + [s.recorded for s in self.triggered] + self.paid_reports()

    def paid_reports(self) -> list[RecordedFact]:
        return [s.recorded for s in self.reported_received]

    @property
    def earned(self) -> bool:
        return bool(self.triggered or self.reported_received or self.confirmed or self.payments
                    or self.kind == "royalty")

    @property
    def established_by(self) -> RecordedFact:
        """The mention that made the line what it is: the first saying it was earned or paid, else the first."""
        earning = [s.recorded for s in self.triggered] + self.paid_reports()
        return min(earning, key=lambda r: r.sort_key) if earning else self.first


def ledger(history: tuple[RecordedFact, ...], names: NameBook, horizon: date) -> Ledger:
    """The ledger the facts in view make, standing on `horizon` (for lapses)."""
    builder = _Builder(history, names)
    for recorded in history:
        fact = recorded.fact
        if isinstance(fact, _PAYMENTS) and fact.amount is not None \
                and not (isinstance(fact, f.MilestoneReceived) and fact.line_id is not None):
            builder.milestone(recorded, fact, fact.amount)
    builder.apply_terms()
    builder.royalties()
    builder.parts_within_wholes()
    builder.conditions_met()
    for recorded in history:
        entry = recorded.fact
        if isinstance(entry, _LINE_ENTRIES) and entry.line_id:
            builder.entry(recorded, entry, entry.line_id)
    lines = [_finish(draft, horizon) for draft in builder.drafts]
    return Ledger(as_of=horizon, lines=sorted(lines, key=line_order))


def line_order(line: LedgerLine) -> tuple[str, date, str]:
    """Where a line stands in the ledger: by compound (lines of no compound first), then the day it was earned or
    is expected (undated last), then id."""
    return line.compound or "", line.triggered_on or line.expected_by or date.max, line.id


class _Builder:
    def __init__(self, history: tuple[RecordedFact, ...], names: NameBook):
        self.history = history
        self.names = names
        self.drafts: list[_Draft] = []
        self.agreements = _latest_terms(history)
        # Indexes, so that building the ledger costs in proportion to the history, not to its square.
        self._canonical: dict[str | None, str | None] = {}
        self._ids: set[str] = set()
        self._drafts_of: dict[str | None, list[_Draft]] = {}
        self._release_facts: dict[str, list[RecordedFact]] = {}
        self._meeting_of: dict[str | None, list[RecordedFact]] = {}
        """Each compound's facts of the kinds that can meet a condition (`_meets`)."""
        for recorded in history:
            if isinstance(recorded.fact, _MEETING):
                self._meeting_of.setdefault(self.canonical(recorded.fact.compound), []).append(recorded)
            if recorded.release is not None:
                self._release_facts.setdefault(recorded.release.id, []).append(recorded)

    def canonical(self, compound: str | None) -> str | None:
        if compound not in self._canonical:
            self._canonical[compound] = self.names.canonical(compound)
        return self._canonical[compound]

    def new(self, recorded: RecordedFact, key: str | None = None, **fields) -> _Draft:
        key = recorded.id if key is None else key
        ident = line_id(key)
        if ident in self._ids:
            ident = line_id(f"{key}/{len(self.drafts)}")
        draft = _Draft(first=recorded, id=ident, **fields)
        draft.answers_to.add(ident)
        self.drafts.append(draft)
        self._ids.add(ident)
        self._drafts_of.setdefault(draft.compound, []).append(draft)
        return draft

    # ---- milestones read from releases ----------------------------------

    def milestone(self, recorded: RecordedFact, fact: Payment, amount: Decimal) -> None:
        text = fact.trigger if isinstance(fact, f.MilestoneTriggered) else \
            fact.condition if isinstance(fact, f.MilestoneAnticipated) else None
        trigger = read_trigger(text, fact.quote).fill(self._context(recorded))
        draft = self._match(recorded, fact, amount, trigger)
        if draft is None:
            draft = self.new(recorded, basis="reported", compound=self.canonical(fact.compound), payee=fact.payee,
                             payer=fact.payer, amount=amount, currency=fact.currency or "USD",
                             trigger_text=text, trigger=trigger,
                             kind=fact.payment_kind or trigger.payment_kind)
        draft.trigger = draft.trigger.fill(trigger)
        draft.trigger_text = draft.trigger_text or text
        draft.payer = draft.payer or fact.payer
        draft.payer_stated = draft.payer_stated or _names(fact.quote, draft.payer)
        draft.kind = draft.kind or fact.payment_kind or trigger.payment_kind
        if isinstance(fact, f.MilestoneAnticipated):
            draft.note(recorded, "restated" if draft.anticipated else "anticipated")
            draft.anticipated.append(Said(recorded, fact))
            draft.expected_by = fact.expected_by or draft.expected_by
        elif isinstance(fact, f.MilestoneTriggered) and draft.kind == "upfront" and _RECEIVED.search(fact.quote):
            draft.note(recorded, "received on signing", amount=amount, on=fact_day(recorded))
            draft.reported_received.append(Said(recorded, fact))
        elif isinstance(fact, f.MilestoneTriggered):
            draft.note(recorded, "restated" if draft.triggered else "earned", on=fact_day(recorded))
            draft.triggered.append(Said(recorded, fact))
        else:
            draft.note(recorded, "received", amount=amount, on=fact_day(recorded))
            draft.reported_received.append(Said(recorded, fact))

    def _context(self, recorded: RecordedFact) -> Trigger:
        """The region and event of the nearest regulatory fact just before a milestone sentence in the same release.

        "This event triggers a $5 million milestone payment" follows the sentence saying which approval.
        """
        if recorded.release is None:
            return Trigger()
        compound = self.canonical(recorded.fact.compound)
        before = [r for r in self._release_facts.get(recorded.release.id, ())
                  if isinstance(r.fact, _REGULATORY) and r.fact.region
                  and recorded.fact.offset - _CONTEXT_CHARS <= r.fact.offset <= recorded.fact.offset
                  and self.canonical(r.fact.compound) in (None, compound)]
        if not before:
            return Trigger()
        nearest = max(before, key=lambda r: r.fact.offset).fact
        return Trigger(region=getattr(nearest, "region", None), event=_EVENT_OF.get(type(nearest)))

    def _match(self, recorded: RecordedFact, fact: Payment, amount: Decimal, trigger: Trigger) -> _Draft | None:
        apart = _APART_IN_A_RELEASE[type(fact)]
        compound = self.canonical(fact.compound)
        candidates = [
            d for d in self._drafts_of.get(compound, ())
            if d.basis == "reported" and d.kind != "royalty"
            and d.compound == compound and party_key(d.payee) == party_key(fact.payee)
            and d.amount == amount and d.currency == (fact.currency or "USD")
            and (party_key(d.payer) is None or party_key(fact.payer) is None or party_key(d.payer) == party_key(fact.payer))
            and d.trigger.compatible(trigger)
            and (recorded.release is None or recorded.release.id not in d.releases(apart))
        ]
        same = [d for d in candidates if d.trigger.same(trigger)]
        if same:
            return same[0]
        return candidates[0] if len(candidates) == 1 else None

    # ---- terms ------------------------------------------------------------

    def agreement_for(self, draft: _Draft) -> Said[f.AgreementTermsRecorded] | None:
        matching = [terms for terms in self.agreements
                    if self.canonical(terms.fact.compound) == draft.compound
                    and party_key(terms.fact.payee) == party_key(draft.payee)
                    and (party_key(draft.payer) is None or party_key(draft.payer) == party_key(terms.fact.payer))]
        by_territory = [t for t in matching if draft.trigger.region and t.fact.territory == draft.trigger.region]
        return next(iter(by_territory or matching), None)

    def apply_terms(self) -> None:
        for draft in list(self.drafts):
            terms = self.agreement_for(draft)
            if terms is not None:
                self._attach(draft, terms)
        for terms in self.agreements:
            for item in terms.fact.milestones:
                self._schedule(terms, item)

    def _attach(self, draft: _Draft, terms: Said[f.AgreementTermsRecorded]) -> None:
        agreement = terms.fact
        draft.terms = terms
        if draft.payer is None or not draft.payer_stated:
            draft.payer, draft.payer_stated = agreement.payer, True
        draft.note(terms.recorded, "terms", quote=f"agreement {agreement.agreement} ({agreement.terms_file or 'terms file'})")

    def _schedule(self, terms: Said[f.AgreementTermsRecorded], item: f.MilestoneTerm) -> None:
        """Match a schedule item to the line releases made of it, or add it as a contingent line of its own."""
        agreement = terms.fact
        trigger = read_trigger(item.trigger)
        candidates = [d for d in self.drafts
                      if d.terms is terms and d.scheduled is None and d.amount == item.amount
                      and d.currency == item.currency and d.trigger.compatible(trigger)]
        same = [d for d in candidates if d.trigger.same(trigger)]
        draft = same[0] if same else candidates[0] if len(candidates) == 1 else None
        if draft is None:
            draft = self.new(terms.recorded, key=f"{agreement.agreement}/{item.trigger}", basis="terms",
                             compound=self.canonical(agreement.compound), payee=agreement.payee, payer=agreement.payer,
                             payer_stated=True, amount=item.amount, currency=item.currency, trigger_text=item.trigger,
                             trigger=trigger)
            draft.terms = terms
            draft.note(terms.recorded, "scheduled", quote=f"agreement {agreement.agreement}: {item.trigger}")
        draft.scheduled = item.trigger
        draft.kind = item.kind or draft.kind or trigger.payment_kind
        draft.trigger = draft.trigger.fill(trigger)

    # ---- royalties ----------------------------------------------------------

    def royalties(self) -> None:
        for recorded in self.history:
            royalty = _said(recorded, f.RoyaltyReported)
            if royalty is not None and royalty.fact.amount is not None:
                self._reported_royalty(royalty, royalty.fact.amount)
        reports = _sales_reports(self.history, self.canonical)
        latest = [same[-1] for same in reports]
        for same in reports:
            for terms in self.agreements:
                agreement = terms.fact
                if (agreement.royalty_tiers and agreement.royalty_currency == same[-1].fact.currency
                        and self.canonical(agreement.compound) == self.canonical(same[-1].fact.compound)):
                    self._computed_royalty(same, terms, latest)

    def _royalty_line(self, compound: str | None, payee: str | None, period: f.PartialDate | None, currency: str) -> _Draft | None:
        return next((d for d in self._drafts_of.get(compound, ()) if d.kind == "royalty" and d.compound == compound and period is not None
                     and d.period == period and d.currency == currency and party_key(d.payee) == party_key(payee)), None)

    def _reported_royalty(self, royalty: Said[f.RoyaltyReported], amount: Decimal) -> None:
        fact = royalty.fact
        compound = self.canonical(fact.compound)
        draft = self._royalty_line(compound, fact.payee, fact.period, fact.currency or "USD")
        if draft is None:
            draft = self.new(royalty.recorded, basis="reported", compound=compound, payee=fact.payee, payer=fact.payer,
                             amount=amount, currency=fact.currency or "USD", kind="royalty", period=fact.period,
                             trigger_text=f"royalties on net sales, {fact.period}" if fact.period else "royalties",
                             trigger=Trigger(event="sales"))
            draft.note(royalty.recorded, "reported", amount=amount)
        else:
            draft.note(royalty.recorded, "restated", amount=amount)
            draft.amount = amount
        draft.payer = draft.payer or fact.payer
        draft.payer_stated = draft.payer_stated or _names(fact.quote, draft.payer)
        terms = self.agreement_for(draft)
        if terms is not None and draft.terms is None:
            self._attach(draft, terms)

    def _computed_royalty(self, reports: list[Said[f.NetSalesReported]], terms: Said[f.AgreementTermsRecorded],
                          sales: list[Said[f.NetSalesReported]]) -> None:
        """The royalty on one period's net sales (`reports`: the first report and its restatements) under `terms`."""
        first, fact = reports[0], reports[-1].fact
        agreement = terms.fact
        year = fact.period.first_day.year
        earlier = sum((s.fact.amount for s in sales
                       if s.fact.currency == fact.currency and s.fact.period.first_day.year == year
                       and s.fact.period.last_day < fact.period.first_day
                       and self.canonical(s.fact.compound) == self.canonical(fact.compound)), Decimal(0))
        royalty, portions = tiered_royalty(agreement.royalty_tiers, fact.amount, earlier)
        working = (f"{' + '.join(str(p) for p in portions)} = {money(royalty)}; net sales {fact.currency} "
                   f"{money(fact.amount)} for {fact.period}, {money(earlier)} earlier in {year}")
        compound = self.canonical(fact.compound)
        draft = self._royalty_line(compound, agreement.payee, fact.period, fact.currency)
        if draft is None:
            draft = self.new(first.recorded, key=f"{first.id}/{agreement.agreement}", basis="computed", compound=compound,
                             payee=agreement.payee, payer=agreement.payer, amount=royalty, currency=fact.currency,
                             kind="royalty", period=fact.period, trigger_text=f"royalties on net sales, {fact.period}",
                             trigger=Trigger(event="sales"))
            self._attach(draft, terms)
        draft.computed_amount = royalty
        for superseded in reports[:-1]:
            draft.note(superseded.recorded, "net sales restated later", amount=superseded.fact.amount,
                       quote=f"net sales {fact.currency} {money(superseded.fact.amount)} for {fact.period}")
        draft.note(reports[-1].recorded, "computed", amount=royalty, quote=working)

    def parts_within_wholes(self) -> None:
        """Each reported royalty figure that holds others reported apart counts only the rest of it."""
        reported = [d for d in self.drafts if d.kind == "royalty" and d.basis == "reported"
                    and d.period is not None and party_key(d.payee)]
        figures = {d.id: d.amount for d in reported}
        alike: dict[tuple[str | None, str], list[_Draft]] = {}  # a figure holds only those of its payee and currency
        for draft in reported:
            alike.setdefault((party_key(draft.payee), draft.currency), []).append(draft)
        for whole in reported:
            parts = [d for d in alike[party_key(whole.payee), whole.currency] if _holds(whole, d)]
            direct = [d for d in parts if not any(_holds(other, d) for other in parts)]
            rest = figures[whole.id] - sum((figures[d.id] for d in direct), Decimal(0))
            if not direct or rest < 0:
                continue
            apart = ", ".join(f"{d.compound or 'royalties'} {d.period} {d.currency} {money(figures[d.id])} ({d.id})"
                              for d in direct)
            whole.reported_amount, whole.amount, whole.parts = figures[whole.id], rest, [d.id for d in direct]
            whole.trigger_text = f"{whole.trigger_text}, less what is reported apart"
            whole.steps.append(Step(on=max(d.first.reported_on for d in direct), what="less parts reported apart",
                                    event=direct[0].first.id, source=_source(direct[0].first), amount=rest,
                                    quote=f"{whole.currency} {money(figures[whole.id])} reported, of which {apart}"))

    # ---- conditions met, and what people record against lines ------------------

    def conditions_met(self) -> None:
        """Point each milestone at the first event that met its condition: a contingent line awaits confirmation,
        an earned one dates from it."""
        for draft in self.drafts:
            if draft.kind == "royalty":
                continue
            anticipating = draft.releases((f.MilestoneAnticipated,))
            met = next((r for r in self._meeting_of.get(draft.compound, ()) if self._meets(draft, r, anticipating)), None)
            if met is not None:
                draft.met_by = met
                what = "trigger event" if draft.triggered or draft.reported_received else MET
                draft.note(met, what, quote=_words(met), on=met.reported_on)

    def _meets(self, draft: _Draft, recorded: RecordedFact, anticipating: set[str]) -> bool:
        """Whether `recorded` meets the draft's condition; never a fact of a release that anticipates it."""
        fact, wanted = recorded.fact, draft.trigger
        if self.canonical(fact.compound) != draft.compound or wanted.event is None:
            return False
        if recorded.release is not None and recorded.release.id in anticipating:
            return False
        if wanted.event == "approval":
            return isinstance(fact, f.ApprovalGranted) and wanted.region is not None and fact.region == wanted.region
        if wanted.event == "opinion":
            return isinstance(fact, f.RegulatoryOpinionIssued) and wanted.region is not None \
                and fact.region == wanted.region and fact.opinion == "positive"
        if wanted.event == "submission":
            return isinstance(fact, f.RegulatorySubmission) and wanted.region is not None and fact.region == wanted.region
        if wanted.event in ("initiation", "first patient dosed"):
            return isinstance(fact, f.TrialStarted) and (wanted.phase is None or fact.phase == wanted.phase)
        return False

    def entry(self, recorded: RecordedFact, entry: LineEntry, wanted: str) -> None:
        draft = next((d for d in self.drafts if wanted in d.answers_to), None)
        if draft is None:
            return
        reason = recorded.reason or ""
        on = fact_day(recorded)
        if isinstance(entry, f.InvoiceIssued):
            draft.invoice = Said(recorded, entry)
            due = f"; due {entry.due_on.isoformat()}" if entry.due_on else ""
            draft.note(recorded, INVOICED, amount=entry.amount, quote=reason + due, on=on)
        elif isinstance(entry, f.MilestoneReceived):
            draft.payments.append(Said(recorded, entry))
            draft.note(recorded, "paid", amount=entry.amount, quote=reason, on=on)
        elif isinstance(entry, f.MilestoneWrittenOff):
            draft.written_off = recorded
            draft.note(recorded, WRITTEN_OFF, quote=reason, on=on)
        else:
            draft.confirmed = recorded
            draft.note(recorded, "confirmed", quote=reason, on=on)


def _holds(whole: _Draft, part: _Draft) -> bool:
    """Whether royalty figure `part` is within figure `whole`: same payee and currency, its period within the
    whole's, and of the whole's compound (any, where the whole names none)."""
    if whole is part or whole.period is None or part.period is None:
        return False
    if party_key(whole.payee) != party_key(part.payee) or whole.currency != part.currency:
        return False
    within = whole.period.first_day <= part.period.first_day and part.period.last_day <= whole.period.last_day
    if whole.compound is None:
        return within and (part.compound is not None or part.period != whole.period)
    return within and part.compound == whole.compound and part.period != whole.period


def _latest_terms(history: Iterable[RecordedFact]) -> list[Said[f.AgreementTermsRecorded]]:
    """The terms in view for each agreement: the latest recorded replace the earlier."""
    latest: dict[str, Said[f.AgreementTermsRecorded]] = {}
    for recorded in history:
        terms = _said(recorded, f.AgreementTermsRecorded)
        if terms is not None:
            latest[terms.fact.agreement] = terms
    return sorted(latest.values(), key=lambda t: t.fact.agreement)


def _sales_reports(history: Iterable[RecordedFact], canonical: Callable[[str | None], str | None]
                   ) -> list[list[Said[f.NetSalesReported]]]:
    """Net sales reports per compound, period, currency and territory, in order: the last restates the others."""
    reports: dict[tuple, list[Said[f.NetSalesReported]]] = {}
    for recorded in history:
        sales = _said(recorded, f.NetSalesReported)
        if sales is not None:
            fact = sales.fact
            reports.setdefault((canonical(fact.compound), str(fact.period), fact.currency, fact.territory), []).append(sales)
    return list(reports.values())


def _finish(draft: _Draft, horizon: date) -> LedgerLine:
    paid = sum((p.fact.amount or Decimal(0) for p in draft.payments), Decimal(0)) + \
        sum((r.fact.amount or Decimal(0) for r in draft.reported_received), Decimal(0))
    lapsed_on = _lapsed_on(draft, horizon)
    status = _status(draft, paid, lapsed_on)
    if lapsed_on is not None and status == LAPSED:
        draft.steps.append(Step(on=lapsed_on, what=LAPSED, event=draft.first.id, source=_source(draft.first),
                                quote=f"nothing confirmed it within {LAPSE_AFTER.days} days of {draft.expected_by}"))
    triggered_on = _triggered_on(draft) if status != MET else fact_day(draft.met_by) if draft.met_by else None
    written_off = max(draft.amount - paid, Decimal(0)) if status == WRITTEN_OFF else Decimal(0)
    terms = draft.terms.fact if draft.terms else None
    invoice = draft.invoice.fact if draft.invoice else None
    invoiced_on = fact_day(draft.invoice.recorded) if draft.invoice else None
    due_on, payment_terms, assumed = _due(terms, triggered_on, invoiced_on, invoice)
    source = draft.established_by
    return LedgerLine(
        id=draft.id, status=status, kind=draft.kind, basis=draft.basis,
        counterparty=draft.payer, counterparty_inferred=draft.payer is not None and not draft.payer_stated,
        payee=draft.payee, agreement=terms.agreement if terms else None, compound=draft.compound,
        territory=draft.trigger.region or (terms.territory if terms else None),
        trigger=draft.trigger_text or draft.scheduled or (str(draft.trigger) if draft.trigger.event else None),
        amount=draft.amount, currency=draft.currency, paid=paid,
        written_off=written_off,
        outstanding=draft.amount - paid - written_off if status != LAPSED else Decimal(0),
        expected_by=draft.expected_by, condition_met_by=draft.met_by.id if draft.met_by else None,
        triggered_on=triggered_on if status not in (CONTINGENT, LAPSED) else None,
        published_on=source.reported_on, source_file=source.release.file if source.release else None,
        source_event=source.id, invoiced_on=invoiced_on,
        due_on=due_on if status in OPEN + (RECEIVED, MET) else None, payment_terms=payment_terms, terms_assumed=assumed,
        period=str(draft.period) if draft.period else None, computed_amount=draft.computed_amount,
        reported_amount=draft.reported_amount, parts=draft.parts,
        sources=draft.sources, answers_to=sorted(draft.answers_to),
        history=sorted(draft.steps, key=lambda s: s.on))


def _triggered_on(draft: _Draft) -> date | None:
    """When the line was earned: the earliest of the event that met its condition and the reports,
    confirmation or payments that say it was earned."""
    if draft.kind == "royalty" and draft.period is not None:
        return draft.period.last_day
    earned = [s.recorded for s in draft.triggered] + draft.paid_reports() + [s.recorded for s in draft.payments]
    if draft.confirmed is not None:
        earned.append(draft.confirmed)
    if not earned:
        return None
    return min(fact_day(r) for r in earned + ([draft.met_by] if draft.met_by else []))


def lapses_between(expected_by: date | None, since: date, until: date) -> bool:
    """Whether a line expected by `expected_by` lapses between standing on `since` and standing on `until` (it had
    not by `since`; it has by `until`): the one way a line of the same facts differs from one day to another
    (`_lapsed_on`, the one part of a line that reads the day)."""
    return expected_by is not None and since <= expected_by + LAPSE_AFTER < until


def _lapsed_on(draft: _Draft, horizon: date) -> date | None:
    """The day a contingent line lapses, once it has by `horizon`."""
    if draft.expected_by is None or horizon <= draft.expected_by + LAPSE_AFTER:
        return None
    return draft.expected_by + LAPSE_AFTER


def _status(draft: _Draft, paid: Decimal, lapsed_on: date | None) -> str:
    if draft.written_off is not None and paid < draft.amount:
        return WRITTEN_OFF
    if draft.earned:
        if paid >= draft.amount:
            return RECEIVED
        if paid > 0:
            return PART_PAID
        return INVOICED if draft.invoice else EARNED
    if draft.met_by is not None:
        return MET
    return LAPSED if lapsed_on is not None else CONTINGENT


def _due(terms: f.AgreementTermsRecorded | None, triggered_on: date | None, invoiced_on: date | None,
         invoice: f.InvoiceIssued | None) -> tuple[date | None, str, bool]:
    """The due date, the payment terms it follows, and whether those terms are assumed."""
    if terms is not None and terms.payment_days is not None:
        days, after, assumed = terms.payment_days, terms.payment_after or "trigger", False
        wording = f"net {days} days after {after} (agreement {terms.agreement})"
    else:
        days, after, assumed = DEFAULT_PAYMENT_DAYS, "trigger", True
        wording = f"net {days} days after trigger (assumed: no payment terms recorded)"
    if invoice is not None and invoice.due_on is not None:
        return invoice.due_on, f"due {invoice.due_on.isoformat()} per invoice", False
    start = invoiced_on if after == "invoice" else triggered_on
    return (start + timedelta(days=days) if start else None), wording, assumed
