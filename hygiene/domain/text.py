"""Readable text taken out of a message: the unit the detector works on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextPart:
    """A piece of readable text and where it came from.

    ``where`` is ``subject``, ``body`` (text/plain), ``html`` (text/html rendered to text) or ``attachment:NAME``
    (NAME is the attachment's file name; ``message/rfc822`` for a forwarded message without one; a suffix such as
    `` (ocr)`` marks text read from an image). Offsets in findings are offsets into ``text``.
    """

    where: str
    text: str
