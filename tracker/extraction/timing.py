"""Time expressions, read relative to the day a release was published.

A release says "earlier this year", "by year end", "late 2010", "in the first
half of 2015", "Q4 2022", "in September". Each expression is read into the
window it names: `occurred` (a `PartialDate`, for what happened) and
`window_end` (the last day of the window, for what is expected). Bare months
and days without a year are placed in the year that makes sense for the
direction: the past for what happened, the future for what is expected.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from tracker.dates import DATE_PATTERNS, MONTHS, PartialDate, date_from_match
from tracker.extraction.prefilter import any_in, foldable, may_match, required_words

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_YEAR = r"(?:19|20)\d\d"
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_ORDINAL_WORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"


@dataclass(frozen=True)
class TimeExpression:
    """A time expression at `start..end` of a sentence and the window it names."""

    start: int
    end: int
    occurred: PartialDate
    """The window read as the past (when something happened)."""
    expected: PartialDate
    """The same window read as the future (when something is expected)."""
    forward: bool = False
    """True when the words themselves look ahead ("later this year", "by the end of 2013", "next year")."""
    after_publication: bool = False
    """True when even the window read as the past starts after the release's day ("a PDUFA date of April 4, 2022" in a
    2021 release): it dates what is expected, never what happened."""
    run: tuple[tuple[int, int], tuple[int, int]] | None = None
    """The (month, day) a run of days starts and ends on ("June 1-5, 2012": ((6, 1), (6, 5))), inside its readings'
    window (the narrowest partial date that holds it)."""

    @property
    def window_end(self) -> date:
        return self.last_day_of(self.expected)

    def first_day_of(self, reading: PartialDate) -> date:
        """The first day of the window, in one of its readings: a run of days starts on its own first day."""
        return date(reading.first_day.year, *self.run[0]) if self.run else reading.first_day

    def last_day_of(self, reading: PartialDate) -> date:
        """The last day of the window, in one of its readings: a run of days ends on its own last day."""
        return date(reading.first_day.year, *self.run[1]) if self.run else reading.last_day


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or MONTHS[name[:3]]


def _month_either_way(month: int, published: date) -> tuple[PartialDate, PartialDate]:
    past_year = published.year if month <= published.month else published.year - 1
    future_year = published.year if month >= published.month else published.year + 1
    return PartialDate.month(past_year, month), PartialDate.month(future_year, month)


def _day_either_way(month: int, day: int, published: date) -> tuple[PartialDate, PartialDate] | None:
    try:
        this_year = date(published.year, month, day)
        past = this_year if this_year <= published else date(published.year - 1, month, day)
        future = this_year if this_year >= published else date(published.year + 1, month, day)
    except ValueError:
        return None
    return PartialDate.day(past), PartialDate.day(future)


def _same(window: PartialDate) -> tuple[PartialDate, PartialDate]:
    return window, window


def _full_date(m: re.Match[str], published: date, period: PartialDate | None):
    day = date_from_match(m)
    return None if day is None else _same(PartialDate.day(day))


def _quarter(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.quarter(int(m["year"]), _ORDINAL.get((m["n"] or "").lower()) or int(m["q"])))


def _half(m: re.Match[str], published: date, period: PartialDate | None):
    year = int(m["year"]) if m["year"] else published.year
    groups = m.groupdict()
    return _same(PartialDate.half(year, _ORDINAL[groups["n"].lower()] if groups.get("n") else int(groups["h"])))


def _short_year(m: re.Match[str]) -> int:
    groups = m.groupdict()
    text = groups.get("yyyy") or groups.get("yy") or groups["yy2"]
    return int(text) if len(text) == 4 else 2000 + int(text)


def _half_short(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.half(_short_year(m), int(m["h"] or m["h2"])))


def _quarter_short(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.quarter(_short_year(m), int(m["q"] or m["q2"])))


def _months_of_year(m: re.Match[str], published: date, period: PartialDate | None):
    year, count = int(m["year"]), {"three": 3, "six": 6, "nine": 9, "twelve": 12}[m["count"].lower()]
    if count == 3:
        return _same(PartialDate.quarter(year, 1))
    if count == 6:
        return _same(PartialDate.half(year, 1))
    return _same(PartialDate.year(year))


def _early_late(m: re.Match[str], published: date, period: PartialDate | None):
    year = int(m["year"])
    word = m["when"].lower()
    if word in ("early", "beginning of", "start of", "first part of"):
        return _same(PartialDate.half(year, 1))
    if word in ("late", "end of", "second part of"):
        return _same(PartialDate.half(year, 2))
    return _same(PartialDate.year(year))


def _mid_year(m: re.Match[str], published: date, period: PartialDate | None):
    """"mid-2022", "by mid-year", "the middle of 2022": the year as the past, its first half as a window ahead."""
    year = int(m["year"]) if m["year"] else published.year
    return PartialDate.year(year), PartialDate.half(year, 1)


def _mid_month(m: re.Match[str], published: date, period: PartialDate | None):
    """"mid-November": the month as the past, its first half (to the 15th) as a window ahead."""
    past, future = _month_either_way(_month(m["month"]), published)
    return past, PartialDate.day(date(future.first_day.year, future.first_day.month, 15))


def _part_of_month(m: re.Match[str], published: date, period: PartialDate | None):
    """"late June", "by the end of June", "early July": the month as the past; ahead, the month, or its first half
    (to the 15th) for its beginning."""
    past, future = _month_either_way(_month(m["month"]), published)
    if m["when"].lower() in ("early", "the beginning of", "the start of"):
        return past, PartialDate.day(date(future.first_day.year, future.first_day.month, 15))
    return past, future


def _early_next_year(m: re.Match[str], published: date, period: PartialDate | None):
    half = 1 if m["when"].lower() == "early" else 2
    return _same(PartialDate.half(published.year + 1, half))


def _year_end(m: re.Match[str], published: date, period: PartialDate | None):
    year = int(m["year"]) if m["year"] else published.year
    return _same(PartialDate.year(year))


def _within(m: re.Match[str], published: date, period: PartialDate | None):
    """"within 67 days", "within six months": a window that ends that long after publication."""
    count = int(m["count"]) if m["count"].isdigit() else _COUNT_WORDS[m["count"].lower()]
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        end = published + timedelta(days=count)
    elif unit == "week":
        end = published + timedelta(weeks=count)
    else:
        month_index = published.month - 1 + count
        year, month = published.year + month_index // 12, month_index % 12 + 1
        end = date(year, month, min(published.day, calendar.monthrange(year, month)[1]))
    return PartialDate.day(end), PartialDate.day(end)


_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12}


def _this_year(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.year(published.year))


def _next_year(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.year(published.year + 1))


def _last_year(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.year(published.year - 1))


def _quarter_this_year(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.quarter(published.year, _ORDINAL[m["n"].lower()]))


def _this_quarter(m: re.Match[str], published: date, period: PartialDate | None):
    """"later this quarter", "this quarter": the quarter the release is published in."""
    return _same(PartialDate.quarter(published.year, (published.month - 1) // 3 + 1))


def _next_quarter(m: re.Match[str], published: date, period: PartialDate | None):
    """"next quarter", "by the end of next quarter": the quarter after the one the release is published in."""
    quarter = (published.month - 1) // 3 + 2
    return _same(PartialDate.quarter(published.year + (quarter - 1) // 4, (quarter - 1) % 4 + 1))


def _the_quarter(m: re.Match[str], published: date, period: PartialDate | None):
    """"in the quarter": the release's reporting period; "in the third quarter" without a year: that quarter of the
    release's year, read back for what happened and ahead (to the next year once it is over) for what is expected."""
    ordinal = re.search(r"\b(first|second|third|fourth)\b", m.group(0), re.I)
    if ordinal is None:
        return _same(period) if period is not None else None
    quarter, current = _ORDINAL[ordinal.group(1).lower()], (published.month - 1) // 3 + 1
    future = PartialDate.quarter(published.year if quarter >= current else published.year + 1, quarter)
    if quarter > current:
        return future, future  # a quarter of the year still to come is no past
    return PartialDate.quarter(published.year, quarter), future


def _containing(first: date, last: date) -> PartialDate:
    """The narrowest partial date holding every day from `first` to `last` (of one year)."""
    if first.month == last.month:
        return PartialDate.month(first.year, first.month)
    if (first.month - 1) // 3 == (last.month - 1) // 3:
        return PartialDate.quarter(first.year, (first.month - 1) // 3 + 1)
    if (first.month - 1) // 6 == (last.month - 1) // 6:
        return PartialDate.half(first.year, (first.month - 1) // 6 + 1)
    return PartialDate.year(first.year)


def _run_of_days(m: re.Match[str], published: date, period: PartialDate | None):
    """"June 1-5, 2012", "December 6-9", "27 September - 1 October 2019", "Sept. 27 – Oct. 1": a meeting's days,
    read as the narrowest partial date that holds them (their first and last are `TimeExpression.run`); without a year,
    in the last year they began by publication (the past) and the first they end in on or after it (ahead)."""
    months = (m["m1"] or m["m3"] or m["m4"], m["m2"] or m["m1"] or m["m4"])
    if not all(name[0].isupper() for name in months):
        return None
    (m1, m2), (d1, d2) = (_month(name) for name in months), (int(m["d1"] or m["d1b"]), int(m["d2"] or m["d2b"]))
    if (m1, d1) >= (m2, d2):
        return None
    if m["year"]:
        window = _containing(date(int(m["year"]), m1, d1), date(int(m["year"]), m2, d2))
        return window, window, ((m1, d1), (m2, d2))
    past_year = published.year if (m1, d1) <= (published.month, published.day) else published.year - 1
    future_year = published.year if (m2, d2) >= (published.month, published.day) else published.year + 1
    return (_containing(date(past_year, m1, d1), date(past_year, m2, d2)),
            _containing(date(future_year, m1, d1), date(future_year, m2, d2)), ((m1, d1), (m2, d2)))


def _month_year(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.month(int(m["year"]), _month(m["month"])))


def _month_day(m: re.Match[str], published: date, period: PartialDate | None):
    return _day_either_way(_month(m["month"]), int(m["day"]), published)


def _dotted_date(m: re.Match[str], published: date, period: PartialDate | None):
    """"28.08.2013": a day, its month and its year, day first, as European wires stamp their pages."""
    return _same(PartialDate.day(date(int(m["year"]), int(m["month"]), int(m["day"]))))


def _day_month(m: re.Match[str], published: date, period: PartialDate | None):
    """"on 2 September", "the 14th of June": a day written before its month, without a year (the month capitalised:
    "Phase 2 may" is no day)."""
    if not m["month"][0].isupper():
        return None
    return _day_either_way(_month(m["month"]), int(m["day"]), published)


def _bare_month(m: re.Match[str], published: date, period: PartialDate | None):
    return _month_either_way(_month(m["month"]), published)


def _bare_year(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.year(int(m["year"])))


def _today(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.day(published))


def _yesterday(m: re.Match[str], published: date, period: PartialDate | None):
    return _same(PartialDate.day(published - timedelta(days=1)))


#: (pattern, reader, forward-looking), most specific first; a later pattern never overlaps an earlier match.
_EXPRESSIONS = (
    (rf"\b(?P<n>{_ORDINAL_WORD}) (?:fiscal )?quarter (?:of |ended [A-Za-z]+\.? \d{{1,2}},? |ending [A-Za-z]+\.? \d{{1,2}},? )?(?:fiscal (?:year )?)?(?P<year>{_YEAR})\b", _quarter, False),
    (rf"\b(?:Q(?P<q>[1-4])|(?P<n>{_ORDINAL_WORD}) quarter)[ ,]+(?:of )?(?P<year>{_YEAR})\b", _quarter, False),
    (rf"\b(?P<year>{_YEAR}) Q(?P<q>[1-4])\b", _quarter, False),
    (rf"\b(?P<q>[1-4])Q(?P<n>)[ ,]+(?P<year>{_YEAR})\b", _quarter, False),  # "3Q 2017"
    (rf"\b(?:the )?first (?P<count>three|six|nine|twelve) months of (?:fiscal (?:year )?)?(?P<year>{_YEAR})\b", _months_of_year, False),
    (rf"\b(?:the )?(?P<n>first|second|1st|2nd) half of (?:(?P<year>{_YEAR})|this year|the year)", _half, False),
    (rf"\b(?:H(?P<h>[12]) (?P<year>{_YEAR}))\b", _half, False),
    # the analysts' shorthand: "1H:21", "1H21", "2H 2020", "H2'21"; "Q3'21", "3Q21", "4Q 2020"
    (r"(?<![\w-])(?:(?P<h>[12])H|H(?P<h2>[12]))(?:[:'’]\s?(?P<yy>\d\d)|(?P<yy2>\d\d)|\s(?P<yyyy>(?:19|20)\d\d))(?![\w-])", _half_short, False),
    (r"(?<![\w-])(?:(?P<q>[1-4])Q|Q(?P<q2>[1-4]))(?:[:'’]\s?(?P<yy>\d\d)|(?P<yy2>\d\d))(?![\w-])", _quarter_short, False),
    (rf"\b(?:by |at |before )?(?:the )?(?:end of (?:the )?year|year[- ]end|end of this year)(?: (?P<year>{_YEAR}))?", _year_end, True),
    (rf"\b(?:by |before )?(?:the )?end of (?P<year>{_YEAR})\b", _year_end, True),
    (rf"\b(?:mid|the middle of)[- ](?:(?P<year>{_YEAR})|year|this year|the year)\b", _mid_year, False),
    (rf"\bmid[- ](?P<month>{_MONTH})(?![\w-])", _mid_month, False),
    (rf"\b(?:by )?(?P<when>early|late|the end of|the beginning of|the start of|end of)[- ](?P<month>{_MONTH})\b(?!,? ?\d)", _part_of_month, False),
    (r"\b(?P<when>early|late)(?: in)? next year\b", _early_next_year, True),
    (rf"\b(?P<when>early|late|beginning of|start of|first part of|second part of)[- ](?P<year>{_YEAR})\b", _early_late, False),
    (r"\bwithin (?:the next |approximately |about )?(?P<count>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?P<unit>days?|weeks?|months?)\b", _within, True),
    (r"\bin (?:the next |approximately |about )?(?:\d{1,2}|one|two|three|four|five|six) to (?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?P<unit>weeks|months)\b", _within, True),  # "in two to three months"
    (r"\blater (?:this|in the) year\b|\bthis year\b|\bthe current year\b", _this_year, False),
    (r"\bearlier (?:this|in the) year\b", _this_year, False),
    (r"\bnext year\b|\bthe coming year\b", _next_year, True),
    (r"\blast year\b|\bthe prior year\b|\bthe previous year\b", _last_year, False),
    (r"\b(?:by )?(?:the )?end of the (?P<n>first|second|third|fourth) quarter\b", _quarter_this_year, True),  # "by the end of the third quarter"
    (r"\b(?:in|during) the (?:second |third |fourth |first )?quarter\b", _the_quarter, False),
    (r"\b(?:later |earlier )?this quarter\b|\bthe current quarter\b", _this_quarter, False),
    (r"\b(?:by |before )?(?:the )?(?:end of )?(?:the )?(?:next|coming) quarter\b", _next_quarter, True),
    (rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>{_YEAR})(?!\d|\.\d)", _dotted_date, False),
    (rf"\b(?P<month>{_MONTH}),? (?P<year>{_YEAR})\b", _month_year, False),
    (rf"\b(?P<month>{_MONTH}) (?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,? ?(?:19|20)\d\d)(?! ?(?:percent|%|mg|patients))", _month_day, False),
    (rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?: of)? (?P<month>{_MONTH})(?![\w-])(?!,? ?(?:19|20)\d\d)", _day_month, False),
    (rf"\b(?:in|by|during|until|from|through|before|after) (?P<month>{_MONTH})\b(?! ?\d)", _bare_month, False),
    (rf"\b(?:the|its|at) (?P<month>{_MONTH}) (?:meeting|session|cycle)\b", _bare_month, False),
    (rf"\b(?P<year>{_YEAR})\b", _bare_year, False),
    (r"\btoday\b", _today, False),
    (r"\byesterday\b", _yesterday, False),
)
_DASH = r"\s*(?:-|–|—|to|through)\s*"
#: A run of days, month first or day first, within one month or across two ("May 31 to June 4", "27 Sept - 1 Oct").
_RUN_OF_DAYS = (rf"\b(?:(?P<m1>{_MONTH}) (?P<d1>[0-3]?\d){_DASH}(?:(?P<m2>{_MONTH}) )?(?P<d2>[0-3]?\d)(?!\d|[.:]\d| ?%| ?(?:percent|mg|patients))"
                rf"|(?P<d1b>[0-3]?\d)(?: (?P<m3>{_MONTH}))?{_DASH}(?P<d2b>[0-3]?\d) (?P<m4>{_MONTH})(?![\w-]))(?:,? (?P<year>{_YEAR}))?\b")
_COMPILED = (
    [(re.compile(_RUN_OF_DAYS, re.I), _run_of_days, False)]
    + [(re.compile(pattern, re.I), reader, forward) for pattern, reader, forward in _EXPRESSIONS[:1]]
    + [(pattern, _full_date, False) for pattern in DATE_PATTERNS]
    + [(re.compile(pattern, re.I), reader, forward) for pattern, reader, forward in _EXPRESSIONS[1:]]
)
#: Each pattern with the words any match of it holds (`prefilter`): a sentence holding none is not scanned for it.
_GUARDED = [(pattern, reader, forward, required_words(pattern)) for pattern, reader, forward in _COMPILED]
#: A fast test: a time expression holds a digit or one of these words (tested as plain text in a `foldable` sentence's lower
#: case: much faster than a pattern of the words under IGNORECASE, which stays for the other sentences).
_TIME_WORDS = ("year", "quarter", "half", "month", "week", "day", "today", "yesterday", "later", "earlier", "early", "late", "mid",
               "end", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MAY_HOLD_A_TIME = re.compile(r"\d|" + "|".join(_TIME_WORDS), re.I)
_DIGIT = re.compile(r"\d")
_LATER = re.compile(r"\b(?:later|by|before|next|upcoming|expected|anticipated|planned)\b", re.I)


def times_in(text: str, published: date, period: PartialDate | None = None) -> list[TimeExpression]:
    """Every time expression in `text`, in order, read relative to `published`.

    `period` is the reporting period of the release, which "in the quarter" refers to.
    """
    return list(_times_in(text, published, period))


@lru_cache(maxsize=1024)
def _times_in(text: str, published: date, period: PartialDate | None) -> tuple[TimeExpression, ...]:
    found: list[TimeExpression] = []
    lowered, fold = text.lower(), foldable(text)
    if not (_DIGIT.search(text) or any_in(_TIME_WORDS, lowered) if fold else _MAY_HOLD_A_TIME.search(text)):
        return ()
    for pattern, reader, forward, words in _GUARDED:
        if not may_match(words, lowered, fold):
            continue
        for match in pattern.finditer(text):
            if any(match.start() < known.end and known.start < match.end() for known in found):
                continue
            try:
                windows = reader(match, published, period)
            except (KeyError, ValueError, IndexError):
                windows = None
            if windows is None:
                continue
            lead = text[max(0, match.start() - 12):match.start()]
            if reader is _bare_year and (re.search(r"(?:#\s?|\b(?:abstracts?|poster|No\.|number)\s*:?\s*)$", lead, re.I)
                                         or int(match["year"]) > published.year + 20):
                continue  # "abstract #2051" numbers an abstract, not a year
            looks_ahead = forward or bool(_LATER.search(match.group(0))) or bool(re.search(r"\b(?:by|before)\s*$", lead))
            run = windows[2] if len(windows) > 2 else None
            found.append(TimeExpression(match.start(), match.end(), windows[0], windows[1], looks_ahead,
                                        windows[0].first_day > published, run))
    return tuple(sorted(found, key=lambda expression: expression.start))
