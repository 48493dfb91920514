"""`python3 cli.py` run by an interpreter the tracker's dependencies are not installed in says so in one line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: Runs the CLI with `eventsourcing` hidden, as an interpreter without it would.
WITHOUT_EVENTSOURCING = """
import sys
sys.modules["eventsourcing"] = None  # an import of it now raises ModuleNotFoundError
sys.argv = ["tracker", "--db", sys.argv[1], "ingest", sys.argv[2]]
import cli
cli.main()
"""


def test_a_missing_dependency_is_named_in_one_line_with_how_to_install(tmp_path):
    result = subprocess.run([sys.executable, "-c", WITHOUT_EVENTSOURCING, str(tmp_path / "t.db"), str(REPO / "seeds")],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (f"Error: eventsourcing is not installed for {sys.executable}; install the tracker with "
                             "`pip install -e .` (or activate the virtualenv it is installed in)\n")
