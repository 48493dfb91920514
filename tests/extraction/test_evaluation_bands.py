"""`tracker eval` gives precision by confidence band, over every event read, those waiting in review too."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import tracker.evaluation as evaluation
from cli import cli
from tracker.domain.facts import ApprovalGranted

RELEASE = ("GOTHAM, N.J., March 2, 2021 (BUSINESS WIRE) -- Orsolo Bio today announced that the U.S. Food and "
           "Drug Administration (FDA) has approved velotamab for the treatment of adults with gout.\n")


def _reads_a_sure_right_and_a_shy_wrong_approval(document):
    sentence = document.sentences[0]
    where = dict(quote=sentence.quote, line=sentence.line, offset=sentence.start)
    return [ApprovalGranted(compound="velotamab", agency="FDA", region="US", confidence=0.9, **where),
            ApprovalGranted(compound="velotamab", agency="EC", region="EU", confidence=0.4, **where)]


def _labelled(tmp_path: Path) -> tuple[Path, Path]:
    gold, corpus = tmp_path / "gold", tmp_path / "corpus"
    gold.mkdir()
    corpus.mkdir()
    (corpus / "a.txt").write_text(RELEASE)
    (gold / "a.json").write_text(json.dumps({"file": "a.txt", "published": "2021-03-02", "events": [
        {"type": "ApprovalGranted", "compound": "velotamab", "region": "US", "quote": "has approved velotamab"}]}))
    return gold, corpus


def test_an_event_in_review_counts_in_its_band_but_not_in_the_table(tmp_path, monkeypatch):
    monkeypatch.setattr(evaluation, "extract", _reads_a_sure_right_and_a_shy_wrong_approval)
    gold, corpus = _labelled(tmp_path)
    result = CliRunner().invoke(cli, ["eval", str(gold), "--corpus", str(corpus), "--format", "json"])
    scores = json.loads(result.output)
    assert scores["per_type"]["ApprovalGranted"]["fp"] == 0
    bands = {band["confidence"]: (band["right"], band["wrong"]) for band in scores["bands"]}
    assert bands["0.9-1.0"] == (1, 0) and bands["0.3-0.5"] == (0, 1)


def test_a_lower_review_threshold_lets_the_shy_event_into_the_table(tmp_path, monkeypatch):
    monkeypatch.setattr(evaluation, "extract", _reads_a_sure_right_and_a_shy_wrong_approval)
    gold, corpus = _labelled(tmp_path)
    result = CliRunner().invoke(cli, ["--review-threshold", "0.3", "eval", str(gold), "--corpus", str(corpus)])
    assert "precision by confidence band" in result.output
    row = next(line.split() for line in result.output.splitlines() if line.startswith("ApprovalGranted"))
    assert row[:4] == ["ApprovalGranted", "1", "1", "0"]
