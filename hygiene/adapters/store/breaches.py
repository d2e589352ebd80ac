"""The breach register in the database: register candidates, assess, report, close, and the reminder claims.

Every change commits together with its ``breach_*`` audit event (one transaction). The events carry what the
console's overview reads (`hygiene.adapters.store.views.open_breaches`): ``detail.breach_id`` and, on
``breach_detected``, ``detail.deadline``. Notes and references are free text: they stay in the register and only a
keyed hash of them goes into the audit log.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from hygiene.adapters.store import audit
from hygiene.adapters.store.models import BreachRow
from hygiene.domain import audit as actions
from hygiene.domain import breach as domain
from hygiene.domain.audit import format_ts, utc
from hygiene.ports import Clock

DISCOVERY = "discovery"
DEADLINE = "deadline"
REMINDER_KINDS = (DISCOVERY, DEADLINE)


@dataclass(frozen=True, slots=True)
class BreachView:
    """A register entry as read (no address, subject or content)."""

    id: int
    mailbox: str
    message_key: str
    sent_at: datetime | None
    discovered_at: datetime
    deadline: datetime
    state: str
    outcome: str | None
    note: str | None
    reference: str | None
    reasons: list[str]
    categories: list[str]
    counts: dict[str, int]
    recipient_domains: dict[str, int]
    recipients: int
    external_recipients: int
    reminders: dict[str, datetime | None] = field(default_factory=dict)
    assessed_at: datetime | None = None
    reported_at: datetime | None = None
    closed_at: datetime | None = None
    updated_at: datetime | None = None

    def hours_left(self, now: datetime) -> float | None:
        """Hours to the deadline while the 72-hour clock runs (negative when overdue), else None."""
        if not domain.deadline_applies(self.state, self.outcome):
            return None
        return domain.hours_left(self.deadline, utc(now))

    def as_dict(self, now: datetime) -> dict[str, Any]:
        """Plain JSON-ready data: the CLI's json output and the HTTP API's ``Breach`` schema."""
        left = self.hours_left(now)

        def ts(value: datetime | None) -> str | None:
            return format_ts(value) if value is not None else None

        return {
            "id": self.id,
            "mailbox": self.mailbox,
            "message_key": self.message_key,
            "state": self.state,
            "outcome": self.outcome,
            "sent_at": ts(self.sent_at),
            "discovered_at": ts(self.discovered_at),
            "deadline": ts(self.deadline),
            "hours_left": left,
            "overdue": left is not None and left < 0,
            "inform_persons_concerned": self.outcome == domain.BREACH_HIGH_RISK,
            "reasons": list(self.reasons),
            "categories": list(self.categories),
            "counts": dict(self.counts),
            "recipient_domains": dict(self.recipient_domains),
            "recipients": self.recipients,
            "external_recipients": self.external_recipients,
            "note": self.note,
            "reference": self.reference,
            "reminders": {k: ts(v) for k, v in self.reminders.items()},
            "assessed_at": ts(self.assessed_at),
            "reported_at": ts(self.reported_at),
            "closed_at": ts(self.closed_at),
            "allowed_steps": domain.allowed_steps(self.state, self.outcome),
        }


def _aware(value: datetime | None) -> datetime | None:
    return utc(value) if value is not None else None


def _view(row: BreachRow) -> BreachView:
    return BreachView(
        id=row.id,
        mailbox=row.mailbox,
        message_key=row.message_key,
        sent_at=_aware(row.sent_at),
        discovered_at=utc(row.discovered_at),
        deadline=utc(row.deadline),
        state=row.state,
        outcome=row.outcome,
        note=row.note,
        reference=row.reference,
        reasons=list(row.reasons or []),
        categories=list(row.categories or []),
        counts=dict(row.counts or {}),
        recipient_domains=dict(row.recipient_domains or {}),
        recipients=row.recipients,
        external_recipients=row.external_recipients,
        reminders={DISCOVERY: _aware(row.discovery_reminder_sent_at), DEADLINE: _aware(row.deadline_reminder_sent_at)},
        assessed_at=_aware(row.assessed_at),
        reported_at=_aware(row.reported_at),
        closed_at=_aware(row.closed_at),
        updated_at=_aware(row.updated_at),
    )


class BreachStore:
    """The register over a sessionmaker; ``hmac_key`` is the installation key (`Settings.hmac_key_bytes`)."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock, *, hmac_key: bytes) -> None:
        self.sessions = sessions
        self.clock = clock
        self.hmac_key = hmac_key

    def keyed(self, purpose: str, value: str) -> str:
        """HMAC-SHA256 (hex) of ``value`` for ``purpose``: how message ids, notes and references are referred to."""
        return hmac.new(self.hmac_key, f"breach\x00{purpose}\x00{value}".encode(), hashlib.sha256).hexdigest()

    def message_key(self, mailbox: str, message_id: str) -> str:
        """The register's key of a message: keyed hash of the mailbox and its internetMessageId (or Graph id)."""
        return self.keyed("message", f"{mailbox.strip().lower()}\x00{message_id.strip()}")

    # --- registering --------------------------------------------------------------------------------------------
    def register(
        self,
        *,
        mailbox: str,
        message_key: str,
        candidate: domain.Candidate,
        categories: list[str],
        counts: dict[str, int],
        sent_at: datetime | None = None,
    ) -> tuple[BreachView, bool]:
        """Add a candidate (audited ``breach_detected``) unless its message is already registered.

        Returns the entry and whether it was created now. The deadline runs from now (the discovery).
        """
        now = self.clock.now()
        mailbox = mailbox.strip().lower()
        with self.sessions() as s:
            existing = s.scalar(select(BreachRow).where(BreachRow.message_key == message_key))
            if existing is not None:
                return _view(existing), False
            row = BreachRow(
                mailbox=mailbox,
                message_key=message_key,
                sent_at=sent_at,
                discovered_at=now,
                deadline=domain.deadline_of(now),
                state=domain.CANDIDATE,
                reasons=list(candidate.reasons),
                categories=list(categories),
                counts=dict(counts),
                recipient_domains=dict(candidate.recipient_domains),
                recipients=candidate.recipients,
                external_recipients=candidate.external_recipients,
                updated_at=now,
            )
            s.add(row)
            try:
                s.flush()
            except IntegrityError:  # another worker registered the same message first
                s.rollback()
                again = s.scalar(select(BreachRow).where(BreachRow.message_key == message_key))
                assert again is not None
                return _view(again), False
            audit.append(
                s,
                action=actions.BREACH_DETECTED,
                ts=now,
                mailbox=mailbox,
                categories=categories,
                detail={
                    "breach_id": row.id,
                    "deadline": format_ts(row.deadline),
                    "reason": list(candidate.reasons),
                    "recipients": candidate.recipients,
                    "external_recipients": candidate.external_recipients,
                    "domains": sorted(candidate.recipient_domains),
                    "counts": dict(counts),
                    "message_hash": message_key,
                },
            )
            s.commit()
            return _view(row), True

    # --- reading ------------------------------------------------------------------------------------------------
    def known(self, message_key: str) -> bool:
        """Whether the message with this key is in the register already."""
        with self.sessions() as s:
            return s.scalar(select(BreachRow.id).where(BreachRow.message_key == message_key)) is not None

    def get(self, breach_id: int) -> BreachView:
        """One entry.

        Raises:
            BreachNotFoundError: no entry has this id.
        """
        with self.sessions() as s:
            row = s.get(BreachRow, breach_id)
            if row is None:
                raise domain.BreachNotFoundError(breach_id)
            return _view(row)

    def entries(
        self, *, state: str | None = None, limit: int | None = None, after_id: int | None = None
    ) -> list[BreachView]:
        """Entries (optionally in one state), oldest first; ``after_id``/``limit`` page through them by id.

        Raises:
            BreachError: ``state`` is not one of `hygiene.domain.breach.STATES`.
        """
        stmt = select(BreachRow).order_by(BreachRow.id)
        if state is not None:
            if state not in domain.STATES:
                raise domain.BreachError(f"state must be one of {', '.join(domain.STATES)}")
            stmt = stmt.where(BreachRow.state == state)
        if after_id is not None:
            stmt = stmt.where(BreachRow.id > after_id)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.sessions() as s:
            return [_view(r) for r in s.scalars(stmt)]

    # --- the privacy officer's steps ----------------------------------------------------------------------------
    def _change(self, breach_id: int, step: str, actor: str, apply: Any) -> BreachView:
        now = self.clock.now()
        with self.sessions() as s:
            row = s.get(BreachRow, breach_id)
            if row is None:
                raise domain.BreachNotFoundError(breach_id)
            previous_state, previous_outcome = row.state, row.outcome
            target = domain.next_state(row.state, step, outcome=row.outcome)
            action, detail = apply(row, now)
            row.state = target
            row.updated_at = now
            detail = {"breach_id": row.id, "previous": previous_state, **detail}
            if previous_outcome and "outcome" not in detail:
                detail["outcome"] = previous_outcome
            try:
                s.flush()
            except StaleDataError:
                s.rollback()
                raise domain.BreachError(
                    f"breach {breach_id} was changed by someone else at the same time; look at it again and retry"
                ) from None
            audit.append(
                s, action=action, ts=now, mailbox=row.mailbox, categories=row.categories, actor=actor, detail=detail
            )
            s.commit()
            return _view(row)

    def assess(self, breach_id: int, *, outcome: str, note: str, actor: str) -> BreachView:
        """Record (or revise) the assessment; audited ``breach_assessed`` (the note only as a keyed hash).

        Raises:
            BreachNotFoundError, IllegalBreachTransition, BreachError (bad outcome or note).
        """
        domain.check_outcome(outcome)
        text = domain.clean_text(note, name="--note", max_chars=domain.MAX_NOTE_CHARS)

        def apply(row: BreachRow, now: datetime) -> tuple[str, dict[str, Any]]:
            row.outcome = outcome
            row.note = text
            row.assessed_at = now
            return actions.BREACH_ASSESSED, {"outcome": outcome, "note_hash": self.keyed("note", text)}

        return self._change(breach_id, domain.ASSESS, actor, apply)

    def report(self, breach_id: int, *, reference: str, actor: str) -> BreachView:
        """Record that the breach was reported to the authority under ``reference``; audited ``breach_reported``.

        Raises:
            BreachNotFoundError, IllegalBreachTransition, BreachError (empty or too long reference).
        """
        ref = domain.clean_text(reference, name="--reference", max_chars=domain.MAX_REFERENCE_CHARS)
        if "\n" in ref:
            raise domain.BreachError("--reference must be one line")

        def apply(row: BreachRow, now: datetime) -> tuple[str, dict[str, Any]]:
            row.reference = ref
            row.reported_at = now
            late_s = (now - utc(row.deadline)).total_seconds()
            return actions.BREACH_REPORTED, {
                "deadline": format_ts(row.deadline),
                "reference_hash": self.keyed("reference", ref),
                "late_s": max(0, round(late_s)),
            }

        return self._change(breach_id, domain.REPORT, actor, apply)

    def close(self, breach_id: int, *, actor: str) -> BreachView:
        """End the handling of a reported breach or of one assessed as no_breach; audited ``breach_closed``.

        Raises:
            BreachNotFoundError, IllegalBreachTransition.
        """

        def apply(row: BreachRow, now: datetime) -> tuple[str, dict[str, Any]]:
            row.closed_at = now
            return actions.BREACH_CLOSED, {}

        return self._change(breach_id, domain.CLOSE, actor, apply)

    # --- reminders ----------------------------------------------------------------------------------------------
    def reminders_due(self, *, before_deadline: timedelta) -> list[tuple[BreachView, str]]:
        """(entry, kind) pairs whose reminder is due and not confirmed sent: ``discovery`` for every entry not yet
        reminded about, ``deadline`` once ``now >= deadline - before_deadline`` while the 72-hour clock runs."""
        now = self.clock.now()
        out: list[tuple[BreachView, str]] = []
        with self.sessions() as s:
            rows = s.scalars(
                select(BreachRow)
                .where(
                    or_(
                        BreachRow.discovery_reminder_sent_at.is_(None),
                        (BreachRow.deadline_reminder_sent_at.is_(None))
                        & BreachRow.state.in_((domain.CANDIDATE, domain.ASSESSED))
                        & (BreachRow.deadline <= now + before_deadline),
                    )
                )
                .order_by(BreachRow.deadline, BreachRow.id)
            ).all()
            for row in rows:
                view = _view(row)
                if row.discovery_reminder_sent_at is None and row.state != domain.CLOSED:
                    out.append((view, DISCOVERY))
                if row.deadline_reminder_sent_at is None and domain.deadline_reminder_due(
                    state=row.state, outcome=row.outcome, deadline=view.deadline, now=now, before=before_deadline
                ):
                    out.append((view, DEADLINE))
        return out

    def reminder_claim(self, breach_id: int, kind: str) -> datetime | None:
        """When the reminder ``kind`` was claimed (a send started) and not confirmed, or None."""
        with self.sessions() as s:
            row = s.get(BreachRow, breach_id)
            if row is None:
                raise domain.BreachNotFoundError(breach_id)
            if getattr(row, f"{kind}_reminder_sent_at") is not None:
                return None
            return _aware(getattr(row, f"{kind}_reminder_started_at"))

    def claim_reminder(self, breach_id: int, kind: str, *, expected: datetime | None) -> bool:
        """Claim the send of reminder ``kind``: compare-and-set its start time from ``expected`` (None: never
        started) to now. Exactly one caller wins; a lost race returns False."""
        _check_kind(kind)
        started = getattr(BreachRow, f"{kind}_reminder_started_at")
        sent = getattr(BreachRow, f"{kind}_reminder_sent_at")
        cond = started.is_(None) if expected is None else started == expected
        with self.sessions() as s:
            result = s.execute(
                update(BreachRow)
                .where(BreachRow.id == breach_id, sent.is_(None), cond)
                .values({started: self.clock.now()}),
                execution_options={"synchronize_session": False},
            )
            s.commit()
            return result.rowcount == 1  # type: ignore[attr-defined]

    def confirm_reminder(self, breach_id: int, kind: str, *, dedup_key: str) -> bool:
        """Mark reminder ``kind`` sent, audited ``breach_notified`` (discovery) or ``breach_reminder`` (deadline).
        False when it was already confirmed (nothing is written twice)."""
        _check_kind(kind)
        now = self.clock.now()
        with self.sessions() as s:
            row = s.get(BreachRow, breach_id)
            if row is None:
                raise domain.BreachNotFoundError(breach_id)
            if getattr(row, f"{kind}_reminder_sent_at") is not None:
                return False
            result = s.execute(
                update(BreachRow)
                .where(BreachRow.id == breach_id, getattr(BreachRow, f"{kind}_reminder_sent_at").is_(None))
                .values({getattr(BreachRow, f"{kind}_reminder_sent_at"): now}),
                execution_options={"synchronize_session": False},
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                s.rollback()
                return False
            audit.append(
                s,
                action=actions.BREACH_NOTIFIED if kind == DISCOVERY else actions.BREACH_REMINDER,
                ts=now,
                mailbox=row.mailbox,
                categories=row.categories,
                detail={
                    "breach_id": row.id,
                    "stage": kind,
                    "deadline": format_ts(row.deadline),
                    "dedup_key": dedup_key,
                    "status": row.state,
                },
            )
            s.commit()
            return True


def open_counts(session: Session, now: datetime) -> dict[str, int]:
    """Entries whose 72-hour clock still runs (candidate, or assessed as a breach), as ``in_time`` and ``overdue``
    (deadline passed): the metrics' alerting gauge. Reads the ``(state, deadline)`` index."""
    from sqlalchemy import func

    running = (BreachRow.state == domain.CANDIDATE) | (
        (BreachRow.state == domain.ASSESSED) & (BreachRow.outcome != domain.NO_BREACH)
    )
    overdue = session.scalar(select(func.count()).where(running, BreachRow.deadline < now)) or 0
    total = session.scalar(select(func.count()).where(running)) or 0
    return {"in_time": total - overdue, "overdue": overdue}


def _check_kind(kind: str) -> None:
    if kind not in REMINDER_KINDS:
        raise ValueError(f"reminder kind must be one of {REMINDER_KINDS}")
