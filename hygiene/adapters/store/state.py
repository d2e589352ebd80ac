"""The worker's state in the database: mailboxes and scope, per-user overrides, leases, delta links, cases.

Every state change is committed together with its audit event (`hygiene.adapters.store.audit.append` in the same
session), so the audit log and the state never disagree, and the next side effect starts only after both are
durable.

Leases: a worker claims mailboxes by writing ``lease_owner`` and ``lease_expires_at``. On PostgreSQL the candidate
rows are read with ``SELECT ... FOR UPDATE SKIP LOCKED``, so two replicas never claim the same mailbox and never
wait on each other; a dead worker's lease simply expires. SQLite has one writer at a time and no row locks: there
the first worker to hold any live lease owns the whole database and a second one claims nothing
(`SingleWorkerError`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import os
import socket
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from hygiene.adapters.store import audit
from hygiene.adapters.store.models import AuditEventRow, FolderSyncRow, MailboxRow, MessageCaseRow
from hygiene.domain import audit as actions
from hygiene.domain import states
from hygiene.domain.mail import Mailbox
from hygiene.errors import DatabaseError
from hygiene.ports import Clock

OPT_IN = "opt_in"
OPT_OUT = "opt_out"
# Replicas refreshing the scope at the same moment take turns on PostgreSQL (a transaction advisory lock in the
# "Hygi" namespace of hygiene.adapters.store.slots, whose Graph slots use keys >= 0).
_SCOPE_LOCK = {"ns": 0x4879_6769, "key": -1}
_PLACEHOLDER = "upn:"  # user_id of a mailbox known only by UPN (an override set before the first scope refresh)


class SingleWorkerError(DatabaseError):
    """Another worker holds live leases on this SQLite database (SQLite allows one worker at a time)."""

    def __init__(self, owner: str) -> None:
        self.owner = owner
        super().__init__(
            f"another worker ({owner}) is sweeping this SQLite database; SQLite allows one worker at a time "
            "(use PostgreSQL for several replicas)"
        )


class CaseConflict(DatabaseError):
    """A case was not in the state the caller expected (another worker moved it)."""

    def __init__(self, case_id: int, expected: str) -> None:
        self.case_id = case_id
        self.expected = expected
        super().__init__(f"case {case_id} is no longer in state {expected}")


@dataclass(frozen=True, slots=True)
class ClaimedMailbox:
    """A mailbox this worker holds a lease on."""

    id: int
    user_id: str
    upn: str


@dataclass(frozen=True, slots=True)
class FolderLink:
    """Stored delta state of one folder."""

    folder_id: str
    well_known: str | None
    next_link: str | None
    delta_link: str | None


@dataclass(frozen=True, slots=True)
class ScopeChange:
    """The outcome of a scope refresh (counts only)."""

    in_scope: int
    added: int
    removed: int


@dataclass(frozen=True, slots=True)
class CaseView:
    """A case as the pipeline needs it."""

    id: int
    mailbox_id: int
    message_id: str
    state: str
    mode: str
    categories: tuple[str, ...]
    counts: dict[str, int]
    record_key: str | None
    receipt: dict[str, Any] | None
    attempts: int
    sender_domain: str | None
    notice_context: dict[str, Any] | None
    received_at: datetime | None


@dataclass(frozen=True, slots=True)
class FailedCase:
    """A case that ended as ``failed`` (what ``hygiene cases list`` shows; no content)."""

    id: int
    mailbox: str
    failed_from: str | None
    last_error: str | None
    attempts: int
    failed_at: datetime


_VIEW_FIELDS = frozenset({"record_key", "receipt", "notice_context", "attempts", "categories", "counts"})


def _view(row: MessageCaseRow) -> CaseView:
    return CaseView(
        id=row.id,
        mailbox_id=row.mailbox_id,
        message_id=row.message_id,
        state=row.state,
        mode=row.mode,
        categories=tuple(row.categories or ()),
        counts=dict(row.counts or {}),
        record_key=row.record_key,
        receipt=dict(row.receipt) if row.receipt else None,
        attempts=row.attempts or 0,
        sender_domain=row.sender_domain,
        notice_context=dict(row.notice_context) if row.notice_context else None,
        received_at=row.received_at,
    )


def owner_is_dead(owner: str) -> bool:
    """Whether a lease owner (``host:pid:suffix``, see `hygiene.app.worker_id`) is a process on this host that is
    no longer running. Owners on other hosts, or not in that form, are never judged dead (their leases expire)."""
    parts = owner.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != socket.gethostname()[:64] or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def effective_in_scope(in_scope: bool, override: str | None) -> bool:
    """Scope after the per-user override: opt-out always wins, opt-in adds a mailbox the mode leaves out."""
    if override == OPT_OUT:
        return False
    return in_scope or override == OPT_IN


class StateStore:
    """Mailboxes, leases, delta links and cases, each change with its audit event in one transaction."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock, *, hmac_key: bytes, owner: str) -> None:
        self.sessions = sessions
        self.clock = clock
        self.hmac_key = hmac_key
        self.owner = owner

    def keyed_hash(self, value: str) -> str:
        """HMAC-SHA256 of ``value`` (lower-cased, stripped) with the installation key, as hex."""
        return hmac.new(self.hmac_key, value.strip().lower().encode(), hashlib.sha256).hexdigest()

    # --- mailboxes and scope ------------------------------------------------------------------------------------
    def refresh_scope(self, resolved: Iterable[Mailbox], *, scope_mode: str, actor: str = "worker") -> ScopeChange:
        """Mark exactly ``resolved`` as in scope (by the mode), creating rows for new mailboxes; audited."""
        now = self.clock.now()
        wanted = {m.user_id: m for m in resolved}
        by_upn = {m.upn.lower(): m for m in wanted.values()}
        added = removed = 0
        with self.sessions.begin() as s:
            if s.get_bind().dialect.name == "postgresql":  # the second replica then sees the first one's new rows
                s.execute(text("SELECT pg_advisory_xact_lock(:ns, :key)"), _SCOPE_LOCK)
            rows = s.scalars(select(MailboxRow)).all()
            seen: set[str] = set()
            for row in rows:
                if row.user_id.startswith(_PLACEHOLDER) and row.upn in by_upn:
                    row.user_id = by_upn[row.upn].user_id  # an override set by UPN before the user was seen
                m = wanted.get(row.user_id)
                before = effective_in_scope(row.in_scope, row.override)
                row.in_scope = m is not None
                if m is not None:
                    seen.add(m.user_id)
                    row.upn = m.upn.lower()
                after = effective_in_scope(row.in_scope, row.override)
                added += after and not before
                removed += before and not after
                row.updated_at = now
            for uid, m in wanted.items():
                if uid in seen:
                    continue
                row = MailboxRow(
                    user_id=uid, upn=m.upn.lower(), in_scope=True, status="ok", created_at=now, updated_at=now
                )
                s.add(row)
                added += 1
            s.flush()
            total = sum(effective_in_scope(r.in_scope, r.override) for r in s.scalars(select(MailboxRow)).all())
            if added or removed:
                audit.append(
                    s,
                    action=actions.SCOPE_CHANGED,
                    ts=now,
                    actor=actor,
                    detail={"scope_mode": scope_mode, "added": added, "removed": removed, "in_scope": total},
                )
        return ScopeChange(in_scope=total, added=added, removed=removed)

    def set_override(self, upn: str, override: str | None, *, actor: str, user_id: str | None = None) -> None:
        """Opt a mailbox in or out (None clears the override); audited as opt_in / opt_out."""
        if override not in (OPT_IN, OPT_OUT, None):
            raise ValueError(f"override must be {OPT_IN!r}, {OPT_OUT!r} or None")
        now = self.clock.now()
        upn = upn.strip().lower()
        with self.sessions.begin() as s:
            row = s.scalars(select(MailboxRow).where(MailboxRow.upn == upn)).first()
            if row is None and user_id is not None:
                row = s.scalars(select(MailboxRow).where(MailboxRow.user_id == user_id)).first()
            if row is None:
                row = MailboxRow(
                    user_id=user_id or f"{_PLACEHOLDER}{upn}", upn=upn, in_scope=False, created_at=now, updated_at=now
                )
                s.add(row)
            previous = row.override
            row.override = override
            row.updated_at = now
            s.flush()
            action = actions.OPT_OUT if override == OPT_OUT else actions.OPT_IN
            audit.append(
                s,
                action=action,
                ts=now,
                mailbox=upn,
                actor=actor,
                detail={"override": override or "none", "previous": previous or "none"},
            )

    def bind_user(self, upn: str, user_id: str) -> None:
        """Give a mailbox known only by UPN (an opt-in set before it was seen) its Graph user id."""
        with self.sessions.begin() as s:
            s.execute(
                update(MailboxRow)
                .where(MailboxRow.upn == upn.strip().lower(), MailboxRow.user_id.startswith(_PLACEHOLDER))
                .values(user_id=user_id, updated_at=self.clock.now())
            )

    def mailboxes(self) -> list[MailboxRow]:
        """Every known mailbox, by UPN."""
        with self.sessions() as s:
            return list(s.scalars(select(MailboxRow).order_by(MailboxRow.upn)).all())

    def overrides(self) -> dict[str, str]:
        """UPN -> override for mailboxes with one."""
        with self.sessions() as s:
            rows = s.execute(select(MailboxRow.upn, MailboxRow.override).where(MailboxRow.override.is_not(None)))
            return {upn: ov for upn, ov in rows}

    def set_status(self, mailbox_id: int, status: str) -> None:
        """Record a mailbox's reachability (ok | access_denied | not_found | error)."""
        with self.sessions.begin() as s:
            s.execute(
                update(MailboxRow).where(MailboxRow.id == mailbox_id).values(status=status, updated_at=self.clock.now())
            )

    # --- leases -------------------------------------------------------------------------------------------------
    def _claimable(
        self,
        now: datetime,
        only: Sequence[int] | None,
        exclude: Collection[int] = (),
        swept_before: datetime | None = None,
    ) -> Select[tuple[MailboxRow]]:
        stmt = (
            select(MailboxRow)
            .where(or_(MailboxRow.in_scope.is_(True), MailboxRow.override == OPT_IN))
            .where(or_(MailboxRow.override.is_(None), MailboxRow.override != OPT_OUT))
            .where(~MailboxRow.user_id.startswith(_PLACEHOLDER))
            .where(
                or_(
                    MailboxRow.lease_owner.is_(None),
                    MailboxRow.lease_owner == self.owner,
                    MailboxRow.lease_expires_at <= now,
                )
            )
        )
        if only is not None:
            stmt = stmt.where(MailboxRow.id.in_(list(only)))
        if exclude:
            stmt = stmt.where(MailboxRow.id.not_in(list(exclude)))
        if swept_before is not None:
            stmt = stmt.where(or_(MailboxRow.last_swept_at.is_(None), MailboxRow.last_swept_at <= swept_before))
        return stmt

    def count_claimable(self, *, only: Sequence[int] | None = None) -> int:
        """How many mailboxes `claim` could hand out now (other workers may take some first)."""
        with self.sessions() as s:
            sub = self._claimable(self.clock.now(), only).subquery()
            return s.scalar(select(func.count()).select_from(sub)) or 0

    def claim(
        self,
        *,
        ttl_s: float,
        limit: int | None = None,
        only: Sequence[int] | None = None,
        exclude: Collection[int] = (),
        swept_before: datetime | None = None,
    ) -> list[ClaimedMailbox]:
        """Claim in-scope mailboxes that nobody holds (or whose lease expired, or that this worker holds), least
        recently swept first; at most ``limit``, none of ``exclude``, and (with ``swept_before``) none swept after
        that time, i.e. by another worker during this sweep.

        Raises:
            SingleWorkerError: on SQLite, when another worker holds a live lease.
        """
        now = self.clock.now()
        until = now + timedelta(seconds=ttl_s)
        with self.sessions.begin() as s:
            dialect = s.get_bind().dialect.name
            owners = s.scalars(
                select(MailboxRow.lease_owner)
                .where(MailboxRow.lease_owner.is_not(None), MailboxRow.lease_owner != self.owner)
                .distinct()
            ).all()
            dead = [o for o in owners if owner_is_dead(o)]
            if dead:  # a worker on this host that was killed: its leases need not wait for expiry
                s.execute(
                    update(MailboxRow)
                    .where(MailboxRow.lease_owner.in_(dead))
                    .values(lease_owner=None, lease_expires_at=None)
                )
            if dialect == "sqlite":
                other = s.execute(
                    select(MailboxRow.lease_owner)
                    .where(MailboxRow.lease_owner.is_not(None), MailboxRow.lease_owner != self.owner)
                    .where(MailboxRow.lease_expires_at > now)
                    .limit(1)
                ).scalar()
                if other is not None:
                    raise SingleWorkerError(other)
            stmt = self._claimable(now, only, exclude, swept_before).order_by(
                MailboxRow.last_swept_at.asc().nulls_first(), MailboxRow.id
            )
            if limit is not None:
                stmt = stmt.limit(limit)
            if dialect == "postgresql":
                stmt = stmt.with_for_update(skip_locked=True)
            rows = s.scalars(stmt).all()
            for row in rows:
                row.lease_owner = self.owner
                row.lease_expires_at = until
            return [ClaimedMailbox(r.id, r.user_id, r.upn) for r in rows]

    def renew(self, mailbox_id: int, *, ttl_s: float) -> bool:
        """Extend this worker's lease; False when it was lost (expired and taken)."""
        now = self.clock.now()
        with self.sessions.begin() as s:
            res = s.execute(
                update(MailboxRow)
                .where(MailboxRow.id == mailbox_id, MailboxRow.lease_owner == self.owner)
                .values(lease_expires_at=now + timedelta(seconds=ttl_s))
            )
            return bool(res.rowcount)  # type: ignore[attr-defined]

    def release(self, mailbox_id: int, *, swept: bool) -> None:
        """Give the lease back (and note the sweep time when the mailbox was swept completely)."""
        values: dict[str, Any] = {"lease_owner": None, "lease_expires_at": None}
        if swept:
            values["last_swept_at"] = self.clock.now()
        with self.sessions.begin() as s:
            s.execute(
                update(MailboxRow)
                .where(MailboxRow.id == mailbox_id, MailboxRow.lease_owner == self.owner)
                .values(**values)
            )

    # --- delta links --------------------------------------------------------------------------------------------
    def links(self, mailbox_id: int) -> dict[str, FolderLink]:
        """folder_id -> stored delta state."""
        with self.sessions() as s:
            rows = s.scalars(select(FolderSyncRow).where(FolderSyncRow.mailbox_id == mailbox_id)).all()
            return {r.folder_id: FolderLink(r.folder_id, r.well_known, r.next_link, r.delta_link) for r in rows}

    def save_link(
        self, mailbox_id: int, folder_id: str, *, well_known: str | None, next_link: str | None, delta_link: str | None
    ) -> None:
        """Persist the next link (mid-round) or the delta link (round complete) of a folder."""
        now = self.clock.now()
        with self.sessions.begin() as s:
            row = s.scalars(
                select(FolderSyncRow).where(
                    FolderSyncRow.mailbox_id == mailbox_id, FolderSyncRow.folder_id == folder_id
                )
            ).first()
            if row is None:
                row = FolderSyncRow(mailbox_id=mailbox_id, folder_id=folder_id, well_known=well_known, resync_count=0)
                s.add(row)
            row.next_link = next_link
            if delta_link is not None or next_link is None:
                row.delta_link = delta_link
            if delta_link is not None:
                row.last_synced_at = now

    def drop_link(self, mailbox_id: int, folder_id: str) -> None:
        """Forget a dead delta link (410): the folder is fully resynced on the next round."""
        with self.sessions.begin() as s:
            row = s.scalars(
                select(FolderSyncRow).where(
                    FolderSyncRow.mailbox_id == mailbox_id, FolderSyncRow.folder_id == folder_id
                )
            ).first()
            if row is not None:
                row.next_link = None
                row.delta_link = None
                row.resync_count = (row.resync_count or 0) + 1

    # --- cases --------------------------------------------------------------------------------------------------
    def find_case(self, mailbox_id: int, message_id: str, internet_message_id: str | None = None) -> CaseView | None:
        """The case of a message, by Graph id or (after a resync that changed ids) by internetMessageId."""
        with self.sessions() as s:
            row = s.scalars(
                select(MessageCaseRow).where(
                    MessageCaseRow.mailbox_id == mailbox_id, MessageCaseRow.message_id == message_id
                )
            ).first()
            if row is None and internet_message_id:
                row = s.scalars(
                    select(MessageCaseRow).where(
                        MessageCaseRow.mailbox_id == mailbox_id,
                        MessageCaseRow.internet_message_id_hash == self.keyed_hash(internet_message_id),
                    )
                ).first()
            return _view(row) if row is not None else None

    def known_message_ids(self, mailbox_id: int, message_ids: Sequence[str]) -> set[str]:
        """Which of ``message_ids`` already have a case (one query per delta page)."""
        if not message_ids:
            return set()
        with self.sessions() as s:
            rows = s.scalars(
                select(MessageCaseRow.message_id).where(
                    MessageCaseRow.mailbox_id == mailbox_id, MessageCaseRow.message_id.in_(list(message_ids))
                )
            )
            return set(rows)

    def open_case(
        self,
        *,
        mailbox_id: int,
        mailbox: str,
        message_id: str,
        internet_message_id: str | None,
        state: str,
        mode: str,
        action: str,
        detail: dict[str, Any],
        categories: Sequence[str] = (),
        counts: dict[str, int] | None = None,
        confidence: float | None = None,
        encrypted: bool = False,
        incomplete: bool = False,
        language: str | None = None,
        sender: str | None = None,
        received_at: datetime | None = None,
        notice_context: dict[str, Any] | None = None,
    ) -> tuple[CaseView, bool]:
        """Create the case of a classified message with its audit event; idempotent.

        Returns ``(case, created)``: an existing case for the same message is returned unchanged with False.
        The same message is the same Graph id: another message with the same internetMessageId (a copy in another
        folder, a moved message's new id, or a forged Message-ID) is a message of its own and gets its own case;
        matching it to an earlier case would leave it in the mailbox unhandled.
        """
        states.check_transition(states.CLASSIFIED, state)
        existing = self.find_case(mailbox_id, message_id)
        if existing is not None:
            return existing, False
        now = self.clock.now()
        domain = sender.rsplit("@", 1)[1].lower() if sender and "@" in sender else None
        try:
            with self.sessions.begin() as s:
                row = MessageCaseRow(
                    mailbox_id=mailbox_id,
                    message_id=message_id,
                    internet_message_id_hash=self.keyed_hash(internet_message_id) if internet_message_id else None,
                    state=state,
                    mode=mode,
                    categories=list(categories),
                    counts=dict(counts or {}),
                    confidence=confidence,
                    encrypted=encrypted,
                    incomplete=incomplete,
                    language=language,
                    sender_hash=self.keyed_hash(sender) if sender else None,
                    sender_domain=domain,
                    attempts=0,
                    notice_context=notice_context,
                    received_at=received_at,
                    created_at=now,
                    updated_at=now,
                )
                s.add(row)
                s.flush()
                audit.append(
                    s,
                    action=action,
                    ts=now,
                    mailbox=mailbox,
                    case_id=row.id,
                    sender_domain=domain,
                    categories=categories,
                    detail=detail,
                )
                view = _view(row)
        except IntegrityError:  # another worker created it meanwhile
            existing = self.find_case(mailbox_id, message_id)
            if existing is None:
                raise
            return existing, False
        return view, True

    def advance(
        self,
        case: CaseView,
        target: str,
        *,
        mailbox: str,
        action: str | None,
        detail: dict[str, Any] | None = None,
        **fields: Any,
    ) -> CaseView:
        """Move ``case`` to ``target`` (checked against the machine) with its audit event, in one transaction.

        Raises:
            IllegalTransition: the machine does not allow it.
            CaseConflict: the stored state is not ``case.state`` any more.
        """
        states.check_transition(case.state, target)
        now = self.clock.now()
        values = {
            "state": target,
            "updated_at": now,
            "last_error": None,
            "next_attempt_at": None,
            "waiting_since": None,
            **fields,
        }
        with self.sessions.begin() as s:
            res = s.execute(
                update(MessageCaseRow)
                .where(MessageCaseRow.id == case.id, MessageCaseRow.state == case.state)
                .values(**values)
            )
            if not res.rowcount:  # type: ignore[attr-defined]
                raise CaseConflict(case.id, case.state)
            if action is not None:
                audit.append(
                    s,
                    action=action,
                    ts=now,
                    mailbox=mailbox,
                    case_id=case.id,
                    sender_domain=case.sender_domain,
                    categories=case.categories,
                    detail=detail,
                )
        view_fields = {k: v for k, v in fields.items() if k in _VIEW_FIELDS}
        return dataclasses.replace(case, state=target, **view_fields)

    def record_failure(
        self,
        case: CaseView,
        *,
        mailbox: str,
        stage: str,
        error: BaseException,
        retry_in_s: float,
        give_up: bool,
        transient: bool | None = None,
    ) -> CaseView:
        """Count a failed step (audited as ``error``) and schedule the next attempt in ``retry_in_s``; with
        ``give_up`` the case becomes ``failed`` (remembering the state it failed in, for `requeue_failed`).

        The audit detail says whether the failure was ``transient`` (``reason``), how long the case has been
        waiting on this step (``waiting_s``, from its first failure) and when it is tried next (``retry_in_s``).
        """
        now = self.clock.now()
        attempts = case.attempts + 1
        err = type(error).__name__
        with self.sessions.begin() as s:
            row = s.get(MessageCaseRow, case.id)
            assert row is not None
            since = _aware(row.waiting_since) if row.waiting_since is not None else now
            values: dict[str, Any] = {
                "attempts": attempts,
                "last_error": err[:255],
                "next_attempt_at": now + timedelta(seconds=retry_in_s),
                "waiting_since": since,
                "updated_at": now,
            }
            if give_up:
                states.check_transition(case.state, states.FAILED)
                values["state"] = states.FAILED
                values["next_attempt_at"] = None
                values["failed_from"] = case.state
            detail: dict[str, Any] = {
                "stage": stage,
                "error_class": err,
                "attempts": attempts,
                "waiting_s": round((now - since).total_seconds()),
            }
            if transient is not None:
                detail["reason"] = "transient" if transient else "permanent"
            if not give_up:
                detail["retry_in_s"] = round(retry_in_s)
            status = getattr(error, "status", None)
            if isinstance(status, int):
                detail["status"] = status
            s.execute(update(MessageCaseRow).where(MessageCaseRow.id == case.id).values(**values))
            audit.append(
                s,
                action=actions.ERROR,
                ts=now,
                mailbox=mailbox,
                case_id=case.id,
                sender_domain=case.sender_domain,
                categories=case.categories,
                detail=detail,
            )
            s.refresh(row)
            return _view(row)

    def waiting_since(self, case_id: int) -> datetime | None:
        """When the step a case is on first failed (None when it has not failed since it last moved on)."""
        with self.sessions() as s:
            value = s.scalar(select(MessageCaseRow.waiting_since).where(MessageCaseRow.id == case_id))
            return _aware(value) if value is not None else None

    def failed_cases(self, *, mailbox: str | None = None, since: datetime | None = None) -> list[FailedCase]:
        """``failed`` cases (oldest first), optionally of one mailbox (UPN) and failed at or after ``since``."""
        with self.sessions() as s:
            return [
                FailedCase(
                    id=row.id,
                    mailbox=upn,
                    failed_from=row.failed_from,
                    last_error=row.last_error,
                    attempts=row.attempts or 0,
                    failed_at=_aware(row.updated_at),
                )
                for row, upn in s.execute(self._failed_query(mailbox, since)).all()
            ]

    @staticmethod
    def _failed_query(mailbox: str | None, since: datetime | None) -> Select[Any]:
        q = (
            select(MessageCaseRow, MailboxRow.upn)
            .join(MailboxRow, MailboxRow.id == MessageCaseRow.mailbox_id)
            .where(MessageCaseRow.state == states.FAILED)
            .order_by(MessageCaseRow.id)
        )
        if mailbox:
            q = q.where(func.lower(MailboxRow.upn) == mailbox.strip().lower())
        if since is not None:
            q = q.where(MessageCaseRow.updated_at >= since)
        return q

    def requeue_failed(
        self, *, mailbox: str | None = None, since: datetime | None = None, dry_run: bool = False
    ) -> list[int]:
        """Put ``failed`` cases back in the state they failed in, due now, with a fresh retry budget; returns
        their ids. ``mailbox`` (UPN, case-insensitive) and ``since`` (failed at or after) narrow the selection.

        An operator's override of the state machine (``failed`` is otherwise terminal), audited per case as
        ``requeued`` (actor ``operator``). A case that failed before hygiene remembered the state (no
        ``failed_from``) resumes from the last state its audit events show it reached.
        """
        now = self.clock.now()
        done: list[int] = []
        with self.sessions.begin() as s:
            for row, upn in s.execute(self._failed_query(mailbox, since)).all():
                back = row.failed_from or _last_reached_state(s, row.id)
                if back is None or back not in states.TRANSITIONS or back in states.TERMINAL:
                    continue
                done.append(row.id)
                if dry_run:
                    continue
                row.state = back
                row.failed_from = None
                row.attempts = 0
                row.last_error = None
                row.next_attempt_at = None
                row.waiting_since = None
                row.updated_at = now
                audit.append(
                    s,
                    action=actions.REQUEUED,
                    ts=now,
                    actor="operator",
                    mailbox=upn,
                    case_id=row.id,
                    sender_domain=row.sender_domain,
                    categories=tuple(row.categories or ()),
                    detail={"previous": states.FAILED, "new": back},
                )
        return done

    def active_cases(self, mailbox_id: int) -> list[CaseView]:
        """Cases of a mailbox with steps left and due now (resumed at the start of each sweep)."""
        now = self.clock.now()
        with self.sessions() as s:
            rows = s.scalars(
                select(MessageCaseRow)
                .where(MessageCaseRow.mailbox_id == mailbox_id)
                .where(MessageCaseRow.state.not_in(list(states.TERMINAL)))
                .where(or_(MessageCaseRow.next_attempt_at.is_(None), MessageCaseRow.next_attempt_at <= now))
                .order_by(MessageCaseRow.id)
            ).all()
            return [_view(r) for r in rows]

    def case(self, case_id: int) -> CaseView | None:
        """One case by id."""
        with self.sessions() as s:
            row = s.get(MessageCaseRow, case_id)
            return _view(row) if row is not None else None

    def mailbox_event(self, action: str, *, mailbox: str, detail: dict[str, Any]) -> None:
        """Audit a per-mailbox event that changes no case (housekeeping)."""
        with self.sessions.begin() as s:
            audit.append(s, action=action, ts=self.clock.now(), mailbox=mailbox, detail=detail)

    def sweep_event(self, action: str, detail: dict[str, Any], *, actor: str = "worker") -> None:
        """Audit a sweep_started / sweep_finished event (counts only)."""
        with self.sessions.begin() as s:
            audit.append(s, action=action, ts=self.clock.now(), actor=actor, detail=detail)


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)  # SQLite returns naive UTC


# Audit actions that record a case entering a state (`requeue_failed` of cases failed before ``failed_from``).
_STATE_OF_ACTION = {
    actions.DETECTED: states.DETECTED,
    actions.FLAGGED: states.FLAGGED,
    actions.ARCHIVED: states.ARCHIVED,
    actions.DELETED: states.DELETED,
    actions.PURGED: states.PURGED,
}


def _last_reached_state(s: Session, case_id: int) -> str | None:
    acts = s.scalars(
        select(AuditEventRow.action)
        .where(AuditEventRow.case_id == case_id, AuditEventRow.action.in_(list(_STATE_OF_ACTION)))
        .order_by(AuditEventRow.id.desc())
        .limit(1)
    ).all()
    return _STATE_OF_ACTION[acts[0]] if acts else None
