"""Every row of the registry reads the sentence it was written for: a cue row or a modality row cannot exist
without its example, and the example must be read as the row says (sentence in, fact out)."""
from __future__ import annotations

import pytest

from tracker.domain.facts import Fact
from tracker.extraction import extract
from tracker.extraction.engine import _modality
from tracker.extraction.rows import Cue, Family, Modality
from tracker.extraction.rules import REGISTRY
from tracker.reading.releases import ReleaseDocument

ROWS = [(family, row) for family in REGISTRY for row in family.rows()]


def _facts(row: Cue | Modality) -> list[Fact]:
    example = row.example
    return extract(ReleaseDocument(file="row.txt", text=example.sentence, published=example.published, published_from="user"))


def _types(family: Family) -> set[str]:
    return {family.states} | {c.states for c in family.cues if c.states} | {m.becomes for m in family.modalities if m.becomes}


def _matches(value: object, expected: object) -> bool:
    options = expected if isinstance(expected, list) else [expected]
    return any(str(value) == str(option) if option is not None else value is None for option in options)


def _row_applies(family: Family, row: Cue | Modality) -> bool:
    text = row.example.sentence
    if isinstance(row, Cue):
        return row.pattern.search(text) is not None
    return any(_modality(family, cue, text, match)[1] is row for cue in family.cues for match in cue.pattern.finditer(text))


@pytest.mark.parametrize(("family", "row"), ROWS, ids=[row.example.sentence[:90] for _, row in ROWS])
def test_each_row_reads_its_example(family: Family, row: Cue | Modality):
    assert _row_applies(family, row), "the row's own words are not what decides its example"
    facts = _facts(row)
    expect = dict(row.example.expect)
    kind = expect.pop("type")
    if kind is None:
        assert [f for f in facts if type(f).__name__ in _types(family)] == []
        return
    waits = expect.pop("review", False)  # a row whose reading waits in review: read, under the threshold
    found = [f for f in facts if type(f).__name__ == kind and (f.confidence < 0.5 if waits else f.confidence >= 0.5)]
    assert any(all(_matches(getattr(f, name, None), value) for name, value in expect.items()) for f in found), facts
