"""The domain vocabulary: what a press release can tell us, one fact a class.

These are the event types of `shared/EVENTS.md`. A fact carries what the text
says and where it says it (`quote`, `line`, `offset`); it does not carry when
it was published or stored: those belong to the release and to the store, and
are joined in by the projections.

`compound` is the name the release uses for the product. Which canonical name
it resolves to depends on every alias known at the time of a query, so that is
worked out by `projections.names`, never frozen here.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from tracker.dates import PartialDate

Phase = Literal["preclinical", "I", "I/II", "II", "II/III", "III", "filed", "approved"]
Outcome = Literal["positive", "negative", "non_inferior", "mixed"]
Opinion = Literal["positive", "negative"]
AliasKind = Literal["code", "inn", "brand", "former"]
PartnerRole = Literal["licensee", "developer", "collaborator", "originator"]
PaymentKind = Literal["upfront", "development", "regulatory", "sales", "royalty"]


class Fact(BaseModel):
    """What every fact has: its compound, its time in the world, and its source.

    What each type means to the rest of the tracker is declared once, on its class:
    `summary_fields` (shown in a table row), `recorded_with` (the command a person records it with,
    which checks it first), `in_ledger` (the ledger reads it), `in_every_view` (every query reads it,
    whatever the compound asked about) and `implied_phase()` (the development phase it shows).
    """

    # A class's validator is built when it first validates, not at import: a command pays for the types it reads.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    summary_fields: ClassVar[tuple[str, ...]] = ()
    recorded_with: ClassVar[str | None] = None
    in_ledger: ClassVar[bool] = False
    in_every_view: ClassVar[bool] = False
    shows_phase: ClassVar[bool] = False
    """Its `phase` is the phase the compound has reached (a readout still expected is not)."""
    exported_when_set: ClassVar[tuple[str, ...]] = ()
    """Fields the export prints only when they hold a value: an extension of the contract's shape that a record
    of a type it does not concern (a presentation that happened has no `expected_by`) does not carry."""

    compound: str | None = None
    occurred_on: PartialDate | None = None
    quote: str = Field(default="", description="the sentence read, verbatim; empty for a fact a person entered")
    line: int | None = Field(default=None, ge=1, description="1-based line of the release where the quote starts")
    offset: int = Field(default=0, ge=0, description="character offset of the quote in the release text")
    confidence: float = Field(default=1.0, ge=0, le=1)

    @classmethod
    def phase_shown(cls, phase: str | None) -> str | None:
        """The phase of development a fact of this type shows the compound at, given its `phase` field."""
        return phase if cls.shows_phase else None

    def implied_phase(self) -> str | None:
        return self.phase_shown(getattr(self, "phase", None))


class CompoundAliasRecorded(Fact):
    type: Literal["CompoundAliasRecorded"] = "CompoundAliasRecorded"
    summary_fields = ("alias", "alias_kind")
    alias: str
    alias_kind: AliasKind | None = None


class PartnershipRecorded(Fact):
    type: Literal["PartnershipRecorded"] = "PartnershipRecorded"
    summary_fields = ("partner", "role", "territory")
    partner: str
    role: PartnerRole | None = None
    territory: str | None = None


class DevelopmentStatusReported(Fact):
    type: Literal["DevelopmentStatusReported"] = "DevelopmentStatusReported"
    summary_fields = ("phase", "indication")
    shows_phase = True
    phase: Phase | None = None
    indication: str | None = None


class TrialStarted(Fact):
    type: Literal["TrialStarted"] = "TrialStarted"
    summary_fields = ("trial", "phase", "indication")
    shows_phase = True
    trial: str | None = None
    phase: Phase | None = None
    indication: str | None = None


class TrialDesignReported(Fact):
    type: Literal["TrialDesignReported"] = "TrialDesignReported"
    summary_fields = ("trial", "registry_ids", "enrollment")
    shows_phase = True
    trial: str | None = None
    phase: Phase | None = None
    registry_ids: tuple[str, ...] = ()
    enrollment: int | None = None
    arms: tuple[str, ...] | None = None
    primary_endpoint: str | None = None


class TopLineReported(Fact):
    type: Literal["TopLineReported"] = "TopLineReported"
    summary_fields = ("trial", "phase", "outcome", "endpoint")
    shows_phase = True
    trial: str | None = None
    phase: Phase | None = None
    indication: str | None = None
    outcome: Outcome
    endpoint: str | None = None


class DataPresented(Fact):
    """Data shown at a meeting or in a journal; one still to come ("will present at ASCO 2021") is an expectation:
    its `expected_by` is the last day of the window the text gives for it and it has no `occurred_on`."""

    type: Literal["DataPresented"] = "DataPresented"
    summary_fields = ("conference", "abstract", "phase", "expected_by")
    shows_phase = True
    exported_when_set = ("expected_by",)
    conference: str | None = None
    abstract: str | None = None
    trial: str | None = None
    phase: Phase | None = None
    presented_on: PartialDate | None = None
    expected_by: date | None = None
    """Set for a presentation still to come only: None for one that happened."""

    @property
    def upcoming(self) -> bool:
        return self.expected_by is not None


class RegulatorySubmission(Fact):
    type: Literal["RegulatorySubmission"] = "RegulatorySubmission"
    summary_fields = ("agency", "region", "application", "status")
    agency: str | None = None
    region: str | None = None
    indication: str | None = None
    application: str | None = None
    status: Literal["submitted", "accepted"] = "submitted"

    @classmethod
    def phase_shown(cls, phase: str | None) -> str | None:
        return "filed"


class RegulatoryOpinionIssued(Fact):
    type: Literal["RegulatoryOpinionIssued"] = "RegulatoryOpinionIssued"
    summary_fields = ("agency", "region", "opinion")
    agency: str | None = None
    region: str | None = None
    opinion: Opinion
    indication: str | None = None


class ApprovalGranted(Fact):
    type: Literal["ApprovalGranted"] = "ApprovalGranted"
    summary_fields = ("agency", "region", "approval_type")
    agency: str | None = None
    region: str | None = None
    indication: str | None = None
    approval_type: Literal["full", "accelerated", "conditional"] | None = None

    @classmethod
    def phase_shown(cls, phase: str | None) -> str | None:
        return "approved"


class ApprovalDeclined(Fact):
    """A regulator's refusal to approve: a Complete Response Letter, a refusal, or a withdrawn application."""

    type: Literal["ApprovalDeclined"] = "ApprovalDeclined"
    summary_fields = ("agency", "region", "form")
    agency: str | None = None
    region: str | None = None
    indication: str | None = None
    application: str | None = None
    form: Literal["complete_response", "refusal", "withdrawal"] | None = None


class RegulatoryDecisionExpected(Fact):
    type: Literal["RegulatoryDecisionExpected"] = "RegulatoryDecisionExpected"
    summary_fields = ("agency", "region", "expected_by")
    agency: str | None = None
    region: str | None = None
    expected_by: date | None = None


class SubmissionExpected(Fact):
    type: Literal["SubmissionExpected"] = "SubmissionExpected"
    summary_fields = ("agency", "region", "expected_by")
    agency: str | None = None
    region: str | None = None
    indication: str | None = None
    application: str | None = None
    expected_by: date | None = None


class ReadoutExpected(Fact):
    type: Literal["ReadoutExpected"] = "ReadoutExpected"
    summary_fields = ("trial", "expected_by")
    trial: str | None = None
    phase: Phase | None = None
    indication: str | None = None
    expected_by: date | None = None


class _Payment(Fact):
    payer: str | None = None
    payee: str | None = None
    amount: Decimal | None = None
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    payment_kind: PaymentKind | None = None


class MilestoneTriggered(_Payment):
    type: Literal["MilestoneTriggered"] = "MilestoneTriggered"
    summary_fields = ("amount", "currency", "payer", "payee")
    in_ledger = True
    trigger: str | None = None


class MilestoneAnticipated(_Payment):
    type: Literal["MilestoneAnticipated"] = "MilestoneAnticipated"
    summary_fields = ("amount", "currency", "payee", "expected_by")
    in_ledger = True
    condition: str | None = None
    expected_by: date | None = None


class MilestoneReceived(_Payment):
    type: Literal["MilestoneReceived"] = "MilestoneReceived"
    summary_fields = ("amount", "currency", "payer", "payee")
    in_ledger = True
    line_id: str | None = Field(default=None, description="the ledger line a payment entered by hand settles")


class PartyAffiliationRecorded(Fact):
    """A company stated to belong to another ("Genentech, a member of the Roche Group")."""

    type: Literal["PartyAffiliationRecorded"] = "PartyAffiliationRecorded"
    summary_fields = ("party", "parent")
    in_every_view = True
    party: str
    parent: str


class RoyaltyReported(_Payment):
    type: Literal["RoyaltyReported"] = "RoyaltyReported"
    summary_fields = ("amount", "currency", "rate", "period")
    in_ledger = True
    rate: str | None = None
    period: PartialDate | None = None


class EventRetracted(Fact):
    """A correction: the event `retracts` no longer stands, from this fact's time on."""

    type: Literal["EventRetracted"] = "EventRetracted"
    summary_fields = ("retracts", "reason")
    recorded_with = "tracker retract"
    retracts: str
    reason: str


class FactReviewed(Fact):
    """A person's decision on an event read with too little confidence to enter the projections alone.

    Accepted, the event enters from this decision's time on, with `changes` (field: new value) applied;
    rejected, it stays out whatever its confidence.
    """

    type: Literal["FactReviewed"] = "FactReviewed"
    recorded_with = "tracker review accept|reject|edit"
    in_every_view = True
    reviews: str
    decision: Literal["accepted", "rejected"]
    changes: dict[str, Any] = Field(default_factory=dict)


# ---- ledger and receivables: terms, sales and what people record against ledger lines ----

Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class MilestoneTerm(BaseModel):
    """One payment of an agreement's milestone schedule."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    trigger: str
    amount: Decimal
    currency: Currency
    kind: PaymentKind | None = None


class RoyaltyTier(BaseModel):
    """A royalty rate on the part of a year's net sales up to `up_to` (the top tier has none)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    up_to: Decimal | None = None
    percent: Decimal


class AgreementTermsRecorded(Fact):
    """An agreement's terms as a person recorded them from a terms file: what releases do not say.

    The latest terms recorded for an `agreement` id replace earlier ones from their publication on.
    """

    type: Literal["AgreementTermsRecorded"] = "AgreementTermsRecorded"
    summary_fields = ("agreement", "payer", "payee", "territory")
    recorded_with = "tracker terms load"
    in_ledger = True
    agreement: str
    payer: str
    payee: str
    territory: str | None = None
    milestones: tuple[MilestoneTerm, ...] = ()
    payment_days: int | None = Field(default=None, ge=0)
    payment_after: Literal["trigger", "invoice"] | None = None
    royalty_currency: Currency | None = None
    royalty_tiers: tuple[RoyaltyTier, ...] = ()
    terms_file: str | None = None


class NetSalesReported(Fact):
    """A product's net sales for a period, on which royalties are computed from the terms."""

    type: Literal["NetSalesReported"] = "NetSalesReported"
    summary_fields = ("amount", "currency", "period", "territory")
    recorded_with = "tracker record net-sales"
    in_ledger = True
    period: PartialDate
    amount: Decimal
    currency: Currency
    territory: str | None = None


class InvoiceIssued(Fact):
    """An invoice sent for a ledger line; `occurred_on` is the invoice date."""

    type: Literal["InvoiceIssued"] = "InvoiceIssued"
    summary_fields = ("line_id", "amount", "currency", "due_on")
    recorded_with = "tracker record invoice"
    in_ledger = True
    line_id: str
    amount: Decimal
    currency: Currency
    due_on: date | None = None


class MilestoneWrittenOff(Fact):
    """A ledger line given up on: what is still outstanding will not be collected."""

    type: Literal["MilestoneWrittenOff"] = "MilestoneWrittenOff"
    summary_fields = ("line_id",)
    recorded_with = "tracker record write-off"
    in_ledger = True
    line_id: str


class MilestoneConfirmed(Fact):
    """A person confirms a contingent line is earned, e.g. once a later event met its condition."""

    type: Literal["MilestoneConfirmed"] = "MilestoneConfirmed"
    summary_fields = ("line_id", "evidence")
    recorded_with = "tracker record confirm"
    in_ledger = True
    line_id: str
    evidence: str | None = Field(default=None, description="the event that met the condition, when one did")


FACT_CLASSES: tuple[type[Fact], ...] = (
    CompoundAliasRecorded,
    PartnershipRecorded,
    DevelopmentStatusReported,
    TrialStarted,
    TrialDesignReported,
    TopLineReported,
    DataPresented,
    RegulatorySubmission,
    RegulatoryOpinionIssued,
    ApprovalGranted,
    ApprovalDeclined,
    RegulatoryDecisionExpected,
    SubmissionExpected,
    ReadoutExpected,
    MilestoneTriggered,
    MilestoneAnticipated,
    MilestoneReceived,
    RoyaltyReported,
    PartyAffiliationRecorded,
    EventRetracted,
    FactReviewed,
    AgreementTermsRecorded,
    NetSalesReported,
    InvoiceIssued,
    MilestoneWrittenOff,
    MilestoneConfirmed,
)
FACT_TYPES: dict[str, type[Fact]] = {cls.__name__: cls for cls in FACT_CLASSES}
#: The types a ledger line starts from or is changed by.
LEDGER_FACT_TYPES: tuple[str, ...] = tuple(sorted(name for name, cls in FACT_TYPES.items() if cls.in_ledger))
#: The types every query reads, whatever the compound it asks about (affiliations, review decisions).
EVERY_VIEW_FACT_TYPES: tuple[str, ...] = tuple(sorted(name for name, cls in FACT_TYPES.items() if cls.in_every_view))
#: The types a person records with a command of their own, which checks them against the record first.
OWN_COMMANDS: dict[str, str] = {name: cls.recorded_with for name, cls in FACT_TYPES.items() if cls.recorded_with}
AnyFact = Annotated[Union[FACT_CLASSES], Field(discriminator="type")]  # type: ignore[valid-type]  # noqa: UP007


@cache
def _adapter() -> TypeAdapter[Fact]:
    """The validator of every fact type, built on first use rather than at import."""
    return TypeAdapter(AnyFact)


#: One set of the fields given per fact type and set of fields, shared by every fact validated with them.
_FIELDS_GIVEN: dict[tuple[type[Fact], frozenset[str]], set[str]] = {}


def _sharing_fields_given(fact: Fact) -> Fact:
    """`fact` holding the set of the fields it was given that every fact of its type given the same fields holds:
    a set of a dozen names is half of what a fact costs in memory, and a query holds a hundred thousand facts.
    Facts are frozen, so the set is never added to (pydantic copies it with a copy of the fact)."""
    given = fact.__pydantic_fields_set__
    object.__setattr__(fact, "__pydantic_fields_set__", _FIELDS_GIVEN.setdefault((type(fact), frozenset(given)), given))
    return fact


def fact_from_json(data: str | bytes) -> Fact:
    """The fact a `model_dump_json()` text describes, validated (parsed and checked in one pass)."""
    return _sharing_fields_given(_adapter().validate_json(data))


def fact_from_dict(data: dict) -> Fact:
    """The fact a `model_dump(mode="json")` dict describes, validated."""
    return _sharing_fields_given(_adapter().validate_python(data))
