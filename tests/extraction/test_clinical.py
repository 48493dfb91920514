from datetime import date

import pytest
from extraction_helpers import facts_of, one, only

from tracker.extraction.phases import phases_in


def test_meeting_the_primary_endpoint_is_a_positive_top_line_result_of_the_named_trial():
    facts = facts_of("Nordlys today announced that the Phase 3 HORIZON-2 trial of ketrolimab met its primary endpoint "
                     "of overall survival.")
    result = one(facts, "TopLineReported")
    assert (result.compound, result.trial, result.phase, result.outcome, result.endpoint) == (
        "ketrolimab", "HORIZON-2", "III", "positive", "OS")


def test_a_trial_that_did_not_meet_its_endpoint_is_negative():
    facts = facts_of("The Phase 2 CASCADE study of ketrolimab did not meet its primary endpoint of progression-free survival.")
    result = one(facts, "TopLineReported")
    assert (result.trial, result.phase, result.outcome, result.endpoint) == ("CASCADE", "II", "negative", "PFS")


def test_non_inferiority_met_is_non_inferior():
    facts = facts_of("The CASCADE study of ketrolimab met its non-inferiority endpoint versus docetaxel.")
    assert one(facts, "TopLineReported").outcome == "non_inferior"


def test_a_trend_is_no_result():
    facts = facts_of("An interim analysis of ketrolimab showed a trend towards improved OS.")
    assert only(facts, "TopLineReported") == []


def test_ocr_phase_il_reads_as_phase_two_at_low_confidence():
    facts = facts_of("Ketrolimab is in Phase Il testing for gout.")
    status = one(facts, "DevelopmentStatusReported")
    assert (status.phase, status.confidence) == ("II", 0.6)


def test_a_phase_two_study_underway_is_a_development_status():
    facts = facts_of("A Phase 2 study is underway with ketrolimab in patients with gout.")
    assert one(facts, "DevelopmentStatusReported").phase == "II"


def test_a_trial_that_began_late_in_a_year_started_in_its_second_half():
    facts = facts_of("A Phase 1b trial of ketrolimab in gout began in late 2015.")
    started = one(facts, "TrialStarted")
    assert (started.compound, started.phase, str(started.occurred_on)) == ("ketrolimab", "I", "2015-H2")


def test_first_patient_dosed_with_a_code_starts_its_trial():
    facts = facts_of("In the second quarter of 2020 the first patient was dosed with NRD-4410 in a Phase 1 trial.", date(2020, 8, 4))
    started = one(facts, "TrialStarted")
    assert (started.compound, started.phase, str(started.occurred_on)) == ("NRD-4410", "I", "2020-Q2")


def test_a_trial_design_gives_registry_ids_enrollment_and_primary_endpoint():
    facts = facts_of("About the HORIZON-2 Study\n\nThis Phase 3 study (NCT01234567; NR10234) is a randomized, "
                     "double-blind study of ketrolimab involving 640 people with gout. The primary endpoint of the HORIZON-2 study "
                     "is progression-free survival.")
    design = one(facts, "TrialDesignReported")
    assert (design.trial, design.registry_ids, design.enrollment, design.primary_endpoint) == (
        "HORIZON-2", ("NCT01234567", "NR10234"), 640, "PFS")


def test_n_equals_gives_the_enrollment():
    facts = facts_of("Data came from a randomized, placebo-controlled Phase 1 study (n=48) of ketrolimab.")
    assert one(facts, "TrialDesignReported").enrollment == 48


def test_an_abstract_at_a_named_meeting_is_data_presented_there():
    facts = facts_of("Ketrolimab data will be discussed at ASH 2019.\n\n"
                     "\"Phase 1 study of ketrolimab in relapsed myeloma\" (abstract #4410) was presented at the "
                     "American Society of Hematology annual meeting in December 2019.", date(2019, 12, 9))
    presented = one(facts, "DataPresented")
    assert (presented.compound, presented.conference, presented.abstract, str(presented.presented_on)) == (
        "ketrolimab", "ASH 2019", "4410", "2019-12")


def test_data_to_be_presented_later_is_not_yet_presented():
    facts = facts_of("Detailed ketrolimab results will be presented at an upcoming medical meeting.")
    assert only(facts, "DataPresented") == []


def test_results_expected_later_this_year_are_a_readout_expected_on_december_31():
    facts = facts_of("Top-line results from the CASCADE study of ketrolimab are expected later this year.", date(2018, 3, 1))
    readout = one(facts, "ReadoutExpected")
    assert (readout.compound, readout.trial, readout.expected_by) == ("ketrolimab", "CASCADE", date(2018, 12, 31))


def test_data_presented_at_the_meeting_is_at_the_meeting_the_release_named():
    facts = facts_of("Orsolo Bio will host an investor event at the 2019 ASH Annual Meeting in Orlando.\n\n"
                     "The ketrolimab data were first presented at the meeting in an oral presentation on December 8, 2019.",
                     date(2019, 12, 10))
    presented = one(facts, "DataPresented")
    assert (presented.compound, presented.conference, str(presented.presented_on)) == ("ketrolimab", "ASH 2019", "2019-12-08")


def test_data_to_be_presented_at_a_named_meeting_is_a_presentation_not_yet_dated():
    facts = facts_of("Investigators will present data from the RIVET trial of ketrolimab at the 2020 ASCO Annual Meeting.", date(2020, 4, 2))
    presented = one(facts, "DataPresented")
    assert (presented.compound, presented.conference, presented.occurred_on) == ("ketrolimab", "ASCO 2020", None)


def test_a_list_of_abstract_numbers_is_one_presentation_each():
    facts = facts_of("The ORS-4410 data were featured in four oral presentations at the 2012 Annual Meeting of the American Society of "
                     "Clinical Oncology (Abstract # 2509, 4505, 7509 and 8507).", date(2012, 6, 2))
    found = sorted((f.compound, f.abstract) for f in only(facts, "DataPresented"))
    assert found == [("ORS-4410", "2509"), ("ORS-4410", "4505"), ("ORS-4410", "7509"), ("ORS-4410", "8507")]


def test_data_still_to_be_presented_is_at_the_meeting_the_release_is_about():
    facts = facts_of("Orsolo Bio's ketrolimab will be the subject of nine presentations at the upcoming 2012 ASCO Annual Meeting.\n\n"
                     "For the first time, investigators will present data from RIVET, the pivotal trial of ketrolimab in gout.",
                     date(2012, 4, 2))
    assert ("ketrolimab", "ASCO 2012") in {(f.compound, f.conference) for f in only(facts, "DataPresented")}


def test_a_meeting_acronym_is_no_compound():
    facts = facts_of("Additionally, abstracts from the gout cohort (Abstract# 7509) and the ASCO poster were released.")
    assert "ASCO" not in {f.compound for f in facts}


def test_an_abstract_number_line_of_a_presentation_block_numbers_the_presentation():
    facts = facts_of("Orsolo Bio today announced that it will present final results from the Phase 1 study of ORS-928 during a poster "
                     "session at the European Society for Medical Oncology (ESMO) 2018 Congress.\n\n"
                     "Title: Final results of the Phase 1 study of ORS-928.\n\nAbstract Number: 1880P", date(2018, 10, 8))
    assert {(f.compound, f.conference, f.abstract) for f in only(facts, "DataPresented")} == {("ORS-928", "ESMO 2018", "1880P")}


def test_two_read_outs_of_one_trial_in_different_years_stay_two():
    facts = facts_of("Orsolo Bio (NASDAQ:ORSB) announced today that it has completed enrollment in RIVET 1, its Phase 3 trial of velotamab.\n\n"
                     "We expect to report later this quarter results from the lead-in portion of the RIVET 2 trial, our Phase 3 trial of "
                     "velotamab in gout. We then expect top-line data from RIVET 1 in early 2020 and top-line data from RIVET 2 in mid-2020.",
                     date(2019, 7, 28))
    found = sorted((f.trial, str(f.expected_by)) for f in only(facts, "ReadoutExpected"))
    assert found == [("RIVET 1", "2020-06-30"), ("RIVET 2", "2019-09-30"), ("RIVET 2", "2020-06-30")]


def test_a_trial_that_met_its_primary_objective_read_out_positive():
    facts = facts_of("The Phase 3 TANGO trial of ketrolimab met its primary objective of showing superiority over placebo.")
    assert one(facts, "TopLineReported").outcome == "positive"


def test_a_trial_whose_primary_objective_is_to_determine_if_it_is_superior_has_not_read_out():
    facts = facts_of("The primary objective of the TANGO trial is to determine if treatment with ketrolimab added to standard of care "
                     "is superior to placebo in reducing the risk of gout flares.")
    assert only(facts, "TopLineReported") == []


def test_a_significant_p_value_against_placebo_is_a_positive_result():
    facts = facts_of("In the Phase 2 RIVET trial, ketrolimab reduced serum urate by 45% compared with placebo (p=0.002).")
    assert one(facts, "TopLineReported").outcome == "positive"


def test_a_trial_that_failed_to_demonstrate_efficacy_read_out_negative():
    facts = facts_of("Ketrolimab failed to demonstrate efficacy in the Phase 3 TANGO trial.")
    assert one(facts, "TopLineReported").outcome == "negative"


def test_a_trial_stopped_early_for_efficacy_read_out_positive():
    facts = facts_of("The TANGO trial of ketrolimab was stopped early for efficacy after a planned interim analysis by the Data Monitoring Committee.")
    assert one(facts, "TopLineReported").outcome == "positive"


def test_a_phase_named_alone_after_a_compound_is_its_status():
    facts = facts_of("The pipeline includes NRD-4410, currently in Phase 2, for lupus nephritis.")
    assert one(facts, "DevelopmentStatusReported").phase == "II"


def test_enrolment_in_a_design_sentence_counts_with_approximately():
    facts = facts_of("RIVET is a multicenter, open-label study evaluating ketrolimab in approximately 60 patients with gout.")
    assert one(facts, "TrialDesignReported").enrollment == 60


def test_a_randomisation_ratio_keeps_the_arms():
    facts = facts_of("In the RIVET trial, patients will be randomized 2:1 to receive ketrolimab 10 mg or placebo.")
    assert one(facts, "TrialDesignReported").arms == ("ketrolimab 10 mg", "placebo")


def test_a_decimal_point_between_a_result_and_its_non_inferiority_ends_no_clause():
    facts = facts_of("The CASCADE study of ketrolimab met its primary endpoint, a hazard ratio of 0.86 showing non-inferiority to docetaxel.")
    assert one(facts, "TopLineReported").outcome == "non_inferior"


def test_a_trial_named_before_a_capitalised_trial_is_no_compound():
    facts = facts_of("Brightwater Bio will present three-month Phase 3 CASCADE Trial data for ketrolimab at ASCO 2019.")
    assert {fact.compound for fact in only(facts, "DataPresented")} == {"ketrolimab"}


@pytest.mark.parametrize(("words", "phase"), [("phase three", "III"), ("Phase Two", "II"), ("phase one/two", "I/II")])
def test_a_phase_spelled_as_a_word_is_its_number(words, phase):
    assert [p.phase for p in phases_in(f"the {words} study of ketrolimab")] == [phase]


def test_a_headline_saying_a_trial_misses_primary_endpoint_is_a_negative_result():
    facts = facts_of("Phase 3 KITE trial of ketrolimab misses primary endpoint in gout")
    assert one(facts, "TopLineReported").outcome == "negative"


def test_a_trial_conducted_in_a_number_of_people_and_compared_head_on_gives_enrollment_and_arms():
    facts = facts_of("The RIVET trial, conducted in more than 600 women, was a direct comparison of ketrolimab versus dinoprostone, "
                     "which is the current standard treatment.")
    design = one(facts, "TrialDesignReported")
    assert (design.trial, design.enrollment, design.arms) == ("RIVET", 600, ("ketrolimab", "dinoprostone"))


def test_a_trial_described_in_passing_in_a_sentence_about_its_start_is_no_design():
    facts = facts_of("In March 2021 the first patient was dosed in WINDRUSH-2, a global Phase 3 trial comparing ketrolimab with docetaxel.")
    assert only(facts, "TrialDesignReported") == []


def test_data_presented_at_a_named_meeting_in_a_sentence_naming_no_compound_are_its_paragraphs_compounds():
    facts = facts_of("Ketrolimab met the primary endpoint in the RIVET-1 and RIVET-2 trials. Results from both trials were presented at the "
                     "European Academy of Dermatology and Venereology (EADV) Congress in October 2020.", date(2021, 3, 1))
    presented = one(facts, "DataPresented")
    assert (presented.compound, presented.conference, str(presented.occurred_on)) == ("ketrolimab", "EADV 2020", "2020-10")


def test_a_presentation_dated_by_its_month_and_its_meetings_year_is_dated_by_the_month():
    facts = facts_of("Results from the Phase 2 KITE trial of ketrolimab were presented at the European Society for Medical Oncology (ESMO) "
                     "Congress 2024 in September 2024 (Abstract LBA31).", date(2025, 1, 10))
    assert str(one(facts, "DataPresented").occurred_on) == "2024-09"


def test_a_trial_stopped_after_an_analysis_showed_overwhelming_efficacy_is_no_negative_result():
    facts = facts_of("The Phase 3 KITE study of ketrolimab was stopped after an interim analysis showed overwhelming efficacy.")
    assert [f.outcome for f in only(facts, "TopLineReported")] in ([], ["positive"])
