"""Reading a release written for a test."""
from __future__ import annotations

from datetime import date

from tracker.domain.facts import Fact
from tracker.extraction import extract
from tracker.reading.releases import ReleaseDocument


def facts_of(text: str, published: date = date(2019, 5, 14)) -> list[Fact]:
    return extract(ReleaseDocument(file="t.txt", text=text, published=published, published_from="user"))


def only(facts: list[Fact], kind: str) -> list[Fact]:
    return [fact for fact in facts if type(fact).__name__ == kind]


def one(facts: list[Fact], kind: str) -> Fact:
    found = only(facts, kind)
    assert len(found) == 1, f"expected one {kind}, got {found}"
    return found[0]
