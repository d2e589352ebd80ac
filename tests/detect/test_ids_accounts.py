"""Bank accounts: the words people pay a person's account with, and a company's own account versus a private one."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hygiene.domain.detect.ids import IdRules, find_ids
from tests.detect import strategies as ids

RULES = IdRules()
THRESHOLD = 0.5
SETTINGS = settings(
    max_examples=int(os.environ.get("IDS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
ACCOUNT = "1234.56.78903"  # mod 11 valid, not a valid fødselsnummer
PLAIN = "12345678903"


def flagged(text: str, language: str | None = None) -> list[tuple[str, str]]:
    return [
        (f.kind, text[f.start : f.end]) for f in find_ids(text, "body", RULES, language) if f.confidence >= THRESHOLD
    ]


# --- paying money to a person's account, without the word "konto" ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (f"Kan dere utbetale lønna mi til {PLAIN} fra neste måned?", "nb"),
        (f"Lønna kan betales inn på {ACCOUNT}.", "nb"),
        (f"Vennligst overfør pengene til {PLAIN}", "nb"),
        (f"Betal til {ACCOUNT} så snart du kan", "nb"),
        (f"Refusjonen kan settes inn på {PLAIN}", "nb"),
        (f"Bankkontonr: {PLAIN}", "nb"),
        (f"Kontonr. {PLAIN}", "nb"),
        (f"Feriepengane kan utbetalast til {PLAIN}", "nn"),
        (f"Kan de overføre det til {PLAIN}?", "nn"),
        (f"Kan ni sätta in pengarna på mitt norska konto {PLAIN}?", "sv"),
        (f"Utbetalningen ska gå till {PLAIN} i Norge.", "sv"),
        (f"Lönen till {ACCOUNT}, tack.", "sv"),
        (f"Kan I overføre beløbet til {PLAIN} i Norge?", "da"),
        (f"Udbetal venligst feriepengene til {ACCOUNT}", "da"),
        (f"Please pay my salary into {PLAIN} from May.", "en"),
        (f"Account number: {PLAIN}", "en"),
        (f"Could you transfer the money to {ACCOUNT}?", "en"),
        (f"The refund should go to {PLAIN}.", "en"),
    ],
)
def test_a_norwegian_account_is_found_after_words_about_paying_a_person(text: str, language: str) -> None:
    assert [kind for kind, _ in flagged(text, language)] == ["no_account"]


@pytest.mark.parametrize(
    "text",
    [
        "Kan dere utbetale lønna mi til 19061989121?",
        "Overfør til 190619 89121",
        "Please pay my salary into 19061989121",
    ],
)
def test_a_valid_fodselsnummer_stays_a_national_id_after_payment_words(text: str) -> None:
    assert [kind for kind, _ in flagged(text)] == ["no_fnr"]


@pytest.mark.parametrize(
    "text",
    [
        f"Betal til konto 1503.22.33445 med KID {PLAIN}",
        f"Overfør beløpet og merk betalingen med KID-nummer {PLAIN}",
        f"Utbetalingen gjelder fakturanummer {PLAIN}",
        f"Refusjon for ordrenummer {PLAIN} er sendt",
        f"Ring meg om utbetalingen på tlf {PLAIN}",
        f"Utbetalt fra Hansen Bygg, org.nr {PLAIN}",
        f"Lønn utbetales den 12. Referanse {PLAIN}.",
        f"Please refund order no. {PLAIN}",
        f"Återbetalning till OCR {PLAIN}",
        "Lønna er 45 000 kr i måneden, utbetalt den 12. hver måned",
        "Stipendet på 12 345 kr utbetales 15.08.2025 kl. 10.00",
    ],
)
def test_payment_words_do_not_make_references_phone_or_organisation_numbers_accounts(text: str) -> None:
    assert [kind for kind, _ in flagged(text) if kind == "no_account"] == []


# --- company versus private -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vi har bytt bank. Betala framtida fakturor till vårt nya konto:\nIBAN SE62 3001 3594 0025 5599 3396\n"
        "BIC NDEASESS\n\nMed vänlig hälsning\nSjöby Städ AB, org.nr 556761-6197",
        f"Faktura 2025-114\nForfall: 20.03.2025\nKontonummer: {ACCOUNT}\nHansen Bygg AS\nOrg.nr 974 760 673",
        "Hansen Bygg AS | Storgata 1, 0155 Oslo | IBAN NO93 8601 1117 947 | BIC DNBANOKK",
        "Invoice 4411\nPlease remit to our bank account GB82 WEST 1234 5698 7654 32\nAcme Consulting Ltd",
        "Leverantör: Byggbolaget i Norr\nBankgiro 5050-1055\nIBAN SE62 3001 3594 0025 5599 3396",
        f"Med venlig hilsen\nJensen Rengøring ApS\nCVR 12345678\nKonto: {ACCOUNT}",
        f"Hei, jeg sender over fakturaen for jobben. Betal til kontonr {ACCOUNT} innen 14 dager.\nMvh Ola, Nord Rør AS",
        "Betalningsmottagare: Fjällfrakt AB\nKonto: SE62 3001 3594 0025 5599 3396",
        f"Vennligst overfør pengene til vår konto {ACCOUNT}.",
        f"Gi en gave til kontonummer {ACCOUNT}!",
        f"Kontingenten for 2025 betales til konto {ACCOUNT} innen 1. mars.",
        f"Medlemsavgiften sätts in på {ACCOUNT} senast 31 januari.",
        f"Deltagergebyret indbetales på konto {ACCOUNT}.",
        f"Support our fundraiser: donations to account {ACCOUNT}",
    ],
)
def test_a_companys_own_account_on_an_invoice_or_letterhead_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "My IBAN for the refund is GB82 WEST 1234 5698 7654 32. Thanks, Tom (Acme Consulting Ltd)",
        f"Jeg har betalt fakturaen to ganger. Mitt kontonummer er {ACCOUNT}.",
        f"Hei! Vi har registrert ditt nye kontonummer {ACCOUNT} for utbetaling av lønn.\nHR, Nord Rør AS",
        "Jag har betalat fakturan två gånger, kan ni återbetala till SE62 3001 3594 0025 5599 3396?",
        f"Skjema for refusjon\nNavn: Ole Brekke\nUtbetales til konto: {ACCOUNT}\nBeløp: 1 340 kr",
        f"Jeg har fått faktura fra dere. Kan dere refundere det jeg betalte for mye til {PLAIN}?",
        f"Kan dere sette inn pengene på kontonummer {ACCOUNT}? Fakturaen er betalt.",
        f"Mitt kontonummer er {ACCOUNT}, kontingenten er betalt.",
    ],
)
def test_a_private_persons_account_is_flagged_even_near_invoice_or_company_words(text: str) -> None:
    assert [kind for kind, _ in flagged(text)] in (["iban"], ["no_account"])


# --- properties -------------------------------------------------------------------------------------------------

PAYOUT_FRAMES = (
    "Kan dere utbetale lønna mi til {}?",
    "Refusjonen skal til {}",
    "Sätt in pengarna på {}, tack",
    "Udbetal venligst til {}",
    "Please pay my salary into {}",
    "Mitt kontonummer er {}",
    "Feriepengane kan utbetalast til {}",
    "Mit kontonummer er {}",
)
COMPANY_FRAMES = (
    "Faktura 1123, forfall 20.03. Betal til {}.\nHansen Bygg AS, org.nr 974 760 673",
    "Betala fakturan till {}\nSjöby Städ AB",
    "Invoice 77: please remit to {}\nAcme Ltd, VAT GB123456789",
    "Faktura 5531 forfalder 1. april. Indbetal beløbet på {}\nJensen Rengøring ApS, CVR 12345678",
    "Faktura 19 for vedlikehald. Betal til {}\nVoss Elektro AS",
    "Kontingenten for 2025 betales til {} innen 1. mars.",
)


@SETTINGS
@given(ident=ids.no_account(), frame=st.sampled_from(PAYOUT_FRAMES))
def test_every_valid_account_in_a_payout_frame_is_found(ident: ids.Id, frame: str) -> None:
    text = frame.format(ident.text)
    start = text.index(ident.text)
    found = {(f.kind, f.start, f.end) for f in find_ids(text, "body", RULES) if f.confidence >= THRESHOLD}
    # A number that is also a valid fødselsnummer stays a national ID unless written as an account (4.2.5).
    assert ("no_account", start, start + len(ident.text)) in found or any(k.startswith("no_") for k, _, _ in found)


@SETTINGS
@given(ident=st.one_of(ids.no_account(), ids.iban()), frame=st.sampled_from(COMPANY_FRAMES))
def test_no_account_in_a_company_frame_is_flagged(ident: ids.Id, frame: str) -> None:
    text = frame.format(ident.text)
    found = find_ids(text, "body", RULES)
    assert [f for f in found if f.category == "bank_account" and f.confidence >= THRESHOLD] == []


# A guard word in an earlier paragraph ("ta ärendet") does not speak for a number whose own paragraph has words before
# it; a number that opens its paragraph keeps the label above it (HTML <p>label</p><p>number</p>).
PARAGRAPHS = [
    ("Du kan ta ärendet från måndag.\n\nSökande: Patrik Johansson, 19921108-5312\nÄrendenummer: SN 2025/1184", True),
    ("Du kan ta ärendet från måndag.\nSökande: Patrik Johansson, 19921108-5312", False),  # same paragraph: a guard
    ("Personnummer:\n\n19921108-5312\n", True),
    ("Ärendenummer:\n\n19921108-5312\n", False),
]


@pytest.mark.parametrize(("text", "flagged"), PARAGRAPHS)
def test_a_guard_in_an_earlier_paragraph_does_not_speak_for_a_number(text: str, flagged: bool) -> None:
    found = [f for f in find_ids(text, "body", RULES, "sv") if f.confidence >= THRESHOLD]
    assert bool(found) is flagged
