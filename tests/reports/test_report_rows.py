"""The report's long tables are written in Python: each value escaped exactly as the template's autoescape
would, and each source linked and numbered as the template's macros did."""
from __future__ import annotations

import pytest
from markupsafe import escape as autoescape

from tracker.presentation.report_rows import cite, escape, linked


@pytest.mark.parametrize("value", ["Zorvex", "AT&T <b>", 'say "no"', "it's", "&amp; already", "", 3, 2.5, None])
def test_a_value_is_escaped_as_the_templates_autoescape_escapes_it(value):
    assert escape(value) == str(autoescape(value))


def test_sources_are_cited_by_number_each_linked_to_its_event_log_entry():
    assert cite(["a1.0", "b2.1"]) == ('<a href="#ev-a1.0" title="event a1.0">[1]</a>'
                                      '<a href="#ev-b2.1" title="event b2.1">[2]</a>')


@pytest.mark.parametrize("text, sources, expected", [
    ("Phase 3", [], "Phase 3"),
    ("<Phase 3>", [], "&lt;Phase 3&gt;"),
    ("Phase 3", ["a1.0"], '<a href="#ev-a1.0" title="event a1.0">Phase 3</a>'),
    ("Phase 3", ["a1.0", "b2.1"],
     '<a href="#ev-a1.0" title="event a1.0, b2.1">Phase 3</a><sup><a href="#ev-b2.1" title="event b2.1">[1]</a></sup>'),
])
def test_a_figure_links_to_its_first_source_and_cites_the_others(text, sources, expected):
    assert linked(text, sources) == expected
