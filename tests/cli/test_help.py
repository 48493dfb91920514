"""Every command's help: `-h` as well as `--help`, and real examples that parse and, for a query, run on the seeds."""
from __future__ import annotations

import shlex
import shutil
from collections.abc import Iterator

import click
import pytest
from cli_runner import REPO
from click.testing import CliRunner

from cli import DEFAULT_DB_SHOWN, REVIEW_THRESHOLD_SHOWN, cli

#: The commands that only read: their examples run against a store of the seeds.
QUERIES = {"events", "compounds", "status", "ledger", "receivables", "calendar", "replay", "diff", "explain", "verify",
           "review list", "review show", "eval", "report"}


def _commands(group: click.Group = cli, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


COMMANDS = dict(_commands())


def _help(*path: str, flag: str = "--help") -> str:
    result = CliRunner().invoke(cli, [*path, flag])
    assert result.exit_code == 0, result.output
    return result.output


def _examples(*path: str) -> list[str]:
    """The example commands of a help text, comments left out."""
    lines = _help(*path).splitlines()
    if "  Examples:" not in lines:
        return []
    start = lines.index("  Examples:") + 1
    found = []
    for line in lines[start:]:
        if not line.startswith("    tracker "):
            break
        found.append(line.strip().split("  #")[0].strip())
    return found


@pytest.mark.parametrize("path", [()] + list(COMMANDS), ids=["tracker"] + [" ".join(p) for p in COMMANDS])
def test_every_command_answers_dash_h_as_it_answers_help(path):
    assert _help(*path, flag="-h") == _help(*path)


@pytest.mark.parametrize("path", [()] + list(COMMANDS), ids=["tracker"] + [" ".join(p) for p in COMMANDS])
def test_every_command_has_real_examples_in_its_help(path):
    examples = _examples(*path)
    assert examples, f"no examples in the help of {' '.join(('tracker', *path))}"
    if path and path != ("record",):
        assert all(shlex.split(example)[1:1 + len(path)] == list(path) or "--" in example.split()[1]
                   for example in examples), examples


def _parse(words: list[str], checked: bool = True) -> click.Context | None:
    """The context an example's words make, every value converted as a run would unless not `checked` (None: the
    words ask for help)."""
    try:
        ctx = cli.make_context("tracker", list(words), resilient_parsing=not checked)
        command: click.Command = cli
        while isinstance(command, click.Group):
            name, sub, rest = command.resolve_command(ctx, [*ctx._protected_args, *ctx.args])
            assert sub is not None and name is not None
            ctx, command = sub.make_context(name, rest, parent=ctx, resilient_parsing=not checked), sub
    except click.exceptions.Exit:
        return None
    return ctx


def _words(example: str) -> tuple[list[str], str | None]:
    """An example's words after `tracker`, and the file it sends its output to, if any."""
    words = shlex.split(example)[1:]
    if ">" in words:
        at = words.index(">")
        return words[:at], words[at + 1]
    return words, None


ALL_EXAMPLES = sorted({example for path in [()] + list(COMMANDS) for example in _examples(*path)})


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A folder holding the seeds, the examples and the corpus, as a clone does."""
    folder = tmp_path_factory.mktemp("workspace")
    for name in ("seeds", "examples", "corpus"):
        shutil.copytree(REPO / name, folder / name)
    return folder


@pytest.mark.parametrize("example", ALL_EXAMPLES)
def test_every_example_parses_with_its_values(example, workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    _parse(_words(example)[0])


@pytest.fixture(scope="module")
def seeded_workspace(workspace):
    """The workspace with its store of the seeds, `tracker.db`, as the README's first command makes it."""
    result = CliRunner().invoke(cli, ["--db", str(workspace / "tracker.db"), "ingest", str(workspace / "seeds")])
    assert result.exit_code == 0, result.output
    return workspace


def _is_query(example: str) -> bool:
    ctx = _parse(_words(example)[0], checked=False)
    return ctx is not None and ctx.command_path.split(" ", 1)[1] in QUERIES


@pytest.mark.parametrize("example", [e for e in ALL_EXAMPLES if _is_query(e)])
def test_every_example_of_a_query_runs_on_the_seeds(example, seeded_workspace, monkeypatch):
    monkeypatch.chdir(seeded_workspace)
    words, into = _words(example)
    result = CliRunner().invoke(cli, words, env={"TRACKER_DB": None})
    assert result.exit_code == 0, result.output
    assert result.stdout.strip(), f"{example} printed nothing"
    if into:
        (seeded_workspace / into).write_text(result.stdout)


def test_the_defaults_the_help_names_are_the_trackers_own():
    from tracker.application import DEFAULT_DB, REVIEW_THRESHOLD

    assert (DEFAULT_DB_SHOWN, float(REVIEW_THRESHOLD_SHOWN)) == (DEFAULT_DB, REVIEW_THRESHOLD)
    root = _help()
    assert f"(default: {DEFAULT_DB}" in root and f"(default: {REVIEW_THRESHOLD};" in root
