"""Meetings as releases name them: sentence in, the meeting's label out (a table)."""
from __future__ import annotations

import pytest

from tracker.extraction.conferences import conferences_in

MEETINGS = [
    ("Data are being presented at the 21st annual meeting of the American Association of Renal Pathology.", "AARP"),
    ("The results featured in an oral session at the 52nd Annual Meeting of the American Society of Clinical Oncology.", "ASCO"),
    ("A poster was shown at the 99th Annual Meeting of the Nordic Urological Society on May 3, 2021.", "NUS"),
    ("Findings were presented at the 2020 Annual Congress of the European Society for Dermal Research.", "ESDR 2020"),
    ("Velotamab data will be shown at the European Academy of Dermatology and Venereology (EADV) Congress.", "EADV"),
    ("Data Presented During Plenary Session at Nordic Urological Association Annual Meeting", "NUA"),
    ("Orsolo will present its Phase 3 data during a poster session at the Global Congress on Kidney Cancer 2019.", "GCKC 2019"),
    ("The results were shown at the Nordic Academy of Neurology Annual Meeting.", "NAN"),
]


@pytest.mark.parametrize(("sentence", "label"), MEETINGS, ids=[label for _, label in MEETINGS])
def test_a_meeting_is_known_by_its_acronym_or_its_initials(sentence: str, label: str):
    assert [c.label for c in conferences_in(sentence)] == [label]
