"""Benchmarks of the tracker on a generated corpus, against the raw `eventsourcing` recorder.

    python benchmarks/run.py                      # a quick run: 2,000 releases
    python benchmarks/run.py --releases 100000    # about 800k events; takes a while

Prints, for one corpus size on SQLite:

- ingest throughput (`Tracker.ingest` of the whole folder, what `tracker
  ingest` runs), with the time it spent reading files, extracting facts, and
  storing them (including catching the read model up), timed in the same run;
- rebuild throughput (`tracker rebuild`, a whole command, and `Store.rebuild` in-process, timed as the raw
  read is);
- start-up: `tracker --version` as a whole command, beside `python -c pass`;
- every query (`status`, `compounds`, `events --compound`, `ledger`,
  `receivables`, `calendar`) through the Python API, store opened: of today
  (the default view: the first one computes what the read model keeps, timed
  apart, the next ones read it) and `--as-of` a past day (computed), median and
  p95, with each phase's peak memory; for a kept answer, whose rows are decoded
  only as they are used, also the time to the answer with every row decoded;
- the same queries of today as whole `tracker` commands, wall and CPU time;
- the whole-store outputs as whole commands: the report page (`report -o
  FILE`) and the export (`events --format jsonl`), the first (which computes
  the records the read model keeps) apart;
- one more release ingested into the full store, as a whole command;
- peak memory (maximum resident set) of each phase, each run in its own process;
- the same events written and read by the plain `SQLiteApplicationRecorder`
  (one transaction per release, as the tracker saves them; read back and
  decoded page by page, as the catch-up reads them): the ratios to beat.

Each phase runs in a child process (this script with --phase) so that its peak
memory is its own. Figures are printed as a table and, with --json, as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from tracker.adapters.read_model import FACTS, RELEASES  # noqa: E402  (after the path is set)

TARGETS = {
    "ingest_ratio": 3.0,
    "rebuild_ratio": 2.0,
    "query_ms": 50.0,
    "command_s": 0.5,
    "version_s": 0.15,
    "memory_mb": 200.0,
    "ingest_memory_mb": 500.0,
    "report_s": 5.0,
}


# ---- phases, each run in its own process --------------------------------------------------------


def phase_ingest(db: str, corpus: Path) -> dict:
    """`Tracker.ingest` of the whole folder (what `tracker ingest` runs), timing its parts in the same run."""
    import tracker.application as application
    import tracker.services.ingest as ingest

    spent = {"read_s": 0.0, "store_s": 0.0, "catch_up_s": 0.0}

    def timed(part: str, function):
        def run(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[part] += time.perf_counter() - started
        return run

    ingest.read_releases = timed("read_s", ingest.read_releases)
    tracker = application.Tracker(db)
    tracker._services.ingest.ingest_document = timed("store_s", tracker._services.ingest.ingest_document)
    tracker._store.catch_up = timed("catch_up_s", tracker._store.catch_up)
    started = time.perf_counter()
    report = tracker.ingest([corpus])
    seconds = time.perf_counter() - started
    tracker.close()
    return {"seconds": seconds, "releases": len(report.ingested), **spent}


QUERIES = ("status", "compounds", "events", "ledger", "receivables", "calendar")
#: Whole-store outputs, as whole commands: the first computes the records the read model keeps, the next read them.
OUTPUTS = {"report": ["report", "-o", os.devnull], "export": ["events", "--format", "jsonl"]}


def phase_queries(db: str, kind: str, samples: int, seed: int, when: str) -> dict:
    """One query through the Python API, on a store opened once: of today (`when` "today": the first query
    computes what the read model keeps, the next ones read it) or as of past days (`when` "as-of")."""
    from projections.history import TimeView
    from tracker.application import Tracker

    tracker = Tracker(db)
    names, days = query_samples(db, samples + 1, seed)
    asks = {
        "status": lambda name, view: tracker.status(name, view),
        "compounds": lambda name, view: tracker.compounds(view),
        "events": lambda name, view: tracker.events(view, compound=name),
        "ledger": lambda name, view: tracker.ledger(view),
        "receivables": lambda name, view: tracker.receivables(view),
        "calendar": lambda name, view: tracker.calendar(view),
    }
    ask = asks[kind]
    seconds, whole = [], []
    for name, day in zip(names, days):
        answer = None  # the previous answer let go before the clock starts: freeing it is not this query's cost
        started = time.perf_counter()
        answer = ask(name, TimeView() if when == "today" else TimeView(as_of=day))
        seconds.append(time.perf_counter() - started)
        read_whole(answer)
        whole.append(time.perf_counter() - started)
    tracker.close()
    return {"first": seconds[0], "seconds": seconds[1:], "whole_seconds": whole[1:]}


def read_whole(answer: object) -> None:
    """Touch every row of an answer (its items, or the items of each list a document holds), so that rows decoded
    only as they are used (a kept answer's) are all decoded: the cost to a caller who reads all of it."""
    from collections.abc import Sequence

    from pydantic import BaseModel

    values = [getattr(answer, name) for name in type(answer).model_fields] if isinstance(answer, BaseModel) else [answer]
    for value in values:
        if isinstance(value, Sequence) and not isinstance(value, str):
            for _ in value:
                pass


def phase_raw_write(source: str, raw: str) -> dict:
    """The tracker's stored events written again by the plain recorder, one transaction per release."""
    from eventsourcing.persistence import StoredEvent

    app = raw_application(raw)
    spent, events = 0.0, 0
    with sqlite3.connect(source) as connection:
        rows = connection.execute("SELECT originator_id, originator_version, topic, state FROM stored_events "
                                  "ORDER BY rowid")
        batch: list[StoredEvent] = []
        while chunk := rows.fetchmany(2000):
            for originator_id, version, topic, state in chunk:
                event = StoredEvent(UUID(originator_id) if isinstance(originator_id, str) else UUID(bytes=originator_id),
                                    version, topic, state)
                if batch and event.originator_id != batch[0].originator_id:
                    started = time.perf_counter()
                    app.recorder.insert_events(batch)
                    spent += time.perf_counter() - started
                    events += len(batch)
                    batch = []
                batch.append(event)
        if batch:
            started = time.perf_counter()
            app.recorder.insert_events(batch)
            spent += time.perf_counter() - started
            events += len(batch)
    app.close()
    return {"seconds": spent, "events": events}


def phase_raw_read(raw: str) -> dict:
    """Every event read back by the plain recorder and decoded to a domain event, page by page."""
    app = raw_application(raw)
    started, cpu = time.perf_counter(), time.process_time()
    position, events = 0, 0
    while page := app.recorder.select_notifications(position, 2000, inclusive_of_start=False):
        for notification in page:
            app.mapper.to_domain_event(notification)
        events += len(page)
        position = page[-1].id
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    app.close()
    return {"seconds": seconds, "cpu_s": cpu, "events": events}


def phase_rebuild(db: str) -> dict:
    """The read model rebuilt from the whole log in-process, the store opened first: timed as the raw read is,
    without the command's start-up."""
    from tracker.adapters.event_store import Store

    store = Store(db)
    store.projection  # noqa: B018  (opened, as the raw read's application is, before the clock starts)
    started, cpu = time.perf_counter(), time.process_time()
    events = store.rebuild()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    store.close()
    return {"seconds": seconds, "cpu_s": cpu, "events": events}


def raw_application(path: str):
    """The tracker's own application class (for its transcodings) on the plain `SQLiteApplicationRecorder`."""
    from tracker.adapters.event_store import EventStore

    return EventStore(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": path})


PHASES = {"ingest": phase_ingest, "queries": phase_queries, "raw-write": phase_raw_write, "raw-read": phase_raw_read,
          "rebuild": phase_rebuild}


# ---- the parent: runs the phases and commands, measures, prints ----------------------------------


def query_samples(db: str, count: int, seed: int) -> tuple[list[str], list[date]]:
    """Compound names and as-of days to ask about, the same for every run on the same store."""
    with sqlite3.connect(db) as connection:
        names = [row[0] for row in connection.execute(
            f"SELECT DISTINCT json_extract(fact, '$.compound') FROM {FACTS} WHERE compound_key IS NOT NULL ORDER BY 1")]
    rng = random.Random(seed)
    chosen = [rng.choice(names) for _ in range(count)]
    days = [date(2000, 1, 1) + timedelta(days=rng.randint(0, 9000)) for _ in range(count)]
    return chosen, days


def tracker_command() -> list[str]:
    """The installed `tracker` command, or the CLI module run by this Python on a fresh clone."""
    found = shutil.which("tracker")
    return [found] if found else [sys.executable, str(REPO / "cli.py")]


def run_child(argv: list[str], capture: bool = False, timeout: float | None = None) -> tuple[float | None, float, str]:
    """Run a command: its wall time (None when it ran out of `timeout` and was killed), its peak resident memory
    in MB, and its output when captured. Its CPU time (user + system) is left in `LAST_CPU`."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out if capture else subprocess.DEVNULL, stderr=err, cwd=REPO)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if timeout is not None and time.perf_counter() - started > timeout:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                timed_out = True
                break
            time.sleep(0.001)
        seconds = time.perf_counter() - started
        LAST_CPU[0] = usage.ru_utime + usage.ru_stime
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0 and not timed_out:
            err.seek(0)
            raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}): {err.read().decode().strip()}")
        out.seek(0)
        return (None if timed_out else seconds), usage.ru_maxrss / 1024, out.read().decode()


LAST_CPU = [0.0]


def run_phase(name: str, *args: str, timeout: float | None = None) -> tuple[dict | None, float]:
    _, memory, output = run_child([sys.executable, __file__, "--phase", name, *args], capture=True, timeout=timeout)
    return (json.loads(output) if output else None), memory


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def stored_events(db: str) -> tuple[int, int]:
    """How many events and how many releases the store holds."""
    with sqlite3.connect(db) as connection:
        return (connection.execute("SELECT count(*) FROM stored_events").fetchone()[0],
                connection.execute(f"SELECT count(*) FROM {RELEASES}").fetchone()[0])


def benchmark(args: argparse.Namespace) -> dict:
    from corpus import generate

    if args.store:
        db = str(args.store.resolve())
        events, releases = stored_events(db)
        figures: dict = {"releases": releases, "seed": args.seed, "timeout": args.timeout,
                         "store": {"path": db, "events": events, "releases": releases}}
        return measure_queries(args, db, figures, extra=None)
    work = args.work.resolve()
    corpus = work / f"corpus-{args.releases}-{args.seed}"
    if not (corpus / "manifest.csv").exists():
        started = time.perf_counter()
        generate(corpus, args.releases, args.seed)
        log(f"generated {args.releases} releases in {time.perf_counter() - started:.1f} s: {corpus}")
    extra = work / "one-more"
    generate(extra, 1, args.seed + 1)
    db = str(work / "tracker.db")
    raw = str(work / "raw.db")
    for stale in (db, raw):
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(stale + suffix).unlink(missing_ok=True)
    tracker = [*tracker_command(), "--db", db]
    figures = {"releases": args.releases, "seed": args.seed, "timeout": args.timeout}

    log("ingest ...")
    ingest, memory = run_phase("ingest", db, str(corpus))
    events, releases = stored_events(db)
    figures["ingest"] = {**ingest, "events": events, "stored_releases": releases, "memory_mb": memory}
    log(f"  {ingest['seconds']:.1f} s, {events} events")

    log("raw recorder write and read ...")
    written, memory = run_phase("raw-write", db, raw)
    figures["raw_write"] = {**written, "memory_mb": memory}
    read, memory = run_phase("raw-read", raw)
    figures["raw_read"] = {**read, "memory_mb": memory}

    log("rebuild ...")
    seconds, memory, _ = run_child([*tracker, "rebuild"])
    figures["rebuild"] = {"seconds": seconds, "memory_mb": memory}
    rebuilt, memory = run_phase("rebuild", db)
    figures["rebuild_in_process"] = {**rebuilt, "memory_mb": memory}

    return measure_queries(args, db, figures, extra)


def measure_queries(args: argparse.Namespace, db: str, figures: dict, extra: Path | None) -> dict:
    """Start-up, every query through the API and as a whole command, on the store `db`; and one more release
    ingested into it (`extra`), unless it is a store given to measure (`--store`), which is left as it is."""
    tracker = [*tracker_command(), "--db", db]
    log("start-up ...")
    for label, argv in (("startup_python", [sys.executable, "-c", "pass"]), ("startup_version", [*tracker, "--version"])):
        walls, cpus = [], []
        for _ in range(args.commands):
            took, memory, _ = run_child(argv)
            walls.append(took)
            cpus.append(LAST_CPU[0])
        figures[label] = {"seconds": walls, "cpu": cpus, "memory_mb": memory}

    for when in ("today", "as-of"):
        for kind in QUERIES:
            log(f"{kind} ({when}) through the Python API ...")
            samples = args.queries if when == "today" else args.past_queries
            queries, memory = run_phase("queries", db, kind, str(samples), str(args.seed), when, timeout=args.timeout)
            figures[f"api_{when}_{kind}"] = {**(queries or {"first": None, "seconds": None}), "memory_mb": memory}

    log("whole commands ...")
    names, _ = query_samples(db, args.commands, args.seed + 2)
    for kind in QUERIES:
        walls, cpus, peak = [], [], 0.0
        for name in names:
            argv = {"status": ["status", name], "events": ["events", "--compound", name]}.get(kind, [kind])
            took, memory, _ = run_child([*tracker, *argv], timeout=args.timeout)
            peak = max(peak, memory)
            if took is None:
                walls = cpus = None
                break
            walls.append(took)
            cpus.append(LAST_CPU[0])
        figures[f"command_{kind}"] = {"seconds": walls, "cpu": cpus, "memory_mb": peak}
    for kind, argv in OUTPUTS.items():
        walls, cpus, peak, first = [], [], 0.0, None
        for n in range(min(args.commands, 3) + 1):
            took, memory, _ = run_child([*tracker, *argv], timeout=args.timeout)
            if took is None:
                walls = cpus = None
                break
            if n == 0:
                first = LAST_CPU[0]
                continue
            peak = max(peak, memory)
            walls.append(took)
            cpus.append(LAST_CPU[0])
        figures[f"output_{kind}"] = {"seconds": walls, "cpu": cpus, "memory_mb": peak, "first_cpu": first}
    if extra is not None:
        seconds, memory, _ = run_child([*tracker, "ingest", str(extra)])
        figures["ingest_one_more"] = {"seconds": seconds, "memory_mb": memory}
    return figures


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def table(f: dict) -> str:
    """The figures, each beside its target."""
    rows: list[tuple[str, str, str]] = []

    def row(what: str, value: str, target: str = "", met: bool | None = None) -> None:
        rows.append((what, value, f"{target} {'met' if met else 'NOT met'}" if met is not None else target))

    if "store" in f:
        row("store measured (--store), as it was", f"{f['store']['path']}")
        row("releases / stored events", f"{f['store']['releases']:,} / {f['store']['events']:,}")
    else:
        ingest_rows(f, row)
    def timed(label: str, values: list[float] | None, target: float | None, unit: str, scale: float,
              cpu: list[float] | None = None) -> None:
        if values is None:
            row(label, f"a query took more than {f['timeout']:g} s: stopped", f"< {target:g} {unit}", False)
            return
        if not values:  # none asked for (--past-queries 0)
            row(label, "not measured")
            return
        digits = 0 if unit == "ms" else 2
        median, p95 = statistics.median(values) * scale, percentile(values, 0.95) * scale
        text = f"median {median:.{digits}f} {unit}, p95 {p95:.{digits}f} {unit} (n={len(values)})"
        if cpu:
            text += f"; CPU median {statistics.median(cpu):.2f} s"
        measured = statistics.median(cpu) if cpu else median
        row(label, text, f"< {target:g} {unit}" if target else "", None if target is None else measured < target)

    timed("start-up: python -c pass", f["startup_python"]["seconds"], None, "s", 1, f["startup_python"]["cpu"])
    timed("start-up: tracker --version, command", f["startup_version"]["seconds"], TARGETS["version_s"], "s", 1,
          f["startup_version"]["cpu"])
    for when in ("today", "as-of"):
        for kind in QUERIES:
            figure = f[f"api_{when}_{kind}"]
            label = f"{kind}{' --compound' if kind == 'events' else ''} {'(today)' if when == 'today' else '--as-of'}, API"
            timed(label, figure["seconds"], TARGETS["query_ms"], "ms", 1000)
            if when == "today" and figure.get("whole_seconds") and kind not in ("status", "events"):
                timed("  the same, every row of it decoded", figure["whole_seconds"], TARGETS["query_ms"], "ms", 1000)
            if when == "today" and figure["first"] is not None and kind not in ("status", "events"):
                row("  first of today (computes what is kept)", f"{figure['first'] * 1000:.0f} ms")
    for kind in QUERIES:
        figure = f[f"command_{kind}"]
        timed(f"{kind} (today), whole command", figure["seconds"], TARGETS["command_s"], "s", 1, figure["cpu"])
    for kind in OUTPUTS:
        figure = f.get(f"output_{kind}")
        if figure is None:  # figures of a run before the outputs were measured
            continue
        label = "report -o FILE" if kind == "report" else "events --format jsonl (the whole export)"
        timed(f"{label} (today), whole command", figure["seconds"], TARGETS["report_s"] if kind == "report" else None,
              "s", 1, figure["cpu"])
        if figure.get("first_cpu") is not None:
            row("  first of today (computes the records kept)", f"CPU {figure['first_cpu']:.2f} s")
    if "ingest_one_more" in f:
        row("ingest one more release into the store, command", f"{f['ingest_one_more']['seconds']:.2f} s")
    phases = [name for name in ("ingest", "rebuild", *(f"api_{when}_{kind}" for when in ("today", "as-of") for kind in QUERIES),
                                *(f"command_{kind}" for kind in QUERIES), *(f"output_{kind}" for kind in OUTPUTS),
                                "ingest_one_more") if name in f]
    for name in phases:
        target = "ingest_memory_mb" if name in ("ingest", "rebuild", "ingest_one_more") else "memory_mb"
        row(f"peak memory (max RSS), {name.replace('_', ' ')}", f"{f[name]['memory_mb']:.0f} MB",
            f"< {TARGETS[target]:g} MB", f[name]["memory_mb"] < TARGETS[target])
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    return "\n".join(f"{what:<{width}}  {value:<{value_width}}  {target}".rstrip() for what, value, target in rows)


def ingest_rows(f: dict, row) -> None:
    """The ingest, rebuild and raw recorder figures of a run that built its store."""
    ingest, raw_w, raw_r = f["ingest"], f["raw_write"], f["raw_read"]
    events = ingest["events"]
    storing = ingest["store_s"] + ingest["catch_up_s"]
    extracting = ingest["seconds"] - ingest["read_s"] - storing
    row("releases / stored events", f"{ingest['stored_releases']:,} / {events:,}")
    row("ingest (Tracker.ingest, as tracker ingest)", f"{ingest['seconds']:.1f} s: "
        f"{ingest['releases'] / ingest['seconds']:,.0f} releases/s, {events / ingest['seconds']:,.0f} events/s")
    row("  of which reading files", f"{ingest['read_s']:.1f} s")
    row("  of which extraction (the rest)", f"{extracting:.1f} s: in a process per CPU from 200 releases on, "
        "so only what storing did not overlap")
    row("  of which storing (incl. read model)", f"{storing:.1f} s ({ingest['catch_up_s']:.1f} s catching the read model up): "
        f"{events / storing:,.0f} events/s")
    row("raw recorder write", f"{raw_w['seconds']:.1f} s: {raw_w['events'] / raw_w['seconds']:,.0f} events/s")
    ratio = ingest["seconds"] / raw_w["seconds"]
    row("ingest / raw write", f"{ratio:.1f}x", "<= 3x", ratio <= TARGETS["ingest_ratio"])
    ratio = storing / raw_w["seconds"]
    row("  storing only / raw write", f"{ratio:.1f}x", "<= 3x", ratio <= TARGETS["ingest_ratio"])
    row("rebuild (tracker rebuild, whole command)", f"{f['rebuild']['seconds']:.1f} s: "
        f"{events / f['rebuild']['seconds']:,.0f} events/s")
    rebuilt = f["rebuild_in_process"]
    row("rebuild in-process (Store.rebuild)", f"{rebuilt['seconds']:.1f} s ({rebuilt['cpu_s']:.1f} s CPU): "
        f"{events / rebuilt['seconds']:,.0f} events/s")
    row("raw recorder read + decode", f"{raw_r['seconds']:.1f} s ({raw_r['cpu_s']:.1f} s CPU): "
        f"{raw_r['events'] / raw_r['seconds']:,.0f} events/s")
    ratio = rebuilt["seconds"] / raw_r["seconds"]
    row("rebuild / raw read, in-process", f"{ratio:.1f}x ({rebuilt['cpu_s'] / raw_r['cpu_s']:.1f}x CPU)", "<= 2x",
        ratio <= TARGETS["rebuild_ratio"])
    row("  whole command / raw read", f"{f['rebuild']['seconds'] / raw_r['seconds']:.1f}x (with start-up)")


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the tracker against the raw eventsourcing recorder.")
    parser.add_argument("--releases", type=int, default=2000, help="corpus size (default 2000: a quick run)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=REPO / ".benchmarks" / "work",
                        help="folder for the corpus (kept, reused) and the stores (replaced)")
    parser.add_argument("--queries", type=int, default=40, help="API queries timed")
    parser.add_argument("--past-queries", type=int, default=5, help="API queries --as-of a past day timed per kind")
    parser.add_argument("--commands", type=int, default=10, help="whole commands timed per kind")
    parser.add_argument("--timeout", type=float, default=600,
                        help="seconds after which a query phase or command is stopped and reported as too slow")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--store", type=Path, help="measure start-up and the queries on this store as it is (one built "
                        "before, such as a 100k-release store): no corpus, ingest, rebuild or raw recorder")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.phase:
        converters = {"queries": (str, str, int, int, str)}.get(args.phase)
        values = [convert(value) for convert, value in zip(converters, rest)] if converters else rest
        arguments = [Path(v) if args.phase == "ingest" and i == 1 else v for i, v in enumerate(values)]
        print(json.dumps(PHASES[args.phase](*arguments)))
        return
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    figures = benchmark(args)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    asked = f"--store {args.store}" if args.store else f"--releases {args.releases} --seed {args.seed}"
    print(f"python benchmarks/run.py {asked}  (SQLite, {os.cpu_count()} CPUs)")
    print(table(figures))


if __name__ == "__main__":
    main()
