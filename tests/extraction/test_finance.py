from datetime import date
from decimal import Decimal

import pytest
from extraction_helpers import facts_of, one, only


def test_an_approval_that_triggers_a_payment_is_a_milestone_triggered_by_that_approval():
    facts = facts_of("Nordlys Pharma, Inc. (Nasdaq: NRDL) today announced that the FDA has approved ketrolimab, "
                     "which triggers a $12 million milestone payment to Nordlys.")
    milestone = one(facts, "MilestoneTriggered")
    assert (milestone.compound, milestone.amount, milestone.currency, milestone.payee, milestone.trigger) == (
        "ketrolimab", Decimal("12000000"), "USD", "Nordlys", "US approval")


def test_would_trigger_is_an_anticipated_milestone_due_when_the_expected_decision_is():
    facts = facts_of("Nordlys Pharma, Inc. (Nasdaq: NRDL) reported progress on ketrolimab. "
                     "A decision by the European Commission is expected in the first half of 2021. "
                     "Approval would trigger a €7.5 million milestone payment to Nordlys.", date(2020, 11, 2))
    milestone = one(facts, "MilestoneAnticipated")
    assert (milestone.amount, milestone.currency, milestone.condition, milestone.expected_by) == (
        Decimal("7500000"), "EUR", "EC approval", date(2021, 6, 30))
    assert only(facts, "MilestoneTriggered") == []


def test_paid_upfront_is_a_milestone_received_from_the_payer():
    facts = facts_of("Orbis paid Nordlys Pharmaceuticals a US$20M upfront payment for ketrolimab.")
    received = one(facts, "MilestoneReceived")
    assert (received.payer, received.payee, received.amount, received.currency, received.payment_kind) == (
        "Orbis", "Nordlys", Decimal("20000000"), "USD", "upfront")


def test_eligible_to_receive_milestones_without_a_sum_waits_in_review():
    facts = facts_of("Nordlys is eligible to receive development milestone payments and royalties on ketrolimab.")
    assert [f.confidence < 0.5 for f in only(facts, "MilestoneAnticipated")] == [True]
    assert only(facts, "MilestoneTriggered") == []


def test_a_payment_received_as_a_result_of_an_approval_is_triggered_from_its_payer():
    facts = facts_of("The EC approved ketrolimab. As a result, Nordlys will receive a milestone payment of "
                     "DKK 87 million from Orbis A/S.")
    milestone = one(facts, "MilestoneTriggered")
    assert (milestone.payer, milestone.amount, milestone.currency, milestone.trigger) == (
        "Orbis", Decimal("87000000"), "DKK", "EU approval")


def test_royalty_revenue_for_a_quarter_is_reported_for_that_period():
    facts = facts_of("Nordlys Reports Results for the Third Quarter of 2023\n\n"
                     "Royalty revenue was £3.2m in the third quarter of 2023 compared to £2.9m in the third quarter of 2022.",
                     date(2023, 11, 8))
    royalty = one(facts, "RoyaltyReported")
    assert (royalty.amount, royalty.currency, str(royalty.period)) == (Decimal("3200000"), "GBP", "2023-Q3")


def test_revenue_figures_are_not_milestones():
    facts = facts_of("Total revenue was $231 million and net income was $93 million.")
    assert facts == []


def test_two_marked_capital_words_in_a_row_are_one_product_for_royalties():
    from extraction_helpers import facts_of as read
    facts = read("Gross royalty revenues of $101.3 million from Tamura for the third quarter of 2021 included royalties of $54.1 million "
                 "from global net sales of VELORA®/KESTA® INHALA®, royalties of $11.6 million from global net sales of ORSA® INHALA®.")
    royalties = sorted((f.compound, str(f.amount)) for f in facts if type(f).__name__ == "RoyaltyReported" and f.compound)
    assert royalties == [("ORSA INHALA", "11600000"), ("VELORA/KESTA INHALA", "54100000")]


# Which product a royalty is paid on: sentence(s) in, (compound, amount) out.
ROYALTY_PRODUCTS = [
    # the product sold by a partner, named after the partner and a description
    ("Total revenue was $39.6 million and consisted of royalties of $39.6 million derived from worldwide net sales of Tamura’s "
     "hepatitis C virus (HCV) regimen ZENTRAVO™/ZENTRIVO™.", ("ZENTRAVO", "39600000")),
    # the highlights name no product; the one product the release names in its royalty sentences is the one
    ("Nordlys Reports Second Quarter Results\n\n- Royalty revenue for the quarter was $39.6 million\n\nTotal revenue for the "
     "quarter consisted of royalty revenue derived primarily from net sales of Tamura’s ZENTRAVO™.", ("ZENTRAVO", "39600000")),
]


@pytest.mark.parametrize(("text", "royalty"), ROYALTY_PRODUCTS, ids=[t[:50] for t, _ in ROYALTY_PRODUCTS])
def test_a_royalty_is_of_the_product_whose_sales_pay_it(text: str, royalty: tuple[str, str]):
    facts = facts_of(text)
    assert royalty in {(f.compound, str(f.amount)) for f in only(facts, "RoyaltyReported")}


def test_a_sum_written_before_its_royalty_revenue_is_the_royalty():
    facts = facts_of("Orsolo Bio earned $3.1 million in royalty revenue from Tamura Pharma's sales of velotamab in the second quarter of 2019.",
                     date(2019, 8, 1))
    royalty = one(facts, "RoyaltyReported")
    assert (royalty.amount, royalty.currency, str(royalty.period)) == (Decimal("3100000"), "USD", "2019-Q2")


@pytest.mark.parametrize("terms", [
    "The agreement includes an upfront payment of $10 million, with potential milestone payments totaling up to $300 million.",
    "Orbis will make an upfront payment of $10 million to Nordlys, plus up to $300 million in milestone payments.",
])
def test_a_deals_sums_to_come_are_a_clause_of_their_own_beside_its_upfront_payment(terms):
    facts = facts_of(f"Nordlys Pharma licensed ketrolimab to Orbis. {terms}")
    upfront = one(facts, "MilestoneTriggered")
    anticipated = one(facts, "MilestoneAnticipated")
    assert (upfront.amount, upfront.payment_kind) == (Decimal("10000000"), "upfront")
    assert (anticipated.amount, anticipated.payment_kind) == (Decimal("300000000"), None)


@pytest.mark.parametrize(("terms", "expected"), [
    ("Nordlys is eligible to receive up to $100 million in regulatory milestones and up to $200 million in sales milestones.",
     [("MilestoneAnticipated", "100000000", "USD", None), ("MilestoneAnticipated", "200000000", "USD", None)]),
    ("Nordlys is eligible to receive up to $55 million in development milestones and 8.5 billion yen in commercial milestones.",
     [("MilestoneAnticipated", "55000000", "USD", None), ("MilestoneAnticipated", "8500000000", "JPY", None)]),
    ("Nordlys received $50 million upfront and is eligible for up to $1 billion in milestones.",
     [("MilestoneAnticipated", "1000000000", "USD", None), ("MilestoneReceived", "50000000", "USD", "upfront")]),
])
def test_each_sum_of_a_deals_terms_is_the_payment_its_words_bind_it_to(terms, expected):
    facts = facts_of(f"Nordlys Pharma licensed ketrolimab to Orbis. {terms}")
    found = sorted((type(f).__name__, str(f.amount), f.currency, f.payment_kind) for f in facts if type(f).__name__.startswith("Milestone"))
    assert found == expected


# A milestone told in one clause of a list that names another product in an earlier clause: the payment is of the product
# its own clause names. Sentence in, (compound, amount) of the milestone out.
MILESTONE_CLAUSES = [
    ("Pipeline: Tamura completed enrollment in the Phase 3 RIVET study of velotamab; the MAA for Kestrin's ketrolimab was "
     "accepted for review by the EMA, resulting in a $4 million milestone payment to Orsolo Bio.", ("ketrolimab", Decimal("4000000"))),
    ("Pipeline: Tamura completed enrollment in the Phase 3 RIVET study of velotamab; the MAA for ketrolimab was accepted by "
     "the EMA, triggering a $4 million milestone payment to Orsolo Bio.", ("ketrolimab", Decimal("4000000"))),
    ("The MAA for ketrolimab was accepted for review by the EMA, resulting in a $4 million milestone payment to Orsolo Bio.",
     ("ketrolimab", Decimal("4000000"))),
    ("Tamura dosed the first patient with velotamab, which triggered a $4 million milestone payment to Orsolo Bio.",
     ("velotamab", Decimal("4000000"))),
]


@pytest.mark.parametrize(("sentence", "expected"), MILESTONE_CLAUSES, ids=[s[:60] for s, _ in MILESTONE_CLAUSES])
def test_a_milestone_is_of_the_product_its_own_clause_names(sentence: str, expected: tuple[str, Decimal]):
    milestone = one(facts_of(sentence), "MilestoneTriggered")
    assert (milestone.compound, milestone.amount) == expected


# The rate of a royalty a deal's terms state: sentence in, rate out.
ROYALTY_RATES = [
    ("Under the terms, Orsolo will receive an upfront payment of $1 mln and 9% in royalties on worldwide sales of velotamab by "
     "Tamura Pharma.", "9%"),
    ("Orsolo Bio is also entitled to receive tiered royalties starting in the low double-digits to over 20% of net sales of velotamab.",
     "low double-digits"),
    ("Orsolo Bio will receive royalties on net sales of velotamab at rates in the low double digits.", "low double digits"),
    ("Orsolo Bio will receive tiered royalties ranging from the high single digits to the low teens on net sales of velotamab.",
     "high single digits"),
    # an amendment: the rate the royalty comes to
    ("The royalty rate at which Tamura Pharma will make payments on net sales of velotamab to Orsolo Bio will be reduced from the "
     "high teens to low double digits.", "low double digits"),
]


@pytest.mark.parametrize(("sentence", "rate"), ROYALTY_RATES, ids=[s[:60] for s, _ in ROYALTY_RATES])
def test_a_royalty_rate_is_read_where_the_terms_state_it(sentence: str, rate: str):
    royalty = one(facts_of(sentence), "RoyaltyReported")
    assert (royalty.compound, royalty.rate, royalty.amount) == ("velotamab", rate, None)


def test_a_bulleted_rate_and_the_body_stating_it_again_are_one_royalty():
    facts = facts_of("Orsolo Bio licenses velotamab to Tamura Pharma in Japan\n\n- Royalties ranging from low double-digits to over 20%\n\n"
                     "Orsolo Bio is also entitled to receive tiered royalties starting in the low double-digits to over 20% of net sales.")
    assert one(facts, "RoyaltyReported").rate == "low double-digits"


# The sum of a milestone, and whether a sum is one payment at all: sentence in, (type, amount, currency) of the milestones out.
MILESTONE_SUMS = [
    # the same sum in another currency, in parentheses, is no second sum
    ("Under the contract, Tamura Pharma is scheduled to pay Orsolo Bio 1 million US dollars (approximately 1.4 billion KRW) within "
     "30 days of achieving the milestone for velotamab.", [("MilestoneTriggered", "1000000", "USD")]),
    # royalties and milestones received together are a company's income, not one payment
    ("In the first half of 2025, Orsolo Royalty received $29.6 million in royalties and milestones from its partners, including "
     "$11.7 million during the second quarter.", []),
    # the upfront payment beside a milestone is not the milestone's sum
    ("Excluding this milestone and a $10 million upfront payment from Tamura in the third quarter of 2012, total revenues of "
     "$32.5 million grew 39%.", [("MilestoneTriggered", "10000000", "USD")]),
    # "coupled with future royalties" hedges the royalties, not the milestone the approval triggered
    ("We believe the $15 million milestone payment triggered by approval of velotamab, coupled with future royalties of 20% on "
     "Tamura's net sales, will expedite growth.", [("MilestoneTriggered", "15000000", "USD")]),
]


@pytest.mark.parametrize(("sentence", "expected"), MILESTONE_SUMS, ids=[s[:60] for s, _ in MILESTONE_SUMS])
def test_a_milestone_takes_the_sum_that_is_its_own(sentence: str, expected: list):
    found = sorted((type(f).__name__, str(f.amount), f.currency) for f in facts_of(sentence) if type(f).__name__.startswith("Milestone"))
    assert found == expected


def test_a_regulator_named_after_a_payment_is_not_its_payer():
    facts = facts_of("Orsolo Bio has received a $1 million payment from Tamura Pharma A/S for achieving the milestone of a positive opinion "
                     "on velotamab from the Committee for Medicinal Products for Human Use.")
    assert one(facts, "MilestoneReceived").payer == "Tamura"


# What the words around a milestone make of it: sentence in, the milestone's type out.
MILESTONE_KINDS = [
    ("Orsolo Bio earned a $10 million milestone payment from Tamura Pharma upon FDA acceptance of the NDA for velotamab.", "MilestoneTriggered"),
    ("Orsolo Bio would have earned a $10 million milestone payment upon approval of velotamab.", "MilestoneAnticipated"),
    ("The achievement of this milestone entitles Orsolo Bio to a $10 million payment from Tamura Pharma for velotamab.", "MilestoneTriggered"),
    ("Upon approval, Orsolo Bio will be entitled to a $10 million milestone payment for velotamab.", "MilestoneAnticipated"),
]


@pytest.mark.parametrize(("sentence", "kind"), MILESTONE_KINDS, ids=[s[:60] for s, _ in MILESTONE_KINDS])
def test_the_words_around_a_milestone_decide_whether_it_is_earned_or_to_come(sentence: str, kind: str):
    assert [type(f).__name__ for f in facts_of(sentence) if type(f).__name__.startswith("Milestone")] == [kind]
