"""Blind held-out set 6: written without reading the detector's rules, the development corpus or earlier fresh sets.

Never tune the rules on these messages; when they have been used for tuning, write a new set.
"""

from __future__ import annotations

from build import Msg

MESSAGES: list[Msg] = [
    # ------------------------------------------------------------------ nb (6 sensitive, 5 not)
    Msg(
        "skattekort-sesong-dnr-emne",
        "nb",
        "Skattekort sesongarbeider {no_dnr}",
        "Hei,\n\nVi har fått inn en ny sesongarbeider fra Litauen som begynner på renovasjonen mandag. Skatteetaten "
        "har gitt ham D-nummer (står i emnefeltet), men skattekortet ligger ikke inne hos oss ennå. Kan lønn sjekke "
        "om det er kommet noe fra deres side?\n\nMvh\nGeir Bakken\nDriftsleder, Teknisk drift",
        ("national_id",),
        "D-nummer of a seasonal worker, written only in the subject line.",
        sender="Geir Bakken <geir.bakken@fjellstad.kommune.no>",
        to="Lønn <lonn@fjellstad.kommune.no>",
    ),
    Msg(
        "svigermor-parkinson-medisiner",
        "nb",
        "Svigermor – hjelp med medisinene?",
        "Hei,\n\nJeg skriver på vegne av svigermor, Randi Eng (84), som bor alene i Skolegata. Hun har hatt Parkinson "
        "i noen år, og nå skjelver hendene så mye at hun ikke får åpnet dosettene selv. Fastlegen har økt "
        "Madopar-dosen til fire ganger daglig, og kveldsdosen blir ofte glemt. Kan hjemmetjenesten komme innom "
        "morgen og kveld for å hjelpe med medisinene?\n\nHun har ikke digital postkasse, så ring gjerne meg.\n\n"
        "Vennlig hilsen\nTore Eng",
        ("health",),
        "Son-in-law: his named mother-in-law's Parkinson's disease and medication.",
        sender="Tore Eng <tore.eng@online.no>",
    ),
    Msg(
        "fwd-depositum-pappa",
        "nb",
        "Fwd: Tilbakebetaling depositum kommunal bolig",
        "Hei,\n\nVideresender e-posten fra pappa under. Han får ikke logget inn med BankID på den nye mobilen, så han "
        "ba meg sende den til dere.\n\nHilsen Lene",
        ("national_id", "bank_account"),
        "Forwarded mail: a tenant's fødselsnummer (dotted form) and private account number for a deposit refund.",
        sender="Lene Solheim <lene.solheim@gmail.com>",
        to="Boligkontoret <bolig@fjellstad.kommune.no>",
        forward=Msg(
            "fwd-depositum-pappa-inner",
            "nb",
            "Tilbakebetaling depositum",
            "Til boligkontoret\n\nJeg flyttet ut av leiligheten i Nygata 14 B den 31. januar og har levert alle "
            "nøklene til vaktmesteren. Depositumet kan settes inn på kontoen min {no_kontonr}.\n\n"
            "Fødselsnummer: {no_fnr|dots}\n\nMed vennlig hilsen\nArne Solheim",
            sender="Arne Solheim <arne.solheim47@hotmail.com>",
            to="Lene Solheim <lene.solheim@gmail.com>",
        ),
    ),
    Msg(
        "re-politiattest-leksehjelp",
        "nb",
        "Re: Politiattest – ny frivillig på leksehjelpen",
        "Hei Morten,\n\nTakk for at du sa ifra. Han får ikke begynne før vi har hatt en samtale med ham, og jeg gir "
        "beskjed til foreldrene om at leksehjelpen på torsdag går som vanlig med Siv.\n\nHilsen Hanne\n"
        "Frivilligsentralen\n\n-----Opprinnelig melding-----\nFra: Morten Lie\nSendt: tirsdag 4. mars 2025 21:14\n"
        "Til: Hanne Vik\nEmne: Politiattest – ny frivillig på leksehjelpen\n\nHei Hanne,\n\nJeg har sett på "
        "politiattesten til Kristoffer Dahl, som skulle begynne som frivillig på leksehjelpen. Den er ikke blank: "
        "han ble dømt i 2021 for kroppskrenkelse og fikk samfunnsstraff. Hvordan vil du at vi håndterer dette?\n\n"
        "Morten",
        ("criminal",),
        "Reply quoting an earlier mail: a named volunteer's conviction shown on his police certificate.",
        sender="Hanne Vik <hanne.vik@fjellstad.kommune.no>",
        to="Morten Lie <morten.lie@fjellstad.kommune.no>",
    ),
    Msg(
        "permisjon-formannskap-delta",
        "nb",
        "Søknad om permisjon for politisk verv",
        "Hei Marit,\n\nEtter at Jonas flyttet, er jeg rykket opp som fast vara til formannskapet for Miljøpartiet "
        "De Grønne. Møtene er tirsdager kl. 13, så jeg søker om permisjon med lønn for disse dagene ut "
        "valgperioden.\n\nJeg er medlem i Delta, og hvis turnusen blir vanskelig å få til, vil jeg gjerne at "
        "plasstillitsvalgt Hilde Moen er med når vi snakker om det.\n\nHilsen\nEspen Kvam\nMiljøterapeut, "
        "Solbakken bofellesskap",
        ("politics", "union"),
        "Employee reveals his party office (MDG) and his trade-union membership (Delta).",
        sender="Espen Kvam <espen.kvam@fjellstad.kommune.no>",
        to="Marit Holte <marit.holte@fjellstad.kommune.no>",
    ),
    Msg(
        "marfan-gentest-gym",
        "nb",
        "Jonas og gymtimene",
        "Hei,\n\nVi har nettopp fått svar på den genetiske utredningen fra Rikshospitalet: Jonas har arvet Marfans "
        "syndrom fra faren sin. Hjertet og hovedpulsåren skal følges opp jevnlig, og kardiologen vil at han holder "
        "seg unna kontaktidrett og tunge løft inntil videre. Kan dere gi beskjed til gymlæreren før neste uke?\n\n"
        "Mvh\nIngunn Ryen",
        ("health", "genetic_biometric"),
        "Parent: a named pupil's genetic test result (inherited Marfan syndrome) and activity restrictions.",
        sender="Ingunn Ryen <ingunn.ryen@gmail.com>",
        to="Lia skole <lia.skole@fjellstad.kommune.no>",
    ),
    Msg(
        "paaminnelse-sensitive-epost",
        "nb",
        "Påminnelse: sensitive opplysninger i e-post",
        "Til alle ansatte i helse og omsorg\n\nVi ser fortsatt at fødselsnummer, diagnoser og opplysninger om rusbruk "
        "sendes i vanlig e-post. Det er ikke tillatt. Husk:\n\n• Fødselsnummer, D-nummer og helseopplysninger "
        "sendes bare via Helsenettet eller SvarUT.\n• Får du en e-post fra en innbygger med slike opplysninger, "
        "ikke svar med sitering: opprett en ny e-post, journalfør henvendelsen og slett originalen.\n"
        "• Opplysninger om etnisitet, religion, seksuell orientering og fagforeningsmedlemskap er særlige kategorier "
        "etter personvernforordningen artikkel 9, og straffedommer omfattes av artikkel 10.\n• Er du i tvil, "
        "kontakt personvernombudet på {phone_no}.\n\nHilsen\nKvalitetsrådgiver, Helse og omsorg",
        note="Internal routine reminder naming identifiers and special categories in general; no person.",
    ),
    Msg(
        "faktura-vindusvask-kid",
        "nb",
        "Faktura 2025-0412 fra Vask & Vedlikehold AS",
        "Hei,\n\nVedlagt følger faktura for vindusvask ved Lia skole og rådhuset, februar 2025.\n\n"
        "Beløp: 18 437,50 kr\nForfall: 20.03.2025\nKID: {kid|13}\nOrg.nr.: {orgnr@org} MVA\n\n"
        "Spørsmål om fakturaen? Ring oss på {phone_no}.\n\nVask & Vedlikehold AS",
        note="Supplier invoice: KID, organisation number and the company's own IBAN in the PDF.",
        attachments=(
            (
                "faktura_2025-0412.pdf",
                "FAKTURA 2025-0412\nVask & Vedlikehold AS, Org.nr. {orgnr@org} MVA\n\nKunde: Fjellstad kommune\n"
                "Vindusvask Lia skole: 11 200,00\nVindusvask radhuset: 3 550,00\nMVA 25 %: 3 687,50\n"
                "Sum: 18 437,50 NOK\n\nBetales til IBAN {company_iban|NO}, BIC DNBANOKK\nKID: {kid|13}",
            ),
        ),
        sender="Vask & Vedlikehold AS <faktura@vaskogvedlikehold.no>",
        allow_lookalikes=True,
    ),
    Msg(
        "julebord-dodssyk-mot",
        "nb",
        "Julebord – hvem blir med?",
        "Hei alle sammen!\n\nEtter en høst der vi har vært dødssyke av møter og budsjettrunder, fortjener vi litt "
        "fest. Julebordet blir fredag 5. desember på Fjordhotellet. Som vanlig er vi religiøse med kaffen etter "
        "maten, så den serveres i baren. Det blir vegetar- og glutenfritt alternativ, si ifra innen 14. november.\n\n"
        "Rådmannen har lovet å holde tale, så ta gjerne med ørepropper ;)\n\nHilsen festkomiteen",
        note="Staff party invitation with figurative 'dødssyke' and 'religiøse'; diet options offered to all.",
    ),
    Msg(
        "kurs-epilepsi-barnehage",
        "nb",
        "Invitasjon: kurs om epilepsi og feberkramper i barnehagen",
        "Hei,\n\nPPT og helsestasjonen inviterer ansatte i barnehagene til kurs om epilepsi, feberkramper og bruk av "
        "Buccolam ved langvarige anfall.\n\nTid: torsdag 10. april kl. 12.30–15.30\nSted: Kommunestyresalen\n"
        "Påmelding: innen 1. april i Kompetanseportalen, kursnummer {digits|6}\nSpørsmål: {phone_no}\n\n"
        "Kurset er gratis. Ta ikke med opplysninger om enkeltbarn.\n\nHilsen helsestasjonen",
        note="Course invitation about epilepsy for staff; no individual.",
    ),
    Msg(
        "autosvar-rektor-kurs",
        "nb",
        "Automatisk svar: Referat fra SU-møtet",
        "Takk for e-posten din. Jeg er på kurs og er tilbake på kontoret mandag 17. mars. Saker som haster kan "
        "sendes til postmottak@fjellstad.kommune.no, eller ring sentralbordet på {phone_no}.\n\nMvh\nGunnhild Aas\n"
        "Rektor, Lia skole",
        note="Out-of-office auto-reply without any personal data beyond the sender.",
        sender="Gunnhild Aas <gunnhild.aas@fjellstad.kommune.no>",
        auto_reply=True,
    ),
    # ------------------------------------------------------------------ nn (4 sensitive, 3 not)
    Msg(
        "vaksineliste-hnummer-xlsx",
        "nn",
        "Influensavaksine Vikatun – liste",
        "Hei,\n\nVedlagt er lista over bebuarar på avdeling 2 og 3 som har takka ja til influensavaksine i år. To av "
        "dei har ikkje norsk fødselsnummer, der har sjukehuset gitt H-nummer. Kan legekontoret bestille dosar ut "
        "frå lista?\n\nHelsing\nAud Fjeld, avdelingssjukepleiar\nVikatun omsorgssenter",
        ("national_id", "health"),
        "Nursing-home residents' fødselsnummer and H-nummer with vaccination, egg allergy and anticoagulant in XLSX.",
        attachments=(
            (
                "vaksineliste_vikatun.xlsx",
                "Namn;Nummer;Avdeling;Merknad\nOlav Tveit;{no_fnr};2;\n"
                "Berit Lunde;{no_fnr|6+5};2;Eggallergi - observer 30 min\nStanislaw Nowak;{no_hnr};3;\n"
                "Guri Myklebust;{no_fnr|dash};3;Brukar Marevan\nHans Brekke;{no_hnr|6+5};3;",
            ),
        ),
        sender="Aud Fjeld <aud.fjeld@vikane.kommune.no>",
        to="Vikane legekontor <legekontor@vikane.kommune.no>",
    ),
    Msg(
        "eteforstyrring-emne",
        "nn",
        "Tiril i 9B – innlagd for eteforstyrring",
        "Hei Kjersti,\n\nBerre så du veit kvifor ho ikkje har vore på skulen: ho er på sjukehuset no og blir der i "
        "alle fall tre veker til. Sjukehusskulen tek kontakt med dykk om lekser og prøver.\n\nHelsing\n"
        "Astrid Mo (mor)",
        ("health",),
        "Parent: a named pupil's hospital admission for an eating disorder, stated only in the subject.",
        sender="Astrid Mo <astrid.mo@gmail.com>",
        to="Kjersti Vang <kjersti.vang@vikane.kommune.no>",
    ),
    Msg(
        "jehovas-vitne-juleavslutning",
        "nn",
        "Juleavslutning og bursdagar",
        "Hei Solveig,\n\nTakk for skrivet om adventstida. Vi er Jehovas vitne, og det betyr at Elias ikkje feirar jul "
        "eller bursdagar. Vi vil gjerne at han får vere med på noko anna, til dømes i biblioteket, når gruppa lagar "
        "julepynt og går i kyrkja 19. desember. Han er vand med dette og synest ikkje det er vanskeleg.\n\n"
        "Helsing\nRuth og Daniel Sæbø",
        ("religion",),
        "Parents disclose the family's faith (Jehovah's Witnesses) for their named child.",
        sender="Ruth Sæbø <ruth.saebo@hotmail.com>",
        to="Solveig Rød <solveig.rod@vikane.kommune.no>",
    ),
    Msg(
        "kvensk-opplaering",
        "nn",
        "Søknad om opplæring i kvensk",
        "Hei,\n\nVi er ein kvensk familie – besteforeldra til Ida snakka kvensk heime i Børselv, og vi vil at ho skal "
        "lære språket. Vi søkjer difor om opplæring i kvensk for Ida Lampinen Haug i 4. klasse frå hausten.\n\n"
        "Vi veit at det er få lærarar, så fjernundervisning går fint for oss.\n\nHelsing\nLiv Lampinen",
        ("ethnicity",),
        "Parent states the family's Kven (national minority) identity for a named child.",
        sender="Liv Lampinen <liv.lampinen@gmail.com>",
    ),
    Msg(
        "fylkesnytt-valdeltaking",
        "nn",
        "Fylkesnytt: valdeltaking og kven som vann",
        "Kjære lesar\n\nValdeltakinga i fylket enda på 76,4 prosent ved stortingsvalet, opp 1,2 prosentpoeng frå "
        "førre val. Arbeidarpartiet vart største parti i 29 av 43 kommunar, medan Framstegspartiet auka mest blant "
        "veljarar under 30 år. Senterpartiet gjekk tilbake i dei fleste distriktskommunane.\n\nI neste nummer: "
        "Kvifor røystar færre unge menn? Vi har snakka med forskarar ved Universitetet i Bergen.\n\nDu får dette "
        "nyheitsbrevet fordi du abonnerer på Fylkesnytt. Meld deg av her.",
        note="Election newsletter with aggregate results by party; no individual's opinion.",
        sender="Fylkesnytt <nyheitsbrev@fylkesnytt.no>",
    ),
    Msg(
        "rutine-feilsending",
        "nn",
        "Rutine ved feilsending av e-post (revidert)",
        "Til alle tilsette\n\nDersom du sender ein e-post med personopplysningar til feil mottakar, skal du:\n\n"
        "1. Be mottakaren slette e-posten og stadfeste at det er gjort.\n2. Melde avvik i Compilo same dag. Skriv "
        "ikkje namn, fødselsnummer eller diagnose i avviksmeldinga – bruk saksnummeret.\n3. Personvernombodet "
        "vurderer om avviket skal meldast til Datatilsynet innan 72 timar.\n\nSærlege kategoriar (helse, etnisk "
        "opphav, religion, politisk syn, fagforeining, seksuell orientering, genetiske og biometriske data) og "
        "opplysningar om straffbare forhold gjer alltid avviket alvorleg.\n\nHelsing\nArkivleiaren",
        note="Breach routine listing the special categories in general.",
    ),
    Msg(
        "smime-dokument-motet",
        "nn",
        "Dokument til møtet torsdag",
        "",
        note="S/MIME enveloped message, content unreadable.",
        encrypted="smime",
        sender="Rune Hovland <rune.hovland@vikane.kommune.no>",
    ),
    # ------------------------------------------------------------------ sv (5 sensitive, 5 not)
    Msg(
        "fardtjanst-kol-pdf4",
        "sv",
        "Ansökan färdtjänst",
        "Hej,\n\nJag hjälper min pappa med ansökan om färdtjänst. Blanketten är ifylld och inskannad, se bifogad "
        "pdf. Läkarintyget skickas direkt från vårdcentralen.\n\nMvh\nKatarina Öberg",
        ("national_id", "health"),
        "PDF form: father's 12-digit personnummer with COPD, home oxygen and walking limits.",
        attachments=(
            (
                "ansokan_fardtjanst.pdf",
                "ANSÖKAN OM FÄRDTJÄNST OCH RIKSFÄRDTJÄNST\n\nSökande: Bengt Öberg\nPersonnummer: {se_pnr|12}\n"
                "Adress: Tallvägen 7, Sjöby\n\nFunktionsnedsättning (beskriv): KOL stadium 3, syrgas i hemmet "
                "dygnet runt. Orkar gå högst 50 meter, använder rollator.\n\nBehöver ledsagare: Ja\n"
                "Hjälpmedel: rollator, syrgastub\n\nUnderskrift: Bengt Öberg",
            ),
        ),
        sender="Katarina Öberg <katarina.oberg@telia.se>",
        to="Färdtjänst <fardtjanst@sjoby.se>",
    ),
    Msg(
        "farmor-over-hundra-plus4",
        "sv",
        "Hälsning till farmor?",
        "Hej!\n\nMin farmor Ester Lundgren fyller år snart – hon är över hundra och äldst i hela kvarteret. När hon "
        "fyllde 100 fick hon en hälsning från kommunen och blev så glad. Blir det något i år också? Hon bor kvar "
        "hemma på Storgatan.\n\nHennes personnummer är {se_pnr|plus} om ni behöver det för att hitta henne.\n\n"
        "Vänliga hälsningar\nMaja Lundgren",
        ("national_id",),
        "Grandchild gives a centenarian's personnummer with the '+' separator in the body.",
        sender="Maja Lundgren <maja.lundgren@gmail.com>",
    ),
    Msg(
        "sommarvikarier-samnr-csv4",
        "sv",
        "Nyanställda säsong – underlag till lönekontoret",
        "Hej lön,\n\nHär kommer listan över sommarvikarierna i hemtjänsten som börjar vecka 23. Två saknar ännu "
        "svenskt personnummer och har samordningsnummer, och Aino pendlar från Torneå och har bara finsk "
        "personbeteckning. Fackavgiften ska dras för dem som har kryss i sista kolumnen.\n\nMvh\nLinnea Sjöberg\n"
        "Enhetschef hemtjänst Norr",
        ("national_id", "union"),
        "CSV: samordningsnummer, Finnish HETU and personnummer with a Kommunal union-dues deduction column.",
        attachments=(
            (
                "sommarvikarier_v23.csv",
                "Namn;Id-nummer;Start;Avdrag fackavgift Kommunal\nAino Räsänen;{fi_hetu};2025-06-02;x\n"
                "Marius Popescu;{se_samnr};2025-06-02;\nDaria Kowalczyk;{se_samnr|nodash};2025-06-09;x\n"
                "Elin Persson;{se_pnr};2025-06-02;x",
            ),
        ),
        sender="Linnea Sjöberg <linnea.sjoberg@sjoby.se>",
        to="Lönekontoret <lon@sjoby.se>",
    ),
    Msg(
        "ombud-centerpartiet-stamma",
        "sv",
        "Ledighet i september",
        "Hej Johan,\n\nJag har blivit vald till ombud för Centerpartiets stämma i Västerås 24–26 september och "
        "skulle vilja ta ut tre dagar semester eller komp. Jag vet att det är mitt i inskolningen, så jag har redan "
        "pratat med Sara om att byta pass.\n\nHälsningar\nFrida Nyström\nFörskollärare, Solstrålens förskola",
        ("politics",),
        "Employee reveals she is a delegate to a party congress (Centerpartiet).",
        sender="Frida Nyström <frida.nystrom@sjoby.se>",
        to="Johan Ek <johan.ek@sjoby.se>",
    ),
    Msg(
        "trakasserier-bi-korridor",
        "sv",
        "Anmälan om trakasserier – korridor C",
        "Hej,\n\nJag vill anmäla att jag blir trakasserad av två personer i min korridor på Studentvägen. Sedan jag "
        "berättade på en fest att jag är bi har de skrivit saker på whiteboarden på min dörr och skickar memes om mig "
        "i korridorens gruppchatt. Jag har sparat skärmdumpar.\n\nJag vill inte att det blir en stor sak, men jag "
        "vill att ni vet om det.\n\nTobias Hedlund\nStudent, masterprogrammet i statsvetenskap",
        ("sexual_orientation",),
        "Student discloses his own bisexuality in a harassment report.",
        sender="Tobias Hedlund <tobias.hedlund@student.sjoby.se>",
        to="Studentbostäder <bostad@sjoby.se>",
    ),
    Msg(
        "sjukfranvaro-statistik",
        "sv",
        "Sjukfrånvaro per förvaltning 2024 – sammanställning",
        "Hej förvaltningschefer,\n\nHär är årets sammanställning av sjukfrånvaron (andel av ordinarie arbetstid):\n\n"
        "Barn och utbildning: 6,1 %\nVård och omsorg: 9,8 %\nSamhällsbyggnad: 4,3 %\nKommunledningskontoret: 3,7 %\n\n"
        "Långtidssjukskrivningar (mer än 60 dagar) står för 47 % av frånvaron. De vanligaste orsakerna i landet är "
        "psykisk ohälsa och besvär i rörelseorganen. Uppgifter om enskilda medarbetare redovisas aldrig i "
        "rapporten.\n\nHR-avdelningen",
        note="Aggregate sick-leave statistics; no individual.",
    ),
    Msg(
        "platsannons-underskoterska",
        "sv",
        "Ledigt jobb: undersköterska natt, Björkgården",
        "Sjöby kommun söker undersköterskor till nattpatrullen på Björkgårdens äldreboende. Vi ser gärna att du "
        "talar finska eller meänkieli, eftersom flera av våra boende har det som modersmål.\n\nInför anställning "
        "ska du visa upp ett utdrag ur belastningsregistret (blankett 442.5 hos Polisen).\n\nArbetsgivare: Sjöby "
        "kommun, org.nr {se_orgnr}\nFacklig kontakt: Kommunal och Vårdförbundet via växeln {phone_se}\n"
        "Referensnummer: SK-{digits|4}/25\n\nSista ansökningsdag 30 april.",
        note="Job advert mentioning criminal-record extracts, minority languages and unions in general.",
        sender="Rekrytering <rekrytering@sjoby.se>",
    ),
    Msg(
        "lonerevision-tidplan",
        "sv",
        "Lönerevision 2025 – tidplan",
        "Hej alla chefer,\n\nLöneöversynen för 2025 startar nu. Förhandlingarna med Kommunal, Vision, Vårdförbundet "
        "och Sveriges Lärare följer tidplanen nedan. Medarbetare som inte är med i något fackförbund omfattas av "
        "samma process.\n\n3 mars: lönesamtal klara\n17 mars: underlag till HR\n7 april: förhandlingsstart\n\n"
        "Observera att uppgifter om fackligt medlemskap inte får skrivas i lönesystemets fritextfält.\n\n"
        "HR-enheten",
        note="Pay-review timetable naming unions in general; no member identified.",
    ),
    Msg(
        "rpmsg-underlag-beredning",
        "sv",
        "Underlag inför beredningen",
        "Det här meddelandet är skyddat. Öppna bilagan message.rpmsg i Outlook för att läsa det.",
        note="Microsoft message encryption (rpmsg); content unreadable.",
        encrypted="rpmsg",
        sender="Per Wallin <per.wallin@sjoby.se>",
    ),
    Msg(
        "sv-arende-skrivare",
        "sv",
        "SV: Ärende INC{digits|7} – skrivaren på socialkontoret",
        "Hej,\n\nTeknikern kommer på onsdag 08.30 och byter fixeringsenheten. Om ni behöver nå oss innan dess, ring "
        "servicedesk på {phone_se}.\n\nMvh\nIT-servicedesk\n\n> Hej, skrivaren på plan 3 (inventarienummer "
        "{digits|8}) drar in flera ark samtidigt och skriver ut helt svarta sidor.\n> Mötes-ID för Teams om ni vill "
        "titta på distans: {digits|3} {digits|3} {digits|3}\n> /Petra, socialkontoret",
        note="IT ticket reply with ticket, inventory, phone and meeting-ID numbers.",
        sender="IT-servicedesk <servicedesk@sjoby.se>",
        to="Petra Holm <petra.holm@sjoby.se>",
    ),
    # ------------------------------------------------------------------ da (5 sensitive, 4 not)
    Msg(
        "sfo-indmeldelse-html2",
        "da",
        "Indmeldelse i SFO – Lærkereden",
        "Indmeldelsesblanket SFO\n\nBarnets navn: Freja Holm Madsen\nCPR-nr.: {dk_cpr|nodash}\nKlasse: 0.B\n"
        "Startdato: 1. august 2025\n\nForælder 1: Mette Holm, tlf. {phone_dk}\nForælder 2: Kasper Madsen\n\n"
        "Afhentning: Freja må gå hjem alene efter kl. 15.\n\nSendt fra kommunens formularløsning",
        ("national_id",),
        "HTML-only form: a named child's CPR number without dash.",
        html="only",
        sender="Formular <noreply@formular.aaby.dk>",
        to="Lærkereden SFO <laerkereden@aaby.dk>",
    ),
    Msg(
        "handicapparkering-bechterew-docx",
        "da",
        "Ansøgning om parkeringskort",
        "Til Borgerservice\n\nHermed min ansøgning om parkeringskort til handicapbil. Lægeerklæringen er vedlagt som "
        "Word-fil, som min læge bad mig om.\n\nVenlig hilsen\nPoul Erik Sørensen",
        ("national_id", "health"),
        "DOCX medical statement: applicant's CPR with ankylosing spondylitis and adalimumab treatment.",
        attachments=(
            (
                "laegeerklaering_parkeringskort.docx",
                "Lægeerklæring til brug for ansøgning om parkeringskort\n\nPatient: Poul Erik Sørensen\n"
                "CPR: {dk_cpr}\n\nDiagnose: Morbus Bechterew (ankyloserende spondylitis), betydelig stivhed i ryg og "
                "hofter.\nBehandling: Humira (adalimumab) hver 14. dag.\nGangdistance: under 100 meter uden hvil.\n\n"
                "Læge Anne Vestergaard, Lægehuset Torvet",
            ),
        ),
        sender="Poul Erik Sørensen <pes1958@mail.dk>",
    ),
    Msg(
        "soen-betinget-dom-praktik",
        "da",
        "Min søn og praktikpladsen",
        "Hej,\n\nJeg er mor til Mikkel Brandt, som er tilknyttet jobcentret. Han har fået tilbud om praktik i "
        "kommunens park og vej, men han er bange for, at de trækker tilbuddet, når de ser hans straffeattest. Han fik "
        "sidste år 40 dages betinget fængsel for hærværk og en episode med en kniv i nattelivet. Han har holdt sig "
        "fra det siden og går stadig til samtaler hos misbrugskonsulenten.\n\nKan hans sagsbehandler ringe til mig?"
        "\n\nVenlig hilsen\nHanne Brandt",
        ("health", "criminal"),
        "Mother: her named son's suspended sentence and ongoing substance-abuse counselling.",
        sender="Hanne Brandt <hanne.brandt@mail.dk>",
        to="Jobcenter Aaby <jobcenter@aaby.dk>",
    ),
    Msg(
        "kolonihave-kortbetaling",
        "da",
        "Betaling af leje – kolonihave nr. 27",
        "Hej,\n\nJeg kan ikke få betalingslinket til at virke, så her er mine kortoplysninger, så I kan trække de "
        "2.450 kr. for havelejen:\n\nMastercard {card|mc}\nUdløb 09/27\nKortholder: Birgit Lauridsen\n\n"
        "Mvh Birgit, have nr. 27",
        ("payment_card",),
        "Citizen sends her own Mastercard number to pay allotment rent.",
        sender="Birgit Lauridsen <birgit.lauridsen@jubii.dk>",
        to="Kolonihaveforeningen <kolonihaver@aaby.dk>",
    ),
    Msg(
        "groenlandsk-tolk-skolestart",
        "da",
        "Tolk til mødet om Nukas skolestart",
        "Hej Lone\n\nTak for indkaldelsen til mødet den 12. maj. Min mand Aqqaluk er grønlænder og har kun boet i "
        "Danmark i to år, så han har svært ved at følge med, når det går hurtigt på dansk. Kan I skaffe en "
        "grønlandsk tolk? Så kan vi begge være med til at snakke om Nukas skolestart.\n\nVenlig hilsen\nSara Lynge",
        ("ethnicity",),
        "Wife states her named husband's Greenlandic (Inuit) origin when asking for an interpreter.",
        sender="Sara Lynge <sara.lynge@gmail.com>",
        to="Lone Friis <lone.friis@aaby.dk>",
    ),
    Msg(
        "nyhedsbrev-kommunalvalg",
        "da",
        "Nyhedsbrev: Kommunalvalget 18. november – sådan stemmer du",
        "Kære borger\n\nDen 18. november er der kommunal- og regionsrådsvalg. Du kan brevstemme i Borgerservice fra "
        "6. oktober. Husk at medbringe sundhedskort eller pas. Har du brug for hjælp i stemmeboksen på grund af et "
        "handicap, kan du få personlig bistand.\n\nVed sidste valg var stemmeprocenten i kommunen 71,2 %. "
        "Socialdemokratiet, Venstre og SF fik flest stemmer.\n\nLæs mere på kommunens hjemmeside. Afmeld "
        "nyhedsbrevet her.",
        note="Municipal election newsletter with aggregate results; no individual.",
        sender="Aaby Kommune <nyhedsbrev@aaby.dk>",
    ),
    Msg(
        "menighedsraad-referat",
        "da",
        "Referat af menighedsrådsmøde 4. marts",
        "Referat – Aaby Sogns Menighedsråd\n\nTil stede: 7 af 9 medlemmer samt sognepræsten. Afbud: 2.\n\n"
        "1. Dagsorden: godkendt.\n2. Regnskab 2024: underskud på 38.400 kr. pga. reparation af kirkens tag. "
        "Revisor har ingen bemærkninger.\n3. Konfirmation 2026: holdes 3. og 10. maj. Indskrivning via sogn.dk.\n"
        "4. Kirkegården: nye regler for gravsten sendes i høring.\n5. Eventuelt: Kirkekaffen flyttes til "
        "våbenhuset i vinterhalvåret.\n\nNæste møde: 8. april kl. 19.00 i sognegården.\nCVR: {cvr}\n\n"
        "Referent: kirkekontoret",
        note="Church council minutes: budget and dates, no named member or parishioner.",
        sender="Kirkekontoret <kirkekontor@aabysogn.dk>",
    ),
    Msg(
        "fredagsbar-syg-efter",
        "da",
        "Fredagsbar på 3. sal",
        "Hej alle\n\nPå fredag kl. 14 holder vi fredagsbar for hele centret. Jeg er helt syg efter at se, hvem der "
        "vinder quizzen – sidst var det løn og personale, og de har ikke holdt op med at prale siden. Kagebordet er "
        "som bekendt helligt, så skriv jer på listen, hvis I tager en kage med.\n\nVi har både glutenfri og "
        "laktosefri snacks.\n\nHilsen trivselsudvalget",
        note="Friday bar invitation with figurative 'syg efter' and 'helligt'.",
    ),
    Msg(
        "budget-aeldre-xlsx",
        "da",
        "Budget 2026 – ældreområdet, 2. udkast",
        "Hej\n\nHer er 2. udkast til budgettet for ældreområdet. Bemærk at posten til demensindsats er hævet med "
        "1,2 mio. kr., og at hjælpemiddeldepotet er flyttet under Sundhed. Tallene er i 1.000 kr.\n\nMvh\n"
        "Økonomiafdelingen",
        note="Budget spreadsheet with dementia and addiction-treatment budget lines; no individual.",
        attachments=(
            (
                "budget2026_aeldre.xlsx",
                "Konto;Tekst;Budget 2025;Budget 2026\n5.32.32;Pleje og omsorg;412.350;428.900\n"
                "5.32.33;Demensindsats;14.200;15.400\n5.32.35;Hjælpemidler;22.870;23.100\n"
                "5.38.50;Misbrugsbehandling;6.450;6.300\n;I alt;455.870;473.700",
            ),
        ),
        sender="Økonomi <oekonomi@aaby.dk>",
    ),
    # ------------------------------------------------------------------ en (5 sensitive, 3 not)
    Msg(
        "deposit-refund-fi-iban-hetu",
        "en",
        "Refund of accommodation deposit",
        "Dear Accommodation Office,\n\nI moved out of Hall 4, room 216, on 30 June at the end of my Erasmus exchange. "
        "I was told the deposit would be refunded by bank transfer. My Finnish account is {iban|FI}, account holder "
        "Eveliina Koskinen.\n\nYour form also asked for a national ID number; my Finnish personal identity code is "
        "{fi_hetu}.\n\nKind regards,\nEveliina Koskinen",
        ("national_id", "bank_account"),
        "Exchange student's private Finnish IBAN and HETU in the body.",
        sender="Eveliina Koskinen <eveliina.koskinen@gmail.com>",
    ),
    Msg(
        "stepson-clozapine-halal",
        "en",
        "My stepson's admission – clinic date and meals",
        "Hello,\n\nMy stepson Yusuf Ahmadi (24) was admitted to ward 7 at the weekend. He has treatment-resistant "
        "schizophrenia and has been on clozapine for three years; his bloods are taken at the clozapine clinic every "
        "four weeks, and I want to make sure the ward knows the next clinic date is Thursday.\n\nHe is a practising "
        "Muslim, so could he have halal meals and somewhere quiet to pray on Fridays?\n\nThank you,\nLinda Carver",
        ("health", "religion"),
        "Stepmother: named stepson's schizophrenia, clozapine monitoring and his Muslim practice.",
        sender="Linda Carver <linda.carver@btinternet.com>",
        to="Patient Services <patient.services@hospital.example.no>",
    ),
    Msg(
        "christmas-party-husband",
        "en",
        "Staff Christmas party booking",
        "Hi Emma,\n\nCould you change my booking for the staff Christmas party from one ticket to two? My husband "
        "Daniel is coming with me this year, so it'll be the two of us, no children. He's vegetarian.\n\n"
        "Thanks!\nRobert Lindgren\nDepartment of Physics",
        ("sexual_orientation",),
        "A man mentions his husband: indirect disclosure of sexual orientation.",
        sender="Robert Lindgren <robert.lindgren@university.example.ac.uk>",
        to="Emma Shaw <emma.shaw@university.example.ac.uk>",
    ),
    Msg(
        "police-liaison-fingerprints",
        "en",
        "Update on the youth club case",
        "Hi Kristin,\n\nQuick update as promised. The fingerprints lifted from the back door of the youth club "
        "matched Sebastian Moe's prints in our register, and he was charged yesterday with the burglary and with "
        "receiving stolen goods. He's 17, so the formal notice will come through the usual channel, but I wanted "
        "you to know before Monday's meeting with his mother.\n\nBest,\nSgt. Anders Nyhus\nPolice liaison officer",
        ("genetic_biometric", "criminal"),
        "Police liaison: fingerprint match identifying a named minor and the charges against him.",
        sender="Anders Nyhus <anders.nyhus@politiet.example.no>",
        to="Kristin Berg <kristin.berg@fjellstad.kommune.no>",
    ),
    Msg(
        "conference-registration-amex-txt",
        "en",
        "Conference registration – Nordic Social Work Forum",
        "Dear organisers,\n\nPlease find my registration form attached as a text file, since the online form kept "
        "timing out. I'd like to pay the early-bird fee by card as stated.\n\nBest regards,\nDr Helen Brooks\n"
        "Senior Lecturer, School of Social Sciences",
        ("payment_card",),
        "TXT attachment with the sender's own American Express card number.",
        attachments=(
            (
                "registration_brooks.txt",
                "NORDIC SOCIAL WORK FORUM 2025 - REGISTRATION\nName: Helen Brooks\nInstitution: University of "
                "Leicester\nDietary requirements: none\nWorkshop choice: B2\nPayment: American Express {card|amex}\n"
                "Expiry: 11/26\nCardholder: Helen M. Brooks",
            ),
        ),
        sender="Helen Brooks <h.brooks@leicester.example.ac.uk>",
    ),
    Msg(
        "dev-note-test-cards",
        "en",
        "Payment gateway staging – test cards",
        "Hi team,\n\nThe staging environment for parking-permit payments is up again. Use the usual public test card "
        "4111 1111 1111 1111 (any future expiry, CVC 123) and the decline card 4000 0000 0000 0002. Do NOT paste "
        "real customer card numbers into Jira tickets.\n\nMerchant ID: {digits|8}\nSupport line: {phone_no}\n\n"
        "I'm allergic to Mondays, so the deploy waits until Tuesday.\n\nCheers,\nOle (dev team)",
        note="Developer note with public test card numbers and a figurative 'allergic to Mondays'.",
        allow_lookalikes=True,
    ),
    Msg(
        "research-bulletin-survey",
        "en",
        "Research Bulletin: genetics seminar and staff survey results",
        'RESEARCH BULLETIN – MARCH\n\nSeminar: "Polygenic risk scores and type 1 diabetes", Prof. Maria Olsen '
        "(Bergen). Thursday 13 March, 12:00, Lecture Theatre B. Lunch provided.\n\nStaff survey 2024: 812 staff "
        "responded (61 %). 38 % say they are members of a trade union, 14 % report a long-term health condition and "
        "7 % identify as LGBTQ+. Full results are on the intranet.\n\nReminder: information about an identifiable "
        "colleague's health, beliefs or union membership must never be shared by e-mail; use the secure case "
        "system.\n\nResearch Office",
        note="Newsletter: seminar on genetics of diabetes and aggregate survey statistics.",
        sender="Research Office <research@university.example.ac.uk>",
    ),
    Msg(
        "pride-week-volunteers",
        "en",
        "Call for volunteers: Pride Week on campus",
        "Hi all,\n\nPride Week runs 2–6 June with talks, a film night and the rainbow run on Friday. The Equality "
        "Office is looking for volunteers to staff the stand in the library foyer – you don't have to be LGBTQ+ to "
        "help, allies are very welcome! The chaplaincy and the Muslim and Christian student societies will host a "
        "joint panel on faith and inclusion.\n\nSign up by 23 May on the staff intranet.\n\n"
        "Equality, Diversity & Inclusion Office",
        note="Event call mentioning LGBTQ+ and faith groups in general; no individual.",
        sender="EDI Office <edi@university.example.ac.uk>",
    ),
]
