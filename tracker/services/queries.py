"""Queries: what the record shows in a time view, as plain data (EVENTS.md records, statuses, catalysts, a report)."""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, overload

from projections.calendar import CalendarEntry, calendar_order, catalyst_calendar, entry_restated_on, within
from projections.history import TimeView
from projections.names import NameBook, name_key
from projections.records import PlacedRecord, event_records, placed_records
from projections.status import CompoundStatus, compound_status, compound_statuses, restated_on
from tracker.errors import UnknownCompound
from tracker.services.history import History, identities
from tracker.services.kept import Earlier, KeptAnswers, Listed, Recipe, Remade, Row

if TYPE_CHECKING:
    from projections.receivables import ReceivablesReport
    from projections.report import Report


Kept = TypeVar("Kept", CompoundStatus, CalendarEntry)
_STATUSES = Listed(CompoundStatus, lambda status: name_key(status.name), lambda status: [status.name.lower()])
_CALENDAR = Listed(CalendarEntry, lambda entry: name_key(entry.compound), calendar_order)
#: Records are read through once (exported, or taken into a report), so none is held once read: at ten thousand
#: releases they are ninety thousand dictionaries.
_RECORDS = Listed(PlacedRecord, lambda placed: name_key(placed["record"]["compound"]) if placed["record"]["compound"] else None,
                  lambda placed: placed["order"], holds=False)


class _Records(Sequence[dict[str, Any]]):
    """The records of placed records, each decoded as it is read."""

    def __init__(self, placed: Sequence[PlacedRecord]):
        self._placed = placed

    def __len__(self) -> int:
        return len(self._placed)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [placed["record"] for placed in self._placed[index]]
        return self._placed[index]["record"]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by content, as a list is


class Queries:
    def __init__(self, history: History, kept: KeptAnswers):
        self.history = history
        self.kept = kept

    def events(self, view: TimeView, compound: str | None = None, types: Iterable[str] = ()) -> Sequence[dict[str, Any]]:
        """The facts in view as EVENTS.md records, optionally of one compound (read through its name group,
        not the whole store) and some types. Every record of today's view is kept in the read model."""
        wanted = set(types)
        if compound is None:
            records = self.records(view)
            return [record for record in records if record["type"] in wanted] if wanted else records
        selected, names = self.history.in_view(view, compound)
        canonical = self.resolve(compound, names)
        chosen = [r for r in selected
                  if (not wanted or r.type in wanted) and names.canonical(r.fact.compound) == canonical]
        return event_records(chosen, names)

    def records(self, view: TimeView) -> Sequence[dict[str, Any]]:
        """Every fact in view as its EVENTS.md record, in export order, each decoded as it is read."""
        return _Records(self.kept.answer("records", view, self.placed_records, _RECORDS, refresh=self.refreshed_records))

    def placed_records(self, view: TimeView, horizon: date) -> list[PlacedRecord]:
        """Every fact in view as its record, with its place in export order, computed from the whole history."""
        return placed_records(*self.history.in_view(view))

    def refreshed_records(self, view: TimeView, horizon: date, earlier: Earlier) -> Remade | None:
        """The kept records brought up to now: the records of the name groups the facts since `earlier` touch made
        again (and those of no compound, when they touch those), the others' rows kept as they are. None when a
        view as of today would take in something published since `earlier`'s day, or the new facts can change any
        record."""
        since = date.fromisoformat(earlier.stamp.horizon)
        if since != horizon and view.as_of is not None and self.history.published_between(since, horizon):
            return None
        changed = self.history.records_changed_since(earlier.stamp.position)
        if changed is None:
            return None
        keys, no_compound = changed
        remade: set[str | None] = {*keys, None} if no_compound else set(keys)
        if not remade:  # only the day moved on: the same records
            return Remade(remade, [])
        selected, names = self.history.in_view(view, history=self.history.of_keys(keys, no_compound))
        return Remade(remade, [row for row in _RECORDS.rows(placed_records(selected, names)) if row[0] in remade])

    def compounds(self, view: TimeView) -> Sequence[CompoundStatus]:
        """Every compound in view with its status; facts about undisclosed products are left out. Kept in the
        read model for today's view (`tracker.services.kept`)."""
        return self.kept.answer("compounds", view, self.statuses, _STATUSES, refresh=self.refreshed_statuses)

    def kept_answers(self) -> dict[str, Recipe]:
        """How each answer this service keeps is computed and kept, for `verify` to recompute it."""
        return {"compounds": (self.statuses, _STATUSES), "calendar": (self.whole_calendar, _CALENDAR),
                "records": (self.placed_records, _RECORDS)}

    def statuses(self, view: TimeView, horizon: date) -> list[CompoundStatus]:
        """Every compound's status computed from the whole history in view, standing on `horizon`, in name order.
        Read a batch of name groups at a time: each status is computed from what `status` reads for it."""
        statuses: list[CompoundStatus] = []
        for keys, history in self.history.in_name_groups():
            selected, names = self.history.in_view(view, history=history)
            statuses += [status for status in compound_statuses(selected, names, horizon) if name_key(status.name) in keys]
        return sorted(statuses, key=lambda status: status.name.lower())

    def refreshed_statuses(self, view: TimeView, horizon: date, earlier: Earlier) -> Remade | None:
        """The kept statuses brought up to now: restated on today (when only the day moved on, and nothing was
        published meanwhile that a view as of today takes in), then the statuses of the name groups the facts
        since `earlier` touch computed again, the others' rows kept as they are. None when those facts can change
        any compound's status."""
        keys = self._changed(view, horizon, earlier)
        if keys is None:
            return None
        selected, names = self.history.in_view(view, history=self.history.of_keys(keys)) if keys else ((), NameBook())
        fresh = _STATUSES.rows(status for status in compound_statuses(selected, names, horizon) if name_key(status.name) in keys)
        return self._remade(horizon, earlier, keys, fresh, CompoundStatus, restated_on)

    def status(self, compound: str, view: TimeView) -> CompoundStatus:
        """The status of the compound going by `compound` (any alias, any case)."""
        selected, names = self.history.in_view(view, compound)
        return compound_status(selected, names, self.resolve(compound, names), view.horizon)

    def calendar(self, view: TimeView, start: date | None = None, end: date | None = None,
                 compound: str | None = None) -> Sequence[CalendarEntry]:
        """The catalysts still expected in the view, `expected_by` from `start` to `end`; optionally of one compound.
        Today's whole calendar is kept in the read model; a range is read from it."""
        if compound:
            statuses = [self.status(compound, view)]
            return catalyst_calendar(statuses, self.sources(view, statuses), start, end)
        whole = self.kept.answer("calendar", view, self.whole_calendar, _CALENDAR, refresh=self.refreshed_calendar)
        return whole if start is None and end is None else within(whole, view.horizon, start, end)

    def whole_calendar(self, view: TimeView, horizon: date) -> list[CalendarEntry]:
        """Every catalyst still expected in the view, with no bounds (from the compounds kept, for today)."""
        statuses = self.compounds(view)
        return catalyst_calendar(statuses, self.sources(view, statuses))

    def refreshed_calendar(self, view: TimeView, horizon: date, earlier: Earlier) -> Remade | None:
        """The kept whole calendar brought up to now as the compound list is: restated on today, then the
        catalysts of the name groups the facts since `earlier` touch made again."""
        keys = self._changed(view, horizon, earlier)
        if keys is None:
            return None
        statuses = list(self.kept.answer("compounds", view, self.statuses, _STATUSES, keys, self.refreshed_statuses))
        fresh = _CALENDAR.rows(catalyst_calendar(statuses, self.sources(view, statuses)))
        return self._remade(horizon, earlier, keys, fresh, CalendarEntry, entry_restated_on)

    def _changed(self, view: TimeView, horizon: date, earlier: Earlier) -> set[str] | None:
        """The name keys the facts applied since `earlier`'s position touch; None when the answer must be computed
        afresh: a view as of today would take in something published since `earlier`'s day (another selection of
        facts, not only another day), or the new facts can change any compound's."""
        since = date.fromisoformat(earlier.stamp.horizon)
        if since != horizon and view.as_of is not None and self.history.published_between(since, horizon):
            return None
        return self.history.changed_since(earlier.stamp.position)

    @staticmethod
    def _remade(horizon: date, earlier: Earlier, keys: set[str], fresh: list[Row], model: type[Kept],
                restate: Callable[[Kept, date], Kept | None]) -> Remade:
        """The rows of `keys` made again (`fresh`); and when the day moved on, every other row restated on `horizon`
        (in its place: restating changes no name nor date it is ordered by), or left out where it is gone that day
        (None: a presentation whose day has passed)."""
        if date.fromisoformat(earlier.stamp.horizon) == horizon:
            return Remade(set(keys), fresh)
        restated = [(key, at, kept.model_dump_json()) for key, at, body in earlier.rows() if key not in keys
                    if (kept := restate(model.model_validate_json(body), horizon)) is not None]
        return Remade(None, restated + fresh)

    def sources(self, view: TimeView, statuses: Sequence[CompoundStatus]) -> list[dict[str, Any]]:
        """The EVENTS.md records of the facts announcing the catalysts the statuses expect: all the calendar
        quotes, read by event id rather than with every event in view."""
        wanted = {catalyst.sources[0] for status in statuses for catalyst in status.expected}
        announcing = self.history.with_ids(wanted) if wanted else ()
        return event_records(announcing, identities(view, announcing))

    def report(self, view: TimeView, receivables: ReceivablesReport) -> Report:
        """What the report of this view shows: pipeline, timelines, catalysts, receivables, events.
        The statuses and the records are those kept for today's view, as the compound list and the export read them."""
        from projections.report import build_report  # the report's projection loads only for a report

        statuses = list(self.compounds(view))  # kept for today's view, as the compound list
        return build_report(view, statuses, list(self.records(view)), receivables, stored_events=self.history.count())

    def resolve(self, query: str, names: NameBook) -> str:
        """The canonical name a user's query names, or an error suggesting the names it is close to."""
        canonical = names.find(query)
        if canonical is None:
            spellings = {n.lower(): n for n in self.history.spellings() + names.spellings()}
            close = difflib.get_close_matches(query.lower(), list(spellings), n=2, cutoff=0.6)
            raise UnknownCompound(query, [spellings[c] for c in close])
        return canonical
