"""Start-up costs click alone: `--help`, `--version` and shell completion import none of the tracker's machinery,
and a command imports what it answers with when it runs (issue 12: a command line fast enough to live in)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from cli_runner import REPO

#: Modules a command loads only when it runs: the API, the models, the store, the renderers and their libraries.
HEAVY = ("pydantic", "rich", "eventsourcing", "sqlite3", "psycopg", "jinja2", "matplotlib", "icalendar", "projections",
         "tracker.application", "tracker.adapters", "tracker.domain", "tracker.presentation", "tracker.services")

PROBE = """
import json, sys
import cli
try:
    cli.main()
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] if not m.startswith("tracker.") else ".".join(m.split(".")[:2])
                for m in sys.modules if m.startswith(HEAVY)})
print(json.dumps(heavy), file=sys.stderr)
"""


def _loaded(*args: str, env: dict[str, str] | None = None) -> list[str]:
    """The heavy modules loaded by `tracker ARGS` run in a fresh interpreter."""
    code = f"HEAVY = {HEAVY!r}\n" + PROBE
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, **(env or {}), "PYTHONPATH": str(REPO)}, timeout=60)
    return json.loads(result.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["--version"], ["status", "--help"], ["events", "-h"],
                                  ["review", "list", "--help"], ["calendar", "--help"]])
def test_help_and_version_import_nothing_but_click(args):
    assert _loaded(*args) == []


def test_shell_completion_imports_nothing_but_click():
    assert _loaded(env={"_TRACKER_COMPLETE": "bash_complete", "COMP_WORDS": "tracker sta", "COMP_CWORD": "1"}) == []


def test_importing_the_command_line_imports_nothing_but_click():
    code = f"HEAVY = {HEAVY!r}\nimport sys, cli\nprint(sorted(m for m in sys.modules if m.startswith(HEAVY)))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]"


def test_a_status_query_leaves_the_ledger_the_report_and_the_ingest_unloaded(seeds_store):
    code = ("import sys, cli\ntry:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('projections.ledger', 'projections.report', "
            "'projections.diff', 'tracker.services.ingest', 'tracker.extraction', 'tracker.reading.releases', "
            "'matplotlib', 'jinja2', 'rich'))), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, "--db", seeds_store, "status", "kadcyla"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("trastuzumab emtansine  (as of ")
    assert result.stderr.strip().splitlines()[-1] == "[]"
