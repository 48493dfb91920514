from datetime import date

from extraction_helpers import facts_of
from hypothesis import given, settings
from hypothesis import strategies as st

RELEASE = ("Nordlys Pharma, Inc. (Nasdaq: NRDL) today announced that the FDA has approved Velostra® (ketrolimab, "
           "formerly NRD-4410), which triggers a $12 million milestone payment to Nordlys. A Phase 3 study "
           "(NCT01234567) of ketrolimab began in late 2015 and met its primary endpoint of overall survival.")


def test_extraction_never_raises_on_a_release_cut_off_anywhere():
    for end in range(len(RELEASE) + 1):
        facts_of(RELEASE[:end])


def test_an_empty_release_states_nothing():
    assert facts_of("") == []
    assert facts_of(" \n\n ") == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_extraction_never_raises_on_any_text(text):
    facts_of(text, date(2020, 1, 1))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("aeX1 ,.;:()-–®™$€|●\n") + ["Phase II", " FDA ", " approved ", " milestone ",
                                                                 " $5 million ", "ketrolimab", " CHMP ", "(n=3)"])))
def test_extraction_never_raises_on_release_like_debris(pieces):
    facts_of("".join(pieces), date(2020, 1, 1))


def test_every_quote_is_verbatim_from_the_release():
    text = "Velostra® (ketrolimab)\n was   approved\nby the FDA, which triggers a \\$5 million payment to Nordlys."
    folded = " ".join(text.split())
    for fact in facts_of(text):
        assert " ".join(fact.quote.split()) in folded
        assert text[fact.offset:].startswith(fact.quote)
