"""One compound, whatever a release calls it.

Alias facts ("Kadcyla (trastuzumab emtansine, formerly T-DM1)") link names into
groups; every fact's compound is resolved through the groups known in the view
of a query, so a 2008 release about "T-DM1" belongs to Kadcyla as soon as, and
only once, a release that links the names is in view.

The canonical name of a group is its INN where one is known (without the
prefix US names add, as in ado-trastuzumab emtansine), else a code name, else
a brand; a book made for a day chooses only among the names published by that
day, so an as-of-2008 view is headed by the 2008 name while it still finds
every fact about the compound by any of its names.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import overload

from projections.history import RecordedFact
from tracker.domain.facts import CompoundAliasRecorded

_KIND_RANK = {"inn": 0, "code": 1, "brand": 2, "former": 3}
_US_PREFIX = re.compile(r"^[a-z]{3,4}-(?=[a-z]{4,})")


def name_key(name: str) -> str:
    """The form under which two spellings of a name are the same name."""
    folded = name.lower().replace("®", "").replace("™", "")
    return re.sub(r"[\s\-_.,]+", "", folded)


def guess_kind(name: str) -> str:
    """What a name looks like when no release said: code names carry digits, INNs are lower-case words."""
    bare = name.replace("®", "").replace("™", "").strip()
    if re.search(r"\d", bare):
        return "code"
    if bare and bare[0].isupper() and bare[1:].islower() and " " not in bare and name != bare:
        return "brand"
    if bare.isupper():
        return "brand"
    if bare[:1].isupper() and " " not in bare:
        return "brand"
    return "inn"


def us_name(name: str) -> bool:
    """Whether a nonproprietary name carries the prefix the FDA adds to a US name ("ado-trastuzumab emtansine")."""
    return bool(_US_PREFIX.match(name.lower()))


def displayed_kind(name: str, kind: str | None) -> str | None:
    """The kind of name to show: a prefixed US name is no INN, whatever a release called it."""
    return "US name" if kind == "inn" and us_name(name) else kind


@dataclass
class NameBook:
    """Union-find over compound names, with each name's best-known kind and the day it was first published.

    `named_by`, when set, is the day whose names head the groups: only a name published by then is chosen
    as a group's canonical name (any, where none of the group's names was).
    """

    named_by: date | None = None
    _parent: dict[str, str] = field(default_factory=dict)
    _spelling: dict[str, str] = field(default_factory=dict)
    _kind: dict[str, str] = field(default_factory=dict)
    _first_published: dict[str, date] = field(default_factory=dict)
    _canonical_by_root: dict[str, str] = field(default_factory=dict)
    _canonical_of: dict[str, str] = field(default_factory=dict)
    """Each name asked about, canonical: queries ask about the same few names once a fact."""

    @classmethod
    def from_history(cls, history: Iterable[RecordedFact], named_by: date | None = None) -> NameBook:
        book = cls(named_by=named_by)
        for recorded in history:
            fact = recorded.fact
            if fact.compound:
                book.add(fact.compound, published=recorded.reported_on)
            if isinstance(fact, CompoundAliasRecorded) and fact.compound:
                book.add(fact.alias, fact.alias_kind, published=recorded.reported_on)
                book.link(fact.compound, fact.alias)
        return book

    def add(self, name: str, kind: str | None = None, published: date | None = None) -> str:
        self._canonical_by_root.clear()
        self._canonical_of.clear()
        key = name_key(name)
        if not key:
            return key
        if published is not None and (key not in self._first_published or published < self._first_published[key]):
            self._first_published[key] = published
        if key not in self._parent:
            self._parent[key] = key
            self._spelling[key] = name.replace("®", "").replace("™", "").strip()
        if kind and kind != "former":
            self._kind[key] = kind
        elif key not in self._kind:
            self._kind[key] = kind or guess_kind(name)
        return key

    def _root(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def link(self, a: str, b: str) -> None:
        self._canonical_by_root.clear()
        self._canonical_of.clear()
        ra, rb = self._root(self.add(a)), self._root(self.add(b))
        if ra != rb:
            self._parent[rb] = ra

    def group(self, name: str) -> list[str]:
        key = name_key(name)
        if key not in self._parent:
            return []
        root = self._root(key)
        return sorted((self._spelling[k] for k in self._parent if self._root(k) == root), key=str.lower)

    @overload
    def canonical(self, name: str) -> str: ...

    @overload
    def canonical(self, name: None) -> None: ...

    @overload
    def canonical(self, name: str | None) -> str | None: ...

    def canonical(self, name: str | None) -> str | None:
        """The canonical name of the group holding `name` (itself when unknown)."""
        if not name:
            return None
        if name not in self._canonical_of:
            key = name_key(name)
            if key not in self._parent:
                return name
            if not self._canonical_by_root:
                self._choose_canonical_names()
            self._canonical_of[name] = self._canonical_by_root[self._root(key)]
        return self._canonical_of[name]

    def _choose_canonical_names(self) -> None:
        groups: dict[str, list[str]] = {}
        for key in self._parent:
            groups.setdefault(self._root(key), []).append(key)
        for root, members in groups.items():
            published = [k for k in members if self._published_by_day(k)]
            best = min(published or members, key=self._preference)
            spelling = self._spelling[best]
            self._canonical_by_root[root] = spelling.lower() if self._kind.get(best) == "inn" else spelling

    def _published_by_day(self, key: str) -> bool:
        first = self._first_published.get(key)
        return self.named_by is None or first is None or first <= self.named_by

    def _preference(self, key: str) -> tuple:
        kind = self._kind.get(key, "brand")
        spelling = self._spelling[key]
        prefixed = bool(_US_PREFIX.match(spelling.lower())) if kind == "inn" else False
        return (_KIND_RANK.get(kind, 9), prefixed, len(spelling), spelling.lower())

    def names(self) -> list[str]:
        """Every canonical name."""
        roots = {self._root(k) for k in self._parent}
        return sorted({self.canonical(self._spelling[r]) for r in roots}, key=str.lower)

    def spellings(self) -> list[str]:
        """Every name known, as written."""
        return sorted(self._spelling.values(), key=str.lower)

    def find(self, query: str) -> str | None:
        """The canonical name for a user's query: any alias, case and punctuation ignored."""
        key = name_key(query)
        if key in self._parent:
            return self.canonical(self._spelling[key])
        return None
