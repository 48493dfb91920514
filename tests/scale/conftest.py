"""Fixtures of the scale tests: releases from the benchmark corpus generator, and more fresh stores.

`new_store()` gives one more store no test shares, like the `db` fixture: an
SQLite file, or with `TRACKER_TEST_POSTGRES` a new PostgreSQL database that is
dropped afterwards.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import uuid4

import pytest

REPO = Path(__file__).resolve().parents[2]
POSTGRES = os.environ.get("TRACKER_TEST_POSTGRES")


def _corpus_module():
    spec = importlib.util.spec_from_file_location("benchmark_corpus", REPO / "benchmarks" / "corpus.py")
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """A folder of `n` generated releases with their manifest (made once per size)."""
    made: dict[int, Path] = {}

    def make(n: int) -> Path:
        if n not in made:
            made[n] = tmp_path_factory.mktemp(f"releases{n}")
            _corpus_module().generate(made[n], n, seed=11)
        return made[n]

    return make


@pytest.fixture
def new_store(tmp_path: Path) -> Iterator[Callable[[], str]]:
    created: list[str] = []

    def make() -> str:
        if not POSTGRES:
            return str(tmp_path / f"store-{uuid4().hex[:8]}.db")
        import psycopg

        name = f"tracker_test_{uuid4().hex[:12]}"
        with psycopg.connect(f"{POSTGRES}postgres", autocommit=True) as server:
            server.execute(f"CREATE DATABASE {name}")
        created.append(name)
        return f"{POSTGRES}{name}"

    yield make
    if created:
        import psycopg

        with psycopg.connect(f"{POSTGRES}postgres", autocommit=True) as server:
            for name in created:
                server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
