"""Exchange rates a user supplies, the only way one currency's total becomes another's.

The tracker never fetches or guesses a rate: a report converts totals only
with a rates file, and says which file and which rates it used.

    base = "USD"            # what the converted totals are in
    [rates]
    EUR = "1.08"            # one EUR is 1.08 USD
    DKK = "0.145"
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from tracker.currencies import Currency
from tracker.errors import TrackerError
from tracker.tomlfile import read_toml


class RatesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    base: Currency
    rates: dict[Currency, Annotated[Decimal, Field(gt=0)]]


@dataclass(frozen=True)
class Rates:
    file: str
    base: str
    rates: dict[str, Decimal]

    def rate(self, currency: str) -> Decimal:
        if currency == self.base:
            return Decimal(1)
        if currency not in self.rates:
            raise TrackerError(f"{self.file}: no rate for {currency} to {self.base}; add {currency} = \"...\" under [rates]")
        return self.rates[currency]

    def convert(self, amount: Decimal, currency: str) -> Decimal:
        return amount * self.rate(currency)


def read_rates(path: Path) -> Rates:
    found = read_toml(path, RatesFile)
    return Rates(file=str(path), base=found.base, rates=found.rates)
