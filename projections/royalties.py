"""Royalties owed on net sales under tiered rates.

Tiers apply to a year's cumulative net sales ("8% up to $500M of annual net
sales, 10% above"), so a quarter's royalty depends on the sales booked earlier
in the same year: the part of the quarter's sales that falls in each tier is
charged at that tier's rate. Each part is kept so the figure can be explained.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tracker.domain.facts import RoyaltyTier

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class TierPortion:
    sales: Decimal
    percent: Decimal
    royalty: Decimal
    above: Decimal
    up_to: Decimal | None

    def __str__(self) -> str:
        band = f"{money(self.above)}-{money(self.up_to)}" if self.up_to is not None else f"above {money(self.above)}"
        return f"{money(self.percent)}% of {money(self.sales)} (annual sales {band})"


def money(amount: Decimal) -> str:
    """An amount with thousands separators, without decimals when it is whole."""
    if amount == amount.to_integral_value():
        return f"{amount.quantize(Decimal(1)):,}"
    return f"{amount.normalize():,f}"


def tiered_royalty(tiers: tuple[RoyaltyTier, ...], sales: Decimal, earlier_in_year: Decimal = Decimal(0)) -> tuple[Decimal, list[TierPortion]]:
    """The royalty on `sales` booked after `earlier_in_year` of the same year's sales, and how it splits by tier."""
    start, end = earlier_in_year, earlier_in_year + sales
    lower = Decimal(0)
    portions = []
    for tier in tiers:
        upper = tier.up_to
        part = (end if upper is None else min(end, upper)) - max(start, lower)
        if part > 0:
            royalty = (part * tier.percent / 100).quantize(_CENT, rounding=ROUND_HALF_UP)
            portions.append(TierPortion(part, tier.percent, royalty, lower, upper))
        if upper is None:
            break
        lower = upper
    total = sum((p.royalty for p in portions), Decimal(0))
    return total, portions
