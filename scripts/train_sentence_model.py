"""A sentence classifier learned from the dev parts' gold, and how much it would help the rules (issue 10, point 8).

    python scripts/train_sentence_model.py --cv              # measures it, cross-validated by issuer
    python scripts/train_sentence_model.py --out model.json  # writes the model trained on every dev sentence

Reads the dev parts only, as `scripts/calibrate.py` does (the seeds, `../shared/corpus` but its check files
301-318, `corpus/manifest.tsv` split=dev, `tests/fixtures/unseen`). Each release is cut into sentences as the
tracker cuts it; a sentence holding the quote of a gold event of type T (or held by it) is positive for T, every
other sentence of the release negative. One logistic regression per type on TF-IDF of words and pairs of words
(`features`), liblinear, fixed seed: the same files give the same model. The model is plain JSON (no pickle),
and `scores` reads a sentence with it in plain Python, as scikit-learn does, so that ingest would need no library.

`--cv` scores every dev sentence by a model that never saw its issuer (folds grouped by issuer), reads every dev
release as ingest does, and counts the events the user sees (confidence at least the review threshold), right and
wrong, when an event of a modelled type whose sentence the model scores under a threshold is sent to review.

Not wired into ingest: measured on the check parts with such a hook (0.05, chosen here as the threshold that costs
at most ~1% of the dev parts' right events), it sent to review as many right events as wrong ones, and the check
parts' micro-F1 fell (benchmarks/README.md, tenth round). scikit-learn is needed here only (the `dev` extra).
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from calibrate import dev_releases  # noqa: E402

from tracker import evaluation  # noqa: E402
from tracker.extraction.context import ReleaseContext  # noqa: E402
from tracker.reading.releases import read_release  # noqa: E402

#: The review threshold: events read with less confidence wait in review and are not exported as accepted.
REVIEW = 0.5
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_DIGIT = re.compile(r"[0-9]")

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


def features(text: str) -> list[str]:
    """The words of a sentence (lower case, digits as 0) and each pair of neighbouring words."""
    words = [_DIGIT.sub("0", word) for word in _WORD.findall(text.lower())]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def scores(model: dict, text: str) -> dict[str, float]:
    """Type -> the model's probability that the sentence states an event of that type, in plain Python: term
    counts (1 + log) times the idf, scaled to unit length, dotted with each type's weights, plus its intercept,
    through the logistic function (what scikit-learn's TfidfVectorizer and LogisticRegression compute)."""
    idf: dict[str, float] = model["idf"]
    counts = Counter(feature for feature in features(text) if feature in idf)
    weights = {feature: (1.0 + math.log(n)) * idf[feature] for feature, n in counts.items()}
    norm = math.sqrt(sum(value * value for value in weights.values())) or 1.0
    result = {}
    for kind, row in model["types"].items():
        coefficients: dict[str, float] = row["weights"]
        z = row["intercept"] + sum(value * coefficients.get(feature, 0.0) for feature, value in weights.items()) / norm
        result[kind] = 1.0 / (1.0 + math.exp(-z))
    return result


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

    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=MIN_DF, norm="l2", smooth_idf=True)
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
                scored[(file, text)] = scores(model, text)
    return scored


def _doubted(event: dict, scored: list[dict[str, float]], threshold: float) -> bool:
    """Whether the model scores every sentence an event quotes under `threshold` for the event's type."""
    known = [found[event["type"]] for found in scored if event["type"] in found]
    return bool(known) and max(known) < threshold


def _counts(threshold: float, oof: dict[tuple[str, str], dict[str, float]]) -> tuple[int, int, int]:
    """tp, fp, fn of the events the user sees on every dev release, an event of a modelled type sent to review
    where the model scores every sentence that quotes it under `threshold`."""
    tp = fp = fn = 0
    for gold_path, folder in dev_releases():
        gold = evaluation.GoldRelease.model_validate_json(gold_path.read_text(encoding="utf-8"))
        document = read_release(folder / gold.file, published=gold.published)
        texts: dict[str, list[str]] = {}
        for view in ReleaseContext(document).views:
            texts.setdefault(view.sentence.quote, []).append(view.text)
        events = [e for e in evaluation.read_events(document)
                  if e["confidence"] >= REVIEW and not _doubted(e, [oof.get((gold.file, text), {}) for text in texts.get(e["quote"], [])], threshold)]
        pairs, unmatched = evaluation.matched(events, gold)
        for expected, hit in pairs:
            if not expected.get("optional"):
                tp, fn = (tp + 1, fn) if hit is not None else (tp, fn + 1)
        fp += len(unmatched)
    return tp, fp, fn


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
        tp, fp, fn = _counts(threshold, oof)
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"doubt under {threshold:4}: tp={tp} fp={fp} fn={fn} P={precision:.3f} R={recall:.3f} "
              f"F1={2 * precision * recall / max(1e-9, precision + recall):.3f}")


def train() -> dict:
    """The model trained on every dev sentence, as the JSON holds it."""
    rows = labelled_sentences()
    model = fit([text for _, _, text, _ in rows], [kinds for *_, kinds in rows], modelled_types(rows))
    return {"built_by": "scripts/train_sentence_model.py", "from": "dev parts only (seeds, shared dev, corpus split=dev, unseen)",
            "C": C, "min_df": MIN_DF, **model}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="measure by folds grouped by issuer")
    parser.add_argument("--out", type=Path, help="write the model trained on every dev sentence here (JSON)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--thresholds", default="0.02,0.05,0.1,0.15,0.2,0.3")
    arguments = parser.parse_args()
    if arguments.cv:
        cross_validate(arguments.folds, [float(t) for t in arguments.thresholds.split(",")])
    if arguments.out:
        arguments.out.write_text(json.dumps(train(), sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    if not arguments.cv and not arguments.out:
        parser.error("say --cv, --out FILE, or both")


if __name__ == "__main__":
    main()
