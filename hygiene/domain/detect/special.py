"""Special categories (GDPR art. 9 and 10) in one text part: keywords scored by what surrounds them.

A keyword alone rarely makes a message sensitive: "ADHD" in a newsletter is a topic, "sønnen vår Iver har fått
diagnosen ADHD" is a person's health. Each keyword starts from its tier's base confidence (strong, weak,
medication) and then

* gains from person cues in a window around it: first-person words, family and role nouns, third-person pronouns,
  a linking verb just before it ("har fått", "lider av"), a copula right before an identity word ("vi er
  muslimer"), "du" in a message that greets a named person, a name, an identity number in the same part or message
  (cues in another sentence count half; "we", "he/she", link verbs and "you" together count at most
  ``support_cap``);
* loses from generic cues nearby (policy, newsletter, course, statistics words), from a topical preposition right
  before it ("kurs om diabetes"), from directives anywhere in the part ("ikke send ... på e-post"), and when
  keywords of three or more categories stand close together without a person (a list of the GDPR categories);
  part-wide penalties weigh half against a keyword with a specific person right next to it (a quoted policy footer
  under a disclosure);
* is not looked at in signature blocks (after "Hilsen", or short lines with a phone number or web address).

ICD-10 codes (F90.0, J45) and ICPC-2 codes (P81) count only next to a health keyword or the words ICD/ICPC.
Health only: a keyword on a form's label-value line ("Diagnose: ...", "Sykmeldingsgrad: 50 %") counts as a specific
person (the form's subject), a dose nearby ("20 mg") as a link, and a strong phrase in a subject line gains a little.
Everything here is pure and linear in the text length (automata, bounded windows, bounded regexes).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from hygiene.domain.detect.forms import FormIndex
from hygiene.domain.detect.keywords import Hit, fold
from hygiene.domain.detect.names import FIRST_NAMES
from hygiene.domain.detect.ruleset import ATTRIBUTED, PERSON_CUES, Cue, Rules, Term
from hygiene.domain.verdict import Finding

# An ICD-10 / ICPC-2 code: a capital letter, two digits, optionally a dot and one or two digits; not inside a longer
# token (E18 in "E18-tunnelen" still matches: codes are kept only next to a health word).
_CODE = regex.compile(r"(?<![\p{L}\p{N}.,/_-])[A-Z][0-9]{2}(?:\.[0-9]{1,2})?(?![\p{L}\p{N}]|[.,][0-9])")
_CODE_WORDS = ("icd", "icpc", "diagnosekode", "diagnoskod", "diagnosis code")
# A capitalised word in the middle of a sentence: after a lower-case letter or a comma and one space.
_NAME = regex.compile(r"(?<=[\p{Ll},] )\p{Lu}\p{Ll}{2,20}(?![\p{L}])")
# A capitalised word that may be a first name (checked against FIRST_NAMES), and the words right after and before it.
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}_-])\p{Lu}\p{Ll}{1,14}(?![\p{L}\p{N}_])")
_NEXT_WORD = regex.compile(r"(?<![ \t,])[ \t]{0,3},?[ \t]{0,3}(\p{L}{1,30}(?:'\p{L}{1,3})?)")
_PREVIOUS_WORD = regex.compile(r"(?<!\p{L})(\p{L}{1,30})[ \t]{0,3},?[ \t]{0,3}$")
# A first name is a person when it is the subject of a verb ("Noah har lige fået ...", "Tom has type 1 diabetes",
# "Emil, som har ...") or stands in the subject slot right after a verb (Nordic word order: "I dag er Henrik sjuk");
# after a relation or role word ("vår dotter Ebba", "eleven Jonas", "my partner Daniel") the cue automaton decides.
_VERB_AFTER_NAME = frozenset(
    """har hadde hade havde hev er var är ble blei blev vart vert blir bliver fikk fekk fick fik fått lider lid
    sliter slit kämpar kæmper brakk braut bröt brækkede falt datt föll faldt skal ska må måtte måste trenger treng
    behöver behøver tar tek tager går bruker brukar använder bruger ligger ligg begynner byrjar börjar begynder
    tåler tål kan kommer kjem kom startet starta startade startede som has had is was got gets suffers broke fell
    needs takes uses will can cannot can't started who isn't wasn't""".split()
)
_VERB_BEFORE_NAME = frozenset(
    """er har var ble blei blev vart vert blir bliver är hade havde hadde fikk fekk fick fik skal ska må måste
    kommer kjem ligger ligg""".split()
)
_NAME_LOOKBEHIND = 30  # characters before a name searched for the word in front of it


# A full name (two capitalised words) at the start of a line or a table cell.
_FULL_NAME = regex.compile(
    r"(?:^|(?<=[\t;|]|[:,] ))[ \t]*\p{Lu}\p{Ll}{1,20} \p{Lu}\p{Ll}{1,20}(?:-\p{Lu}\p{Ll}{1,20})?(?=[\t;|,.]|$)",
    regex.MULTILINE,
)
# A closing salutation on a line of its own: the short lines after it are a signature (name, title, workplace),
# where words such as "fastlege" or "partner office" describe the sender's job, not anyone's health.
_CLOSING = regex.compile(
    r"^[ \t>]*(?P<closing>med vennlig hilsen|vennlig hilsen|venleg helsing|med venleg helsing|beste hilsen|mvh|"
    r"hilsen|helsing|"
    r"med vänlig hälsning|med vänliga hälsningar|vänliga hälsningar|vänlig hälsning|hälsningar|hälsning|mvh|"
    r"med venlig hilsen|venlig hilsen|de bedste hilsner|kind regards|best regards|warm regards|regards|"
    r"best wishes|yours sincerely|sincerely|cheers)\b[^\n]{0,40}$",
    regex.MULTILINE | regex.IGNORECASE,
)
# A paragraph of short lines with a web address, e-mail address or phone number is a contact block (signature).
_CONTACT = regex.compile(r"www\.|https?://|\S@\S|\b(?:tlf|tel|telefon|phone|mobil|mob)\b|\+\d{2} ?\d", regex.IGNORECASE)
_PARAGRAPH_BREAK = regex.compile(r"\n[ \t\r]*\n")
_SIGNATURE_LINES = 8
_SIGNATURE_LINE_CHARS = 60
_MIN_REPORT = 0.1
_FULL_NAME_IN_LINE = regex.compile(r"(?<![\p{L}\p{N}_-])(\p{Lu}\p{Ll}{1,14}) \p{Lu}\p{Ll}{1,20}(?![\p{L}\p{N}_])")
_SUBJECT_CHARS = 300  # a subject line longer than this is read only this far for a name
_PERSONAL_HEAD = 800  # characters of a body read to decide whether it is a personal message
# Capitalised words that open a greeting or a closing line: "Hei Kari", "Hilsen Kari" are not a full name.
_NOT_FIRST_NAMES = frozenset(
    """hei hej hejsan hallo hallå heisann hi hey hello dear kjære kære kära käre hilsen helsing hälsning hälsningar
    hilsner regards cheers thanks takk tack tak mvh vennlig venleg vänlig vänliga venlig kind best warm med beste
    god""".split()
)
# A greeting that names the addressee ("Hej Lisa,", "Dear Ms Evans,"): "you" in the message is then that person.
_GREETING = regex.compile(
    r"^[ \t]*(?i:hei|hej|hejsan|hallo|hallå|heisann|hei hei|kjære|kære|kära|käre|god morgen|godmorgen|goddag|"
    r"dear|hi|hey|hello|good morning)[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?\p{Lu}\p{Ll}+",
    regex.MULTILINE,
)
# The end of a sentence: a full stop, ! or ? before a capital letter, or a blank line. A person cue in another
# sentence than the keyword counts half ("Jeg har lagt ved referatet. Vi diskuterte sykehjemmet.").
_SENTENCE_END = regex.compile(r"[.!?][\s\"')]+(?=\p{Lu})|\n[ \t\r]*\n")
_CLAUSE_BREAK = regex.compile(r"[.,:;!?\n]")  # between a conditional and the keyword: another clause
_SUPPORT = frozenset({"we", "third", "link", "you"})  # cues that support a person but do not name one
# Identity categories, and the person cues that name one person: a quantifier earlier in the keyword's sentence with
# none of these makes the identity word about a group ("mange muslimske elever faster", "de fleste ansatte er
# organisert i Fagforbundet"), not about an identifiable person.
_IDENTITY = frozenset({"religion", "ethnicity", "politics", "union", "sexual_orientation", "criminal"})
_SINGULAR = frozenset({"self", "third", "relation", "role"})
# Health only. A label-value line of a form ("Diagnose: F32.1", "Sykmeldingsgrad: 50 %", "Medication: insulin") is
# about the person the form is about, named or not: a health keyword on such a line (the label or its value, which
# may start on the next line) counts as a specific person. A placeholder value ("ikke oppgitt", "n/a", "oppgi i
# prosent") does not, nor a heading followed by prose (a value longer than 80 characters: a policy's "Medication: ...").
_FORM_LABEL = regex.compile(
    r"^[ \t>*|-]*(?i:(?:hoved|bi|huvud)?diagnos(?:e|er|ar|is|es)?|diagnosekode|diagnoskod|diagnosis code|icd-?10|"
    r"icpc-?2?|sykmeldingsgrad|sjukmeldingsgrad|sygemeldingsgrad|sjukskrivningsgrad|sykmelding(?:speriode)?|"
    r"sjukmelding|sygemelding|sjukskrivning(?:speriod)?|sykmeldt|sjukmeld|sygemeldt|sjukskriven|"
    r"grad av sykmelding|uføregrad|arbeidsuførhet|arbetsförmåga|arbejdsevne|fitness for work|sick leave|"
    r"medisiner|medisinar|medisinering|faste medisiner|legemidler|legemiddel|medikamenter|mediciner|medicin|"
    r"medicinering|läkemedel|medication|medications|current medication|medicines|allergier|allergies|allergi|"
    r"sykdom|sjukdom|sygdom|sykdommer|condition|medical condition|medical history|sykehistorie|sjukhistorik|"
    r"symptomer|symptom|symtom|symptoms|funksjonsnedsettelse|funktionsnedsättning|funktionsnedsættelse|"
    r"disability|behandling|treatment|behandlende lege|prognose|prognos|prognosis|epikrise|epikris|"
    r"innleggelsesårsak|innlagt|inlagd|indlagt|admitted|helsetilstand|hälsotillstånd|helbredstilstand|"
    r"helseopplysninger|helseopplysningar|hälsouppgifter|helbredsoplysninger|health information)"
    r"[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*:[ \t]*(?:\n[ \t]*(?![^\n]{0,40}:))?"
    r"(?!(?i:ikke oppgitt|ikkje oppgitt|ikke relevant|ingen|inga|ingen kjente|nei|ej|nej|none|no|n/a|"
    r"not applicable|not stated|fylles ut|fyll inn|fylls i|udfyldes|skal ikke|skal ikkje|ska inte|should not|"
    r"must not|do not|oppgi|oppgje|angi|ange|angiv|skriv|fyll|state|enter|specify|insert|ja|nei|yes|"
    r"ja/nei|yes/no|se vedlegg|see attached)(?![\p{L}])|0[ \t]*%|0(?![\p{N}]))"
    r"(?=[\p{L}\p{N}])[^\n]{1,80}$",
    regex.MULTILINE,
)
# A dose next to a health word ("tar 20 mg Cipramil", "insulin 10 enheter"): someone's regimen, not a topic.
_DOSE = regex.compile(
    r"(?<![\p{L}\p{N}])\d{1,4}(?:[.,]\d{1,2})?[ \u00a0]?(?i:mg|mikrogram|mcg|µg|μg|mmol|ie|iu|enheter|einingar|"
    r"enheder|enheter|units|tabletter|tablettar|tablets|doser|doses)(?![\p{L}\p{N}])"
)
_DOSE_REACH = 40  # characters between a dose and the health word it supports
# A workplace or purchasing frame right before a health word: someone's job or an order, not their health
# ("jobbar på vårdcentralen", "jeg jobber som jordmor på sykehuset", "I work in A&E", "bestilt Paracet til
# førstehjelpsskrinet"). Weak and medication words only: a strong phrase states someone's health whatever precedes
# it. Weighs like a topical preposition plus a generic word.
_WORKPLACE = regex.compile(
    r"(?i:\b(?:(?:jobb(?:er|ar|a|et|at)?|arbeid(?:er|ar|a)|arbetar|arbetat|arbejder|arbejdet|(?<!off )works?|"
    r"worked|working|employed|ansatt|anställd|ansat|tilsett|vikarierer|vikarierar|praksis|praktik|placement|leder|leiar|"
    r"chef|volunteer|frivillig|vakt|vakter|nattevakt|dagvakt|kveldsvakt|jour|vagt|vagter|nattevagt|on call|shift|"
    r"shifts|turnus|vikariat|stilling|tjänst|job|post|role)"
    r"[ \t]+(?:(?:som|på|ved|i|hos|hjå|vid|for|för|as|at|in|on|with|inom|innen|indenfor)[ \t]+){1,2}"
    r"|(?:manage[sd]?|managing|run|runs|ran|own|owns|driver|driv|driftar|äger|ejer|leder|bestilt|bestilte|"
    r"bestiller|bestillingen av|bestilling av|beställt|beställde|beställer|beställning av|ordered|ordering|"
    r"order|kjøpt|kjøpte|kjøper|købt|købte|køber|köpt|köpte|köper|bought|buying|innkjøp av|indkøb af|"
    r"inköp av|purchased|restocked|stocked)[ \t]+)"
    r"(?:(?:en|ei|et|ein|eit|ett|a|an|the)[ \t]+)?"
    r"(?:\p{L}+[ \t]+){0,2}"
    r"|\b(?:er|är|is|am|'m|ble|blei|blev|vart|begynt som|starta som|började som|startet som|started as)[ \t]+"
    r"(?:en[ \t]+|ein[ \t]+|a[ \t]+|the[ \t]+)?(?:ny|nye|nytilsett|nyansatt|nyansat|nyanställd|new)[ \t]+)$"
)
_WORKPLACE_LOOKBACK = 60
# A teaching or speaking frame right before a health word: a subject taught or presented ("kurs i ultralyd av
# hjertet", "innlegg om svangerskapsdiabetes", "a talk on gestational diabetes"). Any tier; weighs like a topical
# preposition plus a generic word.
_COURSE = regex.compile(
    r"(?i:\b(?:kurs|kurset|kursus|kursen|opplæring|opplæringa|utbildning|uddannelse|undervisning|videreutdanning|"
    r"fagdag|fagdagen|temadag|innlegg|foredrag|föredrag|föreläsning|forelesning|presentasjon|presentation|"
    r"webinar|webinaret|seminar|course|training|talk|lecture|session|workshop|module)"
    r"[ \t]+(?:i|om|på|on|in|about|kring|rundt|omkring|inom|innen|innan)[ \t]+(?:\p{L}+[ \t]+){0,2})$"
)
# The subject line of a personal message is about its writer or the person it concerns ("Sykmeldt i dag",
# "Innlagt på sykehus"): a strong health phrase there gains a little, not enough against any generic word.
_SUBJECT_BONUS = 0.1


@dataclass(frozen=True, slots=True)
class _Scored:
    category: str
    kind: str
    start: int
    end: int
    confidence: float


def find_special(
    text: str,
    where: str,
    rules: Rules,
    language: str | None,
    *,
    identifier_here: bool = False,
    identifier_in_message: bool = False,
    personal_message: float = 0.0,
    named_in_subject: float = 0.0,
) -> list[Finding]:
    """Special-category findings in one part. ``identifier_here``/``_in_message``: a national ID was found in this
    part / elsewhere in the message (evidence that the text is about a person). ``personal_message``: a bonus for
    every keyword (the subject of a personal message); ``named_in_subject``: a bonus for keywords that already have
    a specific person next to them ("han har epilepsi" under the subject "Ang. Erik Lund")."""
    if not text:
        return []
    folded = fold(text)
    hits = _keyword_hits(text, folded, rules, language)
    codes = _code_hits(text, folded, hits) if rules.enabled("health") else []
    if not hits and not codes:
        return []
    signature = _signature_spans(text)
    if signature:
        hits = [hit for hit in hits if not _inside(signature, hit.start)]
        codes = [code for code in codes if not _inside(signature, code[0])]
        if not hits and not codes:
            return []
    context = _Context(text, folded, rules, language, hits, codes)
    scoring = rules.scoring
    person_bonus = scoring.identifier if identifier_here else scoring.identifier_message if identifier_in_message else 0
    person_bonus += personal_message  # the subject of a personal message (`body_cues` of its body)
    raw: list[tuple[str, str, str, int, int, float, bool]] = []
    for hit in hits:
        term: Term = hit.payload  # type: ignore[assignment]
        base = getattr(scoring, "weak" if term.tier == "medication" else term.tier)
        if where == "subject" and term.category == "health" and term.tier == "strong":
            base += _SUBJECT_BONUS
        kind = "health_medication" if term.tier == "medication" else f"{term.category}_term"
        confidence, personal = context.confidence(
            term.category, base, hit.start, hit.end, person_bonus, topic_word=term.tier != "strong"
        )
        if personal and named_in_subject:
            confidence, personal = context.confidence(
                term.category,
                base,
                hit.start,
                hit.end,
                person_bonus + named_in_subject,
                topic_word=term.tier != "strong",
            )
        raw.append((term.category, kind, term.pattern.text, hit.start, hit.end, confidence, personal))
    for start, end, kind in codes:
        confidence, personal = context.confidence("health", scoring.code, start, end, person_bonus)
        raw.append(("health", kind, text[start:end], start, end, confidence, personal))
    # Several different keywords of one category, each next to a person (a table of names and diagnoses, a
    # medical certificate): together they say more than each alone.
    distinct: dict[str, set[str]] = {}
    for category, _, key, _, _, _, personal in raw:
        if personal:
            distinct.setdefault(category, set()).add(key)
    clustered = {category for category, keys in distinct.items() if len(keys) >= 3}
    scored = [
        _Scored(category, kind, start, end,
                (confidence + (scoring.cluster if personal and category in clustered else 0)) * rules.weight(category))
        for category, kind, _, start, end, confidence, personal in raw
    ]  # fmt: skip
    return [
        Finding(s.kind, s.category, where, s.start, s.end, round(min(0.99, s.confidence), 4))
        for s in _strongest(scored)
        if s.confidence >= _MIN_REPORT
    ]


def body_cues(text: str, rules: Rules, language: str | None) -> tuple[bool, float]:
    """What the top of ``text`` (a message body) says about the message, from one pass over its first
    `_PERSONAL_HEAD` characters: (plain, personal).

    * plain: no generic or directive word stands there (not a newsletter, an invitation, a policy or a routine);
    * personal: how much it reads as one person's message, as a person bonus for its subject: it greets a named
      person or speaks in the first person singular (`Scoring.message`), the more so when it speaks of absence or
      adjustment ("jeg går hjem nå", "I'll be out": plus `Scoring.absence`); 0.0 when it is not plain, however it is
      addressed.
    """
    clean, first_person, absence = _head_cues(text, rules, language)
    if not clean or not (first_person or _GREETING.search(text, 0, min(len(text), _PERSONAL_HEAD)) is not None):
        return clean, 0.0
    return clean, rules.scoring.message + (rules.scoring.absence if absence else 0.0)


def _head_cues(text: str, rules: Rules, language: str | None) -> tuple[bool, bool, bool]:
    """(no generic or directive word, a first-person word, an absence word) in the first `_PERSONAL_HEAD` chars."""
    folded = fold(text[:_PERSONAL_HEAD])
    first_person = absence = False
    for hit in rules.cue_automaton(language).search(folded, 0, len(folded)):
        cue: Cue = hit.payload  # type: ignore[assignment]
        if cue.cue in ("generic", "directive"):
            return False, False, False
        first_person = first_person or cue.cue == "self"
        absence = absence or cue.cue == "absence"
    return True, first_person, absence


def names_person(text: str) -> bool:
    """Whether ``text`` (a subject line) names a person: a common first name followed by a capitalised surname
    ("Jonas Berg, 5B", "Ang. Erik Lund", "Re: Mette Jensen")."""
    for match in _FULL_NAME_IN_LINE.finditer(text, 0, min(len(text), _SUBJECT_CHARS)):
        if match.group(1).lower() in FIRST_NAMES:
            return True
    return False


def keyword_hit(text: str, rules: Rules) -> bool:
    """True when any keyword of any language (or an ICD/ICPC word) occurs in ``text``: the prescreen's half."""
    folded = fold(text)
    return rules.term_automaton(None).any(folded, original=text) or any(word in folded for word in _CODE_WORDS)


def _keyword_hits(text: str, folded: str, rules: Rules, language: str | None) -> list[Hit]:
    hits = list(rules.term_automaton(language).search(folded, original=text))
    hits.sort(key=lambda hit: (hit.start, hit.end))
    return hits


def _code_hits(text: str, folded: str, hits: list[Hit]) -> list[tuple[int, int, str]]:
    """ICD-10 / ICPC-2 codes within 80 characters of a health keyword or a code word."""
    anchors = [hit.start for hit in hits if hit.payload.category == "health"]  # type: ignore[attr-defined]
    for word in _CODE_WORDS:
        position = folded.find(word)
        while position != -1:
            anchors.append(position)
            position = folded.find(word, position + 1)
    if not anchors:
        return []
    anchors.sort()
    out = []
    for match in _CODE.finditer(text):
        i = bisect.bisect_left(anchors, match.start() - 80)
        if i < len(anchors) and anchors[i] <= match.end() + 80:
            nearby = folded[max(0, match.start() - 80) : match.end() + 80]
            code = match.group()
            kind = "health_icpc2" if "icpc" in nearby or ("." not in code and code[0] in "P") else "health_icd10"
            out.append((match.start(), match.end(), kind))
    return out


class _Context:
    """Cue hits around the keywords of one part, and the part-wide directive count."""

    def __init__(
        self,
        text: str,
        folded: str,
        rules: Rules,
        language: str | None,
        hits: list[Hit],
        codes: list[tuple[int, int, str]],
    ) -> None:
        self.text = text
        self.rules = rules
        self.greeted = _GREETING.search(text, 0, min(len(text), 400)) is not None
        self.scoring = rules.scoring
        window = self.scoring.window
        spans = sorted([(h.start, h.end) for h in hits] + [(s, e) for s, e, _ in codes])
        automaton = rules.cue_automaton(language)
        cues: list[tuple[int, int, Cue]] = []
        # The message's own text ends at its first closing ("Hilsen Kari"): what follows is a signature, a
        # disclaimer or a quoted policy footer, whose directives and generic words do not speak about the message.
        self.footer = _footer_start(text)
        directives: set[str] = set()
        directives_above: set[str] = set()
        windows = _merge((max(0, s - window), min(len(folded), e + window)) for s, e in spans)
        for lo, hi in windows:
            for hit in automaton.search(folded, lo, hi):
                cue: Cue = hit.payload  # type: ignore[assignment]
                if cue.cue == "directive":
                    directives.add(cue.pattern.text)
                    if hit.start < self.footer:
                        directives_above.add(cue.pattern.text)
                else:
                    cues.append((hit.start, hit.end, cue))
        # Part-wide: directives anywhere, and how many different generic words the part has (a policy or a
        # newsletter is full of them; a personal message has few). Very long parts: the first 200,000 characters.
        generic_words: set[str] = set()
        generic_above: set[str] = set()
        for hit in rules.document_automaton(language).search(folded, 0, min(len(folded), 200_000)):
            cue = hit.payload  # type: ignore[assignment]
            (directives if cue.cue == "directive" else generic_words).add(cue.pattern.text)
            if hit.start < self.footer:
                (directives_above if cue.cue == "directive" else generic_above).add(cue.pattern.text)
        cues.sort(key=lambda item: item[0])
        self.cues = cues
        # Where a quantifier ends ("hver femte", "many"): a role or relation word right after it is a group.
        self.group_ends = {cue_end for _, cue_end, cue in cues if cue.cue == "group"}
        self.cue_starts = [start for start, _, _ in cues]
        self.directive_penalty = self._part_penalty(directives, generic_words)
        self.directive_penalty_above = self._part_penalty(directives_above, generic_above)
        self.categories = sorted(
            [(h.start, h.payload.category) for h in hits]  # type: ignore[attr-defined]
            + [(s, "health") for s, _, _ in codes]
        )
        self.category_starts = [start for start, _ in self.categories]
        # Full names, found once: searching from each keyword's line start rescanned a long line for every keyword
        # on it (quadratic: 200 KB of one line of health words took five minutes; tests/hardening).
        self.full_names = [
            (match.start(), match.end())
            for match in _FULL_NAME.finditer(text)
            if match.group().split(None, 1)[0].lower() not in _NOT_FIRST_NAMES
        ]
        self.full_name_starts = [start for start, _ in self.full_names]
        # First names that stand for a person (the subject of a verb, after a relation or role word), found once in
        # the keywords' windows.
        introducers = {end for _, end, cue in cues if cue.cue in ("relation", "role")}
        self.person_names = [
            span for lo, hi in windows for span in _person_names(text, lo, hi, introducers)
        ]  # fmt: skip
        self.person_name_starts = [start for start, _ in self.person_names]
        health = any(category == "health" for _, category in self.categories)
        self.forms = [(m.start(), m.end()) for m in _FORM_LABEL.finditer(text)] if health else []
        self.form_starts = [start for start, _ in self.forms]
        self.doses = [m.start() for m in _DOSE.finditer(text)] if health else []
        self.form_index = FormIndex(text)

    def confidence(
        self, category: str, base: float, start: int, end: int, person_bonus: float, *, topic_word: bool = False
    ) -> tuple[float, bool]:
        """The keyword's confidence, and whether a specific person (not just "we") is in its context.
        ``topic_word``: a weak or medication keyword (a workplace frame before it names a job, not a condition)."""
        s = self.scoring
        lo = bisect.bisect_left(self.cue_starts, start - s.window)
        hi = bisect.bisect_right(self.cue_starts, end + s.window)
        weights: dict[str, float] = {}  # cue class -> its weight (halved when in another sentence)
        generic: set[str] = set()
        topical = owned = possessed = negated = False
        conditional = -1  # where the nearest conditional clause opener before the keyword ends
        group_end = singular_end = -1  # identity words: the last quantifier / singular person before it (sentence)
        first_person = -1  # where the last first-person cue before the keyword starts
        for cue_start, cue_end, cue in self.cues[lo:hi]:
            if cue_start < end and cue_end > start:
                continue  # the keyword itself ("er gravid" holds "er")
            if start < self.footer <= cue_start:
                continue  # in the signature or footer below the message the keyword is in
            if cue.cue == "generic":
                generic.add(cue.pattern.text)
            elif cue.cue == "topical":
                topical = topical or 0 <= start - cue_end <= 1
                continue
            elif cue.cue == "negation":
                negated = negated or 0 <= start - cue_end <= 1
                continue
            elif cue.cue == "conditional":
                if 0 <= start - cue_end <= s.conditional_reach:
                    conditional = max(conditional, cue_end)
                continue
            if category in _IDENTITY and cue_end <= start and not _SENTENCE_END.search(self.text, cue_end, start):
                if cue.cue == "group":
                    group_end = max(group_end, cue_end)
                elif cue.cue in _SINGULAR:
                    singular_end = max(singular_end, cue_end)
            if cue.cue == "group":
                continue
            elif cue.cue in ("role", "relation") and self._group_before(cue_start):
                generic.add(cue.pattern.text)  # "hver femte elev", "40 elever", "many parents": a group
                continue
            if cue.cue == "self" and cue_end <= start:
                first_person = max(first_person, cue_start)  # "if my son ...", "hvis sønnen min ..."
            if cue.cue in ("self", "we", "relation") and 0 <= cue_start - end <= 1:
                owned = True  # "om depresjonen min", "kring vår sons diagnos": the topic is someone's own
            if cue.cue in ("self", "third", "relation") and (0 <= cue_start - end <= 1 or 0 <= start - cue_end <= 1):
                possessed = True  # "angsten min", "min depression", "her epilepsy": whose condition it is
            if cue.cue == "link":
                if 0 <= start - cue_end <= s.near:
                    weights["link"] = s.link
            elif cue.cue == "attribution":
                if category in ATTRIBUTED and 0 <= start - cue_end <= 1:
                    weights["attribution"] = s.attribution
            elif cue.cue == "you":
                if self.greeted:
                    weights["you"] = s.you
            elif cue.cue in PERSON_CUES:
                gap = (cue_end, start) if cue_end <= start else (end, cue_start)
                weight = getattr(s, cue.cue) * (0.5 if _SENTENCE_END.search(self.text, *gap) else 1.0)
                weights[cue.cue] = max(weight, weights.get(cue.cue, 0.0))
        block = self.form_index.at(start)
        if block is not None and block.identified and not block.organisational_at(start):
            weights["relation"] = s.relation  # the subject of a form that names them ("Navn: ...", "Født: ...")
        workplace = None
        if category == "health":
            lookback = max(0, start - _WORKPLACE_LOOKBACK)
            workplace = (topic_word and _WORKPLACE.search(self.text, lookback, start)) or _COURSE.search(
                self.text, lookback, start
            )
            on_form = self._on_form_line(start) and not (block is not None and block.template)
            if on_form or (topic_word and possessed):
                weights["relation"] = s.relation  # the form's subject, or a possessive: as specific as a relative
            if self._dose_near(start, end):
                # a regimen ("hon tar Sertralin 50 mg"): evidence of its own, beside the pronoun and the verb
                weights["dose"] = s.link
        classes = set(weights)
        support = min(s.support_cap, sum(weights[name] for name in classes & _SUPPORT))
        person = support + sum(weights[name] for name in classes - _SUPPORT) + person_bonus
        lo_text, hi_text = max(0, start - s.window), min(len(self.text), end + s.window)
        line_start = self.text.rfind("\n", 0, start) + 1
        named = False
        if self._full_name_between(line_start, min(len(self.text), end + s.window)) or (
            self._person_name_near(lo_text, hi_text, start, end)
        ):
            person += 2 * s.name
            named = True
        elif _NAME.search(self.text, lo_text, hi_text):
            person += s.name
        personal = bool(classes - {"we", "link", "you", "dose"}) or person_bonus > 0 or named
        person = min(s.person_cap, person)
        penalty = min(s.generic_cap, s.generic * len(generic)) + (s.topical if topical and not owned else 0)
        if category == "health" and workplace:
            penalty += s.topical + s.generic  # the frame's own words ("ansatt", "jeg") are not the person's health
        # Part-wide directives and generic words (a policy footer quoted under a reply) weigh half against a keyword
        # that has a specific person right next to it ("jag är sjukskriven").
        specific = personal and person >= s.relation
        if negated:
            penalty += s.negation
        if (
            group_end >= 0
            and singular_end < 0
            and not (block is not None and block.identified)
            and not self._person_name_near(group_end, start, start, end)
        ):
            penalty += s.identity_group  # "flere av elevene er muslimer", "most of our pupils are Catholic"
        if conditional > first_person and not _CLAUSE_BREAK.search(self.text, conditional, start):
            penalty += s.conditional  # "hvis barnet ditt har epilepsi" is hypothetical; "if my son's ADHD" is not
        part_penalty = self.directive_penalty_above if start < self.footer else self.directive_penalty
        penalty += part_penalty * (0.5 if specific else 1.0)
        if person < s.relation and self._enumeration(start):
            penalty += s.enumeration
        return max(0.0, base + person - penalty), personal

    def _group_before(self, position: int) -> bool:
        """A quantifier or a number right before ``position`` ("hver femte elev", "40 elever")."""
        if position - 1 in self.group_ends:
            return True
        return position >= 2 and self.text[position - 1] == " " and self.text[position - 2].isdigit()

    def _part_penalty(self, directives: set[str], generic_words: set[str]) -> float:
        s = self.scoring
        excess = max(0, len(generic_words) - s.generic_free)
        return min(s.directive_cap, s.directive * len(directives)) + min(s.document_cap, s.document * excess)

    def _full_name_between(self, lo: int, hi: int) -> bool:
        """Whether a full name starts at or after ``lo`` and ends by ``hi`` (the first one after ``lo`` decides:
        the matches do not overlap)."""
        i = bisect.bisect_left(self.full_name_starts, lo)
        return i < len(self.full_names) and self.full_names[i][1] <= hi

    def _person_name_near(self, lo: int, hi: int, start: int, end: int) -> bool:
        """Whether a person's first name lies between ``lo`` and ``hi`` (not the keyword itself)."""
        i = bisect.bisect_left(self.person_name_starts, lo)
        while i < len(self.person_names) and self.person_names[i][0] < hi:
            name_start, name_end = self.person_names[i]
            if name_end <= hi and not (name_start < end and name_end > start):
                return True
            i += 1
        return False

    def _on_form_line(self, position: int) -> bool:
        """Whether ``position`` is on a health form's label-value line (the label itself or its value)."""
        i = bisect.bisect_right(self.form_starts, position) - 1
        return i >= 0 and position < self.forms[i][1]

    def _dose_near(self, start: int, end: int) -> bool:
        """Whether a dose ("20 mg", "2 tabletter") stands within `_DOSE_REACH` characters of the keyword."""
        i = bisect.bisect_left(self.doses, start - _DOSE_REACH)
        return i < len(self.doses) and self.doses[i] <= end + _DOSE_REACH

    def _enumeration(self, start: int) -> bool:
        half = self.scoring.enumeration_span // 2
        lo = bisect.bisect_left(self.category_starts, start - half)
        hi = bisect.bisect_right(self.category_starts, start + half)
        return len({category for _, category in self.categories[lo:hi]}) >= 3


def _person_names(text: str, lo: int, hi: int, introducers: set[int]) -> Iterable[tuple[int, int]]:
    """Spans of common first names between ``lo`` and ``hi`` used as a person: followed by a verb, right after a
    verb in the subject slot, or right after a relation or role word (``introducers``: where such cues end)."""
    for match in _CAPITALISED.finditer(text, lo, hi):
        if match.group().lower() not in FIRST_NAMES:
            continue
        start, end = match.span()
        after = _NEXT_WORD.match(text, end, min(len(text), end + 40))
        if after is not None and after.group(1).lower() in _VERB_AFTER_NAME:
            yield start, end
            continue
        before = _PREVIOUS_WORD.search(text, max(0, start - _NAME_LOOKBEHIND), start)
        if before is not None and (before.end(1) in introducers or before.group(1).lower() in _VERB_BEFORE_NAME):
            yield start, end


def _footer_start(text: str) -> int:
    """Where the message's first closing salutation starts (with some text above it), or the end of the text."""
    first = len(text) - len(text.lstrip())  # the first visible character
    for match in _CLOSING.finditer(text):
        if match.start() > first:
            return match.start()
    return len(text)


def _signature_spans(text: str) -> list[tuple[int, int]]:
    """Spans of signature blocks: up to 8 short lines after a closing salutation, ending at a long or quoted line."""
    spans: list[tuple[int, int]] = []
    for match in _CLOSING.finditer(text):
        start, position = match.start(), match.end()  # the closing line itself too ("Hilsen helsesykepleier Randi")
        for _ in range(_SIGNATURE_LINES):
            if position >= len(text):
                break
            newline = text.find("\n", position + 1)
            end = len(text) if newline == -1 else newline
            line = text[position:end].strip()
            if len(line) > _SIGNATURE_LINE_CHARS or line.startswith((">", "-----", "From:", "Fra:", "Från:")):
                break
            position = end
        if position > start:
            spans.append((start, position))
    start = 0
    for end, next_start in [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)] + [(len(text), 0)]:
        lines = text[start:end].strip().splitlines()
        if (
            2 <= len(lines) <= 10
            and all(len(line) <= _SIGNATURE_LINE_CHARS for line in lines)
            and _CONTACT.search(text, start, end)
        ):
            spans.append((start, end))
        start = next_start
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(lo <= position < hi for lo, hi in spans)


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _strongest(scored: list[_Scored]) -> list[_Scored]:
    """Of overlapping findings of one category keep the most confident."""
    out: list[_Scored] = []
    for item in sorted(scored, key=lambda s: (s.category, s.start, -s.confidence)):
        last = out[-1] if out else None
        if last is not None and last.category == item.category and item.start < last.end:
            if item.confidence > last.confidence:
                out[-1] = item
            continue
        out.append(item)
    out.sort(key=lambda s: (s.start, s.category))
    return out
