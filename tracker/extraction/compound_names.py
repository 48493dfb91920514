"""Compound names in the language of the field.

A release names a product by its INN (recognised by the WHO stems: -mab,
-tug, -bart, -mig, -cept, -tinib, -stat, -siran, -rsen, ..., capitalised or
not, and two-word ADC names like "velotuximab vedotin"), by a code
(ORSN901, VLM3419, V-DM1, ORSIS-KRT1 Rx), or by a brand (a word marked ® or
™, an all-capitals product word such as VELMORA, "the brand name X", the word
before an INN in parentheses). Companies, trials, agencies and meetings are
not compounds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from tracker.extraction.conferences import MEETING_WORDS
from tracker.extraction.prefilter import foldable, one_of
from tracker.lexicon import (
    CURRENCY_CODES,
    DOSAGE_FORM,
    DOSAGE_FORM_WORDS,
    DOSE,
    INN_ACID,
    INN_GENE_WORD,
    INN_GREEK_SUFFIX,
    INN_SALTS,
    INN_SECOND_WORDS,
    INN_STEMS,
    RELEASE_FORMS,
    TARGETS_LIKE_CODES,
    US_BIOLOGIC_SUFFIX,
    US_INN_PREFIX,
    inn_stem_pattern,
)

NameKind = Literal["inn", "code", "brand"]
AliasKindOrNone = Literal["code", "inn", "brand", "former"] | None

# --- INNs -----------------------------------------------------------------------------------------
_STEM_WORD = inn_stem_pattern(one_of)  # the stems as a tree of their letters: the same matches, found without trying each stem
_SUFFIX = rf"(?:{US_BIOLOGIC_SUFFIX})?"
_SECOND = rf"(?:\s(?:{INN_SECOND_WORDS}){_SUFFIX}(?![\w-])|-[A-Z]{{2,4}}\d(?![\w-]))"
_FORMULATION = r"(?:\s(?:SC|IV|SQ))?"
INN_PATTERN = re.compile(
    rf"(?<![\w-])(?:{US_INN_PREFIX})?(?:{INN_GENE_WORD}\s[a-z]{{4,}}(?:vec|leucel|temcel){_SUFFIX}|{INN_GREEK_SUFFIX}|{INN_ACID}"
    rf"|{_STEM_WORD}{_SUFFIX}{_SECOND}?){_FORMULATION}(?![\w-])", re.I)

# --- codes ----------------------------------------------------------------------------------------
_RX = r"(?:\s?R[Xx](?![\w]))?"
CODE_PATTERNS = (
    re.compile(rf"(?<![\w-])[A-Z]{{2,6}}[-\u2011]?\d{{3,6}}[A-Za-z]?{_RX}(?![\w-])"),  # ORSN901, VLM3419, OR-8201, OR\u20118201
    re.compile(rf"(?<![\w-])(?!(?:{TARGETS_LIKE_CODES})(?![\w-]))[A-Z]{{2,6}}-[A-Z]{{1,6}}\d{{1,3}}[A-Za-z]?{_RX}(?![\w-])"),  # ORSIS-KRT1 Rx
    re.compile(r"(?<![\w-])[A-Z]{2,5}(?:\d-\d{3,5}|\d{2,3}-\d{2,3})(?![\w-])"),           # ORS2-391, ORS58-60
    re.compile(r"(?<![\w-])[A-Z]-[A-Z][A-Za-z]{1,3}\d{0,2}(?![\w-])"),                   # V-DM1, V-DXd
    re.compile(r"(?<![\w-])[a-z]{1,3}[A-Z][A-Za-z]{0,4}\d{2,4}(?:-[A-Z]{2}\d)?(?![\w-])"),  # rOrsPH20, orN901-DM1
    re.compile(rf"(?<![\w-])(?!(?:{'|'.join(CURRENCY_CODES)}|RMB|NO|ISO|FY|COVID|SARS|ASCO|ESMO|ASH)\s)[A-Z]{{2,5}}\s(?!(?:19|20)\d\d\b)\d{{3,4}}(?![\w/-]|[.,]\d)"),  # ORS 980
    re.compile(r"(?<![\w-])[a-z]{2,5}-cel(?![\w-])"),                                 # ors-cel: a cell therapy's short name
    re.compile(rf"(?<![\w-])[A-Z]{{2,5}}-(?i:{_STEM_WORD})(?![\w-])"),                  # ORS-Trazinib: a company's form of an INN
    # Two digits after a hyphen only with a leading zero: "ORS-01" is a code, "IL-17" and "COVID-19" are not.
    re.compile(rf"(?<![\w-])(?!FY-)[A-Z]{{2,6}}-0[1-9]{_RX}(?![\w-]|[.,]\d)"),  # ORS-01
)

# --- brands ---------------------------------------------------------------------------------------
_MARK = "®™"
MARKED_WORD = re.compile(rf"(?<![\w-])(?P<name>[A-Z][A-Za-z0-9]+)\s?[{_MARK}](?P<code>-[A-Za-z0-9]+)?")
BRAND_STATEMENT = re.compile(r"\b(?:brand|trade|proprietary) name,?\s+(?:of\s+)?(?P<name>[A-Z][\w-]+)"
                             r"|\b(?:(?:be|been|is|are|to)\s+)?(?:marketed|sold|commerciali[sz]ed|launched|market|sell)\s+(?:it\s+|them\s+)?as\s+(?P<name2>[A-Z][\w-]+)"
                             r"|\bunder\s+the\s+(?P<name3>[A-Z][\w-]+)[®™]?\s+(?:brand|trade|proprietary)\s+name\b")
#: The words after a name that make it the brand a sentence states: "under the Velmora brand name".
BRAND_NAME_AFTER = re.compile(r"[®™]?\s+(?:brand|trade|proprietary)\s+name\b")


def stated_brand(match: re.Match[str]) -> str:
    """The brand a match of BRAND_STATEMENT states."""
    return match["name"] or match["name2"] or match["name3"]
#: The salt or dose of each generic of a combination: "(alpha HCl / beta HCl)", "(alpha 50 mcg / beta 110 mcg)".
_SALT_OR_DOSE = rf"(?:\s(?:{INN_SALTS}|HC[lI]|{DOSE}))"
#: A generic name known by its place: the lower-case words in parentheses after a brand ("VELMORA® (trazolin)",
#: "Velmora (trazolin 20 mg)", "VELMORA (alpha / beta)", "Velmora (alpha HCl / beta HCl prolonged release)"), whatever
#: their ending.
GENERIC_AFTER_BRAND = re.compile(
    r"(?<![\w-])(?P<brand>[A-Z][A-Za-z0-9]{2,}[®™]|[A-Z]{5,}[®™]?|[A-Z][a-z]{3,}[a-z0-9]*(?=\s?\((?:[A-Z]{2,6}-?\d{2,6}[A-Za-z]?,\s)?(?:[a-z]{7,}(?:\s[a-z]{5,})?|[a-z]{5,}[^()/]{0,12}/\s?[a-z]{5,}[^()]*)\)))"
    rf"(?:\s+(?:{DOSAGE_FORM}))*(?:\s?\([A-Z]{{2,6}}-?\d{{2,6}}[A-Za-z]?\))?"
    r",?\s?\((?:[A-Z]{2,6}-?\d{2,6}[A-Za-z]?,\s)?(?P<generic>(?!(?:recombinant|injection|intravenous|subcutaneous|oral|tablets?|capsules?|once-daily|twice-daily|biosimilar"
    r"|formerly|previously|approved|investigational|marketed|generic|nonsquamous|squamous|relapsed|refractory|metastatic|adults?|pediatric"
    r"|paediatric|patients|children|topical|inhaled|extended-release|ophthalmic)\b)"
    rf"[a-z][a-z-]{{4,}}(?:{_SALT_OR_DOSE}?\s?(?:/|and)\s?[a-z][a-z-]{{4,}}{_SALT_OR_DOSE}?"
    r"|\s(?!and\b|for\b|in\b|with\b|or\b|(?:injection|infusion|IV|HCl|extended-release|delayed-release|modified-release|tablets?|capsules?|oral|suspension|solution|nasal|inhalation|ophthalmic|topical)\b)[a-z]{4,})?)"
    # ... and its abbreviation or code after it: "(trazolin or TZL)", "(trazolin, ORS-101)"
    rf"(?:(?:,\s?|\s+or\s+)(?!(?:{RELEASE_FORMS})\b)[A-Z]{{2,6}}(?:-?\d{{1,6}})?)?"
    r"(?:,?\s+(?:for\s+)?(?:(?:injection|infusion|IV|HCl|extended-release|delayed-release|modified-release|prolonged[- ]release|sustained[- ]release"
    r"|tablets?|capsules?|oral|suspension|solution|nasal|inhalation|ophthalmic|topical))\b[^)]{0,20})?(?:\s+\d[^)]*)?\)")
ALL_CAPS = re.compile(r"(?<![\w&-])(?P<name>[A-Z]{5,}(?:-[A-Z]+)?)(?![\w&-])")
#: A brand with the letters of its route or its release after it ("Velmora SC", "Velmora XR"): one name.
WITH_FORMULATION = re.compile(rf"(?<![\w-])(?P<name>[A-Z][a-z]{{3,}}|[A-Z]{{4,}})[®™]?\s(?P<suffix>{RELEASE_FORMS})(?![\w-])")
#: A code of letters only ("ORS-AAT") is as often a clinical scale or a subtype ("MG-ADL", "MDS-RS"): it names a
#: product only where the release describes it as one ("ORS-AAT, a Phase 2 investigational RNAi therapy",
#: "ORS-AAT is an antibody", "to develop and commercialize ORS-AAT").
DESCRIBED_PRODUCT = re.compile(
    r"(?:\b(?:develop|commerciali[sz]e|license|licen[cs]ed|market)\s+(?:and\s+commerciali[sz]e\s+)?)?(?<![\w-])(?P<name>[A-Z]{2,4}-[A-Z]{3,4})(?![\w-])"
    r"(?=,\s+(?:an?|the|our|its)\s+(?:[\w-]+\s+){0,6}?(?:therapy|therapeutic|candidate|antibody|inhibitor|antagonist|agonist|drug|medicine|vaccine|compound|molecule|biologic|conjugate|treatment)\b"
    r"|\s+is\s+an?\s+(?:[\w-]+\s+){0,6}?(?:therapy|therapeutic|candidate|antibody|inhibitor|antagonist|agonist|drug|medicine|vaccine|compound|molecule|biologic|conjugate|treatment)\b)")
#: A product's kind, as a release describes a product by it.
_PRODUCT_NOUNS = (r"(?:therapy|immunotherapy|therapeutic|candidate|antibody|inhibitor|antagonist|agonist|drug|medicine|vaccine|compound"
                  r"|molecule|biologic|conjugate|treatment)")
#: A brand's word as releases write it: "Velmora", "VeloCrin", "VElmora" (camel case), and, where the words around it say it is
#: a product, "VELMORA".
TITLE_BRAND = r"[A-Z][a-z]{3,}[a-z0-9]*|[A-Z][a-z]{2,}[A-Z][a-z]{2,}|[A-Z]{2}[a-z]{3,}"
BRAND_WORD = rf"{TITLE_BRAND}|[A-Z]{{4,}}"
#: Where only a product stands: a regulator rules on it ("opinion on X", "the MAA for X", "a Complete Response Letter
#: (CRL) for its New Drug Application (NDA) for X", "approval of X", "approves X", "the PDUFA date for X"), a deal is
#: for it ("the license agreement for X") or a trial tests it ("a trial of X", "a Phase 3 study evaluating X").
_PRODUCT_SLOT = (r"\b(?:[Oo]pinion\s+(?:on|for)|(?:s?NDA|s?BLA|MAA|NDS|CRL|[Dd]ossier|[Aa]pplication|Complete Response Letter)"
                 r"(?:\s+\([A-Za-z]+\))?\s+for|[Aa]pprovals?\s+(?:of|for)|[Aa]uthori[sz]ation\s+(?:of|for)|[Aa]pproves|[Aa]pproved"
                 r"|PDUFA\s+(?:target\s+)?(?:action\s+|goal\s+)?date\s+for|(?:licen[cs]e|collaboration|development|commerciali[sz]ation)\s+agreement\s+for"
                 r"|(?:trials?|stud(?:y|ies))\s+(?:of|evaluating)|evaluating)\s+")
#: A title-case word a sentence opens by describing as a product: "Velmora is precision cancer immunotherapy", "Velmora is an
#: oral small-molecule inhibitor".
DESCRIBED_BRAND = re.compile(rf"^(?P<name>{TITLE_BRAND})[®™]?\s+is\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,6}}?{_PRODUCT_NOUNS}\b")
#: A brand in a product's place ("for Leber's hereditary ...": a disease's eponym is none).
BRAND_IN_PRODUCT_SLOT = re.compile(
    rf"{_PRODUCT_SLOT}(?:[A-Z][\w&]*['’]s?\s+)?(?P<name>{TITLE_BRAND})(?![\w-])(?!['’]s\s+[a-z])")
#: A brand a filing is for, with the regulator and the region between: "filed an MAA with the MHRA in the UK for Velmora",
#: "a dossier with Israel's Ministry of Health for Velmora" (no eponym of a disease, no title: "for Accelerated Approval").
BRAND_FILED_FOR = re.compile(
    r"\b(?:[Aa]pplications?|s?NDA|s?BLA|MAA|[Dd]ossier|[Ss]ubmission|[Ff]iling)\b[^.;:!?]{0,110}?\bfor\s+"
    rf"(?P<name>{TITLE_BRAND})(?![\w-])(?!['’]s?\s)(?!\s+[A-Z])"
    r"(?!\s+(?:disease|syndrome|muscular|dystrophy|ataxia|sarcoma|lymphoma|disorder|designation|status|review)\b)")
#: A product's short name in capitals where only a product stands: "licensed rights to ORSA to Tamura", "licenses ORSA
#: program to Tamura", "Tamura intends to develop ORSA for orphan indications" (a disease's letters take no such place).
SHORT_CAPS_IN_PRODUCT_SLOT = re.compile(
    r"\b(?:rights\s+to|licen[cs]e[sd]?(?:\s+the)?|develop)\s+(?P<name>[A-Z]{3,4})(?![\w&-])"
    r"(?=\s+(?:program(?:me)?\s+)?(?:to|for)\s)")
#: A generic name in a product's place, whatever its ending (lower case).
GENERIC_IN_PRODUCT_SLOT = re.compile(rf"{_PRODUCT_SLOT}(?:its\s+|the\s+)?(?P<name>[a-z][a-z]{{5,}}[a-z])(?![\w-])(?!\s+of\b)")

#: Capitalised words that name things other than products: never a compound.
NOT_NAMES = {
    "NASDAQ", "NYSE", "USOTC", "OTCBB", "OTCQB", "OTCQX", "AMEX", "TSXV", "EURONEXT", "XETRA", "EBITDA", "GAAP", "SOURCE", "TWEET", "BUSINESS", "WIRE", "NEWS", "PRNEWSWIRE", "GLOBE",
    "NEWSWIRE", "ABOUT", "NOTE", "NOTES", "EDITORS", "CONTACT", "CONTACTS", "MEDIA", "INVESTORS", "FORWARD",
    "LOOKING", "STATEMENTS", "UPDATE", "RELEASE", "PRESS", "EXHIBIT", "HKEX", "DILUTED", "TOTAL", "REVENUE",
    "INCOME", "ANNUAL", "REPORT", "QUARTER", "FIRST", "SECOND", "THIRD", "FOURTH", "NOTICE", "SAFE", "HARBOR",
    "HIGHLIGHTS", "TABLE", "INDEX", "LIMITED", "COMPANY", "GROUP", "HOLDINGS", "CORPORATION", "PHARMA",
    "DLBCL", "TNBC", "CIDP", "NSCLC", "HATTR", "MBC", "AML", "CLL", "USA", "USD", "EUR", "DKK", "CHF", "GBP",
    # targets, regimens and scales written in capitals, and a filing's words
    "VEGFR", "PDGFR", "FOLFIRI", "FOLFOX", "FOLFIRINOX", "XELOX", "CAPOX", "RECIST", "ETDRS", "MADRS", "PANSS", "EORTC",
    "REGISTRANT", "NYSEMKT",
    "The", "This", "These", "That", "Phase", "Company", "Committee", "Commission", "Agency", "Administration",
    "Ministry", "European", "Japanese", "Chinese", "Marketing", "Regulatory", "Conditional", "Priority", "Review",
    "PDUFA", "Treatment", "Positive", "Negative", "Opinion", "Approval", "Application",
    "Biologics", "License", "Drug", "New", "Orphan", "Breakthrough", "Therapy", "Designation", "Patients",
    "Cystic", "Fibrosis", "Hodgkin", "Lymphoma", "Cancer", "Disease", "Hereditary", "Adults", "Adult", "Use",
    "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Europe", "Japan",
    "China", "Canada", "United", "States", "Kingdom", "Union", "Its", "Our", "Their", "Inc", "Ltd",
    # wire services and what a company's name ends in
    "COMTEX", "MARKETWIRE", "ACCESSWIRE", "GLOBENEWSWIRE", "BUSINESSWIRE", "CISION", "DGAP", "EQS", "MARKET",
    "Therapeutics", "Pharmaceuticals", "Pharmaceutical", "Biosciences", "Bioscience", "Biopharma", "Biotherapeutics",
    "Laboratories", "Healthcare", "Sciences", "Medicines", "Biotech", "Biotechnology", "Oncology",
} | MEETING_WORDS | DOSAGE_FORM_WORDS  # and the forms a product is sold in, after its brand ("Velmora® Inhalation Capsules")


@dataclass(frozen=True)
class Mention:
    """A compound named at `start..end` of a sentence, as written there."""

    start: int
    end: int
    written: str
    kind: NameKind


_MARKS = re.compile(rf"\s?[{_MARK}]")
_SPACES = re.compile(r"\s+")
_FOLDED = re.compile(r"[\s\-\u2011_.,®™]+")  # a non-breaking hyphen too: "OR\u20118201" is OR-8201


@lru_cache(maxsize=8192)
def plain(name: str) -> str:
    """A name without its marks and spare white space ("Velmora®" -> "Velmora")."""
    return _SPACES.sub(" ", _MARKS.sub("", name)).strip()


@lru_cache(maxsize=8192)
def key(name: str) -> str:
    """The form two spellings of one name share: case, marks, hyphens and spaces folded."""
    return _FOLDED.sub("", name.lower())


@lru_cache(maxsize=8192)
def kind_of(name: str) -> NameKind:
    """What sort of name `name` is, from its form alone."""
    bare = plain(name)
    if INN_PATTERN.fullmatch(bare) and not re.search(r"-[A-Z]{2,4}\d$", bare):
        return "inn"
    if any(pattern.fullmatch(bare) for pattern in CODE_PATTERNS) or re.search(r"\d", bare):
        return "code"
    return "brand"


_US_NAMING = re.compile(rf"^{US_INN_PREFIX}|{US_BIOLOGIC_SUFFIX}(?=$|\s)", re.I)
_SALT = re.compile(rf"\s(?:{INN_SALTS})$", re.I)


def bare_inn(name: str) -> str:
    """An INN without the US naming prefix or suffix, or the salt it is sold as ("ado-velumab tansine",
    "velumab-abcd", "trazinib mesylate" -> "velumab tansine", "velumab", "trazinib")."""
    if not INN_PATTERN.fullmatch(name):
        return name
    return _SALT.sub("", _US_NAMING.sub("", name))


#: A fast test for INN_PATTERN: some word of the text ends in a stem or is the second word of a two-word INN.
#: The stems are written as a tree of their letters (`one_of`): the same test, without trying every stem at
#: every place of the text.
_MAY_HOLD_AN_INN = re.compile(rf"{one_of((*INN_STEMS, 'alfa', 'alpha', 'beta', 'gamma', 'acid', 'vec', 'leucel', 'temcel'))}"
                              r"(?:-[a-z]{4})?(?![a-z])", re.I)
#: ... the same test on the lower case of a `foldable` text, without IGNORECASE: several times faster, at the same places.
_MAY_HOLD_AN_INN_LOWERED = re.compile(_MAY_HOLD_AN_INN.pattern)
#: The words every match of INN_PATTERN ends one of its words in (the test above lacks the fusion proteins' "-cept"):
#: the first place one stands tells where a scan for INNs may start.
_INN_ENDINGS = (*INN_STEMS, "cept", "alfa", "alpha", "beta", "gamma", "acid", "vec", "leucel", "temcel")
_FIRST_INN_ENDING = re.compile(rf"{one_of(_INN_ENDINGS)}(?:-[a-z]{{4}})?(?![a-z])", re.I)
_FIRST_INN_ENDING_LOWERED = re.compile(_FIRST_INN_ENDING.pattern)
_MAY_HOLD_A_CODE = re.compile(r"[A-Z]{2}|[A-Z][-\s]?\d|[a-z][A-Z]|-cel\b")


def pattern_mentions(text: str) -> list[Mention]:
    """Names recognised by form alone: INNs and codes."""
    return list(_pattern_mentions(text))


@lru_cache(maxsize=2048)
def _pattern_mentions(text: str) -> tuple[Mention, ...]:
    found: list[Mention] = []
    start = _where_inns_may_start(text)
    if start is not None:
        for match in INN_PATTERN.finditer(text, start):
            found.append(Mention(match.start(), match.end(), match.group(0), kind_of(match.group(0))))
    if _MAY_HOLD_A_CODE.search(text):
        for pattern in CODE_PATTERNS:
            for match in pattern.finditer(text):
                if not any(match.start() < m.end and m.start < match.end() for m in found):
                    found.append(Mention(match.start(), match.end(), match.group(0), "code"))
    return tuple(found)


def _where_inns_may_start(text: str) -> int | None:
    """None when `text` is not scanned for INN_PATTERN (no word ends as `_MAY_HOLD_AN_INN` says an INN may); else
    where its scan may start without missing a match: at the word before the first word ending as an INN does (the
    two-word forms, "... gene ...vec", "... alfa", "... acid", start a word before theirs)."""
    fold = foldable(text)
    lowered = text.lower()
    if (_MAY_HOLD_AN_INN_LOWERED.search(lowered) if fold else _MAY_HOLD_AN_INN.search(text)) is None:
        return None
    first = _FIRST_INN_ENDING_LOWERED.search(lowered) if fold else _FIRST_INN_ENDING.search(text)
    start = first.start() if first is not None else 0
    while start and not text[start - 1].isspace():
        start -= 1
    if start:  # the two-word forms hold one white space between their words
        start -= 1
        while start and not text[start - 1].isspace():
            start -= 1
    return start


def ocr_variants(first: str, second: str) -> bool:
    """True when two names differ by one slip of OCR or typing (V-DML1 / V-DM1, Velmorra / Velmora).

    Digits never stand in for other digits: ORSN901 and ORSN902 are two compounds.
    """
    confusable = set("lI1L|i")
    if first == second:
        return False
    if len(first) == len(second):
        diffs = [(a, b) for a, b in zip(first, second) if a != b]
        if len(diffs) != 1:
            return False
        a, b = diffs[0]
        if a in confusable and b in confusable:
            return True
        return a.isalpha() and b.isalpha() and a.islower() and b.islower() and len(first) >= 8
    shorter, longer = sorted((first, second), key=len)
    if len(longer) - len(shorter) != 1 or len(shorter) < 4:
        return False
    for index in range(len(longer)):
        if longer[:index] + longer[index + 1:] == shorter:
            return longer[index] in confusable
    return False
