"""The tracker's own errors.

Everything a user can cause (a bad file, an unknown compound, a store that will
not open) is raised as a `TrackerError`, whose message is one line fit to show
as it is. The CLI turns these, and only these, into a clean exit.
"""
from __future__ import annotations

from pathlib import Path


class TrackerError(Exception):
    """A problem the user can act on; `str(error)` is one line."""


class ReleaseError(TrackerError):
    """A release that cannot be read or dated. Names the file."""

    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ManifestError(TrackerError):
    """A manifest of publication dates that cannot be read."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None):
        self.path = Path(path)
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {problem}")


class StoreError(TrackerError):
    """The event store cannot be opened or written."""


class UnknownCompound(TrackerError):
    """No compound goes by the name asked for."""

    def __init__(self, name: str, suggestions: list[str] | tuple[str, ...] = ()):
        self.name = name
        self.suggestions = list(suggestions)
        hint = f"; did you mean {' or '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no compound {name!r}{hint}")
