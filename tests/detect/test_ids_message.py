"""Identifier context across a message's parts: the subject, body and html share their words; attachments get the
mail's words but keep their own to themselves (`hygiene.domain.detect.ids.MessageContext`)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hygiene.domain.detect import detect, load_rules
from hygiene.domain.detect.ids import IdRules, MessageContext, find_ids
from hygiene.domain.text import TextPart
from tests.detect import strategies as ids

RULES = load_rules()
THRESHOLD = 0.5
SETTINGS = settings(
    max_examples=int(os.environ.get("IDS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def flagged(parts: list[tuple[str, str]], language: str | None = None) -> list[tuple[str, str, str]]:
    """(where, kind, matched text) of the identifier findings at or above the default threshold."""
    text = {where: body for where, body in parts}
    return [
        (f.where, f.kind, text[f.where][f.start : f.end])
        for f in detect([TextPart(where, body) for where, body in parts], RULES, language=language)
        if f.category in ("national_id", "bank_account", "payment_card") and f.confidence >= THRESHOLD
    ]


def test_a_cpr_number_in_the_subject_takes_its_word_from_the_body() -> None:
    parts = [("subject", "Flytning 251293-0554"), ("body", "Hej\nJeg flytter 1. juli. Mit CPR-nummer står i emnet.")]
    assert flagged(parts, "da") == [("subject", "dk_cpr", "251293-0554")]


def test_a_number_in_the_body_takes_its_word_from_the_subject() -> None:
    parts = [("subject", "Mit CPR-nummer"), ("body", "Hej\nher er det: 251293-0554\nHilsen Nanna")]
    assert flagged(parts, "da") == [("body", "dk_cpr", "251293-0554")]
    parts = [("subject", "Mitt kontonummer"), ("body", "Hei\nDet er 2801 96 16268.\nHilsen Kari")]
    assert flagged(parts, "nb") == [("body", "no_account", "2801 96 16268")]


def test_the_html_body_and_the_subject_share_their_words() -> None:
    parts = [("subject", "personnummer"), ("html", "Hej, här: 1105630685 tack")]
    assert [kind for _, kind, _ in flagged(parts, "sv")] == []  # a CPR-shaped number; no CPR word anywhere
    parts = [("subject", "Flytning 251293-0554"), ("html", "Mit CPR-nummer står i emnet.")]
    assert flagged(parts, "da") == [("subject", "dk_cpr", "251293-0554")]


def test_an_attachment_takes_the_mails_words_but_does_not_lend_its_own() -> None:
    mail = [("subject", "Lønnsslipp"), ("body", "Vedlagt lønnsslippen min med kontonummeret mitt.")]
    attachment = ("attachment:slipp.txt", "Utbetalt til 2801 96 16268")
    assert flagged([*mail, attachment], "nb") == [("attachment:slipp.txt", "no_account", "2801 96 16268")]
    # The attachment's words stay in the attachment: a CPR word in an attached form is no word for the subject.
    parts = [("subject", "Flytning 251293-0554"), ("body", "Se vedhæftet."), ("attachment:blanket.pdf", "CPR-nummer")]
    assert flagged(parts, "da") == []
    # Nor for another attachment.
    parts = [("body", "Se vedhæftet."), ("attachment:a.txt", "CPR-nummer"), ("attachment:b.txt", "251293-0554")]
    assert flagged(parts, "da") == []


def test_words_near_a_number_still_decide_before_the_messages_words() -> None:
    # A guard word next to the number beats an ID word elsewhere in the message.
    parts = [("subject", "Mit CPR-nummer"), ("body", "Ordrenr. 251293-0554 er afsendt.")]
    assert flagged(parts, "da") == []
    parts = [("subject", "Ditt kontonummer"), ("body", "Betal med KID 2801 96 16268")]
    assert flagged(parts, "nb") == []


def test_without_a_word_anywhere_a_weak_number_stays_unflagged() -> None:
    parts = [("subject", "Flytning 251293-0554"), ("body", "Hej\nJeg flytter til Åby 1. juli.\nHilsen Nanna")]
    assert flagged(parts, "da") == []


def test_find_ids_without_a_message_context_uses_its_part_only() -> None:
    rules = IdRules()
    message = MessageContext([("subject", "Mit CPR-nummer"), ("body", "251293-0554")], rules)
    alone = find_ids("251293-0554", "body", rules, "da")
    shared = find_ids("251293-0554", "body", rules, "da", message=message)
    assert alone[0].confidence < THRESHOLD <= shared[0].confidence


@SETTINGS
@given(
    data=st.data(),
    ident=st.one_of(ids.dk_cpr(), ids.fnr(), ids.fnr(rule="2032"), ids.se_pnr(), ids.fi_hetu()),
    number_in_subject=st.booleans(),
)
def test_any_valid_id_is_found_with_its_word_in_the_other_mail_part(
    data: st.DataObject, ident: ids.Id, number_in_subject: bool
) -> None:
    text, start, end = data.draw(ids.embedded(ident, with_context=False))
    word = f"Her er mitt {ident.context}" if number_in_subject else ident.context
    number_part, word_part = ("subject", "body") if number_in_subject else ("body", "subject")
    language = "da" if ident.kind == "dk_cpr" else None
    parts = [TextPart(word_part, word), TextPart(number_part, text)]
    found = {
        (f.where, f.kind, f.start, f.end) for f in detect(parts, RULES, language=language) if f.confidence >= THRESHOLD
    }
    assert (number_part, ident.kind, start, end) in found


def test_an_attachments_file_name_is_context_for_its_numbers() -> None:
    body = ("body", "Se vedlegg.")
    rows = "Kari 251293-0554\nOla 1234.56.78903\n"
    assert flagged([body, ("attachment:CPR-liste.xlsx", rows)], "da") == [
        ("attachment:CPR-liste.xlsx", "dk_cpr", "251293-0554")
    ]
    assert flagged([body, ("attachment:kontoopplysninger_ansatte.pdf", rows)], "nb") == [
        ("attachment:kontoopplysninger_ansatte.pdf", "no_account", "1234.56.78903")
    ]
    # A neutral name lends nothing; an invoice's name marks its account as the company's.
    assert flagged([body, ("attachment:liste.xlsx", rows)], "da") == []
    assert flagged([("body", "Kontonummer i vedlegget."), ("attachment:faktura_2025.pdf", rows)], "nb") == []


def test_a_payslip_names_its_employer_but_the_account_on_it_is_the_employees() -> None:
    mail = [("subject", "Lønnsslipp"), ("body", "Hei, vedlagt min lønnsslipp for mars.")]
    slip = (
        "attachment:lonnsslipp_mars.pdf",
        "Lønnsspesifikasjon mars 2025\nArbeidsgiver: Hansen Bygg AS, org.nr 974 760 673\n"
        "Netto utbetalt: 31 245 kr\nKontonr: 1234 56 78903",
    )
    assert flagged([*mail, slip], "nb") == [("attachment:lonnsslipp_mars.pdf", "no_account", "1234 56 78903")]
    # The same employer block on an invoice: the company's account.
    invoice = (
        "attachment:faktura_114.pdf",
        "Faktura 114\nHansen Bygg AS, org.nr 974 760 673\nÅ betale: 31 245 kr\nKontonr: 1234 56 78903",
    )
    assert flagged([("subject", "Faktura"), ("body", "Vedlagt faktura."), invoice], "nb") == []


def test_a_case_number_in_the_subject_stays_unflagged_beside_a_policy_body() -> None:
    policy = "Husk: send aldrig CPR-nummer eller personnummer på mail."
    for subject in ("Sag 1203241030", "J.nr. 1203241030", "Ärende 1203241030", "Sak 19061989121"):
        assert flagged([("subject", subject), ("body", policy)], "da") == [], subject
