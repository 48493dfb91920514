"""Approvals declined: a Complete Response Letter, a refusal of marketing authorisation, an application withdrawn.

The region is the regulator's the sentence names, else the application's ("the BLA" is filed in the US);
a Complete Response Letter is the FDA's own instrument.
"""
from __future__ import annotations

from tracker.extraction.candidates import Candidate
from tracker.extraction.places import agencies_in, places_in
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Modality, Readings, Slot
from tracker.extraction.slots import application_in, indication_in, occurred_near, region_of_application
from tracker.lexicon import APPROVING_AGENCY

DECLINED = "ApprovalDeclined"

CUES = (
    Cue(r"\b(?P<cue>[Cc]omplete [Rr]esponse [Ll]etters?|CRL)\b", fields={"form": "complete_response", "agency": "FDA", "region": "US"},
        example=Example("The FDA issued a Complete Response Letter for the Biologics License Application for velotamab.",
                        {"type": DECLINED, "compound": "velotamab", "region": "US", "form": "complete_response", "application": "BLA"})),
    Cue(r"\b(?P<cue>refus(?:ed|es|e|al(?: of)?)|rejected|rejects|rejection of|declined to approve|did not approve|(?:non-|not )approvable)\b",
        fields={"form": "refusal"},
        example=Example("The European Commission refused the marketing authorisation for Zentara (velotamab).",
                        {"type": DECLINED, "compound": "velotamab", "region": "EU", "form": "refusal"})),
    # Health Canada's refusal to approve as submitted: a Notice of Non-Compliance, or its words ("is not in full compliance")
    Cue(r"\b(?P<cue>Notice of Non-?Compliance|NON(?=\))|(?:is|was) not in (?:full )?compliance)\b", fields={"form": "complete_response"},
        example=Example("Health Canada has determined that the application for velotamab in its current form is not in full compliance with "
                        "the Food and Drug Regulations.",
                        {"type": DECLINED, "compound": "velotamab", "region": "CA", "form": "complete_response"})),
    Cue(rf"\b(?P<cue>withdr(?:ew|awn|awing|aws|aw)|withdrawal of)\b(?={IN_CLAUSE}{{0,80}}\b(?:applications?|MAA|s?NDA|s?BLA|submissions?|dossier)\b)",
        fields={"form": "withdrawal"},
        example=Example("Orsolo Bio has withdrawn its Marketing Authorisation Application for Zentara from the European Medicines Agency.",
                        {"type": DECLINED, "compound": "Zentara", "region": "EU", "form": "withdrawal", "application": "MAA"})),
)

MODALITIES = (
    Modality(r"recommend(?:s|ed|ing|ation)?|if|could|would|may|might|risk|avoid|prevent|potential|whether|not", None, gap=4,
             example=Example("The CHMP recommended the refusal of the marketing authorisation for Zentara.", {"type": None})),
    Modality(r"respon(?:se|d|ds|ded|ding) to|address(?:es|ed|ing)?|resolv\w+|resubmi\w+|following|after", DECLINED, gap=4, sure=0.8,
             example=Example("Orsolo resubmitted the BLA for velotamab in response to the Complete Response Letter issued in May 2020.",
                             {"type": DECLINED, "compound": "velotamab", "region": "US", "occurred_on": "2020-05"})),
)

SLOTS = (Slot("region", 0.45),)

#: A refusal or withdrawal counts only where a regulator or an application is in view.
CONTEXT = r"\b(?:CRL|FDA|EMA|CHMP|European Commission|MHLW|PMDA|NMPA|Health Canada|MHRA|regulat\w+|marketing authori[sz]ation|application|approval|MAA|s?NDA|s?BLA)\b"


def read(candidate: Candidate) -> Readings:
    text, view = candidate.text, candidate.view
    agencies = [a for a in agencies_in(text) if a.agency not in ("CHMP",)]
    region: str | None
    agency: str | None
    application = application_in(text)
    if agencies:
        chosen = min(agencies, key=lambda a: abs(a.start - candidate.start))
        region, agency = chosen.region, chosen.agency
        if agency in ("EMA", "PMDA"):
            agency = APPROVING_AGENCY.get(region, agency)
    else:
        places = [p for p in places_in(text) if p.agency is None]
        region = places[0].region if places else region_of_application(application)
        agency = APPROVING_AGENCY.get(region or "")
    return [dict(compound=compound, agency=agency, region=region, application=application,
                 indication=indication_in(text), occurred_on=occurred_near(view, candidate.start))
            for compound in candidate.compounds()[:1]]


FAMILY = Family("declines", DECLINED, CUES, read, SLOTS, MODALITIES, context=CONTEXT,
                keywords=("complete response", "crl", "refus", "reject", "declined", "did not approve", "approvable", "withdr", "compliance", "non)"))
