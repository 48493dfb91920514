"""Trial designs: sentence in, the design facts out (a table)."""
from __future__ import annotations

from datetime import date

import pytest
from extraction_helpers import facts_of, one, only

DESIGNS = [
    ("The CHMP opinion is based on data from a global, randomized Phase III RIVET trial evaluating VELORA plus best supportive care versus placebo.",
     [("RIVET", (), None)]),
    ("Orsolo Bio is currently enrolling a global, 250 patient, randomized phase 3 trial of velotamab in gout.", [(None, (), 250)]),
    ("Approval rests on the results of the RIVET study (NCT01234567) and the interim analysis of the TANGO study (NCT07654321) of velotamab.",
     [("RIVET", ("NCT01234567",), None), ("TANGO", ("NCT07654321",), None)]),
    ("\u201cVelotamab showed results in the largest global single-arm pivotal trial of its kind,\u201d said the Chief Medical Officer.", []),
    ("A total of 210 gout patients were enrolled in the RIVET cohort of the Phase 3 TANGO trial of velotamab.", [("TANGO", (), 210)]),
    ("Orsolo Bio today announced positive top-line results from RIVET-4, its Phase 3 trial of velotamab.\n\nThe results of RIVET-4, "
     "which enrolled 500 patients, demonstrated non-inferiority of velotamab to allopurinol.", [("RIVET-4", (), 500)]),
]


@pytest.mark.parametrize(("sentence", "expected"), DESIGNS, ids=[s[:70] for s, _ in DESIGNS])
def test_a_sentence_describing_a_trial_gives_its_design(sentence: str, expected: list):
    found = [(f.trial, tuple(f.registry_ids), f.enrollment) for f in only(facts_of(sentence), "TrialDesignReported") if f.confidence >= 0.5]
    assert found == expected


def test_a_design_sentence_naming_no_trial_is_about_the_one_trial_of_the_release():
    facts = facts_of("Orsolo Bio today announced the start of RIVET, the Phase 3 outcomes trial of velotamab.\n\n"
                     "The primary objective of this double-blind, randomized, placebo-controlled multicenter clinical trial is to "
                     "determine if velotamab reduces the risk of gout flares.", date(2016, 12, 1))
    assert {f.trial for f in only(facts, "TrialDesignReported")} == {"RIVET"}


TRIAL_NAMES = [
    ("Orsolo Bio announced that it has completed enrollment in RIVET 1, its Phase 3 clinical trial of velotamab.", "RIVET 1"),
    ("Orsolo Bio announced interim results from the expanded Phase 1 dose-ranging study 003 (n=296) of velotamab.", "study 003"),
    ("Orsolo ran two Phase 3 trials, RIVETA 1 and RIVETA 2, that were designed to show efficacy.", "RIVETA 2"),
    ("The Phase 2 trial, named SORVANO, aims to assess velotamab's safety in stroke patients.", "SORVANO"),
    ("We will analyze the data from the second phase 3 trial ULVERA 008, which we expect by June.", "ULVERA 008"),
]


@pytest.mark.parametrize(("sentence", "name"), TRIAL_NAMES, ids=[n for _, n in TRIAL_NAMES])
def test_a_trial_is_named_by_its_apposition_or_its_number(sentence: str, name: str):
    from tracker.extraction.trials import trial_names_in
    assert name in trial_names_in([sentence], set())


# A code before "study" or "trial" that names the study, the product it tests named after it: release in, the
# compound and the trial of the fact out. A code the study is "of" stays the product ("the ORS-12 study" is of ORS-12).
CODED_TRIALS = [
    ("Orsolo Bio initiated the Phase 3 ORS-301 trial of velotamab in gout.", "TrialStarted", ("velotamab", "ORS-301")),
    ("Orsolo Bio dosed the first patient in the ORSO-101 study evaluating NRD-4410 in gout.", "TrialStarted", ("NRD-4410", "ORSO-101")),
    ("Two abstracts featuring updated data from the Phase 1 BRISK-101 study of velotamab (ORS-12) will be presented at the "
     "66th American Society of Hematology (ASH) Annual Meeting.", "DataPresented", ("velotamab", "BRISK-101")),
    ("Orsolo Bio initiated the Phase 3 ORS-301 trial with velotamab in gout.", "TrialStarted", ("ORS-301", None)),
]


@pytest.mark.parametrize(("sentence", "kind", "expected"), CODED_TRIALS, ids=[s[:60] for s, _, _ in CODED_TRIALS])
def test_a_code_before_a_study_of_another_product_names_the_study(sentence: str, kind: str, expected: tuple[str, str | None]):
    fact = one(facts_of(sentence), kind)
    assert (fact.compound, getattr(fact, "trial", None)) == expected
