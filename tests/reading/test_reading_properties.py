"""Cleaning and splitting hold their promises on any text at all."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.reading.text import CleanText, sentences

#: Text rich in what cleaning and splitting act on, mixed with anything else.
DEBRIS = st.sampled_from([
    "\\$", "\\", "[", "]", "(", ")", "[Acme, Inc.](#)", "(R)", "(TM)", "\u201c", "\u201d", "\u2019", "\u00a0",
    "\u00ad", "\u200b", "\ufeff", "\t", "\r\n", "\r", "\n", "\n\n", ". ", "Inc. ", "U.S. ", "- ", "\u2022 ", "1. ",
    "The ", "Acme ", "Announces ", "approved", "?", "!", '"', "'",
])
RELEASE_LIKE = st.lists(st.one_of(DEBRIS, st.text(max_size=8)), max_size=40).map("".join)


def check_promises(original: str) -> None:
    cleaned = CleanText.of(original)
    assert len(cleaned.origins) == len(cleaned.clean)
    line_count = original.count("\n") + 1
    for sentence in sentences(cleaned):
        assert sentence.quote == original[sentence.start:sentence.end]
        assert sentence.quote in original
        assert 1 <= sentence.line <= line_count
        assert sentence.line == original.count("\n", 0, sentence.start) + 1
        assert sentence.text.strip() == sentence.text != ""


@settings(max_examples=400, deadline=None)
@given(RELEASE_LIKE)
def test_cleaning_and_splitting_release_like_text_keep_quotes_verbatim_and_lines_in_range(original):
    check_promises(original)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_cleaning_and_splitting_arbitrary_text_keep_quotes_verbatim_and_lines_in_range(original):
    check_promises(original)
