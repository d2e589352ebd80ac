"""What Graph shows of a message, derived from the RFC 822 bytes it was seeded from (stdlib `email` only).

`parse_mime` reads the headers, the body Graph would show (the first text/html or text/plain part that is not an
attachment) and the attachments: every part with a file name or ``Content-Disposition: attachment``, and every
``message/rfc822`` part (an itemAttachment). An S/MIME encrypted message (top-level ``application/pkcs7-mime``)
has no readable body and one attachment, ``smime.p7m``, the way Outlook shows it; a Microsoft Purview encrypted
message shows its plaintext wrapper and the ``message.rpmsg`` attachment. A message the parser cannot read
completely still gets whatever it could read: seeding never fails on bad MIME.
"""

from __future__ import annotations

import email
import email.header
import email.policy
import email.utils
import html
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from typing import Any

from hygiene.domain.extract.html import html_to_text

_PREVIEW_CHARS = 255


@dataclass(frozen=True, slots=True)
class Address:
    """A recipient as Graph shows it (``emailAddress: {name, address}``)."""

    name: str
    address: str

    def json(self) -> dict[str, Any]:
        """The ``recipient`` JSON."""
        return {"emailAddress": {"name": self.name or self.address, "address": self.address}}


@dataclass(frozen=True, slots=True)
class Attachment:
    """One attachment of a message: a file (bytes) or an item (a whole message, MIME bytes)."""

    index: int
    name: str
    content_type: str
    data: bytes
    is_inline: bool = False
    content_id: str | None = None
    item: bool = False  # message/rfc822 -> itemAttachment


@dataclass(slots=True)
class ParsedMessage:
    """Everything Graph derives from the MIME of one message (computed once per message and cached)."""

    subject: str = ""
    sender: Address | None = None
    from_: Address | None = None
    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    bcc: list[Address] = field(default_factory=list)
    reply_to: list[Address] = field(default_factory=list)
    sent: datetime | None = None
    internet_message_id: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    body_type: str = "text"  # "text" | "html": the best body part found
    body: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    importance: str = "normal"
    read_receipt: bool = False
    delivery_receipt: bool = False

    @property
    def has_attachments(self) -> bool:
        """Graph's ``hasAttachments``: true when a non-inline attachment exists."""
        return any(not a.is_inline for a in self.attachments)

    def body_as(self, wanted: str) -> tuple[str, str]:
        """The body converted to ``wanted`` ("text" or "html"), as (contentType, content)."""
        if wanted == "text":
            return "text", html_to_text(self.body) if self.body_type == "html" else self.body
        if self.body_type == "html":
            return "html", self.body
        escaped = html.escape(self.body).replace("\r\n", "\n").replace("\n", "<br>\r\n")
        return (
            "html",
            f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
            f"<body><div>{escaped}</div></body></html>",
        )

    def preview(self) -> str:
        """``bodyPreview``: the first 255 characters of the body text, whitespace collapsed."""
        text = html_to_text(self.body) if self.body_type == "html" else self.body
        return " ".join(text.split())[:_PREVIEW_CHARS]


def _addresses(msg: Message, name: str) -> list[Address]:
    values = msg.get_all(name) or []
    out: list[Address] = []
    for display, addr in email.utils.getaddresses([_header_str(v) for v in values]):
        if addr:
            out.append(Address(display, addr))
    return out


def _header_str(value: Any) -> str:
    """A header value as text; raw 8-bit bytes (RFC 6532 headers) are read as UTF-8."""
    if isinstance(value, email.header.Header):  # compat32 hands raw 8-bit headers over as Header objects
        parts: list[str] = []
        for chunk, charset in email.header.decode_header(value):
            if isinstance(chunk, str):
                parts.append(chunk)
                continue
            try:
                parts.append(chunk.decode(charset if charset and charset != "unknown-8bit" else "utf-8", "replace"))
            except LookupError:
                parts.append(chunk.decode("utf-8", "replace"))
        return "".join(parts)
    try:
        text = str(value)
    except Exception:  # a header the policy cannot render
        return ""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # surrogate-escaped raw bytes
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text


def _decode_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:  # unknown charset name
        return payload.decode("utf-8", "replace")


def _filename(part: Message) -> str | None:
    try:
        return part.get_filename()
    except Exception:
        return None


def parse_mime(mime: bytes) -> ParsedMessage:
    """Parse ``mime`` the way Graph presents it; never raises (unreadable parts are left out)."""
    msg = email.message_from_bytes(mime, policy=email.policy.compat32)
    p = ParsedMessage()
    subject = msg.get("Subject")
    if subject is not None:
        raw = _header_str(subject)
        try:
            p.subject = str(email.header.make_header(email.header.decode_header(raw)))
        except Exception:  # a malformed encoded word: keep the raw text
            p.subject = raw
    p.subject = " ".join(p.subject.split())
    from_ = _addresses(msg, "From")
    p.from_ = from_[0] if from_ else None
    sender = _addresses(msg, "Sender")
    p.sender = sender[0] if sender else p.from_
    p.to, p.cc, p.bcc = _addresses(msg, "To"), _addresses(msg, "Cc"), _addresses(msg, "Bcc")
    p.reply_to = _addresses(msg, "Reply-To")
    date = msg.get("Date")
    if date:
        try:
            sent = email.utils.parsedate_to_datetime(str(date))
            p.sent = (sent if sent.tzinfo else sent.replace(tzinfo=UTC)).astimezone(UTC)
        except (TypeError, ValueError):
            p.sent = None
    mid = msg.get("Message-ID")
    p.internet_message_id = str(mid).strip() if mid else None
    p.headers = [(k, " ".join(_header_str(v).split())) for k, v in msg.items()]
    importance = str(msg.get("Importance", "")).strip().lower()
    priority = str(msg.get("X-Priority", "")).strip()[:1]
    if importance in ("high", "low"):
        p.importance = importance
    elif priority in ("1", "2"):
        p.importance = "high"
    elif priority in ("4", "5"):
        p.importance = "low"
    p.read_receipt = msg.get("Disposition-Notification-To") is not None
    p.delivery_receipt = msg.get("Return-Receipt-To") is not None
    _walk(msg, p)
    return p


def _walk(msg: Message, p: ParsedMessage) -> None:
    ctype = msg.get_content_type()
    if ctype == "application/pkcs7-mime" or ctype == "application/x-pkcs7-mime":
        # S/MIME opaque (enveloped or signed-data): Outlook shows no body, one smime.p7m attachment
        data = msg.get_payload(decode=True)
        p.attachments.append(
            Attachment(0, "smime.p7m", "application/pkcs7-mime", data if isinstance(data, bytes) else b"")
        )
        return
    text_body: str | None = None
    html_body: str | None = None
    stack: list[Message] = [msg]
    while stack:
        part = stack.pop(0)
        ct = part.get_content_type()
        disposition = (part.get_content_disposition() or "").lower()
        name = _filename(part)
        if ct == "message/rfc822":
            inner = part.get_payload()
            inner_msg = inner[0] if isinstance(inner, list) and inner else None
            data = inner_msg.as_bytes() if isinstance(inner_msg, Message) else b""
            title = name
            if title is None and isinstance(inner_msg, Message):
                title = str(inner_msg.get("Subject", "")) or None
            p.attachments.append(Attachment(len(p.attachments), title or "message", "message/rfc822", data, item=True))
            continue
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack[0:0] = [x for x in payload if isinstance(x, Message)]
            continue
        is_body_candidate = ct in ("text/plain", "text/html") and disposition != "attachment" and name is None
        if is_body_candidate:
            if ct == "text/html" and html_body is None:
                html_body = _decode_text(part)
                continue
            if ct == "text/plain" and text_body is None:
                text_body = _decode_text(part)
                continue
        data = part.get_payload(decode=True)
        cid = part.get("Content-ID")
        inline = disposition == "inline" and cid is not None and ct.startswith("image/")
        p.attachments.append(
            Attachment(
                len(p.attachments),
                name or ("attachment" if not cid else str(cid).strip("<>")),
                ct,
                data if isinstance(data, bytes) else b"",
                is_inline=inline,
                content_id=str(cid).strip("<>") if cid else None,
            )
        )
    if html_body is not None:
        p.body_type, p.body = "html", html_body
    else:
        p.body_type, p.body = "text", text_body or ""


def build_mime(
    *,
    sender: str,
    to: list[str],
    subject: str,
    body: str,
    html_body: bool = False,
    cc: list[str] | None = None,
    headers: list[tuple[str, str]] | None = None,
    date: datetime | None = None,
    message_id: str | None = None,
) -> bytes:
    """A simple message as RFC 822 bytes (CRLF), for sendMail copies and generated mail."""
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = sender
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    m["Subject"] = subject
    m["Date"] = email.utils.format_datetime(date or datetime.now(UTC))
    m["Message-ID"] = message_id or email.utils.make_msgid(domain=sender.rpartition("@")[2] or "sandbox.invalid")
    for k, v in headers or ():
        m[k] = v
    m.set_content(body, subtype="html" if html_body else "plain", charset="utf-8")
    return m.as_bytes()
