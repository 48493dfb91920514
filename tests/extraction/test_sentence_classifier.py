"""The sentence classifier of scripts/train_sentence_model.py (measured, not wired into ingest; see benchmarks/README.md)."""
from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("train_sentence_model", REPO / "scripts" / "train_sentence_model.py")
assert _spec is not None and _spec.loader is not None
trainer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(trainer)

#: Invented sentences (invented compounds and companies), with the type each states, if any.
INVENTED = [
    ("The FDA approved Zelvora (pramitinib) for adults with plaque psoriasis.", {"ApprovalGranted"}),
    ("Health Canada granted marketing authorization to Quenlimab for migraine.", {"ApprovalGranted"}),
    ("The European Commission approved Dravencept for ulcerative colitis.", {"ApprovalGranted"}),
    ("Norvix Bio submitted a Biologics License Application for tolvimab to the FDA.", {"RegulatorySubmission"}),
    ("Larsen Pharma filed a New Drug Application for brelacitinib in Japan.", {"RegulatorySubmission"}),
    ("The company submitted a marketing authorization application for Zelvora to the EMA.", {"RegulatorySubmission"}),
    ("Norvix Bio will host a conference call at 8:00 a.m. Eastern Time.", set()),
    ("Larsen Pharma is headquartered in Oslo and employs 300 people.", set()),
    ("Forward-looking statements involve risks and uncertainties.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The FDA approved it.", ["the", "fda", "approved", "it", "the fda", "fda approved", "approved it"]),
    ("Phase 3 data in Q4 2025", ["phase", "0", "data", "in", "q0", "0000", "phase 0", "0 data", "data in", "in q0", "q0 0000"]),
    ("Zelvora's once-daily dose", ["zelvora's", "once-daily", "dose", "zelvora's once-daily", "once-daily dose"]),
])
def test_a_sentence_s_features_are_its_words_lowered_with_digits_as_zero_and_each_pair_of_neighbours(sentence, expected):
    assert trainer.features(sentence) == expected


def _invented_model() -> dict:
    pytest.importorskip("sklearn")
    return trainer.fit([text for text, _ in INVENTED], [frozenset(kinds) for _, kinds in INVENTED],
                       ["ApprovalGranted", "RegulatorySubmission"])


@pytest.mark.parametrize(("sentence", "likely", "unlikely"), [
    ("The FDA approved Kestrafen for adults with asthma.", "ApprovalGranted", "RegulatorySubmission"),
    ("Orvane Therapeutics submitted a New Drug Application for Kestrafen.", "RegulatorySubmission", "ApprovalGranted"),
])
def test_the_model_scores_a_new_invented_sentence_higher_for_the_type_it_states(sentence, likely, unlikely):
    found = trainer.scores(_invented_model(), sentence)
    assert found[likely] > 0.5 > found[unlikely]


def test_the_plain_python_score_is_what_scikit_learn_computes():
    pytest.importorskip("sklearn")
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = [text for text, _ in INVENTED], [("ApprovalGranted" in kinds) for _, kinds in INVENTED]
    vectorizer = TfidfVectorizer(analyzer=trainer.features, sublinear_tf=True, min_df=trainer.MIN_DF, norm="l2", smooth_idf=True)
    classifier = LogisticRegression(C=trainer.C, solver="liblinear", class_weight="balanced", random_state=0).fit(vectorizer.fit_transform(texts), labels)
    model = _invented_model()
    for text in [*texts, "The FDA approved a New Drug Application for Kestrafen on Monday."]:
        expected = classifier.predict_proba(vectorizer.transform([text]))[0][1]
        assert trainer.scores(model, text)["ApprovalGranted"] == pytest.approx(expected, abs=0.01)


def test_the_same_sentences_give_the_same_model_and_the_same_sentence_the_same_score():
    first, second = _invented_model(), _invented_model()
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    sentence = "The FDA approved Kestrafen."
    assert trainer.scores(first, sentence) == trainer.scores(second, sentence)


@pytest.mark.slow
def test_the_model_is_built_from_the_repository_s_dev_releases_only(tmp_path, monkeypatch):
    pytest.importorskip("sklearn")
    rows = trainer.labelled_sentences()
    files = {file for _, file, _, _ in rows}
    with (REPO / "corpus" / "manifest.tsv").open(encoding="utf-8") as handle:
        check = {row["file"] for row in csv.DictReader(handle, delimiter="\t") if row.get("split") == "check"}
    assert files and not files & check
    assert not any(file.startswith("3") and "_" in file for file in files)  # the shared corpus's check files 301-318
    assert any(kinds for *_, kinds in rows)
    out = tmp_path / "model.json"
    monkeypatch.setattr("sys.argv", ["train_sentence_model.py", "--out", str(out)])
    trainer.main()
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["built_by"] == "scripts/train_sentence_model.py" and "ApprovalGranted" in model["types"]
    approval = trainer.scores(model, "The FDA approved Kestrafen for adults with asthma.")["ApprovalGranted"]
    assert approval > trainer.scores(model, "Orvane Therapeutics will host a conference call at 8:00 a.m.")["ApprovalGranted"]
