"""Read-only views of the state tables for the audit API and console: a case, the mailboxes in scope, an overview.

Nothing here writes. No subject, body or matched value is stored in these tables, so none can be returned.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hygiene.adapters.store.audit import first_id_since
from hygiene.adapters.store.models import AuditEventRow, MailboxRow, MessageCaseRow
from hygiene.domain.audit import (
    BREACH_ASSESSED,
    BREACH_CLOSED,
    BREACH_DETECTED,
    BREACH_REPORTED,
    DETECTED,
    ERROR,
    SWEEP_FINISHED,
    SWEEP_STARTED,
    categories_from_column,
    format_ts,
    utc,
)


def _ts(value: datetime | None) -> str | None:
    return None if value is None else format_ts(value)


def case_dict(session: Session, case_id: int) -> dict[str, Any] | None:
    """The stored state of one case with its mailbox UPN, or None when there is no such case."""
    row = session.execute(
        select(MessageCaseRow, MailboxRow.upn)
        .outerjoin(MailboxRow, MailboxRow.id == MessageCaseRow.mailbox_id)
        .where(MessageCaseRow.id == case_id)
    ).first()
    if row is None:
        return None
    case, upn = row
    return {
        "id": case.id,
        "mailbox": upn,
        "state": case.state,
        "mode": case.mode,
        "categories": list(case.categories or []),
        "counts": dict(case.counts or {}),
        "confidence": case.confidence,
        "encrypted": bool(case.encrypted),
        "incomplete": bool(case.incomplete),
        "language": case.language,
        "sender_domain": case.sender_domain,
        "record_key": case.record_key,
        "receipt": dict(case.receipt) if case.receipt else None,
        "attempts": case.attempts or 0,
        "received_at": _ts(case.received_at),
        "created_at": _ts(case.created_at),
        "updated_at": _ts(case.updated_at),
    }


def mailbox_dict(row: MailboxRow) -> dict[str, Any]:
    """One mailbox's scope state as plain data."""
    return {
        "id": row.id,
        "upn": row.upn,
        "in_scope": bool(row.in_scope),
        "override": row.override,
        "status": row.status,
        "last_swept_at": _ts(row.last_swept_at),
    }


def mailboxes_page(
    session: Session,
    *,
    in_scope: bool | None = None,
    override: str | None = None,
    unreadable: bool = False,
    limit: int = 50,
    cursor: int | None = None,
) -> tuple[list[dict[str, Any]], int | None]:
    """One page of mailboxes ordered by id, and the cursor of the next page (None on the last).

    ``override`` is ``opt_in`` or ``opt_out``; ``unreadable`` keeps mailboxes whose status is not ``ok``.
    """
    stmt = select(MailboxRow).order_by(MailboxRow.id).limit(limit + 1)
    if in_scope is not None:
        stmt = stmt.where(MailboxRow.in_scope == in_scope)
    if override is not None:
        stmt = stmt.where(MailboxRow.override == override)
    if unreadable:
        stmt = stmt.where(MailboxRow.status != "ok")
    if cursor is not None:
        stmt = stmt.where(MailboxRow.id > cursor)
    rows = list(session.execute(stmt).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    return [mailbox_dict(r) for r in rows], (rows[-1].id if more and rows else None)


def scope_counts(session: Session) -> dict[str, int]:
    """How many mailboxes are in scope, out of scope, opted in, opted out and unreadable."""
    counts = {"total": 0, "in_scope": 0, "out_of_scope": 0, "opt_in": 0, "opt_out": 0, "unreadable": 0}
    for in_scope, override, status, n in session.execute(
        select(MailboxRow.in_scope, MailboxRow.override, MailboxRow.status, func.count()).group_by(
            MailboxRow.in_scope, MailboxRow.override, MailboxRow.status
        )
    ).all():
        counts["total"] += n
        counts["in_scope" if in_scope else "out_of_scope"] += n
        if override in ("opt_in", "opt_out"):
            counts[override] += n
        if status != "ok":
            counts["unreadable"] += n
    return counts


@dataclass
class Overview:
    """What the console's overview shows: the last sweep, cases per day and category, recent errors."""

    since: datetime
    until: datetime
    days: list[str] = field(default_factory=list)
    detected_per_day: dict[str, int] = field(default_factory=dict)
    per_category: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    last_sweep_started: dict[str, Any] | None = None
    last_sweep_finished: dict[str, Any] | None = None
    recent_errors: list[AuditEventRow] = field(default_factory=list)
    open_breaches: list[dict[str, Any]] = field(default_factory=list)


BREACH_DEADLINE = timedelta(hours=72)


def open_breaches(session: Session, now: datetime, *, window: timedelta = timedelta(days=14)) -> list[dict[str, Any]]:
    """Breaches detected within ``window`` that are neither reported nor closed, soonest deadline first.

    Read from the audit log alone (``breach_*`` events with ``detail.breach_id``); the deadline is the event's
    ``detail.deadline`` or 72 hours after detection (GDPR art. 33). An assessment as ``no_breach`` settles it too.
    """
    now = utc(now)
    rows = session.execute(
        select(AuditEventRow.ts, AuditEventRow.action, AuditEventRow.mailbox, AuditEventRow.detail)
        .where(
            AuditEventRow.action.in_((BREACH_DETECTED, BREACH_ASSESSED, BREACH_REPORTED, BREACH_CLOSED)),
            AuditEventRow.id >= first_id_since(session, now - window),
            AuditEventRow.ts >= now - window,
        )
        .order_by(AuditEventRow.id)
    ).all()
    found: dict[str, dict[str, Any]] = {}
    settled: set[str] = set()
    for ts, action, mailbox, detail in rows:
        breach_id = str((detail or {}).get("breach_id") or "")
        if not breach_id:
            continue
        if action == BREACH_DETECTED:
            deadline = utc(ts) + BREACH_DEADLINE
            raw = (detail or {}).get("deadline")
            if isinstance(raw, str):
                with contextlib.suppress(ValueError):
                    deadline = utc(datetime.fromisoformat(raw.replace("Z", "+00:00")))
            found.setdefault(
                breach_id, {"breach_id": breach_id, "detected_at": utc(ts), "deadline": deadline, "mailbox": mailbox}
            )
        elif action == BREACH_ASSESSED:  # assessed as no breach: the clock stops (a revised assessment restarts it)
            if (detail or {}).get("outcome") == "no_breach":
                settled.add(breach_id)
            else:
                settled.discard(breach_id)
        else:
            settled.add(breach_id)
    out = []
    for breach_id, item in found.items():
        if breach_id in settled:
            continue
        left = item["deadline"] - now
        out.append({**item, "hours_left": round(left.total_seconds() / 3600, 1), "overdue": left.total_seconds() < 0})
    return sorted(out, key=lambda b: b["deadline"])


def _day_expr(session: Session) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", AuditEventRow.ts), "YYYY-MM-DD")
    return func.substr(AuditEventRow.ts, 1, 10)  # SQLite stores UTC "YYYY-MM-DD HH:MM:SS.ffffff"


def overview(session: Session, now: datetime, *, days: int = 30) -> Overview:
    """Aggregate the last ``days`` days (grouped in the database over the ``action, id`` and ``ts`` indexes)."""
    until = utc(now)
    start_day = (until - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    ov = Overview(since=start_day, until=until)
    ov.days = [(start_day + timedelta(days=i)).strftime("%Y-%m-%d") for i in range(days)]
    day = _day_expr(session)
    per_day = {d: 0 for d in ov.days}
    cats: Counter[str] = Counter()
    first_id = first_id_since(session, start_day)
    for d, column, n in session.execute(
        select(day, AuditEventRow.categories, func.count())
        .where(
            AuditEventRow.action == DETECTED,
            AuditEventRow.id >= first_id,
            AuditEventRow.ts >= start_day,
            AuditEventRow.ts <= until,
        )
        .group_by(day, AuditEventRow.categories)
    ).all():
        if d in per_day:
            per_day[d] += n
        for cat in categories_from_column(column):
            cats[cat] += n
    ov.detected_per_day = per_day
    ov.per_category = dict(cats.most_common())
    ov.errors = session.execute(
        select(func.count()).where(
            AuditEventRow.action == ERROR,
            AuditEventRow.id >= first_id,
            AuditEventRow.ts >= start_day,
            AuditEventRow.ts <= until,
        )
    ).scalar_one()
    ov.recent_errors = list(
        session.execute(
            select(AuditEventRow).where(AuditEventRow.action == ERROR).order_by(AuditEventRow.id.desc()).limit(10)
        ).scalars()
    )
    ov.open_breaches = open_breaches(session, until)
    for action in (SWEEP_STARTED, SWEEP_FINISHED):
        row = session.execute(
            select(AuditEventRow).where(AuditEventRow.action == action).order_by(AuditEventRow.id.desc()).limit(1)
        ).scalar_one_or_none()
        value = None if row is None else {"id": row.id, "ts": format_ts(row.ts), "detail": dict(row.detail or {})}
        if action == SWEEP_STARTED:
            ov.last_sweep_started = value
        else:
            ov.last_sweep_finished = value
    return ov
