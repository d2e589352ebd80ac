"""The fresh held-out messages: written after the first round of rule fixes and never used to tune the rules.

Their score is the honest generalisation figure (see README.md). Do not change the rules to make these pass; write
a new fresh set instead.
"""

from __future__ import annotations

from build import Msg

MESSAGES: list[Msg] = [
    # ------------------------------------------------------------------ nb
    Msg(
        "coliaki-barnehage",
        "nb",
        "Mat til Maja",
        "Hei!\n\nMaja tåler ikke gluten – hun fikk påvist cøliaki hos barnelegen før jul. Kan kjøkkenet lage "
        "glutenfri lunsj til henne? Vi kan ta med eget brød.\n\nHilsen Jonas (pappa)",
        ("health",),
        "Parent: a named child's coeliac disease.",
    ),
    Msg(
        "nav-utbrent",
        "nb",
        "Oppfølgingsplan",
        "Hei veileder,\n\nSom avtalt sender jeg en oppdatering. Etter at jeg ble utbrent i høst går jeg fortsatt til "
        "samtaler hos psykolog hver uke, og sover bedre nå. Jeg tror jeg kan prøve 40 % arbeid fra mai.\n\n"
        "Hilsen Stine",
        ("health",),
        "Citizen to NAV about own burnout and psychologist treatment.",
    ),
    Msg(
        "gravid-leder",
        "nb",
        "Litt privat",
        "Hei Anne,\n\nJeg ville si det til deg før de andre får vite det: jeg er gravid, termin i oktober. Kvalmen "
        "er ganske ille om morgenen, så jeg kommer kanskje litt senere noen dager.\n\nKlem Ida",
        ("health",),
        "Employee tells her manager she is pregnant.",
    ),
    Msg(
        "refusjon-docx",
        "nb",
        "Refusjonsskjema",
        "Hei,\n\nVedlagt er utfylt skjema for refusjon av reiseutgifter.\n\nMvh Ole",
        (),
        "DOCX form with fødselsnummer (6+5) and kontonummer.",
        attachments=(
            (
                "refusjon_reise.docx",
                "Skjema for refusjon av reiseutgifter\nNavn: Ole Brekke\nFødselsnr.: {no_fnr|6+5}\n"
                "Utbetales til konto: {no_kontonr}\nBeløp: 1 340 kr",
            ),
        ),
    ),
    Msg(
        "varetekt-siktet",
        "nb",
        "Fravær – Adrian 10B",
        "Hei,\n\nDette er vanskelig å skrive. Adrian sitter i varetekt og er siktet for et ran i helgen. Han kommer "
        "ikke på skolen på en stund. Advokaten sier at han kan få besøk.\n\nHilsen mamma Lene",
        ("criminal",),
        "Parent: a named pupil is in custody and charged with robbery.",
    ),
    Msg(
        "helsenorge-info",
        "nb",
        "Nyhetsbrev: slik bestiller du time",
        "Visste du at du kan bestille time hos fastlegen, fornye resepter og lese journalen din på Helsenorge? "
        "I denne utgaven forklarer vi også hva du gjør ved feber og oppkast hos små barn.",
        note="Health service newsletter; no individual.",
    ),
    Msg(
        "policy-sykmelding-altinn",
        "nb",
        "Husk: sykmeldinger i Altinn",
        "Til alle ledere\n\nSykmeldinger og legeerklæringer skal ikke videresendes på e-post. De ligger i Altinn, "
        "og bare lønn og nærmeste leder har tilgang. Spør aldri den ansatte om diagnose.\n\nHR",
        note="HR policy reminder about sick notes.",
    ),
    Msg(
        "husleie-kid",
        "nb",
        "Husleie april",
        "Husleie for april forfaller 1.4.\nBeløp: 9 850 kr\nKID: {kid|11}\nKontonummer for innbetaling finner du "
        "i Vipps eller nettbanken under eFaktura.\nBoligbyggelaget, org.nr. {orgnr}, tlf. {phone_no}",
        note="Rent notice with an 11-digit KID, org number, phone.",
    ),
    Msg(
        "menighetsrad-valg",
        "nb",
        "Kirkevalget – still til valg!",
        "Menighetsrådet i Fjellstad søker kandidater til kirkevalget i september. Er du medlem av Den norske kirke "
        "og over 18 år, kan du stille. Ta kontakt med kirkekontoret.",
        note="Church election call; no person's membership.",
    ),
    # ------------------------------------------------------------------ nn
    Msg(
        "rusbehandling-mor",
        "nn",
        "Eirik – ny heimesituasjon",
        "Hei kontaktlærar,\n\nMora til Eirik er innlagd på rusbehandling fram til sommaren, så Eirik bur no hjå "
        "oss besteforeldra. Ring meg om det er noko.\n\nHelsing Ragnhild, bestemor",
        ("health",),
        "Grandmother: a pupil's mother is in substance-abuse treatment.",
    ),
    Msg(
        "fagforbundet-mote",
        "nn",
        "Møtet på fredag",
        "Hei,\n\nEg melde meg inn i Fagforbundet i fjor haust, og eg vil gjerne ha med den tillitsvalde på møtet "
        "om turnusen på fredag.\n\nHelsing Marit",
        ("union",),
        "Employee states own union membership.",
    ),
    Msg(
        "rusmiddelplan-nyheit",
        "nn",
        "Nytt frå kommunestyret",
        "Kommunestyret vedtok i går ny rusmiddelpolitisk plan. Planen legg vekt på førebygging blant ungdom og "
        "betre oppfølging av personar med psykiske lidingar og rusproblem.",
        note="Council news; no individual.",
    ),
    Msg(
        "forstehjelp-kurs",
        "nn",
        "Påmelding: førstehjelpskurs",
        "Det vert førstehjelpskurs for alle tilsette 12. mai. Vi går gjennom hjartestans, hjarte-lunge-redning, "
        "allergiske reaksjonar og epileptiske anfall. Meld deg på til Per.",
        note="First-aid course naming conditions generically.",
    ),
    # ------------------------------------------------------------------ sv
    Msg(
        "pappa-demens",
        "sv",
        "Ansökan om särskilt boende för min pappa",
        "Hej,\n\nMin pappa Bertil har fått diagnosen Alzheimers sjukdom och klarar inte längre att bo hemma, trots "
        "hemtjänst fyra gånger om dagen. Hans personnummer är {se_pnr|12}.\n\nMed vänlig hälsning\nKarin Ek",
        ("health",),
        "Daughter applies for care housing: father's dementia diagnosis and 12-digit personnummer.",
    ),
    Msg(
        "forsta-kommunionen",
        "sv",
        "Ledighet 18 maj",
        "Hej fröken,\n\nVår familj är katolsk och Sofia ska gå till första kommunionen i S:t Eriks katedral söndag "
        "18 maj. Hon behöver vara ledig fredagen innan för repetition.\n\nHälsningar Marta",
        ("religion",),
        "Parent states the family's religion about a named child.",
    ),
    Msg(
        "samkonat-aktenskap",
        "sv",
        "Föräldraledighet",
        "Hej HR,\n\nJag och min fru Petra väntar barn i augusti; det är hon som bär barnet. Hur fungerar "
        "föräldraledighet för oss som samkönat gifta?\n\nVänliga hälsningar\nLinda",
        ("sexual_orientation", "health"),
        "Employee in a same-sex marriage; also the partner's pregnancy.",
    ),
    Msg(
        "moderaterna-uppdrag",
        "sv",
        "Uppdrag i fullmäktige",
        "Hej Johan,\n\nJag har blivit invald i kommunfullmäktige för Moderaterna och behöver vara ledig på "
        "sammanträdena, ungefär en gång i månaden.\n\nHälsningar Erik",
        ("politics",),
        "Employee states own party office.",
    ),
    Msg(
        "finskt-personnummer",
        "sv",
        "Registrering vid antagning",
        "Hej,\n\nJag har inget svenskt personnummer ännu. Mitt finska personnummer är {fi_hetu}.\n\nMvh Mikko",
        (),
        "Finnish HETU in a Swedish message.",
    ),
    Msg(
        "pride-inbjudan",
        "sv",
        "Gå med oss i Prideparaden!",
        "Sjöby kommun går för första gången med i Prideparaden lördag 2 augusti. Alla medarbetare, vänner och "
        "familjer är välkomna att gå med under kommunens banderoll. Samling kl. 12 vid torget.",
        note="Pride event invitation; nobody's orientation.",
    ),
    Msg(
        "policy-amnesrad",
        "sv",
        "Påminnelse: personnummer i ämnesraden",
        "Hej alla,\n\nVi ser fortfarande e-post med personnummer och diagnoser i ämnesraden. Ange aldrig sådana "
        "uppgifter i e-post. Använd ärendenumret i stället.\n\nDataskyddsombudet",
        note="Policy reminder from the data protection officer.",
    ),
    Msg(
        "kvitto-transaktion",
        "sv",
        "Kvitto på ditt köp",
        "Tack för ditt köp!\nOrdernummer: 4410098812\nTransaktions-ID: 20250311144512-88\nBetalat med kort "
        "**** **** **** 4821\nSumma: 1 249 kr",
        note="Receipt with order and transaction ids and a masked card.",
    ),
    # ------------------------------------------------------------------ da
    Msg(
        "ubetinget-faengsel",
        "da",
        "Vedr. min søn Kasper",
        "Hej\n\nJeg skal bare orientere jer om, at Kasper i sidste uge blev idømt 30 dages ubetinget fængsel for "
        "vold. Han afsoner fra 1. juni og kan derfor ikke fortsætte på holdet.\n\nVenlig hilsen Bente",
        ("criminal",),
        "Mother: a named son's prison sentence for violence.",
    ),
    Msg(
        "lejrskole-cpr-xlsx",
        "da",
        "Deltagerliste lejrskole",
        "Hej\n\nHer er listen til lejrskolen med CPR-numre og hvad børnene skal have af medicin.\n\nHilsen Line",
        ("health",),
        "XLSX with pupils' CPR numbers and medication.",
        attachments=(
            (
                "lejrskole.xlsx",
                "Navn;CPR;Medicin\nEmma Lund;{dk_cpr};Astmaspray (Ventoline) ved behov\n"
                "Noah Berg;{dk_cpr};\nIda Holm;{dk_cpr};EpiPen - nøddeallergi",
            ),
        ),
    ),
    Msg(
        "tamilsk-familie",
        "da",
        "Ny familie i afdelingen",
        "Hej alle\n\nFamilien Rajan flytter ind i nr. 14. De har tamilsk baggrund, er kommet fra Sri Lanka som "
        "flygtninge og taler kun lidt dansk endnu.\n\nHilsen boligsocial medarbejder",
        ("ethnicity",),
        "Housing social worker states a named family's Tamil origin.",
    ),
    Msg(
        "influenza-vaccination",
        "da",
        "Tilbud om influenzavaccination",
        "Alle medarbejdere tilbydes gratis influenzavaccination torsdag kl. 9-12 i kantinen. Særligt hvis du har "
        "kronisk sygdom, astma eller diabetes, anbefaler vi, at du bliver vaccineret.",
        note="Generic vaccination offer naming conditions.",
    ),
    Msg(
        "folketingsvalg-info",
        "da",
        "Valg: stemmesteder",
        "Der er folketingsvalg tirsdag. Stemmestederne har åbent kl. 8-20. Husk dit valgkort. Partiernes "
        "kandidatlister kan ses på kommunens hjemmeside.",
        note="Election information; no opinion.",
    ),
    # ------------------------------------------------------------------ en
    Msg(
        "heart-attack-leave",
        "en",
        "Compassionate leave",
        "Hi Mark,\n\nMy husband had a heart attack on Sunday and is still in intensive care at St James's. I need "
        "to take the rest of the week off.\n\nSorry for the short notice,\nRachel",
        ("health",),
        "Employee about her husband's heart attack.",
    ),
    Msg(
        "paternity-test",
        "en",
        "Child maintenance case 2231",
        "Dear Ms Hughes,\n\nThe DNA paternity test has confirmed that Mr Paul Grant is the biological father of "
        "Lily. We will now reassess the maintenance calculation.\n\nChild Maintenance Team",
        ("genetic_biometric",),
        "Paternity test result about named people.",
    ),
    Msg(
        "deposit-card",
        "en",
        "Room deposit",
        "Hello,\n\nThe online form kept failing, so please take the deposit from this card: {card|visa,dash}, "
        "expiry 03/28, name on card J. Whitfield.\n\nThanks,\nJames",
        (),
        "Card number written with dashes.",
    ),
    Msg(
        "parcel-ups",
        "en",
        "Your parcel is out for delivery",
        "Your parcel 1Z999AA10123456784 is out for delivery today between 10:30 and 14:30. Order number "
        "112-4471908-5520417.",
        note="Tracking and order numbers.",
    ),
    Msg(
        "dbs-guidance",
        "en",
        "Guidance: handling DBS certificates",
        "Managers must not copy or email DBS certificates. Record only the certificate number, the date of issue "
        "and whether it was clear, in the HR system. Any conviction information must be discussed with HR, not "
        "by e-mail.",
        note="Policy guidance on criminal record certificates.",
    ),
]
