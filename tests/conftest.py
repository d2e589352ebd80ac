"""Fixtures every test area may use: databases on SQLite and PostgreSQL, the migrated schema, the corpus.

PostgreSQL is the server on 127.0.0.1:5432 (user postgres; override with ``HYGIENE_TEST_PG_URL``, an admin URL).
One fresh database is created per test session and dropped at its end. When the server is unreachable the
PostgreSQL variants are skipped on a laptop and fail when ``CI`` is set.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from hygiene import db

PG_ADMIN_URL = os.environ.get("HYGIENE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _pg_unreachable() -> str | None:
    try:
        eng = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        try:
            with eng.connect() as conn:
                conn.execute(text("SELECT 1"))
        finally:
            eng.dispose()
    except Exception as exc:
        return f"PostgreSQL is not reachable at {PG_ADMIN_URL} ({type(exc).__name__})"
    return None


@contextlib.contextmanager
def fresh_pg_database(prefix: str) -> Iterator[str]:
    """A new PostgreSQL database ``<prefix>_<random>``, dropped afterwards (connections forced off).

    Skips the test when the server is not reachable, or fails it when ``CI`` is set.
    """
    problem = _pg_unreachable()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """The URL of a fresh PostgreSQL database for this test session, dropped at its end."""
    with fresh_pg_database("hygiene_test") as url:
        yield url


def empty_database(url: str) -> None:
    """Drop every table (and the Alembic version) of the database at ``url``."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            else:
                from sqlalchemy import MetaData

                meta = MetaData()
                meta.reflect(conn)
                meta.drop_all(conn)
    finally:
        engine.dispose()


def migrated_url(url: str) -> str:
    """Empty the database at ``url`` and migrate it to head; returns ``url`` (for area fixtures)."""
    empty_database(url)
    db.upgrade(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database, once SQLite (a file in tmp_path) and once PostgreSQL (emptied per test)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hygiene.db'}"
    url: str = request.getfixturevalue("pg_url")
    empty_database(url)
    return url


@pytest.fixture
def migrated_db(db_url: str) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    """An engine and session factory on ``db_url`` migrated to head."""
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    try:
        yield engine, db.make_sessions(engine)
    finally:
        engine.dispose()


def find_corpus() -> Path | None:
    """``$HYGIENE_CORPUS``, else the nearest ``shared/corpus`` above this checkout, else None."""
    env = os.environ.get("HYGIENE_CORPUS")
    if env:
        return Path(env)
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "corpus"
        if (candidate / "labels.jsonl").is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The labelled corpus (``../shared/corpus`` or ``$HYGIENE_CORPUS``); skips locally, fails in CI, if absent."""
    path = find_corpus()
    if path is None or not (path / "labels.jsonl").is_file():
        if os.environ.get("CI"):
            pytest.fail("the corpus (shared/corpus with labels.jsonl) is missing; set HYGIENE_CORPUS")
        pytest.skip("corpus not found; set HYGIENE_CORPUS")
    return path
