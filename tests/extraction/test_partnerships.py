import pytest
from extraction_helpers import facts_of, one, only


def test_licensed_to_a_company_makes_it_the_licensee():
    facts = facts_of("NRD-4410 is a potential therapy for gout. It was licensed to Orbis Therapeutics in 2017.")
    partnership = one(facts, "PartnershipRecorded")
    assert (partnership.compound, partnership.partner, partnership.role) == ("NRD-4410", "Orbis", "licensee")


def test_in_development_by_applies_to_every_compound_listed_before_it():
    facts = facts_of("Two compounds are in the clinic – NRD-101, in development by Orbis, and NRD-202 and NRD-303, "
                     "in development by sanofi-aventis.")
    found = sorted((f.compound, f.partner) for f in only(facts, "PartnershipRecorded"))
    assert found == [("NRD-101", "Orbis"), ("NRD-202", "Sanofi"), ("NRD-303", "Sanofi")]


def test_a_member_of_a_group_is_recorded_as_the_group():
    facts = facts_of("Ketrolimab is developed by Lumen, a member of the Helix Group.")
    assert one(facts, "PartnershipRecorded").partner == "Helix"


def test_global_rights_make_a_worldwide_licensee():
    facts = facts_of("Orbis has global development and commercialization rights for Velostra (ketrolimab).")
    partnership = one(facts, "PartnershipRecorded")
    assert (partnership.partner, partnership.role, partnership.territory) == ("Orbis", "licensee", "global")


def test_a_list_of_partners_names_no_deal():
    facts = facts_of("Nordlys has partnerships with Orbis, Helix, Lumen and Vantor for its platform.")
    assert only(facts, "PartnershipRecorded") == []


def test_an_undisclosed_product_has_no_compound():
    facts = facts_of("Orbis has licensed exclusive rights to use the Nordlys platform with antibodies to an undisclosed target.")
    partnership = one(facts, "PartnershipRecorded")
    assert (partnership.compound, partnership.partner, partnership.role) == (None, "Orbis", "licensee")


def test_a_company_said_to_belong_to_a_group_is_recorded_as_its_member():
    facts = facts_of("Ketrolimab is developed by Lumen, a member of the Helix Group.")
    affiliation = one(facts, "PartyAffiliationRecorded")
    assert (affiliation.party, affiliation.parent, affiliation.compound) == ("Lumen", "Helix", None)


def test_a_collaboration_in_a_field_with_a_company_names_the_company():
    facts = facts_of("Orsolo Bio today announced a strategic collaboration in respiratory diseases with Tamura Pharma to develop "
                     "inhaled drugs, including its lead candidate, ORS-060.")
    partnership = one(facts, "PartnershipRecorded")
    assert (partnership.compound, partnership.partner, partnership.role) == ("ORS-060", "Tamura", "collaborator")


def test_both_companies_signing_names_the_other_company():
    facts = facts_of("Kestrin Labs and Orsolo Bio, Inc. (Nasdaq:ORSB) today announced that both companies have signed a license "
                     "agreement for commercialization of Korsana (orsikefalin) Injection in the US.")
    partnership = one(facts, "PartnershipRecorded")
    assert (partnership.compound, partnership.partner) == ("orsikefalin", "Kestrin")


def test_a_country_after_a_partner_is_where_it_is_not_its_name():
    facts = facts_of("Orsolo Bio today announced that its partner, Tamura (France) has received a positive opinion for velotamab.")
    assert one(facts, "PartnershipRecorded").partner == "Tamura"


def test_a_dateline_separator_is_no_part_of_the_issuer():
    facts = facts_of("BOSTON, MA, USA I July 28, 2014 I Orsolo Pharmaceuticals, Inc. (NASDAQ:ORSB) announced today results.\n\n"
                     "Orsolo is developing its lead candidate, velotamab, in a Phase 3 global program.")
    assert only(facts, "PartnershipRecorded") == []


def test_a_partner_responsible_for_a_market_is_read_without_other_deal_words():
    facts = facts_of("Orsolo Bio announced that Velmora® (velotamab) was approved in Brazil.\n\n"
                     "Tamura Pharma is responsible for the regulatory approval and, ultimately, marketing and distribution of Velmora in Brazil.")
    partnership = one(facts, "PartnershipRecorded")
    assert (partnership.compound, partnership.partner, partnership.role) == ("velotamab", "Tamura", "licensee")


def test_a_release_two_companies_announce_is_the_first_ones_and_the_other_is_its_partner():
    facts = facts_of("FDA Approves Velmora™ (velotamab) for Severe Gout\n\n"
                     "  *Velmora will be the first commercialized product from the global alliance between Orsolo and Tamura.\n\n"
                     "BOSTON & OSAKA, Japan -- May 14, 2019\n\n"
                     "Orsolo Bio Co., Ltd. (Orsolo) and Tamura Pharma A/S (Tamura) announced the U.S. Food and Drug Administration (FDA) "
                     "has approved Velmora™ (velotamab) for the treatment of severe gout.")
    assert [(f.compound, f.partner) for f in only(facts, "PartnershipRecorded")] == [("velotamab", "Tamura")]


def test_rights_acquired_for_several_compounds_from_one_company_are_a_partnership_each():
    facts = facts_of("Orsolo Bio (TSE: 4599) today announced an asset purchase agreement with Kestrin Labs.\n\n"
                     "Furthermore, Orsolo Bio (Suzhou) will acquire the rights in China, etc. for velotamab (generic name), ORS-802 "
                     "(development code), and ORS-905 (development code) from Kestrin.")
    found = sorted((f.compound, f.partner) for f in only(facts, "PartnershipRecorded") if f.compound)
    assert found == [("ORS-802", "Kestrin"), ("ORS-905", "Kestrin"), ("velotamab", "Kestrin")]


def test_the_listed_issuer_described_before_its_listing_is_never_its_own_partner():
    facts = facts_of("Aachen (Germany), 14 May 2019 - PAXTON AG, a specialty pharma company (ISIN DE000A0B65S3; Frankfurt Stock Exchange "
                     "Prime Standard: PX8), and Tamura Pharma today announce that they have entered into a license agreement for velotamab "
                     "with PAXTON granting Tamura Pharma an exclusive license for the development and commercialization of velotamab in Japan.")
    assert sorted({f.partner for f in only(facts, "PartnershipRecorded")}) == ["Tamura"]


def test_an_agreement_with_a_regulator_is_no_partnership():
    facts = facts_of("Orsolo Bio (Nasdaq: ORSB) announced that it has reached agreement with the Pharmaceuticals and Medical Devices "
                     "Agency on the design of the Phase 3 trial of velotamab.")
    assert only(facts, "PartnershipRecorded") == []


def test_a_clinical_trial_collaboration_and_supply_agreement_names_the_partner():
    facts = facts_of("Orsolo Bio (Nasdaq: ORSB) entered into a clinical trial collaboration and supply agreement with Tamura Pharma "
                     "to evaluate velotamab in combination with Tamura's antibody.")
    partnership = one(facts, "PartnershipRecorded")
    assert (partnership.compound, partnership.partner, partnership.role) == ("velotamab", "Tamura", "collaborator")


def test_a_time_naming_the_agreement_dates_a_standing_partnership():
    facts = facts_of("As a result of the amendment to the companies' 2016 collaboration agreement, Tamura Pharma is responsible for "
                     "the commercialization of velotamab in Europe.")
    assert [(f.partner, str(f.occurred_on)) for f in only(facts, "PartnershipRecorded")] == [("Tamura", "2016")]


def test_a_partner_named_with_its_possessive_along_a_filing_is_a_partnership():
    facts = facts_of("Tamura Pharma, Orsolo's partner for velotamab in Japan, submitted a New Drug Application to the MHLW.")
    assert [f.partner for f in only(facts, "PartnershipRecorded")] == ["Tamura"]


# A payment received from a company under a deal: the payer is a partner in it, the product named or undisclosed.
# Sentence in, (compound, partner) out; a payment from no deal names no partner.
PAYERS_OF_A_DEAL = [
    ("Nordlys has received a $5 million milestone payment from Orbis Pharma under their license agreement for ketrolimab.",
     [("ketrolimab", "Orbis")]),
    ("Nordlys Pharma, Inc. today announced it has received $4.1 million from Helix relating to an extension of its "
     "exclusive research collaboration to discover compounds that target melanocortin receptors.", [(None, "Helix")]),
    ("Nordlys earned an undisclosed milestonepayment from Vantor Labs for the selection of a preclinical compound for "
     "further development, under an R&D and marketing agreement signed by the two firms in 1998.", [(None, "Vantor")]),
    ("Nordlys received $20 million from Orbis Ventures and other investors in a private placement.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), PAYERS_OF_A_DEAL, ids=[s[:60] for s, _ in PAYERS_OF_A_DEAL])
def test_the_payer_of_a_deal_is_a_partner_in_it(sentence: str, expected: list):
    assert [(f.compound, f.partner) for f in only(facts_of(sentence), "PartnershipRecorded")] == expected


# Where a sentence names a product's partners in the ordinary language of a deal: sentence in (in a release Orsolo Bio issues),
# (compound, partner) pairs out.
PARTNERS_OF_A_PRODUCT = [
    ("Kestrin has worldwide marketing rights to Veltra (velotamab) except in the U.S., where it is marketed by Tamura Pharma.",
     [("velotamab", "Kestrin"), ("velotamab", "Tamura")]),
    ("Orsolo Bio today announced that it has reached an agreement with its Japanese collaboration partner, Tamura Pharma Co. Ltd., "
     "to amend the license agreement for velotamab.", [("velotamab", "Tamura")]),
    ("Orsolo Bio has achieved the first milestone of the license agreement for velotamab signed with Tamura Pharma in 2020.",
     [("velotamab", "Tamura")]),
    ("Orsolo Bio amended the license agreement that grants to Tamura Pharma exclusive rights to develop velotamab in Japan.",
     [("velotamab", "Tamura")]),
    ("Tamura Pharma holds the commercial rights to velotamab in Europe.", [("velotamab", "Tamura")]),
    ("Tamura Pharma, Orsolo Bio's licensee for velotamab in Japan, filed an NDA.", [("velotamab", "Tamura")]),
    ("Orsolo Bio and Tamura Pharma are jointly developing velotamab for gout.", [("velotamab", "Tamura")]),
    ("Orsolo Bio is developing velotamab together with Tamura Pharma.", [("velotamab", "Tamura")]),
    ("Orsolo Bio has licensed the Japanese rights to velotamab to Tamura Pharma.", [("velotamab", "Tamura")]),
    ("Orsolo Bio has partnered velotamab with Tamura Pharma in Japan.", [("velotamab", "Tamura")]),
    # the licensor of "has licensed X to Y" is not its licensee
    ("Kestrin Labs has licensed velotamab to Tamura Pharma for Japan.", [("velotamab", "Tamura")]),
    # the product the rights are to is no partner
    ("Orsolo Bio has entered into an agreement in which Orsolo Bio has licensed rights to velotamab to Tamura Pharma.",
     [("velotamab", "Tamura")]),
    # a second verb shares the subject of the first
    ("Outside the U.S., Tamura Pharma will lead the global commercialization strategy and receive an exclusive license to "
     "commercialize velotamab.", [("velotamab", "Tamura")]),
]


@pytest.mark.parametrize(("sentence", "expected"), PARTNERS_OF_A_PRODUCT, ids=[s[:60] for s, _ in PARTNERS_OF_A_PRODUCT])
def test_the_partners_of_a_product_are_read_from_the_language_of_its_deal(sentence: str, expected: list):
    release = f"Orsolo Bio (Nasdaq: ORSB) today announced an update. {sentence}"  # the issuer is never its own partner
    assert sorted((f.compound, f.partner) for f in only(facts_of(release), "PartnershipRecorded")) == expected


@pytest.mark.parametrize(("written", "name"), [("vRenta Bio", "vRenta Bio"), ("oxGenix Therapeutics, Inc.", "oxGenix"), ("mRNA", None), ("mAb", None)])
def test_a_company_name_may_start_in_lower_case_before_its_capital(written: str, name: str | None):
    from tracker.extraction.parties import party_at

    party = party_at(f"{written} will develop the product.", 0)
    assert (party.name if party else None) == name
