"""Fixtures of the audit tests: an engine with a fresh schema on SQLite and (when reachable) PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from hygiene.adapters.store import audit as store
from hygiene.adapters.store.models import Base
from hygiene.domain import audit
from tests.conftest import fresh_pg_database, migrated_url


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A throw-away PostgreSQL database for this test session (skipped locally, an error in CI, when absent)."""
    with fresh_pg_database("hygiene_audit") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path) -> Iterator[Engine]:
    """An engine on an empty schema (``Base.metadata``), once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'audit.db'}"
    else:
        url = request.getfixturevalue("pg_database_url")
    eng = create_engine(migrated_url(url))
    yield eng
    Base.metadata.drop_all(eng)
    eng.dispose()


@pytest.fixture
def sessions(engine) -> sessionmaker[Session]:
    """A session factory on ``engine``."""
    return sessionmaker(engine, expire_on_commit=False)


@pytest.fixture
def audit_db_url(engine) -> str:
    """The URL of ``engine`` (password included) for commands that open the database themselves."""
    return engine.url.render_as_string(hide_password=False)


SAMPLE_T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def fill_sample(sessions: sessionmaker[Session]) -> None:
    """A small, realistic audit log: two mailboxes, three cases, a notice, a skip and errors (no content)."""
    t = SAMPLE_T0
    events: list[dict] = [
        dict(action=audit.SWEEP_STARTED, ts=t, detail={"mailboxes": 2}),
        dict(
            action=audit.DETECTED,
            ts=t + timedelta(minutes=1),
            mailbox="kari@kommune.no",
            case_id=1,
            sender_domain="gmail.com",
            categories=["health", "national_id"],
            detail={"counts": {"no_fnr": 1, "health_term": 2}, "confidence": 0.97},
        ),
        dict(
            action=audit.ARCHIVED,
            ts=t + timedelta(minutes=2),
            mailbox="kari@kommune.no",
            case_id=1,
            sender_domain="gmail.com",
            categories=["health", "national_id"],
            detail={"receipt": {"record_key": "a" * 64, "backend": "folder"}, "sha256": "b" * 64},
        ),
        dict(
            action=audit.DELETED,
            ts=t + timedelta(minutes=3),
            mailbox="kari@kommune.no",
            case_id=1,
            sender_domain="gmail.com",
            categories=["health", "national_id"],
        ),
        dict(
            action=audit.NOTICE_SENT,
            ts=t + timedelta(minutes=4),
            mailbox="kari@kommune.no",
            case_id=1,
            sender_domain="gmail.com",
            detail={"variant": "external", "language": "nb"},
        ),
        dict(
            action=audit.DETECTED,
            ts=t + timedelta(days=1),
            mailbox="ola@kommune.no",
            case_id=2,
            sender_domain="outlook.com",
            categories=["national_id"],
            detail={"counts": {"se_pnr": 1}},
        ),
        dict(
            action=audit.NOTICE_SUPPRESSED,
            ts=t + timedelta(days=1, minutes=1),
            mailbox="ola@kommune.no",
            case_id=2,
            sender_domain="outlook.com",
            detail={"reason": "auto_reply"},
        ),
        dict(
            action=audit.SKIPPED,
            ts=t + timedelta(days=2),
            mailbox="ola@kommune.no",
            case_id=3,
            sender_domain="kommune.no",
            detail={"reason": "encrypted"},
        ),
        dict(
            action=audit.ERROR,
            ts=t + timedelta(days=3),
            mailbox="ola@kommune.no",
            case_id=3,
            detail={"error_class": "RecordsError", "stage": "archive"},
        ),
        dict(action=audit.ERROR, ts=t + timedelta(days=40), detail={"error_class": "ThrottledError"}),
    ]
    with sessions() as s:
        for ev in events:
            store.append(s, **ev)
        s.commit()
