"""SIGTERM in the middle of a delta page: the page's link is not saved, so the next sweep reads the rest of it.

Stopping after the first message of a page must not skip the others: neither in Sent Items (breach candidates)
nor in the swept folders (sensitive mail).
"""

from __future__ import annotations

import asyncio

from hygiene.clock import FakeClock
from hygiene.scheduler import run_once
from tests.breach.support import KARI, OFFICER, breach_rows, breach_settings, outgoing
from tests.worker.fakegraph import FakeGraph
from tests.worker.pipeline_support import build, sensitive


def _graph() -> FakeGraph:
    g = FakeGraph(page_size=3)
    for upn in (KARI, OFFICER):
        g.add_user(upn)
    return g


def _sweep(app, *, stop_after: str | None = None):
    if stop_after is not None:  # SIGTERM arrives while the first message of a page is handled
        target = app.breach if stop_after == "scan_message" else app.pipeline
        original = getattr(target, stop_after)

        async def then_stop(*args, **kwargs):
            result = await original(*args, **kwargs)
            app.pipeline.stopping = True
            return result

        setattr(target, stop_after, then_stop)

    async def go():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    return asyncio.run(go())


def test_a_stop_mid_page_in_sent_items_leaves_the_rest_for_the_next_sweep(tmp_path, breach_db_url):
    g = _graph()
    for n in range(3):
        g.deliver(KARI, outgoing(["lege@klinikk.example"], n=n), folder="sentitems")
    settings = breach_settings(tmp_path, breach_db_url, base_url=g.base)
    _sweep(build(settings, g, clock=FakeClock()), stop_after="scan_message")
    assert len(breach_rows(build(settings, g, clock=FakeClock()).sessions)) == 1
    stats = _sweep(build(settings, g, clock=FakeClock()))
    assert stats.breach_candidates == 2
    assert len(breach_rows(build(settings, g, clock=FakeClock()).sessions)) == 3


def test_a_stop_mid_page_in_the_inbox_leaves_the_rest_for_the_next_sweep(tmp_path, breach_db_url):
    g = _graph()
    for n in range(3):
        g.deliver(KARI, sensitive(n))
    settings = breach_settings(tmp_path, breach_db_url, base_url=g.base, mode="observe")
    settings.breach.enabled = False
    first = _sweep(build(settings, g, clock=FakeClock()), stop_after="handle_message")
    assert first.sensitive == 1
    second = _sweep(build(settings, g, clock=FakeClock()))
    assert second.sensitive == 2  # the two messages after the stop; the first is known by its case
