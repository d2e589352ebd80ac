"""Property: extraction never raises and stays within its limits, whatever the bytes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hygiene.domain.extract import Extraction, Limits, extract
from tests.detect_extract.conftest import FNR, attach, make_docx, make_zip, message, to_bytes

LIMITS = Limits(max_message_bytes=200_000, max_extracted_chars=50_000, max_depth=3, max_pdf_pages=3, time_budget_s=5.0)
SEEDS = [
    to_bytes(message(f"fnr {FNR}", html=f"<p>{FNR}</p>")),
    to_bytes(attach(message("x"), make_docx(f"fnr {FNR}"), "a.docx")),
    to_bytes(attach(message("x"), make_zip({"a.txt": FNR.encode(), "b.eml": to_bytes(message("y"))}), "a.zip")),
]


@st.composite
def mutated(draw) -> bytes:
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(("flip", "cut", "insert", "dup")))
        pos = draw(st.integers(0, max(len(raw) - 1, 0)))
        if op == "flip" and raw:
            raw[pos] = draw(st.integers(0, 255))
        elif op == "cut":
            del raw[pos : pos + draw(st.integers(1, 200))]
        elif op == "insert":
            raw[pos:pos] = draw(st.sampled_from([b"\r\n", b"--", b"\x00", b"=?utf-8?b?", b"\r\n\r\n", b"PK\x03\x04"]))
        else:
            raw[pos:pos] = raw[pos : pos + draw(st.integers(1, 500))]
    return bytes(raw)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=2000), mutated()))
def test_extract_never_raises_and_respects_limits(raw):
    got = extract(raw, LIMITS)
    assert isinstance(got, Extraction)
    assert sum(len(part.text) for part in got.parts) <= LIMITS.max_extracted_chars
    assert len({part.where for part in got.parts}) == len(got.parts)
