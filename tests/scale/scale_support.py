"""Helpers of the scale tests."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def ingest_command(db: str, *paths: Path) -> list[str]:
    """`tracker ingest` as a user runs it, by this Python, on a fresh clone or an installed one."""
    return [sys.executable, str(REPO / "cli.py"), "--db", db, "ingest", *map(str, paths)]


def split(source: Path, target: Path, groups: list[range]) -> list[Path]:
    """Folders under `target` holding the releases of `source` at the positions of each group, with a manifest."""
    files = sorted(p.name for p in source.glob("*.txt"))
    manifest = (source / "manifest.csv").read_text().splitlines()
    folders = []
    for number, group in enumerate(groups):
        folder = target / f"part{number}"
        folder.mkdir(parents=True)
        chosen = [files[i % len(files)] for i in group]
        for name in chosen:
            shutil.copy(source / name, folder / name)
        (folder / "manifest.csv").write_text("\n".join([manifest[0], *(row for row in manifest[1:] if row.split(",")[0] in chosen)]) + "\n")
        folders.append(folder)
    return folders
