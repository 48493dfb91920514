"""Build tracker/extraction/calibration.json: each fact type's measured precision by raw confidence level.

    python scripts/calibrate.py            # writes the table (deterministic, offline)
    python scripts/calibrate.py --print    # also prints each type's levels

Reads the dev parts only: the seeds, `../shared/corpus` but its check files 301-318, the rows of
`corpus/manifest.tsv` with split=dev and `tests/fixtures/unseen`. Every fact is read with its raw
confidence (calibration off) and matched against the gold as `tracker eval` matches (an event matching an
optional gold event counts neither way). Per type and raw level: (right + K * raw) / (events + K), so that
a level seen a few times stays near what the rules reckoned and one seen often says what it measured;
then pooled so as never to fall as the raw level rises; clamped to 0.1..0.95. Types no gold file labels
(`PartyAffiliationRecorded`, which the scorer does not know) keep their raw confidence.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO)]

from tracker import evaluation  # noqa: E402
from tracker.extraction import calibration  # noqa: E402
from tracker.reading.releases import read_release  # noqa: E402

SHARED = next((p for p in (REPO.parent / "shared", Path("/work/shared")) if p.is_dir()), None)
#: How many facts at the raw confidence a level's own count is weighed against.
K_LEVEL = 4.0


def dev_releases() -> list[tuple[Path, Path]]:
    """(gold file, folder of its release) of every dev release."""
    found: list[tuple[Path, Path]] = []
    if SHARED is not None:
        found += [(gold, REPO / "seeds") for gold in sorted((SHARED / "seeds" / "gold").glob("*.json"))]
        found += [(gold, SHARED / "corpus" / "releases") for gold in sorted((SHARED / "corpus" / "gold").glob("*.json"))
                  if not gold.name.startswith("3")]
    manifest = REPO / "corpus" / "manifest.tsv"
    if manifest.is_file():
        with manifest.open(encoding="utf-8") as handle:
            dev = sorted(Path(row["file"]).stem for row in csv.DictReader(handle, delimiter="\t") if row.get("split") == "dev")
        found += [(REPO / "corpus" / "gold" / f"{stem}.json", REPO / "corpus" / "releases") for stem in dev]
    unseen = REPO / "tests" / "fixtures" / "unseen"
    found += [(gold, unseen / "releases") for gold in sorted((unseen / "gold").glob("*.json"))]
    return [(gold, folder) for gold, folder in found if gold.is_file()]


#: The types the gold files label (filled by `tally`).
LABELLED: set[str] = set()


def tally() -> dict[str, dict[str, list[int]]]:
    """Type -> raw level -> [right, wrong], every fact read with its raw confidence."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    calibration.ENABLED = False
    for gold_path, folder in dev_releases():
        gold = evaluation.GoldRelease.model_validate_json(gold_path.read_text(encoding="utf-8"))
        document = read_release(folder / gold.file, published=gold.published)
        pairs, unmatched = evaluation.matched(evaluation.read_events(document), gold)
        for expected, hit in pairs:
            kind = expected["type"]
            LABELLED.add(kind)
            if hit is not None and not expected.get("optional"):
                counts[kind][calibration.level(hit["confidence"])][0] += 1
        for event in unmatched:
            counts[event["type"]][calibration.level(event["confidence"])][1] += 1
    calibration.ENABLED = True
    return counts


def _pooled(points: list[tuple[float, float]]) -> list[float]:
    """Pool-adjacent-violators: the non-decreasing values closest to `points` (value, weight)."""
    blocks: list[list[float]] = []  # [value, weight, size]
    for value, weight in points:
        blocks.append([value, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, n2 = blocks.pop()
            v1, w1, n1 = blocks.pop()
            blocks.append([(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, n1 + n2])
    return [value for value, _, size in blocks for _ in range(int(size))]


def table(counts: dict[str, dict[str, list[int]]]) -> dict[str, dict[str, float]]:
    result: dict[str, dict[str, float]] = {}
    for kind in sorted(counts):
        levels = counts[kind]
        if not any(right for right, _ in levels.values()) and kind not in LABELLED:
            continue
        keys = sorted(levels)
        smoothed = [((levels[k][0] + K_LEVEL * (float(k) + calibration.STEP / 2)) / (sum(levels[k]) + K_LEVEL), sum(levels[k]) + K_LEVEL)
                    for k in keys]
        result[kind] = {k: round(min(0.95, max(0.1, v)), 2) for k, v in zip(keys, _pooled(smoothed))}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print", action="store_true", help="print each type's levels: right, wrong, calibrated")
    arguments = parser.parse_args()
    counts = tally()
    built = table(counts)
    if arguments.print:
        for kind, levels in built.items():
            print(kind, " ".join(f"{k}:{counts[kind][k][0]}/{sum(counts[kind][k])}->{v}" for k, v in levels.items()))
    document = {"built_by": "scripts/calibrate.py", "from": "dev parts only (seeds, shared dev, corpus split=dev, unseen)",
                "step": calibration.STEP, "table": built}
    calibration.TABLE.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
