"""One message in, one `Verdict` out: extraction, language guess, detection, then the installation's policy.

`Classifier` is pure and thread-safe (it holds only immutable rules and settings), so the worker can share one
instance between threads. It never raises on bad input: a message that cannot be parsed yields a verdict whose
``incomplete_reasons`` say so.

The per-message time budget (``Limits.time_budget_s``) covers extraction and detection together (`classify`,
`Classifier.classify_within`): extraction stops at the deadline, and detection then reads as much of the text as
it can scan in the time left (at least `MIN_DETECT_CHARS`, the subject and bodies first); a cut adds ``limit:time``
to the incomplete reasons. The rate is `DETECT_CHARS_PER_S`, or, for a text over `PROBE_ABOVE_CHARS`, what the
detector reached on its first `PROBE_CHARS` if slower (text dense with findings is scanned far slower than mixed
mail). Messages that fit (all but huge ones) are detected whole, with identical findings.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from hygiene.domain.extract import Extraction, Limits, extract
from hygiene.domain.extract.html import html_to_text
from hygiene.domain.ocr import ImageReader, OcrOutcome, quality_factor
from hygiene.domain.text import TextPart
from hygiene.domain.verdict import Finding, Verdict

if TYPE_CHECKING:
    from hygiene.domain.detect import Rules

CATEGORY_ORDER = (
    "national_id",
    "health",
    "ethnicity",
    "religion",
    "politics",
    "union",
    "sexual_orientation",
    "genetic_biometric",
    "criminal",
    "bank_account",
    "payment_card",
)
_LANGUAGE_SAMPLE_CHARS = 20_000
DETECT_CHARS_PER_S = 2_000_000
"""Detection rate assumed when fitting detection into the time a message has left (chars per second on one busy
core; measured ~5 M/s on mixed mail, so a cut text is scanned well within the time left)."""
MIN_DETECT_CHARS = 200_000
"""Text detected even when extraction used the whole budget: the subject and the start of the body."""
PROBE_ABOVE_CHARS = 1_000_000
PROBE_CHARS = 100_000
"""A text longer than `PROBE_ABOVE_CHARS` is timed on its first `PROBE_CHARS` before the time left is shared out."""
_BODY_WHERE = ("body", "html")


class Classifier:
    """Decides whether one message holds sensitive personal data that arrived readable.

    ``min_confidence`` is the default threshold a finding must reach; ``thresholds`` overrides it per category;
    categories in ``disabled`` are ignored. A message is sensitive when at least one enabled category has a finding
    at or above its threshold and the message is not encrypted; encrypted messages are never sensitive.

    ``ocr`` (optional) reads the message's images; its text is detected like any other part, at ``where`` + " (ocr)",
    with confidences scaled by the OCR quality. Without it, images stay "image not read" (incomplete).
    """

    def __init__(
        self,
        rules: Rules,
        *,
        limits: Limits,
        min_confidence: float = 0.5,
        thresholds: Mapping[str, float] | None = None,
        disabled: Iterable[str] = (),
        ocr: ImageReader | None = None,
    ) -> None:
        from hygiene.domain import detect as _detect

        self._detect = _detect
        self.rules = rules
        self.limits = limits
        self.min_confidence = float(min_confidence)
        self.thresholds = dict(thresholds or {})
        self.disabled = frozenset(disabled)
        self.ocr = ocr

    @classmethod
    def from_settings(cls, detection: Any, *, ocr: ImageReader | None = None) -> Classifier:
        """A classifier for the ``[detection]`` settings section (`hygiene.settings.DetectionSettings`).

        ``ocr`` is the image reader a composition root built (`hygiene.adapters.ocr.build_reader`), or None.

        Raises:
            ValueError: the rules file named by ``detection.rules_file`` is missing or malformed (the message names the
                file, the rule and the problem).
        """
        from hygiene.domain.detect import load_rules

        return cls(
            load_rules(detection.rules_file),
            limits=Limits.from_settings(detection),
            min_confidence=detection.min_confidence,
            thresholds=detection.thresholds,
            disabled=detection.disabled_categories,
            ocr=ocr,
        )

    def threshold(self, category: str) -> float:
        """The confidence a finding of ``category`` must reach."""
        return self.thresholds.get(category, self.min_confidence)

    def classify(self, mime: bytes) -> Verdict:
        """The verdict for one raw RFC 5322 message, within the time budget. Pure; never raises on bad input."""
        return self.classify_within(mime)[1]

    def classify_within(self, mime: bytes) -> tuple[Extraction, Verdict]:
        """Extract and detect one message within ``limits.time_budget_s`` for both (see the module docstring);
        returns the extraction (whole, for the caller's headers and sender) and the verdict."""
        deadline = time.monotonic() + self.limits.time_budget_s
        extraction = extract(mime, self.limits)
        rate = float(DETECT_CHARS_PER_S)
        if not extraction.encrypted and _chars(extraction.parts) > PROBE_ABOVE_CHARS:
            sample = fit_to_time(extraction, 0.0, min_chars=PROBE_CHARS).parts
            started = time.monotonic()
            # the findings are discarded: this measures how fast this text is scanned (classify_extraction below
            # reports a detector failure)
            with contextlib.suppress(Exception):
                self._detect.detect(sample, self.rules, language=self._language(sample))
            rate = min(rate, _chars(sample) / max(time.monotonic() - started, 1e-6))
        fitted = fit_to_time(extraction, deadline - time.monotonic(), rate=rate)
        return extraction, self.classify_extraction(fitted)

    def classify_extraction(self, extraction: Extraction) -> Verdict:
        """The verdict for an already extracted message (the CLI and benchmarks time the two steps apart)."""
        reasons = list(extraction.incomplete_reasons)
        parts = extraction.parts
        factors: dict[str, float] = {}
        if extraction.images and self.ocr is not None and not extraction.encrypted:
            parts, factors = self._read_images(extraction, reasons)
        language = self._language(parts)
        if extraction.encrypted:
            return Verdict(
                sensitive=False,
                encrypted=True,
                language=language,
                incomplete_reasons=tuple(reasons),
                auto_reply=extraction.auto_reply,
                markings=extraction.markings,
            )
        try:
            raw = self._detect.detect(parts, self.rules, language=language)
        except Exception:  # a detector bug must not stop a sweep, nor pass silently
            raw = []
            reasons.append("error:detect")
        if factors:
            raw = [replace(f, confidence=f.confidence * factors[f.where]) if f.where in factors else f for f in raw]
        findings = tuple(
            finding
            for finding in raw
            if finding.category not in self.disabled and finding.confidence >= self.threshold(finding.category)
        )
        counts = Counter(finding.category for finding in findings)
        categories = tuple(category for category in CATEGORY_ORDER if counts.get(category))
        categories += tuple(sorted(set(counts) - set(CATEGORY_ORDER)))
        return Verdict(
            sensitive=bool(categories),
            encrypted=False,
            language=language,
            categories=categories,
            findings=findings,
            incomplete_reasons=tuple(reasons),
            auto_reply=extraction.auto_reply,
            markings=extraction.markings,
            counts={category: counts[category] for category in categories},
        )

    def _read_images(self, extraction: Extraction, reasons: list[str]) -> tuple[tuple[TextPart, ...], dict[str, float]]:
        """OCR text as extra parts; "image not read" stays only if some image was not read."""
        assert self.ocr is not None
        try:
            outcome = self.ocr.read(extraction.images)
        except Exception:
            outcome = OcrOutcome(reasons=("image not read", "ocr:error"))
        if "limit:images" not in reasons and "image not read" not in outcome.reasons:
            reasons[:] = [reason for reason in reasons if reason != "image not read"]
        for reason in outcome.reasons:
            if reason not in reasons:
                reasons.append(reason)
        parts = extraction.parts + tuple(TextPart(text.where, text.text) for text in outcome.texts)
        return parts, {text.where: quality_factor(text.confidence) for text in outcome.texts}

    def needs_mime(self, *, subject: str, body: str | None, has_attachments: bool) -> bool:
        """Prescreen from Graph delta fields: False only when downloading the MIME cannot change the verdict.

        ``body`` is the message body as Graph returns it (HTML or text); None means unknown, so the MIME is needed.
        Inline images (``<img src="cid:...">``) need the MIME too: Graph does not count them in ``hasAttachments``.
        """
        if has_attachments or body is None:
            return True
        lowered = body.lower()
        if "<img" in lowered and "cid:" in lowered:  # inline images: Graph's hasAttachments is false for them
            return True
        text = html_to_text(body) if "<" in body else body
        try:
            return bool(self._detect.may_be_sensitive(f"{subject or ''}\n{text}", self.rules))
        except Exception:
            return True

    def _language(self, parts: Iterable[TextPart]) -> str | None:
        sample: list[str] = []
        size = 0
        ordered = sorted(parts, key=lambda part: part.where not in _BODY_WHERE)
        for part in ordered:
            if size >= _LANGUAGE_SAMPLE_CHARS:
                break
            chunk = part.text[: _LANGUAGE_SAMPLE_CHARS - size]
            sample.append(chunk)
            size += len(chunk)
        if not sample:
            return None
        try:
            return self._detect.guess_language("\n".join(sample))
        except Exception:
            return None


__all__ = ["Classifier", "Finding"]


def _chars(parts: Iterable[TextPart]) -> int:
    return sum(len(part.text) for part in parts)


def fit_to_time(
    extraction: Extraction,
    remaining_s: float,
    *,
    rate: float = DETECT_CHARS_PER_S,
    min_chars: int = MIN_DETECT_CHARS,
) -> Extraction:
    """``extraction`` with its text cut to what detection can scan in ``remaining_s`` at ``rate`` chars per second
    (at least ``min_chars``), parts in their order (subject, bodies, then attachments); unchanged when it all fits.
    A cut part keeps its start; the cut adds ``limit:time`` to ``incomplete_reasons``."""
    allowed = max(min_chars, int(max(remaining_s, 0.0) * rate))
    if _chars(extraction.parts) <= allowed:
        return extraction
    kept: list[TextPart] = []
    for part in extraction.parts:
        if allowed <= 0:
            break
        kept.append(part if len(part.text) <= allowed else TextPart(part.where, part.text[:allowed]))
        allowed -= len(part.text)
    reasons = extraction.incomplete_reasons
    if "limit:time" not in reasons:
        reasons = (*reasons, "limit:time")
    return replace(extraction, parts=tuple(kept), incomplete_reasons=reasons)
