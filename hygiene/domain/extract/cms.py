"""Just enough BER/DER reading to tell S/MIME enveloped from signed data and to unwrap opaque signed content.

An ``application/pkcs7-mime; smime-type=signed-data`` part is signed, not encrypted: the signed MIME entity sits in
``ContentInfo.content.encapContentInfo.eContent`` and anyone can read it. Everything here is bounded (nesting and
item counts) and returns ``None`` rather than raising on malformed input.
"""

from __future__ import annotations

# OIDs as DER content bytes (without tag and length).
OID_DATA = bytes.fromhex("2a864886f70d010701")
OID_SIGNED_DATA = bytes.fromhex("2a864886f70d010702")
OID_ENVELOPED_DATA = bytes.fromhex("2a864886f70d010703")
OID_AUTH_ENVELOPED_DATA = bytes.fromhex("2a864886f70d0109100117")
OID_COMPRESSED_DATA = bytes.fromhex("2a864886f70d0109100109")

_MAX_NESTING = 24
_MAX_ITEMS = 10_000


class _Malformed(Exception):
    pass


def _header(data: bytes, pos: int) -> tuple[int, bool, int, int | None]:
    """(tag byte, constructed, content start, content length or None if indefinite)."""
    if pos + 2 > len(data):
        raise _Malformed
    tag = data[pos]
    if tag & 0x1F == 0x1F:  # high tag numbers do not occur in the structures we read
        raise _Malformed
    first = data[pos + 1]
    pos += 2
    if first < 0x80:
        return tag, bool(tag & 0x20), pos, first
    if first == 0x80:
        return tag, bool(tag & 0x20), pos, None
    count = first & 0x7F
    if count > 6 or pos + count > len(data):
        raise _Malformed
    length = int.from_bytes(data[pos : pos + count], "big")
    return tag, bool(tag & 0x20), pos + count, length


def _children(data: bytes, start: int, length: int | None, depth: int) -> tuple[list[tuple[int, int, int]], int]:
    """Children of a constructed value as (tag, start, end) spans of their whole TLV, and the value's end."""
    if depth > _MAX_NESTING:
        raise _Malformed
    items: list[tuple[int, int, int]] = []
    pos = start
    end = None if length is None else start + length
    if end is not None and end > len(data):
        raise _Malformed
    while True:
        if end is not None and pos >= end:
            return items, end
        if end is None and data[pos : pos + 2] == b"\x00\x00":
            return items, pos + 2
        if len(items) >= _MAX_ITEMS or pos >= len(data):
            raise _Malformed
        child_end = _skip(data, pos, depth + 1)
        items.append((data[pos], pos, child_end))
        pos = child_end


def _skip(data: bytes, pos: int, depth: int) -> int:
    tag, constructed, start, length = _header(data, pos)
    if length is not None:
        if start + length > len(data):
            raise _Malformed
        return start + length
    if not constructed:
        raise _Malformed
    _, end = _children(data, start, None, depth)
    return end


def _kids(data: bytes, pos: int, depth: int) -> list[tuple[int, int, int]]:
    tag, constructed, start, length = _header(data, pos)
    if not constructed:
        raise _Malformed
    items, _ = _children(data, start, length, depth)
    return items


def _primitive(data: bytes, pos: int) -> bytes:
    tag, constructed, start, length = _header(data, pos)
    if constructed or length is None:
        raise _Malformed
    return data[start : start + length]


def _octets(data: bytes, pos: int, depth: int) -> bytes:
    """An OCTET STRING's bytes, concatenating BER chunks of a constructed one."""
    if depth > _MAX_NESTING:
        raise _Malformed
    tag, constructed, start, length = _header(data, pos)
    if not constructed:
        return _primitive(data, pos)
    return b"".join(_octets(data, child, depth + 1) for _, child, _ in _kids(data, pos, depth))


def content_type(der: bytes) -> bytes | None:
    """The ContentInfo content-type OID (DER content bytes), or None if ``der`` is not a ContentInfo."""
    try:
        kids = _kids(der, 0, 0)
        if not kids or kids[0][0] != 0x06:
            return None
        return _primitive(der, kids[0][1])
    except (_Malformed, IndexError):
        return None


def is_protected(der: bytes) -> bool:
    """True for enveloped and auth-enveloped data: content that needs a key to read."""
    return content_type(der) in (OID_ENVELOPED_DATA, OID_AUTH_ENVELOPED_DATA)


def signed_content(der: bytes) -> bytes | None:
    """The encapsulated content of a CMS SignedData (opaque signed S/MIME), or None if absent or malformed."""
    try:
        kids = _kids(der, 0, 0)
        if len(kids) < 2 or _primitive(der, kids[0][1]) != OID_SIGNED_DATA:
            return None
        explicit = _kids(der, kids[1][1], 1)  # [0] EXPLICIT
        signed = _kids(der, explicit[0][1], 2)  # SignedData SEQUENCE
        encap = next(span for span in signed if span[0] == 0x30)  # version, digestAlgorithms (SET 0x31), encap...
        encap_kids = _kids(der, encap[1], 3)
        if len(encap_kids) < 2:
            return None  # detached signature: no content here
        inner = _kids(der, encap_kids[1][1], 4)  # [0] EXPLICIT eContent
        return _octets(der, inner[0][1], 5)
    except (_Malformed, IndexError, StopIteration):
        return None
