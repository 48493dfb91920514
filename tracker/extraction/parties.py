"""Companies as parties to deals, each with one spelling.

"Orsolo Genetics, Inc." is Orsolo Genetics, "Quillon Pharmaceuticals" is Quillon,
"Tamura Pharmaceutical Company Limited" is Tamura. Where a sentence says a
company belongs to another ("Quillon, a member of the Tamura Group",
"Velsar, a wholly owned subsidiary of Tamura ..."), the party is the group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.extraction.prefilter import foldable, scan
from tracker.lexicon import DESCRIPTIVE_COMPANY_WORDS, EXCHANGES, LEGAL_FORM_WORDS, LEGAL_FORMS, REGIONS

_LEGAL_FORMS = LEGAL_FORMS
_DESCRIPTIVE = DESCRIPTIVE_COMPANY_WORDS
_LEGAL = LEGAL_FORM_WORDS

#: Words that start capitalised phrases but are never a party.
_NOT_PARTIES = {
    "the", "a", "an", "this", "that", "these", "its", "our", "their", "his", "her", "company", "phase", "under", "in",
    "on", "for", "with", "and", "or", "of", "to", "by", "from", "as", "at", "we", "it", "they", "he", "she", "cos",
    "european", "u.s", "us", "fda", "ema", "chmp", "ec", "mhlw", "nmpa", "pmda", "committee", "ministry", "agency",
    "commission", "administration", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}

#: A word of a company's name: capitalised, a house style in lower case with a hyphen ("x-y"), or one that starts in lower
#: case before its capital ("vRenta", "oxGenix"; never "mRNA", "mAb", "eGFR": the capital starts a word in lower case).
_WORD = r"(?:[A-Z][\w'.+]*(?:-[\w]+)*|[a-z]+-[a-z]+|[a-z]{1,3}[A-Z][a-z]{2,}\w*|&)"
_NAME = re.compile(rf"{_WORD}(?:\s+(?:{_WORD}|of|de|la|du)(?=[\s,.;:)'’]|$))*")
_CURRENCY_WORD = re.compile(r"USD|EUR|GBP|JPY|DKK|SEK|NOK|CHF|CNY|AUD|CAD|HKD|KRW|INR|RMB|US|U\.S\.")
_DATELINE_AFTER = re.compile(r"(?<=[a-z])\s+[A-Z]{3,}(?:\s+[A-Z]{2,})+$")
_LEGAL_TAIL = re.compile(rf"^,?\s+(?:{_LEGAL_FORMS})\.?(?=\W|$)")
_PARENTHETICAL_TICKER = re.compile(r"^\s*\([^)]*\)")
_THROUGH_ITS_PARTNER = re.compile(r"(?:[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2}['’]s?|(?:its|our|their))\s+(?:[A-Z]?[\w-]+\s+){0,2}?"
                                  r"(?:partner|licensee|licensor|collaborator|subsidiary|affiliate),?\s+(?=[A-Z])")
_LEGAL_THEN_MORE = re.compile(rf"(?<=\s)(?:{_LEGAL_FORMS})\.(?=\s+\S)")
_PARENT = re.compile(
    r"^(?::[^,()]{0,60})?,?\s*\(?(?:a|an)\s+(?:member of the|wholly[- ]owned subsidiary of|subsidiary of|division of|unit of|part of)\s+"
    r"(?P<parent>[A-Z][\w&.\- ]*?)(?=\)|,|\.|;|$| which| that)")


@dataclass(frozen=True)
class Party:
    """A party named at `start..end` of a sentence, with its one spelling in `name`."""

    start: int
    end: int
    name: str


def normalise_party(written: str) -> str:
    """The one spelling of a party as written ("Orsolo Genetics, Inc." -> "Orsolo Genetics")."""
    name = re.sub(r"\s*\([^)]*\)", "", written)
    name = re.split(r":", name)[0]
    name = re.sub(r"['’]s?$", "", name.strip()).strip(" ,.")
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    if re.fullmatch(r"[a-z]+-[a-z]+", name):
        # a merged group written in its house style ("x-y"): the group is known by its first name
        name = name.split("-")[0]
    if name.islower():
        name = name[:1].upper() + name[1:]
    words = name.replace(",", " ").split()
    while len(words) > 1 and (words[-1].lower().rstrip(".") in _LEGAL or words[-1].lower() in _DESCRIPTIVE or words[-1] == "&"):
        shorter = words[:-1]
        if len(shorter) == 1 and re.fullmatch(r"[A-Z]{1,3}", shorter[0]):
            break  # "ADC Therapeutics" stays whole: "ADC" alone is no name
        words = shorter
    return " ".join(words)


#: Words a company's name may end in that its partners leave off when they name it ("Quillon Biologics" is Quillon).
_SHORT_FORM_TAIL = _DESCRIPTIVE | {"biologics", "biologic", "bio", "biotherapeutic"}


def short_form(name: str) -> str:
    """The form a party goes by in payments, across releases: its one spelling without a descriptive tail."""
    words = normalise_party(name).split()
    while len(words) > 1 and words[-1].lower() in _SHORT_FORM_TAIL:
        if len(words) == 2 and re.fullmatch(r"[A-Z]{1,3}", words[0]):
            break
        words = words[:-1]
    return " ".join(words)


def one_spelling(names: set[str]) -> dict[str, str]:
    """For parties named in one release, the one spelling of each: its short form, or the shortest other
    name of the release it begins with ("Helix Nordic" is Helix where the release also calls it Helix)."""
    shorts = {name: short_form(name) for name in names}
    known = set(shorts.values())
    spelling = {}
    for name, short in shorts.items():
        words = short.split()
        prefixes = [other for other in known if len(other.split()) < len(words) and words[:len(other.split())] == other.split()]
        spelling[name] = min(prefixes, key=len) if prefixes else short
    return spelling


def _usable(written: str) -> bool:
    first = written.split()[0].lower().rstrip(".")
    return bool(written) and first not in _NOT_PARTIES and not re.fullmatch(r"[\d\W]+", written)


#: The short name a release gives a company it names in full: "Tamura Pharmaceutical Co., Ltd. (“Tamura”)".
_SHORT_NAME = re.compile(r"^\s*\(\s*(?:hereinafter\s+|hereafter\s+)?[“\"']?(?P<short>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})[”\"']?\s*\)")


@cache
def _place_name() -> re.Pattern[str]:
    """A country or region's name, which in parentheses after a company says where it is: the lexicon's regions
    and every country of ISO 3166 (`pycountry`, loaded on first use)."""
    import pycountry

    countries = {name for country in pycountry.countries
                 for name in (country.name, getattr(country, "common_name", None)) if name}
    return re.compile("|".join([*(f"(?:{region.names})" for region in REGIONS),
                                *(re.escape(name) for name in sorted(countries, key=len, reverse=True))]))


def party_at(text: str, position: int) -> Party | None:
    """The party whose name starts at `position` (after white space), with its group where the text gives one."""
    lead = len(text[position:]) - len(text[position:].lstrip())
    start = position + lead
    if text[start:start + 4].lower() == "the ":
        start += 4
    through = _THROUGH_ITS_PARTNER.match(text, start)
    if through:
        return party_at(text, through.end())  # "developed by Orsolo's Japanese partner Tamura", "with its partner, Tamura": Tamura
    match = _NAME.match(text, start)
    if not match or not _usable(match.group(0)):
        return None
    end = match.end()
    written = match.group(0)
    while " " in written and _CURRENCY_WORD.fullmatch(written.rsplit(" ", 1)[1]):
        written = written.rsplit(" ", 1)[0]  # "will pay Quillon EUR 19 million": the code starts the sum
        end = start + len(written)
    legal = _LEGAL_THEN_MORE.search(written)
    if legal:
        written = written[:legal.end()]  # "from Onxo S.A. Tamura plans ...": the legal form ends the name (and a sentence)
        end = start + len(written)
    dateline = _DATELINE_AFTER.search(written)
    if dateline:
        written = written[:dateline.start()]  # "from Tamura SOUTH SAN FRANCISCO, Calif.": a headline run into its dateline
        end = start + len(written)
    tail = _LEGAL_TAIL.match(text[end:])
    if tail:
        end += tail.end()
    rest = text[end:]
    ticker = _PARENTHETICAL_TICKER.match(rest)
    parent = _PARENT.match(rest[ticker.end():] if ticker else rest)
    if parent:
        return Party(start, end, normalise_party(parent["parent"]))
    short = _SHORT_NAME.match(rest) or (_SHORT_NAME.match(rest[ticker.end():]) if ticker else None)
    if short and _place_name().fullmatch(short["short"]):
        short = None  # "Tamura (France)": where the company is, not what the release calls it
    return Party(start, end, normalise_party(short["short"] if short else text[start:end]))


def party_before(text: str, position: int) -> Party | None:
    """The party whose name (with its ticker or legal form) ends just before `position`."""
    head = text[:position].rstrip()
    head = re.sub(r",?\s+(?:which|who|that)$", "", head)  # "Quillon Pharma Ltd, which holds ..."
    short = None
    while (parenthesis := re.search(r"\s*(\([^()]*\))$", head)) is not None:  # "(NYSE: DNA)", "( TSE:4502 ) (“Tamura”)"
        named = _SHORT_NAME.match(parenthesis.group(1))
        short = short or (named["short"] if named else None)
        head = head[:parenthesis.start()].rstrip(" ,")
    head = re.sub(rf",?\s+(?:{_LEGAL_FORMS})\.?$", "", head)
    head = re.sub(r"['’]s?$", "", head)
    words = re.findall(rf"{_WORD}|of|de|la", head[-80:])
    if not words:
        return None
    match = re.search(rf"((?:{_WORD})(?:\s+(?:{_WORD}|of|de|la))*)$", head)
    if not match:
        return None
    name = match.group(1)
    # the name ends here; it starts after the last lower-case word that is no connector
    tokens = name.split()
    while tokens and tokens[0].lower() in _NOT_PARTIES - {"of"}:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0] in ("I", "|"):
        tokens = tokens[1:]  # "July 28, 2014 I Tetraphase ...": a dateline's separator read as a letter
    if not tokens or not _usable(" ".join(tokens)):
        return None
    written = " ".join(tokens)
    start = head.rfind(written)
    return Party(start, start + len(written), normalise_party(short or written))


_LISTED = re.compile(rf"\((?:{EXCHANGES}|ISIN|Tokyo|Frankfurt|Prime Standard)\b")
_ANNOUNCER = re.compile(r"\b(?:today announced|announced today|today announce|announce today|today reported|reported today|today provided|announces|announced)\b", re.I)
#: A company's description between its name and its listing: ", a specialty pharma company" before "(ISIN ...)".
_DESCRIBED_BEFORE = re.compile(r",\s+(?:a|an|the)\s+[a-z][\w\s-]{0,60}$")


def issuer_in(sentences: list[str]) -> str | None:
    """The company issuing a release: the listed company of its opening, else the one announcing."""
    for text in sentences[:12]:
        for match in _LISTED.finditer(text):
            party = party_before(text, match.start())
            if party is None and (described := _DESCRIBED_BEFORE.search(text[:match.start()])) is not None:
                party = party_before(text, described.start())  # "PAXTON AG, a specialty pharma company (ISIN ...)"
            if party is not None:
                return party.name
    for text in sentences[:8]:
        announcer = _ANNOUNCER.search(text)
        if announcer:
            party = party_before(text, announcer.start())
            while party is not None and (joined := re.search(r"\s+and\s+$", text[:party.start])) is not None:
                # "A (A) and B (B) announced": the release of two companies is the first one's, as where both are listed
                first = party_before(text, joined.start())
                if first is None:
                    break
                party = first
            if party is not None:
                return party.name
    for text in sentences:
        about = re.match(r"About (.+)$", text)
        if about:
            return normalise_party(about.group(1))
    return None


def _INN() -> re.Pattern[str]:
    from tracker.extraction.compound_names import INN_PATTERN  # names know no parties; imported late to keep it so

    return INN_PATTERN


def _named_as_product(name: str, sentences: list[str]) -> bool:
    """True when the release marks `name` as a product: "NAME®", "NAME™", "NAME (inn)", "NAME (generic words)",
    "(product name: NAME)", or it stands in a product's place ("marketing authorization for NAME")."""
    from tracker.extraction.aliases import labelled_names  # aliases know no parties; imported late to keep it so
    from tracker.extraction.compound_names import BRAND_IN_PRODUCT_SLOT

    written = re.compile(rf"(?<![\w-]){re.escape(name)}")
    return any(_marked_at(written, text) or any(found == name for _, found, _ in labelled_names(text))
               or any(match["name"] == name for match in BRAND_IN_PRODUCT_SLOT.finditer(text)) for text in sentences)


def _marked_at(written: re.Pattern[str], text: str) -> bool:
    """Whether the name `written` stands somewhere in `text` with a mark, an INN or generic words in parentheses after
    it. Every place the name stands is tried, as one pattern of the name and its mark would: the mark's pattern,
    which holds the whole INN pattern, is compiled once, not once a name."""
    start = 0
    while (found := written.search(text, start)) is not None:
        if _mark_after().match(text, found.end()):
            return True
        start = found.start() + 1
    return False


@cache
def _mark_after() -> re.Pattern[str]:
    """A mark, an INN or generic words in parentheses, as they follow a product's name ("NAME®", "NAME (inn)",
    "NAME (generic HCl prolonged release)"); case as written."""
    return re.compile(rf"\s?(?:[®™]|\((?={_INN().pattern}|(?!(?:formerly|previously|now|the|an?)\b)[a-z]{{5,}}))")


#: A company by its legal form ("PAXTON AG", "Orsolo Bio, Inc.", "Tamura Co., Ltd."): the unambiguous forms only
#: ("Co", "SA", "AS", "AB", "SE" also begin other words).
_WITH_LEGAL_FORM = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,3}),?\s+(?:Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC|plc|PLC|AG|S\.A|N\.V|GmbH"
    r"|KGaA|K\.K|A/S|ASA|Oyj|S\.p\.A|SpA|Co\.,?\s+Ltd)\.?(?=\W|$)")


def listed_parties(sentences: list[str]) -> set[str]:
    """Every company a release names with its stock listing or an "About" section: never a compound.

    "About VELMORA" heads a section on a product when the release marks VELMORA as one
    ("VELMORA™", "VELMORA (velotamab)"): that section names no company.
    """
    found: set[str] = set()
    for text in sentences:
        for match in _LISTED.finditer(text):
            party = party_before(text, match.start())
            if party is not None:
                found.add(party.name)
                found.add(text[party.start:party.end].split()[0].strip(",'’"))
        for match in _WITH_LEGAL_FORM.finditer(text):
            found.add(match["name"].split()[0].strip(",'’"))
        about = re.match(r"About ([^()]+?)\.?$", text)
        if about and len(about.group(1).split()) <= 4 and not re.search(r"\d", about.group(1)) and not _INN().search(about.group(1)) \
                and not _named_as_product(about.group(1).strip(), sentences):
            found.add(normalise_party(about.group(1)))
    return found


_AFFILIATION = re.compile(
    r"(?P<member>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})(?:,\s+Inc\.?)?,?\s+\(?(?:a|an)\s+(?:member of the|wholly[- ]owned subsidiary of|subsidiary of|division of)\s+"
    r"(?P<group>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,4})")


def affiliations_stated(text: str) -> list[tuple[str, str]]:
    """(member, group) for each company the text says belongs to another."""
    pairs = []
    for match in scan(_AFFILIATION, text, text.lower(), foldable(text)):
        member, group = normalise_party(match["member"]), normalise_party(match["group"])
        if member != group:
            pairs.append((member, group))
    return pairs


def affiliations_in(sentences: list[str]) -> dict[str, str]:
    """The groups a release says its companies belong to ("Quillon, a member of the Tamura Group": Quillon -> Tamura)."""
    return {member: group for text in sentences for member, group in affiliations_stated(text)}
