"""What each fact type means to the rest of the tracker is declared once, on its class; these tie the registries
built from those declarations to the classes, so that a new type cannot be half-registered."""
from __future__ import annotations

import pytest

from tracker.domain import facts as f
from tracker.presentation.render import summary


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


CONCRETE = sorted((cls for cls in _subclasses(f.Fact) if "type" in cls.model_fields), key=lambda c: c.__name__)


def test_every_fact_class_with_a_type_is_registered_under_its_own_name():
    assert {cls.__name__ for cls in CONCRETE} == set(f.FACT_TYPES)
    assert all(f.FACT_TYPES[cls.__name__] is cls for cls in CONCRETE)


@pytest.mark.parametrize("cls", CONCRETE, ids=lambda c: c.__name__)
def test_a_type_summarises_itself_by_fields_it_has(cls):
    assert cls.summary_fields or cls is f.FactReviewed
    assert set(cls.summary_fields) <= set(cls.model_fields)


def test_the_ledger_reads_every_payment_and_every_entry_against_a_line():
    payments = {cls.__name__ for cls in _subclasses(f._Payment)}
    against_a_line = {cls.__name__ for cls in CONCRETE if "line_id" in cls.model_fields}
    assert payments | against_a_line <= set(f.LEDGER_FACT_TYPES)


def test_types_recorded_with_a_command_of_their_own_are_the_own_commands():
    assert f.OWN_COMMANDS == {cls.__name__: cls.recorded_with for cls in CONCRETE if cls.recorded_with}
    assert {"EventRetracted", "FactReviewed", "InvoiceIssued"} <= set(f.OWN_COMMANDS)


def test_the_phase_a_fact_shows_is_its_phase_or_what_its_type_implies():
    assert f.TrialStarted(phase="II").implied_phase() == "II"
    assert f.ApprovalGranted(region="JP").implied_phase() == "approved"
    assert f.RegulatorySubmission(region="US").implied_phase() == "filed"
    assert f.ReadoutExpected(phase="III").implied_phase() is None  # a readout ahead is no phase reached
    assert f.PartnershipRecorded(partner="Acme").implied_phase() is None


def test_a_summary_shows_the_declared_fields_that_have_values():
    record = f.ApprovalGranted(compound="x", agency="FDA", region="US").model_dump(mode="json")
    assert summary(record) == "agency=FDA region=US"
