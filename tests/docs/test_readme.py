"""The README runs as written: every command of its `sh` blocks and its Python snippet, in order, in a fresh
folder holding what a clone holds, against a fresh store (sqlite-utils' habit of docs guarded by tests).

A command that fails, or prints nothing, fails the test with the README's words and what the command said, so
a README that drifts from the tracker (an event id that changed, an option renamed) is caught the day it does.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
BIN = Path(sys.executable).parent

#: What a fresh machine does before the tracker runs; this test runs in an environment where it is done.
SETUP = ("python3 -m venv .venv", ". .venv/bin/activate", "pip install -q -e .")
#: Steps of the README's commands this test does not run, and why; a command holding one is not run. Any
#: other command must be the tracker's.
NOT_RUN = {
    "pip install -q -e '.[test]'": "installs the test tools this test runs with",
    "pip install -e '.[test,dev]'": "installs the development tools",
    "python -m pytest -n auto": "runs the suite this test is part of",
    "python -m pytest -m slow": "runs the slow suite",
    "scripts/test-postgres": "needs a PostgreSQL server (CI runs it)",
    "ruff check .": "CI's check of the code",
    "mypy tracker projections": "CI's check of the code",
    "lint-imports": "CI's check of the code",
}


@dataclass(frozen=True)
class Block:
    language: str
    text: str
    line: int
    """The README line the block starts on."""


def blocks(text: str) -> list[Block]:
    found = []
    for match in re.finditer(r"^```(\w+)\n(.*?)^```$", text, re.M | re.S):
        found.append(Block(match.group(1), match.group(2), text[:match.start()].count("\n") + 2))
    return found


def commands(block: Block) -> list[str]:
    """The block's commands, a line each (a line ending in `\\` continues on the next)."""
    joined = re.sub(r"\\\n\s*", "", block.text)
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.strip().startswith("#")]


def _steps(command: str) -> list[str]:
    """The steps of an `&&` chain, their comments left out."""
    return [step.split("  #")[0].strip() for step in command.split(" && ")]


#: The tools the README's signed-export example makes its key with (run with HOME in the test's folder);
#: they print nothing.
KEY_TOOLS = ("openssl ", "mkdir ", "chmod ")


def runnable(command: str) -> str | None:
    """The command as this test runs it (setup steps left out), or None when it holds a step of `NOT_RUN`."""
    steps = [step for step in _steps(command) if not step.startswith(SETUP)]
    if any(step in NOT_RUN for step in steps):
        return None
    assert steps and all(step.startswith(("tracker ", "eval ", *KEY_TOOLS)) for step in steps), (
        f"README command {command!r} is neither the tracker's nor listed in NOT_RUN with a reason")
    kept = [step for step in command.split(" && ") if not step.strip().startswith(SETUP)]
    return " && ".join(step.strip() for step in kept)


def test_the_readme_reads_as_the_blocks_this_test_expects():
    found = blocks(README.read_text(encoding="utf-8"))
    assert {b.language for b in found} == {"sh", "python"}
    assert [b.language for b in found].count("python") == 1
    steps = {step for b in found if b.language == "sh" for command in commands(b) for step in _steps(command)}
    assert set(NOT_RUN) - steps == set(), "NOT_RUN names steps the README no longer has"


def test_the_first_two_commands_are_the_install_and_the_main_job():
    first, second = blocks(README.read_text(encoding="utf-8"))[:2]
    assert commands(first) == [
        "python3 -m venv .venv && . .venv/bin/activate && pip install -q -e . && tracker ingest seeds/ "
        "&& tracker status kadcyla && tracker status kadcyla --as-of 2011-12-31"]
    assert commands(second)[0].startswith("python3 -m venv .venv && . .venv/bin/activate && pip install -q -e '.[test]'")


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A fresh folder holding what a clone holds for the tour: the seeds, the examples, the corpus; no store."""
    for name in ("seeds", "examples", "corpus"):
        shutil.copytree(REPO / name, tmp_path / name)
    return tmp_path


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    return {**env, "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}", "NO_COLOR": "1", "FORCE_COLOR": "",
            "COLUMNS": "120"}


def _output_file(command: str) -> str | None:
    match = re.search(r">\s*(\S+)\s*(?:#.*)?$", command)
    return match.group(1) if match else None


def test_every_command_of_the_readme_runs_as_written_in_order(clone):
    assert (BIN / "tracker").exists(), "the tracker is not installed in this environment (pip install -e .)"
    for block in blocks(README.read_text(encoding="utf-8")):
        if block.language == "python":
            script = clone / "readme_snippet.py"
            script.write_text(block.text, encoding="utf-8")
            result = subprocess.run([sys.executable, str(script)], cwd=clone, env=_environment(),
                                    capture_output=True, text=True, timeout=300)
            assert result.returncode == 0, f"README line {block.line}: the Python snippet failed:\n{result.stderr}"
            assert (clone / "report.html").stat().st_size > 0 and (clone / "catalysts.ics").stat().st_size > 0
            continue
        for command in commands(block):
            shell = runnable(command)
            if shell is None:
                continue
            if shell.startswith("eval "):
                shell += "\ncomplete -p tracker"  # the completion it sets up is there
            result = subprocess.run(["bash", "-c", shell], cwd=clone, env={**_environment(), "HOME": str(clone)},
                                    capture_output=True, text=True, timeout=300)
            said = f"README line {block.line}: `{command}`\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
            assert result.returncode == 0, said
            assert "Traceback" not in result.stderr, said
            into = _output_file(shell)
            printed = (clone / into).read_text(encoding="utf-8") if into else result.stdout
            if not shell.startswith(KEY_TOOLS):
                assert printed.strip(), f"{said}\n(it printed nothing)"


@pytest.mark.slow
def test_the_first_command_works_on_a_fresh_machine_as_written(tmp_path):
    """The README's first block verbatim, in a copy of the clone: a new virtualenv, the install, the main job."""
    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        if (REPO / name).is_file():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, tmp_path / name)
    (first,) = commands(blocks(README.read_text(encoding="utf-8"))[0])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_", "VIRTUAL_ENV"))}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if Path(p) != BIN)
    result = subprocess.run(["bash", "-c", first], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("trastuzumab emtansine  (as of ") == 2
    assert "5 releases ingested, 0 already present, " in result.stdout


def test_the_command_reference_names_every_command_and_the_formats_it_offers():
    from cli import cli

    text = README.read_text(encoding="utf-8")
    table = text[text.index("### Command reference"):text.index("Shell completion comes from click")]
    listed = {}
    for usage, formats in re.findall(r"^\| `([^`]+)` \| [^|]+ \|\s*([^|]*?)\s*\|$", table, re.M):
        words = []
        for word in usage.split():
            if not word[0].islower():
                break
            words.append(word)
        *group, last = words
        for name in last.split("/"):
            listed[" ".join([*group, name])] = tuple(f.strip() for f in formats.split(",") if f.strip())
    offered = {}
    for name, command in cli.commands.items():
        subcommands = getattr(command, "commands", None)
        for sub, each in (subcommands.items() if subcommands is not None else [(None, command)]):
            formats = [p.type.choices for p in each.params if p.name == "fmt"]
            offered[f"{name} {sub}" if sub else name] = tuple(formats[0]) if formats else ()
    assert listed.pop("record") == ()  # `record EVENT_TYPE`: a command for each type a person may record
    assert listed == offered
