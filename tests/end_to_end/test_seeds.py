"""The seeds, end to end: ingest, export, status as of the days the issue names."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli

SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture
def ingested(seeds, db) -> str:
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(seeds)])
    assert result.exit_code == 0, result.output
    return db


def _status(db: str, as_of: str) -> dict:
    result = CliRunner().invoke(cli, ["--db", db, "status", "kadcyla", "--as-of", as_of, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _regions(status: dict) -> dict[str, tuple]:
    return {r["region"]: (r["status"], r["agency"], r["opinion"]) for r in status["regulatory"]}


def test_at_the_end_of_2011_trastuzumab_emtansine_is_in_phase_iii_with_no_approval(ingested):
    status = _status(ingested, "2011-12-31")
    assert (status["name"], status["highest_phase"]) == ("trastuzumab emtansine", "III")
    assert all(r["status"] != "approved" for r in status["regulatory"])


def test_by_september_2013_it_is_approved_in_the_us_and_japan_with_a_positive_chmp_opinion(ingested):
    status = _status(ingested, "2013-09-30")
    regions = _regions(status)
    assert regions["US"][0] == regions["JP"][0] == "approved"
    assert regions["JP"][1] == "MHLW"
    assert regions["EU"] == ("opinion", "CHMP", "positive")
    assert [(c["kind"], c["expected_by"]) for c in status["expected"] if c["kind"] == "decision"] == [
        ("decision", "2013-12-31")]
    assert {"Kadcyla", "T-DM1"} <= {a["name"] for a in status["aliases"]}


def test_at_the_end_of_2014_no_phase_ii_row_stands_beside_the_approvals_and_the_ec_decision_is_overdue(ingested):
    status = _status(ingested, "2014-12-31")
    assert [(p["phase"], p["indication"]) for p in status["phases"]] == [
        ("approved", "inoperable or recurrent HER2-positive breast cancer")]
    assert [(c["what"], c["expected_by"], c["overdue"]) for c in status["expected"] if c["kind"] == "decision"] == [
        ("EC decision (EU)", "2013-12-31", True)]
    calendar = CliRunner().invoke(cli, ["--db", ingested, "calendar", "--as-of", "2014-12-31"]).output.splitlines()
    assert [line.split("   ")[0] for line in calendar if "EC decision (EU)" in line] == ["2013-12-31 overdue"]


def test_an_as_of_2008_view_is_headed_by_a_name_published_by_then(ingested):
    assert _status(ingested, "2008-12-31")["name"] == "T-DM1"


def test_by_the_end_of_2014_marianne_reads_out_non_inferior_with_its_registry_ids(ingested):
    status = _status(ingested, "2014-12-31")
    marianne = next(t for t in status["trials"] if (t["name"] or "").upper() == "MARIANNE")
    assert [r["outcome"] for r in marianne["readouts"]] == ["non_inferior"]
    assert {"NCT01120184", "BO22589"} <= set(marianne["registry_ids"])


def test_every_exported_quote_is_verbatim_from_its_release(ingested, seeds):
    records = [json.loads(line) for line in
               CliRunner().invoke(cli, ["--db", ingested, "events", "--format", "jsonl"]).output.splitlines()]
    texts = {p.name: " ".join(p.read_text(encoding="utf-8").split()) for p in seeds.glob("*.txt")}
    assert records
    for record in records:
        assert " ".join(record["source"]["quote"].split()) in texts[record["source"]["file"]]


@pytest.mark.skipif(not (SHARED / "tools" / "score_events.py").exists(), reason="needs ../shared beside the clone")
def test_the_seeds_score_at_least_090_micro_f1_against_the_gold(ingested, seeds, tmp_path):
    export = tmp_path / "events.jsonl"
    export.write_text(CliRunner().invoke(cli, ["--db", ingested, "events", "--format", "jsonl"]).output)
    scored = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), str(SHARED / "seeds" / "gold"),
                             str(export), "--corpus", str(seeds), "--json"], capture_output=True, text=True, check=True)
    score = json.loads(scored.stdout)
    assert score["f1"] >= 0.90, score["misses"] + score["extras"]
    assert score["quotes_verbatim"] == 1.0
