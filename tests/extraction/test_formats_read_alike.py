"""A seed release gives the same events whether it arrives as text, as a web page or as a PDF."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from renderings import as_pdf, as_web_page

from tracker.extraction import extract
from tracker.reading.releases import read_release

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _events(path: Path) -> list[tuple]:
    """Each event as what it says: type, compound and fields, without where in the file it sits."""
    document = read_release(path, published=date(2013, 9, 20))
    return [(type(fact).__name__, tuple(sorted(fact.model_dump(mode="json", exclude={"quote", "line", "offset"}).items())))
            for fact in extract(document)]


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
@pytest.mark.parametrize("rendering", ["html", "pdf"])
def test_the_rendering_of_a_seed_gives_the_events_of_its_text(tmp_path, seed, rendering):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    rendered = tmp_path / f"release.{rendering}"
    if rendering == "html":
        rendered.write_text(as_web_page(text), encoding="utf-8")
    else:
        rendered.write_bytes(as_pdf(text))
    assert _events(rendered) == _events(SEEDS / seed)
