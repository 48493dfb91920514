from datetime import date

import pytest

from tracker.dates import PartialDate, find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2013-09-20", date(2013, 9, 20), date(2013, 9, 20)),
        ("2012-02", date(2012, 2, 1), date(2012, 2, 29)),
        ("2024-Q2", date(2024, 4, 1), date(2024, 6, 30)),
        ("2010-H2", date(2010, 7, 1), date(2010, 12, 31)),
        ("2015", date(2015, 1, 1), date(2015, 12, 31)),
    ],
)
def test_a_partial_date_covers_its_whole_window(text, first, last):
    parsed = PartialDate.parse(text)
    assert (parsed.first_day, parsed.last_day, str(parsed)) == (first, last, text)


def test_a_malformed_partial_date_is_refused():
    with pytest.raises(ValueError, match="2013-13"):
        PartialDate.parse("2013-13")


def test_dates_are_found_in_the_forms_wires_write_them():
    text = "On June 3, 2008, then Dec. 13, 2005, 25 May 2011, 2020-11-20 and 24/06/2011."
    assert [d for _, d in find_dates(text)] == [
        date(2008, 6, 3), date(2005, 12, 13), date(2011, 5, 25), date(2020, 11, 20), date(2011, 6, 24)]


def test_an_impossible_day_is_no_date():
    assert find_dates("February 30, 2013") == []


def test_a_command_line_date_is_iso_or_one_plain_date():
    assert parse_date("2013-09-30") == date(2013, 9, 30)
    assert parse_date("Sept 30, 2013") == date(2013, 9, 30)
    with pytest.raises(ValueError, match="use YYYY-MM-DD"):
        parse_date("soon")
