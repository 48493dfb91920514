"""A presentation still to come is expected by the last day of the window the text gives it; one made is dated.

Sentence in, facts out: each row an invented sentence in the language releases use, and the presentation read
from it (conference, occurred_on, expected_by).
"""
from datetime import date

import pytest
from extraction_helpers import facts_of, only

PUBLISHED = date(2021, 4, 14)

ROWS = [
    # still to come: no occurred_on, expected_by the window's last day
    ("Velotamab data will be presented at the ASCO Annual Meeting, June 4-8, 2021.",
     ("ASCO 2021", None, date(2021, 6, 8))),
    ("Corvant Bio will present new velotamab data at the ASCO Annual Meeting in June 2021.",
     ("ASCO 2021", None, date(2021, 6, 30))),
    ("An abstract on velotamab has been accepted for oral presentation at ESMO 2021, 16-21 September.",
     ("ESMO 2021", None, date(2021, 9, 21))),
    ("Updated RIVET results for velotamab are to be presented at the EHA 2021 Congress in June.",
     ("EHA 2021", None, date(2021, 6, 30))),
    ("Corvant Bio is scheduled to present velotamab data at the ASH Annual Meeting later this year.",
     ("ASH", None, date(2021, 12, 31))),
    ("Velotamab data will be presented at the 2021 ASH Annual Meeting.",
     ("ASH 2021", None, date(2021, 12, 31))),
    ("Corvant Bio Announces Acceptance of Late-Breaking Velotamab Abstract for Oral Presentation at ESMO 2021",
     ("ESMO 2021", None, date(2021, 12, 31))),
    # made: dated as the text dates it, no expected_by
    ("Velotamab data were presented at the AACR Annual Meeting on April 10, 2021.",
     ("AACR 2021", "2021-04-10", None)),
    ("Phase 2 velotamab data were presented today at the AACR Annual Meeting 2021.",
     ("AACR 2021", "2021-04-14", None)),
    ("Corvant Bio presented velotamab data at the ASCO Annual Meeting, June 5-9, 2020.",
     ("ASCO 2020", "2020-06", None)),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS, ids=[sentence[:60] for sentence, _ in ROWS])
def test_a_presentation_is_expected_by_its_windows_last_day_or_dated_when_made(sentence, expected):
    (presented,) = only(facts_of(sentence, PUBLISHED), "DataPresented")
    occurred = str(presented.occurred_on) if presented.occurred_on else None
    assert (presented.conference, occurred, presented.expected_by) == expected


def test_a_presentation_to_come_the_sentence_does_not_date_falls_in_the_window_the_release_gives_its_meeting():
    text = ("Corvant Bio today announced that velotamab will be the subject of three presentations at the upcoming "
            "Annual Meeting of the American Society of Clinical Oncology (ASCO). The meeting will be held June 4-8, 2021, "
            "in Chicago. For the first time, investigators will present data from RIVET, the pivotal trial of velotamab.")
    found = {(p.trial, p.occurred_on, p.expected_by) for p in only(facts_of(text, PUBLISHED), "DataPresented")}
    assert found == {("RIVET", None, date(2021, 6, 8))}


def test_an_abstract_listed_with_its_session_day_is_expected_on_that_day():
    text = ("Corvant Bio today announced that two abstracts on velotamab have been accepted for presentation at the "
            "American Society of Hematology (ASH) Annual Meeting, taking place December 11-14, 2021.\n\n"
            "Title: Velotamab in relapsed myeloma\n\nAbstract: 1207\n\nSession: Oral presentation\n\n"
            "Date and time: Sunday, December 12, 2021, 9:30 a.m. ET\n\n"
            "Title: Step-up dosing of velotamab\n\nAbstract: 2293\n\nSession: Poster presentation\n\n"
            "Date and time: Monday, December 13, 2021, 6:00 p.m. ET\n")
    found = sorted((p.abstract, p.occurred_on, p.expected_by) for p in only(facts_of(text, date(2021, 11, 4)), "DataPresented"))
    assert found == [("1207", None, date(2021, 12, 12)), ("2293", None, date(2021, 12, 13))]


def test_a_presentation_dated_only_by_its_meetings_year_takes_the_day_another_sentence_gives_it():
    text = ("Corvant Bio today announced that its abstract on velotamab has been accepted for oral presentation at "
            "ESMO 2021. The velotamab data will be presented at ESMO 2021 on 18 September 2021.")
    found = [(p.conference, p.occurred_on, p.expected_by) for p in only(facts_of(text, PUBLISHED), "DataPresented")]
    assert found == [("ESMO 2021", None, date(2021, 9, 18))]
