"""A compound's regulatory status by region: where each application stands, as the facts in view tell it.

A region moves through submitted, accepted, opinion and approved, or to
declined (a Complete Response Letter, a refusal, a withdrawn application),
and after a decline starts again with a resubmission. Releases repeat
themselves, so a fact of the step a region is already at is a restatement:
it confirms the first report and never moves its date or its source. It may
only make the date more precise where the first report left it vague, and
only within what the first report allows ("earlier this year" in a September
release is some day of that year up to the release; a restatement's own
publication day is not). A step known to have come before the region's
current one is background, kept in the region's history.

An approval for another indication is no restatement: its indication is added
to the region's, the region's date staying its first approval's. Where the
text gives no date for a step, none is made up: the step is "reported
2012-10-31, date not stated".
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import Field

from projections.history import RecordedFact
from projections.indications import indication_terms, split_indications
from projections.sourced import Sourced, cite, said_when
from tracker.dates import PartialDate
from tracker.domain import facts as f

#: How far along its application a region is; a higher step supersedes a lower one.
_RANK = {"submitted": 1, "accepted": 2, "opinion": 3, "declined": 4, "approved": 5}
_DECLINED = {"complete_response": "complete response letter", "refusal": "refusal", "withdrawal": "application withdrawn"}
RegulatoryFact = f.RegulatorySubmission | f.RegulatoryOpinionIssued | f.ApprovalGranted | f.ApprovalDeclined
REGULATORY_FACTS = (f.RegulatorySubmission, f.RegulatoryOpinionIssued, f.ApprovalGranted, f.ApprovalDeclined)


class RegionStatus(Sourced):
    """Where a compound stands in one region; `sources` are the facts of its current step, first report first."""

    region: str
    status: str
    """submitted, accepted, opinion, approved, declined."""
    agency: str | None = None
    opinion: str | None = None
    form: str | None = None
    """For a declined application: complete_response, refusal or withdrawal (None when the text does not say)."""
    approval_type: str | None = None
    """full, accelerated or conditional, as the text says."""
    indications: list[str] = Field(default_factory=list)
    occurred_on: str | None = None
    """When the current step happened, as precisely as a text in view says; None when none says."""
    when: str = ""
    """`occurred_on`, or "reported D, date not stated"."""
    history: list[str] = Field(default_factory=list)
    """The region's other steps, in the order reported, as "2013-09-20 CHMP positive opinion"."""

    @property
    def state(self) -> str:
        """The step in words: "positive opinion", "approved, conditional", "declined: refusal"."""
        if self.status == "opinion" and self.opinion:
            return f"{self.opinion} opinion"
        if self.status == "approved" and self.approval_type and self.approval_type != "full":
            return f"approved, {self.approval_type}"
        if self.status == "declined" and self.form:
            return f"declined: {_DECLINED[self.form]}"
        return self.status


@dataclass
class _Step:
    recorded: RecordedFact
    fact: RegulatoryFact
    kind: str

    @property
    def line(self) -> str:
        fact = self.fact
        if isinstance(fact, f.ApprovalGranted):
            detail = "approval" + (f" ({fact.approval_type})" if fact.approval_type else "")
        elif isinstance(fact, f.RegulatoryOpinionIssued):
            detail = f"{fact.opinion} opinion"
        elif isinstance(fact, f.ApprovalDeclined):
            detail = _DECLINED[fact.form] if fact.form else "declined"
        else:
            detail = f"{fact.application or 'application'} {fact.status}"
        when = said_when(fact.occurred_on, self.recorded.reported_on)
        return f"{when} {fact.agency or 'agency not named'} {detail}"

    def known_before(self, other: _Region) -> bool:
        """Whether this step is known to have happened before the region's current step."""
        if self.fact.occurred_on is None:
            return False
        start = other.date.first_day if other.date else other.first.recorded.reported_on
        return self.fact.occurred_on.last_day < start


def _step(recorded: RecordedFact) -> _Step | None:
    fact = recorded.fact
    if isinstance(fact, f.ApprovalGranted):
        return _Step(recorded, fact, "approved")
    if isinstance(fact, f.ApprovalDeclined):
        return _Step(recorded, fact, "declined")
    if isinstance(fact, f.RegulatoryOpinionIssued):
        return _Step(recorded, fact, "opinion")
    if isinstance(fact, f.RegulatorySubmission):
        return _Step(recorded, fact, fact.status)
    return None


@dataclass
class _Region:
    """A region while the facts are read: its current step, and the date it is known by."""

    first: _Step
    status: RegionStatus
    date: PartialDate | None = None

    def restates(self, step: _Step) -> bool:
        if step.kind != self.first.kind:
            return False
        if isinstance(step.fact, f.RegulatoryOpinionIssued) and isinstance(self.first.fact, f.RegulatoryOpinionIssued):
            return step.fact.opinion == self.first.fact.opinion
        return True

    def confirm(self, step: _Step) -> None:
        """A restatement of the current step: its source is added, its date only where it makes the date more precise."""
        entry, fact = self.status, step.fact
        if step.recorded.id not in entry.sources:
            entry.sources.append(step.recorded.id)
        if _refines(fact.occurred_on, self.date, self.first.recorded.reported_on):
            self.date = fact.occurred_on
            entry.occurred_on = entry.when = str(fact.occurred_on)
        if isinstance(fact, f.ApprovalGranted):
            entry.approval_type = fact.approval_type or entry.approval_type
            added = [i for i in split_indications(fact.indication) if not _among(i, entry.indications)]
            if added:
                entry.indications += added
                entry.history.append(step.line)
        entry.agency = entry.agency or fact.agency


def _refines(new: PartialDate | None, known: PartialDate | None, reported_by: date) -> bool:
    """Whether date `new` says more precisely when a step happened that was known as `known` and first reported
    on `reported_by`: it lies within what is known, and the step cannot have happened after it was reported."""
    if new is None or new.last_day > reported_by:
        return False
    if known is None:
        return True
    return known.first_day <= new.first_day and new.last_day <= known.last_day \
        and (new.last_day - new.first_day) < (known.last_day - known.first_day)


def _among(indication: str, indications: list[str]) -> bool:
    terms = indication_terms(indication)
    return any(indication_terms(known) == terms for known in indications)


def _new_region(step: _Step, history: list[str]) -> _Region:
    fact = step.fact
    entry = RegionStatus(
        region=fact.region or "?", status=step.kind, agency=fact.agency,
        opinion=fact.opinion if isinstance(fact, f.RegulatoryOpinionIssued) else None,
        form=fact.form if isinstance(fact, f.ApprovalDeclined) else None,
        approval_type=fact.approval_type if isinstance(fact, f.ApprovalGranted) else None,
        indications=split_indications(fact.indication),
        occurred_on=str(fact.occurred_on) if fact.occurred_on else None,
        when=said_when(fact.occurred_on, step.recorded.reported_on), history=history, **cite(step.recorded))
    return _Region(step, entry, fact.occurred_on)


def region_statuses(mine: list[RecordedFact]) -> list[RegionStatus]:
    """Each region's status from a compound's facts in view (in export order), regions in code order."""
    regions: dict[str, _Region] = {}
    for recorded in mine:
        step = _step(recorded)
        if step is None:
            continue
        key = step.fact.region or "?"
        region = regions.get(key)
        if region is None:
            regions[key] = _new_region(step, [])
        elif region.restates(step):
            region.confirm(step)
        elif _moves(region, step):
            regions[key] = _new_region(step, region.status.history + [region.first.line])
        else:
            region.status.history.append(step.line)
    return sorted((r.status for r in regions.values()), key=lambda r: r.region)


def _moves(region: _Region, step: _Step) -> bool:
    """Whether a step that is no restatement becomes the region's current one."""
    current = region.first.kind
    if _RANK[step.kind] > _RANK[current]:
        return True
    if isinstance(step.fact, f.RegulatoryOpinionIssued) and current == "opinion":
        return not step.known_before(region)  # a re-examination
    return current == "declined" and not step.known_before(region)  # a resubmission after a decline
