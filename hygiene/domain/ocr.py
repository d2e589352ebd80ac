"""Text read from images (OCR): the port the classifier uses and the value it returns.

The reading itself (Tesseract, a worker pool, a cache) is an adapter, `hygiene.adapters.ocr`; the domain only knows
that an `ImageReader` turns ``(where, bytes)`` pairs into text with a quality figure, or into reasons why it could
not ("image not read", "limit:ocr_time", "limit:images", "limit:image_pixels", "format:heic" ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

OCR_SUFFIX = " (ocr)"


@dataclass(frozen=True, slots=True)
class OcrText:
    """Text read from one image; ``confidence`` is the reader's mean word confidence in [0, 1]."""

    where: str
    text: str
    confidence: float


@dataclass(frozen=True, slots=True)
class OcrOutcome:
    """What an `ImageReader` read from a message's images, and why some images stayed unread."""

    texts: tuple[OcrText, ...] = ()
    reasons: tuple[str, ...] = ()


class ImageReader(Protocol):
    """Reads text from images. Implementations are thread-safe, bounded in time, and never raise on bad images."""

    def read(self, images: Sequence[tuple[str, bytes]]) -> OcrOutcome:
        """Text from each ``(where, image bytes)``; images not read are named in ``reasons`` (never silently)."""
        ...


def quality_factor(confidence: float) -> float:
    """How much a finding in OCR text is trusted: 1.0 from a mean word confidence of 0.75 up, falling linearly."""
    return max(0.0, min(1.0, confidence / 0.75))
