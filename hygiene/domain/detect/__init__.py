"""Detection of sensitive personal data in extracted text: identifiers and the GDPR special categories.

* `load_rules` builds the immutable `Rules` (built-in TOML data in ``rules/``, plus an organisation's file).
* `detect` returns the findings in a message's text parts: national IDs, bank accounts and payment cards
  (`hygiene.domain.detect.ids`) and keywords of the special categories scored by their context
  (`hygiene.domain.detect.special`). Findings carry kinds, positions and confidences, never the matched text.
* `guess_language` tells nb, nn, sv, da and en apart; `may_be_sensitive` is the cheap prescreen on Graph's
  subject and body that decides whether a message's MIME needs to be downloaded at all.

All of it is pure (only `load_rules` reads a file) and thread-safe.
"""

from __future__ import annotations

from collections.abc import Iterable

from hygiene.domain.detect.ids import IdRules, MessageContext, find_ids, has_id_candidate
from hygiene.domain.detect.language import guess_language
from hygiene.domain.detect.ruleset import KEYWORD_CATEGORIES, LANGUAGES, Rules, load_rules
from hygiene.domain.detect.special import body_cues, find_special, keyword_hit, names_person
from hygiene.domain.text import TextPart
from hygiene.domain.verdict import Finding

_OWN_LANGUAGE_CHARS = 400  # a part at least this long gets its own language guess (an English PDF in nb mail)
_OWN_LANGUAGE_SAMPLE = 3_000
_ID_EVIDENCE = 0.5  # an identifier at least this confident counts as "this text is about a person"


def detect(parts: Iterable[TextPart], rules: Rules, *, language: str | None = None) -> list[Finding]:
    """Every finding in ``parts``: identifiers and special-category keywords, with confidences in [0, 1].

    ``language`` is the message's language (`guess_language`); long parts get their own guess. Findings below any
    threshold are included (down to a small floor): the caller (`hygiene.domain.classify.Classifier`) applies the
    installation's thresholds and disabled categories.
    """
    parts = [part for part in parts if part.text]
    message = MessageContext(((part.where, part.text) for part in parts), rules.ids)
    id_findings = [find_ids(part.text, part.where, rules.ids, language, message=message) for part in parts]
    about_person = [_names_a_person(found) for found in id_findings]
    in_message = any(about_person)
    personal, named = _personal_message(parts, rules, language)
    findings: list[Finding] = []
    for part, found, here in zip(parts, id_findings, about_person, strict=True):
        findings.extend(found)
        part_language = language
        if len(part.text) >= _OWN_LANGUAGE_CHARS:
            part_language = guess_language(part.text[:_OWN_LANGUAGE_SAMPLE]) or language
        findings.extend(
            find_special(
                part.text,
                part.where,
                rules,
                part_language,
                identifier_here=here,
                identifier_in_message=in_message,
                personal_message=personal.get(part.where, 0.0),
                named_in_subject=named.get(part.where, 0.0),
            )
        )
    return findings


def _personal_message(
    parts: list[TextPart], rules: Rules, language: str | None
) -> tuple[dict[str, float], dict[str, float]]:
    """Person bonuses between a message's subject and its body, by part (``where``), for personal messages only
    (`body_cues`: the body greets someone or speaks in the first person, nothing generic at its top):

    * the subject of a personal message ("Sjukskriven resten av veckan", "Mammas demensdiagnose") is about its
      writer or the person it concerns: its keywords gain what `body_cues` gives;
    * a subject that names a person ("Jonas Berg, 5B", "Ang. Erik Lund") says whom the body is about: the body's
      keywords that have a specific person next to them gain `Scoring.message` ("han har epilepsi og trenger
      medisin") when the body has no generic or directive word at its top.

    Returns (bonus for every keyword, bonus for keywords next to a person), each by ``where``.
    """
    subject = next((part for part in parts if part.where == "subject"), None)
    body = next((part for part in parts if part.where in ("body", "html")), None)
    if subject is None or body is None:
        return {}, {}
    subject_keyword = keyword_hit(subject.text, rules)
    subject_name = names_person(subject.text)
    if not (subject_keyword or subject_name):
        return {}, {}
    plain, personal = body_cues(body.text, rules, language)  # one pass over the body's top serves both bonuses
    bonuses = {"subject": personal} if personal and subject_keyword else {}
    named: dict[str, float] = {}
    if subject_name and plain:
        named = dict.fromkeys(("body", "html"), rules.scoring.message)
    return bonuses, named


def _names_a_person(findings: list[Finding]) -> bool:
    """A confident national ID: the text around it is about an identifiable person."""
    return any(f.category == "national_id" and f.confidence >= _ID_EVIDENCE for f in findings)


def may_be_sensitive(text: str, rules: Rules) -> bool:
    """False only when no finding is possible in ``text`` (no identifier candidate, no keyword of any language).

    Used on Graph's subject + body to skip downloading the MIME of clean mail; much cheaper than `detect`.
    """
    return has_id_candidate(text) or keyword_hit(text, rules)


__all__ = [
    "KEYWORD_CATEGORIES",
    "LANGUAGES",
    "Finding",
    "IdRules",
    "Rules",
    "TextPart",
    "detect",
    "guess_language",
    "load_rules",
    "may_be_sensitive",
]
