"""Opinions: a committee advises a regulator (the CHMP the European Commission, an FDA advisory committee the FDA)."""
from __future__ import annotations

import re
from datetime import date

from tracker.extraction.candidates import Candidate
from tracker.extraction.places import agencies_in
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Modality, Readings, Slot
from tracker.extraction.slots import indication_in, occurred_near

OPINION, EXPECTED = "RegulatoryOpinionIssued", "RegulatoryDecisionExpected"

CUES = (
    Cue(r"\b(?P<cue>positive)\s+(?:[\w-]+\s+){0,2}?opinion\b", fields={"opinion": "positive"}, compound="after",
        example=Example("The CHMP has adopted a positive opinion recommending marketing authorisation for Zentara (velotamab).",
                        {"type": OPINION, "compound": "velotamab", "region": "EU", "agency": "CHMP", "opinion": "positive"})),
    Cue(r"\b(?P<cue>negative)\s+(?:[\w-]+\s+){0,2}?opinion\b", fields={"opinion": "negative"}, compound="after",
        example=Example("The Committee for Medicinal Products for Human Use (CHMP) adopted a negative opinion on Zentara for gout.",
                        {"type": OPINION, "compound": "Zentara", "region": "EU", "opinion": "negative"})),
    Cue(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )\b(?P<cue>recommend(?:ed|s|ing)?|recommendation)\b(?=\s+(?:\w+\s+){0,4}?(?:approval|marketing authori[sz]ation|granting|authori[sz]ation|refusal)\b)",
        fields={"opinion": "positive"}, compound="after",
        example=Example("The CHMP has recommended approval of velotamab for the treatment of adults with gout.",
                        {"type": OPINION, "compound": "velotamab", "region": "EU", "opinion": "positive", "indication": "adults with gout"})),
    Cue(r"\b(?:was|were|has been|have been)\s+(?P<cue>recommended)\s+for\s+(?:marketing\s+|full\s+|conditional\s+)?(?:approval|authori[sz]ation)\b", fields={"opinion": "positive"},
        compound="before",
        example=Example("Orsolo announced that velotamab was recommended for approval on 2 September by a committee of the Pharmaceutical Affairs "
                        "and Food Sanitation Council of Japan's Ministry of Health, Labour and Welfare.",
                        {"type": OPINION, "compound": "velotamab", "region": "JP", "opinion": "positive", "occurred_on": "2021-09-02"},
                        published=date(2021, 9, 3))),
    # "The CHMP has recommended that Velmora, a recombinant antithrombin, be granted marketing authorisation for ..."
    Cue(rf"\b(?P<cue>recommended|recommends)\s+that\b{IN_CLAUSE}{{0,120}}?\bbe\s+(?:granted|given|approved)\b", fields={"opinion": "positive"}, compound="after",
        example=Example("The CHMP has recommended that Velmora (trazimab), a recombinant form of human antithrombin, be granted marketing authorisation for adults with gout.",
                        {"type": OPINION, "compound": "trazimab", "region": "EU", "agency": "CHMP", "opinion": "positive"})),
    Cue(r"\b(?P<cue>voted)\s+(?:\d+\s*(?:to|-|–)\s*\d+\s+)?(?:\w+\s+){0,3}?(?:in favou?r|to (?:recommend|support))\b", fields={"opinion": "positive"},
        example=Example("The FDA's Oncologic Drugs Advisory Committee voted 9 to 2 in favor of the benefit-risk profile of velotamab.",
                        {"type": OPINION, "compound": "velotamab", "region": "US", "agency": "FDA", "opinion": "positive"})),
    Cue(r"\b(?P<cue>voted)\s+(?:\d+\s*(?:to|-|–)\s*\d+\s+)?(?:\w+\s+){0,2}?against\b", fields={"opinion": "negative"},
        example=Example("An FDA advisory committee voted 8 to 3 against the approval of velotamab.",
                        {"type": OPINION, "compound": "velotamab", "region": "US", "opinion": "negative"})),
)

MODALITIES = (
    Modality(r"not|against|refus\w*|reject\w*", OPINION, fields={"opinion": "negative"}, gap=2,
             example=Example("The CHMP did not recommend approval of velotamab.", {"type": OPINION, "opinion": "negative"})),
    Modality(r"(?:the\s+)?(?:refusal|rejection)", OPINION, fields={"opinion": "negative"}, scope="after", gap=1,
             example=Example("The CHMP recommended the refusal of the marketing authorisation for Zentara.",
                             {"type": OPINION, "compound": "Zentara", "opinion": "negative"})),
    Modality(r"if|would|could|may|might|seek\w*|whether", None, gap=6,
             example=Example("If the CHMP adopts a positive opinion on velotamab, Orsolo will launch it in Europe.", {"type": None})),
    Modality(r"expect\w*|anticipat\w*|await\w*|pending|will|likely to|to issue", EXPECTED, gap=8,
             example=Example("Orsolo expects that the CHMP will issue a negative opinion on velotamab at its meeting in November.",
                             {"type": EXPECTED, "compound": "velotamab", "region": "EU", "expected_by": "2021-11-30"})),
)

#: An opinion is a committee's: the CHMP (EU), an FDA advisory committee (US), or a council of Japan's health ministry (JP:
#: the Pharmaceutical Affairs and Food Sanitation Council and its committees).
_JAPANESE_COUNCIL = r"Pharmaceutical Affairs (?:and Food Sanitation )?Council|\bPAFSC\b|Drug Committee of the (?:Japan(?:ese)? )?(?:MHLW|Ministry)"
CONTEXT = rf"\bCHMP\b|Committee for Medicinal Products|\b(?:[Aa]dvisory [Cc]ommittee|ODAC)\b|{_JAPANESE_COUNCIL}"


def read(candidate: Candidate) -> Readings:
    text = candidate.text
    around = candidate.view.lead_in + " " + text
    if re.search(r"\bCHMP\b|Committee for Medicinal Products", around):
        agency, region = "CHMP", "EU"
    elif any(a.agency == "FDA" for a in agencies_in(around)) or re.search(r"\bODAC\b|[Aa]dvisory [Cc]ommittee", around):
        agency, region = "FDA", "US"
    elif re.search(_JAPANESE_COUNCIL, around):
        agency, region = "PAFSC", "JP"
    else:
        return []
    if candidate.states == EXPECTED:
        times = [t for t in candidate.view.times if t.start > candidate.start]
        return [dict(compound=compound, agency=agency, region=region, expected_by=times[0].window_end if times else None)
                for compound in candidate.compounds()[:1]]
    return [dict(compound=compound, agency=agency, region=region, indication=indication_in(text[candidate.end:]),
                 occurred_on=occurred_near(candidate.view, candidate.start))
            for compound in candidate.compounds()[:1]]


FAMILY = Family("opinions", OPINION, CUES, read, (Slot("expected_by", 0.3, of=(EXPECTED,)),), MODALITIES, context=CONTEXT, keywords=("opinion", "recommend", "voted"))
