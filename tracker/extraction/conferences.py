"""Medical meetings, by their acronyms, and the year a presentation was made there."""
from __future__ import annotations

import re
from dataclasses import dataclass

_FULL_NAMES = (
    (r"American Society of Clinical Oncology", "ASCO"),
    (r"American Society of Hematology", "ASH"),
    (r"European Society (?:for|of) Medical Oncology", "ESMO"),
    (r"European Hematology Association", "EHA"),
    (r"San Antonio Breast Cancer Symposium", "SABCS"),
    (r"American Association for Cancer Research", "AACR"),
    (r"American Society of Gene (?:&|and) Cell Therapy", "ASGCT"),
    (r"American Academy of Neurology", "AAN"),
    (r"European Association for the Study of the Liver", "EASL"),
    (r"American Association for the Study of Liver Diseases", "AASLD"),
    (r"American Diabetes Association", "ADA"),
    (r"European Association for the Study of Diabetes", "EASD"),
    (r"European Respiratory Society", "ERS"),
    (r"American Thoracic Society", "ATS"),
    (r"American College of Rheumatology", "ACR"),
    (r"European (?:League|Alliance of Associations) Against Rheumatism|European Congress of Rheumatology", "EULAR"),
    (r"World Conference on Lung Cancer", "WCLC"),
    (r"European Cancer (?:Congress|Organisation)", "ECCO"),
    (r"American Society for Radiation Oncology", "ASTRO"),
    (r"European Society of Cardiology", "ESC"),
    (r"American Heart Association", "AHA"),
    (r"American College of Cardiology", "ACC"),
    (r"International Conference on Malignant Lymphoma", "ICML"),
)
_ACRONYMS = sorted({acronym for _, acronym in _FULL_NAMES} | {"ASCO GI", "ASCO GU", "ESMO Breast", "ESMO IO", "SNMMI", "ISTH", "IAS", "CROI", "ECTRIMS", "AES", "EAN"}, key=len, reverse=True)
#: The meetings' acronyms as words, which are never compound names ("ASCO", "ESMO", ...).
MEETING_WORDS = frozenset(word for acronym in _ACRONYMS for word in acronym.split() if word.isupper())
_CONFERENCE = re.compile(
    r"(?P<before>\b(?:19|20)\d\d\s+)?(?:\(?(?P<full>" + "|".join(pattern for pattern, _ in _FULL_NAMES) + r")\)?(?:\s*\((?P<abbr>[A-Z]{2,6})\))?"
    r"|\b(?P<acronym>" + "|".join(re.escape(a) for a in _ACRONYMS) + r")\b)(?P<after>\s+(?:19|20)\d\d\b)?")
_FULL = [(re.compile(pattern), acronym) for pattern, acronym in _FULL_NAMES]
#: Any society's meeting the release names in full with its acronym: "the European Academy of Dermatology and
#: Venereology (EADV) Congress", "American Academy of Dermatology (AAD) Annual Meeting".
_NAMED_MEETING = re.compile(
    r"\b[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|of|for|and|on|in|the|&))*\s+\((?P<abbr>[A-Z]{2,6})\)\s+(?:(?:19|20)\d\d\s+)?"
    r"(?:Annual\s+|International\s+|Scientific\s+|World\s+)*(?:Meeting|Congress|Symposium|Conference|Sessions|Summit|Forum|Convergence)\b")
#: A society's meeting named without an acronym: "the 19th annual meeting of the American Association of Geriatric
#: Psychiatry", "the Annual Congress of the European Society of Pathology": known by its initials (AAGP, ESP).
_MEETING_OF = re.compile(
    r"\b(?:(?:19|20)\d\d\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?(?:[Aa]nnual\s+|[Ii]nternational\s+|[Ss]cientific\s+|[Ww]orld\s+)*"
    r"(?:[Mm]eeting|[Cc]ongress|[Ss]ymposium|[Cc]onference|[Ss]essions)\s+of\s+the\s+"
    r"(?P<society>[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|of|for|and|on|in|the|&))*\s+(?:Society|Association|Academy|College|Federation|Organi[sz]ation)"
    r"(?:\s+(?:of|for)(?:\s+the)?(?:\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+)+)?)")
#: A meeting named by its society or its subject without an acronym: "the American Urological Association Annual
#: Meeting", "the Global Congress on Bladder Cancer 2018": known by its initials (AUA, GCBC).
_NAMED_BY_WORDS = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|of|for|and|the|&))*\s+(?:Society|Association|Academy|College|Federation)"
    r"(?:\s+(?:of|for)(?:\s+the)?(?:\s+(?!(?:Annual|International|Scientific|Meeting|Congress)\b)[A-Z][a-z]+)+)?(?:\s+(?:19|20)\d\d)?\s+(?:Annual\s+|International\s+|Scientific\s+)*(?:Meeting|Congress|Symposium|Conference|Sessions)"
    r"|(?:Global|World|International|European|American|Annual)\s+(?:Congress|Conference|Symposium|Summit)\s+on\s+(?:the\s+)?"
    r"[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|and|&))*)\b(?:\s+(?P<year>(?:19|20)\d\d)\b)?")
_SMALL_WORDS = frozenset({"of", "for", "and", "on", "in", "the", "&"})


@dataclass(frozen=True)
class Conference:
    start: int
    end: int
    acronym: str
    year: int | None

    @property
    def label(self) -> str:
        return f"{self.acronym} {self.year}" if self.year else self.acronym


def conferences_in(text: str) -> list[Conference]:
    """Every medical meeting named in `text` ("the 2008 American Society of Clinical Oncology (ASCO) Annual Meeting")."""
    found = []
    for match in _CONFERENCE.finditer(text):
        if match["full"]:
            acronym = next(name for pattern, name in _FULL if pattern.fullmatch(match["full"]))
        else:
            acronym = match["acronym"]
        year_text = (match["before"] or match["after"] or "").strip()
        found.append(Conference(match.start(), match.end(), acronym, int(year_text) if year_text else None))
    for match in _NAMED_MEETING.finditer(text):
        if not any(match.start() < known.end and known.start < match.end() for known in found):
            year = re.search(r"\b(?:19|20)\d\d\b", match.group(0))
            found.append(Conference(match.start(), match.end(), match["abbr"], int(year.group(0)) if year else None))
    for match in _MEETING_OF.finditer(text):
        if not any(match.start() < known.end and known.start < match.end() for known in found):
            initials = "".join(word[0] for word in match["society"].split() if word not in _SMALL_WORDS)
            year = re.search(r"\b(?:19|20)\d\d\b", text[match.start():match.end() + 6])
            found.append(Conference(match.start(), match.end(), initials, int(year.group(0)) if year else None))
    for match in _NAMED_BY_WORDS.finditer(text):
        if not any(match.start() < known.end and known.start < match.end() for known in found):
            words = [word for word in match["name"].split() if word not in _SMALL_WORDS]
            if words[-1] in ("Meeting", "Congress", "Symposium", "Conference", "Sessions"):  # the society's initials, not the meeting's
                words = [word for word in words[:-1] if word not in ("Annual", "International", "Scientific") and not word.isdigit()]
            named_year = re.search(r"\b(?:19|20)\d\d\b", match["name"])
            written = match["year"] or (named_year.group(0) if named_year else None)
            found.append(Conference(match.start(), match.end(), "".join(word[0] for word in words), int(written) if written else None))
    return sorted(found, key=lambda conference: conference.start)
