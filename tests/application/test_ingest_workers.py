"""A large ingest extracts in worker processes where they can start, and in the caller's process where not."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: A script as Python's multiprocessing asks it to be written: its work under the main guard.
SCRIPT = """
import sqlite3
from pathlib import Path

import tracker.services.ingest as ingest
from tracker import open_tracker
from tracker.adapters.read_model import RELEASES

if __name__ == "__main__":
    ingest.PARALLEL_FROM = 2  # the seeds count as a large ingest
    print(open_tracker({db!r}).ingest([Path({seeds!r})], manifest=Path({manifest!r})).new_events)
    with sqlite3.connect({db!r}) as connection:  # the headlines workers read come back with the facts
        print(sorted(row[0] for row in connection.execute(f"SELECT headline FROM {{RELEASES}}")))
"""


def _run(command: list[str], script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, input=script, capture_output=True, text=True, cwd=tmp_path, timeout=120)


def test_a_script_read_from_standard_input_ingests_a_large_batch_as_a_script_file_does(tmp_path):
    seeds = REPO / "seeds"
    scripts = {kind: SCRIPT.format(db=str(tmp_path / f"{kind}.db"), seeds=str(seeds),
                                   manifest=str(seeds / "manifest.csv")) for kind in ("stdin", "file")}
    (tmp_path / "ingest_seeds.py").write_text(scripts["file"], encoding="utf-8")
    from_stdin = _run([sys.executable, "-"], scripts["stdin"], tmp_path)
    from_file = _run([sys.executable, "ingest_seeds.py"], "", tmp_path)
    assert (from_stdin.returncode, from_stdin.stderr) == (0, "")
    assert (from_file.returncode, from_file.stderr) == (0, "")
    assert from_stdin.stdout == from_file.stdout
    assert from_file.stdout.splitlines()[0] != "0" and "''" not in from_file.stdout.splitlines()[1]
