"""OCR in every language (issue 13): a message whose text arrives as an image is classified like the same text.

Each case builds one message twice, once with the lines in the body and once rendered into an image (several
fonts, sizes, rotations, noise and formats), and checks both verdicts agree on ``sensitive`` and the categories.
Variants with a broken check digit (or an impossible CPR date) must never be ``national_id``.
"""

from __future__ import annotations

import io

import pytest

from hygiene.domain.ocr import OCR_SUFFIX
from tests.detect_extract.conftest import attach, make_zip, message, to_bytes
from tests.detect_extract.test_ocr import render, scanned_pdf

detect = pytest.importorskip("hygiene.domain.detect")

from hygiene.domain.classify import Classifier  # noqa: E402
from hygiene.domain.extract import Limits  # noqa: E402
from hygiene.domain.verdict import Verdict  # noqa: E402

# (id, lines, expected categories, render options). Every ID below is valid unless the id says "bad".
CASES = [
    (
        "nb fødselsnummer + diagnose",
        ["Legeerklæring for Kari Nordmann", "Fødselsnummer: 190619 89121", "Diagnose: diabetes type 2"],
        ("national_id", "health"),
        {"size": 28, "font_index": 0},
    ),
    (
        "nb bad check digit",
        ["Legeerklæring for Kari Nordmann", "Fødselsnummer: 190619 89122", "Diagnose: diabetes type 2"],
        ("health",),
        {"size": 24, "font_index": 1, "noise": 0.01, "fmt": "JPEG"},
    ),
    (
        "nn sjukmelding",
        ["Sjukmelding for Ola Nordmann", "Han er sjukmeld i to veker", "på grunn av depresjon."],
        ("health",),
        {"size": 26, "font_index": 2},
    ),
    (
        "sv personnummer + sjukskriven",
        ["Läkarintyg för Anna Svensson", "Personnummer: 811218-9876", "Anna har diabetes och är sjukskriven."],
        ("national_id", "health"),
        {"size": 30, "font_index": 1, "rotate": 180},
    ),
    (
        "sv bad check digit",
        ["Läkarintyg för Anna Svensson", "Personnummer: 811218-9875", "Anna har diabetes och är sjukskriven."],
        ("health",),
        {"size": 26, "font_index": 0, "fmt": "TIFF"},
    ),
    (
        "da CPR-nr + lægeerklæring",
        ["Lægeerklæring for Jens Hansen", "CPR-nr. 110563-0685", "Diagnose: depression"],
        ("national_id", "health"),
        {"size": 28, "font_index": 0, "rotate": 90},
    ),
    (
        "da impossible date",
        ["Lægeerklæring for Jens Hansen", "CPR-nr. 320563-0685", "Diagnose: depression"],
        ("health",),
        {"size": 28, "font_index": 2},
    ),
    (
        "en health sentence about a named person",
        ["Dear colleague,", "John Smith has been diagnosed with", "type 2 diabetes and is on sick leave."],
        ("health",),
        {"size": 24, "font_index": 1, "fmt": "JPEG"},
    ),
    (
        "fi henkilötunnus + diagnoosi",
        ["Lääkärintodistus", "Henkilötunnus: 131052-308T", "Diagnoosi: diabetes"],
        ("national_id", "health"),
        {"size": 30, "font_index": 0},
    ),
    (
        "fi bad check character",  # still a named person's medical certificate: health, never national_id
        ["Lääkärintodistus: Matti Virtanen", "Henkilötunnus: 131052-308U", "Diagnoosi: diabetes"],
        ("health",),
        {"size": 26, "font_index": 0},
    ),
    (
        "nb clean minutes",
        ["Møtereferat", "Budsjettet for 2027 ble vedtatt.", "Neste møte er 12. mars."],
        (),
        {"size": 26, "font_index": 1, "noise": 0.01},
    ),
]


def verdicts(reader, lines: list[str], image: bytes, filename: str) -> tuple[Verdict, Verdict]:
    """The verdict for the lines as body text, and for the same lines as an image attachment under a neutral body."""
    classifier = Classifier(detect.load_rules(), limits=Limits(), ocr=reader)
    as_text = classifier.classify(to_bytes(message("\n".join(lines) + "\n")))
    subtype = filename.rsplit(".", 1)[-1].replace("jpg", "jpeg").replace("tif", "tiff")
    as_image = classifier.classify(to_bytes(attach(message("Vedlegg.\n"), image, filename, "image", subtype)))
    return as_text, as_image


def assert_alike(as_text: Verdict, as_image: Verdict, expected: tuple[str, ...]) -> None:
    assert as_text.categories == expected  # the text itself is classified as the case says
    assert (as_image.sensitive, as_image.categories) == (as_text.sensitive, as_text.categories)
    assert "image not read" not in as_image.incomplete_reasons
    if "national_id" not in expected:
        assert "national_id" not in as_image.categories


@pytest.mark.parametrize(("lines", "expected", "options"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_image_is_classified_like_its_text(reader, lines, expected, options):
    fmt = options.get("fmt", "PNG")
    image = render(lines, **options)
    as_text, as_image = verdicts(reader, lines, image, "skann." + {"JPEG": "jpg", "TIFF": "tif"}.get(fmt, "png"))
    assert_alike(as_text, as_image, expected)
    if expected:
        assert all(f.where.endswith(OCR_SUFFIX) for f in as_image.findings)


def test_inline_image_in_html_mail_is_read_and_classified(reader):
    # Given an HTML mail whose only content is a photographed Danish note shown inline (multipart/related, cid:)
    lines = ["Lægeerklæring for Jens Hansen", "CPR-nr. 110563-0685", "Diagnose: depression"]
    msg = message("Se billedet.\n", html='<p>Se billedet.</p><img src="cid:note@example.dk">')
    html_part = msg.get_payload()[1]
    html_part.add_related(render(lines, size=28, font_index=1), "image", "png", cid="<note@example.dk>")
    mime = to_bytes(msg)
    assert b"multipart/related" in mime
    # When it is classified with and without a reader
    classifier = Classifier(detect.load_rules(), limits=Limits(), ocr=reader)
    with_ocr = classifier.classify(mime)
    without = Classifier(detect.load_rules(), limits=Limits()).classify(mime)
    # Then the inline image reached the reader and is classified like the note's text
    as_text = classifier.classify(to_bytes(message("\n".join(lines) + "\n")))
    assert (with_ocr.sensitive, with_ocr.categories) == (True, as_text.categories) == (True, ("national_id", "health"))
    assert all(f.where.endswith(OCR_SUFFIX) for f in with_ocr.findings)
    assert "image not read" not in with_ocr.incomplete_reasons
    assert not without.sensitive
    assert "image not read" in without.incomplete_reasons


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["Läkarintyg för Anna Svensson", "Personnummer: 811218-9876", "Anna har diabetes och är sjukskriven."],
            ("national_id", "health"),
        ),
        (["Lääkärintodistus", "Henkilötunnus: 131052-308T", "Diagnoosi: diabetes"], ("national_id", "health")),
    ],
    ids=["sv", "fi"],
)
def test_scanned_pdf_without_text_layer_is_classified_like_its_text(reader, lines, expected):
    pdf = scanned_pdf(render(lines, size=28, font_index=2))
    classifier = Classifier(detect.load_rules(), limits=Limits(), ocr=reader)
    as_text = classifier.classify(to_bytes(message("\n".join(lines) + "\n")))
    as_pdf = classifier.classify(to_bytes(attach(message("Bifogat.\n"), pdf, "intyg.pdf", "application", "pdf")))
    assert_alike(as_text, as_pdf, expected)
    assert {f.where for f in as_pdf.findings} == {"attachment:intyg.pdf" + OCR_SUFFIX}


def make_xlsx_with_image(png: bytes) -> bytes:
    import openpyxl
    from openpyxl.drawing.image import Image as SheetImage

    book = openpyxl.Workbook()
    book.active.append(["Vedlagt skanning"])
    book.active.add_image(SheetImage(io.BytesIO(png)), "B3")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def make_odt_with_image(png: bytes) -> bytes:
    """A minimal OpenDocument text: one paragraph and one picture, as LibreOffice stores it."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
        ' xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:text>'
        '<text:p>Bifogad skanning<draw:frame><draw:image xlink:href="Pictures/scan.png"/></draw:frame></text:p>'
        "</office:text></office:body></office:document-content>"
    )
    return make_zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": content.encode(),
            "Pictures/scan.png": png,
        }
    )


@pytest.mark.parametrize(
    ("build", "filename", "lines"),
    [
        (
            make_xlsx_with_image,
            "liste.xlsx",
            ["Lægeerklæring for Jens Hansen", "CPR-nr. 110563-0685", "Diagnose: depression"],
        ),
        (
            make_odt_with_image,
            "intyg.odt",
            ["Läkarintyg för Anna Svensson", "Personnummer: 811218-9876", "Anna har diabetes och är sjukskriven."],
        ),
    ],
    ids=["da-xlsx", "sv-odt"],
)
def test_images_inside_office_documents_are_classified_like_their_text(reader, build, filename, lines):
    document = build(render(lines, size=28, font_index=1))
    classifier = Classifier(detect.load_rules(), limits=Limits(), ocr=reader)
    as_text = classifier.classify(to_bytes(message("\n".join(lines) + "\n")))
    as_document = classifier.classify(to_bytes(attach(message("Vedlegg.\n"), document, filename)))
    assert_alike(as_text, as_document, ("national_id", "health"))
    assert all(
        f.where.startswith(f"attachment:{filename}/") and f.where.endswith(OCR_SUFFIX) for f in as_document.findings
    )


# Tesseract prefers the first configured language's letters: with Norwegian first it read Swedish and Finnish "ä" as
# "å" ("Låkarintyg", "hjårtsvikt", so the Swedish keywords went unseen), and with Swedish first it reads Norwegian
# "æ"/"ø" as "ae"/"o". The reader re-reads Swedish- and Finnish-looking images with those languages first.
LETTER_CASES = [
    ("sv", ["Läkarintyg för Anna Svensson", "Hon är sjukskriven på grund av ångest.", "Behandlande läkare: Per Ström"]),
    ("sv", ["Jag har fått diagnosen hjärtsvikt och måste vila.", "Min läkare säger att jag behöver två veckor."]),
    ("fi", ["Lääkärintodistus: sairausloma", "Potilas on sairaalassa, diagnoosi määrätään."]),
    ("nb", ["Legeerklæring for Kari Nordmann", "Hun er sykmeldt på grunn av søvnvansker.", "Behandlende lege: Pål"]),
    ("nn", ["Eg er sjukmeld på grunn av ryggsmerter.", "Kjære Åse, takk for hjelpa i går."]),
    ("da", ["Lægeerklæring: Søren er sygemeldt", "Han får medicin mod angst og går til læge."]),
]


@pytest.mark.parametrize("font_index", [0, 1])
@pytest.mark.parametrize(("language", "lines"), LETTER_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(LETTER_CASES)])
def test_nordic_letters_are_read_as_written_whatever_the_language(reader, language, lines, font_index):
    assert reader.languages.startswith("nor+")  # the default order, which favours "å" over "ä"
    outcome = reader.read([("attachment:note.png", render(lines, size=26, font_index=font_index))])
    assert [t.text.split() for t in outcome.texts] == [" ".join(lines).split()]


def test_swedish_sick_note_in_an_image_is_health_like_its_text(reader):
    lines = ["Jag har fått diagnosen hjärtsvikt och måste vila.", "Min läkare säger att jag behöver två veckor."]
    as_text, as_image = verdicts(reader, lines, render(lines, size=26, font_index=1), "intyg.png")
    assert_alike(as_text, as_image, ("health",))


def test_language_order_for_a_second_reading():
    from hygiene.adapters.ocr.tesseract import _looks_swedish_or_finnish, _swedish_finnish_first

    assert _swedish_finnish_first("nor+swe+dan+fin+eng") == "swe+fin+nor+dan+eng"
    assert _swedish_finnish_first("nor+dan+eng") is None  # nothing to move
    assert _swedish_finnish_first("swe+nor") is None  # already first
    assert _looks_swedish_or_finnish("Hon år sjukskriven och jag har fått ett låkarintyg för veckan.")
    assert _looks_swedish_or_finnish("Potilas on sairaalassa ja hän on sairauslomalla, kiitos.")
    assert not _looks_swedish_or_finnish("Hun er sykmeldt og jeg har fått en legeerklæring for uken.")
    assert not _looks_swedish_or_finnish("Han er sygemeldt, og jeg har fået en lægeerklæring for ugen.")
