"""Running `tracker` in-process as a pipe would: the test run's colour and terminal settings left out."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from cli import cli

REPO = Path(__file__).resolve().parents[2]


def run(db: str, *args: str, env: dict[str, str | None] | None = None) -> Result:
    """`tracker --db DB ARGS...`: stdout and stderr apart (`.stdout`, `.stderr`), `.output` both as a terminal shows."""
    return CliRunner().invoke(cli, ["--db", db, *args], env={"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None,
                                                              **(env or {})})
