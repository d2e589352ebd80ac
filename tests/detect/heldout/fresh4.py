"""The fourth fresh held-out set: written at 10:20 UTC after round 4, kept out of main until its one measurement
on the final main of the session (so that nobody could tune on it). Never tune the rules on these messages.
"""

from __future__ import annotations

from build import Msg

MESSAGES: list[Msg] = [
    # ------------------------------------------------------------------ nb
    Msg(
        "svangerskap-kvalme",
        "nb",
        "Fravær i dag",
        "Hei Rune,\n\nJeg er hjemme i dag også. Jeg har fått diagnosen hyperemesis, altså svangerskapskvalme, og "
        "legen har skrevet ut kvalmestillende.\n\nMvh Sunniva",
        ("health",),
        "Employee's pregnancy complication and medication.",
    ),
    Msg(
        "demens-hjemmetjeneste",
        "nb",
        "Far min",
        "Hei,\n\nFar min har blitt mye mer glemsom i det siste og gikk seg bort i går kveld. Fastlegen mener det "
        "kan være starten på Alzheimer. Kan hjemmetjenesten komme innom oftere?\n\nHilsen Kjersti",
        ("health",),
        "Daughter: her father's suspected Alzheimer's.",
    ),
    Msg(
        "fnr-kontonr-tabell-html",
        "nb",
        "Opplysninger til lønn",
        "Her er opplysningene:\nNavn: Petter Lie\nFødselsnummer: {no_fnr@f}\nKonto: {no_kontonr@k}",
        (),
        "HTML table with fødselsnummer and account number.",
        html="<html><body><table><tr><td>Navn</td><td>Petter Lie</td></tr><tr><td>Fødselsnummer</td>"
        "<td>{no_fnr@f}</td></tr><tr><td>Konto</td><td>{no_kontonr@k}</td></tr></table></body></html>",
    ),
    Msg(
        "dom-nabo-klage",
        "nb",
        "Klage på nabo",
        "Hei,\n\nNaboen i 2. etasje, Kenneth Solberg, ble dømt for vold mot sin tidligere samboer i fjor, og nå "
        "bråker han igjen hver natt. Jeg er redd.\n\nMvh Anne",
        ("criminal",),
        "Tenant: a named neighbour's violence conviction.",
    ),
    Msg(
        "budsjett-psykiatri",
        "nb",
        "Budsjettforslag helse",
        "Rådmannen foreslår å styrke psykisk helsetjeneste med to årsverk og å flytte rusteamet til NAV-huset. "
        "Forslaget behandles i helse- og omsorgskomiteen 3. mai.",
        note="Budget proposal naming health services.",
    ),
    Msg(
        "parkering-faktura",
        "nb",
        "Kontrollsanksjon",
        "Kontrollsanksjon nr. 88123771\nRegistreringsnummer: EL 12345\nBeløp: 600 kr\nKID: {kid|14}\n"
        "Betales innen 14 dager.",
        note="Parking fine with KID (a civil fee, not a criminal matter).",
    ),
    # ------------------------------------------------------------------ nn
    Msg(
        "sjukmelding-rygg-nn",
        "nn",
        "Sjukmelding",
        "Hei Ola,\n\nEg har prolaps i ryggen og er sjukmeld i to veker til. Fysioterapeuten seier det går rett "
        "veg.\n\nHelsing Gunnhild",
        ("health",),
        "Employee's own herniated disc and sick leave.",
    ),
    Msg(
        "folkemote-nn",
        "nn",
        "Folkemøte om skulestruktur",
        "Raudt og Senterpartiet inviterer til folkemøte om nedlegging av Vikane skule. Alle er velkomne.",
        note="Party event notice.",
    ),
    # ------------------------------------------------------------------ sv
    Msg(
        "anorexi-dotter",
        "sv",
        "Oro för Alva",
        "Hej,\n\nVi vill att ni vet att Alva har blivit behandlad för anorexi på BUP sedan i höstas. Hon äter "
        "bättre nu men behöver sitta med en vuxen vid lunchen.\n\nHälsningar Pia och Johan",
        ("health",),
        "Parents: a named child's anorexia treatment.",
    ),
    Msg(
        "samordningsnummer-html",
        "sv",
        "Anmälan till SFI",
        "Hej\n\nJag vill anmäla mig till SFI.\nSamordningsnummer: {se_samnr@s}\n\nMvh Oksana",
        (),
        "Samordningsnummer in text and HTML.",
        html="same",
    ),
    Msg(
        "muslimsk-begravning",
        "sv",
        "Ledighet",
        "Hej,\n\nMin farbror har gått bort, och enligt vår muslimska tro ska begravningen ske inom ett dygn. Jag "
        "behöver därför vara ledig i morgon.\n\nMvh Amir",
        ("religion",),
        "Employee states own Muslim faith.",
    ),
    Msg(
        "facket-lokalavtal",
        "sv",
        "Nytt lokalt avtal",
        "Arbetsgivaren och de fackliga organisationerna har tecknat ett nytt lokalt avtal om arbetstid. Avtalet "
        "gäller från 1 juni och finns på intranätet.",
        note="Generic notice about a union agreement.",
    ),
    Msg(
        "lakemedel-upphandling",
        "sv",
        "Upphandling läkemedel",
        "Regionen upphandlar nu insulin, astmamediciner och antidepressiva för 2026–2028. Anbud ska lämnas senast "
        "30 juni. Upphandlingsnummer 2025/4411.",
        note="Procurement notice naming medicine groups.",
    ),
    # ------------------------------------------------------------------ da
    Msg(
        "hjerneskade-borger",
        "da",
        "Ansøgning om hjælpemidler",
        "Hej\n\nEfter min trafikulykke sidste år har jeg en hjerneskade og kan ikke længere køre bil. Jeg søger om "
        "støtte til taxakørsel til genoptræning.\n\nMed venlig hilsen\nKim Sørensen",
        ("health",),
        "Citizen's own brain injury.",
    ),
    Msg(
        "cpr-i-emne-da",
        "da",
        "Flytning {dk_cpr}",
        "Hej\n\nJeg flytter til Åby 1. juli. Mit CPR-nummer står i emnefeltet.\n\nHilsen Nanna",
        (),
        "CPR in the subject line.",
    ),
    Msg(
        "fagforening-medlem-da",
        "da",
        "Min opsigelse",
        "Hej\n\nJeg har sendt min opsigelse videre til min fagforening, HK, som vil hjælpe mig med sagen.\n\n"
        "Hilsen Jonas",
        ("union",),
        "Employee's own union (HK).",
    ),
    Msg(
        "influenza-udbrud",
        "da",
        "Influenza på plejehjemmet",
        "Der er konstateret influenza på to afdelinger. Besøgende bedes bruge mundbind og spritte hænder af. "
        "Personalet er vaccineret.",
        note="Outbreak notice without individuals.",
    ),
    # ------------------------------------------------------------------ en
    Msg(
        "bipolar-student",
        "en",
        "Support plan",
        "Dear Disability Services,\n\nI have bipolar disorder and had a manic episode during last term's exams. "
        "My psychiatrist suggested I ask for a reduced timetable.\n\nKind regards,\nOwen",
        ("health",),
        "Student's own bipolar disorder.",
    ),
    Msg(
        "card-phone-order",
        "en",
        "Order by phone",
        "Hi,\n\nFollowing our call, here are my card details for the order: {card|mc}, exp 07/27, security code "
        "318.\n\nBest,\nLaura",
        (),
        "Mastercard number with expiry and CVC.",
    ),
    Msg(
        "same-sex-wedding",
        "en",
        "Leave request",
        "Hi Gemma,\n\nI'm getting married to my partner Daniel in June (yes, finally!). Could I book the week "
        "after for our honeymoon?\n\nThanks,\nMatthew",
        ("sexual_orientation",),
        "Male employee marrying a man: sexual orientation.",
    ),
    Msg(
        "union-ballot",
        "en",
        "Strike ballot result",
        "The ballot closed yesterday: 78% of members voted for strike action on a 64% turnout. Details of picket "
        "lines will follow.",
        note="Union ballot result without individuals.",
    ),
    Msg(
        "conference-genetics",
        "en",
        "Registration confirmed",
        "Thank you for registering for the Nordic Genetics Conference 2025. Your registration number is 2025-0419. "
        "Sessions cover hereditary cancer, gene therapy and biobanks.",
        note="Conference registration with topics.",
    ),
    Msg(
        "policy-biometrics",
        "en",
        "Policy: biometric time clocks",
        "We will not use fingerprint or facial recognition time clocks. Biometric data is special category data and "
        "must not be collected for attendance. Use your staff card instead.",
        note="Policy text about biometric data.",
    ),
]
