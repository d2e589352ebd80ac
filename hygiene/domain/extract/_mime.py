"""A fast MIME reader: the stdlib's header parser, but bodies and multipart boundaries found with bytes.find.

The stdlib feed parser walks every line of every body, which dominates extraction time on large mail. Here each
entity's header block goes through `email.parser.BytesHeaderParser` (compat32, so broken headers never raise) and
bodies are sliced out whole; the resulting `email.message.Message` tree is the one the feed parser would build.
Whenever anything looks unusual (header defects, a missing boundary, deep nesting) `parse` falls back to the
stdlib parser for the whole message, which copes with every malformation. A multipart without its close delimiter
(a message cut at the size limit) is read here, its last part running to the end, as the stdlib would.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import io
import quopri
import re
from email._encoded_words import decode_b
from email.message import Message
from email.parser import BytesHeaderParser
from typing import Any

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_MAX_NESTING = 40
MAX_HEADER_CHARS = 32_768  # far beyond any real header value


class _BoundedCompat32(email.policy.Compat32):
    """compat32, but a header value is read as at most `MAX_HEADER_CHARS` characters.

    The stdlib's parameter parser (behind ``get_param``, ``get_boundary``, ``get_filename``, also called by the feed
    parser for every multipart) copies the rest of the value once per parameter: quadratic. A 1 MB Content-Type of
    50,000 RFC 2231 continuations took 78 s; bounded, a few milliseconds.
    """

    def header_fetch_parse(self, name: str, value: str) -> str:  # type: ignore[override]
        if isinstance(value, str) and len(value) > MAX_HEADER_CHARS:
            value = value[:MAX_HEADER_CHARS]
        return super().header_fetch_parse(name, value)


POLICY = _BoundedCompat32()


class ParsedMessage(Message):
    """A `Message` whose header look-ups are indexed: the walk asks each entity for a dozen headers and parameters.

    ``get`` (behind ``get_param``, ``get_content_type``, ``get_filename`` ...) scans every header and lower-cases
    each name on every call, and ``in`` (asked by ``get_param``) lower-cases them all again; here the first value of
    each name is found through a dict built on first use, and each header's fetched text value and parsed parameters
    are kept. All of it is rebuilt whenever the header list or the policy changes (another list, another length,
    `replace_header`, another policy), so the answers are always those of `Message`.
    """

    _index: tuple[list[tuple[str, Any]], int, Any, dict[str, list[Any]]] | None = None
    _params: dict[str, Any] | None = None
    _source: tuple[str, bytes] | None = None  # (payload, the bytes it was decoded from), set by the reader

    def decoded_payload(self) -> Any:
        """``get_payload(decode=True)``, without re-encoding the text payload when it still holds the bytes read.

        The payload text is those bytes decoded as ASCII with surrogate escapes, which is exactly what
        ``get_payload`` encodes back; quoted-printable and base64 are then decoded as it does (same functions, same
        defects recorded). Other transfer encodings, and a payload set since, go to ``get_payload``.
        """
        source = self._source
        if source is not None and source[0] is self._payload:
            data = source[1]
            cte = str(self.get("content-transfer-encoding", "")).lower()
            if cte == "quoted-printable":
                return quopri.decodestring(data)
            if cte == "base64":
                value, defects = decode_b(b"".join(data.splitlines()))
                for defect in defects:
                    self.policy.handle_defect(self, defect)
                return value
            if cte not in ("x-uuencode", "uuencode", "uue", "x-uue"):
                return data
        return self.get_payload(decode=True)

    def _first(self) -> dict[str, list[Any]]:
        """Lower-cased name -> [name, stored value, fetched value or None] of the first header of each name."""
        headers = self._headers
        index = self._index
        if index is None or index[0] is not headers or index[1] != len(headers) or index[2] is not self.policy:
            first: dict[str, list[Any]] = {}
            for name, value in headers:
                key = name.lower()
                if key not in first:
                    first[key] = [name, value, None]
            self._index = (headers, len(headers), self.policy, first)
            self._params = None
            return first
        return index[3]

    def get(self, name: str, failobj: Any = None) -> Any:
        found = self._first().get(name.lower())
        if found is None:
            return failobj
        fetched = found[2]
        if fetched is None:
            fetched = self.policy.header_fetch_parse(found[0], found[1])
            if isinstance(fetched, str):  # a Header object (binary data) is made anew for each caller, as in Message
                found[2] = fetched
        return fetched

    def __contains__(self, name: Any) -> bool:
        return name.lower() in self._first()

    def _get_params_preserve(self, failobj: Any, header: str) -> Any:
        self._first()  # drops the kept parameters when the headers changed
        if self._params is None:
            self._params = {}
        key = header.lower()
        if key not in self._params:
            self._params[key] = super()._get_params_preserve(_MISSING, header)
        params = self._params[key]
        return failobj if params is _MISSING else params

    def replace_header(self, _name: str, _value: Any) -> None:
        self._index = None
        self._params = None
        super().replace_header(_name, _value)


_MISSING = object()
_HEADER_PARSER = BytesHeaderParser(_class=ParsedMessage, policy=POLICY)


MAX_PARTS = 2000  # MIME entities read per message (the extraction walks no more than this)
# Past these, the stdlib parser (line by line, recursive) would spend seconds to minutes on one message: a deeply
# nested or huge multipart is read as raw text instead, and the walk reports the limit.
_STDLIB_MAX_MULTIPARTS = 200
_STDLIB_MAX_DELIMITERS = 20 * MAX_PARTS


class TooDeepDefect(email.errors.MessageDefect):
    """Multiparts nested deeper than the reader follows: this entity is its raw text (``limit:depth``)."""


class TooManyPartsDefect(email.errors.MessageDefect):
    """More MIME parts than the reader reads: the rest are left out, or all of it is raw text (``limit:parts``)."""


class _Fallback(Exception):
    pass


def parse(data: bytes) -> Message:
    """The message tree of ``data`` (compat32, header values bounded); never raises on malformed MIME."""
    try:
        return _entity(data, 0, [MAX_PARTS])
    except (_Fallback, RecursionError):
        lower = data.lower()
        if lower.count(b"multipart/") > _STDLIB_MAX_MULTIPARTS:
            return _raw(data, TooDeepDefect())
        if data.count(b"\n--") > _STDLIB_MAX_DELIMITERS:
            return _raw(data, TooManyPartsDefect())
        return email.message_from_bytes(data, _class=ParsedMessage, policy=POLICY)


def _headers(block: bytes) -> Message:
    """The entity of header block ``block``, exactly as `BytesHeaderParser` parses ``block + CRLF``.

    The common shape (every line a field or a continuation of one) is read here, line breaks split and values joined
    as the feed parser and compat32's ``header_source_parse`` do; anything else (an mbox ``From `` line, a leading
    continuation, a line without a field name, an early blank line) goes to the stdlib parser.
    """
    text = block.decode("ascii", "surrogateescape") + "\r\n"
    msg = ParsedMessage(policy=POLICY)
    fields = msg._headers  # type: ignore[attr-defined]
    name: str | None = None
    value: list[str] = []
    for line in io.StringIO(text, newline="").readlines():
        if line[0] in " \t":
            if name is None:
                return _HEADER_PARSER.parsebytes(block + b"\r\n")
            value.append(line)
            continue
        colon = line.find(":")
        field = line[:colon]
        if colon <= 0 or not (field.isascii() and field.isprintable()) or " " in field:  # not a field name
            return _HEADER_PARSER.parsebytes(block + b"\r\n")
        if name is not None:
            fields.append((name, "".join(value).rstrip("\r\n")))
        name = field
        value = [line[colon + 1 :].lstrip(" \t")]
    if name is not None:
        fields.append((name, "".join(value).rstrip("\r\n")))
    msg.set_payload("")
    return msg


def _raw(data: bytes, defect: email.errors.MessageDefect) -> Message:
    """``data`` as one text/plain entity carrying ``defect``: nothing is hidden from the detector."""
    msg = ParsedMessage(policy=POLICY)
    msg["Content-Type"] = "text/plain"
    msg.set_payload(data.decode("ascii", "surrogateescape"))
    msg.defects.append(defect)
    return msg


def _entity(data: bytes, depth: int, budget: list[int]) -> Message:
    if depth > _MAX_NESTING:
        return _raw(data, TooDeepDefect())
    budget[0] -= 1
    if data.startswith((b"\r\n", b"\n")):  # no headers at all
        raise _Fallback
    match = _HEADER_END.search(data)
    if match is None:
        raise _Fallback
    msg = _headers(data[: match.start()])
    if msg.defects or not len(msg):
        raise _Fallback
    body = data[match.end() :]
    ctype = msg.get_content_type()
    if ctype.startswith("multipart/"):
        boundary = msg.get_boundary()
        if not boundary:
            raise _Fallback
        parts, closed = _split(body, boundary.encode("latin-1", "replace"))
        if len(parts) > budget[0]:
            parts = parts[: max(budget[0], 0)]
            msg.defects.append(TooManyPartsDefect())
        msg.set_payload([_entity(part, depth + 1, budget) for part in parts])
        if not closed:  # cut short (a truncated message): the last part runs to the end, as in the stdlib parser
            msg.defects.append(email.errors.CloseBoundaryNotFoundDefect())
        return msg
    if ctype == "message/rfc822":
        cte = (msg.get("content-transfer-encoding") or "").strip().lower()
        if cte in ("base64", "quoted-printable"):
            raise _Fallback
        msg.set_payload([_entity(body, depth + 1, budget)])
        return msg
    payload = body.decode("ascii", "surrogateescape")
    msg.set_payload(payload)
    msg._source = (payload, body)  # type: ignore[attr-defined]
    return msg


def _split(body: bytes, boundary: bytes) -> tuple[list[bytes], bool]:
    """The parts between ``--boundary`` delimiter lines (RFC 2046 §5.1.1), and whether the close delimiter came.

    Without a close delimiter the last part runs to the end of ``body`` (a message cut at the size limit must not
    send 50 MB through the line-by-line stdlib parser); without any delimiter this falls back.
    """
    delimiter = b"--" + boundary
    parts: list[bytes] = []
    start: int | None = None  # where the current part's content starts
    pos = 0
    n = len(body)
    while pos < n:
        found = body.find(delimiter, pos)
        if found < 0:
            break
        if found and body[found - 1 : found] != b"\n":  # not at a line start (checked first: no scan to line end)
            pos = found + len(delimiter)
            continue
        line_end = body.find(b"\n", found)
        line_end = n if line_end < 0 else line_end
        rest = body[found + len(delimiter) : line_end].rstrip(b"\r \t")
        if rest not in (b"", b"--"):
            pos = line_end
            continue
        if start is not None:
            end = found
            if body[end - 1 : end] == b"\n":  # the line break before a delimiter belongs to the delimiter
                end -= 2 if body[end - 2 : end] == b"\r\n" else 1
            parts.append(body[start:end])
        if rest == b"--":
            return parts, True
        start = line_end + 1
        pos = start
    if start is None:
        raise _Fallback  # no delimiter at all: the stdlib parser records the defect
    last = body[start:]
    if last.endswith(b"\n"):  # as in the stdlib parser, the final line break belongs to no part
        last = last[:-2] if last.endswith(b"\r\n") else last[:-1]
    parts.append(last)
    return parts, False
