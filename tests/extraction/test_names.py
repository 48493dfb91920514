from extraction_helpers import facts_of, only

from tracker.extraction.compound_names import ocr_variants, pattern_mentions
from tracker.extraction.parties import normalise_party


def test_inns_and_codes_are_recognised_by_their_form():
    written = [m.written for m in pattern_mentions("ketrolimab, fam-lutuzumab deruxtecan, NRD-4410, ABX123 and rHuPH20")]
    assert written == ["ketrolimab", "fam-lutuzumab deruxtecan", "NRD-4410", "ABX123", "rHuPH20"]


def test_registry_ids_and_targets_are_not_codes():
    assert pattern_mentions("NCT01234567 targets HER2 and CD30") == []


def test_an_ocr_slip_is_the_same_name_but_another_digit_is_another_compound():
    assert ocr_variants("NRD-DML1", "NRD-DM1")
    assert not ocr_variants("IMX901", "IMX902")


def test_party_names_lose_their_legal_and_descriptive_suffixes():
    assert normalise_party("Nordlys Pharmaceuticals, Inc.") == "Nordlys"
    assert normalise_party("Orbis Pharmaceutical Company Limited") == "Orbis"
    assert normalise_party("Seaview Genetics, Inc.") == "Seaview Genetics"


def test_a_brand_with_its_inn_and_former_code_gives_two_aliases_of_the_inn():
    facts = facts_of("Velostra® (ketrolimab, formerly NRD-4410) was approved by the FDA.")
    aliases = sorted((f.compound, f.alias, f.alias_kind) for f in only(facts, "CompoundAliasRecorded"))
    assert aliases == [("ketrolimab", "NRD-4410", "former"), ("ketrolimab", "Velostra", "brand")]
    assert only(facts, "ApprovalGranted")[0].compound == "ketrolimab"


def test_a_us_prefixed_inn_is_an_alias_of_the_inn():
    facts = facts_of("The FDA approved Velostra (fam-lutuzumab deruxtecan) for gout.")
    aliases = sorted(f.alias for f in only(facts, "CompoundAliasRecorded"))
    assert aliases == ["Velostra", "fam-lutuzumab deruxtecan"]
    assert only(facts, "ApprovalGranted")[0].compound == "lutuzumab deruxtecan"


def test_a_comparators_alias_waits_in_review_and_the_comparator_is_not_the_subject():
    facts = facts_of("Ketrolimab significantly improved overall survival compared with patients treated with Zentrix® "
                     "(oblumab) in the Phase 3 ORION study.")
    assert [f.alias for f in only(facts, "CompoundAliasRecorded") if f.confidence >= 0.5] == []
    assert only(facts, "TopLineReported")[0].compound == "ketrolimab"


def test_the_brand_name_statement_names_the_brand_of_the_subject():
    facts = facts_of("The CHMP has adopted a positive opinion for lutekinib. If approved, the medicine will be "
                     "commercialized under the brand name VELOSTRA.")
    alias = only(facts, "CompoundAliasRecorded")[0]
    assert (alias.compound, alias.alias, alias.alias_kind) == ("lutekinib", "VELOSTRA", "brand")


def test_an_ocr_slip_in_a_name_is_read_as_the_name_the_release_otherwise_uses():
    facts = facts_of("NRD-DML1 Improved Survival\n\nNRD-DM1 is in Phase III testing. NRD-DM1 is given weekly.")
    assert {f.compound for f in facts} == {"NRD-DM1"}
