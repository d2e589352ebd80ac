"""A faster, equivalent ``get_display_str`` for pypdf's text extraction, installed only on verified pypdf versions.

pypdf's ``get_display_str`` (it puts the characters of one text-showing operator in display order) looks up and
classifies every character, one Python call at a time, to handle right-to-left scripts: about a third of the time
spent on a PDF's text layer. When no character of the run is in a right-to-left range (pypdf's own ranges; a custom
range set with ``set_custom_rtl`` turns this off) and the run does not start inside right-to-left text, that
function appends every mapped character in order; this does the same with one dict look-up per character and one
regex search. Everything else goes to pypdf's function, so its output is the same for every input
(tests/detect_extract/test_pdf_speed.py compares the two).

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
    """Replace pypdf's ``get_display_str`` where its text extractor calls it; True when the fast path is in use."""
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
    ):
        return False
    extractor.get_display_str = _fast_display_str(extraction, extraction.get_display_str)
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
