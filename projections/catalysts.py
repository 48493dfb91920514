"""The catalysts a compound's facts expect: submissions, decisions, readouts and presentations, and what answers them.

An expectation stays on the list until a fact in view answers it: a decision
by an approval or a refusal in its region; a submission by a submission, an
opinion or a decision in its region (for the application and indication it
names); a readout by the top-line results of its trial; a presentation still
to come by a presentation made at its meeting (of its abstract or trial, where
both name one). The answer must come after the expectation and not be known to
have happened before it was announced. One whose window closed before the
view's day with no answer is overdue: it stays, marked so, never dropped;
except a presentation, which leaves the list once its day has passed: a
meeting's programme happens whether or not a release says so afterwards. A later expectation of the same
catalyst (new guidance for the same filing, decision or readout) replaces the
earlier one, which stays in its history; one made after the earlier was
answered is a catalyst of its own.
"""
from __future__ import annotations

from datetime import date
from typing import TypeGuard

from pydantic import Field

from projections.history import RecordedFact
from projections.indications import indication_terms, related
from projections.sourced import Sourced, cite
from tracker.domain import facts as f

Expectation = f.RegulatoryDecisionExpected | f.SubmissionExpected | f.ReadoutExpected | f.DataPresented
_EXPECTATIONS = (f.RegulatoryDecisionExpected, f.SubmissionExpected, f.ReadoutExpected)
_DECISIONS = (f.ApprovalGranted, f.ApprovalDeclined)
_PAST_SUBMISSION = (f.RegulatorySubmission, f.RegulatoryOpinionIssued, f.ApprovalGranted, f.ApprovalDeclined)


class Catalyst(Sourced):
    """An expected catalyst; `sources` are the expectation standing now, then those it replaced."""

    kind: str
    """decision, submission, readout, presentation."""
    what: str
    expected_by: date | None
    overdue: bool = False
    """Its window closed before the view's day with nothing in view answering it."""
    history: list[str] = Field(default_factory=list)
    """Earlier guidance for the same catalyst, as "announced 2011-06-15, expected by 2012-12-31"."""


def is_expectation(fact: f.Fact) -> TypeGuard[Expectation]:
    """Whether a fact expects a catalyst: an expectation, or a presentation still to come."""
    return isinstance(fact, _EXPECTATIONS) or isinstance(fact, f.DataPresented) and fact.upcoming


def is_past(kind: str, expected_by: date | None, horizon: date) -> bool:
    """Whether a catalyst has left the list on `horizon` without an answer: a presentation whose day has passed."""
    return kind == "presentation" and expected_by is not None and expected_by < horizon


def is_overdue(kind: str, expected_by: date | None, horizon: date) -> bool:
    """Whether a catalyst still listed on `horizon` is overdue: its window closed with nothing answering it."""
    return kind != "presentation" and expected_by is not None and expected_by < horizon


def _kind(fact: Expectation) -> str:
    if isinstance(fact, f.RegulatoryDecisionExpected):
        return "decision"
    if isinstance(fact, f.DataPresented):
        return "presentation"
    return "submission" if isinstance(fact, f.SubmissionExpected) else "readout"


def _meeting(conference: str | None) -> tuple[str | None, str | None]:
    """A meeting's acronym and its year, where the label gives one ("ASCO 2021": ("ASCO", "2021"))."""
    if not conference:
        return None, None
    words = conference.split()
    year = next((w for w in words if w.isdigit() and len(w) == 4), None)
    return " ".join(w for w in words if w != year).upper(), year


def _agree(expected: str | None, found: str | None) -> bool:
    """Two values that agree where both are given."""
    return expected is None or found is None or expected.upper() == found.upper()


def _what(fact: Expectation) -> str:
    if isinstance(fact, f.DataPresented):
        return f"{fact.trial or 'data'}{' data' if fact.trial else ''} at {fact.conference or 'a meeting'}" + \
            (f", abstract {fact.abstract}" if fact.abstract else "")
    if isinstance(fact, f.RegulatoryDecisionExpected):
        return f"{fact.agency or 'regulatory'} decision ({fact.region or 'region not named'})"
    if isinstance(fact, f.SubmissionExpected):
        return f"{fact.application or 'submission'} to {fact.agency or 'regulators'}" + \
            (f" for {fact.indication}" if fact.indication else "")
    return f"{fact.trial or 'trial'} data" + (f" in {fact.indication}" if fact.indication else "")


def _key(fact: Expectation) -> tuple:
    """What makes two expectations one catalyst."""
    if isinstance(fact, f.DataPresented):
        return ("presentation", _meeting(fact.conference), (fact.abstract or "").upper() or None, (fact.trial or "").upper() or None)
    if isinstance(fact, f.ReadoutExpected):
        return ("readout", fact.trial.upper()) if fact.trial else ("readout", None, fact.phase,
                                                                     indication_terms(fact.indication))
    application = fact.application.upper() if isinstance(fact, f.SubmissionExpected) and fact.application else None
    return (_kind(fact), fact.region or fact.agency, application)


def _same_region(expected: Expectation, fact: f.Fact) -> bool:
    region, agency = getattr(fact, "region", None), getattr(fact, "agency", None)
    if isinstance(expected, (f.ReadoutExpected, f.DataPresented)):
        return True
    if expected.region is not None:
        return region == expected.region
    return expected.agency is None or agency == expected.agency


def answers(expectation: RecordedFact, answer: RecordedFact) -> bool:
    """Whether `answer` is the event `expectation` expected: after it, of its kind, for its region or trial."""
    expected, fact = expectation.fact, answer.fact
    if not is_expectation(expected) or answer.sort_key <= expectation.sort_key:
        return False
    if fact.occurred_on is not None and fact.occurred_on.last_day < expectation.reported_on:
        return False
    if isinstance(expected, f.DataPresented):
        return _presents(expected, fact)
    if isinstance(expected, f.RegulatoryDecisionExpected):
        return isinstance(fact, _DECISIONS) and _same_region(expected, fact)
    if isinstance(expected, f.SubmissionExpected):
        application = getattr(fact, "application", None)
        return isinstance(fact, _PAST_SUBMISSION) and _same_region(expected, fact) \
            and (expected.application is None or application is None or application.upper() == expected.application.upper()) \
            and related(expected.indication, fact.indication)
    if not isinstance(fact, f.TopLineReported):
        return False
    if expected.trial:
        return (fact.trial or "").upper() == expected.trial.upper()
    return (expected.phase is None or fact.phase is None or expected.phase == fact.phase) \
        and related(expected.indication, fact.indication)


def _presents(expected: f.DataPresented, fact: f.Fact) -> bool:
    """Whether `fact` is the presentation `expected` announced: one made at its meeting, of its abstract and trial."""
    if not isinstance(fact, f.DataPresented) or fact.upcoming:
        return False
    (meeting, year), (found, found_year) = _meeting(expected.conference), _meeting(fact.conference)
    return _agree(meeting, found) and _agree(year, found_year) and _agree(expected.abstract, fact.abstract) \
        and _agree(expected.trial, fact.trial)


def expected_catalysts(mine: list[RecordedFact], horizon: date) -> list[Catalyst]:
    """The catalysts a compound's facts in view (in export order) still expect on `horizon`, overdue ones
    included, in order of their expected-by day."""
    answered: dict[str, RecordedFact] = {}
    chains: list[list[tuple[RecordedFact, Expectation]]] = []
    latest: dict[tuple, list[tuple[RecordedFact, Expectation]]] = {}
    for recorded in mine:
        fact = recorded.fact
        if not is_expectation(fact):
            continue
        answer = next((r for r in mine if answers(recorded, r)), None)
        if answer is not None:
            answered[recorded.id] = answer
        chain = latest.get(_key(fact))
        earlier_answer = answered.get(chain[-1][0].id) if chain else None
        if chain is not None and (earlier_answer is None or recorded.sort_key < earlier_answer.sort_key):
            chain.append((recorded, fact))
        else:
            latest[_key(fact)] = chain = [(recorded, fact)]
            chains.append(chain)
    catalysts = [_catalyst(chain, horizon) for chain in chains if chain[-1][0].id not in answered]
    catalysts = [c for c in catalysts if not is_past(c.kind, c.expected_by, horizon)]
    return sorted(catalysts, key=lambda c: (c.expected_by or date.max, c.what))


def _catalyst(chain: list[tuple[RecordedFact, Expectation]], horizon: date) -> Catalyst:
    standing, fact = chain[-1]
    catalyst = Catalyst(kind=_kind(fact), what=_what(fact), expected_by=fact.expected_by,
                        overdue=is_overdue(_kind(fact), fact.expected_by, horizon), **cite(standing))
    for earlier, earlier_fact in reversed(chain[:-1]):
        catalyst.sources.append(earlier.id)
        by = earlier_fact.expected_by
        catalyst.history.append(f"announced {earlier.reported_on.isoformat()}, "
                                + (f"expected by {by.isoformat()}" if by else "no date given"))
    return catalyst
