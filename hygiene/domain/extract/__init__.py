"""Readable text out of a raw MIME message, bounded and never raising: the input of the detector.

`extract(mime, limits)` walks the MIME tree (subject, text and HTML bodies, attachments, forwarded messages, zip
archives) and returns an `Extraction`: the text parts with where they came from, whether the message is protected
(encrypted), whether it is an automatic reply or bounce, visible sensitivity markings, and the reasons why some
content could not be read (limits, images, unknown formats, parse errors). Nothing here does I/O; matched values and
content never appear in reasons or markings, which are short fixed tokens.

``encrypted`` is true when the message itself is protected: S/MIME enveloped data (``application/pkcs7-mime``,
``.p7m``), PGP/MIME (``multipart/encrypted``) or inline PGP, Microsoft Purview / IRM (``message.rpmsg``,
``Content-Class: rpmsg.message``); or when protected attachments (password-protected Office, encrypted PDF or zip
members) are all there is to read. A protected attachment next to a readable body adds the reason
``encrypted:<format>`` instead, so that readable data in the body is still judged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hygiene.domain.extract._walk import walk
from hygiene.domain.text import TextPart

__all__ = ["Extraction", "Limits", "extract"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Hard bounds on the work done for one message; past one, the extraction says why it is incomplete.

    ``max_message_bytes`` bounds the raw message (the rest is not read) and the total decompressed size of archives;
    ``max_extracted_chars`` the text handed to the detector; ``max_depth`` nesting of forwarded messages and archives;
    ``max_pdf_pages`` pages read per PDF; ``time_budget_s`` the wall time spent extracting.
    """

    max_message_bytes: int = 50 * 1024 * 1024
    max_extracted_chars: int = 20_000_000
    max_depth: int = 8
    max_pdf_pages: int = 200
    time_budget_s: float = 10.0

    @classmethod
    def from_settings(cls, detection: Any) -> Limits:
        """The limits from the ``[detection]`` settings section (`hygiene.settings.DetectionSettings`)."""
        return cls(
            max_message_bytes=detection.max_message_bytes,
            max_extracted_chars=detection.max_extracted_chars,
            max_depth=detection.max_depth,
            max_pdf_pages=detection.max_pdf_pages,
            time_budget_s=detection.time_budget_s,
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the detector and the worker need to know about one message, without its raw bytes.

    ``parts``: readable text, ``where`` = "subject" | "body" | "html" | "attachment:NAME" (+ "/INNER" for members of
    archives and attachments of forwarded messages); each ``where`` occurs once, so offsets in findings are
    unambiguous (the subject and bodies of a forwarded message are joined in its one part).
    ``headers`` holds lower-cased routing headers only.
    ``images`` holds (where, bytes) of image content for OCR.
    """

    parts: tuple[TextPart, ...]
    encrypted: bool
    auto_reply: bool
    markings: tuple[str, ...]
    incomplete_reasons: tuple[str, ...]
    sender: str | None
    headers: dict[str, str] = field(default_factory=dict)
    images: tuple[tuple[str, bytes], ...] = ()

    @property
    def incomplete(self) -> bool:
        """True when some content could not be read."""
        return bool(self.incomplete_reasons)


def extract(mime: bytes, limits: Limits) -> Extraction:
    """Read ``mime`` (RFC 5322 bytes) within ``limits``. Never raises on bad input.

    Parse problems, limits and unreadable content end up as short tokens in ``incomplete_reasons``:
    ``limit:size``, ``limit:chars``, ``limit:depth``, ``limit:pdf_pages``, ``limit:time``, ``limit:zip_*``,
    ``image not read``, ``format:<ext>``, ``encrypted:<format>``, ``parse_error``.
    """
    state = walk(mime, limits)
    return Extraction(
        parts=tuple(state.parts),
        encrypted=state.encrypted,
        auto_reply=state.auto_reply,
        markings=tuple(state.markings),
        incomplete_reasons=tuple(state.reasons),
        sender=state.sender,
        headers=state.headers,
        images=tuple(state.images),
    )
