"""Confidence as measured on the dev parts (tracker/extraction/calibration.json, built by scripts/calibrate.py)."""
from __future__ import annotations

import json

from tracker.extraction import calibration


def test_a_type_the_table_does_not_know_keeps_its_raw_confidence():
    assert calibration.calibrated("NoSuchFact", 0.73) == 0.73


def test_a_level_is_a_step_of_five_hundredths():
    assert (calibration.level(0.9), calibration.level(0.74), calibration.level(0.75), calibration.level(1.0)) == ("0.90", "0.70", "0.75", "0.95")


def test_within_a_type_more_evidence_never_lowers_confidence_and_values_stay_in_bounds():
    table = json.loads(calibration.TABLE.read_text(encoding="utf-8"))["table"]
    assert table
    for levels in table.values():
        values = [levels[key] for key in sorted(levels)]
        assert values == sorted(values)
        assert all(0.1 <= value <= 0.95 for value in values)


def test_the_table_leaves_out_the_facts_no_gold_labels():
    table = json.loads(calibration.TABLE.read_text(encoding="utf-8"))["table"]
    assert "PartyAffiliationRecorded" not in table
