"""The prefilter before a pattern's scan says "no" only where the scan finds nothing: speed changes no answer."""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from tracker.extraction import compound_names, parties, places, release_names, timing, trials
from tracker.extraction.prefilter import foldable, may_match, one_of, required_words
from tracker.extraction.rules import REGISTRY
from tracker.lexicon import INN_STEMS, inn_stem_pattern

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("pattern", "flags", "words"), [
    (r"\bapproved\b", 0, ("approved",)),
    (r"\b(?:has|have) approved\b", re.I, (" approved",)),
    (r"FDA|EMA", 0, ("ema", "fda")),
    (r"(?:first|second) half", re.I, (" half",)),
    (r"ab(?=c)de", 0, ("abde",)),
    (r"(?:very )?long", 0, ("long",)),
    (r"x(?:abc)+y", 0, ("abc",)),
    (r"x(?:abc)*y", 0, None),  # the repeat may be absent: only one-letter pieces are left
    (r"approv(?:al|ed)|\d+", 0, None),  # an alternative holds no sure piece
    (r"[A-Z]{2,6}-?\d{3,6}", 0, None),
    (r"éapproved", re.I, ("approved",)),  # only ASCII characters and those without case stand in the pieces
    (r"[A-Z]\w+\s?[®™]", 0, ("®", "™")),
    (r"[^®™]x", 0, None),
])
def test_the_words_every_match_holds(pattern: str, flags: int, words: tuple[str, ...] | None) -> None:
    assert required_words(re.compile(pattern, flags)) == words


def test_a_text_holding_none_of_the_words_is_not_scanned() -> None:
    words = required_words(re.compile(r"\bhas approved\b", re.I))
    assert not may_match(words, "the fda accepted the filing", True)
    assert may_match(words, "the fda has approved velmora", True)
    assert may_match(None, "anything", True)


def test_a_text_with_a_character_that_folds_to_ascii_only_under_ignorecase_is_always_scanned() -> None:
    pattern = re.compile(r"first", re.I)
    text = "the \u0130rst one, the f\u0131rst one"  # dotless i: IGNORECASE matches it with "i", lower() keeps it
    assert pattern.search(text) and not foldable(text)
    assert may_match(required_words(pattern), text.lower(), foldable(text))


def _patterns() -> list[re.Pattern[str]]:
    found = [pattern for pattern, *_ in timing._GUARDED] + [pattern for pattern, *_ in places._AGENCY_GUARDED]
    found += [pattern for pattern, *_ in places._REGION_GUARDED] + [pattern for pattern, _ in trials._NAMING_GUARDED]
    found += list(compound_names.CODE_PATTERNS) + [compound_names.MARKED_WORD, compound_names.BRAND_STATEMENT,
                                                   compound_names.WITH_FORMULATION, release_names._MARKED_PAIR, parties._AFFILIATION]
    for family in REGISTRY:
        found += [cue.pattern for cue in family.cues]
    return found


def _sentences() -> list[str]:
    texts = [row.example.sentence for family in REGISTRY for row in family.rows()]
    for folder in (ROOT / "seeds", ROOT / "tests" / "fixtures" / "unseen" / "releases"):
        for path in sorted(folder.glob("*.txt")):
            texts += re.split(r"(?<=[.!?])\s+|\n", path.read_text(encoding="utf-8", errors="replace"))
    return [text for text in texts if text.strip()]


def test_no_pattern_the_prefilter_skips_matches_the_sentences_of_the_rows_and_the_labelled_releases() -> None:
    sentences = [(text, text.lower(), foldable(text)) for text in _sentences()]
    sentences += [(text.upper(), text.upper().lower(), foldable(text.upper())) for text, _, _ in sentences[:300]]
    for pattern in _patterns():
        words = required_words(pattern)
        if words is None:
            continue
        missed = [text for text, lowered, fold in sentences if not may_match(words, lowered, fold) and pattern.search(text)]
        assert not missed, (pattern.pattern, words, missed[:3])


def test_words_written_as_a_tree_of_letters_match_what_their_alternation_matches() -> None:
    words = ["mab", "tug", "tinib", "t", "ta", "abc", "abcd", "nib", "zumab", "a.b"]
    tree, alternation = re.compile(rf"{one_of(words)}$"), re.compile(rf"(?:{'|'.join(map(re.escape, words))})$")
    texts = ["".join(letters) for size in range(6) for letters in itertools.product("abdgimnortuz.", repeat=min(size, 4))]
    assert all(bool(tree.fullmatch(text)) == bool(alternation.fullmatch(text)) for text in texts)


def test_the_fast_test_for_an_inn_says_what_the_alternation_of_its_stems_said() -> None:
    stems = (*INN_STEMS, "alfa", "alpha", "beta", "gamma", "acid", "vec", "leucel", "temcel")
    alternation = re.compile(rf"(?:{'|'.join(stems)})(?:-[a-z]{{4}})?(?![a-z])", re.I)
    texts = _sentences()
    texts += [text.upper() for text in texts] + ["velumab-abcd", "velumab-abcde", "trastuzumab", "İnn ſtem Kvec"]
    assert [bool(compound_names._MAY_HOLD_AN_INN.search(text)) for text in texts] == [bool(alternation.search(text)) for text in texts]


def _inn_texts() -> list[str]:
    texts = _sentences()
    return texts + [text.upper() for text in texts] + [
        "velumab-abcd and ado-trazumab", "x  orsogene ortovec", "drortitcept alone", "drortitcept and velumab",
        "interferon beta", "folinic acid", "İnn ſtem Kvec velumab", "ziv-aflibercept (velotuximab vedotin)"]


def test_the_inn_pattern_with_its_stems_as_a_tree_finds_what_the_stems_one_by_one_found() -> None:
    one_by_one = re.compile(compound_names.INN_PATTERN.pattern.replace(inn_stem_pattern(one_of), inn_stem_pattern()), re.I)
    assert one_by_one.pattern != compound_names.INN_PATTERN.pattern
    for text in _inn_texts():
        assert [m.span() for m in compound_names.INN_PATTERN.finditer(text)] == [m.span() for m in one_by_one.finditer(text)], text


def test_a_scan_for_inns_from_where_they_may_start_finds_what_a_scan_from_the_start_found() -> None:
    for text in _inn_texts():
        start = compound_names._where_inns_may_start(text)
        before = [m.span() for m in compound_names.INN_PATTERN.finditer(text)] if compound_names._MAY_HOLD_AN_INN.search(text) else []
        assert ([m.span() for m in compound_names.INN_PATTERN.finditer(text, start)] if start is not None else []) == before, text


def test_the_time_test_as_plain_text_says_what_its_pattern_says() -> None:
    texts = _sentences() + ["The Company Expects It In Mid-Year", "nothing here", "Kelvin ſ", "in 2024"]
    for text in texts + [text.upper() for text in texts]:
        lowered, fold = text.lower(), foldable(text)
        plain = bool(timing._DIGIT.search(text)) or any(word in lowered for word in timing._TIME_WORDS)
        assert (plain if fold else bool(timing._MAY_HOLD_A_TIME.search(text))) == bool(timing._MAY_HOLD_A_TIME.search(text)), text
