"""The third fresh held-out set: written after the round-3 rule fixes (main 283ce69) and measured once, untouched.

Never tune the rules on these messages; when they have been used for tuning, write a new set.
"""

from __future__ import annotations

from build import Msg

MESSAGES: list[Msg] = [
    # ------------------------------------------------------------------ nb
    Msg(
        "hoftebrudd-mor",
        "nb",
        "Mor er innlagt",
        "Hei Bente,\n\nMor falt på isen i går og brakk hofta. Hun blir operert i morgen på Ullevål, så jeg tar fri "
        "resten av uka for å være hos henne.\n\nHilsen Trude",
        ("health",),
        "Employee: her mother's hip fracture and surgery.",
    ),
    Msg(
        "angst-skolevegring",
        "nb",
        "Fravær Ella",
        "Hei,\n\nElla har slitt mye med angst denne høsten og har vanskelig for å komme seg på skolen. Vi har fått "
        "henvisning til BUP. Kan vi få et møte med kontaktlærer og rådgiver?\n\nHilsen Marius",
        ("health",),
        "Parent: a named child's anxiety and referral to child psychiatry.",
    ),
    Msg(
        "bytte-konto-lonn",
        "nb",
        "Nytt kontonummer",
        "Hei lønn,\n\nKan dere utbetale lønna mi til {no_kontonr|plain} fra neste måned? Den gamle kontoen er "
        "avsluttet.\n\nMvh Sindre Holm, ansattnr 4471",
        (),
        "Employee's new salary account (11 digits, no separators).",
    ),
    Msg(
        "barnevern-fnr-emne",
        "nb",
        "Bekymringsmelding {no_fnr|6+5}",
        "Hei,\n\nJeg sender en bekymringsmelding om gutten med fødselsnummeret i emnefeltet. Han kommer ofte uten "
        "mat og klær etter været.\n\nHilsen barnehagen",
        (),
        "Fødselsnummer in the subject of a child-welfare report.",
    ),
    Msg(
        "kommunestyret-referat",
        "nb",
        "Referat fra kommunestyret",
        "Kommunestyret behandlet budsjettet, og Høyre, Arbeiderpartiet og Senterpartiet stemte for. SV og Rødt "
        "stemte mot kuttene i helsestasjonen. Neste møte er 12. juni.",
        note="Council minutes naming parties' votes; no individual's opinion.",
    ),
    Msg(
        "vaksinasjon-reise",
        "nb",
        "Reisevaksiner",
        "Skal du reise til Asia i sommer? Vaksinasjonskontoret har drop-in på onsdager for vaksine mot hepatitt A "
        "og B, tyfoidfeber og japansk encefalitt. Ta med vaksinasjonskortet.",
        note="Travel-vaccination information.",
    ),
    Msg(
        "bestilling-stoler",
        "nb",
        "Bekreftelse på bestilling 30098812",
        "Vi bekrefter bestillingen av 24 stoler.\nOrdrenr.: 30098812\nLeveringsadresse: Lia skole\nFaktura sendes "
        "til EHF-adresse {orgnr|plain}.\nKontakt: {phone_no}",
        note="Order confirmation with an organisation number as e-invoice address.",
    ),
    # ------------------------------------------------------------------ nn
    Msg(
        "kreft-far",
        "nn",
        "Permisjon",
        "Hei,\n\nFar min har fått påvist lungekreft med spreiing, og eg vil gjerne søkje om pleiepengar for å vere "
        "med han dei siste vekene.\n\nHelsing Torbjørg",
        ("health",),
        "Employee: her father's lung cancer.",
    ),
    Msg(
        "konfirmasjon-info",
        "nn",
        "Konfirmasjon 2026",
        "Alle som er fødde i 2011 er velkomne til å melde seg på konfirmasjonsundervisning i Vikane sokn. "
        "Informasjonsmøte i kyrkjelydshuset tysdag kl. 18.",
        note="Generic confirmation class invitation.",
    ),
    Msg(
        "dnr-skattekort",
        "nn",
        "Skattekort",
        "Hei,\n\nEg manglar skattekort. D-nummeret mitt er {no_dnr}.\n\nHelsing Andrzej",
        (),
        "D-number in a nynorsk message.",
    ),
    # ------------------------------------------------------------------ sv
    Msg(
        "utmattning-rehab",
        "sv",
        "Återgång i arbete",
        "Hej Ulrika,\n\nJag har varit sjukskriven för utmattningssyndrom sedan januari. Min psykolog tycker att jag "
        "kan börja jobba 25 procent i maj. Kan vi boka ett möte om upplägget?\n\nHälsningar Fredrik",
        ("health",),
        "Employee's own exhaustion disorder and sick leave.",
    ),
    Msg(
        "lss-ansokan-pnr",
        "sv",
        "Ansökan om assistans",
        "Hej,\n\nJag ansöker om personlig assistans för min son Viktor, {se_pnr}. Han har en grav "
        "utvecklingsstörning och epilepsi och behöver tillsyn dygnet runt.\n\nMed vänlig hälsning\nÅsa Nilsson",
        ("health",),
        "Parent applies for personal assistance: personnummer, intellectual disability and epilepsy.",
    ),
    Msg(
        "syriac-orthodox",
        "sv",
        "Ledighet för påsk",
        "Hej,\n\nVi tillhör Syrisk-ortodoxa kyrkan och firar påsk en vecka senare i år. Får Gabriel vara ledig "
        "måndagen efter vår påsk?\n\nTack, Samira",
        ("religion",),
        "Parent states the family's church membership about a named child.",
    ),
    Msg(
        "polisanmalan-hot",
        "sv",
        "Angående Leo",
        "Hej,\n\nJag vill berätta att Leo har blivit polisanmäld för olaga hot mot en klasskamrat. Han är 15 år och "
        "ärendet ligger hos åklagaren.\n\nHälsningar mamma",
        ("criminal",),
        "Parent: a named son reported to the police for unlawful threats.",
    ),
    Msg(
        "halsodeklaration-mall",
        "sv",
        "Mall: hälsodeklaration",
        "Hej,\n\nHär kommer den nya mallen för hälsodeklaration inför anställning. Fälten för diagnoser och "
        "mediciner är borttagna enligt dataskyddsombudets beslut.\n\n/HR",
        note="HR template change; no one's health data.",
    ),
    Msg(
        "mote-fackliga",
        "sv",
        "MBL-förhandling 14 maj",
        "Kallelse till MBL-förhandling om omorganisationen av kostenheten. Fackliga representanter från Kommunal "
        "och Vision är kallade.",
        note="Negotiation notice naming unions; no individual's membership.",
    ),
    Msg(
        "iban-leverantor",
        "sv",
        "Ändrade bankuppgifter",
        "Hej,\n\nVi har bytt bank. Betala framtida fakturor till vårt nya konto:\nIBAN {company_iban|SE,compact}\nBIC "
        "NDEASESS\n\nMed vänlig hälsning\nSjöby Städ AB, org.nr {se_orgnr}",
        sensitive=False,
        note="A company's own IBAN on invoices (not a person's account); a hard case.",
        allow_lookalikes=True,
    ),
    # ------------------------------------------------------------------ da
    Msg(
        "diabetes-barn-da",
        "da",
        "Noah i SFO",
        "Hej\n\nNoah har lige fået konstateret type 1-diabetes og skal måle blodsukker før frokost. Vi vil gerne "
        "vise pædagogerne, hvordan pumpen virker.\n\nHilsen Maria",
        ("health",),
        "Parent: a named child's new type 1 diabetes.",
    ),
    Msg(
        "cpr-fuldmagt",
        "da",
        "Fuldmagt",
        "Hej\n\nJeg giver hermed min datter Line fuldmagt til at tale med kommunen om min sag.\n\nMit CPR-nummer: "
        "{dk_cpr|nodash}\n\nVenlig hilsen\nErik Jensen",
        (),
        "Power of attorney with a 10-digit CPR without dash.",
    ),
    Msg(
        "lgbt-ungdomsgruppe",
        "da",
        "Ny LGBT+-ungdomsgruppe",
        "Ungdomsskolen starter en ny gruppe for LGBT+-unge mellem 14 og 18 år. Gruppen mødes hver torsdag. "
        "Kontakt Signe for mere information.",
        note="Generic LGBT+ youth group announcement.",
    ),
    Msg(
        "faktura-betalings-id",
        "da",
        "Faktura 2025-118",
        "Faktura nr. 2025-118\nBetalings-ID: {kid|16}\nBeløb: 4.250,00 kr\nCVR {cvr}\nTlf. {phone_dk}",
        note="Invoice with a 16-digit payment id.",
        allow_lookalikes=True,
    ),
    # ------------------------------------------------------------------ en
    Msg(
        "hiv-disclosure",
        "en",
        "Confidential",
        "Hi Dr Patel,\n\nI wanted to let you know before the placement that I am HIV positive. My viral load is "
        "undetectable and I'm on treatment, but I thought occupational health should be aware.\n\nKind regards,\n"
        "Ben",
        ("health",),
        "Student discloses own HIV status.",
    ),
    Msg(
        "asylum-rohingya",
        "en",
        "Referral - Begum family",
        "Hello,\n\nI'm referring the Begum family to your English classes. They are Rohingya refugees who arrived "
        "from Bangladesh last month; the mother, Noor, speaks some Malay.\n\nThanks,\nCaseworker",
        ("ethnicity",),
        "Caseworker states a named family's Rohingya ethnicity.",
    ),
    Msg(
        "tenancy-conviction",
        "en",
        "Reference request",
        "Dear Sir/Madam,\n\nIn answer to your reference request for Mr Kyle Dunn: he was a tenant with us for two "
        "years, but you should know he served 18 months for burglary before that.\n\nRegards,\nLetting agent",
        ("criminal",),
        "Reference mentioning a named tenant's prison term for burglary.",
    ),
    Msg(
        "nhs-appointment-reminder",
        "en",
        "Reminder: health check",
        "Everyone aged 40 to 74 is invited to a free NHS Health Check. Book at your GP practice to check your blood "
        "pressure, cholesterol and diabetes risk.",
        note="Generic health-check invitation.",
    ),
    Msg(
        "policy-retention",
        "en",
        "Records retention policy",
        "Sickness records, occupational health reports and disciplinary outcomes must be stored in the HR system "
        "and never kept in personal mailboxes. Delete copies after filing.",
        note="Records retention policy text.",
    ),
]
