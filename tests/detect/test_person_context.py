"""Who a special-category keyword is about: names, forms, the message around a subject, and the precision guards.

Each case is ``(expected, subject, body)``: the categories that must reach 0.5 (``"-"`` for none) in a message made
of that subject and body, in all five languages. Written from domain knowledge (not from any labelled set); each
family has positives and the hard negatives that keep it honest.
"""

from __future__ import annotations

import pytest

from hygiene.domain.detect import detect, guess_language, load_rules
from hygiene.domain.detect.names import FIRST_NAMES
from hygiene.domain.text import TextPart

IDENTIFIERS = {"national_id", "bank_account", "payment_card"}

# A first name as the subject of a verb, after a verb (Nordic word order) or after a relation or role word.
NAMES = [
    ("health", "", "Hei Kari,\nNoah har lige fået konstateret type 1-diabetes, så han skal have insulin i skolen."),
    ("health", "", "Hej,\nFreja har fået konstateret cøliaki og må ikke spise gluten."),
    ("health", "", "Hei,\nSindre har fått diagnosen astma, og han må ha med seg medisin på turen."),
    ("health", "", "Hei,\nAhmed har fått diagnosen ADHD og begynner med medisiner neste uke."),
    ("health", "", "Hei,\nFatima er sykmeldt ut uka etter operasjonen."),
    ("health", "", "Hei,\nTorbjørn vart innlagd på sjukehuset i går med hjerneslag."),
    ("health", "", "Hei,\nMáret har fått diagnosen cøliaki og kan ikkje eta gluten."),
    ("health", "", "Hej,\nOlle har fått diagnosen diabetes typ 1 och behöver hjälp med insulinet."),
    ("health", "", "Hej,\nAino fick diagnosen epilepsi i våras och tar medicin varje morgon."),
    ("health", "", "Hi,\nAlfie was diagnosed with asthma last week and needs his inhaler at school."),
    ("health", "", "Hi all,\nPriya has type 1 diabetes and may need a snack during lessons."),
    ("health", "", "Hei Siri,\nSiri, Emil har diabetes og må ha mat klokka ti."),
    ("health", "", "Dessverre har Henrik fått påvist diabetes."),
    ("religion", "", "Hei,\nYusuf er muslim og faster under ramadan, så han spiser ikke i lunsjen."),
    ("health", "", "Hi,\nmy partner Daniel has been diagnosed with depression and I need some days off."),
    ("health", "", "Hej,\nvår dotter Ebba har diabetes och behöver äta mellanmål."),
    ("health", "", "Hei,\nstesønnen min Jonas har astma og må ha inhalator med på tur."),
    ("health", "", "Hej,\nmit barnebarn Lucas har astma og skal have medicin med."),
    ("health", "", "Hello,\nmy stepdaughter Maisie has epilepsy and takes medication twice a day."),
    ("health", "", "Hej,\nmin svärmor Gunilla har demens och bor nu på ett boende."),
    ("health", "", "Hei,\nOleksandr har fått diagnosen diabetes og trenger insulin i skoletiden."),
    ("health", "", "Hej,\nHodan har astma och behöver sin inhalator på utflykten."),
    ("health", "", "Hej,\nŁukasz har fået konstateret epilepsi og skal have medicin."),
    ("health", "", "Hi,\nmy son Håkon has asthma and needs his inhaler on the trip.\n\nBest, Bjørn Sæther"),
    # a known first name that is not anyone's subject: a course leader, a place, a greeting to a colleague
    ("-", "", "Kurs om diabetes i skolen ved Kari Hansen. Påmelding på nettsiden innen fredag."),
    ("-", "", "Hei Kari,\nkan du sende meg artikkelen om diabetes og kosthold som vi snakket om?"),
    ("-", "", "Webinar: Living with diabetes, with Emma Clarke. Register on our website."),
]

# A form that names its subject (name, birth date or ID field) is about that person; templates, staff contact
# cards and course forms are not.
FORMS = [
    ("health", "", "Navn: Kari Nordmann\nFødselsdato: 12.03.1985\nDiagnose: Astma\nSykmeldingsgrad: 50 %"),
    ("health", "", "Elev: Jonas Berg\nKlasse: 5B\nDiagnose: Epilepsi\nMedisiner: Orfiril 300 mg morgen og kveld"),
    (
        "health",
        "",
        "Pasient: Ola Nordmann\nFødd: 01.02.1950\nDiagnose: Demens\nTiltak: heimesjukepleie to gonger dagleg",
    ),
    ("health", "", "Namn: Anna Svensson\nFödelsedatum: 1987-04-12\nDiagnos: Diabetes typ 1\nSjukskrivningsgrad: 50 %"),
    ("health", "", "Navn: Mette Hansen\nFødselsdato: 03.05.1979\nDiagnose: Migræne\nSygemeldingsgrad: 50 %"),
    ("health", "", "Name: John Smith\nDate of birth: 14/02/1980\nDiagnosis: Asthma\nMedication: Ventolin inhaler"),
    ("health", "", "Navn: Kari Nordmann\nFødselsdato: 12.03.1985\nMerknad: astma, bruker inhalator ved behov"),
    ("health", "", "Namn: Erik Lund\nFödd: 1990-05-05\nÖvrigt: diabetes, behöver äta regelbundet"),
    ("health", "", "Navn: Sofie Jensen\nCPR-nr: 120385-XXXX\nBemærkninger: epilepsi, tager medicin morgen og aften"),
    ("health", "", "Name: Tom Baker\nDOB: 1979-06-01\nNotes: epilepsy, carries rescue medication"),
    ("health", "", "Namn: Kari Haugen\nFødd: 04.04.1988\nMerknad: cøliaki, treng glutenfri kost"),
    ("religion", "", "Navn: Ali Hassan\nFødselsdato: 03.04.2012\nKost: halal, familien er muslimer"),
    ("religion", "", "Name: Sarah Cohen\nDate of birth: 02.03.2011\nDiet: kosher, the family is Jewish"),
    ("criminal", "", "Navn: Per Hansen\nFødselsdato: 14.07.1990\nMerknad: Dømt for vold i 2021"),
    # negatives: templates, staff contact cards, course and event forms
    (
        "-",
        "Mal for tilretteleggingsskjema",
        "Navn:\nFødselsdato:\nDiagnose:\nMedisiner:\nFyll ut og lever til kontoret.",
    ),
    ("-", "", "Name:\nDate of birth:\nDiagnosis:\nMedication:\nPlease complete and return to the office."),
    ("-", "", "Namn: ______\nFödelsedatum: ______\nDiagnos: ______\nLäkemedel: ______"),
    ("-", "", "Navn: Kari Nordmann\nStilling: Rådgiver\nAvdeling: Psykiatri og rus\nTelefon: 55 55 55 55"),
    ("-", "", "Namn: Eva Lind\nTitel: Sjuksköterska\nEnhet: Demensboendet Solgården\nTelefon: 08-123 45"),
    ("-", "", "Kurs: Diabetes i skolen\nDato: 12.03.2026\nSted: Rådhuset\nPåmelding: innen fredag"),
    (
        "-",
        "",
        "Name: Emma Clarke\nRole: Dementia nurse specialist\nTeam: Older people's mental health\nPhone: 0161 555 0100",
    ),
    ("-", "", "Navn: Lise Dahl\nAfdeling: Psykiatrisk afdeling\nStilling: Sygeplejerske\nTelefon: 12 34 56 78"),
]

# The subject of a personal message (greeting or first person in the body; more with absence) is about that
# person; the subject of a newsletter, course, routine or invitation is not.
SUBJECTS = [
    ("health", "Mammas demensdiagnose", "Hei Tone,\njeg må ta fri fredag for å følge henne til legen.\n\nHilsen\nKari"),
    ("health", "Pappas demens", "Hej Karin,\njag behöver ta ledigt på fredag för ett möte på boendet.\n\nMvh\nSara"),
    (
        "health",
        "Min dotters diabetes",
        "Hej Anna,\nkan vi ses i morgon och prata om hur skolan kan hjälpa henne?\n\n/Lena",
    ),
    ("health", "Chemo next week", "Hi Sarah,\nI'll be out on Tuesday and Wednesday, back on Thursday.\n\nThanks,\nTom"),
    ("health", "Kemoterapi neste uke", "Hei Sarah,\njeg er borte tirsdag og onsdag, tilbake torsdag.\n\nHilsen Tom"),
    ("health", "Cellegift neste veke", "Hei Sara,\neg er borte tysdag og onsdag, tilbake torsdag.\n\nHelsing Tom"),
    ("health", "Kemoterapi næste uge", "Hej Sara,\njeg er væk tirsdag og onsdag, tilbage torsdag.\n\nHilsen Tom"),
    ("health", "Depresjon", "Hei Lise,\njeg trenger å snakke med deg om tilrettelegging en periode.\n\nHilsen Kari"),
    ("health", "Migrän", "Hej Lisa,\njag går hem nu, hoppas vara tillbaka i morgon.\n\n/Eva"),
    ("health", "Migraine", "Hi Lisa,\nI'm heading home now, hope to be back tomorrow.\n\nAnna"),
    ("health", "Sjukskriven resten av veckan", "Hej Maria,\njag kommer inte in resten av veckan.\n\nHälsningar\nErik"),
    ("health", "Sjukmeld resten av veka", "Hei Kari,\neg kjem ikkje på jobb før måndag.\n\nHelsing\nAstrid"),
    ("health", "Sygemeldt resten af ugen", "Hej Lars,\njeg er hjemme resten af ugen.\n\nHilsen\nMette"),
    ("health", "Off sick today", "Hi Sarah,\nI won't be in today, I'll check my email later.\n\nBest,\nTom"),
    ("union", "Fagforeningsmøte", "Hei Per,\njeg er tillitsvalgt og må gå tidlig i dag.\n\nHilsen Kari"),
    # negatives: a topic in the subject of a newsletter, course, routine, article or invitation
    (
        "-",
        "Kurs om diabetes i skolen",
        "Hei alle,\njeg vil minne om kurset på torsdag. Påmelding via nettsiden.\n\nHilsen\nKari",
    ),
    (
        "-",
        "Verdensdagen for psykisk helse",
        "Hei alle,\nvi markerer dagen med frokost i kantina. Jeg håper mange kommer!\n\nHilsen HR",
    ),
    (
        "-",
        "Webinar: Demens på arbeidsplassen",
        "Hei,\njeg tipser om dette webinaret. Les mer på nettsiden.\n\nHilsen Per",
    ),
    ("-", "Sykmelding", "Hei alle,\nhusk at rutinen for sykmelding er oppdatert. Se intranettet.\n\nHilsen HR"),
    ("-", "Re: Artikkel om diabetes", "Hei Kari,\njeg leste artikkelen du sendte, veldig interessant.\n\nHilsen Ola"),
    (
        "-",
        "Re: Sykmeldingsrutiner",
        "Hei Per,\njeg har sett på utkastet og har noen kommentarer til punkt 3.\n\nHilsen Kari",
    ),
    (
        "-",
        "Depression awareness week",
        "Hi Sarah,\nI thought you might like to share this poster with your team.\n\nTom",
    ),
    ("-", "Demensvänlig arbetsplats", "Hej Karin,\njag skickar presentationen från i går som du bad om.\n\n/Sara"),
    ("-", "Diabetesforeningens julebord", "Hej Lars,\njeg har booket bord til 12 personer kl. 18.\n\nHilsen Mette"),
    ("-", "Ramadan-kalender til kantina", "Hei Per,\njeg har bestilt plakater til kantina.\n\nHilsen Kari"),
]

# A subject that names a person says whom the body is about (a keyword with a person next to it gains); a named
# subject over a topic (a lecture, a brochure, a book) does not make the topic personal; greeting and closing lines
# ("Hei Kari", "Helsing Kari") are not full names.
NAMED_SUBJECTS = [
    ("health", "Jonas Berg, 5B", "Hei,\nhan har fått diagnosen diabetes og trenger mat klokka ti.\n\nHilsen Kari"),
    ("health", "Ang. Erik Lund", "Hej,\nhan har epilepsi och behöver medicin under lägerskolan.\n\n/Sara"),
    ("health", "Re: Mette Jensen", "Hej,\nhun har astma og skal have sin medicin med på turen.\n\nHilsen Lars"),
    ("health", "Ola Nordmann", "Hei,\nsyner til samtalen. Diagnose: depresjon. Sjukmeld 50 %.\n\nHelsing Kari"),
    (
        "-",
        "Kari Hansen: foredrag om demens",
        "Hei alle,\nvelkommen til foredrag om demens torsdag. Påmelding på nettsiden.\n\nHilsen HR",
    ),
    ("-", "Møte med Per Olsen", "Hei,\nkan vi ta møtet om diabeteskurset på tirsdag?\n\nHilsen Kari"),
    (
        "-",
        "Anna Berg slutter",
        "Hei alle,\nAnna har jobbet i demensomsorgen i 20 år og går nå av med pensjon. "
        "Kake i kantina fredag!\n\nHilsen leder",
    ),
    ("-", "Kari Nordmann", "Hei,\nkan du sende meg referatet fra møtet om demensplanen?\n\nHilsen Per"),
    ("-", "Emma Clarke", "Hi,\nthanks for the talk on diabetes and diet yesterday, it was great.\n\nTom"),
    ("-", "Anna Svensson", "Hej,\nhär är länken till boken om adhd som jag nämnde.\n\n/Eva"),
    ("-", "Lars Jensen", "Hej,\nhusker du bogen om autisme, som vi talte om? Jeg har lånt den ud.\n\nHilsen Mette"),
    ("-", "Ola Nordmann", "Hei,\nkan du ta med deg diabetesbrosjyrane til standen på laurdag?\n\nHelsing Kari"),
]

# Precision guards: statistics, groups, news about unnamed people, job ads and courses, conditionals, negations,
# figurative uses; a policy footer under a real disclosure must not hide it.
GUARDS = [
    # statistics and survey results
    (
        "-",
        "",
        (
            "Resultater fra medarbeiderundersøkelsen: 8 % sier de har vært sykmeldt på grunn av stress, og 3 av "
            "10 ansatte opplever høyt arbeidspress."
        ),
    ),
    ("-", "", "Av dei som svarte, har 12 prosent vore sjukmelde siste året, og 2 av 10 tilsette har hatt angst."),
    (
        "-",
        "",
        "Enligt enkäten har 12 % av de anställda varit sjukskrivna det senaste året och 4 av 10 upplever stress.",
    ),
    ("-", "", "Undersøgelsen viser at 15 % har været sygemeldt med stress, og 2 ud af 10 medarbejdere har haft angst."),
    ("-", "", "Survey results: 8 % say they have been on sick leave, and 3 in 10 employees report anxiety."),
    ("-", "", "Hver femte elev har dysleksi, og 40 elever har fått diagnosen ADHD i fjor."),
    ("-", "", "In 2024, 1 in 4 staff were off sick with depression at some point."),
    # generic groups
    ("-", "", "Takk til alle muslimske og kristne frivillige som stilte opp på dugnaden."),
    ("-", "", "Many Sami families in the region still herd reindeer."),
    ("-", "", "The clinic offers care for patients with diabetes and their families."),
    ("-", "", "Mange samiske familier i kommunen ønsker samisk barnehage."),
    ("-", "", "Flera muslimska familjer har efterfrågat halalmat i skolan."),
    ("-", "", "Mange børn med ADHD har brug for faste rammer i skolen."),
    ("-", "", "Elever med diabetes kan ha behov for å spise i timen."),
    ("-", "", "Pasientar med demens treng faste rutinar og kjende folk rundt seg."),
    # news about unnamed people
    ("-", "", "En mann i 40-årene ble innlagt på sykehus etter ulykken, melder politiet."),
    ("-", "", "A man in his 40s was taken to hospital after the crash, police said."),
    ("-", "", "En kvinna i 30-årsåldern fördes till sjukhus efter olyckan, uppger polisen."),
    ("-", "", "En mand i 50'erne blev indlagt på hospitalet efter ulykken, oplyser politiet."),
    ("-", "", "Ein mann i 60-åra vart send til sjukehuset etter ulukka, melder politiet."),
    # job ads and course announcements
    ("-", "", "Ledig stilling som sykepleier: vi ser etter deg med erfaring med pasienter med demens."),
    ("-", "", "Vi söker en undersköterska med erfarenhet av patienter med demens."),
    ("-", "", "Vi søger en pædagog med erfaring med børn med autisme."),
    ("-", "", "We are looking for a support worker with experience of working with adults with autism."),
    ("-", "", "Kurs: Pasienter med diabetes i sykehjem. Kurset passer for sykepleiere og helsefagarbeidere."),
    # hypothetical and conditional
    ("-", "", "If you have diabetes, tell the school so that we can plan meals."),
    ("-", "", "Hvis barnet ditt har epilepsi, gi beskjed til kontaktlæreren."),
    ("-", "", "Om ditt barn har diabetes, meddela skolsköterskan."),
    ("-", "", "Hvis dit barn har astma, skal du give besked til klasselæreren."),
    ("-", "", "Dersom barnet ditt har allergi, gje beskjed til barnehagen."),
    ("-", "", "Ved sykdom må du gi beskjed til nærmeste leder før klokka ni."),
    ("-", "", "Should an employee be on sick leave for more than 16 days, the manager must hold a follow-up meeting."),
    # negated
    ("-", "", "Jeg er ikke syk, men jeg jobber hjemmefra i dag på grunn av håndverkere."),
    ("-", "", "Jag är inte sjuk, jag jobbar hemifrån i dag."),
    ("-", "", "I'm not sick, just working from home today."),
    ("-", "", "Eg er ikkje sjuk, men jobbar heimanfrå i dag."),
    ("-", "", "Jeg er ikke syg, jeg arbejder hjemme i dag."),
    ("-", "", "Jeg er ikke sykmeldt, jeg har bare tatt ut en feriedag."),
    # figurative
    ("-", "", "Dette regnearket gir meg hodepine, og skriveren er helt lammet."),
    ("-", "", "Kön till kaffemaskinen är en mardröm, jag blir galen."),
    ("-", "", "Jeg er helt allergisk mot møter uten agenda."),
    ("-", "", "I'm allergic to meetings without an agenda."),
    # quoted policy footer under a real disclosure: still flagged
    (
        "health",
        "",
        (
            "Hei,\njeg er sykmeldt resten av uka.\n\nHilsen Kari\n\nDenne e-posten kan inneholde "
            "personopplysninger. Ikke send sensitive personopplysninger som helseopplysninger på e-post, jf. "
            "rutine for personvern."
        ),
    ),
    (
        "health",
        "",
        (
            "Hej,\njag är sjukskriven resten av veckan.\n\nMvh Erik\n\nDetta e-postmeddelande kan innehålla "
            "personuppgifter. Skicka inte känsliga personuppgifter via e-post, se vår integritetspolicy."
        ),
    ),
    (
        "health",
        "",
        (
            "Hi,\nI'm off sick for the rest of the week with flu.\n\nRegards, Tom\n\nThis email may contain "
            "personal data. Do not send special category data by email; see our data protection policy."
        ),
    ),
    (
        "health",
        "",
        (
            "Hej,\njeg er sygemeldt resten af ugen.\n\nHilsen Mette\n\nDenne e-mail kan indeholde "
            "personoplysninger. Send ikke følsomme personoplysninger med e-mail, se vores privatlivspolitik."
        ),
    ),
    (
        "health",
        "",
        (
            "Hei,\neg er sjukmeld resten av veka.\n\nHelsing Astrid\n\nDenne e-posten kan innehalde "
            "personopplysningar. Ikkje send sensitive opplysningar på e-post, sjå rutine for personvern."
        ),
    ),
    # real disclosures that the guards must not hide
    ("health", "", "Jeg er ikke på jobb i dag, jeg er syk med influensa."),
    ("health", "", "Hvis du lurer: jeg er sykmeldt ut uka."),
    ("health", "", "I'm not at work today because I have the flu; my doctor signed me off until Friday."),
    ("health", "", "Jag har inte varit på jobbet sedan i måndags, jag är sjukskriven för utmattningssyndrom."),
]


def _categories(rules, subject: str, body: str) -> set[str]:
    parts = ([TextPart("subject", subject)] if subject else []) + [TextPart("body", body)]
    language = guess_language(f"{subject}\n{body}")
    return {
        f.category
        for f in detect(parts, rules, language=language)
        if f.confidence >= 0.5 and f.category not in IDENTIFIERS
    }


def _params(cases):
    return [pytest.param(e, s, b, id=f"{e}:{(s or b)[:50]}") for e, s, b in cases]


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(("expected", "subject", "body"), _params(NAMES + FORMS + SUBJECTS + NAMED_SUBJECTS + GUARDS))
def test_who_the_keyword_is_about(rules, expected, subject, body):
    wanted = set() if expected == "-" else set(expected.split(","))
    assert _categories(rules, subject, body) == wanted


def test_first_names_are_broad_and_hold_no_ordinary_words():
    assert len(FIRST_NAMES) >= 1_000
    for name in ("noah", "ebba", "aino", "máret", "fatima", "priya", "oksana", "alfie", "hodan", "łukasz", "nazanin"):
        assert name in FIRST_NAMES
    for word in ("can", "even", "inga", "mina", "hans", "sami", "love", "line", "are", "nok", "roman", "jordan"):
        assert word not in FIRST_NAMES


# Short texts: the language guess decides which cue lists apply; a Nordic text must never be taken for English
# (that would drop every Nordic keyword), and the common short disclosures get their own language.
SHORT_TEXTS = [
    ("nb", "Hei Per,\njeg kommer ikke på jobb i dag. Ring meg om det er noe.\n\nHilsen Ola"),
    ("nb", "Jeg har snakket med legen om depresjonen min."),
    ("nb", "Han er innlagt på sykehuset."),
    ("nn", "Sonen min har astma og treng medisin."),
    ("nn", "Dottera vår har fått diagnosen epilepsi."),
    ("nn", "Hei Kari,\neg kjem ikkje på jobb før måndag.\n\nHelsing\nAstrid"),
    ("da", "Min søn har fået konstateret diabetes."),
    ("da", "Hun er indlagt på hospitalet."),
    ("da", "Jeg er ikke syg, jeg arbejder hjemme i dag."),
    ("sv", "Sjukskriven resten av veckan"),
    ("sv", "Min son har fått diagnosen adhd."),
    ("en", "She is in hospital."),
    ("en", "Off sick today"),
    ("en", "Hi Sarah,\nmigraine again, heading home now.\n\nTom"),
    ("en", "Hi Tone,\nmy son Håkon has asthma.\n\nBest, Bjørn Sæther"),  # Nordic names do not make it Nordic
    ("en", "Dear Åse,\nI am on sick leave this week.\nRegards\nJørgen Ødegård"),
    ("da", "Vi søger en ny kollega, og du kan læse mere på vores hjemmeside."),
    ("da", "Mødet holdes på rådhuset, og døren er åben fra kl. 18."),
]


@pytest.mark.parametrize(("language", "text"), SHORT_TEXTS, ids=[t[:40] for _, t in SHORT_TEXTS])
def test_short_texts_get_their_language(language, text):
    assert guess_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Navn: Per Hansen\nFødselsdato: 14.07.1990\nStraffereaksjon: Bot for vold",
        "Fødselsdato: 12.03.1985\nDiagnose: Astma",
        "Födelsedatum: 1987-04-12\nDiagnos: Diabetes typ 1",
        "Navn: Kari Nordmann\nFødselsdato: 12.03.1985\nMerknad: astma, bruker inhalator ved behov",
    ],
)
def test_nordic_forms_are_never_taken_for_english(text):
    assert guess_language(text) != "en"
