"""The MIME walk behind `hygiene.domain.extract.extract` (see there for the contract)."""

from __future__ import annotations

import email
import email.policy
import io
import re
import time
import zipfile
from email.header import Header, decode_header
from email.message import Message
from email.utils import parseaddr
from typing import Any

from hygiene.domain.extract import _mime, cms
from hygiene.domain.extract.formats import (
    CFB_MAGIC,
    Result,
    ZipBudget,
    cfb_is_encrypted,
    decode_text,
    extension,
    image_kind,
    looks_like_text,
    office_kind,
    read_office,
    read_pdf,
    read_rtf,
)
from hygiene.domain.extract.html import html_to_text
from hygiene.domain.text import TextPart

ROUTING_HEADERS = (
    "from",
    "reply-to",
    "auto-submitted",
    "precedence",
    "content-language",
    "x-hygiene-notice",
    "return-path",
    "message-id",
)
MAX_ENTITIES = _mime.MAX_PARTS  # MIME entities walked per message
MAX_IMAGES = 50
MIN_IMAGE_BYTES = 200  # smaller images (tracking pixels, spacers) cannot hold readable text
_P7M_TYPES = frozenset({"application/pkcs7-mime", "application/x-pkcs7-mime"})
_IGNORED_TYPES = frozenset(
    {
        "application/pkcs7-signature",
        "application/x-pkcs7-signature",
        "application/pgp-signature",
        "application/pgp-keys",
        "message/delivery-status",
        "message/global-delivery-status",
        "message/disposition-notification",
    }
)
_MAX_HEADER_CHARS = 32_768
_PGP_BLOCK = b"-----BEGIN PGP MESSAGE-----"
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_AUTO_SUBJECT = re.compile(
    r"^\s*(?:automatic reply|auto(?:matic|matisk|matiskt)?[ -]?(?:svar|reply|response|answer)|autosvar|"
    r"out of (?:the )?office|fraværende|fravær|frånvaro|ikke til stede|ikkje til stades|ej på kontoret|"
    r"undeliverable|undelivered mail|olevererat|kan ikke leveres|kunne ikke leveres|"
    r"delivery status notification|mail delivery failed|returned mail|non[- ]delivery)\b",
    re.IGNORECASE,
)
_MARKING = re.compile(
    r"\b(strengt fortrolig|fortrolig|fortruleg|konfidensiell|konfidentiell|konfidentielt|känslig|"
    r"sekretessbelagd|confidential|unntatt offentlighet|unntatt off|taushetsbelagt|teiepliktig|"
    r"sensitive personal data|sensitive personopplysninger|känsliga personuppgifter|følsomme personoplysninger)\b",
    re.IGNORECASE,
)
_MARKING_STEMS = (
    "fortr",
    "konfiden",
    "känslig",
    "sekretess",
    "confiden",
    "unntatt",
    "taushet",
    "teiepl",
    "sensitive",
    "personuppg",
    "personopl",
)
_LABEL_NAME = re.compile(r"_Name=([^;]{1,60})")
_SAFE_TOKEN = re.compile(r"[^\w .-]+")
_FORMAT_TOKEN = re.compile(r"[a-z][a-z0-9.+-]{0,19}")
_DIGIT_RUN = re.compile(r"[0-9]{4}")
_LEADING_SPACE = re.compile(rb"[ \t\n\r\x0b\x0c]*")  # what bytes.lstrip() removes
# A From value of one plain address, bare or in angle brackets after a display name of plain words and quoted
# strings: no comments, escapes, groups, routes or further addresses (those go to parseaddr). Anchored at the start.
_ADDRESS = r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
_PHRASE_WORD = r'(?:[^\x00-\x20\x7f"(),:;<>@\[\]\\]+|"[^"\\\x00-\x1f\x7f]*")'
_SIMPLE_FROM = re.compile(
    rf"\A[ \t]*(?:({_ADDRESS})|(?:{_PHRASE_WORD}(?:[ \t]+{_PHRASE_WORD})*[ \t]*)?<({_ADDRESS})>)[ \t]*\Z"
)


class State:
    """What the walk collects for one message."""

    def __init__(self, limits: Any) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.time_budget_s
        self.parts: list[TextPart] = []
        self.reasons: list[str] = []
        self.markings: list[str] = []
        self.images: list[tuple[str, bytes]] = []
        self.headers: dict[str, str] = {}
        self.sender: str | None = None
        self.auto_reply = False
        self.encrypted = False
        self.wrapper_protected = False
        self.protected_parts: list[str] = []
        self.chars = 0
        self._wheres: set[str] = set()
        self.entities = 0
        self.zip_budget = ZipBudget(limits.max_message_bytes)

    def reason(self, token: str) -> None:
        if token not in self.reasons:
            self.reasons.append(token)

    def mark(self, token: str) -> None:
        if token not in self.markings and len(self.markings) < 20:
            self.markings.append(token)

    def out_of_time(self) -> bool:
        if time.monotonic() > self.deadline:
            self.reason("limit:time")
            return True
        return False

    def add_text(self, where: str, text: str) -> None:
        if not text or text.isspace():
            return
        separator = 2 if where in self._wheres else 0  # the "\n\n" that joins parts with the same where
        remaining = self.limits.max_extracted_chars - self.chars - separator
        if remaining <= 0:
            self.reason("limit:chars")
            return
        if len(text) > remaining:
            text = text[:remaining]
            self.reason("limit:chars")
        if "\x00" in text:
            text = text.replace("\x00", "")
        self._markings_in(text)
        self.parts.append(TextPart(where, text))
        self._wheres.add(where)
        self.chars += len(text) + separator

    def _markings_in(self, text: str) -> None:
        """Visible markings near the top or bottom of a text (headers, disclaimers); a cheap substring test first."""
        window = text if len(text) <= 8000 else text[:5000] + "\n" + text[-3000:]
        lower = window.lower()
        for stem in _MARKING_STEMS:
            if stem in lower:
                break
        else:
            return
        for match in _MARKING.finditer(window):
            self.mark("text:" + match.group(1).lower())

    def image(self, where: str, data: bytes) -> None:
        if len(data) < MIN_IMAGE_BYTES:
            return
        self.reason("image not read")
        if len(self.images) < MAX_IMAGES:
            self.images.append((where, data))
        else:
            self.reason("limit:images")

    def protect(self, kind: str, *, whole: bool) -> None:
        if whole:
            self.wrapper_protected = True
        else:
            self.protected_parts.append(kind)

    def finish(self) -> None:
        self._merge_parts()
        readable = any(part.text.strip() for part in self.parts if part.where != "subject")
        self.encrypted = self.wrapper_protected or (bool(self.protected_parts) and not readable)
        if not self.encrypted:
            for kind in self.protected_parts:
                self.reason(f"encrypted:{kind}")

    def _merge_parts(self) -> None:
        """One part per ``where`` (texts joined by a blank line), so that a finding's offsets name one place."""
        merged: dict[str, list[str]] = {}
        for part in self.parts:
            merged.setdefault(part.where, []).append(part.text)
        if len(merged) != len(self.parts):
            self.parts = [TextPart(where, "\n\n".join(texts)) for where, texts in merged.items()]


def walk(mime: bytes, limits: Any) -> State:
    """Walk one message; every failure becomes a reason on the returned state."""
    state = State(limits)
    try:
        data = bytes(mime)
        if len(data) > limits.max_message_bytes:
            state.reason("limit:size")
            data = data[: limits.max_message_bytes]
        try:
            msg = _mime.parse(data)
        except Exception:
            state.reason("parse_error")
            state.add_text("body", decode_text(data))
            return state
        _routing(state, msg)
        _message(state, msg, None, "attachment:", 0, top=True)
        if msg.defects and any(type(d).__name__ in _SERIOUS_DEFECTS for d in msg.defects):
            state.reason("parse_error")
    except RecursionError:
        state.reason("limit:depth")
    except Exception:
        state.reason("parse_error")
    state.finish()
    return state


_SERIOUS_DEFECTS = frozenset(
    {"StartBoundaryNotFoundDefect", "MultipartInvariantViolationDefect", "NoBoundaryInMultipartDefect"}
)


# --- headers ------------------------------------------------------------------------------------------------------


def header(msg: Message, name: str) -> str | None:
    """A header's value, unfolded and with RFC 2047 words decoded (lenient about charsets); None if absent."""
    try:
        raw = msg.get(name)
    except Exception:
        return None
    if raw is None:
        return None
    if isinstance(raw, str) and len(raw) > _MAX_HEADER_CHARS:
        raw = raw[:_MAX_HEADER_CHARS]  # far beyond any real header; keeps RFC 2047 decoding cheap
    return _decode_words(raw)


def _decode_words(raw: str | Header) -> str:
    try:
        if isinstance(raw, str):
            if "\n" in raw:
                raw = _FOLD.sub("", raw)
            if "=?" not in raw:
                return raw.strip()
        pieces = decode_header(raw)
    except Exception:
        return _FOLD.sub("", str(raw)).strip()
    out: list[str] = []
    for chunk, charset in pieces:
        if isinstance(chunk, str):
            out.append(chunk)
        else:
            out.append(decode_text(chunk, charset))
    return "".join(out).strip()


def _routing(state: State, msg: Message) -> None:
    for name in ROUTING_HEADERS:
        value = header(msg, name)
        if value is not None:
            state.headers[name] = value[:998]
    state.sender = _sender(state.headers.get("from", ""))
    state.auto_reply = _is_auto_reply(state, msg)
    sensitivity = (header(msg, "sensitivity") or "").strip().lower()
    if sensitivity and sensitivity != "normal":
        state.mark("sensitivity:" + _SAFE_TOKEN.sub("", sensitivity)[:40])
    for label in _LABEL_NAME.findall(header(msg, "msip_labels") or ""):
        state.mark("label:" + _SAFE_TOKEN.sub("", label).strip()[:40])


def _sender(value: str) -> str | None:
    """The lower-cased address of a From value, or None; parseaddr recurses on nested comments, so a hostile header
    ends here as "no sender" instead of aborting the walk of the whole message.

    The usual shapes (``addr@host``, ``Name <addr@host>``, ``"Name, Org" <addr@host>``) are read with one regex, to
    the address `parseaddr` gives for them (tests/detect_extract/test_walk_headers.py compares the two)."""
    simple = _SIMPLE_FROM.match(value)
    if simple is not None:
        return (simple.group(1) or simple.group(2)).lower()
    try:
        address = parseaddr(value)[1].strip().lower()
    except (RecursionError, ValueError, IndexError):
        return None
    return address if "@" in address else None


def _is_auto_reply(state: State, msg: Message) -> bool:
    headers = state.headers
    submitted = headers.get("auto-submitted", "").strip().lower()
    if submitted and not submitted.startswith("no"):
        return True
    if headers.get("precedence", "").strip().lower() in ("bulk", "list", "junk", "auto_reply", "auto-reply"):
        return True
    for name in ("x-autoreply", "x-autorespond", "x-auto-reply", "x-autogenerated"):
        value = (header(msg, name) or "").strip().lower()
        if value and value not in ("no", "false", "0"):
            return True
    if _content_type(msg) == "multipart/report":
        return True
    if state.sender and state.sender.split("@", 1)[0] in ("mailer-daemon", "postmaster"):
        return True
    if headers.get("return-path", "").strip() == "<>":
        return True
    return bool(_AUTO_SUBJECT.match(header(msg, "subject") or ""))


# --- MIME tree ----------------------------------------------------------------------------------------------------


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:
        return "application/octet-stream"


def _param(part: Message, name: str) -> str | None:
    try:
        value = part.get_param(name)
    except Exception:
        return None
    if isinstance(value, tuple):  # RFC 2231
        try:
            value = email.utils.collapse_rfc2231_value(value)
        except Exception:
            return None
    return str(value).strip().lower() if value is not None else None


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename() or part.get_param("name")
    except Exception:
        return None
    if isinstance(name, tuple):
        try:
            name = email.utils.collapse_rfc2231_value(name)
        except Exception:
            return None
    if not name:
        return None
    name = _decode_words(str(name)).replace("\r", "").replace("\n", "").strip()
    return name[:200] or None


def _disposition(part: Message) -> str | None:
    try:
        return part.get_content_disposition()
    except Exception:
        return None


def _payload(part: Message) -> bytes:
    try:
        data = part.decoded_payload() if isinstance(part, _mime.ParsedMessage) else part.get_payload(decode=True)
    except Exception:
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("utf-8", "surrogateescape")
    return b""


def _message(state: State, msg: Message, where_text: str | None, prefix: str, depth: int, *, top: bool) -> None:
    subject = header(msg, "subject")
    if subject:
        state.add_text(where_text or "subject", subject)
    _entity(state, msg, where_text, prefix, depth, top=top)


def _entity(state: State, part: Message, where_text: str | None, prefix: str, depth: int, *, top: bool) -> None:
    for defect in part.defects:
        if isinstance(defect, _mime.TooDeepDefect):
            state.reason("limit:depth")
        elif isinstance(defect, _mime.TooManyPartsDefect):
            state.reason("limit:parts")
    state.entities += 1
    if state.entities > MAX_ENTITIES:
        state.reason("limit:parts")
        return
    if state.out_of_time():
        return
    ctype = _content_type(part)
    main, _, sub = ctype.partition("/")
    if ctype == "multipart/encrypted" or ctype == "application/pgp-encrypted":
        state.protect("pgp", whole=top)
        return
    payload = part.get_payload()
    if main == "multipart":
        if isinstance(payload, list):
            children = payload[:1] if ctype == "multipart/signed" else payload
            for child in children:
                if isinstance(child, Message):
                    _entity(state, child, where_text, prefix, depth, top=top)
            return
        state.reason("parse_error")  # no usable boundary: read what is there as text
        _text(state, _payload(part), None, where_text or "body", html=False, top=top)
        return
    if ctype in _IGNORED_TYPES:
        return
    filename = _filename(part)
    if main == "message" and sub in ("rfc822", "global") and isinstance(payload, list) and payload:
        where = where_text or prefix + (filename or "message/rfc822")
        if depth + 1 > state.limits.max_depth:
            state.reason("limit:depth")
            return
        inner = payload[0]
        cte = (header(part, "content-transfer-encoding") or "").strip().lower()
        if cte in ("base64", "quoted-printable") and isinstance(inner, Message):
            inner = _mime.parse(_encoded_message(inner, cte))
        _message(state, inner, where, where + "/", depth + 1, top=False)
        return
    data = _payload(part)
    charset = _param(part, "charset")
    if main == "text" and sub in ("plain", "html") and filename is None and _disposition(part) != "attachment":
        html = sub == "html"
        _text(state, data, charset, where_text or ("html" if html else "body"), html=html, top=top)
        return
    name = filename or ctype
    _attachment(
        state,
        data,
        name=name,
        ctype=ctype,
        charset=charset,
        smime_type=_param(part, "smime-type"),
        where=prefix + name,
        depth=depth,
        top=top,
        body_where=where_text,
        prefix=prefix,
    )


def _encoded_message(parsed: Message, cte: str) -> bytes:
    """The bytes of a base64 or quoted-printable encoded message/rfc822 part (not allowed by RFC 2046, but sent).

    The stdlib parser reads the encoded text as if it were a message; written back out, it is the encoded text again,
    which the transfer decoding of a carrier part turns into the forwarded message.
    """
    try:
        encoded = parsed.as_bytes(policy=email.policy.compat32)
    except Exception:
        encoded = _payload(parsed)
    carrier = Message()
    carrier["Content-Transfer-Encoding"] = cte
    carrier.set_payload(encoded.decode("ascii", "surrogateescape"))
    return _payload(carrier)


def _text(state: State, data: bytes, charset: str | None, where: str, *, html: bool, top: bool) -> None:
    if data.find(_PGP_BLOCK, 0, 65536) >= 0:
        state.protect("pgp", whole=top)
        return
    text = decode_text(data, charset)
    state.add_text(where, html_to_text(text, deadline=state.deadline) if html else text)
    if html:
        state.out_of_time()  # a body cut short at the deadline says so


def _attachment(
    state: State,
    data: bytes,
    *,
    name: str,
    ctype: str,
    charset: str | None,
    smime_type: str | None,
    where: str,
    depth: int,
    top: bool,
    body_where: str | None,
    prefix: str,
) -> None:
    if not data or state.out_of_time():
        return
    ext = extension(name)
    main, _, sub = ctype.partition("/")
    if ctype in _P7M_TYPES or ext == "p7m":
        _pkcs7(state, data, smime_type, depth=depth, top=top, body_where=body_where, prefix=prefix)
        return
    if "rpmsg" in ctype or ext == "rpmsg":
        state.protect("rpmsg", whole=top)
        return
    if ext in ("p7s", "sig") or ctype in _IGNORED_TYPES:
        return
    head = _lstripped_head(data, 40)
    if head.startswith(_PGP_BLOCK) or ext in ("pgp", "gpg"):
        state.protect("pgp", whole=False)
        return
    if data.startswith(b"%PDF") or (ext == "pdf" and b"%PDF" in data[:1024]):
        result = read_pdf(data, max_pages=state.limits.max_pdf_pages, deadline=state.deadline)
        _apply(state, result, where, "pdf")
        return
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        _zip(state, data, where=where, ext=ext, depth=depth)
        return
    if data.startswith(CFB_MAGIC):
        if cfb_is_encrypted(data):
            state.protect("office", whole=False)
        else:
            state.reason(f"format:{_format_token(ext) or 'ole'}")
        return
    if head[:5] == b"{\\rtf":
        state.add_text(where, read_rtf(data, deadline=state.deadline))
        state.out_of_time()
        return
    if image_kind(data, name, ctype) is not None:
        state.image(where, data)
        return
    if ext == "eml" or (main == "message" and sub in ("rfc822", "global")):
        if depth + 1 > state.limits.max_depth:
            state.reason("limit:depth")
            return
        try:
            inner = _mime.parse(data)
        except Exception:
            state.reason("parse_error")
            return
        _message(state, inner, where, where + "/", depth + 1, top=False)
        return
    if main == "text" or looks_like_text(data):
        if data.find(_PGP_BLOCK, 0, 65536) >= 0:
            state.protect("pgp", whole=False)
            return
        text = decode_text(data, charset)
        if sub == "html" or ext in ("html", "htm"):
            text = html_to_text(text, deadline=state.deadline)
            state.out_of_time()
        state.add_text(where, text)
        return
    state.reason(f"format:{_format_token(ext) or _format_token(sub) or 'unknown'}")


def _lstripped_head(data: bytes, size: int) -> bytes:
    """``data.lstrip()[:size]`` without copying all of ``data``."""
    start = _LEADING_SPACE.match(data).end()  # type: ignore[union-attr]  # matches the empty string at least
    return data[start : start + size]


def _format_token(name: str) -> str | None:
    """``name`` (an extension or a MIME subtype) when it is a plain format name, else None.

    Both come from the message: a Content-Type of ``image/png name12345678901.png`` must not carry text, let alone a
    number, into a reason (reasons reach the audit log). Fuzzing found it (bench/fuzz_extract.py)."""
    token = (name or "").strip().lower()[:20]
    return token if _FORMAT_TOKEN.fullmatch(token) and not _DIGIT_RUN.search(token) else None


def _pkcs7(
    state: State, data: bytes, smime_type: str | None, *, depth: int, top: bool, body_where: str | None, prefix: str
) -> None:
    der = data
    if der[:1] != b"\x30":  # some clients send PEM or double-encoded base64
        import base64
        import binascii

        try:
            der = base64.b64decode(b"".join(line for line in data.splitlines() if not line.startswith(b"-----")))
        except (binascii.Error, ValueError):
            der = data
    kind = cms.content_type(der)
    if smime_type == "certs-only":
        return
    if smime_type == "signed-data" or kind == cms.OID_SIGNED_DATA:
        content = cms.signed_content(der)
        if content is None:
            state.reason("format:smime")
            return
        if depth + 1 > state.limits.max_depth:
            state.reason("limit:depth")
            return
        inner = _mime.parse(content)
        _entity(state, inner, body_where, prefix, depth + 1, top=top)
        return
    if kind == cms.OID_COMPRESSED_DATA or smime_type == "compressed-data":
        state.reason("format:smime-compressed")
        return
    state.protect("smime", whole=top)


def _apply(state: State, result: Result, where: str, kind: str) -> None:
    for suffix, text in result.texts:
        state.add_text(where + suffix, text)
    for suffix, image in result.images:
        state.image(where + suffix, image)
    for token in result.reasons:
        state.reason(token)
    if result.encrypted:
        state.protect(kind, whole=False)


def _zip(state: State, data: bytes, *, where: str, ext: str, depth: int) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = {info.filename for info in zf.infolist()[: ZipBudget.MAX_MEMBERS]}
    except Exception:
        state.reason("parse_error")
        return
    with zf:
        kind = office_kind(names)
        if kind is not None:
            _apply(state, read_office(zf, kind, state.zip_budget), where, kind)
            return
        if depth + 1 > state.limits.max_depth:
            state.reason("limit:depth")
            return
        infos = zf.infolist()
        if len(infos) > ZipBudget.MAX_MEMBERS:
            state.reason("limit:zip_entries")
            infos = infos[: ZipBudget.MAX_MEMBERS]
        for info in infos:
            if info.is_dir():
                continue
            if state.out_of_time():
                return
            member = state.zip_budget.read(zf, info)
            if isinstance(member, str):
                if member == "encrypted":
                    state.protect("zip", whole=False)
                else:
                    state.reason(member)
                continue
            inner_where = f"{where}/{info.filename}"
            _attachment(
                state,
                member,
                name=info.filename,
                ctype="application/octet-stream",
                charset=None,
                smime_type=None,
                where=inner_where,
                depth=depth + 1,
                top=False,
                body_where=inner_where,
                prefix=inner_where + "/",
            )
