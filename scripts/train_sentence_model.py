"""Build tracker/extraction/sentence_model.json: a sentence classifier learned from the dev parts' gold.

    python scripts/train_sentence_model.py          # writes the model (deterministic, offline)
    python scripts/train_sentence_model.py --cv     # measures it, cross-validated by issuer, without writing

Reads the dev parts only, as `scripts/calibrate.py` does (the seeds, `../shared/corpus` but its check files
301-318, `corpus/manifest.tsv` split=dev, `tests/fixtures/unseen`). Each release is cut into sentences as the
tracker cuts it; a sentence holding the quote of a gold event of type T (or held by it) is positive for T, every
other sentence of the release negative. One logistic regression per type on TF-IDF of words and pairs of words
(`sentence_model.features`), liblinear, fixed seed. The weights are written as plain JSON, scored at ingest in
plain Python (`tracker/extraction/sentence_model.py`); scikit-learn is needed here only (the `dev` extra).

`--cv` scores every dev sentence by a model that never saw its issuer (grouped folds), then reads every dev
release as ingest does with those scores in place of the model's, and counts what the doubt threshold
(`sentence_model.DOUBT`) would change: events the user sees, right and wrong, at each threshold.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from calibrate import dev_releases  # noqa: E402

from tracker import evaluation  # noqa: E402
from tracker.extraction import sentence_model  # noqa: E402
from tracker.extraction.context import ReleaseContext  # noqa: E402
from tracker.reading.releases import read_release  # noqa: E402

#: Inverse regularisation strength of each type's logistic regression.
C = 4.0
#: A word or pair must occur in this many sentences to be a feature.
MIN_DF = 2
#: Weights smaller than this are left out of the JSON (the idf of every feature stays: it sets the length).
KEPT = 0.005
#: A type needs this many positive sentences to have a model.
MIN_POSITIVES = 8
#: Types the model never judges: read across sentences or from the release as a whole, not from one sentence.
UNJUDGED = {"CompoundAliasRecorded", "PartyAffiliationRecorded"}


def _folded(text: str) -> str:
    return " ".join(text.split()).lower()


def _issuer(gold_path: Path) -> str:
    """The group a release is held out with: its issuer where the file name says it ("501_amylin_..."), else itself."""
    parts = gold_path.stem.split("_")
    return parts[1] if len(parts) > 2 and not re.fullmatch(r"[0-9a-f]{16}", parts[1]) else gold_path.stem


def labelled_sentences() -> list[tuple[str, str, str, frozenset[str]]]:
    """(group, release file, sentence text, the types of the gold events it holds) of every dev sentence the rules read."""
    rows = []
    for gold_path, folder in dev_releases():
        gold = evaluation.GoldRelease.model_validate_json(gold_path.read_text(encoding="utf-8"))
        document = read_release(folder / gold.file, published=gold.published)
        quotes = [(_folded(event.get("quote") or ""), event["type"]) for event in gold.events]
        for view in ReleaseContext(document).views:
            if view.boilerplate:
                continue
            text = _folded(view.text)
            kinds = frozenset(kind for quote, kind in quotes if quote and text and (quote in text or text in quote))
            rows.append((_issuer(gold_path), gold.file, view.text, kinds))
    return rows


def modelled_types(rows: list[tuple[str, str, str, frozenset[str]]]) -> list[str]:
    counts = Counter(kind for *_, kinds in rows for kind in kinds)
    return sorted(kind for kind, n in counts.items() if n >= MIN_POSITIVES and kind not in UNJUDGED)


def fit(texts: list[str], labels: list[frozenset[str]], kinds: list[str]) -> dict:
    """The model as the JSON holds it."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=sentence_model.features, sublinear_tf=True, min_df=MIN_DF, norm="l2", smooth_idf=True)
    matrix = vectorizer.fit_transform(texts)
    vocabulary = vectorizer.get_feature_names_out()
    model: dict = {"idf": {str(f): round(float(v), 6) for f, v in zip(vocabulary, vectorizer.idf_)}, "types": {}}
    for kind in kinds:
        target = [kind in found for found in labels]
        classifier = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", random_state=0, max_iter=1000)
        classifier.fit(matrix, target)
        weights = {str(f): round(float(w), 5) for f, w in zip(vocabulary, classifier.coef_[0]) if abs(w) >= KEPT}
        model["types"][kind] = {"intercept": round(float(classifier.intercept_[0]), 6), "weights": dict(sorted(weights.items()))}
    return model


def _scored(model: dict, text: str) -> dict[str, float]:
    saved = sentence_model._model
    sentence_model._model = lambda: model  # type: ignore[assignment]
    try:
        return sentence_model.scores.__wrapped__(text)
    finally:
        sentence_model._model = saved  # type: ignore[assignment]


def out_of_fold(rows: list[tuple[str, str, str, frozenset[str]]], folds: int) -> dict[tuple[str, str], dict[str, float]]:
    """(release file, sentence) -> the scores of a model trained without the sentence's issuer."""
    groups = sorted({group for group, *_ in rows})
    kinds = modelled_types(rows)
    scored: dict[tuple[str, str], dict[str, float]] = {}
    for fold in range(folds):
        held = {group for i, group in enumerate(groups) if i % folds == fold}
        train = [row for row in rows if row[0] not in held]
        model = fit([text for _, _, text, _ in train], [kinds_ for *_, kinds_ in train], kinds)
        for group, file, text, _ in rows:
            if group in held:
                scored[(file, text)] = _scored(model, text)
    return scored


def _counts(threshold: float, oof: dict[tuple[str, str], dict[str, float]]) -> tuple[int, int, int, Counter]:
    """tp, fp, fn of the events read at or above the review threshold on every dev release, doubting at `threshold`."""
    sentence_model.DOUBT = threshold
    tp = fp = fn = 0
    by_type: Counter = Counter()
    for gold_path, folder in dev_releases():
        gold = evaluation.GoldRelease.model_validate_json(gold_path.read_text(encoding="utf-8"))
        sentence_model.scores = lambda text, file=gold.file: oof.get((file, text), {})  # type: ignore[assignment]
        document = read_release(folder / gold.file, published=gold.published)
        events = [e for e in sorted(evaluation._exported(document), key=lambda e: -e["confidence"]) if e["confidence"] >= 0.5]
        unmatched = list(events)
        for expected in gold.events:
            kind = expected["type"]
            same_fact = evaluation.SAME_FACT.get(kind, lambda e, g: True)
            hit = next((e for e in unmatched if e["type"] == kind and evaluation._same_compound(e, expected, gold.compounds)
                        and same_fact(e, expected)), None)
            if hit is not None:
                unmatched.remove(hit)
                if not expected.get("optional"):
                    tp += 1
                    by_type[(kind, "tp")] += 1
            elif not expected.get("optional"):
                fn += 1
        fp += len(unmatched)
        for event in unmatched:
            by_type[(event["type"], "fp")] += 1
    return tp, fp, fn, by_type


def cross_validate(folds: int, thresholds: list[float]) -> None:
    rows = labelled_sentences()
    kinds = modelled_types(rows)
    print(f"{len(rows)} sentences, {sum(1 for *_, k in rows if k)} holding a gold event; {len({r[0] for r in rows})} issuers; "
          f"types modelled: {len(kinds)}")
    oof = out_of_fold(rows, folds)
    for kind in kinds:
        ranked = sorted(((oof[(file, text)][kind], kind in found) for _, file, text, found in rows), reverse=True)
        positives = sum(1 for _, p in ranked if p)
        below = {t: sum(1 for s, p in ranked if p and s < t) for t in thresholds}
        print(f"  {kind:28} positives {positives:4}  positives scored under " + " ".join(f"{t}:{n}" for t, n in below.items()))
    for threshold in [0.0, *thresholds]:
        tp, fp, fn, _ = _counts(threshold, oof)
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"doubt under {threshold:4}: tp={tp} fp={fp} fn={fn} P={precision:.3f} R={recall:.3f} "
              f"F1={2 * precision * recall / max(1e-9, precision + recall):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="measure by folds grouped by issuer; write nothing")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--thresholds", default="0.02,0.05,0.1,0.15,0.2,0.3")
    arguments = parser.parse_args()
    if arguments.cv:
        cross_validate(arguments.folds, [float(t) for t in arguments.thresholds.split(",")])
        return
    rows = labelled_sentences()
    model = fit([text for _, _, text, _ in rows], [kinds for *_, kinds in rows], modelled_types(rows))
    document = {"built_by": "scripts/train_sentence_model.py", "from": "dev parts only (seeds, shared dev, corpus split=dev, unseen)",
                "C": C, "min_df": MIN_DF, **model}
    sentence_model.TABLE.write_text(json.dumps(document, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
