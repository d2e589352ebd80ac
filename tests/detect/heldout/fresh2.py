"""The second fresh held-out set: written after the round-2 rule fixes, landed only with its first measurement.

Never tune the rules on these messages; when they have been used for tuning, write a new set.
"""

from __future__ import annotations

from build import Msg

MESSAGES: list[Msg] = [
    # ------------------------------------------------------------------ nb
    Msg(
        "brukket-arm-gym",
        "nb",
        "Gym for Sara",
        "Hei Tor,\n\nSara brakk armen på skitur i vinterferien og har gips i fire uker til. Kan hun slippe "
        "kroppsøving til gipsen er av?\n\nHilsen Camilla",
        ("health",),
        "Parent: a named child's broken arm.",
    ),
    Msg(
        "mr-kne",
        "nb",
        "Borte torsdag",
        "Hei,\n\nJeg har fått time til MR av kneet på Aleris torsdag, og ortopeden vil kanskje operere. Jeg er "
        "derfor borte hele dagen.\n\nMvh Geir",
        ("health",),
        "Employee's MRI appointment and possible knee surgery.",
    ),
    Msg(
        "notteallergi",
        "nb",
        "Oliver på tur",
        "Hei!\n\nBare en påminnelse før turen: Oliver har alvorlig nøtteallergi og skal alltid ha med seg "
        "adrenalinpennen sin. Den ligger i ytterlomma på sekken.\n\nHilsen Heidi",
        ("health",),
        "Parent: a named child's nut allergy and adrenaline pen.",
    ),
    Msg(
        "utleier-konto",
        "nb",
        "Ny konto for husleie",
        "Hei Jonas,\n\nJeg har byttet bank, så fra mai må husleien betales til kontonummer {no_kontonr} i stedet. "
        "Ellers er alt som før.\n\nHilsen Berit (utleier)",
        (),
        "Private landlord's own account number.",
    ),
    Msg(
        "startlan-videresendt",
        "nb",
        "VS: Søknad om startlån",
        "Hei,\n\nVideresender søknaden fra i går som dere ba om.\n\nMvh Kristian",
        (),
        "Forwarded message/rfc822 with an applicant's fødselsnummer.",
        forward=Msg(
            "startlan-inner",
            "nb",
            "Søknad om startlån",
            "Søknad om startlån\n\nSøker: Kristian Moe, f.nr. {no_fnr}\nInntekt: 412 000\nØnsket lånebeløp: "
            "2 100 000\n\nKristian",
        ),
    ),
    Msg(
        "foreldremote-skjerm",
        "nb",
        "Foreldremøte 5. trinn",
        "Velkommen til foreldremøte tirsdag kl. 18. Helsesykepleier snakker om søvn, skjermbruk og hvordan vi kan "
        "hjelpe barna med stress og uro. Ta gjerne med spørsmål.",
        note="Parents' meeting invitation naming health topics.",
    ),
    Msg(
        "medarbeiderundersokelse",
        "nb",
        "Resultater fra medarbeiderundersøkelsen",
        "Takk til alle som svarte! 12 % rapporterer muskel- og skjelettplager, og 8 % sier de har vært sykmeldt "
        "på grunn av belastning på jobb det siste året. Vi følger opp i hver avdeling.",
        note="Staff survey statistics about sick leave; no individual.",
    ),
    Msg(
        "meny-allergener",
        "nb",
        "Meny uke 14",
        "Mandag: fiskegrateng\nTirsdag: kyllinggryte\nOnsdag: vegetarsuppe\n\nGlutenfritt og laktosefritt "
        "alternativ finnes hver dag. Gi beskjed til kjøkkenet om allergier.",
        note="Canteen menu mentioning allergies generally.",
    ),
    Msg(
        "vipps-kvittering",
        "nb",
        "Kvittering for betaling",
        "Du har betalt 350,00 kr til Fjellstad IL.\nTransaksjons-ID: 8765432190123\nDato: 02.04.2025 kl. 14:32",
        note="Payment receipt with a transaction id.",
    ),
    # ------------------------------------------------------------------ nn
    Msg(
        "tourette-son",
        "nn",
        "Om Jakob",
        "Hei Kari,\n\nJakob har Tourettes syndrom, og ticsa blir verre når han er stressa. Det hjelper om han får "
        "gå ut av klasserommet ein tur når han treng det.\n\nHelsing Liv og Nils",
        ("health",),
        "Parents: a named child's Tourette syndrome.",
    ),
    Msg(
        "formannskapet-ap",
        "nn",
        "Møtefri",
        "Hei,\n\nSidan eg sit i formannskapet for Arbeidarpartiet, treng eg fri tysdagane framover.\n\nHelsing Åsmund",
        ("politics",),
        "Employee's party office.",
    ),
    Msg(
        "hpv-vaksine",
        "nn",
        "Informasjon om HPV-vaksine",
        "Alle elevar på 7. trinn får tilbod om HPV-vaksine i veke 15. Vaksinen vernar mot livmorhalskreft. Gje "
        "beskjed til helsesjukepleiaren om barnet ikkje skal vaksinerast.",
        note="Generic vaccination offer to a school year.",
    ),
    # ------------------------------------------------------------------ sv
    Msg(
        "stamning-logoped",
        "sv",
        "Hugo och muntliga redovisningar",
        "Hej Eva,\n\nHugo stammar ganska mycket just nu och går hos logoped varannan vecka. Kan han få redovisa "
        "bara för dig i stället för inför hela klassen?\n\nHälsningar Sara",
        ("health",),
        "Parent: a named child's stuttering and speech therapy.",
    ),
    Msg(
        "kommunal-rehabmote",
        "sv",
        "Rehabmötet",
        "Hej,\n\nJag är med i Kommunal sedan många år och vill att vårt fackliga ombud är med på rehabmötet nästa "
        "vecka, efter min sjukskrivning för ryggen.\n\nHälsningar Anneli",
        ("union", "health"),
        "Employee's union membership and sick leave for her back.",
    ),
    Msg(
        "man-pa-anstalt",
        "sv",
        "Ansökan om ekonomiskt stöd",
        "Hej,\n\nMin man avtjänar ett fängelsestraff på anstalten i Kumla till hösten, och jag klarar inte hyran "
        "ensam med två barn. Kan jag få hjälp?\n\nMvh Jenny",
        ("criminal",),
        "Wife: her husband is serving a prison sentence.",
    ),
    Msg(
        "html-tabell-pnr",
        "sv",
        "Blankett: ansökan om färdtjänst",
        "Sökande: Gunnar Lind\nPersonnummer: {se_pnr@p}\nAdress: Storgatan 4, Sjöby",
        (),
        "HTML table with a personnummer.",
        html="<html><body><table><tr><td>Sökande</td><td>Gunnar Lind</td></tr><tr><td>Personnummer</td>"
        "<td>{se_pnr@p}</td></tr></table></body></html>",
    ),
    Msg(
        "adhd-forelasning",
        "sv",
        "Inbjudan: föreläsning om ADHD hos vuxna",
        "Välkommen till en kvällsföreläsning om ADHD och autism hos vuxna med psykiater Lena Ström. Anmäl dig "
        "senast 10 april. Fri entré för medlemmar.",
        note="Lecture invitation about ADHD.",
    ),
    Msg(
        "julgudstjanst-schema",
        "sv",
        "Schema julgudstjänster",
        "Julotta kl. 7 i Sjöby kyrka, julbön kl. 15 i kapellet och midnattsmässa kl. 23. Kyrkokören medverkar.",
        note="Church service times.",
    ),
    Msg(
        "besiktning-regnr",
        "sv",
        "Dags för besiktning",
        "Din bil ABC 123 ska besiktigas senast 31 maj. Boka tid på besikta.se. Kundnummer 5512098823.",
        note="Vehicle inspection notice with registration and customer numbers.",
    ),
    # ------------------------------------------------------------------ da
    Msg(
        "sygemeldt-stress",
        "da",
        "Status",
        "Hej Morten,\n\nJeg er stadig sygemeldt med stress og angst. Min læge mener, at jeg skal være hjemme tre "
        "uger mere, og så kan vi tale om en delvis raskmelding.\n\nHilsen Louise",
        ("health",),
        "Employee's own sick leave for stress and anxiety.",
    ),
    Msg(
        "dov-datter",
        "da",
        "Tolk til skole-hjem-samtale",
        "Hej\n\nVores datter Clara er døv og bruger tegnsprog. Kan skolen bestille en tegnsprogstolk til "
        "samtalen?\n\nHilsen Peter",
        ("health",),
        "Parent: a named child's deafness.",
    ),
    Msg(
        "sf-kandidat",
        "da",
        "Fri til valgmøder",
        "Hej\n\nJeg har været aktiv i SF i mange år og er nu opstillet som kandidat til byrådet. Kan jeg få fri til "
        "to valgmøder i november?\n\nHilsen Trine",
        ("politics",),
        "Employee's own party activity and candidacy.",
    ),
    Msg(
        "cpr-mellemrum-html",
        "da",
        "Tilmelding til svømning",
        "Hej\n\nHer er tilmeldingen.\n\nNavn: Anton Berg\nCPR: {dk_cpr|space}\n\nHilsen Sofie",
        (),
        "HTML-only message with CPR written with a space.",
        html="only",
    ),
    Msg(
        "ai-politik",
        "da",
        "Ny politik for AI-værktøjer",
        "Kære alle\n\nFra 1. maj gælder vores nye politik for AI-værktøjer. Indtast aldrig CPR-numre, "
        "helbredsoplysninger eller andre følsomme oplysninger i ChatGPT eller lignende tjenester.\n\nIT-sikkerhed",
        note="Policy on AI tools mentioning CPR and health data generally.",
    ),
    Msg(
        "moske-borgermode",
        "da",
        "Borgermøde om lokalplan",
        "Kommunen inviterer til borgermøde om lokalplanen for den nye moské på Havnevej. Mødet holdes på "
        "rådhuset den 12. marts kl. 19.",
        note="Public meeting about a mosque's zoning plan.",
    ),
    # ------------------------------------------------------------------ en
    Msg(
        "school-trip-diabetes",
        "en",
        "Residential trip - Tom",
        "Dear Mr Hall,\n\nTom has type 1 diabetes and will need to check his blood sugar before meals and at night "
        "during the trip. I've packed his kit and snacks.\n\nBest wishes,\nClaire Dunn",
        ("health",),
        "Parent: a named child's type 1 diabetes.",
    ),
    Msg(
        "breast-cancer-chemo",
        "en",
        "Some news",
        "Hi team,\n\nI wanted you to hear it from me: I've been diagnosed with breast cancer and start chemo next "
        "month. I'll work from home when I can.\n\nLove, Jess",
        ("health",),
        "Employee's own cancer diagnosis.",
    ),
    Msg(
        "youth-caution",
        "en",
        "Re: Sam's exclusion",
        "Dear Ms Ward,\n\nThank you for the meeting. As you know, Sam was caught with cannabis and the police have "
        "given him a youth caution. We would like him back in class as soon as possible.\n\nRegards,\nDavid Price",
        ("criminal",),
        "Parent: a named son's youth caution.",
    ),
    Msg(
        "jehovahs-witness-party",
        "en",
        "Christmas party",
        "Hi Anna,\n\nThanks for the invitation, but I'm a Jehovah's Witness, so I don't celebrate Christmas or "
        "birthdays. Please don't take it personally!\n\nBest,\nMaria",
        ("religion",),
        "Employee discloses own religion.",
    ),
    Msg(
        "password-reset",
        "en",
        "Ticket INC0012345 updated",
        "Your password reset code is 583920. It expires in 15 minutes. Ticket INC0012345, asset tag 100482.",
        note="IT ticket with codes.",
    ),
    Msg(
        "mhfa-training",
        "en",
        "Mental Health First Aid training",
        "We still have places on the two-day Mental Health First Aid course in May. You will learn to spot signs "
        "of depression, anxiety and psychosis in colleagues and how to respond.",
        note="Training offer naming conditions.",
    ),
]
