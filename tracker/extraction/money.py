"""Sums of money as releases write them: $5 million, US$10.5M, USD 1,856 million, DKK 87 million, €20 million, £3m."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tracker.lexicon import CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, SCALES

_SYMBOLS = sorted(CURRENCY_SYMBOLS, key=len, reverse=True)
#: A currency before its sum: a symbol or prefix ("US$", "U.S. $", "€", "RMB"), or an ISO code followed by the number.
CURRENCY_BEFORE = ("|".join(re.escape(symbol).replace(r"\.\$", r"\.\s?\$") for symbol in _SYMBOLS)
             + r"|(?:" + "|".join(CURRENCY_CODES) + r")(?=\s?\d)")
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = "|".join(sorted((scale for scale in SCALES), key=len, reverse=True))
MONEY_PATTERN = re.compile(
    rf"(?<![\w$])(?P<currency>{CURRENCY_BEFORE})\s?(?P<number>{_NUMBER})(?:\s?(?P<scale>{_SCALE}))?(?![\w])", re.I)
#: A currency after its sum: an ISO code or a word ("DKK 87 million" is the other way round; "87 million DKK",
#: "20 million euros", "8.5 billion yen").
_TRAILING_CODE = re.compile(rf"(?<![\w.])(?P<number>{_NUMBER})\s?(?:(?P<scale>{_SCALE})\s)?(?P<currency>{'|'.join(CURRENCY_CODES)}"
                            rf"|{'|'.join(re.escape(word) for word in sorted(CURRENCY_WORDS, key=len, reverse=True))})\b")


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: Decimal
    currency: str


_WORDS_FOLDED = {re.sub(r"\s", "", word).lower(): code for word, code in CURRENCY_WORDS.items()}


def _currency_code(written: str) -> str:
    written = re.sub(r"\s", "", written).lower()
    return _WORDS_FOLDED.get(written) or CURRENCY_SYMBOLS.get(written) or written.upper()


def _amount(number: str, scale: str | None) -> Decimal:
    value = Decimal(number.replace(",", "")) * SCALES.get((scale or "").lower(), 1)
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
