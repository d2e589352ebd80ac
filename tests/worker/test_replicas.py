"""Two workers on one PostgreSQL database: disjoint mailboxes, and together within the app-wide Graph limit."""

from __future__ import annotations

import asyncio

import pytest

from hygiene.clock import FakeClock
from hygiene.pipeline import SweepStats
from tests.worker.fakegraph import FakeGraph
from tests.worker.pipeline_support import build, clean, sensitive, settings_for

pytestmark = pytest.mark.postgres


def test_two_replicas_never_share_a_mailbox_and_together_stay_within_four(tmp_path, worker_pg_url) -> None:
    from tests.conftest import migrated_url

    migrated_url(worker_pg_url)
    g = FakeGraph(delay_s=0.01)
    users = [f"user{i:02d}@contoso.example" for i in range(12)]
    for u in users:
        g.add_user(u)
        g.deliver(u, sensitive(1))
        for n in range(5):
            g.deliver(u, clean(n))
    clock = FakeClock()
    settings = settings_for(tmp_path, worker_pg_url)
    a = build(settings, g, clock=clock, owner="replica-a")
    b = build(settings, g, clock=clock, owner="replica-b")

    async def go() -> tuple[list[SweepStats], list[SweepStats], set[int], set[int]]:
        await a.pipeline.refresh_scope()
        mine_a = a.store.claim(ttl_s=600, limit=7)
        mine_b = b.store.claim(ttl_s=600)  # what is left
        try:
            res_a, res_b = await asyncio.gather(
                asyncio.gather(*(a.pipeline.sweep_mailbox(m) for m in mine_a)),
                asyncio.gather(*(b.pipeline.sweep_mailbox(m) for m in mine_b)),
            )
        finally:
            await a.aclose()
            await b.aclose()
        return list(res_a), list(res_b), {m.id for m in mine_a}, {m.id for m in mine_b}

    res_a, res_b, ids_a, ids_b = asyncio.run(go())
    assert ids_a.isdisjoint(ids_b)
    assert len(ids_a | ids_b) == 12
    assert len(ids_b) == 5
    # each folder of each mailbox was read by one worker only
    assert len(g.delta_starts) == len(set(g.delta_starts)) == 12 * 2
    assert sum(len(v) for v in g.purged.values()) == 12
    # each replica alone may run 4; together they still never exceed 4
    assert a.gateway.client.peak_in_flight <= 4
    assert b.gateway.client.peak_in_flight >= 1
    assert 1 < g.peak <= 4
