"""Builders for test messages: real MIME made with the email package, attachments made with their libraries."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest

from hygiene.domain.extract import Limits

# A valid Norwegian fødselsnummer (both control digits check) used as the "secret" in extraction tests.
FNR = "19061989121"


def message(
    body: str | None = "Hei,\nalt vel.\n",
    *,
    subject: str = "Hei",
    sender: str = "kari@example.no",
    html: str | None = None,
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    """A plain message (text, optionally with an HTML alternative) ready for attachments."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "postmottak@kommune.example.no"
    msg["Subject"] = subject
    msg["Message-ID"] = "<test@example.no>"
    for name, value in (headers or {}).items():
        msg[name] = value
    if body is not None:
        msg.set_content(body)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    return msg


def attach(msg: EmailMessage, data: bytes, filename: str, maintype: str = "application", subtype: str = "octet-stream"):
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg


def to_bytes(msg: EmailMessage) -> bytes:
    return msg.as_bytes(policy=SMTP)


def make_docx(*paragraphs: str, table: list[list[str]] | None = None, image: bytes | None = None) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    if image is not None:
        document.add_picture(io.BytesIO(image))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_xlsx(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def make_pdf(*lines: str, password: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    if password is not None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-128")
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    return data


def make_zip(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def make_png(width: int = 64, height: int = 32) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    ImageDraw.Draw(image).text((2, 2), "12", fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def limits() -> Limits:
    return Limits(
        max_message_bytes=5_000_000, max_extracted_chars=2_000_000, max_depth=4, max_pdf_pages=20, time_budget_s=30.0
    )


@pytest.fixture(scope="session")
def reader():
    """One Tesseract reader for every OCR test module (loading the languages costs ~0.7 s per engine)."""
    from hygiene.adapters.ocr import TesseractReader

    reader = TesseractReader(workers=2, time_budget_s=120)
    if not reader.available():
        pytest.skip("tesserocr or the tesseract language data is not installed")
    yield reader
    reader.close()


@pytest.fixture(scope="session")
def corpus_path(corpus_dir: Path) -> Path:
    """The labelled development corpus (../shared/corpus or $HYGIENE_CORPUS); skips locally, fails in CI."""
    return corpus_dir
