"""The story's compound status on the days an analyst would sign it, every value with the events behind it.

Covers: a restatement dated with the restating release's day, a vaguer restatement ("earlier this year"),
an undated background approval, submission then acceptance then opinion then decision, a conditional
approval for two indications, a Complete Response Letter, a stale phase row, and the heading of an early view.
"""
from __future__ import annotations

from story_support import run


def _status(db: str, compound: str, as_of: str) -> str:
    return run(db, "status", compound, "--as-of", as_of)


def test_before_any_approval_the_view_is_headed_by_the_name_then_published_and_expects_the_maa(story, ids):
    assert _status(story, "velquiro", "2011-12-31") == (
        "NRV-401  (as of 2011-12-31; 7 events)\n"
        "Highest phase: II\n"
        "Partners:\n"
        f"  Castellan, licensee, worldwide  [{ids['license']}]\n"
        "Phase by indication:\n"
        f"  II        HER3-positive metastatic gastric cancer  [{ids['phase_2']}]\n"
        "Regulatory status: no submission, opinion or approval reported\n"
        "Trials:\n"
        f"  HERALD, phase II, HER3-positive metastatic gastric cancer  [{ids['herald_readout']}, {ids['herald_design']}]\n"
        "      registry: NCT01234567\n"
        "      enrollment: 212\n"
        f"      readout 2011-10: positive (PFS)  [{ids['herald_readout']}]\n"
        "Expected:\n"
        f"  MAA to EMA, by 2012-12-31  [{ids['maa_expected']}]\n")


def test_after_the_fda_approval_and_the_chmp_opinion_the_vague_restatement_keeps_the_exact_us_date(story, ids):
    assert _status(story, "NRV-401", "2013-09-30") == (
        "velotuzumab  (as of 2013-09-30; 19 events)\n"
        "Also known as: NRV-401 (former), Velquiro (brand)\n"
        "Highest phase: approved\n"
        "Partners:\n"
        f"  Castellan, licensee, worldwide  [{ids['license']}, {ids['licensee']}]\n"
        "Phase by indication:\n"
        f"  approved  patients with HER3-positive gastric cancer  [{ids['fda_approval']}]\n"
        "Regulatory status by region:\n"
        f"  EU  positive opinion (CHMP, 2013-09-30)  [{ids['chmp_opinion']}]\n"
        "        2013-01-28 EMA MAA submitted\n"
        "        2013-03-20 EMA MAA accepted\n"
        f"  US  approved (FDA, 2013-02-22)  [{ids['fda_approval']}, {ids['us_approval_this_year']}]\n"
        "        for: patients with HER3-positive gastric cancer\n"
        "Trials:\n"
        f"  HERALD, phase II, HER3-positive metastatic gastric cancer  [{ids['herald_readout']}, {ids['herald_design']}]\n"
        "      registry: NCT01234567\n"
        "      enrollment: 212\n"
        f"      readout 2011-10: positive (PFS)  [{ids['herald_readout']}]\n"
        "Expected:\n"
        f"  EC decision (EU), by 2013-12-31  [{ids['ec_decision_expected']}]\n"
        f"  MHLW decision (JP), by 2014-03-31  [{ids['jp_decision_expected']}]\n")


def test_the_eu_region_moves_from_submission_to_acceptance_to_opinion_to_a_conditional_approval(story):
    def eu(as_of: str) -> str:
        (line,) = [line for line in run(story, "status", "velquiro", "--as-of", as_of).splitlines()
                   if line.startswith("  EU  ")]
        return line.split("  [")[0].strip()

    assert [eu(day) for day in ("2013-02-01", "2013-04-01", "2013-10-01", "2013-12-31")] == [
        "EU  submitted (EMA, 2013-01-28)", "EU  accepted (EMA, 2013-03-20)", "EU  positive opinion (CHMP, 2013-09-30)",
        "EU  approved, conditional (EC, 2013-11-20)"]


def test_a_restatement_dated_with_its_own_release_day_moves_neither_date_nor_source(story, ids):
    lines = _status(story, "velotuzumab", "2013-12-31").splitlines()
    assert f"  US  approved (FDA, 2013-02-22)  [{ids['fda_approval']}, {ids['us_approval_this_year']}, " \
           f"{ids['us_approval_restated']}]" in lines


def test_the_conditional_eu_authorization_keeps_both_indications_after_an_undated_restatement(story, ids):
    lines = _status(story, "velotuzumab", "2014-06-30").splitlines()
    at = lines.index(f"  EU  approved, conditional (EC, 2013-11-20)  [{ids['ec_approval']}, {ids['eu_approval_background']}]")
    assert lines[at + 1:at + 5] == [
        "        for: adult patients with HER3-positive metastatic gastric cancer; "
        "adult patients with HER3-positive gastroesophageal junction adenocarcinoma",
        "        2013-01-28 EMA MAA submitted", "        2013-03-20 EMA MAA accepted", "        2013-09-30 CHMP positive opinion"]


def test_an_approval_no_text_dates_is_reported_with_date_not_stated(story, ids):
    assert f"  CA  approved (Health Canada, reported 2014-06-02, date not stated)  [{ids['canada_approval']}]" in \
        _status(story, "velotuzumab", "2014-06-30").splitlines()


def test_the_phase_rows_are_superseded_by_approvals_for_the_same_or_a_broader_indication(story, ids):
    def phases(as_of: str) -> list[str]:
        lines = _status(story, "velotuzumab", as_of).splitlines()
        start = lines.index("Phase by indication:") + 1
        return lines[start:lines.index("Regulatory status by region:")]

    assert phases("2013-01-31") == [f"  filed     HER3-positive metastatic gastric cancer  [{ids['maa_submitted']}]"]
    assert phases("2014-06-30") == [
        f"  approved  adult patients with HER3-positive gastroesophageal junction adenocarcinoma  [{ids['ec_approval']}]",
        f"  approved  HER3-positive gastric cancer  [{ids['jp_approval']}]"]


def test_a_complete_response_letter_declines_the_nda_and_closes_the_expected_fda_decision(story, ids):
    assert _status(story, "ARD-12", "2014-06-30") == (
        "quilostat  (as of 2014-06-30; 6 events)\n"
        "Also known as: ARD-12 (code)\n"
        "Highest phase: filed\n"
        "Partners:\n"
        f"  Castellan, licensee, United States  [{ids['us_licensee']}]\n"
        "Phase by indication:\n"
        f"  filed     idiopathic pulmonary fibrosis  [{ids['nda_accepted']}]\n"
        "Regulatory status by region:\n"
        f"  US  declined: complete response letter (FDA, 2014-03-17)  [{ids['crl']}]\n"
        "        for: idiopathic pulmonary fibrosis\n"
        "        2013-05-06 FDA NDA accepted\n"
        "Expected: nothing ahead\n")
