"""A line's life: contingent, condition met, confirmed, invoiced, paid; or lapsed, or written off."""
from datetime import date, timedelta
from decimal import Decimal

from ledger_facts import M5, book, entered, kadcyla_2013_09_20, read

from tracker.dates import PartialDate
from tracker.domain import facts as f

EU_APPROVED = date(2013, 11, 15)
REPORTED = date(2013, 11, 18)


def _eu_approval() -> f.Fact:
    return f.ApprovalGranted(compound="Kadcyla", agency="EC", region="EU", occurred_on=PartialDate.day(EU_APPROVED),
                             quote="The European Commission has approved Kadcyla.")


def _with_eu_approval():
    history = kadcyla_2013_09_20()
    approval = read(f.ApprovalGranted, REPORTED, release="eu", **_eu_approval().model_dump(exclude={"type"}))
    return history, approval


def _eu(history, as_of):
    return next(ln for ln in book(history, as_of).lines if ln.territory == "EU")


def test_a_later_eu_approval_meets_the_condition_and_the_line_awaits_confirmation_dated_from_the_approval():
    history, approval = _with_eu_approval()
    eu = _eu(history + [approval], date(2013, 11, 30))
    assert (eu.status, eu.condition_met_by, eu.triggered_on, eu.due_on, eu.outstanding) == (
        "condition met", approval.id, EU_APPROVED, EU_APPROVED + timedelta(days=30), M5)
    assert [s.what for s in eu.history] == ["anticipated", "condition met"]


def test_an_approval_elsewhere_or_of_another_compound_meets_nothing():
    history = kadcyla_2013_09_20() + [
        read(f.ApprovalGranted, REPORTED, release="us", compound="Kadcyla", region="US"),
        read(f.ApprovalGranted, REPORTED, release="x", compound="Otherumab", region="EU"),
    ]
    assert _eu(history, date(2013, 11, 30)).status == "contingent"


def test_a_confirmation_by_a_person_earns_the_line_on_the_day_of_the_approval():
    history, approval = _with_eu_approval()
    eu_id = _eu(history + [approval], REPORTED).id
    confirm = entered(f.MilestoneConfirmed(line_id=eu_id, evidence=approval.id), date(2013, 11, 20),
                      reason="Roche's notice of the EC decision")
    eu = _eu(history + [approval, confirm], date(2013, 11, 30))
    assert (eu.status, eu.triggered_on, eu.due_on) == ("earned", EU_APPROVED, EU_APPROVED + timedelta(days=30))
    assert [(s.on, s.what, s.event, s.source, s.quote) for s in eu.history][1:] == [
        (REPORTED, "condition met", approval.id, "eu.txt", "The European Commission has approved Kadcyla."),
        (date(2013, 11, 20), "confirmed", confirm.id, "entered by ana", "Roche's notice of the EC decision"),
    ]


def test_invoice_then_part_payment_then_the_rest_moves_the_line_to_received():
    history = kadcyla_2013_09_20()
    japan = book(history, date(2013, 9, 30)).lines[0]
    invoice = entered(f.InvoiceIssued(line_id=japan.id, amount=M5, currency="USD", due_on=date(2013, 11, 1)),
                      date(2013, 10, 1))
    part = entered(f.MilestoneReceived(line_id=japan.id, amount=Decimal(2_000_000), currency="USD"), date(2013, 11, 4))
    rest = entered(f.MilestoneReceived(line_id=japan.id, amount=Decimal(3_000_000), currency="USD"), date(2013, 12, 2))
    history += [invoice, part, rest]
    states = [(ln.status, ln.paid, ln.outstanding, ln.due_on) for day in
              (date(2013, 9, 30), date(2013, 10, 15), date(2013, 11, 30), date(2013, 12, 31))
              for ln in book(history, day).lines if ln.id == japan.id]
    assert states == [
        ("earned", Decimal(0), M5, date(2013, 10, 20)),
        ("invoiced", Decimal(0), M5, date(2013, 11, 1)),
        ("part paid", Decimal(2_000_000), Decimal(3_000_000), date(2013, 11, 1)),
        ("received", M5, Decimal(0), date(2013, 11, 1)),
    ]


def test_a_contingent_line_lapses_a_year_after_its_expected_date_and_says_so():
    history = kadcyla_2013_09_20()
    assert _eu(history, date(2014, 12, 31)).status == "contingent"
    lapsed = _eu(history, date(2015, 1, 1))
    assert (lapsed.status, lapsed.outstanding) == ("lapsed", Decimal(0))
    assert (lapsed.history[-1].on, lapsed.history[-1].what) == (date(2014, 12, 31), "lapsed")


def test_a_written_off_line_owes_nothing_more():
    history = kadcyla_2013_09_20()
    japan = book(history, date(2013, 9, 30)).lines[0]
    history += [entered(f.MilestoneReceived(line_id=japan.id, amount=Decimal(1_000_000), currency="USD"), date(2013, 10, 10)),
                entered(f.MilestoneWrittenOff(line_id=japan.id), date(2014, 6, 30), reason="settled for less")]
    line = book(history, date(2014, 7, 1)).lines[0]
    assert (line.status, line.paid, line.written_off, line.outstanding) == (
        "written off", Decimal(1_000_000), Decimal(4_000_000), Decimal(0))


def _terms(**fields) -> f.AgreementTermsRecorded:
    return f.AgreementTermsRecorded(**{
        "compound": "T-DM1", "agreement": "roche-tdm1", "payer": "Roche", "payee": "ImmunoGen", "territory": "worldwide",
        "milestones": (f.MilestoneTerm(trigger="Japan approval", amount=M5, currency="USD", kind="regulatory"),
                       f.MilestoneTerm(trigger="EC approval", amount=M5, currency="USD", kind="regulatory"),
                       f.MilestoneTerm(trigger="FDA approval", amount=Decimal(10_500_000), currency="USD")),
        **fields})


def test_terms_name_the_payer_agreement_and_due_date_and_add_schedule_items_no_release_mentions():
    history = kadcyla_2013_09_20() + [
        read(f.CompoundAliasRecorded, date(2013, 9, 20), release="s", compound="Kadcyla", alias="T-DM1", alias_kind="former"),
        entered(_terms(payment_days=45, payment_after="trigger"), date(2013, 1, 1)),
    ]
    lines = book(history, date(2013, 9, 30)).lines
    assert [(ln.territory, ln.status, ln.basis, ln.counterparty, ln.agreement, ln.amount, ln.due_on, ln.terms_assumed)
            for ln in lines] == [
        ("JP", "earned", "reported", "Roche", "roche-tdm1", M5, date(2013, 11, 4), False),
        ("EU", "contingent", "reported", "Roche", "roche-tdm1", M5, None, False),
        ("US", "contingent", "terms", "Roche", "roche-tdm1", Decimal(10_500_000), None, False),
    ]
    assert lines[0].payment_terms == "net 45 days after trigger (agreement roche-tdm1)"


def test_terms_recorded_after_the_as_of_day_are_not_seen():
    history = kadcyla_2013_09_20() + [entered(_terms(payment_days=45), date(2014, 1, 1))]
    japan = book(history, date(2013, 9, 30)).lines[0]
    assert (japan.counterparty, japan.agreement, japan.due_on, japan.terms_assumed) == (
        None, None, date(2013, 10, 20), True)


def test_under_terms_due_after_invoice_an_uninvoiced_line_has_no_due_date_yet():
    history = kadcyla_2013_09_20() + [
        entered(_terms(compound="Kadcyla", payment_days=60, payment_after="invoice"), date(2013, 1, 1))]
    japan = book(history, date(2013, 9, 30)).lines[0]
    invoiced = history + [entered(f.InvoiceIssued(line_id=japan.id, amount=M5, currency="USD"), date(2013, 10, 1))]
    assert japan.due_on is None
    assert book(invoiced, date(2013, 10, 2)).lines[0].due_on == date(2013, 11, 30)
