"""Regulators and regions as releases write them: sentence in, the regions and agencies named out (a table)."""
from __future__ import annotations

import pytest
from extraction_helpers import facts_of, one, only

from tracker.extraction.places import places_in

PLACES = [
    ("The Department of Health of the Hong Kong Special Administrative Region accepted the filing.", [("HK", "Hong Kong Department of Health")]),
    ("It was submitted to the Swiss Agency for Therapeutic Products.", [("CH", "Swissmedic")]),
    ("The Federal Commission for the Protection Against Sanitary Risk (COFEPRIS) received the dossier.", [("MX", "COFEPRIS"), ("MX", "COFEPRIS")]),
    ("The product was approved in Mexico.", [("MX", None)]),
    ("The Drugs Controller General of India approved it.", [("IN", "CDSCO")]),
    ("The Office for Registration of Medicinal Products, Medical Devices and Biocidal Products granted it.", [("PL", "URPL")]),
    ("Marketing began in Poland, Germany, France, Italy and Spain.", [("PL", None), ("DE", None), ("FR", None), ("IT", None), ("ES", None)]),
    ("The Italian Medicines Agency set the price.", [("IT", "AIFA")]),
    ("It is sold in Singapore, New Zealand, Israel and South Africa.", [("SG", None), ("NZ", None), ("IL", None), ("ZA", None)]),
    ("It would receive a further US$35 million upon approval in Japan.", [("JP", None)]),
    ("A U.S. $5 million payment is due on approval in the U.S.", [("US", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), PLACES, ids=[s[:60] for s, _ in PLACES])
def test_a_regulator_or_a_country_names_its_region(sentence: str, expected: list[tuple[str, str | None]]):
    assert [(p.region, p.agency) for p in places_in(sentence)] == expected


def test_a_country_named_beside_an_application_kind_is_the_region_of_the_filing():
    facts = facts_of("Tamura has submitted a marketing authorization application (MAA) for Velora (velozolam) in Mexico.")
    assert one(facts, "RegulatorySubmission").region == "MX"


def test_a_companys_home_after_its_legal_form_is_no_place_of_the_approval():
    facts = facts_of("Orbis KGaA of Germany has received approval from the Japanese Ministry of Health, Labour and Welfare for "
                     "Velostra (ketrolimab).")
    assert [(f.region, f.agency) for f in only(facts, "ApprovalGranted")] == [("JP", "MHLW")]


# A company described by its home, before or after its name: sentence in, the approval's regions out.
COMPANY_HOMES = [
    ("French drugmaker Orbis Laboratories has obtained European Commission authorization to market Velostra (ketrolimab).", ["EU"]),
    ("Orbis Ltd, Europe’s biggest biotech firm, said on Tuesday that Health Canada had granted a notice of compliance for Velostra® (ketrolimab).", ["CA"]),
    ("Orbis, a Swiss biotech, said the FDA approved Velostra (ketrolimab) for gout.", ["US"]),
    ("Orbis, a U.S. late-stage biopharmaceutical company, received approval in Japan for Velostra (ketrolimab).", ["JP"]),
    ("Orbis received approval in Japan for the company's Velostra (ketrolimab).", ["JP"]),
]


@pytest.mark.parametrize(("sentence", "regions"), COMPANY_HOMES, ids=[s[:60] for s, _ in COMPANY_HOMES])
def test_where_a_company_is_from_is_no_region_of_its_approval(sentence: str, regions: list[str]):
    assert [f.region for f in only(facts_of(sentence), "ApprovalGranted")] == regions
