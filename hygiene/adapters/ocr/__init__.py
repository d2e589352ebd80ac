"""OCR adapter: Tesseract (through tesserocr) in a bounded worker pool with a content-hash cache.

`build_reader(detection)` is what composition roots call: None when ``detection.ocr_enabled`` is false, otherwise
a `TesseractReader`, which reports every image as "image not read" (reason ``ocr:unavailable``) when tesserocr or
its language data is missing, so that a host without OCR never passes images as clean.
"""

from __future__ import annotations

from typing import Any

from hygiene.adapters.ocr.tesseract import TesseractReader

__all__ = ["TesseractReader", "build_reader"]


def build_reader(detection: Any) -> TesseractReader | None:
    """The image reader for the ``[detection]`` settings, or None when OCR is disabled."""
    if not detection.ocr_enabled:
        return None
    return TesseractReader(
        languages=detection.ocr_languages,
        max_images=detection.ocr_max_images,
        max_pixels=detection.ocr_max_pixels,
        time_budget_s=detection.ocr_time_budget_s,
        workers=detection.ocr_workers,
        cache_entries=detection.ocr_cache_entries,
    )
