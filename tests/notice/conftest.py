"""Fixtures of the notice tests: databases (SQLite, and PostgreSQL when reachable), a case row, a fake gateway."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from hygiene.adapters.store.models import Base, MailboxRow, MessageCaseRow
from hygiene.clock import FakeClock
from hygiene.settings import Settings
from tests.notice.fake_gateway import FakeNoticeGateway

PG_ADMIN_URL = os.environ.get("HYGIENE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
HMAC_KEY = b"notice-test-key"


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
def notice_pg_url() -> Iterator[str]:
    """A throw-away PostgreSQL database for this session (skipped locally, an error in CI, when absent)."""
    if not _pg_available():
        if os.environ.get("CI"):
            raise RuntimeError(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL is not reachable")
    name = f"hygiene_notice_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def sessions(request, tmp_path) -> Iterator[sessionmaker[Session]]:
    """A session factory on a fresh schema, once SQLite and once PostgreSQL."""
    url = (
        f"sqlite:///{tmp_path / 'notice.db'}" if request.param == "sqlite" else request.getfixturevalue("notice_pg_url")
    )
    eng = create_engine(url)
    Base.metadata.drop_all(eng)
    Base.metadata.create_all(eng)
    yield sessionmaker(eng, expire_on_commit=False)
    if request.param == "postgresql":
        Base.metadata.drop_all(eng)
    eng.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 2, 8, 0, tzinfo=UTC))


@pytest.fixture
def gateway() -> FakeNoticeGateway:
    return FakeNoticeGateway()


@pytest.fixture
def settings() -> Settings:
    return Settings.model_validate(
        {
            "notice": {
                "organisation_name": "Vestby kommune",
                "phone": "+47 22 00 00 00",
                "secure_channel_name": "SvarUt",
                "secure_channel_url": "https://svarut.example.no/send",
                "privacy_url": "https://vestby.example.no/personvern",
                "internal_domains": ["vestby.example.no"],
                "per_sender_window_hours": 24,
            }
        }
    )


@pytest.fixture
def new_case(sessions, clock) -> Callable[..., int]:
    """Create a message case in mailbox ``upn`` and return its id."""
    counter = iter(range(1, 10_000))

    def make(upn: str = "kari@vestby.example.no") -> int:
        n = next(counter)
        now = clock.now()
        with sessions() as s:
            mb = s.query(MailboxRow).filter_by(upn=upn).one_or_none()
            if mb is None:
                mb = MailboxRow(user_id=f"user-{uuid.uuid4().hex[:8]}", upn=upn, created_at=now, updated_at=now)
                s.add(mb)
                s.flush()
            case = MessageCaseRow(
                mailbox_id=mb.id, message_id=f"msg-{n}", state="purged", mode="enforce", created_at=now, updated_at=now
            )
            s.add(case)
            s.commit()
            return case.id

    return make
