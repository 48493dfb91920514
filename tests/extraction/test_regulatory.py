from datetime import date

import pytest
from extraction_helpers import facts_of, one, only

from tracker.dates import PartialDate


def test_an_agency_approving_a_brand_is_an_approval_in_its_region():
    facts = facts_of("Brightwater Bio today announced that Health Canada has approved Zolvaro (pemtuzumab) "
                     "for the treatment of adults with relapsed myeloma.")
    approval = one(facts, "ApprovalGranted")
    assert (approval.compound, approval.agency, approval.region) == ("pemtuzumab", "Health Canada", "CA")
    assert approval.indication == "adults with relapsed myeloma"


def test_approved_for_marketing_in_the_us_names_the_fda_and_keeps_the_year_it_happened():
    facts = facts_of("Zolvaro (pemtuzumab) was approved for marketing in the US earlier this year.", date(2016, 10, 3))
    approval = one(facts, "ApprovalGranted")
    assert (approval.agency, approval.region, str(approval.occurred_on)) == ("FDA", "US", "2016")


def test_if_approved_is_no_approval():
    facts = facts_of("If approved by the European Commission, the medicine will be sold as Zolvaro (pemtuzumab).")
    assert only(facts, "ApprovalGranted") == []


def test_approvals_in_a_list_go_to_the_compound_each_region_follows():
    facts = facts_of("Partner Approvals for Brevlora® SC in Europe and Japan and the U.S. approval of ketrolimab.")
    regions = sorted((f.compound, f.region) for f in only(facts, "ApprovalGranted"))
    assert regions == [("Brevlora SC", "EU"), ("Brevlora SC", "JP"), ("ketrolimab", "US")]


def test_a_conditional_marketing_authorization_granted_by_the_commission_is_a_conditional_eu_approval():
    facts = facts_of("The European Commission has granted conditional marketing authorization for ketrolimab.")
    approval = one(facts, "ApprovalGranted")
    assert (approval.agency, approval.region, approval.approval_type) == ("EC", "EU", "conditional")


def test_a_chmp_recommendation_is_a_positive_opinion():
    facts = facts_of("The CHMP has recommended approval of ketrolimab for the treatment of adults with gout.")
    opinion = one(facts, "RegulatoryOpinionIssued")
    assert (opinion.compound, opinion.agency, opinion.region, opinion.opinion) == ("ketrolimab", "CHMP", "EU", "positive")
    assert only(facts, "ApprovalGranted") == []


def test_a_negative_chmp_opinion_is_negative():
    facts = facts_of("The CHMP adopted a negative opinion on the marketing application for Velostra for asthma.")
    opinion = one(facts, "RegulatoryOpinionIssued")
    assert (opinion.compound, opinion.opinion) == ("Velostra", "negative")


def test_a_decision_expected_by_year_end_is_expected_on_december_31():
    facts = facts_of("Ketrolimab is under review. A decision by the European Commission is expected by year end.",
                     date(2017, 4, 2))
    expected = one(facts, "RegulatoryDecisionExpected")
    assert (expected.compound, expected.agency, expected.region, expected.expected_by) == (
        "ketrolimab", "EC", "EU", date(2017, 12, 31))


def test_a_pdufa_date_is_an_fda_decision_expected_that_day():
    facts = facts_of("The FDA accepted the NDA for ketrolimab and set a PDUFA target action date of March 3, 2022.",
                     date(2021, 7, 1))
    expected = one(facts, "RegulatoryDecisionExpected")
    assert (expected.agency, expected.region, expected.expected_by) == ("FDA", "US", date(2022, 3, 3))


def test_an_accepted_biologics_license_application_is_an_accepted_us_submission():
    facts = facts_of("The FDA has accepted the Biologics License Application for ketrolimab and granted priority review.")
    submission = one(facts, "RegulatorySubmission")
    assert (submission.compound, submission.agency, submission.region, submission.application, submission.status) == (
        "ketrolimab", "FDA", "US", "BLA", "accepted")


def test_a_submitted_maa_is_an_eu_submission():
    facts = facts_of("Nordlys Pharma has submitted a Marketing Authorisation Application for ketrolimab.")
    submission = one(facts, "RegulatorySubmission")
    assert (submission.region, submission.application, submission.status) == ("EU", "MAA", "submitted")


def test_a_plan_to_submit_is_a_submission_expected_not_a_submission():
    facts = facts_of("Nordlys plans to submit a New Drug Application for ketrolimab to the FDA in the first half of 2020.",
                     date(2019, 8, 1))
    assert only(facts, "RegulatorySubmission") == []
    planned = one(facts, "SubmissionExpected")
    assert (planned.agency, planned.region, planned.application, planned.expected_by) == ("FDA", "US", "NDA", date(2020, 6, 30))


def test_a_potential_approval_with_a_month_is_a_decision_expected_that_month():
    facts = facts_of("We look forward to the potential U.S. approval for ketrolimab in November.", date(2019, 8, 1))
    assert only(facts, "ApprovalGranted") == []
    expected = one(facts, "RegulatoryDecisionExpected")
    assert (expected.region, expected.expected_by) == ("US", date(2019, 11, 30))


def test_an_nmpa_approval_is_a_chinese_approval():
    facts = facts_of("China's National Medical Products Administration (NMPA) has approved Velostra (lutekinib).")
    approval = one(facts, "ApprovalGranted")
    assert (approval.compound, approval.agency, approval.region) == ("lutekinib", "NMPA", "CN")
    assert approval.occurred_on is None or isinstance(approval.occurred_on, PartialDate)


def test_a_filing_named_again_without_its_regulator_waits_in_review():
    from extraction_helpers import facts_of as read
    facts = read("Orsolo Bio announced that the Department of Health of the Hong Kong Special Administrative Region accepted a New "
                 "Drug Application (NDA) for velozolam.\n\nThe acceptance of the NDA marks an important milestone for Orsolo Bio.")
    submissions = [f for f in facts if type(f).__name__ == "RegulatorySubmission" and f.confidence >= 0.5]
    assert [(f.region, f.status) for f in submissions] == [("HK", "accepted")]


def test_a_place_a_company_is_known_outside_of_is_no_region_of_approval():
    from extraction_helpers import facts_of as read
    facts = read("Orsolo (NYSE: ORS), known as OBX outside the United States and Canada, announced today that the European "
                 "Commission has approved VELORA for colorectal cancer.")
    assert [f.region for f in facts if type(f).__name__ == "ApprovalGranted"] == ["EU"]


# --- approvals that are background, not news (issue 10, third round) --------------------------------------
def test_an_approval_told_in_an_about_section_after_the_news_is_background():
    facts = facts_of("Orsolo Bio Reports Phase 3 Results\n\nBOSTON, May 3, 2021 -- Orsolo Bio today announced positive "
                     "results from the Phase 3 trial of velotamab in gout.\n\nThe trial enrolled 300 patients.\n\n"
                     "About Orsolo Bio\n\nZentara (trazimab) was approved by the FDA in 2019 for adults with lupus.",
                     date(2021, 5, 3))
    assert not only(facts, "ApprovalGranted")


def test_an_about_us_line_above_the_news_opens_no_background_section():
    facts = facts_of("About Us\n\nNorthgate Bio today announced that the FDA has approved harvolimab for adults with lupus.",
                     date(2022, 6, 3))
    assert one(facts, "ApprovalGranted").compound == "harvolimab"


def test_an_approval_naming_no_product_in_a_paragraph_about_another_is_not_that_products_approval():
    facts = facts_of("Pellway Inc. today announced positive results for tremovimab in asthma. The company's first medicine "
                     "was approved by the FDA in 2012.", date(2023, 4, 2))
    assert not only(facts, "ApprovalGranted")


def test_one_regulator_granting_approval_for_one_use_and_conditional_approval_for_another_grants_two_approvals():
    facts = facts_of("Brightwater Bio today announced that the China National Medical Products Administration (NMPA) has granted its "
                     "anti-PD-1 antibody pemtuzumab approval for the first-line treatment of patients with advanced gastric cancer and "
                     "conditional approval for the treatment of patients with biliary tract cancer who progressed on prior therapy.")
    approvals = sorted((f.region, f.agency, f.indication, f.approval_type) for f in only(facts, "ApprovalGranted"))
    assert approvals == [("CN", "NMPA", "patients with advanced gastric cancer", None),
                         ("CN", "NMPA", "patients with biliary tract cancer", "conditional")]


def test_approvals_of_two_regulators_in_one_sentence_stay_one_each():
    facts = facts_of("In May 2018, Zolvaro (pemtuzumab) was approved by the U.S. Food and Drug Administration for the treatment of gout "
                     "in adults, and received marketing authorization from the European Commission for the treatment of gout in all age groups.")
    assert sorted(f.region for f in only(facts, "ApprovalGranted")) == ["EU", "US"]


def test_a_regulator_accepting_an_application_for_a_drug_described_as_approved_elsewhere_grants_nothing():
    facts = facts_of("Brightwater Bio announced that the Department of Health of Hong Kong accepted a New Drug Application (NDA) for "
                     "pemtuzumab, the first antibody of its class approved for the treatment of gout.")
    assert [f for f in only(facts, "ApprovalGranted") if f.confidence >= 0.5] == []


def test_a_filing_that_follows_an_approval_elsewhere_takes_no_region_from_that_approval():
    facts = facts_of("Brightwater Bio announced today that the U.S. Food and Drug Administration (FDA) has accepted for review a New Drug "
                     "Application (NDA) for pemtuzumab.\n\nThe acceptance of the pemtuzumab NDA filing follows the March 2, 2019, "
                     "European Commission approval of pemtuzumab in the European Union.")
    submissions = [(f.region, f.status) for f in only(facts, "RegulatorySubmission") if f.confidence >= 0.5]
    assert submissions == [("US", "accepted")]


def test_planned_submissions_in_two_regions_each_with_its_quarter_are_two_plans():
    facts = facts_of("Brightwater Bio Moving Forward with Regulatory Submissions for pemtuzumab in Europe in 4Q 2019 and Japan in 2Q 2020")
    plans = sorted((f.region, str(f.expected_by)) for f in only(facts, "SubmissionExpected"))
    assert plans == [("EU", "2019-12-31"), ("JP", "2020-06-30")]


def test_planned_submissions_in_two_regions_in_one_year_stay_one_plan():
    facts = facts_of("Brightwater Bio expects to complete regulatory submissions for pemtuzumab in the US and EU in 2020.")
    assert [str(f.expected_by) for f in only(facts, "SubmissionExpected")] == ["2020-12-31"]


def test_the_places_a_company_is_known_outside_of_before_the_approval_are_no_regions_of_it():
    facts = facts_of("Zolvaro® Is First Antibody for Gout in Europe, Based on Results From the ORION-3 Trial Brightwater Bio (NYSE: BWB), "
                     "known as Brightline outside the United States and Canada, announced today that the European Commission has approved "
                     "Zolvaro, Brightwater's anti-PD-1 therapy, for the treatment of adults with gout.")
    assert [(f.region, f.agency) for f in only(facts, "ApprovalGranted")] == [("EU", "EC")]


def test_the_application_said_again_as_a_subject_takes_no_region_from_an_approval_it_follows():
    facts = facts_of("Brightwater Bio today announced that China's National Medical Products Administration (NMPA) has accepted a New Drug "
                     "Application (NDA) for pemtuzumab.\n\nThe NDA was submitted by Brightwater's partner, Hanlin Pharma, and follows "
                     "completion by Hanlin of a bridging trial for Zolvaro (pemtuzumab), which has been approved in the United States by the "
                     "Food and Drug Administration (FDA).")
    assert sorted(f.region for f in only(facts, "RegulatorySubmission") if f.confidence >= 0.5) == ["CN"]


def test_a_letter_saying_the_regulator_cannot_approve_the_application_grants_no_approval():
    facts = facts_of("Brightwater Bio today announced that the U.S. Food and Drug Administration (FDA) has issued a complete response "
                     "letter (CRL) to the Zolvaro™ (pemtuzumab) biologics license application, indicating that the FDA cannot approve "
                     "the application in its present form for the treatment of gout.")
    assert only(facts, "ApprovalGranted") == []
    assert one(facts, "ApprovalDeclined").region == "US"


def test_receiving_an_opinion_on_a_marketing_authorisation_application_is_no_authorisation():
    facts = facts_of("Brightwater Bio Receives Negative CHMP Opinion on Marketing Authorisation Application for Zolvaro (pemtuzumab) in Gout")
    assert only(facts, "ApprovalGranted") == []


def test_a_permission_to_run_a_trial_is_no_marketing_approval():
    for sentence in ("Brightwater Bio today announced that it has received IND approval from the NMPA for pemtuzumab in gout.",
                     "Brightwater Bio has received clinical trial approval from Health Canada for pemtuzumab.",
                     "Subject to approval, Brightwater will manufacture pemtuzumab in Switzerland for the Japanese market."):
        assert only(facts_of(sentence), "ApprovalGranted") == [], sentence


def test_a_target_action_date_in_the_fourth_quarter_is_expected_then():
    facts = facts_of("Brightwater Bio submitted a supplemental BLA for pemtuzumab in adolescents in January 2021. "
                     "The FDA has indicated a target action date in the fourth quarter of 2021.", date(2021, 3, 2))
    decision = one(facts, "RegulatoryDecisionExpected")
    assert (decision.region, str(decision.expected_by)) == ("US", "2021-12-31")


def test_an_approved_product_described_as_fda_approved_or_priced_is_no_approval_told():
    for sentence in ("Brightwater Bio markets the FDA-approved Zolvaro (pemtuzumab) for gout in the US.",
                     "The Japanese Ministry of Health, Labour and Welfare approved the price listing of Zolvaro (pemtuzumab)."):
        assert only(facts_of(sentence), "ApprovalGranted") == [], sentence


def test_a_wire_header_above_the_headline_opens_no_closing_credits_and_the_maa_for_a_name_names_a_product():
    facts = facts_of("SOURCE: Orsolo Bio N.V.\n\nJanuary 22, 2010 02:13 ET\n\nOrsolo Bio Gives Update on Velmora EU Marketing Authorization "
                     "Application\n\nLEIDEN, NETHERLANDS--(Marketwire - January 22, 2010) - Orsolo Bio NV (NYSE Euronext: ORSB) today "
                     "provided an update on the review of its application.\n\nOrsolo submitted the MAA for Velmora to the European "
                     "Medicines Agency in September 2009 and the CHMP has issued the Day 120 List of Questions.", date(2010, 1, 22))
    submission = one(facts, "RegulatorySubmission")
    assert (submission.compound, submission.region, str(submission.occurred_on)) == ("Velmora", "EU", "2009-09")


def test_a_notice_of_non_compliance_is_health_canadas_decline():
    facts = facts_of("Brightwater Bio announced that Health Canada has issued a Notice of Non-Compliance (NON) for its New Drug "
                     "Submission for Zolvaro (pemtuzumab).")
    decline = one(facts, "ApprovalDeclined")
    assert (decline.compound, decline.region, decline.form) == ("pemtuzumab", "CA", "complete_response")
    assert only(facts, "ApprovalGranted") == []


def test_an_approval_in_a_region_a_partner_expects_is_a_decision_expected():
    facts = facts_of("Hanlin Pharma has submitted a New Drug Application for pemtuzumab in Japan. Brightwater Bio would receive a further "
                     "US$35 million upon approval in Japan, which Hanlin Pharma expects in the first half of 2022.")
    decision = one(facts, "RegulatoryDecisionExpected")
    assert (decision.region, str(decision.expected_by)) == ("JP", "2022-06-30")
    assert only(facts, "ApprovalGranted") == []


@pytest.mark.parametrize("sentence", [
    "Japan's Ministry of Health, Labour and Welfare has granted approval for ketrolimab.",
    "Japan's Ministry of Health, Labor and Welfare has approved ketrolimab for adults with gout.",
    "The Medicines and Healthcare products Regulatory Agency has granted marketing authorisation for ketrolimab.",
])
def test_the_and_inside_a_regulators_name_ends_no_clause_before_its_approval(sentence):
    approval = one(facts_of(sentence), "ApprovalGranted")
    assert (approval.compound, approval.region) == ("ketrolimab", "JP" if "Japan" in sentence else "UK")
    assert approval.confidence >= 0.5


@pytest.mark.parametrize(("sentence", "region", "agency"), [
    ("A regulatory decision in Japan on ketrolimab is expected in 2024.", "JP", "MHLW"),
    ("Brightwater Bio expects an EU regulatory decision on ketrolimab in the second half of 2024.", "EU", "EC"),
])
def test_a_decision_told_of_a_region_is_expected_of_its_approving_regulator(sentence, region, agency):
    decision = one(facts_of(sentence), "RegulatoryDecisionExpected")
    assert (decision.compound, decision.region, decision.agency, decision.expected_by) == ("ketrolimab", region, agency, date(2024, 12, 31))


def test_an_abbreviations_full_stops_keep_a_decision_and_its_expectation_in_one_clause():
    decision = one(facts_of("A decision on ketrolimab in the U.S. is anticipated by mid-2024."), "RegulatoryDecisionExpected")
    assert (decision.region, decision.expected_by) == ("US", date(2024, 6, 30))


def test_working_to_achieve_approval_is_no_approval():
    facts = facts_of("Brightwater Bio is committed to working with the FDA to achieve approval of ketrolimab.")
    assert only(facts, "ApprovalGranted") == []


def test_looking_forward_to_a_decision_expects_one():
    facts = facts_of("We look forward to a decision from the FDA on ketrolimab in late June.", date(2018, 5, 16))
    decision = one(facts, "RegulatoryDecisionExpected")
    assert (decision.region, decision.expected_by) == ("US", date(2018, 6, 30))


def test_our_pdufa_date_is_a_decision_expected_not_a_business_decision_of_ours():
    facts = facts_of("As we approach our April 29 PDUFA date for ketrolimab, we are preparing for its launch.", date(2021, 4, 14))
    decision = one(facts, "RegulatoryDecisionExpected")
    assert (decision.region, decision.expected_by) == ("US", date(2021, 4, 29))


def test_being_told_a_pdufa_date_expects_no_decision():
    facts = facts_of("The FDA is expected to inform Brightwater of the PDUFA date for ketrolimab by the end of August.", date(2015, 8, 17))
    assert only(facts, "RegulatoryDecisionExpected") == []


def test_filings_planned_for_two_products_listed_together_are_a_plan_each():
    facts = facts_of("Nordlys is targeting Canadian NDS filings for ketrolimab and velotamab later this year.", date(2017, 8, 8))
    plans = only(facts, "SubmissionExpected")
    assert sorted((p.compound, p.region, str(p.expected_by)) for p in plans) == [
        ("ketrolimab", "CA", "2017-12-31"), ("velotamab", "CA", "2017-12-31")]


def test_planning_to_initiate_a_registration_filing_in_a_country_is_a_filing_expected_there():
    facts = facts_of("Nordlys is now planning to initiate the registration filing in Canada for ketrolimab following its MAA submission.")
    assert one(facts, "SubmissionExpected").region == "CA"


def test_a_japanese_council_recommending_approval_is_a_positive_japanese_opinion():
    facts = facts_of("Ketrolimab was recommended for approval by the Pharmaceutical Affairs and Food Sanitation Council (PAFSC).")
    opinion = one(facts, "RegulatoryOpinionIssued")
    assert (opinion.compound, opinion.region, opinion.opinion) == ("ketrolimab", "JP", "positive")


def test_a_plan_to_refile_before_the_end_of_the_year_is_a_filing_expected_by_december_31():
    facts = facts_of("Nordlys will refile the NDA for ketrolimab with the FDA before end of year.", date(2013, 8, 29))
    expected = one(facts, "SubmissionExpected")
    assert (expected.region, str(expected.expected_by)) == ("US", "2013-12-31")


def test_approvals_by_two_regulators_each_with_its_month_are_dated_each_by_its_own():
    facts = facts_of("Velmora (trazimab) was approved by Swissmedic in June 2023 and by Australia's Therapeutic Goods Administration "
                     "(TGA) in August 2023.", date(2024, 1, 10))
    assert sorted((f.region, str(f.occurred_on)) for f in only(facts, "ApprovalGranted")) == [("AU", "2023-08"), ("CH", "2023-06")]


def test_a_decision_date_stamped_on_the_page_is_no_decision_expected_then():
    facts = facts_of("28.08.2013 12:30:12 | Nordlys Receives FDA Notification Of Ketrolimab PDUFA Date Extension", date(2013, 8, 28))
    assert [f.expected_by for f in only(facts, "RegulatoryDecisionExpected")] == [None]


def test_a_designation_granted_for_an_indication_is_no_approval():
    facts = facts_of("The FDA has granted Fast Track designation for the indication of lupus nephritis to Velmora (trazimab).")
    assert only(facts, "ApprovalGranted") == []


def test_a_regulator_granting_a_product_an_expanded_indication_approves_it():
    facts = facts_of("Health Canada granted Velmora (trazimab) an expanded indication for adolescents.")
    assert one(facts, "ApprovalGranted").region == "CA"

