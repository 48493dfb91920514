"""A realistic, deterministic corpus of press releases for the benchmarks.

Thousands of compounds (INN-like names built on the WHO stems, code names
like ABC-1234, brands), each with an originator and often a partner, move
through a development history over decades: trials start and read out, they
are filed, reviewed and approved by the FDA, the EC after a CHMP opinion,
Japan's MHLW, China's NMPA and Health Canada; approvals trigger milestone
payments, others "would trigger" one; royalties are reported; names change
("formerly ABC-1234"). Each release tells one step of one compound's story
in the words of the field, under one of several wire datelines (a few carry
none and are dated by the manifest), with the usual boilerplate around it.

    python benchmarks/corpus.py OUT --releases 2000 --seed 7

writes OUT/NNNNNN_company.txt files and OUT/manifest.csv (file,published).
The same seed and size give the same files, byte for byte.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

FIRST_DAY = date(1992, 1, 1)
LAST_DAY = date(2024, 12, 31)

_ONSETS = ["b", "br", "c", "d", "dr", "f", "g", "gl", "l", "m", "n", "p", "pr", "r", "s", "t", "tr", "v", "z", "x", "qu"]
_VOWELS = ["a", "e", "i", "o", "u", "ae", "ia", "o", "e"]
_CODAS = ["", "", "n", "r", "l", "s", "m", "x", "t"]
#: WHO stems, with the infixes real names put before them (targets and sources of antibodies).
_STEMS = [("", "tinib"), ("", "ciclib"), ("", "parib"), ("", "lisib"), ("", "rafenib"), ("", "zomib"), ("", "degib"),
          ("", "siran"), ("", "rsen"), ("tu", "zumab"), ("li", "mumab"), ("ci", "ximab"), ("to", "zumab"),
          ("ne", "tumab"), ("ki", "mab"), ("", "cept")]
_PAYLOADS = ["vedotin", "deruxtecan", "govitecan", "tesirine", "mafodotin", "soravtansine"]
_BRAND_ENDINGS = ["a", "ix", "yn", "ora", "io", "ex", "ity", "ara", "elle", "on", "iq", "ys"]
_COMPANY_WORDS = ["Therapeutics", "Pharmaceuticals", "Biosciences", "Bio", "Oncology", "Medicines", "Biopharma",
                  "Pharma", "Genomics", "Biotherapeutics"]
BIG_PHARMA = ["Roche", "Novartis", "Pfizer", "Sanofi", "AstraZeneca", "Merck", "Bristol-Myers Squibb", "Eli Lilly",
              "Takeda", "Astellas", "Daiichi Sankyo", "Bayer", "GSK", "AbbVie", "Amgen", "Gilead", "Biogen",
              "Boehringer Ingelheim", "Eisai", "Otsuka", "Johnson & Johnson", "Novo Nordisk", "Servier", "Ipsen"]
INDICATIONS = [
    "HER2-positive metastatic breast cancer", "non-small cell lung cancer", "relapsed or refractory multiple myeloma",
    "diffuse large B-cell lymphoma", "acute myeloid leukemia", "chronic lymphocytic leukemia",
    "metastatic colorectal cancer", "advanced hepatocellular carcinoma", "platinum-resistant ovarian cancer",
    "metastatic castration-resistant prostate cancer", "advanced renal cell carcinoma", "unresectable melanoma",
    "moderate to severe plaque psoriasis", "rheumatoid arthritis", "ulcerative colitis", "Crohn's disease",
    "atopic dermatitis", "severe asthma", "chronic obstructive pulmonary disease", "idiopathic pulmonary fibrosis",
    "type 2 diabetes", "heart failure with reduced ejection fraction", "hypercholesterolemia",
    "hereditary transthyretin-mediated amyloidosis", "spinal muscular atrophy", "amyotrophic lateral sclerosis",
    "early Alzheimer's disease", "relapsing multiple sclerosis", "migraine prevention", "major depressive disorder",
    "schizophrenia", "chronic hepatitis B", "HIV-1 infection", "respiratory syncytial virus infection",
    "paroxysmal nocturnal hemoglobinuria", "generalized myasthenia gravis", "hemophilia A", "sickle cell disease",
    "cystic fibrosis", "Duchenne muscular dystrophy", "gastric or gastroesophageal junction adenocarcinoma",
    "urothelial carcinoma", "triple-negative breast cancer", "follicular lymphoma", "mantle cell lymphoma",
]
ENDPOINTS = ["progression-free survival", "overall survival", "objective response rate", "event-free survival",
             "complete remission rate", "change in HbA1c from baseline", "ACR20 response at week 24",
             "PASI 75 response at week 16", "clinical remission at week 52", "annualized relapse rate"]
CONFERENCES = [("American Society of Clinical Oncology (ASCO) Annual Meeting", "Chicago"),
               ("American Society of Hematology (ASH) Annual Meeting", "San Diego"),
               ("European Society for Medical Oncology (ESMO) Congress", "Barcelona"),
               ("San Antonio Breast Cancer Symposium", "San Antonio"),
               ("American Diabetes Association Scientific Sessions", "New Orleans"),
               ("European Hematology Association (EHA) Congress", "Vienna"),
               ("American Academy of Neurology (AAN) Annual Meeting", "Boston")]
CITIES = [("CAMBRIDGE", "Mass."), ("WALTHAM", "Mass."), ("SOUTH SAN FRANCISCO", "Calif."), ("SAN DIEGO", "Calif."),
          ("BOTHELL", "Wash."), ("PRINCETON", "N.J."), ("NEW YORK", "N.Y."), ("BOSTON", "Mass."),
          ("SEATTLE", "Wash."), ("GAITHERSBURG", "Md."), ("LEXINGTON", "Mass."), ("TARRYTOWN", "N.Y.")]
FOREIGN_CITIES = ["SHANGHAI", "BASEL", "TOKYO", "COPENHAGEN", "LONDON", "PARIS", "TORONTO", "OSAKA", "SUZHOU"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PHASES = ["I", "I/II", "II", "III"]


@dataclass
class Company:
    name: str
    prefix: str
    ticker: str
    city: tuple[str, str]


@dataclass
class Compound:
    inn: str
    code: str
    former_code: str | None
    brand: str
    originator: Company
    partner: str | None
    indication: str
    second_indication: str
    start: date
    end: date
    trial: str
    amounts: list[int] = field(default_factory=list)


def _syllables(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(count))


def _unique(rng: random.Random, taken: set[str], make) -> str:
    while True:
        value = make(rng)
        if value.lower() not in taken:
            taken.add(value.lower())
            return value


def _inn(rng: random.Random) -> str:
    infix, stem = rng.choice(_STEMS)
    name = _syllables(rng, rng.choice((1, 2))) + infix + stem
    if stem.endswith("mab") and rng.random() < 0.2:
        name += " " + rng.choice(_PAYLOADS)
    return name


def _brand(rng: random.Random) -> str:
    return (_syllables(rng, rng.choice((1, 2))) + rng.choice(_BRAND_ENDINGS)).capitalize()


def companies(rng: random.Random, count: int) -> list[Company]:
    taken: set[str] = set()
    made = []
    for _ in range(count):
        word = _unique(rng, taken, lambda r: _syllables(r, 2).capitalize())
        prefix = _unique(rng, taken, lambda r, w=word: (w[:2] + "".join(r.choice("BCDKLMNRSTXZ") for _ in range(r.choice((1, 2))))).upper())
        made.append(Company(f"{word} {rng.choice(_COMPANY_WORDS)}", prefix, prefix[:4], rng.choice(CITIES)))
    return made


def compounds(rng: random.Random, count: int, firms: list[Company]) -> list[Compound]:
    taken: set[str] = set()
    made = []
    for _ in range(count):
        firm = rng.choice(firms)
        code = _unique(rng, taken, lambda r, p=firm.prefix: f"{p}-{r.randint(100, 9999)}")
        former = _unique(rng, taken, lambda r, p=firm.prefix: f"{p}{r.randint(100, 999)}") if rng.random() < 0.3 else None
        start = FIRST_DAY + timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days - 400))
        end = min(LAST_DAY, start + timedelta(days=rng.randint(3 * 365, 15 * 365)))
        indication, second = rng.sample(INDICATIONS, 2)
        made.append(Compound(
            inn=_unique(rng, taken, _inn), code=code, former_code=former, brand=_unique(rng, taken, _brand),
            originator=firm, partner=rng.choice(BIG_PHARMA) if rng.random() < 0.7 else None,
            indication=indication, second_indication=second, start=start, end=end,
            trial=_unique(rng, taken, lambda r: _syllables(r, 2).upper() + f"-{r.randint(1, 9)}"),
            amounts=[rng.choice((1, 2, 3, 5, 5, 7.5, 10, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100)) for _ in range(4)]))
    return made


def _day(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _short_day(d: date) -> str:
    month = MONTHS[d.month - 1]
    return f"{month[:3]}{'.' if len(month) > 4 else ''} {d.day}, {d.year}"


def dateline(rng: random.Random, firm: Company, published: date) -> str:
    """The head of a release in one of the wires' styles; one in nine states no date (the manifest dates it)."""
    city, state = firm.city
    style = rng.randrange(9)
    if style == 0:
        return f"{city}, {state}, {_short_day(published)} (BUSINESS WIRE) -- "
    if style == 1:
        return f"{city}, {state}--(BUSINESS WIRE)--{_short_day(published)}--"
    if style == 2:
        return f"{city}, {state[:2].upper()}, USA | {_day(published)} | "
    if style == 3:
        return f"{rng.choice(FOREIGN_CITIES)}, {_day(published)} /PRNewswire/ -- "
    if style == 4:
        return f"{city}, {state} -- {_day(published)} -- "
    if style == 5:
        return f"{_day(published)}\n\n{city}, {state}--(GLOBE NEWSWIRE)-- "
    if style == 6:
        return f"Release Date: {published.day:02d}/{published.month:02d}/{published.year} 12:00am\n\n"
    if style == 7:
        return f"{_day(published)} 11:15 UTC\n\n{city}, {state} -- "
    return ""


def _quarter(d: date) -> str:
    return ["first", "second", "third", "fourth"][(d.month - 1) // 3]


def _name(rng: random.Random, c: Compound, approved: bool) -> str:
    if approved and rng.random() < 0.6:
        return f"{c.brand}® ({c.inn})"
    return rng.choice((c.inn, c.code, f"{c.code} ({c.inn})", f"{c.inn} ({c.code})"))


def _money(amount: float) -> str:
    return f"${amount:g} million"


class Story:
    """The sentences of one release about one compound at one point of its history."""

    def __init__(self, rng: random.Random, c: Compound, published: date, siblings: list[Compound]):
        self.rng, self.c, self.published, self.siblings = rng, c, published, siblings
        span = max(1, (c.end - c.start).days)
        self.progress = min(1.0, max(0.0, (published - c.start).days / span))

    def build(self) -> tuple[str, list[str]]:
        rng, c, p = self.rng, self.c, self.progress
        firm = c.originator.name
        if p < 0.2:
            kind = rng.choice(("partnership", "trial_start", "data"))
        elif p < 0.45:
            kind = rng.choice(("trial_start", "data", "topline", "partnership"))
        elif p < 0.6:
            kind = rng.choice(("topline", "submission", "data"))
        elif p < 0.75:
            kind = rng.choice(("submission", "chmp", "approval_us"))
        else:
            kind = rng.choice(("approval_us", "approval_eu", "approval_jp", "approval_cn", "approval_ca", "royalty",
                               "chmp"))
        headline, body = getattr(self, kind)()
        lead = f"{firm} (Nasdaq: {c.originator.ticker}), a biotechnology company developing {self._modality()}, today {body[0]}"
        paragraphs = [lead, *body[1:]]
        paragraphs.append(self._quote())
        if rng.random() < 0.5:
            paragraphs.append(self._expectation())
        if c.former_code and rng.random() < 0.5:
            paragraphs.append(f"{c.inn} (formerly {c.former_code}) is being developed by {firm}"
                              + (f" in collaboration with {c.partner}." if c.partner else "."))
        if c.partner and rng.random() < 0.5:
            paragraphs.append(self._partner_terms())
        paragraphs.append(self._pipeline())
        return headline, paragraphs

    def _pipeline(self) -> str:
        """The issuer's other programs, as releases list them before the boilerplate."""
        rng, firm = self.rng, self.c.originator
        others = [other for other in rng.sample(self.siblings, min(3, len(self.siblings))) if other is not self.c]
        lines = [f"{other.code} ({other.inn}) is in Phase {rng.choice(PHASES)} development for {other.indication}"
                 + (f", partnered with {other.partner}" if other.partner else "") + "." for other in others]
        return f"{firm.name}'s pipeline also includes: " + " ".join(lines) if lines else f"{firm.name} has no other clinical programs."

    def _modality(self) -> str:
        return self.rng.choice(("antibody-drug conjugates", "targeted small molecules", "RNA therapeutics",
                                "novel biologics", "precision oncology medicines", "medicines for rare diseases"))

    def _year_phrase(self) -> str:
        when = self.published - timedelta(days=self.rng.randint(20, 300))
        return self.rng.choice((f"in {MONTHS[when.month - 1]} {when.year}", f"in late {when.year}",
                                "earlier this year" if when.year == self.published.year else f"in {when.year}"))

    def partnership(self):
        c, rng = self.c, self.rng
        partner = c.partner or rng.choice(BIG_PHARMA)
        upfront = rng.choice((5, 10, 15, 25, 40, 50))
        total = upfront * rng.randint(8, 30)
        return (f"{c.originator.name} and {partner} Enter into Global License Agreement for {c.code}",
                [f"announced that it has entered into an exclusive license agreement with {partner} to develop and "
                 f"commercialize {c.code}, a {self._modality()[:-1]} for {c.indication}.",
                 f"Under the terms of the agreement, {c.originator.name} will receive a {_money(upfront)} upfront payment "
                 f"and is eligible to receive up to {_money(total)} in development, regulatory and sales milestone payments, "
                 f"as well as tiered royalties on net sales.",
                 f"{partner} will be responsible for the development, manufacturing and commercialization of {c.code} worldwide, "
                 f"excluding China, where {c.originator.name} retains rights."])

    def trial_start(self):
        c, rng = self.c, self.rng
        phase = rng.choice(PHASES)
        milestone = rng.choice(c.amounts)
        sentences = [f"announced that the first patient has been dosed in {c.trial}, a Phase {phase} clinical trial of "
                     f"{_name(rng, c, False)} in patients with {c.indication}.",
                     f"{c.trial} (NCT0{rng.randint(1000000, 5999999)}) is a randomized, double-blind study expected to "
                     f"enroll approximately {rng.randint(4, 120) * 10} patients at {rng.randint(20, 250)} sites; its primary "
                     f"endpoint is {rng.choice(ENDPOINTS)}.",
                     f"{c.code} is in Phase {phase} development for {c.indication}."]
        if c.partner:
            sentences.append(f"The initiation of the trial triggers a {_money(milestone)} milestone payment to "
                             f"{c.originator.name} from {c.partner}.")
        return f"{c.originator.name} Announces First Patient Dosed in Phase {phase} {c.trial} Trial of {c.code}", sentences

    def data(self):
        c, rng = self.c, self.rng
        conference, city = rng.choice(CONFERENCES)
        year = self.published.year
        phase = rng.choice(PHASES[:3])
        return (f"{c.originator.name} to Present Phase {phase} Data for {c.code} at the {year} {conference.split(' (')[0]}",
                [f"announced that data from the Phase {phase} study of {_name(rng, c, False)} in {c.indication} will be "
                 f"presented at the {year} {conference} taking place in {city}.",
                 f"The poster (abstract #{rng.randint(1000, 9999)}) will be presented on {_day(self.published + timedelta(days=rng.randint(10, 40)))}.",
                 f"In the dose-escalation portion, {rng.randint(12, 60)} patients were treated and the objective response "
                 f"rate was {rng.randint(10, 70)} percent."])

    def topline(self):
        c, rng = self.c, self.rng
        positive = rng.random() < 0.7
        endpoint = rng.choice(ENDPOINTS)
        result = (f"met its primary endpoint of {endpoint}, showing a statistically significant improvement compared with "
                  f"standard of care" if positive else f"did not meet its primary endpoint of {endpoint}")
        return (f"{c.trial} Phase III Trial of {c.inn} {'Meets' if positive else 'Does Not Meet'} Primary Endpoint",
                [f"announced positive top-line results from {c.trial}, a Phase III trial of {_name(rng, c, False)} in "
                 f"{c.indication}." if positive else
                 f"announced top-line results from {c.trial}, a Phase III trial of {_name(rng, c, False)} in {c.indication}.",
                 f"The {c.trial} study {result}.",
                 "Detailed results will be submitted for presentation at an upcoming medical meeting."])

    def submission(self):
        c, rng = self.c, self.rng
        kind = "Biologics License Application (BLA)" if "mab" in c.inn else "New Drug Application (NDA)"
        anticipated = rng.choice(c.amounts)
        sentences = [f"announced that it has submitted a {kind} to the U.S. Food and Drug Administration (FDA) for "
                     f"{_name(rng, c, False)} for the treatment of {c.indication}.",
                     f"The submission is based on results from the Phase III {c.trial} study.",
                     f"A Marketing Authorization Application for {c.inn} was also submitted to the European Medicines "
                     f"Agency (EMA) {self._year_phrase()}."]
        if c.partner:
            sentences.append(f"Approval by the FDA would trigger a {_money(anticipated)} milestone payment to "
                             f"{c.originator.name} from {c.partner}.")
        return f"{c.originator.name} Submits {kind.split(' (')[0]} to FDA for {c.inn}", sentences

    def chmp(self):
        c, rng = self.c, self.rng
        positive = rng.random() < 0.85
        sentences = [f"announced that the Committee for Medicinal Products for Human Use (CHMP) of the European "
                     f"Medicines Agency has adopted a {'positive' if positive else 'negative'} opinion on {c.brand} "
                     f"({c.inn}) for the treatment of adults with {c.indication}.",
                     f"A decision by the European Commission is expected by the end of {self.published.year}."
                     if self.published.month < 10 else
                     f"A decision by the European Commission is expected in {MONTHS[(self.published.month + 1) % 12]} "
                     f"{self.published.year + (self.published.month >= 11)}."]
        if c.partner and positive:
            sentences.append(f"An approval decision would trigger a {_money(rng.choice(c.amounts))} milestone payment to "
                             f"{c.originator.name}.")
        return f"CHMP Adopts {'Positive' if positive else 'Negative'} Opinion for {c.brand}", sentences

    def _approval(self, agency: str, region: str, where: str):
        c, rng = self.c, self.rng
        sentences = [f"announced that {agency} has approved {c.brand}® ({c.inn}, formerly {c.code}) for the treatment "
                     f"of patients with {rng.choice((c.indication, c.second_indication))}.",
                     f"{c.brand} is the first {self._modality()[:-1]} approved {where} for this indication."]
        if c.partner:
            amount = rng.choice(c.amounts)
            sentences.append(rng.choice((
                f"The approval triggers a {_money(amount)} milestone payment to {c.originator.name} from {c.partner}.",
                f"This approval triggers a {_money(amount)} milestone payment to {c.originator.name}.",
                f"With this approval, {c.originator.name} earned a {_money(amount)} milestone payment from {c.partner}.")))
        return f"{c.brand}® ({c.inn}) Approved {where} for {c.indication.split(' or ')[0].title()}", sentences

    def approval_us(self):
        return self._approval("the U.S. Food and Drug Administration (FDA)", "US", "in the United States")

    def approval_eu(self):
        return self._approval("the European Commission", "EU", "in the European Union")

    def approval_jp(self):
        return self._approval("Japan's Ministry of Health, Labour and Welfare (MHLW)", "JP", "in Japan")

    def approval_cn(self):
        return self._approval("China's National Medical Products Administration (NMPA)", "CN", "in China")

    def approval_ca(self):
        return self._approval("Health Canada", "CA", "in Canada")

    def royalty(self):
        c, rng = self.c, self.rng
        payer = c.partner or rng.choice(BIG_PHARMA)
        amount = rng.randint(15, 950) / 10
        quarter = _quarter(self.published - timedelta(days=45))
        year = (self.published - timedelta(days=45)).year
        return (f"{c.originator.name} Reports {quarter.title()} Quarter {year} Financial Results",
                [f"reported financial results for the {quarter} quarter of {year}.",
                 f"Royalty revenue from {payer}'s net sales of {c.brand} was {_money(amount)} in the {quarter} quarter, "
                 f"compared with {_money(round(amount * 0.8, 1))} a year earlier.",
                 f"{c.originator.name} receives tiered royalties of {rng.randint(4, 12)}% to {rng.randint(13, 22)}% "
                 f"on net sales of {c.brand} ({c.inn})."])

    def _expectation(self) -> str:
        c, rng = self.c, self.rng
        year = self.published.year + rng.randint(0, 2)
        return rng.choice((
            f"{c.originator.name} expects to report top-line data from {c.trial} in the second half of {year}.",
            f"{c.originator.name} plans to submit a marketing application to the FDA for {c.inn} by the end of {year}.",
            f"Data from the {c.trial} study are expected in {year}.",
            f"{c.originator.name} expects a regulatory decision in Japan later this year."))

    def _partner_terms(self) -> str:
        c, rng = self.c, self.rng
        return rng.choice((
            f"{c.partner} licensed exclusive worldwide rights to {c.code} from {c.originator.name} in {self.c.start.year}.",
            f"{c.partner} is developing {c.inn} under a collaboration agreement with {c.originator.name}.",
            f"{c.originator.name} is eligible to receive up to {_money(rng.choice(c.amounts) * 20)} in milestone payments "
            f"and royalties on net sales of {c.inn} under its agreement with {c.partner}."))

    def _quote(self) -> str:
        c, rng = self.c, self.rng
        who = rng.choice(("President and Chief Executive Officer", "Chief Medical Officer", "Head of Research and Development"))
        first, last = _syllables(rng, 1).capitalize(), _syllables(rng, 2).capitalize()
        return (f"\"{rng.choice(('This is an important milestone', 'We are encouraged by these results', 'We are pleased with this progress'))} "
                f"for patients with {c.indication} and for {c.originator.name},\" said {first} {last}, {who}. "
                f"\"We look forward to {rng.choice(('advancing the program', 'working with regulators', 'sharing further data'))}.\"")


def boilerplate(firm: Company, rng: random.Random) -> list[str]:
    return [
        f"About {firm.name}",
        f"{firm.name} is a clinical-stage biotechnology company headquartered in {firm.city[0].title()}, "
        f"{firm.city[1]}, with {rng.randint(2, 12)} programs in development. For more information, please visit "
        f"www.{re.sub(r'[^a-z]', '', firm.name.lower())}.com.",
        "Forward-Looking Statements",
        "This press release contains forward-looking statements within the meaning of the Private Securities "
        "Litigation Reform Act of 1995, including statements about the timing of clinical trials, regulatory "
        "submissions and approvals, and milestone and royalty payments. Actual results may differ materially from "
        "those indicated by such statements because of risks and uncertainties, including those described in the "
        "company's most recent Annual Report on Form 10-K filed with the Securities and Exchange Commission.",
        f"Contact: Investor Relations, +1 {rng.randint(200, 989)}-{rng.randint(200, 989)}-{rng.randint(1000, 9999)}",
    ]


def _fold_hash(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


def generate(out: Path, releases: int, seed: int = 7) -> list[tuple[str, date]]:
    """Write `releases` release files and a manifest to `out`; returns (file, published) pairs."""
    rng = random.Random(seed)
    firms = companies(rng, max(20, releases // 80))
    pool = compounds(rng, max(50, releases // 8), firms)
    by_firm: dict[str, list[Compound]] = {}
    for c in pool:
        by_firm.setdefault(c.originator.name, []).append(c)
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    written: list[tuple[str, date]] = []
    while len(written) < releases:
        c = rng.choice(pool)
        published = c.start + timedelta(days=rng.randint(0, (c.end - c.start).days))
        headline, paragraphs = Story(rng, c, published, by_firm[c.originator.name]).build()
        head = dateline(rng, c.originator, published)
        text = "\n\n".join([headline, head + paragraphs[0], *paragraphs[1:], *boilerplate(c.originator, rng)]) + "\n"
        digest = _fold_hash(text)
        if digest in seen:
            continue
        seen.add(digest)
        name = f"{len(written):06d}_{re.sub(r'[^a-z]+', '-', c.originator.name.lower()).strip('-')}.txt"
        (out / name).write_text(text, encoding="utf-8")
        written.append((name, published))
    manifest = "file,published\n" + "".join(f"{name},{day.isoformat()}\n" for name, day in written)
    (out / "manifest.csv").write_text(manifest, encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--releases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.releases, args.seed)
    print(f"wrote {args.releases} releases and manifest.csv to {args.out}")


if __name__ == "__main__":
    main()
