from datetime import date

from builders import recorded

from projections.history import TimeView
from projections.names import NameBook
from projections.status import compound_status, compound_statuses
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


def test_an_expectation_whose_window_passed_unanswered_stays_marked_overdue():
    assert [(c.what, c.overdue) for c in _status(date(2013, 12, 31)).expected] == [("EC decision (EU)", False)]
    assert [(c.what, c.overdue) for c in _status(date(2014, 1, 1)).expected] == [("EC decision (EU)", True)]


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


def _status_of(history, as_of: date, name: str):
    view = TimeView(as_of=as_of)
    return compound_status(view.select(tuple(history)), NameBook.from_history(history), name, view.horizon)


def test_a_phase_is_superseded_by_a_later_approval_for_the_same_or_a_broader_indication():
    history = (
        recorded(f.DevelopmentStatusReported, D1, compound="T-DM1", phase="II",
                 indication="second-line and first-line treatment of HER2-positive MBC"),
        recorded(f.ApprovalGranted, D2, compound="T-DM1", region="JP",
                 indication="inoperable or recurrent HER2-positive breast cancer"),
    )
    assert [(p.phase, p.indication) for p in _status_of(history, D1, "T-DM1").phases] == [
        ("II", "second-line and first-line treatment of HER2-positive MBC")]
    assert [(p.phase, p.indication) for p in _status_of(history, D2, "T-DM1").phases] == [
        ("approved", "inoperable or recurrent HER2-positive breast cancer")]


def test_a_narrower_approval_leaves_another_programmes_phase_standing_and_a_phase_never_goes_back():
    history = (
        recorded(f.DevelopmentStatusReported, D1, compound="T-DM1", phase="III",
                 indication="previously untreated HER2-positive metastatic breast cancer"),
        recorded(f.ApprovalGranted, D2, compound="T-DM1", region="US",
                 indication="HER2-positive mBC who previously received trastuzumab and a taxane"),
        recorded(f.DevelopmentStatusReported, D3, compound="T-DM1", phase="II",
                 indication="previously untreated HER2-positive metastatic breast cancer"),
    )
    assert [(p.phase, p.indication) for p in _status_of(history, D3, "T-DM1").phases] == [
        ("approved", "HER2-positive mBC who previously received trastuzumab and a taxane"),
        ("III", "previously untreated HER2-positive metastatic breast cancer")]


def test_a_phase_with_no_indication_is_a_row_only_where_it_is_higher_than_every_known_one():
    known = recorded(f.DevelopmentStatusReported, D1, compound="T-DM1", phase="II", indication="HER2-positive MBC")
    unstated_lower = recorded(f.DevelopmentStatusReported, D1, compound="T-DM1", phase="I")
    unstated_higher = recorded(f.DevelopmentStatusReported, D2, compound="T-DM1", phase="III")
    assert [(p.phase, p.indication) for p in _status_of((known, unstated_lower), D2, "T-DM1").phases] == [
        ("II", "HER2-positive MBC")]
    assert [(p.phase, p.indication) for p in _status_of((known, unstated_lower, unstated_higher), D2, "T-DM1").phases] == [
        ("III", None), ("II", "HER2-positive MBC")]
    assert [(p.phase, p.indication) for p in _status_of((unstated_lower,), D2, "T-DM1").phases] == [("I", None)]


def test_an_unnamed_trial_a_sentence_points_back_at_is_the_trial_just_before_it_in_the_release():
    history = (
        recorded(f.TopLineReported, D1, compound="T-DM1", phase="II", outcome="positive", endpoint="PFS",
                 quote="T-DM1 Significantly Improved Progression-Free Survival in Randomized Phase II Trial"),
        recorded(f.TrialDesignReported, D1, compound="T-DM1", enrollment=137,
                 quote="The detailed findings from this randomized, 137-patient trial are being submitted."),
        recorded(f.TrialStarted, D1, compound="T-DM1", phase="II", occurred_on="2010-H2",
                 quote="A Phase II trial evaluating the safety of T-DM1 in the neoadjuvant/adjuvant setting began in late 2010."),
    )
    trials = _status_of(history, D1, "T-DM1").trials
    assert [(t.phase, t.enrollment, [r.outcome for r in t.readouts], t.started) for t in trials] == [
        ("II", 137, ["positive"], None), ("II", None, [], "2010-H2")]


def test_a_readout_is_dated_as_the_text_dates_it_and_says_so_when_it_does_not():
    history = (
        recorded(f.TopLineReported, D2, compound="T-DM1", trial="EMILIA", outcome="positive", occurred_on="2012-06"),
        recorded(f.TopLineReported, D3, compound="T-DM1", trial="MARIANNE", outcome="non_inferior"),
    )
    trials = _status_of(history, D3, "T-DM1").trials
    assert [(t.name, [r.when for r in t.readouts]) for t in trials] == [
        ("EMILIA", ["2012-06"]), ("MARIANNE", ["reported 2014-12-19, date not stated"])]


def test_a_platform_has_no_phase_of_its_own_whatever_trials_of_partners_products_using_it_report():
    history = (
        recorded(f.CompoundAliasRecorded, D1, compound="rHuPH20", alias="Enhanze Technology", alias_kind="brand"),
        recorded(f.TrialStarted, D1, compound="rHuPH20", phase="I"),
    )
    status = _status_of(history, D1, "rHuPH20")
    assert (status.platform, status.highest_phase, status.phases, len(status.trials)) == (True, None, [], 1)


def test_a_row_a_broader_row_of_the_same_phase_covers_says_nothing_more():
    history = (
        recorded(f.ApprovalGranted, D1, compound="velotuzumab", region="US", indication="HER3-positive gastric cancer"),
        recorded(f.ApprovalGranted, D2, compound="velotuzumab", region="EU",
                 indication="adults with HER3-positive metastatic gastric cancer and for the treatment of adults with "
                            "HER3-positive gastroesophageal junction adenocarcinoma"),
    )
    assert [(p.phase, p.indication) for p in _status_of(history, D2, "velotuzumab").phases] == [
        ("approved", "adults with HER3-positive gastroesophageal junction adenocarcinoma"),
        ("approved", "HER3-positive gastric cancer")]


def test_every_compounds_status_from_one_pass_is_each_compounds_own_status():
    view = TimeView(as_of=D3)
    selected, names = view.select(HISTORY), NameBook.from_history(HISTORY)
    assert compound_statuses(selected, names, D3) == [compound_status(selected, names, "trastuzumab emtansine", D3)]
