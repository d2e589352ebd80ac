"""A corpus of hostile e-mails, built on demand: each case is a name, a builder and what extraction must say about it.

Every builder takes ``big``: False gives a CI-sized message (milliseconds to build, at most a few MB), True the full
attack the issue names (50 MB attachments, a million PDF objects, 4 GiB zip bombs) for ``bench/hostile.py``. Nothing
is stored on disk; the big cases are generated lazily, when their builder is called.

``expect`` is a set of incomplete-reason prefixes of which at least one must appear (``limit:``, ``parse_error`` ...),
or ``None`` when any outcome shape is fine as long as nothing escapes; ``reads_id`` says that the ID number hidden
in the message must still be found in the extracted text (the attack must not hide readable content).

Example::

    for case in CASES:
        raw = case.build(big=False)
        extraction = extract(raw, CI_LIMITS)
"""

from __future__ import annotations

import base64
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from hygiene.domain.extract import Limits

# A valid fødselsnummer, so that cases where some text survives can also be classified as sensitive.
FNR = "19061989121"

# The limits used for the CI-sized cases: small enough that size limits are reached by small inputs.
CI_LIMITS = Limits(
    max_message_bytes=4 * 1024 * 1024,
    max_extracted_chars=2_000_000,
    max_depth=8,
    max_pdf_pages=50,
    time_budget_s=20.0,
)

HEAD = b"From: Kari <kari@example.no>\r\nTo: post@example.no\r\nSubject: hei\r\nMessage-ID: <h@example.no>\r\n"


@dataclass(frozen=True)
class Case:
    """One hostile message: ``build(big=...)`` returns its bytes; ``expect`` the reason prefixes (one must occur)."""

    name: str
    build: Callable[..., bytes]
    expect: tuple[str, ...] | None = None
    reads_id: bool = False  # the ID number in the message must come out in the extracted text


def _mime(headers: bytes, body: bytes) -> bytes:
    return HEAD + b"MIME-Version: 1.0\r\n" + headers + b"\r\n" + body


def _multipart(parts: list[bytes], boundary: bytes = b"b1", subtype: bytes = b"mixed") -> bytes:
    body = b"".join(b"--" + boundary + b"\r\n" + part + b"\r\n" for part in parts) + b"--" + boundary + b"--\r\n"
    return _mime(b"Content-Type: multipart/" + subtype + b'; boundary="' + boundary + b'"\r\n', body)


def _attachment(name: str, data: bytes, ctype: bytes = b"application/octet-stream") -> bytes:
    encoded = base64.encodebytes(data)
    return (
        b"Content-Type: " + ctype + b'; name="' + name.encode() + b'"\r\n'
        b'Content-Disposition: attachment; filename="' + name.encode() + b'"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n" + encoded
    )


def _text_part(text: bytes, headers: bytes = b"Content-Type: text/plain; charset=utf-8\r\n") -> bytes:
    return headers + b"\r\n" + text


def _zip(members: list[tuple[str, bytes]], level: int = 9) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return out.getvalue()


def _zip_of_zeros(name: str, size: int) -> bytes:
    """A zip with one member of ``size`` zero bytes, written in chunks (never ``size`` bytes in memory)."""
    out = io.BytesIO()
    chunk = bytes(1 << 20)
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open(info, "w", force_zip64=size > 0x7FFFFFFF) as handle,
    ):
        left = size
        while left > 0:
            handle.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
    return out.getvalue()


# --- MIME structure ---------------------------------------------------------------------------------------------


def truncated_mime(big: bool = False) -> bytes:
    """A multipart message with a base64 attachment cut off in the middle of a base64 line."""
    whole = _multipart([_text_part(f"fnr {FNR}".encode()), _attachment("a.txt", b"x" * (300_000 if big else 3000))])
    return whole[: len(whole) * 2 // 3 + 7]


def truncated_headers(big: bool = False) -> bytes:
    """Cut inside the header block: no blank line, no body."""
    return HEAD + b"Content-Type: multipart/mixed; bound"


def missing_boundary_param(big: bool = False) -> bytes:
    """multipart/mixed without a boundary parameter."""
    return _mime(b"Content-Type: multipart/mixed\r\n", b"--x\r\nContent-Type: text/plain\r\n\r\nhei\r\n--x--\r\n")


def boundary_never_used(big: bool = False) -> bytes:
    """A declared boundary that never appears in the body."""
    return _mime(b'Content-Type: multipart/mixed; boundary="zz"\r\n', b"--yy\r\n\r\nhei " + FNR.encode() + b"\r\n")


def unclosed_boundary(big: bool = False) -> bytes:
    """Parts but no close delimiter."""
    body = (
        b"--b1\r\nContent-Type: text/plain\r\n\r\nhei "
        + FNR.encode()
        + b"\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p"
    )
    return _mime(b'Content-Type: multipart/mixed; boundary="b1"\r\n', body)


def empty_boundary(big: bool = False) -> bytes:
    """boundary="" (every ``--`` line is a delimiter)."""
    return _mime(b'Content-Type: multipart/mixed; boundary=""\r\n', b"--\r\n\r\nhei\r\n----\r\n")


def nested_multipart(big: bool = False) -> bytes:
    """Multiparts nested 100 levels (1000 when big), the innermost holding text."""
    levels = 1000 if big else 100
    body = _text_part(f"fnr {FNR}".encode())
    for level in range(levels):
        boundary = f"n{level}".encode()
        body = (
            b'Content-Type: multipart/mixed; boundary="'
            + boundary
            + b'"\r\n\r\n--'
            + boundary
            + b"\r\n"
            + body
            + b"\r\n--"
            + boundary
            + b"--\r\n"
        )
    return HEAD + b"MIME-Version: 1.0\r\n" + body


def nested_rfc822(big: bool = False) -> bytes:
    """Forwarded messages nested 100 levels (message/rfc822 in message/rfc822 ...)."""
    levels = 1000 if big else 100
    inner = HEAD + b"Content-Type: text/plain\r\n\r\nfnr " + FNR.encode() + b"\r\n"
    for _ in range(levels):
        inner = HEAD + b"MIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n" + inner
    return inner


def base64_rfc822(big: bool = False) -> bytes:
    """A forwarded message sent as base64-encoded message/rfc822 (against RFC 2046, but some clients do it)."""
    inner = (
        HEAD
        + b"Content-Type: text/plain\r\n\r\nfnr "
        + FNR.encode()
        + b"\r\n"
        + b"lorem ipsum\r\n" * (100_000 if big else 10)
    )
    return _multipart([_text_part(b"fwd"), _attachment("fwd.eml", inner, b"message/rfc822")])


def nested_base64_rfc822(big: bool = False) -> bytes:
    """Forwarded .eml attachments, each base64-encoded inside the next (12 levels; 25 big)."""
    inner = HEAD + b"Content-Type: text/plain\r\n\r\nfnr " + FNR.encode() + b"\r\n"
    for _ in range(25 if big else 12):
        inner = _multipart([_text_part(b"fwd"), _attachment("fwd.eml", inner, b"message/rfc822")])
    return inner


def many_parts(big: bool = False) -> bytes:
    """A multipart with 20,000 (200,000 big) tiny parts."""
    count = 200_000 if big else 20_000
    return _multipart([b"Content-Type: text/plain\r\n\r\nx"] * count)


def huge_header_count(big: bool = False) -> bytes:
    """100,000 (1,000,000 big) header lines before the body."""
    count = 1_000_000 if big else 100_000
    return HEAD + b"X-Junk: a\r\n" * count + b"\r\nhei " + FNR.encode() + b"\r\n"


def long_header_line(big: bool = False) -> bytes:
    """A 1 MB (10 MB big) unfolded Subject line."""
    return HEAD.replace(b"Subject: hei", b"Subject: " + b"a" * ((10 if big else 1) << 20)) + b"\r\nhei\r\n"


def many_folded_header(big: bool = False) -> bytes:
    """One header folded over 100,000 continuation lines."""
    return HEAD + b"X-Fold: a" + b"\r\n b" * (1_000_000 if big else 100_000) + b"\r\n\r\nhei\r\n"


def header_nul_and_controls(big: bool = False) -> bytes:
    """NUL bytes and control characters in header names, values and the boundary."""
    return (
        b"From: ka\x00ri@exa\x00mple.no\r\nSubject: h\x00e\x01i\r\nX-\x00Bad\x00: \x00\r\n"
        b'Content-Type: multipart/mixed; boundary="a\x00b"\r\n\r\n'
        b"--a\x00b\r\nContent-Type: text/plain\r\n\r\nfnr " + FNR.encode() + b"\x00\x00\r\n--a\x00b--\r\n"
    )


def nul_body(big: bool = False) -> bytes:
    """A text body of NUL bytes (1 MB; 20 MB big) with a number in the middle."""
    size = (20 if big else 1) << 20
    return _mime(b"Content-Type: text/plain\r\n", b"\x00" * (size // 2) + FNR.encode() + b"\x00" * (size // 2))


def single_line_body(big: bool = False) -> bytes:
    """A 1 MB (30 MB big) text body on one line."""
    size = (30 if big else 1) << 20
    return _mime(b"Content-Type: text/plain\r\n", b"fnr " + FNR.encode() + b" " + b"ab1 " * (size // 4))


def single_line_html(big: bool = False) -> bytes:
    """A 1 MB (30 MB big) HTML body on one line, tags and entities throughout."""
    size = (30 if big else 1) << 20
    return _mime(b"Content-Type: text/html\r\n", b"<td>1&amp;</td>" * (size // 15))


# --- encodings and charsets -------------------------------------------------------------------------------------


def bad_base64(big: bool = False) -> bytes:
    """Base64 bodies with invalid characters, wrong padding and a stray '=' in the middle."""
    garbage = b"SGVpIGhlaQ=\r\n!!!$$$***\r\nS=GV=p\r\n====\r\n" + b"QUJD" * (250_000 if big else 2500) + b"A\r\n"
    return _multipart(
        [
            b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n" + garbage,
            b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + garbage,
        ]
    )


def bad_quoted_printable(big: bool = False) -> bytes:
    """Quoted-printable with =ZZ, a trailing '=', soft breaks everywhere and 8-bit bytes."""
    body = b"hei =ZZ =4 =\r\n=\r\n\xff\xfe=C3=A6 " + FNR.encode() + b"=" + b"=\r\n" * (100_000 if big else 1000) + b"="
    return _mime(b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n", body)


def unknown_transfer_encoding(big: bool = False) -> bytes:
    """Content-Transfer-Encoding values that do not exist, plus uuencode."""
    return _multipart(
        [
            b"Content-Type: text/plain\r\nContent-Transfer-Encoding: x-rot13\r\n\r\nhei " + FNR.encode(),
            b"Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 a\r\n!!!\r\nend\r\n",
        ]
    )


_CHARSETS = (
    b"x-unknown-charset",
    b"utf-7",
    b"utf-16",
    b"utf-32",
    b"idna",
    b"punycode",
    b"rot13",
    b"base64",
    b"zlib",
    b"uu",
    b"hex",
    b"bz2",
    b"mbcs",
    b"undefined",
    b"unicode-escape",
    b"raw-unicode-escape",
    b"\xff\xfe",
    b'"utf-8',
    b"utf-8'en'",
    b"",
    b"iso-2022-jp",
    b"cp037",
)


def invalid_charsets(big: bool = False) -> bytes:
    """A part per odd charset (unknown names, codecs that are not text codecs, unicode-escape), odd bytes in each."""
    payload = b"hei fnr " + FNR.encode() + b" \\N{x} \\u12 \xc3\x28 \xff\xfe\x00+AGEA- xn--"
    parts = [_text_part(payload, b'Content-Type: text/plain; charset="' + cs + b'"\r\n') for cs in _CHARSETS]
    parts += [_text_part(payload, b"Content-Type: text/html; charset=" + cs + b"\r\n") for cs in _CHARSETS]
    return _multipart(parts)


def rfc2047_garbage(big: bool = False) -> bytes:
    """Encoded words with bad base64, unknown and non-text charsets, nesting, and 10,000 of them in one header."""
    words = [
        b"=?utf-8?B?!!!?=",
        b"=?utf-8?Q?=ZZ=?=",
        b"=?x-unknown?Q?hei?=",
        b"=?unicode-escape?Q?\\N{x}?=",
        b"=?zlib?B?eJw=?=",
        b"=?utf-8*en?B?aGVp?=",
        b"=?=?utf-8?Q?x?=?=",
        b"=?utf-8?X?x?=",
        b"=??B?aGVp?=",
        b"=?utf-16?B?/w==?=",
    ]
    many = b" ".join(words) * (10_000 if big else 1000)
    return (
        b"From: =?utf-8?B?!!!?= <=?zlib?B?x?=@example.no>\r\nTo: =?utf-8?Q?a?=\r\nSubject: "
        + many
        + b"\r\nContent-Type: text/plain; name==?utf-8?B?!!!?=\r\n"
        + b"Content-Disposition: attachment; filename*=utf-8''%ZZ%; filename*0*=x'y'%FF; filename*1=a\r\n\r\nhei\r\n"
    )


def rfc2231_continuations(big: bool = False) -> bytes:
    """A Content-Type with 5,000 (50,000 big) RFC 2231 continuation parameters."""
    count = 50_000 if big else 5000
    params = b"".join(b"; name*%d*=utf-8''%%41" % i for i in range(count))
    return _mime(b"Content-Type: text/plain" + params + b"\r\n", b"hei " + FNR.encode())


def address_comments(big: bool = False) -> bytes:
    """A From header of 100,000 nested comment parentheses and quotes (parseaddr's worst case)."""
    count = 1_000_000 if big else 100_000
    return b"From: " + b"(" * count + b'"' * count + b"\r\nSubject: x\r\n\r\nhei\r\n"


# --- attachments: size, archives, documents ---------------------------------------------------------------------


def big_attachment(big: bool = False) -> bytes:
    """A 50 MB attachment (6 MB in CI, over the CI size limit): the message is cut at the size limit."""
    size = (50 if big else 6) << 20
    chunk = (b"lorem ipsum " * 100)[:1024]
    data = chunk * (size // 1024)
    return _multipart([_text_part(b"se vedlegg"), _attachment("big.txt", data, b"text/plain")])


def zip_bomb_single(big: bool = False) -> bytes:
    """One deflated member of 4 GiB (64 MiB in CI) zeros: ratio ~1000:1."""
    return _multipart(
        [
            _text_part(b"se vedlegg"),
            _attachment("bomb.zip", _zip_of_zeros("zeros.txt", (4 << 30) if big else (64 << 20))),
        ]
    )


def zip_bomb_nested(big: bool = False) -> bytes:
    """42.zip-style: 16 copies of a zip, nested 4 levels (5 big), over a bottom layer of deflated zeros."""
    layer = _zip_of_zeros("0.txt", (1 << 30) if big else (8 << 20))
    for level in range(5 if big else 4):
        layer = _zip([(f"{level}-{i}.zip", layer) for i in range(16)], level=9)
    return _multipart([_text_part(b"se vedlegg"), _attachment("42.zip", layer)])


def zip_bomb_lying_header(big: bool = False) -> bytes:
    """A member whose headers claim 10 bytes while its deflate stream inflates to 64 MiB (1 GiB big)."""
    data = bytearray(_zip_of_zeros("small.txt", (1 << 30) if big else (64 << 20)))
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # uncompressed size in local and central headers
        at = data.find(sig)
        data[at + offset : at + offset + 4] = struct.pack("<I", 10)
    return _multipart([_text_part(b"se vedlegg"), _attachment("lie.zip", bytes(data))])


def zip_overlapping(big: bool = False) -> bytes:
    """Fifield-style overlapping members: 2,000 central-directory entries all pointing at one 1 MiB kernel."""
    kernel = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = bytes(1 << 20)
    comp = kernel.compress(raw) + kernel.flush()
    crc = zlib.crc32(raw)
    name = b"k.txt"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(comp), len(raw), len(name), 0)
    body = local + name + comp
    count = 20_000 if big else 2000
    central = b"".join(
        struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(comp), len(raw), len(n), 0, 0, 0, 0, 0, 0
        )
        + n
        for n in (f"{i}.txt".encode() for i in range(count))
    )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, min(count, 0xFFFF), min(count, 0xFFFF), len(central), len(body), 0)
    return _multipart([_text_part(b"se vedlegg"), _attachment("overlap.zip", body + central + end)])


def zip_many_members(big: bool = False) -> bytes:
    """A zip with 10,000 (500,000 big) empty members."""
    count = 500_000 if big else 10_000
    return _multipart([_text_part(b"x"), _attachment("many.zip", _zip([(f"{i}", b"") for i in range(count)], level=1))])


def nested_archives(big: bool = False) -> bytes:
    """A zip in a zip ... 50 levels (200 big), text at the bottom."""
    data = _zip([("fnr.txt", f"fnr {FNR}".encode())])
    for level in range(200 if big else 50):
        data = _zip([(f"l{level}.zip", data)])
    return _multipart([_text_part(b"se vedlegg"), _attachment("nested.zip", data)])


def corrupt_zip(big: bool = False) -> bytes:
    """A zip with a bad CRC, a truncated member, an unknown compression method and an encrypted flag."""
    data = bytearray(_zip([("a.txt", b"fnr " + FNR.encode() * 100), ("b.txt", b"b" * 1000)]))
    data[data.find(b"PK\x03\x04") + 14] ^= 0xFF  # CRC of the first member
    second = data.find(b"PK\x03\x04", 10)
    data[second + 8] = 99  # compression method 99 (AES)
    return _multipart([_text_part(b"se vedlegg"), _attachment("bad.zip", bytes(data[:-30]) + bytes(data[-30:]))])


def docx_billion_laughs(big: bool = False) -> bytes:
    """A .docx whose document.xml declares nested entities (billion laughs) and uses them."""
    dtd = '<!DOCTYPE w [<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)
    )
    xml = (
        f'<?xml version="1.0"?>{dtd}]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&j; {FNR}</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    docx = _zip([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", xml.encode())])
    return _multipart([_text_part(b"se vedlegg"), _attachment("laughs.docx", docx)])


def docx_huge_xml(big: bool = False) -> bytes:
    """A .docx whose document.xml is 20 MiB (200 MiB big) of nested runs: a bomb of real-looking markup."""
    unit = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    size = (200 if big else 20) << 20
    xml = b"<w:document><w:body>" + unit * (size // len(unit)) + b"</w:body></w:document>"
    docx = _zip([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", xml)])
    return _multipart([_text_part(b"se vedlegg"), _attachment("huge.docx", docx)])


def xlsx_bad_shared(big: bool = False) -> bytes:
    """An .xlsx whose cells point at shared strings that do not exist, with huge and negative indices."""
    sheet = b'<worksheet><sheetData><row><c t="s"><v>99999999999999999999</v></c><c t="s"><v>-1</v></c>'
    sheet += b'<c t="n"><v>1e308</v></c><c t="n"><v>1.9061989121E10</v></c><c t="n"><v>nan</v></c></row>'
    sheet += b"</sheetData></worksheet>"
    xlsx = _zip([("xl/workbook.xml", b"<workbook/>"), ("xl/worksheets/sheet1.xml", sheet)])
    return _multipart([_text_part(b"se vedlegg"), _attachment("bad.xlsx", xlsx)])


def pdf_many_objects(big: bool = False) -> bytes:
    """A valid PDF with a million objects (20,000 in CI): one page, a content stream, and a long xref table."""
    count = 1_000_000 if big else 20_000
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = [0] * (count + 1)
    content = b"BT /F1 12 Tf 72 712 Td (fnr " + FNR.encode() + b") Tj ET"
    fixed = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for number in range(1, count + 1):
        offsets[number] = out.tell()
        out.write(
            b"%d 0 obj\n" % number
            + fixed.get(number, b"[%d 0 R]" % (number - 1 if number > 6 else number))
            + b"\nendobj\n"
        )
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (count + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, count + 1)))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count + 1, xref))
    if big:  # 40 MB of PDF: zipped, so that the message stays under the 50 MB limit and the PDF is read
        return _multipart(
            [_text_part(b"se vedlegg"), _attachment("objects.zip", _zip([("objects.pdf", out.getvalue())]))]
        )
    return _multipart([_text_part(b"se vedlegg"), _attachment("objects.pdf", out.getvalue(), b"application/pdf")])


def pdf_document(pages: int, *, inherit_resources: bool = False, text: bytes = b"side") -> bytes:
    """A valid PDF of ``pages`` pages sharing one content stream that shows ``text``; with ``inherit_resources``
    the font is declared on the page tree's root and inherited by every page (PDF 7.7.3.4)."""
    content = b"BT /F1 12 Tf 72 712 Td (" + text + b") Tj ET"
    resources = b"/Resources << /Font << /F1 4 0 R >> >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets: list[int] = []

    def obj(body: bytes) -> None:
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % len(offsets) + body + b"\nendobj\n")

    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    obj(b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d " % pages + (resources if inherit_resources else b"") + b">>")
    obj(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
    page += (b"" if inherit_resources else resources) + b">>"
    for _ in range(pages):
        obj(page)
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref))
    return out.getvalue()


def pdf_many_pages(big: bool = False) -> bytes:
    """A PDF whose page tree holds 5,000 (99,999 big: pypdf refuses longer arrays) pages sharing one content stream."""
    pdf = pdf_document(99_999 if big else 5000)
    return _multipart([_text_part(b"se vedlegg"), _attachment("pages.pdf", pdf, b"application/pdf")])


def pdf_cyclic(big: bool = False) -> bytes:
    """A PDF whose page tree points at itself, with a self-referencing /Length and garbage xref."""
    pdf = (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [2 0 R 1 0 R] /Count 1000000000 >>\nendobj\n"
        b"3 0 obj\n<< /Length 3 0 R >>\nstream\nBT ET\nendstream\nendobj\n"
        b"xref\n0 4\n0000000000 65535 f \nxxxxxxxxxx 00000 n \n"
        b"trailer\n<< /Size 4 /Root 1 0 R /Prev 9 >>\nstartxref\n9\n%%EOF\n"
    )
    return _multipart([_text_part(b"se vedlegg"), _attachment("cycle.pdf", pdf, b"application/pdf")])


def pdf_deep_arrays(big: bool = False) -> bytes:
    """A PDF object of 100,000 nested arrays (recursion in the object parser)."""
    depth = 1_000_000 if big else 100_000
    pdf = (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + b"[" * depth + b"]" * depth + b" >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    return _multipart([_text_part(b"se vedlegg"), _attachment("deep.pdf", pdf, b"application/pdf")])


def html_entities(big: bool = False) -> bytes:
    """HTML of a million (ten million big) entities: named, numeric, out of range and unterminated."""
    unit = b"&amp;&lt;&#x10FFFF;&#99999999999;&#0;&#xD800;&nbsp&bogus;&"
    return _mime(b"Content-Type: text/html; charset=utf-8\r\n", unit * ((1_000_000 if big else 100_000) // 9))


def html_nested_tags(big: bool = False) -> bytes:
    """HTML nested 100,000 (1,000,000 big) tags deep, never closed, around a number."""
    depth = 1_000_000 if big else 100_000
    return _mime(b"Content-Type: text/html\r\n", b"<div><span>" * depth + FNR.encode() + b"</b>" * depth)


def html_many_comments(big: bool = False) -> bytes:
    """HTML of 50,000 (500,000 big) empty comments and then a script: each comment must not rescan the rest."""
    count = 500_000 if big else 50_000
    return _mime(b"Content-Type: text/html\r\n", b"<!---->" * count + b"<p>" + FNR.encode() + b"<script>x</script>")


def html_many_hidden(big: bool = False) -> bytes:
    """HTML of 50,000 (500,000 big) empty <style> elements followed by a comment."""
    count = 500_000 if big else 50_000
    return _mime(b"Content-Type: text/html\r\n", b"<style></style>" * count + b"<p>" + FNR.encode() + b"<!-- x -->")


def rtf_deep(big: bool = False) -> bytes:
    """An RTF attachment of 100,000 (1,000,000 big) unclosed groups and long control words."""
    depth = 1_000_000 if big else 100_000
    rtf = b"{\\rtf1" + b"{\\b" * depth + b"\\u-99999999999 \\'zz" + b"\\" + b"a" * 5000 + FNR.encode()
    return _multipart([_text_part(b"se vedlegg"), _attachment("deep.rtf", rtf, b"application/rtf")])


def smime_garbage(big: bool = False) -> bytes:
    """application/pkcs7-mime parts of garbage DER: deep indefinite lengths, huge lengths, signed-data with junk."""
    deep = b"\x30\x80" * 10_000
    huge_len = b"\x30\x86\xff\xff\xff\xff\xff\xff"
    signed = bytes.fromhex("3080060" + "92a864886f70d010702") + b"\xa0\x80" + b"\x30\x80" * 30
    parts = [
        _attachment("smime.p7m", data, b"application/pkcs7-mime; smime-type=signed-data")
        for data in (deep, huge_len, signed, b"-----BEGIN PKCS7-----\n!!!\n-----END PKCS7-----\n", b"")
    ]
    return _multipart([_text_part(b"hei " + FNR.encode()), *parts])


def image_headers(big: bool = False) -> bytes:
    """Image attachments whose headers claim 100,000 x 100,000 pixels (a decompression bomb for an OCR reader)."""
    png = (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sIIBBBBB", 13, b"IHDR", 100_000, 100_000, 8, 2, 0, 0, 0) + b"\x00" * 300
    )
    return _multipart([_text_part(b"bilde"), _attachment("bomb.png", png, b"image/png")])


def random_bytes(big: bool = False) -> bytes:
    """Random bytes with no structure at all (deterministic seed)."""
    import random

    return random.Random(8).randbytes((10 if big else 1) << 20)


CASES: tuple[Case, ...] = (
    Case("truncated_mime", truncated_mime, reads_id=True),
    Case("truncated_headers", truncated_headers),
    Case("missing_boundary_param", missing_boundary_param, ("parse_error",)),
    Case("boundary_never_used", boundary_never_used, ("parse_error",), reads_id=True),
    Case("unclosed_boundary", unclosed_boundary, reads_id=True),
    Case("empty_boundary", empty_boundary),
    Case("nested_multipart", nested_multipart, ("limit:depth",), reads_id=True),
    Case("nested_rfc822", nested_rfc822, ("limit:depth",)),
    Case("base64_rfc822", base64_rfc822, reads_id=True),
    Case("nested_base64_rfc822", nested_base64_rfc822, ("limit:depth",)),
    Case("many_parts", many_parts, ("limit:parts",)),
    Case("huge_header_count", huge_header_count, reads_id=True),
    Case("long_header_line", long_header_line),
    Case("many_folded_header", many_folded_header),
    Case("header_nul_and_controls", header_nul_and_controls, reads_id=True),
    Case("nul_body", nul_body, reads_id=True),
    Case("single_line_body", single_line_body, reads_id=True),
    Case("single_line_html", single_line_html),
    Case("bad_base64", bad_base64),
    Case("bad_quoted_printable", bad_quoted_printable, reads_id=True),
    Case("unknown_transfer_encoding", unknown_transfer_encoding, reads_id=True),
    Case("invalid_charsets", invalid_charsets, reads_id=True),
    Case("rfc2047_garbage", rfc2047_garbage),
    Case("rfc2231_continuations", rfc2231_continuations, reads_id=True),
    Case("address_comments", address_comments),
    Case("big_attachment", big_attachment, ("limit:size",)),
    Case("zip_bomb_single", zip_bomb_single, ("limit:zip_ratio", "limit:zip_size")),
    Case("zip_bomb_nested", zip_bomb_nested, ("limit:zip_ratio", "limit:zip_size", "limit:depth")),
    Case("zip_bomb_lying_header", zip_bomb_lying_header, ("limit:zip_size", "parse_error")),
    Case("zip_overlapping", zip_overlapping, ("limit:zip_size", "limit:zip_ratio", "parse_error")),
    Case("zip_many_members", zip_many_members, ("limit:zip_entries",)),
    Case("nested_archives", nested_archives, ("limit:depth",)),
    Case("corrupt_zip", corrupt_zip, reads_id=True),
    Case("docx_billion_laughs", docx_billion_laughs, reads_id=True),
    Case("docx_huge_xml", docx_huge_xml, ("limit:zip_ratio", "limit:zip_size", "limit:chars")),
    Case("xlsx_bad_shared", xlsx_bad_shared, reads_id=True),
    Case("pdf_many_objects", pdf_many_objects, reads_id=True),
    Case("pdf_many_pages", pdf_many_pages, ("limit:pdf_pages", "limit:time")),
    Case("pdf_cyclic", pdf_cyclic),
    Case("pdf_deep_arrays", pdf_deep_arrays),
    Case("html_entities", html_entities),
    Case("html_nested_tags", html_nested_tags, reads_id=True),
    Case("html_many_comments", html_many_comments, reads_id=True),
    Case("html_many_hidden", html_many_hidden, reads_id=True),
    Case("rtf_deep", rtf_deep, reads_id=True),
    Case("smime_garbage", smime_garbage, reads_id=True),
    Case("image_headers", image_headers, ("image not read",)),
    Case("random_bytes", random_bytes),
)

BY_NAME = {case.name: case for case in CASES}
