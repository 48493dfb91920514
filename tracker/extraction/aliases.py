"""Alias statements: where a release says two names are one compound.

    "Velmora (trazimab, formerly ORS-101)"          the INN and a former code in parentheses
    "trazimab (TZM, ORS-101)", "ORS-101 (KST-2 Rx)" short forms and codes
    "trazimab (the generic name for ORS-101)"
    "trazimab (product name: Velmora)", "[brand name: Velmora® Tablet 25 mg]", "(generic name: trazimab)",
    "(nonproprietary names: A and B, IND code: ORS-102)", "(hereafter, Velmora)"
    "trazimab, formerly known as ORS-101", "trazimab (formerly ORS-101/KST-7)"
    "The active substance of Velmora is trazimab"
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tracker.extraction.compound_names import (
    BRAND_STATEMENT,
    NOT_NAMES,
    AliasKindOrNone,
    key,
    kind_of,
    plain,
    stated_brand,
)
from tracker.extraction.prefilter import foldable, scan
from tracker.lexicon import DOSAGE_FORM, DOSE, INN_SALTS, RELEASE_FORMS

_FORMER = re.compile(r"^(?:formerly|previously|previously known as|formerly known as|also known as|aka|earlier known as)\s+", re.I)
_GENERIC_FOR = re.compile(r"^the (?:generic|international non-?proprietary)(?: or international non-?proprietary)? name (?:for|of)\s+"
                          r"|^(?:proposed\s+)?(?:INN|USAN)\s+(?=[a-z])", re.I)
#: A product's form as a label shortens it, after its brand: "Velmora HS Inj. (ORS-031)", "Velmora OD Tab. (ORS-031)".
_SHORT_FORM_OF_FORM = r"(?:(?:\s+[A-Z]{2,3})?\s+(?:Inj|Tab)\.)"
#: The letters of a route or a release form ("(velotamab, IV)"): no short form of a name.
_ROUTE = re.compile(RELEASE_FORMS)
_SHORT_FORM = re.compile(r"^[A-Z][A-Za-z]{0,7}\d{0,3}$|^[A-Z]{2,6}-\d{1,6}[A-Za-z]?$")  # "Velo", "ORS-12"
#: "X, formerly known as Y", "X (INN), formerly Y": longest cue first, and the former name is name-shaped.
_OUTSIDE_FORMER = re.compile(r"\)?,?\s*\(?(?:formerly known as|previously known as|also known as|formerly)(?:\s+|(?=[A-Z0-9]))"
                             r"(?P<name>(?:[A-Z0-9][^\s,;()]*|[a-z]+-?[A-Z0-9][^\s,;()]*)(?:\s[A-Z0-9][^\s,;()]*)?)")
#: The words between two names of one compound: "X, also known as Y", "X (also known as Y)", "X, formerly known as Y".
_BETWEEN_ALIASES = re.compile(r"[®™]?\)?,?\s*\(?(?:formerly known as|previously known as|also known as|also called|otherwise known as|aka|formerly|previously)\s*", re.I)
#: "X, the brand name for Y", "X is the trade name of Y", "X, the proposed generic name for Y": Y is the compound X names.
_NAMED_FOR = re.compile(r"[®™]?,?\s+(?:is\s+|was\s+)?(?:the|a|its)\s+(?:(?:US|U\.S\.|EU|European|Japanese|proposed|new|approved)\s+)?"
                        r"(?:brand|trade|proprietary|generic|non-?proprietary|international non-?proprietary)\s+name\s+(?:for|of)\s+(?:the\s+)?", re.I)
#: "X is an oral formulation of Y", "X, a dry powder formulation for inhalation of Y", "X, a vaginal tablet containing
#: 25mg of Y": a product of one compound.
#: The generic may follow its class or its purity ("a formulation of the steroid Y", "the company's formulation of the active
#: ingredient Y", "a formulation of highly purified Y").
FORMULATION_OF = (r"[®™]?\)?(?:,|\s+is)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,5}?(?:formulation|tablets?|capsules?|gel|cream|injection|solution"
                  r"|spray|patch|version)\s+(?:(?:for|of)\s+(?:[\w-]+\s+){0,3}?)?(?:of|containing)\s+(?:" + DOSE + r"\s+of\s+)?"
                  r"(?:the\s+)?(?:(?:active\s+(?:ingredient|substance|pharmaceutical\s+ingredient)|(?:cortico)?steroid|hormone|(?:highly\s+)?purified)\s+)?")
_FORMULATION_OF = re.compile(FORMULATION_OF)
#: "X is a topical Y gel", "X, an oral Y tablet": a product that is a generic in its form.
PRODUCT_FORMS = r"gel|cream|ointment|tablets?|capsules?|patch|spray|solution|injection|suspension|lotion|foam"
_BEFORE_GENERIC_IN_ITS_FORM = re.compile(r"[®™]?(?:,|\s+is)\s+an?\s+(?:[\w-]+\s+){0,2}?")
_ITS_FORM = re.compile(rf"\s+(?:{PRODUCT_FORMS})\b")
#: A name given under a label: "(US product name: X)", "[brand name: X ...]", "(generic name: Y [recombinant])".
_LABELLED = re.compile(
    r"(?P<label>(?:(?:US|U\.S\.|EU|European|Japanese|Chinese|global|international|proposed)\s+)?"
    r"(?:brand|product|trade|proprietary|generic|non-?proprietary|international non-?proprietary|INN|IND|development|research|compound)"
    r"(?:\s+(?:names?|codes?))?)\s*[:：]\s*(?P<names>[^()\[\]]{2,120}?)\s*(?:\[[^\]]*\]\s*)?(?=[)\]]|\((?!R\)))", re.I)
#: A dose after a name in parentheses: "(trazolin 20 mg)", "(trazolin 100mg and trazolin 200mg)".
_DOSE = re.compile(rf"\s+{DOSE}.*$")
#: The form a generic name is sold in, after it in parentheses: "(velozolam injection)", "(velotamab HCl extended-release)",
#: "(velozolam mucoadhesive buccal tablets)".
_FORM_TAIL = re.compile(rf"(?<=[a-z])\s+(?:(?!(?:{INN_SALTS})\b)[a-z]+\s+){{0,3}}?(?:for\s+)?(?:injection|infusion|IV|HC[lI]|extended-release|delayed-release|modified-release|tablets?|capsules?"
                        r"|oral|suspension|solution|nasal spray|inhalation|ophthalmic|topical|prolonged[- ]release|sustained[- ]release)\b.*$")
_HEREAFTER = re.compile(r"\(\s*here(?:after|inafter)[,:]?\s*(?:referred to as\s+|called\s+)?[“\"']?(?P<name>[A-Z][\w-]*)[”\"']?\s*\)")
#: Words of a labelled name that describe its form, not the product: "Velmora® Tablet 25 mg", "TRAZ® Intravenous Infusion".
_DOSAGE_FORM = re.compile(r"[®™]?\s+(?:Tablets?|Capsules?|Injection|Injectable|Intravenous|Infusion|Oral|Subcutaneous|Solution|Powder|for|\d).*$", re.I)
_ACTIVE_SUBSTANCE = re.compile(
    r"\b(?:active (?:substance|ingredient|pharmaceutical ingredient)|INN|generic name)\s+of\s+(?P<brand>[A-Z][\w-]+)[®™]?\s+(?:is|are)\s+(?P<inn>[a-z][\w-]+(?:\s[a-z]+)?)")


@dataclass(frozen=True)
class AliasStatement:
    """`alias` names the same compound as `name`, as the sentence says at `start`."""

    name: str
    alias: str
    alias_kind: AliasKindOrNone
    start: int


def combination(written: str) -> str:
    """A combination's generics as one name, each without its salt, dose or form: "alpha HCl / beta HCl prolonged
    release", "alpha 50 mcg / beta 110 mcg" -> "alpha/beta"; one generic in two doses is that generic ("alpha 100mg
    and alpha 200mg" -> "alpha")."""
    joint = "/" if "/" in written else " and "
    pieces = [_FORM_TAIL.sub("", _DOSE.sub("", piece.strip())) for piece in re.split(r"\s*/\s*|\s+and\s+", written)]
    return joint.join(dict.fromkeys(pieces))


def _parts(inside: str) -> list[tuple[str, bool]]:
    """The names listed inside a parenthesis, each with whether it is a former name."""
    parts = []
    inside = _GENERIC_FOR.sub("", inside.strip())
    for part in re.split(r",\s*|\s+or\s+|;\s*", inside):
        if "/" in part and not _FORMER.match(part.strip()):
            # "(A HCl / B HCl prolonged release)": a combination of two, each without its salt and form; never its first part
            parts.append((combination(part), False))
            continue
        part = _FORM_TAIL.sub("", _DOSE.sub("", part.strip()))
        former = bool(_FORMER.match(part))
        part = _FORMER.sub("", part)
        part = _GENERIC_FOR.sub("", part)
        if former and "/" in part:
            parts += [(piece.strip(), True) for piece in part.split("/") if piece.strip()]
        elif part:
            parts.append((part, former))
    return parts


def parenthetical_aliases(text: str, names: list[tuple[int, int, str]], is_name: Callable[[str], bool],
                          is_generic: Callable[[str], bool] = lambda _: False) -> list[AliasStatement]:
    """Aliases given in a parenthesis right after a name: "NAME (ALIAS, formerly OLD)".

    `names` are the (start, end, name) of the compounds recognised in `text`;
    `is_name` says whether a string is a compound name this release uses, `is_generic` whether it is one the
    release uses as a generic name whatever its form ("Velmora (trazolin or TZL)": TZL is trazolin's short form).
    """
    statements = []
    for start, end, name in names:
        after = re.match(rf"(?:\s+(?i:{DOSAGE_FORM}))*{_SHORT_FORM_OF_FORM}?(?:\s+{DOSE})?,?\s?[”\"]?\s?\(([^()]{{1,120}})\)"
                         r"(?:\s?\(([^()]{1,120})\))?", text[end:])  # a second parenthesis goes on with the names: "X (ORS-1) (trazimab)"
        if not after or _LABELLED.search(after.group(0)):
            continue
        parts = _parts(after.group(1)) + (_parts(after.group(2)) if after.group(2) else [])
        an_inn_is_named = kind_of(name) == "inn" or is_generic(name) \
            or any((kind_of(part) == "inn" or is_generic(part)) and is_name(part) for part, _ in parts)
        for part, former in parts:
            candidate = plain(part)
            if candidate.lower() == plain(name).lower():
                continue
            if former and (is_name(candidate) or re.fullmatch(r"[\w-]+(?:\s[\w-]+)?", candidate)):
                statements.append(AliasStatement(plain(name), candidate, "former", start))
            elif is_name(candidate):
                statements.append(AliasStatement(plain(name), candidate, kind_of(candidate), start))
            elif _SHORT_FORM.match(candidate) and candidate not in NOT_NAMES and not _ROUTE.fullmatch(candidate) and an_inn_is_named:
                # an INN's short form the release goes on to use ("velotamab tesirine (Velo)")
                statements.append(AliasStatement(plain(name), candidate, "code", start))
    return statements


def slashed_names(text: str, names: list[tuple[int, int, str]]) -> list[AliasStatement]:
    """A code and a brand written as one with a slash, "ORX-5010/ZENTARA™": two names of one product (two
    INNs or an INN and a regimen so written, "velotamab/trazimab", are a combination, not an alias)."""
    statements = []
    for (start, end, first), (next_start, _, second) in zip(names, names[1:]):
        if not re.fullmatch(r"[®™]?\s?/\s?", text[end:next_start]):
            continue
        kinds = {kind_of(first): first, kind_of(second): second}
        if set(kinds) == {"code", "brand"}:
            statements.append(AliasStatement(kinds["brand"], kinds["code"], "code", start))
        elif kind_of(first) == kind_of(second) == "brand" and _regional_spellings(plain(first), plain(second)):
            # "ZENTRAVO™/ZENTRIVO™": one product under the brands of two regions, spelled alike
            statements.append(AliasStatement(plain(first), plain(second), "brand", start))
    return statements


def _regional_spellings(first: str, second: str) -> bool:
    """Two brands spelled alike: the same start and at most two letters changed ("Zentravo" / "Zentrivo")."""
    first, second = first.lower(), second.lower()
    if first[:3] != second[:3] or abs(len(first) - len(second)) > 1:
        return False
    return sum(a != b for a, b in zip(first, second)) + abs(len(first) - len(second)) <= 2


def stated_former_names(text: str, names: list[tuple[int, int, str]]) -> list[AliasStatement]:
    """Former and other names given outside parentheses: "X, formerly Y", "X, also known as y" (a name the
    release recognises, whatever its case, or a name-shaped word), "X, the brand name for Y", "X is an oral
    formulation of Y", "BRAND inn"."""
    statements = []
    for index, (start, end, name) in enumerate(names):
        following = names[index + 1] if index + 1 < len(names) else None
        if following is not None:
            between = text[end:following[0]]
            if _BETWEEN_ALIASES.fullmatch(between):
                former = bool(re.search(r"formerly|previously|earlier", between))
                statements.append(AliasStatement(plain(name), plain(following[2]), "former" if former else kind_of(following[2]), start))
                continue
            if _NAMED_FOR.fullmatch(between) or _FORMULATION_OF.fullmatch(between) \
                    or _BEFORE_GENERIC_IN_ITS_FORM.fullmatch(between) and _ITS_FORM.match(text, following[1]):
                statements.append(AliasStatement(plain(following[2]), plain(name), kind_of(name), start))
                continue
            if between == " " and kind_of(name) == "brand" and kind_of(following[2]) == "inn":
                # "an NDA for Ganolo danorevir": a brand written before its INN, as a label writes them
                statements.append(AliasStatement(plain(following[2]), plain(name), "brand", start))
                continue
        match = _OUTSIDE_FORMER.match(text[end:])
        if match and not text[end:].lstrip().startswith("("):
            statements.append(AliasStatement(plain(name), plain(match["name"]).rstrip("."), "former", start))
    return statements


def _label_kind(label: str) -> AliasKindOrNone:
    label = label.lower()
    if re.search(r"code|ind\b", label):
        return "code"
    if re.search(r"generic|non-?proprietary|inn", label):
        return "inn"
    return "brand"


def labelled_names(text: str) -> list[tuple[int, str, AliasKindOrNone]]:
    """(offset, name, kind) of each name a sentence gives under a label or "hereafter"."""
    found: list[tuple[int, str, AliasKindOrNone]] = []
    lowered = text.lower()
    if "here" not in lowered and not (("name" in lowered or "code" in lowered or "inn" in lowered) and (":" in text or "：" in text)):
        return found
    for match in _LABELLED.finditer(text):
        for piece in re.split(r",\s*(?=[A-Za-z]+\s+(?:codes?|names?)\s*[:：])", match["names"]):
            label, names = match["label"], piece
            relabel = re.match(r"(?P<label>[A-Za-z]+\s+(?:codes?|names?))\s*[:：]\s*(?P<names>.+)", piece)
            if relabel:
                label, names = relabel["label"], relabel["names"]
            for name in re.split(r"\s*,\s*(?![^()]*\))", names):
                name = _DOSAGE_FORM.sub("", plain(name)).strip(" “”\"'")
                if 2 <= len(name) <= 60 and name[0].isalpha() and name not in NOT_NAMES:
                    found.append((match.start(), name, _label_kind(label)))
    for match in _HEREAFTER.finditer(text):
        found.append((match.start(), match["name"], None))
    return found


def active_substances(text: str) -> list[tuple[str, str]]:
    """(brand, INN) of each "the active substance of BRAND is INN" a sentence states."""
    return [(match["brand"], match["inn"]) for match in _scan(_ACTIVE_SUBSTANCE, text)]


def labelled_aliases(text: str, names: list[tuple[int, int, str]]) -> list[AliasStatement]:
    """The aliases of `labelled_names`, each of the compound named nearest before its label
    ("trazinib hydrochloride, an EGFR inhibitor [brand name: Velmora® ...]")."""
    statements = []
    for offset, alias, kind in labelled_names(text):
        before = [(start, end, name) for start, end, name in names if end <= offset + 1 and offset - end <= 140]
        before = [n for n in before if n[2].lower() != alias.lower()]
        if not before:
            continue
        start, _, name = before[-1]
        statements.append(AliasStatement(plain(name), alias, kind or kind_of(alias), start))
    for match in _scan(_ACTIVE_SUBSTANCE, text):
        statements.append(AliasStatement(match["inn"], match["brand"], "brand", match.start("brand")))
    return statements


def brand_statements(text: str, names: list[tuple[int, int, str]]) -> list[AliasStatement]:
    """The brand a sentence gives the compound it names last before the statement ("trazimab, which will be
    marketed under the trade name Velmora", "ORS-101 will be sold as Velmora")."""
    statements = []
    for match in _scan(BRAND_STATEMENT, text):
        brand = stated_brand(match)
        before = [(start, end, name) for start, end, name in names
                  if end <= match.start() and match.start() - end <= 150 and key(name) != key(brand)]
        if before:
            start, _, name = before[-1]
            statements.append(AliasStatement(plain(name), brand, "brand", start))
    return statements


def _scan(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, skipped where the sentence holds none of the words every match holds (`prefilter`):
    these patterns are read in every sentence, and a few times over (names learnt, aliases, facts)."""
    return scan(pattern, text, text.lower(), foldable(text))
