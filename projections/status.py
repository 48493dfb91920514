"""A compound's status as the facts in view tell it.

Names and aliases, partners, phase by indication and the highest phase,
regulatory status by region, trials with their design and readouts, and the
catalysts still expected after the day the view stands on. Every value keeps
the ids of the facts behind it, so it can be explained.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from pydantic import BaseModel, Field

from projections.history import RecordedFact
from projections.names import NameBook
from tracker.domain import facts as f

PHASE_ORDER = ("preclinical", "I", "I/II", "II", "II/III", "III", "filed", "approved")
_REGULATORY_RANK = {"submitted": 1, "accepted": 2, "opinion": 3, "approved": 4}


class Sourced(BaseModel):
    """A value and the facts it was read from."""

    sources: list[str] = Field(default_factory=list)
    reported_on: date | None = None


class Alias(Sourced):
    name: str
    kind: str | None = None


class Partner(Sourced):
    name: str
    role: str | None = None
    territory: str | None = None
    through: list[str] = Field(default_factory=list)
    """Members of the partner's group named as the partner in some release ("Genentech" for Roche)."""


class PhaseEntry(Sourced):
    indication: str | None
    phase: str


class RegionStatus(Sourced):
    region: str
    status: str
    """submitted, accepted, opinion, approved."""
    agency: str | None = None
    opinion: str | None = None
    indication: str | None = None
    occurred_on: str | None = None
    history: list[str] = Field(default_factory=list)
    """Each step, in order, as "2013-09-20 CHMP positive opinion"."""


class Readout(Sourced):
    outcome: str
    endpoint: str | None = None
    occurred_on: str | None = None


class Trial(Sourced):
    name: str | None
    phase: str | None = None
    indication: str | None = None
    registry_ids: list[str] = Field(default_factory=list)
    enrollment: int | None = None
    arms: list[str] = Field(default_factory=list)
    primary_endpoint: str | None = None
    started: str | None = None
    readouts: list[Readout] = Field(default_factory=list)
    presentations: list[str] = Field(default_factory=list)


class Catalyst(Sourced):
    kind: str
    """decision, submission, readout."""
    what: str
    expected_by: date | None
    overdue: bool = False
    """Its window closed before the view's day with nothing in view answering it."""


class CompoundStatus(BaseModel):
    name: str
    as_of: date
    aliases: list[Alias] = Field(default_factory=list)
    partners: list[Partner] = Field(default_factory=list)
    phases: list[PhaseEntry] = Field(default_factory=list)
    highest_phase: str | None = None
    regulatory: list[RegionStatus] = Field(default_factory=list)
    trials: list[Trial] = Field(default_factory=list)
    expected: list[Catalyst] = Field(default_factory=list)
    events: int = 0


def _phase_rank(phase: str | None) -> int:
    return PHASE_ORDER.index(phase) if phase in PHASE_ORDER else -1


def compound_status(history: tuple[RecordedFact, ...], names: NameBook, name: str, horizon: date) -> CompoundStatus:
    """The status of compound `name` (canonical) from the facts in view, standing on `horizon`."""
    mine = [r for r in history if names.canonical(r.fact.compound) == name]
    return _status(name, mine, affiliations(history), horizon)


def compound_statuses(history: tuple[RecordedFact, ...], names: NameBook, horizon: date) -> list[CompoundStatus]:
    """The status of every compound the facts in view name, by name (facts about undisclosed products left out).

    One pass sorts the facts by compound, so the cost grows with the history, not with the history
    times the number of compounds."""
    facts: dict[str, list[RecordedFact]] = defaultdict(list)
    for recorded in history:
        if recorded.fact.compound:
            facts[names.canonical(recorded.fact.compound)].append(recorded)
    groups = affiliations(history)
    return [_status(name, facts[name], groups, horizon) for name in sorted(facts, key=str.lower)]


def _status(name: str, mine: list[RecordedFact], groups: dict[str, str], horizon: date) -> CompoundStatus:
    status = CompoundStatus(name=name, as_of=horizon, events=len(mine))
    _aliases(status, mine)
    _partners(status, mine, groups)
    _phases(status, mine)
    _regulatory(status, mine)
    _trials(status, mine)
    _expected(status, mine, horizon)
    return status


def _cite(recorded: RecordedFact) -> dict:
    return {"sources": [recorded.id], "reported_on": recorded.reported_on}


def _aliases(status: CompoundStatus, mine: list[RecordedFact]) -> None:
    """The names in view: those alias facts state, and those the facts in view use."""
    seen: dict[str, Alias] = {}

    def note(name: str | None, kind: str | None, recorded: RecordedFact, cite: bool) -> None:
        if not name or name.lower().replace("®", "") == status.name.lower():
            return
        entry = seen.setdefault(name.lower(), Alias(name=name.replace("®", "").replace("™", ""), kind=kind))
        entry.kind = entry.kind or kind
        entry.reported_on = entry.reported_on or recorded.reported_on
        if cite and recorded.id not in entry.sources:
            entry.sources.append(recorded.id)

    for recorded in mine:
        fact = recorded.fact
        if isinstance(fact, f.CompoundAliasRecorded):
            note(fact.alias, fact.alias_kind, recorded, cite=True)
        note(fact.compound, None, recorded, cite=isinstance(fact, f.CompoundAliasRecorded))
    status.aliases = sorted(seen.values(), key=lambda a: a.name.lower())


def affiliations(history: tuple[RecordedFact, ...]) -> dict[str, str]:
    """Each company's group, as the releases in view state it (the latest statement wins)."""
    return {r.fact.party: r.fact.parent for r in history if isinstance(r.fact, f.PartyAffiliationRecorded)}


def _group(party: str, groups: dict[str, str]) -> str:
    seen = {party}
    while party in groups and groups[party] not in seen:
        party = groups[party]
        seen.add(party)
    return party


def _partners(status: CompoundStatus, mine: list[RecordedFact], groups: dict[str, str]) -> None:
    """Partners by corporate group: Genentech's deals are Roche's once a release in view says so."""
    partners: dict[str, Partner] = {}
    for recorded in mine:
        fact = recorded.fact
        if isinstance(fact, f.PartnershipRecorded):
            group = _group(fact.partner, groups)
            entry = partners.setdefault(group, Partner(name=group, **_cite(recorded)))
            entry.role = fact.role or entry.role
            entry.territory = fact.territory or entry.territory
            if fact.partner != group and fact.partner not in entry.through:
                entry.through.append(fact.partner)
            if recorded.id not in entry.sources:
                entry.sources.append(recorded.id)
    status.partners = sorted(partners.values(), key=lambda p: p.name.lower())


def _phases(status: CompoundStatus, mine: list[RecordedFact]) -> None:
    """Phase per indication: the latest report wins, since a later release knows better."""
    by_indication: dict[str | None, PhaseEntry] = {}
    highest = None
    for recorded in mine:
        phase = recorded.fact.implied_phase()
        if phase is None:
            continue
        if _phase_rank(phase) > _phase_rank(highest):
            highest = phase
        if isinstance(recorded.fact, (f.DevelopmentStatusReported, f.ApprovalGranted, f.RegulatorySubmission)):
            indication = getattr(recorded.fact, "indication", None)
            by_indication[indication] = PhaseEntry(indication=indication, phase=phase, **_cite(recorded))
    status.phases = sorted(by_indication.values(), key=lambda p: (p.indication or "").lower())
    status.highest_phase = highest


def _regulatory(status: CompoundStatus, mine: list[RecordedFact]) -> None:
    regions: dict[str, RegionStatus] = {}
    for recorded in mine:
        fact = recorded.fact
        if isinstance(fact, f.ApprovalGranted):
            step, agency, detail = "approved", fact.agency, "approval"
        elif isinstance(fact, f.RegulatoryOpinionIssued):
            step, agency, detail = "opinion", fact.agency, f"{fact.opinion} opinion"
        elif isinstance(fact, f.RegulatorySubmission):
            step, agency, detail = fact.status, fact.agency, f"{fact.application or 'application'} {fact.status}"
        else:
            continue
        region = fact.region or "?"
        when = str(fact.occurred_on) if fact.occurred_on else recorded.reported_on.isoformat()
        entry = regions.get(region)
        line = f"{when} {agency or 'agency not named'} {detail}"
        if entry is None:
            entry = regions[region] = RegionStatus(region=region, status=step, agency=agency, **_cite(recorded))
        elif _REGULATORY_RANK[step] >= _REGULATORY_RANK[entry.status]:
            entry.status, entry.agency = step, agency or entry.agency
            entry.reported_on = recorded.reported_on
        else:
            entry.history.append(line)
            entry.sources.append(recorded.id)
            continue
        entry.opinion = fact.opinion if isinstance(fact, f.RegulatoryOpinionIssued) else (None if step == "approved" else entry.opinion)
        entry.indication = fact.indication or entry.indication
        entry.occurred_on = when
        entry.history.append(line)
        if recorded.id not in entry.sources:
            entry.sources.append(recorded.id)
    status.regulatory = sorted(regions.values(), key=lambda r: r.region)


def _trials(status: CompoundStatus, mine: list[RecordedFact]) -> None:
    trials: dict[str, Trial] = {}
    for recorded in mine:
        fact = recorded.fact
        if not isinstance(fact, (f.TrialStarted, f.TrialDesignReported, f.TopLineReported, f.DataPresented)):
            continue
        key = (fact.trial or "").upper() or f"{type(fact).__name__}:{recorded.id}"
        if key.startswith("DataPresented:"):
            continue
        trial = trials.setdefault(key, Trial(name=getattr(fact, "trial", None), **_cite(recorded)))
        if recorded.id not in trial.sources:
            trial.sources.append(recorded.id)
        trial.phase = fact.phase or trial.phase
        if isinstance(fact, (f.TrialStarted, f.TopLineReported)):
            trial.indication = fact.indication or trial.indication
        if isinstance(fact, f.TrialStarted):
            trial.started = str(fact.occurred_on) if fact.occurred_on else recorded.reported_on.isoformat()
        elif isinstance(fact, f.TrialDesignReported):
            trial.registry_ids = sorted(set(trial.registry_ids) | set(fact.registry_ids))
            trial.enrollment = fact.enrollment or trial.enrollment
            trial.arms = list(fact.arms or trial.arms)
            trial.primary_endpoint = fact.primary_endpoint or trial.primary_endpoint
        elif isinstance(fact, f.TopLineReported):
            trial.readouts.append(Readout(outcome=fact.outcome, endpoint=fact.endpoint,
                                          occurred_on=str(fact.occurred_on) if fact.occurred_on else None, **_cite(recorded)))
        elif isinstance(fact, f.DataPresented):
            trial.presentations.append(" ".join(x for x in (fact.conference, fact.abstract and f"abstract {fact.abstract}") if x))
    status.trials = sorted(trials.values(), key=lambda t: (t.name is None, (t.name or "").lower(), t.reported_on or date.min))


def _expected(status: CompoundStatus, mine: list[RecordedFact], horizon: date) -> None:
    """Catalysts whose window has not closed by `horizon` and that no later fact has answered."""
    answered_regions = {
        (r.fact.region, r.reported_on) for r in mine if isinstance(r.fact, f.ApprovalGranted)
    }
    readout_trials = {(r.fact.trial or "").upper(): r.reported_on for r in mine if isinstance(r.fact, f.TopLineReported)}
    catalysts = []
    for recorded in mine:
        fact = recorded.fact
        expected_by = getattr(fact, "expected_by", None)
        if expected_by is not None and expected_by < horizon:
            continue
        if isinstance(fact, f.RegulatoryDecisionExpected):
            if any(region == fact.region and day > recorded.reported_on for region, day in answered_regions):
                continue
            what = f"{fact.agency or 'regulatory'} decision ({fact.region or 'region not named'})"
            catalysts.append(Catalyst(kind="decision", what=what, expected_by=expected_by, **_cite(recorded)))
        elif isinstance(fact, f.SubmissionExpected):
            what = f"{fact.application or 'submission'} to {fact.agency or 'regulators'}" + (f" for {fact.indication}" if fact.indication else "")
            catalysts.append(Catalyst(kind="submission", what=what, expected_by=expected_by, **_cite(recorded)))
        elif isinstance(fact, f.ReadoutExpected):
            answered = readout_trials.get((fact.trial or "").upper())
            if fact.trial and answered and answered > recorded.reported_on:
                continue
            what = f"{fact.trial or 'trial'} data" + (f" in {fact.indication}" if fact.indication else "")
            catalysts.append(Catalyst(kind="readout", what=what, expected_by=expected_by, **_cite(recorded)))
    status.expected = sorted(catalysts, key=lambda c: (c.expected_by or date.max, c.what))
