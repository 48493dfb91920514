from datetime import date

from builders import recorded

from projections.names import NameBook, name_key
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
