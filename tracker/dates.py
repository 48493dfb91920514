"""Dates as precise as the text allows, and the absolute dates releases write.

`PartialDate` is the `occurred_on` of EVENTS.md: a day, a month, a quarter, a
half or a year ("late 2010" is `2010-H2`). It knows its first and last day so
that time filters can treat a partial date as covering its whole window.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

_PARTIAL = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date of known precision: `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn` or `YYYY`."""

    first_day: date
    last_day: date
    text: str

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        m = _PARTIAL.match(text.strip())
        if not m:
            raise ValueError(f"not a date of YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Hn form: {text!r}")
        year = int(m[1])
        try:
            if m[3]:
                return cls.day(date(year, int(m[2]), int(m[3])))
            if m[2]:
                return cls.month(year, int(m[2]))
        except (ValueError, calendar.IllegalMonthError):
            raise ValueError(f"not a real date: {text!r}") from None
        if m[4]:
            return cls.quarter(year, int(m[4]))
        if m[5]:
            return cls.half(year, int(m[5]))
        return cls.year(year)

    @classmethod
    def day(cls, day: date) -> PartialDate:
        return cls(day, day, day.isoformat())

    @classmethod
    def month(cls, year: int, month: int) -> PartialDate:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), f"{year:04d}-{month:02d}")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> PartialDate:
        first_month = 3 * (quarter - 1) + 1
        last = calendar.monthrange(year, first_month + 2)[1]
        return cls(date(year, first_month, 1), date(year, first_month + 2, last), f"{year:04d}-Q{quarter}")

    @classmethod
    def half(cls, year: int, half: int) -> PartialDate:
        if half == 1:
            return cls(date(year, 1, 1), date(year, 6, 30), f"{year:04d}-H1")
        return cls(date(year, 7, 1), date(year, 12, 31), f"{year:04d}-H2")

    @classmethod
    def year(cls, year: int) -> PartialDate:
        return cls(date(year, 1, 1), date(year, 12, 31), f"{year:04d}")

    def __str__(self) -> str:
        return self.text

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        def validate(value: Any) -> PartialDate:
            if isinstance(value, PartialDate):
                return value
            if isinstance(value, date):
                return cls.day(value)
            if isinstance(value, str):
                return cls.parse(value)
            raise ValueError(f"not a partial date: {value!r}")

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )


MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {calendar.month_name[number].lower(), calendar.month_abbr[number].lower()}
}
MONTHS["sept"] = 9

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

#: Absolute dates in the forms wires and IR pages write them, most specific first.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s*{_YEAR}\b", re.I),  # June 3, 2008 / Dec. 13, 2005 / Apr 07, 2011
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I),  # 25 May 2011 / 24th of June, 2011
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2020-11-20
    re.compile(r"\b(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>(?:19|20)\d\d)\b"),  # 24/06/2011 (day first)
    re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+(?P<month>[A-Za-z]{3,9})\.?\s+(?P<year>\d\d)\b"),  # 24th Jun 11
)


def _month_number(value: str) -> int | None:
    value = value.lower().rstrip(".")
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(value) or MONTHS.get(value[:3])


def date_from_match(match: re.Match[str]) -> date | None:
    """The date a `DATE_PATTERNS` match names, or None when it is no real day."""
    year = int(match["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    month = _month_number(match["month"])
    if month is None:
        return None
    try:
        return date(year, month, int(match["day"]))
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, date]]:
    """Every absolute date in `text`, as (offset, date), in order of appearance."""
    found: dict[int, date] = {}
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            day = date_from_match(match)
            if day is not None:
                found[match.start()] = day
                taken.append(match.span())
    return sorted(found.items())


def parse_date(text: str) -> date:
    """One absolute date, as a user types it on the command line (ISO first)."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    dates = find_dates(text)
    if len(dates) != 1:
        raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD)")
    return dates[0][1]
