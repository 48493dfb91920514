"""Whole-store answers of today, kept in the read model so that a query reads them, not recomputes them.

Every compound's status, every ledger line, the receivables report and the
whole calendar are computed from the whole history: seconds at ten thousand
releases. The answer of the default view (no
`--as-of`, `--occurred-by` or `--recorded-by`) is the same for every query until
the log moves or the day changes, and so is that of `--as-of` today (what the
command line asks by default; while nothing is dated after today the two are
one answer, kept once, so that a notebook's query and a command do not each
compute it again in turn), so the first such query keeps it, a row per
compound, line or calendar entry (the report: a row of totals, then a row per
line), stamped with the read model's position, its as-of, the day it stands on,
the review threshold and the tracker's version (`Stamp`); the next ones read the
rows back while the stamp still holds. When the log has moved or the day has
changed, an answer that knows how (`Refresh`: the compound list, the calendar,
the records, the ledger) is brought up to date from the rows kept before instead
of computed whole: only the rows of the name groups that changed are made again,
and only those are written again (`Remade`, `FactsView.amend`), each in its place
among the others (a row's place is its sort key as bytes, `place`, and the rows
are read in place order), so that bringing ninety thousand records up to date
after one release writes the few rows of that release's compounds, not all of them. Any
other view is computed as before: it is the same answer only for itself.

The stamp is taken after catching up and before the facts are read, so an
answer is never stamped with a position older than some of its facts but
newer than others: at worst it is stamped older than its facts, and no later
query (each catches up first) asks for that position again. `verify` (through
`check`) recomputes a kept answer whose stamp is current and names the first
row that differs (an answer kept for an earlier log or day is left unchecked:
it is read again only to bring it up to date, into an answer `verify` checks).
A refresh reads the facts applied since the earlier stamp after taking the new
one, so the same holds of what it computes again.

A kept answer is read back row by row as it is used, not decoded whole
(`KeptRows`): at ten thousand releases the ledger's lines are megabytes of
JSON, and decoding them is most of what a query costs, while a caller that
counts them, reads a page or looks one line up needs none of the rest. Nor are
they fetched whole: the query checks the stamp and counts the rows, and the
rows are read from the store a page at a time as they are used
(`KeptSnapshot`: on SQLite, in a read transaction of their own), so what an
answer costs as returned does not grow with it, and what a caller holds never
changes under it when the log moves.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Generic, TypeVar, overload

from pydantic import BaseModel

from projections.history import TimeView
from tracker.adapters.chain import Breach
from tracker.adapters.event_store import Store
from tracker.adapters.read_model import ANSWERS, FactsView, KeptRow, KeptSnapshot, Stamp, place

#: An answer's items: models, or plain JSON values (`dict`) where decoding them into models costs too much.
Answer = TypeVar("Answer")
Model = TypeVar("Model", bound=BaseModel)
Row = KeptRow

#: How an answer is computed: for a view of today, standing on this day (the view's own horizon, for a view of
#: today; an answer computed from another kept one reads that one through the view).
Compute = Callable[[TimeView, date], Sequence[Answer]]


#: A day after every date a release gives.
_LAST_DAY = "9999-12-31"

#: How many rows of a kept answer are read from the store at a time.
PAGE = 500


class Paged(Sequence[str]):
    """The JSON bodies of `count` rows of a kept answer from the `start`-th on (in place order), read a page at a time."""

    __slots__ = ("_snapshot", "_start", "_count", "_pages")

    def __init__(self, snapshot: KeptSnapshot, start: int, count: int):
        self._snapshot = snapshot
        self._start = start
        self._count = count
        self._pages: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        page, at = divmod(index, PAGE)
        bodies = self._pages.get(page)
        if bodies is None:
            first = self._start + page * PAGE
            bodies = self._pages[page] = self._snapshot.bodies(first, min(first + PAGE, self._start + self._count))
        return bodies[at]


def _encoded(item: Any) -> str:
    """A kept row's body: a model as its JSON, a plain value (a note of a report, a record) as JSON."""
    return item.model_dump_json() if isinstance(item, BaseModel) else json.dumps(item)


def _decoder(model: type) -> Callable[[str], Any]:
    return model.model_validate_json if issubclass(model, BaseModel) else json.loads


class KeptRows(Sequence[Answer]):
    """The rows of a kept answer, each decoded from its JSON the first time it is used, then held (unless
    `holds` is false: decoded each time, for an answer read through once, such as every record exported); their
    bodies a list, or read from the store as they are used (`Paged`). `model` is the rows' model, or a plain
    type (`str`, `dict`) for rows of plain values."""

    __slots__ = ("_model", "_bodies", "_decoded", "_holds")

    def __init__(self, model: type[Answer], bodies: Sequence[str], holds: bool = True):
        self._model = _decoder(model)
        self._bodies = bodies
        self._decoded: list[Answer | None] = [None] * len(bodies)
        self._holds = holds

    def __len__(self) -> int:
        return len(self._bodies)

    @overload
    def __getitem__(self, index: int) -> Answer: ...

    @overload
    def __getitem__(self, index: slice) -> list[Answer]: ...

    def __getitem__(self, index: int | slice) -> Answer | list[Answer]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._decoded)
        if not 0 <= index < len(self._decoded):
            raise IndexError("kept answer row out of range")
        decoded = self._decoded[index]
        if decoded is None:
            decoded = self._model(self._bodies[index])
            if self._holds:
                self._decoded[index] = decoded
        return decoded

    def __iter__(self) -> Iterator[Answer]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by content, as a list is

    def __repr__(self) -> str:
        return f"KeptRows({list(self)!r})"


@dataclass(frozen=True)
class Listed(Generic[Answer]):
    """An answer that is a list: a row an item, keyed by its compound's name key (or none), placed by its sort key
    (`order`: the parts by which the list is sorted) and then, among the rows of its key, by where it stands
    among them, so that every row's place is its own."""

    model: type[Answer]
    key: Callable[[Answer], str | None]
    order: Callable[[Answer], Iterable[Any]]
    holds: bool = True
    """Whether rows decoded are held for the next use (see `KeptRows`)."""

    def rows(self, answer: Iterable[Answer]) -> list[Row]:
        """The rows of the items of `answer`, in its order (the items of a key in the list's order: the n-th of a
        key is placed n-th among them, whatever else the list holds)."""
        seen: dict[str | None, int] = {}
        rows: list[Row] = []
        for item in answer:
            key = self.key(item)
            nth = seen[key] = seen.get(key, -1) + 1
            rows.append((key, place([*self.order(item), key or "", nth]), _encoded(item)))
        return rows

    def read(self, rows: list[Row]) -> Sequence[Answer]:
        return KeptRows(self.model, [body for _, _, body in rows], self.holds)

    def read_snapshot(self, snapshot: KeptSnapshot) -> Sequence[Answer] | None:
        """The answer from a snapshot of its rows, read as used."""
        return KeptRows(self.model, Paged(snapshot, 0, snapshot.count()), self.holds)


@dataclass(frozen=True)
class Document(Generic[Model]):
    """An answer that is one document whose long lists (`parts`) are kept a row an item, after a row of the
    rest of it, so that they too are decoded as they are used."""

    model: type[Model]
    parts: dict[str, type]
    """Each long list's name and its items' model (or `str`, for a list of notes)."""

    def rows(self, answer: Sequence[Model]) -> list[Row]:
        [document] = answer
        head: Row = (None, place([0]), document.model_dump_json(exclude=set(self.parts)))
        return [head, *((part, place([number, nth]), _encoded(item))
                        for number, part in enumerate(self.parts, start=1)
                        for nth, item in enumerate(getattr(document, part)))]

    def read(self, rows: list[Row]) -> Sequence[Model]:
        (_, _, head), *items = rows
        document = self.model.model_validate_json(head)
        for part, model in self.parts.items():
            setattr(document, part, KeptRows(model, [body for key, _, body in items if key == part]))
        return [document]

    def read_snapshot(self, snapshot: KeptSnapshot) -> Sequence[Model] | None:
        """The answer from a snapshot of its rows, as `rows` lays them out (its head first, then each part's
        items in turn), each part read as used; None when it has no head."""
        if not snapshot.count():
            return None
        counts = {part: snapshot.count(part) for part in self.parts}  # before any row is read (the last closes it)
        document = self.model.model_validate_json(snapshot.bodies(0, 1)[0])
        start = 1
        for part, model in self.parts.items():
            setattr(document, part, KeptRows(model, Paged(snapshot, start, counts[part])))
            start += counts[part]
        return [document]


@dataclass(frozen=True)
class Remade:
    """What an answer brought up to date writes: the rows now of the keys `keys` (of every key, when None), the
    rows of the other keys kept as they are."""

    keys: set[str | None] | None
    rows: list[Row]


class Earlier:
    """The answer of a kind kept for the same view at an earlier position of the log or an earlier day, for a
    refresh to read what it needs of it: its stamp, and its rows only when asked."""

    def __init__(self, read_model: FactsView, kind: str, stamp: Stamp):
        self._read_model = read_model
        self.kind = kind
        self.stamp = stamp

    def rows(self) -> list[Row]:
        """Every row, in place order (none, when another process replaced the answer meanwhile: whatever is made
        from them is then not kept, `FactsView.amend`)."""
        return self._read_model.kept(self.kind, self.stamp) or []

    def holds(self, key: str | None) -> bool:
        """Whether it has a row of `key`."""
        return self._read_model.holds_kept(self.kind, self.stamp, key)


def _same_view_earlier(earlier: Stamp, stamp: Stamp) -> bool:
    """Whether `earlier` stamps the same view as `stamp` (no as-of, or as of its own day; same threshold, same
    tracker) at an earlier position of the log or an earlier day."""
    same_as_of = earlier.as_of == stamp.as_of == "" or (earlier.as_of == earlier.horizon and stamp.as_of == stamp.horizon)
    return (same_as_of and earlier.threshold == stamp.threshold and earlier.made_by == stamp.made_by
            and earlier.position <= stamp.position and earlier.horizon <= stamp.horizon and earlier != stamp)


Shape = Listed[Any] | Document[Any]
#: How an answer is computed and kept, for `verify` to recompute it.
Recipe = tuple[Compute[Any], Shape]
#: How the rows of an answer kept for the same view at an earlier position of the log or an earlier day are brought
#: up to date: given the view, its day and that answer, the rows to write again, or None when it must be computed
#: afresh.
Refresh = Callable[[TimeView, date, Earlier], "Remade | None"]


@cache
def _version() -> str:
    """This tracker's version, which stamps the answers it keeps."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("milestone-tracker")
    except PackageNotFoundError:  # run from a clone, not installed
        return "unknown"


class KeptAnswers:
    def __init__(self, store: Store):
        self.store = store

    def stamp(self, view: TimeView) -> Stamp | None:
        """The stamp of the view's answers, after catching up; None for a view other than today's (never kept).
        A view as of today is stamped as the default view while nothing is dated after today (the same facts)."""
        today = date.today()
        if view.as_of not in (None, today) or view.occurred_by is not None or view.recorded_by is not None:
            return None
        self.store.catch_up()
        as_of = view.as_of
        if as_of is not None and not self.store.read_model.published_between(today.isoformat(), _LAST_DAY):
            as_of = None  # nothing dated after today: the record as of today is the whole record, kept once for both
        return Stamp(self.store.read_model.position(), as_of.isoformat() if as_of else "",
                     view.horizon.isoformat(), view.review_threshold, _version())

    def answer(self, kind: str, view: TimeView, compute: Compute[Answer], shape: Listed[Answer] | Document[Any],
               keys: Iterable[str] | None = None, refresh: Refresh | None = None) -> Sequence[Answer]:
        """The answer of `kind` in `view`: read back when kept for it, else brought up to date from the one kept
        for an earlier position of the log (`refresh`, where the answer has one), else computed; kept, for the
        default view. With `keys`, only the rows of a listed answer whose key (a compound name key) is one of
        them."""
        wanted = None if keys is None else set(keys)
        stamp = self.stamp(view)
        if stamp is None:
            return self._only(compute(view, view.horizon), shape, wanted)
        kept = self._read(kind, stamp, shape, wanted)
        if kept is not None:
            return kept
        horizon = date.fromisoformat(stamp.horizon)
        if refresh is not None and self._refreshed(kind, view, horizon, stamp, refresh):
            kept = self._read(kind, stamp, shape, wanted)
            if kept is not None:
                return kept
        answer = list(compute(view, horizon))
        self.store.read_model.keep(kind, stamp, shape.rows(answer))
        return self._only(answer, shape, wanted)

    def _read(self, kind: str, stamp: Stamp, shape: Listed[Answer] | Document[Any],
              wanted: set[str] | None) -> Sequence[Answer] | None:
        """The answer kept for `stamp` (only the rows of the `wanted` keys, when given), read as used; None when
        none is kept for it."""
        if wanted is None:
            snapshot = self.store.read_model.kept_snapshot(kind, stamp)
            return None if snapshot is None else shape.read_snapshot(snapshot)
        rows = self.store.read_model.kept(kind, stamp, wanted)
        return shape.read(rows) if rows is not None and (rows or isinstance(shape, Listed)) else None

    def _refreshed(self, kind: str, view: TimeView, horizon: date, stamp: Stamp, refresh: Refresh) -> bool:
        """Whether the answer kept for the same view at an earlier position or day was brought up to `stamp`'s: its
        rows that changed written again, the others left as they are. False when there is none (or another process
        replaced it meanwhile) or it cannot be brought up to date."""
        earlier = self.store.read_model.stamp_of(kind)
        if earlier is None or not _same_view_earlier(earlier, stamp):
            return False
        remade = refresh(view, horizon, Earlier(self.store.read_model, kind, earlier))
        return remade is not None and self.store.read_model.amend(kind, earlier, stamp, remade.keys, remade.rows)

    @staticmethod
    def _only(answer: Sequence[Answer], shape: Listed[Answer] | Document[Any],
              wanted: set[str] | None) -> Sequence[Answer]:
        if wanted is None or not isinstance(shape, Listed):
            return answer
        return [item for item in answer if shape.key(item) in wanted]

    def check(self, kinds: dict[str, Recipe]) -> Breach | None:
        """The first row of a kept answer with a current stamp that differs from the answer recomputed from
        the events, is missing, or is one too many; None when every kept answer agrees. `kinds` in the order
        to check them: an answer computed from another kept one comes after it."""
        position, today = self.store.read_model.position(), date.today().isoformat()
        for kind, (compute, shape) in kinds.items():
            stamp = self.store.read_model.stamp_of(kind)
            if stamp is None or stamp.position != position or stamp.horizon != today or stamp.made_by != _version():
                continue  # none kept, or kept for an earlier log, day or version: never read again
            rows = self.store.read_model.kept(kind, stamp) or []
            view = TimeView(as_of=date.fromisoformat(stamp.as_of) if stamp.as_of else None,
                            review_threshold=stamp.threshold)
            expected = shape.rows(compute(view, date.fromisoformat(stamp.horizon)))
            for seq, (there, here) in enumerate(zip(rows, expected)):
                if there != here:
                    return Breach(position, None, None, f"the read model's kept answer {kind!r} (row {seq} in "
                                                        f"{ANSWERS}) disagrees with the events")
            if len(rows) != len(expected):
                seq = min(len(rows), len(expected))
                what = "is missing from it" if len(rows) < len(expected) else "comes from no event"
                return Breach(position, None, None, f"row {seq} of the read model's kept answer {kind!r} "
                                                    f"({ANSWERS}) {what}")
        return None
