"""Top-line results: a trial met its primary endpoint, missed it, showed non-inferiority, or read out mixed.

A sentence states one result per compound, and the rows are in the order that decides it: mixed, then
non-inferior, then what the primary endpoint did, then other efficacy language ("did not meet its primary
endpoint ... secondary endpoints improved" is negative; "met its primary endpoint ... not significant on
overall survival" positive). A trial halted on its monitoring committee's advice is a negative result.
"""
from __future__ import annotations

from tracker.extraction.candidates import Candidate
from tracker.extraction.rows import IN_CLAUSE, Cue, Example, Family, Modality, Readings
from tracker.extraction.slots import past_time, trial_and_phase
from tracker.extraction.trials import endpoint_in

RESULT = "TopLineReported"
_END = r"end ?-?points?"
_DMC = r"(?:IDMC|iDMC|DMC|DSMB|DSMC|(?:Independent\s+)?Data (?:and\s+)?(?:Safety\s+)?Monitoring (?:Committee|Board))"
_STOP = r"(?:halt\w*|stop(?:s|ped|ping)?|terminat\w+|discontinu\w+|no longer support\w*|futility|unblind\w*\s+early)"

CUES = (
    Cue(r"\b(?:results|data|findings|outcomes?)\b[^.;:]{0,60}?\s(?:were|was|are)\s+(?P<cue>mixed)\b|\b(?P<cue2>mixed)\s+(?:top-?line\s+)?(?:results|data|findings|outcomes?)\b",
        fields={"outcome": "mixed"}, compound="subject",
        example=Example("The results of the TANGO study of velotamab were mixed: the high dose met the primary endpoint while the low dose did not.",
                        {"type": RESULT, "compound": "velotamab", "trial": "TANGO", "outcome": "mixed"})),
    Cue(rf"\b(?:met|meet|meeting|achiev\w+|demonstrat\w+|showed|shows|established|confirmed)\b{IN_CLAUSE}{{0,60}}?\b(?P<cue>non-?inferior(?:ity)?)\b"
        rf"|\b(?P<cue2>non-?inferior(?:ity)?)\b{IN_CLAUSE}{{0,60}}?\b(?:was|were|has been)\s+(?:met|achieved|demonstrated|established|shown)\b",
        fields={"outcome": "non_inferior"}, compound="subject",
        example=Example("The Phase 3 RIVET trial of velotamab met its non-inferiority endpoint versus methotrexate.",
                        {"type": RESULT, "compound": "velotamab", "trial": "RIVET", "phase": "III", "outcome": "non_inferior"})),
    Cue(rf"\b(?:did not|does not|didn't|failed to|did not successfully|was unable to)\s+(?P<cue>meet|achieve|reach|demonstrate|show|hit)\s+(?:[\w-]+\s+){{0,5}}?(?:primary|main|co-primary)\b"
        rf"|\b(?P<cue2>miss(?:ed|es)?)\s+(?:(?:its|the|both|their)\s+)?(?:[\w-]+\s+){{0,2}}?(?:primary|co-primary|main)\b"
        rf"|\bprimary\s+(?:efficacy\s+)?{_END}\b{IN_CLAUSE}{{0,60}}?\b(?P<cue3>(?:was|were)\s+not\s+(?:met|achieved|reached)|not\s+met)\b"
        rf"|\b(?P<cue4>[Nn]either)\b[^.]{{0,80}}\b(?:improved|met|showed|achieved)\b",
        fields={"outcome": "negative"}, compound="subject",
        example=Example("The Phase 2 CASCADE study of velotamab did not meet its primary endpoint of progression-free survival.",
                        {"type": RESULT, "compound": "velotamab", "trial": "CASCADE", "phase": "II", "outcome": "negative", "endpoint": "PFS"})),
    # told as the clause a sentence goes on from: "Despite not achieving its primary endpoint, ...", "failing to meet ..."
    Cue(r"\b(?:not|failing to)\s+(?P<cue>achieving|meeting|reaching|achieve|meet|reach)\s+(?:[\w-]+\s+){0,5}?(?:primary|main|co-primary)\b",
        fields={"outcome": "negative"}, compound="subject",
        example=Example("Despite not achieving its primary endpoint, analyses of the TANGO study of velotamab showed activity in subsets.",
                        {"type": RESULT, "compound": "velotamab", "trial": "TANGO", "outcome": "negative"})),
    Cue(rf"\b(?P<cue>met|meets|meeting|achieved|achieves|reached|hit)\s+(?:its|the|both|all|their|each of its|all of its|all three|all four|two)\s+(?:[\w-]+\s+){{0,3}}?(?:primary|co-primary|main)\s+(?:[\w-]+\s+){{0,4}}?{_END}\b"
        rf"|\b(?:primary|co-primary)\s+(?:efficacy\s+)?{_END}\s+(?:[\w-]+\s+){{0,8}}?(?:was|were|has been|have been|had been)\s+(?:successfully\s+|clearly\s+)?(?P<cue2>met|achieved|reached)\b"
        rf"|\b(?P<cue3>met|meets|achieved|achieves|reached)\s+(?:its|the|both|all|their)\s+(?:[\w-]+\s+){{0,2}}?(?:primary|co-primary|main)\s+objectives?\b",
        fields={"outcome": "positive"}, compound="subject",
        example=Example("Orsolo Bio today announced that the Phase 3 HORIZON-2 trial of velotamab met its primary endpoint of overall survival.",
                        {"type": RESULT, "compound": "velotamab", "trial": "HORIZON-2", "phase": "III", "outcome": "positive", "endpoint": "OS"})),
    # a trial stopped early because it worked: "stopped early for efficacy", "unblinded early due to overwhelming efficacy"
    Cue(r"\b(?:stopped|halted|terminated|unblinded|ended)\s+early\s+(?:for|due to|because of|on|after|based on)\s+(?:its\s+)?(?:the\s+)?(?:overwhelming\s+|positive\s+|clear\s+)?(?P<cue>efficacy|benefit)\b",
        fields={"outcome": "positive"}, compound="subject",
        example=Example("The TANGO trial of velotamab was stopped early for efficacy on the recommendation of the Data Monitoring Committee.",
                        {"type": RESULT, "compound": "velotamab", "trial": "TANGO", "outcome": "positive"})),
    Cue(rf"\b{_DMC}\b{IN_CLAUSE}{{0,160}}?\b(?P<cue>{_STOP})|\b(?P<cue2>{_STOP})\b{IN_CLAUSE}{{0,160}}?\b{_DMC}",
        fields={"outcome": "negative"}, compound="subject",
        example=Example("The TANGO study of velotamab was halted after the Independent Data Monitoring Committee review found it unlikely to succeed.",
                        {"type": RESULT, "compound": "velotamab", "trial": "TANGO", "outcome": "negative"})),
    # a trial stopped on what an analysis showed: "The Phase 3 study was stopped after an interim analysis showed ..."
    Cue(r"\b(?:trials?|stud(?:y|ies)|program(?:me)?)(?:\s+of\s+[\w-]+(?:\s+\([^()]*\))?)?\s+(?:was|were|has been|have been|is being|will be)\s+(?P<cue>stopped|halted|terminated|discontinued)\s+"
        r"(?:early\s+)?(?:after|following|because|due to|based on)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:analys[ie]s|review|results|data)\b"
        rf"(?!{IN_CLAUSE}{{0,120}}?\b(?:overwhelming|positive|clear(?:ly)?\s+(?:superior|positive)|met\s+(?:its|the)\s+primary)\b)",
        fields={"outcome": "negative"}, compound="subject",
        example=Example("The Phase 3 TANGO study of velotamab was stopped after an interim analysis of overall survival.",
                        {"type": RESULT, "compound": "velotamab", "trial": "TANGO", "phase": "III", "outcome": "negative"})),
    Cue(r"\b(?:will|would)\s+not\s+(?P<cue>reach|achieve|meet)\s+(?:statistical\s+)?significance\b|\b(?P<cue2>unlikely)\s+to\s+(?:meet|achieve|reach)\b",
        fields={"outcome": "negative"}, compound="subject",
        example=Example("An interim analysis showed that the TANGO study of velotamab will not reach statistical significance.",
                        {"type": RESULT, "compound": "velotamab", "trial": "TANGO", "outcome": "negative"})),
    Cue(r"\b(?:did not|does not|failed to)\s+(?P<cue>meet|achieve|reach|demonstrate|show)\b|\b(?P<cue2>not\s+(?:statistically\s+)?significant)\b"
        r"|\bno\s+(?P<cue3>(?:statistically\s+)?significant)\s+(?:difference|improvement|benefit|effect|reduction)",
        fields={"outcome": "negative"}, compound="subject", sure=0.9,
        example=Example("In the RIVET study, velotamab did not demonstrate an improvement over placebo.",
                        {"type": RESULT, "compound": "velotamab", "trial": "RIVET", "outcome": "negative"})),
    Cue(rf"\b(?P<cue>met|meets|achieved)\s+(?:its|the|both|all|their)\s+(?:[\w-]+\s+){{0,2}}?{_END}\b"
        r"|\b(?P<cue2>statistically significant)\s+(?:and\s+clinically\s+meaningful\s+)?(?:(?:[\w%.-]+|\([^()]{0,60}\))\s+){0,4}?(?:improvement|reduction|increase|benefit|difference|delay|prolongation|decrease)s?\b"
        r"|\b(?P<cue3>significantly|s\s?ignificant(?:ly)?)\s+(?:\w+\s+){0,2}?(?:improv\w+|reduc\w+|prolong\w+|extend\w+|delay\w+|increas\w+|decreas\w+|lower\w*|superior)\b"
        r"|\b(?P<cue4>positive)\s+(?:[\w-]+\s+){0,3}?(?:results|data|outcomes?|readouts?|findings|analysis)\b"
        r"|\b(?:demonstrated|showed|shows|demonstrates|achieved)\s+(?:a\s+|an\s+)?(?P<cue5>statistically significant|clinically meaningful|superior|superiority)\b"
        r"|\bresulted in (?:a |an )?(?P<cue6>(?:statistically |clinically )?significant)\b"
        r"|\b(?P<cue7>improvement in)\s+(?:OS|PFS|overall survival|progression-free survival)\b",
        fields={"outcome": "positive"}, compound="subject", sure=0.9,
        example=Example("Relative to placebo, treatment with velotamab resulted in a clinically significant reduction in urinary oxalate in the RIVET study.",
                        {"type": RESULT, "compound": "velotamab", "trial": "RIVET", "outcome": "positive"})),
    # the same told informally or as a comparison lost: "didn't demonstrate efficacy", "wasn't better than the injected form"
    Cue(r"\b(?:didn['’]t|doesn['’]t)\s+(?P<cue>meet|achieve|reach|demonstrate|show)\b"
        r"|\b(?:was|were|is|are|proved)(?:\s+not|n['’]t)\s+(?P<cue2>better|more effective|superior)\s+than\b|\b(?:was|were|proved)\s+(?P<cue3>no (?:better|more effective))\s+than\b",
        fields={"outcome": "negative"}, compound="subject", sure=0.9,
        example=Example("Results of the RIVET trial showed that velotamab wasn't better than placebo in reducing gout flares.",
                        {"type": RESULT, "compound": "velotamab", "trial": "RIVET", "outcome": "negative"})),
    # "did not separate from placebo", "failed to demonstrate efficacy", "showed no benefit over placebo"
    Cue(r"\b(?:did not|does not|failed to|could not)\s+(?P<cue>separate)\s+from\b|\b(?:failed to|did not)\s+(?:demonstrate|show|establish)\s+(?P<cue2>efficacy|(?:a\s+)?(?:clinical\s+)?benefit)\b"
        r"|\b(?:showed|demonstrated|found)\s+(?P<cue3>no\s+(?:clinical\s+)?(?:benefit|efficacy|difference))\b",
        fields={"outcome": "negative"}, compound="subject",
        example=Example("Topline data from the TANGO trial showed that velotamab did not separate from placebo.",
                        {"type": RESULT, "compound": "velotamab", "trial": "TANGO", "outcome": "negative"})),
    # "achieved statistical significance on the primary endpoint", "was superior to placebo", a significant p-value
    Cue(r"\b(?:achieved|reached|attained|demonstrated)\s+(?P<cue>(?:high\s+|strong\s+)?statistical(?:ly)?\s+significan(?:ce|t))\b"
        r"|\b(?:was|were|is|proved)\s+(?:statistically\s+|significantly\s+)?(?P<cue2>superior)\s+to\b"
        r"|(?P<cue3>\bp\s?(?:<|=|≤|&lt;)\s?0?\.0(?:[0-4]\d*|5(?!\d)))",
        fields={"outcome": "positive"}, compound="subject", sure=0.9,
        example=Example("In the RIVET trial, velotamab achieved statistical significance on the primary endpoint of serum urate reduction.",
                        {"type": RESULT, "compound": "velotamab", "trial": "RIVET", "outcome": "positive"})),
    # a single-arm trial's read-out told by its response rates: "trial of X shows 86% ORR (18/21)", "X demonstrated an overall response rate of 48%"
    Cue(r"\b(?:shows?|showed|demonstrated|demonstrates|achieved|achieves)\s+(?:an?\s+)?(?P<cue>\d+(?:\.\d+)?\s?%\s+(?:ORR|CRc?|overall response|complete response|objective response)"
        r"|(?:ORR|overall response rate|objective response rate|complete response rate)\s+of\s+\d+(?:\.\d+)?\s?%)",
        fields={"outcome": "positive"}, compound="subject", sure=0.85,
        example=Example("The Phase 2 SAVE trial of velotamab in newly diagnosed AML shows 84% ORR (16/19) and 71% CR (13/19).",
                        {"type": RESULT, "compound": "velotamab", "trial": "SAVE", "outcome": "positive"})),
    Cue(rf"\b(?:results|data|findings)\b{IN_CLAUSE}{{0,200}}?\b(?:which|that)\s+(?:showed|demonstrated|show|demonstrate)\s+(?:encouraging\s+|durable\s+|robust\s+)?"
        r"(?P<cue>(?:clinical|anti-?tumou?r)\s+activity)\b",
        fields={"outcome": "positive"}, compound="subject", sure=0.85,
        example=Example("Orsolo announced interim results from the Phase 1 study 003 of velotamab, which showed clinical activity in patients with gout.",
                        {"type": RESULT, "compound": "velotamab", "trial": "study 003", "outcome": "positive"})),
)

MODALITIES = (
    Modality(r"trend\w*|if|whether|would|will|could|may|might|expects?|expected|designed to|aims? to|aimed to|powered to|hypothesi\w+"
             r"|potential(?:ly)?|to be (?:reported|presented)|in order to|goal|objective|intended to|seeks? to|shown to|been shown", None, gap=5,
             example=Example("The RIVET study of velotamab is designed to show a statistically significant improvement in overall survival.",
                             {"type": None})),
    # a trial's aim, not its read-out: "The primary objective of this trial is to determine if X is superior to placebo"
    Modality(rf"(?:determine|assess|evaluate|test|examine|investigate)\s+(?:if|whether)|(?:[Tt]he|[Ii]ts)\s+(?:primary|main|key)\s+objective\s+(?:of\s+{IN_CLAUSE}{{0,80}}?\s+)?(?:is|will be)\s+to|is\s+designed\s+to|are\s+designed\s+to",
             None, scope="clause",
             example=Example("The primary objective of the TANGO trial is to determine if treatment with velotamab added to standard of care "
                             "is superior to placebo in reducing the risk of gout flares.", {"type": None})),
    # a regulator's reasons for refusing ("The FDA cited ... a failure to demonstrate non-inferiority") are the letter's, not a trial's read-out
    Modality(r"\b(?:FDA|EMA|CHMP|[Aa]gency|[Rr]egulators?|Complete Response Letter|CRL|letter)\s+(?:\w+\s+)?(?:cited|cites|citing|identified|raised|noted)\b",
             None, scope="sentence", cased=True,
             example=Example("In the Complete Response Letter, the FDA cited safety concerns, including a failure to demonstrate non-inferiority of "
                             "velotamab in cardiovascular events.", {"type": None})),
    # data named as what something else rests on or reflects, not read out here: "The BLA is supported by positive data from ...",
    # "reflective of both the positive clinical data generated for X"
    Modality(r"supported by|based on|reflective of|reflects?|reflecting|builds? on|building on|on the strength of", None, gap=3,
             example=Example("The BLA for velotamab is supported by positive data from the RIVET and TANGO trials.", {"type": None})),
    # what a therapy may do for patients, not what a trial showed: "a therapy that can help enable positive long-term kidney outcomes"
    Modality(r"can|help|helps|enable|enables", None, gap=3,
             example=Example("We are excited to reach patients with velotamab, a therapy that can help enable positive long-term kidney outcomes.",
                             {"type": None})),
    Modality(r"\b[Cc]oncerns?\s+(?:\w+\s+)?(?:include|includes|included|including)\b", None, scope="sentence", cased=True,
             example=Example("- Safety concerns include failure to meet non-inferiority in cardiovascular events for velotamab in the RIVET trials",
                             {"type": None})),
)

#: Results are of a trial: the sentence speaks of one, its patients or its endpoints.
CONTEXT = (r"\b(?:trials?|stud(?:y|ies)|phase|end ?-?points?|patients|participants|subjects|placebo|data|results|analys[ie]s|efficacy"
           r"|cohort|arms?|treatment|treated|significan\w+|p\s?[<=]|hazard ratio)\b")


def read(candidate: Candidate) -> Readings:
    trial, phase, ambiguous = trial_and_phase(candidate.view, candidate.release, refers_back=True)
    endpoint = endpoint_in(candidate.text)
    return [dict(compound=compound, trial=trial, phase=phase, endpoint=None if endpoint == "non-inferiority" else endpoint,
                 occurred_on=past_time(candidate.view), ambiguous=ambiguous)
            for compound in candidate.compounds()[:1]]


FAMILY = Family("results", RESULT, CUES, read, (), MODALITIES, context=CONTEXT, exclusive=True,
                keywords=("mixed", "inferior", "not", "miss", "neither", "met", "meet", "achiev", "reach", "hit", "halt", "stop", "terminat", "no longer",
                          "discontinu", "futility", "unlikely", "significan", "positive", "superior", "improvement", "didn't", "unable", "activity", "%",
                          "fail", "separat", "efficacy", "n't", "n’t", "better", "p<", "p =", "p=", "p <", "p≤"))
