"""The breach register's Prometheus series: candidates found, and open entries in time or overdue (for alerts)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from hygiene.app import App
from hygiene.clock import FakeClock
from hygiene.metrics import Metrics
from hygiene.scheduler import run_once
from tests.breach.support import KARI, OFFICER, breach_settings, outgoing
from tests.worker.fakegraph import FakeGraph
from tests.worker.pipeline_support import FAST, MarkerDetector


def test_candidates_and_open_breaches_are_exported(tmp_path, breach_db_url):
    g = FakeGraph()
    for upn in (KARI, OFFICER):
        g.add_user(upn)
    g.deliver(KARI, outgoing(["lege@klinikk.example"], n=1), folder="sentitems")
    g.deliver(KARI, outgoing(["lege@klinikk.example"], n=2), folder="sentitems")
    clock = FakeClock()
    metrics = Metrics()
    settings = breach_settings(tmp_path, breach_db_url, base_url=g.base)
    app = App.from_settings(
        settings, clock=clock, transport=g.transport, retry=FAST, classifier=MarkerDetector(), metrics=metrics
    )

    async def go():
        try:
            return await run_once(app)
        finally:
            await app.gateway.aclose()

    asyncio.run(go())
    v = metrics.value
    assert v("hygiene_breach_candidates_total") == 2
    assert v("hygiene_breaches_open", deadline="in_time") == 2
    assert v("hygiene_breaches_open", deadline="overdue") == 0
    first, second = app.breach.store.entries()
    app.breach.store.assess(first.id, outcome="no_breach", note="Intern feil", actor="test")
    clock.advance(timedelta(hours=72, seconds=1))
    assert v("hygiene_breaches_open", deadline="in_time") == 0
    assert v("hygiene_breaches_open", deadline="overdue") == 1
    app.breach.store.assess(second.id, outcome="breach_risk", note="Feil mottakar", actor="test")
    assert v("hygiene_breaches_open", deadline="overdue") == 1  # assessed as a breach: the clock still runs
    app.breach.store.report(second.id, reference="DT-9", actor="test")
    assert v("hygiene_breaches_open", deadline="overdue") == 0
    app.engine.dispose()


class _ThreadNoting(MarkerDetector):
    """The marker detector, noting the thread each message is classified on."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: set[str] = set()

    def classify_extraction(self, extraction):
        import threading

        self.threads.add(threading.current_thread().name)
        return super().classify_extraction(extraction)


def test_sent_items_are_classified_off_the_event_loop(tmp_path, breach_db_url):
    g = FakeGraph()
    for upn in (KARI, OFFICER):
        g.add_user(upn)
    g.deliver(KARI, outgoing(["lege@klinikk.example"], n=3), folder="sentitems")
    detector = _ThreadNoting()
    settings = breach_settings(tmp_path, breach_db_url, base_url=g.base)
    app = App.from_settings(settings, clock=FakeClock(), transport=g.transport, retry=FAST, classifier=detector)

    async def go():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    assert asyncio.run(go()).breach_candidates == 1
    assert detector.threads
    assert all(name.startswith("hygiene-classify") for name in detector.threads), detector.threads
