"""Identity categories (GDPR art. 9 religion, ethnicity, politics, union, sexual orientation, genetic/biometric, and
art. 10 criminal) on wording people actually write, in every language, and the group or topic uses of the same
words that must not be flagged.

Each positive states something about an identifiable person (the writer, a relative, a pupil, a named person); each
negative uses the same vocabulary about a group, an organisation, an event, statistics or the news. The lists cover
families of wording (denominations, origin phrases, parties and unions by country, youth sanctions, inflections and
adjective forms), not sentences of any labelled set.
"""

from __future__ import annotations

import pytest

from hygiene.domain.detect import detect, guess_language, load_rules
from hygiene.domain.text import TextPart

RULES = load_rules(None)
THRESHOLD = 0.5
IDENTIFIERS = {"national_id", "bank_account", "payment_card"}


def _found(text: str) -> set[str]:
    findings = detect([TextPart("body", text)], RULES, language=guess_language(text))
    return {f.category for f in findings if f.confidence >= THRESHOLD and f.category not in IDENTIFIERS}


POSITIVE: dict[str, list[str]] = {
    "religion": [
        # nb
        "Vi tilhører Den syrisk-ortodokse kirke, og sønnen vår skal døpes i mai.",
        "Familien tilhører Den eritreisk-ortodokse kirke og feirer jul 7. januar.",
        "Min mor er katolsk og går i messe hver søndag.",
        "Han er muslimsk og ønsker fri til id.",
        "Datteren vår er jødisk og spiser kosher.",
        "Jeg er medlem av pinsemenigheten Filadelfia og synger i koret der.",
        "Jeg har konvertert til buddhismen og mediterer hver morgen.",
        "Eleven faster under ramadan og ønsker å slippe kroppsøving den måneden.",
        "Sønnen vår skal ha humanistisk konfirmasjon i Human-Etisk Forbund i vår.",
        "Vi er Jehovas vitner og feirer ikke bursdager.",
        "Jeg meldte meg ut av Den norske kirke i fjor.",
        "Kona mi er medlem av Den katolske kirke.",
        "Han er aktiv i menigheten og leder ungdomsarbeidet der.",
        "Hun bruker hijab av religiøse årsaker.",
        # nn
        "Familien høyrer til Den ortodokse kyrkja, og sonen vår skal døypast.",
        "Eg er katolsk og går i messe kvar sundag.",
        "Ho er muslim og fastar under ramadan.",
        "Eg har meldt meg ut av Den norske kyrkja.",
        # sv
        "Vi tillhör Syrisk-ortodoxa kyrkan och vår son ska döpas i maj.",
        "Min mamma är katolsk och går i mässan varje söndag.",
        "Han är muslim och ber fem gånger om dagen.",
        "Jag är medlem i Pingstkyrkan och sjunger i kören.",
        "Jag har gått ur Svenska kyrkan.",
        "Hon bär slöja av religiösa skäl.",
        "Vår dotter konverterade till islam förra året.",
        "Min man är judisk och vi firar sabbat.",
        # da
        "Vi tilhører den koptisk-ortodokse kirke, og vores søn skal døbes.",
        "Min mor er katolsk og går i kirke hver søndag.",
        "Jeg er medlem af Pinsekirken.",
        "Han er muslim og beder fem gange om dagen.",
        "Jeg har meldt mig ud af folkekirken.",
        "Vores datter går med tørklæde af religiøse årsager.",
        # en
        "We belong to the Syriac Orthodox Church and our son will be baptised in May.",
        "My mother is Catholic and goes to Mass every Sunday.",
        "He is a Jehovah's Witness and will not take part in birthday celebrations.",
        "I converted to Buddhism last year.",
        "Hi Tom,\n\nShe wears a headscarf for religious reasons, so please allow it with the uniform.\n\nBest, Anna",
        "Our daughter is Muslim and fasts during Ramadan.",
        "My husband is Jewish and we keep kosher at home.",
    ],
    "ethnicity": [
        "Eleven har tamilsk bakgrunn og snakker tamil hjemme.",
        "Mora hans er av kurdisk opprinnelse.",
        "Jeg er same og ønsker samisk tolk på møtet.",
        "Han er kven og snakker kvensk med bestemoren sin.",
        "Familien tilhører romanifolket og reiser mye om sommeren.",
        "Faren tilhører romfolket, og familien bor i Oslo om vinteren.",
        "Bestefaren min var skogfinne fra Grue.",
        "Ho har samisk bakgrunn og snakkar sørsamisk med mor si.",
        "Eleven har tamilsk baggrund og taler tamil hjemme.",
        "Min pappa är tornedaling och talar meänkieli.",
        "Han har kurdiska rötter och familjen kom från Irak.",
        "Vi är romer och vår dotter talar romani.",
        "Familjen är resande och vill ha stöd i skolan.",
        "Min mor er grønlænder, og vi taler grønlandsk derhjemme.",
        "Familien er af kurdisk afstamning.",
        "She is of Pakistani heritage and speaks Urdu at home.",
        "Our son is Sami and speaks North Sami with his grandmother.",
        "The family are Romany Gypsies and travel in the summer.",
        "My father is Kurdish and grew up in Turkey.",
        "Brukeren er rom og snakker romanes med familien.",
        "Min mormor talar romani och är född i Finland.",
    ],
    "politics": [
        "Jeg er medlem av Høyre og stiller på lista i høst.",
        "Mannen min sitter i styret for Senterpartiet lokalt.",
        "Hun kandiderer for Rødt ved kommunevalget.",
        "Jeg stemte på Frp ved forrige valg.",
        "Eg er medlem i Senterpartiet og sit i heradsstyret.",
        "Jag är medlem i Centerpartiet och kandiderar i valet.",
        "Min man är aktiv i Vänsterpartiet.",
        "Jag röstade på Miljöpartiet i förra valet.",
        "Jeg er medlem af Socialdemokratiet.",
        "Hun stiller op for Enhedslisten til kommunalvalget.",
        "I'm a member of the Conservative Party.",
        "I voted for the Green Party at the last election.",
        "Jag är medlem i Svenska folkpartiet och sitter i stadsfullmäktige.",
        "Faren hans er kommunist og har tatt med sønnen på 1. mai-tog.",
        "Han är nazist och har hotat flera elever.",
        "Hello,\n\nMy brother is a socialist and is standing in the local election.\n\nBest, Sam",
    ],
    "union": [
        "Jeg er medlem i Utdanningsforbundet og ønsker at tillitsvalgt deltar.",
        "Jeg er organisert i Unio og vil ha med tillitsvalgt.",
        "Hun er tillitsvalgt for NSF på avdelingen.",
        "Jeg er medlem av Norsk Lektorlag.",
        "Jag är medlem i Akavia och vill ha med ett ombud.",
        "Jag är med i facket och vill att ombudet deltar.",
        "Jeg er medlem af DM og vil gerne have en bisidder med.",
        "Jeg er medlem af Dansk Socialrådgiverforening.",
        "I'm a member of the RMT and my rep will attend.",
        "I am a member of UNISON and would like my rep to attend.",
        "Fagforeningskontingent trekkes av lønnen min hver måned.",
        "Jeg er tatt ut i streik fra mandag og kan ikke komme på jobb.",
    ],
    "sexual_orientation": [
        "Jeg lever i et likekjønnet ekteskap og har to barn.",
        "Vi är ett samkönat par och har adopterat en son.",
        "Min son lever i ett samkönat förhållande.",
        "Jeg er medmor til Emma og vil ha foreldrepermisjon.",
        "Han og mannen hans flyttet til Bergen i fjor.",
        "She and her wife have two children.",
        "Vi inngikk registrert partnerskap i 2005.",
        "Jeg er homo og har vært åpen om det på jobb.",
        "Jeg er skeiv og ønsker ikke at foreldrene mine får vite det.",
        "He is gay and lives with his partner.",
        "Vi er to mødre og har felles foreldreansvar.",
        "Min søn er bøsse og bor med sin kæreste.",
    ],
    "genetic_biometric": [
        "Jeg har tatt en gentest som viste at jeg har arvelig høyt kolesterol.",
        "Datteren vår har testet positivt for BRCA1-genet.",
        "Vi har levert DNA-prøve til UDI for familiegjenforening.",
        "Min mamma har gjort ett gentest som visade Lynch syndrom.",
        "Min søn har fået lavet en gentest, der viser fragilt X.",
        "My DNA test showed I carry the BRCA2 gene.",
        "Attached are the employee's fingerprint templates for the access system.",
    ],
    "criminal": [
        "He served 18 months for burglary and was released in March.",
        "She was jailed for assault in 2019.",
        "He was cautioned for shoplifting last year.",
        "Han sonet 18 måneder for innbrudd og slapp ut i mars.",
        "Sønnen vår fikk påtaleunnlatelse for tyveri i fjor.",
        "Han ble idømt ungdomsstraff etter ranet.",
        "Saken mot sønnen vår ble overført til konfliktråd etter hærverket.",
        "Han er siktet for vold mot kjæresten.",
        "Hun ble straffet for bedrageri i 2020.",
        "Eg vart dømd for promillekøyring i fjor.",
        "Sonen vår fekk påtaleunnlating for tjuveri.",
        "Han avtjänade 18 månader för inbrott.",
        "Vår son fick åtalsunderlåtelse för snatteri.",
        "Han sitter häktad misstänkt för rån.",
        "Han har afsonet 18 måneder for indbrud.",
        "Vores søn fik et betinget tiltalefrafald for butikstyveri.",
        "Han blev anholdt for vold i nat.",
        "Jeg har en plett på politiattesten fra 2017.",
        "He has a conviction for drink-driving from 2018.",
    ],
}

NEGATIVE = [
    # religion: groups, congregations, announcements, teaching
    "Muslimske og kristne frivillige delte ut mat på torget lørdag.",
    "Menigheten inviterer til julekonsert i kirken søndag. Alle er velkommen.",
    "Syrisk-ortodokse kirke holder åpen dag lørdag, og alle er velkommen.",
    "Den katolske kirke i Norge har over 160 000 registrerte medlemmer, viser statistikken.",
    "Svenska kyrkan anordnar sorgegrupp för alla som förlorat en anhörig.",
    "Many Muslim and Christian volunteers helped at the food bank on Saturday.",
    "Elevene besøkte moskeen og synagogen i KRLE-faget i dag.",
    "Konfirmasjonsundervisningen starter i september, påmelding på nettsiden.",
    "Katolske skoler i Danmark har fået flere ansøgere i år.",
    "The Catholic school fete is on Saturday, everyone welcome.",
    "Vi leier menighetssalen til personalfesten 12. desember.",
    # ethnicity: groups, language courses, institutions, nationality
    "Mange samiske familier deltok på markeringen av samefolkets dag.",
    "Kurs i nordsamisk for nybegynnere starter i januar.",
    "Sametinget har vedtatt nytt budsjett for 2025.",
    "Romer i Sverige har länge diskriminerats, visar en ny rapport.",
    "Vi søker tolk i tamil til helsestasjonen fra mars.",
    "Han er svensk statsborger og har bodd i Norge i fem år.",
    "Many Sami families took part in the celebration in Tromsø.",
    # politics: results, programmes, news
    "Senterpartiet fikk 14 prosent i kommunen ved valget, viser resultatene.",
    "Partiprogrammet til SV for 2025–2029 er nå publisert.",
    "Sverigedemokraterna ökade i den senaste opinionsmätningen.",
    "The Labour Party conference starts on Sunday in Liverpool.",
    "Kommunestyret vedtok budsjettet mot stemmene fra Frp og Høyre.",
    # union: news, agreements, ordinary words
    "LO og NHO er enige i årets lønnsoppgjør.",
    "Kommunal varslar strejk från måndag, rapporterar SVT.",
    "3F har indgået en ny overenskomst for chauffører.",
    "UNISON members voted to accept the pay offer, the BBC reports.",
    "Vision 2030 för skolan presenteras på mötet i morgon.",
    "Unio krever høyere lønn for sykepleiere i årets oppgjør.",
    # sexual orientation: partners without orientation, events, law
    "Naboen fortalte at den tidligere samboeren hans hadde flyttet ut i fjor.",
    "Samboeren min og jeg har kjøpt leilighet på Grünerløkka.",
    "Ta med kjæresten din på sommerfesten!",
    "I'm getting married to my partner in June, so I'd like two weeks off.",
    "Pride-paraden går gjennom sentrum lørdag, og kommunen heiser regnbueflagget.",
    "Sveriges riksdag införde samkönade äktenskap 2009.",
    "Min sambo och jag flyttar till Uppsala i augusti.",
    # genetic/biometric: products, courses, news
    "Vi innfører fingeravtrykksleser på de nye telefonene.",
    "Biometrisk pass kan bestilles hos politiet.",
    "Kurs i genetikk for VG3 starter etter høstferien.",
    # criminal: news and unnamed people, prevention
    "Tidligere ordfører dømt for korrupsjon, melder NRK.",
    "Slik sikrer du boligen mot innbrudd i ferien.",
    "A man was jailed for burglary in Leeds yesterday, police said.",
    "Konfliktrådet tilbyr mekling i nabokonflikter.",
    "Politiet minner om at promillekjøring kan gi fengselsstraff.",
    "Nazister marsjerte gjennom sentrum i helgen, melder NRK.",
    # first names that begin like a religious word (Sunniva, Shiar, Jainaba)
    "Sunniva og Shiar er med i koret i år, og Jainaba spiller piano på konserten.",
    # victims reporting an offence: no offender is identified
    "Vi hadde innbrudd i garasjen i helgen, og det er anmeldt til politiet.",
    "Jeg ble ranet på vei hjem fra jobb i går, men er ikke skadet.",
    "Vi har politianmeldt hærverket på skolen i helgen.",
    "Hej, vi har haft indbrud i kælderen, og det er anmeldt til politiet.",
    "Vi hade inbrott i förrådet och stölden är polisanmäld.",
    "Jeg er mistenkt for å ha korona, så jeg holder meg hjemme i dag.",
    "Det er rom for forbedring i rutinene, og jeg foreslår et møte.",
    "Streiken i kommunene er over, og barnehagene åpner igjen mandag.",
    "Kurs i romani for lærere starter i høst, påmelding på nettsiden.",
    # everyday uses of words and phrases the lists above rely on
    "Hi Tom,\n\nI'm a member of the local chess club, so I can't come on Tuesday.\n\nBest, Anna",
    "Jeg meldte meg ut av fotballaget i fjor, så jeg har ikke tid til dugnaden.",
    "Jeg konverterte filen til PDF før jeg sendte den.",
    "I was charged twice for the conference ticket, could you refund one payment?",
    "Arbeidet er organisert i tre faser, og jeg leder den første.",
    "Jag är ST-läkare på kirurgen och har jour i helgen.",
    "Han vandt DM i svømning sidste weekend, og vi er meget stolte.",
    "Alternativet er å flytte møtet til fredag, skriver jeg til deg.",
    "Hi Tom,\n\nMy wife went into labour on Tuesday, so I'll be off this week.\n\nBest, Sam",
    "Jeg har prestasjonsangst før eksamen, men det går bra.",
    "Vi har sikret oss godt mot innbrudd med ny lås.",
    "I'm a member of the gym and go three times a week.",
    "Jag gick med i fotbollslaget i våras och tränar två gånger i veckan.",
    "Jeg er medlem af en løbeklub og træner hver tirsdag.",
    "Jeg har en samboer og to barn, og vi bor på Lambertseter.",
    "Hi Tom,\n\nMy girlfriend and I are moving to Leeds in June.\n\nBest, Sam",
]


@pytest.mark.parametrize(
    ("category", "text"), [(category, text) for category, texts in POSITIVE.items() for text in texts]
)
def test_identity_statement_about_a_person_is_found(category: str, text: str) -> None:
    assert category in _found(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_group_topic_or_news_use_is_not_flagged(text: str) -> None:
    assert _found(text) == set()


# Origin stated about a pupil or a relative, per language: a people's adjective with "background"/"descent", or a
# country after "background from"/"roots in". Nationality or a product's origin alone is not ethnicity (NEGATIVE
# and ORIGIN_NEGATIVE).
ORIGINS = {
    "nb": (
        "Eleven har {} og trenger morsmålsopplæring.",
        "somalisk bakgrunn;eritreisk bakgrunn;polsk bakgrunn;kurdisk avstamning;vietnamesisk bakgrunn;"
        "bakgrunn fra Afghanistan;røtter i Sápmi;bakgrunn fra Sri Lanka",
    ),
    "nn": ("Eleven har {} og treng morsmålsopplæring.", "somalisk bakgrunn;tamilsk bakgrunn;bakgrunn frå Eritrea"),
    "sv": (
        "Eleven har {} och behöver modersmålsundervisning.",
        "somalisk bakgrund;eritreansk bakgrund;finsk bakgrund;kurdisk härkomst;rötter i Turkiet;bakgrund från Syrien",
    ),
    "da": (
        "Eleven har {} og har brug for modersmålsundervisning.",
        "somalisk baggrund;tamilsk baggrund;grønlandsk baggrund;kurdisk afstamning;rødder i Tyrkiet;"
        "baggrund fra Irak",
    ),
    "en": (
        "Hello,\n\nThe pupil is of {} and needs support with English.\n\nBest, Anna",
        "Somali descent;Pakistani heritage;Polish background;Kurdish descent;Caribbean heritage",
    ),
}
ORIGIN_NEGATIVE = [
    "Vi har bestilt kontormøbler av kinesisk opprinnelse til det nye bygget.",
    "Andelen innbyggere med somalisk bakgrunn øker, viser statistikken fra SSB.",
    "Vi søker kandidater med erfaring fra helsesektoren og bakgrunn fra offentlig forvaltning.",
    "Hun er polsk statsborger og har jobbet hos oss i fem år.",
    "Andelen elever med utländsk bakgrund har ökat enligt den nya statistiken.",
    "Hello,\n\nThe parts are of Chinese origin, so I need the customs forms by Friday.\n\nBest, Anna",
]


@pytest.mark.parametrize("language", sorted(ORIGINS))
def test_stated_origin_is_ethnicity(language: str) -> None:
    frame, origins = ORIGINS[language]
    missed = [o for o in origins.split(";") if "ethnicity" not in _found(frame.format(o))]
    assert missed == []


@pytest.mark.parametrize("text", ORIGIN_NEGATIVE)
def test_origin_of_goods_statistics_or_nationality_is_not_ethnicity(text: str) -> None:
    assert "ethnicity" not in _found(text)


# Membership of each party and union a Nordic or British public-sector mail is likely to name, in a plain personal
# frame; the same names in news and results frames are not a person's opinion or membership.
PARTIES = {
    "nb": (
        "Jeg er medlem av {} og sitter i kommunestyret.",
        "Arbeiderpartiet;Høyre;Fremskrittspartiet;Senterpartiet;SV;Rødt;Venstre;MDG;KrF;Pensjonistpartiet;"
        "Partiet Sentrum;Norgesdemokratene;AUF;Unge Høyre;Senterungdommen",
    ),
    "nn": ("Eg er medlem i {} og sit i heradsstyret.", "Arbeidarpartiet;Høgre;Senterpartiet;Raudt;KrF;SV"),
    "sv": (
        "Jag är medlem i {} och sitter i kommunfullmäktige.",
        "Socialdemokraterna;Moderaterna;Sverigedemokraterna;Centerpartiet;Vänsterpartiet;Liberalerna;"
        "Kristdemokraterna;Miljöpartiet;SSU;MUF;Svenska folkpartiet",
    ),
    "da": (
        "Jeg er medlem af {} og sidder i byrådet.",
        "Socialdemokratiet;Venstre;Det Konservative Folkeparti;Dansk Folkeparti;Enhedslisten;Radikale Venstre;"
        "Socialistisk Folkeparti;Liberal Alliance;Moderaterne;Danmarksdemokraterne;DSU",
    ),
    "en": (
        "Hello,\n\nI am a member of the {} and sit on the council, so I need Thursday evenings off.\n\nBest, Sam",
        "Labour Party;Conservative Party;Liberal Democrats;Green Party;SNP;Plaid Cymru;Reform UK",
    ),
}
UNIONS = {
    "nb": (
        "Jeg er medlem i {} og vil ha med tillitsvalgt på møtet.",
        "Fagforbundet;Utdanningsforbundet;Delta;Parat;Unio;NSF;Fellesforbundet;Tekna;NITO;Akademikerne;"
        "Forskerforbundet;Norsk Lektorlag;Skolenes landsforbund;FO;NTL;Econa;Samfunnsviterne",
    ),
    "sv": (
        "Jag är medlem i {} och vill ha med ett ombud på mötet.",
        "Kommunal;Vision;Unionen;Vårdförbundet;Sveriges Lärare;Akavia;Akademikerförbundet SSR;IF Metall;Byggnads;"
        "Seko;Handels;Sveriges Ingenjörer;Naturvetarna",
    ),
    "da": (
        "Jeg er medlem af {} og vil gerne have min tillidsrepræsentant med.",
        "3F;FOA;HK;BUPL;Dansk Metal;Krifa;DM;Djøf;Dansk Sygeplejeråd;Danmarks Lærerforening;Socialpædagogerne;"
        "Dansk Socialrådgiverforening",
    ),
    "en": (
        "Hello,\n\nI'm a member of {} and would like my rep at the meeting.\n\nBest, Sam",
        "UNISON;Unite;GMB;the NEU;Usdaw;the RCN;the BMA;the RMT;the CWU;the NASUWT;the UCU;PCS",
    ),
}
NAMES_IN_NEWS = [
    "Arbeiderpartiet fikk 24 prosent og Høyre 21 prosent ved kommunevalget, viser resultatene.",
    "Moderaterna och Socialdemokraterna är överens om budgeten, rapporterar SVT.",
    "Enhedslisten og Dansk Folkeparti stemte imod forslaget i Folketinget i går.",
    "The Labour Party and the Conservatives both published their manifestos this week.",
    "Fagforbundet og Delta har brutt forhandlingene, melder NRK.",
    "Kommunal och Vision har tecknat nytt avtal med SKR, läs mer på intranätet.",
    "3F og FOA har indgået en ny overenskomst med KL, oplyser forbundene.",
    "UNISON and GMB members voted to accept the pay offer, the unions said.",
]


@pytest.mark.parametrize(
    ("table", "language"),
    [
        (t, lang)
        for t in ("politics", "union")
        for lang in ("nb", "nn", "sv", "da", "en")
        if lang in {"politics": PARTIES, "union": UNIONS}[t]
    ],
)
def test_membership_of_each_party_and_union_is_found(table: str, language: str) -> None:
    frame, names = {"politics": PARTIES, "union": UNIONS}[table][language]
    missed = [n for n in names.split(";") if table not in _found(frame.format(n))]
    assert missed == []


@pytest.mark.parametrize("text", NAMES_IN_NEWS)
def test_party_and_union_names_in_news_are_not_flagged(text: str) -> None:
    assert _found(text) == set()


# Offences, sanctions and suspicion about a relative, per language: convictions, fines, youth sanctions, custody,
# charges and reports to the police (art. 10 covers offences, not only convictions).
OFFENCES_WIDE = {
    "nb": (
        "Hei,\n\nSønnen vår {} i fjor, og vi lurer på om det får betydning for lærlingplassen.\n\nHilsen Kari",
        "ble dømt for ran;ble straffet for tyveri;ble siktet for innbrudd;ble anmeldt for hærverk;fikk forelegg for "
        "naskeri;fikk påtaleunnlatelse;ble idømt ungdomsstraff;fikk samfunnsstraff;satt i varetekt;ble pågrepet for "
        "vold;sonet tre måneder;fikk bot for promillekjøring;måtte møte i konfliktrådet",
    ),
    "nn": (
        "Hei,\n\nSonen vår {} i fjor, og vi lurer på om det har noko å seie for lærlingplassen.\n\nHelsing Kari",
        "vart dømd for ran;vart straffa for tjuveri;vart sikta for innbrot;fekk påtaleunnlating;fekk ungdomsstraff;"
        "sat i varetekt;fekk bot for promillekøyring",
    ),
    "sv": (
        "Hej,\n\nVår son {} förra året, och vi undrar om det påverkar praktikplatsen.\n\nHälsningar Anna",
        "dömdes för rån;straffades för stöld;blev åtalad för inbrott;blev polisanmäld för skadegörelse;fick "
        "åtalsunderlåtelse;dömdes till ungdomstjänst;fick böter för snatteri;satt häktad;greps för misshandel;"
        "avtjänade tre månader",
    ),
    "da": (
        "Hej\n\nVores søn {} sidste år, og vi er i tvivl om det betyder noget for praktikpladsen.\n\nHilsen Mette",
        "blev dømt for røveri;blev straffet for tyveri;blev sigtet for indbrud;blev anmeldt for hærværk;fik et "
        "tiltalefrafald;fik en ungdomssanktion;fik en bøde for butikstyveri;sad varetægtsfængslet;blev anholdt for "
        "vold;afsonede tre måneder",
    ),
    "en": (
        "Hello,\n\nLast year our son {}, and we wonder whether it affects the apprenticeship.\n\nBest, James",
        "was convicted of robbery;was jailed for burglary;was charged with assault;was cautioned for shoplifting;"
        "got a referral order;was given a youth caution;was fined for possession of cannabis;was remanded in "
        "custody;was arrested for criminal damage;served three months for theft",
    ),
}


@pytest.mark.parametrize("language", sorted(OFFENCES_WIDE))
def test_offences_sanctions_and_suspicion_are_criminal(language: str) -> None:
    frame, offences = OFFENCES_WIDE[language]
    missed = [o for o in offences.split(";") if "criminal" not in _found(frame.format(o))]
    assert missed == []


# Belonging to a denomination, congregation or life-stance body, stated by a family in each language.
DENOMINATIONS = {
    "nb": (
        "Vi tilhører {} og ønsker fri for sønnen vår på høytidsdagen.",
        "Den katolske kirke;Pinsebevegelsen;Den syrisk-ortodokse kirke;Den eritreisk-ortodokse kirke;Jehovas vitner;"
        "Ahmadiyya-menigheten;Frelsesarmeen;Metodistkirken;Det mosaiske trossamfunn;Human-Etisk Forbund;"
        "en sjiamuslimsk menighet;Den russisk-ortodokse kirke;Smith's Venner;Den koptisk-ortodokse kirke",
    ),
    "nn": (
        "Vi høyrer til {} og ønskjer fri for sonen vår på høgtidsdagen.",
        "Den katolske kyrkja;Pinserørsla;Den ortodokse kyrkja;Jehovas vitne;Human-Etisk Forbund",
    ),
    "sv": (
        "Vi tillhör {} och önskar ledigt för vår son på högtidsdagen.",
        "Katolska kyrkan;Pingstkyrkan;Syrisk-ortodoxa kyrkan;Assyriska kyrkan;Jehovas vittnen;Equmeniakyrkan;"
        "Frälsningsarmén;Serbisk-ortodoxa kyrkan;Mormonkyrkan;en shiamuslimsk församling;Koptisk-ortodoxa kyrkan",
    ),
    "da": (
        "Vi tilhører {} og ønsker fri til vores søn på helligdagen.",
        "Den katolske kirke;Pinsekirken;Den russisk-ortodokse kirke;Jehovas Vidner;Baptistkirken;"
        "Det jødiske samfund;Frelsens Hær;Ahmadiyya-menigheden",
    ),
    "en": (
        "Hello,\n\nWe belong to {} and would like our son to have the feast day off.\n\nBest, James",
        "the Catholic Church;a Pentecostal church;the Syriac Orthodox Church;the Coptic Orthodox Church;"
        "Jehovah's Witnesses;the Methodist Church;the Salvation Army;a Sikh gurdwara;an Ahmadiyya mosque",
    ),
}


@pytest.mark.parametrize("language", sorted(DENOMINATIONS))
def test_belonging_to_a_denomination_is_religion(language: str) -> None:
    frame, bodies = DENOMINATIONS[language]
    missed = [b for b in bodies.split(";") if "religion" not in _found(frame.format(b))]
    assert missed == []


# Everyday ways of saying the same things, as a whole short mail (greeting, statement, sign-off).
MAILS = [
    ("criminal", "Hei,\n\nSaken mot sønnen vår ble henlagt etter bevisets stilling i mars.\n\nHilsen Kari"),
    ("criminal", "Hi,\n\nThe police took no further action against my son after the fight.\n\nBest, Emma"),
    ("criminal", "Hei,\n\nPolitiattesten er ikke ren, så han kan ikke begynne i barnehagen.\n\nHilsen HR"),
    (
        "religion",
        "Navn: Aisha Khan\nKlasse: 7B\nKost: Halal, ikke svinekjøtt (religiøse hensyn)\nAllergier: Ingen",
    ),
    (
        "religion",
        (
            "Elev: Jonas Berg\n"
            "Fødselsdato: 12.03.2012\n"
            "Trossamfunn: Jehovas vitner\n"
            "Merknad: Deltar ikke i julegudstjeneste"
        ),
    ),
    (
        "religion",
        (
            "Hi team,\n\n"
            "Just so you know, Priya is Hindu and will be celebrating Diwali with her family on Monday.\n\n"
            "Thanks, Anna"
        ),
    ),
    (
        "religion",
        (
            "Hei,\n\n"
            "Far til Noah ønsker ikke at sønnen deltar i skolegudstjenesten, da familien er muslimsk.\n\n"
            "Hilsen kontaktlærer"
        ),
    ),
    (
        "religion",
        (
            "Hej!\n\n"
            "Vi är ortodoxa kristna och firar jul den 7 januari, så Nikola är ledig då.\n\n"
            "Hälsningar Milena"
        ),
    ),
    (
        "religion",
        "Hei,\n\nJeg er pinsevenn og ønsker ikke å jobbe søndager.\n\nHilsen Marit",
    ),
    (
        "ethnicity",
        "Navn: Nils Aslak Sara\nFødselsdato: 03.04.2011\nMorsmål: Nordsamisk\nEtnisitet: Samisk",
    ),
    (
        "ethnicity",
        "Hej!\n\nHan är syrian och familjen talar arameiska hemma.\n\nHälsningar Eva",
    ),
    (
        "ethnicity",
        (
            "Hi,\n\n"
            "For the census form: I'm of mixed heritage, my mum is Jamaican and my dad is Scottish.\n\n"
            "Thanks, Leah"
        ),
    ),
    (
        "ethnicity",
        "Hei,\n\nGutten er rom, og familien har nylig kommet fra Romania.\n\nHilsen barnevernet",
    ),
    (
        "ethnicity",
        "Hej\n\nHendes far er kurder, og hun taler kurdisk med ham.\n\nHilsen Mette",
    ),
    (
        "politics",
        (
            "Hei,\n\n"
            "Som medlem av Arbeiderpartiets bystyregruppe trenger jeg fri til gruppemøtet mandag.\n\n"
            "Hilsen Tor"
        ),
    ),
    (
        "politics",
        "Hej,\n\nJag är kommunalråd för Liberalerna och måste gå tidigt på onsdag.\n\nHälsningar Anders",
    ),
    (
        "politics",
        "Hi Jo,\n\nI'm a Lib Dem councillor and have a council meeting on Thursday evening.\n\nBest, Mark",
    ),
    (
        "politics",
        "Hei,\n\nHan har sterke politiske meninger og er aktiv i Rødt.\n\nHilsen Kari",
    ),
    (
        "union",
        "Hei,\n\nJeg er medlem i Akademikerne og vil ha forbundet med i forhandlingene.\n\nHilsen Siri",
    ),
    (
        "union",
        "Navn: Ola Nordmann\nAnsattnr: 4411\nFagforening: Fagforbundet\nTrekk: 412 kr/mnd",
    ),
    (
        "union",
        "Hej,\n\nSom förtroendevald för Vision vill jag vara med på förhandlingen.\n\nHälsningar Kim",
    ),
    (
        "union",
        "Hi,\n\nAs the UNISON rep for the branch, I'd like to attend the hearing.\n\nBest, Jo",
    ),
    (
        "sexual_orientation",
        "Hei,\n\nMin sønn har fortalt at han er skeiv, og vi er bekymret for mobbing.\n\nHilsen Kari",
    ),
    (
        "sexual_orientation",
        "Hej,\n\nHon lever i en samkönad relation och vill inte att det nämns på mötet.\n\nHälsningar Eva",
    ),
    (
        "sexual_orientation",
        "Hi,\n\nMy son is gay and has asked us not to tell his grandparents.\n\nBest, Emma",
    ),
    (
        "sexual_orientation",
        "Hei,\n\nEg er lesbisk og har vore sambuar med Kari i fem år.\n\nHelsing Siri",
    ),
    (
        "genetic_biometric",
        "Hei,\n\nSvaret på gentesten kom i dag: Ingrid har arvelig brystkreftgen (BRCA1).\n\nHilsen Kari",
    ),
    (
        "genetic_biometric",
        "Hej,\n\nDNA-testet visar att Jonas inte är biologisk far till barnet.\n\nHälsningar Eva",
    ),
    (
        "genetic_biometric",
        "Hi,\n\nThe clinic confirmed my daughter carries the cystic fibrosis gene.\n\nBest, Emma",
    ),
    (
        "criminal",
        "Navn: Per Hansen\nFødselsdato: 01.01.1990\nPolitiattest: Anmerkning – vold (2019)",
    ),
    (
        "criminal",
        "Hej,\n\nHan dömdes i fjol till skyddstillsyn för narkotikabrott.\n\nHälsningar Eva",
    ),
    (
        "criminal",
        "Hei,\n\nSønnen min har fått en ungdomskontrakt etter at han ble tatt med hasj.\n\nHilsen Kari",
    ),
    (
        "criminal",
        "Hi,\n\nMy son received a youth caution for possession of cannabis last spring.\n\nBest, Emma",
    ),
    (
        "criminal",
        "Hej\n\nHan er tidligere dømt for vold og har en betinget dom.\n\nHilsen Mette",
    ),
    (
        "criminal",
        "Hei,\n\nHan sitter i varetekt, siktet for drapsforsøk.\n\nHilsen Per",
    ),
    (
        "religion",
        (
            "Hei Anne,\n\n"
            "Malik skal være med på Ramadan-iftar hjemme hos besteforeldrene, så han kommer litt sent på mandag. "
            "Vi faster alle sammen i familien.\n\n"
            "Hilsen Samira"
        ),
    ),
    (
        "religion",
        (
            "Hei,\n\n"
            "Vi er medlemmer av Den katolske kirke, og Ola skal ta første kommunion 4. mai. Kan han få fri?\n\n"
            "Mvh Maria"
        ),
    ),
    (
        "religion",
        (
            "Hej,\n\n"
            "Som troende muslim vill jag gärna kunna be under arbetsdagen. Finns det ett tyst rum?\n\n"
            "Med vänlig hälsning Omar"
        ),
    ),
    (
        "religion",
        (
            "Hej\n\n"
            "Vores datter er Jehovas Vidne og deltager derfor ikke i fødselsdagsfejringer i klassen.\n\n"
            "Venlig hilsen Lone"
        ),
    ),
    (
        "religion",
        (
            "Dear Mr Hughes,\n\n"
            "As a Sikh, my son wears a kara and a patka; please let the PE teacher know.\n\n"
            "Kind regards, Harpreet"
        ),
    ),
    (
        "religion",
        (
            "Hei,\n\n"
            "Eg er ikkje medlem av Den norske kyrkja lenger, så eg vil ikkje ha kyrkjeleg gravferd for mor.\n\n"
            "Helsing Ola"
        ),
    ),
    (
        "religion",
        "Hej!\n\nJag har lämnat Svenska kyrkan och vill inte att kyrkoavgiften dras på lönen.\n\nHälsningar Jonas",
    ),
    ("religion", "Hi,\n\nI'm Jewish and would like to take Yom Kippur off this year.\n\nThanks, Rachel"),
    ("religion", "Hei,\n\nMora til Leah er jøde, og familien holder sabbat fra fredag kveld.\n\nHilsen Trine"),
    ("religion", "Hej,\n\nHan konverterade till islam förra året och bär nu skägg och kalott.\n\nHälsningar Eva"),
    ("ethnicity", "Hei,\n\nEleven er same og har foreldre som driver reindrift i Kautokeino.\n\nHilsen kontaktlærer"),
    ("ethnicity", "Hei,\n\nFamilien er tatere, og gutten har ikke gått fast på skole før.\n\nMvh Kari"),
    ("ethnicity", "Hej,\n\nMin farfar var tornedaling och pratade meänkieli hemma.\n\nHälsningar Lars"),
    ("ethnicity", "Hej\n\nBarnets mor er inuk fra Nuuk, og drengen taler grønlandsk.\n\nVenlig hilsen Sofie"),
    ("ethnicity", "Hi,\n\nThe family are Irish Travellers and have just moved onto the site.\n\nBest, Claire"),
    ("ethnicity", "Hei,\n\nEg er kven, og bestemor snakka kvensk med meg då eg var lita.\n\nHelsing Sigrid"),
    ("ethnicity", "Hei,\n\nFaren er av pakistansk opprinnelse og moren er norsk.\n\nHilsen Per"),
    ("ethnicity", "Hej,\n\nHon är romsk och har haft svårt att få lägenhet.\n\nHälsningar Eva"),
    ("politics", "Hei,\n\nJeg er nestleder i Rødt Bergen og trenger fri til landsmøtet i mai.\n\nHilsen Ingrid"),
    (
        "politics",
        "Hej,\n\nJag sitter i kommunfullmäktige för Moderaterna och behöver ledigt på tisdagar.\n\nHälsningar Karl",
    ),
    (
        "politics",
        "Hej\n\nJeg er opstillet for Venstre til kommunalvalget og skal til vælgermøde torsdag.\n\nHilsen Jens",
    ),
    (
        "politics",
        "Hi Sarah,\n\nI'm standing as a Green Party candidate in May and will need a few afternoons off.\n\nBest, Tom",
    ),
    ("politics", "Hei,\n\nHan er aktiv i Fremskrittspartiets ungdom og deler mye politisk på nett.\n\nHilsen Kari"),
    ("politics", "Hei,\n\nEg er medlem av Senterpartiet og sit i kommunestyret.\n\nHelsing Nils"),
    ("union", "Hei,\n\nJeg er medlem av Fagforbundet og ber om at lønnstrekket for kontingent rettes.\n\nHilsen Lise"),
    ("union", "Hej,\n\nJag har gått med i Unionen och vill att avgiften dras via lönen.\n\nHälsningar Sara"),
    ("union", "Hej\n\nJeg er medlem af 3F og vil gerne have fagforeningen med til mødet.\n\nHilsen Bo"),
    ("union", "Hi,\n\nI've just joined Unite and would like union subs deducted from my salary.\n\nThanks, Dave"),
    ("union", "Hei,\n\nEg er organisert i Utdanningsforbundet og ønskjer tillitsvald med.\n\nHelsing Kari"),
    ("union", "Hei,\n\nHan er hovedtillitsvalgt for Delta i kommunen.\n\nHilsen Per"),
    (
        "sexual_orientation",
        (
            "Hei,\n\n"
            "Sønnen vår har nettopp fortalt oss at han er homofil, og vi ønsker en prat med helsesykepleier.\n\n"
            "Hilsen Kari"
        ),
    ),
    ("sexual_orientation", "Hej\n\nMin datter er lesbisk og bliver mobbet i klassen.\n\nHilsen Mette"),
    ("sexual_orientation", "Hi,\n\nMy daughter has come out as bisexual and is being bullied.\n\nBest, Emma"),
    ("sexual_orientation", "Hei,\n\nJeg og kona mi Lene venter barn, og jeg blir medmor.\n\nHilsen Hanne"),
    (
        "genetic_biometric",
        (
            "Hei,\n\n"
            "Datteren vår har fått påvist en genfeil (Fragilt X-syndrom) etter gentesting på Ullevål.\n\n"
            "Hilsen Kari"
        ),
    ),
    ("genetic_biometric", "Hej,\n\nMin pappa har testats för BRCA2 och bär på mutationen.\n\nHälsningar Eva"),
    ("genetic_biometric", "Hej\n\nGentesten viser, at min søn har arvet sygdommen fra sin far.\n\nHilsen Mette"),
    ("genetic_biometric", "Hi,\n\nMy DNA results show I carry the gene for Huntington's.\n\nBest, Paul"),
    (
        "genetic_biometric",
        "Hei,\n\nFingeravtrykkene til den ansatte er lagret i adgangssystemet med ansattnummer 1234.\n\nHilsen IT",
    ),
    ("criminal", "Hei,\n\nPolitiattesten til søkeren viser en dom for narkotikalovbrudd fra 2021.\n\nHilsen HR"),
    ("criminal", "Hej,\n\nHan sitter inne för grov misshandel och släpps i juni.\n\nHälsningar Eva"),
    ("criminal", "Hej\n\nMin søn blev i går anholdt og sigtet for røveri.\n\nHilsen Mette"),
    ("criminal", "Hi,\n\nMy brother got two years for dealing and is out on licence now.\n\nBest, Sam"),
    ("criminal", "Hei,\n\nSonen vår vart teken for naskeri og fekk ei bot.\n\nHelsing Kari"),
    ("criminal", "Hei,\n\nJeg ble tatt i fartskontroll med promille og mistet lappen i ett år.\n\nHilsen Per"),
    ("criminal", "Hej,\n\nMin man har fått fotboja efter rattfylleriet.\n\nHälsningar Eva"),
    ("criminal", "Hi,\n\nThe tenant has a conviction for criminal damage from 2020.\n\nRegards, Housing"),
    ("criminal", "Hei,\n\nEleven har fått ungdomsoppfølging etter hærverket på skolen.\n\nHilsen rektor"),
    ("religion", "Hei!\n\nAhmed kommer ikke på skolen fredag fordi vi feirer eid.\n\nMvh Fatima"),
    ("religion", "Hello Mrs Evans,\n\nI'm Catholic, so I would like Good Friday off this year.\n\nBest, Sam"),
    ("religion", "Hej!\n\nVi firar eid på onsdag, så Yusuf är ledig från förskolan.\n\nHälsningar Amina"),
    ("ethnicity", "Hello,\n\nFor the form: he is Black British and speaks English at home.\n\nBest, Sam"),
    ("ethnicity", "Hej\n\nHun er halvt grønlandsk og taler lidt grønlandsk med sin mormor.\n\nHilsen Mette"),
    ("politics", "Hei,\n\nJeg er lokalpolitiker for SV og trenger fri til bystyremøtet.\n\nHilsen Per"),
    ("politics", "Hej,\n\nJag är engagerad i Vänsterpartiet och har möte på torsdag kväll.\n\nHälsningar Eva"),
    ("politics", "Hei,\n\nJeg stemte på Ap ved valget, men er usikker nå.\n\nHilsen Per"),
    ("politics", "Hej,\n\nJag röstade på SD i förra valet, det vet alla på jobbet.\n\nHälsningar Eva"),
    ("politics", "Hello,\n\nI voted Labour at the last election and regret it.\n\nBest, Sam"),
    ("politics", "Hei,\n\nHan er Frp-politiker og har bedt om et møte om saken.\n\nHilsen Kari"),
    ("union", "Hei,\n\nHun er tillitsvalgt for NSF på avdelingen og deltar i drøftingen.\n\nHilsen Per"),
    ("union", "Hei,\n\nJeg tar med min tillitsvalgte på samtalen på fredag.\n\nHilsen Per"),
    ("union", "Hei,\n\nJeg vil ha med tillitsvalgt på møtet om omplasseringen.\n\nHilsen Per"),
    ("union", "Hej,\n\nJag är med i Kommunal och vill ha med ett ombud på mötet.\n\nHälsningar Eva"),
    ("sexual_orientation", "Hej,\n\nMin son har berättat att han har en pojkvän.\n\nHälsningar Eva"),
    ("sexual_orientation", "Hello,\n\nWe are two men and would like to adopt.\n\nBest, Sam"),
    ("genetic_biometric", "Hei,\n\nGentesten viste at Emma har arvet genet fra faren sin.\n\nHilsen Kari"),
    ("criminal", "Hello,\n\nThe applicant has a criminal record for theft from 2019.\n\nBest, Sam"),
    ("criminal", "Hej,\n\nHan har en dom för misshandel från 2020.\n\nHälsningar Eva"),
]
MAILS_NEGATIVE = [
    # clubs, councils, a city, "stemmer det", "half way": words the attribution cues rely on
    ("Hei,\n\n" "Det er rom og tid for spørsmål etter foredraget, og jeg tar gjerne imot innspill.\n\n" "Hilsen Per"),
    "Hei,\n\nVi reiser til Roma i påsken og er tilbake 10. april.\n\nHilsen Kari",
    "Hei,\n\nJeg er på samme kurs som deg i neste uke.\n\nHilsen Per",
    "Hej,\n\nJag är aktiv i föräldraföreningen och undrar om vårens möten.\n\nHälsningar Eva",
    "Hei,\n\nJeg er medlem i borettslagets styre og sender referatet.\n\nHilsen Kari",
    "Hello,\n\nI'm a member of the school council and will send the minutes.\n\nBest, Sam",
    "Hei,\n\nHun er halvt norsk og halvt svensk, og snakker begge språk.\n\nHilsen Kari",
    "Hei,\n\nHan er aktiv i speideren og skal på leir i sommer.\n\nHilsen Kari",
    "Hej\n\nHan er medlem af fodboldklubben og træner to gange om ugen.\n\nHilsen Mette",
    "Hei,\n\nStemmer det at møtet er flyttet til fredag?\n\nHilsen Per",
    "Hello,\n\nI voted in the staff survey; the results come out next week.\n\nBest, Sam",
    "Hei,\n\nJeg stemte for forslaget om ny kantine.\n\nHilsen Per",
    "Hello,\n\nShe's half way through the report and will send it on Friday.\n\nBest, Sam",
    "Hei,\n\nByggesaken er henlagt fordi søknaden ble trukket.\n\nHilsen Per",
    "Navn:\nFødselsdato:\nTrossamfunn:\nKost (halal/vegetar):",
    "Hei,\n\nMenyen for uka: mandag halal kylling, tirsdag vegetar, onsdag fisk.\n\nHilsen kantina",
    "Hi all,\n\nDiwali lunch in the staff room on Monday – everyone welcome!\n\nBest, Anna",
    "Hej,\n\nSamiska veckan i Umeå bjuder på föreläsningar om renskötsel.\n\nHälsningar Eva",
    "Hei,\n\nPartiene i bystyret er enige om nytt budsjett, skriver Adresseavisen.\n\nHilsen Per",
    "Hi,\n\nUNISON reps will be on site on Tuesday for drop-in questions about the pay offer.\n\nBest, HR",
    "Hej,\n\nFacket har begärt förhandling om den nya organisationen.\n\nHälsningar HR",
    "Hei,\n\nSkeivt kulturår 2022 markeres med utstilling i biblioteket.\n\nHilsen Kari",
    "Hei,\n\nGentesting av nyfødte (nyfødtscreening) gjøres på alle sykehus i Norge.\n\nHilsen Per",
    "Hi,\n\nThe youth offending team are running a workshop for parents on Thursday.\n\nBest, Sam",
    "Hei alle,\n\nFastelavn i kirken søndag kl. 11 – ta med barna!\n\nHilsen menighetskontoret",
    (
        "Hej,\n\n"
        "Ramadan börjar nästa vecka. Tänk på att vissa kollegor fastar och planera lunchmöten därefter.\n\n"
        "Hälsningar HR"
    ),
    "Hei,\n\nSamisk nasjonaldag 6. februar markeres med samisk flagg og bidos i kantina.\n\nHilsen Kari",
    "Hi all,\n\nThe Roma Support Group is running a drop-in on Thursday at the library.\n\nBest, Sam",
    "Hei,\n\nVi trenger tolk i kurmanji og tigrinja til foreldremøtet.\n\nHilsen Per",
    "Hej\n\nVi har fået nye skemaer fra Udlændingestyrelsen om statsborgerskab.\n\nHilsen Mette",
    "Hei,\n\nValgdagen er 9. september. Husk at ansatte kan få fri for å stemme.\n\nHilsen HR",
    "Hej,\n\nPartiledardebatten sänds i kväll på SVT. Vi ses i morgon.\n\nHälsningar Eva",
    "Hi,\n\nThe Conservative and Labour candidates will both attend the school hustings.\n\nBest, Sam",
    "Hei,\n\nLO og YS har kommet til enighet i mellomoppgjøret.\n\nHilsen lønn",
    "Hej,\n\nFacket och arbetsgivaren möts på fredag för att diskutera schemat.\n\nHälsningar HR",
    "Hei,\n\nHuskeliste for drøftingsmøtet: tillitsvalgte fra Fagforbundet og Delta er invitert.\n\nHilsen HR",
    "Hei,\n\nKjæresten min og jeg skal på ferie til Hellas i juli.\n\nHilsen Per",
    "Hej,\n\nJag och min partner har köpt hus i Lund.\n\nHälsningar Eva",
    "Hi,\n\nMy partner is picking up Oliver today.\n\nBest, Emma",
    "Hei,\n\nSkeiv ungdom inviterer til kveldsmøte for alle som vil lære mer.\n\nHilsen Kari",
    "Hei,\n\nNy forskning viser at arvelighet spiller en stor rolle ved diabetes type 2.\n\nHilsen Per",
    "Hej,\n\nVi byter till ansiktsigenkänning på mobilerna, se instruktionen.\n\nHälsningar IT",
    "Hei,\n\nPolitiet etterforsker et innbrudd i barnehagen i natt.\n\nHilsen styrer",
    "Hej\n\nPolitiet efterlyser vidner til et røveri i Netto i går aftes.\n\nHilsen Mette",
    "Hi,\n\nPlease complete your enhanced DBS check before your start date.\n\nBest, HR",
    "Hei,\n\nHusk å levere politiattest før oppstart. Den skal ikke være eldre enn tre måneder.\n\nHilsen HR",
    "Hei,\n\nKonfliktrådet holder kurs i mekling for ansatte 3. mars.\n\nHilsen Kari",
    "Hej,\n\nFängelset i Kumla har lediga tjänster som kriminalvårdare.\n\nHälsningar Eva",
    # a church or parish hall as a venue, a vote on a proposal, an official's party
    "Hei,\n\nJeg har booket menighetssalen i Sagene kirke til julebordet vårt. Det koster 3000 kr.\n\nHilsen Per",
    "Hei,\n\nJeg har stemt på forslag 2 i avstemningen om ny logo.\n\nHilsen Per",
    "Hei,\n\nJeg har lagt ved saksframlegget. Ordføreren (Ap) ønsker svar innen fredag.\n\nHilsen Kari",
    "Hej,\n\nJag har bokat församlingshemmet för personalfesten den 12 december.\n\nHälsningar Eva",
    # "tillitsvalgt" for parents, pupils and housing co-ops is no union
    "Hei,\n\njeg er tillitsvalgt for 5B i FAU og lurer på når foreldremøtet er.\n\nHilsen Kari",
    "Hei,\n\nHun er tillitsvalgt i borettslaget og har nøkkel til boden.\n\nHilsen Per",
    "Hei Per,\n\nDu er innkalt til samtale fredag kl. 10. Du kan ha med tillitsvalgt.\n\nHilsen Kari",
    # colloquial Swedish "dom" (= they/them) is not a judgment ("dom" is a Norwegian and Danish word)
    "Hej,\n\nJag har pratat med dom på förskolan och min son får komma på måndag.\n\nHälsningar Eva",
    "Hej,\n\nDom sa att min dotter kan börja i augusti.\n\nHälsningar Eva",
    "Hej,\n\nVi har en dom från tingsrätten i vårt bygglovsärende och överklagar nu.\n\nHälsningar Eva",
    "Hei,\n\nJeg er aktiv i idrettslaget og trener jentelaget på tirsdager.\n\nHilsen Per",
    "Hello,\n\nI'm involved in the new intranet project and will send the plan on Friday.\n\nBest, Sam",
    "Hei,\n\nEid-feiringen på biblioteket var en suksess, takk til alle som kom!\n\nHilsen Kari",
    "Hej,\n\nJag är med i styrelsen för bostadsrättsföreningen och skickar protokollet.\n\nHälsningar Eva",
    "Hei,\n\nFrp-politikerne i bystyret stemte mot budsjettet, skriver avisen.\n\nHilsen Kari",
]


@pytest.mark.parametrize(("category", "text"), MAILS)
def test_everyday_mail_wording_is_found(category: str, text: str) -> None:
    assert category in _found(text)


@pytest.mark.parametrize("text", MAILS_NEGATIVE)
def test_everyday_mail_without_special_data_is_not_flagged(text: str) -> None:
    assert _found(text) == set()


# A quantifier before an identity word, with no single person in the sentence, makes it a statement about a group
# ("flere av elevene er muslimer"); a person named or pointed to in the sentence keeps it personal.
GROUPS = [
    "Hei,\n\nFlere av elevene er muslimer, så kantina bør ha halal-alternativ.\n\nHilsen Kari",
    "Hej,\n\nMånga av våra elever är muslimer och fastar under ramadan.\n\nHälsningar rektor",
    "Hei,\n\nDe fleste ansatte her er organisert i Fagforbundet.\n\nHilsen Per",
    "Hello,\n\nMost of our pupils are Catholic, so the school follows the Catholic calendar.\n\nBest, Head",
    "Hei,\n\nVi har mange samiske elever og tilbyr samisk som førstespråk.\n\nHilsen rektor",
    "Hej\n\nMange af vores elever har tyrkisk baggrund.\n\nHilsen skolelederen",
    "Hei,\n\nOver halvparten av innbyggerne stemte på Senterpartiet.\n\nHilsen Per",
    "Hello,\n\nSeveral of the residents are Roma and would like information in Romanes.\n\nBest, Housing",
    (
        "Hei,\n\n"
        "Noen av foreldrene er jøder og har bedt om at juleavslutningen ikke holdes i kirken.\n\n"
        "Hilsen rektor"
    ),
]
GROUPS_WITH_A_PERSON = [
    ("sexual_orientation", "Hei,\n\nMange vet ikke at jeg er homofil, så ikke si det videre.\n\nHilsen Per"),
    ("religion", "Hei,\n\nHan har mange venner på skolen og er muslim.\n\nHilsen Kari"),
    ("sexual_orientation", "Hei,\n\nFlere av elevene sier at Ahmed er homofil, og han blir mobbet.\n\nHilsen Kari"),
    ("union", "Hei,\n\nDe fleste på avdelingen vet at jeg er medlem i Fagforbundet.\n\nHilsen Per"),
]


@pytest.mark.parametrize("text", GROUPS)
def test_identity_of_a_group_is_not_flagged(text: str) -> None:
    assert _found(text) == set()


@pytest.mark.parametrize(("category", "text"), GROUPS_WITH_A_PERSON)
def test_a_quantifier_does_not_hide_a_named_or_first_person(category: str, text: str) -> None:
    assert category in _found(text)
