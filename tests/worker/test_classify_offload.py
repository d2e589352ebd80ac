"""Classification runs off the event loop: a message that takes its whole time budget does not stall the Graph
traffic of the other mailboxes (against the sandbox over real HTTP); and the budget covers detection too."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from pathlib import Path

from hygiene.app import App
from hygiene.clock import FakeClock
from hygiene.domain.classify import MIN_DETECT_CHARS, Classifier, fit_to_time
from hygiene.domain.detect import load_rules
from hygiene.domain.extract import Extraction, Limits, extract
from hygiene.domain.text import TextPart
from hygiene.domain.verdict import Verdict
from hygiene.sandbox import Tenant, serve
from hygiene.scheduler import run_once
from tests.worker.pipeline_support import FAST, MarkerDetector, mime, settings_for

KARI = "kari@contoso.example"
OLA = "ola@contoso.example"
OLA_MESSAGES = 12


class SlowOnMarker(MarkerDetector):
    """The marker detector, but a message whose text holds ``SLOW-MARKER`` takes until OLA's mailbox is fully
    swept (every MIME fetched), at most ``wait_s``: as a message using its whole budget would."""

    def __init__(self, tenant: Tenant, wait_s: float = 8.0) -> None:
        super().__init__()
        self.tenant = tenant
        self.wait_s = wait_s
        self.others_done_meanwhile: bool | None = None
        self.lock = threading.Lock()

    def _ola_fetched(self) -> int:
        with self.tenant.lock:
            return self.tenant.mailbox_requests[(OLA, "messages.value")]

    def classify_extraction(self, extraction: Extraction) -> Verdict:
        if any("SLOW-MARKER" in part.text for part in extraction.parts):
            end = time.monotonic() + self.wait_s
            while time.monotonic() < end and self._ola_fetched() < OLA_MESSAGES:
                time.sleep(0.01)  # CPU-bound in real life; sleeping keeps the test light on the shared cores
            self.others_done_meanwhile = self._ola_fetched() >= OLA_MESSAGES
        return super().classify_extraction(extraction)


def test_a_slow_message_does_not_stall_other_mailboxes(tmp_path: Path) -> None:
    # Given KARI's first message takes long to classify and OLA has a dozen messages to fetch and classify
    tenant = Tenant(domain="contoso.example")
    for upn in (KARI, OLA):
        tenant.add_user(upn)
    tenant.limits.retry_after_s = 0
    tenant.deliver(KARI, mime("Stor", "diagnose-SLOW-MARKER " + "x" * 1000))
    for n in range(OLA_MESSAGES):
        tenant.deliver(OLA, mime(f"Referat {n}", f"diagnose-{n} oppfølging"))
    tenant.faults.slow(1.0, delay_s=0.02)  # every Graph request takes a little while, as the real one does
    detector = SlowOnMarker(tenant)
    with serve(tenant) as srv:
        settings = settings_for(tmp_path, f"sqlite:///{tmp_path / 'w.db'}", mode="observe", base_url=srv.base_url)
        app = App.from_settings(settings, clock=FakeClock(), retry=FAST, create_db=True, classifier=detector)

        async def go():
            try:
                return await run_once(app)
            finally:
                await app.aclose()

        stats = asyncio.run(go())
    # Then OLA's mailbox was swept completely while KARI's message was still being classified
    assert stats.ok
    assert stats.sensitive == OLA_MESSAGES + 1
    assert detector.others_done_meanwhile is True


def test_the_time_budget_covers_detection() -> None:
    # Given an extraction of 3 M characters and no time left, detection gets the first MIN_DETECT_CHARS, body first
    parts = (
        TextPart("subject", "Hei"),
        TextPart("body", "a" * 1_000_000),
        TextPart("attachment:x.txt", "b" * 2_000_000),
    )
    ex = dataclasses.replace(extract(mime("Hei", "kort"), Limits()), parts=parts)
    cut = fit_to_time(ex, 0.0)
    assert [p.where for p in cut.parts] == ["subject", "body"]
    assert sum(len(p.text) for p in cut.parts) == MIN_DETECT_CHARS
    assert "limit:time" in cut.incomplete_reasons
    # with time enough it is unchanged
    assert fit_to_time(ex, 60.0) is ex


class _Spy(Classifier):
    detected_chars = 0

    def classify_extraction(self, extraction: Extraction) -> Verdict:
        self.detected_chars = sum(len(p.text) for p in extraction.parts)
        return super().classify_extraction(extraction)


def test_a_message_whose_extraction_uses_the_whole_budget_gets_a_short_detection() -> None:
    # Given a 12 MB single-line HTML body and a budget its extraction uses up
    body = "<p>" + "ord " * 3_000_000 + "</p>"
    raw = ("From: a@example.org\r\nSubject: stor\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body).encode()
    classifier = _Spy(load_rules(), limits=Limits(time_budget_s=0.05))
    extraction, verdict = classifier.classify_within(raw)
    # Then detection read only what fits in the time left (the minimum), and the verdict says the budget cut it
    assert "limit:time" in verdict.incomplete_reasons
    assert classifier.detected_chars <= MIN_DETECT_CHARS
    # ... while the extraction handed back is whole (the worker reads headers and the sender from it)
    assert extraction.headers.get("subject") == "stor" or extraction.sender == "a@example.org"


class _SlowDetect:
    """A detector module double that scans 200,000 chars per second (text dense with findings)."""

    @staticmethod
    def detect(parts, rules, *, language=None):
        time.sleep(sum(len(p.text) for p in parts) / 200_000)
        return []


def test_a_text_the_detector_scans_slowly_is_cut_to_the_time_left() -> None:
    # Given 1.5 M chars that extraction reads at once, a 2 s budget, and a detector far slower than usual on them
    raw = ("From: a@example.org\r\nSubject: tett\r\nContent-Type: text/plain\r\n\r\n" + "ord " * 375_000).encode()
    classifier = _Spy(load_rules(), limits=Limits(time_budget_s=2.0))
    classifier._detect = _SlowDetect
    _, verdict = classifier.classify_within(raw)
    # Then the rate measured on the first PROBE_CHARS (not the usual rate, which would fit it all) sets the cut
    assert "limit:time" in verdict.incomplete_reasons
    assert classifier.detected_chars < 1_000_000
