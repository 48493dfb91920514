"""Confidence as measured: what the rules' own reckoning of a fact (its raw confidence) turns out to be worth.

The engine reckons a confidence from how a fact was read (the compound named, carried or the release's
subject; how sure the cue; which slots stayed empty). Those figures are a judgement, not a measure: on
labelled releases a fact read at 0.8 was less often right than one read at 0.7. `calibration.json`,
built by `scripts/calibrate.py` from the dev parts of the labelled corpora only (never a check part),
gives for each fact type and raw level (a step of 0.05) the share of such facts that were right,
smoothed toward the type's share and kept non-decreasing in the raw level (more evidence never lowers
confidence). A type or level it does not know keeps its raw confidence.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("calibration.json")
#: False while the table is being built (facts keep their raw confidence).
ENABLED = True
#: The width of a raw level.
STEP = 0.05


def level(raw: float) -> str:
    """The raw level a confidence falls in, as the table keys it ("0.70")."""
    return f"{min(0.95, int(round(raw, 4) / STEP) * STEP):.2f}"


@cache
def _table() -> dict[str, dict[str, float]]:
    if not TABLE.is_file():
        return {}
    table: dict[str, dict[str, float]] = json.loads(TABLE.read_text(encoding="utf-8"))["table"]
    return table


def calibrated(kind: str, raw: float) -> float:
    """The measured confidence of a fact of type `kind` the rules read at `raw`."""
    if not ENABLED:
        return raw
    return _table().get(kind, {}).get(level(raw), raw)
