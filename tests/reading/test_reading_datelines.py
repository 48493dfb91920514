"""Which date near the top of a release is its publication date, and which dates are not."""
from __future__ import annotations

from datetime import date

from tracker.reading.datelines import HEAD_CHARS, find_dateline

HEADLINE = "Acme Bio Announces Approval of Zentuzumab\n\n"


def test_a_business_wire_dateline_after_the_city_is_read():
    assert find_dateline(HEADLINE + "WALTHAM, Mass., Apr 07, 2011 (BUSINESS WIRE) -- Acme Bio today") == date(2011, 4, 7)


def test_a_business_wire_dateline_between_dashes_after_the_wire_is_read():
    text = HEADLINE + "CAMBRIDGE, Mass.--(BUSINESS WIRE)--Dec. 13, 2005--Acme Bio, Inc. today announced"
    assert find_dateline(text) == date(2005, 12, 13)


def test_a_dateline_between_vertical_bars_is_read():
    assert find_dateline(HEADLINE + "WALTHAM, MA, USA | June 3, 2008 | Acme Bio today") == date(2008, 6, 3)


def test_a_prnewswire_dateline_is_read():
    assert find_dateline(HEADLINE + "SHANGHAI, June 10, 2022 /PRNewswire/ -- Acme Bio today") == date(2022, 6, 10)


def test_a_prnewswire_dateline_with_an_abbreviated_month_is_read():
    assert find_dateline(HEADLINE + "CARLSBAD, Calif., Dec. 6, 2018 /PRNewswire/ -- Acme Bio") == date(2018, 12, 6)


def test_a_globe_newswire_dateline_is_read():
    text = HEADLINE + "LAUSANNE, Switzerland, Nov. 20, 2020 (GLOBE NEWSWIRE) -- Acme Bio today"
    assert find_dateline(text) == date(2020, 11, 20)


def test_a_globe_newswire_dateline_with_sept_is_read():
    assert find_dateline(HEADLINE + "SAN DIEGO, Sept. 10, 2009 (GLOBE NEWSWIRE) -- Acme Bio") == date(2009, 9, 10)


def test_a_dateline_after_a_city_and_dashes_is_read():
    assert find_dateline(HEADLINE + "BOTHELL, Wash. -- October 31, 2012 -- Acme Bio today") == date(2012, 10, 31)


def test_a_dateline_naming_two_cities_is_read():
    text = HEADLINE + "SOUTH SAN FRANCISCO, Calif. and BASEL, Switzerland, May 1, 2020 -- Acme Bio"
    assert find_dateline(text) == date(2020, 5, 1)


def test_a_date_alone_on_a_line_is_a_dateline():
    assert find_dateline("September 20, 2013\n\n" + HEADLINE) == date(2013, 9, 20)


def test_a_date_with_a_time_of_day_is_a_dateline():
    assert find_dateline("July 27, 2018 11:15 UTC\n\n" + HEADLINE) == date(2018, 7, 27)


def test_a_labelled_day_first_numeric_release_date_is_read():
    assert find_dateline("Release Date: 24/06/2011 12:00am\n\n" + HEADLINE) == date(2011, 6, 24)


def test_a_date_followed_by_the_city_is_a_dateline():
    assert find_dateline("May 11, 2022 Copenhagen, Denmark;\n" + HEADLINE) == date(2022, 5, 11)


def test_a_day_first_date_after_the_city_is_read():
    assert find_dateline(HEADLINE + "SYDNEY, 25 May 2011: Acme Bio today announced") == date(2011, 5, 25)


def test_a_day_first_date_alone_on_a_line_is_a_dateline():
    assert find_dateline("25 May 2011\n\n" + HEADLINE) == date(2011, 5, 25)


def test_an_iso_date_alone_on_a_line_is_a_dateline():
    assert find_dateline("2020-11-20\n\n" + HEADLINE) == date(2020, 11, 20)


def test_a_labelled_iso_date_is_a_dateline():
    assert find_dateline("Published: 2020-11-20\n" + HEADLINE) == date(2020, 11, 20)


def test_a_fiscal_year_end_in_the_body_is_not_a_dateline():
    text = HEADLINE + "Acme Bio reported results for the fiscal year ended June 30, 2014, and said revenue grew."
    assert find_dateline(text) is None


def test_a_date_in_a_sentence_opening_with_an_acronym_is_not_a_dateline():
    text = HEADLINE + "EMILIA, a Phase III trial, completed enrollment on June 30, 2014."
    assert find_dateline(text) is None


def test_the_dateline_wins_over_a_later_date_in_the_body():
    text = HEADLINE + "BOSTON, Mass., March 2, 2015 -- Acme Bio filed its report for the year ended December 31, 2014."
    assert find_dateline(text) == date(2015, 3, 2)


def test_a_dateline_past_the_head_of_the_release_is_not_looked_for():
    text = "x" * HEAD_CHARS + "\nSeptember 20, 2013\n"
    assert find_dateline(text) is None


def test_an_impossible_day_is_not_a_dateline():
    assert find_dateline("February 30, 2013\n\n" + HEADLINE) is None
