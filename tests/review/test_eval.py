"""`tracker eval`: the reading measured against releases a user labelled."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import tracker.evaluation as evaluation
from cli import cli
from tracker.domain.facts import ApprovalGranted

RELEASE = ("GOTHAM, N.J., March 2, 2021 (BUSINESS WIRE) -- Acme Biologics today announced that the U.S. Food and "
           "Drug Administration (FDA) has approved Zentrilumab for the treatment of adults with plaque psoriasis.\n")


def _reads_one_us_approval(document):
    """A stand-in reading, so these tests measure the scoring and not the rules."""
    sentence = document.sentences[0]
    return [ApprovalGranted(compound="Zentrilumab", agency="FDA", region="US", quote=sentence.quote,
                            line=sentence.line, offset=sentence.start, confidence=0.9)]


@pytest.fixture(autouse=True)
def stand_in_reading(monkeypatch):
    monkeypatch.setattr(evaluation, "extract", _reads_one_us_approval)


def _gold(folder: Path, events: list[dict]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "a.json").write_text(json.dumps({"file": "a.txt", "published": "2021-03-02", "events": events}))


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(RELEASE)
    return corpus


def test_a_labelled_approval_read_right_scores_full_marks(tmp_path):
    _gold(tmp_path / "gold", [{"type": "ApprovalGranted", "compound": "zentrilumab", "region": "US",
                               "quote": "has approved Zentrilumab"}])
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "gold"), "--corpus", str(_corpus(tmp_path)),
                                      "--format", "json"])
    scores = json.loads(result.output)
    assert scores["per_type"]["ApprovalGranted"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0,
                                                     "f1": 1.0}
    assert scores["quotes_verbatim"] == 1.0


def test_a_label_the_reading_misses_counts_against_recall_and_is_listed(tmp_path):
    _gold(tmp_path / "gold", [
        {"type": "ApprovalGranted", "compound": "zentrilumab", "region": "US", "quote": "has approved"},
        {"type": "ApprovalGranted", "compound": "zentrilumab", "region": "JP", "quote": "Japan approved"}])
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "gold"), "--corpus", str(_corpus(tmp_path)), "--verbose"])
    lines = result.output.splitlines()
    assert [line.split() for line in lines if line.startswith(("ApprovalGranted", "micro"))][0] == [
        "ApprovalGranted", "1", "0", "1", "1.00", "0.50", "0.67"]
    assert "  a.txt: ApprovalGranted zentrilumab: Japan approved" in lines


def test_a_malformed_gold_file_is_named(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "bad.json").write_text("{not json")
    result = CliRunner().invoke(cli, ["eval", str(gold), "--corpus", str(_corpus(tmp_path))])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {gold / 'bad.json'}: not a gold file: ")
