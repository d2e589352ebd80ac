"""Fixtures of the worker tests: databases (SQLite, and PostgreSQL when reachable), clocks, stores."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from hygiene.adapters.store.models import Base
from hygiene.adapters.store.state import StateStore
from hygiene.clock import FakeClock
from tests.conftest import migrated_url

PG_ADMIN_URL = os.environ.get("HYGIENE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _pg_available() -> bool:
    try:
        eng = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 2})
        with eng.connect() as conn:
            conn.execute(text("select 1"))
        eng.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def worker_pg_url() -> Iterator[str]:
    """A throw-away PostgreSQL database for this test session (skipped locally, an error in CI, when absent)."""
    if not _pg_available():
        if os.environ.get("CI"):
            raise RuntimeError(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL is not reachable")
    name = f"hygiene_worker_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


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
