"""The recorded history the projections are computed from, read from the read model as little as a query needs.

A query first catches the read model up (nothing to do when it is current),
then reads only the rows that can change its answer: every fact (`all`), one
compound's name group (`of_compound`), or the facts of the ledger (`of_ledger`).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from projections.history import RecordedFact, TimeView
from projections.names import NameBook, name_key
from tracker.adapters.catchup import recorded_facts
from tracker.adapters.event_store import Store
from tracker.adapters.read_model import FactRow

#: The facts a ledger line starts from or is changed by; the ledger reads besides only the other facts of
#: their compounds and releases (the approval that meets a condition, the event "This event" refers to).
from tracker.domain.facts import LEDGER_FACT_TYPES
from tracker.domain.release_record import ReleaseRecord, release_uuid

#: The facts that can change any status, ledger line or record: a review decision or a retraction takes a fact out
#: of view.
_TAKE_FACTS_OUT_OF_VIEW = frozenset({"FactReviewed", "EventRetracted"})
#: How many rows are turned into facts at a time.
_PAGE = 2000
#: About how many facts a batch of name groups holds (`History.in_name_groups`).
_BATCH = 5000


class History:
    def __init__(self, store: Store):
        self.store = store

    def all(self) -> tuple[RecordedFact, ...]:
        """Every recorded fact, joined with its release or its author and its record time."""
        self.store.catch_up()
        return self._recorded(self.store.read_model.facts())

    def of_compound(self, compound: str) -> tuple[RecordedFact, ...]:
        """The facts about one compound (all its names), its alias facts, and their retractions.
        Costs in proportion to the compound's own history, not the store's."""
        self.store.catch_up()
        return self.of_keys(self.name_group(name_key(compound)))

    def in_name_groups(self) -> Iterator[tuple[set[str], tuple[RecordedFact, ...]]]:
        """The facts about every compound, as `of_compound` reads them, a batch of whole name groups at a time
        (name keys, facts), each of about `_BATCH` facts: what a query over every compound needs at once is one
        batch, not the whole store."""
        self.store.catch_up()
        counts = dict(self.store.read_model.name_keys())
        groups = _connected(counts, self.store.read_model.every_alias_edge())
        batch: set[str] = set()
        size = 0
        for group in groups:
            batch |= group
            size += sum(counts.get(key, 0) for key in group)
            if size >= _BATCH:
                yield batch, self.of_keys(batch)
                batch, size = set(), 0
        if batch:
            yield batch, self.of_keys(batch)

    def of_keys(self, keys: set[str], no_compound: bool = False) -> tuple[RecordedFact, ...]:
        """The facts about the compounds of these name keys (whole name groups), as `of_compound` reads them; and
        with `no_compound` every fact about no compound besides."""
        self.store.catch_up()
        return self._recorded(self.store.read_model.facts_about(keys, no_compound))

    def changed_since(self, position: int) -> set[str] | None:
        """The name keys (whole name groups) of the compounds whose status the facts applied after `position` can
        change: those they name, those of the releases they re-issue, and those partnered with a company whose
        group an affiliation among them can change. None when they can change any compound's: a review decision
        or a retraction among them."""
        facts, reissued = self._changes_after(position)
        if facts is None:
            return None
        keys = self._named(facts, reissued)
        if any(kind == "PartyAffiliationRecorded" for kind, _, _ in facts):
            keys |= self._partnered_with_regrouped(position)
        return self.name_group(*keys) if keys else set()

    def _partnered_with_regrouped(self, position: int) -> set[str]:
        """The name keys of the compounds partnered with a company whose corporate group the affiliations applied
        after `position` can change: the company each names, and every company whose chain of affiliations, as
        any of them states it, leads to one of those (`projections.status` takes a partner's group through the
        chain)."""
        read_model = self.store.read_model
        stated = [(row.notification_id, json.loads(row.fact)) for row in read_model.facts_of_types(["PartyAffiliationRecorded"])]
        regrouped = {fact["party"] for at, fact in stated if at > position}
        frontier = set(regrouped)
        while frontier:  # back along the chains: a company stated to belong to one regrouped is regrouped too
            frontier = {fact["party"] for _, fact in stated if fact["parent"] in frontier} - regrouped
            regrouped |= frontier
        return {row.compound_key for row in read_model.facts_of_types(["PartnershipRecorded"])
                if row.compound_key and json.loads(row.fact)["partner"] in regrouped}

    def records_changed_since(self, position: int) -> tuple[set[str], bool] | None:
        """The name keys (whole name groups) whose facts' records the facts applied after `position` can change,
        and whether they can change records of no compound (a fact about an undisclosed product or an
        affiliation, among them or in a release they re-issue); None when they can change any record (a review
        decision or a retraction among them)."""
        facts, reissued = self._changes_after(position)
        if facts is None:
            return None
        no_compound = any(compound is None for _, compound, _ in facts) or bool(
            reissued and self.store.read_model.hold_facts_about_no_compound(reissued))
        keys = self._named(facts, reissued)
        return (self.name_group(*keys) if keys else set()), no_compound

    def lines_changed_since(self, position: int, lines_of_no_compound: bool) -> set[str] | None:
        """The name keys (whole name groups) whose ledger lines the facts applied after `position` can change. None
        when they can change lines of no compound (money of an undisclosed product, among them or in a release
        they re-issue; a royalty figure, when there are `lines_of_no_compound`, which may hold it) or of any (a
        review decision or a retraction). An affiliation changes none: the ledger does not read them."""
        facts, reissued = self._changes_after(position)
        if facts is None or any((compound is None and kind in LEDGER_FACT_TYPES)
                                or (lines_of_no_compound and kind == "RoyaltyReported") for kind, compound, _ in facts):
            return None
        if reissued and self.store.read_model.hold_facts_about_no_compound(reissued, LEDGER_FACT_TYPES):
            return None
        keys = self._named(facts, reissued)
        return self.name_group(*keys) if keys else set()

    def has_money(self, keys: set[str]) -> bool:
        """Whether any fact the ledger makes lines of (`LEDGER_FACT_TYPES`) names one of these name keys: a name
        group with none has no ledger line."""
        self.store.catch_up()
        return bool(self.store.read_model.facts_of_types(LEDGER_FACT_TYPES, keys))

    def _changes_after(self, position: int) -> tuple[list[tuple[str, str | None, str | None]] | None, list[str]]:
        """What the log applied after `position`, after catching up: (type, compound key, alias key) of each fact, or
        None when a review decision or a retraction is among them; and the read model's ids of the releases the
        new releases re-issue."""
        self.store.catch_up()
        facts, reissued = self.store.read_model.changes_after(position)
        if any(kind in _TAKE_FACTS_OUT_OF_VIEW for kind, _, _ in facts):
            return None, []
        return facts, [release_uuid(release).hex for release in reissued]

    def _named(self, facts: list[tuple[str, str | None, str | None]], reissued: list[str]) -> set[str]:
        """The name keys the facts name, and those the facts of the re-issued releases name."""
        keys = {key for _, compound, alias in facts for key in (compound, alias) if key}
        return (keys | self.store.read_model.keys_of_releases(reissued)) if reissued else keys

    def count(self) -> int:
        """How many facts the store holds, in any view or none."""
        self.store.catch_up()
        return self.store.read_model.fact_count()

    def published_between(self, after: date, until: date) -> bool:
        """Whether anything was reported or published after day `after` and by day `until`."""
        return self.store.read_model.published_between(after.isoformat(), until.isoformat())

    def of_ledger(self, keys: set[str] | None = None) -> tuple[RecordedFact, ...]:
        """The facts the ledger reads: of every compound, or of the lines of the compounds of these name keys
        (whole name groups; their money, their other facts and the other facts of their money's releases).
        Costs in proportion to the money in the store, or in those groups."""
        self.store.catch_up()
        money = self.store.read_model.facts_of_types(LEDGER_FACT_TYPES, keys)
        if keys is None:
            keys = self.name_group(*{row.compound_key for row in money if row.compound_key})
        releases = {row.release_uuid for row in money if row.release_uuid}
        return self._recorded(self.store.read_model.facts_related(keys, releases))

    def with_ids(self, event_ids: set[str]) -> tuple[RecordedFact, ...]:
        """The facts with these event ids (and no others)."""
        self.store.catch_up()
        return self._recorded(self.store.read_model.facts_with_ids(event_ids))

    def for_review(self, threshold: float) -> tuple[RecordedFact, ...]:
        """The facts read with less confidence than `threshold`, and every review decision: what the review
        queue reads. Costs in proportion to what waits for review, not to the store."""
        self.store.catch_up()
        p = self.store.read_model.placeholder
        return self._recorded(self.store.read_model.facts(f"WHERE confidence < {p} OR type = {p}",
                                                          [threshold, "FactReviewed"]))

    def name_group(self, *keys: str) -> set[str]:
        """Every name key linked to `keys` by alias facts, found edge by edge."""
        group, frontier = set(keys), set(keys)
        while frontier:
            edges = self.store.read_model.alias_edges(frontier)
            found = {k for edge in edges for k in edge if k} - group
            group |= found
            frontier = found
        return group

    def spellings(self) -> list[str]:
        """Every compound name and alias recorded, as written (for suggestions)."""
        return self.store.read_model.name_spellings()

    def _recorded(self, rows: list[FactRow]) -> tuple[RecordedFact, ...]:
        """The rows as recorded facts. The list is emptied as they are turned into facts, a page at a time, so
        that the two are not held whole at once: over the whole store that would be twice the memory."""
        uuids = {row.release_uuid for row in rows if row.release_uuid}
        releases = self._with_re_issues(self.store.read_model.releases(uuids)) if uuids else {}
        rows.reverse()
        recorded: list[RecordedFact] = []
        while rows:
            recorded.extend(recorded_facts([rows.pop() for _ in range(min(_PAGE, len(rows)))], releases))
        return tuple(recorded)

    def _with_re_issues(self, releases: dict[str, ReleaseRecord]) -> dict[str, ReleaseRecord]:
        """The releases, each with the releases that re-issue it (`ReleaseRecord.re_issues`)."""
        linked = [row.record for row in self.store.read_model.re_issues_of(releases.values())]
        if not linked:
            return releases
        return {uuid: replace(release, re_issues=tuple(
                    r for r in linked if r.supersedes == release.id or r.id == release.superseded_by))
                for uuid, release in releases.items()}

    def in_view(self, view: TimeView, compound: str | None = None,
                history: tuple[RecordedFact, ...] | None = None) -> tuple[tuple[RecordedFact, ...], NameBook]:
        """The facts in view, in export order, and the names they resolve through: of the whole
        history, of one compound's, or of the `history` given.

        Names resolve through every alias recorded by the view's `recorded_by`
        instant, whatever its publication date: a compound keeps one identity
        across time, so "kadcyla" finds the 2008 facts about T-DM1, while the
        facts shown stay those in view.
        """
        if history is None:
            history = self.all() if compound is None else self.of_compound(compound)
        selected = view.select(history)
        return selected, identities(view, history, selected)

    def with_names(self, view: TimeView) -> tuple[tuple[RecordedFact, ...], NameBook]:
        """The whole history and the names it resolves through as of the view's `recorded_by`."""
        history = self.all()
        return history, identities(view, history)


def identities(view: TimeView, history: tuple[RecordedFact, ...],
               selected: tuple[RecordedFact, ...] | None = None) -> NameBook:
    """The names `history` resolves through: every alias recorded by the view's `recorded_by`, whenever published,
    each group headed by a name published by the view's `as_of` day; and the names of the facts in view from a
    release corrected only after its `as_of` day (which still stood then, and still names what it said)."""
    known = TimeView(recorded_by=view.recorded_by, review_threshold=view.review_threshold).select(history)
    if view.as_of is None:
        return NameBook.from_history(known, named_by=view.as_of)
    ids = {recorded.id for recorded in known}
    in_view = view.select(history) if selected is None else selected  # `selected`: what `view` selects, when known
    return NameBook.from_history([*known, *(r for r in in_view if r.id not in ids)], named_by=view.as_of)


def _connected(keys: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[set[str]]:
    """The name groups: `keys` and the keys of `edges`, joined where an edge links them, in the order of their
    first key."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key in keys:
        root(key)
    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for key in sorted(parent):
        groups.setdefault(root(key), set()).add(key)
    return list(groups.values())
