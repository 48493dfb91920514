"""Who pays whom, and by when: payer, payee and expected_by of milestones, read from the grammar of payment.

The ledger reconciles milestones across releases by payee, amount, currency and trigger region, and the
receivables report groups them by payer, so these fields must be right even where the scorer does not look.
"""
from datetime import date
from decimal import Decimal

import pytest
from extraction_helpers import facts_of, one, only

_OPENING = "BOSTON, Mass., March 2, 2021 (BUSINESS WIRE) -- Tarrowby Inc. today announced the EC approval of felsotamab. "
_MILESTONES = ("MilestoneTriggered", "MilestoneAnticipated", "MilestoneReceived")


def _milestone(text: str, published: date = date(2021, 3, 2)):
    found = [fact for kind in _MILESTONES for fact in only(facts_of(text, published), kind)]
    assert len(found) == 1, found
    return found[0]


def test_a_party_its_issuer_names_in_full_and_its_partner_names_short_is_one_party_across_releases():
    received = _milestone("BOSTON, Mass., March 2, 2021 (BUSINESS WIRE) -- Corvello Biologics today announced that it has "
                          "received a $10 million milestone payment from Ostrander Therapeutics following the FDA approval "
                          "of felsotamab.")
    triggered = _milestone("BOSTON, Mass., March 2, 2021 (BUSINESS WIRE) -- Corvello Biologics today announced that the FDA "
                           "approval of felsotamab triggers a $10 million milestone payment from Ostrander to Corvello.")
    assert (received.payer, received.payee, triggered.payer, triggered.payee) == (
        "Ostrander", "Corvello", "Ostrander", "Corvello")


def test_a_party_the_release_also_names_by_the_first_words_of_its_name_takes_that_shorter_spelling():
    facts = facts_of("COPENHAGEN, Denmark, March 2, 2021 -- Tessaro Nordic A/S today announced that the first patient "
                     "has been dosed with felsotamab. The dosing triggers a milestone payment of DKK 40 million to Tessaro "
                     "from Quillon. Tessaro Nordic will also receive a DKK 60 million milestone payment from Quillon "
                     "upon approval in Japan.", date(2021, 3, 2))
    triggered, anticipated = one(facts, "MilestoneTriggered"), one(facts, "MilestoneAnticipated")
    assert (triggered.payee, anticipated.payee, triggered.payer, anticipated.payer) == ("Tessaro", "Tessaro", "Quillon", "Quillon")


@pytest.mark.parametrize("sentence, kind, payer, payee", [
    ("Caskmoor will pay Tarrowby a EUR 15 million milestone as a result.", "MilestoneTriggered", "Caskmoor", "Tarrowby"),
    ("Caskmoor will pay Tarrowby EUR 15 million as a milestone payment.", "MilestoneTriggered", "Caskmoor", "Tarrowby"),
    ("Caskmoor paid Tarrowby a $15 million milestone.", "MilestoneReceived", "Caskmoor", "Tarrowby"),
    ("Tarrowby will receive a $15 million milestone payment from Caskmoor.", "MilestoneTriggered", "Caskmoor", "Tarrowby"),
    ("The approval triggers a $15 million payment from Caskmoor to Tarrowby.", "MilestoneTriggered", "Caskmoor", "Tarrowby"),
    ("The approval triggers a $15 million milestone payment to Caskmoor from Tarrowby.", "MilestoneTriggered", "Tarrowby", "Caskmoor"),
    ("Caskmoor owes Tarrowby a $15 million milestone payment.", "MilestoneTriggered", "Caskmoor", "Tarrowby"),
    ("Tarrowby is entitled to receive a $15 million milestone payment from Caskmoor upon approval in Japan.",
     "MilestoneAnticipated", "Caskmoor", "Tarrowby"),
    ("Tarrowby earned a $15 million milestone from Caskmoor.", "MilestoneTriggered", "Caskmoor", "Tarrowby"),
    ("The approval earned Tarrowby a $15 million milestone from Caskmoor.", "MilestoneTriggered", "Caskmoor", "Tarrowby"),
    ("Caskmoor made a $15 million milestone payment to Tarrowby.", "MilestoneReceived", "Caskmoor", "Tarrowby"),
    ("A $15 million milestone payment was paid to Tarrowby by Caskmoor.", "MilestoneReceived", "Caskmoor", "Tarrowby"),
    ("Tarrowby received a $15 million milestone payment from its commercial partner Caskmoor Pharma SA.",
     "MilestoneReceived", "Caskmoor", "Tarrowby"),
    ("Under the agreement under which Tarrowby in-licensed felsotamab from Ellisbrook Bio, Inc., the approval triggers "
     "a $15 million milestone payment from Tarrowby to Ellisbrook.", "MilestoneTriggered", "Tarrowby", "Ellisbrook"),
])
def test_the_grammar_of_payment_says_who_pays_whom(sentence, kind, payer, payee):
    milestone = _milestone(_OPENING + sentence)
    assert (type(milestone).__name__, milestone.payer, milestone.payee, milestone.amount) == (
        kind, payer, payee, Decimal("15000000"))


def test_the_issuer_is_the_payee_only_when_the_sentence_names_no_recipient():
    milestone = _milestone(_OPENING + "The approval triggers a $14 million milestone payment from Caskmoor.")
    assert (milestone.payer, milestone.payee) == ("Caskmoor", "Tarrowby")


def test_an_issuer_that_pays_a_milestone_to_no_named_recipient_is_not_also_its_payee():
    milestone = _milestone("BOSTON, Mass., March 2, 2021 (BUSINESS WIRE) -- Caskmoor AG today announced the EC approval "
                           "of felsotamab. Under the agreement, Caskmoor will pay a EUR 15 million milestone as a result.")
    assert (milestone.payer, milestone.payee, milestone.amount, milestone.currency) == (
        "Caskmoor", None, Decimal("15000000"), "EUR")


def test_a_milestone_upon_an_approval_expected_in_a_half_year_is_expected_by_the_last_day_of_that_half():
    milestone = _milestone(_OPENING + "Caskmoor will pay Tarrowby a $20 million milestone upon approval of felsotamab "
                           "in Japan, expected in the first half of 2022.")
    assert (type(milestone).__name__, milestone.payer, milestone.payee, milestone.condition, milestone.expected_by) == (
        "MilestoneAnticipated", "Caskmoor", "Tarrowby", "approval of felsotamab in Japan", date(2022, 6, 30))


def test_a_milestone_that_would_trigger_upon_an_approval_expected_by_year_end_is_expected_by_december_31():
    milestone = _milestone(_OPENING + "Approval of felsotamab would trigger a $5 million milestone payment to Tarrowby "
                           "upon EC approval, which is expected by year end.")
    assert (milestone.payee, milestone.amount, milestone.condition, milestone.expected_by) == (
        "Tarrowby", Decimal("5000000"), "EC approval", date(2021, 12, 31))


def test_a_milestone_a_partner_expects_in_a_half_year_is_expected_by_the_end_of_that_half():
    milestone = _milestone(_OPENING + "Tarrowby would receive a further US$35 million upon approval in Japan, "
                           "which Caskmoor expects in the second half of 2022.")
    assert (milestone.payee, milestone.amount, milestone.condition, milestone.expected_by) == (
        "Tarrowby", Decimal("35000000"), "MHLW approval", date(2022, 12, 31))  # the approval expected, read in the same sentence


def test_an_expected_decision_in_the_previous_sentence_still_dates_an_approval_milestone():
    milestone = _milestone(_OPENING + "A decision by the European Commission is expected by year end. "
                           "An approval decision would trigger a $5 million milestone payment to Tarrowby.")
    assert (milestone.condition, milestone.expected_by) == ("EC approval", date(2021, 12, 31))


def test_an_expected_decision_in_another_region_does_not_date_a_milestone_upon_approval_in_japan():
    milestone = _milestone(_OPENING + "The FDA has set a PDUFA target action date of September 27, 2021. Tarrowby is "
                           "eligible to receive a milestone payment of ¥3 billion from Caskmoor upon approval in Japan.")
    assert (milestone.payer, milestone.payee, milestone.condition, milestone.expected_by) == (
        "Caskmoor", "Tarrowby", "approval in Japan", None)
