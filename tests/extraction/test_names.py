from datetime import date

import pytest
from extraction_helpers import facts_of, one, only

from tracker.extraction.compound_names import ocr_variants, pattern_mentions
from tracker.extraction.parties import normalise_party, party_at
from tracker.extraction.release_names import ReleaseNames


def test_inns_and_codes_are_recognised_by_their_form():
    written = [m.written for m in pattern_mentions("ketrolimab, fam-lutuzumab deruxtecan, NRD-4410, ABX123 and rHuPH20")]
    assert written == ["ketrolimab", "fam-lutuzumab deruxtecan", "NRD-4410", "ABX123", "rHuPH20"]


def test_registry_ids_and_targets_are_not_codes():
    assert pattern_mentions("NCT01234567 targets HER2 and CD30") == []
    assert pattern_mentions("a high response rate among PD-L1 positive and HLA-A*02 or HLA-A2 patients") == []


def test_an_ocr_slip_is_the_same_name_but_another_digit_is_another_compound():
    assert ocr_variants("NRD-DML1", "NRD-DM1")
    assert not ocr_variants("IMX901", "IMX902")


def test_party_names_lose_their_legal_and_descriptive_suffixes():
    assert normalise_party("Nordlys Pharmaceuticals, Inc.") == "Nordlys"
    assert normalise_party("Orbis Pharmaceutical Company Limited") == "Orbis"
    assert normalise_party("Seaview Genetics, Inc.") == "Seaview Genetics"
    assert normalise_party("Orbis Holding AG") == "Orbis"
    assert normalise_party("Tamura & Co., Inc.") == "Tamura"


def test_a_legal_form_ends_a_partys_name_where_a_sentence_runs_on_after_it():
    assert party_at("licensed the product from Onxo S.A. Nordlys plans to market it", 26).name == "Onxo"


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


def test_the_brand_and_generic_of_a_product_the_release_tells_nothing_else_of_are_an_alias():
    facts = facts_of("Orsolo Bio today reported third quarter results. The FDA approved Zentara (velotamab) for gout in August.\n\n"
                     "Velostra® (lutekinib potassium) net sales of $7.0 million grew 18% compared to the third quarter of 2018.")
    aliases = [(f.compound, f.alias) for f in only(facts, "CompoundAliasRecorded") if f.confidence >= 0.5]
    assert ("lutekinib", "Velostra") in aliases


def test_the_brand_name_statement_names_the_brand_of_the_subject():
    facts = facts_of("The CHMP has adopted a positive opinion for lutekinib. If approved, the medicine will be "
                     "commercialized under the brand name VELOSTRA.")
    alias = only(facts, "CompoundAliasRecorded")[0]
    assert (alias.compound, alias.alias, alias.alias_kind) == ("lutekinib", "VELOSTRA", "brand")


def test_an_ocr_slip_in_a_name_is_read_as_the_name_the_release_otherwise_uses():
    facts = facts_of("NRD-DML1 Improved Survival\n\nNRD-DM1 is in Phase III testing. NRD-DM1 is given weekly.")
    assert {f.compound for f in facts} == {"NRD-DM1"}


# A name of each stem of the newer classes (invented names), and English words that only end like one.
STEM_NAMES = [
    ("velozolam", True), ("torcaserin", True), ("ivacaftor", True), ("nortolvaptan", True), ("ketosentan", True),
    ("dorogliatin", True), ("velomilast", True), ("ketobegron", True), ("velamulin", True), ("trisaborole", True),
    ("relzagolix", True), ("velocamtiv mecarbil", True), ("orsatristat ethyl", True), ("velomoclomol", True), ("velitacicept", True),
    ("vobegron", True), ("tagliflozin", True), ("ketrolimab", True),
    ("LDL cholesterol", False), ("a gonadotropin", False), ("the protocol", False), ("in April", False),
    ("velaparin", True), ("tornixafor", True), ("veliciguat", True), ("ketrofenacin", True), ("orsemifene", True),
    ("velitegrast", True),
]


@pytest.mark.parametrize(("text", "is_inn"), STEM_NAMES, ids=[text for text, _ in STEM_NAMES])
def test_an_inn_is_known_by_its_who_stem(text: str, is_inn: bool):
    written = [m.written for m in pattern_mentions(text)]
    assert written == ([text] if is_inn else [])


# Codes by form: a two-digit code with its leading zero, a spaced code before a comma; and what only looks like one.
CODE_FORMS = [
    ("ORS-01 is an oral tubulin inhibitor.", ["ORS-01"]),
    ("The license covers NRD 4410, an oral antibody.", ["NRD 4410"]),
    ("Patients with COVID-19 received IL-17 blockers.", []),
    ("Revenue for FY-09 rose.", []),
    ("The fee was ORS 1,250 per vial.", []),
    ("The FDA accepted the BLA for ORS\u2011102.", ["ORS\u2011102"]),  # a non-breaking hyphen, as web pages write one
    ("Health Canada approved ORS-Ketrofibrate for adults.", ["ORS-Ketrofibrate"]),  # a company's letters before an INN
    ("The FDA cleared the IND for ORS58-60, a hypochlorous acid formulation.", ["ORS58-60"]),
]


@pytest.mark.parametrize(("text", "codes"), CODE_FORMS, ids=[text for text, _ in CODE_FORMS])
def test_a_code_is_known_by_its_form(text: str, codes: list):
    assert [m.written for m in pattern_mentions(text) if m.kind == "code"] == codes


def test_a_company_written_with_its_legal_form_is_never_a_compound():
    facts = facts_of("Aachen, 18 December 2017 - ORSOLA AG and Tamura today announce that they have entered into a license "
                     "agreement for velozolam with ORSOLA granting Tamura an exclusive license to velozolam in Japan.\n\n"
                     "ORSOLA will receive a EUR 1 million upfront payment.")
    assert "ORSOLA" not in {f.compound for f in facts}
    partnership = next(f for f in only(facts, "PartnershipRecorded") if f.partner == "Tamura")
    assert (partnership.compound, partnership.role) == ("velozolam", "licensee")


@pytest.mark.parametrize("thing", ["platform", "technology", "device", "inhaler"])
def test_a_marked_technology_or_device_is_no_compound(thing: str):
    facts = facts_of(f"Orsolo Bio entered into a collaboration with Tamura Pharma to develop drugs based on its Lumena® {thing}, "
                     "including ORS-060.")
    assert {f.compound for f in facts} == {"ORS-060"}


# A brand in title case before its generic name in parentheses, with or without a code: sentence in, aliases out.
BRAND_BEFORE_GENERIC = [
    ("Both companies signed a license agreement for Korsana (orsikefalin) Injection in the US.",
     [("orsikefalin", "Korsana", "brand")]),
    ("Orsolo received a letter regarding its NDA for Fintara (ORS008, velfluramine hydrochloride) for seizures.",
     [("velfluramine hydrochloride", "Fintara", "brand"), ("velfluramine hydrochloride", "ORS008", "code")]),
]


@pytest.mark.parametrize(("sentence", "aliases"), BRAND_BEFORE_GENERIC, ids=[s[:50] for s, _ in BRAND_BEFORE_GENERIC])
def test_a_title_case_brand_before_its_generic_is_an_alias(sentence: str, aliases: list):
    found = sorted((f.compound, f.alias, f.alias_kind) for f in only(facts_of(sentence), "CompoundAliasRecorded"))
    assert found == sorted(aliases)


def test_a_refusal_to_file_is_no_plan_to_file():
    facts = facts_of("Orsolo received a Refusal to File letter from the FDA regarding its NDA for velotamab.")
    assert only(facts, "SubmissionExpected") == []
    assert only(facts, "ApprovalDeclined")[0].form == "refusal"


@pytest.mark.parametrize("sentence", [
    "SALT LAKE CITY, UT, Jun 30, 2008 (MARKET WIRE via COMTEX News Network) -- Orsolo Bio today announced that the study did not achieve its primary endpoint.",
    "The FDA issued a complete response letter to Orsolo Therapeutics regarding the New Drug Application for Therapeutics products.",
])
def test_wire_services_and_company_words_are_no_compounds(sentence: str):
    assert {f.compound for f in facts_of(sentence)} <= {None}


def test_an_exchange_before_its_listing_is_no_brand():
    names = ReleaseNames(["Orsolo Group (\u201cOrsolo\u201d)(OSAKA:4565) confirms that the MHLW approved velotamab."], set())
    assert "OSAKA" not in names.brands


def test_an_enzyme_a_product_acts_on_is_no_generic():
    names = ReleaseNames(["The NMPA accepted the NDA for ketragliatin, the first approved glucokinase activator.",
                          "Approval of glucokinase activators is rare; glucokinase is an enzyme."], set())
    assert "glucokinase" not in names.learnt


# Words in capitals of the field that name no product: targets, regimens, scales, a heading's English, an exchange.
@pytest.mark.parametrize("word", ["VEGFR", "FOLFIRI", "RECIST", "ETDRS", "IMPORTANCE", "XETRA-DAX"])
def test_a_word_of_the_field_in_capitals_is_no_brand(word: str):
    names = ReleaseNames([f"Orsolo said {word} was cited in the report on velotamab.", f"The {word} table was updated."], set())
    assert word not in names.brands


# Brands written the way wires dress them, and generics with the form they are sold in: sentence in, aliases out.
DRESSED = [
    ("Orsolo received authorization from Health Canada to commercialize VELORA(®) (velokalant hydrochloride, IV) in Canada.",
     ("velokalant hydrochloride", "VELORA")),
    ("Tamura submitted a New Drug Application to the FDA for KESTRA(®) (velostinil injection) for hypertension.", ("velostinil", "KESTRA")),
    ("Zentra® (velformin hydrochloride extended-release) royalties from Tamura were $14.6 million.", ("velformin hydrochloride", "Zentra")),
    ("The Orsa^® Inhalation device delivers ORS-149 (velotamab).", ("velotamab", "ORS-149")),
    # the form as a Japanese label shortens it
    ("Tamura received approval from the MHLW for VELORA® HS Inj. (ORS-031), an allogeneic cell product.", ("ORS-031", "VELORA")),
]


@pytest.mark.parametrize(("sentence", "alias"), DRESSED, ids=[s[:50] for s, _ in DRESSED])
def test_a_dressed_brand_and_a_generic_with_its_form_are_aliases(sentence: str, alias: tuple[str, str]):
    assert alias in {(f.compound, f.alias) for f in only(facts_of(sentence), "CompoundAliasRecorded")}


def test_the_company_beside_a_generic_in_parentheses_is_no_alias():
    facts = facts_of("Orsolo Pharma plc (LSE: ORS) today announced a trial. The comparators are dinotrazol and Velmora "
                     "(ketrotocin, Orsolo) for induction.")
    assert "Orsolo" not in {f.alias for f in only(facts, "CompoundAliasRecorded")}


def test_one_generic_in_two_doses_beside_its_brand_is_that_generic():
    text = "The European Commission approved Velostra® (ketrolix 100mg and ketrolix 200mg) for uterine fibroids."
    assert ReleaseNames([text], set()).learnt == {"ketrolix"}
    assert ("ketrolix", "Velostra") in {(f.compound, f.alias) for f in only(facts_of(text), "CompoundAliasRecorded")}


def test_the_letters_of_a_route_beside_a_generic_are_no_alias():
    facts = facts_of("Orsolo received authorization from Health Canada to commercialize VELORA® (velokalant hydrochloride, IV) in Canada.")
    assert "IV" not in {f.alias for f in only(facts, "CompoundAliasRecorded")}


def test_a_code_and_a_brand_written_with_a_slash_name_one_product():
    facts = facts_of("The FDA has issued a complete response letter to the ORX-5010/ZENTARA™ (velotamab-vikg) biologics "
                     "license application for gout.")
    aliases = {(fact.compound, fact.alias, fact.alias_kind) for fact in only(facts, "CompoundAliasRecorded")}
    assert ("velotamab", "ORX-5010", "code") in aliases and ("velotamab", "ZENTARA", "brand") in aliases
    assert one(facts, "ApprovalDeclined").compound == "velotamab"


def test_two_inns_written_with_a_slash_are_a_combination_not_aliases():
    facts = facts_of("The European Commission has approved velotamab/trazimab for adults with gout.")
    assert not only(facts, "CompoundAliasRecorded")


def test_the_dosage_form_after_a_brand_is_no_part_of_it():
    facts = facts_of("Orsolo Bio: First in Class Once-Daily Dual Bronchodilator\nVelmora Inhalation Capsules (ORS149) Approved for the "
                     "Treatment of COPD in\nJapan\n\n  *Once-daily Velmora^® Inhalation Capsules (ORS149) (trazonium /\n    velaterol), "
                     "approved for\n    relief of symptoms due to airway obstruction in COPD\n\n"
                     "Orsolo Bio (TOKYO:4565) confirms that the MHLW approved Velmora® Inhalation Capsules for the relief of symptoms of COPD.")
    aliases = {(f.compound, f.alias) for f in only(facts, "CompoundAliasRecorded")}
    assert aliases == {("trazonium / velaterol", "Velmora"), ("trazonium / velaterol", "ORS149")}


def test_a_diseases_eponym_after_an_authorisation_is_no_product():
    facts = facts_of("Orsolo Bio expects the CHMP to maintain its negative opinion on the variation of its existing marketing "
                     "authorization for Stargardt's macular dystrophy.")
    assert {f.compound for f in facts} <= {None}


def test_the_reference_product_of_a_biosimilar_is_a_comparator():
    facts = facts_of("Recommended for Approval for the Same Indications as Zentrix® (oblumab) Orsolo Bio today announced that the CHMP "
                     "has adopted a positive opinion for the marketing authorization of ORS-980, a biosimilar to Zentrix® (oblumab).")
    assert [(f.compound, f.opinion) for f in only(facts, "RegulatoryOpinionIssued")] == [("ORS-980", "positive")]
    assert [f.alias for f in only(facts, "CompoundAliasRecorded") if f.confidence >= 0.5] == []


def test_a_word_in_capitals_told_by_its_data_is_a_trial_not_a_brand():
    facts = facts_of("The MHLW approved ORS149 for COPD.\n\n  *HORIZON data showed ORS149 significantly improved lung function.")
    assert {f.compound for f in only(facts, "TopLineReported")} == {"ORS149"}


# Alias statements in the ordinary forms of the field, either name first: sentence in, (compound, alias) out.
ALIAS_STATEMENTS = [
    ("Orsolo announced that the FDA approved NRD-4410, also known as ketrolimab, for gout.", ("ketrolimab", "NRD-4410")),
    ("Tamura obtains the right to market its tubulin inhibitor, ketrolimab, also known asNRD2-391.", ("ketrolimab", "NRD2-391")),
    ("Orsolo announced that the FDA approved NRD2-391 (ketrolimab) for gout.", ("ketrolimab", "NRD2-391")),
    ("Orsolo announced that the FDA approved Velostra, the brand name for ketrolimab, for gout.", ("ketrolimab", "Velostra")),
    ("NRD-4410 is a dry powder formulation for oral inhalation of ketrolimab, a long-acting antagonist.", ("ketrolimab", "NRD-4410")),
    ("The EC approved ketrolimab, which will be marketed under the trade name Velostra, for gout.", ("ketrolimab", "Velostra")),
    ("The EC approved ketrolimab, which Tamura will market as Velostra, for gout.", ("ketrolimab", "Velostra")),
    # a generic name of no known stem, known by the code beside it
    ("The FDA accepted the NDA for edarolone (NRD-186) an intravenous treatment for ALS.", ("edarolone", "NRD-186")),
    ("The FDA accepted the NDA for NRD-186 (edarolone) for ALS.", ("edarolone", "NRD-186")),
    ("NRD237 is a dry powder formulation for oral inhalation of trazonium bromide, a LAMA.", ("trazonium bromide", "NRD237")),
    ("Orsolo announced that the FDA approved ketorolol (VELOSTRA) for adults with gout.", ("ketorolol", "VELOSTRA")),
    ("Orsolo announced that the FDA approved ketorolol (Velostra®) for adults with gout.", ("ketorolol", "Velostra")),
    ("Orsolo announced that the FDA approved ketrolimab tablets (Velostra) for adults with gout.", ("ketrolimab", "Velostra")),
    ("Orsolo announced that the FDA approved NRD4410 (proposed INN ketrolimab) for adults with gout.", ("ketrolimab", "NRD4410")),
    # a generic of no known stem with its abbreviation, after its brand or before it with its form
    ("Orsolo reported results of the Phase 3 trial of its investigational medicine Velostra® (ketrodiol or KTD) for seizures.",
     ("ketrodiol", "KTD")),
    ("Orsolo reported results of the Phase 3 trial of its investigational medicine Velostra® (ketrodiol or KTD) for seizures.",
     ("ketrodiol", "Velostra")),
    ("Ketrodiol oral solution (KTD, Velostra), is a pharmaceutical formulation of highly purified ketrodiol.", ("ketrodiol", "Velostra")),
    # a combination's brand, its generics each with a salt or a dose: the brand of the combination
    ("The European Commission approved Velostra (ketrolone HCl / nortrazine HCl prolonged release) for obesity.",
     ("ketrolone/nortrazine", "Velostra")),
    ("The agency approved Velostra® Inhalation Capsules (ketrolone 50 mcg / nortrazine 110 mcg) for COPD.",
     ("ketrolone/nortrazine", "Velostra")),
    # a second parenthesis goes on with the names of the first
    ("Once-daily Velostra® Inhalation Capsules (NRD149) (ketrolone / nortrazine) were approved for COPD.",
     ("ketrolone / nortrazine", "NRD149")),
]


@pytest.mark.parametrize("sentence", ["The FDA accepted the NDA for the antibody (NRD-186) for ALS.",
                                      "Patients received placebo (NRD-186) or the reference therapy.",
                                      "NRD-186 met the primary endpoint (ORION) in adults with hepatocellular carcinoma (HCCX)."])
def test_a_common_word_beside_a_code_is_no_generic_name(sentence: str):
    assert not only(facts_of(sentence), "CompoundAliasRecorded")


@pytest.mark.parametrize(("sentence", "alias"), ALIAS_STATEMENTS, ids=[s[:60] for s, _ in ALIAS_STATEMENTS])
def test_an_alias_statement_of_the_field_records_the_alias(sentence: str, alias: tuple[str, str]):
    assert alias in {(f.compound, f.alias) for f in only(facts_of(sentence), "CompoundAliasRecorded")}


# A headline's brand and the INN or code the first paragraph reports on, tied nowhere else: one compound.
HEADLINE_AND_LEAD = [
    ("Orsolo Bio Receives FDA Approval for VELOSTRA\n\nOrsolo Bio today announced that the FDA approved ketrolimab for "
     "adults with gout.", ("ketrolimab", "VELOSTRA")),
    ("FDA Approves Velostra for Gout\n\nOrsolo Bio today announced that the FDA approved NRD-4410 for adults with gout. "
     "Velostra is the first therapy of its kind.", ("NRD-4410", "Velostra")),
]


@pytest.mark.parametrize(("text", "alias"), HEADLINE_AND_LEAD, ids=[t[:40] for t, _ in HEADLINE_AND_LEAD])
def test_a_headline_brand_is_the_brand_of_the_compound_of_the_first_paragraph(text: str, alias: tuple[str, str]):
    facts = facts_of(text)
    assert alias in {(f.compound, f.alias) for f in only(facts, "CompoundAliasRecorded")}
    assert {f.compound for f in only(facts, "ApprovalGranted")} == {alias[0]}


def test_a_headline_brand_is_not_joined_to_a_lead_that_names_two_compounds():
    facts = facts_of("FDA Approves Velostra for Gout\n\nOrsolo Bio today announced that the FDA approved ketrolimab and "
                     "velotamab for adults with gout.")
    assert not only(facts, "CompoundAliasRecorded")


def test_a_brand_stated_without_its_compound_is_the_brand_of_the_sentences_subject():
    facts = facts_of("The FDA accepted the NDA for ketrolimab for ALS. If approved, the medicine will be commercialized "
                     "under the brand name VELOSTRA™ by Tamura. VELOSTRA™ will be launched in 2020.")
    assert ("ketrolimab", "VELOSTRA") in {(f.compound, f.alias) for f in only(facts, "CompoundAliasRecorded")}
    assert {f.compound for f in facts} == {"ketrolimab"}


def test_a_brand_told_as_the_name_a_product_goes_under_elsewhere_is_its_brand():
    facts = facts_of("The European Commission approved Velostra (ketrolol) for infantile gout.\n\nThis follows the FDA approval "
                     "obtained for the same product but under the Zentrivo brand name.")
    assert ("ketrolol", "Zentrivo") in {(f.compound, f.alias) for f in only(facts, "CompoundAliasRecorded")}


def test_two_brands_of_one_product_in_two_regions_written_with_a_slash_are_aliases():
    facts = facts_of("Royalties were earned on Tamura’s net sales of its regimen ZENTRAVO™/ZENTRIVO™ in the quarter.")
    assert ("ZENTRAVO", "ZENTRIVO") in {(f.compound, f.alias) for f in only(facts, "CompoundAliasRecorded")}
    assert not only(facts_of("Patients were treated with VELMORA®/ZENTARA® in the trial."), "CompoundAliasRecorded")


@pytest.mark.parametrize("name", ["ortafibrate", "velopril", "trazolol", "ketodipine", "norvastatin", "lurapine", "mevotidine"])
def test_the_stems_of_old_generic_classes_name_inns_too(name):
    assert [m.written for m in pattern_mentions(f"an oral formulation of {name} for adults")] == [name]


def test_a_generic_a_regulator_rules_on_is_a_name_whatever_its_ending():
    facts = facts_of("The FDA issued a Complete Response Letter (CRL) for its New Drug Application (NDA) for ketorilant. "
                     "Ketorilant is an oral glucocorticoid receptor modulator.")
    declined = one(facts, "ApprovalDeclined")
    assert (declined.compound, declined.region, declined.form) == ("ketorilant", "US", "complete_response")


def test_a_generic_slot_holds_no_english_word():
    # written twice, as a product's name is: only the word list keeps it out
    facts = facts_of("The FDA granted approval for moderate to severe plaque psoriasis in adults with moderate disease.")
    assert all(getattr(fact, "compound", None) != "moderate" for fact in facts)


def test_each_drug_of_a_combination_list_is_a_comparator_and_its_abbreviation_no_alias_of_the_subject():
    facts = facts_of("Phase 1 study of ketrolimab in combination with pomalidomide (Pom) and velamethasone (Vel) in myeloma.")
    assert [f.alias for f in only(facts, "CompoundAliasRecorded") if f.confidence >= 0.5] == []


def test_an_about_section_on_a_product_a_regulator_rules_on_names_no_company():
    facts = facts_of("Nordlys Pharma today announced that the European Commission has granted marketing authorization for "
                     "Velostra (ketrolone HCl prolonged release) for adults with obesity.\n\nAbout Velostra\n\n"
                     "Velostra is a once-daily tablet.")
    approval = one(facts, "ApprovalGranted")
    assert (approval.compound, approval.region) == ("Velostra", "EU")


def test_a_capital_in_a_title_case_headline_names_no_product():
    facts = facts_of("Nordlys's Velostra™ (ketrolimab) Receives Positive CHMP Opinion Recommending Approval for Weight Management\n\n"
                     "Nordlys Pharma today announced a positive CHMP opinion for Velostra™ (ketrolimab).")
    assert {fact.compound for fact in only(facts, "RegulatoryOpinionIssued")} == {"ketrolimab"}


@pytest.mark.parametrize("suffix", ["XR", "ER", "SR", "XL", "ODT"])
def test_the_letters_of_a_brands_release_form_are_part_of_it(suffix):
    facts = facts_of(f"The FDA has approved Velostra {suffix} for adults with migraine. Velostra {suffix} is a tablet.")
    assert one(facts, "ApprovalGranted").compound == f"Velostra {suffix}"


@pytest.mark.parametrize("sentence", [
    "Nordlys dosed the first patient in a Phase 3 study evaluating velapanor for hyperphosphatemia.",
    "Under the license agreement for velapanor, Nordlys received a $30 million upfront payment.",
    "The PDUFA date for velapanor is April 29, 2020.",
])
def test_a_generic_where_a_deal_or_a_trial_names_its_product_is_a_name_whatever_its_ending(sentence):
    release = f"{sentence} Velapanor is an oral tablet."  # a release names its product again
    assert {getattr(fact, "compound", None) for fact in facts_of(release)} == {"velapanor"}


@pytest.mark.parametrize("word", ["patients", "investigator", "whether", "combination", "placebo", "different"])
def test_an_english_word_where_a_trial_names_its_product_is_no_name(word):
    # written twice, as a product's name is: only the word list keeps it out
    facts = facts_of(f"Nordlys dosed the first patient in a Phase 3 study evaluating {word} in adults. The {word} is new.")
    assert all(getattr(fact, "compound", None) != word for fact in facts)


def test_a_party_told_as_anothers_partner_is_that_partner():
    assert party_at("developed by Orsolo's Japanese partner Tamura Pharma Co. Ltd., was approved", 13).name == "Tamura"


@pytest.mark.parametrize(("sentence", "brand", "generic"), [
    ("Velostra (ketrozolam mucoadhesive buccal tablets) is proposed for cold sores.", "Velostra", "ketrozolam"),
    ("Tamura received approval for Orsolo's VeloCrin 90 mg (ketrosterone) for luteal support.", "VeloCrin", "ketrosterone"),
    ("Velomet® (ketroformin hydrochloride extended-release) royalties rose.", "Velomet", "ketroformin hydrochloride"),
])
def test_a_brand_and_its_generic_are_one_compound_whatever_its_dose_and_form(sentence, brand, generic):
    aliases = {(f.compound, f.alias) for f in only(facts_of(sentence), "CompoundAliasRecorded")}
    assert (generic, brand) in aliases


def test_a_generic_known_by_its_code_is_called_in_lower_case_however_headlines_capitalise_it():
    facts = facts_of("FDA Accepts Orsolo's NDA Filing for Ketravone\n\n"
                     "Ketravone may be the first new treatment in 20 years.\n\n"
                     "Orsolo announced that the FDA has accepted its New Drug Application (NDA) for ketravone (ORS-186).")
    assert {fact.compound for fact in only(facts, "RegulatorySubmission")} == {"ketravone"}


@pytest.mark.parametrize(("sentence", "name"), [
    ("The FDA has accepted the BLA for ors-cel and set a PDUFA date of May 25, 2024.", "ors-cel"),
    ("Orsolo received a Complete Response Letter (CRL) from the FDA for its New Drug Application (NDA) for velorimer. "
     "Velorimer is a polymer.", "velorimer"),
])
def test_a_cell_therapys_short_name_and_a_polymers_generic_are_names(sentence, name):
    assert {getattr(fact, "compound", None) for fact in facts_of(sentence)} == {name}


def test_a_dateline_city_before_a_wires_mark_is_no_brand():
    facts = facts_of("Orsolo Earns Milestone\n\nCRANBURY, N.J., Feb. 12 /PRNewswire/ -- Orsolo Technologies, Inc. (NYSE: ORS) "
                     "has earned a milestone payment of $2.5 million for velotamab.")
    assert {getattr(fact, "compound", None) for fact in facts} == {"velotamab"}


@pytest.mark.parametrize("sentence", [
    "Orsolo announced positive Phase III trial results for Velora, a vaginal tablet containing 25mg of ketroprostol.",
    "Velora is a long-acting capsule formulation of ketrodopa, the standard of care.",
])
def test_a_brand_told_as_a_form_of_its_generic_is_an_alias_of_it(sentence):
    aliases = {(f.compound, f.alias) for f in only(facts_of(sentence), "CompoundAliasRecorded") if f.confidence >= 0.5}
    assert aliases == {("ketroprostol" if "prostol" in sentence else "ketrodopa", "Velora")}


def test_an_inn_a_headline_writes_in_capitals_is_called_in_lower_case():
    facts = facts_of("ORSOLO STARTS PHASE III TRIALS OF ORS202 (KETROPROSTOL)\n\n"
                     "Orsolo has commenced the Phase III trial programme for ORS202 (KETROPROSTOL) for the induction of labour.")
    assert {f.compound for f in only(facts, "TrialStarted")} == {"ketroprostol"}


@pytest.mark.parametrize(("sentence", "name"), [
    ("The randomized Phase III TANGO study is evaluating VeloVax in 700 patients with renal cancer.", "VeloVax"),
    ("Orsolo started a Phase 2 trial of Velostra in adults with gout.", "Velostra"),
    ("Orsolo started a Phase 2 trial of VElostra in adults with gout.", "VElostra"),
])
def test_a_brand_a_trial_tests_is_a_name_camel_case_included(sentence, name):
    assert {getattr(f, "compound", None) for f in facts_of(sentence)} == {name}


@pytest.mark.parametrize(("text", "compounds"), [
    ("Velmora is precision cancer immunotherapy and data from the ORCA trial will be presented at ESMO 2019. The trial "
     "will focus on the efficacy of Velmora.", {"Velmora"}),
    # a word the release writes once, or a word of the field, is none
    ("Velmora is precision cancer immunotherapy and data from the ORCA trial will be presented at ESMO 2019.", set()),
    ("Immunotherapy is a treatment that uses the immune system. Immunotherapy data will be presented at ESMO 2019.", set()),
])
def test_a_title_case_word_a_sentence_opens_by_describing_as_a_product_is_a_name(text: str, compounds: set):
    assert {getattr(f, "compound", None) for f in facts_of(text) if getattr(f, "compound", None)} == compounds


def test_a_product_in_apposition_to_the_word_drug_is_a_name_with_its_release_form():
    facts = facts_of("Orsolo Therapeutics' drug, Velora XR-ODT, aims to treat ADHD. The FDA was expected to make a decision on the "
                     "drug by Nov. 9.", date(2015, 10, 20))
    assert {f.compound for f in only(facts, "RegulatoryDecisionExpected")} == {"Velora XR-ODT"}


def test_a_brand_written_before_its_inn_is_its_alias():
    facts = facts_of("China's NMPA approved an NDA for Ganolo danorevir to treat hepatitis C.")
    assert {(f.compound, f.alias) for f in only(facts, "CompoundAliasRecorded")} == {("danorevir", "Ganolo")}


def test_a_word_a_release_writes_once_in_a_product_slot_is_no_name():
    once = facts_of("Orsolo dosed the first patient in a Phase 2 study evaluating tremonor in adults.")
    assert all(getattr(fact, "compound", None) != "tremonor" for fact in once)
    again = facts_of("Orsolo dosed the first patient in a Phase 2 study evaluating tremonor in adults. Tremonor is an oral tablet.")
    assert {getattr(fact, "compound", None) for fact in again} == {"tremonor"}


# A brand a filing is for, the regulator and the region between, named again in the release: a name. Release in, the
# compounds of its facts out.
BRANDS_FILED_FOR = [
    ("Orsolo has filed a marketing authorisation application (MAA) to the Medicines and Healthcare Products Regulatory "
     "Agency (MHRA) in the UK for Velmora. Velmora was licensed to Orsolo in 2005.", {"Velmora"}),
    ("Orsolo said its licensee Tamura has filed a marketing approval dossier with Israel's Ministry of Health for Velmora, "
     "its first prescription drug. Orsolo started selling Velmora in Slovenia.", {"Velmora"}),
    # a title, a disease's eponym and a word written once are no product
    ("Orsolo submitted an application to the FDA for Accelerated Approval of its lead program.", set()),
    ("Orsolo submitted an application to the FDA for Duchenne muscular dystrophy. Duchenne is rare.", set()),
    ("Orsolo submitted an application to the FDA for Velmora.", set()),
]


@pytest.mark.parametrize(("text", "compounds"), BRANDS_FILED_FOR, ids=[t[:60] for t, _ in BRANDS_FILED_FOR])
def test_a_brand_a_filing_is_for_is_a_name(text: str, compounds: set):
    assert {fact.compound for fact in facts_of(text) if getattr(fact, "compound", None)} == compounds


# A product's short name in capitals, licensed or developed: a name, not a trial's programme. Sentence in, compounds out.
SHORT_CAPS_PRODUCTS = [
    ("Orsolo licenses ORSA program to Tamura; potential for over $75 mln in milestone payments to Orsolo.", {"ORSA"}),
    ("Orsolo has licensed rights to ORSA to Tamura. Tamura intends to develop ORSA for orphan indications.", {"ORSA"}),
    # a disease's letters, defined as such, are none
    ("Orsolo licensed rights to its drugs for amyotrophic lateral sclerosis (ALS) to Tamura, to develop ALS for "
     "the company.", set()),
]


@pytest.mark.parametrize(("text", "compounds"), SHORT_CAPS_PRODUCTS, ids=[t[:60] for t, _ in SHORT_CAPS_PRODUCTS])
def test_a_products_letters_licensed_or_developed_name_it(text: str, compounds: set):
    assert {fact.compound for fact in facts_of(text) if getattr(fact, "compound", None)} == compounds


# A drug a trial compares its product with, told by the word "comparator" or "control": never the subject a
# later sentence naming no compound is about. Release in, the compound of its readout out.
COMPARATOR_WORDS = [
    ("Orsolo completed enrollment in ORCA-1, a Phase 3 study of NRD-4410 in gout. The study also includes a comparator arm "
     "of ketrapine, an established treatment. Topline results from the study are expected in mid-2020.", "NRD-4410"),
    ("Orsolo completed enrollment in ORCA-1, a Phase 3 study of NRD-4410 in gout, versus two widely-used comparators, "
     "ketrapine and velopine. Topline results from the study are expected in mid-2020.", "NRD-4410"),
    ("Orsolo completed enrollment in ORCA-1, a Phase 3 study of NRD-4410 in gout. The trial includes an IV ketrapine "
     "positive control arm. Topline results from the study are expected in mid-2020.", "NRD-4410"),
    ("Orsolo completed enrollment in ORCA-1, a Phase 3 study of NRD-4410 in gout. Patients receive placebo, with ketrapine "
     "as the active comparator. Topline results from the study are expected in mid-2020.", "NRD-4410"),
]


@pytest.mark.parametrize(("text", "compound"), COMPARATOR_WORDS, ids=[t[90:150] for t, _ in COMPARATOR_WORDS])
def test_a_drug_told_as_a_comparator_or_control_arm_is_no_subject(text: str, compound: str):
    assert {f.compound for f in only(facts_of(text), "ReadoutExpected")} == {compound}


# Two brands, each with its form and its generic, in one list: two compounds, never one (the form's word is no brand).
@pytest.mark.parametrize("form", ["Inhalation Capsules", "Tablets", "Injection", "Oral Suspension"])
def test_the_form_words_after_two_brands_join_no_two_compounds(form: str):
    facts = facts_of(f"Velodual combines two established treatments, the LABA, Velostra® {form} (ketroterol), and the LAMA, "
                     f"Zentrio® {form} (lutopronium bromide).")
    aliases = {(f.compound, f.alias) for f in only(facts, "CompoundAliasRecorded")}
    assert ("ketroterol", "Velostra") in aliases
    assert not {alias for _, alias in aliases} & set(form.split())
    assert all(compound != "ketroterol" for compound, alias in aliases if alias != "Velostra")


# A product told as a formulation of its generic, the generic after its class or its purity: (generic, alias) out.
FORMULATIONS_OF_A_CLASS = [
    ("VELOSTRA (formerly NRD-104), a sustained-exposure formulation of the steroid ketramethasone, was being developed for gout.",
     [("ketramethasone", "VELOSTRA"), ("ketramethasone", "NRD-104")]),
    ("Velostra, the company's novel formulation of the active ingredient ketrofibrate, was approved by Health Canada.",
     [("ketrofibrate", "Velostra")]),
    ("Orsolo received approval for ORS-Ketrofibrate, the company's novel formulation of the active ingredient ketrofibrate.",
     [("ketrofibrate", "ORS-Ketrofibrate")]),
    ("NRD-104 is a pharmaceutical formulation of highly purified ketramethasone for oral use.", [("ketramethasone", "NRD-104")]),
    # a generic of no known stem told in its form, its adjectives no part of it
    ("NRD2002 is a topical ketryl trinitrate gel used for the treatment of gout.", [("ketryl trinitrate", "NRD2002")]),
    # a generic of no known stem, a combination written with a hyphen: a name by its place
    ("Velostra is a long-acting capsule formulation of ketrobidol-nortrazine, the standard of care for gout.",
     [("ketrobidol-nortrazine", "Velostra")]),
]


@pytest.mark.parametrize("sentence", ["Velmora is an oral solution specially developed for pediatric use.",
                                      "Velmora is a 50 mg mucoadhesive tablet for gout.",
                                      "Velmora is a novel ready-to-use solution for gout."])
def test_the_words_of_a_products_form_are_no_generic(sentence: str):
    assert not only(facts_of(sentence), "CompoundAliasRecorded")


@pytest.mark.parametrize(("sentence", "aliases"), FORMULATIONS_OF_A_CLASS, ids=[s[:50] for s, _ in FORMULATIONS_OF_A_CLASS])
def test_a_formulation_of_a_generic_told_with_its_class_is_an_alias_of_it(sentence: str, aliases: list[tuple[str, str]]):
    found = {(f.compound, f.alias) for f in only(facts_of(sentence), "CompoundAliasRecorded")}
    assert set(aliases) <= found


# The city a news agency reports from, in capitals before its mark: no brand, and no subject of what follows.
@pytest.mark.parametrize("agency", ["Reuters", "Alliance News", "Dow Jones", "AP"])
def test_a_dateline_city_before_a_news_agencys_mark_is_no_brand(agency: str):
    facts = facts_of(f"Orsolo wins velotamab approval\n\nVELMORTH ({agency}) - Orsolo Ltd said on Tuesday that the FDA had approved "
                     "velotamab for gout. The approval triggers a $5 million milestone payment to Orsolo.")
    assert {fact.compound for fact in facts} == {"velotamab"}


# Statements a semicolon or a contrast joins into one sentence ("Pipeline highlights: A ...; B ...; C ...", "A met ...,
# while B failed ..."): each fact is of the
# product, the trial and the phase of its own statement. Sentence in, (type, compound, phase) of each fact out.
SEMICOLON_STATEMENTS = [
    ("Pipeline highlights: ketrolimab completed enrollment in the Phase 3 RIVET study; velotamab met its primary endpoint "
     "in the Phase 2 ORCA study; an NDA for NRD-4410 was submitted to the FDA.",
     {("DevelopmentStatusReported", "ketrolimab", "III"), ("TopLineReported", "velotamab", "II"), ("RegulatorySubmission", "NRD-4410", None)}),
    ("Partners: Tamura initiated a Phase 3 trial of ketrolimab in Japan; Kestrin received approval in China for velotamab; "
     "Orbis expects top-line data from the Phase 2 trial of NRD-4410 in 2020.",
     {("TrialStarted", "ketrolimab", "III"), ("ApprovalGranted", "velotamab", None), ("ReadoutExpected", "NRD-4410", "II")}),
    ("Velotamab met its primary endpoint in the Phase 3 ORCA trial, while ketrolimab failed to meet its primary endpoint "
     "in the Phase 2 RIVET trial.", {("TopLineReported", "velotamab", "III"), ("TopLineReported", "ketrolimab", "II")}),
    # a participle after "while" goes on with the same subject
    ("In the second quarter, Orsolo expanded its platform into neurology with the EU approval of Velostra, while also "
     "extending its reach with the FDA approval of Zentara® (ketrolimab).",
     {("ApprovalGranted", "Velostra", None), ("ApprovalGranted", "ketrolimab", None), ("CompoundAliasRecorded", "ketrolimab", None)}),
    # a semicolon inside a parenthesis, or before the next term of a list, joins no statements
    ("Velotamab met its primary endpoint in the Phase 3 ORCA study (HR=0.60 [95% CI, 0.45-0.80]; p=0.0002) compared with "
     "chemotherapy (investigator's choice: ketroplatin with or without trazumab; or NRD-4410 with or without trazumab).",
     {("TopLineReported", "velotamab", "III")}),
]


@pytest.mark.parametrize(("sentence", "expected"), SEMICOLON_STATEMENTS, ids=[s[:50] for s, _ in SEMICOLON_STATEMENTS])
def test_each_statement_a_semicolon_joins_is_of_its_own_product(sentence: str, expected: set):
    facts = facts_of(sentence, date(2019, 8, 5))
    assert {(type(f).__name__, f.compound, getattr(f, "phase", None)) for f in facts if f.confidence >= 0.5} == expected


# A sentence (or clause) naming a trial and no compound is about the compound the release ties that trial to, not the
# compound the sentence or its paragraph names elsewhere. Release in, (compound, trial) of each readout out.
TRIALS_OF_COMPOUNDS = [
    ("Orsolo completed enrollment in the Phase 3 RIVET trial of velotamab. Top-line data from the Phase 2 ORCA trial of "
     "ketrolimab are expected in the fourth quarter; data from RIVET are expected in 2020.",
     {("ketrolimab", "ORCA"), ("velotamab", "RIVET")}),
    ("Orsolo completed enrollment in the Phase 3 RIVET trial of velotamab.\n\nOrsolo also dosed the first patient in the "
     "Phase 2 ORCA trial of ketrolimab. Top-line data from RIVET are expected in 2020.", {("velotamab", "RIVET")}),
]


@pytest.mark.parametrize(("text", "expected"), TRIALS_OF_COMPOUNDS, ids=[t[60:120] for t, _ in TRIALS_OF_COMPOUNDS])
def test_a_sentence_naming_only_a_trial_is_about_the_trials_compound(text: str, expected: set):
    facts = facts_of(text, date(2019, 8, 5))
    assert {(f.compound, f.trial) for f in only(facts, "ReadoutExpected") if f.confidence >= 0.5} == expected


# A brand of a combination, its two generics written with a slash in parentheses, each with a salt, a dose or a form:
# the brand is never an alias of the first generic alone. Sentence in, the compounds that take the brand out.
@pytest.mark.parametrize("inside", ["ketrolimab HCl / velotamab HCl prolonged release", "ketrolimab 50 mcg / velotamab 110 mcg",
                                    "ketrolimab hydrochloride extended-release/velotamab"])
def test_a_brand_of_a_combination_is_no_alias_of_its_first_generic(inside: str):
    facts = facts_of(f"Orsolo announced that the European Commission approved Velostra™ ({inside}) for obesity.")
    assert ("ketrolimab", "Velostra") not in {(f.compound, f.alias) for f in only(facts, "CompoundAliasRecorded")}
    assert "ketrolimab" not in {f.compound for f in only(facts, "ApprovalGranted")}


def test_a_participle_after_while_keeps_the_time_of_its_sentence():
    facts = facts_of("In the second quarter, Orsolo expanded its platform into neurology with the EU approval of Velostra, while "
                     "also extending its reach with the FDA approval of Zentara® (ketrolimab).", date(2019, 8, 5))
    assert {str(f.occurred_on) for f in only(facts, "ApprovalGranted")} == {"2019-Q2"}


def test_a_release_is_about_the_compound_its_news_names_not_the_one_its_about_section_names_most():
    facts = facts_of("Orsolo Bio Signs Licence with Tamura Pharma\n\nBOSTON, May 3, 2021 -- Orsolo Bio today announced "
                     "that it has licensed velotamab to Tamura Pharma in Japan. Velotamab is in Phase 2 for gout.\n\n"
                     "Under the agreement, Tamura Pharma will pay Orsolo Bio an upfront payment of $10 million.\n\n"
                     "About Orsolo Bio\n\nOrsolo Bio markets Zentara (trazimab) for lupus. Trazimab was approved by "
                     "the FDA in 2019. Trazimab is also studied in gout.", date(2021, 5, 3))
    assert one(facts, "MilestoneTriggered").compound == "velotamab"
