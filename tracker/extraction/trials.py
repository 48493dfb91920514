"""Trials as releases name and describe them: names, registry ids, enrollment, endpoints, arms."""
from __future__ import annotations

import re
from collections.abc import Iterable

from tracker.extraction.compound_names import CODE_PATTERNS, MARKED_WORD, pattern_mentions
from tracker.extraction.prefilter import foldable, may_match, required_words

REGISTRY_ID = re.compile(r"\b(?:NCT\d{8}|ISRCTN\d{8}|EudraCT\s?\d{4}-\d{6}-\d{2}|\d{4}-\d{6}-\d{2}|jRCT\w{8,}|CTR\d{8})\b")
#: A sponsor's protocol code standing beside a registry id: "(NCT01120184; BO22589)".
_SPONSOR_CODE = re.compile(r"\b[A-Z]{1,5}\d{4,6}\b")
_ID_GROUP = re.compile(r"\(([^()]*\bNCT\d{8}[^()]*)\)")

_TRIAL_NOUN = r"(?:[Tt]rials?|[Ss]tud(?:y|ies)|[Pp]rograms?|[Pp]rogrammes?)"
_DESIGN_WORDS = r"(?:(?:[Pp]hase\s+\S+|pivotal|registrational|randomi[sz]ed|global|clinical|confirmatory|open-label|multicenter|multi-center)\s+)*"
_ALL_CAPS_NAME = r"[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*(?:\s\d{1,3}(?!\d))?"
_MIXED_NAME = r"[a-z]+[A-Z]{1,3}[a-z]*\s\d{1,4}|[A-Z][a-z]+[A-Z][a-z]+[\s-]\d{1,4}"
_NAME = rf"(?:{_ALL_CAPS_NAME}|{_MIXED_NAME})"
_NAMING = (
    re.compile(rf"(?<![\w-])(?P<name>{_NAME})\s+{_DESIGN_WORDS}{_TRIAL_NOUN}\b"),
    re.compile(rf"(?<![\w-])(?P<name>{_NAME})\s+and\s+(?P<other>{_NAME})\b[^.]{{0,80}}?\b{_TRIAL_NOUN}\b"),
    re.compile(rf"(?<![\w-])(?P<name>{_NAME}),\s+(?:the|a|an|its|our|their|the [Cc]ompany['’]s)\s+(?:[\w-]+,?\s+){{0,8}}{_TRIAL_NOUN}\b"),
    re.compile(rf"\b(?:the|its|our)\s+(?P<name>{_NAME})\s+{_DESIGN_WORDS}{_TRIAL_NOUN}\b"),
    # "TANGO (NCT01234567) is a randomized Phase 3 study", "EMBARK (Study ABC-301), a global, randomized ... study"
    re.compile(rf"(?<![\w-])(?P<name>{_NAME})\s*(?:\([^()]*\)\s*)?(?:,|\s(?:is|was))\s+(?:the|a|an)\s+(?:[\w-]+,?\s+){{0,8}}{_TRIAL_NOUN}\b"),
    # "a Phase III study (SELECT)", "a study known as the SELECT (Study of ...) trial"
    re.compile(rf"\b{_TRIAL_NOUN}\s*\((?P<name>{_NAME})\)"),
    re.compile(rf"\b{_TRIAL_NOUN},?\s+(?:\w+\s+)?(?:known as|called|named)\s+(?:the\s+)?(?P<name>{_NAME})\b"),
    # "two Phase 3 trials, PRIMA 1 and PRIMA 2, that ...", "the second phase 3 trial PRIMA 008, which ..."
    re.compile(rf"\b{_TRIAL_NOUN},\s+(?P<name>{_NAME})\s+and\s+(?P<other>{_NAME}),"),
    re.compile(rf"\b[Pp]hase\s+\S+\s+{_TRIAL_NOUN}\s+(?P<name>{_ALL_CAPS_NAME})(?=,?\s+(?:which|that|is|was|will|met|showed)\b)"),
)
#: ... each with the words any match of it holds (`prefilter`): a text holding none is not scanned for it.
_NAMING_GUARDED = [(pattern, required_words(pattern)) for pattern in _NAMING]
#: Namings that give a trial a code of its own: "This clinical trial (also known as ORS1004)".
#: A study known by its number: "the dose-ranging study 003", "Study 302".
_NUMBERED_STUDY = re.compile(r"\b[Ss]tudy\s+\d{3,4}[A-Z]?\b(?![.,]\d)")
_CODED_NAMING = re.compile(rf"\b{_TRIAL_NOUN}\s*\((?:also known as|aka|also called|referred to as)\s+(?P<name>[A-Z][A-Z0-9-]{{3,}})\)")
#: Capitalised words that stand before "study" or "trial" without naming one.
_NOT_TRIAL_NAMES = {
    "THE", "THIS", "PHASE", "FDA", "EMA", "CHMP", "NIH", "NCI", "TAP", "ADC", "ADCS", "BLA", "NDA", "MAA", "IND",
    "OS", "PFS", "ORR", "FOR", "AND", "WITH", "CLINICAL", "PIVOTAL", "TRIAL", "STUDY", "ABOUT", "ASCO", "ASH", "ESMO",
    "EHA", "AACR", "SABCS", "GLOBAL", "RANDOMIZED", "POSITIVE", "NEW",
}


#: What a study tests, named after it: "the Phase 1 ORS-101 study of velotamab", "the ORS-301 trial evaluating ORS-12".
_OF_WHAT = re.compile(r"\s+(?:of|evaluating|investigating|testing)\s+(?:the\s+|its\s+|our\s+)?")


def _tests_another(text: str, end: int, name: str) -> bool:
    """Whether the trial noun ending at `end` is followed by the compound it tests, another than `name`: then a
    code before the noun names the trial, not its product."""
    match = _OF_WHAT.match(text, end)
    if not match:
        return False
    rest = text[match.end():match.end() + 60]
    tested = [m.written for m in pattern_mentions(rest) if m.start == 0] + [m["name"] for m in MARKED_WORD.finditer(rest) if m.start() == 0]
    return any(written != name for written in tested)


def trial_names_in(texts: Iterable[str], brands: set[str]) -> set[str]:
    """The trial names a release uses: words it puts before "trial" or "study" (MARIANNE, ECHELON-1, LOTIS 2)."""
    names: set[str] = set()
    for text in texts:
        lowered, fold = text.lower(), foldable(text)
        for pattern, words in _NAMING_GUARDED:
            if not may_match(words, lowered, fold):
                continue
            for match in pattern.finditer(text):
                for group in ("name", "other"):
                    name = match.groupdict().get(group)
                    if not name:
                        continue
                    head = re.split(r"[\s-]", name)[0]
                    if head.upper() in _NOT_TRIAL_NAMES or head in brands or len(head) < 4 and not re.search(r"\d", name):
                        continue
                    if any(code.fullmatch(name) for code in CODE_PATTERNS) and not _tests_another(text, match.end(), name):
                        continue  # a compound's code: "the ORSB067 study" is a study of ORSB067
                    names.add(name)
        for match in _CODED_NAMING.finditer(text):
            names.add(match["name"])
        for match in _NUMBERED_STUDY.finditer(text):
            names.add(match.group(0))
    return names


def registry_ids_in(text: str) -> tuple[str, ...]:
    """Registry ids and the sponsor protocol codes written beside them."""
    ids: list[str] = [match.group(0) for match in REGISTRY_ID.finditer(text)]
    for group in _ID_GROUP.finditer(text):
        for code in _SPONSOR_CODE.finditer(group.group(1)):
            if code.group(0) not in ids and not code.group(0).startswith("NCT"):
                ids.append(code.group(0))
    return tuple(ids)


def registry_spans(text: str) -> list[tuple[int, int]]:
    """Where registry ids and sponsor codes stand, so that they are never read as compound codes."""
    spans = [match.span() for match in REGISTRY_ID.finditer(text)]
    spans += [(group.start(1) + code.start(), group.start(1) + code.end())
              for group in _ID_GROUP.finditer(text) for code in _SPONSOR_CODE.finditer(group.group(1))]
    return spans


_PEOPLE = r"(?:people|patients|subjects|participants|adults|children|women|men|volunteers)"
_COUNT = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)"
_ENROLLMENT = (
    re.compile(rf"\b(?:conducted in|involving|enrol(?:l?ed|l?ing|ls?)?|enrolment of|enrollment of|including|recruited|recruiting|recruit|randomi[sz]ed|randomi[sz]e|evaluating)\s+(?:a total of\s+|approximately\s+|about\s+|more than\s+|over\s+|up to\s+|around\s+|roughly\s+|~\s?)?{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b"),
    re.compile(rf"\b(?:a total of\s+)?{_COUNT}\s+(?:\w+\s+)?{_PEOPLE}\s+(?:were|have been|had been)\s+(?:enrolled|randomi[sz]ed)\b"),
    re.compile(rf"\(\s*[nN]\s*=\s*{_COUNT}\s*\)"),
    re.compile(rf"\b{_COUNT}[- ](?:patient|person|subject|participant)\b(?!s)"),
    re.compile(rf"\bin\s+(?:approximately\s+|about\s+|up to\s+|more than\s+|over\s+|around\s+)?{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b"),
)


def enrollment_in(text: str, designed: bool) -> int | None:
    """The number of people a trial enrolls, as stated ("1,095 people", "(n=70)", "137-patient").

    "in 19 patients" counts only in a sentence that describes a design (`designed`):
    elsewhere it is a subgroup of results.
    """
    patterns = _ENROLLMENT if designed else _ENROLLMENT[:4]
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return int(match["n"].replace(",", ""))
    return None


_ENDPOINTS = (
    (r"modified progression[- ]free survival|modified PFS", "modified PFS"),
    (r"progression[- ]free survival|\bPFS\b", "PFS"),
    (r"overall survival|\bOS\b", "OS"),
    (r"disease[- ]free survival|\bDFS\b", "DFS"),
    (r"event[- ]free survival|\bEFS\b", "EFS"),
    (r"invasive disease[- ]free survival|\biDFS\b", "iDFS"),
    (r"pathological complete response|pathologic complete response|\bpCR\b", "pCR"),
    (r"overall response rate|objective response rate|\bORR\b", "ORR"),
    (r"complete response rate|complete remission", "complete response"),
    (r"duration of response|\bDoR\b", "DoR"),
    (r"proof[- ]of[- ]concept", "proof-of-concept"),
    (r"non-?inferiority", "non-inferiority"),
)
_ENDPOINT_RE = [(re.compile(pattern, re.I if not pattern.startswith("\\b") else 0), name) for pattern, name in _ENDPOINTS]


def endpoint_in(text: str) -> str | None:
    """The first clinical endpoint named in `text`, in its short form (PFS, OS, ORR...)."""
    best: tuple[int, str] | None = None
    for pattern, name in _ENDPOINT_RE:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), name)
    return best[1] if best else None


_PRIMARY = re.compile(r"\bprimary (?:efficacy )?end ?point\b(?: of [^,]*?)?\s+(?:is|was|will be)\s+(?P<what>[^,;.]+)", re.I)


def primary_endpoint_in(text: str) -> str | None:
    """The primary endpoint a design sentence states ("The primary endpoint ... is PFS")."""
    match = _PRIMARY.search(text)
    if match:
        return endpoint_in(match["what"]) or match["what"].strip()
    return None


_ARMS = re.compile(r"\brandomi[sz]ed\s+(?:\([^)]*\)\s+)?(?:(?:in\s+)?an?\s+)?(?:\d:\d(?::\d)?\s+(?:ratio\s+)?)?(?:on\s+)?to\s+(?:receive\s+)?(?:treatment with\s+)?(?:either\s+)?(?P<arms>.+?)(?:,\s+(?:a|the|which|standard)\b|\.$|$)")


#: A trial told as a comparison: "two Phase 3 trials comparing A with B", "a direct comparison of A versus B".
_COMPARED = re.compile(r"\b(?:(?:trials?|stud(?:y|ies))\s+comparing|(?:direct|head-to-head)\s+comparison\s+of|compared\s+head-to-head)\s+"
                       r"(?P<a>[^,;()]+?)\s+(?:with|to|versus|vs\.?|against)\s+(?P<b>[^,;()]+?)(?=,|;|\.$|$|\s+(?:in|for|among|at|over|as)\s)")


def arms_in(text: str) -> tuple[str, ...] | None:
    """The arms of a randomisation ("randomized to A or B") or of a comparison ("comparing A with B"), as written."""
    match = _ARMS.search(text)
    if not match:
        compared = _COMPARED.search(text)
        return (compared["a"].strip(), compared["b"].strip()) if compared else None
    parts = [re.sub(r"\s+[–—-]\s*used alone\s*[–—-]\s*", " ", part).strip(" ,–—-") for part in re.split(r"\s+or\s+(?:with\s+)?", match["arms"])]
    parts = [part for part in parts if part]
    return tuple(parts) if len(parts) >= 2 else None


_DESIGN = re.compile(r"\b(?:randomi[sz]ed|multi-?cent(?:er|re)|open-label|double-blind|single-blind|placebo[- ]controlled|single-arm|\w+-arm|dose[- ]escalation|ascending dose|international)\b", re.I)


def design_terms_in(text: str) -> int:
    """How many trial-design terms (randomized, multicenter, open-label ...) a sentence uses."""
    return len({match.group(0).lower() for match in _DESIGN.finditer(text)})
