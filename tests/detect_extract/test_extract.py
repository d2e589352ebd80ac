"""Extraction: every format, protection kind, nesting, HTML splitting, auto-replies and malformed MIME.

Each test builds a real message with the email package, puts a known secret somewhere, and checks where the secret
comes out (or that the message is reported protected / incomplete instead of silently clean).
"""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.domain.extract import Extraction, Limits, extract
from hygiene.domain.extract.html import _collapse_spaces, html_to_text
from tests.detect_extract.conftest import (
    FNR,
    attach,
    make_docx,
    make_pdf,
    make_png,
    make_xlsx,
    make_zip,
    message,
    to_bytes,
)


def texts(extraction: Extraction, where: str | None = None) -> str:
    return "\n".join(p.text for p in extraction.parts if where is None or p.where == where)


def squash(text: str) -> str:
    return " ".join(text.split())


def no_secret_in_metadata(extraction: Extraction) -> None:
    assert FNR not in repr(extraction.incomplete_reasons)
    assert FNR not in repr(extraction.markings)


# --- bodies -------------------------------------------------------------------------------------------------------


def test_plain_body_and_subject_are_separate_parts(limits):
    got = extract(to_bytes(message(f"Fødselsnummer: {FNR}\n", subject="Søknad om plass")), limits)
    assert texts(got, "subject") == "Søknad om plass"
    assert FNR in texts(got, "body")
    assert not got.encrypted
    assert not got.auto_reply
    assert not got.incomplete
    assert got.sender == "kari@example.no"
    assert got.headers["message-id"] == "<test@example.no>"
    assert "subject" not in got.headers


def test_rfc2047_subject_is_decoded(limits):
    raw = (
        b"From: a@example.no\r\nSubject: =?utf-8?q?F=C3=B8dselsnummer_" + FNR.encode() + b"?=\r\n"
        b"Content-Type: text/plain\r\n\r\nhei\r\n"
    )
    assert texts(extract(raw, limits), "subject") == f"Fødselsnummer {FNR}"


def test_html_only_body_joins_numbers_split_by_tags_and_nbsp(limits):
    html = (
        "<html><head><title>x</title><style>p {color: red}</style></head><body>"
        "<p>Fnr: 190619<span>&nbsp;</span>89121</p><script>var s = '11111111111';</script>"
        "<div>Linje&nbsp;en</div><div>Linje to<br>tre</div><!-- 22222222222 --></body></html>"
    )
    got = extract(to_bytes(message(None, html=html)), limits)
    text = texts(got, "html")
    assert "190619 89121" in text
    assert "11111111111" not in text
    assert "22222222222" not in text
    assert "color" not in text
    assert re.search(r"Linje en\n+Linje to\ntre", text)


def test_html_table_cells_stay_apart():
    text = html_to_text("<table><tr><td>190619</td><td>89121</td></tr><tr><td>a</td></tr></table>")
    assert "19061989121" not in text.replace(" ", "")
    assert "190619\t89121" in text


@pytest.mark.parametrize("size", [1, 10, 1000])
def test_html_to_text_is_linear_on_unclosed_markup(size):
    # Many '<' without '>', unclosed comments and scripts: must finish quickly and keep the text.
    markup = ("a < b " * 2000 * size) + "<!-- never closed " + "<script " * 100 * size
    assert html_to_text(markup).startswith("a < b")


def test_multipart_alternative_reads_both_bodies(limits):
    got = extract(to_bytes(message(f"fnr {FNR}", html=f"<p>fnr {FNR}</p>")), limits)
    assert FNR in texts(got, "body")
    assert FNR in texts(got, "html")


@pytest.mark.parametrize("cte", ["base64", "quoted-printable"])
def test_transfer_encodings(limits, cte):
    msg = EmailMessage()
    msg["Subject"] = "x"
    msg.set_content(f"Fødselsnummer til Åse: {FNR}\n" + "lang linje " * 30, cte=cte)
    raw = to_bytes(msg)
    assert FNR.encode() not in raw or cte == "quoted-printable"
    assert FNR in texts(extract(raw, limits), "body")


def test_latin1_body_labelled_utf8_is_read(limits):
    raw = b"Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + f"Fødselsnummer {FNR}".encode("latin-1")
    assert texts(extract(raw, limits), "body") == f"Fødselsnummer {FNR}"


def test_utf8_body_labelled_latin1_is_read_as_utf8(limits):
    raw = b"Subject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n" + "Søknad".encode()
    assert texts(extract(raw, limits), "body") == "Søknad"


def test_unknown_charset_and_no_charset(limits):
    for ctype in (b"text/plain; charset=x-nonsense-42", b"text/plain"):
        raw = b"Subject: x\r\nContent-Type: " + ctype + b"\r\n\r\nnummer " + FNR.encode() + "æ".encode("latin-1")
        got = extract(raw, limits)
        assert FNR in texts(got, "body")


def test_nul_bytes_are_dropped(limits):
    raw = b"Subject: x\r\nContent-Type: text/plain\r\n\r\nnummer \x00" + FNR.encode() + b"\x00 slutt"
    got = extract(raw, limits)
    assert "\x00" not in texts(got)
    assert FNR in texts(got, "body")


def test_8bit_raw_header_is_decoded(limits):
    raw = b"Subject: S\xc3\xb8knad " + FNR.encode() + b"\r\nFrom: \xc3\x85se <ase@example.no>\r\n\r\nhei"
    got = extract(raw, limits)
    assert texts(got, "subject") == f"Søknad {FNR}"
    assert got.sender == "ase@example.no"


# --- malformed MIME: always a verdict, never an exception -----------------------------------------------------------


def test_truncated_message_still_yields_text(limits):
    raw = to_bytes(attach(message(f"fnr {FNR}\n"), make_pdf("hello"), "a.pdf"))
    for cut in (10, len(raw) // 3, len(raw) // 2, len(raw) - 5):
        got = extract(raw[:cut], limits)
        assert isinstance(got, Extraction)


def test_broken_boundary_reads_raw_text_and_says_parse_error(limits):
    raw = (
        b'Subject: x\r\nContent-Type: multipart/mixed; boundary="nope"\r\n\r\n'
        b"--other\r\nContent-Type: text/plain\r\n\r\nfnr " + FNR.encode() + b"\r\n--other--\r\n"
    )
    got = extract(raw, limits)
    assert "parse_error" in got.incomplete_reasons
    assert FNR in texts(got)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\x01\x02garbage",
        b"Subject: =?utf-8?b?!!!notbase64?=\r\n\r\nbody",
        b'Subject: =?x-bad?q?abc?=\r\nContent-Type: text/plain; charset="\r\n\r\nbody',
        b"Content-Type: multipart/mixed\r\n\r\nno boundary parameter at all",
        b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@not base64 at all===",
        b"Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=x.pdf\r\n\r\n%PDF-1.7 broken",
        b"Content-Type: application/zip\r\nContent-Disposition: attachment; filename=x.zip\r\n\r\nPK\x03\x04broken",
        b"Content-Type: application/pkcs7-mime; smime-type=signed-data\r\n\r\n0\x80\x06\x09garbage",
        b"Content-Type: message/rfc822\r\n\r\n",
        b"From: <<<>>>@@@\r\nReturn-Path: \r\n\r\n",
    ],
)
def test_malformed_input_never_raises(limits, raw):
    assert isinstance(extract(raw, limits), Extraction)


# --- attachments ----------------------------------------------------------------------------------------------------


def test_text_and_csv_attachments(limits):
    msg = message()
    attach(msg, f"navn;fnr\nOla;{FNR}\n".encode(), "liste.csv", "text", "csv")
    attach(msg, f"fnr {FNR}".encode("utf-16"), "notat.txt", "application", "octet-stream")
    got = extract(to_bytes(msg), limits)
    assert FNR in texts(got, "attachment:liste.csv")
    assert FNR in texts(got, "attachment:notat.txt")


def test_pdf_text_layer(limits):
    got = extract(to_bytes(attach(message(), make_pdf("Legeerklaering", f"Fnr {FNR}"), "Legeerklæring.pdf")), limits)
    assert FNR in squash(texts(got, "attachment:Legeerklæring.pdf"))
    assert not got.incomplete


def test_pdf_page_limit(limits):
    pdf = make_pdf(*[f"linje {i}" for i in range(200)])  # several pages
    got = extract(to_bytes(attach(message(), pdf, "lang.pdf")), replace(limits, max_pdf_pages=1))
    assert "limit:pdf_pages" in got.incomplete_reasons


def test_docx_paragraphs_and_tables(limits):
    docx = make_docx("Bekymringsmelding", table=[["Navn", "Fnr"], ["Ola", FNR]])
    got = extract(to_bytes(attach(message(), docx, "melding.docx")), limits)
    text = texts(got, "attachment:melding.docx")
    assert "Bekymringsmelding" in text
    assert FNR in text


def test_xlsx_strings_and_numbers(limits):
    xlsx = make_xlsx([["Navn", "Fnr", "Tall"], ["Ola", FNR, int(FNR)], ["Kari", "x", 1.5]])
    got = extract(to_bytes(attach(message(), xlsx, "liste.xlsx")), limits)
    text = texts(got, "attachment:liste.xlsx")
    assert text.count(FNR) == 2
    assert "Ola" in text
    assert "1.5" in text


def test_odt_content(limits):
    content = (
        '<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body>'
        f"<text:p>Fnr:<text:s/>{FNR}</text:p><text:p>Neste&amp;linje</text:p></office:body></office:document-content>"
    ).encode()
    odt = make_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": content})
    got = extract(to_bytes(attach(message(), odt, "brev.odt")), limits)
    assert texts(got, "attachment:brev.odt") == f"Fnr: {FNR}\nNeste&linje"


def test_rtf_is_read_crudely(limits):
    rtf = (
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\*\generator Word;}\f0 F\'f8dselsnummer "
        + FNR.encode()
        + rb"\par Neste linje \u229?r\par}"
    )
    got = extract(to_bytes(attach(message(), rtf, "brev.rtf")), limits)
    text = texts(got, "attachment:brev.rtf")
    assert f"Fødselsnummer {FNR}" in text
    assert "Arial" not in text
    assert "Word" not in text
    assert "Neste linje år" in text


def test_forwarded_message_rfc822_counts_as_that_attachment(limits):
    inner = message(f"Sykemelding for Ola, fnr {FNR}", subject=f"Fwd {FNR}")
    inner.add_attachment(
        make_docx(f"vedlegg {FNR}"), maintype="application", subtype="octet-stream", filename="inner.docx"
    )
    outer = message("Se videresendt")
    outer.add_attachment(inner)  # message/rfc822 without a file name
    got = extract(to_bytes(outer), limits)
    assert FNR not in texts(got, "body")
    assert FNR in texts(got, "attachment:message/rfc822")
    assert FNR in texts(got, "attachment:message/rfc822/inner.docx")


def test_eml_attachment_as_octet_stream(limits):
    inner = to_bytes(message(f"fnr {FNR}"))
    got = extract(to_bytes(attach(message(), inner, "Sykemelding.eml")), limits)
    assert FNR in texts(got, "attachment:Sykemelding.eml")


def test_nested_messages_stop_at_depth_limit(limits):
    msg = message(f"innerst {FNR}")
    for _ in range(6):
        outer = message("videre")
        outer.add_attachment(msg)
        msg = outer
    got = extract(to_bytes(msg), replace(limits, max_depth=3))
    assert "limit:depth" in got.incomplete_reasons
    assert FNR not in texts(got)


def test_zip_members_are_read_with_their_path(limits):
    archive = make_zip({"dok/a.txt": f"fnr {FNR}".encode(), "b.docx": make_docx(f"fnr {FNR}")})
    got = extract(to_bytes(attach(message(), archive, "pakke.zip")), limits)
    assert FNR in texts(got, "attachment:pakke.zip/dok/a.txt")
    assert FNR in texts(got, "attachment:pakke.zip/b.docx")


def test_zip_in_zip_beyond_depth(limits):
    archive = make_zip({"a.txt": f"fnr {FNR}".encode()})
    for i in range(5):
        archive = make_zip({f"lag{i}.zip": archive})
    got = extract(to_bytes(attach(message(), archive, "pakke.zip")), replace(limits, max_depth=3))
    assert "limit:depth" in got.incomplete_reasons


def test_zip_bomb_is_incomplete_not_read(limits):
    bomb = make_zip({"zeros.txt": b"0" * 50_000_000})
    assert len(bomb) < 100_000
    got = extract(to_bytes(attach(message("se vedlegg"), bomb, "bomb.zip")), limits)
    assert "limit:zip_ratio" in got.incomplete_reasons or "limit:zip_size" in got.incomplete_reasons
    assert len(texts(got)) < 1000


def test_zip_total_size_bound(limits):
    archive = make_zip({f"f{i}.txt": b"a" * 900_000 for i in range(10)})  # each under the ratio floor
    got = extract(to_bytes(attach(message(), archive, "stor.zip")), replace(limits, max_message_bytes=1_500_000))
    assert "limit:zip_size" in got.incomplete_reasons


def test_encrypted_zip_member_next_to_readable_body(limits):
    archive = bytearray(make_zip({"hemmelig.txt": b"\x00" * 40}))
    # Set the traditional PKWARE encryption flag in the local and the central header (zipfile cannot write it).
    archive[archive.find(b"PK\x03\x04") + 6] |= 0x1
    archive[archive.find(b"PK\x01\x02") + 8] |= 0x1
    got = extract(to_bytes(attach(message("passord kommer på SMS"), bytes(archive), "pakke.zip")), limits)
    assert not got.encrypted
    assert "encrypted:zip" in got.incomplete_reasons


def test_unknown_binary_format_is_incomplete(limits):
    got = extract(to_bytes(attach(message(), bytes(range(256)) * 10, "data.bin")), limits)
    assert "format:bin" in got.incomplete_reasons


def test_images_are_unread_content(limits):
    png = make_png()
    msg = attach(message(), png, "legeerklaering.png", "image", "png")
    attach(msg, make_docx("tekst", image=png), "skann.docx")
    got = extract(to_bytes(msg), limits)
    assert "image not read" in got.incomplete_reasons
    wheres = [where for where, _ in got.images]
    assert "attachment:legeerklaering.png" in wheres
    assert any(where.startswith("attachment:skann.docx/") for where in wheres)
    assert not got.encrypted


# --- protection -----------------------------------------------------------------------------------------------------


def _smime_enveloped() -> bytes:
    body = base64.encodebytes(bytes.fromhex("3082010006092a864886f70d010703") + bytes(range(200))).replace(
        b"\n", b"\r\n"
    )
    return (
        b"From: a@example.no\r\nSubject: Kryptert\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\n'
        b'Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="smime.p7m"\r\n\r\n' + body
    )


def test_smime_enveloped_is_encrypted(limits):
    got = extract(_smime_enveloped(), limits)
    assert got.encrypted
    assert texts(got, "subject") == "Kryptert"


def test_pgp_mime_is_encrypted(limits):
    raw = (
        b'Subject: x\r\nContent-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary=b\r\n\r\n'
        b"--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
        b"--b\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\nabc\r\n"
        b"-----END PGP MESSAGE-----\r\n--b--\r\n"
    )
    assert extract(raw, limits).encrypted


def test_inline_pgp_body_is_encrypted(limits):
    got = extract(to_bytes(message("-----BEGIN PGP MESSAGE-----\n\nhQEMA...\n-----END PGP MESSAGE-----\n")), limits)
    assert got.encrypted


def test_rpmsg_is_encrypted(limits):
    msg = message(
        "Denne meldingen er beskyttet med Microsoft Purview Message Encryption.",
        headers={"Content-Class": "rpmsg.message"},
    )
    attach(msg, bytes(range(256)) * 4, "message.rpmsg", "application", "x-microsoft-rpmsg-message")
    assert extract(to_bytes(msg), limits).encrypted


def test_password_protected_office_file(limits):
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500
    alone = extract(to_bytes(attach(message(None, html=""), cfb, "lonn.xlsx")), limits)
    assert alone.encrypted
    beside = extract(to_bytes(attach(message(f"fnr {FNR}"), cfb, "lonn.xlsx")), limits)
    assert not beside.encrypted
    assert "encrypted:office" in beside.incomplete_reasons
    assert FNR in texts(beside, "body")


def test_encrypted_pdf(limits):
    pdf = make_pdf(f"Fnr {FNR}", password="hemmelig")
    alone = extract(to_bytes(attach(message(None, html=" "), pdf, "attest.pdf")), limits)
    assert alone.encrypted
    beside = extract(to_bytes(attach(message("Passord kommer på SMS"), pdf, "attest.pdf")), limits)
    assert not beside.encrypted
    assert "encrypted:pdf" in beside.incomplete_reasons
    assert FNR not in texts(beside)


def test_multipart_signed_is_read_not_encrypted(limits):
    raw = (
        b'Subject: signert\r\nContent-Type: multipart/signed; protocol="application/pkcs7-signature"; '
        b"micalg=sha-256; boundary=s\r\n\r\n--s\r\nContent-Type: text/plain\r\n\r\nfnr " + FNR.encode() + b"\r\n"
        b"--s\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"MIAGCSqGSIb3DQEHAqCAMIACAQEx\r\n--s--\r\n"
    )
    got = extract(raw, limits)
    assert not got.encrypted
    assert not got.incomplete
    assert FNR in texts(got, "body")


def test_opaque_signed_data_is_unwrapped_and_read(limits):
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    content = b"Content-Type: text/plain; charset=utf-8\r\n\r\nfnr " + FNR.encode() + b"\r\n"
    der = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(content)
        .add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    raw = (
        b"Subject: signert\r\nContent-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(der).replace(b"\n", b"\r\n")
    )
    got = extract(raw, limits)
    assert not got.encrypted
    assert not got.incomplete
    assert FNR in texts(got, "body")


# --- auto-replies, markings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "sender", "subject"),
    [
        ({"Auto-Submitted": "auto-replied"}, "kari@example.no", "Re: x"),
        ({"Precedence": "bulk"}, "kari@example.no", "Nyhetsbrev"),
        ({"X-Autoreply": "yes"}, "kari@example.no", "x"),
        ({}, "MAILER-DAEMON@mx.example.no", "Olevererat: x"),
        ({}, "postmaster@example.no", "x"),
        ({}, "kari@example.no", "Automatisk svar: Medisinliste"),
        ({}, "kari@example.no", "Out of Office: møte"),
    ],
)
def test_auto_replies_and_bounces(limits, headers, sender, subject):
    assert extract(to_bytes(message(subject=subject, sender=sender, headers=headers)), limits).auto_reply


def test_dsn_report_is_auto_reply_and_returned_message_is_read(limits):
    raw = (
        b"From: someone@example.no\r\nSubject: x\r\nContent-Type: multipart/report; report-type=delivery-status; "
        b"boundary=r\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--r\r\n"
        b"Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\nAction: failed\r\n"
        b"--r\r\nContent-Type: message/rfc822\r\n\r\nSubject: orig\r\n\r\nfnr " + FNR.encode() + b"\r\n--r--\r\n"
    )
    got = extract(raw, limits)
    assert got.auto_reply
    assert FNR in texts(got, "attachment:message/rfc822")


@pytest.mark.parametrize("headers", [{}, {"Auto-Submitted": "no"}, {"Precedence": "normal"}])
def test_ordinary_mail_is_not_auto_reply(limits, headers):
    assert not extract(to_bytes(message(headers=headers)), limits).auto_reply


def test_markings_are_tokens_not_content(limits):
    headers = {
        "Sensitivity": "Company-Confidential",
        "msip_labels": "MSIP_Label_0a1b_Enabled=true; MSIP_Label_0a1b_Name=Fortrolig; MSIP_Label_0a1b_Method=Standard",
    }
    got = extract(to_bytes(message(f"FORTROLIG\nfnr {FNR}", headers=headers)), limits)
    assert "sensitivity:company-confidential" in got.markings
    assert "label:Fortrolig" in got.markings
    assert "text:fortrolig" in got.markings
    no_secret_in_metadata(got)


# --- limits -----------------------------------------------------------------------------------------------------------


def test_message_size_limit(limits):
    raw = to_bytes(message(f"fnr {FNR}\n" + "x" * 20_000))
    got = extract(raw, replace(limits, max_message_bytes=2048))
    assert "limit:size" in got.incomplete_reasons
    assert FNR in texts(got)  # the first part is still read


def test_extracted_chars_limit(limits):
    got = extract(to_bytes(message("a" * 5000 + FNR)), replace(limits, max_extracted_chars=1024))
    assert "limit:chars" in got.incomplete_reasons
    assert sum(len(p.text) for p in got.parts) <= 1024


def test_time_budget(limits):
    got = extract(to_bytes(attach(message(), make_pdf("x"), "a.pdf")), replace(limits, time_budget_s=1e-9))
    assert "limit:time" in got.incomplete_reasons


def test_limits_from_settings():
    from hygiene.settings import DetectionSettings

    settings = DetectionSettings(max_depth=3, max_pdf_pages=7)
    assert Limits.from_settings(settings) == Limits(
        max_message_bytes=settings.max_message_bytes,
        max_extracted_chars=settings.max_extracted_chars,
        max_depth=3,
        max_pdf_pages=7,
        time_budget_s=settings.time_budget_s,
    )


def test_pptx_slides_and_notes(limits):
    slide = (
        '<p:sld xmlns:a="a" xmlns:p="p"><p:txBody><a:p><a:r><a:t>Elevliste</a:t></a:r></a:p>'
        f"<a:p><a:r><a:t>Fnr {FNR[:6]}</a:t></a:r><a:r><a:t> {FNR[6:]}</a:t></a:r></a:p></p:txBody></p:sld>"
    ).encode()
    pptx = make_zip({"ppt/presentation.xml": b"<p/>", "ppt/slides/slide1.xml": slide})
    got = extract(to_bytes(attach(message(), pptx, "møte.pptx")), limits)
    assert texts(got, "attachment:møte.pptx") == f"Elevliste\nFnr {FNR[:6]} {FNR[6:]}"


def test_ods_cells_are_tab_separated(limits):
    content = (
        "<office:document-content><table:table><table:table-row><table:table-cell><text:p>Ola</text:p>"
        f"</table:table-cell><table:table-cell><text:p>{FNR}</text:p></table:table-cell></table:table-row>"
        "</table:table></office:document-content>"
    ).encode()
    ods = make_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": content})
    got = extract(to_bytes(attach(message(), ods, "liste.ods")), limits)
    assert f"Ola\n\t{FNR}" in texts(got, "attachment:liste.ods")


def test_xlsx_scientific_numbers_inline_strings_and_formulas(limits):
    sheet = (
        b'<worksheet><sheetData><row r="1"><c r="A1"><v>1.9061989121E10</v></c><c r="B1" t="inlineStr"><is><t>'
        b'Kari</t></is></c><c r="C1"><f>SUM(1,2)</f><v>3</v></c><c r="D1" s="1"/><c r="E1" t="s"><v>0</v></c>'
        b"</row></sheetData></worksheet>"
    )
    xlsx = make_zip(
        {
            "xl/workbook.xml": b"<workbook/>",
            "xl/sharedStrings.xml": b"<sst><si><t>delt &amp; lest</t></si></sst>",
            "xl/worksheets/sheet1.xml": sheet,
        }
    )
    got = extract(to_bytes(attach(message(), xlsx, "a.xlsx")), limits)
    assert texts(got, "attachment:a.xlsx") == f"{FNR}\tKari\t3\tdelt & lest"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \r\n\t\f\v\u00a0\u2007\u202f\u2028ab", max_size=40))
def test_space_runs_collapse_as_the_space_class_regex_does(text):
    assert _collapse_spaces(text) == re.sub(r"[ \r\f\v\u00a0\u2007\u202f]+", " ", text)
