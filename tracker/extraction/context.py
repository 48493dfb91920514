"""A release read sentence by sentence: who each sentence is about, and what it names.

Subject attribution: a sentence is about the compound it names as its subject,
not the comparator it is measured against ("compared with Herceptin") nor the
antibody a conjugate is built from ("the trastuzumab antibody"). A sentence
that names none ("This event triggers ...", "It was licensed to ...") is about
the compound of the paragraph so far, else the release's main compound. A
product named only by description ("a Tamura biologic", "an undisclosed
target", "the first program") is undisclosed: its compound is None.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from tracker.dates import DATE_PATTERNS, PartialDate
from tracker.extraction.aliases import FORMULATION_OF, AliasStatement
from tracker.extraction.clauses import clause_around
from tracker.extraction.compound_names import BRAND_NAME_AFTER, BRAND_STATEMENT, Mention, key, stated_brand
from tracker.extraction.conferences import Conference, conferences_in
from tracker.extraction.parties import affiliations_in, issuer_in, listed_parties
from tracker.extraction.phases import phases_in
from tracker.extraction.release_names import ReleaseNames
from tracker.extraction.timing import TimeExpression, times_in
from tracker.reading.releases import ReleaseDocument
from tracker.reading.text import Sentence

_COMPARATOR_LEAD = re.compile(
    r"(?:compared (?:with|to)|versus|\bvs\.?|\bplus|in combination with|combined with|\bor with|\bthan|"
    r"previously received|previously treated with|(?:had|have|prior|previously)\s+received|refractory to|progressed on|regimen containing|"
    r"\bcontaining|after prior|following prior|\bor|(?i:biosimilar (?:to|of)|(?:same|identical) indications? as|reference (?:product|medicine|biologic)))"
    r"\s+(?:[\w-]+\s+){0,4}$")
#: A drug a trial compares its product with, told by the word "comparator" or "control": "a comparator arm of X", "versus two
#: comparators, X and Y", "the active comparator X"; "an X control arm", "X as (the) active comparator".
_COMPARATOR_WORD_BEFORE = re.compile(r"\bcomparators?(?:\s+(?:arms?|drugs?|agents?|products?|regimens?|groups?))?(?:\s+(?:of|with|containing|receiving))?"
                                     r"(?:,\s+|\s+|\s*\(\s*)(?:(?:such as|including|namely)\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_COMPARATOR_WORD_AFTER = re.compile(r"^[®™]?(?:\s+(?:active|positive|reference))?\s+(?:control|comparator)\s+(?:arms?|groups?)\b"
                                    r"|^[®™]?,?\s+as\s+(?:an?\s+|the\s+)?(?:active\s+)?(?:comparator|control)\b", re.I)
_COMPONENT_AFTER = re.compile(r"^[®™]?\s+(?:antibody|antibodies|monoclonal antibody|backbone|mAb)\b")
_COMPONENT_BEFORE = re.compile(r"\bantibody,\s+$|\b(?:the|its|an?)\s+antibody\s+$")
_UNDISCLOSED = re.compile(
    r"\bundisclosed\b|(?<!\bor\s)(?<!\bto\s)(?<!\bfailed\s)(?<!\bwith\s)\b(?:a|an|the|one|first|second|third|fourth|fifth)\s+(?:[A-Z][\w-]*\s+)?(?:proprietary\s+)?"
    r"biologics?\b(?!\s+(?:[Ll]icense|agents?|therap\w+|treatments?|DMARDs?)|-)"
    r"|\b(?:the|this) first (?:program|candidate|product candidate|target)\b|\b[Tt]his (?:first )?(?:candidate|biologic)\b")
_BOILERPLATE_START = re.compile(r"forward-looking statements|safe harbor|Private Securities Litigation|^SOURCE\b|^Source:|^For (?:Investors|Media)", re.I)
_BOILERPLATE_SENTENCE = re.compile(r"registered trademarks?|trademarks? of\b|\brisks? (?:and uncertainties|related to)", re.I)
#: A section title opening the background a release closes with: "About Velmora", "ABOUT ORSOLO BIO", "Notes to editors".
_BACKGROUND_HEADING = re.compile(r"^(?:#+\s*|\*\*)?(?:About|ABOUT)\s+\S|^(?:Notes? to [Ee]ditors|NOTES? TO EDITORS|Background)\b")
#: How a section title may end that a sentence's test would take for a full stop: "About Orsolo Bio, Inc.", "About velotamab:".
_TITLE_END = re.compile(r"\b(?:Inc|Ltd|Co|Corp|plc|AG|SA|S\.A|N\.V|LLC)\.?\s*$|:\s*$")
_THIS_TRIAL = re.compile(r"\b(?:this|the|that|these)\s+(?:[\w-]+\s+){0,4}(?:study|trial|studies|trials)\b", re.I)
_PERIOD_CONTEXT = re.compile(r"\b(?:results|report|quarter ended|months ended|period ended)\b", re.I)


@dataclass
class SentenceView:
    """One sentence with what the reading found in it."""

    index: int
    sentence: Sentence
    segment: str
    """The words of the sentence this view reads: all of them, or one bullet of a run the splitter joined."""
    mentions: list[Mention]
    roles: list[str]
    subject: str | None = None
    named: bool = False
    """True when the subject is named in this sentence (not carried from an earlier one)."""
    carried: str = "named"
    """Where the subject came from: "named" here, the "paragraph" so far, or the "release" as a whole."""
    undisclosed: bool = False
    boilerplate: bool = False
    background: bool = False
    """True in a background section ("About Velmora" to the end of the release, once some prose came before)."""
    trials: list[tuple[int, str]] = field(default_factory=list)
    published: date | None = None
    period: PartialDate | None = None
    """The release's date and reporting period, which its time expressions are read against."""
    lead_in: str = ""
    """The words of the sentence before, when a hard line wrap split one sentence in two ("... the European
    Medicines" / "Agency (EMEA), has adopted ..."): where a regulator or a trial named there may stand."""

    @property
    def text(self) -> str:
        return self.segment

    @cached_property
    def times(self) -> list[TimeExpression]:
        """The sentence's time expressions, read when a rule first asks (none reads the closing credits')."""
        return times_in(self.segment, self.published, self.period) if self.published is not None else []

    @cached_property
    def dateline_end(self) -> int:
        """Where the words after a dateline start ("VICTORIA, Canada I September 19, 2022 I Orsolo ..."): the
        place a dateline names is where the release was issued, not what it is about. 0 without a dateline."""
        head = self.text[:200]
        for pattern in DATE_PATTERNS:
            match = pattern.search(head)
            if match and not _PROSE_BEFORE_DATE.search(head[:match.start()]):
                separator = re.match(r"\s*(?:[-–—|I/]+|\([^()]{0,30}\))*\s*", head[match.end():])
                return match.end() + (separator.end() if separator else 0)
        return 0

    @property
    def is_heading(self) -> bool:
        return not re.search(r"[.!?:;\"')]\s*$", self.text)

    def subjects(self) -> list[tuple[Mention, str]]:
        """The mentions that may be this sentence's subject (no comparators, no components), in order."""
        return [(m, role) for m, role in zip(self.mentions, self.roles) if role == "subject"]


_FORM_OF_PREVIOUS = re.compile(FORMULATION_OF)


def _same_clause(before: str) -> str:
    """The words before a mention back to the last comma or opening parenthesis (unless it opens right there)."""
    if "(" in before[-3:]:
        return before
    return before.split(",")[-1].split("(")[-1]


def _roles(text: str, mentions: list[Mention]) -> list[str]:
    """What each mention is in its sentence: "subject", "comparator", "component" or "alias"."""
    roles: list[str] = []
    for index, mention in enumerate(mentions):
        before, after = text[max(0, mention.start - 48):mention.start], text[mention.end:mention.end + 32]
        previous = mentions[index - 1] if index else None
        if re.search(r"\b(?:brand|trade|proprietary) name,?\s+$|\b(?:marketed|sold|commerciali[sz]ed|launched|market|sell)\s+(?:it\s+|them\s+)?as\s+$", before) \
                or re.search(r"\bunder\s+the\s+$", before) and BRAND_NAME_AFTER.match(after):
            roles.append("alias")  # "will be commercialized under the brand name X", "under the X brand name": X names the subject
        elif previous is not None and re.fullmatch(r"[®™]?\s?\((?:[^()]*?,\s*|[^()]*?\bor\s+|formerly\s+|previously known as\s+)?", text[previous.end:mention.start]):
            roles.append(roles[-1])  # an alias in parentheses shares its name's role
        elif previous is not None and _FORM_OF_PREVIOUS.fullmatch(text[previous.end:mention.start]):
            roles.append(roles[-1])  # "Velora, a vaginal tablet containing 25mg of X": X is what Velora is
        elif previous is not None and roles[-1] == "comparator" and re.fullmatch(r"[®™]?(?:\s?\([^()]*\))?,?\s+(?:and|or)\s+", text[previous.end:mention.start]):
            roles.append("comparator")  # "in combination with pomalidomide (Pom) and velamethasone": the list goes on
        elif _COMPARATOR_LEAD.search(_same_clause(before)) or _COMPARATOR_WORD_BEFORE.search(before) or _COMPARATOR_WORD_AFTER.match(after):
            roles.append("comparator")
        elif _COMPONENT_AFTER.match(after) or _COMPONENT_BEFORE.search(before):
            roles.append("component")
        else:
            roles.append("subject")
    return roles


#: A lower-case word of prose (not "and", a month or a wire's name): no dateline stands before it.
_PROSE_BEFORE_DATE = re.compile(r"(?<![\w.])(?!and\b|on\b)[a-z]{3,}\b")
_BULLET_RUN = re.compile(r"\s*\|?\s*[\u25cf\u2022\u25aa]\s*\|?\s*")
_UNMARKED_BREAK = re.compile(r"(?<=[a-z0-9%)])\s+(?=[\"\u201c][A-Z])")


#: Trademark signs as web pages render them: "BRAND^®", "BRAND[®]", "BRAND(® )", "BRANDTM", "BRAND TM".
_MARK_DEBRIS = re.compile(r"\s?\^([®™])|\[([®™])\]|\(([®™])\s?\)|(?<=[A-Z]{3})\s?(TM)\b")


def segments(text: str) -> list[str]:
    """The statements of a sentence the splitter could not separate: bullets run together in a table
    ("|● |A |● |B"), or a quotation opening after a line with no full stop. Rules read them with trademark
    signs in one form (the quote a fact keeps is the sentence as written)."""
    # each pattern is tried only where the characters each of its matches holds stand (most sentences hold none)
    if "®" in text or "™" in text or "TM" in text:
        text = _MARK_DEBRIS.sub(lambda m: m.group(1) or m.group(2) or m.group(3) or "™", text)
    pieces = _BULLET_RUN.split(text) if "\u25cf" in text or "\u2022" in text or "\u25aa" in text else [text]
    parts = [part for piece in pieces for part in (_UNMARKED_BREAK.split(piece) if '"' in piece or "\u201c" in piece else [piece])]
    return [part.strip() for part in parts if part.strip()] or [text]


#: A semicolon between two statements of a list ("A completed enrollment in a study of X; the MAA for Y was accepted"),
#: not before the next item of a list of terms ("; and royalties", "; (ii) up to $15 million"); a contrast with a subject of
#: its own (", while B failed to ..."), not a participle of the same one (", while also extending ...").
_STATEMENT_BREAK = re.compile(r";\s+(?!and\b|or\b|plus\b|\(?[ivx]{1,4}\)|\(?[a-h]\))|,\s+(?:while|whereas)\s+(?!(?:also\s+|still\s+)?[a-z]+ing\b)(?=[A-Za-z])")


def statements(text: str) -> list[str]:
    """The statements a semicolon or a contrast (", while", ", whereas") joins into one sentence, each long enough to
    say something of its own (none split inside a parenthesis): each is read as a sentence of its own, its quote the
    whole sentence."""
    if ";" not in text and "while" not in text and "whereas" not in text:
        return [text]
    pieces, start, depth = [], 0, 0
    for index, char in enumerate(text):
        depth += (char in "([") - (char in ")]")
        if char in ";," and depth <= 0 and index >= start and (found := _STATEMENT_BREAK.match(text, index)):
            pieces.append(text[start:index])
            start = found.end()
    pieces.append(text[start:])
    if len(pieces) < 2 or any(len(piece.strip()) < 40 for piece in pieces):
        return [text]
    return pieces


class ReleaseContext:
    """A release read for extraction: its sentences, names, subjects, issuer and reporting period."""

    def __init__(self, document: ReleaseDocument):
        self.document = document
        self.published = document.published
        segmented = [(sentence, segment) for sentence in document.sentences for segment in segments(sentence.text)]
        pieces = [(sentence, statement) for sentence, segment in segmented for statement in statements(segment)]
        texts = [segment for _, segment in pieces]
        whole = [segment for _, segment in segmented]
        self.issuer = issuer_in(whole)
        self.names = ReleaseNames(texts, listed_parties(texts) | ({self.issuer} if self.issuer else set()))
        self.period = self._reporting_period(whole)
        self.affiliations = affiliations_in(texts)
        self.views: list[SentenceView] = []
        in_boilerplate = in_background = False
        prose = 0
        for index, (sentence, segment) in enumerate(pieces):
            start = _BOILERPLATE_START.search(segment)
            if start and re.match(r"source\b", start.group(0), re.I) and not prose:
                start = None  # "SOURCE: Orsolo Bio" above the headline is a wire's header, not the closing credits
            in_boilerplate = in_boilerplate or bool(start)
            mentions = self.names.mentions_by_sentence[index]
            view = SentenceView(index, sentence, segment, mentions, _roles(segment, mentions))
            view.boilerplate = in_boilerplate or bool(_BOILERPLATE_SENTENCE.search(segment))
            if len(segment) < 100 and _BACKGROUND_HEADING.match(segment) and (view.is_heading or _TITLE_END.search(segment)):
                in_background = in_background or prose >= 2  # "About Us" in a page's menu, above the news, is no section
            elif not view.is_heading:
                prose += 1
            view.background = in_background
            view.trials = self._trials(segment)
            view.published, view.period = self.published, self.period
            previous = self.views[-1] if self.views else None
            if previous is not None and previous.sentence.block == sentence.block and re.search(r"[\w,]\s*$", previous.text) \
                    and re.match(r"[a-z(]|[A-Z][a-z]+\s+\(", segment):
                view.lead_in = previous.text
            self.views.append(view)
        self.main_compound = self._main_compound()
        self._attribute_subjects()
        if self._join_headline_brand() + self._join_stated_brands():
            self.main_compound = self._main_compound()
            self._attribute_subjects()

    def _join_headline_brand(self) -> int:
        """A headline names the product by its brand and the first paragraph reports on it by its INN or code
        ("FDA Approves VELMORA for Gout" / "... the FDA approved trazimab for adults with gout"), the release
        tying the two together nowhere: they are one compound. Only where each names one compound, and of
        kinds the other's names lack."""
        first_prose = next((view for view in self.views if not view.is_heading and not view.boilerplate), None)
        if first_prose is None:
            return 0
        headline = [view for view in self.views[:first_prose.index] if not view.boilerplate]
        in_headline = {self.name(m.written) for view in headline for m, _ in view.subjects()}
        lead = [view for view in self.views if view.sentence.block == first_prose.sentence.block and not view.is_heading]
        naming = next((view for view in lead[:2] if view.subjects()), None)
        in_lead = {self.name(m.written) for m, _ in naming.subjects()} if naming is not None else set()
        if len(in_headline) != 1 or len(in_lead) != 1 or in_headline == in_lead:
            return 0
        (brand,), (inn,) = in_headline, in_lead
        brand_kinds, inn_kinds = self.names.kinds_in_group(brand), self.names.kinds_in_group(inn)
        if brand_kinds != {"brand"}:
            brand, inn, brand_kinds, inn_kinds = inn, brand, inn_kinds, brand_kinds
        if brand_kinds != {"brand"} or "brand" in inn_kinds or not inn_kinds:
            return 0
        self.names.join_stated(first_prose.index, AliasStatement(inn, brand, "brand", 0))
        return 1

    def _join_stated_brands(self) -> int:
        """ "If approved, the medicine will be commercialized under the brand name VELMORA": a brand stated in a
        sentence that names no other compound is the brand of the compound the sentence is about."""
        joined = 0
        stated = {(index, key(statement.alias)) for index, statement in self.names.statements}
        for view in self.views:
            if view.boilerplate or view.subject is None or "name" not in view.text and " as " not in view.text:
                continue
            match = BRAND_STATEMENT.search(view.text)
            if not match:
                continue
            brand = stated_brand(match)
            if (view.index, key(brand)) in stated or self.names.same(brand, view.subject) or self.names.kinds_in_group(brand) != {"brand"} \
                    or "brand" in self.names.kinds_in_group(view.subject):
                continue
            self.names.join_stated(view.index, AliasStatement(view.subject, brand, "brand", match.start()))
            joined += 1
        return joined

    def name(self, written: str) -> str:
        return self.names.name_of(written)

    def group_of(self, party: str) -> str:
        """The corporate group the release says `party` belongs to, else the party itself."""
        return self.affiliations.get(party, party)

    def _trials(self, text: str) -> list[tuple[int, str]]:
        return self.names.trial_spans(text)

    def _reporting_period(self, texts: list[str]) -> PartialDate | None:
        for text in texts[:12]:
            if _PERIOD_CONTEXT.search(text) and re.search(r"quarter|months|half|fiscal year", text, re.I):
                for expression in times_in(text, self.published):
                    if re.search(r"-(?:Q|H)\d$", expression.occurred.text):
                        return expression.occurred
        return None

    def _main_compound(self) -> str | None:
        """The compound the release is about: the one named most often in its news, then in all of it (the
        background sections count only to break ties: an "About" section naming the issuer's lead product three
        times does not make a licence of another product about it), named at least twice."""
        counts: Counter[str] = Counter()
        in_news: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        for view in self.views:
            if view.boilerplate:
                continue
            for mention, _ in view.subjects():
                name = self.name(mention.written)
                counts[name] += 1
                in_news[name] += not view.background
                first_seen.setdefault(name, view.index)
        ranked = sorted(counts, key=lambda name: (-in_news[name], -counts[name], first_seen[name]))
        return ranked[0] if ranked and counts[ranked[0]] >= 2 else None

    def _trial_compounds(self) -> dict[str, str]:
        """Each trial the release names with one compound and no other in the clause that names it ("the Phase 3 RIVET
        trial of velotamab"): its compound. A trial named with two compounds, in one clause or in two, is left out."""
        found: dict[str, set[str]] = {}
        for view in self.views:
            if view.boilerplate or not view.trials:
                continue
            for start, trial in view.trials:
                left, right = clause_around(view.text, start, start + len(trial))
                named = {self.name(m.written) for m, _ in view.subjects() if left <= m.start < right}
                if len(named) == 1:
                    found.setdefault(trial, set()).update(named)
                elif named:
                    found.setdefault(trial, set()).update(named | {""})
        return {trial: next(iter(names)) for trial, names in found.items() if len(names) == 1}

    def _attribute_subjects(self) -> None:
        last_in_block: dict[int, SentenceView] = {}
        of_trial = self.trial_compounds = self._trial_compounds()
        for view in self.views:
            subjects = view.subjects()
            lowered = view.text.lower()
            view.undisclosed = ("undisclosed" in lowered or "biologic" in lowered or "first" in lowered or "candidate" in lowered) \
                and bool(_UNDISCLOSED.search(view.text))
            if view.undisclosed:
                view.subject, view.named = None, True
            elif subjects:
                view.subject, view.named = self.name(subjects[0][0].written), True
            elif view.trials and view.trials[0][1] in of_trial:
                # "data from RIVET are expected in 2020": a sentence naming a trial and no compound is about the trial's
                view.subject, view.carried = of_trial[view.trials[0][1]], "paragraph"
            else:
                earlier = last_in_block.get(view.sentence.block)
                view.subject = earlier.subject if earlier is not None else self.main_compound
                view.carried = "paragraph" if earlier is not None else "release"
            if view.named:
                last_in_block[view.sentence.block] = view

    @cached_property
    def first_conference(self) -> Conference | None:
        """The meeting a release is about, for abstracts listed without naming it again."""
        for view in self.views:
            found = conferences_in(view.text)
            if found:
                return found[0]
        return None

    def trial_of(self, view: SentenceView) -> str | None:
        """The trial a sentence is about: one it names, else the one "this study" refers back to."""
        if view.trials:
            return view.trials[0][1]
        if not _THIS_TRIAL.search(view.text):
            return None
        for earlier in reversed(self.views[max(0, view.index - 8):view.index]):
            if earlier.trials and earlier.sentence.block >= view.sentence.block - 2:
                return earlier.trials[-1][1]
        return None

    @cached_property
    def only_trial(self) -> str | None:
        """The trial a release is about when it names one trial and no other."""
        names = {name for view in self.views if not view.boilerplate for _, name in view.trials}
        return next(iter(names)) if len(names) == 1 else None

    def phase_of_trial(self, trial: str) -> str | None:
        """The phase the release gives a trial anywhere ("the Phase III MARIANNE study", "EMILIA Phase III trial")."""
        for view in self.views:
            for start, name in view.trials:
                if name != trial:
                    continue
                around = view.text[max(0, start - 25):start + len(name) + 25]
                mentions = phases_in(around)
                if mentions:
                    return mentions[0].phase
        return None

    def compounds_near(self, view: SentenceView, start: int, end: int, after: bool) -> list[str]:
        """The compounds a cue at `start..end` is about.

        With `after`, the first subject named after the cue and those listed with
        it ("A and B"); else the last named before it, with those listed before it.
        Falls back to the sentence's subject.
        """
        candidates = [m for m, _ in view.subjects()]
        text = view.text
        if after:
            following = [m for m in candidates if m.start >= end]
            chosen = following[:1]
            for mention in following[1:]:
                if re.fullmatch(r"[®™]?(?:\s?\([^()]*\))?(?:,\s*|\s+and\s+|,\s+and\s+)", text[chosen[-1].end:mention.start]):
                    chosen.append(mention)
                else:
                    break
        else:
            preceding = [m for m in candidates if m.end <= start]
            chosen = preceding[-1:]
            for mention in reversed(preceding[:-1]):
                if re.fullmatch(r"[®™]?(?:\s?\([^()]*\))?(?:,\s*|\s+and\s+|,\s+and\s+)", text[mention.end:chosen[0].start]):
                    chosen.insert(0, mention)
                else:
                    break
        names = []
        for mention in chosen:
            name = self.name(mention.written)
            if name not in names:
                names.append(name)
        return names
