"""Regulators and the regions they speak for, each with one spelling.

A regulator named in a sentence fixes the region ("the Japanese MHLW" is JP);
a region named without a regulator ("approved for marketing in the US") fixes
the authority that grants marketing approval there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """An agency or region named in a sentence, at `start..end` of its text."""

    start: int
    end: int
    region: str
    agency: str | None = None


_AGENCIES: tuple[tuple[str, str, str], ...] = (
    (r"China Food and Drug Administration|China's Food and Drug Administration|CFDA", "NMPA", "CN"),
    (r"National Medical Products Administration|NMPA", "NMPA", "CN"),
    (r"(?:U\.S\.|US|United States) Food and Drug Administration|Food and Drug Administration|FDA", "FDA", "US"),
    (r"Committee for Medicinal Products for Human Use|CHMP", "CHMP", "EU"),
    (r"European Medicines Agency|EMA|EMEA", "EMA", "EU"),
    (r"European Commission|EC", "EC", "EU"),
    (r"Ministry of Health,? Labou?r,? and Welfare|MHLW", "MHLW", "JP"),
    (r"Pharmaceuticals and Medical Devices Agency|PMDA", "PMDA", "JP"),
    (r"Health Canada", "Health Canada", "CA"),
    (r"Medicines and Healthcare products Regulatory Agency|MHRA", "MHRA", "UK"),
    (r"Therapeutic Goods Administration|TGA", "TGA", "AU"),
    (r"Swissmedic", "Swissmedic", "CH"),
    (r"Ministry of Food and Drug Safety|MFDS", "MFDS", "KR"),
    (r"ANVISA", "ANVISA", "BR"),
)

_REGIONS: tuple[tuple[str, str], ...] = (
    (r"U\.S\.(?:A\.)?|USA|US|United States(?: of America)?", "US"),
    (r"European Union|EU|Europe|European Economic Area|EEA", "EU"),
    (r"Japan|Japanese", "JP"),
    (r"China|Chinese|mainland China", "CN"),
    (r"Canada|Canadian", "CA"),
    (r"United Kingdom|U\.K\.|UK|Great Britain|Britain", "UK"),
    (r"Australia|Australian", "AU"),
    (r"Switzerland|Swiss", "CH"),
    (r"South Korea|Korea|Korean", "KR"),
    (r"Brazil", "BR"),
    (r"Taiwan", "TW"),
)

#: The authority that grants marketing approval in a region, where there is one.
APPROVING_AGENCY = {"US": "FDA", "EU": "EC", "JP": "MHLW", "CN": "NMPA", "CA": "Health Canada", "UK": "MHRA",
                    "AU": "TGA", "CH": "Swissmedic", "KR": "MFDS", "BR": "ANVISA"}

_AGENCY_RE = [(re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])"), agency, region) for pattern, agency, region in _AGENCIES]
_REGION_RE = [(re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])"), region) for pattern, region in _REGIONS]


def _overlaps(start: int, end: int, taken: list[Place]) -> bool:
    return any(start < place.end and place.start < end for place in taken)


def agencies_in(text: str) -> list[Place]:
    """Every regulator named in `text`, in order."""
    found: list[Place] = []
    for pattern, agency, region in _AGENCY_RE:
        for match in pattern.finditer(text):
            if not _overlaps(match.start(), match.end(), found):
                found.append(Place(match.start(), match.end(), region, agency))
    return sorted(found, key=lambda place: place.start)


def places_in(text: str) -> list[Place]:
    """Every regulator and every region named in `text`, in order (regulators carry their region)."""
    found = agencies_in(text)
    for pattern, region in _REGION_RE:
        for match in pattern.finditer(text):
            if not _overlaps(match.start(), match.end(), found):
                found.append(Place(match.start(), match.end(), region))
    return sorted(found, key=lambda place: place.start)
