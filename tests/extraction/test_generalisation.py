"""Rules made general after the held-out releases in tests/fixtures/unseen/ (invented names only).

Each test reads a sentence written for it; none comes from a release.
"""
from datetime import date

from extraction_helpers import facts_of, one, only

from tracker.extraction.conferences import conferences_in
from tracker.extraction.timing import times_in


# --- time expressions ------------------------------------------------------------------------------
def test_a_comparative_half_year_label_is_read_without_failing():
    expressions = times_in("Royalty income of £9.1 million (H1 2022: £7.0 million) for the period.", date(2023, 9, 1))
    assert [str(t.occurred) for t in expressions] == ["2022-H1"]


def test_a_decision_expected_within_sixty_seven_days_ends_sixty_seven_days_after_publication():
    expression = times_in("A final decision is expected within 67 days.", date(2024, 10, 18))[0]
    assert expression.forward and expression.window_end == date(2024, 12, 24)


# --- names ---------------------------------------------------------------------------------------------
def test_the_city_and_state_of_a_dateline_are_not_a_brand_and_a_capitalised_inn_is_the_compound():
    facts = facts_of("SPRINGFIELD, Ill., June 3, 2022 (BUSINESS WIRE) -- Northgate Bio today announced that the U.S. Food "
                     "and Drug Administration (FDA) has approved Harvolimab for the treatment of adults with lupus.",
                     date(2022, 6, 3))
    approval = one(facts, "ApprovalGranted")
    assert (approval.compound, approval.region) == ("harvolimab", "US")


def test_the_city_of_a_wire_dateline_with_dashes_is_not_a_brand():
    facts = facts_of("EAST LANSING, Mich.--(BUSINESS WIRE)--Apr. 2, 2023--Pellway Inc. today announced that the FDA "
                     "has approved tremovimab for adults with asthma.", date(2023, 4, 2))
    assert {fact.compound for fact in facts} == {"tremovimab"}


def test_newer_who_stems_name_compounds_multispecific_unmodified_and_enzyme_inhibitors():
    for name in ("dorelomig", "kavantug", "selpristat"):
        facts = facts_of(f"The European Commission has approved {name} for the treatment of adults with myelofibrosis.")
        assert one(facts, "ApprovalGranted").compound == name


def test_an_about_section_on_a_marked_brand_does_not_make_the_brand_a_company():
    facts = facts_of("Holloway Bio (Nasdaq: HLWB) today announced that the FDA has approved TENVARO™ (pelzatamab) for "
                     "adults with myeloma.\n\nAbout TENVARO\nTENVARO is an antibody.")
    alias = one(facts, "CompoundAliasRecorded")
    assert (alias.compound, alias.alias, alias.alias_kind) == ("pelzatamab", "TENVARO", "brand")


def test_a_former_code_after_the_inn_in_parentheses_is_a_former_name():
    facts = facts_of("The FDA has approved BREVANT™ (olmazumab), formerly known as KTX-212, for adults with gout.")
    aliases = {(fact.alias, fact.alias_kind) for fact in only(facts, "CompoundAliasRecorded")}
    assert ("KTX-212", "former") in aliases and ("BREVANT", "brand") in aliases


def test_a_short_hyphenated_code_listed_with_the_inn_is_a_code_alias():
    facts = facts_of("The European Commission has approved PARLENZA (dovatuzumab vedotin, QRX-17) for urothelial cancer.")
    aliases = {(fact.alias, fact.alias_kind) for fact in only(facts, "CompoundAliasRecorded")}
    assert ("QRX-17", "code") in aliases


# --- partnerships ----------------------------------------------------------------------------------
def _partners(text: str) -> set[tuple[str, str, str]]:
    return {(f.compound, f.partner, f.role) for f in only(facts_of(text), "PartnershipRecorded")}


def test_a_compound_in_licensed_from_a_company_names_that_company_as_originator():
    assert _partners("Ashby Therapeutics in-licensed corvalimab from Minster Biologics, Inc. in 2020.") == {
        ("corvalimab", "Minster Biologics", "originator")}


def test_rights_licensed_from_a_company_name_it_as_originator():
    assert _partners("Ashby licensed the Canadian rights to corvalimab from Tolland Pharma GmbH in 2021.") == {
        ("corvalimab", "Tolland", "originator")}


def test_a_company_granted_exclusive_rights_is_the_licensee():
    assert _partners("In 2022, Ashby granted Brightwell Pharma exclusive rights to develop corvalimab outside Japan.") == {
        ("corvalimab", "Brightwell", "licensee")}


def test_a_company_that_obtains_worldwide_rights_is_the_licensee():
    assert _partners("Ashby and Orme Pharmaceuticals plc entered into an agreement under which Orme obtains worldwide "
                     "rights to develop ZKT-5521.") >= {("ZKT-5521", "Orme", "licensee")}


def test_a_company_which_holds_rights_is_the_licensee():
    assert _partners("Dunmore Pharma Ltd, which holds exclusive rights to commercialise corvalimab in Europe, paid for it.") == {
        ("corvalimab", "Dunmore", "licensee")}


def test_a_commercialisation_partner_named_before_the_compound_is_a_partner():
    assert _partners("Sales of corvalimab by its commercialisation partner Kelso Medical B.V. grew 10%.") == {
        ("corvalimab", "Kelso Medical", "licensee")}


def test_two_companies_that_entered_into_a_collaboration_are_partners():
    assert _partners("Ashby Therapeutics (Nasdaq: ASHB) today announced progress. Ashby and Glenrock Therapeutics entered "
                     "into a collaboration in 2021 under which Glenrock holds an option on ZKT-5521.") >= {
        ("ZKT-5521", "Glenrock", "collaborator")}


# --- regulatory ----------------------------------------------------------------------------------------
def test_a_regulator_named_between_received_approval_and_the_compound_gives_the_region():
    facts = facts_of("Its partner Tamura Pharma has received approval from Japan's Ministry of Health, Labour and Welfare "
                     "(MHLW) for Velquix (sotinersen) for spinal muscular atrophy.")
    approval = one(facts, "ApprovalGranted")
    assert (approval.compound, approval.agency, approval.region) == ("sotinersen", "MHLW", "JP")


def test_a_supplemental_bla_submitted_without_naming_the_fda_is_a_us_submission():
    facts = facts_of("Ashby also submitted a supplemental Biologics License Application (sBLA) for corvalimab in "
                     "adolescents in January 2021.", date(2021, 3, 1))
    submission = one(facts, "RegulatorySubmission")
    assert (submission.region, submission.application, str(submission.occurred_on)) == ("US", "sBLA", "2021-01")


def test_a_new_drug_application_planned_in_japan_is_expected_in_japan():
    facts = facts_of("Tamura plans to file a New Drug Application for corvalimab in Japan by year end.", date(2025, 5, 1))
    expected = one(facts, "SubmissionExpected")
    assert (expected.region, str(expected.expected_by)) == ("JP", "2025-12-31")


def test_a_decision_expected_takes_its_regulator_from_the_sentence_before():
    facts = facts_of("The CHMP opinion on corvalimab will now be reviewed by the European Commission. "
                     "A final decision is expected within 67 days.", date(2024, 10, 18))
    decision = one(facts, "RegulatoryDecisionExpected")
    assert (decision.agency, decision.region, str(decision.expected_by)) == ("EC", "EU", "2024-12-24")


# --- clinical -------------------------------------------------------------------------------------------
def test_results_called_mixed_are_a_mixed_top_line():
    facts = facts_of("The SPINDLE study of corvalimab read out. The results were mixed: the high dose met the primary "
                     "endpoint, while the low dose did not reach statistical significance.")
    assert one(facts, "TopLineReported").outcome == "mixed"


def test_a_compound_that_entered_a_phase_1_study_started_a_trial():
    facts = facts_of("ZKT-5521, our second antibody, entered a Phase 1 study in healthy volunteers in March 2024.",
                     date(2024, 9, 1))
    started = one(facts, "TrialStarted")
    assert (started.compound, started.phase, str(started.occurred_on)) == ("ZKT-5521", "I", "2024-03")


def test_an_abstract_number_given_after_a_colon_is_read():
    facts = facts_of("Data on corvalimab were presented in a poster at the 2024 ASH Annual Meeting, Abstract: 2210.")
    assert one(facts, "DataPresented").abstract == "2210"


def test_a_society_meeting_named_in_full_with_its_acronym_is_a_conference():
    found = conferences_in("Results were presented at the European Academy of Neuro-Rehab (EANR) Congress in 2021.")
    assert [c.acronym for c in found] == ["EANR"]


# --- money ------------------------------------------------------------------------------------------------
def test_milestone_revenue_is_the_amount_of_the_milestone_received():
    facts = facts_of("Milestone revenue was $12.0 million, reflecting a payment received from Tamura Pharma upon the "
                     "first sale of corvalimab in Japan.")
    received = one(facts, "MilestoneReceived")
    assert (str(received.amount), received.currency, received.payer) == ("12000000", "USD", "Tamura")


def test_a_royalty_on_sales_of_a_named_product_is_about_that_product():
    facts = facts_of("Royalty revenue was $31.5 million for the second quarter of 2024, reflecting sales of VELTRO® "
                     "(corvalimab) by our partner Tamura Pharma.")
    royalty = one(facts, "RoyaltyReported")
    assert (royalty.compound, str(royalty.amount), str(royalty.period)) == ("corvalimab", "31500000", "2024-Q2")


def test_a_comparative_period_label_is_not_the_royalty_period():
    facts = facts_of("Ashby plc reports results for the first six months of 2024. Royalty income of £9.6 million "
                     "(H1 2023: £7.2 million) from sales of VELTRO® (corvalimab).", date(2024, 9, 1))
    royalty = only(facts, "RoyaltyReported")[0]
    assert (str(royalty.amount), str(royalty.period)) == ("9600000", "2024-H1")


def test_a_further_sum_receivable_upon_approval_is_an_anticipated_milestone():
    facts = facts_of("The submission of corvalimab triggered a $5 million milestone payment to Ashby. Ashby would "
                     "receive a further $20 million upon approval in Japan.")
    anticipated = one(facts, "MilestoneAnticipated")
    assert (str(anticipated.amount), anticipated.currency) == ("20000000", "USD")


def test_a_milestone_earned_and_later_received_is_both_triggered_and_received():
    facts = facts_of("In April 2024, net sales of corvalimab passed $1 billion, earning Ashby a $20 million sales "
                     "milestone from Tamura Pharma, which was received in May.", date(2024, 9, 1))
    assert str(one(facts, "MilestoneTriggered").amount) == "20000000"
    assert str(one(facts, "MilestoneReceived").amount) == "20000000"


def test_a_royalty_rate_in_a_sentence_about_a_compound_is_about_that_compound():
    facts = facts_of("Ashby licensed ZKT-5521 to Tamura Pharma. Tamura would also pay Ashby tiered royalties of "
                     "4% to 6% on net sales of ZKT-5521.")
    royalty = one(facts, "RoyaltyReported")
    assert (royalty.compound, royalty.rate) == ("ZKT-5521", "4% to 6%")
