"""Readers for attachment formats: each takes bytes and returns text (plus images and reasons), never raises.

Office Open XML (DOCX, XLSX, PPTX) and OpenDocument files are read straight from their zip and XML with linear
scans instead of a full document model: it is fast, it reads tracked deletions and comments as well, and no XML
entity is ever expanded. PDF text comes from pypdf's text layer. RTF is read crudely (control words dropped).
"""

from __future__ import annotations

import contextlib
import html as _html
import io
import re
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
_IMAGE_EXT = frozenset({"png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "heic", "heif", "webp", "emf", "wmf"})
_TEXT_EXT = frozenset(
    {"txt", "csv", "tsv", "log", "md", "json", "xml", "ics", "vcf", "ini", "yaml", "yml", "sql", "tab", "text", "eml"}
)
_EXT_RE = re.compile(r"\.([A-Za-z0-9]{1,8})$")


def extension(name: str) -> str:
    """The lower-cased file extension of ``name`` (safe to log: at most 8 letters or digits), or ``""``."""
    match = _EXT_RE.search(name or "")
    return match.group(1).lower() if match else ""


def image_kind(data: bytes, name: str, content_type: str) -> str | None:
    """The image format of an attachment ("png", "jpeg" ...) or None when it is not an image."""
    for magic, kind in _IMAGE_MAGIC:
        if data.startswith(magic):
            return kind
    if data[:2] == b"BM" and len(data) > 26 and data[6:10] == b"\x00\x00\x00\x00":
        return "bmp"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypmsf1"):
        return "heic"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    ext = extension(name)
    if content_type.startswith("image/") or ext in _IMAGE_EXT:
        return ext or content_type.partition("/")[2][:8] or "image"
    return None


_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def looks_like_text(data: bytes) -> bool:
    """True when ``data`` reads as text: no NUL bytes and few control characters in its first 4 KiB."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls <= len(head) // 100


def decode_text(data: bytes, charset: str | None = None) -> str:
    """Bytes to text, trusting valid UTF-8 over a declared single-byte charset; never raises.

    Order: BOM; UTF-8 when the bytes are valid UTF-8; the declared charset; windows-1252; latin-1.
    NUL characters are dropped.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", "replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", "replace")
    else:
        text = None
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode("utf-8")
        cs = (charset or "").strip().strip('"').lower()
        if text is None and cs and cs not in ("utf-8", "utf8", "us-ascii", "ascii", "unknown-8bit", "x-unknown"):
            try:
                text = data.decode(cs)
            except (LookupError, UnicodeDecodeError, ValueError):
                text = None
        if text is None:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    return text.replace("\x00", "") if "\x00" in text else text


@dataclass(slots=True)
class Result:
    """What a reader got out of one file: texts ``(suffix, text)``, images ``(suffix, bytes)``, reasons, protection."""

    texts: list[tuple[str, str]] = field(default_factory=list)
    images: list[tuple[str, bytes]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    encrypted: bool = False


# --- XML based formats ------------------------------------------------------------------------------------------

_XML_TAG = re.compile(r"<[^<>]*>")
_DOCX_BREAK = re.compile(r"</w:p>|<w:br\b[^<>]*>|<w:cr\b[^<>]*>|</w:tr>")
_DOCX_TAB = re.compile(r"<w:tab\b[^<>]*/>|</w:tc>")
_DOCX_SKIP = re.compile(r"<w:instrText\b[^<>]*>[^<]*</w:instrText>")
_PPTX_BREAK = re.compile(r"</a:p>|<a:br\b[^<>]*>")
_ODF_BREAK = re.compile(r"</text:p>|</text:h>|<text:line-break\b[^<>]*>|</table:table-row>|</text:list-item>")
_ODF_TAB = re.compile(r"<text:tab\b[^<>]*>|</table:table-cell>")
_ODF_SPACE = re.compile(r'<text:s(?:\s+text:c="(\d{1,4})")?\s*/>')


def _xml_text(xml: str, breaks: re.Pattern[str], tabs: re.Pattern[str] | None = None) -> str:
    text = breaks.sub("\n", xml)
    if tabs is not None:
        text = tabs.sub("\t", text)
    text = _XML_TAG.sub("", text)
    return _html.unescape(text).strip()


def _docx_xml(xml: str) -> str:
    return _xml_text(_DOCX_SKIP.sub("", xml), _DOCX_BREAK, _DOCX_TAB)


def _odf_xml(xml: str) -> str:
    xml = _ODF_SPACE.sub(lambda m: " " * min(int(m.group(1) or 1), 8), xml)
    return _xml_text(xml, _ODF_BREAK, _ODF_TAB)


def _pptx_xml(xml: str) -> str:
    return _xml_text(xml, _PPTX_BREAK)


_XLSX_FORMULA = re.compile(r"<f\b[^<>]*>[^<]*</f>|<f\b[^<>]*/>")
_XLSX_T = re.compile(r'\bt="([a-zA-Z]+)"')
_XLSX_V = re.compile(r"<v>([^<]*)</v>")
_FLOAT = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def _xlsx_number(value: str) -> str:
    """Integral numbers as digits (a fødselsnummer stored as 1.9061989121E10 reads as 19061989121)."""
    if ("." in value or "e" in value or "E" in value) and _FLOAT.fullmatch(value):
        try:
            number = float(value)
        except ValueError:
            return value
        if number.is_integer() and abs(number) < 1e16:
            return str(int(number))
    return value


def _xlsx_shared(xml: str) -> list[str]:
    return [_html.unescape(_XML_TAG.sub("", chunk[chunk.find("<si") :])) for chunk in xml.split("</si>")[:-1]]


def _xlsx_sheet(xml: str, shared: list[str]) -> str:
    rows: list[str] = []
    for row in xml.split("</row>"):
        cells: list[str] = []
        for chunk in row.split("</c>"):
            start = max(chunk.rfind("<c "), chunk.rfind("<c>"))
            if start < 0:
                continue
            head_end = chunk.find(">", start)
            if head_end < 0:
                continue
            head = chunk[start:head_end]
            body = chunk[head_end + 1 :]
            if "<f" in body:
                body = _XLSX_FORMULA.sub("", body)
            kind_match = _XLSX_T.search(head) if "t=" in head else None
            kind = kind_match.group(1) if kind_match else "n"
            if kind == "inlineStr":
                cells.append(_html.unescape(_XML_TAG.sub("", body) if "<" in body else body))
                continue
            value_match = _XLSX_V.search(body)
            if kind == "s":
                if value_match and value_match.group(1).strip().isdigit():
                    index = int(value_match.group(1))
                    cells.append(shared[index] if index < len(shared) else "")
            elif value_match:
                value = _html.unescape(value_match.group(1))
                cells.append(_xlsx_number(value) if kind == "n" else value)
        if cells:
            rows.append("\t".join(cells))
    return "\n".join(rows)


def office_kind(names: set[str]) -> str | None:
    """ "docx", "xlsx", "pptx", "odf" or None (a plain zip archive) from the member names of a zip."""
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "content.xml" in names and "mimetype" in names:
        return "odf"
    return None


class ZipBudget:
    """Bounds for reading members of one zip: total bytes, compression ratio, member count."""

    MAX_MEMBERS = 2000
    MAX_RATIO = 200  # a member that inflates more than this (and past 1 MiB) is treated as a zip bomb
    RATIO_FLOOR = 1 << 20

    def __init__(self, max_total_bytes: int) -> None:
        self.remaining = max_total_bytes

    def read(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | str:
        """The member's bytes, or a reason token ("limit:zip_size", "limit:zip_ratio", "encrypted", ...)."""
        if info.flag_bits & 0x1:
            return "encrypted"
        if info.file_size > self.remaining:
            return "limit:zip_size"
        if info.file_size > self.RATIO_FLOOR and info.file_size > self.MAX_RATIO * max(info.compress_size, 1):
            return "limit:zip_ratio"
        try:
            with zf.open(info) as handle:
                data = handle.read(info.file_size + 1)  # never more than the header promised (+1 to catch a lie)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, ValueError, KeyError):
            return "parse_error"
        except Exception:  # zlib/bz2/lzma errors on corrupt members
            return "parse_error"
        if len(data) > info.file_size:
            return "limit:zip_size"
        self.remaining -= len(data)
        return data


def read_office(zf: zipfile.ZipFile, kind: str, budget: ZipBudget) -> Result:
    """Text, images and reasons from an opened OOXML or ODF zip."""
    result = Result()
    infos = zf.infolist()
    if len(infos) > ZipBudget.MAX_MEMBERS:
        result.reasons.append("limit:zip_entries")
        infos = infos[: ZipBudget.MAX_MEMBERS]
    by_name = {info.filename: info for info in infos}

    def member(name: str) -> str | None:
        info = by_name.get(name)
        if info is None:
            return None
        data = budget.read(zf, info)
        if isinstance(data, str):
            result.reasons.append(data if data != "encrypted" else "parse_error")
            return None
        return decode_text(data)

    if kind == "docx":
        order = [
            "word/document.xml",
            *sorted(
                n for n in by_name if re.fullmatch("word/(header\\d*|footer\\d*|footnotes|endnotes|comments)\\.xml", n)
            ),
        ]
        for name in order:
            xml = member(name)
            if xml:
                result.texts.append(("", _docx_xml(xml)))
        media = "word/media/"
    elif kind == "xlsx":
        shared_xml = member("xl/sharedStrings.xml")
        shared = _xlsx_shared(shared_xml) if shared_xml else []
        sheets = sorted(n for n in by_name if n.startswith("xl/worksheets/") and n.endswith(".xml"))
        for name in sheets:
            xml = member(name)
            if xml:
                result.texts.append(("", _xlsx_sheet(xml, shared)))
        media = "xl/media/"
    elif kind == "pptx":
        slides = sorted(
            (n for n in by_name if re.fullmatch(r"ppt/(slides/slide|notesSlides/notesSlide)\d+\.xml", n)),
            key=lambda n: (n.startswith("ppt/notes"), int(re.sub(r"\D", "", n.rsplit("/", 1)[1]) or 0)),
        )
        for name in slides:
            xml = member(name)
            if xml:
                result.texts.append(("", _pptx_xml(xml)))
        media = "ppt/media/"
    else:
        for name in ("content.xml", "styles.xml"):
            xml = member(name)
            if xml:
                result.texts.append(("", _odf_xml(xml)))
        media = "Pictures/"
    for name, info in by_name.items():
        if name.startswith(media) and not name.endswith("/"):
            data = budget.read(zf, info)
            if isinstance(data, bytes) and image_kind(data, name, "") is not None:
                result.images.append(("/" + name.rsplit("/", 1)[-1], data))
    return result


def cfb_is_encrypted(data: bytes) -> bool:
    """A CFB (OLE2) container holding an ``EncryptedPackage`` stream: a password-protected Office file."""
    return data.startswith(CFB_MAGIC) and _ENCRYPTED_PACKAGE in data


# --- PDF ----------------------------------------------------------------------------------------------------------


def read_pdf(data: bytes, *, max_pages: int, deadline: float, max_images: int = 20) -> Result:
    """The text layer of a PDF, page by page, bounded by pages and time.

    An encrypted PDF that opens with the empty user password (owner-password only) is read; otherwise the result is
    ``encrypted``. Pages without text but with images are reported as "image not read" and their images collected.
    """
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from hygiene.domain.extract import _pdf_speed

    _pdf_speed.install()
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    result = Result()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    result.encrypted = True
                    return result
            except Exception:
                result.encrypted = True
                return result
        pages = _pdf_pages(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
        result.reasons.append("parse_error")
        return result
    except Exception:
        result.reasons.append("parse_error")
        return result
    chunks: list[str] = []
    unread_images = False
    index = -1
    while True:
        index += 1
        if time.monotonic() > deadline:
            result.reasons.append("limit:time")
            break
        try:
            page = next(pages, None)
        except Exception:
            result.reasons.append("parse_error")
            break
        if page is None:
            break
        if index >= max_pages:
            result.reasons.append("limit:pdf_pages")
            break
        try:
            text = page.extract_text() or ""
        except Exception:
            result.reasons.append("parse_error")
            continue
        if text.strip():
            chunks.append(text)
            continue
        try:
            images = list(page.images)
        except Exception:
            images = []
        if images:
            unread_images = True
            for image in images:
                if len(result.images) >= max_images:
                    break
                try:
                    result.images.append(("", image.data))
                except Exception:  # noqa: S112 - an undecodable image stays unread; the reason is reported
                    continue
    if unread_images:
        result.reasons.append("image not read")
    text = "\n".join(chunks).replace("\x00", "")
    if text.strip():
        result.texts.append(("", text))
    return result


_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")  # page attributes a page inherits (PDF 7.7.3.4)
_MAX_PAGE_TREE_DEPTH = 64


def _pdf_pages(reader: object) -> Iterator[object]:
    """The pages of a PDF in order, found one at a time by walking the page tree.

    pypdf's ``reader.pages`` flattens the whole tree first, in time superlinear in the page count (100,000 pages:
    over ten minutes) and before any page or time limit can apply; here only the pages actually read are visited.
    Inherited attributes are copied down as pypdf does; cycles and trees deeper than 64 levels end the walk.
    """
    from pypdf import PageObject
    from pypdf.generic import DictionaryObject, IndirectObject, NameObject

    root = reader.trailer["/Root"].get_object()["/Pages"]  # type: ignore[attr-defined]
    stack: list[tuple[Iterator[object], dict[str, object]]] = [(iter([root]), {})]
    seen: set[tuple[int, int]] = set()
    while stack:
        kids, inherited = stack[-1]
        ref = next(kids, None)
        if ref is None:
            stack.pop()
            continue
        if isinstance(ref, IndirectObject):
            if (ref.idnum, ref.generation) in seen:
                continue  # a cycle, or a page listed twice
            seen.add((ref.idnum, ref.generation))
        node = ref.get_object()
        if not isinstance(node, DictionaryObject):
            continue
        if node.get("/Type") == "/Pages" or ("/Kids" in node and node.get("/Type") != "/Page"):
            if len(stack) >= _MAX_PAGE_TREE_DEPTH:
                return
            below = dict(inherited)
            below.update((name, node[name]) for name in _INHERITED if name in node)
            children = node.get("/Kids")
            children = children.get_object() if children is not None else []
            stack.append((iter(children if isinstance(children, list) else []), below))
            continue
        page = PageObject(reader, ref if isinstance(ref, IndirectObject) else None)  # type: ignore[arg-type]
        if not isinstance(ref, IndirectObject):
            page.update(node)
        for name, value in inherited.items():
            if name not in page:
                page[NameObject(name)] = value
        yield page


# --- RTF ----------------------------------------------------------------------------------------------------------

_RTF_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|([^\\{}\r\n]+)|[\r\n]+"
)
_RTF_SKIP = frozenset(
    {
        "fonttbl",
        "colortbl",
        "stylesheet",
        "info",
        "pict",
        "object",
        "themedata",
        "colorschememapping",
        "latentstyles",
        "datastore",
        "xmlnstbl",
        "listtable",
        "listoverridetable",
        "rsidtbl",
        "generator",
        "filetbl",
        "revtbl",
    }
)
_RTF_BREAK = frozenset({"par", "line", "row", "sect", "page"})


def read_rtf(data: bytes, *, deadline: float | None = None) -> str:
    """Crude RTF to text: control words dropped, \\'hh and \\uN decoded, metadata groups skipped.

    Reading stops at ``deadline`` (`time.monotonic` seconds; checked every few thousand tokens) with the text so
    far: a token costs microseconds in Python, and a 50 MB file is ten million of them.
    """
    source = data.decode("latin-1")
    out: list[str] = []
    stack: list[bool] = []
    skipping = False
    pending_star = False
    skip_after_unicode = 0
    for count, match in enumerate(_RTF_TOKEN.finditer(source)):
        if deadline is not None and not count % 4096 and count and time.monotonic() > deadline:
            break
        word, arg, hexbyte, symbol, brace, text = match.groups()
        if brace == "{":
            stack.append(skipping)
            pending_star = False
            continue
        if brace == "}":
            skipping = stack.pop() if stack else False
            continue
        if symbol == "*":
            pending_star = True
            continue
        if word is not None:
            if pending_star or word in _RTF_SKIP:
                skipping = True
            pending_star = False
            if skipping:
                continue
            if word in _RTF_BREAK:
                out.append("\n")
            elif word in ("tab", "cell"):
                out.append("\t")
            elif word == "u" and arg:
                code = int(arg)
                out.append(chr(code + 65536 if code < 0 else code) if -32768 <= code < 0x110000 else "")
                skip_after_unicode = 1
            continue
        if skipping:
            continue
        if hexbyte is not None:
            if skip_after_unicode:
                skip_after_unicode -= 1
                continue
            out.append(bytes([int(hexbyte, 16)]).decode("cp1252", "replace"))
            continue
        if symbol is not None:
            if symbol in "\\{}":
                out.append(symbol)
            elif symbol == "~":
                out.append(" ")
            continue
        if text is not None:
            if skip_after_unicode:
                text = text[1:]
                skip_after_unicode = 0
            out.append(text)
    return "".join(out).strip()
