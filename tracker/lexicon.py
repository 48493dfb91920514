"""The words of the field, in one place: regulators, regions, applications, companies' legal forms,
INN stems, currencies.

Every layer that reads text (extraction, the ledger's triggers, party names) takes its words from
here, so that "the Japanese MHLW", "Ministry of Health, Labour and Welfare" and "Japan approval"
are one region everywhere. This module knows words only: it imports no other part of the tracker.
Patterns are regular-expression source text, compiled by the layer that uses them.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# --- regulators and regions ---------------------------------------------------------------------


@dataclass(frozen=True)
class Agency:
    """A regulator, with its one spelling, the region it speaks for and the ways releases write it."""

    name: str
    region: str
    written: str
    """Alternatives as written, longest first (matched case-sensitively: "EC" is no "ec")."""
    decides: bool = True
    """False for a body that advises or reviews but grants no marketing approval (CHMP, EMA, PMDA)."""


AGENCIES: tuple[Agency, ...] = (
    Agency("NMPA", "CN", r"China Food and Drug Administration|China's Food and Drug Administration|CFDA"),
    Agency("NMPA", "CN", r"(?:China\s+)?National Medical Products Administration|NMPA|Cent(?:er|re) (?:for|of) Drug Evaluation(?! and Research)|CDE"),
    Agency("FDA", "US", r"(?:U\.S\.|US|United States) Food and Drug Administration|Food and Drug Administration|FDA"),
    Agency("CHMP", "EU", r"Committee for Medicinal Products for Human Use|CHMP", decides=False),
    Agency("EMA", "EU", r"European Medicines Agency|EMA|EMEA", decides=False),
    Agency("EC", "EU", r"European Commission|EU Commission|EC"),
    Agency("MHLW", "JP", r"Ministry of Health,? Labou?r,? and Welfare|MHLW"),
    Agency("PMDA", "JP", r"Pharmaceuticals and Medical Devices Agency|PMDA", decides=False),
    Agency("Health Canada", "CA", r"Health Canada"),
    Agency("MHRA", "UK", r"Medicines and Healthcare products Regulatory Agency|MHRA"),
    Agency("TGA", "AU", r"Therapeutic Goods Administration|TGA"),
    Agency("Swissmedic", "CH", r"Swissmedic"),
    Agency("MFDS", "KR", r"Ministry of Food and Drug Safety|MFDS"),
    Agency("ANVISA", "BR", r"ANVISA"),
    Agency("TFDA", "TW", r"Taiwan Food and Drug Administration|TFDA"),
    Agency("Swissmedic", "CH", r"Swiss Agency for Therapeutic Products"),
    Agency("COFEPRIS", "MX", r"Federal Commission for the Protection [Aa]gainst Sanitary Risks?|COFEPRIS"),
    Agency("Hong Kong Department of Health", "HK", r"(?:Hong Kong )?Department of Health of the Hong Kong|Hong Kong Department of Health"),
    Agency("CDSCO", "IN", r"Central Drugs Standard Control Organi[sz]ation|CDSCO|Drugs Controller General of India|DCGI"),
    Agency("HSA", "SG", r"Health Sciences Authority"),
    Agency("Medsafe", "NZ", r"Medsafe"),
    Agency("SFDA", "SA", r"Saudi Food and Drug Authority"),
    Agency("ANMAT", "AR", r"ANMAT"),
    Agency("INVIMA", "CO", r"INVIMA"),
    Agency("SAHPRA", "ZA", r"South African Health Products Regulatory Authority|SAHPRA"),
    Agency("Roszdravnadzor", "RU", r"Roszdravnadzor"),
    Agency("URPL", "PL", r"Office for Registration of Medicinal Products, Medical Devices and Biocidal Products|URPL"),
    Agency("BfArM", "DE", r"Federal Institute for Drugs and Medical Devices|BfArM"),
    Agency("ANSM", "FR", r"ANSM"),
    Agency("AIFA", "IT", r"Italian Medicines Agency|AIFA"),
    Agency("AEMPS", "ES", r"AEMPS"),
)


@dataclass(frozen=True)
class Region:
    """A region as EVENTS.md spells it, the names that point at it, and who approves medicines there."""

    code: str
    names: str
    """Alternatives naming the place ("Japan", "U.S."), matched as written."""
    demonyms: str = ""
    """Adjectives of the place ("Japanese"); "American" and "British" also name societies and are left to triggers."""
    approving_agency: str | None = None


REGIONS: tuple[Region, ...] = (
    Region("US", r"U\.S\.(?:A\.)?|USA|US|United States(?: of America)?", "", "FDA"),
    Region("EU", r"European Union|EU|E\.U\.|Europe|European Economic Area|EEA", "European", "EC"),
    Region("JP", r"Japan", "Japanese", "MHLW"),
    Region("CN", r"mainland China|China|PRC", "Chinese", "NMPA"),
    Region("CA", r"Canada", "Canadian", "Health Canada"),
    Region("UK", r"United Kingdom|U\.K\.|UK|Great Britain|Britain", "", "MHRA"),
    Region("AU", r"Australia", "Australian", "TGA"),
    Region("CH", r"Switzerland", "Swiss", "Swissmedic"),
    Region("KR", r"South Korea|Korea", "Korean", "MFDS"),
    Region("BR", r"Brazil", "Brazilian", "ANVISA"),
    Region("TW", r"Taiwan", "Taiwanese", "TFDA"),
    Region("HK", r"Hong Kong", "", "Hong Kong Department of Health"),
    Region("MX", r"Mexico", "Mexican", "COFEPRIS"),
    Region("IN", r"India", "Indian", "CDSCO"),
    Region("SG", r"Singapore", "", "HSA"),
    Region("NZ", r"New Zealand", "", "Medsafe"),
    Region("IL", r"Israel", "Israeli"),
    Region("RU", r"Russia|Russian Federation", "Russian", "Roszdravnadzor"),
    Region("SA", r"Saudi Arabia", "Saudi", "SFDA"),
    Region("AR", r"Argentina", "Argentine|Argentinian", "ANMAT"),
    Region("CO", r"Colombia", "Colombian", "INVIMA"),
    Region("ZA", r"South Africa", "South African", "SAHPRA"),
    Region("TR", r"Turkey|Türkiye", "Turkish"),
    Region("PL", r"Poland", "Polish", "URPL"),
    Region("DE", r"Germany", "German", "BfArM"),
    Region("FR", r"France", "French", "ANSM"),
    Region("IT", r"Italy", "Italian", "AIFA"),
    Region("ES", r"Spain", "Spanish", "AEMPS"),
)

#: The authority that grants marketing approval in a region, where there is one.
APPROVING_AGENCY: dict[str, str] = {r.code: r.approving_agency for r in REGIONS if r.approving_agency}
#: Regulators that grant marketing approval (the others advise or review).
DECIDING_AGENCIES: frozenset[str] = frozenset(a.name for a in AGENCIES if a.decides)

#: Words that name a region only in the plain words of a milestone's trigger or a terms file
#: ("US approval", "an American launch", "British authorisation"): (code, pattern), the region's
#: code, acronyms and agencies as written, its names and adjectives in any case.
_TRIGGER_EXTRA = {"US": r"american?", "UK": r"british", "EU": r"europe(?:an)?(?: union| commission| medicines agency)?"}


#: Region codes that terms files write as words ("JP approval"); "CA" or "CH" would as often be something else.
_CODES_WRITTEN_IN_TRIGGERS = {"US", "EU", "JP", "CN", "UK"}


def _trigger_pattern(region: Region) -> re.Pattern[str]:
    names = region.names.split("|")
    acronyms = ([region.code] if region.code in _CODES_WRITTEN_IN_TRIGGERS else []) + [a.written for a in AGENCIES if a.region == region.code] + [n for n in names if not re.search(r"[a-z]", n)]
    words = [n for n in names if re.search(r"[a-z]", n)] + [w for w in (region.demonyms, _TRIGGER_EXTRA.get(region.code, "")) if w]
    spelled = [rf"\b(?:{'|'.join(acronyms)})(?![A-Za-z])"] if acronyms else []
    return re.compile("|".join([*spelled, rf"\b(?i:{'|'.join(words)})\b"]))


REGION_TRIGGER_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((r.code, _trigger_pattern(r)) for r in REGIONS)

# --- applications ---------------------------------------------------------------------------------

#: Kinds of marketing application, each short form with the long forms releases write and the region it is filed in.
APPLICATIONS: tuple[tuple[str, str, str | None], ...] = (
    ("sBLA", r"supplemental Biologics? License Application|sBLA", "US"),
    ("sNDA", r"supplemental New Drug Application|sNDA", "US"),
    ("BLA", r"Biologics? License Application|BLA", "US"),
    ("J-NDA", r"J-NDA|Japanese New Drug Application", "JP"),
    ("NDA", r"New Drug Application|NDA", "US"),
    ("MAA", r"Marketing Authori[sz]ation Application|MAA", "EU"),
    ("Type II variation", r"Type II [Vv]ariation", "EU"),
    ("NDS", r"New Drug Submission|NDS", "CA"),
    ("IND", r"Investigational New Drug (?:[Aa]pplication)?|IND", "US"),
)

# --- companies --------------------------------------------------------------------------------------

#: Legal forms of companies as releases write them ("Inc.", "Co., Ltd.", "A/S", "S.p.A."), as pattern alternatives.
LEGAL_FORMS = (r"Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|plc|PLC|AG|SA|S\.A|NV|N\.V|BV|B\.V"
               r"|GmbH|KGaA|KK|K\.K|SE|A/S|AS|AB|ASA|Oy|Oyj|S\.p\.A|SpA|Srl|S\.r\.l|SAS|S\.A\.S|Pty|LP|L\.P")
#: The same forms folded to lower case without dots, for comparing parties' names ("Quillon, Inc." is Quillon).
LEGAL_FORM_WORDS: frozenset[str] = frozenset(form.replace("\\", "").lower() for form in LEGAL_FORMS.split("|"))
#: Words a company's name may end in that say what it does, not who it is ("Quillon Therapeutics" is Quillon).
DESCRIPTIVE_COMPANY_WORDS: frozenset[str] = frozenset({
    "pharmaceuticals", "pharmaceutical", "pharma", "therapeutics", "biopharma", "biopharmaceuticals",
    "biotherapeutics", "biosciences", "bioscience", "laboratories", "labs", "healthcare", "holdings", "holding", "group",
    "medicines", "biotech", "biotechnology", "oncology"})
#: Stock exchanges a release lists its companies on: "(Nasdaq: XXXX)", "(TSE: 4519)".
EXCHANGES = r"Nasdaq|NASDAQ|NYSE|HKEX|SEHK|TSE|TSX|LSE|ASX|SIX|Euronext|OTC|OTCQX|AIM|FSE|XETRA|TOKYO|KOSDAQ|OMX"

# --- compound names -----------------------------------------------------------------------------------

#: WHO INN stems: the endings that make a word an International Nonproprietary Name (see the WHO's "The use
#: of stems in the selection of INNs"). Antibodies old and new (-mab, -tug, -bart, -mig), fusion proteins
#: (-cept, -cicept), enzyme and kinase inhibitors, oligonucleotides, cell and gene therapies, peptides, antivirals and
#: the commonest small-molecule classes. Each stem needs three letters before it.
INN_STEMS = (
    "mab", "tug", "bart", "mig", "ercept", "acept", "cicept", "kinra", "fermin", "poetin", "grastim", "plostim",
    "tinib", "rafenib", "ciclib", "parib", "lisib", "degib", "zomib", "rasib", "sertib", "nib", "stat", "pladib",
    "siran", "rsen", "leucel", "temcel", "vec", "tide", "relin", "relix", "vir", "gliptin", "gliflozin", "sartan",
    "azole", "peridone", "setron", "triptan", "oxetine", "faxine", "lukast", "parin", "xaban", "gatran", "dronate",
    "platin", "taxel", "rubicin", "citabine", "trexate", "mustine", "limus", "lutamide", "estrant", "domide",
    "gepant", "orexant", "pitant", "benazine", "calcitol", "floxacin", "cycline", "penem", "bactam", "mycin",
    "cillin", "fungin", "afil", "sporin", "tecan", "dotin", "tansine", "imod", "zolid", "terone", "anserin",
    "ectedin",
    # newer classes: serotonin agonists, CFTR modulators, vaptans, endothelin antagonists, glucokinase activators,
    # PDE4 inhibitors, beta3 agonists, pleuromutilins, oxaboroles, GnRH antagonists, myosin activators and
    # inhibitors, heat-shock amplifiers.
    "zolam", "serin", "caftor", "vaptan", "sentan", "gliatin", "milast", "begron", "mulin", "borole", "golix",
    "camtiv", "camten", "moclomol", "racetam", "glitazone",
    # old generic classes, the subject of a reformulation's or a new indication's release as often as a
    # comparator (beta blockers, ACE inhibitors, calcium channel blockers, statins, fibrates, NSAIDs, H2 blockers,
    # corticosteroids, beta2 agonists, antimuscarinics, tricyclics, antipsychotics, benzodiazepines, local
    # anaesthetics, opioids, vasopressin and oxytocin analogues, progestins, MAO-B inhibitors, thrombolytics,
    # interleukins): a comparator is told apart by its place in the sentence, not by its name.
    "olol", "pril", "dipine", "vastatin", "fibrate", "profen", "coxib", "tidine", "thiazide", "glinide", "terol",
    "tropium", "sonide", "methasone", "metasone", "pramine", "triptyline", "apine", "azepam", "caine", "fentanil",
    "orphine", "pressin", "tocin", "gestrel", "trigine", "giline", "plase", "leukin", "curonium", "flurane",
    # prostaglandins, glimins, dopamine precursors
    "prost", "prostol", "glimin", "dopa",
    # CXCR4 antagonists, guanylate cyclase stimulators, antimuscarinics of the bladder, SERMs, integrin antagonists
    "xafor", "ciguat", "fenacin", "ifene", "tegrast",
)
#: Targets and markers written like a product's code ("PD-L1 positive patients", "HLA-A2"): never a compound.
TARGETS_LIKE_CODES = r"PD-L[12]|HLA-[A-Z]{1,3}\d{1,4}|B7-H\d|HER-\d"
#: Words that end like an INN but are none.
NOT_INNS = frozenset({"thermostat", "rheostat", "hemostat", "haemostat", "cryostat", "peptide", "polypeptide",
                      "nucleotide", "oligonucleotide", "riptide", "eventide", "yuletide", "dipeptide",
                      "cholesterol", "phytosterol", "gonadotropin", "corticotropin"})
#: English words ending in "-ercept": the lookbehinds that keep them out of the fusion-protein stem.
_NOT_FUSION = r"(?<!inter)(?<!con)(?<!pre)(?<!per)"
#: Second words of two-word INNs: a conjugate's payload ("... vedotin", "... deruxtecan"), a salt, a PEG,
#: the vector of a gene therapy or the cells of a cell therapy.
#: The salts an INN is sold as ("... hydrochloride", "... mesylate"): the same compound.
#: Words of a product's dosage form written after its brand ("Velmora Inhalation Capsules", "Velmora Nasal Spray"): never part of the brand.
DOSAGE_FORM_WORDS: frozenset[str] = frozenset({
    "Inhalation", "Inhaler", "Oral", "Intravenous", "Subcutaneous", "Injection", "Injectable", "Infusion", "Tablet", "Tablets",
    "Capsule", "Capsules", "Solution", "Suspension", "Powder", "Nasal", "Spray", "Ophthalmic", "Topical", "Cream", "Gel",
    "Ointment", "Patch", "Granules", "Syrup", "Emulsion", "Drops", "Lotion"})
#: The same words as a pattern's alternatives, the longest first ("Injectable" before "Injection").
DOSAGE_FORM = "|".join(sorted(DOSAGE_FORM_WORDS, key=lambda word: (-len(word), word)))
#: The letters of a product's route or release written after its brand ("Velmora SC", "Velmora XR", "Velmora XR-ODT").
RELEASE_FORMS = r"SC|IV|SQ|XR-ODT|XR|ER|SR|XL|XT|ODT"
#: A dose as written after a product's name ("Velmora 90 mg", "25mg", "0.5%").
DOSE = r"\d+(?:\.\d+)?\s?(?:mg|mcg|µg|g|mL|IU|%)(?![\w])"
INN_SALTS = r"hydrochloride|dihydrochloride|mesylate|mesilate|maleate|tartrate|fumarate|succinate|sodium|potassium|calcium|besylate|tosylate|citrate|sulfate|phosphate|acetate|bromide"
INN_SECOND_WORDS = (r"vedotin|emtansine|mertansine|ravtansine|soravtansine|deruxtecan|govitecan|tesirine|mafodotin|ozogamicin"
                    rf"|pasudotox|duocarmazine|pegol|etexilate|ethyl|medoxomil|alafenamide|disoproxil|marboxil|mecarbil|{INN_SALTS}"
                    r"|[a-z]+tansine|[a-z]+dotin|[a-z]+tecan|[a-z]+tesirine|[a-z]+parvovec|[a-z]+vec|[a-z]+leucel|[a-z]+temcel")
#: Protein INNs of two words: "... alfa" after any word, "... beta" after an enzyme, hormone or interferon.
INN_GREEK_SUFFIX = r"[a-z]{5,}\s(?:alfa|alpha)|[a-z]{3,}(?:ase|etin|feron|cept|mab)\s(?:beta|gamma)"
#: The first word of a gene or cell therapy's INN ("...gene ...vec", "...cabtagene ...leucel").
INN_GENE_WORD = r"[a-z]{4,}gene"
#: Acids named as INNs ("... -cholic acid", "... -oic acid").
INN_ACID = r"[a-z]{4,}(?:olic|oic|onic|amic)\sacid"
#: The US naming prefixes of conjugates ("ado-", "fam-", "ziv-" before the INN).
US_INN_PREFIX = r"(?:ado|fam|ziv)-"
#: The four-letter suffix the FDA adds to a biologic's name ("...mab-abcd").
US_BIOLOGIC_SUFFIX = r"-(?!(?:only|free|like|type|dose|high|full|well|long|self|wide|naive)\b)[a-z]{4}(?![\w-])"


def inn_stem_pattern(alternation: Callable[[list[str]], str] = "|".join) -> str:
    """One word ending in an INN stem, as pattern source (its case left to the caller).

    `alternation` writes a list of stems (longest first) as pattern source: the extraction writes them as a tree of
    their letters, tried once a place rather than stem by stem. Which stem of a word matches first changes no match:
    a stem must end the word, so every one that fits ends where the others do."""
    stems = alternation(sorted((s for s in INN_STEMS if s not in ("ercept", "acept")), key=len, reverse=True))
    long_stems = alternation(sorted((s for s in INN_STEMS if len(s) >= 5 and s not in ("ercept", "acept")), key=len, reverse=True))
    # A stem of five letters or more is telling enough after a prefix of two ("vi-begron", "da-gliflozin").
    return (rf"(?!(?:{'|'.join(sorted(NOT_INNS))})\b)(?:[a-z]{{3,}}(?:{stems}|{_NOT_FUSION}cept)"
            rf"|[a-z]{{2}}(?:{long_stems}))")


# --- money ---------------------------------------------------------------------------------------------

#: Currency symbols and prefixes as written, with their ISO codes.
CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "us$": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
                                    "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "rmb": "CNY", "chf": "CHF",
                                    "sfr": "CHF", "hk$": "HKD", "nt$": "TWD", "kr": "SEK", "₩": "KRW"}
#: ISO codes releases write before or after a sum.
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "DKK", "SEK", "NOK", "CHF", "CNY", "AUD", "CAD", "HKD", "KRW", "INR", "TWD")
#: Currency words written after a sum ("20 million euros", "5 billion yen").
CURRENCY_WORDS: dict[str, str] = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "US dollars": "USD", "U.S. dollars": "USD", "yen": "JPY",
                                  "pounds": "GBP", "francs": "CHF", "yuan": "CNY", "renminbi": "CNY",
                                  "kroner": "DKK", "krone": "DKK", "kronor": "SEK"}
#: Words of scale after a number, with their factor.
SCALES: dict[str, int] = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "mm": 10**6,
                          "mio": 10**6, "mln": 10**6, "billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9}
