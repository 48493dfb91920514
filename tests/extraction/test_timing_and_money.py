from datetime import date
from decimal import Decimal

import pytest
from extraction_helpers import facts_of, one

from tracker.extraction.money import amounts_in
from tracker.extraction.timing import times_in

PUBLISHED = date(2013, 9, 20)


@pytest.mark.parametrize("words, occurred, window_end", [
    ("earlier this year", "2013", date(2013, 12, 31)),
    ("expects to submit an NDA in 1H:14", "2014-H1", date(2014, 6, 30)),
    ("data in 2H 2014", "2014-H2", date(2014, 12, 31)),
    ("a filing in Q3'14", "2014-Q3", date(2014, 9, 30)),
    ("topline data in 4Q14", "2014-Q4", date(2014, 12, 31)),
    ("in the fourth quarter", "2013-Q4", date(2013, 12, 31)),
    ("by the end of 2013", "2013", date(2013, 12, 31)),
    ("later this year", "2013", date(2013, 12, 31)),
    ("in 2015", "2015", date(2015, 12, 31)),
    ("began in late 2010", "2010-H2", date(2010, 12, 31)),
    ("in early 2011", "2011-H1", date(2011, 6, 30)),
    ("in the first half of 2015", "2015-H1", date(2015, 6, 30)),
    ("in the fourth quarter of 2022", "2022-Q4", date(2022, 12, 31)),
    ("Q4 2022", "2022-Q4", date(2022, 12, 31)),
    ("in the first three months of 2022", "2022-Q1", date(2022, 3, 31)),
    ("for the second quarter ended June 30, 2024", "2024-Q2", date(2024, 6, 30)),
    ("in June 2012", "2012-06", date(2012, 6, 30)),
    ("on May 21, 2021", "2021-05-21", date(2021, 5, 21)),
    ("later this quarter", "2013-Q3", date(2013, 9, 30)),
    ("by the end of next quarter", "2013-Q4", date(2013, 12, 31)),
    ("a decision in late October", "2012-10", date(2013, 10, 31)),
    ("by the end of November", "2012-11", date(2013, 11, 30)),
    ("was recommended for approval on 2 September at a meeting", "2013-09-02", date(2014, 9, 2)),
    ("on the 14th of October", "2012-10-14", date(2013, 10, 14)),
    ("28.08.2013 12:30:12 | Nordlys", "2013-08-28", date(2013, 8, 28)),
])
def test_a_time_expression_names_its_window(words, occurred, window_end):
    found = times_in(words, PUBLISHED)
    assert [(t.occurred.text, t.window_end) for t in found] == [(occurred, window_end)]


def test_a_bare_month_already_past_is_expected_next_year_and_happened_this_year():
    found = times_in("decision expected in March", PUBLISHED)[0]
    assert (found.expected.text, found.occurred.text) == ("2014-03", "2013-03")


@pytest.mark.parametrize("words, amount, currency", [
    ("$5 million", "5000000", "USD"),
    ("US$10.5M", "10500000", "USD"),
    ("USD 1,856 million", "1856000000", "USD"),
    ("DKK 87 million", "87000000", "DKK"),
    ("€20 million", "20000000", "EUR"),
    ("£3m", "3000000", "GBP"),
    ("CHF 1.2 billion", "1200000000", "CHF"),
])
def test_a_sum_is_read_in_whole_units_of_its_currency(words, amount, currency):
    (money,) = amounts_in(f"a payment of {words} was made")
    assert (money.amount, money.currency) == (Decimal(amount), currency)


def test_in_two_to_three_months_ends_three_months_after_publication():
    from datetime import date as day

    from tracker.extraction.timing import times_in
    found = times_in("Authorization is expected in two to three months.", day(2007, 4, 27))
    assert [str(t.window_end) for t in found] == ["2007-07-27"]


def test_a_payment_due_now_and_one_still_possible_are_two_kinds():
    from extraction_helpers import facts_of as read
    facts = read("Pursuant to the license agreement, Orsolo Bio is entitled to receive an $8 million milestone payment from Tamura "
                 "and remains eligible to receive up to $164 million based on additional milestones for velotamab.")
    kinds = sorted((type(f).__name__, str(f.amount)) for f in facts if type(f).__name__.startswith("Milestone"))
    assert kinds == [("MilestoneAnticipated", "164000000"), ("MilestoneTriggered", "8000000")]


def test_two_readouts_of_one_sentence_are_two_expectations():
    from extraction_helpers import facts_of as read
    facts = read("Orsolo expects to announce topline data from the RIVET trial of velotamab by mid-year, and then data from the "
                 "TANGO trial of velotamab by the end of the third quarter.", date(2019, 5, 7))
    found = sorted((f.trial, str(f.expected_by)) for f in facts if type(f).__name__ == "ReadoutExpected")
    assert found == [("RIVET", "2019-06-30"), ("TANGO", "2019-09-30")]


def test_next_quarter_in_the_last_quarter_is_the_first_of_next_year():
    assert [t.window_end for t in times_in("data are expected next quarter", date(2014, 11, 28))] == [date(2015, 3, 31)]


def test_a_time_after_the_release_dates_no_past_fact():
    facts = facts_of("The FDA accepted the BLA for ketrolimab and set a PDUFA date of April 4, 2020.", date(2019, 5, 14))
    submission = one(facts, "RegulatorySubmission")
    assert submission.occurred_on is None
    assert str(one(facts, "RegulatoryDecisionExpected").expected_by) == "2020-04-04"


def test_a_quarter_without_a_year_still_to_come_is_the_window_of_an_expectation():
    facts = facts_of("A decision from the European Commission on ketrolimab is expected in the third quarter.", date(2019, 5, 14))
    assert str(one(facts, "RegulatoryDecisionExpected").expected_by) == "2019-09-30"


def test_yesterday_is_the_day_before_the_release():
    facts = facts_of("Data on ketrolimab were presented yesterday at the 2019 ASCO Annual Meeting.", date(2019, 6, 4))
    assert str(one(facts, "DataPresented").presented_on) == "2019-06-03"


def test_a_readout_expected_is_never_dated_by_the_release_day_beside_its_window():
    facts = facts_of("date 2019-05-14 -- Topline Results From TANGO Study of Ketrolimab Expected Mid-2019 --", date(2019, 5, 14))
    assert [str(f.expected_by) for f in facts if type(f).__name__ == "ReadoutExpected"] == ["2019-06-30"]


def test_the_beginning_of_a_month_is_expected_by_its_15th():
    found = times_in("results by early November", PUBLISHED)[0]
    assert (found.expected.text, found.window_end) == ("2013-11-15", date(2013, 11, 15))


def test_a_sum_in_a_currency_word_after_it_is_read_in_that_currency():
    assert [(str(m.amount), m.currency) for m in amounts_in("8.5 billion yen and 20 million euros")] == [
        ("8500000000", "JPY"), ("20000000", "EUR")]


def test_the_wires_scales_mln_and_bln_are_millions_and_billions():
    assert [str(m.amount) for m in amounts_in("a net upfront payment of $1 mln and over $2 bln in milestones")] == ["1000000", "2000000000"]


# The month May is no modal verb: sentence in (published in August), the fact it states out. "may" itself still hedges.
MONTH_MAY = [
    ("In May, the FDA approved Velostra® (ketrolimab) for the treatment of gout.", "ApprovalGranted"),
    ("On May 3, 2019, the FDA approved Velostra® (ketrolimab) for the treatment of gout.", "ApprovalGranted"),
    ("In May 2019, Orsolo dosed the first patient in a Phase 2 trial of ketrolimab.", "TrialStarted"),
    ("Since early May, the EMA has been reviewing the MAA submitted for ketrolimab; Orsolo submitted the MAA in mid-May.",
     "RegulatorySubmission"),
    ("Orsolo said the FDA may approve Velostra® (ketrolimab) for the treatment of gout.", None),
]


@pytest.mark.parametrize(("sentence", "kind"), MONTH_MAY, ids=[s[:50] for s, _ in MONTH_MAY])
def test_the_month_may_is_no_hedge(sentence: str, kind: str | None):
    kinds = {type(f).__name__ for f in facts_of(sentence, date(2019, 8, 5)) if type(f).__name__ != "CompoundAliasRecorded"}
    assert kinds == ({kind} if kind else set())


def test_a_lower_case_may_after_a_number_is_no_day():
    assert times_in("a Phase 2 may help patients", PUBLISHED) == []
