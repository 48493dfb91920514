"""Re-issued releases: a correction published under the same headline replaces the first text.

Wires re-send a release with a figure or a name corrected ("Corrects the
amount in the second paragraph"). Its words differ, so it is a new release,
but its facts must not double the first one's. Two releases are one story
re-issued when their headlines (the first sentence that is more than a date),
folded to lower-case words, are equal and they were published within
`REISSUE_WINDOW` of each other; the later publication (on the same day: the
later stored) supersedes the other.

The link is made where the read model applies the log (`tracker.adapters.catchup`),
each release against those before it in the log, never when a release is stored:
two processes storing a release and its re-issue at the same moment could each
miss the other.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.dates import DATE_PATTERNS
from tracker.reading.text import CleanText, Sentence, sentences

#: How far apart a release and its corrected re-issue may be published.
REISSUE_WINDOW = timedelta(days=31)


def headline(text: str) -> str:
    """The release's headline, folded: its first sentence with three words or more besides dates."""
    return headline_of(sentences(CleanText.of(text)))


def headline_of(read: Iterable[Sentence]) -> str:
    """The headline of a release already split into sentences (as a `ReleaseDocument` is, for extraction)."""
    for sentence in read:
        words = sentence.text
        for pattern in DATE_PATTERNS:
            words = pattern.sub(" ", words)
        folded = re.findall(r"[^\W_]+", words.casefold())
        if len(folded) >= 3:
            return " ".join(folded)
    return ""


@dataclass(frozen=True)
class Issue:
    """A stored release as the re-issue check sees it."""

    release_id: str
    headline: str
    published: date


@dataclass(frozen=True)
class Reissue:
    """How a new release relates to a stored one with its headline."""

    supersedes: str | None = None
    """The stored release it corrects (it was published the same day or later)."""
    superseded_by: str | None = None
    """The stored release that corrects it (published later, ingested first: a backfill)."""


def reissue(new: Issue, stored: Iterable[Issue]) -> Reissue:
    """The link between `new` and the latest stored release with its headline inside the window."""
    if not new.headline:
        return Reissue()
    candidates = [(issue.published, order, issue) for order, issue in enumerate(stored)
                  if issue.headline == new.headline and issue.release_id != new.release_id
                  and abs(issue.published - new.published) <= REISSUE_WINDOW]
    earlier = [c for c in candidates if c[0] <= new.published]
    if earlier:
        return Reissue(supersedes=max(earlier, key=lambda c: c[:2])[2].release_id)
    if candidates:
        return Reissue(superseded_by=min(candidates, key=lambda c: c[:2])[2].release_id)
    return Reissue()
