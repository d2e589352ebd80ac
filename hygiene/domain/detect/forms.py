"""Form-like blocks in a text part: label-value lines about one person ("Navn: Kari Nordmann", "Fødselsdato: ...").

A block is two or more label-value lines close together. It is *identified* when it names its subject: a name
field with a name in it ("Navn: Kari Nordmann", "Elev: Jonas Berg", "Patient: Anna Svensson") or a birth-date or
ID-number field with digits ("Fødselsdato: 12.03.1985", "Personnummer: ..."). A special-category keyword inside an
identified block is about that person ("Diagnose: Astma", "Straffereaksjon: Bot"), unless its line is an
organisational field (department, title, course, place: "Avdeling: Psykiatri"). A block whose identifying fields
are all empty is a *template* ("Navn:\\nFødselsdato:\\nDiagnose:"): nothing in it is about anyone.

Pure and linear: one bounded regex pass over the lines, then one pass over the matches.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from hygiene.domain.detect.names import FIRST_NAMES

# A label-value line: up to 40 characters of label (starting with a letter), an optional "(...)", a colon, the value.
_LABEL_LINE = regex.compile(
    r"^[ \t>*|\u2022-]{0,6}(?P<label>\p{L}[\p{L}\p{N} .'/&-]{0,38}?)[ \t]{0,3}(?:\([^()\n]{0,30}\)[ \t]{0,3})?:"
    r"(?![/\\])(?P<value>[^\n]{0,300})",
    regex.MULTILINE,
)
_LABEL_WORD = regex.compile(r"[\p{L}\p{N}-]+")
_MAX_GAP_CHARS = 200  # between two label lines of one block (a value may run onto the next line)
_MAX_GAP_LINES = 3

# Words of a label that asks for the form's subject by name, or by birth date / ID number.
_NAME_LABELS = frozenset(
    """navn namn name fornavn etternavn förnamn efternamn efternavn surname forename elev eleven elevens elevnavn
    elevnamn pasient pasienten pasientens pasientnavn patient patienten patientens patientnamn barn barnet barnets
    barnas child child's pupil student arbeidstaker arbeidstakar arbetstagare arbejdstager ansatt anställd ansat
    medarbeider medarbeidar medarbetare medarbejder employee bruker brukar brukare beboer bebuar borger innbygger
    klient client søker søkjar sökande ansøger applicant domfelte siktede tiltalte dømte defendant offender
    deltaker deltakar deltagare deltager participant personalia""".split()
)
_NUMBER_LABELS = frozenset(
    """fødselsdato født fødd född födelsedatum fødselsdag birth dob fødselsnummer fnr personnummer personnr pnr
    cpr cpr-nr cpr-nummer d-nummer samordningsnummer hetu henkilötunnus ssn nhs""".split()
)
# Words of an organisational label: a keyword in its value describes a workplace, a job or an event, not the subject.
_ORGANISATION_LABELS = frozenset(
    """avdeling avdelning afdeling enhet enhed seksjon sektion section department dept unit stilling tittel titel
    title position rolle roll role arbeidssted arbetsplats arbejdssted workplace employer arbeidsgiver arbetsgivare
    arbejdsgiver virksomhet verksamhet virksomhed kommune kommun organisation organisasjon organization team
    tjeneste tjänst service kurs kursus course tema theme emne ämne subject sted plats location adresse adress
    address telefon tlf tel phone mobil e-post epost e-mail email arrangør arrangör organiser""".split()
)
_EMPTY_VALUE = regex.compile(r"[ \t_.\u2026\[\]<>()-]*")
_VALUE_WORDS = regex.compile(r"[ \t,]+")


@dataclass(frozen=True, slots=True)
class FormBlock:
    """One block of label-value lines: its span, whether it names its subject, whether it is an empty template,
    and where its organisational lines are (start, end)."""

    start: int
    end: int
    identified: bool
    template: bool
    organisational: tuple[tuple[int, int], ...]

    def organisational_at(self, position: int) -> bool:
        return any(lo <= position < hi for lo, hi in self.organisational)


def form_blocks(text: str) -> list[FormBlock]:
    """The form blocks of ``text`` in order (blocks of two or more label-value lines)."""
    blocks: list[FormBlock] = []
    run: list[regex.Match[str]] = []
    for match in _LABEL_LINE.finditer(text):
        if run:
            far = match.start() - run[-1].end() > _MAX_GAP_CHARS
            if far or text.count("\n", run[-1].end(), match.start()) > _MAX_GAP_LINES:
                _close(text, run, blocks)
                run = []
        run.append(match)
    _close(text, run, blocks)
    return blocks


def _close(text: str, run: list[regex.Match[str]], blocks: list[FormBlock]) -> None:
    if len(run) < 2:
        return
    identified = False
    asked = answered = 0
    organisational: list[tuple[int, int]] = []
    for match in run:
        words = set(_LABEL_WORD.findall(match.group("label").lower()))
        value = match.group("value").strip()
        if words & _ORGANISATION_LABELS:
            organisational.append((match.start(), match.end()))
            continue
        if words & _NAME_LABELS:
            asked += 1
            answered += not _EMPTY_VALUE.fullmatch(value)
            identified = identified or _looks_like_name(value)
        elif words & _NUMBER_LABELS:
            asked += 1
            answered += not _EMPTY_VALUE.fullmatch(value)
            identified = identified or any(char.isdigit() for char in value)
    end = run[-1].end()
    if not run[-1].group("value").strip():  # the last value on the next line
        newline = text.find("\n", end + 1)
        end = len(text) if newline == -1 else newline
    blocks.append(FormBlock(run[0].start(), end, identified, asked > 0 and answered == 0, tuple(organisational)))


def _looks_like_name(value: str) -> bool:
    """A person's name: two capitalised words, or a common first name ("Kari Nordmann", "Jonas", "Berg, Ida")."""
    words = [word for word in _VALUE_WORDS.split(value, maxsplit=3) if word][:3]
    if not words or not words[0][:1].isupper():
        return False
    if words[0].lower().strip(".") in FIRST_NAMES:
        return True
    return len(words) >= 2 and words[1][:1].isupper() and words[0].isalpha() and words[1].strip("-").isalpha()


class FormIndex:
    """The form blocks of one part, for lookups by position."""

    def __init__(self, text: str) -> None:
        self.blocks = form_blocks(text) if ":" in text else []
        self._starts = [block.start for block in self.blocks]

    def at(self, position: int) -> FormBlock | None:
        i = bisect.bisect_right(self._starts, position) - 1
        if i >= 0 and position < self.blocks[i].end:
            return self.blocks[i]
        return None
