"""The held-out messages (first set). Written without reading the detector's rules or the dev corpus generator.

Each `Msg` gives the language, the text templates (placeholders: see build.py), the categories a careful reader
would tag, and a note saying why. Notes of policy texts contain the word "policy" (bench/detect_eval.py counts
false positives on those separately).
"""

from __future__ import annotations

from build import Msg

NB: list[Msg] = [
    # ---------------------------------------------------------------- positives
    Msg(
        "adhd-tilrettelegging",
        "nb",
        "Tilrettelegging for Emil i 4B",
        "Hei Ingrid,\n\nVi har nå fått svar fra BUP, og Emil har fått diagnosen ADHD. Legen anbefaler at han får "
        "sitte nær tavla og ta korte pauser. Han begynner også på Ritalin fra neste uke, så han kan være litt trøtt "
        "de første dagene.\n\nKan vi ta et møte om tilrettelegging?\n\nHilsen\nKari Nordmann (mor)",
        ("health",),
        "Parent tells the teacher a named child has been diagnosed with ADHD and starts medication.",
    ),
    Msg(
        "sosialhjelp-fnr-konto",
        "nb",
        "Søknad om økonomisk sosialhjelp",
        "Hei NAV\n\nJeg søker om økonomisk stønad for mars. Jeg har vært ufør siden ryggoperasjonen i fjor og "
        "uføretrygden strekker ikke til.\n\nFødselsnr: {no_fnr|6+5}\nKontonr. for utbetaling: {no_kontonr}\n\n"
        "Mvh\nKari Nordmann",
        ("health",),
        "Citizen to NAV: fødselsnummer 6+5, kontonummer with dots, and own disability after back surgery.",
    ),
    Msg(
        "sykmelding-pdf",
        "nb",
        "Sykmelding",
        "Hei Tone,\n\nVedlagt ligger sykmeldingen min. Jeg er sykmeldt ut neste uke.\n\nHilsen Per",
        ("health",),
        "Employee sends a sick note as PDF: fnr, ICD-10 code with diagnosis text in the attachment.",
        attachments=(
            (
                "sykmelding_Per_Hansen.pdf",
                "SYKMELDING\nPasient: Per Hansen\nFødselsnummer: {no_fnr}\nDiagnose: F43.2 Tilpasningsforstyrrelse\n"
                "Arbeidsuførhet: 100 % fra 03.03.2025 til 14.03.2025\nBehandler: Lege Anne Berg, Sentrum legekontor",
            ),
        ),
    ),
    Msg(
        "soknad-tillitsvalgt",
        "nb",
        "Søknad på stilling som miljøarbeider",
        "Hei,\n\nJeg søker herved på stillingen som miljøarbeider i bofellesskapet. Jeg har jobbet seks år i "
        "Bergen kommune, og har de siste tre årene vært tillitsvalgt for Fagforbundet på arbeidsplassen min. "
        "Jeg er fortsatt medlem av Fagforbundet og ønsker å fortsette med tillitsvervet.\n\nCV ligger vedlagt.\n\n"
        "Vennlig hilsen\nMarius Aune",
        ("union",),
        "Job applicant states own union membership and union office.",
    ),
    Msg(
        "fredagsbonn",
        "nb",
        "Spørsmål om arbeidstid på fredager",
        "Hei Lise,\n\nSom praktiserende muslim vil jeg gjerne be fredagsbønnen i moskeen. Er det mulig at jeg tar "
        "lunsjen mellom 12.30 og 13.30 på fredager og jobber inn tiden etterpå?\n\nHilsen Yusuf",
        ("religion",),
        "Employee discloses his own religion and practice to his manager.",
    ),
    Msg(
        "leietaker-rullestol",
        "nb",
        "Behov for rampe til inngangen",
        "Hei,\n\nJeg leier leilighet i Storgata 8B. Etter hjerneslaget i januar er jeg delvis lam på venstre side "
        "og er avhengig av rullestol. Jeg kommer ikke inn i oppgangen uten hjelp. Kan boligkontoret sette opp en "
        "rampe?\n\nMvh\nArne Sæther",
        ("health",),
        "Tenant describes his own stroke and disability.",
    ),
    Msg(
        "advokat-dom",
        "nb",
        "Sak 24/1182 – foreldreansvar",
        "Til barnevernstjenesten\n\nJeg representerer far i saken. Det er riktig at min klient ble dømt for "
        "legemsfornærmelse i Oslo tingrett i 2021 og sonet 60 dager, men dommen gjaldt en episode utenfor hjemmet. "
        "Han har ikke senere anmerkninger på politiattesten.\n\nMed vennlig hilsen\nadvokat Hege Lunde",
        ("criminal",),
        "Lawyer mentions the client's conviction and prison sentence.",
    ),
    Msg(
        "politiattest-frivillig",
        "nb",
        "Politiattest – Jonas Berg",
        "Hei,\n\nJeg har sett på politiattesten til Jonas Berg som skal være trener på fotballskolen. Den er ikke "
        "blank: det står en forelegg for narkotikabesittelse fra 2020. Skal vi snakke med ham før vi sier ja?\n\n"
        "Hilsen Trond, styreleder",
        ("criminal",),
        "Volunteer's police certificate shows a penalty notice for drug possession.",
    ),
    Msg(
        "flyktning-kurdisk",
        "nb",
        "Bosetting av familien Ahmadi",
        "Hei,\n\nFamilien Ahmadi (to voksne og tre barn) er syriske kurdere og snakker kurmandsji. De ønsker å bo "
        "i nærheten av andre kurdiske familier, og mor har behov for kvinnelig tolk.\n\nMvh\nflyktningtjenesten",
        ("ethnicity",),
        "Refugee service states a named family's ethnic origin.",
    ),
    Msg(
        "helsesykepleier-homofil",
        "nb",
        "Samtale med elev",
        "Hei,\n\nJeg hadde en samtale med Sander i 10C i dag. Han fortalte at han er homofil og at noen i klassen "
        "har funnet det ut og kaller ham ting i friminuttene. Han har ikke sagt det til foreldrene ennå. Kan vi "
        "møtes i morgen?\n\nHilsen helsesykepleier Randi",
        ("sexual_orientation",),
        "School nurse writes about a named pupil's sexual orientation.",
    ),
    Msg(
        "brca-gentest",
        "nb",
        "Permisjon for oppfølging",
        "Hei Magnus,\n\nJeg fikk svar på gentesten i går: jeg er bærer av en BRCA1-mutasjon. Sykehuset anbefaler "
        "forebyggende kirurgi, så jeg må regne med noen dager borte i vår. Jeg gir beskjed når jeg har datoer.\n\n"
        "Hilsen Hilde",
        ("genetic_biometric", "health"),
        "Employee discloses her own genetic test result and planned surgery.",
    ),
    Msg(
        "fingeravtrykk-adgang",
        "nb",
        "Eksport fra adgangssystemet",
        "Hei,\n\nVedlagt er eksporten av registrerte fingeravtrykk fra adgangskontrollen på lageret, som dere ba "
        "om. Fila inneholder navn, ansattnummer og fingeravtrykksmal for hver ansatt.\n\nHilsen Driftsavdelingen",
        ("genetic_biometric",),
        "Export of named employees' fingerprint templates in a CSV attachment.",
        attachments=(
            (
                "fingeravtrykk_lager.csv",
                "navn;ansattnr;finger;mal\nOla Dahl;10442;høyre pekefinger;Rk9NUjEAAAEkAAABkA8AAQIBAwAxAAE=\n"
                "Siri Moe;10518;venstre tommel;Rk9NUjEAAAEMAAABNA4AAQECAgBQAAE=",
            ),
        ),
    ),
    Msg(
        "permisjon-kommunestyre",
        "nb",
        "Permisjon 12. mars",
        "Hei,\n\nJeg sitter i kommunestyret for Rødt og trenger fri 12. mars for budsjettmøtet. Jeg har også et "
        "gruppemøte med partiet kvelden før.\n\nHilsen Lars",
        ("politics",),
        "Employee states own party membership and political office.",
    ),
    Msg(
        "dnummer-emne",
        "nb",
        "Lønn mars – D-nummer {no_dnr}",
        "Hei lønn,\n\nJeg er ny sesongarbeider fra Litauen og har fått D-nummer. Jeg har ikke fått lønn for "
        "februar. Kan dere sjekke?\n\nAčiū, Tomas",
        (),
        "D-number in the subject line.",
    ),
    Msg(
        "html-fnr-punktum",
        "nb",
        "Registrering til svømmekurs",
        "Hei\n\nHer er påmeldingen til svømmekurset.\n\nNavn: Lea Johansen\nFødselsnummer: {no_fnr|dots}\n"
        "Foresatt: Kari Nordmann\n\nHilsen Kari",
        (),
        "HTML-only message; fnr written with dots and a space.",
        html="only",
    ),
    Msg(
        "deltakerliste-xlsx",
        "nb",
        "Deltakerliste leirskole",
        "Hei,\n\nVedlagt er deltakerlista for leirskolen med fødselsnummer (trengs til forsikringen).\n\nHilsen Berit",
        (),
        "XLSX attachment with pupils' names and fødselsnummer.",
        attachments=(
            (
                "leirskole_7A.xlsx",
                "Navn;Fødselsnummer;Allergier\nNora Li;{no_fnr};\nAdrian Holm;{no_fnr};\nMaja Strand;{no_fnr|6+5};",
            ),
        ),
    ),
    Msg(
        "kontingent-kort",
        "nb",
        "Betaling av kontingent",
        "Hei!\n\nJeg fikk ikke til å betale i nettbutikken. Kan dere trekke årskontingenten for korpset fra "
        "kortet mitt?\n\nKortnummer: {card|visa}\nUtløper: 09/27\n\nHilsen Kari",
        (),
        "Parent e-mails full card number to a band treasurer.",
    ),
    Msg(
        "legevakt-videresendt",
        "nb",
        "VS: Epikrise",
        "Hei,\n\nVideresender epikrisen fra legevakten som du ba om.\n\nHilsen Ellen",
        ("health",),
        "Forwarded message/rfc822 with an H-number and discharge summary.",
        forward=Msg(
            "legevakt-inner",
            "nb",
            "Epikrise legevakt",
            "Epikrise\n\nPasient: ukjent mann, ca 40 år, H-nummer {no_hnr}\nInnlagt med hodeskade etter fall. "
            "CT caput uten funn. Utskrevet til observasjon hjemme.\n\nLegevakten",
        ),
    ),
    Msg(
        "fnr-linjeskift",
        "nb",
        "Re: barnetrygd",
        "Hei igjen,\n\nBeklager, glemte fødselsnummeret til minstemann i forrige e-post. Det er\n{no_fnr|6+5}\n\n"
        "Hilsen Kari",
        (),
        "Fødselsnummer on its own line after a line break in plain text.",
    ),
    # ---------------------------------------------------------------- hard negatives
    Msg(
        "nyhetsbrev-adhd",
        "nb",
        "Ukens nyheter fra helsesektoren",
        "UKENS SAKER\n\n* Ny rapport: flere barn og unge får diagnosen ADHD enn for ti år siden.\n* Helsedirektoratet "
        "oppdaterer retningslinjen for behandling av diabetes type 2.\n* Kreftregisteret: færre nye tilfeller av "
        "lungekreft blant kvinner.\n\nLes mer på nettsidene våre.",
        note="News digest naming diseases; no individual.",
    ),
    Msg(
        "policy-ikke-epost",
        "nb",
        "Påminnelse: personopplysninger på e-post",
        "Til alle ansatte\n\nHusk at fødselsnummer, helseopplysninger og andre sensitive personopplysninger ikke "
        "skal sendes på vanlig e-post. Bruk eDialog eller SvarUt. Har du fått slike opplysninger på e-post, "
        "skal du arkivere dem i saksbehandlingssystemet og slette e-posten.\n\nMvh personvernombudet",
        note="Internal policy reminder about e-mail and personal data.",
    ),
    Msg(
        "policy-helsenett",
        "nb",
        "Rutine for utveksling av helseopplysninger",
        "Helseopplysninger om pasienter skal sendes via Norsk Helsenett (PLO-meldinger) og aldri som vanlig "
        "e-post. Epikriser, sykmeldinger og henvisninger skal ikke videresendes til private e-postadresser. "
        "Brudd på rutinen meldes som avvik.",
        note="Policy text for health-data exchange (routine).",
    ),
    Msg(
        "stillingsannonse-sykepleier",
        "nb",
        "Ledig stilling: sykepleier 100 %",
        "Hjemmetjenesten i Fjellstad kommune søker sykepleier i 100 % fast stilling. Vi ønsker deg som har "
        "erfaring med demens, diabetes og palliativ behandling, og som trives med legemiddelhåndtering. "
        "Søknadsfrist 1. april.",
        note="Job ad naming diseases and medication handling; no individual.",
    ),
    Msg(
        "agenda-fagmote",
        "nb",
        "Agenda fagmøte helse og omsorg",
        "Agenda torsdag kl. 09.00\n1. Legemiddelgjennomgang i sykehjem\n2. Rus og psykisk helse – ny plan\n"
        "3. Smittevern: influensa og covid-19\n4. Eventuelt",
        note="Health-sector meeting agenda.",
    ),
    Msg(
        "fagforening-nyhetsbrev",
        "nb",
        "Nyhetsbrev fra Fagforbundet avdeling 211",
        "Kjære medlem\n\nLønnsoppgjøret er i havn, og medlemsmøtet 20. mars tar for seg resultatet. Husk også "
        "kurset for nye tillitsvalgte i april. Meld deg på via Min side.\n\nHilsen styret",
        note="Generic union newsletter to all members; no named person.",
    ),
    Msg(
        "julekonsert",
        "nb",
        "Invitasjon til julekonsert i domkirken",
        "Velkommen til julekonsert i Fjellstad domkirke søndag 14. desember kl. 18. Domkirkens jentekor og "
        "organist Per Aas fremfører julesanger. Gratis inngang, kollekt til Kirkens Bymisjon.",
        note="Church concert invitation; no person's religion.",
    ),
    Msg(
        "folkemote-parti",
        "nb",
        "Folkemøte om eldreomsorg",
        "Arbeiderpartiet i Fjellstad inviterer til åpent folkemøte om eldreomsorg på rådhuset tirsdag kl. 19. "
        "Stortingsrepresentant Anne Holt innleder. Alle er velkommen!",
        note="Political party event notice.",
    ),
    Msg(
        "faktura-kid",
        "nb",
        "Faktura 20417 fra Rørlegger Hansen AS",
        "Vedlagt faktura for arbeid utført 24.02.\n\nFakturanr: 20417\nKundenr: 55821\nKID: {kid|15}\n"
        "Beløp: 12 450,00\nForfall: 20.03.2025\n\nRørlegger Hansen AS, org.nr. {orgnr} MVA, tlf. {phone_no}",
        note="Invoice with KID (mod 10), customer number, org number and phone.",
    ),
    Msg(
        "ordrebekreftelse",
        "nb",
        "Ordrebekreftelse 7004418823",
        "Takk for bestillingen!\n\nOrdrenummer: 7004418823\nVarenr: 123-4455-66 Kontorstol Ergo\n"
        "Sporingsnummer: 370722150083345671\nForventet levering: 06.03.2025\n\nKundeservice: 21 49 90 00",
        note="Order confirmation with order, item and tracking numbers.",
    ),
    Msg(
        "vaktliste-telefon",
        "nb",
        "Vaktliste uke 11",
        "Vakttelefon uke 11:\nMan–ons: Ole, {phone_no}\nTor–fre: Ida, {phone_no}\nHelg: Jon, +47 {phone_no}\n"
        "Sentralbord: 22 33 44 55",
        note="On-call list with phone numbers only.",
    ),
    Msg(
        "tilbud-orgnr",
        "nb",
        "Tilbud på maling av skolen",
        "Hei,\n\nVi viser til befaringen og gir tilbud på utvendig maling av Lia skole, kr 348 000 eks. mva.\n\n"
        "Malermester Dahl AS\nOrg.nr.: {orgnr} MVA\nForetaksregisteret\nBankgiro: se faktura",
        note="Quote with organisation number.",
    ),
    Msg(
        "feillogg-tidsstempel",
        "nb",
        "Feil i integrasjonen natt til fredag",
        "Integrasjonen feilet 2025-03-14T02:17:45+01:00 med transaksjons-ID 20250314021745 og kø-ID "
        "8836512290. Ny kjøring 2025-03-14 04:00:00 gikk bra. Sak opprettet: INC0048812.",
        note="Incident report with timestamps and transaction ids.",
    ),
    Msg(
        "testdata-tenor",
        "nb",
        "Testdata i nytt fagsystem",
        "Hei,\n\nLeverandøren ba om fødselsnumre til testing. Vi skal ikke bruke ekte personer: bruk syntetiske "
        "testpersoner fra Tenor testdatasøk. Fødselsnummer er 11 siffer, DDMMÅÅ + personnummer, og testpersoner "
        "har måned + 80.\n\nHilsen IT",
        note="Test-data discussion describing the number format; no number.",
    ),
    Msg(
        "politiattest-rutine",
        "nb",
        "Politiattest for trenere",
        "Hei alle trenere!\n\nAlle som har oppgaver for barn og unge i klubben må levere politiattest før "
        "sesongstart. Søk på politiet.no og vis attesten til politiattestansvarlig. Attesten skal ikke sendes på "
        "e-post.",
        note="Generic routine about police certificates; no person's record.",
    ),
    Msg(
        "egenmelding-rutine",
        "nb",
        "Rutine for egenmelding og sykmelding",
        "Ansatte kan bruke egenmelding inntil 3 dager, 4 ganger i løpet av 12 måneder. Ved lengre fravær kreves "
        "sykmelding fra lege. Leder skal ha oppfølgingsplan innen 4 uker. Diagnose skal ikke oppgis til leder.",
        note="HR routine about sick leave (policy).",
    ),
    Msg(
        "fortrolig-budsjett",
        "nb",
        "Fortrolig: budsjettutkast 2026",
        "FORTROLIG\n\nVedlagt utkast til budsjett 2026 for oppvekst. Ikke del før formannskapet har behandlet "
        "saken 2. april.\n\nHilsen økonomisjefen",
        note="Marked confidential but holds no personal data.",
    ),
    Msg(
        "psykisk-helse-dag",
        "nb",
        "Verdensdagen for psykisk helse",
        "10. oktober markerer vi Verdensdagen for psykisk helse med frokost i kantina. Tema i år er angst og "
        "depresjon blant unge, og bedriftshelsetjenesten forteller om hvordan vi kan snakke om psykisk helse på "
        "jobb.",
        note="Generic event about mental health.",
    ),
    # ---------------------------------------------------------------- encrypted / auto-reply
    Msg("smime-kryptert", "nb", "Kryptert melding", "", note="S/MIME enveloped; unreadable.", encrypted="smime"),
    Msg(
        "rpmsg-kryptert",
        "nb",
        "Oppfølging",
        "Denne meldingen er beskyttet. Åpne den i Outlook for å lese innholdet.",
        note="Microsoft message encryption (message.rpmsg).",
        encrypted="rpmsg",
    ),
    Msg(
        "autosvar-ferie",
        "nb",
        "Automatisk svar: Møte neste uke",
        "Takk for e-posten. Jeg er på ferie til og med 10. mars og leser ikke e-post. Ved hastesaker, ring "
        "sentralbordet på 22 33 44 55.",
        note="Plain out-of-office reply.",
        auto_reply=True,
    ),
    Msg(
        "autosvar-sitert-fnr",
        "nb",
        "Automatisk svar: Henvisning",
        "Jeg er på kurs og tilbake mandag.\n\n-----Opprinnelig melding-----\nHei, jeg ber om henvisning til "
        "fysioterapi for knærne mine. Fnr {no_fnr}.\nHilsen Kari",
        ("health",),
        "Auto-reply quoting the original with fnr and a referral request.",
        auto_reply=True,
    ),
]

NN: list[Msg] = [
    Msg(
        "diabetes-skule",
        "nn",
        "Ingrid og insulin på skulen",
        "Hei Torunn,\n\nIngrid fekk diagnosen diabetes type 1 i haust og brukar insulinpumpe. Ho må måle "
        "blodsukkeret før lunsj, og ein vaksen må vite kva ein gjer om ho får følingar. Kan vi ha eit møte med "
        "helsesjukepleiaren?\n\nHelsing Sigrid, mor til Ingrid",
        ("health",),
        "Parent tells school a named child has type 1 diabetes.",
    ),
    Msg(
        "tilskot-fnr-konto",
        "nn",
        "Søknad om kulturtilskot",
        "Hei\n\nEg søkjer om tilskot til ein konsert på Vikane bygdetun i juni.\n\nFødselsnummer: {no_fnr|6+5}\n"
        "Kontonummer: {no_kontonr|space}\n\nHelsing\nSigrid Haugland",
        (),
        "Nynorsk grant application with fnr and account number (spaces).",
    ),
    Msg(
        "jehovas-vitne",
        "nn",
        "Julegudsteneste",
        "Hei,\n\nVi er Jehovas vitne, og vi ønskjer at Olav ikkje er med på julegudstenesta i kyrkja. Kan han vere "
        "på skulen med eit anna opplegg den dagen?\n\nHelsing Knut og Sigrid",
        ("religion",),
        "Parents state the family's religion about a named child.",
    ),
    Msg(
        "medlem-utdanningsforbundet",
        "nn",
        "Trekk av kontingent",
        "Hei lønn,\n\nEg er no medlem i Utdanningsforbundet og ønskjer at kontingenten vert trekt i løna frå april."
        "\n\nHelsing Eirik Vik, lærar ved Vikane skule",
        ("union",),
        "Employee states own union membership.",
    ),
    Msg(
        "kvensk-opplaering",
        "nn",
        "Kvensk språkopplæring",
        "Hei,\n\nFamilien vår er kvensk, og besteforeldra til Ingrid snakkar kvensk heime. Vi ønskjer at ho får "
        "opplæring i kvensk frå 3. trinn.\n\nHelsing Sigrid",
        ("ethnicity",),
        "Parent states family's Kven ethnic origin about a named child.",
    ),
    Msg(
        "landsmote-delegat",
        "nn",
        "Fri til landsmøte",
        "Hei,\n\nEg er vald som delegat til landsmøtet til SV i april, og ber om to dagar permisjon utan løn.\n\n"
        "Helsing Eirik",
        ("politics",),
        "Employee is a party delegate (political opinion).",
    ),
    Msg(
        "samtale-lesbisk",
        "nn",
        "Oppfølging etter samtale",
        "Hei,\n\nAnne i 9A var innom i dag. Ho fortalde at ho er lesbisk og at ho er redd for reaksjonane heime. "
        "Eg har tilbode ho fleire samtalar. Ikkje snakk med foreldra om dette.\n\nHelsing helsesjukepleiar Åse",
        ("sexual_orientation",),
        "School nurse about a named pupil's sexual orientation.",
    ),
    Msg(
        "gentest-huntington",
        "nn",
        "Svar frå genetisk rettleiing",
        "Hei Bjørn,\n\nEg vil at du skal vite at den prediktive gentesten min var positiv for Huntingtons sjukdom. "
        "Eg har det bra no, men vil gjerne snakke om tilrettelegging på sikt.\n\nHelsing Olav",
        ("genetic_biometric", "health"),
        "Employee discloses own positive predictive genetic test.",
    ),
    Msg(
        "straffeattest-vald",
        "nn",
        "Tilsetjing – merknad på politiattest",
        "Hei,\n\nPolitiattesten til den nye assistenten, Rune Aasen, har ein merknad: han vart dømd for vald mot "
        "offentleg tenestemann i 2019. Kva gjer vi?\n\nHelsing rektor",
        ("criminal",),
        "Headteacher about a named new hire's conviction.",
    ),
    Msg(
        "kortnummer-nn",
        "nn",
        "Betaling for hytteleige",
        "Hei!\n\nBetalingslenka fungerte ikkje. Her er kortet: {card|mc}, gyldig til 11/26, CVC 412.\n\nHelsing Knut",
        (),
        "Card number written in a nynorsk message.",
    ),
    # negatives
    Msg(
        "nyheitsbrev-helse",
        "nn",
        "Nyheitsbrev frå helse og omsorg",
        "I dette nummeret: korleis vi førebyggjer fall hos eldre, ny rutine for influensavaksinering, og eit "
        "intervju med kreftkoordinatoren om tilbodet til kreftpasientar og pårørande i kommunen.",
        note="Nynorsk newsletter naming health topics.",
    ),
    Msg(
        "policy-ikkje-fnr",
        "nn",
        "Ikkje send fødselsnummer på e-post",
        "Til alle tilsette\n\nFødselsnummer og helseopplysningar skal ikkje sendast med vanleg e-post. Bruk "
        "sikker digital post. Dersom innbyggjarar sender slike opplysningar til postmottaket, skal dei "
        "arkiverast og e-posten slettast.",
        note="Nynorsk policy reminder.",
    ),
    Msg(
        "stilling-helsefagarbeidar",
        "nn",
        "Ledig stilling som helsefagarbeidar",
        "Vikane omsorgssenter søkjer helsefagarbeidar i 80 % stilling på avdeling for personar med demens. "
        "Erfaring med legemiddelhandtering og palliasjon er ein fordel.",
        note="Job ad; no individual.",
    ),
    Msg(
        "kyrkjekonsert",
        "nn",
        "Påskekonsert i Vikane kyrkje",
        "Velkomen til påskekonsert i Vikane kyrkje skjærtorsdag kl. 19. Kyrkjekoret syng, og soknepresten les "
        "påskeforteljinga. Kollekt til Kirkens Nødhjelp.",
        note="Church concert invitation.",
    ),
    Msg(
        "partimote-sp",
        "nn",
        "Medlemsmøte i Senterpartiet",
        "Vikane Senterparti inviterer til ope møte om landbruk og sjukehusstruktur på samfunnshuset onsdag. "
        "Alle interesserte er velkomne.",
        note="Party event notice.",
    ),
    Msg(
        "straumfaktura-kid",
        "nn",
        "Faktura for straum februar",
        "Faktura 88123001\nKundenummer 402211\nKID {kid|13}\nÅ betale 1 812,40 kr innan 25.03.\n"
        "Vikane Energi AS, org.nr. {orgnr}",
        note="Electricity invoice with KID and org number.",
    ),
    Msg(
        "kommunestyre-sakliste",
        "nn",
        "Sakliste kommunestyret 20. mars",
        "Sak 14/25 Helse- og omsorgsplan 2025–2030\nSak 15/25 Rusmiddelpolitisk handlingsplan\nSak 16/25 "
        "Val av medlemer til eldrerådet\nSak 17/25 Skjenkeløyve",
        note="Council agenda naming health topics.",
    ),
    Msg(
        "fagforeining-nyheitsbrev",
        "nn",
        "Nytt frå Utdanningsforbundet Vikane",
        "Hei alle medlemer!\n\nÅrsmøtet er 4. april. Vi tek opp arbeidstid og lønnsoppgjeret. Det vert servert "
        "middag.\n\nHelsing lokallaget",
        note="Generic union newsletter.",
    ),
    Msg(
        "dugnad-telefon",
        "nn",
        "Dugnad i barnehagen",
        "Hei alle!\n\nDugnad laurdag kl. 10–14. Ta med rake. Spørsmål til Per på {phone_no} eller Liv på "
        "{phone_no}.",
        note="Phone numbers only.",
    ),
    Msg(
        "rpmsg-nn",
        "nn",
        "Vedtak",
        "Denne meldinga er verna. Opne ho i Outlook for å lese innhaldet.",
        note="Microsoft message encryption.",
        encrypted="rpmsg",
    ),
]

SV: list[Msg] = [
    Msg(
        "autism-skola",
        "sv",
        "Angående Elias i klass 2",
        "Hej!\n\nVi har fått beskedet från BUP att Elias har autism. Vi skulle vilja boka ett möte om anpassningar "
        "i klassrummet, till exempel hörselkåpor och ett schema med bilder.\n\nMvh Anna Lindqvist",
        ("health",),
        "Parent tells school a named child has an autism diagnosis.",
    ),
    Msg(
        "bistand-personnummer",
        "sv",
        "Ansökan om ekonomiskt bistånd",
        "Hej\n\nJag vill ansöka om ekonomiskt bistånd för april. Jag är sjukskriven på heltid sedan december på "
        "grund av depression och sjukpenningen räcker inte.\n\nPersonnummer: {se_pnr|12}\n\nVänliga hälsningar\n"
        "Anna Lindqvist",
        ("health",),
        "Citizen to social services: 12-digit personnummer and own depression/sick leave.",
    ),
    Msg(
        "lakarintyg-pdf",
        "sv",
        "Läkarintyg",
        "Hej Karin,\n\nHär kommer läkarintyget för min sjukskrivning.\n\n/Johan",
        ("health",),
        "Medical certificate PDF with personnummer and diagnosis.",
        attachments=(
            (
                "lakarintyg_Johan.pdf",
                "LÄKARINTYG för sjukpenning\nPatient: Johan Ek\nPersonnummer: {se_pnr}\nDiagnos: M54.5 Lumbago\n"
                "Arbetsförmåga nedsatt till 100 % under perioden 2025-03-03 - 2025-03-23\nLeg. läkare Eva Strand",
            ),
        ),
    ),
    Msg(
        "skyddsombud-kommunal",
        "sv",
        "Ansökan undersköterska",
        "Hej!\n\nJag söker tjänsten som undersköterska på Solgårdens äldreboende. Jag är medlem i Kommunal och har "
        "varit skyddsombud på min nuvarande arbetsplats i fyra år.\n\nMed vänlig hälsning\nLinnea Berg",
        ("union",),
        "Applicant states own union membership.",
    ),
    Msg(
        "sabbat",
        "sv",
        "Schemaönskemål",
        "Hej Per,\n\nJag är praktiserande jude och håller sabbaten, så jag kan inte arbeta fredag kväll eller "
        "lördag. Går det att lägga mina pass söndag–torsdag?\n\nHälsningar David",
        ("religion",),
        "Employee discloses own religion.",
    ),
    Msg(
        "hyresgast-ms",
        "sv",
        "Anpassning av lägenhet",
        "Hej,\n\nJag har MS och använder numera rullator. Badkaret i lägenheten har blivit omöjligt för mig. Kan "
        "hyresvärden byta till dusch? Intyg från min neurolog kan skickas.\n\nVänligen\nBirgitta Holm",
        ("health",),
        "Tenant discloses own multiple sclerosis.",
    ),
    Msg(
        "advokat-misshandel",
        "sv",
        "Yttrande i mål om vårdnad",
        "Till socialnämnden\n\nMin klient dömdes i Göteborgs tingsrätt 2022 för misshandel till villkorlig dom och "
        "samhällstjänst. Han har därefter inte förekommit i belastningsregistret.\n\nAdvokat Sara Nyström",
        ("criminal",),
        "Lawyer mentions the client's conviction.",
    ),
    Msg(
        "belastningsregister-ledare",
        "sv",
        "Utdrag ur belastningsregistret – Erik",
        "Hej,\n\nErik Sandbergs utdrag ur belastningsregistret kom i dag. Det finns en dom från 2021 för ringa "
        "narkotikabrott. Ska han ändå få bli ledare på sommarlägret?\n\nMvh Lena",
        ("criminal",),
        "Youth organisation about a named volunteer's criminal record.",
    ),
    Msg(
        "flykting-romer",
        "sv",
        "Ny familj i Sjöby",
        "Hej,\n\nFamiljen Mihai har kommit från Rumänien. De är romer och har varit utsatta för diskriminering i "
        "hemlandet, så var lyhörda när ni bokar tolk.\n\nHälsningar\nIntegrationsenheten",
        ("ethnicity",),
        "Refugee service states a named family's Roma origin.",
    ),
    Msg(
        "kurator-bisexuell",
        "sv",
        "Samtal med Moa",
        "Hej,\n\nMoa i 8B berättade i dag att hon är bisexuell och att hon har fått elaka kommentarer på "
        "Snapchat. Hon vill inte att föräldrarna kontaktas än.\n\nKurator Helena",
        ("sexual_orientation",),
        "School counsellor about a named pupil's sexual orientation.",
    ),
    Msg(
        "dna-analys",
        "sv",
        "Resultat från genetiska mottagningen",
        "Hej Lisa,\n\nDNA-analysen visar att du bär på en variant i LDLR-genen som ger familjär hyperkolesterolemi."
        " Vi rekommenderar att dina barn erbjuds testning.\n\nMed vänlig hälsning\nGenetiska mottagningen",
        ("genetic_biometric", "health"),
        "Genetic test result addressed to a named person.",
    ),
    Msg(
        "ansiktsmallar",
        "sv",
        "Export biometri passersystem",
        "Hej,\n\nSom begärt bifogas exporten från passersystemet med ansiktsmallar och fingeravtryck för "
        "personalen på Sjöby gymnasium.\n\n/IT-enheten",
        ("genetic_biometric",),
        "Biometric templates of named staff in a CSV attachment.",
        attachments=(
            (
                "biometri_export.csv",
                "namn;anst_nr;typ;mall\nKarin Ek;3311;ansikte;QkZUMDEAAAEAAAIgAAIAgAAB\n"
                "Omar Ali;3377;fingeravtryck;Rk1SACAyMAAAAAEOAAABQAHg",
            ),
        ),
    ),
    Msg(
        "vansterpartiet",
        "sv",
        "Tjänstledighet",
        "Hej,\n\nJag är aktiv i Vänsterpartiet och har blivit nominerad till kommunfullmäktige. Jag behöver "
        "tjänstledigt två eftermiddagar i månaden.\n\nHälsningar Maja",
        ("politics",),
        "Employee states own party activity.",
    ),
    Msg(
        "samordningsnummer-amne",
        "sv",
        "Samordningsnummer {se_samnr} – lönebesked",
        "Hej!\n\nJag har inte fått något lönebesked för februari. Mitt samordningsnummer står i ämnesraden.\n\n"
        "Tack, Piotr",
        (),
        "Samordningsnummer in the subject.",
    ),
    Msg(
        "hemtjanst-xlsx-plus",
        "sv",
        "Brukarlista hemtjänst",
        "Hej,\n\nBifogar uppdaterad brukarlista för distrikt Norr.\n\n/Anna",
        (),
        "XLSX with personnummer including a 100+ '+' form.",
        attachments=(
            (
                "brukare_norr.xlsx",
                "Namn;Personnummer;Insats\nGreta Persson;{se_pnr|plus};Matdistribution\n"
                "Sven Olsson;{se_pnr};Städ\nAstrid Berg;{se_pnr|12,nodash};Dusch",
            ),
        ),
    ),
    Msg(
        "kort-html",
        "sv",
        "Betalning simskola",
        "Hej,\n\nBetalningen via Swish gick inte. Ni kan dra avgiften från mitt kort:\n{card|visa}\n"
        "giltigt t.o.m. 04/28\n\nMvh Anna",
        (),
        "Card number in a text+HTML message.",
        html="same",
    ),
    Msg(
        "aterbetalning-iban",
        "sv",
        "Återbetalning av avgift",
        "Hej,\n\nJag har betalat avgiften för förskolan två gånger. Kan ni återbetala till mitt konto?\n\n"
        "IBAN: {iban|SE}\nPersonnummer: {se_pnr|nodash}\n\nMvh Anna Lindqvist",
        (),
        "Refund request with IBAN and 10-digit personnummer without dash.",
    ),
    Msg(
        "signerat-personnummer",
        "sv",
        "Intyg om anställning",
        "Hej,\n\nHärmed intygas att Johan Ek, personnummer {se_pnr}, är tillsvidareanställd som lärare.\n\n" "Rektor",
        (),
        "S/MIME signed only: content readable with personnummer.",
        signed=True,
    ),
    # negatives
    Msg(
        "nyhetsbrev-rsv",
        "sv",
        "Veckans smittskyddsnytt",
        "RS-virus och influensa ökar nu i hela regionen. Folkhälsomyndigheten rapporterar även fler fall av "
        "kikhosta bland spädbarn. Vaccinationsmottagningen har utökade öppettider.",
        note="News digest naming diseases.",
    ),
    Msg(
        "policy-personnummer",
        "sv",
        "Skicka inte personnummer med e-post",
        "Till all personal\n\nPersonnummer, hälsouppgifter och andra känsliga personuppgifter får inte skickas med "
        "vanlig e-post. Använd säker meddelandetjänst. Inkommer sådana uppgifter ska de diarieföras och "
        "e-posten raderas.",
        note="Swedish policy text.",
    ),
    Msg(
        "policy-halsouppgifter",
        "sv",
        "Rutin: hälsouppgifter",
        "Hälsouppgifter om elever ska hanteras i elevhälsans journalsystem och får aldrig skickas via e-post "
        "eller sms. Läkarintyg lämnas personligen eller via 1177.",
        note="Policy routine on health data.",
    ),
    Msg(
        "platsannons-sjukskoterska",
        "sv",
        "Lediga tjänster: sjuksköterskor",
        "Region Sjöby söker sjuksköterskor till akutmottagningen. Du har erfarenhet av triage, hjärtsjukvård och "
        "diabetesvård. Tillsvidareanställning, heltid.",
        note="Job ad.",
    ),
    Msg(
        "agenda-vardsamverkan",
        "sv",
        "Dagordning vårdsamverkan",
        "1. Mötets öppnande\n2. Psykiatri och beroendevård – samordnad plan\n3. Läkemedelsgenomgångar\n"
        "4. Demensvård i hemtjänsten\n5. Övrigt",
        note="Health meeting agenda.",
    ),
    Msg(
        "vision-nyhetsbrev",
        "sv",
        "Nyhetsbrev från Vision Sjöby",
        "Hej medlem!\n\nLönerevisionen är klar och snittet blev 3,4 procent. Välkommen på medlemsmöte 12 maj.\n\n"
        "Styrelsen",
        note="Generic union newsletter.",
    ),
    Msg(
        "kyrkokonsert",
        "sv",
        "Välkommen till vårkonsert",
        "Svenska kyrkan i Sjöby bjuder in till vårkonsert i domkyrkan lördag kl. 16. Gospelkören medverkar. "
        "Fri entré, kollekt till Act Svenska kyrkan.",
        note="Church concert invitation.",
    ),
    Msg(
        "centerpartiet-mote",
        "sv",
        "Öppet möte om landsbygden",
        "Centerpartiet i Sjöby bjuder in till öppet möte om landsbygdens framtid i Folkets hus torsdag kl. 18.30.",
        note="Party event.",
    ),
    Msg(
        "faktura-ocr",
        "sv",
        "Faktura 556123 från Sjöby Bygg AB",
        "Fakturanummer: 556123\nOCR: {ocr|14}\nBankgiro: 5402-8831\nAtt betala: 18 750 kr\nFörfallodag: "
        "2025-03-31\n\nSjöby Bygg AB, org.nr {se_orgnr}, tel {phone_se}",
        note="Invoice with OCR, bankgiro, orgnr.",
    ),
    Msg(
        "orderbekraftelse-sv",
        "sv",
        "Orderbekräftelse 20098871",
        "Tack för din beställning!\nOrdernummer: 20098871\nArtikelnummer: 100-223-45\nKollinummer: "
        "00370722150041217711\nLeverans beräknas 2025-03-07.",
        note="Order confirmation with long numbers.",
    ),
    Msg(
        "anbud-orgnummer",
        "sv",
        "Anbud städtjänster",
        "Vi lämnar härmed anbud på städtjänster för Sjöby kommun.\n\nRena Hem AB, organisationsnummer "
        "{se_orgnr}\nUnderleverantör: Fönsterputs i Sjöby AB, org.nr {se_orgnr}",
        note="Tender with Swedish organisation numbers (Luhn-valid, month 20+).",
    ),
    Msg(
        "telefonlista-sv",
        "sv",
        "Telefonlista jour",
        "Jour vecka 12:\nMåndag: Lars {phone_se}\nTisdag: Eva {phone_se}\nVäxel: 0771-12 34 56",
        note="Phone list.",
    ),
    Msg(
        "belastningsregister-info",
        "sv",
        "Nya regler om registerkontroll",
        "Från 1 juli ska alla som arbetar med barn i föreningen visa upp ett utdrag ur belastningsregistret. "
        "Beställ utdraget hos Polisen och visa det för ordföranden – skicka det inte med e-post.",
        note="Generic routine about criminal record extracts (policy).",
    ),
    Msg(
        "backup-logg",
        "sv",
        "Backuprapport",
        "Backupjobb 2025-03-14 02:00:01 klart. Jobb-ID 1425031402, storlek 48 213 551 104 byte. Nästa körning "
        "2025-03-15 02:00.",
        note="Log with timestamps and job id.",
    ),
    Msg(
        "kurslitteratur",
        "sv",
        "Kurslitteratur VT25",
        "Kurslitteratur:\nGrundläggande farmakologi, ISBN 978-91-44-13352-1\nPsykiatri, ISBN 978-91-47-11465-9",
        note="Book list with ISBNs.",
    ),
    Msg("smime-sv", "sv", "Krypterat meddelande", "", note="S/MIME enveloped.", encrypted="smime"),
    Msg(
        "autosvar-sitat-pnr",
        "sv",
        "Autosvar: Remiss",
        "Jag är ledig till och med 14 mars.\n\n> Hej, här är remissen för Göran Svensson, {se_pnr}, som har "
        "bröstsmärtor och behöver arbets-EKG.",
        ("health",),
        "Auto-reply quoting a referral with personnummer and symptoms.",
        auto_reply=True,
    ),
]

DA: list[Msg] = [
    Msg(
        "epilepsi-skole",
        "da",
        "Freja og epilepsi",
        "Kære Lone\n\nFreja har fået diagnosen epilepsi og tager nu Lamictal. Hvis hun får et anfald, skal I "
        "ringe 112 og derefter til os. Vi kommer gerne og fortæller klassen om det.\n\nMange hilsner\nMette",
        ("health",),
        "Parent tells school a named child has epilepsy and medication.",
    ),
    Msg(
        "fortidspension-cpr",
        "da",
        "Ansøgning om førtidspension",
        "Hej\n\nJeg vil gerne søge om førtidspension. Jeg har haft sklerose i otte år og kan ikke længere arbejde."
        "\n\nCPR-nr.: {dk_cpr}\n\nVenlig hilsen\nMette Kjær",
        ("health",),
        "Citizen with CPR and own multiple sclerosis.",
    ),
    Msg(
        "laegeerklaering-docx",
        "da",
        "Lægeerklæring",
        "Hej Søren\n\nHer er lægeerklæringen, som du bad om.\n\nHilsen Jonas",
        ("health",),
        "Medical statement in a DOCX attachment with CPR and diagnosis.",
        attachments=(
            (
                "laegeerklaering.docx",
                "Lægeerklæring\nNavn: Jonas Madsen\nCPR: {dk_cpr|nodash}\nDiagnose: diskusprolaps L4-L5\n"
                "Sygemeldt fra 1. marts i 4 uger.\nLæge Hanne Friis",
            ),
        ),
    ),
    Msg(
        "3f-tillidsrepraesentant",
        "da",
        "Møde om min opsigelse",
        "Hej\n\nJeg er medlem af 3F og vil gerne have min tillidsrepræsentant med til mødet på torsdag.\n\n"
        "Hilsen Brian",
        ("union",),
        "Employee states own union membership.",
    ),
    Msg(
        "ramadan",
        "da",
        "Ahmed og svinekød",
        "Hej\n\nAhmed er muslim og spiser ikke svinekød. Han faster også under ramadanen, så han har brug for at "
        "holde pause i idrætstimerne.\n\nVenlig hilsen\nFatima",
        ("religion",),
        "Parent states a named child's religion and practice.",
    ),
    Msg(
        "gronlandsk-familie",
        "da",
        "Ny elev fra Nuuk",
        "Hej\n\nAka er grønlænder og er lige flyttet fra Nuuk. Hun taler mest grønlandsk derhjemme, så hun har brug "
        "for dansk som andetsprog.\n\nHilsen Naja",
        ("ethnicity",),
        "Parent states a named child's Greenlandic (Inuit) origin.",
    ),
    Msg(
        "homoseksuel-drillet",
        "da",
        "Bekymring om Mads",
        "Hej\n\nMads har fortalt os, at han er homoseksuel, og han bliver drillet af nogle drenge i 9.B. Vi vil "
        "gerne have et møde med skolens AKT-lærer.\n\nHilsen Lars og Tina",
        ("sexual_orientation",),
        "Parents about a named son's sexual orientation.",
    ),
    Msg(
        "borneattest-dom",
        "da",
        "Børneattest – Mikkel",
        "Hej\n\nBørneattesten for Mikkel Holm er kommet retur, og den er ikke ren: han har en dom for "
        "blufærdighedskrænkelse fra 2018. Han kan ikke starte som træner.\n\nHilsen formanden",
        ("criminal",),
        "Club about a named volunteer's conviction.",
    ),
    Msg(
        "enhedslisten",
        "da",
        "Orlov i forbindelse med valg",
        "Hej\n\nJeg er medlem af Enhedslisten og stiller op til kommunalvalget. Kan jeg få orlov de sidste to uger "
        "før valget?\n\nHilsen Rasmus",
        ("politics",),
        "Employee states own party membership.",
    ),
    Msg(
        "fingeraftryk-tidsregistrering",
        "da",
        "Fingeraftryk i tidsregistreringen",
        "Hej\n\nVi har nu registreret fingeraftryk for alle i køkkenet. Skabelonerne for Jens Hansen og Pia Lund "
        "er vedhæftet, så I kan lægge dem ind på den nye terminal.\n\nHilsen IT",
        ("genetic_biometric",),
        "Named employees' fingerprint templates attached.",
        attachments=(
            ("fingeraftryk.txt", "Jens Hansen: Rk1SACAyMAAAAAFUAAABAAFA\nPia Lund: Rk1SACAyMAAAAAFCAAABAAGQ"),
        ),
    ),
    Msg(
        "refusion-iban-kort",
        "da",
        "Refusion af depositum",
        "Hej\n\nKan depositum blive overført til min konto IBAN {iban|DK}? Alternativt kan I bruge det kort, jeg "
        "betalte med: {card|mc,dash}.\n\nVenlig hilsen Mette",
        (),
        "Danish IBAN and MasterCard number.",
    ),
    Msg(
        "cpr-emne",
        "da",
        "Vedr. CPR {dk_cpr} – flytning",
        "Hej\n\nJeg er flyttet til Åby og vil gerne have min adresse ændret.\n\nHilsen Mette",
        (),
        "CPR in the subject line.",
    ),
    # negatives
    Msg(
        "nyhedsbrev-sundhed",
        "da",
        "Nyt fra Sundhedsstyrelsen",
        "Månedens emner: ny vejledning om behandling af astma hos børn, flere tilfælde af mæslinger i Europa og "
        "en kampagne om ensomhed og depression blandt ældre.",
        note="News digest naming diseases.",
    ),
    Msg(
        "policy-cpr",
        "da",
        "Send ikke CPR-numre pr. mail",
        "Kære medarbejdere\n\nCPR-numre og helbredsoplysninger må ikke sendes med almindelig e-mail. Brug Digital "
        "Post eller sikker mail. Modtager du sådanne oplysninger, skal mailen journaliseres og slettes.",
        note="Danish policy text.",
    ),
    Msg(
        "jobopslag-sygeplejerske",
        "da",
        "Stillingsopslag: sygeplejerske til hjemmeplejen",
        "Åby Kommune søger sygeplejerske til hjemmeplejen. Du har erfaring med KOL, diabetes og medicinhåndtering. "
        "Ansøgningsfrist 15. april.",
        note="Job ad.",
    ),
    Msg(
        "dagsorden-sundhedsudvalg",
        "da",
        "Dagsorden sundhedsudvalget",
        "1. Godkendelse af dagsorden\n2. Forebyggelse af overvægt hos børn\n3. Rehabilitering efter "
        "hjerneskade\n4. Psykiatriplan 2025",
        note="Health committee agenda.",
    ),
    Msg(
        "fagforening-nyhedsbrev",
        "da",
        "Nyhedsbrev fra FOA Åby",
        "Kære medlem\n\nOverenskomstforhandlingerne er afsluttet. Kom til medlemsmøde den 3. april, hvor vi "
        "gennemgår resultatet.",
        note="Generic union newsletter.",
    ),
    Msg(
        "kirkekoncert",
        "da",
        "Koncert i Åby Kirke",
        "Åby Kirke inviterer til Bach-koncert søndag kl. 16. Kirkens kor og organist medvirker. Fri entré.",
        note="Church concert invitation.",
    ),
    Msg(
        "partimode",
        "da",
        "Borgermøde om skolestruktur",
        "Socialdemokratiet i Åby inviterer til borgermøde om skolestrukturen på rådhuset onsdag kl. 19.",
        note="Party event notice.",
    ),
    Msg(
        "faktura-fikode",
        "da",
        "Faktura 4411 fra Åby VVS ApS",
        "Faktura nr. 4411\nBetales med FI-kort: +71<{kid|15}+85596871<\nCVR-nr. {cvr}\nTelefon {phone_dk}\n"
        "Forfald: 31.03.2025",
        note="Invoice with FI payment line, CVR, phone.",
    ),
    Msg(
        "pakke-gls",
        "da",
        "Din pakke er på vej",
        "Din pakke med pakkenummer 05711234567890 er afsendt og leveres i morgen mellem 8 og 16.",
        note="Parcel tracking.",
    ),
    Msg(
        "telefonliste-da",
        "da",
        "Telefonliste bestyrelsen",
        "Formand: Jens, {phone_dk}\nKasserer: Pia, {phone_dk}\nSekretær: Ole, +45 {phone_dk}",
        note="Phone list.",
    ),
    Msg(
        "borneattest-regler",
        "da",
        "Børneattester i foreningen",
        "Husk: Alle trænere, der har kontakt med børn under 15, skal have en børneattest, inden de starter. "
        "Formanden indhenter attesterne digitalt.",
        note="Generic routine (policy) about child-protection certificates.",
    ),
    Msg("smime-da", "da", "Krypteret besked", "", note="S/MIME enveloped.", encrypted="smime"),
    Msg(
        "autosvar-da",
        "da",
        "Automatisk svar: Mødeindkaldelse",
        "Tak for din mail. Jeg holder ferie og er tilbage mandag den 10. marts.",
        note="Plain out-of-office reply.",
        auto_reply=True,
    ),
]

EN: list[Msg] = [
    Msg(
        "dyslexia-anxiety",
        "en",
        "Sophie - support plan",
        "Dear Mrs Patel,\n\nSophie has been diagnosed with dyslexia and generalised anxiety disorder. Her GP has "
        "started her on sertraline. Could she have extra time in tests and a quiet room?\n\nKind regards,\nJames",
        ("health",),
        "Parent about a named child's diagnoses and medication.",
    ),
    Msg(
        "extenuating-circumstances",
        "en",
        "Extenuating circumstances - MSc Data Science",
        "Dear Registry,\n\nI am applying for extenuating circumstances for the January exams. I was admitted to "
        "hospital with a severe depressive episode in December. My GP letter is attached.\n\nStudent ID 22019876\n"
        "James Whitfield",
        ("health",),
        "Student discloses own hospitalisation for depression; GP letter PDF.",
        attachments=(
            (
                "GP_letter.pdf",
                "To whom it may concern\nJames Whitfield (DOB 14/02/1999) has been under my care for major "
                "depressive disorder since November and was admitted to hospital on 12 December.\nDr A. Khan",
            ),
        ),
    ),
    Msg(
        "fit-note",
        "en",
        "Fit note",
        "Hi Claire,\n\nI'm attaching my fit note - the doctor has signed me off for two weeks after my knee "
        "surgery.\n\nThanks, Tom",
        ("health",),
        "Employee sick note (fit note) after surgery.",
    ),
    Msg(
        "unison-member",
        "en",
        "Application - Senior Administrator",
        "Dear Hiring Manager,\n\nPlease find my application attached. In my current role I am a UNISON member and "
        "the branch's workplace representative, which has given me good negotiation skills.\n\nYours faithfully,\n"
        "Priya Shah",
        ("union",),
        "Applicant states own union membership and role.",
    ),
    Msg(
        "sikh-turban",
        "en",
        "Uniform policy question",
        "Hello,\n\nAs a practising Sikh I wear a turban and a kara. Will this be a problem with the kitchen "
        "uniform policy when I start on Monday?\n\nBest,\nHarpreet",
        ("religion",),
        "New employee discloses own religion.",
    ),
    Msg(
        "hazara-family",
        "en",
        "Resettlement - Rahimi family",
        "Hi team,\n\nThe Rahimi family arriving next week are ethnic Hazara from Afghanistan and speak Dari. "
        "Please avoid placing them near the families from the previous intake who raised tensions.\n\nThanks,\n"
        "Refugee Support Service",
        ("ethnicity",),
        "Refugee service states a named family's ethnicity.",
    ),
    Msg(
        "counselling-gay",
        "en",
        "Counselling notes - Daniel",
        "Hi,\n\nIn today's session Daniel disclosed that he is gay and has not come out to his parents. He is "
        "worried about his housing if they find out. Next session Thursday.\n\nBest,\nStudent Counselling",
        ("sexual_orientation",),
        "Counsellor about a named student's sexual orientation.",
    ),
    Msg(
        "solicitor-conviction",
        "en",
        "Our client Mr Reid",
        "Dear Sir or Madam,\n\nWe act for Mr Alan Reid. We confirm that our client has a previous conviction for "
        "fraud (2019), for which he received a suspended sentence. This is spent and should not affect his "
        "tenancy.\n\nYours faithfully,\nHarper & Lowe Solicitors",
        ("criminal",),
        "Solicitor mentions the client's conviction.",
    ),
    Msg(
        "dbs-caution",
        "en",
        "DBS result - volunteer",
        "Hi Jo,\n\nEmma Clarke's enhanced DBS came back and shows a caution for shoplifting from 2017. I think it "
        "is fine for the library volunteer role, but can you confirm?\n\nThanks,\nMark",
        ("criminal",),
        "Volunteer's criminal record check result.",
    ),
    Msg(
        "lynch-syndrome",
        "en",
        "Genetics result",
        "Dear Ms Evans,\n\nYour whole-genome sequencing result shows a pathogenic variant in the MLH1 gene, "
        "consistent with Lynch syndrome. We recommend colonoscopy every two years.\n\nClinical Genetics Service",
        ("genetic_biometric", "health"),
        "Genetic result for a named patient.",
    ),
    Msg(
        "fingerprint-csv",
        "en",
        "Biometric enrolment export",
        "Hi,\n\nAttached is the export of fingerprint templates and facial images enrolled for the lab access "
        "system, one row per staff member.\n\nFacilities IT",
        ("genetic_biometric",),
        "Named staff biometric templates in CSV.",
        attachments=(
            (
                "biometric_enrolment.csv",
                "name,staff_id,template\nAmy Cole,A1043,Rk1SACAyMAAAAAEI\nBen Otto,A1102,Rk1SACAyMAAAAAFA",
            ),
        ),
    ),
    Msg(
        "green-councillor",
        "en",
        "Time off for council duties",
        "Hi Sarah,\n\nAs you know I'm a Green Party councillor. I need Wednesday afternoons off for the planning "
        "committee from next month.\n\nCheers,\nOliver",
        ("politics",),
        "Employee states own party role.",
    ),
    Msg(
        "hetu-exchange",
        "en",
        "Exchange student registration",
        "Hello,\n\nI am an exchange student from Helsinki. My Finnish personal identity code is {fi_hetu}. "
        "Please let me know what else you need.\n\nBest regards,\nAino Virtanen",
        (),
        "Finnish HETU in an English message.",
    ),
    Msg(
        "refund-iban-card",
        "en",
        "Refund for cancelled course",
        "Hello,\n\nPlease refund the course fee to my account: IBAN {iban|GB}. If that is not possible, please "
        "refund the card I paid with, {card|amex}.\n\nThanks,\nJames",
        (),
        "GB IBAN and an Amex card number.",
    ),
    Msg(
        "norwegian-id-en",
        "en",
        "Visiting researcher - tax card",
        "Hi HR,\n\nFor my Norwegian tax card: my national identity number (fødselsnummer) is {no_fnr|dash}.\n\n"
        "Best,\nErik",
        (),
        "Norwegian fnr written 6-5 with a dash in English.",
        html="same",
    ),
    # negatives
    Msg(
        "news-measles",
        "en",
        "Health news roundup",
        "This week: measles cases rise in Europe; new NICE guidance on type 2 diabetes; study links long COVID "
        "to fatigue in teenagers; hospital waiting lists for hip replacement fall.",
        note="News digest naming diseases.",
    ),
    Msg(
        "policy-ni-numbers",
        "en",
        "Reminder: do not email personal data",
        "Dear colleagues,\n\nPlease never send national insurance numbers, passport numbers, health information or "
        "criminal record details by e-mail. Use the secure upload portal. If you receive them, delete the e-mail "
        "after filing.",
        note="English policy reminder.",
    ),
    Msg(
        "job-ad-nurse",
        "en",
        "Vacancy: Staff Nurse, Cardiology",
        "We are recruiting a Band 5 Staff Nurse for our cardiology ward. Experience with heart failure, atrial "
        "fibrillation and IV medication is desirable. Closing date 31 March.",
        note="Job ad.",
    ),
    Msg(
        "agenda-health-board",
        "en",
        "Agenda: Health and Wellbeing Board",
        "1. Minutes\n2. Mental health strategy refresh\n3. Childhood obesity programme\n4. Drug and alcohol "
        "services contract\n5. AOB",
        note="Health board agenda.",
    ),
    Msg(
        "union-bulletin",
        "en",
        "UCU branch bulletin",
        "Dear members,\n\nThe ballot on pay closes on Friday. Please vote. Our branch AGM is on 2 April.\n\n"
        "In solidarity,\nBranch committee",
        note="Generic union bulletin.",
    ),
    Msg(
        "evensong",
        "en",
        "Choral Evensong this Sunday",
        "All are welcome to Choral Evensong at St Mary's Church this Sunday at 6pm, followed by tea in the hall.",
        note="Church service invitation.",
    ),
    Msg(
        "party-hustings",
        "en",
        "Hustings event",
        "The Liberal Democrats invite you to a hustings with local candidates on Thursday at the town hall. "
        "Questions on housing and the NHS welcome.",
        note="Party event notice.",
    ),
    Msg(
        "invoice-lab",
        "en",
        "Invoice INV-2025-00417",
        "Invoice number: INV-2025-00417\nPO: 4500123987\nAmount due: GBP 2,340.00\nPayment reference: "
        "{digits|12}\nCompany registration no. 09123456, VAT GB 123 4567 89",
        note="Invoice with references.",
    ),
    Msg(
        "flight-booking",
        "en",
        "Your booking confirmation - ABC123",
        "Booking reference: QX7P2L\nE-ticket number: 1252400019876\nFlight SK 4035 Oslo-London, 14 March 2025 "
        "07:05\nFrequent flyer: EB 612 345 678",
        note="Flight booking numbers.",
    ),
    Msg(
        "test-cards-dev",
        "en",
        "Payment sandbox",
        "Hi,\n\nFor the payment integration tests, use the gateway's documented test card 4111 1111 1111 1111 "
        "with any future expiry and CVC 123. Never use a real card in staging.\n\nDev team",
        note="Test-data discussion with the well-known Visa test number (not a person's card).",
        allow_lookalikes=True,
    ),
    Msg(
        "zoom-invite",
        "en",
        "Project meeting",
        "Join Zoom Meeting\nhttps://zoom.us/j/84312345678\nMeeting ID: 843 1234 5678\nPasscode: 551203\n"
        "Dial in: +44 203 481 5237",
        note="Meeting invitation with meeting ID and phone.",
    ),
    Msg(
        "product-codes",
        "en",
        "Stock list",
        "Items to reorder:\nGB29 NWBK 6016 1331 9268 19 - cable kit (supplier SKU)\nDE00 1234 5678 9012 3456 78 - "
        "adapter\nSerial 5500 0000 0000 0000",
        note="IBAN-like product codes failing mod 97, a serial failing Luhn.",
    ),
    Msg(
        "genomics-seminar",
        "en",
        "Seminar: genomic data and privacy",
        "Join us for a seminar on genetic data, biometric identification and GDPR Article 9, with speakers from "
        "the Information Commissioner's Office.",
        note="Seminar about genetic data in general.",
    ),
    Msg(
        "rpmsg-en",
        "en",
        "Case update",
        "This message is protected with Microsoft Purview Message Encryption. Open it in Outlook to read.",
        note="Microsoft message encryption.",
        encrypted="rpmsg",
    ),
    Msg(
        "ooo-en",
        "en",
        "Automatic reply: Committee papers",
        "Thank you for your email. I am out of the office until 10 March with limited access to email.",
        note="Plain out-of-office reply.",
        auto_reply=True,
    ),
]

MESSAGES: list[Msg] = NB + NN + SV + DA + EN
