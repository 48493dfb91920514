"""How well the tracker reads releases: the shared scorer's per-type table for every labelled set, in one run.

    python benchmarks/extraction.py                 # every set found
    python benchmarks/extraction.py --set seeds     # one set (repeatable)
    python benchmarks/extraction.py --misses        # also what was missed and what was extra, dev parts only
    python benchmarks/extraction.py --why           # also how each set's misses and extras fail, counted by kind
    python benchmarks/extraction.py --pairs         # also each dev miss beside the extra it pairs with (wrong compound or key)

Each corpus is ingested as a folder with its manifest (as `tracker ingest --manifest` does) into a fresh
store, exported with `tracker events --format jsonl`, and scored by `shared/tools/score_events.py` against
the gold of each of its parts:

- `seeds`: the five seed releases (`seeds/`, gold in `shared/seeds/gold`);
- `shared-dev`, `shared-check`: `shared/corpus`, whose files 301-318 are the check part and the rest the dev part;
  `shared-all`: all of it, as the issue's target reads it (its misses are never listed: it holds the check part);
- `new-dev`, `new-check`: the corpus of releases from other issuers, `corpus/` at the repository's top
  (or, while it is being gathered, `/work/newcorpus` with `manifest-5xx.tsv` and `manifest-6xx.tsv`), split
  by its manifest's `split` column;
- `fresh-check`: the files 9xx of that corpus, a check part gathered and labelled in a later round, after
  every rule of the rounds before it was written, and never tuned on;
- `unseen`: `tests/fixtures/unseen`, invented releases labelled before the extractor read them.

The check parts are for reporting only: rules are tuned on the dev parts, and `--misses` never lists a
check part's misses or extras, nor does `--pairs`.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO)]

from cli import cli  # noqa: E402

SHARED = next((p for p in (REPO.parent.parent / "shared", REPO.parent / "shared", Path("/work/shared")) if p.is_dir()), None)
GATHERING = Path("/work/newcorpus")


@dataclass
class Corpus:
    """A folder of releases with its manifests and gold, and the parts it is scored in."""

    releases: Path
    gold: Path
    manifests: list[Path]
    parts: dict[str, set[str] | None] = field(default_factory=dict)
    """Set name -> the gold files (release file names) of that part; None for all of them."""


def _rows(manifest: Path) -> list[dict[str, str]]:
    with manifest.open(encoding="utf-8-sig") as handle:
        first = handle.readline()
        handle.seek(0)
        return list(csv.DictReader(handle, delimiter="\t" if "\t" in first else ","))


def _split_of(manifests: list[Path]) -> dict[str, str]:
    """Release file name -> its part ("dev" or "check"), from the manifests' `split` column."""
    splits = {}
    for manifest in manifests:
        for row in _rows(manifest):
            name, split = (row.get("file") or "").strip(), (row.get("split") or "").strip().lower()
            if name and split:
                splits[Path(name).name] = split
    return splits


def corpora() -> list[Corpus]:
    found = [Corpus(REPO / "seeds", SHARED / "seeds" / "gold", [], {"seeds": None})] if SHARED else []
    if SHARED and (SHARED / "corpus").is_dir():
        files = {p.name for p in (SHARED / "corpus" / "releases").glob("*") if p.is_file()}
        check = {name for name in files if name.startswith("3")}
        found.append(Corpus(SHARED / "corpus" / "releases", SHARED / "corpus" / "gold", [SHARED / "corpus" / "manifest.tsv"],
                            {"shared-dev": files - check, "shared-check": check, "shared-all": files}))
    committed = REPO / "corpus"
    if (committed / "manifest.tsv").is_file():
        new = Corpus(committed / "releases", committed / "gold", [committed / "manifest.tsv"])
    elif GATHERING.is_dir():
        new = Corpus(GATHERING / "releases", GATHERING / "gold", sorted(GATHERING.glob("manifest*.tsv")))
    else:
        new = None
    if new is not None:
        splits = _split_of(new.manifests)
        fresh = {f for f, s in splits.items() if s == "check" and f.startswith("9")}
        new.parts = {"new-dev": {f for f, s in splits.items() if s == "dev"},
                     "new-check": {f for f, s in splits.items() if s == "check"} - fresh}
        if fresh:
            new.parts["fresh-check"] = fresh
        found.append(new)
    unseen = REPO / "tests" / "fixtures" / "unseen"
    found.append(Corpus(unseen / "releases", unseen / "gold", [], {"unseen": None}))
    return found


def _scorer():
    spec = importlib.util.spec_from_file_location("score_events", SHARED / "tools" / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _labelled_copy(corpus: Corpus, folder: Path) -> tuple[Path, Path]:
    """The releases that have gold, copied into one folder, with one manifest of their dates (the
    manifests' dates, else the gold's "published": a corpus still being gathered may lack a manifest row)."""
    releases = folder / "releases"
    releases.mkdir()
    dates: dict[str, str] = {}
    for path in sorted(corpus.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        source = corpus.releases / Path(gold["file"]).name
        if source.is_file():
            shutil.copy2(source, releases / source.name)
            if gold.get("published"):
                dates[source.name] = str(gold["published"])
    for manifest in corpus.manifests:
        for row in _rows(manifest):
            name, day = Path((row.get("file") or "").strip()).name, (row.get("published") or row.get("date") or "").strip()
            if name in dates or (releases / name).is_file() and day:
                dates[name] = day or dates[name]
    manifest = folder / "manifest.tsv"
    manifest.write_text("file\tpublished\n" + "".join(f"{name}\t{day}\n" for name, day in sorted(dates.items())))
    return releases, manifest


def exported_events(corpus: Corpus, folder: Path) -> tuple[Path, float]:
    """Ingest the labelled releases of `corpus` as a folder with their manifest into a fresh store and
    export its events; the seconds ingest took."""
    db = str(folder / "tracker.db")
    runner = CliRunner()
    releases, manifest = _labelled_copy(corpus, folder)
    started = time.perf_counter()
    result = runner.invoke(cli, ["--db", db, "ingest", "--manifest", str(manifest), str(releases)])
    spent = time.perf_counter() - started
    if result.exit_code != 0:
        raise SystemExit(f"ingest of {corpus.releases} failed:\n{result.output}")
    events = runner.invoke(cli, ["--db", db, "events", "--format", "jsonl"])
    path = folder / "events.jsonl"
    path.write_text(events.output)
    return path, spent


def _gold_part(gold: Path, files: set[str] | None, folder: Path) -> Path:
    part = folder / f"gold-{len(list(folder.iterdir()))}"
    part.mkdir()
    for path in sorted(gold.glob("*.json")):
        if files is None or path.stem in {Path(f).stem for f in files}:
            (part / path.name).symlink_to(path)
    return part


def print_table(name: str, score: dict, releases: int, misses: bool) -> None:
    print(f"\n## {name} ({releases} releases)\n")
    print(f"{'type':28} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for kind, row in score["per_type"].items():
        print(f"{kind:28} {row['tp']:4} {row['fp']:4} {row['fn']:4} {row['precision']:6.2f} {row['recall']:6.2f} {row['f1']:6.2f}")
    dates = "n/a" if score["date_accuracy"] is None else f"{score['date_accuracy']:.2f}"
    quotes = "n/a" if score["quotes_verbatim"] is None else f"{score['quotes_verbatim']:.2f}"
    print(f"micro P={score['precision']:.2f} R={score['recall']:.2f} F1={score['f1']:.2f} dates={dates} quotes={quotes} "
          f"(tp={score['tp']} fp={score['fp']} fn={score['fn']})")
    if misses:
        print("\nmissed:", *score["misses"], sep="\n  ")
        print("\nextra:", *score["extras"], sep="\n  ")


def _overlaps(a: str, b: str) -> bool:
    """Whether two quotes come from one sentence: one holds the other, folded."""
    a, b = " ".join(a.split()).lower(), " ".join(b.split()).lower()
    return bool(a and b) and (a in b or b in a)


def _gold_and_predicted(gold_dir: Path, events: Path) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """Each release's gold, and the events read from it, by file name."""
    golds = {Path(g["file"]).name: g for g in (json.loads(path.read_text()) for path in sorted(gold_dir.glob("*.json")))}
    predicted: dict[str, list[dict]] = {}
    for line in events.read_text().splitlines():
        if line.strip():
            event = json.loads(line)
            predicted.setdefault(Path((event.get("source") or {}).get("file") or "").name, []).append(event)
    return golds, predicted


def why(scorer, gold_dir: Path, events: Path) -> tuple[dict[str, int], dict[str, int]]:
    """How the misses and the extras of a set fail, counted by kind and nothing else, so that a check
    part can be diagnosed without reading one of its misses: a missed event is read with another
    compound, with another key field, as another type from its sentence, or its sentence gave nothing;
    an extra is the other half of such a pair, or its sentence holds no gold event at all."""
    golds, predicted = _gold_and_predicted(gold_dir, events)
    missed: dict[str, int] = {}
    extra: dict[str, int] = {}
    def count(table: dict[str, int], how: str, kind: str) -> None:
        table[how] = table.get(how, 0) + 1
        table[f"{how}: {kind}"] = table.get(f"{how}: {kind}", 0) + 1

    for file, gold in golds.items():
        groups = gold.get("compounds", {})
        unmatched = list(predicted.get(file, []))
        left = []
        for wanted in gold["events"]:
            kind = wanted["type"]
            hit = next((p for p in unmatched if p.get("type") == kind
                        and scorer.same_compound(p.get("compound"), wanted.get("compound"), groups)
                        and scorer.key_matches(kind, p, wanted)), None)
            if hit is not None:
                unmatched.remove(hit)
            elif not wanted.get("optional"):
                left.append(wanted)
        quote = lambda event: (event.get("source") or {}).get("quote") or event.get("quote") or ""  # noqa: E731
        for wanted in left:
            kind = wanted["type"]
            same_type = [p for p in unmatched if p.get("type") == kind]
            if any(scorer.key_matches(kind, p, wanted) for p in same_type):
                count(missed, "read with another compound", kind)
            elif any(scorer.same_compound(p.get("compound"), wanted.get("compound"), groups) for p in same_type):
                count(missed, "read with another key field (region, partner, phase, amount...)", kind)
            elif any(_overlaps(quote(p), quote(wanted)) for p in predicted.get(file, [])):
                count(missed, "its sentence read, as another type or fact", kind)
            else:
                count(missed, "its sentence gave nothing", kind)
        for event in unmatched:
            kind = event.get("type")
            if any(w["type"] == kind for w in left):
                count(extra, "a missed event of its type in the release (wrong compound or key)", kind)
            elif any(_overlaps(quote(event), quote(w)) for w in gold["events"]):
                count(extra, "from a sentence of a gold event of another type or fact", kind)
            else:
                count(extra, "from a sentence that holds no gold event", kind)
    return missed, extra


def pairs(scorer, gold_dir: Path, events: Path) -> list[tuple[str, str, str, str, str, str]]:
    """Each miss of a set read from its sentence with another compound or another key field, beside the extra it
    pairs with: (file, type, "compound"/"key", what the gold says, what was read, the sentence). For dev parts only."""
    golds, predicted = _gold_and_predicted(gold_dir, events)
    keys = ("region", "partner", "phase", "amount", "currency", "opinion", "outcome", "trial", "conference", "alias", "abstract", "rate")
    def key_fields(event: dict) -> str:
        return ", ".join(f"{name}={event[name]}" for name in keys if event.get(name) not in (None, "", []))
    found = []
    for file, gold in sorted(golds.items()):
        groups = gold.get("compounds", {})
        unmatched = list(predicted.get(file, []))
        left = []
        for wanted in gold["events"]:
            hit = next((p for p in unmatched if p.get("type") == wanted["type"] and scorer.same_compound(p.get("compound"), wanted.get("compound"), groups)
                        and scorer.key_matches(wanted["type"], p, wanted)), None)
            if hit is not None:
                unmatched.remove(hit)
            elif not wanted.get("optional"):
                left.append(wanted)
        for wanted in left:
            kind = wanted["type"]
            same_type = [p for p in unmatched if p.get("type") == kind]
            other_compound = next((p for p in same_type if scorer.key_matches(kind, p, wanted)), None)
            other_key = next((p for p in same_type if scorer.same_compound(p.get("compound"), wanted.get("compound"), groups)), None)
            if other_compound is not None:
                found.append((file, kind, "compound", str(wanted.get("compound")), str(other_compound.get("compound")), wanted.get("quote", "")))
            elif other_key is not None:
                found.append((file, kind, "key", key_fields(wanted), key_fields(other_key), wanted.get("quote", "")))
    return found


def print_pairs(found: list[tuple[str, str, str, str, str, str]]) -> None:
    print(f"\nmisses read with another compound or key ({len(found)}):")
    for file, kind, how, wanted, read, quote in sorted(found, key=lambda row: (row[2], row[3], row[4])):
        print(f"  {file}: {kind} another {how}: gold {wanted} / read {read}\n      {' '.join(quote.split())[:140]}")


def print_why(missed: dict[str, int], extra: dict[str, int]) -> None:
    for title, table in (("how the misses fail", missed), ("how the extras fail", extra)):
        print(f"\n{title}:")
        for how, n in sorted(((how, n) for how, n in table.items() if ": " not in how), key=lambda i: -i[1]):
            kinds = sorted(((k.split(": ", 1)[1], m) for k, m in table.items() if k.startswith(how + ": ")), key=lambda i: -i[1])
            print(f"  {n:4}  {how}  (" + ", ".join(f"{kind} {m}" for kind, m in kinds) + ")")


def _tuned_on(name: str) -> bool:
    """Whether a set holds no release of a check part: only those have their misses listed."""
    return name in ("seeds", "unseen") or name.endswith("-dev")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", dest="sets", help="only this set (seeds, shared-dev, shared-check, shared-all, new-dev, new-check, fresh-check, unseen)")
    parser.add_argument("--misses", action="store_true", help="list misses and extras of the dev parts")
    parser.add_argument("--pairs", action="store_true", help="pair each dev miss with the extra read from it with another compound or key")
    parser.add_argument("--why", action="store_true", help="count how each set's misses and extras fail (counts only, check parts too)")
    arguments = parser.parse_args()
    if SHARED is None:
        raise SystemExit("the shared folder (tools/score_events.py) is not beside this checkout")
    scorer = _scorer()
    summary = []
    for corpus in corpora():
        wanted = {name: files for name, files in corpus.parts.items() if not arguments.sets or name in arguments.sets}
        if not wanted or not corpus.releases.is_dir() or not corpus.gold.is_dir():
            continue
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            events, spent = exported_events(corpus, folder)
            for name, files in wanted.items():
                gold = _gold_part(corpus.gold, files, folder)
                labelled = len(list(gold.glob("*.json")))
                if not labelled:
                    continue
                score = scorer.score(str(gold), str(events), str(corpus.releases))
                print_table(name, score, labelled, arguments.misses and _tuned_on(name))
                if arguments.why:
                    print_why(*why(scorer, gold, events))
                if arguments.pairs and _tuned_on(name):
                    print_pairs(pairs(scorer, gold, events))
                summary.append((name, labelled, score, spent))
    print("\n## Summary\n")
    print(f"{'set':14} {'releases':>8} {'P':>6} {'R':>6} {'F1':>6} {'dates':>6} {'quotes':>6}")
    for name, labelled, score, _ in summary:
        dates = "n/a" if score["date_accuracy"] is None else f"{score['date_accuracy']:.2f}"
        quotes = "n/a" if score["quotes_verbatim"] is None else f"{score['quotes_verbatim']:.2f}"
        print(f"{name:14} {labelled:8} {score['precision']:6.2f} {score['recall']:6.2f} {score['f1']:6.2f} {dates:>6} {quotes:>6}")


if __name__ == "__main__":
    main()
