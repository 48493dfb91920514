"""One milestone, one line: mentions across and within releases are reconciled, never double-counted."""
import hashlib
from datetime import date
from decimal import Decimal

from ledger_facts import M5, book, entered, kadcyla_2013_09_20, read

from projections.ledger import line_id
from projections.triggers import Trigger, read_trigger
from tracker.domain import facts as f

SEPT_30 = date(2013, 9, 30)


def _summary(lines):
    return [(ln.territory, ln.status, ln.amount, ln.currency, ln.triggered_on, ln.expected_by) for ln in lines]


def test_the_seed_makes_one_earned_japan_line_and_one_contingent_eu_line():
    lines = book(kadcyla_2013_09_20(), SEPT_30).lines
    assert _summary(lines) == [
        ("JP", "earned", M5, "USD", date(2013, 9, 20), None),
        ("EU", "contingent", M5, "USD", None, date(2013, 12, 31)),
    ]


def test_a_milestone_restated_in_the_body_of_a_release_is_the_line_of_its_first_mention():
    history = kadcyla_2013_09_20()
    japan = book(history, SEPT_30).lines[0]
    assert japan.sources == [history[2].id, history[6].id, history[5].id]
    assert japan.id == line_id(history[2].id) == "L-" + hashlib.sha256(history[2].id.encode()).hexdigest()[:8]
    assert [step.what for step in japan.history] == ["earned", "restated", "trigger event"]


def test_the_region_of_this_event_triggers_comes_from_the_sentence_before_it():
    history = kadcyla_2013_09_20()
    without_the_bullet = [r for r in history if r is not history[2]]
    (japan,) = [ln for ln in book(without_the_bullet, SEPT_30).lines if ln.status == "earned"]
    assert (japan.territory, japan.sources) == ("JP", [history[6].id, history[5].id])


def test_an_anticipated_milestone_triggered_by_a_later_release_is_one_line_earned_on_the_later_date():
    history = kadcyla_2013_09_20() + [
        read(f.MilestoneTriggered, date(2013, 11, 18), release="eu", compound="trastuzumab emtansine",
             payee="ImmunoGen, Inc.", payer="Roche", amount=M5, currency="USD",
             trigger="European Commission approval of Kadcyla"),
    ]
    lines = book(history, date(2013, 12, 1)).lines
    assert _summary(lines) == [
        ("JP", "earned", M5, "USD", date(2013, 9, 20), None),
        ("EU", "earned", M5, "USD", date(2013, 11, 18), date(2013, 12, 31)),
    ]
    assert (lines[1].id, lines[1].counterparty) == (line_id(history[4].id), "Roche")


def test_a_line_keeps_answering_to_the_id_of_each_of_its_facts():
    history = kadcyla_2013_09_20()
    japan = book(history, SEPT_30).lines[0]
    assert book(history, SEPT_30).find(line_id(history[6].id)) == japan


def test_milestones_of_different_amounts_currencies_or_payees_are_different_lines():
    day = date(2015, 3, 2)
    history = [
        read(f.MilestoneTriggered, day, compound="X", payee="A", amount=M5, currency="USD", trigger="FDA approval"),
        read(f.MilestoneTriggered, day, compound="X", payee="A", amount=M5, currency="EUR", trigger="FDA approval"),
        read(f.MilestoneTriggered, day, compound="X", payee="B", amount=M5, currency="USD", trigger="FDA approval"),
        read(f.MilestoneTriggered, day, compound="X", payee="A", amount=Decimal(6_000_000), currency="USD",
             trigger="FDA approval"),
    ]
    assert len(book(history, day).lines) == 4


def test_a_milestone_received_by_report_settles_the_earned_line_instead_of_adding_one():
    history = kadcyla_2013_09_20() + [
        read(f.MilestoneReceived, date(2013, 11, 5), release="q", compound="Kadcyla", payee="ImmunoGen",
             amount=M5, currency="USD", quote="ImmunoGen received the $5 million milestone for the approval in Japan."),
    ]
    lines = book(history, date(2013, 12, 1)).lines
    assert [(ln.territory, ln.status, ln.paid, ln.outstanding) for ln in lines] == [
        ("JP", "received", M5, Decimal(0)), ("EU", "contingent", Decimal(0), M5)]


def test_an_anticipation_and_a_trigger_in_one_release_stay_two_lines_even_with_no_region_said():
    day = date(2016, 1, 4)
    history = [
        read(f.MilestoneTriggered, day, compound="X", payee="A", amount=M5, currency="USD", trigger="the approval"),
        read(f.MilestoneAnticipated, day, compound="X", payee="A", amount=M5, currency="USD", condition="approval"),
    ]
    assert [ln.status for ln in book(history, day).lines] == ["earned", "contingent"]


def test_trigger_words_give_region_event_and_phase():
    assert read_trigger("The Japanese MHLW has approved Kadcyla") == Trigger("JP", "approval")
    assert read_trigger("An approval decision by the European Commission") == Trigger("EU", "approval")
    assert read_trigger("acceptance of the BLA for review by the FDA") == Trigger("US", "submission")
    assert read_trigger("first patient dosed in a Phase 3 trial") == Trigger(None, "first patient dosed", "III")
    assert read_trigger("initiation of the Phase II study") == Trigger(None, "initiation", "II")
    assert read_trigger("a payment of USD 5 million") == Trigger()
    assert read_trigger("CHMP positive opinion") == Trigger("EU", "opinion")


def test_an_entry_for_a_line_no_longer_in_view_changes_nothing():
    history = kadcyla_2013_09_20() + [
        entered(f.InvoiceIssued(line_id="L-00000000", amount=M5, currency="USD"), date(2013, 9, 25)),
    ]
    assert [ln.status for ln in book(history, SEPT_30).lines] == ["earned", "contingent"]
