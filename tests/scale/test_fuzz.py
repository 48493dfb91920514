"""Whatever bytes a file holds and whatever text a release says, reading and extraction fail only with the
tracker's own errors (one line, naming the file), never with a crash."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.errors import TrackerError
from tracker.extraction import extract
from tracker.reading.releases import Manifest, ReleaseDocument, read_release

pytestmark = pytest.mark.slow

#: Words of the field, so that generated text reaches the extraction rules, not only their first checks.
WORDS = ["FDA", "EMA", "CHMP", "MHLW", "NMPA", "Health Canada", "approved", "approval", "triggers", "would trigger",
         "a $5 million milestone payment", "€10.5 million", "royalties", "Phase III", "Phase I/II", "top-line",
         "met its primary endpoint", "formerly", "(trastuzumab emtansine, formerly T-DM1)", "Kadcyla®", "ABC-1234",
         "zolbetuximab vedotin", "Roche", "Genentech, a member of the Roche Group", "licensed", "collaboration",
         "expected by the end of 2013", "in late 2010", "earlier this year", "June 4", "2011", "NCT01120184",
         "abstract #8017", "ASCO", "WALTHAM, Mass., Apr 07, 2011 (BUSINESS WIRE) --", "\n", "\n\n", ". ", ", ", " ",
         "(", ")", "\"", "“", "”", "-", "–", "%", "Q3", "H2", "\\$", "[link](#)", "\u00a0", "\t"]
release_like = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=80).map("".join)
SUFFIXES = [".txt", ".md", ".html", ".htm", ".pdf"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.one_of(st.binary(max_size=4000), release_like.map(lambda t: t.encode("utf-8")),
                         release_like.map(lambda t: t.encode("utf-16"))),
       suffix=st.sampled_from(SUFFIXES))
def test_reading_any_bytes_gives_a_release_or_a_tracker_error_naming_the_file(content, suffix):
    with TemporaryDirectory() as folder:
        path = Path(folder) / f"release{suffix}"
        path.write_bytes(content)
        try:
            document = read_release(path, Manifest.empty(), published=date(2020, 1, 2))
        except TrackerError as error:
            assert str(path) in str(error)
            assert "\n" not in str(error)
        else:
            assert document.file == path.name


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(release_like, st.text(max_size=2000)))
def test_extracting_any_text_gives_facts_quoted_from_it_or_a_tracker_error(text):
    document = ReleaseDocument(file="fuzz.txt", text=text, published=date(2020, 1, 2), published_from="user")
    try:
        facts = extract(document)
    except TrackerError:
        return
    folded = " ".join(text.split())
    for fact in facts:
        assert " ".join(fact.quote.split()) in folded
