"""The tracker's own errors.

Everything a user can cause (a bad file, an unknown compound, a store that will
not open) is raised as a `TrackerError`, whose message is one line fit to show
as it is. The CLI turns these, and only these, into a clean exit.
"""
from __future__ import annotations

import os
from pathlib import Path


def shown(path: Path | str) -> str:
    """A path as one line of text, whatever bytes its name holds: bytes that are not UTF-8 as `\\xe9`, and
    control and other invisible characters (a newline, a tab, a right-to-left override) as Python writes
    them in a string. A message naming the file stays one line, and the name can be stored, exported and
    read back."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class TrackerError(Exception):
    """A problem the user can act on; `str(error)` is one line."""


class ReleaseError(TrackerError):
    """A release that cannot be read or dated. Names the file."""

    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{shown(self.path)}: {problem}")


class ManifestError(TrackerError):
    """A manifest of publication dates that cannot be read."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None):
        self.path = Path(path)
        where = f"{shown(self.path)}:{line}" if line else shown(self.path)
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
