"""The fifth fresh held-out set: a blind red-team set written outside the repository without reading the detector,
its rules, its tests or the corpus generator. Never tune the rules on these messages.
"""

from __future__ import annotations

from build import Msg

MESSAGES: list[Msg] = [
    # ================================================================== nb (13)
    Msg(
        "startlan-vedlegg-pdf",
        "nb",
        "Søknad om startlån - vedlegg",
        "Hei,\n\nVedlagt ligger søknadsskjemaet for startlån, utfylt og signert. Lønnsslippene ettersender jeg "
        "når jeg får dem fra arbeidsgiver.\n\nBare si ifra om noe mangler!\n\nMvh\nLinnea Brattli",
        (),
        "PDF application form with the applicant's fødselsnummer and her private account number.",
        attachments=(
            (
                "soknad_startlan_brattli.pdf",
                "SØKNAD OM STARTLÅN\n\nSøker\nNavn: Linnea Brattli\nFødselsnummer: {no_fnr|6+5}\n"
                "Adresse: Myrveien 14, 3520 Fjellstad\nSivilstand: Enslig forsørger, 2 barn\n\n"
                "Ønsket lånebeløp: 650 000 kr\nEgenkapital: 35 000 kr\n\n"
                "Konto for utbetaling av tilskudd: {no_kontonr}\n\nSted/dato: Fjellstad, 2. mars\nSignatur: L. Brattli",
            ),
        ),
        sender="Linnea Brattli <linnea.brattli@hotmail.com>",
        to="Startlån <startlan@fjellstad.kommune.no>",
    ),
    Msg(
        "coliaki-sfo-mat",
        "nb",
        "Mat på SFO for Ingrid (2B)",
        "Hei!\n\nIngrid fikk i forrige uke bekreftet cøliaki etter gastroskopi på sykehuset. Det betyr at hun ikke "
        "kan spise noe med gluten i det hele tatt, heller ikke små mengder. Kan dere sjekke at ettermiddagsmaten "
        "på SFO blir glutenfri for henne? Vi sender gjerne med eget brød hvis det er enklere.\n\n"
        "Hilsen Tor Arne (pappa)",
        ("health",),
        "Father: his daughter's coeliac disease diagnosis after gastroscopy.",
        sender="Tor Arne Vik <torarne.vik@gmail.com>",
        to="Lindeberg SFO <sfo.lindeberg@fjellstad.kommune.no>",
    ),
    Msg(
        "dnummer-skattekort",
        "nb",
        "Skattekort sesongarbeid",
        "Dzień dobry / Hei\n\nJeg begynner som sesongarbeider på jordbærgården til Haugen fra 15. mai. "
        "Arbeidsgiver sier jeg må ha skattekort.\n\nNavn: Tomasz Wierzbicki\nD-nummer: {no_dnr}\n"
        "Adresse i Norge: Haugen gård, 3520 Fjellstad\n\nThank you / takk\nTomasz",
        (),
        "HTML-only mail with a seasonal worker's D-nummer.",
        html="only",
        sender="Tomasz Wierzbicki <t.wierzbicki@wp.pl>",
    ),
    Msg(
        "sertralin-tjenestereise-sitat",
        "nb",
        "SV: Tjenestereise til Bodø",
        "Hei Marte,\n\nTakk, det passer fint. En ting bare: jeg bruker Sertralin 100 mg hver morgen for "
        "angstlidelsen min, og hvis vi overnatter må jeg huske å ta med ekstra. Kan vi også få enkeltrom? "
        "Jeg sover dårlig når jeg deler rom, det har med angsten å gjøre.\n\nbeklager at det ble litt mye info :)\n"
        "Stian\n\n-----Opprinnelig melding-----\nFra: Marte Lunde\nSendt: mandag 3. mars 2025 08:41\n"
        "Til: Stian Holm\nEmne: Tjenestereise til Bodø\n\n> Hei Stian,\n> Vi reiser med fly kl. 07.10 tirsdag "
        "og er tilbake onsdag kveld.\n> Hotellet er bestilt.\n> Marte",
        ("health",),
        "Employee's own anxiety disorder and antidepressant dose.",
        sender="Stian Holm <stian.holm@fjellstad.kommune.no>",
        to="Marte Lunde <marte.lunde@fjellstad.kommune.no>",
    ),
    Msg(
        "rodt-liste-leder-kommentar",
        "nb",
        "Kommentar fra nærmeste leder",
        "Hei HR,\n\nJeg står som nr. 6 på Rødts liste til kommunestyrevalget i høst. På personalmøtet i går sa "
        'avdelingslederen min foran alle at "vi får håpe hun ikke tar med seg kommunistene på jobb". Jeg '
        "opplevde det som veldig ubehagelig og vil gjerne ha en samtale om det.\n\nVennlig hilsen\n"
        "Hanne Sofie Dahl\nKonsulent, Teknisk etat",
        ("politics",),
        "Employee's own candidacy for a named party (Rødt).",
        sender="Hanne Sofie Dahl <hanne.sofie.dahl@fjellstad.kommune.no>",
        to="HR <hr@fjellstad.kommune.no>",
    ),
    Msg(
        "politiattest-narkotika-sitat",
        "nb",
        "Re: Politiattest - ny assistent Frydenlund skole",
        "Hei igjen,\n\nJeg har sett på attesten nå. Den er ikke blank: han ble i 2021 dømt for oppbevaring av "
        "narkotika (cannabis), bot og betinget fengsel i 21 dager. Jeg tenker vi må ta en prat med rektor før vi "
        "sender kontrakt. Fnr. står under hvis du trenger det til sak.\n\n- Randi\n\n"
        "Den 28.02.2025 kl. 14:03 skrev Geir Mo:\n> Hei Randi, har politiattesten til Elias Berntsen kommet?\n"
        "> Fødselsnr: {no_fnr|dots}\n> Mvh Geir",
        ("criminal",),
        "HR: a named job applicant's drug conviction; fødselsnummer in quoted text.",
        sender="Randi Strand <randi.strand@fjellstad.kommune.no>",
        to="Geir Mo <geir.mo@fjellstad.kommune.no>",
    ),
    Msg(
        "leirskole-kortbetaling",
        "nb",
        "leirskole betaling",
        "hei\n\nfår ikke til å betale leirskolen til Magnus på vipps, det kommer bare feilmelding. kan dere trekke "
        "det fra kortet mitt istedet?\n\nkortnr {card|visa,dash}\nutløper 11/26\n\nmvh Elin Jacobsen "
        "(mamma til Magnus i 7A)\n\nSendt fra min iPhone",
        (),
        "Parent's Visa card number sent in plain mail.",
        sender="Elin Jacobsen <elinjac@icloud.com>",
        to="Frydenlund skole <frydenlund.skole@fjellstad.kommune.no>",
    ),
    Msg(
        "adopsjon-to-fedre-vedlegg-txt",
        "nb",
        "Permisjon ved adopsjon",
        "Hei Kristin,\n\nMannen min Jonas og jeg har endelig fått godkjent adopsjonen! Vi henter en gutt på 14 "
        "måneder i Colombia i mai. Jeg ønsker å ta ut foreldrepermisjon fra 12. mai. Legger ved bevillingen "
        "som tekstfil (skannet versjon kommer).\n\nHilsen Henrik Aasen",
        ("sexual_orientation",),
        "Male employee adopting with his husband; both adopters' fødselsnummer in a .txt attachment.",
        attachments=(
            (
                "adopsjonsbevilling.txt",
                "ADOPSJONSBEVILLING\n\nSøker 1: Henrik Aasen, f.nr. {no_fnr}\n"
                "Søker 2: Jonas Aasen Lindgren, f.nr. {no_fnr|dash}\n\nBevillingen gjelder adopsjon av ett barn "
                "fra Colombia. Gyldig i 24 måneder.",
            ),
        ),
        sender="Henrik Aasen <henrik.aasen@fjellstad.kommune.no>",
        to="Kristin Eide <kristin.eide@fjellstad.kommune.no>",
    ),
    Msg(
        "rutine-sikker-sending",
        "nb",
        "Påminnelse: slik sender du taushetsbelagt informasjon",
        "Hei alle sammen,\n\nVi har hatt tre avvik siste måned der fødselsnummer og helseopplysninger er sendt "
        "med vanlig e-post. Husk:\n\n"
        "1. Fødselsnummer, D-nummer, diagnoser, opplysninger om straffedommer, fagforeningsmedlemskap og religion "
        "skal ALDRI sendes i ukryptert e-post.\n"
        "2. Bruk SvarUt eller eDialog når du skal sende til innbyggere.\n"
        "3. Har du mottatt slike opplysninger fra en innbygger: journalfør, slett fra innboksen og svar uten å "
        "gjenta opplysningene.\n4. Meld avvik i Compilo.\n\n"
        "Spørsmål? Ring personvernombudet på {phone_no}.\n\nMvh\nIngvild Røed\nInformasjonssikkerhetsleder\n"
        "Fjellstad kommune",
        note="Internal routine naming identifier kinds and special categories in general.",
        sender="Ingvild Røed <ingvild.roed@fjellstad.kommune.no>",
        to="Alle ansatte <alle@fjellstad.kommune.no>",
    ),
    Msg(
        "faktura-sfo-kid",
        "nb",
        "Faktura 2025-03 SFO Lindeberg",
        "Faktura nr. 2025-031877\nFakturadato: 01.03.2025\nForfall: 20.03.2025\n\n"
        "Tjeneste: SFO 100 % plass, mars\nBeløp: 3 390,00\n\nBetal til kontonummer 1503.22.87145 eller "
        "IBAN {company_iban|NO} (BIC DNBANOKK)\nKID: {kid|13}\n\nFjellstad kommune, org.nr. {orgnr}\n"
        "Spørsmål om faktura: fakturamottak@fjellstad.kommune.no",
        note="Municipal invoice with KID, organisation number and the municipality's own IBAN.",
        allow_lookalikes=True,
        sender="Fjellstad kommune Faktura <noreply.faktura@fjellstad.kommune.no>",
        to="Tor Arne Vik <torarne.vik@gmail.com>",
    ),
    Msg(
        "kurs-demensvennlig-pamelding",
        "nb",
        "Påmeldingsbekreftelse: Kurs i demensomsorg",
        "Takk for påmeldingen til kurset «Demensvennlig hverdag - kommunikasjon med personer med demens», "
        "8.-9. april på Fjellstad rådhus.\n\nDine opplysninger:\nNavn: Åse Marie Kleven\nFødselsdato: 14.02.1971\n"
        "Arbeidssted: Solbakken bo- og behandlingssenter\nTelefon: {phone_no}\n\nKursavgift: 1 200 kr, "
        "faktureres arbeidsgiver. Påmeldingsnummer: 44817.\n\nVelkommen!\nKurssekretariatet",
        note="Course registration confirmation: topic is dementia, participant data is only name and birth date.",
        sender="Kurssekretariatet <kurs@fjellstad.kommune.no>",
        to="Åse Marie Kleven <ase.marie.kleven@fjellstad.kommune.no>",
    ),
    Msg(
        "autosvar-ferie",
        "nb",
        "Automatisk svar: Søknad om startlån - vedlegg",
        "Takk for e-posten din. Jeg har ferie til og med 14. mars og leser ikke e-post i denne perioden.\n\n"
        "Haster det, kontakt servicetorget på {phone_no} eller postmottak@fjellstad.kommune.no.\n\n"
        "Hilsen Odd Bjørn Sæther\nRådgiver, Husbanktjenester",
        note="Vacation auto-reply.",
        auto_reply=True,
        sender="Odd Bjørn Sæther <odd.bjorn.saether@fjellstad.kommune.no>",
        to="Linnea Brattli <linnea.brattli@hotmail.com>",
    ),
    Msg(
        "smime-dokumenter-nb",
        "nb",
        "Dokumenter til møtet",
        "",
        note="S/MIME encrypted.",
        encrypted="smime",
        sender="Advokat Berg <post@advokatberg.no>",
    ),
    # ================================================================== nn (6)
    Msg(
        "drosje-brot-fnr-emne-nn",
        "nn",
        "Søknad om mellombels skuleskyss - {no_fnr|dash}",
        "Hei,\n\nSonen vår Eirik (6. klasse) brakk leggen på skitur i vinterferien og går med gips og krykker "
        "minst seks veker til. Han kan difor ikkje gå eller sykle til skulen. Vi søkjer om drosjeskyss fram til "
        "påske. Fødselsnummeret hans står i emnefeltet.\n\nLegeerklæring kan ettersendast.\n\n"
        "Helsing\nAstrid og Bjarte Sandvik",
        ("health",),
        "Parents: their son's broken leg; his fødselsnummer (with dash) in the subject.",
        sender="Astrid Sandvik <astrid.sandvik@gmail.com>",
    ),
    Msg(
        "kvensk-opplaering-nn",
        "nn",
        "Kvensk som andrespråk",
        "Hei rektor,\n\nFamilien vår er kvensk - besteforeldra til borna snakka kvensk heime - og vi ønskjer at "
        "Selma og Oskar skal få opplæring i kvensk frå neste skuleår, slik opplæringslova opnar for. Kva må vi "
        "gjere for å søkje?\n\nMed venleg helsing\nTrine Hætta Mikkola",
        ("ethnicity",),
        "Parent states the family's Kven identity (national minority) for named children.",
        sender="Trine Mikkola <trine.mikkola@online.no>",
    ),
    Msg(
        "fagforbundet-utbrent-nn",
        "nn",
        "Oppfølgingsmøte neste veke",
        "Hei Nils,\n\nTakk for innkallinga til oppfølgingsmøtet. Som du veit har eg vore sjukmeld sidan januar "
        "på grunn av utbrentheit, og psykologen min rår meg til å starte med 20 % i april.\n\nEg er medlem i "
        "Fagforbundet og ønskjer at plasstillitsvald Mona Rør er med på møtet.\n\nHelsing\nGunvor Teigen",
        ("health", "union"),
        "Employee's own burnout sick leave and psychologist, and her Fagforbundet membership.",
        sender="Gunvor Teigen <gunvor.teigen@vikane.kommune.no>",
        to="Nils Aarvik <nils.aarvik@vikane.kommune.no>",
    ),
    Msg(
        "stortingsval-forehand-nn",
        "nn",
        "Førehandsrøysting til stortingsvalet",
        "Førehandsrøystinga til stortingsvalet startar 11. august. Du kan røyste på Vikane rådhus kvar dag "
        "kl. 10-15 og på biblioteket torsdagar kl. 16-19. Ta med legitimasjon. Veljarar som ikkje kan kome seg "
        "til eit røystelokale på grunn av sjukdom eller uførleik, kan søkje om å røyste heime innan 2. september."
        "\n\nValstyret i Vikane kommune",
        note="Election information mentioning illness in general.",
        sender="Valstyret <val@vikane.kommune.no>",
        to="Innbyggjarar <nyheitsbrev@vikane.kommune.no>",
    ),
    Msg(
        "stilling-miljoterapeut-nn",
        "nn",
        "Ledig stilling: miljøterapeut, 80 %",
        "Vikane kommune søkjer miljøterapeut i 80 % fast stilling ved Fjellheim bufellesskap for vaksne med "
        "utviklingshemming og autismespekterforstyrring.\n\nKvalifikasjonar:\n- Vernepleiar eller sosionom\n"
        "- Erfaring med ASK og miljøarbeid\n\nPolitiattest må leggjast fram før tilsetjing. Vi ønskjer søkjarar "
        "med ulik bakgrunn, og oppmodar personar med funksjonsnedsetjing til å søkje.\n\nSøknadsfrist: 4. april. "
        "Kontakt: einingsleiar Ragnhild Ness, tlf. {phone_no}.",
        note="Job ad mentioning diagnoses of the service users in general and police certificate requirement.",
        sender="Vikane kommune <rekruttering@vikane.kommune.no>",
    ),
    Msg(
        "rutine-helse-epost-nn",
        "nn",
        "Rutine: helseopplysningar og e-post",
        "Til alle leiarar\n\nFrå 1. april gjeld oppdatert rutine for handsaming av helseopplysningar:\n"
        "- Tilsette skal ikkje sende legeerklæringar, sjukmeldingar eller diagnosar på e-post.\n"
        "- Leiar skal ikkje spørje om diagnose.\n- Opplysningar om tilrettelegging vert lagra i personalmappa "
        "i Public 360, ikkje i Outlook.\n\nRutinen ligg i kvalitetssystemet.\n\nHelsing\nHR-avdelinga",
        note="HR routine naming health information in general.",
        sender="HR-avdelinga <hr@vikane.kommune.no>",
        to="Leiarar <leiarar@vikane.kommune.no>",
    ),
    # ================================================================== sv (11)
    Msg(
        "narvarolista-komvux-xlsx",
        "sv",
        "Närvarolista Svenska 2, vecka 10",
        "Hej Maria!\n\nHär kommer närvarolistan för Svenska 2 (kvällsgruppen), som du bad om inför studiebesöket. "
        "Personnummer behövs för bussbolagets försäkring sa de.\n\n/Jessica\nLärare, Komvux Sjöby",
        (),
        "Spreadsheet with adult students' 12-digit personnummer.",
        attachments=(
            (
                "narvaro_sva2_v10.xlsx",
                "Namn;Personnummer;Mån;Tis;Ons;Tor;Fre\nElsa Berg;{se_pnr|12};x;x;x;;x\n"
                "Noah Ekström;{se_pnr|12,nodash};x;x;;x;x\nLeia Mahmoud;{se_pnr|12};;x;x;x;x",
            ),
        ),
        sender="Jessica Holm <jessica.holm@sjoby.se>",
        to="Maria Sund <maria.sund@sjoby.se>",
    ),
    Msg(
        "hemtjanst-mormor-plus",
        "sv",
        "Mormor behöver mer hjälp",
        "Hej\n\nJag skriver för min mormor Greta Nyberg, {se_pnr|plus}. Hon föll i badrummet förra veckan och "
        "bröt höften, opererades på Sjöby lasarett och skrivs ut på torsdag. Hon har återbesök på ortopeden "
        "den 27 mars. Hon behöver hjälp med dusch och påklädning morgon och kväll.\n\nTacksam för snabbt svar\n"
        "Karin Sjöberg\n{phone_se}",
        ("health",),
        "Granddaughter: her grandmother's hip fracture and follow-up; personnummer with '+' (aged 100+).",
        sender="Karin Sjöberg <karin.sjoberg@telia.se>",
        to="Biståndshandläggare <bistand@sjoby.se>",
    ),
    Msg(
        "jehovas-vittne-firande",
        "sv",
        "Angående firandet på fredag",
        "Hej Ulrika!\n\nVi såg i veckobrevet att klassen ska ha halloweenfest på fredag. Eftersom vi är Jehovas "
        "vittnen firar vår familj inte halloween eller födelsedagar, så Hanna kommer inte vara med på festen. "
        "Kan hon vara i biblioteket eller hos en annan klass under tiden?\n\nVänliga hälsningar\nDaniel Ståhl",
        ("religion",),
        "Parent states the family's faith (Jehovah's Witnesses).",
        sender="Daniel Ståhl <daniel.stahl@outlook.com>",
        to="Ulrika Nord <ulrika.nord@sjoby.se>",
    ),
    Msg(
        "fru-havandeskapsforgiftning",
        "sv",
        "Ledighet från imorgon",
        "Hej Peter,\n\nMin fru Lina har fått havandeskapsförgiftning i vecka 33 och är inlagd på förlossningen "
        "sedan igår kväll. Läkarna vill eventuellt sätta igång förlossningen tidigt. Jag behöver vara ledig "
        "resten av veckan, och kommer sedan ta ut föräldraledighet som vi pratat om.\n\nHälsar\nSara Nilsson",
        ("health", "sexual_orientation"),
        "Female employee's wife (named) with pre-eclampsia: health, and sexual orientation.",
        sender="Sara Nilsson <sara.nilsson@sjoby.se>",
        to="Peter Ahl <peter.ahl@sjoby.se>",
    ),
    Msg(
        "huntington-anlagsbarare",
        "sv",
        "Anpassning av tjänst",
        "Hej,\n\nJag vill informera dig i förtroende: min pappa har Huntingtons sjukdom och jag lät göra ett "
        "gentest i höstas. Det visade att jag också bär på anlaget. Jag har inga symtom idag, men jag skulle vilja "
        "diskutera om jag kan gå ner i tid längre fram. Mitt personnummer är {se_pnr|12,nodash} om HR behöver "
        "lägga upp ett ärende.\n\nMvh\nMikael Forsberg",
        ("genetic_biometric", "health"),
        "Employee's genetic test result (Huntington's gene), his father's disease, and his personnummer.",
        sender="Mikael Forsberg <mikael.forsberg@sjoby.se>",
        to="HR Sjöby <hr@sjoby.se>",
    ),
    Msg(
        "vidarebefordrat-samnr-kurdiska",
        "sv",
        "VB: Modersmålsundervisning",
        "Hej,\n\nVidarebefordrar mejlet från Rojda nedan. Kan ni på modersmålsenheten ta det härifrån?\n\n"
        "Mvh\nLena, skolexpeditionen",
        ("ethnicity",),
        "Forwarded message: a mother's samordningsnummer and the family's Kurdish origin.",
        forward=Msg(
            "vidarebefordrat-samnr-kurdiska-inner",
            "sv",
            "Modersmålsundervisning",
            "Hej!\n\nVi är kurder från Qamishli och kom till Sverige i somras. Min son Baran går i klass 3 "
            "på Ängsskolan. Vi vill att han får modersmål i kurmanji. Mitt samordningsnummer är {se_samnr} "
            "om ni behöver det.\n\nTack\nRojda Aydin",
            sender="Rojda Aydin <rojda.aydin@gmail.com>",
            to="Ängsskolan <angsskolan@sjoby.se>",
        ),
        sender="Lena Öberg <lena.oberg@sjoby.se>",
        to="Modersmålsenheten <modersmal@sjoby.se>",
    ),
    Msg(
        "faktura-ocr-bankgiro",
        "sv",
        "Faktura 884120 - Sjöby Energi",
        "Hej!\n\nHär kommer din faktura för februari.\n\nFakturanummer: 884120\nKundnummer: 30019\n"
        "Att betala: 1 482,00 kr\nFörfallodag: 2025-03-31\nBankgiro: 5521-0076\nOCR: {ocr|12}\n"
        "IBAN: {company_iban|SE}\n\nSjöby Energi AB, org.nr {se_orgnr}\nKundtjänst {phone_se}",
        note="Company invoice with OCR, bankgiro, organisation number and the company's own IBAN.",
        allow_lookalikes=True,
        sender="Sjöby Energi <faktura@sjobyenergi.se>",
        to="Anna Lindqvist <anna.lindqvist@telia.se>",
    ),
    Msg(
        "sjukfranvaro-statistik",
        "sv",
        "Sjukfrånvaro kvartal 4",
        "Hej chefer,\n\nSjukfrånvaron i förvaltningen var 6,8 % under kvartal 4 (5,9 % samma period året innan). "
        "Korttidsfrånvaron ökade mest, främst på grund av influensa och covid i december. Andelen "
        "långtidssjukskrivningar med psykisk ohälsa som orsak ligger kvar på 41 %.\n\nSe bifogad rapport på "
        "intranätet.\n\nHälsningar\nHR-staben\n\nKONFIDENTIELLT - endast för interna mottagare",
        note="Aggregate sickness-absence statistics with a confidentiality footer.",
        sender="HR-staben <hr@sjoby.se>",
        to="Chefer <chefer@sjoby.se>",
    ),
    Msg(
        "anvisning-personnummer-sv",
        "sv",
        "Nya anvisningar: personnummer i e-post",
        "Hej alla,\n\nFrån och med 1 april gäller nya anvisningar:\n\n"
        "* Skicka aldrig personnummer eller samordningsnummer i okrypterad e-post. Använd ärendets "
        "diarienummer i stället.\n* Uppgifter om hälsa, etniskt ursprung, religion, sexuell läggning eller "
        "lagöverträdelser ska hanteras i säker e-post (SEFOS).\n* Har du fått sådana uppgifter: registrera, "
        "radera och meddela avsändaren.\n\nDiarienummer för anvisningen: KS 2025/0117\n\nMvh\n"
        "Dataskyddsombudet, Sjöby kommun",
        note="Policy text naming personnummer and special categories in general.",
        sender="Dataskyddsombudet <dso@sjoby.se>",
        to="Alla medarbetare <alla@sjoby.se>",
    ),
    Msg(
        "rpmsg-arende-sv",
        "sv",
        "Handlingar i ärendet",
        "Du har fått ett skyddat meddelande. Öppna det i Outlook eller via länken för att läsa innehållet.",
        note="Microsoft message encryption (rpmsg).",
        encrypted="rpmsg",
        sender="Socialtjänsten Sjöby <socialtjansten@sjoby.se>",
    ),
    Msg(
        "kurs-hlr-inbjudan",
        "sv",
        "Inbjudan: HLR och första hjälpen",
        "Välkommen till utbildning i hjärt-lungräddning och första hjälpen!\n\nDatum: 9 april kl. 08.30-12.00\n"
        "Plats: Sjöby kommunhus, sal Lärken\n\nInnehåll: hjärtstopp, luftvägsstopp, allergisk chock, "
        "diabeteskänning och epileptiska anfall hos barn och vuxna.\n\nAnmälan senast 28 mars via "
        "kompetensportalen. Max 16 deltagare.\n\nHälsningar\nFriskvårdssamordnaren",
        note="Course invitation listing medical conditions in general.",
        sender="Friskvård <friskvard@sjoby.se>",
        to="Alla medarbetare <alla@sjoby.se>",
    ),
    # ================================================================== da (7)
    Msg(
        "friplads-skema",
        "da",
        "Ansøgning om økonomisk friplads",
        "Hej\n\nHermed min ansøgning om økonomisk friplads i børnehaven til min datter Freja. Skemaet er "
        "vedhæftet. Tilskuddet kan udbetales til min konto, som står i skemaet.\n\nVenlig hilsen\nLouise Dam",
        (),
        "Word form with the parent's CPR (no dash) and her private IBAN.",
        attachments=(
            (
                "ansoegning_friplads.docx",
                "Ansøgning om økonomisk friplads\n\nAnsøger: Louise Dam\nCPR-nr.: {dk_cpr|nodash}\n"
                "Barn: Freja Dam, Solsikken børnehave\nHusstandsindkomst: 287.000 kr.\n"
                "Udbetaling til: {iban|DK}\n\nDato: 03.03.2025",
            ),
        ),
        sender="Louise Dam <louise.dam@mail.dk>",
        to="Pladsanvisningen <pladsanvisning@aaby.dk>",
    ),
    Msg(
        "straffeattest-traener-da",
        "da",
        "Frivillig træner - straffeattest",
        "Hej Søren\n\nJeg vil rigtig gerne være hjælpetræner for U10-drengene. Jeg vil dog hellere sige det "
        "nu: min straffeattest vil vise en betinget dom for spirituskørsel fra 2019. Jeg har ikke kørt spirituskørsel "
        "siden og har fået kørekortet igen. Børneattesten er ren.\n\nMvh\nMads Kristiansen",
        ("criminal",),
        "Volunteer's own conviction for drink-driving.",
        sender="Mads Kristiansen <madskristiansen@gmail.com>",
        to="Søren Bach <soren.bach@aabyif.dk>",
    ),
    Msg(
        "hoereapparat-cpr-html",
        "da",
        "Høreapparat - genansøgning",
        "Kære Borgerservice\n\nJeg er i behandling på Audiologisk Afdeling for svær tinnitus og "
        "høretab på begge ører, og lægen har anbefalet nye høreapparater med maskeringsfunktion. Jeg søger "
        "hermed om tilskud.\n\nCPR: {dk_cpr|space@c}\n\nMed venlig hilsen\nBirthe Lauridsen",
        ("health",),
        "Citizen's tinnitus, hearing loss and hearing aids; CPR with a space, in text and HTML.",
        html="same",
        sender="Birthe Lauridsen <birthe.lauridsen@youmail.dk>",
    ),
    Msg(
        "jom-kippur-fri",
        "da",
        "Fri til Jom Kippur",
        "Hej Lærke\n\nVores søn Noah vil ikke være i skole onsdag den 1. oktober, da det er Jom Kippur. Vi er "
        "jøder og fejrer helligdagen i synagogen i Krystalgade med familien.\n\nVenlig hilsen\nRebekka og David "
        "Melchior",
        ("religion",),
        "Parents state the family's Jewish faith.",
        sender="Rebekka Melchior <rebekka.melchior@gmail.com>",
        to="Lærke Holm <laerke.holm@aaby.dk>",
    ),
    Msg(
        "kommunalvalg-valgtilforordnede",
        "da",
        "Valgtilforordnede søges til kommunalvalget",
        "Kære alle\n\nÅby Kommune søger valgtilforordnede til kommunal- og regionsrådsvalget tirsdag den "
        "18. november. Som valgtilforordnet hjælper du vælgerne på valgstedet og tæller stemmer op om aftenen. "
        "Du behøver ikke at være medlem af et parti. Diæter udbetales efter gældende takster.\n\n"
        "Tilmelding via intranettet senest 1. oktober.\n\nValgsekretariatet",
        note="Recruitment of election staff, no individual's politics.",
        sender="Valgsekretariatet <valg@aaby.dk>",
        to="Alle medarbejdere <alle@aaby.dk>",
    ),
    Msg(
        "faktura-cvr-fikort",
        "da",
        "Faktura 20250341 fra Åby Rengøring ApS",
        "Hej\n\nVedhæftet faktura for vinduespudsning i februar.\n\nFakturanr.: 20250341\nCVR: {cvr}\n"
        "Beløb: 2.375,00 kr. inkl. moms\nBetalingsdato: 15.03.2025\n"
        "Betales via FI-kort +71<{digits|15}+{digits|8}<\n"
        "eller bankoverførsel til IBAN {company_iban|DK}\n\nMed venlig hilsen\nÅby Rengøring ApS\nTlf. {phone_dk}",
        note="Supplier invoice with CVR, FI-card reference and the company's own IBAN.",
        allow_lookalikes=True,
        sender="Åby Rengøring <faktura@aabyrengoering.dk>",
        to="Borgerservice <borgerservice@aaby.dk>",
    ),
    Msg(
        "referat-fortroligt-footer",
        "da",
        "Referat fra teammøde 27/2",
        "Hej alle\n\nHer kort referat fra teammødet:\n- Ny vagtplan for marts er lagt i SharePoint\n"
        "- Julefrokosten flyttes til fredag den 5. december\n- Husk MUS-samtaler inden påske\n\n"
        "God weekend!\nCharlotte\n\n---\nFORTROLIGT: Denne e-mail kan indeholde fortrolige oplysninger og er "
        "alene beregnet til adressaten. Har du modtaget den ved en fejl, bedes du slette den.",
        note="Routine minutes with a confidentiality disclaimer footer.",
        sender="Charlotte Winther <charlotte.winther@aaby.dk>",
        to="Team Vest <teamvest@aaby.dk>",
    ),
    # ================================================================== en (8)
    Msg(
        "inbound-students-tenancy",
        "en",
        "Incoming exchange students spring - list for housing",
        "Hi Kirsi,\n\nPlease find attached the list of incoming students from Finland for the spring term. "
        "The housing office asked for their personal identity codes to register the tenancy contracts.\n\n"
        "Best regards,\nEmily\nInternational Office",
        (),
        "CSV with Finnish students' HETU numbers.",
        attachments=(
            (
                "incoming_fi_spring.csv",
                "name;home_university;hetu;arrival\nAino Virtanen;University of Turku;{fi_hetu};2025-01-08\n"
                "Eetu Laine;Aalto University;{fi_hetu};2025-01-10\nSanni Korhonen;University of Oulu;{fi_hetu};"
                "2025-01-12",
            ),
        ),
        sender="Emily Carter <emily.carter@university.example.ac.uk>",
        to="Kirsi Mäkinen <kirsi.makinen@university.example.ac.uk>",
    ),
    Msg(
        "tuition-refund-iban-appendicitis",
        "en",
        "Request for refund of semester fee",
        "Dear Student Finance,\n\nI had to withdraw from the spring semester after I was hospitalised with a "
        "ruptured appendix and complications (peritonitis) in January. I was in hospital for three weeks and my "
        "doctor advised me not to return before autumn. I attach the discharge summary separately.\n\n"
        "Please refund the fee to my account:\nAccount holder: Lukas Brenner\nIBAN: {iban|DE}\nBIC: COBADEFFXXX\n\n"
        "Kind regards,\nLukas Brenner\nStudent no. 2023117",
        ("health",),
        "Student's own hospitalisation and peritonitis, with his private IBAN.",
        sender="Lukas Brenner <lukas.brenner@gmx.de>",
        to="Student Finance <studentfinance@university.example.ac.uk>",
    ),
    Msg(
        "lynch-sequencing-participant",
        "en",
        "RE: Incidental finding - participant NG-0412",
        "Hi Paula,\n\nConfirming after the review meeting: the whole-genome sequencing of participant NG-0412 "
        "(Helen Marsh) shows a pathogenic variant in MLH1, consistent with Lynch syndrome. She consented to be "
        "informed of actionable findings, so the genetic counsellor will call her this week and refer her for "
        "colonoscopy.\n\nCheers,\nRaj\n\n> From: Paula Jensen\n> Can you confirm what we tell NG-0412?",
        ("genetic_biometric", "health"),
        "Named research participant's pathogenic genetic variant (Lynch syndrome).",
        sender="Raj Menon <raj.menon@university.example.ac.uk>",
        to="Paula Jensen <paula.jensen@university.example.ac.uk>",
    ),
    Msg(
        "conference-amex-wheelchair",
        "en",
        "Booking for the Bergen workshop",
        "Hello,\n\nI would like to register for the workshop and book two nights at the conference hotel. As I use "
        "a power wheelchair, I need an accessible room with a roll-in shower, please.\n\nPayment: American Express "
        "{card|amex,compact@k}, expiry 09/27, name on card Prof. Margaret O'Neill.\n\nMany thanks,\nMargaret O'Neill",
        ("health",),
        "Delegate's Amex card number and her wheelchair use (disability aid).",
        html="same",
        sender="Margaret O'Neill <m.oneill@tcd.example.ie>",
        to="Workshop Secretariat <workshop@university.example.ac.uk>",
    ),
    Msg(
        "mdg-candidate-forskerforbundet",
        "en",
        "Time off for council meetings",
        "Dear Ingrid,\n\nI have been nominated as a candidate for the Green Party (MDG) in the municipal election "
        "in September, and if elected I will need time off for council meetings about twice a month.\n\nI have "
        "also discussed this with Forskerforbundet, as I am a member, and they advised me to get the arrangement "
        "in writing.\n\nBest wishes,\nDr. Tobias Wenger\nAssociate Professor, Dept. of Geography",
        ("politics", "union"),
        "Employee's own party candidacy (MDG) and union membership (Forskerforbundet).",
        sender="Tobias Wenger <tobias.wenger@university.example.ac.uk>",
        to="Ingrid Solheim <ingrid.solheim@university.example.ac.uk>",
    ),
    Msg(
        "newsletter-mental-health-research",
        "en",
        "Research News - March",
        "RESEARCH NEWS | March\n\n* New grant: The Faculty of Medicine has received NOK 24 million for a study "
        'of depression and anxiety in young adults.\n* Seminar: "Genetics of autism" with Prof. Anders Lie, '
        "20 March, Auditorium 2.\n* Reminder: projects collecting health data must be registered with the data "
        "protection officer before recruitment starts.\n\nUnsubscribe | Privacy notice",
        note="Research newsletter about health and genetics topics, no individuals' data.",
        sender="Research News <news@university.example.ac.uk>",
        to="All staff <staff@university.example.ac.uk>",
    ),
    Msg(
        "gdpr-training-special-categories",
        "en",
        "Mandatory training: handling special category data",
        "Dear colleagues,\n\nAll staff who handle student or employee records must complete the online module "
        '"Special category data" by 30 April. The module covers data about health, racial or ethnic origin, '
        "religious beliefs, trade union membership, sexual orientation, biometric identifiers and criminal "
        "convictions, and why national identity numbers must never be sent by unencrypted e-mail.\n\n"
        "It takes about 40 minutes. Link on the staff portal.\n\nInformation Governance Team",
        note="Training invitation naming the special categories in general.",
        sender="Information Governance <infogov@university.example.ac.uk>",
        to="All staff <staff@university.example.ac.uk>",
    ),
    Msg(
        "ethics-committee-agenda",
        "en",
        "Agenda: Research Ethics Committee 12 March",
        "Dear members,\n\nThe committee meets on 12 March at 13:00 in Room B214 (Zoom meeting ID 874 2210 5593, "
        "passcode 441920).\n\nAgenda\n1. Minutes of the previous meeting\n2. Application 2025/031: biobank "
        "study on hereditary heart disease\n3. Application 2025/036: interviews with asylum seekers about "
        "religious practice\n4. Application 2025/040: facial recognition in exam invigilation - pilot\n"
        "5. Any other business\n\nPapers are on the committee site. Dial-in: +44 20 7946 0321.\n\n"
        "Regards,\nCommittee Secretary",
        note="Meeting agenda listing sensitive research topics, meeting IDs and phone numbers, no individuals.",
        sender="Ethics Committee <ethics@university.example.ac.uk>",
        to="REC members <rec-members@university.example.ac.uk>",
    ),
]
