"""What the detector says about one message: the `Verdict` and its `Finding`s.

A verdict never holds a matched value: only kinds, categories, positions and confidences. Positions are offsets in
the extracted text of the part named by ``where``; they let a local operator find the spot, nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of sensitive data found in a message part.

    ``kind`` is the detector that fired (``no_fnr``, ``se_pnr``, ``health_keyword`` ...), ``category`` one of
    `hygiene.settings.CATEGORIES`, ``where`` is ``subject``, ``body``, ``html`` or ``attachment:NAME``.
    """

    kind: str
    category: str
    where: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """The classification of one message.

    ``sensitive`` is true when at least one enabled category reached its threshold and the message is readable.
    ``encrypted`` messages (S/MIME enveloped, message.rpmsg, PGP/MIME) are never sensitive. ``incomplete`` lists
    why some content could not be read (limits, images, unknown formats); it is never a reason to pass silently.
    """

    sensitive: bool
    encrypted: bool
    language: str | None
    categories: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    incomplete_reasons: tuple[str, ...] = ()
    auto_reply: bool = False
    markings: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def incomplete(self) -> bool:
        """True when some content could not be read."""
        return bool(self.incomplete_reasons)
