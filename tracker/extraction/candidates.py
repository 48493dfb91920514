"""A candidate: one cue found in one sentence, with what its family's reader needs to fill the slots."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from tracker.domain.facts import Fact
from tracker.extraction.clauses import clause_around
from tracker.extraction.context import ReleaseContext, SentenceView
from tracker.extraction.rows import Cue, Family, Modality, cue_span


@dataclass
class Candidate:
    view: SentenceView
    release: ReleaseContext
    family: Family
    cue: Cue
    match: re.Match[str]
    states: str
    """The fact type the cue states, once its modality is read."""
    modality: Modality | None
    earlier: list[Fact]
    """The facts read so far in the sentence's paragraph (the trigger of a milestone, a decision expected)."""

    @property
    def text(self) -> str:
        return self.view.text

    @property
    def start(self) -> int:
        return cue_span(self.match)[0]

    @property
    def end(self) -> int:
        return cue_span(self.match)[1]

    @cached_property
    def clause(self) -> tuple[int, int]:
        """The span of the clause holding the cue."""
        return clause_around(self.text, self.start, self.end)

    @property
    def expected(self) -> bool:
        """True when the modality made the cue an expectation rather than a thing done."""
        return self.states != self.family.states

    def compounds(self, side: str | None = None) -> list[str | None]:
        """The compounds the cue is about: named on its side (the cue's own by default), else the
        sentence's subject; [None] for a product the sentence leaves undisclosed; [] when there is none."""
        if self.view.undisclosed:
            return [None]
        of_trial = self._trials_compound()
        if of_trial is not None:
            return [of_trial]
        side = side or self.cue.compound
        if side != "subject":
            if side == "nearest":
                after = [m for m, _ in self.view.subjects() if self.start <= m.start < self.clause[1]]
                names = self.release.compounds_near(self.view, self.start, self.end, after=bool(after))
            else:
                names = self.release.compounds_near(self.view, self.start, self.end, after=side == "after")
            if names:
                return list(names)
        return [self.view.subject] if self.view.subject is not None else []

    def _trials_compound(self) -> str | None:
        """The compound of the trial the cue's clause names, where the clause names no compound and the release ties
        that trial to one ("Top-line data from the KITE trial of A are expected in May; data from RIVET in 2020")."""
        left, right = self.clause
        if not self.view.trials or any(left <= m.start < right for m, _ in self.view.subjects()):
            return None
        trials = [name for start, name in self.view.trials if left <= start < right]
        return self.release.trial_compounds.get(trials[0]) if trials else None
