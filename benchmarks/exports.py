"""The events every labelled set and a generated corpus are read into, for checking that speed work changes no answer.

    python benchmarks/exports.py OUT                 # before the change
    python benchmarks/exports.py OUT2 && diff -r OUT OUT2

Each set is ingested into a fresh store (as `tracker ingest --manifest` does) and exported with `tracker events
--format jsonl`, one JSON object a line, with its keys sorted and without `recorded_at` (the record time, the
only field that differs between two ingests of the same releases). The sets: `seeds/`, `corpus/releases`,
`../shared/corpus/releases`, `tests/fixtures/unseen/releases` and `benchmarks/corpus.py`'s 1,000 releases
(seed 7, 200 of them and more are extracted in worker processes).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETS = {
    "seeds": (REPO / "seeds", REPO / "seeds" / "manifest.csv"),
    "corpus": (REPO / "corpus" / "releases", REPO / "corpus" / "manifest.tsv"),
    "shared": (REPO.parent / "shared" / "corpus" / "releases", REPO.parent / "shared" / "corpus" / "manifest.tsv"),
    "unseen": (REPO / "tests" / "fixtures" / "unseen" / "releases", None),
}


def tracker(db: Path, *args: str) -> str:
    return subprocess.run([sys.executable, str(REPO / "cli.py"), "--db", str(db), *args], check=True,
                          capture_output=True, text=True, cwd=REPO).stdout


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        generated = Path(work) / "c1k"
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "corpus.py"), str(generated), "--releases", "1000"],
                       check=True, capture_output=True)
        sets = {**SETS, "c1k": (generated, generated / "manifest.csv")}
        for name, (folder, manifest) in sets.items():
            if not folder.is_dir():
                print(f"{name}: {folder} not found, left out")
                continue
            db = Path(work) / f"{name}.db"
            tracker(db, "ingest", *(["--manifest", str(manifest)] if manifest else []), str(folder))
            lines = []
            for line in tracker(db, "events", "--format", "jsonl").splitlines():
                event = json.loads(line)
                event.pop("recorded_at", None)
                lines.append(json.dumps(event, sort_keys=True, ensure_ascii=False))
            (out / f"{name}.jsonl").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
            print(f"{name}: {len(lines)} events")


if __name__ == "__main__":
    main()
