# ruff: noqa: E501 - message texts are data; their lines stay as written
"""Blind held-out set 8: short mail, subject-heavy mail, forms and tables, and many hard negatives.

Written without looking at the detector, its rules, the bench or earlier blind sets. Emphasis: precision on short
messages (phone mail, one-liners, subject-only content), lists of people in HTML tables and CSV/XLSX attachments
where one column reveals a category, and negatives that use the sensitive vocabulary in non-personal ways.
"""

from __future__ import annotations

from build import Msg

MESSAGES: list[Msg] = [
    # ------------------------------------------------------------------ nb (14: 7 sensitive, 7 not)
    Msg(
        "fnr-i-emnefelt",
        "nb",
        "fnr til Ola {no_fnr}",
        "Her er det du ba om til søknaden 🙂\n\nSendt fra min iPhone",
        (),
        "Phone mail: a named person's fødselsnummer (11 digits) only in the subject line.",
    ),
    Msg(
        "ritalin-dose-emne",
        "nb",
        "Emil glemte Ritalin i dag - kan dere gi ham 10 mg kl 12?",
        "Har lagt en tablett i sekken hans. Takk!\nmvh Jonas (pappa)",
        ("health",),
        "Subject-heavy: father asks school to give a named child a dose of ADHD medication.",
        sender="Jonas Berntsen <jonas.berntsen@gmail.com>",
    ),
    Msg(
        "innlagte-hnr-tabell-2",
        "nb",
        "Innlagte pasienter post 3 – natt til 12.3",
        "Pasient\tH-nr\tTiltak\nGunnar Moe\t{no_hnr@a}\tDepotinjeksjon, paranoid schizofreni – tilsyn hver time\n"
        "Astrid Lie\t{no_hnr@b}\tInsulin 8 E kl 22 (diabetes type 1)\n\nHilsen Silje, sykepleier",
        ("health",),
        "Nurse's handover list: named in-patients with H-numbers, insulin dose and schizophrenia, as text and HTML table.",
        html=(
            '<html><body style="font-family:Calibri"><table border="1" cellpadding="4">'
            "<tr><th>Pasient</th><th>H-nr</th><th>Tiltak</th></tr>"
            "<tr><td>Gunnar Moe</td><td>{no_hnr@a}</td>"
            "<td>Depotinjeksjon, paranoid schizofreni – tilsyn hver time</td></tr>"
            "<tr><td>Astrid Lie</td><td>{no_hnr@b}</td><td>Insulin 8 E kl 22 (diabetes type 1)</td></tr>"
            "</table><p>Hilsen Silje, sykepleier</p></body></html>"
        ),
        sender="Silje Aas <silje.aas@sykehuset-fjellstad.no>",
        to="Post 3 <post3@sykehuset-fjellstad.no>",
    ),
    Msg(
        "nytt-kontonummer-lonn",
        "nb",
        "Nytt kontonummer",
        "Hei Lise, har byttet bank. Lønna kan gå til {no_kontonr|space} fra neste måned.\nPer (lager)",
        (),
        "Employee's own new private bank account number for salary.",
        sender="Per Hovland <per.hovland@online.no>",
        to="Lise Dahl <lise.dahl@fjellstad.kommune.no>",
    ),
    Msg(
        "leirskole-liste-xlsx",
        "nb",
        "Liste adventstur korpset",
        "Hei! Her er lista med fnr, allergier og hvem som ikke blir med på julegudstjenesten.\nMvh Kari",
        ("health", "religion"),
        "XLSX of named band members: fødselsnummer (6+5), a nut allergy, an epilepsy medicine, and a Jehovah's Witness column.",
        attachments=(
            (
                "adventstur.xlsx",
                "Navn;Fødselsnr.;Allergi/medisin;Julegudstjeneste\n"
                "Lukas Brekke;{no_fnr|6+5};Nøtteallergi - EpiPen i sekken;Deltar\n"
                "Sofie Rønning;{no_fnr|6+5};;Deltar ikke (Jehovas vitne)\n"
                "Nora Vik;{no_fnr|6+5};Lamotrigin 50 mg morgen (epilepsi);Deltar",
            ),
        ),
    ),
    Msg(
        "politiattest-anmerkning",
        "nb",
        "Politiattest Jonas Berg",
        "Hei,\nPolitiattesten til Jonas Berg kom i dag. Den har en anmerkning: forelegg for besittelse av "
        "narkotika i 2022. Kan vi ta en prat før kontrakten sendes?\nMarte",
        ("criminal",),
        "Manager about a named applicant's police certificate with a drug offence.",
        sender="Marte Solberg <marte.solberg@fjellstad.kommune.no>",
        to="HR <hr@fjellstad.kommune.no>",
    ),
    Msg(
        "kort-flybilletter",
        "nb",
        "Flybilletter",
        "Kan du bestille til meg også? Bruk kortet mitt {card|mc} utløp 09/27 cvc 412. Takk!\n\nSendt fra mobilen",
        (),
        "Phone mail: sender's own Mastercard number with expiry and CVC.",
    ),
    Msg(
        "apotek-nyhetsbrev",
        "nb",
        "Fjellapoteket: pollensesongen er i gang",
        "Nå er bjørkepollen på vei! 20 % på allergitabletter og nesespray ut april. Du kan også ta "
        "influensavaksine og få blodtrykket målt hos oss uten timebestilling.\n\nFjellapoteket, tlf. {phone_no}",
        note="Pharmacy newsletter about allergy medicine and vaccines; no individual.",
        sender="Fjellapoteket <nyhetsbrev@fjellapoteket.no>",
    ),
    Msg(
        "legevakt-apningstider",
        "nb",
        "Åpningstider legevakt og helsestasjon i påsken",
        "Legevakt: åpen hele døgnet, ring 116 117 først.\nHelsestasjon: stengt 17.-21. april.\n"
        "Fastlegekontor: stengt skjærtorsdag til 2. påskedag.",
        note="Clinic and emergency-room opening hours in a table; no patient.",
        html=(
            '<html><body><table border="1"><tr><th>Tjeneste</th><th>Påsken</th></tr>'
            "<tr><td>Legevakt</td><td>Åpen hele døgnet, ring 116 117 først</td></tr>"
            "<tr><td>Helsestasjon</td><td>Stengt 17.-21. april</td></tr>"
            "<tr><td>Fastlegekontor</td><td>Stengt skjærtorsdag til 2. påskedag</td></tr></table></body></html>"
        ),
        sender="Fjellstad kommune <info@fjellstad.kommune.no>",
    ),
    Msg(
        "valgplakater-soknad",
        "nb",
        "Valgplakater langs Storgata – vedtak",
        "Arbeiderpartiet, Høyre, Senterpartiet og SV har søkt om å henge opp valgplakater på lyktestolpene i "
        "Storgata 18. august til 9. september. Søknadene er innvilget. Plakatene må tas ned senest tre dager "
        "etter valget.\n\nTeknisk etat",
        note="Municipal decision on parties' election posters; no person's political opinion.",
    ),
    Msg(
        "stilling-politiattest",
        "nb",
        "Ledig stilling: miljøarbeider, 80 %",
        "Fjellstad kommune søker miljøarbeider til bofellesskap for personer med utviklingshemming. "
        "Det kreves politiattest etter helse- og omsorgstjenesteloven. Søknadsfrist 1. mai. Spørsmål: ring "
        "{phone_no}.",
        note="Job ad that requires a police certificate; no applicant.",
    ),
    Msg(
        "egenerklaering-mal",
        "nb",
        "Mal: egenerklæring om helse",
        "Hei, her er malen til neste sesong. Ikke send utfylte skjema på e-post – de leveres i lukket konvolutt.\n\n"
        "Navn: ______________\nFødselsnummer: ___________\nDiagnose: ______________\nFaste medisiner: ________\n"
        "Allergier: ________\nPårørende: ______________",
        note="Empty form template with Diagnose/Fødselsnummer fields and a don't-email instruction.",
        attachments=(
            (
                "egenerklaering_helse.docx",
                "Egenerklæring om helse\nNavn:\nFødselsnummer:\nDiagnose:\nFaste medisiner:\nAllergier:\n"
                "Underskrift:",
            ),
        ),
    ),
    Msg(
        "vaktliste-sommer-xlsx",
        "nb",
        "Vaktliste sommer",
        "Vaktlista for uke 27-30 ligger vedlagt. Si fra innen fredag om noe ikke stemmer.\nTone",
        note="XLSX of named staff with phone numbers and shift/holiday columns only.",
        attachments=(
            (
                "vaktliste_sommer.xlsx",
                "Navn;Mobil;Uke 27;Uke 28;Uke 29;Uke 30\n"
                "Ali Hassan;{phone_no};Dag;Dag;Ferie;Ferie\n"
                "Ingrid Moe;{phone_no};Ferie;Ferie;Kveld;Kveld\n"
                "Petter Lund;{phone_no};Kveld;Natt;Dag;Ferie",
            ),
        ),
    ),
    Msg(
        "rutine-ikke-send-fnr",
        "nb",
        "Påminnelse: personnummer og sensitive opplysninger på e-post",
        "Hei alle,\n\nIkke send personnummer, bankkontonummer eller særlige kategorier av personopplysninger "
        "(helse, religion, fagforeningsmedlemskap o.l.) på e-post. Be heller ikke innbyggere sende slike "
        "opplysninger til oss på e-post – bruk sikker digital post.\n\nPersonvernombudet",
        note="The organisation's own rule against e-mailing IDs and special categories.",
    ),
    # ------------------------------------------------------------------ nn (6: 3 sensitive, 3 not)
    Msg(
        "samisk-opplaering",
        "nn",
        "Samiskopplæring for Niillas",
        "Hei! Sonen vår Niillas er samisk, og vi ønskjer at han får samiskopplæring frå hausten. Kven søkjer vi "
        "til?\nHelsing Elle",
        ("ethnicity",),
        "Parent states a named son's Sami identity.",
        sender="Elle Somby <elle.somby@gmail.com>",
    ),
    Msg(
        "rullestol-hjarneslag",
        "nn",
        "Hjelpemiddel til far min",
        "Far min, Knut (84), fekk hjarneslag og ligg framleis på sjukehuset. Han treng elektrisk rullestol og "
        "seng med løftefunksjon før han kjem heim. Kven søkjer vi hjå?\nRagnhild",
        ("health",),
        "Daughter: father's stroke, hospital stay and disability aids.",
    ),
    Msg(
        "permisjon-docx-b",
        "nn",
        "Søknad om permisjon",
        "Hei, vedlagt søknaden min.\nHelsing Sigrid",
        ("politics", "union"),
        "DOCX leave application: own fødselsnummer (dash), council seat for a named party, union office.",
        attachments=(
            (
                "soknad_permisjon.docx",
                "Søknad om permisjon med løn\nNamn: Sigrid Haugland\nFødselsnummer: {no_fnr|dash}\n"
                "Grunn: Eg er vald inn i kommunestyret for Senterpartiet og er hovudtillitsvald for Fagforbundet "
                "på arbeidsplassen. Eg søkjer om fri ein dag i månaden.",
            ),
        ),
    ),
    Msg(
        "tariffoppgjer-nytt",
        "nn",
        "Nytt om lønsoppgjeret",
        "Forhandlingane i kommuneoppgjeret vart avslutta i natt. Fagforbundet, Delta og Sjukepleiarforbundet "
        "godtok eit tillegg på 5,2 %. Uravrøystinga blir i mai. Les meir på heimesida.",
        note="Union news on wage negotiations; no member named.",
        sender="Fagforbundet Vikane <vikane@fagforbundet.example>",
    ),
    Msg(
        "sjukefravaer-rutine",
        "nn",
        "Ny rutine for sjukefråvær",
        "Til alle tilsette: Eigenmelding kan brukast i opptil 3 dagar om gongen. Frå dag 4 treng du "
        "sjukmelding frå lege. Leiar skal ikkje spørje om diagnose. Oppfølgingsplan skal vere klar innan 4 veker.",
        note="HR sick-leave policy; no employee.",
    ),
    Msg(
        "undervisning-religionar",
        "nn",
        "Plan KRLE veke 10-12",
        "Veke 10: jødedom – sabbat og synagoge. Veke 11: islam – dei fem søylene, ramadan. Veke 12: buddhisme og "
        "hinduisme. Vi avsluttar med besøk i moskeen og domkyrkja. Foreldre kan be om fritak etter opplæringslova.",
        note="Teacher's lesson plan about religions; no pupil's belief.",
    ),
    # ------------------------------------------------------------------ sv (10: 5 sensitive, 5 not)
    Msg(
        "farmor-101-geriatrik-liste",
        "sv",
        "Farmor Greta",
        "Hej, farmor Greta ({se_pnr|plus}) ligger inne på geriatriken sedan i fredags efter en lunginflammation. "
        "Kan hemtjänsten pausas tills vidare?\n/Anna",
        ("health",),
        "Grandchild: a 100+ grandmother's personnummer with '+' and her hospital stay.",
    ),
    Msg(
        "kommunal-lista-csv-mars",
        "sv",
        "Lista löneavdrag fackavgift",
        "Hej! Här är listan till lönekontoret.\nMvh Camilla",
        ("union",),
        "CSV of named staff: personnummer (12 digits, no dash), a samordningsnummer and a union column.",
        attachments=(
            (
                "fackavgift_mars.csv",
                "Namn;Personnummer;Fackförbund;Avgift\n"
                "Johanna Ek;{se_pnr|12,nodash};Kommunal;412\n"
                "Leyla Demir;{se_samnr};Vision;389\n"
                "Ulla Nyström;{se_pnr|12,nodash};Kommunal;412",
            ),
        ),
        sender="Camilla Berg <camilla.berg@sjoby.se>",
        to="Lönekontoret <lon@sjoby.se>",
    ),
    Msg(
        "brca-provsvar-2",
        "sv",
        "Provsvar BRCA",
        "Hej, jag har fått mitt provsvar: jag bär en BRCA1-mutation. Vill boka tid för samtal om förebyggande "
        "operation. Personnummer {se_pnr}.\nMaria",
        ("genetic_biometric", "health"),
        "Patient's own genetic test result (BRCA1) with a 10-digit personnummer.",
        sender="Maria Holmberg <maria.holmberg@telia.se>",
        to="Mottagningen <kvinnoklinik@region-sjoby.se>",
    ),
    Msg(
        "julfest-flickvan",
        "sv",
        "Julfesten: jag + min flickvän Sara?",
        "Går det bra att vi sitter ihop? /Linnea",
        ("sexual_orientation",),
        "Subject-heavy: a woman brings her girlfriend to the staff party.",
        sender="Linnea Ström <linnea.strom@sjoby.se>",
    ),
    Msg(
        "autosvar-kandidat",
        "sv",
        "Automatiskt svar: Fråga om bygglov",
        "Tack för ditt mejl. Jag är tjänstledig till och med 14 september eftersom jag kandiderar för "
        "Vänsterpartiet i riksdagsvalet. Brådskande ärenden: bygglov@sjoby.se.\n\nErik Sandberg",
        ("politics",),
        "Auto-reply stating the named sender is a party candidate.",
        auto_reply=True,
        sender="Erik Sandberg <erik.sandberg@sjoby.se>",
        to="Anna Lindqvist <anna.lindqvist@telia.se>",
    ),
    Msg(
        "folkhalsa-massling",
        "sv",
        "Mässling: kontrollera vaccinationen",
        "Folkhälsomyndigheten rapporterar fler fall av mässling i regionen. Kontrollera att barnen har fått två "
        "doser MPR-vaccin. Vid feber och utslag – ring 1177 innan du åker till vårdcentralen.",
        note="Public health information; no individual.",
    ),
    Msg(
        "tingsratt-forhandlingar",
        "sv",
        "Förhandlingar sal 2 vecka 12",
        "Måndag 09.00 B 1432-25 Misshandel (huvudförhandling)\nMåndag 13.30 B 977-25 Narkotikabrott, ringa\n"
        "Tisdag 10.00 T 2210-24 Tvist om hyra\nOnsdag 09.00 B 1501-25 Olaga hot\nParternas namn publiceras inte.",
        note="Court schedule with case numbers and offence types but no names.",
        sender="Sjöby tingsrätt <sjoby.tingsratt@dom.example>",
    ),
    Msg(
        "seminarium-biometri",
        "sv",
        "Seminarium: DNA och biometri i forskningen",
        "Välkommen till seminarium onsdag kl. 14 i Aulan. Docent Maria Holm talar om etiska frågor kring "
        "DNA-biobanker, ansiktsigenkänning och fingeravtryck i forskning. Anmälan senast måndag.",
        note="Research seminar on genetics and biometrics; no person's data.",
    ),
    Msg(
        "policy-kansliga-uppgifter",
        "sv",
        "Påminnelse: känsliga uppgifter i e-post",
        "Hej alla! Skicka aldrig personnummer, uppgifter om hälsa eller facklig tillhörighet i vanlig e-post. "
        "Om du ändå måste: märk mejlet Känslig och använd säker e-post.\n/Dataskyddsombudet",
        note="Organisation's guidance against e-mailing personnummer and sensitive data.",
    ),
    Msg(
        "brottsstatistik-csv",
        "sv",
        "Anmälda brott 2025 per kommun",
        "Hej, bifogar sammanställningen till trygghetsrådet. Narkotikabrotten ökar, misshandel ligger stilla.",
        note="Crime statistics by municipality in a CSV; no individual.",
        attachments=(
            (
                "anmalda_brott_2025.csv",
                "Kommun;Misshandel;Stöld;Narkotikabrott;Olaga hot\nSjöby;212;1045;388;140\n"
                "Norrvik;98;610;121;77\nÅsa;41;233;35;30",
            ),
        ),
    ),
    # ------------------------------------------------------------------ da (7: 4 sensitive, 3 not)
    Msg(
        "straffeattest-cpr-emne-2",
        "da",
        "Straffeattest – CPR {dk_cpr|nodash}",
        "Hej Birgit\nDer står en betinget dom for spirituskørsel fra 2021 på min straffeattest. Er det et problem "
        "for jobbet som chauffør?\nMvh Thomas",
        ("criminal",),
        "Applicant's own CPR (no dash) in the subject and his drink-driving conviction.",
        sender="Thomas Nielsen <thomas.nielsen@mail.dk>",
    ),
    Msg(
        "gravid-uge12",
        "da",
        "Lidt privat",
        "Hej Lone, jeg er gravid i uge 12 og må ikke løfte tungt et stykke tid. Kan vi tale om mine opgaver? " "Mette",
        ("health",),
        "Employee tells her manager she is pregnant.",
    ),
    Msg(
        "laegeerklaering-pdf-ny",
        "da",
        "Lægeerklæring Freja",
        "Hermed lægeerklæringen til idrætslæreren.\nMvh Mette",
        ("health",),
        "PDF medical certificate: a named daughter's CPR (dash) and wrist fracture.",
        attachments=(
            (
                "laegeerklaering.pdf",
                "Lægeerklæring\nNavn: Freja Kjær\nCPR: {dk_cpr}\nDiagnose: Brud på venstre håndled efter fald "
                "fra cykel\nFritages for idræt i 6 uger.\nLæge Hans Brandt, Aaby Lægehus",
            ),
        ),
    ),
    Msg(
        "ramadan-svoemning",
        "da",
        "Aisha og svømning",
        "Vores datter Aisha er muslim og faster under ramadanen - må hun holde fri fra svømning de uger?\n"
        "Hilsen Yusuf",
        ("religion",),
        "Father states a named daughter's Muslim faith and fasting.",
        sender="Yusuf Demir <yusuf.demir@mail.dk>",
    ),
    Msg(
        "kirkekoncert",
        "da",
        "Julekoncert i Aaby Kirke",
        "Aaby Kirkes kor og menighedens organist inviterer til julekoncert søndag 14. december kl. 16. Gratis "
        "adgang. Efter koncerten serveres gløgg i sognegården.",
        note="Church concert invitation; nobody's faith.",
        sender="Aaby Sogn <kontor@aabysogn.example>",
    ),
    Msg(
        "nyhedsoverblik",
        "da",
        "Dagens overblik",
        "Regeringen fremlægger finanslov i dag. Ny rapport: flere unge søger hjælp for angst og depression. "
        "Byretten idømte i går en 34-årig mand fire års fængsel for røveri. Fagbevægelsen kræver højere løn "
        "til sosu-assistenter.",
        note="News digest naming health, crime and unions generically; nobody identifiable.",
        sender="Nyhedsbrev <nyheder@avis.example>",
    ),
    Msg(
        "smime-opfoelgning",
        "da",
        "Opfølgning",
        "",
        note="S/MIME enveloped message; unreadable.",
        encrypted="smime",
    ),
    # ------------------------------------------------------------------ en (8: 5 sensitive, 3 not)
    Msg(
        "refund-iban-hetu-2",
        "en",
        "Deposit paid twice",
        "Hi, I'm an exchange student from Helsinki and paid the housing deposit twice. Please refund EUR 450 to "
        "my account {iban|FI} (Aino Virtanen). If needed, my Finnish ID code is {fi_hetu}.\nAino",
        (),
        "Student's own Finnish IBAN and HETU.",
        sender="Aino Virtanen <aino.virtanen@gmail.com>",
    ),
    Msg(
        "amex-hotel",
        "en",
        "Card for the Oslo trip",
        "{card|amex} exp 11/27 - use this for my hotel pls\n\nSent from my phone",
        (),
        "Phone one-liner: sender's own Amex number.",
    ),
    Msg(
        "cf-genetic-result",
        "en",
        "Ella - test results",
        "Dear Dr Patel, the genetic test came back: our daughter Ella has two copies of F508del, so cystic "
        "fibrosis is confirmed. Can we book the follow-up?\nClaire",
        ("genetic_biometric", "health"),
        "Parent: a named daughter's genetic test result and diagnosis.",
        sender="Claire Morgan <claire.morgan@example.org>",
    ),
    Msg(
        "traveller-family",
        "en",
        "New pupils Year 3",
        "Quick note before Monday: the O'Donnell children are from an Irish Traveller family on the Oakfield "
        "site and may move on after the summer term.\nSue",
        ("ethnicity",),
        "Staff note stating a named family's Irish Traveller ethnicity.",
    ),
    Msg(
        "husband-hospital",
        "en",
        "Off today",
        "My husband Dan was admitted last night after a cycling accident - broken pelvis. Working from the ward "
        "if I can.\nMark",
        ("health", "sexual_orientation"),
        "A man about his husband's injury and hospital stay; reveals a same-sex marriage.",
        sender="Mark Ellis <mark.ellis@example.org>",
    ),
    Msg(
        "clinic-easter-hours",
        "en",
        "Outpatient clinics: Easter opening hours",
        "Diabetes clinic: closed Good Friday and Easter Monday. Mental health walk-in: open 10-16 every day. "
        "Sexual health clinic: normal hours. For urgent help call 111.",
        note="Clinic opening hours; no patient.",
        html="same",
        sender="Trust Communications <comms@nhs-trust.example>",
    ),
    Msg(
        "fun-run-csv",
        "en",
        "Fun run sign-ups",
        "Attached is the list so far - please check your T-shirt size.\nPriya",
        note="CSV of named staff with harmless columns.",
        attachments=(
            (
                "fun_run.csv",
                "Name;Department;T-shirt;Distance\nTom Reed;Estates;L;5k\nAmina Yusuf;Library;S;10k\n"
                "Grace Lin;Finance;M;5k",
            ),
        ),
    ),
    Msg(
        "rpmsg-case",
        "en",
        "Case update",
        "Jane Carter has sent you a protected message. Open it in Outlook or sign in to read it.",
        note="Microsoft-encrypted (rpmsg) message; unreadable.",
        encrypted="rpmsg",
    ),
]
