"""Agreement terms a person writes down: what releases do not say.

A terms file (TOML) names each agreement between a payer and a payee for a
compound, its milestone schedule, when payments fall due, and royalty tiers
on annual net sales. `tracker terms load` validates the file and records each
agreement as an `AgreementTermsRecorded` entry, so that a query as of a past
day sees the terms known on that day. See `examples/terms.toml`.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from tracker.currencies import Currency
from tracker.domain.facts import AgreementTermsRecorded, MilestoneTerm, PaymentKind, RoyaltyTier
from tracker.tomlfile import read_toml

_STRICT = ConfigDict(extra="forbid", str_strip_whitespace=True)


class MilestoneSpec(BaseModel):
    model_config = _STRICT
    trigger: str = Field(min_length=1)
    amount: Decimal = Field(gt=0)
    currency: Currency
    kind: PaymentKind | None = None


class PaymentSpec(BaseModel):
    model_config = _STRICT
    days: int = Field(ge=0)
    after: Literal["trigger", "invoice"] = "trigger"


class TierSpec(BaseModel):
    model_config = _STRICT
    up_to: Decimal | None = Field(default=None, gt=0)
    percent: Decimal = Field(ge=0, le=100)


class RoyaltySpec(BaseModel):
    model_config = _STRICT
    currency: Currency
    tier: list[TierSpec] = Field(min_length=1)

    @field_validator("tier")
    @classmethod
    def tiers_rise(cls, tiers: list[TierSpec]) -> list[TierSpec]:
        bounds = [t.up_to for t in tiers]
        if any(b is None for b in bounds[:-1]):
            raise ValueError("only the last tier may leave out up_to")
        if any(a >= b for a, b in zip(bounds, bounds[1:]) if a is not None and b is not None):
            raise ValueError("tiers must be listed by rising up_to")
        return tiers


class AgreementSpec(BaseModel):
    model_config = _STRICT
    id: str = Field(min_length=1)
    payer: str = Field(min_length=1)
    payee: str = Field(min_length=1)
    compound: str = Field(min_length=1)
    territory: str | None = None
    payment: PaymentSpec | None = None
    milestone: list[MilestoneSpec] = Field(default_factory=list)
    royalty: RoyaltySpec | None = None

    def fact(self, terms_file: str) -> AgreementTermsRecorded:
        return AgreementTermsRecorded(
            compound=self.compound, agreement=self.id, payer=self.payer, payee=self.payee, territory=self.territory,
            milestones=tuple(MilestoneTerm(trigger=m.trigger, amount=m.amount, currency=m.currency, kind=m.kind)
                             for m in self.milestone),
            payment_days=self.payment.days if self.payment else None,
            payment_after=self.payment.after if self.payment else None,
            royalty_currency=self.royalty.currency if self.royalty else None,
            royalty_tiers=tuple(RoyaltyTier(up_to=t.up_to, percent=t.percent) for t in self.royalty.tier)
            if self.royalty else (),
            terms_file=terms_file)


class TermsFile(BaseModel):
    model_config = _STRICT
    agreement: list[AgreementSpec] = Field(min_length=1)

    @field_validator("agreement")
    @classmethod
    def ids_unique(cls, agreements: list[AgreementSpec]) -> list[AgreementSpec]:
        ids = [a.id for a in agreements]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"agreement id {repeated[0]!r} is used twice")
        return agreements


def read_terms(path: Path) -> list[AgreementTermsRecorded]:
    """The agreements of a terms file as facts to record, or an error naming the file and line."""
    return [spec.fact(path.name) for spec in read_toml(path, TermsFile).agreement]
