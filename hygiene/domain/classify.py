"""One message in, one `Verdict` out: extraction, language guess, detection, then the installation's policy.

`Classifier` is pure and thread-safe (it holds only immutable rules and settings), so the worker can share one
instance between threads. It never raises on bad input: a message that cannot be parsed yields a verdict whose
``incomplete_reasons`` say so.
"""

from __future__ import annotations

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
        """The verdict for one raw RFC 5322 message. Pure; never raises on bad input."""
        return self.classify_extraction(extract(mime, self.limits))

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
