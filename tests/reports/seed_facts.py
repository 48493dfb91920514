"""A stand-in extractor for the seeds: the facts a reader should find, fixed here.

Report tests check what the report makes of known facts, not how well the
extraction engine reads, so they ingest the real seed releases through this
stand-in. Each fact names a snippet of its sentence; the stand-in quotes the
whole sentence holding it, with its line and offset, as the engine would.
"""
from __future__ import annotations

from datetime import date

from tracker.domain import facts as f

TDM1 = "trastuzumab emtansine"

#: Per seed file: (fact class, a snippet of the sentence it is read from, fields).
FACTS = {
    "000_241e5f31572fbd85.txt": [
        (f.TopLineReported, "significant improvement in progression-free survival",
         dict(compound="T-DM1", phase="II", outcome="positive", endpoint="PFS", occurred_on="2011-04-07",
              indication="first-line HER2-positive metastatic breast cancer")),
        (f.CompoundAliasRecorded, "International Non-proprietary Name for T-D",
         dict(compound=TDM1, alias="T-DM1", alias_kind="code")),
        (f.DevelopmentStatusReported, "testing for second-line and first-line",
         dict(compound="T-DM1", phase="III", indication="HER2-positive metastatic breast cancer")),
        (f.TrialStarted, "neoadjuvant/adjuvant setting",
         dict(compound="T-DM1", phase="II", indication="neoadjuvant/adjuvant HER2-positive breast cancer",
              occurred_on="2010-H2")),
        (f.PartnershipRecorded, "in global development by Roche", dict(compound="T-DM1", partner="Roche")),
    ],
    "001_d540d13a60538946.txt": [
        (f.DataPresented, "anti-CD19 maytansinoid immunoconjugate SAR3419",
         dict(compound="SAR3419", conference="ASCO 2011", abstract="8017", phase="I/II", presented_on="2011-06-04")),
        (f.DataPresented, "Phase I study of lorvotuzumab mertansine",
         dict(compound="lorvotuzumab mertansine", conference="ASCO 2011", abstract="8013", phase="I",
              presented_on="2011-06-05")),
        (f.PartnershipRecorded, "licensed to Sanofi", dict(compound="SAR3419", partner="Sanofi", role="licensee")),
        (f.DevelopmentStatusReported, "is in Phase III testing through",
         dict(compound=TDM1, phase="III", indication="HER2-positive metastatic breast cancer")),
    ],
    "002_216599dac546bf8a.txt": [
        (f.RegulatoryOpinionIssued, "(CHMP) has recommended",
         dict(compound="Kadcyla", agency="CHMP", region="EU", opinion="positive")),
        (f.RegulatoryDecisionExpected, "A decision by the European Commission",
         dict(compound="Kadcyla", agency="EC", region="EU", expected_by=date(2013, 12, 31))),
        (f.MilestoneAnticipated, "would trigger",
         dict(compound="Kadcyla", payer="Roche", payee="ImmunoGen", amount="5000000", currency="USD",
              condition="EC approval", expected_by=date(2013, 12, 31))),
        (f.ApprovalGranted, "(MHLW) has approved Kadcyla",
         dict(compound="Kadcyla", agency="MHLW", region="JP",
              indication="HER2-positive metastatic breast cancer")),
        (f.MilestoneTriggered, "This event triggers",
         dict(compound="Kadcyla", payer="Roche", payee="ImmunoGen", amount="5000000", currency="USD",
              trigger="JP approval")),
        (f.ApprovalGranted, "approved for marketing in the US",
         dict(compound="Kadcyla", agency="FDA", region="US", occurred_on="2013",
              indication="HER2-positive metastatic breast cancer")),
        (f.CompoundAliasRecorded, "formerly T-DM1", dict(compound=TDM1, alias="Kadcyla", alias_kind="brand")),
        (f.PartnershipRecorded, "Roche has global development",
         dict(compound="Kadcyla", partner="Roche", role="licensee")),
    ],
    "003_22ac81d00fa8cfab.txt": [
        (f.PartnershipRecorded, "Genentech is developing T-DM1",
         dict(compound="T-DM1", partner="Genentech", role="developer")),
        (f.DataPresented, "abstract #1028",
         dict(compound="T-DM1", conference="ASCO 2008", abstract="1028", phase="I")),
        (f.DevelopmentStatusReported, "Phase II study is underway",
         dict(compound="T-DM1", phase="II", indication="HER2-positive metastatic breast cancer")),
        (f.ReadoutExpected, "expected later this year",
         dict(compound="T-DM1", phase="II", expected_by=date(2008, 12, 31),
              indication="HER2-positive metastatic breast cancer")),
        (f.PartnershipRecorded, "AVE9633 and SAR3419", dict(compound="SAR3419", partner="Sanofi")),
    ],
    "004_83069fae5d26605a.txt": [
        (f.TopLineReported, "neither Kadcyla-containing treatment arm",
         dict(compound="Kadcyla", trial="MARIANNE", phase="III", outcome="non_inferior", endpoint="PFS",
              indication="previously untreated HER2-positive metastatic breast cancer")),
        (f.TrialDesignReported, "NCT01120184",
         dict(compound="Kadcyla", trial="MARIANNE", phase="III", registry_ids=("NCT01120184", "BO22589"),
              enrollment=1095, primary_endpoint="PFS")),
        (f.ReadoutExpected, "GATSBY", dict(compound="Kadcyla", trial="GATSBY", indication="gastric cancer",
                                           expected_by=date(2015, 12, 31))),
        (f.SubmissionExpected, "GATSBY", dict(compound="Kadcyla", indication="gastric cancer",
                                              expected_by=date(2015, 12, 31))),
    ],
}


def extract(document) -> list[f.Fact]:
    """The listed facts of a seed release, each quoting the sentence its snippet is in."""
    facts = []
    for fact_class, snippet, fields in FACTS.get(document.file, []):
        sentence = next(s for s in document.sentences if snippet in s.text)
        facts.append(fact_class(quote=sentence.quote, line=sentence.line, offset=sentence.start, confidence=0.9,
                                **fields))
    return facts
