"""What the first queries after an ingest cost on a store whose answers are kept: the kept ledger, receivables,
compound list and records brought up to date, against the ledger computed afresh, on a copy of the store.

    python benchmarks/refresh.py .benchmarks/s10k.db seeds/002_216599dac546bf8a.txt seeds/000_241e5f31572fbd85.txt

Each release is ingested alone (with the manifest beside it, when there is one), then each query is timed once
(CPU and wall seconds). With `--new-day`, all of that is done standing on yesterday (the day the kept answers'
stamps and the views' horizons read, as the tests' `_standing_on` does), and then the first queries of the new
day (today) are timed: the answers kept are yesterday's, as they would be (stamping today's answers a day earlier
instead, as this script did before, gave a receivables report aged to today stamped yesterday). At the end the kept ledger, receivables (each grouping), compound list, records and calendar are
compared with those computed afresh.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parent.parent)]

from projections.history import TimeView  # noqa: E402
from tracker.application import open_tracker  # noqa: E402

#: A view of today that is never kept: computed from the events each time.
AFRESH = TimeView(as_of=date.today(), occurred_by=date(9999, 12, 31))


def timed(label: str, work: Callable[[], Any]) -> Any:
    cpu, wall = time.process_time(), time.perf_counter()
    out = work()
    print(f"{label:<32} {time.process_time() - cpu:7.2f} s CPU {time.perf_counter() - wall:7.2f} s wall", flush=True)
    return out


class _Yesterday(date):
    """A day whose `today` is the day before today."""

    @classmethod
    def today(cls) -> date:
        return date.today() - timedelta(days=1)


def _standing_on_yesterday(yes: bool) -> None:
    """The kept answers' stamps and the views' horizons stand on yesterday (or, with `yes` false, on today again)."""
    import projections.history
    import tracker.services.kept

    projections.history.date = tracker.services.kept.date = _Yesterday if yes else date  # type: ignore[misc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="an SQLite store (copied first; the original is not changed)")
    parser.add_argument("releases", type=Path, nargs="*", help="releases to ingest one at a time")
    parser.add_argument("--new-day", action="store_true", help="then time the first queries of a new day")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.db"
        shutil.copy(args.store, copy)
        _standing_on_yesterday(args.new_day)
        tracker = open_tracker(str(copy))
        timed("ledger, to keep it", lambda: tracker.ledger())
        timed("receivables, to keep them", lambda: tracker.receivables())
        timed("compounds, to keep them", lambda: tracker.compounds())
        timed("events, to keep them", lambda: tracker.events())
        timed("calendar, to keep it", lambda: tracker.calendar())
        for release in args.releases:
            manifest = next((m for m in (release.parent / "manifest.csv", release.parent / "manifest.tsv") if m.exists()), None)
            timed(f"ingest {release.name}", lambda r=release, m=manifest: tracker.ingest([r], manifest=m))
            timed("ledger after the ingest", lambda: tracker.ledger())
            timed("receivables after the ingest", lambda: tracker.receivables())
            timed("compounds after the ingest", lambda: tracker.compounds())
            timed("events after the ingest", lambda: tracker.events())
            timed("calendar after the ingest", lambda: tracker.calendar())
        if args.new_day:
            _standing_on_yesterday(False)
            timed("ledger on a new day", lambda: tracker.ledger())
            timed("receivables on a new day", lambda: tracker.receivables())
            timed("compounds on a new day", lambda: tracker.compounds())
            timed("events on a new day", lambda: tracker.events())
            timed("calendar on a new day", lambda: tracker.calendar())
        kept = [line.model_dump_json() for line in tracker.ledger().lines]
        afresh = timed("ledger afresh", lambda: [line.model_dump_json() for line in tracker.ledger(AFRESH).lines])
        print(f"kept ledger is the ledger afresh: {kept == afresh} ({len(kept)} lines)")
        kept = [tracker.receivables(by=by).model_dump_json() for by in ("counterparty", "compound", "agreement")]
        afresh = timed("receivables afresh", lambda: [tracker.receivables(AFRESH, by=by).model_dump_json()
                                                      for by in ("counterparty", "compound", "agreement")])
        print(f"kept receivables are the receivables afresh: {kept == afresh} (by counterparty, compound, agreement)")
        kept = [status.model_dump_json() for status in tracker.compounds()]
        afresh = timed("compounds afresh", lambda: [status.model_dump_json() for status in tracker.compounds(AFRESH)])
        print(f"kept compound list is the list afresh: {kept == afresh} ({len(kept)} compounds)")
        kept = list(tracker.events())
        afresh = timed("records afresh", lambda: list(tracker.events(AFRESH)))
        print(f"kept records are the records afresh: {kept == afresh} ({len(kept)} records)")
        kept = [entry.model_dump_json() for entry in tracker.calendar()]
        afresh = timed("calendar afresh", lambda: [entry.model_dump_json() for entry in tracker.calendar(AFRESH)])
        print(f"kept calendar is the calendar afresh: {kept == afresh} ({len(kept)} entries)")


if __name__ == "__main__":
    main()
