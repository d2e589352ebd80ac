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


MEMBERSHIPS = {
    "politics": {
        "nb": ("Jeg er medlem av {} og sitter i bystyret.", "Arbeiderpartiet;Høyre;Fremskrittspartiet;SV;Rødt;MDG"),
        "sv": ("Jag är medlem i {} och sitter i fullmäktige.", "Moderaterna;Sverigedemokraterna;Vänsterpartiet"),
        "da": ("Jeg er medlem af {} og sidder i byrådet.", "Venstre;Dansk Folkeparti;Enhedslisten;Moderaterne"),
        "en": ("I am a member of the {} and sit on the council.", "Labour Party;Green Party;Reform UK;SNP"),
    },
    "union": {
        "nb": ("Jeg er medlem av {} og vil ha med tillitsvalgt.", "Fagforbundet;Delta;Parat;Fellesforbundet;Tekna"),
        "sv": ("Jag är medlem i {} och vill ha med ett ombud.", "Kommunal;Vision;Vårdförbundet;IF Metall;Byggnads"),
        "da": ("Jeg er medlem af {} og vil have tillidsrepræsentanten med.", "3F;FOA;HK;BUPL;Dansk Metal;Krifa"),
        "en": ("I'm a member of {} and would like my rep at the meeting.", "UNISON;Unite;GMB;the NEU;Usdaw"),
    },
    "ethnicity": {
        "nb": ("Familien er {} og ønsker tolk.", "samer;kvener;romfolk;tatere;kurdere;tamiler"),
        "sv": ("Familjen är {} och vill ha tolk.", "samer;romer;tornedalingar;kurder;assyrier"),
        "da": ("Familien er {} og ønsker tolk.", "grønlændere;romaer;kurdere;inuitter"),
        "en": ("The family are {} and would like an interpreter.", "Roma;Irish Travellers;Kurds;Hazara;Rohingya"),
    },
}


@pytest.mark.parametrize(
    ("category", "language"), [(category, language) for category in MEMBERSHIPS for language in MEMBERSHIPS[category]]
)
def test_stated_membership_or_origin_is_found(category: str, language: str) -> None:
    frame, names = MEMBERSHIPS[category][language]
    missed = [n for n in names.split(";") if category not in _found(frame.format(n), language)]
    assert missed == []


POLICY = {
    "nb": "Til alle ansatte\n\nOpplysninger om {} hos elever skal ikke sendes på e-post. Bruk sikker sone.\n\n"
    "Personvernombudet",
    "sv": "Till all personal\n\nUppgifter om {} hos elever får inte skickas med e-post. Använd säker "
    "meddelandetjänst.\n\nDataskyddsombudet",
    "da": "Til alle medarbejdere\n\nOplysninger om {} hos elever må ikke sendes pr. mail. Brug sikker post.\n\n"
    "Databeskyttelsesrådgiveren",
    "en": "Dear all staff,\n\nInformation about pupils' {} must not be sent by e-mail. Use the secure portal.\n\n"
    "Data Protection Officer",
}


@pytest.mark.parametrize("language", sorted(CONDITIONS))
def test_common_conditions_in_a_policy_text_are_not_flagged(language: str) -> None:
    flagged = [c for c in CONDITIONS[language] if _found(POLICY[language].format(c), language)]
    assert flagged == []


ORIENTATION = {
    "nb": ["Eleven har fortalt at han er homofil", "Jenta har kommet ut som lesbisk", "Hun er bifil"],
    "sv": ["Eleven har berättat att han är gay", "Hon har kommit ut som lesbisk", "Hon är bisexuell"],
    "da": ["Eleven har fortalt, at han er bøsse", "Hun er sprunget ud som lesbisk", "Hun er biseksuel"],
    "en": ["The pupil told me he is gay", "She has come out as lesbian", "She is bisexual"],
}


@pytest.mark.parametrize("language", sorted(ORIENTATION))
def test_a_pupil_coming_out_is_sexual_orientation(language: str) -> None:
    missed = [s for s in ORIENTATION[language] if "sexual_orientation" not in _found(s + ".", language)]
    assert missed == []


GENETIC = {
    "nb": ["Gentesten viste at Ola er bærer av cystisk fibrose.", "Farskapstesten bekreftet at Per er far til barnet."],
    "sv": ["Gentestet visade att Lisa bär på en mutation i BRCA2.", "Faderskapstestet bekräftade att Jonas är pappa."],
    "da": [
        "Gentesten viste, at Mette er bærer af en BRCA1-mutation.",
        "Faderskabstesten bekræftede, at Anders er far.",
    ],
    "en": [
        "The genetic test showed that Emma carries a BRCA1 mutation.",
        "The paternity test confirmed Tom is the father.",
    ],
}


@pytest.mark.parametrize("language", sorted(GENETIC))
def test_a_named_persons_genetic_result_is_genetic(language: str) -> None:
    missed = [s for s in GENETIC[language] if "genetic_biometric" not in _found(s, language)]
    assert missed == []
