"""Everyday sentences that share a word with a special category must not be flagged; the personal use must be.

A weak keyword plus a first-person word and a verb is enough to reach the threshold, so words with an everyday
meaning (plaster, a broken key, a scanner purchase, a job title) are kept out of the weak lists and appear only in
phrases. These pairs pin that down.
"""

from __future__ import annotations

import pytest

from hygiene.domain.detect import detect, guess_language, load_rules
from hygiene.domain.text import TextPart

RULES = load_rules(None)
THRESHOLD = 0.5


def _categories(text: str) -> set[str]:
    findings = detect([TextPart("body", text)], RULES, language=guess_language(text))
    return {f.category for f in findings if f.confidence >= THRESHOLD}


EVERYDAY = [
    "Hei, jeg har sendt deg resultatene fra CT-prosjektet. Mvh Per",
    "Jeg har lagt ved blodprøve-rutinen for laboratoriet vårt slik du ba om.",
    "I have attached the MRI scanner procurement plan, see you Monday.",
    "Jeg tar med gips og sparkel til oppussingen på lørdag.",
    "Jeg fikk brukket nøkkelen i låsen, kan vaktmesteren komme?",
    "Vi har fått nye krykker til utlån i idrettshallen.",
    "Min kollega tar over stillingen som terapeut-koordinator i avdelingen fra mai.",
    "Jeg har ansvar for oksygen-leveransene til sykehuset denne uka.",
    "Vi har en stammen av gamle trær i hagen som må felles.",
    "He was caught with his hand in the cookie jar, haha. See you at lunch.",
    "Jeg var på Eid-feiringen i Stovner med naboene, veldig hyggelig.",
    "I lent him my laptop charger yesterday, can you remind him to return it?",
    "Jeg jobber som ortoped på sykehuset og har vakt i helgen.",
    "Problemet stammar från en gammal konfiguration i brandväggen.",
    # a capitalised noun or place opening a sentence is not a first name
    "Boka er skrevet av en psykolog og handler om angst hos barn.",
    "Norge har lav forekomst av tuberkulose.",
    "Kantina har glutenfri og laktosefri mat hver dag for dem med allergi.",
    "Leder skal ha oppfølgingsplan innen fire uker. Diagnose skal ikke oppgis.",
    # a festival or a language named as an event or a translation, not as someone's faith or origin
    "I went to the Diwali celebration at the town hall with colleagues, it was lovely.",
    "I'm reviewing the Kurdish translation of the leaflet before Friday.",
]

KNOWN_FALSE_POSITIVES: list[str] = []

PERSONAL = [
    ("Datteren vår brakk armen på skitur og har gips i fire uker.", "health"),
    ("Jeg har time hos ortoped på torsdag på grunn av kneet.", "health"),
    ("Vår son går hos logoped varannan vecka för sin stamning.", "health"),
    ("Sam was caught with cannabis and the police gave him a youth caution.", "criminal"),
    ("Jeg har vært til blodprøve, og blodprøvene viste lavt stoffskifte.", "health"),
    # a common first name opening the sentence is a person
    ("Sara brakk armen på skitur og har gips i fire uker.", "health"),
    ("Oliver har alvorlig nøtteallergi og skal alltid ha med seg adrenalinpennen.", "health"),
    ("Hej\n\nNoah har lige fået konstateret type 1-diabetes.", "health"),
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_use_of_a_category_word_is_not_flagged(text: str) -> None:
    assert _categories(text) == set()


@pytest.mark.xfail(strict=True, reason="known false positive; remove from this list when fixed")
@pytest.mark.parametrize("text", KNOWN_FALSE_POSITIVES)
def test_known_false_positives(text: str) -> None:
    assert _categories(text) == set()


@pytest.mark.parametrize(("text", "category"), PERSONAL)
def test_personal_use_is_flagged(text: str, category: str) -> None:
    assert category in _categories(text)
