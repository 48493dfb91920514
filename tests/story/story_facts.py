"""What a careful reader finds in the story's releases, fixed here: the story tests the answers, not the reading.

The releases in `releases/` are written for these tests, about invented
companies and compounds: Norvale Therapeutics licenses NRV-401 (velotuzumab,
Velquiro) to Castellan Pharma; Ardent Labs licenses quilostat (ARD-12) to
Castellan; Halvorsen Bio reports royalties, part of them on Ostrevia. Each
fact names a snippet of its sentence; the stand-in quotes the whole sentence,
with its line and offset, as the extraction engine would. The facts are
those the engine reads today, with two of its habits kept on purpose because
real releases showed them: a restated approval dated with the restating
release's own day, and payers filled in from the licensee where a sentence
names none. The Complete Response Letter is read as a reader should read it
(`ApprovalDeclined`), whether or not the engine reads one yet.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tracker.domain import facts as f

M = Decimal(1_000_000)
GASTRIC = "HER3-positive metastatic gastric cancer"
EU_INDICATIONS = ("adult patients with HER3-positive metastatic gastric cancer and for the treatment of adult patients "
                  "with HER3-positive gastroesophageal junction adenocarcinoma")

#: Per release file: (label, fact class, a snippet of the sentence it is read from, fields).
FACTS: dict[str, list[tuple[str, type[f.Fact], str, dict[str, Any]]]] = {
    "norvale-2010-09-01-license.txt": [
        ("license", f.PartnershipRecorded, "entered into a worldwide license agreement",
         dict(compound="NRV-401", partner="Castellan", role="licensee", territory="worldwide", occurred_on="2010-09-01")),
        ("upfront", f.MilestoneTriggered, "receives an upfront payment",
         dict(compound="NRV-401", payer="Castellan", payee="Norvale", amount=20 * M, currency="USD",
              payment_kind="upfront", occurred_on="2010-09-01")),
        ("phase_2", f.DevelopmentStatusReported, "is in Phase II testing",
         dict(compound="NRV-401", phase="II", indication=GASTRIC)),
    ],
    "norvale-2011-06-15-update.txt": [
        ("herald_expected", f.ReadoutExpected, "expects top-line data",
         dict(compound="NRV-401", trial="HERALD", phase="II", expected_by=date(2011, 12, 31))),
        ("maa_expected", f.SubmissionExpected, "plans to submit",
         dict(compound="NRV-401", agency="EMA", region="EU", application="MAA", expected_by=date(2012, 12, 31))),
    ],
    "norvale-2011-11-10-herald.txt": [
        ("herald_readout", f.TopLineReported, "met its primary endpoint",
         dict(compound="NRV-401", trial="HERALD", phase="II", outcome="positive", endpoint="PFS", occurred_on="2011-10",
              indication=GASTRIC)),
        ("herald_design", f.TrialDesignReported, "HERALD enrolled",
         dict(compound="NRV-401", trial="HERALD", phase="II", registry_ids=("NCT01234567",), enrollment=212)),
    ],
    "norvale-2013-01-28-maa.txt": [
        ("maa_submitted", f.RegulatorySubmission, "has submitted a Marketing Authorization Application",
         dict(compound="NRV-401", agency="EMA", region="EU", application="MAA", indication=GASTRIC,
              occurred_on="2013-01-28")),
    ],
    "norvale-2013-02-22-fda-approval.txt": [
        ("brand", f.CompoundAliasRecorded, "Announces FDA Approval of Velquiro",
         dict(compound="velotuzumab", alias="Velquiro", alias_kind="brand")),
        ("fda_approval", f.ApprovalGranted, "has approved Velquiro",
         dict(compound="velotuzumab", agency="FDA", region="US", indication="patients with HER3-positive gastric cancer",
              occurred_on="2013-02-22")),
        ("former_name", f.CompoundAliasRecorded, "formerly NRV-401",
         dict(compound="velotuzumab", alias="NRV-401", alias_kind="former")),
        ("us_milestone", f.MilestoneTriggered, "This approval triggers a $10 million",
         dict(compound="velotuzumab", payer="Castellan", payee="Norvale", amount=10 * M, currency="USD",
              trigger="This approval")),
        ("licensee", f.PartnershipRecorded, "holds worldwide development",
         dict(compound="velotuzumab", partner="Castellan", role="licensee", territory="worldwide")),
    ],
    "norvale-2013-03-20-ema-accepts.txt": [
        ("maa_accepted", f.RegulatorySubmission, "has accepted the Marketing Authorization Application",
         dict(compound="Velquiro", agency="EMA", region="EU", application="MAA", status="accepted",
              occurred_on="2013-03-20")),
        ("ec_decision_expected", f.RegulatoryDecisionExpected, "A decision by the European Commission",
         dict(compound="Velquiro", agency="EC", region="EU", expected_by=date(2013, 12, 31))),
        ("eu_milestone_expected", f.MilestoneAnticipated, "would trigger a $5 million",
         dict(compound="Velquiro", payee="Norvale", amount=5 * M, currency="USD", condition="EC approval",
              expected_by=date(2013, 12, 31))),
    ],
    "norvale-2013-09-30-chmp.txt": [
        ("chmp_opinion", f.RegulatoryOpinionIssued, "has adopted a positive opinion",
         dict(compound="Velquiro", agency="CHMP", region="EU", opinion="positive", occurred_on="2013-09-30")),
        ("us_approval_this_year", f.ApprovalGranted, "approved for marketing in the US earlier this year",
         dict(compound="Velquiro", agency="FDA", region="US", occurred_on="2013")),
        ("jp_decision_expected", f.RegulatoryDecisionExpected, "expects a decision by the MHLW",
         dict(compound="Velquiro", agency="MHLW", region="JP", expected_by=date(2014, 3, 31))),
    ],
    "norvale-2013-11-20-ec-approval.txt": [
        ("ec_approval", f.ApprovalGranted, "has granted a conditional marketing authorization",
         dict(compound="Velquiro", agency="EC", region="EU", approval_type="conditional", indication=EU_INDICATIONS,
              occurred_on="2013-11-20")),
        ("eu_milestone", f.MilestoneTriggered, "This approval triggers a $5 million",
         dict(compound="Velquiro", payee="Norvale", amount=5 * M, currency="USD", trigger="This approval")),
        # The restatement, dated with this release's day as the engine dated the one in Kadcyla's EU release.
        ("us_approval_restated", f.ApprovalGranted, "As with the Velquiro approval",
         dict(compound="Velquiro", agency="FDA", region="US", occurred_on="2013-11-20")),
    ],
    "norvale-2014-03-10-japan.txt": [
        ("jp_approval", f.ApprovalGranted, "has approved Velquiro",
         dict(compound="Velquiro", agency="MHLW", region="JP", indication="HER3-positive gastric cancer",
              occurred_on="2014-03-10")),
    ],
    "norvale-2014-06-02-q1.txt": [
        ("us_approval_background", f.ApprovalGranted, "In addition to the U.S. and EU approvals",
         dict(compound="Velquiro", agency="FDA", region="US")),
        ("eu_approval_background", f.ApprovalGranted, "In addition to the U.S. and EU approvals",
         dict(compound="Velquiro", agency="EC", region="EU")),
        ("canada_approval", f.ApprovalGranted, "Health Canada has approved",
         dict(compound="Velquiro", agency="Health Canada", region="CA")),
        ("herald_2_started", f.TrialStarted, "has started the Phase III HERALD-2 trial",
         dict(compound="Velquiro", trial="HERALD-2", phase="III", indication=GASTRIC)),
    ],
    "ardent-2013-05-06-nda-accepted.txt": [
        ("nda_accepted", f.RegulatorySubmission, "has accepted for review the New Drug Application",
         dict(compound="quilostat", agency="FDA", region="US", application="NDA", status="accepted",
              indication="idiopathic pulmonary fibrosis", occurred_on="2013-05-06")),
        ("code_name", f.CompoundAliasRecorded, "quilostat (ARD-12)",
         dict(compound="quilostat", alias="ARD-12", alias_kind="code")),
        ("pdufa", f.RegulatoryDecisionExpected, "target action date",
         dict(compound="quilostat", agency="FDA", region="US", expected_by=date(2014, 3, 15))),
        ("nda_milestone", f.MilestoneTriggered, "triggers a $3 million milestone payment to Ardent",
         dict(compound="quilostat", payer="Castellan", payee="Ardent", amount=3 * M, currency="USD",
              trigger="NDA accepted (US)")),
        ("us_licensee", f.PartnershipRecorded, "holds exclusive rights to quilostat",
         dict(compound="quilostat", partner="Castellan", role="licensee", territory="United States")),
    ],
    "ardent-2014-03-17-crl.txt": [
        ("crl", f.ApprovalDeclined, "has issued a Complete Response Letter",
         dict(compound="quilostat", agency="FDA", region="US", application="NDA", form="complete_response",
              indication="idiopathic pulmonary fibrosis", occurred_on="2014-03-17")),
    ],
    "halvorsen-2014-05-12-q1.txt": [
        ("ostrevia_royalty", f.RoyaltyReported, "resulting in royalty revenue of DKK 310 million",
         dict(compound="Ostrevia", payee="Halvorsen", amount=310 * M, currency="DKK", payment_kind="royalty",
              period="2014-Q1")),
        ("royalty_revenue", f.RoyaltyReported, "Royalty revenue was DKK 402 million",
         dict(payee="Halvorsen", amount=402 * M, currency="DKK", payment_kind="royalty", period="2014-Q1")),
    ],
}


def extract(document) -> list[f.Fact]:
    """The listed facts of a story release, each quoting the sentence its snippet is in."""
    facts = []
    for _, fact_class, snippet, fields in FACTS.get(document.file, []):
        sentence = next(s for s in document.sentences if snippet in s.text)
        facts.append(fact_class(quote=sentence.quote, line=sentence.line, offset=sentence.start, confidence=0.9,
                                **fields))
    return facts
