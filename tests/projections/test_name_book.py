from datetime import date

from builders import recorded

from projections.names import NameBook, displayed_kind, name_key
from projections.records import event_record
from tracker.domain.facts import CompoundAliasRecorded, DevelopmentStatusReported


def _alias(compound, alias, kind=None):
    return recorded(CompoundAliasRecorded, date(2013, 9, 20), compound=compound, alias=alias, alias_kind=kind)


def test_spellings_that_differ_in_case_hyphens_and_marks_are_one_name():
    assert name_key("Trastuzumab-DM1") == name_key("trastuzumab DM1")
    assert name_key("Kadcyla®") == name_key("KADCYLA")


def test_linked_names_resolve_to_the_inn():
    book = NameBook.from_history([
        _alias("trastuzumab emtansine", "Kadcyla", "brand"),
        _alias("trastuzumab emtansine", "T-DM1", "former"),
        _alias("Kadcyla", "ado-trastuzumab emtansine", "inn"),
    ])
    for name in ("T-DM1", "kadcyla", "ado-trastuzumab emtansine", "Trastuzumab Emtansine"):
        assert book.canonical(name) == "trastuzumab emtansine"


def test_a_code_name_is_canonical_when_no_inn_is_known():
    book = NameBook.from_history([_alias("BIIB067", "IONIS-SOD1 RX", "code")])
    assert book.canonical("ionis-sod1 rx") == "BIIB067"


def test_a_brand_alone_is_its_own_canonical_name():
    book = NameBook.from_history([
        recorded(DevelopmentStatusReported, date(2011, 1, 1), compound="Bronchitol", phase="III")])
    assert book.canonical("Bronchitol") == "Bronchitol"


def test_an_unknown_name_is_not_found_but_keeps_itself_as_canonical():
    book = NameBook()
    assert book.find("nothing") is None
    assert book.canonical("nothing") == "nothing"


def test_an_alias_statement_exported_under_its_canonical_name_names_the_other_name():
    statement = _alias("DuoBody-X1", "ZX1047", "code")
    names = NameBook.from_history([statement, _alias("ZX1047", "zorbitamab", "inn")])
    record = event_record(statement, names)
    assert (record["compound"], record["alias"]) == ("zorbitamab", "ZX1047")
    only_codes = NameBook.from_history([statement])
    assert (event_record(statement, only_codes)["compound"], event_record(statement, only_codes)["alias"]) == (
        "ZX1047", "DuoBody-X1")


def test_a_book_for_a_day_heads_each_group_with_a_name_published_by_then_and_still_finds_every_name():
    history = [
        recorded(DevelopmentStatusReported, date(2008, 6, 3), compound="T-DM1", phase="II"),
        recorded(CompoundAliasRecorded, date(2008, 6, 3), compound="T-DM1", alias="trastuzumab-DM1", alias_kind="code"),
        recorded(CompoundAliasRecorded, date(2011, 4, 7), compound="trastuzumab emtansine", alias="T-DM1",
                 alias_kind="code"),
    ]
    assert NameBook.from_history(history, named_by=date(2008, 12, 31)).canonical("trastuzumab emtansine") == "T-DM1"
    assert NameBook.from_history(history, named_by=date(2011, 4, 7)).canonical("T-DM1") == "trastuzumab emtansine"
    assert NameBook.from_history(history).canonical("T-DM1") == "trastuzumab emtansine"


def test_a_prefixed_us_name_is_shown_as_a_us_name_not_an_inn():
    assert displayed_kind("ado-trastuzumab emtansine", "inn") == "US name"
    assert displayed_kind("trastuzumab emtansine", "inn") == "inn"
    assert displayed_kind("trastuzumab-DM1", "code") == "code"
