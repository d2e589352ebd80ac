"""Fixtures of the breach register tests, on the root fixtures: a migrated database on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from hygiene import db
from hygiene.adapters.store.breaches import BreachStore
from hygiene.clock import FakeClock

HMAC_KEY = b"breach-test-key"


@pytest.fixture
def breach_db_url(db_url: str) -> str:
    """A database URL migrated to head (``db_url``: once SQLite, once PostgreSQL)."""
    db.upgrade(db_url)
    return db_url


@pytest.fixture
def engine(breach_db_url: str) -> Iterator[Engine]:
    """An engine on ``breach_db_url``."""
    eng = db.make_engine(breach_db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def sessions(engine) -> sessionmaker[Session]:
    """A session factory."""
    return db.make_sessions(engine)


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock at 2026-11-02 08:00 UTC."""
    return FakeClock()


@pytest.fixture
def breaches(sessions, clock) -> BreachStore:
    """The register on the migrated schema."""
    return BreachStore(sessions, clock, hmac_key=HMAC_KEY)
