"""Sums of money as releases write them: $5 million, US$10.5M, USD 1,856 million, DKK 87 million, €20 million, £3m."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "a$": "AUD", "au$": "AUD",
            "c$": "CAD", "ca$": "CAD", "rmb": "CNY", "chf": "CHF", "sfr": "CHF"}
_CODES = ("USD", "EUR", "GBP", "JPY", "DKK", "SEK", "NOK", "CHF", "CNY", "AUD", "CAD", "HKD", "KRW", "INR")
_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "mm": 10**6, "mio": 10**6,
           "billion": 10**9, "bn": 10**9, "b": 10**9}

_CURRENCY = r"US\$|U\.S\.\s?\$|AU?\$|CA?\$|RMB|CHF|SFr|[$€£¥]|(?:" + "|".join(_CODES) + r")(?=\s?\d)"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|mio|mn|bn|MM|[mMbBkK]"
MONEY_PATTERN = re.compile(
    rf"(?<![\w$])(?P<currency>{_CURRENCY})\s?(?P<number>{_NUMBER})(?:\s?(?P<scale>{_SCALE}))?(?![\w])", re.I)
_TRAILING_CODE = re.compile(rf"(?<![\w.])(?P<number>{_NUMBER})\s?(?P<scale>{_SCALE})?\s(?P<currency>{'|'.join(_CODES)}|euros?|dollars)\b")


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: Decimal
    currency: str


def _currency_code(written: str) -> str:
    written = re.sub(r"\s", "", written).lower()
    if written.startswith("euro"):
        return "EUR"
    if written.startswith("dollar"):
        return "USD"
    return _SYMBOLS.get(written, written.upper())


def _amount(number: str, scale: str | None) -> Decimal:
    value = Decimal(number.replace(",", "")) * _SCALES.get((scale or "").lower(), 1)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def amounts_in(text: str) -> list[Money]:
    """Every sum of money in `text`, in order, in whole currency units."""
    found: list[Money] = []
    for pattern in (MONEY_PATTERN, _TRAILING_CODE):
        for match in pattern.finditer(text):
            if any(match.start() < m.end and m.start < match.end() for m in found):
                continue
            found.append(Money(match.start(), match.end(), _amount(match["number"], match["scale"]),
                               _currency_code(match["currency"])))
    return sorted(found, key=lambda money: money.start)
