"""The registry: every family of facts the engine reads, in the order it reads them.

Adding a kind of sentence is a row in one of these families (a `Cue` or a `Modality`, with its example
sentence); adding a kind of fact is a family module with its cues, modalities, slots and reader, listed here.
"""
from __future__ import annotations

from tracker.extraction.rows import Family
from tracker.extraction.rules import (
    approvals,
    decisions,
    declines,
    designs,
    milestones,
    opinions,
    partnerships,
    presentations,
    readouts,
    results,
    royalties,
    status,
    submissions,
    trial_starts,
)

REGISTRY: tuple[Family, ...] = (
    submissions.FAMILY,
    declines.FAMILY,
    opinions.FAMILY,
    approvals.FAMILY,
    decisions.FAMILY,
    results.FAMILY,
    trial_starts.FAMILY,
    designs.FAMILY,
    presentations.FAMILY,
    status.FAMILY,
    readouts.FAMILY,
    partnerships.FAMILY,
    royalties.FAMILY,
    milestones.UPFRONT,
    milestones.FAMILY,
)
