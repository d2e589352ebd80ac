"""Health in wording nobody listed: examinations and specialists, injuries, pregnancy, allergies, dosages, sick-leave
grades, "has been found to have X" frames and form-like label blocks, in nb, nn, sv, da and en; with a hard negative
(news, budgets, courses, statistics, job ads, figurative speech) for each family.

Written from what people commonly write to a school, a municipality or an employer, not from any labelled message:
a miss here is a gap on unseen mail.
"""

from __future__ import annotations

import pytest

from hygiene.domain.detect import detect, guess_language, load_rules
from hygiene.domain.text import TextPart

RULES = load_rules(None)

PERSONAL = {
    "nb": [
        "Jeg har fått time til MR hos ortopeden neste tirsdag, så jeg kommer litt senere.",
        "Sønnen vår går til BUP annenhver uke, så han går tidlig på onsdager.",
        "Etter trafikkulykken i fjor har jeg en hjerneskade og blir fort sliten.",
        "Datteren vår har nøtteallergi og må alltid ha med seg adrenalinpenn på turer.",
        "Kona mi har fått svangerskapsforgiftning og er lagt inn til observasjon.",
        "Jeg fikk whiplash i en bilulykke og er 50 % sykmeldt ut måneden.",
        "Mannen min har fått påvist sarkoidose og skal utredes videre.",
        "Jeg tar 20 mg Cipramil hver morgen og blir litt trøtt av det.",
        "Jeg er gradert sykmeldt 40 % fram til påske.",
        "Han ble skrevet ut fra sykehuset i går etter blindtarmoperasjonen.",
        "Jeg hadde en spontanabort forrige uke og trenger noen dager fri.",
        "Sønnen min har et brudd i håndleddet og kan ikke skrive på prøven.",
        "Jeg skal ta ultralyd av skulderen på fredag og kommer ikke på møtet.",
        "Faren min har fått en hjerneblødning og ligger på Haukeland.",
        "Jeg har isjias og klarer ikke å sitte lenge i møter.",
        "Datteren vår ble født med leppe-kjeve-ganespalte og skal opereres igjen i mai.",
        "Jeg er gravid i uke 30 og har fått bekkenløsning.",
        "Eleven har fått diagnosen dyspraksi etter utredning hos PPT og BUP.",
        "Sønnen min har astma og bruker Flutide og Airomir hver dag.",
        "Moren min har fått Parkinson og bruker Madopar.",
        "Jeg har time hos jordmor på helsestasjonen i morgen tidlig.",
        "Jeg går til fysioterapeut for korsbåndsskaden to ganger i uka.",
    ],
    "nn": [
        "Eg har fått time til MR hjå ortopeden neste tysdag, så eg kjem litt seinare.",
        "Sonen vår går til BUP annakvar veke.",
        "Etter trafikkulukka i fjor har eg ein hjerneskade og vert fort sliten.",
        "Dottera vår har nøtteallergi og må alltid ha med seg adrenalinpenn.",
        "Eg er 50 % sjukmeld ut månaden etter ein nakkeskade.",
        "Mannen min har fått påvist sarkoidose og skal greiast ut vidare.",
        "Eg tek 20 mg Cipramil kvar morgon.",
        "Han vart skriven ut frå sjukehuset i går etter operasjonen.",
        "Eg hadde ein spontanabort førre veke og treng nokre dagar fri.",
        "Sonen min har eit brot i handleddet og kan ikkje skrive på prøva.",
        "Far min har fått ei hjerneblødning og ligg på sjukehuset.",
        "Eg er gravid i veke 30 og har fått bekkenløysing.",
        "Eg har time hjå jordmora på helsestasjonen i morgon.",
    ],
    "sv": [
        "Jag har fått en tid för magnetkamera hos ortopeden på tisdag, så jag kommer lite senare.",
        "Vår son går på BUP varannan vecka.",
        "Efter trafikolyckan i fjol har jag en hjärnskada och blir snabbt trött.",
        "Vår dotter har nötallergi och måste alltid ha med sig en adrenalinpenna.",
        "Min fru har fått havandeskapsförgiftning och är inlagd för observation.",
        "Jag fick en whiplashskada i en bilolycka och är sjukskriven på halvtid.",
        "Min man har fått sarkoidos konstaterat och ska utredas vidare.",
        "Jag tar 20 mg Cipramil varje morgon.",
        "Jag är sjukskriven till 50 procent fram till påsk.",
        "Han skrevs ut från sjukhuset i går efter blindtarmsoperationen.",
        "Jag fick ett missfall förra veckan och behöver några dagar ledigt.",
        "Min son har en fraktur i handleden och kan inte skriva på provet.",
        "Min pappa har fått en hjärnblödning och ligger på Sahlgrenska.",
        "Jag har ischias och kan inte sitta länge på möten.",
        "Jag är gravid i vecka 30 och har foglossning.",
        "Vår son har astma och använder Flutide och Airomir varje dag.",
        "Jag har en tid hos barnmorskan på mödravårdscentralen i morgon.",
    ],
    "da": [
        "Jeg har fået en tid til MR-scanning hos ortopædkirurgen på tirsdag, så jeg kommer lidt senere.",
        "Vores søn går til børnepsykiater hver anden uge.",
        "Efter min trafikulykke har jeg en hjerneskade og bliver hurtigt træt.",
        "Vores datter har nøddeallergi og skal altid have en adrenalinpen med.",
        "Min kone har fået svangerskabsforgiftning og er lagt ind til observation.",
        "Jeg fik et piskesmæld i en bilulykke og er delvist sygemeldt.",
        "Min mand har fået konstateret sarkoidose.",
        "Jeg tager 20 mg Cipramil hver morgen.",
        "Han blev udskrevet fra hospitalet i går efter blindtarmsoperationen.",
        "Jeg havde en spontan abort i sidste uge og har brug for et par fridage.",
        "Min søn har et brud på håndleddet og kan ikke skrive til prøven.",
        "Min far har fået en hjerneblødning og ligger på Rigshospitalet.",
        "Jeg har iskias og kan ikke sidde længe til møder.",
        "Jeg er gravid i uge 30 og har bækkenløsning.",
        "Vores søn har astma og bruger Flixotide og Ventoline hver dag.",
        "Jeg har en tid hos jordemoderen i morgen tidlig.",
    ],
    "en": [
        "I have an MRI appointment with the orthopaedic surgeon on Tuesday, so I'll be late.",
        "Our son is under CAMHS and has an appointment every other week.",
        "Since the car accident last year I have a brain injury and tire quickly.",
        "My daughter has a severe nut allergy and always carries an EpiPen.",
        "My wife has pre-eclampsia and has been admitted for monitoring.",
        "I got whiplash in a car crash and I'm signed off work for two weeks.",
        "My husband has been diagnosed with sarcoidosis.",
        "I'm on a phased return to work at 50% after my operation.",
        "He was discharged from hospital yesterday after having his appendix out.",
        "My son has a fractured wrist and can't write in the exam.",
        "My father has had a brain haemorrhage and is in intensive care.",
        "I have sciatica and can't sit through long meetings.",
        "I'm 30 weeks pregnant and have pelvic girdle pain.",
        "Our daughter was born with a cleft palate and has another operation in May.",
        "My son has asthma and uses a Clenil inhaler and salbutamol every day.",
        "I have a scan at the maternity unit tomorrow morning, so I'll be in late.",
        "She is being treated for a rare blood disorder and misses a lot of school.",
        "I have a hospital appointment for my knee on Thursday.",
    ],
}

NEGATIVE = {
    "nb": [
        "Kurs om diabetes for helsepersonell 12. mai. Påmelding på nettsiden.",
        "Budsjettet for BUP og DPS øker med 12 millioner neste år.",
        "8 % av de ansatte har vært sykmeldt det siste året, viser undersøkelsen.",
        "Vi søker sykepleier til ortopedisk avdeling. Søknadsfrist 1. mai.",
        "Jeg er allergisk mot byråkrati, men jeg skal fylle ut skjemaet.",
        "Dette prosjektet gir meg hodepine, men vi får det til.",
        "Sykehuset har fått en ny MR-maskin til 20 millioner kroner.",
        "Vi har kjøpt inn nye adrenalinpenner til alle barnehagene.",
        "Helsestasjonen holder stengt i uke 28.",
        "Legevakten har nytt telefonnummer fra 1. mars.",
        "Veien er stengt etter en trafikkulykke ved Lysaker i morges.",
        "Apoteket har Voltaren og Paracet på tilbud denne uka.",
        "Jeg har lagt ved skjemaet for sykmelding som du ba om.",
        "Nyhetsbrev: Flere unge får diagnosen angst, viser ny forskning. Les mer på nettsiden.",
        "Saken ble henvist til lagmannsretten, sa han i møtet.",
        "Jeg har kjøpt gipset og sparkelen til verkstedet.",
        "Jeg synes konserten var sykt bra, han spilte i tre timer.",
        "Ny helsestasjon for ungdom åpner i rådhuset. Der kan de snakke med helsesykepleier og psykolog.",
    ],
    "nn": [
        "Kurs om diabetes for helsepersonell 12. mai. Påmelding på nettsida.",
        "Budsjettet til BUP og DPS aukar med 12 millionar neste år.",
        "Helsestasjonen held stengt i veke 28.",
        "Eg er allergisk mot byråkrati, men eg skal fylle ut skjemaet.",
        "Saka vart vist til fylkesmannen, sa ho.",
    ],
    "sv": [
        "Kurs om diabetes för vårdpersonal den 12 maj. Anmälan på webbplatsen.",
        "Budgeten för BUP och psykiatrin ökar med 12 miljoner nästa år.",
        "8 procent av de anställda har varit sjukskrivna det senaste året, visar undersökningen.",
        "Vi söker en sjuksköterska till ortopedavdelningen. Sista ansökningsdag 1 maj.",
        "Jag är allergisk mot byråkrati, men jag ska fylla i blanketten.",
        "Sjukhuset har köpt en ny magnetkamera för 20 miljoner kronor.",
        "Vägen är avstängd efter en trafikolycka vid Slussen i morse.",
        "Apoteket har Alvedon och Ipren på erbjudande denna vecka.",
        "Förslaget skickas på remiss till kommunerna, svar senast i maj.",
        "Ärendet lades in i systemet i går och hon handlägger det.",
        "Pengarna har lagts in på hans konto.",
    ],
    "da": [
        "Kursus om diabetes for sundhedspersonale den 12. maj. Tilmelding på hjemmesiden.",
        "Budgettet for børnepsykiatrien stiger med 12 millioner næste år.",
        "8 procent af medarbejderne har været sygemeldt det seneste år, viser undersøgelsen.",
        "Vi søger en sygeplejerske til ortopædkirurgisk afdeling. Ansøgningsfrist 1. maj.",
        "Jeg er allergisk over for bureaukrati, men jeg udfylder skemaet.",
        "Hospitalet har købt en ny MR-scanner til 20 millioner kroner.",
        "Vejen er spærret efter en trafikulykke ved Valby i morges.",
        "Jeg har sendt fakturaerne til scanning, og hun tjekker dem i morgen.",
        "Sagen er henvist til Ankestyrelsen, skriver hun.",
        "Med henvisning til din mail sender jeg referatet.",
    ],
    "en": [
        "I'm sick of this printer jamming every morning.",
        "This project is giving me a headache, but we'll get there.",
        "I'm allergic to bureaucracy, but I'll fill in the form.",
        "Course on diabetes for school staff on 12 May. Book your place on our website.",
        "The hospital budget for MRI scanners increases by 12 million next year.",
        "8% of staff were on sick leave last year, the survey shows.",
        "We are recruiting a staff nurse for the orthopaedic ward. Closing date 1 May.",
        "The pharmacy has paracetamol and ibuprofen on offer this week.",
        "The road is closed after a car accident near the station this morning.",
        "Please find attached the maternity unit's new visiting hours for the newsletter.",
        "I was in stitches at the end-of-year party, he is so funny.",
        "I have attached a scan of my passport for the HR file.",
        "He was admitted to the bar in 2015 and now works for us.",
        "She was referred to the finance committee for approval.",
        "I'm an IT consultant and the ACL on the router blocks my laptop.",
        "I'm off work with the kids this week, back on Monday.",
        "The CI test results came back green, I merged my branch.",
    ],
}


def _found(text: str, language: str) -> set[str]:
    return {f.category for f in detect([TextPart("body", text)], RULES, language=language) if f.confidence >= 0.5}


@pytest.mark.parametrize("language", sorted(PERSONAL))
def test_health_in_unlisted_wording_is_found(language: str) -> None:
    missed = [i for i, text in enumerate(PERSONAL[language]) if "health" not in _found(text, language)]
    assert missed == []


@pytest.mark.parametrize("language", sorted(NEGATIVE))
def test_health_words_in_news_budgets_and_figures_of_speech_are_not_flagged(language: str) -> None:
    flagged = [i for i, text in enumerate(NEGATIVE[language]) if _found(text, language)]
    assert flagged == []


# A form's label-value block is about the person the form is about, named or not; a blank or placeholder value, a
# policy sentence after the label, or a topic line ("Tema:") is not a disclosure.
FORMS = {
    "nb": [
        "Diagnose: diabetes type 2\nSykmeldingsgrad: 50 %\nArbeidsgiver: Fjordvik kommune",
        "Hoveddiagnose: sarkoidose\nBehandlende lege: Kari Lie",
        "Faste medisiner: Levaxin og Albyl-E",
    ],
    "nn": ["Diagnose: depresjon\nSjukmeldingsgrad: 100 %", "Medisinar: Ritalin 10 mg morgon og kveld"],
    "sv": ["Diagnos: diabetes, sjukskrivning 50 %", "Läkemedel: Elvanse\nDiagnos:\nADHD"],
    "da": ["Diagnose: diabetes\nSygemeldingsgrad: 50 %", "Medicin: Concerta 36 mg"],
    "en": [
        "Diagnosis: type 2 diabetes\nFitness for work: 50%",
        "Current medication: sertraline\nAllergies: penicillin",
        "Diagnosis: sarcoidosis",
    ],
}
FORM_NEGATIVES = {
    "nb": [
        "Diagnose: ikke oppgitt\nSykmeldingsgrad:\nArbeidsgiver: Fjordvik kommune",
        "Diagnose: skal ikke oppgis til arbeidsgiver.",
        "Tema: diabetes og fysisk aktivitet. Påmelding på nettsiden.",
        "Diagnose:\nSykmeldingsgrad:\nMedisiner:",
    ],
    "sv": ["Diagnos: ska inte anges i ansökan.", "Diagnos: -\nSjukskrivningsgrad: -"],
    "da": ["Diagnose: ingen\nSygemeldingsgrad: 0 %"],
    "en": [
        "Diagnosis: n/a\nMedication: none",
        "Condition: good, a few scratches on the lid.",
        "Medication: pupils who need medication during the school day hand it to the office in its original box.",
        "Diagnosis: enter the ICD-10 code\nMedication: yes/no",
    ],
    "nn": ["Sjukmeldingsgrad: oppgje i prosent\nDiagnose: skal ikkje oppgjevast til arbeidsgjevar"],
}
# A dose next to a medicine says someone takes it; a dose alone in a price list or a recipe does not.
DOSES = {
    "nb": "Jeg må ta 2 tabletter Paracet hver kveld etter operasjonen.",
    "sv": "Jag tar 50 mg Sertralin varje morgon.",
    "da": "Jeg får 10 enheder insulin til aftensmaden.",
    "en": "I take 20 mg of citalopram every morning and it makes me drowsy.",
}
DOSE_NEGATIVES = {
    "nb": "Tilbud: Paracet 500 mg, 20 tabletter, kr 39 på apoteket denne uka.",
    "en": "Add 200 ml of milk and 2 tablets of stock to the pan.",
}


@pytest.mark.parametrize("language", sorted(FORMS))
def test_a_forms_health_block_is_health_without_a_name(language: str) -> None:
    missed = [i for i, text in enumerate(FORMS[language]) if "health" not in _found(text, language)]
    assert missed == []


@pytest.mark.parametrize("language", sorted(FORM_NEGATIVES))
def test_blank_placeholder_and_topic_labels_are_not_flagged(language: str) -> None:
    flagged = [i for i, text in enumerate(FORM_NEGATIVES[language]) if _found(text, language)]
    assert flagged == []


@pytest.mark.parametrize("language", sorted(DOSES))
def test_a_dose_of_a_medicine_taken_by_the_writer_is_health(language: str) -> None:
    assert "health" in _found(DOSES[language], language)


@pytest.mark.parametrize("language", sorted(DOSE_NEGATIVES))
def test_doses_in_an_offer_or_a_recipe_are_not_flagged(language: str) -> None:
    assert _found(DOSE_NEGATIVES[language], language) == set()


SUBJECTS = {
    "nb": ["Sykmeldt resten av uka", "Innlagt på sykehus – kommer ikke i morgen"],
    "nn": ["Sjukmeld i dag og i morgon", "Sjukmeld denne veka"],
    "sv": ["Sjukskriven resten av veckan"],
    "da": ["Sygemeldt resten af ugen", "Indlagt på hospitalet"],
    "en": ["Signed off sick until Friday"],
}
SUBJECT_NEGATIVES = {
    "nb": ["Kurs: Sykmeldt – hva nå? Påmelding", "Ny rutine for sykmelding og egenmelding"],
    "sv": ["Webbinarium: sjukskriven och sedan? Anmälan öppen"],
    "da": ["Nyhedsbrev: sygemeldt – hvad nu?"],
    "en": ["Newsletter: on sick leave - what are your rights?"],
}


def _found_in_subject(text: str, language: str) -> set[str]:
    findings = detect([TextPart("subject", text)], RULES, language=language)
    return {f.category for f in findings if f.confidence >= 0.5}


@pytest.mark.parametrize("language", sorted(SUBJECTS))
def test_a_subject_line_stating_sick_leave_or_admission_is_health(language: str) -> None:
    missed = [i for i, text in enumerate(SUBJECTS[language]) if "health" not in _found_in_subject(text, language)]
    assert missed == []


@pytest.mark.parametrize("language", sorted(SUBJECT_NEGATIVES))
def test_a_newsletter_or_course_subject_is_not_flagged(language: str) -> None:
    flagged = [i for i, text in enumerate(SUBJECT_NEGATIVES[language]) if _found_in_subject(text, language)]
    assert flagged == []


# Conditions, injuries and procedures beyond test_vocabulary_coverage's list, each in a personal frame (found) and in
# a news and a policy frame (not flagged); nynorsk has its own frames here.
MORE_CONDITIONS = {
    "nb": (
        "hjerneskade;whiplash;isjias;tennisalbue;senebetennelse;slitasjegikt;svangerskapsforgiftning;"
        "svangerskapsdiabetes;bekkenløsning;anafylaksi;anemi;jernmangel;irritabel tarm;magesår;refluks;angina;"
        "lungeemboli;hjerteflimmer;lupus;Bekhterevs sykdom;grønn stær;grå stær;sarkoidose;posttraumatisk stresslidelse;"
        "en tilpasningsforstyrrelse;selektiv mutisme;en tilknytningsforstyrrelse;føtalt alkoholsyndrom;"
        "forsinket språkutvikling;lærevansker;dysgrafi;streptokokker;ørebetennelse;helvetesild;kyssesyke;"
        "et brudd i håndleddet;et ankelbrudd;en korsbåndsskade;en nakkeskade;en sjelden sykdom;en blodsykdom;"
        "en hudsykdom;hypermobilitet;nyrestein;feberkramper;psykotiske episoder"
    ),
    "nn": (
        "ein hjerneskade;whiplash;isjias;svangerskapsforgiftning;bekkenløysing;anemi;irritabel tarm;astma;diabetes;"
        "epilepsi;ADHD;autisme;migrene;angst;depresjon;nøtteallergi;eit brot i armen;ein korsbåndsskade;"
        "dysleksi;cøliaki;leddgikt;kreft;hjernerysting;lærevanskar;ein sjeldan sjukdom"
    ),
    "sv": (
        "en hjärnskada;whiplash;ischias;tennisarmbåge;seninflammation;havandeskapsförgiftning;graviditetsdiabetes;"
        "foglossning;anafylaxi;järnbrist;magsår;reflux;kärlkramp;lungemboli;förmaksflimmer;lupus;Bechterews "
        "sjukdom;grön starr;grå starr;sarkoidos;posttraumatiskt stressyndrom;en anknytningsstörning;selektiv mutism;"
        "inlärningssvårigheter;en fraktur i handleden;en korsbandsskada;en nackskada;en sällsynt sjukdom;"
        "en blodsjukdom;en hudsjukdom;njursten;feberkramper"
    ),
    "da": (
        "en hjerneskade;piskesmæld;iskias;tennisalbue;svangerskabsforgiftning;svangerskabsdiabetes;bækkenløsning;"
        "anafylaksi;blodmangel;jernmangel;mavesår;refluks;hjertekrampe;lungeemboli;atrieflimren;lupus;"
        "grøn stær;grå stær;sarkoidose;posttraumatisk stresslidelse;indlæringsvanskeligheder;"
        "et brud på håndleddet;en knæskade;en nakkeskade;en sjælden sygdom;en blodsygdom;en hudsygdom;nyresten;"
        "feberkramper"
    ),
    "en": (
        "a brain injury;whiplash;sciatica;tennis elbow;tendonitis;pre-eclampsia;gestational diabetes;"
        "pelvic girdle pain;anaphylaxis;anaemia;iron deficiency;irritable bowel syndrome;a stomach ulcer;acid reflux;"
        "angina;a pulmonary embolism;atrial fibrillation;lupus;glaucoma;cataracts;sarcoidosis;"
        "post-traumatic stress disorder;an adjustment disorder;selective mutism;an attachment disorder;"
        "foetal alcohol syndrome;a developmental delay;learning difficulties;dysgraphia;tonsillitis;"
        "an ear infection;shingles;a fractured wrist;a torn ligament;a neck injury;a rare condition;"
        "a blood disorder;a skin condition;hypermobility;kidney stones;febrile convulsions;psychotic episodes"
    ),
}
FRAMES = {
    "nb": (
        "Hei,\n\nSønnen vår har {} og trenger tilrettelegging.\n\nHilsen Kari",
        "Nyhetsbrev: Folkehelseinstituttet melder at forekomsten av {} øker blant barn og unge. Les mer på nettsiden.",
        "Til alle ansatte\n\nOpplysninger om {} hos elever skal ikke sendes på e-post. Bruk sikker sone.\n\n"
        "Personvernombudet",
    ),
    "nn": (
        "Hei,\n\nSonen vår har {} og treng tilrettelegging.\n\nHelsing Kari",
        "Nyheitsbrev: Folkehelseinstituttet melder at førekomsten av {} aukar blant born og unge. Les meir på "
        "nettsida.",
        "Til alle tilsette\n\nOpplysningar om {} hjå elevar skal ikkje sendast på e-post. Bruk sikker sone.\n\n"
        "Personvernombodet",
    ),
    "sv": (
        "Hej,\n\nVår son har {} och behöver anpassningar.\n\nHälsningar Anna",
        "Nyhetsbrev: Folkhälsomyndigheten rapporterar att förekomsten av {} ökar bland barn och unga. Läs mer på "
        "webbplatsen.",
        "Till all personal\n\nUppgifter om {} hos elever får inte skickas med e-post. Använd säker "
        "meddelandetjänst.\n\nDataskyddsombudet",
    ),
    "da": (
        "Hej\n\nVores søn har {} og har brug for hjælp.\n\nHilsen Mette",
        "Nyhedsbrev: Sundhedsstyrelsen oplyser, at forekomsten af {} stiger blandt børn og unge. Læs mere på "
        "hjemmesiden.",
        "Til alle medarbejdere\n\nOplysninger om {} hos elever må ikke sendes pr. mail. Brug sikker post.\n\n"
        "Databeskyttelsesrådgiveren",
    ),
    "en": (
        "Hello,\n\nOur son has {} and needs some support.\n\nBest, James",
        "Newsletter: the health agency reports that cases of {} are rising among children and young people. Read "
        "more on our website.",
        "Dear all staff,\n\nInformation about pupils' {} must not be sent by e-mail. Use the secure portal.\n\n"
        "Data Protection Officer",
    ),
}
# Medicines (brands and generics people write), in a personal frame and in a news frame about a shortage.
MEDICINES = (
    "Cipramil;Sertralin;Voltaren;Pinex;Alvedon;Ozempic;Humalog;Levemir;Flutide;Airomir;Pulmicort;Aerius;Somac;"
    "Nexium;Plavix;Fragmin;Pradaxa;Lamictal;Trileptal;Topimax;Rivotril;Attentin;Vyvanse;Haldol;Madopar;Aricept;"
    "Euthyrox;Emerade;Jext;Maxalt;Tecfidera;Remicade;Stelara;tamoxifen;Truvada;melatonin;Cerazette;Mirena;"
    "penicillin;Selo-Zok;atorvastatin;Crestor;Furix;Campral"
)
MEDICINE_FRAMES = {
    "nb": (
        "Datteren vår bruker {} fast, og skolen må vite det.",
        "Nyhetsbrev: Legemiddelverket melder om mangel på {} " "i apotekene. Les mer på nettsiden.",
    ),
    "nn": (
        "Dottera vår brukar {} fast, og skulen må vite det.",
        "Nyheitsbrev: Legemiddelverket melder om mangel på {} " "på apoteka. Les meir på nettsida.",
    ),
    "sv": (
        "Vår dotter tar {} dagligen, och skolan behöver veta det.",
        "Nyhetsbrev: Läkemedelsverket rapporterar brist " "på {} på apoteken. Läs mer på webbplatsen.",
    ),
    "da": (
        "Vores datter tager {} fast, og skolen skal vide det.",
        "Nyhedsbrev: Lægemiddelstyrelsen melder om mangel på " "{} på apotekerne. Læs mere på hjemmesiden.",
    ),
    "en": (
        "Our daughter takes {} every day, and the school needs to know.",
        "Newsletter: the medicines agency reports " "a shortage of {} in pharmacies. Read more on our website.",
    ),
}


@pytest.mark.parametrize("language", sorted(MORE_CONDITIONS))
def test_more_conditions_about_a_child_are_health(language: str) -> None:
    frame = FRAMES[language][0]
    missed = [c for c in MORE_CONDITIONS[language].split(";") if "health" not in _found(frame.format(c), language)]
    assert missed == []


@pytest.mark.parametrize("language", sorted(MORE_CONDITIONS))
def test_more_conditions_in_news_or_policy_are_not_flagged(language: str) -> None:
    flagged = [
        (frame[:12], c)
        for frame in FRAMES[language][1:]
        for c in MORE_CONDITIONS[language].split(";")
        if _found(frame.format(c), language)
    ]
    assert flagged == []


@pytest.mark.parametrize("language", sorted(MEDICINE_FRAMES))
def test_a_childs_regular_medicine_is_health(language: str) -> None:
    frame = MEDICINE_FRAMES[language][0]
    missed = [m for m in MEDICINES.split(";") if "health" not in _found(frame.format(m), language)]
    assert missed == []


@pytest.mark.parametrize("language", sorted(MEDICINE_FRAMES))
def test_a_medicine_shortage_in_the_news_is_not_flagged(language: str) -> None:
    frame = MEDICINE_FRAMES[language][1]
    flagged = [m for m in MEDICINES.split(";") if _found(frame.format(m), language)]
    assert flagged == []


# Sick-day notes and doctor visits (a patient relationship), with the everyday sentences that share their words.
SICK_DAYS = {
    "nb": [
        "Ola er forkjølet og har feber, så han blir hjemme i dag.",
        "Jeg må til legen i morgen tidlig og kommer etter lunsj.",
        "Emma har vært syk hele helgen med oppkast og diaré.",
        "Jeg har vondt i ryggen etter flyttingen og jobber hjemmefra.",
        "Jeg jobber på sykehuset, men har vært sykmeldt siden mars.",
    ],
    "nn": ["Eg må til legen i morgon og kjem etter lunsj.", "Kari har vore sjuk heile helga med feber."],
    "sv": [
        "Jag ska till läkaren i morgon och kommer efter lunch.",
        "Elsa har varit sjuk hela helgen med feber och kräkningar.",
        "Jag har ont i ryggen efter flytten och jobbar hemifrån.",
    ],
    "da": [
        "Jeg skal til lægen i morgen og kommer efter frokost.",
        "Freja har været syg hele weekenden med feber og opkast.",
        "Jeg har ondt i ryggen efter flytningen og arbejder hjemmefra.",
    ],
    "en": [
        "I'm feeling unwell today and have called in sick.",
        "Sorry, I have a GP appointment tomorrow morning and will be in after lunch.",
        "Jack has been unwell all weekend with a sore throat and a temperature.",
        "I put my back out moving house and will work from home this week.",
    ],
}
SICK_DAY_NEGATIVES = {
    "nb": [
        "Konserten var sykt bra, vi må dit igjen!",
        "Jeg jobber som jordmor på Haukeland og har vakt i helgen.",
        "Jeg har praksis hos en fysioterapeut i Bergen i vår.",
        "Jeg har satt en kald drikke i kjøleskapet til deg.",
        "Vi har laget en plakat om forkjølelse og håndvask til alle avdelingene.",
    ],
    "sv": [
        "Jag jobbar på vårdcentralen i Kungsbacka sedan i våras.",
        "Jag arbetar som barnmorska på Sahlgrenska och har nattpass.",
    ],
    "da": ["Jeg arbejder som sygeplejerske på psykiatrisk afdeling i Aarhus.", "Jeg er ansat hos en ortopædkirurg."],
    "en": [
        "I have a cold drink waiting for you in the fridge.",
        "I have been drinking too much coffee during this migration.",
        "I work in A&E as a receptionist and do the night shifts.",
        "I work as a paediatrician at the Royal London and I'm on call this weekend.",
        "Leaflet for parents: how to treat a cold, a sore throat and earache at home.",
    ],
}


@pytest.mark.parametrize("language", sorted(SICK_DAYS))
def test_sick_day_notes_and_doctor_visits_are_health(language: str) -> None:
    missed = [i for i, text in enumerate(SICK_DAYS[language]) if "health" not in _found(text, language)]
    assert missed == []


@pytest.mark.parametrize("language", sorted(SICK_DAY_NEGATIVES))
def test_everyday_sentences_sharing_sick_day_words_are_not_flagged(language: str) -> None:
    flagged = [i for i, text in enumerate(SICK_DAY_NEGATIVES[language]) if _found(text, language)]
    assert flagged == []


# A possessive on a condition says whose it is ("angsten min", "min depression", "her epilepsy"); a possessive on an
# everyday word that shares a list with health ("my treatment of the issue") does not.
POSSESSIVES = {
    "nb": ["Angsten min har blitt verre i vinter.", "Diabetesen hans er ustabil for tiden."],
    "nn": ["Angsten min har vorte verre i vinter."],
    "sv": ["Min depression har blivit värre i vinter.", "Hennes epilepsi är under kontroll nu."],
    "da": ["Min depression er blevet værre i vinter.", "Hendes astma er blevet værre."],
    "en": ["My anxiety has got worse this winter.", "Her epilepsy is under control now."],
}
POSSESSIVE_NEGATIVES = {
    "en": ["I apologise for my treatment of the issue last week.", "Her treatment of the budget was thorough."],
    "nb": ["Jeg har ansvar for min kollegas medisinkurs i mai."],
}


@pytest.mark.parametrize("language", sorted(POSSESSIVES))
def test_a_possessive_on_a_condition_is_health(language: str) -> None:
    missed = [i for i, text in enumerate(POSSESSIVES[language]) if "health" not in _found(text, language)]
    assert missed == []


@pytest.mark.parametrize("language", sorted(POSSESSIVE_NEGATIVES))
def test_a_possessive_on_an_everyday_word_is_not_health(language: str) -> None:
    flagged = [i for i, text in enumerate(POSSESSIVE_NEGATIVES[language]) if _found(text, language)]
    assert flagged == []


# Sick-leave follow-up and aids people use every day.
FOLLOW_UP = {
    "nb": [
        "Jeg blir friskmeldt fra mandag og kommer tilbake på full tid.",
        "Sønnen vår må alltid ha inhalatoren med på tur.",
        "Dattera vår har fått FreeStyle Libre-sensor og appen må være på i timene.",
        "Jeg går på AAP og kan jobbe 50 prosent.",
    ],
    "nn": ["Eg vert friskmeld frå måndag.", "Sonen vår må alltid ha med inhalatoren på tur."],
    "sv": ["Jag är friskskriven från måndag och kommer tillbaka på heltid.", "Vår son måste alltid ha med inhalatorn."],
    "da": [
        "Jeg er delvist raskmeldt fra mandag.",
        "Lægen har udfyldt en mulighedserklæring for mig.",
        "Jeg har en § 56-aftale med kommunen på grund af min sygdom.",
    ],
    "en": [
        "Jack is poorly today and will stay at home.",
        "I've been off with stress for three weeks.",
        "She uses a CPAP machine at night and is tired in the mornings.",
    ],
}
FOLLOW_UP_NEGATIVES = {
    "nb": [
        "Rutine for dialogmøter og oppfølging av sykmeldte ligger på intranettet.",
        "Vi har fått ny blodsukkermåler til førstehjelpsskapet på lærerværelset.",
    ],
    "sv": ["Rehabkedjan beskrivs i vår nya policy för alla anställda."],
    "da": ["Vejledning om mulighedserklæringer og fastholdelsesplaner findes på hjemmesiden."],
    "en": [
        "The sickness absence policy has been updated; read more on the intranet.",
        "The exam results are poorly formatted.",
    ],
}


@pytest.mark.parametrize("language", sorted(FOLLOW_UP))
def test_sick_leave_follow_up_and_aids_are_health(language: str) -> None:
    missed = [i for i, text in enumerate(FOLLOW_UP[language]) if "health" not in _found(text, language)]
    assert missed == []


@pytest.mark.parametrize("language", sorted(FOLLOW_UP_NEGATIVES))
def test_follow_up_routines_and_equipment_are_not_flagged(language: str) -> None:
    flagged = [i for i, text in enumerate(FOLLOW_UP_NEGATIVES[language]) if _found(text, language)]
    assert flagged == []


# Short personal messages written freely (not from the lists above): a parent, an employee, a relative.
NARRATIVES = [
    (
        "nb",
        "Hei Lise! Bare så du vet det: Mathias har begynt på ny medisin for uroen, så han kan være litt sløv de "
        "første ukene.",
    ),
    ("nb", "Vi fikk beskjed på sykehuset i går at det er lymfekreft. Jeg kommer ikke på jobb resten av uka."),
    ("nb", "Kan Emilie slippe gym en stund? Hun har fått påvist astma ved anstrengelse og venter på medisin."),
    ("nb", "Jeg har en kronisk tarmsykdom og trenger å sitte nær toalettet på eksamen."),
    ("nb", "Hei, bestefar har falt og brukket lårhalsen, og vi må reise til Tromsø i morgen."),
    ("nb", "Jeg skal operere ut visdomstennene på fredag og blir nok borte mandag også."),
    ("nb", "Sønnen vår har fått ny insulinpumpe, og assistentene må lære å bruke den."),
    ("nb", "Jeg sliter med søvnen og har fått sovetabletter av legen, så jeg er treg om morgenen."),
    ("nb", "Hei! Jeg venter mitt første barn i september og vil gjerne snakke om permisjon."),
    ("nn", "Hei! Ho Ingrid har fått diagnosen diabetes type 1 og må måle blodsukkeret før lunsj."),
    ("nn", "Eg har vore mykje borte fordi eg har hatt kraftig migrene i vinter."),
    ("nn", "Far min er no på sjukeheim etter slaget, så eg må ha fri til å besøkje han."),
    ("sv", "Hej! Vi har fått veta att Olle har diabetes typ 1, så han behöver mäta blodsockret före lunch."),
    ("sv", "Jag har fått en remiss till hjärtmottagningen och måste vara ledig på torsdag."),
    ("sv", "Min mamma har fått en stroke och ligger på strokeenheten, jag tar ledigt resten av veckan."),
    ("sv", "Jag opereras för gallsten nästa vecka och blir borta minst två veckor."),
    ("sv", "Elin har fått glasögon och behöver sitta längst fram, hon har också en lätt synnedsättning."),
    ("sv", "Jag är gravid i femte månaden och har fått rådet att inte lyfta tungt."),
    ("da", "Hej Birgitte. Vores datter er netop blevet udredt for autisme, og vi vil gerne holde et møde."),
    ("da", "Jeg er blevet opereret i knæet og går med krykker de næste fire uger."),
    ("da", "Min far har fået demens og er flyttet på plejehjem, så jeg skal have fri fredag."),
    ("da", "Anton har fået en hjernerystelse til fodbold og må ikke se på skærme i en uge."),
    ("da", "Jeg er i fertilitetsbehandling og skal have fri til nogle scanninger i næste måned."),
    (
        "en",
        "Hi Sarah, just to let you know that Oliver has been diagnosed with type 1 diabetes and will need to check "
        "his levels before lunch.",
    ),
    ("en", "I'm having my gallbladder removed next week and will be off for two weeks."),
    ("en", "My mum has had a stroke and is on the stroke ward, so I need to take compassionate leave."),
    ("en", "Lily has just started on melatonin to help her sleep, so she might be a bit groggy in the mornings."),
    ("en", "I've been struggling with my mental health and my GP has signed me off for a month."),
    ("en", "Noah fractured his collarbone at rugby and can't do PE for six weeks."),
    ("en", "I'm undergoing IVF and will need some flexibility for appointments over the next month."),
    ("en", "Since my cancer diagnosis last year I get tired very easily."),
    ("en", "Hi Mr Patel, Amelia won't be in today, she's been up all night being sick."),
    ("en", "Just a heads-up that I'm waiting for the results of a biopsy, so I may need time off at short notice."),
    ("en", "Freddie has an EHCP for his autism and needs a quiet space at lunch."),
    ("en", "I'm applying for PIP because of my MS and need a letter confirming my hours."),
    ("en", "My son has been self-harming and CAMHS have put him on a waiting list."),
    ("en", "I'm seven months pregnant and my midwife has advised me to reduce my hours."),
    ("en", "Following my hip replacement I'll be working from home for six weeks."),
    ("en", "Could Ella be excused from swimming? She has grommets in her ears."),
    ("en", "I've been diagnosed with long COVID and my energy levels are very low."),
    ("en", "My husband is in a psychiatric unit after a breakdown, so I need some compassionate leave."),
    ("en", "Our daughter has a peanut allergy and carries two adrenaline pens in her bag."),
    ("en", "I have an appointment at the fertility clinic on Wednesday morning."),
    ("en", "Tom is recovering from glandular fever and will be on reduced timetable for a while."),
    ("en", "Mum had a fall and broke her wrist, so I'm taking her to the fracture clinic tomorrow."),
    ("nn", "Eg har fått påvist høgt blodtrykk og må gå til kontroll kvar månad."),
    ("nn", "Sonen vår har fått ein hjernerystelse på fotballtrening og må kvile frå skjermar."),
    ("nn", "Eg er sjukmeld på grunn av ryggen og veit ikkje kor lenge det varer."),
    ("nn", "Dottera vår er under utgreiing for ADHD hjå BUP."),
    ("nn", "Mor mi har fått demens og treng meir hjelp frå heimetenesta."),
    ("nn", "Eg har termin i august og søkjer om permisjon frå juli."),
    ("da", "Jeg er lige blevet opereret for brystkræft og er sygemeldt i otte uger."),
    ("da", "Min søn har fået konstateret type 1-diabetes og skal måle blodsukker i skolen."),
    ("sv", "Jag har fått diagnosen utmattningssyndrom och är sjukskriven på halvtid."),
    ("sv", "Vår dotter har fått en hjärnskakning på handbollen och ska vila från skärmar."),
    ("nb", "Jeg er utredet for ME og venter på svar fra nevrologen."),
    ("nb", "Sønnen vår har fått briller og lapp for det ene øyet, han ser dårlig på tavla."),
    ("da", "Hej Lone. Magnus har haft ondt i maven i flere uger, og vi skal til børnelæge på torsdag."),
    ("da", "Jeg er desværre kommet til skade med knæet og skal have foretaget en kikkertoperation."),
    ("da", "Min mor er blevet indlagt med en lungebetændelse, så jeg arbejder hjemmefra i dag."),
    ("da", "Jeg har fået at vide, at jeg har stress, og lægen har sygemeldt mig i to uger."),
    ("da", "Vores datter har fået høreapparat, så læreren skal bruge mikrofonen i timerne."),
    ("da", "Jeg venter mig og har terminsdato i oktober."),
    ("sv", "Hej! Wilma har fått öroninflammation och stannar hemma resten av veckan."),
    ("sv", "Jag har fått en tid för operation av menisken i juni och blir sjukskriven efteråt."),
    ("sv", "Min man har fått ett återfall i sitt alkoholberoende och jag behöver vara hemma."),
    ("sv", "Vår son har fått hörapparat och läraren behöver använda mikrofonen."),
    ("sv", "Jag väntar barn och har beräknat datum i oktober."),
    ("sv", "Ebbe är utredd för dyslexi och behöver få läsa in proven."),
    ("nn", "Eg har fått ein skade i kneet og skal opererast i juni."),
    ("nn", "Sonen vår har fått høyreapparat, så læraren må bruke mikrofonen."),
    ("nn", "Eg ventar barn og har termin i oktober."),
    ("nb", "Jeg har fått påvist høyt stoffskifte og blir fort sliten for tiden."),
    ("nb", "Datteren vår har vært plaget med vondt i magen og skal utredes for cøliaki."),
    ("nb", "Kan Nora få sitte nær døra? Hun har panikkangst og trenger å kunne gå ut."),
]
NARRATIVE_NEGATIVES = [
    ("nb", "Sykehuset har fått nye senger på barneavdelingen, og de gamle kan hentes gratis."),
    ("nb", "Jeg tok en lang tur i marka i helgen, helt nydelig vær."),
    ("nb", "Husk førstehjelpskurset på torsdag, vi øver på hjerte-lunge-redning."),
    ("nb", "Kommunen søker vikarer til sykehjemmet i sommer. Send søknad innen 1. mai."),
    ("sv", "Vårdcentralen har nya öppettider från och med måndag."),
    ("sv", "Jag är helt slut efter flytten men det var värt det."),
    ("da", "Plejehjemmet holder sommerfest for pårørende den 14. juni."),
    ("da", "Jeg er træt af den nye printer, den virker aldrig."),
    ("en", "The clinic will be closed on Monday for staff training."),
    ("en", "I'm dying to see the new office, send me some photos!"),
    ("en", "The virus scan found nothing on your laptop."),
    ("en", "We had a healthy discussion about the budget at the meeting."),
    ("nb", "Prosjektet knakk nesten nakken i vår, men nå går det bra."),
    ("en", "I broke my back getting this release out, but it was worth it."),
    ("nb", "Vi diskuterte budsjettet for sykehjemmet på møtet i går."),
    ("en", "I manage a care home in Leeds and would like a quote for the new rota software."),
    ("en", "I'm sick and tired of these password resets."),
    ("en", "The fertility clinic's new website is live; please share the link."),
    ("en", "Our new MRI scanner arrives in May and I'm coordinating the installation."),
    ("en", "The report was a real headache but it's done now."),
    ("en", "I've been swamped this week, my brain is fried."),
    ("nn", "Heimetenesta får nye bilar i mai, og eg har ansvar for utleveringa."),
    ("nn", "Eg har vore på kurs om demens og kan dele notatane."),
]


def _found_any_language(text: str, fallback: str) -> set[str]:
    findings = detect([TextPart("body", text)], RULES, language=guess_language(text) or fallback)
    return {f.category for f in findings if f.confidence >= 0.5}


def test_freely_written_personal_messages_are_health() -> None:
    missed = [i for i, (language, text) in enumerate(NARRATIVES) if "health" not in _found_any_language(text, language)]
    assert missed == []


def test_freely_written_everyday_messages_are_not_flagged() -> None:
    flagged = [i for i, (language, text) in enumerate(NARRATIVE_NEGATIVES) if _found_any_language(text, language)]
    assert flagged == []


# Known misses, kept visible: a weak word with only a third-person pronoun ("han") stays below the threshold.
KNOWN_MISSES = [
    ("nb", "Etter hjerteoperasjonen kan han ikke løfte noe tyngre enn fem kilo på seks uker."),
    ("en", "I'm being tested for coeliac disease and must keep eating gluten until the test."),
]


@pytest.mark.xfail(strict=True, reason="known miss; remove from this list when found")
@pytest.mark.parametrize(("language", "text"), KNOWN_MISSES)
def test_known_misses(language: str, text: str) -> None:
    assert "health" in _found_any_language(text, language)


# Mail from people who work in health and care: their profession, ward, shifts, courses, statistics and equipment are
# not anyone's health. (The same words about a patient or oneself are covered above.)
HEALTH_WORKER_MAIL = [
    ("nb", "Jeg har oppdatert rutinen for legevakten og lagt den på Teams."),
    ("nb", "Jeg sender deg tallene for sykefraværet i første kvartal, de ser bedre ut enn i fjor."),
    ("nb", "Jeg har snakket med fastlegene om den nye samarbeidsavtalen, de er positive."),
    ("nb", "Kan du bestille flere inhalatorer og spacere til helsesøsterkontoret?"),
    ("nb", "Jeg har vakt på ortopeden i helgen, så jeg kan ikke ta møtet lørdag."),
    ("nb", "Jeg skal holde et innlegg om svangerskapsdiabetes på fagdagen for jordmødre."),
    ("nb", "Jeg har bestilt ny MR-maskin, den leveres i uke 40."),
    ("nb", "Jeg har laget en oversikt over hvor mange som ble henvist til BUP i fjor."),
    ("nb", "Jeg skal på kurs i ultralyd av hjertet neste uke."),
    ("nb", "Hei! Jeg er ny fysioterapeut i kommunen og gleder meg til å jobbe med dere."),
    ("nb", "Jeg vikarierer som helsesykepleier på skolen fram til jul."),
    ("nb", "Jeg har ansvar for legemiddelhåndteringen på avdelingen og trenger tilgang til systemet."),
    ("nn", "Eg har oppdatert rutinen for legevakta og lagt henne ut på intranettet."),
    ("sv", "Jag har uppdaterat rutinen för akuten och lagt upp den på intranätet."),
    ("sv", "Jag skickar siffrorna för sjukfrånvaron under första kvartalet."),
    ("sv", "Jag har jour på ortopeden i helgen och kan inte komma på mötet."),
    ("sv", "Jag är ny barnmorska på mödravårdscentralen och ser fram emot att träffa er."),
    ("da", "Jeg har opdateret vejledningen for skadestuen og lagt den på intranettet."),
    ("da", "Jeg sender tallene for sygefraværet i første kvartal."),
    ("da", "Jeg har vagt på ortopædkirurgisk afdeling i weekenden."),
    ("da", "Jeg er ny sundhedsplejerske i kommunen og glæder mig til samarbejdet."),
    ("en", "I've updated the A&E escalation procedure and put it on the intranet."),
    ("en", "I'm sending you the sickness absence figures for the first quarter."),
    ("en", "I'm on call for orthopaedics this weekend so can't make Saturday."),
    ("en", "I'm giving a talk on gestational diabetes at the midwives' study day."),
    ("en", "I've ordered a new ultrasound scanner for the maternity unit."),
    ("en", "I'm the new physio for the community team and look forward to meeting you."),
    ("en", "I have compiled the list of referrals to CAMHS for the annual report."),
    ("en", "My team runs the diabetes clinic on Tuesdays; the room is booked."),
]
PATIENT_MAIL = [
    ("nb", "Jeg har time hos ortopeden på torsdag for kneet mitt."),
    ("sv", "Jag ska till barnmorskan på torsdag för kontroll."),
    ("da", "Jeg har en tid hos ortopædkirurgen på torsdag på grund af mit knæ."),
    ("en", "Our health visitor comes on Monday to check Ava's weight."),
    ("en", "My physio says I can start running again in May."),
    ("nb", "Jeg skal ta MR av kneet på torsdag og kommer etter lunsj."),
]


def test_health_workers_mail_about_their_work_is_not_flagged() -> None:
    flagged = [i for i, (language, text) in enumerate(HEALTH_WORKER_MAIL) if _found_any_language(text, language)]
    assert flagged == []


def test_a_patients_appointment_with_a_professional_is_health() -> None:
    missed = [
        i for i, (language, text) in enumerate(PATIENT_MAIL) if "health" not in _found_any_language(text, language)
    ]
    assert missed == []


# Office mail that shares words with health: ordering first-aid supplies, printing a hospital's report, HR routines,
# figures of speech ("a prescription for success", "gave birth to an idea", "broke my phone").
OFFICE_MAIL = [
    ("nb", "Jeg har lagt inn bestillingen av Paracet og plaster til førstehjelpsskrinet."),
    ("nb", "Jeg har skrevet ut rapporten fra sykehuset og lagt den i posthyllen din."),
    ("nb", "Jeg er ansvarlig for sykefraværsoppfølgingen i avdelingen og trenger tilgang til Visma."),
    ("nb", "Jeg har laget et forslag til rutine for gradert sykmelding som vi kan diskutere."),
    ("nb", "Jeg har fått influensavaksinen i dag, husk å ta den du også!"),
    ("nb", "Jeg holder et foredrag om fødselen av velferdsstaten på torsdag."),
    ("nb", "Jeg har brukt hele dagen på å få skriveren tilbake i drift."),
    ("nb", "Vi har fått inn en ny CT-maskin, og jeg har ansvar for opplæringen."),
    ("nb", "Jeg må til tannlegen i morgen, så jeg kommer etter lunsj."),
    ("nb", "Jeg går på kurs i førstehjelp og lærer å håndtere allergiske reaksjoner."),
    ("nb", "Jeg har oppdatert listen over ansatte som er vaksinert mot hepatitt B."),
    ("sv", "Jag har beställt Alvedon och plåster till första hjälpen-lådan."),
    ("sv", "Jag har skrivit ut rapporten från sjukhuset och lagt den i ditt fack."),
    ("sv", "Jag ansvarar för rehabiliteringsärendena på enheten och behöver behörighet."),
    ("sv", "Jag har gjort ett förslag till rutin för deltidssjukskrivning som vi kan diskutera."),
    ("da", "Jeg har bestilt Panodil og plaster til førstehjælpskassen."),
    ("da", "Jeg har printet rapporten fra hospitalet og lagt den i din bakke."),
    ("da", "Jeg har lavet et udkast til retningslinjer for delvis sygemelding."),
    ("en", "I've ordered paracetamol and plasters for the first aid kit."),
    ("en", "I printed the report from the hospital and left it in your tray."),
    ("en", "I'm responsible for sickness absence management in the department."),
    ("en", "I caught the fever of the World Cup, can't wait for the next match!"),
    ("en", "I have a prescription for success: more coffee and fewer meetings."),
    ("en", "I'm on steroids with this deadline, everything at once!"),
    ("en", "I've drafted a policy on phased returns for us to discuss."),
    ("en", "I broke my phone screen again, can IT order a new one?"),
    ("en", "I have the scan results from the antivirus run on your laptop, all clean."),
    ("nb", "Vi har kommet til skade for å slette mappen, kan IT gjenopprette den?"),
    ("en", "I've attached the fracture clinic's new rota for next month."),
    ("en", "My colleague gave birth to a brilliant idea in the meeting today."),
]
KNOWN_FALSE_POSITIVES = [
    ("nb", "Jeg har feber etter fotball-VM, haha, gleder meg til neste kamp!"),
    ("nn", "Eg har skrive ut rapporten frå sjukehuset og lagt han i posthylla di."),
    ("en", "Our flu jab clinic is on Thursday; I've booked the room."),
]


def test_office_mail_sharing_health_words_is_not_flagged() -> None:
    flagged = [i for i, (language, text) in enumerate(OFFICE_MAIL) if _found_any_language(text, language)]
    assert flagged == []


@pytest.mark.xfail(strict=True, reason="known false positive; remove from this list when fixed")
@pytest.mark.parametrize(("language", "text"), KNOWN_FALSE_POSITIVES)
def test_known_false_positives(language: str, text: str) -> None:
    assert _found_any_language(text, language) == set()


# Letters to all parents or staff, job ads and class announcements: rules about "children with a fever", a nut
# allergy or graded sick leave, addressed to everyone, are not about anyone.
INFO_LETTERS = [
    (
        "nb",
        "Nyhetsbrev fra personalavdelingen\n\nEr du gradert sykmeldt? Da har du rett til tilrettelegging. Lederen "
        "din skal lage oppfølgingsplan innen fire uker, og dialogmøte holdes innen sju uker. Du trenger ikke oppgi "
        "diagnose. Les mer på intranettet.",
    ),
    (
        "nb",
        "Til alle foresatte\n\nBarn som har feber, oppkast eller diaré skal holdes hjemme til de har vært "
        "symptomfrie i 48 timer. Barn med nøtteallergi må ha med adrenalinpenn på tur. Gi beskjed til kontaktlærer "
        "dersom barnet bruker faste medisiner.",
    ),
    (
        "nb",
        "Helsestasjonen informerer: Gravide kan ta kontakt med jordmor for svangerskapskontroll. Vi tilbyr også "
        "ammeveiledning og samtaler etter fødselen.",
    ),
    (
        "nb",
        "Rutine for legemiddelhåndtering: Medisiner som Ritalin, Concerta og Buccolam skal oppbevares i låst skap. "
        "Dosering skal kvitteres i skjema.",
    ),
    (
        "nn",
        "Til alle tilsette\n\nEr du sjukmeld, skal du melde frå til leiaren din same dag. Sjukmeldingsgrad og "
        "periode går fram av sjukmeldinga. Du skal ikkje oppgje diagnose.",
    ),
    (
        "sv",
        "Till all personal\n\nÄr du sjukskriven på deltid har du rätt till anpassning. Chefen ska göra en plan för "
        "återgång i arbete. Du behöver inte ange diagnos. Läs mer på intranätet.",
    ),
    (
        "sv",
        "Information till vårdnadshavare: Barn med feber, kräkningar eller diarré ska stanna hemma. Barn med "
        "nötallergi ska ha adrenalinpenna med på utflykter.",
    ),
    (
        "da",
        "Til alle medarbejdere\n\nEr du delvist sygemeldt, skal din leder udarbejde en fastholdelsesplan. Du kan "
        "bede lægen om en mulighedserklæring. Du skal ikke oplyse din diagnose.",
    ),
    (
        "da",
        "Information til forældre: Børn med feber, opkast eller diarré skal blive hjemme. Børn med nøddeallergi "
        "skal have adrenalinpen med på tur.",
    ),
    (
        "en",
        "To all staff\n\nIf you are on a phased return after sickness absence, your manager will agree a plan with "
        "you. You do not need to tell us your diagnosis. Occupational health referrals can be made through the HR "
        "portal.",
    ),
    (
        "en",
        "Dear parents, children with a fever, vomiting or diarrhoea must stay at home for 48 hours. Pupils with a "
        "nut allergy must carry their adrenaline pen on trips. Please tell the office if your child takes regular "
        "medication.",
    ),
    (
        "en",
        "Our antenatal classes start in May. Midwives will cover pelvic girdle pain, gestational diabetes and what "
        "to expect at the 20-week scan. Book on our website.",
    ),
    (
        "en",
        "Medication policy: pupils' inhalers, EpiPens and insulin must be labelled with the pupil's name and kept "
        "in the medical room.",
    ),
    (
        "nb",
        "Ledig stilling: Vi søker jordmor til fødeavdelingen. Erfaring med svangerskapsdiabetes og keisersnitt er "
        "en fordel. Søknadsfrist 1. mai.",
    ),
    (
        "sv",
        "Vi söker en barnmorska till förlossningen. Erfarenhet av graviditetsdiabetes är meriterande. Sista "
        "ansökningsdag 1 maj.",
    ),
    (
        "en",
        "Vacancy: we are recruiting a physiotherapist for our fracture clinic. Experience with sports injuries and "
        "whiplash is desirable.",
    ),
]
PERSONAL_COUNTERPARTS = [
    ("nb", "Hei! Ola har hatt feber og oppkast i natt, så han blir hjemme i dag. Hilsen Kari"),
    ("da", "Hej. Freja har nøddeallergi og skal have sin adrenalinpen med på turen i morgen. Hilsen Mette"),
    ("en", "Hi, Amelia has had a fever and diarrhoea since last night, so she will stay at home today."),
    ("sv", "Jag är sjukskriven på deltid och min chef har gjort en plan för återgång i arbete."),
]


def test_letters_to_everyone_are_not_flagged() -> None:
    flagged = [i for i, (language, text) in enumerate(INFO_LETTERS) if _found_any_language(text, language)]
    assert flagged == []


def test_the_same_words_about_one_child_or_employee_are_health() -> None:
    missed = [
        i
        for i, (language, text) in enumerate(PERSONAL_COUNTERPARTS)
        if "health" not in _found_any_language(text, language)
    ]
    assert missed == []
