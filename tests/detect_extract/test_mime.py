"""The fast MIME reader builds the same tree as the stdlib parser, and falls back to it on malformed input."""

from __future__ import annotations

import email
import email.header
import email.parser
import email.policy
from email.message import Message

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.domain.extract import _mime
from tests.detect_extract.conftest import attach, make_docx, message, to_bytes


def shape(msg: Message) -> list:
    out: list = [msg.get_content_type(), msg.items()]
    payload = msg.get_payload()
    if msg.get_content_type() == "message/delivery-status":  # ignored by extraction; the stdlib splits it up
        return out
    if isinstance(payload, list):
        out.extend(shape(child) for child in payload)
    else:
        out.append(msg.get_payload(decode=True))
    return out


def stdlib(raw: bytes) -> Message:
    return email.message_from_bytes(raw, policy=email.policy.compat32)


def built_messages() -> list[bytes]:
    nested = message("inner")
    attach(nested, make_docx("x"), "a.docx")
    outer = message("outer", html="<p>outer</p>")
    outer.add_attachment(nested)
    attach(outer, "æøå".encode(), "t.txt", "text", "plain")
    return [to_bytes(outer), to_bytes(message("plain")), to_bytes(outer).replace(b"\r\n", b"\n")]


def test_same_tree_as_stdlib_on_the_corpus(corpus_path):
    for path in sorted((corpus_path / "messages").glob("*.eml")):
        raw = path.read_bytes()
        assert shape(_mime.parse(raw)) == shape(stdlib(raw)), path.name


@pytest.mark.parametrize("raw", built_messages())
def test_same_tree_as_stdlib_on_built_messages(raw):
    assert shape(_mime.parse(raw)) == shape(stdlib(raw))


@pytest.mark.parametrize(
    "raw",
    [
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nno close\r\n",
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\nno delimiter at all\r\n",
        b"Content-Type: multipart/mixed\r\n\r\n--b\r\n\r\nno boundary parameter\r\n",
        b"\r\nno headers",
        b"Subject: only headers\r\n",
        b"Subject: x\r\nnot a header line\r\n\r\nbody",
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--bx\r\nnot a delimiter\r\n--b\r\n\r\nreal\r\n--b--\r\n",
    ],
)
def test_malformed_input_matches_stdlib_or_falls_back(raw):
    assert shape(_mime.parse(raw)) == shape(stdlib(raw))


def header_shape(msg: Message) -> tuple:
    return (
        type(msg).__name__,
        list(msg._headers),  # type: ignore[attr-defined]
        [type(defect).__name__ for defect in msg.defects],
        msg.get_unixfrom(),
        msg.get_payload(),
    )


_HEADER_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            ["Subject: hei", "From: a@b.no", "From a@b Mon", ":no name", " folded", "\tfolded", "X-\u00e6: v", "A:"]
        ),
        st.text(alphabet=" \t:ab\u00e6\r-\x00\x7f", max_size=12),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(lines=_HEADER_LINES, newline=st.sampled_from(["\r\n", "\n", "\r"]))
def test_header_blocks_are_read_as_the_stdlib_header_parser_reads_them(lines, newline):
    block = newline.join(lines).encode("utf-8", "surrogateescape")
    expected = email.parser.BytesHeaderParser(_class=_mime.ParsedMessage, policy=_mime.POLICY)
    assert header_shape(_mime._headers(block)) == header_shape(expected.parsebytes(block + b"\r\n"))


def test_indexed_header_lookups_follow_changes_to_the_headers():
    msg = _mime.parse(b"Content-Type: text/plain; charset=latin-1\r\nX-A: 1\r\nX-A: 2\r\n\r\nbody")
    assert (msg.get("x-a"), msg.get_param("charset"), msg.get("missing", "none")) == ("1", "latin-1", "none")
    msg.replace_header("X-A", "3")
    msg.set_param("charset", "utf-8")
    del msg["x-a"]
    msg["X-A"] = "4"
    assert (msg.get("X-A"), msg.get_param("charset"), msg.get_all("x-a")) == ("4", "utf-8", ["4"])
    assert "x-a" in msg
    del msg["X-A"]
    assert "x-a" not in msg
    assert msg.get("x-a") is None
    msg.set_raw("Subject", "=?utf-8?q?x?= \udce6")  # binary data: a Header object, made anew for each caller
    first, second = msg.get("subject"), msg.get("subject")
    assert isinstance(first, email.header.Header)
    assert first is not second
    msg.policy = email.policy.compat32  # no longer the bounded policy: fetched values are not reused
    msg.set_raw("X-Long", "v" * 40_000)
    assert len(msg.get("x-long")) == 40_000
    msg.policy = _mime.POLICY
    assert len(msg.get("x-long")) == _mime.MAX_HEADER_CHARS


@settings(max_examples=300, deadline=None)
@given(
    cte=st.sampled_from(["", "base64", "BASE64", "quoted-printable", "7bit", "8bit", "x-uuencode", "binary"]),
    body=st.lists(
        st.sampled_from([b"aGVp", b"aGV", b"=\r\n", b"=C3=A5", b"\xe6\xf8", b"\r\n", b"\n", b"!", b"=", b"begin 6"]),
        max_size=12,
    ).map(b"".join),
)
def test_decoded_payload_is_get_payload_decoded(cte, body):
    raw = b"Content-Transfer-Encoding: " + cte.encode() + b"\r\nContent-Type: text/plain\r\n\r\n" + body
    fast, slow = _mime.parse(raw), _mime.parse(raw)
    assert fast._source is not None  # read by the fast reader, not the stdlib parser
    assert fast.decoded_payload() == slow.get_payload(decode=True)
    assert [type(d) for d in fast.defects] == [type(d) for d in slow.defects]
    fast.set_payload("changed")
    assert fast.decoded_payload() == fast.get_payload(decode=True)
