"""When a presentation is made, and which abstract belongs to which trial or compound."""
from datetime import date

from extraction_helpers import facts_of, one, only

_UPCOMING = ("WALTHAM, Mass., May 20, 2019 -- Halvane Oncology, Inc. (Nasdaq: HLVN) today announced that clinical data "
             "on belzotamab are being presented at the {meeting} taking place in Chicago{when}.\n\n"
             "Sunday, June 2 - belzotamab poster presentation\n\n"
             "\"A Phase I study of belzotamab in advanced solid tumors.\" (abstract #2051):\n\n"
             "- Poster presentation: 8:00-11:00 am CT, Hall A\n")


def _presented(text: str, published: date, expected: bool = False):
    return [(p.compound, p.conference, p.abstract, p.trial, p.phase, str(p.presented_on), str(p.occurred_on))
            + ((p.expected_by,) if expected else ())
            for p in only(facts_of(text, published), "DataPresented")]


def test_a_day_without_a_year_under_a_meeting_the_release_dates_is_in_the_year_of_that_meeting():
    text = _UPCOMING.format(meeting="ASCO 2019 Annual Meeting", when=", May 31-June 4, 2019")
    assert _presented(text, date(2019, 5, 20), expected=True) == [
        ("belzotamab", "ASCO 2019", "2051", None, "I", "2019-06-02", "None", date(2019, 6, 2))]


def test_a_day_without_a_year_in_a_release_announcing_an_upcoming_meeting_is_in_the_year_ahead():
    text = _UPCOMING.format(meeting="ESMO Annual Meeting", when="")
    assert _presented(text, date(2019, 5, 20), expected=True) == [
        ("belzotamab", "ESMO", "2051", None, "I", "2019-06-02", "None", date(2019, 6, 2))]


def test_a_day_without_a_year_on_which_data_were_presented_is_in_the_year_past():
    text = ("WALTHAM, Mass., May 20, 2019 -- Halvane Oncology, Inc. (Nasdaq: HLVN) reported on belzotamab.\n\n"
            "On June 2, Halvane presented Phase I data on belzotamab at ASCO (abstract #2051).")
    assert _presented(text, date(2019, 5, 20)) == [
        ("belzotamab", "ASCO 2018", "2051", None, "I", "2018-06-02", "2018-06-02")]


def test_trials_and_their_abstracts_listed_respectively_are_paired_in_order():
    text = ("Halvane Oncology, Inc. (Nasdaq: HLVN) today announced data on belzotamab at ESMO 2019. Other presentations "
            "at ESMO include posters on the design of the ORCHID and LANTERN belzotamab Phase II trials "
            "(abstracts #TPS301 and #TPS302, respectively).")
    assert [(c, conference, abstract, trial, phase) for c, conference, abstract, trial, phase, *_ in _presented(text, date(2019, 9, 2))] == [
        ("belzotamab", "ESMO 2019", "TPS301", "ORCHID", "II"), ("belzotamab", "ESMO 2019", "TPS302", "LANTERN", "II")]


def test_compounds_and_their_abstracts_listed_respectively_are_paired_in_order():
    text = ("Halvane Oncology, Inc. (Nasdaq: HLVN) today announced posters on HLV-101 and HLV-202 at the ASCO 2019 "
            "Annual Meeting (abstracts #4410 and #4420, respectively).")
    assert [(c, abstract) for c, _, abstract, *_ in _presented(text, date(2019, 5, 14))] == [
        ("HLV-101", "4410"), ("HLV-202", "4420")]


def test_an_abstract_number_that_looks_like_a_year_is_not_a_year():
    text = "Halvane Oncology reported that Phase I data on belzotamab were presented at the ESMO Annual Meeting (abstract #2051)."
    assert _presented(text, date(2019, 9, 30)) == [("belzotamab", "ESMO", "2051", None, "I", "None", "None")]


def test_a_headline_announcing_data_to_present_dates_no_presentation_yet():
    facts = facts_of("Orsolo Bio to Present New Ketrolimab Data at the 2019 ASH Annual Meeting", date(2019, 11, 4))
    presented = one(facts, "DataPresented")
    assert (presented.conference, presented.occurred_on) == ("ASH 2019", None)
