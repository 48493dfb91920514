from datetime import date

from builders import recorded

from projections.history import TimeView
from projections.names import NameBook
from projections.status import compound_status
from tracker.domain import facts as f

D1, D2, D3 = date(2011, 5, 26), date(2013, 9, 20), date(2014, 12, 19)

HISTORY = (
    recorded(f.DevelopmentStatusReported, D1, compound="T-DM1", phase="III", indication="HER2+ MBC"),
    recorded(f.CompoundAliasRecorded, D2, compound="trastuzumab emtansine", alias="Kadcyla", alias_kind="brand"),
    recorded(f.CompoundAliasRecorded, D2, compound="trastuzumab emtansine", alias="T-DM1", alias_kind="former"),
    recorded(f.RegulatoryOpinionIssued, D2, compound="Kadcyla", agency="CHMP", region="EU", opinion="positive"),
    recorded(f.RegulatoryDecisionExpected, D2, compound="Kadcyla", agency="EC", region="EU", expected_by=date(2013, 12, 31)),
    recorded(f.ApprovalGranted, D2, compound="Kadcyla", agency="MHLW", region="JP"),
    recorded(f.ApprovalGranted, D2, compound="Kadcyla", agency="FDA", region="US", occurred_on="2013"),
    recorded(f.PartnershipRecorded, D2, compound="Kadcyla", partner="Roche", role="licensee"),
    recorded(f.TopLineReported, D3, compound="Kadcyla", trial="MARIANNE", phase="III", outcome="non_inferior"),
    recorded(f.TrialDesignReported, D3, compound="Kadcyla", trial="MARIANNE", registry_ids=("NCT01120184", "BO22589"),
             enrollment=1095),
    recorded(f.ReadoutExpected, D3, compound="Kadcyla", trial="GATSBY", expected_by=date(2015, 12, 31)),
)


def _status(as_of: date):
    view = TimeView(as_of=as_of)
    return compound_status(view.select(HISTORY), NameBook.from_history(HISTORY), "trastuzumab emtansine", view.horizon)


def test_before_any_approval_the_compound_is_in_phase_iii_with_no_regulatory_status():
    status = _status(date(2011, 12, 31))
    assert (status.highest_phase, status.regulatory, status.expected) == ("III", [], [])
    assert [a.name for a in status.aliases] == ["T-DM1"]


def test_approvals_opinions_and_expected_decisions_are_mapped_by_region():
    status = _status(date(2013, 9, 30))
    assert status.highest_phase == "approved"
    assert [(r.region, r.status, r.agency, r.opinion) for r in status.regulatory] == [
        ("EU", "opinion", "CHMP", "positive"), ("JP", "approved", "MHLW", None), ("US", "approved", "FDA", None)]
    assert [(c.what, c.expected_by) for c in status.expected] == [("EC decision (EU)", date(2013, 12, 31))]
    assert [(p.name, p.role) for p in status.partners] == [("Roche", "licensee")]


def test_an_expectation_whose_window_has_passed_is_no_longer_ahead():
    assert all(c.kind != "decision" for c in _status(date(2014, 1, 1)).expected)


def test_a_trial_gathers_its_design_and_readouts_under_its_name():
    marianne = next(t for t in _status(date(2014, 12, 31)).trials if t.name == "MARIANNE")
    assert (marianne.registry_ids, marianne.enrollment) == (["BO22589", "NCT01120184"], 1095)
    assert [r.outcome for r in marianne.readouts] == ["non_inferior"]
    assert len(marianne.sources) == 2


def test_every_value_names_the_events_behind_it():
    status = _status(date(2013, 9, 30))
    japan = next(r for r in status.regulatory if r.region == "JP")
    assert japan.sources == [HISTORY[5].id]


def test_a_partner_is_shown_as_its_group_once_a_release_in_view_says_it_belongs_to_one():
    history = (
        recorded(f.PartnershipRecorded, D1, compound="zorbitamab", partner="Kestrel", role="collaborator"),
        recorded(f.PartyAffiliationRecorded, D2, party="Kestrel", parent="Veltrana"),
    )
    names = NameBook.from_history(history)

    def partners(as_of: date):
        view = TimeView(as_of=as_of)
        return [(p.name, p.through) for p in compound_status(view.select(history), names, "zorbitamab", as_of).partners]

    assert partners(D1) == [("Kestrel", [])]
    assert partners(D2) == [("Veltrana", ["Kestrel"])]
