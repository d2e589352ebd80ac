# ruff: noqa: E501 - message texts are data; their lines stay as written
"""Blind held-out set 7: longer and messier mail (threads, forwards, HTML, minutes, case handling).

Written blind (without reading the detector's rules, tests or the development corpus generator). Never tune on it.
"""

from __future__ import annotations

from build import Msg

MESSAGES: list[Msg] = [
    # ================================================================== nb (17)
    Msg(
        "barnevern-helsestasjon-trad",
        "nb",
        "SV: SV: Bekymringsmelding – oppfølging",
        "Hei igjen Randi,\n\n"
        "Takk for raskt svar. Vi setter opp samarbeidsmøte onsdag 14. mai kl. 12.30 på familiens hus, rom 2. "
        "Jeg tar med saksbehandler fra NAV-kontoret dersom mor samtykker.\n\n"
        "Vennlig hilsen\n"
        "Torunn Bakke\n"
        "Kontaktperson | Barneverntjenesten i Fjellstad\n"
        "Tlf. {phone_no} | Sentralbord 33 40 10 00\n"
        "Saksnr. 2025/3317\n\n"
        "-----Opprinnelig melding-----\n"
        "Fra: Randi Sæther <randi.saether@fjellstad.kommune.no>\n"
        "Sendt: tirsdag 6. mai 2025 15:02\n"
        "Til: Torunn Bakke <torunn.bakke@fjellstad.kommune.no>\n"
        "Emne: SV: Bekymringsmelding – oppfølging\n\n"
        "> Hei Torunn,\n"
        "> \n"
        "> Jeg var på hjemmebesøk i går. Mathias (9) har gått ned i vekt siden skolehelsekontrollen\n"
        "> i høst og møter ofte uten matpakke. Mor forteller at hun har fått diagnosen bipolar lidelse\n"
        "> og nettopp har sluttet på litium på egen hånd. Hun virket svært sliten.\n"
        "> \n"
        "> Opplysninger om barnet, som dere ba om:\n"
        "> Navn: Mathias Lunde Eriksen\n"
        "> Fødselsnummer: {no_fnr|6+5}\n"
        "> Helsestasjon: Sentrum\n"
        "> \n"
        "> Hilsen Randi Sæther, helsesykepleier\n"
        "> \n"
        "> >> Hei Randi, har du rukket å se familien etter meldingen vi fikk fra fastlegen? /Torunn\n",
        ("health",),
        "Child-welfare thread; the child's fødselsnummer and the mother's bipolar diagnosis are only in quoted text.",
        sender="Torunn Bakke <torunn.bakke@fjellstad.kommune.no>",
        to="Randi Sæther <randi.saether@fjellstad.kommune.no>",
    ),
    Msg(
        "flyktning-bosetting-vs",
        "nb",
        "VS: Bosetting – familie fra IMDi, mars",
        "Hei Øystein,\n\n"
        "Se vedlagt e-post fra mottaket. Kan du ta kontakt med legekontoret om fastlege før de kommer? "
        "Leiligheten i Skolegata 12 er klar fra 1. april.\n\n"
        "Mvh\nLinn Ødegård\nprogramrådgiver, Flyktningtjenesten\nMobil {phone_no}\n",
        ("health",),
        "Forwarded message/rfc822 from a reception centre: a refugee's D-nummer and his PTSD and diabetes.",
        sender="Linn Ødegård <linn.odegard@fjellstad.kommune.no>",
        to="Øystein Rønning <oystein.ronning@fjellstad.kommune.no>",
        forward=Msg(
            "flyktning-bosetting-inner",
            "nb",
            "Bosetting – familie fra IMDi, mars",
            "Hei,\n\n"
            "Her er det vi har om familien som skal bosettes hos dere:\n\n"
            "Far: Yonas Haile, D-nummer {no_dnr}\n"
            "Mor og tre barn (6, 9 og 13 år) – papirer ettersendes.\n\n"
            "Far har diabetes type 2 og bruker insulin. Han har også en PTSD-diagnose fra psykologen på "
            "mottaket og trenger videre behandling hos DPS. Han har avtale om samtaler annenhver uke frem til "
            "flytting.\n\n"
            "Mvh\nAmund Sørli\nMiljøarbeider, Bjørkly asylmottak\n",
            sender="Amund Sørli <amund.sorli@bjorkly-mottak.no>",
            to="Linn Ødegård <linn.odegard@fjellstad.kommune.no>",
        ),
    ),
    Msg(
        "lonn-vara-fagforbundet-konto",
        "nb",
        "SV: Endringer før lønnskjøring i juni",
        "Hei Hanne,\n\n"
        "Takk for påminnelsen. Tre ting fra meg:\n\n"
        "1. Ny konto for lønn: {no_kontonr} (jeg har byttet til Sparebank 1).\n"
        "2. Jeg har meldt meg inn i Fagforbundet, så fagforeningskontingenten skal trekkes fra og med juni.\n"
        "3. Jeg er 1. vara for Rødt i kommunestyret og blir innkalt 19. juni, så jeg trenger fri med lønn "
        "den dagen etter avtalen om politiske verv.\n\n"
        "Hilsen\nStian Hovde\nMiljøterapeut, Bo- og aktivitetssenteret\n\n"
        "Fra: Lønn Fjellstad <lonn@fjellstad.kommune.no>\n"
        "Sendt: 2. juni 2025 08:11\n"
        "Emne: Endringer før lønnskjøring i juni\n\n"
        "> Hei alle,\n"
        "> frist for endringer som skal med på junilønna er 10. juni. Meld fra om nytt kontonummer,\n"
        "> trekk eller permisjoner i god tid. Husk at skattekortet hentes automatisk.\n"
        "> Hilsen Hanne, lønnsavdelingen, tlf. 33 40 12 70\n",
        ("politics", "union"),
        "Employee gives his private account number, Fagforbundet membership and party office (vara for Rødt).",
        sender="Stian Hovde <stian.hovde@fjellstad.kommune.no>",
        to="Lønn Fjellstad <lonn@fjellstad.kommune.no>",
    ),
    Msg(
        "ppt-ansvarsgruppe-referat",
        "nb",
        "Referat ansvarsgruppemøte 22.04",
        "Hei alle sammen,\n\n"
        "Vedlagt følger referat fra ansvarsgruppemøtet tirsdag. Gi beskjed innen fredag dersom noe må rettes, "
        "så arkiverer jeg det i saken.\n\n"
        "Neste møte: 10. juni kl. 09.00, Fjellstad skole, møterom 3.\n\n"
        "Med vennlig hilsen\n"
        "Ingrid Solbakken\n"
        "Pedagogisk-psykologisk rådgiver | PP-tjenesten Fjellstad\n"
        "Telefon {phone_no}\n",
        ("health",),
        "PPT minutes (.docx): a pupil's fødselsnummer, ADHD, medication and dyslexia.",
        sender="Ingrid Solbakken <ingrid.solbakken@fjellstad.kommune.no>",
        to="Ansvarsgruppe <ansvarsgruppe-7b@fjellstad.kommune.no>",
        attachments=(
            (
                "Referat_ansvarsgruppe_2025-04-22.docx",
                "REFERAT – ANSVARSGRUPPEMØTE\n"
                "Elev: Jonas Aasen Berg, 7B\n"
                "Fødselsnummer: {no_fnr|dash}\n"
                "Til stede: mor, kontaktlærer, rektor, PPT, helsesykepleier\n\n"
                "1. Status\n"
                "Jonas fikk diagnosen ADHD i februar og bruker nå Concerta 36 mg om morgenen. Mor opplever bedre "
                "konsentrasjon, men dårligere matlyst. Lærer melder om færre konflikter i friminuttene.\n\n"
                "2. Lesing og skriving\n"
                "Kartleggingen fra PPT bekrefter dysleksi. Jonas får lydbøker og utvidet tid på prøver.\n\n"
                "3. Videre\n"
                "Sakkyndig vurdering oppdateres innen 1. august. Helsesykepleier følger opp vekt.\n",
            ),
        ),
    ),
    Msg(
        "skolehelse-html-emil",
        "nb",
        "Emil i 9C – fortrolig",
        "Hei Kjersti,\n\n"
        "Som avtalt på telefon: Emil Haugen (9C, f.nr. {no_fnr|3}) har vært hos meg tre ganger de siste to "
        "ukene. Han fortalte at han er homofil, og at noen i klassen har funnet ut av det og sender stygge "
        "meldinger på Snapchat.\n\n"
        "Han sover dårlig, har mistet matlysten og sier han har hatt tanker om å skade seg selv. Jeg har "
        "henvist ham til BUP og snakket med mor i dag.\n\n"
        "Kan du og rektor ta tak i mobbingen så raskt som mulig? Han vil ikke at klassen skal få vite at han "
        "har snakket med oss.\n\n"
        "Hilsen\nMarte Lie\nHelsesykepleier, Skolehelsetjenesten Fjellstad ungdomsskole\nTlf. {phone_no} "
        "(tirsdag og torsdag)",
        ("health", "sexual_orientation"),
        "HTML-only mail from a school nurse: a pupil's fødselsnummer, sexual orientation, self-harm thoughts and BUP referral.",
        html="only",
        sender="Marte Lie <marte.lie@fjellstad.kommune.no>",
        to="Kjersti Dahl <kjersti.dahl@fjellstad.kommune.no>",
    ),
    Msg(
        "hjemmetjeneste-rapport",
        "nb",
        "Rapport helg – rode 3",
        "Hei alle på rode 3,\n\n"
        "Kort oppsummering fra helgen før mandagsmøtet:\n\n"
        "– Solveig Brenna (Granveien 8): Blodsukker høyt lørdag kveld (19,4). Ringte legevakten, insulindosen "
        "justert til 14 IE kveld. Hun er mer glemsk enn før – demensutredning er bestilt hos fastlegen. Hun ba "
        "også om at vi ringer den katolske presten fra St. Olav menighet, hun ønsker å motta nattverd hjemme "
        "nå som hun ikke kommer seg til messen.\n"
        "– Granveien 14: nøkkelboksen er byttet, ny kode i fagsystemet.\n"
        "– Bilen EL 45123 må på verksted tirsdag.\n\n"
        "Husk å dokumentere i fagsystemet, ikke på e-post, når det gjelder vurderinger.\n\n"
        "Hilsen Aud Kristiansen\n"
        "Fagansvarlig sykepleier, Hjemmetjenesten sone øst\n"
        "Vakttelefon {phone_no}\n",
        ("health", "religion"),
        "Home-care colleague reports a named client's insulin dose, dementia assessment and Catholic practice.",
        sender="Aud Kristiansen <aud.kristiansen@fjellstad.kommune.no>",
        to="Rode 3 <hjemmetjenesten.rode3@fjellstad.kommune.no>",
    ),
    Msg(
        "byggesak-dispensasjon-rullestol",
        "nb",
        "SV: Byggesak 2025/118 – Lia 4, dispensasjon fra byggegrense",
        "Hei Per Olav,\n\n"
        "Jeg forstår at naboen har klaget, men jeg ber dere se på begrunnelsen en gang til. Min kone Berit fikk "
        "et hjerneslag i fjor høst og er lam i venstre side. Hun sitter i rullestol og kommer seg ikke inn "
        "gjennom dagens inngang. Garasjen med rampe og heis er eneste løsning for at hun kan bo hjemme. "
        "Ergoterapeuten fra kommunen har skrevet en uttalelse som jeg ettersender.\n\n"
        "Med hilsen\nTerje Lia\nLia 4, 3470 Fjellstad\n{phone_no}\n\n"
        "Den 28.04.2025 skrev Per Olav Strand, byggesaksbehandler:\n"
        "> Hei,\n"
        "> Vi har mottatt merknad fra nabo (gnr. 41 bnr. 17) om at den omsøkte garasjen ligger 2,1 m fra\n"
        "> nabogrensen. Plan- og bygningsloven § 29-4 krever 4 meter. Du kan kommentere merknaden innen\n"
        "> tre uker. Se vedlagt kart og situasjonsplan.\n"
        "> Med hilsen Per Olav Strand, Byggesak, Fjellstad kommune\n",
        ("health",),
        "Building-permit thread: applicant discloses his wife's stroke, paralysis and wheelchair use.",
        sender="Terje Lia <terje.lia@online.no>",
        to="Per Olav Strand <per.olav.strand@fjellstad.kommune.no>",
    ),
    Msg(
        "menighet-innmelding-xlsx",
        "nb",
        "Nye medlemmer april – til registrering",
        "Hei Ewa,\n\n"
        "Vedlagt er listen over dem som har meldt seg inn i menigheten i april, klar for registrering i "
        "medlemsregisteret til bispedømmet. To av dem ønsker også å motta menighetsbladet på polsk.\n\n"
        "Pozdrawiam / Hilsen\n"
        "Tomasz Nowak\n"
        "Menighetssekretær, St. Josef katolske menighet\n"
        "Kontortid man–tor 10–14, tlf. {phone_no}\n",
        ("religion",),
        "Congregation secretary sends a spreadsheet of new Catholic church members with fødselsnumre.",
        sender="Tomasz Nowak <kontor@stjosef.katolsk.no>",
        to="Ewa Lindahl <medlemsregister@katolsk.no>",
        attachments=(
            (
                "Innmeldinger_april_2025.xlsx",
                "Navn;Fødselsnummer;Adresse;Innmeldt\n"
                "Katarzyna Wójcik;{no_fnr};Storgata 21, Fjellstad;03.04.2025\n"
                "Piotr Wójcik;{no_fnr|6+5};Storgata 21, Fjellstad;03.04.2025\n"
                "Maria Santos;{no_dnr};Kirkeveien 5, Fjellstad;17.04.2025\n",
            ),
        ),
    ),
    Msg(
        "politiattest-barnehage",
        "nb",
        "Politiattest – ny assistent Bjørkeli barnehage",
        "Hei Mona,\n\n"
        "Jeg har gått gjennom politiattesten til Kenneth Aas, som vi tilbød 60 % assistentstilling på "
        "avdeling Ekorn fra august. Attesten viser en dom fra 2019 for kroppsskade (straffeloven § 271) med "
        "30 dagers betinget fengsel. Det er ikke en overtredelse som automatisk utelukker ham etter "
        "barnehageloven, men jeg vil gjerne drøfte det med deg og HR før vi sender arbeidsavtalen.\n\n"
        "Kan vi ta det på torsdagsmøtet? Attesten ligger i den låste personalmappen.\n\n"
        "Vennlig hilsen\n"
        "Sissel Aamodt\n"
        "Styrer, Bjørkeli barnehage\n"
        "Tlf. {phone_no}\n\n"
        "-- \nDenne e-posten kan inneholde fortrolig informasjon. Er du ikke rett mottaker, slett den.",
        ("criminal",),
        "Kindergarten head discloses a named new hire's conviction from his police certificate.",
        sender="Sissel Aamodt <sissel.aamodt@fjellstad.kommune.no>",
        to="Mona Haug <mona.haug@fjellstad.kommune.no>",
    ),
    Msg(
        "fagforening-nyhetsbrev-html",
        "nb",
        "Nyhetsbrev mai: Lønnsoppgjøret i kommunene er i havn",
        "NYHETSBREV – MAI 2025\n\n"
        "Lønnsoppgjøret i kommunesektoren er i havn\n"
        "Natt til fredag kom partene til enighet i mekling. Den økonomiske rammen er beregnet til 4,4 %. "
        "Medlemmene får uravstemning i juni.\n\n"
        "Kurs for nye tillitsvalgte\n"
        "Grunnkurs del 1 arrangeres 3.–4. september på Gardermoen. Påmelding via Min side innen 15. august.\n\n"
        "Visste du at?\n"
        "Organisasjonsgraden i kommunal sektor er på rundt 80 %. Over halvparten av medlemmene er i "
        "helse- og omsorgsyrker.\n\n"
        "Du mottar denne e-posten fordi du er abonnent. Meld deg av her.\n"
        "Fagforeningens Hus, Postboks 7003 St. Olavs plass, 0130 Oslo. Org.nr. {orgnr}",
        note="Union newsletter (HTML + text) about a wage settlement and aggregate membership; addressed to all subscribers.",
        html='<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#eeeeee">'
        '<table width="600" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff">'
        '<tr><td style="background:#c8102e;color:#ffffff;padding:16px;font-size:22px">NYHETSBREV &ndash; MAI 2025</td></tr>'
        '<tr><td style="padding:16px"><h2>Lønnsoppgjøret i kommunesektoren er i havn</h2>'
        "<p>Natt til fredag kom partene til enighet i mekling. Den økonomiske rammen er beregnet til 4,4&nbsp;%. "
        "Medlemmene får uravstemning i juni.</p>"
        "<h3>Kurs for nye tillitsvalgte</h3><p>Grunnkurs del 1 arrangeres 3.&ndash;4. september på Gardermoen. "
        '<a href="https://example.org/kurs">Påmelding via Min side</a> innen 15. august.</p>'
        "<h3>Visste du at?</h3><p>Organisasjonsgraden i kommunal sektor er på rundt 80&nbsp;%. Over halvparten "
        "av medlemmene er i helse- og omsorgsyrker.</p></td></tr>"
        '<tr><td style="font-size:11px;color:#777777;padding:16px">Du mottar denne e-posten fordi du er abonnent. '
        '<a href="https://example.org/unsub">Meld deg av her</a>.<br>Fagforeningens Hus, Postboks 7003 St. Olavs plass, '
        "0130 Oslo. Org.nr. {orgnr}</td></tr></table>"
        '<img src="https://example.org/track.gif" width="1" height="1" alt=""></body></html>',
    ),
    Msg(
        "rutine-fnr-epost",
        "nb",
        "Påminnelse: Ikke send fødselsnummer og helseopplysninger på e-post",
        "Til alle ansatte i helse og velferd\n\n"
        "Vi har det siste halvåret hatt fire avvik der fødselsnummer, diagnoser eller opplysninger fra "
        "barnevernssaker er sendt i ukryptert e-post, blant annet til feil mottaker i en annen kommune.\n\n"
        "Rutinen er:\n"
        "• Send aldri fødselsnummer, D-nummer, helseopplysninger, opplysninger om straffedommer, religion, "
        "etnisitet eller fagforeningsmedlemskap i vanlig e-post.\n"
        "• Bruk SvarUt/eDialog eller den sikre meldingsfunksjonen i fagsystemet.\n"
        "• Får du slike opplysninger fra innbyggere, svar uten å sitere den opprinnelige e-posten, slett den "
        "og journalfør i fagsystemet.\n"
        "• Avvik meldes i avvikssystemet innen 24 timer.\n\n"
        "Spørsmål kan rettes til personvernombudet, tlf. 33 40 10 55.\n\n"
        "Hilsen\nKommunalsjef helse og velferd",
        note="Organisation's own guidance naming the special categories in general; no person's data.",
        sender="Kommunalsjef helse og velferd <helse.velferd@fjellstad.kommune.no>",
        to="Alle ansatte HV <alle-hv@fjellstad.kommune.no>",
    ),
    Msg(
        "hovedutvalg-oppvekst-protokoll",
        "nb",
        "Protokoll Hovedutvalg for oppvekst 08.05.2025",
        "Hei,\n\nVedlagt protokoll fra møtet 8. mai. Protokollen er godkjent av utvalgsleder og publiseres på "
        "kommunens nettside i dag.\n\nMvh Politisk sekretariat\n\n"
        "PROTOKOLL – HOVEDUTVALG FOR OPPVEKST\n"
        "Møtested: Kommunestyresalen. Tid: 08.05.2025 kl. 16.00–19.40\n"
        "Til stede: Eva Brekke (H, leder), Arne Vik (Ap), Laila Hoff (Sp), Ola Skjeggestad (FrP), "
        "Nina Brandt (SV), Per Kristian Ulla (KrF), Guro Lien (Ap)\n"
        "Forfall: Tor Hammer (V), møtte ikke vara.\n\n"
        "Sak 14/25 Skolebruksplan 2026–2035\n"
        "Forslag fra Ap og SV om å utsette nedleggelse av Nordby skole falt med 3 mot 4 stemmer.\n"
        "Vedtak: Rådmannens innstilling vedtatt, 4 mot 3 stemmer.\n\n"
        "Sak 15/25 Tilstandsrapport barnevern 2024\n"
        "Rapporten tas til orientering. Utvalget ber om en egen sak om ventetid i PPT.\n\n"
        "Sak 16/25 Eventuelt\n"
        "Laila Hoff (Sp) ba om at spørsmålet om skoleskyss i Nordre Vik tas opp i neste møte.\n\n"
        "Arkivsak 25/00412",
        note="Published committee minutes; party affiliation of elected representatives acting in public office is "
        "public political role, not a private opinion disclosure, so judged not sensitive.",
        sender="Politisk sekretariat <politisk@fjellstad.kommune.no>",
        to="Hovedutvalg for oppvekst <hu-oppvekst@fjellstad.kommune.no>",
    ),
    Msg(
        "faktura-kid-leverandor",
        "nb",
        "Faktura 20250561 fra Fjordkontor AS",
        "Hei,\n\n"
        "Vedlagt følger faktura 20250561 for kontorrekvisita levert til Fjellstad rådhus.\n\n"
        "Fakturadato: 05.05.2025\nForfall: 19.05.2025\nBeløp: 14 327,50 kr inkl. mva\n"
        "Betales til konto: 1503.52.60185\nKID: {kid|15}\nDeres ref.: Bestilling 44812 / Anita\n\n"
        "Ved spørsmål, kontakt oss på faktura@fjordkontor.no eller {phone_no}.\n\n"
        "Fjordkontor AS – Org.nr. {orgnr} MVA – Industriveien 3, 3470 Fjellstad",
        note="Supplier invoice: the supplier's own (valid) account number, KID, org number, order number.",
        sender="Fjordkontor AS <faktura@fjordkontor.no>",
        to="Fakturamottak <faktura@fjellstad.kommune.no>",
        allow_lookalikes=True,
    ),
    Msg(
        "stillingsannonse-nav",
        "nb",
        "Ledig stilling: Veileder ved NAV Fjellstad (100 % fast)",
        "Vi søker en engasjert veileder til oppfølgingsavdelingen ved NAV Fjellstad.\n\n"
        "Arbeidsoppgaver:\n- oppfølging av sykmeldte og personer med nedsatt arbeidsevne\n"
        "- samarbeid med fastleger, arbeidsgivere og helsetjenesten\n- saksbehandling etter folketrygdloven\n\n"
        "Kvalifikasjoner: relevant høyere utdanning, gjerne innen helse- og sosialfag. Gode norskkunnskaper.\n"
        "Vi ønsker mangfold og oppfordrer kvalifiserte kandidater uavhengig av alder, kjønn, funksjonsevne, "
        "religion og etnisk bakgrunn til å søke. Politiattest må fremlegges ved ansettelse.\n\n"
        "Søknadsfrist: 1. juni 2025. Kontakt avdelingsleder Gunn Moe, tlf. {phone_no}. Ref.nr. 4512789",
        note="Job advertisement naming health, religion, ethnicity and police certificate in general.",
        sender="Rekruttering <rekruttering@fjellstad.kommune.no>",
        to="Alle ansatte <alle@fjellstad.kommune.no>",
    ),
    Msg(
        "autosvar-ferie",
        "nb",
        "Automatisk svar: Spørsmål om timeliste",
        "Takk for e-posten din. Jeg har ferie til og med 4. august og leser ikke e-post.\n\n"
        "Haster det, kontakt:\n- Lønn og personal: lonn@fjellstad.kommune.no / 33 40 12 70\n"
        "- Fagsystem og tilganger: servicedesk, tlf. {phone_no}\n\n"
        "Hilsen Bente Rud\nRådgiver, HR",
        note="Out-of-office reply listing contacts; no personal data.",
        auto_reply=True,
        sender="Bente Rud <bente.rud@fjellstad.kommune.no>",
        to="Kari Nordmann <kari.nordmann@online.no>",
    ),
    Msg(
        "kryptert-smime-nb",
        "nb",
        "Dokumenter til møtet",
        "",
        note="S/MIME-encrypted message with a neutral subject.",
        encrypted="smime",
        sender="Torunn Bakke <torunn.bakke@fjellstad.kommune.no>",
        to="Fylkesnemnda <post@fylkesnemnda.example.no>",
    ),
    Msg(
        "barnevern-halvarsrapport-csv",
        "nb",
        "Halvårsrapport barnevern 2. halvår 2024",
        "Hei,\n\n"
        "Vedlagt er tallene til halvårsrapporteringen til Statsforvalteren. Kort oppsummert:\n\n"
        "- 212 bekymringsmeldinger (mot 187 året før), 12 % fra helsestasjon og 31 % fra skole\n"
        "- 94 % av undersøkelsene ble avsluttet innen fristen\n"
        "- 41 barn med hjelpetiltak i hjemmet, 17 barn i fosterhjem\n"
        "- 3 akuttvedtak\n\n"
        "Tallene er ikke brutt ned på færre enn fem barn, for å unngå at noen kan gjenkjennes.\n\n"
        "Mvh Geir Håland\nLeder, Barneverntjenesten i Fjellstad",
        note="Aggregated child-welfare statistics with a CSV of counts; no individual.",
        sender="Geir Håland <geir.haland@fjellstad.kommune.no>",
        to="Kommunedirektør <kommunedirektor@fjellstad.kommune.no>",
        attachments=(
            (
                "barnevern_2H2024.csv",
                "Indikator;2H2023;2H2024\n"
                "Bekymringsmeldinger;187;212\n"
                "Undersøkelser avsluttet innen frist (%);89;94\n"
                "Barn med hjelpetiltak;38;41\n"
                "Barn i fosterhjem;16;17\n"
                "Akuttvedtak;5;3\n",
            ),
        ),
    ),
    # ================================================================== nn (5)
    Msg(
        "nav-samisk-klient",
        "nn",
        "Notat etter samtale – oppfølging AAP",
        "Hei Kjellaug,\n\n"
        "Eg hadde samtale med Ánte Somby i dag før han går over til deg. Nokre stikkord:\n\n"
        "Han er same frå Karasjok, oppvaksen med reindrift, og vil helst ha samtalane på nordsamisk – bestill "
        "tolk. Han har kroniske ryggsmerter etter ei ulukke i 2022 og går til fysioterapeut to gonger i veka. "
        "Fastlegen har òg skrive at han har hatt ein depresjon sidan han miste jobben, og han står på "
        "antidepressiva.\n\n"
        "Arbeidsevnevurderinga må oppdaterast før 1. juli.\n\n"
        "Helsing\nSvein Rypdal\nRettleiar, NAV Vikane\nTlf. {phone_no}",
        ("ethnicity", "health"),
        "NAV colleague handover: a named client's Sami identity, back pain, depression and medication.",
        sender="Svein Rypdal <svein.rypdal@nav.example.no>",
        to="Kjellaug Bø <kjellaug.bo@nav.example.no>",
    ),
    Msg(
        "skulehelse-tilvising-emne",
        "nn",
        "Tilvising til BUP – {no_fnr@t}",
        "Hei,\n\n"
        "Eg sender over tilvisinga for eleven vi snakka om på telefonen. Fødselsnummeret står i emnefeltet.\n\n"
        "Ingrid Vatne (10. trinn) har hatt mykje fråvær sidan jul. Ho har sterk angst, har slutta å ete i "
        "skuletida og har gått ned 6 kilo på tre månader. Fastlegen mistenkjer spiseforstyrring. Foreldra er "
        "informerte og samtykkjer.\n\n"
        "Helsing\n"
        "Åshild Fosse\n"
        "Helsesjukepleiar, Vikane ungdomsskule\n"
        "Telefon {phone_no}",
        ("health",),
        "School nurse's referral: a pupil's fødselsnummer in the subject, anxiety and suspected eating disorder.",
        sender="Åshild Fosse <ashild.fosse@vikane.kommune.no>",
        to="BUP poliklinikk <bup.post@helse.example.no>",
    ),
    Msg(
        "brca-tilsett-svar",
        "nn",
        "SV: Permisjon hausten",
        "Hei Leif,\n\n"
        "Takk for at du tok deg tid i går. Som eg sa: gentesten viste at eg er berar av BRCA1-mutasjonen, same "
        "som mor mi hadde. Eg har difor valt å fjerne begge brysta førebyggjande, og operasjonen er sett til "
        "9. september på Haukeland. Legen reknar med seks til åtte veker sjukmelding.\n\n"
        "Eg vil helst at berre du og personalkontoret veit om dette.\n\n"
        "Helsing Sigrid\n\n"
        "Leif Eide skreiv 12.05.2025 kl. 14:20:\n"
        "> Hei Sigrid,\n"
        "> du nemnde at du treng permisjon i haust. Kan du seie litt meir om kor lenge, så eg kan planleggje\n"
        "> vaktlista for avdelinga?\n"
        "> Leif\n",
        ("genetic_biometric", "health"),
        "Employee discloses her BRCA1 gene-test result and planned preventive surgery to her manager.",
        sender="Sigrid Haugland <sigrid.haugland@vikane.kommune.no>",
        to="Leif Eide <leif.eide@vikane.kommune.no>",
    ),
    Msg(
        "kyrkjelydsblad-html",
        "nn",
        "Kyrkjelydsbrev for juni",
        "KYRKJELYDSBREV – JUNI\n\n"
        "Gudstenester\n8. juni kl. 11: Pinsedag, høgmesse med dåp\n15. juni kl. 11: Familiegudsteneste med "
        "tårnagentane\n22. juni kl. 18: Sankthansgudsteneste ved naustet\n\n"
        "Konfirmantar 2026\nInnskriving for neste års konfirmantar er opna. Alle som er fødde i 2011 har fått "
        "brev. Meld på via nettsida innan 1. september.\n\n"
        "Kyrkjevalet\nI september er det kyrkjeval. Kyrkjelydsrådet treng fleire kandidatar – ta kontakt med "
        "kyrkjekontoret, tlf. 57 71 20 40.\n\n"
        "Gåver til kyrkjelyden kan gjevast via Vipps 123456.",
        note="Congregation newsletter (HTML-only) with service times and church-election info; no individual's faith.",
        html="only",
        sender="Vikane kyrkjelyd <post@vikane.kyrkja.no>",
        to="Abonnentar <nyheitsbrev@vikane.kyrkja.no>",
    ),
    Msg(
        "budsjett-helse-omsorg",
        "nn",
        "Budsjettframlegg 2026 – helse og omsorg, og kursdag 3. oktober",
        "Hei alle einingsleiarar,\n\n"
        "Vedlagt er tala for budsjettframlegget 2026. Hovudpunkt:\n"
        "- Heimetenesta: 48,2 mill. kr (+3,1 %)\n- Sjukeheimen: 71,9 mill. kr, fire nye plassar for personar "
        "med demens\n- Psykisk helse og rus: 12,4 mill. kr, ein ny stilling som ruskonsulent\n"
        "- Sjukefråvær i sektoren var 9,8 % i 2024; målet er 8 %\n\n"
        "Påminning: kursdag i psykisk førstehjelp for alle tilsette 3. oktober kl. 09–15 i kulturhuset. "
        "Påmelding til einingsleiar.\n\n"
        "Helsing\nKommunalsjef helse og omsorg, Vikane kommune\nOrg.nr. {orgnr}",
        note="Budget figures and a course invitation about health services; aggregated only.",
        sender="Kommunalsjef helse og omsorg <helse.omsorg@vikane.kommune.no>",
        to="Einingsleiarar <einingsleiarar@vikane.kommune.no>",
        attachments=(
            (
                "budsjett_2026_HO.xlsx",
                "Eining;Budsjett 2025;Framlegg 2026;Endring %\n"
                "Heimeteneste;46750000;48200000;3,1\n"
                "Sjukeheim;69800000;71900000;3,0\n"
                "Psykisk helse og rus;11600000;12400000;6,9\n",
            ),
        ),
    ),
    # ================================================================== sv (11)
    Msg(
        "socialtjanst-bistand-overlamning",
        "sv",
        "SV: Ekonomiskt bistånd – överlämning",
        "Hej Maria,\n\n"
        "Här kommer överlämningen inför min semester, så att du kan ta ärendet från måndag.\n\n"
        "Sökande: Patrik Johansson, {se_pnr|12}\n"
        "Ärendenummer: SN 2025/1184\n\n"
        "Patrik har ett långvarigt alkoholberoende och har nyss skrivits ut från avgiftningen på Sjöby "
        "sjukhus. Han går på Antabus och har planerat öppenvård via beroendemottagningen två gånger i veckan. "
        "Psykiatrin har också konstaterat en depression. Hyran för maj är beviljad; juni beslutas när han "
        "lämnat in kontoutdrag.\n\n"
        "Hälsningar\nJohanna Ek\nSocialsekreterare, Försörjningsstöd\nSjöby kommun\nTfn {phone_se}\n\n"
        "-----Ursprungligt meddelande-----\n"
        "Från: Maria Sjögren\nSkickat: den 23 maj 2025 10:14\nÄmne: Ekonomiskt bistånd – överlämning\n\n"
        "> Hej Johanna, kan du skicka en kort sammanfattning av de ärenden jag tar över? /Maria\n",
        ("health",),
        "Social-services handover: a client's 12-digit personnummer, alcohol dependence, medication and depression.",
        sender="Johanna Ek <johanna.ek@sjoby.se>",
        to="Maria Sjögren <maria.sjogren@sjoby.se>",
    ),
    Msg(
        "hemtjanst-genomforandeplan-pdf",
        "sv",
        "Genomförandeplan – uppdaterad",
        "Hej,\n\n"
        "Bifogar den uppdaterade genomförandeplanen efter vårdplaneringen i torsdags. Läs igenom innan "
        "personalmötet och kvittera i appen.\n\n"
        "Med vänlig hälsning\nLena Holm\nEnhetschef, Hemtjänsten Norra\nSjöby kommun | {phone_se}",
        ("health",),
        "Home-care plan PDF: a centenarian's personnummer with '+' and her diagnoses and medication.",
        sender="Lena Holm <lena.holm@sjoby.se>",
        to="Hemtjänst Norra <hemtjanst.norra@sjoby.se>",
        attachments=(
            (
                "Genomforandeplan_Elvira_Strom.pdf",
                "GENOMFÖRANDEPLAN - HEMTJÄNST\n"
                "Brukare: Elvira Ström\n"
                "Personnummer: {se_pnr|plus}\n"
                "Adress: Kyrkvägen 2, Sjöby\n\n"
                "Hälsa: hjärtsvikt, nedsatt syn (makuladegeneration), tidigare höftfraktur.\n"
                "Läkemedel: Furosemid 40 mg morgon, Eliquis 5 mg x 2. Dosett fylls av distriktssköterska.\n"
                "Insatser: morgon- och kvällshjälp, dusch tisdagar, trygghetslarm.\n"
                "Önskemål: Elvira vill ha morgontidningen uppläst.\n",
            ),
        ),
    ),
    Msg(
        "universitet-samordningsnummer-csv",
        "sv",
        "Antagna utbytesstudenter HT25 – underlag till Ladok",
        "Hej Peter,\n\n"
        "Här är listan över inresande utbytesstudenter som fått samordningsnummer. Kan du lägga in dem i Ladok "
        "innan registreringen öppnar 25 augusti? Övriga studenter har ännu inte fått nummer från Skatteverket.\n\n"
        "Tack!\nSofia\n\n"
        "Sofia Berglund\nInternationella kansliet, Sjöby universitet\nTel. {phone_se}\n"
        "Besöksadress: Universitetsvägen 10, hus C",
        (),
        "University list (CSV) of exchange students with samordningsnummer.",
        sender="Sofia Berglund <sofia.berglund@sjobyuni.se>",
        to="Peter Nyman <peter.nyman@sjobyuni.se>",
        attachments=(
            (
                "utbytesstudenter_HT25.csv",
                "Efternamn;Förnamn;Samordningsnummer;Hemuniversitet;Program\n"
                "Moreau;Camille;{se_samnr};Université de Lyon;Ekonomi\n"
                "Schulz;Jonas;{se_samnr|12};TU Dresden;Datateknik\n"
                "Rossi;Giulia;{se_samnr};Università di Bologna;Socialt arbete\n",
            ),
        ),
    ),
    Msg(
        "hr-fack-politiskt-uppdrag",
        "sv",
        "Ledighet för politiskt uppdrag och facklig närvaro",
        "Hej Karin,\n\n"
        "Jag blev invald i kommunfullmäktige för Vänsterpartiet i höstas och har nu också fått plats i "
        "socialnämnden. Nämnden sammanträder ungefär en tisdag i månaden, så jag behöver ledigt de dagarna "
        "enligt kommunallagen.\n\n"
        "Jag vill också att mitt fackliga ombud från Vision är med när vi sätter oss och pratar om hur mitt "
        "schema ska läggas, eftersom det påverkar min tjänstgöringsgrad.\n\n"
        "Med vänlig hälsning\n"
        "Ahmed Karimi\n"
        "Handläggare, Bygglovsenheten\nSjöby kommun\nTfn {phone_se}",
        ("politics", "union"),
        "Employee discloses his party membership (Vänsterpartiet councillor) and Vision union membership to HR.",
        sender="Ahmed Karimi <ahmed.karimi@sjoby.se>",
        to="Karin Ås <karin.as@sjoby.se>",
    ),
    Msg(
        "student-kort-citerat",
        "sv",
        "Re: Betalning av studieavgift vårterminen",
        "Hej Oskar,\n\n"
        "Tack för att du hörde av dig. Vi kan tyvärr inte ta emot kortuppgifter via e-post, och jag har inte "
        "dragit något belopp. Betala i stället via länken i antagningsbeskedet. Jag har tagit bort ditt "
        "meddelande från vår inkorg – radera det gärna från Skickat också.\n\n"
        "Vänliga hälsningar\nElin Forsberg\nStudieavgiftsenheten, Sjöby universitet\n\n"
        "Den 3 januari 2025 kl. 22:47 skrev Oskar Mensah <oskar.mensah@student.sjobyuni.se>:\n"
        "> Hej!\n"
        "> Betalningssidan fungerar inte för mig. Kan ni dra studieavgiften på 45 000 kr direkt från mitt\n"
        "> kort i stället?\n"
        "> Kortnummer: {card|mc}\n"
        "> Giltigt till: 09/27, CVC 418\n"
        "> Mvh Oskar\n",
        (),
        "University reply; a student's card number is only in the quoted text.",
        sender="Elin Forsberg <elin.forsberg@sjobyuni.se>",
        to="Oskar Mensah <oskar.mensah@student.sjobyuni.se>",
    ),
    Msg(
        "passersystem-fingeravtryck-txt",
        "sv",
        "Export från passersystemet – felregistrering",
        "Hej support,\n\n"
        "Fingeravtrycksläsaren vid serverhallen släpper inte in en av våra tekniker. Vi bifogar exporten av "
        "hennes registrering så att ni kan se om mallen har skadats. Ska vi registrera om fingrarna eller "
        "räcker det att ni läser in mallen på nytt?\n\n"
        "Hälsningar\nNiklas Wall\nSäkerhetssamordnare, Sjöby kommun\n{phone_se}",
        ("genetic_biometric",),
        "Access-control export (.txt): a named employee's personnummer and her fingerprint templates.",
        sender="Niklas Wall <niklas.wall@sjoby.se>",
        to="Support <support@passage-system.example.se>",
        attachments=(
            (
                "export_user_4471.txt",
                "ANVÄNDARE 4471\n"
                "Namn: Therese Lundgren\n"
                "Personnummer: {se_pnr}\n"
                "Behörighet: Serverhall B, Kommunhuset plan 3\n"
                "Biometri: fingeravtryck, 2 fingrar registrerade 2024-11-02\n"
                "Mall höger pekfinger (ISO 19794-2): Rk1SACAyMAAAAAFEAAABLAGQAMgAyAQAAAABkQRwAZwBBXgBuAB8AZ0A\n"
                "Mall vänster pekfinger (ISO 19794-2): Rk1SACAyMAAAAAE4AAABLAGQAMgAyAQAAAABgQBwAaQBFRwBhAC8AYUQ\n"
                "Matchningströskel: 0,62\n",
            ),
        ),
    ),
    Msg(
        "kryptert-rpmsg-sv",
        "sv",
        "Underlag inför nämndmötet",
        "Det här meddelandet är skyddat med Microsoft Purview Message Encryption. Öppna bilagan message.rpmsg i "
        "Outlook eller följ länken för att läsa det.",
        note="Microsoft-encrypted (rpmsg) message with a neutral subject.",
        encrypted="rpmsg",
        sender="Johanna Ek <johanna.ek@sjoby.se>",
        to="Socialnämnden <socialnamnden@sjoby.se>",
    ),
    Msg(
        "region-nyhetsbrev-vaccin",
        "sv",
        "Nyhetsbrev från Region: vaccination i höst och nya vårdcentraler",
        "NYHETSBREV VECKA 38\n\n"
        "Vaccination mot influensa och covid-19\nFrån 15 oktober erbjuds alla över 65 år och personer i "
        "riskgrupp vaccination. I fjol vaccinerades 61 procent av de äldre i länet.\n\n"
        "Ny vårdcentral i Sjöby centrum\nVårdcentralen öppnar 1 november med barnmorskemottagning och "
        "psykologer.\n\n"
        "Väntetider\nMedianväntetiden till BUP var 47 dagar i augusti.\n\n"
        "Du får det här brevet som prenumerant. Avsluta prenumerationen.",
        note="Regional health newsletter (HTML alternative) with aggregate figures.",
        html="same",
        sender="Regionen nyhetsbrev <nyhetsbrev@region.example.se>",
        to="Prenumeranter <nyhetsbrev@region.example.se>",
    ),
    Msg(
        "kyrkoval-nyheter",
        "sv",
        "Kyrkovalet 2025 – information till församlingens personal",
        "Hej alla,\n\n"
        "Söndagen den 21 september är det kyrkoval. Förtidsröstningen pågår 8–21 september i "
        "församlingshemmet, vardagar 12–18.\n\n"
        "Sju nomineringsgrupper ställer upp i stiftet, bland annat Socialdemokraterna, Centerpartiet, "
        "Sverigedemokraterna och POSK. Valdeltagandet var 17 procent förra gången.\n\n"
        "Personalen ska vara neutral i lokalerna och får inte dela ut valsedlar.\n\n"
        "Hälsningar\nKyrkoherden, Sjöby församling",
        note="Church-election information for staff naming nomination groups in general; no individual's views.",
        sender="Kyrkoherden <kyrkoherde@sjobyforsamling.example.se>",
        to="Personal <personal@sjobyforsamling.example.se>",
    ),
    Msg(
        "trygghetsrad-brottsstatistik",
        "sv",
        "Underlag till trygghetsrådet: anmälda brott första halvåret",
        "Hej,\n\n"
        "Inför trygghetsrådet 12 september bifogas polisens sammanställning för Sjöby:\n\n"
        "- Anmälda brott totalt: 1 412 (−6 %)\n- Bostadsinbrott: 58\n- Misshandel utomhus: 37, de flesta "
        "fredag–lördag nattetid kring Stortorget\n- Narkotikabrott: 112, ökning efter riktade insatser\n\n"
        "Vi föreslår fler vuxna på stan och bättre belysning i Parkgången. Ärende KS 2025/233.\n\n"
        "Hälsningar\nFredrik Alm\nTrygghetssamordnare\nSjöby kommun",
        note="Aggregated crime statistics for a safety council; no person.",
        sender="Fredrik Alm <fredrik.alm@sjoby.se>",
        to="Trygghetsrådet <trygghetsradet@sjoby.se>",
    ),
    Msg(
        "faktura-ocr-bankgiro",
        "sv",
        "Faktura 88123 – Sjöby Städ & Fönster AB",
        "Hej,\n\n"
        "Bifogat finns faktura 88123 för fönsterputs i förskolan Solrosen, augusti 2025.\n\n"
        "Belopp: 6 875,00 kr\nFörfallodatum: 2025-09-30\nBankgiro: 5402-8817\nOCR-nummer: {ocr|14}\n"
        "Er referens: Kostnadsställe 4120\n\n"
        "Sjöby Städ & Fönster AB, org.nr {se_orgnr}, Innehar F-skattsedel.\nTelefon {phone_se}",
        note="Supplier invoice with OCR, bankgiro, org number and phone.",
        sender="Sjöby Städ <faktura@sjobystad.example.se>",
        to="Fakturor <fakturor@sjoby.se>",
    ),
    # ================================================================== da (5)
    Msg(
        "jobcenter-sygedagpenge-docx",
        "da",
        "Opfølgning sygedagpenge – lægeattest vedhæftet",
        "Hej Jesper,\n\n"
        "Jeg vedhæfter notatet fra opfølgningssamtalen med Hanne og lægeattesten, som hun afleverede i dag. "
        "Kan du kigge på, om vi skal søge om ressourceforløb?\n\n"
        "Venlig hilsen\nLotte Bech\nSagsbehandler, Jobcenter Aaby\nTlf. {phone_dk}",
        ("health",),
        "Job-centre note (.docx): a citizen's CPR number, cancer treatment and depression.",
        sender="Lotte Bech <lotte.bech@aaby.dk>",
        to="Jesper Holm <jesper.holm@aaby.dk>",
        attachments=(
            (
                "Opfoelgningsnotat_sygedagpenge.docx",
                "OPFØLGNINGSNOTAT – SYGEDAGPENGE\n"
                "Borger: Hanne Juul Madsen\n"
                "CPR-nr.: {dk_cpr}\n"
                "Dato for samtale: 14.05.2025\n\n"
                "Hanne er sygemeldt efter operation for brystkræft i februar og er nu i kemoterapi på "
                "Herlev Hospital. Hun oplever træthed og har fået konstateret en moderat depression, som "
                "behandles med Sertralin. Hun forventer ikke at kunne genoptage arbejdet før efteråret.\n",
            ),
        ),
    ),
    Msg(
        "autosvar-citerer-cpr",
        "da",
        "Autosvar: Tilhold og samvær – vores søn",
        "Tak for din mail. Jeg er på kursus frem til 2. juni og har begrænset adgang til mail. Ved akutte "
        "henvendelser kontakt Familieafdelingen på {phone_dk}.\n\n"
        "Med venlig hilsen\nSanne Krogh, familierådgiver\n\n"
        "----- Oprindelig meddelelse -----\n"
        "Fra: Mette Kjær\nEmne: Tilhold og samvær – vores søn\n\n"
        "> Hej Sanne\n"
        "> Jeg skriver, fordi min eksmand Brian blev dømt for vold mod mig i marts og fik 60 dages\n"
        "> ubetinget fængsel. Politiet har også givet ham et tilhold. Jeg vil ikke have, at han henter\n"
        "> Oliver i børnehaven. Mit CPR-nummer er {dk_cpr|nodash}, hvis I skal finde sagen.\n"
        "> Hilsen Mette\n",
        ("criminal",),
        "Auto-reply quoting the original: a mother's CPR number and her ex-husband's violence conviction.",
        auto_reply=True,
        sender="Sanne Krogh <sanne.krogh@aaby.dk>",
        to="Mette Kjær <mette.kjaer@mail.dk>",
    ),
    Msg(
        "integration-tolk-kurdisk",
        "da",
        "SV: Introduktionsforløb – ny familie på Skovvej",
        "Hej Rasmus,\n\n"
        "Tak. Et par ting du skal vide inden første møde med Leyla Ahmadi:\n\n"
        "Hun er kurdisk fra Iran og taler sorani – bestil en kvindelig tolk, ikke den arabisktalende vi plejer "
        "at bruge. Hun er praktiserende muslim og beder om, at møderne ikke lægges fredag middag. Hun har "
        "desuden fortalt, at hun er gravid i 5. måned.\n\n"
        "Jeg har booket lokale 1.12 på rådhuset tirsdag kl. 10.\n\n"
        "Mvh\nAyse Demir\nIntegrationskonsulent, Aaby Kommune\nDirekte: {phone_dk}\n\n"
        "Fra: Rasmus Vinther\nSendt: 20. maj 2025 09:03\n"
        "> Hej Ayse, jeg overtager familien fra næste uge. Er der noget særligt, jeg skal være opmærksom på?\n"
        "> /Rasmus\n",
        ("ethnicity", "religion", "health"),
        "Integration colleague: a named refugee's Kurdish ethnicity, Muslim practice and pregnancy.",
        sender="Ayse Demir <ayse.demir@aaby.dk>",
        to="Rasmus Vinther <rasmus.vinther@aaby.dk>",
    ),
    Msg(
        "foa-nyhedsbrev-html",
        "da",
        "Nyt fra fagforeningen: OK25 er stemt hjem",
        "OK25 er stemt hjem\n\n"
        "78 procent af medlemmerne stemte ja til overenskomsten, og stemmeprocenten var 41. Lønnen stiger med "
        "8,8 procent over tre år.\n\n"
        "Arbejdsmiljø: Ny undersøgelse viser, at hver tredje ansat i ældreplejen har haft ondt i ryggen det "
        "seneste år.\n\n"
        "Kom til medlemsmøde om pension den 12. juni kl. 17 i Aaby Kulturhus.\n\n"
        "Du modtager nyhedsbrevet, fordi du har tilmeldt dig på hjemmesiden. CVR {cvr}.",
        note="Union newsletter (HTML-only) with vote results and aggregate health survey.",
        html="only",
        sender="Fagforeningen <nyhedsbrev@fagforening.example.dk>",
        to="Medlemmer <medlemmer@fagforening.example.dk>",
    ),
    Msg(
        "kursus-cpr-politik",
        "da",
        "Invitation: Kursus i GDPR og følsomme oplysninger",
        "Kære medarbejdere\n\n"
        "HR inviterer til et to-timers kursus om håndtering af personoplysninger den 18. september kl. 13–15.\n\n"
        "Vi gennemgår blandt andet:\n- hvorfor CPR-numre aldrig må sendes i almindelig mail\n"
        "- følsomme oplysninger: helbred, etnisk oprindelse, religion, fagforeningsforhold og seksuel "
        "orientering\n- oplysninger om strafbare forhold\n- brug af Digital Post og sikker mail\n\n"
        "Tilmelding via intranettet senest 10. september. Spørgsmål til DPO, tlf. 72 36 10 00.\n\n"
        "Med venlig hilsen\nHR, Aaby Kommune",
        note="Course invitation and policy on CPR numbers and special categories in general.",
        sender="HR <hr@aaby.dk>",
        to="Alle medarbejdere <alle@aaby.dk>",
    ),
    # ================================================================== en (7)
    Msg(
        "student-support-thread",
        "en",
        "RE: RE: Exam adjustments – summer resits",
        "Hi Dr Okafor,\n\n"
        "Thank you for being so understanding. To answer your question about the evidence: my GP letter "
        "confirms I have been treated for depression since October and that I'm on sertraline. The disability "
        "service also has my autism assessment from last year.\n\n"
        "Honestly, a lot of it started when I came out as gay to my family at Christmas and they stopped "
        "supporting me, so I've had to work more hours as well. I'd rather this didn't go to the whole exam "
        "board if possible.\n\n"
        "Best wishes,\nDaniel Price\nBSc Economics, Year 2\n\n"
        "On Tue, 6 May 2025 at 11:02, Adaeze Okafor <a.okafor@university.example.ac.uk> wrote:\n"
        "> Dear Daniel,\n"
        "> Thanks for your message. Extenuating circumstances need supporting evidence. Could you tell me a\n"
        "> little more, or ask your GP for a letter? Deadline for the panel is 16 May.\n"
        "> Kind regards,\n"
        "> Dr Adaeze Okafor\n"
        "> Senior Tutor, School of Economics | +44 20 7946 0321\n"
        "> \n"
        "> > On 5 May, Daniel Price wrote:\n"
        "> > I'm struggling badly this term and don't think I can sit the resits in June.\n",
        ("health", "sexual_orientation"),
        "Student thread: depression, medication, autism and his sexual orientation.",
        sender="Daniel Price <d.price@student.university.example.ac.uk>",
        to="Adaeze Okafor <a.okafor@university.example.ac.uk>",
    ),
    Msg(
        "ngo-volunteer-fwd-hetu",
        "en",
        "Fwd: Volunteer application – Helsinki coordinator",
        "Hi Rachel,\n\n"
        "Forwarding Aino's application below for the background check. She mentions the conviction herself – "
        "can you check with the safeguarding lead whether it matters for a role without contact with children?\n\n"
        "Thanks,\nTom\n\n"
        "Tom Ellison | Volunteer Coordinator | Northbridge Aid (Registered charity 1098765)\n"
        "Mobile +44 7700 900 412\n\n"
        "---------- Forwarded message ---------\n"
        "From: Aino Virtanen <aino.virtanen@example.fi>\n"
        "Date: Mon, 12 May 2025 at 21:40\n"
        "Subject: Volunteer application – Helsinki coordinator\n"
        "To: volunteers@northbridge.example.org\n\n"
        "Hello,\n\n"
        "I would like to apply for the volunteer coordinator role in Helsinki. My details for the background "
        "check: Aino Virtanen, personal identity code {fi_hetu}, Mannerheimintie 40 B, Helsinki.\n\n"
        "To be open: I was convicted of drink-driving in 2021 and lost my licence for a year. It will show on "
        "my Finnish criminal record extract.\n\n"
        "Best regards,\nAino\n",
        ("criminal",),
        "Inline-forwarded volunteer application: a Finnish HETU and the applicant's drink-driving conviction.",
        sender="Tom Ellison <tom.ellison@northbridge.example.org>",
        to="Rachel Moore <rachel.moore@northbridge.example.org>",
    ),
    Msg(
        "donor-card-iban-html",
        "en",
        "Change to my monthly gift",
        "Dear Supporter Care team,\n\n"
        "I'd like to move my monthly gift of £25 away from my card, which expires next month. The card you "
        "currently charge is {card|visa}. Please cancel that and take the donation by direct debit from my "
        "account instead: {iban|GB}.\n\n"
        "Please also update my address to 14 Elm Road, Leeds LS6 2QT.\n\n"
        "Many thanks,\nMargaret Hollis\nSupporter no. 204417",
        (),
        "HTML-only donor mail with her card number and her own GB IBAN.",
        html="only",
        sender="Margaret Hollis <m.hollis@example.co.uk>",
        to="Supporter Care <supportercare@northbridge.example.org>",
    ),
    Msg(
        "research-newsletter-html",
        "en",
        "Research bulletin: genomics, facial recognition and mental health",
        "RESEARCH BULLETIN – MAY\n\n"
        "New genomics centre opens\nThe university's new centre will sequence 10,000 anonymised samples for "
        "studies of inherited heart disease.\n\n"
        "Ethics debate: facial recognition on campus\nA panel on 4 June will discuss whether biometric "
        "attendance systems are proportionate under data protection law.\n\n"
        "Student mental health survey\n34% of respondents reported moderate or severe anxiety. Full report "
        "on the intranet.\n\n"
        "Unsubscribe | Research Office, University of Example",
        note="Research newsletter (HTML) discussing genetics, biometrics and mental health in general.",
        html='<!DOCTYPE html><html><body style="font-family:Arial"><div style="max-width:640px">'
        '<h1 style="color:#003366">Research Bulletin &ndash; May</h1>'
        "<h2>New genomics centre opens</h2><p>The university&#39;s new centre will sequence 10,000 anonymised "
        "samples for studies of inherited heart disease.</p>"
        "<h2>Ethics debate: facial recognition on campus</h2><p>A panel on 4&nbsp;June will discuss whether "
        "biometric attendance systems are proportionate under data protection law.</p>"
        "<h2>Student mental health survey</h2><p>34% of respondents reported moderate or severe anxiety. "
        '<a href="https://example.ac.uk/report">Full report</a> on the intranet.</p>'
        '<hr><p style="font-size:11px"><a href="https://example.ac.uk/unsub">Unsubscribe</a> | Research '
        "Office, University of Example</p></div></body></html>",
        sender="Research Office <research@university.example.ac.uk>",
        to="All staff <allstaff@university.example.ac.uk>",
    ),
    Msg(
        "student-union-council-minutes",
        "en",
        "Minutes: Students' Union Council, 29 April",
        "Minutes of the Students' Union Council, 29 April 2025, 6pm, Council Chamber\n\n"
        "Present: 31 councillors; quorum met. Chair: Union President.\n\n"
        "1. Elections report\nTurnout in the spring elections was 18.4%, up from 15.1%. The Returning Officer "
        "reported two complaints, both dismissed.\n\n"
        "2. Motion: Free period products in all toilets\nPassed, 24 for, 3 against, 4 abstentions.\n\n"
        "3. Motion: Support for staff industrial action (UCU ballot)\nPassed. The Union will publish a "
        "statement; no student will be penalised for not crossing picket lines.\n\n"
        "4. Faith and belief rooms\nThe Welfare Officer reported that the multi-faith room will move to "
        "Building 4 in September.\n\n"
        "Next meeting: 27 May.",
        note="Students' union minutes about elections, industrial action and faith rooms in general; officers by role only.",
        sender="SU Democracy <democracy@su.example.ac.uk>",
        to="Council <council@su.example.ac.uk>",
    ),
    Msg(
        "it-migration-figurative",
        "en",
        "Re: Friday's migration – post-mortem",
        "Hi all,\n\n"
        "Quick post-mortem before the weekend. The old file server finally died at 16:40 on Friday – it had "
        "been on life support since March. The backup job was the real killer: it choked on 2.3 million tiny "
        "files. I'm allergic to weekend call-outs, so let's fix the schedule.\n\n"
        "Jenny is religious about change tickets, which saved us here – ticket CHG0045127 had the rollback "
        "plan. The network team diagnosed the DNS issue in ten minutes.\n\n"
        "Action items:\n1. Move the job to Sunday 02:00 (owner: Sam)\n2. Health check on the new NAS every "
        "morning (owner: Priya)\n3. Post-mortem doc in the wiki by Wednesday\n\n"
        "Cheers,\nMark\nInfrastructure Lead | ext. 4417\n\n"
        "> On Fri, Sam wrote:\n> Server's dead, Jim. Rolling back now.\n",
        note="IT mail with figurative uses of health, death, allergy and religion words; ticket numbers.",
        sender="Mark Jennings <m.jennings@university.example.ac.uk>",
        to="Infrastructure <infra@university.example.ac.uk>",
    ),
    Msg(
        "job-ad-wellbeing",
        "en",
        "Vacancy: Student Wellbeing Adviser (fixed term, 12 months)",
        "We are looking for a Student Wellbeing Adviser to join our Student Support team.\n\n"
        "You will:\n- meet students experiencing mental health difficulties, bereavement or financial hardship\n"
        "- liaise with GPs, the NHS and the disability service\n- run workshops on stress and sleep\n\n"
        "Salary: Grade 6, £33,966–£38,205. Closing date: 8 June 2025. Reference: SS-0419.\n\n"
        "We welcome applications from all backgrounds, including candidates from ethnic minorities, disabled "
        "and LGBTQ+ applicants. An enhanced DBS check is required for this role.\n\n"
        "Informal enquiries: Head of Student Support, +44 20 7946 0188.",
        note="Job advertisement naming health, ethnicity, LGBTQ+ and DBS checks in general.",
        sender="HR Recruitment <jobs@university.example.ac.uk>",
        to="Jobs list <jobs-list@university.example.ac.uk>",
    ),
]
