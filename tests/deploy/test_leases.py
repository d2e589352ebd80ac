"""A worker holds mailbox leases only while it works on those mailboxes, so other replicas can take the rest."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
from sqlalchemy import func, select

from hygiene.adapters.store.models import MailboxRow
from hygiene.app import App
from hygiene.clock import FakeClock
from hygiene.db import upgrade
from hygiene.scheduler import run_once
from tests.worker.fakegraph import FakeGraph
from tests.worker.pipeline_support import FAST, MarkerDetector, clean, sensitive, settings_for

USERS = [f"user{i:02d}@contoso.example" for i in range(12)]


def _leases_seen(tmp_path, *, lanes: int | None = None, housekeeping: bool = False) -> list[int]:
    g = FakeGraph()
    for u in USERS:
        g.add_user(u)
        g.deliver(u, sensitive(1))
        g.deliver(u, clean(1), folder="deleteditems")
    url = f"sqlite:///{tmp_path / 'hygiene.db'}"
    upgrade(url)
    settings = settings_for(tmp_path, url)
    if housekeeping:
        settings.actions.purge_deleted_items_after_days = 1
    app: App | None = None
    seen: list[int] = []

    async def handle(request: httpx.Request) -> httpx.Response:
        if "/users/" in request.url.path:  # a mailbox request: how many leases are held right now?
            with app.sessions() as s:
                seen.append(s.scalar(select(func.count()).where(MailboxRow.lease_owner.is_not(None))))
        return await g.handle(request)

    clock = FakeClock()
    app = App.from_settings(
        settings, clock=clock, transport=httpx.MockTransport(handle), retry=FAST, classifier=MarkerDetector()
    )

    async def go() -> None:
        try:
            if housekeeping:
                await app.pipeline.refresh_scope()
                clock.advance(timedelta(days=3))
                assert await app.pipeline.housekeeping() == len(USERS)
            elif lanes is not None:
                await app.pipeline.refresh_scope()
                stats = await app.pipeline.sweep(mailbox_concurrency=lanes)
                assert stats.ok
                assert stats.mailboxes == len(USERS)
            else:
                assert (await run_once(app)).ok
        finally:
            await app.aclose()

    asyncio.run(go())
    return seen


def test_a_sweep_leases_only_the_mailboxes_its_lanes_are_on(tmp_path) -> None:
    seen = _leases_seen(tmp_path, lanes=3)
    assert seen
    assert max(seen) == 3  # never all 12 at once: the other 9 stay claimable by another replica


def test_housekeeping_leases_one_mailbox_at_a_time(tmp_path) -> None:
    seen = _leases_seen(tmp_path, housekeeping=True)
    assert seen
    assert set(seen) == {1}
