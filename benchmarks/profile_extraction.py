"""CPU seconds `tracker.extraction.extract` spends on a folder of releases, in this one process (optionally profiled).

    python benchmarks/profile_extraction.py FOLDER [--manifest FILE] [--profile N]

The releases are read and split into sentences first (timed apart), then extracted one by one; `--profile N`
prints the N functions that took the most time of their own under cProfile. The figures of issue 12's point 5
(`benchmarks/README.md`) were taken with it, on `benchmarks/corpus.py OUT --releases 1000` and the labelled
corpora.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO)]

from tracker.extraction import extract  # noqa: E402  (after the path is set)
from tracker.services.ingest import read_releases  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--manifest", type=Path)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()
    documents, _ = read_releases([args.folder], None, args.manifest)
    started = time.process_time()
    for document in documents:
        _ = document.sentences  # split once, outside the extraction timed below
    split = time.process_time() - started
    profiler = cProfile.Profile() if args.profile else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    facts = sum(len(extract(document)) for document in documents)
    if profiler:
        profiler.disable()
    print(f"{len(documents)} releases, {facts} facts: sentences {split:.2f} s CPU, extraction {time.process_time() - started:.2f} s CPU")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
