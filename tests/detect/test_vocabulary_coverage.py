"""Vocabulary coverage: common conditions, beliefs and offences in a plainly personal frame are found in every
language, and the same conditions in a news frame are not.

A systematic probe rather than sampled messages: each list names what a parent, employee or citizen commonly writes
about (not what any corpus happened to contain), so a gap here is a gap on unseen mail.
"""

from __future__ import annotations

import pytest

from hygiene.domain.detect import detect, load_rules
from hygiene.domain.text import TextPart

RULES = load_rules(None)

CONDITIONS = {
    "nb": (
        "astma",
        "diabetes",
        "epilepsi",
        "ADHD",
        "autisme",
        "cerebral parese",
        "Downs syndrom",
        "leddgikt",
        "migrene",
        "cøliaki",
        "Crohns sykdom",
        "psoriasis",
        "eksem",
        "skoliose",
        "hjertefeil",
        "nyresvikt",
        "kreft",
        "leukemi",
        "angst",
        "depresjon",
        "spiseforstyrrelse",
        "OCD",
        "Tourettes syndrom",
        "dysleksi",
        "synshemming",
        "nedsatt hørsel",
        "tinnitus",
        "søvnapné",
        "hypotyreose",
        "lavt stoffskifte",
        "høyt blodtrykk",
        "long covid",
        "hjernerystelse",
        "muskelsykdom",
        "muskeldystrofi",
        "cystisk fibrose",
        "hemofili",
        "sigdcelleanemi",
        "lungebetennelse",
        "borreliose",
        "hepatitt C",
        "HIV",
        "MS",
        "Parkinsons sykdom",
        "ALS",
        "autoimmun sykdom",
        "PTSD",
        "bipolar lidelse",
        "schizofreni",
        "tvangslidelse",
        "fibromyalgi",
        "kronisk utmattelse",
        "allergi mot nøtter",
        "laktoseintoleranse",
        "Aspergers syndrom",
        "språkvansker",
        "lese- og skrivevansker",
        "utviklingshemming",
        "talevansker",
    ),
    "sv": (
        "astma",
        "diabetes",
        "epilepsi",
        "ADHD",
        "autism",
        "cerebral pares",
        "Downs syndrom",
        "reumatism",
        "migrän",
        "celiaki",
        "Crohns sjukdom",
        "psoriasis",
        "eksem",
        "skolios",
        "hjärtfel",
        "njursvikt",
        "cancer",
        "leukemi",
        "ångest",
        "depression",
        "ätstörning",
        "OCD",
        "Tourettes syndrom",
        "dyslexi",
        "synnedsättning",
        "hörselnedsättning",
        "tinnitus",
        "sömnapné",
        "hypotyreos",
        "högt blodtryck",
        "ME/CFS",
        "postcovid",
        "hjärnskakning",
        "muskelsjukdom",
        "cystisk fibros",
        "blödarsjuka",
        "lunginflammation",
        "borrelia",
        "hepatit C",
        "hiv",
        "MS",
        "Parkinsons sjukdom",
        "ALS",
        "PTSD",
        "bipolär sjukdom",
        "schizofreni",
        "tvångssyndrom",
        "fibromyalgi",
        "nötallergi",
        "laktosintolerans",
        "Aspergers syndrom",
        "språkstörning",
        "intellektuell funktionsnedsättning",
    ),
    "da": (
        "astma",
        "diabetes",
        "epilepsi",
        "ADHD",
        "autisme",
        "cerebral parese",
        "Downs syndrom",
        "gigt",
        "migræne",
        "cøliaki",
        "Crohns sygdom",
        "psoriasis",
        "eksem",
        "skoliose",
        "hjertefejl",
        "nyresvigt",
        "kræft",
        "leukæmi",
        "angst",
        "depression",
        "spiseforstyrrelse",
        "OCD",
        "Tourettes syndrom",
        "ordblindhed",
        "synshandicap",
        "nedsat hørelse",
        "tinnitus",
        "søvnapnø",
        "lavt stofskifte",
        "forhøjet blodtryk",
        "long covid",
        "hjernerystelse",
        "muskelsvind",
        "cystisk fibrose",
        "blødersygdom",
        "lungebetændelse",
        "borrelia",
        "hepatitis C",
        "hiv",
        "sclerose",
        "Parkinsons sygdom",
        "ALS",
        "PTSD",
        "bipolar lidelse",
        "skizofreni",
        "fibromyalgi",
        "nøddeallergi",
        "laktoseintolerans",
        "Aspergers syndrom",
        "udviklingshæmning",
    ),
    "en": (
        "asthma",
        "diabetes",
        "epilepsy",
        "ADHD",
        "autism",
        "cerebral palsy",
        "Down syndrome",
        "arthritis",
        "migraines",
        "coeliac disease",
        "Crohn's disease",
        "psoriasis",
        "eczema",
        "scoliosis",
        "a heart defect",
        "kidney failure",
        "cancer",
        "leukaemia",
        "anxiety",
        "depression",
        "an eating disorder",
        "OCD",
        "Tourette syndrome",
        "dyslexia",
        "a visual impairment",
        "hearing loss",
        "tinnitus",
        "sleep apnoea",
        "an underactive thyroid",
        "high blood pressure",
        "ME/CFS",
        "long COVID",
        "a concussion",
        "muscular dystrophy",
        "cystic fibrosis",
        "haemophilia",
        "sickle cell disease",
        "pneumonia",
        "Lyme disease",
        "hepatitis C",
        "HIV",
        "MS",
        "Parkinson's",
        "PTSD",
        "bipolar disorder",
        "schizophrenia",
        "fibromyalgia",
        "a nut allergy",
        "lactose intolerance",
        "Asperger's",
        "a speech and language disorder",
        "learning disabilities",
        "dyspraxia",
        "glandular fever",
    ),
}
PERSONAL = {
    "nb": "Hei,\n\nSønnen vår har {} og trenger tilrettelegging.\n\nHilsen Kari",
    "sv": "Hej,\n\nVår son har {} och behöver anpassningar.\n\nHälsningar Anna",
    "da": "Hej\n\nVores søn har {} og har brug for hjælp.\n\nHilsen Mette",
    "en": "Hello,\n\nOur son has {} and needs some support.\n\nBest, James",
}
NEWS = {
    "nb": "Nyhetsbrev: Folkehelseinstituttet melder at forekomsten av {} øker blant barn og unge. Les mer på "
    "nettsiden.",
    "sv": "Nyhetsbrev: Folkhälsomyndigheten rapporterar att förekomsten av {} ökar bland barn och unga. Läs mer på "
    "webbplatsen.",
    "da": "Nyhedsbrev: Sundhedsstyrelsen oplyser, at forekomsten af {} stiger blandt børn og unge. Læs mere på "
    "hjemmesiden.",
    "en": "Newsletter: the health agency reports that cases of {} are rising among children and young people. Read "
    "more on our website.",
}
BELIEFS = {
    "nb": ("Vi er {} og feirer ikke jul.", "muslimer;jøder;katolikker;hinduer;buddhister;sikher;Jehovas vitner"),
    "sv": ("Vi är {} och firar inte jul.", "muslimer;judar;katoliker;hinduer;buddhister;sikher;Jehovas vittnen"),
    "da": ("Vi er {} og fejrer ikke jul.", "muslimer;jøder;katolikker;hinduer;buddhister;sikher;Jehovas Vidner"),
    "en": ("We are {} and do not celebrate Christmas.", "Muslims;Jewish;Catholics;Hindus;Sikhs;Jehovah's Witnesses"),
}
OFFENCES = {
    "nb": ("Sønnen min ble i fjor {}.", "dømt for innbrudd;bøtelagt for narkotikabesittelse;tatt for promillekjøring"),
    "sv": ("Min son blev förra året {}.", "dömd för inbrott;bötfälld för narkotikainnehav;åtalad för rån"),
    "da": ("Min søn blev sidste år {}.", "dømt for indbrud;idømt bøde for besiddelse af hash;sigtet for røveri"),
    "en": ("Last year my son was {}.", "convicted of burglary;fined for cannabis possession;charged with robbery"),
}


def _found(text: str, language: str) -> set[str]:
    return {f.category for f in detect([TextPart("body", text)], RULES, language=language) if f.confidence >= 0.5}


@pytest.mark.parametrize("language", sorted(CONDITIONS))
def test_common_conditions_about_a_child_are_health(language: str) -> None:
    missed = [c for c in CONDITIONS[language] if "health" not in _found(PERSONAL[language].format(c), language)]
    assert missed == []


@pytest.mark.parametrize("language", sorted(CONDITIONS))
def test_common_conditions_in_a_news_item_are_not_flagged(language: str) -> None:
    flagged = [c for c in CONDITIONS[language] if _found(NEWS[language].format(c), language)]
    assert flagged == []


@pytest.mark.parametrize("language", sorted(BELIEFS))
def test_a_family_stating_its_faith_is_religion(language: str) -> None:
    frame, names = BELIEFS[language]
    missed = [n for n in names.split(";") if "religion" not in _found(frame.format(n), language)]
    assert missed == []


@pytest.mark.parametrize("language", sorted(OFFENCES))
def test_a_sons_offence_is_criminal(language: str) -> None:
    frame, offences = OFFENCES[language]
    missed = [o for o in offences.split(";") if "criminal" not in _found(frame.format(o), language)]
    assert missed == []
