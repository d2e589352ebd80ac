"""The fast ``get_display_str`` gives pypdf's own answer for every run of characters, and the same PDF text."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pypdf = pytest.importorskip("pypdf")

import pypdf._text_extraction as extraction  # noqa: E402
import pypdf._text_extraction._text_extractor as extractor  # noqa: E402

from hygiene.domain.extract import _pdf_speed  # noqa: E402
from hygiene.domain.extract.formats import read_pdf  # noqa: E402
from tests.detect_extract.conftest import make_pdf  # noqa: E402

ORIGINAL = extraction.get_display_str
FAST = _pdf_speed._fast_display_str(extraction, ORIGINAL)
ORIGINAL_OPERANDS = extraction.get_text_operands
FAST_OPERANDS = _pdf_speed._fast_text_operands(extraction, ORIGINAL_OPERANDS)
# Latin, Nordic, Hebrew, Arabic, Arabic-Indic digits (neutral and right-to-left), punctuation, spaces, RTL marks
ALPHABET = "ab Z1.,-æøå\u05d0\u05d1\u0627\u0628\u0660\u0661\u06f1\u200f\u2013()\ufb1d\ufe70\ufeff\u08ff\u0590"
MAP_VALUES = st.one_of(st.text(alphabet=ALPHABET, max_size=3), st.sampled_from(["", "ﬁ", "\u05d0b"]))


def call(function, text, operands, character_map, rtl_dir):
    seen: list[str] = []
    font = SimpleNamespace(character_map=character_map)
    result = function(text, [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0], None, font, operands, 12.0, rtl_dir, None)
    visited = function(
        text,
        [1, 0, 0, 1, 0, 0],
        [1, 0, 0, 1, 0, 0],
        None,
        font,
        operands,
        12.0,
        rtl_dir,
        lambda t, *_: seen.append(t),
    )
    return result, visited, seen


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET, max_size=5),
    operands=st.text(alphabet=ALPHABET + "\x00\x01", max_size=20),
    character_map=st.dictionaries(st.sampled_from(list(ALPHABET + "\x00\x01")), MAP_VALUES, max_size=6),
    rtl_dir=st.booleans(),
)
def test_fast_display_order_is_pypdfs(text, operands, character_map, rtl_dir):
    assert call(FAST, text, operands, character_map, rtl_dir) == call(ORIGINAL, text, operands, character_map, rtl_dir)


class _Font(SimpleNamespace):
    def get_text_width(self, text: str = "") -> float:
        return sum([self.character_widths.get(char, self.character_widths["default"]) for char in text], 0.0)


_MATRICES = st.sampled_from([[1, 0, 0, 1, 0, 0], [0, 1, -1, 0, 5, 5], [1, 0, 0, -1, 0, 0], [0.3, 0.1, 0.2, 0.7, 1, 2]])


@settings(max_examples=500, deadline=None)
@given(
    operand=st.one_of(st.binary(max_size=20), st.text(alphabet=ALPHABET, max_size=10)),
    encoding=st.one_of(
        st.sampled_from(["latin-1", "cp1252", "utf-16-be"]),
        st.dictionaries(st.integers(0, 255), st.text(alphabet=ALPHABET, max_size=2), max_size=8),
    ),
    widths=st.dictionaries(st.characters(max_codepoint=300), st.floats(0, 1000, width=32), max_size=8),
    space_char=st.sampled_from([" ", "a", "\x00"]),
    matrices=st.tuples(_MATRICES, _MATRICES),
    orientations=st.sampled_from([(0, 90, 180, 270), (0,), (90, 270)]),
    empty=st.booleans(),
)
def test_fast_text_operands_are_pypdfs(operand, encoding, widths, space_char, matrices, orientations, empty):
    font = _Font(encoding=encoding, space_char=space_char, space_width=0.25, character_widths={**widths, "default": 7})
    operands = [] if empty else [operand, 12]
    args = (operands, matrices[0], matrices[1], font, orientations)
    assert FAST_OPERANDS(*args) == ORIGINAL_OPERANDS(*args)


def test_a_custom_right_to_left_range_goes_to_pypdf(monkeypatch):
    monkeypatch.setattr(extraction, "CUSTOM_RTL_MIN", "a")
    monkeypatch.setattr(extraction, "CUSTOM_RTL_MAX", "z")
    args = ("", "abc 12", {}, False)
    assert call(FAST, *args) == call(ORIGINAL, *args)
    assert call(FAST, *args)[0] != ("abc 12", False, "")  # the custom range reordered the letters


def test_installed_on_the_pinned_pypdf_only():
    # A pypdf upgrade fails here: check the equivalence above on the new version, then add it to VERIFIED.
    assert pypdf.__version__ in _pdf_speed.VERIFIED
    assert _pdf_speed.install()
    assert extractor.get_display_str is not ORIGINAL
    assert extractor.get_text_operands is not ORIGINAL_OPERANDS


def _unicode_pdf(lines: list[str]) -> bytes | None:
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.is_file():
        return None
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dejavu", fname=str(font))
    pdf.add_page()
    pdf.set_font("dejavu", size=12)
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _pdfs() -> list[bytes]:
    pdfs = [make_pdf("Fødselsnummer 01010112345", "Diagnose: F32.1 - depresjon", "Kontonr 1234.56.78903")]
    mixed = _unicode_pdf(["Navn: Ola Nordmann", "שלום עולם 123", "مرحبا ٠١٢ بالعالم", "Blandet: abc שלום def"])
    if mixed is not None:
        pdfs.append(mixed)
    return pdfs


@pytest.mark.parametrize("data", _pdfs())
def test_pdf_text_is_the_same_with_and_without_the_fast_path(monkeypatch, data):
    assert _pdf_speed.install()
    fast = read_pdf(data, max_pages=20, deadline=time.monotonic() + 60)
    monkeypatch.setattr(extractor, "get_display_str", ORIGINAL)
    monkeypatch.setattr(extractor, "get_text_operands", ORIGINAL_OPERANDS)
    slow = read_pdf(data, max_pages=20, deadline=time.monotonic() + 60)
    assert fast.texts
    assert fast.texts == slow.texts
