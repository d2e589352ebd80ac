"""App-wide Graph concurrency across replicas: N slots held as PostgreSQL session advisory locks.

Graph allows 4 concurrent requests per app across ALL mailboxes, and so across every replica of the worker. Each
request first takes one of ``[graph] max_concurrency`` slots: ``pg_try_advisory_lock(namespace, slot)`` on a
connection it keeps for the duration of the request, trying the slots in turn and waiting briefly when all are
taken. A replica that dies releases its slots with its connections. SQLite runs a single worker, so its limiter
is the process-local semaphore alone (`slot_limiter` returns None).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import Engine, text

NAMESPACE = 0x4879_6769  # "Hygi": the advisory-lock namespace of Graph slots
_POLL_S = (0.005, 0.03)


class PgSlotLimiter:
    """Hands out at most ``slots`` concurrent Graph slots across every process sharing the database."""

    def __init__(self, engine: Engine, slots: int) -> None:
        self.engine = engine
        self.slots = slots
        self._rng = random.Random()

    def _try(self) -> tuple[Any, int] | None:
        conn = self.engine.connect()
        try:
            start = self._rng.randrange(self.slots)
            for i in range(self.slots):
                slot = (start + i) % self.slots
                got = conn.execute(text("SELECT pg_try_advisory_lock(:ns, :slot)"), {"ns": NAMESPACE, "slot": slot})
                if got.scalar():
                    return conn, slot
        except Exception:
            conn.close()
            raise
        conn.close()
        return None

    def _release(self, conn: Any, slot: int) -> None:
        try:
            conn.execute(text("SELECT pg_advisory_unlock(:ns, :slot)"), {"ns": NAMESPACE, "slot": slot})
            conn.commit()
        finally:
            conn.close()

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[int]:
        """Hold one slot for the duration of the block."""
        while True:
            got = await asyncio.to_thread(self._try)
            if got is not None:
                break
            await asyncio.sleep(self._rng.uniform(*_POLL_S))
        conn, slot = got
        try:
            yield slot
        finally:
            await asyncio.to_thread(self._release, conn, slot)


def slot_limiter(engine: Engine, slots: int) -> PgSlotLimiter | None:
    """The cross-replica limiter for ``engine`` (PostgreSQL), or None on SQLite (one worker only)."""
    if engine.dialect.name != "postgresql":
        return None
    return PgSlotLimiter(engine, slots)
