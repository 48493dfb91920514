"""Whole-store answers of today, kept in the read model so that a query reads them, not recomputes them.

Every compound's status, every ledger line, the receivables report and the
whole calendar are computed from the whole history: seconds at ten thousand
releases. The answer of the default view (no
`--as-of`, `--occurred-by` or `--recorded-by`) is the same for every query until
the log moves or the day changes, and so is that of `--as-of` today (what the
command line asks by default), so the first such query keeps it, a row per
compound, line or calendar entry (the report as one row), stamped with the read model's position, its as-of, the day
it stands on and the review threshold (`Stamp`); the next ones read the rows
back while the stamp still holds. Any other view is computed as before: it is
the same answer only for itself.

The stamp is taken after catching up and before the facts are read, so an
answer is never stamped with a position older than some of its facts but
newer than others: at worst it is stamped older than its facts, and no later
query (each catches up first) asks for that position again. `verify` (through
`check`) recomputes a kept answer whose stamp is current and names the first
row that differs (an answer kept for an earlier log or day is never read again,
and left unchecked).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TypeVar

from pydantic import BaseModel, TypeAdapter

from projections.history import TimeView
from tracker.adapters.chain import Breach
from tracker.adapters.event_store import Store
from tracker.adapters.read_model import ANSWERS, Stamp

Answer = TypeVar("Answer", bound=BaseModel)

#: How an answer is computed: for a view of today, standing on this day (the view's own horizon, for a view of
#: today; an answer computed from another kept one reads that one through the view).
Compute = Callable[[TimeView, date], Sequence[Answer]]


class KeptAnswers:
    def __init__(self, store: Store):
        self.store = store

    def stamp(self, view: TimeView) -> Stamp | None:
        """The stamp of the view's answers, after catching up; None for a view other than today's (never kept)."""
        today = date.today()
        if view.as_of not in (None, today) or view.occurred_by is not None or view.recorded_by is not None:
            return None
        self.store.catch_up()
        return Stamp(self.store.read_model.position(), view.as_of.isoformat() if view.as_of else "",
                     view.horizon.isoformat(), view.review_threshold)

    def answer(self, kind: str, view: TimeView, compute: Compute[Answer], model: type[Answer],
               key: Callable[[Answer], str | None], keys: Iterable[str] | None = None) -> list[Answer]:
        """The answer of `kind` in `view`: read back when kept for it, else computed (and kept, for the default
        view). With `keys`, only its rows whose `key` (a compound name key) is one of them."""
        wanted = None if keys is None else set(keys)
        stamp = self.stamp(view)
        if stamp is None:
            return [a for a in compute(view, view.horizon) if wanted is None or key(a) in wanted]
        bodies = self.store.read_model.kept(kind, stamp, wanted)
        if bodies is not None:
            return TypeAdapter(list[model]).validate_json(f"[{','.join(bodies)}]")  # type: ignore[valid-type]
        answer = list(compute(view, date.fromisoformat(stamp.horizon)))
        self.store.read_model.keep(kind, stamp, [(key(a), a.model_dump_json()) for a in answer])
        return [a for a in answer if wanted is None or key(a) in wanted]

    def check(self, kinds: dict[str, Compute]) -> Breach | None:
        """The first row of a kept answer with a current stamp that differs from the answer recomputed from
        the events, is missing, or is one too many; None when every kept answer agrees. `kinds` in the order
        to check them: an answer computed from another kept one comes after it."""
        position, today = self.store.read_model.position(), date.today().isoformat()
        for kind, compute in kinds.items():
            stamp = self.store.read_model.stamp_of(kind)
            if stamp is None or stamp.position != position or stamp.horizon != today:
                continue  # none kept, or kept for an earlier log or day: never read again
            bodies = self.store.read_model.kept(kind, stamp) or []
            view = TimeView(as_of=date.fromisoformat(stamp.as_of) if stamp.as_of else None,
                            review_threshold=stamp.threshold)
            expected = [answer.model_dump_json() for answer in compute(view, date.fromisoformat(stamp.horizon))]
            for seq, (there, here) in enumerate(zip(bodies, expected)):
                if there != here:
                    return Breach(position, None, None, f"the read model's kept answer {kind!r} (row {seq} in "
                                                        f"{ANSWERS}) disagrees with the events")
            if len(bodies) != len(expected):
                seq = min(len(bodies), len(expected))
                what = "is missing from it" if len(bodies) < len(expected) else "comes from no event"
                return Breach(position, None, None, f"row {seq} of the read model's kept answer {kind!r} "
                                                    f"({ANSWERS}) {what}")
        return None
