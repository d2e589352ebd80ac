"""Faster, equivalent ``get_display_str`` and ``get_text_operands`` for pypdf, installed on verified versions only.

pypdf's ``get_display_str`` (it puts the characters of one text-showing operator in display order) looks up and
classifies every character, one Python call at a time, to handle right-to-left scripts: about a third of the time
spent on a PDF's text layer. When no character of the run is in a right-to-left range (pypdf's own ranges; a custom
range set with ``set_custom_rtl`` turns this off) and the run does not start inside right-to-left text, that
function appends every mapped character in order; this does the same with one dict look-up per character and one
regex search. Everything else goes to pypdf's function, so its output is the same for every input
(tests/detect_extract/test_pdf_speed.py compares the two). ``get_text_operands`` (the text and width of one string
operand) loses its two generator expressions, the other third of the per-character cost.

Installed by `install` for the pypdf versions in `VERIFIED` only: another version keeps its own function.
"""

from __future__ import annotations

import re
from typing import Any

VERIFIED = frozenset({"6.21.4"})
# pypdf._utils.RTL_CHARACTER_RANGES, as one character class (checked against pypdf's ranges by `install`)
_RTL_RANGES = (("\u0590", "\u08ff"), ("\ufb1d", "\ufdff"), ("\ufe70", "\ufeff"))
_RTL = re.compile("[" + "".join(f"{low}-{high}" for low, high in _RTL_RANGES) + "]")
_installed = False


def install() -> bool:
    """Replace pypdf's two functions where its text extractor calls them; True when the fast paths are in use."""
    global _installed
    if _installed:
        return True
    try:
        import pypdf
        import pypdf._text_extraction as extraction
        import pypdf._text_extraction._text_extractor as extractor
        from pypdf import _utils
    except ImportError:
        return False
    if (
        pypdf.__version__ not in VERIFIED
        or tuple(_utils.RTL_CHARACTER_RANGES) != _RTL_RANGES
        or extractor.get_display_str is not extraction.get_display_str
        or extractor.get_text_operands is not extraction.get_text_operands
    ):
        return False
    extractor.get_display_str = _fast_display_str(extraction, extraction.get_display_str)
    extractor.get_text_operands = _fast_text_operands(extraction, extraction.get_text_operands)
    _installed = True
    return True


def _fast_display_str(extraction: Any, original: Any) -> Any:
    def get_display_str(
        text: str,
        cm_matrix: Any,
        tm_matrix: Any,
        font_resource: Any,
        font: Any,
        text_operands: str,
        font_size: float,
        rtl_dir: bool,
        visitor_text: Any,
    ) -> tuple[str, bool, str]:
        if not rtl_dir and not (extraction.CUSTOM_RTL_MIN and extraction.CUSTOM_RTL_MAX):
            get = font.character_map.get
            try:
                shown = "".join([get(character, character) for character in text_operands])
            except TypeError:  # a character map value that is not text: pypdf's own code decides
                shown = None
            if shown is not None and not _RTL.search(shown):
                return text + shown, False, ""
        return original(
            text, cm_matrix, tm_matrix, font_resource, font, text_operands, font_size, rtl_dir, visitor_text
        )

    get_display_str.__doc__ = original.__doc__
    return get_display_str


def _fast_text_operands(extraction: Any, original: Any) -> Any:
    """pypdf's ``get_text_operands`` for byte strings in a font with a dict encoding, without generator calls.

    The text is the encoding's character for each byte (``chr(byte)`` when it has none); the width is summed over the
    bytes read as Latin-1 (pypdf's ``chr(byte)`` for each), in the same order with the same per-call cache of
    ``font.get_text_width``, so the float sum is the same. Every other case is pypdf's own function.
    """

    def get_text_operands(
        operands: Any, cm_matrix: Any, tm_matrix: Any, font: Any, orientations: Any
    ) -> tuple[str, bool, float]:
        first = operands[0] if len(operands) > 0 else None
        encoding = font.encoding
        if not isinstance(first, bytes) or isinstance(encoding, str):
            return original(operands, cm_matrix, tm_matrix, font, orientations)
        if extraction.orient(extraction.mult(tm_matrix, cm_matrix)) not in orientations:
            return "", False, 0.0
        get = encoding.get
        text = "".join([get(byte, chr(byte)) for byte in first])
        raw_characters = first.decode("latin-1")
        widths = 0.0
        width_cache: dict[str, float] = {}
        space_char = font.space_char
        for char in raw_characters or text:
            if char == space_char:
                widths += font.space_width
            else:
                if char not in width_cache:
                    width_cache[char] = font.get_text_width(char)
                widths += width_cache[char]
        return text, False, widths

    get_text_operands.__doc__ = original.__doc__
    return get_text_operands
