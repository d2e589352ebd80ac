"""Fixtures of the audit tests: an engine with a fresh schema on SQLite and (when reachable) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from hygiene.adapters.store.models import Base

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
def pg_database_url() -> Iterator[str]:
    """A throw-away PostgreSQL database for this test session (skipped locally, an error in CI, when absent)."""
    if not _pg_available():
        if os.environ.get("CI"):
            raise RuntimeError(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL is not reachable")
    name = f"hygiene_audit_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path) -> Iterator[Engine]:
    """An engine on an empty schema (``Base.metadata``), once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        eng = create_engine(f"sqlite:///{tmp_path / 'audit.db'}")
    else:
        eng = create_engine(request.getfixturevalue("pg_database_url"))
    Base.metadata.drop_all(eng)
    Base.metadata.create_all(eng)
    yield eng
    Base.metadata.drop_all(eng)
    eng.dispose()


@pytest.fixture
def sessions(engine) -> sessionmaker[Session]:
    """A session factory on ``engine``."""
    return sessionmaker(engine, expire_on_commit=False)
