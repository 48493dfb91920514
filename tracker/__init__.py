"""milestone-tracker: drug compounds' milestones, read from press releases into an event store.

`open_tracker(db)` is the entry point for Python users; see `tracker.application`.
"""
from typing import Any

__all__ = ["Tracker", "open_tracker"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the domain and reading modules stay importable on their own.
    if name in __all__:
        from tracker import application

        return getattr(application, name)
    raise AttributeError(name)
