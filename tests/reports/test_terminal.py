"""The command line on a terminal and in a pipe: progress, colour, formats, version, helpful errors."""
from __future__ import annotations

import csv
import io
import json
import re
from importlib.metadata import version

import pytest
from click.testing import CliRunner

import cli as cli_module
from cli import cli

SEEDS_INGESTED = [
    "ingested 000_241e5f31572fbd85.txt: 5 events, published 2011-04-07 (from dateline), release 832bafa56f4cb993",
    "ingested 001_d540d13a60538946.txt: 4 events, published 2011-05-26 (from dateline), release d072cf94f028f03b",
    "ingested 002_216599dac546bf8a.txt: 8 events, published 2013-09-20 (from dateline), release b7a64debc339d7ae",
    "ingested 003_22ac81d00fa8cfab.txt: 5 events, published 2008-06-03 (from dateline), release bd536294907fa966",
    "ingested 004_83069fae5d26605a.txt: 4 events, published 2014-12-19 (from manifest), release c974ba419839aefa",
    "5 releases ingested, 0 already present, 26 new events",
]
CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _colours(text: str) -> list[str]:
    """The colour codes set in `text` (foreground or background), leaving out bold, dim and resets."""
    return [code for params in SGR.findall(text) for code in params.split(";")
            if code and (30 <= int(code) <= 49 or 90 <= int(code) <= 107)]


def _run(db: str, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["--db", db, *args], env={"NO_COLOR": None, "FORCE_COLOR": None, **(env or {})})


@pytest.fixture
def terminal(monkeypatch):
    """Output goes to a terminal a person watches."""
    monkeypatch.setattr(cli_module, "on_terminal", lambda stream: True)


def test_in_a_pipe_ingest_prints_a_plain_line_per_release(seeds, db):
    result = _run(db, "ingest", str(seeds))
    assert (result.exit_code, result.output.splitlines()) == (0, SEEDS_INGESTED)


def test_on_a_terminal_ingest_shows_a_coloured_progress_bar_under_the_same_lines(seeds, db, terminal):
    result = _run(db, "ingest", str(seeds))
    assert result.exit_code == 0
    assert "ingesting" in result.output and "5/5" in result.output
    assert _colours(result.output) != []
    lines = [line.strip() for line in CONTROL.sub("", result.output).replace("\r", "\n").splitlines()]
    assert [line for line in lines if line in SEEDS_INGESTED] == SEEDS_INGESTED
    assert lines[-1] == SEEDS_INGESTED[-1]


def test_no_color_keeps_the_progress_bar_free_of_colour(seeds, db, terminal):
    result = _run(db, "ingest", str(seeds), env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "5/5" in result.output
    assert _colours(result.output) == []


def test_on_a_terminal_an_error_says_so_in_red_unless_no_color_is_set(seeded, terminal):
    coloured = _run(seeded, "status", "kadcila")
    plain = _run(seeded, "status", "kadcila", env={"NO_COLOR": "1"})
    assert (coloured.exit_code, coloured.stderr) == (
        1, "\x1b[31m\x1b[1mError:\x1b[0m no compound 'kadcila'; did you mean Kadcyla?\n")
    assert (plain.exit_code, plain.stderr) == (1, "Error: no compound 'kadcila'; did you mean Kadcyla?\n")


def test_force_color_colours_an_error_even_in_a_pipe(seeded):
    result = _run(seeded, "status", "kadcila", env={"FORCE_COLOR": "1"})
    assert result.stderr.startswith("\x1b[31m\x1b[1mError:\x1b[0m no compound 'kadcila'")


def test_a_misspelt_compound_gets_the_names_it_may_mean_and_exit_code_1(seeded):
    result = _run(seeded, "events", "--compound", "trastuzumab emtansin")
    assert (result.exit_code, result.output) == (
        1, "Error: no compound 'trastuzumab emtansin'; did you mean trastuzumab emtansine or lorvotuzumab mertansine?\n")


def test_version_prints_the_installed_version(db):
    result = _run(db, "--version")
    assert (result.exit_code, result.output) == (0, f"tracker, version {version('milestone-tracker')}\n")


def test_events_as_json_is_one_array_of_the_jsonl_records(seeded):
    as_json = _run(seeded, "events", "--as-of", "2013-09-30", "--format", "json")
    as_jsonl = _run(seeded, "events", "--as-of", "2013-09-30", "--format", "jsonl")
    assert as_json.exit_code == 0
    assert json.loads(as_json.output) == [json.loads(line) for line in as_jsonl.output.splitlines()]
    assert len(json.loads(as_json.output)) == 22


def test_status_as_csv_is_a_row_per_value_with_its_events(seeded):
    result = _run(seeded, "status", "kadcyla", "--as-of", "2013-09-30", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["compound", "as_of", "section", "item", "value", "detail", "date", "sources"]
    assert [row[2:] for row in rows if row[2] in ("regulatory", "expected")] == [
        ["regulatory", "EU", "opinion", "CHMP positive", "", "b7a64debc339d7ae.1"],
        ["regulatory", "JP", "approved", "MHLW", "", "b7a64debc339d7ae.4"],
        ["regulatory", "US", "approved", "FDA", "2013", "b7a64debc339d7ae.6"],
        ["expected", "decision", "EC decision (EU)", "", "2013-12-31", "b7a64debc339d7ae.2"],
    ]
