"""Fixtures of the worker tests: databases (SQLite, and PostgreSQL when reachable), clocks, stores."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from hygiene.adapters.store.models import Base
from hygiene.adapters.store.state import StateStore
from hygiene.clock import FakeClock
from tests.conftest import fresh_pg_database, migrated_url


@pytest.fixture(scope="session")
def worker_pg_url() -> Iterator[str]:
    """A throw-away PostgreSQL database for this test session (skipped locally, an error in CI, when absent)."""
    with fresh_pg_database("hygiene_worker") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def worker_db_url(request, tmp_path) -> Iterator[str]:
    """A database URL with a fresh schema, once SQLite and once PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'worker.db'}"
    else:
        url = request.getfixturevalue("worker_pg_url")
    migrated_url(url)
    yield url
    if request.param == "postgresql":
        eng = create_engine(url)
        Base.metadata.drop_all(eng)
        eng.dispose()


@pytest.fixture
def engine(worker_db_url) -> Iterator[Engine]:
    """An engine on ``worker_db_url``."""
    eng = create_engine(worker_db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def sessions(engine) -> sessionmaker[Session]:
    """A session factory."""
    return sessionmaker(engine, expire_on_commit=False)


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock at 2026-11-02 08:00 UTC."""
    return FakeClock()


@pytest.fixture
def store(sessions, clock) -> StateStore:
    """A state store owned by worker ``w1``."""
    return StateStore(sessions, clock, hmac_key=b"k" * 32, owner="w1")


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio (the worker's loop)."""
    return "asyncio"
