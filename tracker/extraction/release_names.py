"""The names one release uses, and which of them name the same compound.

Some names are recognised by their form wherever they stand (INNs, codes).
Others only by what the release does with them somewhere: marks one with ®,
states it is a brand name, puts it before an INN in parentheses, or submits
it to a regulator. A word learnt anywhere in the release is a name in every
sentence of it (Velmora® in one sentence makes Velmora a brand in all).
Alias statements and OCR slips then join names into groups, and each group is
called by its INN where the release gives one, else its code, else its brand.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from tracker.dates import DATE_PATTERNS
from tracker.extraction.aliases import (
    FORMULATION_OF,
    PRODUCT_FORMS,
    AliasStatement,
    active_substances,
    brand_statements,
    combination,
    labelled_aliases,
    labelled_names,
    parenthetical_aliases,
    slashed_names,
    stated_former_names,
)
from tracker.extraction.compound_names import (
    ALL_CAPS,
    BRAND_FILED_FOR,
    BRAND_IN_PRODUCT_SLOT,
    BRAND_STATEMENT,
    BRAND_WORD,
    DESCRIBED_BRAND,
    DESCRIBED_PRODUCT,
    GENERIC_AFTER_BRAND,
    GENERIC_IN_PRODUCT_SLOT,
    INN_PATTERN,
    MARKED_WORD,
    NOT_NAMES,
    SHORT_CAPS_IN_PRODUCT_SLOT,
    WITH_FORMULATION,
    Mention,
    bare_inn,
    key,
    kind_of,
    ocr_variants,
    pattern_mentions,
    plain,
    stated_brand,
)
from tracker.extraction.places import agencies_in, places_in
from tracker.extraction.prefilter import foldable, scan
from tracker.extraction.trials import registry_spans, trial_names_in
from tracker.lexicon import DOSAGE_FORM_WORDS, DOSE, INN_SALTS, RELEASE_FORMS

#: Capitalised words that follow a brand in headlines without being part of its name.
_NOT_EXTENSIONS = {"Product", "Royalty", "Rights", "Sales", "Revenue", "Approval", "Data", "Results", "Phase", "Trial", "Study",
                   "Launch", "Label", "Patent", "Franchise", "Marketing", "Application", "Receives"} | DOSAGE_FORM_WORDS
_KIND_RANK = {"inn": 0, "code": 1, "brand": 2}
_BEFORE_INN = re.compile(rf"(?<![\w-])(?P<name>(?:[A-Z]{{3,}}\s)?(?:{BRAND_WORD}))[®™]?(?:\s{DOSE})?\s?\((?={INN_PATTERN.pattern})")
_EXTENSION = re.compile(r"\s?[®™]?\s(?P<word>[A-Z][a-z]{3,}[a-z0-9]*)(?![\w-])")
#: A code as a generic name stands beside it: "ORS-101", "ORS101", "ORS2-391".
_CODE_FORM = r"[A-Z]{2,6}-?\d{2,6}[A-Za-z]?|[A-Z]{2,5}\d-\d{3,5}"
#: A generic name the release gives with a code in parentheses, either first ("edarolone (ORS-186)", "ORS-186
#: (edarolone)"), or as what a code is a formulation of ("ORS237 is a dry powder formulation of trazonium bromide"),
#: whatever its ending: a lower-case word of seven letters or more, and a salt.
_GENERIC_WORD = rf"[a-z][a-z-]{{5,}}[a-z](?:\s(?:{INN_SALTS}))?"
_GENERIC_FORM = r"(?:tablets?|capsules?|injection|infusion|oral solution|for injection)"
_GENERIC_BY_CODE = re.compile(
    rf"(?<![\w-])(?P<generic>{_GENERIC_WORD})\s?\((?:{_CODE_FORM})\)"
    rf"|(?<![\w-])(?:{_CODE_FORM})[®™]?\s?\((?P<generic2>{_GENERIC_WORD})\)"
    rf"|(?<![\w-])(?:{_CODE_FORM})(?:,|\s+is)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,5}}?formulation\s+(?:(?:for|of)\s+(?:[\w-]+\s+){{0,3}}?)?of\s+(?P<generic3>{_GENERIC_WORD})\b"
    # ... or its brand, with its abbreviation or not: "ketorolol (VELMORA)", "ketorolol tablets (Velmora®)", "Ketorolol oral
    # solution (KTL, Velmora)" (capitalised where its form follows: a sentence opens with it)
    rf"|(?<![\w-])(?P<generic4>{_GENERIC_WORD}|[A-Z][a-z]{{6,}}(?=\s{_GENERIC_FORM}))(?:\s{_GENERIC_FORM})?"
    rf"\s?\((?:[A-Z]{{2,6}},\s)?(?P<brand>[A-Z][a-z]{{3,}}[a-z0-9]*|[A-Z]{{4,}})\s?[®™]?\)")
#: A generic of no known stem told in its form: "ORS-2002 is a topical ketryl trinitrate gel", "Velmora, an oral ketrodol tablet".
_GENERIC_IN_ITS_FORM = re.compile(rf"(?<![\w-])(?:{_CODE_FORM}|{BRAND_WORD})[®™]?(?:,|\s+is)\s+an?\s+(?:[\w-]+\s+){{0,2}}?"
                                  rf"(?P<generic>[a-z]{{5,}}(?:\s[a-z]{{5,}})?)\s+(?:{PRODUCT_FORMS})\b")
#: A product named in apposition to the word for one: "Orsolo's drug, Velora XR, aims to treat", "its candidate, Velora,".
_APPOSED_PRODUCT = re.compile(rf"\b(?:drug|product|medicine|therapy|treatment|candidate|vaccine),\s+(?P<name>(?P<brand>{BRAND_WORD})"
                              rf"(?:\s(?:{RELEASE_FORMS}))?)(?=,)")
#: A brand told as a form of its generic: "Velora is a long-acting capsule formulation of ketrodopa", "Velora, a vaginal
#: tablet containing 25mg of ketroprostol"; the generic is a name whatever its ending ("... of ketrobidopa-levodopa").
_BRAND_OF_GENERIC = re.compile(rf"(?<![\w-])(?P<brand>{BRAND_WORD}){FORMULATION_OF}(?P<generic>{INN_PATTERN.pattern}|{_GENERIC_WORD})(?![\w-])")
#: Lower-case words that stand where a product's name does without being one: nouns of the field, diseases by
#: their endings, English by its endings.
_NOT_NAME_NOUNS = (r"antibody|antibodies|candidate|compound|molecule|medicine|vaccine|protein|peptide|conjugate|regimen|placebo|product|[a-z]*kinase"
                   r"|program|programme|therap\w*|biologic|biosimilar|tablets?|capsules?|formulation|inhibitor|agonist|antagonist|treatment"
                   r"|infusion|injection|solution|suspension|patients?|subjects?|doses?|combination|monotherapy|asset|licen[cs]e|partner"
                   r"|collaboration|agreement|previously|formerly|endpoint|cohort|population|carcinoma|lymphoma|leukemia|leukaemia|melanoma"
                   r"|sarcoma|myeloma|syndrome|disease|infection")
_DISEASE_ENDINGS = r"[a-z]*(?:oma|itis|emia|aemia|osis|pathy|plasia|trophy)"
_ENGLISH_ENDINGS = r"tion|ment|ness|ity|ing|ed|ly|ous|ive|al|ies|ics|ist|ers|y|s"
#: ... beside a code in parentheses: "(ORS-101 antibody)", "ORS-101 (previously ...)".
_NOT_GENERICS = re.compile(rf"(?:{_NOT_NAME_NOUNS}|{_DISEASE_ENDINGS}|[a-z]*(?:{_ENGLISH_ENDINGS}|or|ors|er))$")
#: ... in a product's place, seven letters or more ("approval for moderate ...", "a study of patients", "evaluating
#: whether"): a generic may end in "-or" (but no "-tor", "-sor", "-ior") or a polymer's "-mer", never in "-ic".
_NOT_PRODUCT_WORDS = re.compile(
    rf"{_NOT_NAME_NOUNS}|{_DISEASE_ENDINGS}|[a-z]*(?:{_ENGLISH_ENDINGS}|(?<!m)er|ic|[tscimj]or)"
    r"|moderate|adjuvant|certain|similar|standard|maintenance|children|adolescent|another|several|different|multiple"
    r"|eligible|whether|because|through|without|between|against|further|neither|approximately|governor")
#: Words after a word in capitals that make it a trial's name: "QUILLON data showed", "VARENNA results".
_TRIAL_AFTER = re.compile(r"\s+(?:data|results|findings|read-?outs?)\b")
#: An English noun in capitals ("IMPORTANCE", "CONFIDENCE", "INFORMATION"): a heading's word, no brand.
_ENGLISH_IN_CAPITALS = re.compile(r"(?:TION|MENT|NESS|ANCE|ENCE|ITY)$")
_DATELINE_AFTER = re.compile(r"^,\s*(?:[A-Z][a-z]+\.?|[A-Z]{2}\b|\w+ \d)|^\s*[-–—/]{1,2}|^\s+[A-Z]{3,}\b")


def _title_case(text: str) -> bool:
    """True for a headline written in title case ("... Recommending Approval for Weight Management")."""
    words = re.findall(r"\b[A-Za-z][a-z]{3,}\b", text)
    return len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.7 * len(words)


#: Words that start with a capital but are no prose: "Calif.", "N.J.", "(BUSINESS WIRE)", "/PRNewswire/", "--".
_PROSE = re.compile(r"(?<![\w.])(?!and\b)[a-z][a-z]+\b")


#: A wire service's mark in a dateline.
_WIRE = re.compile(r"/?PR ?Newswire|\(?BUSINESS WIRE\)?|GLOBE ?NEWSWIRE|Marketwire|ACCESSWIRE|\bEQS\b")
#: A news agency's mark right after a dateline's city: "ZURICH (Reuters) -", "LONDON (Alliance News) -".
_AGENCY_MARK = re.compile(r"\((?:Reuters|Alliance News|AP|Dow Jones(?: Newswires)?|RTTNews|Bloomberg|AFP|Xinhua)\)")


def _opens_dateline(text: str, start: int) -> bool:
    """True for the place a dateline opens with ("HOBOKEN, N.J., March 2, 2021 (BUSINESS WIRE) --",
    "SOUTH SAN FRANCISCO, Calif.--(BUSINESS WIRE)--Mar. 4, 2024"): capitals, then a date, no prose between."""
    window = text[start:start + 160]
    dates = [match.start() for pattern in DATE_PATTERNS for match in pattern.finditer(window)]
    dates += [match.start() for pattern in (_WIRE, _AGENCY_MARK) for match in pattern.finditer(window)]  # "CRANBURY, N.J., Feb. 12 /PRNewswire/": a day without its year
    if not dates:
        return False
    between = window[:min(dates)]
    if re.fullmatch(r"[A-Z][A-Z .,'-]*", between) and _AGENCY_MARK.match(window, len(between)):
        return True  # "ZURICH (Reuters) - ...": the city the agency reports from
    return not _PROSE.search(between) and ("," in between[:40] or "--" in between)


def _defines_abbreviation(text: str, start: int, word: str) -> bool:
    """True for "diffuse large B-cell lymphoma (DLBCL)", "alpha-1 antitrypsin-associated liver disease (AATLD)":
    the word abbreviates the words before its parenthesis (Schwartz and Hearst's test: its letters, read
    backwards, found in order in those words, its first letter starting one of them)."""
    if "(" not in text[max(0, start - 2):start]:
        return False
    long_form = text[max(0, start - 120):start].rstrip(" (").lower()
    words = re.split(r"[\s/]+", long_form)[-(len(word) + 5):]
    long_form = " ".join(words)
    position = len(long_form) - 1
    for index in range(len(word) - 1, -1, -1):
        letter = word[index].lower()
        if not letter.isalnum():
            continue
        while position >= 0 and (long_form[position] != letter or index == 0 and position > 0 and long_form[position - 1].isalnum()):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


@dataclass
class _Groups:
    """Union-find over name keys."""

    parent: dict[str, str] = field(default_factory=dict)

    def find(self, name: str) -> str:
        self.parent.setdefault(name, name)
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def join(self, first: str, second: str) -> None:
        self.parent[self.find(first)] = self.find(second)


#: Two or more marked words in a row ("ANORO® ELLIPTA®", "RELVAR®/BREO® ELLIPTA®").
_MARKED_PAIR = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]+[®™](?:\s?/\s?[A-Z][A-Z0-9]+[®™])?\s[A-Z][A-Z0-9]+[®™]")
#: Words after a marked name that make it a technology or a device rather than a product.
_PLATFORM_AFTER = re.compile(r"\s*(?:-based\s+|\s)(?:drug\s+)?(?:platforms?|technology|technologies|devices?|inhalers?|delivery|scaffolds?|proteins?\s+platform)\b", re.I)


class ReleaseNames:
    """Every compound name a release uses, grouped into compounds."""

    def __init__(self, texts: list[str], parties: set[str]):
        self._texts = texts
        self._parties = {party.lower() for party in parties}
        self.brands: set[str] = set()
        self.learnt: set[str] = set()
        self.generic: set[str] = set()
        """Keys of generic names known by their place after a brand, whatever their form."""
        self._learn_brands()
        self.trials = trial_names_in(texts, self.brands)
        self.abbreviations = self._abbreviations()
        self._learn_all_caps()
        self._learn_regulated_products()
        self._learn_extensions()
        self.statements: list[tuple[int, AliasStatement]] = []
        self.declared: dict[str, str] = {}
        """Name keys the release itself calls an INN ("nonproprietary name: ..."), whatever their form."""
        self._groups = _Groups()
        self._written: dict[str, Counter] = {}
        self.mentions_by_sentence = [self._scan(index, text) for index, text in enumerate(texts)]
        self._join_variants()
        self.canonical = self._canonical_names()

    # --- learning names from what the release does with them ----------------------------------------
    def _not_a_name(self, word: str) -> bool:
        return word in NOT_NAMES or word.title() in NOT_NAMES or word.lower() in self._parties or bool(agencies_in(word))

    def _learn_brands(self) -> None:
        for text in self._texts:
            lowered, fold = text.lower(), foldable(text)
            for match in scan(MARKED_WORD, text, lowered, fold):
                if _PLATFORM_AFTER.match(text, match.end()):
                    continue  # "the Anticalin® platform", "the Ellipta® inhaler": a technology or a device, no product
                if not self._not_a_name(match["name"]):
                    self.brands.add(match["name"] + (match["code"] or ""))
            for match in scan(_MARKED_PAIR, text, lowered, fold):
                # "ANORO® ELLIPTA®", "RELVAR®/BREO® ELLIPTA®": two marked words in a row name one product
                name = plain(match.group(0)).replace(" / ", "/")
                if not any(self._not_a_name(word) for word in re.split(r"[ /]", name)):
                    self.brands.add(name)
            for match in scan(BRAND_STATEMENT, text, lowered, fold):
                name = stated_brand(match)
                if not self._not_a_name(name):
                    self.brands.add(name)
            for match in _BEFORE_INN.finditer(text):
                words = match["name"].split()
                while words and self._not_a_name(words[0]) or len(words) > 1 and not words[0].isupper():
                    words = words[1:]  # "FDA APPROVES LUMIRA (x)": the words before the brand are no part of it
                if words and not self._not_a_name(" ".join(words)):
                    self.brands.add(" ".join(words))
            for match in scan(WITH_FORMULATION, text, lowered, fold):
                if not self._not_a_name(match["name"]):
                    self.learnt.add(f"{match['name']} {match['suffix']}")
            for _, name, kind in labelled_names(text):
                if not self._not_a_name(name) and not INN_PATTERN.fullmatch(name):
                    (self.brands if kind in ("brand", None) and not re.search(r"\d", name) else self.learnt).add(name)
            for brand, _ in active_substances(text):
                if not self._not_a_name(brand):
                    self.brands.add(brand)
            for match in _GENERIC_BY_CODE.finditer(text) if "(" in text or "formulation" in text else ():
                generic = match["generic"] or match["generic2"] or match["generic3"] or match["generic4"]
                if INN_PATTERN.fullmatch(generic) or _NOT_GENERICS.match(generic.split()[0]) or generic in NOT_NAMES \
                        or self._not_a_name(generic) or "-" in generic:
                    continue
                brand = match["brand"]
                if brand is not None:
                    if self._not_a_name(brand) or _defines_abbreviation(text, match.start("brand"), brand) \
                            or _TRIAL_AFTER.match(text, match.end()):
                        continue
                    self.brands.add(brand)
                self.learnt |= {generic, generic.lower()}
                self.generic.add(key(generic))
            for match in _GENERIC_IN_ITS_FORM.finditer(text) if " is a" in text or ", a" in text else ():
                generic = match["generic"]
                if not any(_NOT_GENERICS.match(word) or _NOT_PRODUCT_WORDS.fullmatch(word) for word in generic.split()) \
                        and not INN_PATTERN.fullmatch(generic) and not self._not_a_name(generic):
                    self.learnt.add(generic)
                    self.generic.add(key(generic))
            for match in SHORT_CAPS_IN_PRODUCT_SLOT.finditer(text):
                # a product licensed or developed by its letters, before its trials are read ("licenses ORSA program to")
                name = match["name"]
                if not self._not_a_name(name) and not places_in(name) and not _defines_abbreviation(text, match.start("name"), name):
                    self.brands.add(name)
            for match in scan(_APPOSED_PRODUCT, text, lowered, fold):
                if not self._not_a_name(match["brand"]):
                    self.learnt.add(match["name"])
            for match in scan(_BRAND_OF_GENERIC, text, lowered, fold):
                if not self._not_a_name(match["brand"]) and not _defines_abbreviation(text, match.start("brand"), match["brand"]):
                    self.brands.add(match["brand"])
                    generic = match["generic"]
                    if not INN_PATTERN.fullmatch(generic) and not _NOT_GENERICS.match(generic.split()[0]) and not self._not_a_name(generic):
                        self.learnt.add(generic)
                        self.generic.add(key(generic))
            for match in GENERIC_AFTER_BRAND.finditer(text) if "(" in text else ():
                brand, generic = plain(match["brand"]), combination(match["generic"]) if re.search(r"/| and ", match["generic"]) else match["generic"]
                if self._not_a_name(brand) or generic in NOT_NAMES or _defines_abbreviation(text, match.start("brand"), brand):
                    continue
                self.brands.add(brand)
                if not INN_PATTERN.fullmatch(generic):
                    self.learnt.add(generic)
                    self.generic.add(key(generic))

    def _abbreviations(self) -> set[str]:
        """Capitalised words the release defines as abbreviations of the words before them ("... disease (AATD)")."""
        found = set()
        for text in self._texts:
            for match in re.finditer(r"\((?P<word>[A-Z][A-Za-z0-9-]{1,11})\)", text):
                before = text[max(0, match.start() - 80):match.start()].rstrip()
                names_it = any(m.end == len(before) for m in pattern_mentions(before)) or re.search(r"[®™]$", before)
                if not names_it and _defines_abbreviation(text, match.start("word"), match["word"]):
                    found.add(match["word"])
        return found

    def _learn_all_caps(self) -> None:
        trial_heads = {re.split(r"[\s-]", name)[0] for name in self.trials}
        for text in self._texts:
            for match in ALL_CAPS.finditer(text):
                word, start, end = match["name"], match.start(), match.end()
                before, after = text[max(0, start - 12):start], text[end:end + 12]
                if word in NOT_NAMES or word in trial_heads or word.split("-")[0] in trial_heads or self._not_a_name(word) or word in self.abbreviations \
                        or word.split("-")[0] in NOT_NAMES or _ENGLISH_IN_CAPITALS.search(word):
                    continue
                if re.search(r"[A-Z]{2,}[\s:]+$", before) or re.match(r"\s+[A-Z]{2,}\b(?!\s?[®™])", after) and not re.match(r"\s+(?:SC|IV)\b", after):
                    continue  # a run of capitals: a heading, a dateline, a wire name
                if _DATELINE_AFTER.match(after) or re.search(r"[:(]\s*$", before) and re.match(r"\s*\)", after) \
                        or re.match(r":\s?[A-Z0-9]", after):  # "(TOKYO:4565)": an exchange before its listing
                    continue
                if _defines_abbreviation(text, start, word):
                    continue
                if _TRIAL_AFTER.match(text, end):
                    continue  # "QUILLON data showed ...", "VARENNA results": a trial or programme named by its read-out
                if _opens_dateline(text, start):
                    continue  # the city of a dateline (and the cities it lists) is no brand
                self.brands.add(word)
        # a word cut off at the end of a truncated release is no new brand
        self.brands -= {word for word in self.brands for other in self.brands if other != word and other.startswith(word)}

    def _learn_regulated_products(self) -> None:
        for text in self._texts:
            for match in DESCRIBED_PRODUCT.finditer(text):
                if not self._not_a_name(match["name"]) and match["name"] not in self.abbreviations:
                    self.learnt.add(match["name"])
            for match in BRAND_IN_PRODUCT_SLOT.finditer(text):
                name = match["name"]
                if self._not_a_name(name) or name in self.brands or INN_PATTERN.fullmatch(name):
                    continue
                if _title_case(text) and re.match(r"\s+[A-Z][a-z]", text[match.end():]):
                    continue  # "... Approval for Weight Management": in a title-case headline a capital marks no name
                self.learnt.add(name)
            described = DESCRIBED_BRAND.match(text)
            if described and not self._not_a_name(described["name"]) and not _NOT_PRODUCT_WORDS.fullmatch(described["name"].lower()) \
                    and len(re.findall(rf"(?<![\w-]){re.escape(described['name'])}(?![\w-])", self._joined)) >= 2:
                self.learnt.add(described["name"])  # "Velmora is precision cancer immunotherapy", named again
            for match in BRAND_FILED_FOR.finditer(text) if "for" in text else ():
                name = match["name"]
                if self._not_a_name(name) or name in self.brands or INN_PATTERN.fullmatch(name) or places_in(name):
                    continue
                if _title_case(text) or len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self._joined)) < 2:
                    continue  # a release names its product again; a title's capitals mark no name
                self.learnt.add(name)
            for match in GENERIC_IN_PRODUCT_SLOT.finditer(text):
                name = match["name"]
                if INN_PATTERN.fullmatch(name) or _NOT_PRODUCT_WORDS.fullmatch(name) or self._not_a_name(name):
                    continue
                if len(re.findall(rf"\b{re.escape(name)}\b", self._lowered)) < 2:
                    continue  # a release names its product again: a word it writes once in such a place is likelier English
                self.learnt |= {name, name.capitalize()}  # "Ketorilant is ..." opens a sentence
                self.generic.add(key(name))

    def _learn_extensions(self) -> None:
        """Two-word brands ("VELMORA Duo"): a brand and the same capitalised word after it, twice."""
        joined = "\n".join(self._texts)
        for brand in list(self.brands):
            pairs = Counter(match["word"] for match in re.finditer(rf"(?<![\w-]){re.escape(brand)}{_EXTENSION.pattern}", joined))
            for word, count in pairs.items():
                if count >= 2 and not word.endswith("s") and not self._not_a_name(word) and word not in _NOT_EXTENSIONS:
                    self.learnt.add(f"{brand} {word}")

    @cached_property
    def _joined(self) -> str:
        """The release's sentences as one text."""
        return "\n".join(self._texts)

    @cached_property
    def _lowered(self) -> str:
        """The release's sentences in lower case, as one text."""
        return self._joined.lower()

    # --- finding names in a sentence -----------------------------------------------------------------
    def _known_names(self) -> list[str]:
        return sorted(self.brands | self.learnt, key=len, reverse=True)

    @cached_property
    def _known_pattern(self) -> re.Pattern[str] | None:
        """One pattern for every name learnt from the release, longest first, compiled once a release."""
        names = self._known_names()
        if not names:
            return None
        joints = {" ": r"\s?[®™]?\s", "-": r"\s?[®™]?-", "/": r"[®™]?\s?/\s?"}
        spelled = ["".join(joints.get(part, re.escape(part)) for part in re.split(r"([ /-])", name)) for name in names]
        return re.compile(rf"(?<![\w-])(?:{'|'.join(spelled)})[®™]?(?![\w-])")

    @cached_property
    def _known_by_key(self) -> dict[str, str]:
        return {key(name): name for name in self._known_names()}

    @cached_property
    def _trial_pattern(self) -> re.Pattern[str] | None:
        names = sorted(self.trials, key=len, reverse=True)
        return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])") if names else None

    def _scan(self, index: int, text: str) -> list[Mention]:
        found = pattern_mentions(text)
        if self._known_pattern is not None:
            for match in self._known_pattern.finditer(text):
                name = self._known_by_key.get(key(plain(match.group(0))), plain(match.group(0)))
                found.append(Mention(match.start(), match.end(), match.group(0), kind_of(name)))
        blocked = registry_spans(text) + [(start, start + len(name)) for start, name in self.trial_spans(text)]
        kept: list[Mention] = []
        for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
            if any(mention.start < end and start < mention.end for start, end in blocked):
                continue
            if any(mention.start < other.end and other.start < mention.end for other in kept):
                continue
            lead = text[max(0, mention.start - 10):mention.start]
            if mention.kind == "code" and re.search(r"(?:#|abstracts?\s+#?|[A-Z]{2,}:\s?|\bForm\s)$", lead):
                continue  # abstract numbers, tickers, SEC forms
            if plain(mention.written) in NOT_NAMES or plain(mention.written).lower() in self._parties or plain(mention.written) in self.abbreviations:
                continue
            kept.append(mention)
        self._record(index, text, kept)
        return kept

    def trial_spans(self, text: str) -> list[tuple[int, str]]:
        """(offset, name) of each trial name the release uses, as `text` names them, in order."""
        if self._trial_pattern is None:
            return []
        return [(match.start(), match.group(0)) for match in self._trial_pattern.finditer(text)]

    def _record(self, index: int, text: str, mentions: list[Mention]) -> None:
        for mention in mentions:
            name = plain(mention.written)
            self._written.setdefault(key(name), Counter())[name] += 1
            self._groups.find(key(name))
            bare = bare_inn(name)
            if bare != name:
                self._written.setdefault(key(bare), Counter())[bare] += 0
                self._groups.join(key(name), key(bare))
        spans = [(m.start, m.end, plain(m.written)) for m in mentions]
        for statement in parenthetical_aliases(text, spans, self._is_name, lambda name: key(name) in self.generic) + slashed_names(text, spans) + stated_former_names(text, spans) + labelled_aliases(text, spans) \
                + brand_statements(text, spans):
            if self._not_a_name(statement.alias):
                continue  # "Velmora (trazolin, Orsolo)": a company beside a name is its maker, no alias
            self.statements.append((index, statement))
            if statement.alias_kind == "inn":
                self.declared[key(statement.alias)] = "inn"
            self._written.setdefault(key(statement.alias), Counter())[statement.alias] += 0
            self._groups.join(key(statement.alias), key(statement.name))

    def _is_name(self, candidate: str) -> bool:
        if candidate in NOT_NAMES:
            return False
        bare = plain(candidate)
        return any(m.start == 0 and m.end == len(bare) for m in pattern_mentions(bare)) or bare in self.brands | self.learnt

    def _join_variants(self) -> None:
        keys = list(self._written)
        self._slips: dict[str, str] = {}
        for i, first in enumerate(keys):
            for second in keys[i + 1:]:
                a = next(iter(self._written[first]))
                b = next(iter(self._written[second]))
                if ocr_variants(a, b) or ocr_variants(a.lower(), b.lower()) and len(a) >= 8:
                    self._groups.join(first, second)
                    weight = {k: (sum(self._written[k].values()), self._variant_weight(k)) for k in (first, second)}
                    slip, kept = sorted((first, second), key=lambda k: weight[k])
                    self._slips[slip] = self._written[kept].most_common(1)[0][0]

    def spelling(self, written: str) -> str:
        """How the release spells a name when it is not slipping ("V-DML1" -> "V-DM1")."""
        return self._slips.get(key(plain(written)), plain(written))

    def _canonical_names(self) -> dict[str, str]:
        members: dict[str, list[str]] = {}
        for name_key in self._written:
            members.setdefault(self._groups.find(name_key), []).append(name_key)
        canonical: dict[str, str] = {}
        for keys in members.values():
            def rank(name_key: str) -> tuple:
                written = self._written[name_key].most_common(1)[0][0]
                prefixed = bare_inn(written) != written
                kind = self.declared.get(name_key) or ("inn" if name_key in self.generic else kind_of(written))
                return (_KIND_RANK[kind], prefixed, not written.islower() and kind_of(written) == "inn",
                        -sum(self._written[name_key].values()), -self._variant_weight(name_key))
            best = min(keys, key=rank)
            written = self._written[best].most_common(1)[0][0]
            if kind_of(written) == "inn" or best in self.generic or self.declared.get(best) == "inn":
                # INNs are lower case; a capital only starts a sentence or a headline, capitals only a headline
                written = " ".join(word if word.isupper() and not word.isalpha() else word.lower() for word in written.split(" "))
            for name_key in keys:
                canonical[name_key] = written
        return canonical

    def _variant_weight(self, name_key: str) -> int:
        """Among OCR variants of one name, the spelling used in body text rather than a headline wins."""
        return sum(1 for folded in self._body_keys if name_key in folded)

    @cached_property
    def _body_keys(self) -> list[str]:
        """The sentences of body text (ending in a full stop, not a headline's), each folded as a name key, once a release."""
        return [key(text) for text in self._texts if re.search(r"[.!?]\s*$", text)]

    def join_stated(self, index: int, statement: AliasStatement) -> None:
        """Join two names the release makes one compound by how it uses them rather than by a statement in one
        sentence (a headline's brand and the INN its first paragraph reports on), as if sentence `index` said so."""
        self.statements.append((index, statement))
        self._written.setdefault(key(statement.alias), Counter())[statement.alias] += 0
        self._groups.join(key(statement.alias), key(statement.name))
        self.canonical = self._canonical_names()

    def kinds_in_group(self, written: str) -> set[str]:
        """The kinds of name ("inn", "code", "brand") the compound of `written` is known by in the release."""
        root = self._groups.find(key(plain(written)))
        kinds = set()
        for name_key, names in self._written.items():
            if self._groups.find(name_key) == root:
                name = names.most_common(1)[0][0]
                kinds.add(self.declared.get(name_key) or ("inn" if name_key in self.generic else kind_of(name)))
        return kinds

    # --- answers -------------------------------------------------------------------------------------
    def name_of(self, written: str) -> str:
        """The name a release's compound is called by, for any of its spellings."""
        return self.canonical.get(key(plain(written)), plain(written))

    def same(self, first: str | None, second: str | None) -> bool:
        if first is None or second is None:
            return first is second
        return self._groups.find(key(plain(first))) == self._groups.find(key(plain(second)))
