"""A compound's status as the facts in view tell it.

Names and aliases, partners, phase by indication and the highest phase,
regulatory status by region (`projections.regulatory`), trials with their
design and readouts, and the catalysts expected (`projections.catalysts`).
Every value keeps the ids of the facts behind it, so it can be explained.

An indication's phase is superseded by a later phase or approval for the same
or a broader indication (`projections.indications`); a phase reported with no
indication is shown as a row of its own only where it says more than the
known indications do (a higher phase). A name group that releases call a
technology or platform is no compound: it has no phase of its own, whatever
trials of partners' products using it report.
"""
from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, Field

from projections.catalysts import Catalyst, expected_catalysts, is_overdue, is_past
from projections.history import RecordedFact
from projections.indications import covers, indication_terms, split_indications
from projections.names import NameBook, displayed_kind
from projections.regulatory import RegionStatus, region_statuses
from projections.sourced import Sourced, cite, said_when
from tracker.domain import facts as f

__all__ = ["PHASE_ORDER", "Alias", "Catalyst", "CompoundStatus", "Partner", "PhaseEntry", "Readout", "RegionStatus",
           "Sourced", "Trial", "affiliations", "compound_status", "compound_statuses"]

PHASE_ORDER = ("preclinical", "I", "I/II", "II", "II/III", "III", "filed", "approved")
_PLATFORM = re.compile(r"\b(?:technology|technologies|platform)\b", re.I)
#: A sentence that points back at a trial already named in its release ("this randomized, 137-patient trial").
_TRIAL_NOUN = re.compile(r"\b(?:trial|study)\b", re.I)
_DETERMINER = re.compile(r"\b(this|that|these|the|such|said|a|an)\b", re.I)


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


class Readout(Sourced):
    outcome: str
    endpoint: str | None = None
    occurred_on: str | None = None
    """When the readout happened, as precisely as the text says; None when it does not say."""
    when: str = ""
    """`occurred_on`, or "reported D, date not stated"."""


class Trial(Sourced):
    name: str | None
    phase: str | None = None
    indication: str | None = None
    registry_ids: list[str] = Field(default_factory=list)
    enrollment: int | None = None
    arms: list[str] = Field(default_factory=list)
    primary_endpoint: str | None = None
    started: str | None = None
    """When it started: its date as precise as the text says, or "reported D, date not stated"."""
    readouts: list[Readout] = Field(default_factory=list)
    presentations: list[str] = Field(default_factory=list)


class CompoundStatus(BaseModel):
    name: str
    """The canonical name, among those published by the view's day."""
    as_of: date
    platform: bool = False
    """The releases call it a technology or platform: it has no phase of its own."""
    aliases: list[Alias] = Field(default_factory=list)
    partners: list[Partner] = Field(default_factory=list)
    phases: list[PhaseEntry] = Field(default_factory=list)
    highest_phase: str | None = None
    regulatory: list[RegionStatus] = Field(default_factory=list)
    trials: list[Trial] = Field(default_factory=list)
    expected: list[Catalyst] = Field(default_factory=list)
    """Catalysts not yet answered: ahead, or overdue (their window closed unanswered)."""
    events: int = 0


def _phase_rank(phase: str | None) -> int:
    return PHASE_ORDER.index(phase) if phase in PHASE_ORDER else -1


def compound_status(history: tuple[RecordedFact, ...], names: NameBook, name: str, horizon: date) -> CompoundStatus:
    """The status of compound `name` (canonical) from the facts in view, standing on `horizon`."""
    mine = [r for r in history if names.canonical(r.fact.compound) == name]
    return _status(name, mine, affiliations(history), horizon)


def compound_statuses(history: tuple[RecordedFact, ...], names: NameBook, horizon: date) -> list[CompoundStatus]:
    """The status of every compound the facts in view name, in name order: the facts read once, not once a compound."""
    by_compound: dict[str, list[RecordedFact]] = {}
    for recorded in history:
        name = names.canonical(recorded.fact.compound)
        if name:
            by_compound.setdefault(name, []).append(recorded)
    groups = affiliations(history)
    return [_status(name, by_compound[name], groups, horizon) for name in sorted(by_compound, key=str.lower)]


def restated_on(status: CompoundStatus, horizon: date) -> CompoundStatus:
    """The same status standing on another day, from the same facts: the day it is as of, and which expected
    catalysts are overdue or, for a presentation whose day has passed, gone, are all of it that depends on the day
    (`_status`, `catalysts._catalyst`)."""
    expected = [c.model_copy(update={"overdue": is_overdue(c.kind, c.expected_by, horizon)})
                for c in status.expected if not is_past(c.kind, c.expected_by, horizon)]
    return status.model_copy(update={"as_of": horizon, "expected": expected})


def _status(name: str, mine: list[RecordedFact], groups: dict[str, str], horizon: date) -> CompoundStatus:
    status = CompoundStatus(name=name, as_of=horizon, events=len(mine))
    _aliases(status, mine)
    _partners(status, mine, groups)
    status.platform = any(_PLATFORM.search(n) for n in [name, *(a.name for a in status.aliases)])
    if not status.platform:
        _phases(status, mine)
    status.regulatory = region_statuses(mine)
    _trials(status, mine)
    status.expected = expected_catalysts(mine, horizon)
    return status


def _aliases(status: CompoundStatus, mine: list[RecordedFact]) -> None:
    """The names in view: those alias facts state, and those the facts in view use."""
    seen: dict[str, Alias] = {}

    def note(name: str | None, kind: str | None, recorded: RecordedFact, stated: bool) -> None:
        if not name or name.lower().replace("®", "") == status.name.lower():
            return
        entry = seen.setdefault(name.lower(), Alias(name=name.replace("®", "").replace("™", ""), kind=kind))
        entry.kind = entry.kind or kind
        entry.reported_on = entry.reported_on or recorded.reported_on
        if stated and recorded.id not in entry.sources:
            entry.sources.append(recorded.id)

    for recorded in mine:
        fact = recorded.fact
        if isinstance(fact, f.CompoundAliasRecorded):
            note(fact.alias, fact.alias_kind, recorded, stated=True)
        note(fact.compound, None, recorded, stated=isinstance(fact, f.CompoundAliasRecorded))
    for alias in seen.values():
        alias.kind = displayed_kind(alias.name, alias.kind)
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
            entry = partners.setdefault(group, Partner(name=group, **cite(recorded)))
            entry.role = fact.role or entry.role
            entry.territory = fact.territory or entry.territory
            if fact.partner != group and fact.partner not in entry.through:
                entry.through.append(fact.partner)
            if recorded.id not in entry.sources:
                entry.sources.append(recorded.id)
    status.partners = sorted(partners.values(), key=lambda p: p.name.lower())


_PHASE_ROWS = (f.DevelopmentStatusReported, f.ApprovalGranted, f.RegulatorySubmission)


def _phases(status: CompoundStatus, mine: list[RecordedFact]) -> None:
    """Phase per indication: a later report of an equal or higher phase for the same or a broader indication
    supersedes a row; within one indication a phase never goes back; a row a broader one of the same phase
    covers says nothing more."""
    rows: list[tuple[frozenset[str], PhaseEntry]] = []
    highest = None
    for recorded in mine:
        phase = recorded.fact.implied_phase()
        if phase is None:
            continue
        if _phase_rank(phase) > _phase_rank(highest):
            highest = phase
        fact = recorded.fact
        if not isinstance(fact, _PHASE_ROWS):
            continue
        indications: list[str | None] = [*split_indications(fact.indication)] or [None]
        for indication in indications:
            terms = indication_terms(indication)
            if any(known == terms and _phase_rank(row.phase) > _phase_rank(phase) for known, row in rows):
                continue
            rows = [(known, row) for known, row in rows
                    if not (_phase_rank(phase) >= _phase_rank(row.phase) and (known == terms or covers(terms, known)))]
            rows.append((terms, PhaseEntry(indication=indication, phase=phase, **cite(recorded))))
    rows = [(terms, row) for terms, row in rows if not any(
        other.phase == row.phase and known != terms and covers(known, terms) for known, other in rows)]
    known_top = max((_phase_rank(row.phase) for terms, row in rows if terms), default=None)
    shown = [row for terms, row in rows if terms or known_top is None or _phase_rank(row.phase) > known_top]
    status.phases = sorted(shown, key=lambda p: (p.indication or "").lower())
    status.highest_phase = highest


def _refers_back(quote: str) -> bool:
    """Whether a sentence names its trial by pointing back ("this randomized, 137-patient trial")."""
    noun = _TRIAL_NOUN.search(quote)
    if noun is None:
        return False
    before = quote[max(0, noun.start() - 60):noun.start()]
    determiners = _DETERMINER.findall(before)
    return bool(determiners) and determiners[-1].lower() not in ("a", "an")


def _trial_key(recorded: RecordedFact, trial: str | None, phase: str | None, trials: dict[str, Trial],
               unnamed: list[tuple[RecordedFact, str]]) -> str:
    """The key of the trial a fact is about: its name; for an unnamed trial, the unnamed trial just before it in
    the same release when the sentence points back at it, else a trial of its own."""
    if trial:
        return trial.upper()
    if recorded.release is not None and _refers_back(recorded.fact.quote):
        for earlier, key in reversed(unnamed):
            known = trials[key].phase
            if earlier.release is not None and earlier.release.id == recorded.release.id \
                    and (known is None or phase is None or known == phase):
                return key
    key = f"{type(recorded.fact).__name__}:{recorded.id}"
    unnamed.append((recorded, key))
    return key


def _trials(status: CompoundStatus, mine: list[RecordedFact]) -> None:
    trials: dict[str, Trial] = {}
    unnamed: list[tuple[RecordedFact, str]] = []
    for recorded in mine:
        fact = recorded.fact
        if not isinstance(fact, (f.TrialStarted, f.TrialDesignReported, f.TopLineReported, f.DataPresented)):
            continue
        if isinstance(fact, f.DataPresented) and not fact.trial:
            continue
        key = _trial_key(recorded, fact.trial, fact.phase, trials, unnamed)
        trial = trials.setdefault(key, Trial(name=fact.trial, **cite(recorded)))
        if recorded.id not in trial.sources:
            trial.sources.append(recorded.id)
        trial.phase = fact.phase or trial.phase
        if isinstance(fact, (f.TrialStarted, f.TopLineReported)):
            trial.indication = fact.indication or trial.indication
        if isinstance(fact, f.TrialStarted):
            trial.started = said_when(fact.occurred_on, recorded.reported_on)
        elif isinstance(fact, f.TrialDesignReported):
            trial.registry_ids = sorted(set(trial.registry_ids) | set(fact.registry_ids))
            trial.enrollment = fact.enrollment or trial.enrollment
            trial.arms = list(fact.arms or trial.arms)
            trial.primary_endpoint = fact.primary_endpoint or trial.primary_endpoint
        elif isinstance(fact, f.TopLineReported):
            trial.readouts.append(Readout(outcome=fact.outcome, endpoint=fact.endpoint,
                                          occurred_on=str(fact.occurred_on) if fact.occurred_on else None,
                                          when=said_when(fact.occurred_on, recorded.reported_on), **cite(recorded)))
        elif isinstance(fact, f.DataPresented):
            trial.presentations.append(" ".join(x for x in (fact.conference, fact.abstract and f"abstract {fact.abstract}",
                                                            fact.upcoming and f"(expected by {fact.expected_by})") if x))
    status.trials = sorted(trials.values(), key=lambda t: (t.name is None, (t.name or "").lower(), t.reported_on or date.min))
