"""SQLAlchemy 2 typed ORM models: the state and audit database.

No message content and no matched values are stored here. Where an identifier (a sender address, an
internetMessageId) must be recognised again, a keyed hash (HMAC-SHA256 with the installation key) is kept.
Schema changes go through Alembic migrations in ``migrations/``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BIGINT on PostgreSQL, INTEGER (the rowid alias, so it autoincrements) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints the same on every database."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class MailboxRow(Base):
    """A mailbox hygiene knows: its scope state, per-user override, and the lease of the worker sweeping it."""

    __tablename__ = "mailboxes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64), unique=True)
    upn: Mapped[str] = mapped_column(String(320), index=True)
    in_scope: Mapped[bool] = mapped_column(Boolean, default=False)
    override: Mapped[str | None] = mapped_column(String(16))  # "opt_in" | "opt_out" | None
    status: Mapped[str] = mapped_column(String(32), default="ok")  # ok | access_denied | not_found | error
    lease_owner: Mapped[str | None] = mapped_column(String(128))
    lease_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_swept_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FolderSyncRow(Base):
    """Delta sync state of one folder of one mailbox: the stored next or delta link."""

    __tablename__ = "folder_sync"
    __table_args__ = (UniqueConstraint("mailbox_id", "folder_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox_id: Mapped[int] = mapped_column(ForeignKey("mailboxes.id", ondelete="CASCADE"), index=True)
    folder_id: Mapped[str] = mapped_column(String(512))
    well_known: Mapped[str | None] = mapped_column(String(64))
    delta_link: Mapped[str | None] = mapped_column(Text)
    next_link: Mapped[str | None] = mapped_column(Text)
    last_synced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resync_count: Mapped[int] = mapped_column(Integer, default=0)


class MessageCaseRow(Base):
    """One handled message and where it stands in the per-message state machine."""

    __tablename__ = "message_cases"
    __table_args__ = (UniqueConstraint("mailbox_id", "message_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    mailbox_id: Mapped[int] = mapped_column(ForeignKey("mailboxes.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[str] = mapped_column(String(512))
    internet_message_id_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(32), index=True)
    mode: Mapped[str] = mapped_column(String(16))
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    confidence: Mapped[float | None] = mapped_column(Float)
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    incomplete: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str | None] = mapped_column(String(8))
    sender_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    sender_domain: Mapped[str | None] = mapped_column(String(255))
    record_key: Mapped[str | None] = mapped_column(String(64))
    receipt: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(255))
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # When the step in progress first failed (cleared when the case moves on): how long a case has been waiting.
    waiting_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The state a ``failed`` case gave up in: where `StateStore.requeue_failed` puts it back.
    failed_from: Mapped[str | None] = mapped_column(String(32))
    # What the sender's notice needs once the message itself is purged (address, language, routing headers,
    # auto-reply flag). Set when a case is detected in enforce mode, cleared as soon as the notice step is done.
    notice_context: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class NoticeRow(Base):
    """A notice sent (or deliberately not sent) to the sender of a case; one per case at most."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("message_cases.id", ondelete="CASCADE"), unique=True)
    sender_hash: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16))  # sending | sent | suppressed
    reason: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(8))
    variant: Mapped[str | None] = mapped_column(String(8))
    dedup_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEventRow(Base):
    """An append-only audit event. ``hash`` chains it to the previous event (tamper evidence).

    ``detail`` holds kinds, counts, receipts and reasons: never matched values, subjects or bodies. Rows are only
    written by `hygiene.adapters.store.audit.append` (and deleted by its ``prune``). The unique ``prev_hash`` makes
    a fork of the chain impossible at the database level. Indexes end in ``id`` so that filtered, keyset-paged
    queries (``WHERE mailbox = ? AND id < ? ORDER BY id DESC LIMIT n``) read only the rows they return.
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_mailbox_id", "mailbox", "id"),
        Index("ix_audit_events_action_id", "action", "id"),
        Index("ix_audit_events_sender_domain_id", "sender_domain", "id"),
        Index("ix_audit_events_case_id_id", "case_id", "id"),
        Index("ix_audit_events_ts", "ts"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    action: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[int | None] = mapped_column(BigId)
    mailbox: Mapped[str | None] = mapped_column(String(320))
    sender_domain: Mapped[str | None] = mapped_column(String(255))
    categories: Mapped[str | None] = mapped_column(String(255))  # ",health,national_id," for LIKE filters
    actor: Mapped[str] = mapped_column(String(128), default="worker")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHeadRow(Base):
    """The one-row head of the audit chain: the hash of the last event, locked by every append.

    Appends first ``UPDATE`` this row (a row lock on PostgreSQL, the write lock on SQLite), so concurrent writers
    take turns and never fork the chain; ``verify`` compares ``last_hash`` with the last event, so deleting events
    at the end of the chain is detected too.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_hash: Mapped[str] = mapped_column(String(64))
    last_event_id: Mapped[int | None] = mapped_column(BigId)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditAnchorRow(Base):
    """One retention run: the hash of the last pruned event, which the first kept event must name as prev_hash."""

    __tablename__ = "audit_anchors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    older_than: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    anchor_hash: Mapped[str] = mapped_column(String(64))
    deleted_through_id: Mapped[int] = mapped_column(BigId)
    deleted_count: Mapped[int] = mapped_column(BigInteger)


class BreachRow(Base):
    """One entry of the breach register (`hygiene.domain.breach`): an outgoing message that may be a breach.

    Holds no address, subject or content: the message is recognised by ``message_key`` (HMAC with the installation
    key of the mailbox and the message's internetMessageId), the recipients by their domains and counts, the
    findings by category counts. ``note`` and ``reference`` are written by the privacy officer.
    The ``*_reminder_started_at`` / ``*_reminder_sent_at`` pairs make each reminder e-mail exactly-once
    (claimed before sendMail, confirmed after; see `hygiene.breach.BreachReminders`).
    """

    __tablename__ = "breaches"
    __table_args__ = (Index("ix_breaches_state_deadline", "state", "deadline"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    mailbox: Mapped[str] = mapped_column(String(320), index=True)
    message_key: Mapped[str] = mapped_column(String(64), unique=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    discovered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    deadline: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    state: Mapped[str] = mapped_column(String(16))  # candidate | assessed | reported | closed
    outcome: Mapped[str | None] = mapped_column(String(24))  # no_breach | breach_risk | breach_high_risk
    note: Mapped[str | None] = mapped_column(Text)
    reference: Mapped[str | None] = mapped_column(String(128))
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    recipient_domains: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    recipients: Mapped[int] = mapped_column(Integer, default=0)
    external_recipients: Mapped[int] = mapped_column(Integer, default=0)
    discovery_reminder_started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    discovery_reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deadline_reminder_started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deadline_reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    assessed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Optimistic locking: two privacy officers changing one entry at once cannot both win (StaleDataError).
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
