"""A release reads the same, sentence for sentence, as plain text, as a web page and as a PDF."""
from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from renderings import as_pdf, as_web_page

from tracker.reading.datelines import find_dateline
from tracker.reading.formats import read_text
from tracker.reading.text import CleanText, sentences

SEED = Path(__file__).resolve().parents[2] / "seeds" / "002_216599dac546bf8a.txt"
KEY_TERMS = ("MHLW", "CHMP", "$5 million")


def sentence_texts(text: str) -> list[str]:
    return [sentence.text for sentence in sentences(CleanText.of(text))]


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def plain() -> str:
    return read_text(SEED)


@pytest.fixture(scope="module")
def renderings(plain, tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("renderings")
    (folder / "release.html").write_text(as_web_page(plain), encoding="utf-8")
    (folder / "release.pdf").write_bytes(as_pdf(plain))
    return {suffix: read_text(folder / f"release.{suffix}") for suffix in ("html", "pdf")}


@pytest.mark.parametrize("suffix", ["html", "pdf"])
def test_the_seed_reads_as_the_same_sentences_in_every_format(plain, renderings, suffix):
    assert sentence_texts(renderings[suffix]) == sentence_texts(plain)


@pytest.mark.parametrize("suffix", ["html", "pdf"])
def test_every_sentence_naming_mhlw_chmp_or_5_million_is_verbatim_in_every_format(plain, renderings, suffix):
    key_sentences = [s for s in sentences(CleanText.of(plain)) if any(term in s.text for term in KEY_TERMS)]
    assert len(key_sentences) == 6
    for sentence in key_sentences:
        assert folded(sentence.quote) in folded(renderings[suffix])


@pytest.mark.parametrize("suffix", ["html", "pdf"])
def test_the_seed_is_dated_by_its_dateline_in_every_format(renderings, suffix):
    assert find_dateline(renderings[suffix]) == date(2013, 9, 20)


def test_the_pdf_rendering_spans_two_pages_so_a_page_break_is_read(plain):
    assert len(list(extract_pages(io.BytesIO(as_pdf(plain))))) == 2


def test_the_web_page_chrome_is_absent_from_its_reading(renderings):
    assert not {"Home", "Pipeline", "analytics", "Privacy", "margin"} & set(re.findall(r"\w+", renderings["html"]))
