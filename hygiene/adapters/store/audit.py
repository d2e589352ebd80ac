"""The audit log in the database: append in the caller's transaction, query, verify, prune, report.

Appends are serialised through the one-row ``audit_head`` table: every append first ``UPDATE``s it, which takes a
row lock on PostgreSQL (held until the caller commits or rolls back) and the database write lock on SQLite, so two
workers appending at once take turns and never fork the chain. The unique ``prev_hash`` column is the last line of
defence: a fork fails with an integrity error instead of being stored.

Nothing here commits: the caller commits the audit event together with the state change it records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.orm import Session

from hygiene.adapters.store.models import AuditAnchorRow, AuditEventRow, AuditHeadRow
from hygiene.domain.audit import (
    CONFIG_LOADED,
    ERROR,
    GENESIS_HASH,
    RETENTION,
    AuditEvent,
    AuditFilter,
    ChainBreak,
    ChainVerifier,
    categories_from_column,
    categories_to_column,
    check_detail,
    format_ts,
    is_known_action,
    utc,
)
from hygiene.errors import AuditError

_HEAD_ID = 1
_BATCH = 5000


# --- append -------------------------------------------------------------------------------------------------------
def _insert_head_if_missing(session: Session, initial_hash: str, last_id: int | None) -> None:
    dialect = session.get_bind().dialect.name
    values = {"id": _HEAD_ID, "last_hash": initial_hash, "last_event_id": last_id, "seq": 0}
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(AuditHeadRow).values(**values).on_conflict_do_nothing(index_elements=["id"]))
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(AuditHeadRow).values(**values).on_conflict_do_nothing(index_elements=["id"]))
    else:  # pragma: no cover - other databases are not supported
        session.execute(AuditHeadRow.__table__.insert().values(**values))


def _current_tip(session: Session) -> tuple[str, int | None]:
    """The hash the next event must link to, read from the events (used only to create a missing head row)."""
    last = session.execute(
        select(AuditEventRow.id, AuditEventRow.hash).order_by(AuditEventRow.id.desc()).limit(1)
    ).first()
    if last is not None:
        return last.hash, last.id
    return latest_anchor(session), None


def lock_head(session: Session) -> str:
    """Take the chain lock for the rest of the caller's transaction and return the current head hash.

    Raises:
        AuditError: when the head row cannot be created or read.
    """
    bump = update(AuditHeadRow).where(AuditHeadRow.id == _HEAD_ID).values(seq=AuditHeadRow.seq + 1)
    result = session.execute(bump, execution_options={"synchronize_session": False})
    if result.rowcount == 0:  # type: ignore[attr-defined]
        tip, last_id = _current_tip(session)
        _insert_head_if_missing(session, tip, last_id)
        result = session.execute(bump, execution_options={"synchronize_session": False})
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise AuditError("the audit chain head (audit_head) could not be created")
    head = session.execute(select(AuditHeadRow.last_hash).where(AuditHeadRow.id == _HEAD_ID)).scalar_one()
    return head


def append(
    session: Session,
    *,
    action: str,
    ts: datetime,
    mailbox: str | None = None,
    case_id: int | None = None,
    sender_domain: str | None = None,
    categories: Iterable[str] = (),
    detail: dict[str, Any] | None = None,
    actor: str = "worker",
) -> AuditEventRow:
    """Append one audit event to the chain in the caller's transaction (the caller commits).

    ``mailbox`` and ``sender_domain`` are stored lower-cased. ``detail`` must pass
    `hygiene.domain.audit.check_detail` (kinds, counts, receipts, reasons: no content).

    Raises:
        UnsafeAuditDetailError: ``detail`` could hold content (the event is not written).
        AuditError: unknown action or naive ``ts``.
    """
    if not is_known_action(action):
        raise AuditError(f"unknown audit action {action!r}; use a constant from hygiene.domain.audit")
    if ts.tzinfo is None:
        raise AuditError("audit timestamps must be timezone-aware")
    clean = check_detail(detail)
    cats = tuple(sorted(set(categories)))
    mailbox = mailbox.lower() if mailbox else None
    sender_domain = sender_domain.lower() if sender_domain else None
    ts = utc(ts)
    prev = lock_head(session)
    event = AuditEvent(
        ts=ts,
        action=action,
        prev_hash=prev,
        case_id=case_id,
        mailbox=mailbox,
        sender_domain=sender_domain,
        categories=cats,
        actor=actor,
        detail=clean,
    )
    digest = event.hash()
    row = AuditEventRow(
        ts=ts,
        action=action,
        case_id=case_id,
        mailbox=mailbox,
        sender_domain=sender_domain,
        categories=categories_to_column(cats),
        actor=actor,
        detail=clean,
        prev_hash=prev,
        hash=digest,
    )
    session.add(row)
    session.flush()
    session.execute(
        update(AuditHeadRow)
        .where(AuditHeadRow.id == _HEAD_ID)
        .values(last_hash=digest, last_event_id=row.id, updated_at=ts),
        execution_options={"synchronize_session": False},
    )
    return row


def record_config(
    session: Session, *, fingerprint: str, ts: datetime, version: str, rules_version: str | None = None
) -> AuditEventRow:
    """Audit the effective configuration at start (``config_loaded``), in the caller's transaction.

    ``fingerprint`` is `hygiene.settings.Settings.fingerprint` (SHA-256 of the settings with secrets redacted).
    The event names the fingerprint of the previous start (``previous``) and whether it changed (``new``), so a
    configuration change between two runs is visible in the audit log without storing any setting.
    """
    previous = session.execute(
        select(AuditEventRow.detail)
        .where(AuditEventRow.action == CONFIG_LOADED)
        .order_by(AuditEventRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    before = (previous or {}).get("settings_fingerprint")
    detail: dict[str, Any] = {
        "settings_fingerprint": fingerprint,
        "previous": before,
        "new": before != fingerprint,
        "version": version,
    }
    if rules_version:
        detail["rules_version"] = rules_version
    return append(session, action=CONFIG_LOADED, ts=ts, actor="worker", detail=detail)


# --- reading ------------------------------------------------------------------------------------------------------
def to_event(row: AuditEventRow) -> AuditEvent:
    """The hashed content of a stored row."""
    return AuditEvent(
        ts=row.ts,
        action=row.action,
        prev_hash=row.prev_hash,
        case_id=row.case_id,
        mailbox=row.mailbox,
        sender_domain=row.sender_domain,
        categories=categories_from_column(row.categories),
        actor=row.actor,
        detail=dict(row.detail or {}),
    )


def event_dict(row: AuditEventRow) -> dict[str, Any]:
    """A stored event as plain JSON-ready data (the shape of the CLI's json output and the HTTP API)."""
    return {
        "id": row.id,
        "ts": format_ts(row.ts),
        "action": row.action,
        "case_id": row.case_id,
        "mailbox": row.mailbox,
        "sender_domain": row.sender_domain,
        "categories": list(categories_from_column(row.categories)),
        "actor": row.actor,
        "detail": dict(row.detail or {}),
        "prev_hash": row.prev_hash,
        "hash": row.hash,
    }


def _filtered(stmt: Select[Any], flt: AuditFilter) -> Select[Any]:
    """``stmt`` restricted to the events matching ``flt``."""
    if flt.since is not None:
        stmt = stmt.where(AuditEventRow.ts >= utc(flt.since))
    if flt.until is not None:
        stmt = stmt.where(AuditEventRow.ts < utc(flt.until))
    if flt.mailbox:
        stmt = stmt.where(AuditEventRow.mailbox == flt.mailbox.lower())
    if flt.sender_domain:
        stmt = stmt.where(AuditEventRow.sender_domain == flt.sender_domain.lower())
    if flt.category:
        stmt = stmt.where(AuditEventRow.categories.contains(f",{flt.category},", autoescape=True))
    if flt.action:
        stmt = stmt.where(AuditEventRow.action == flt.action)
    if flt.case_id is not None:
        stmt = stmt.where(AuditEventRow.case_id == flt.case_id)
    return stmt


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a keyset-paged query; ``next_cursor`` is None on the last page."""

    items: list[AuditEventRow]
    next_cursor: int | None


def query(
    session: Session,
    flt: AuditFilter,
    *,
    limit: int = 50,
    cursor: int | None = None,
    order: str = "desc",
) -> Page:
    """One page of events matching ``flt``, keyset-paged on id (stable while events are appended).

    ``order`` is ``desc`` (newest first) or ``asc``; ``cursor`` is the ``next_cursor`` of the previous page.

    Raises:
        ValueError: ``order`` is not asc/desc or ``limit`` is not positive.
    """
    if order not in ("asc", "desc"):
        raise ValueError("order must be 'asc' or 'desc'")
    if limit < 1:
        raise ValueError("limit must be at least 1")
    stmt = _filtered(select(AuditEventRow), flt)
    if order == "desc":
        if cursor is not None:
            stmt = stmt.where(AuditEventRow.id < cursor)
        stmt = stmt.order_by(AuditEventRow.id.desc())
    else:
        if cursor is not None:
            stmt = stmt.where(AuditEventRow.id > cursor)
        stmt = stmt.order_by(AuditEventRow.id.asc())
    rows = list(session.execute(stmt.limit(limit + 1)).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, rows[-1].id if more and rows else None)


def iter_events(session: Session, flt: AuditFilter | None = None, *, order: str = "asc") -> Iterator[AuditEventRow]:
    """Every event matching ``flt`` in id order, read in keyset batches (constant memory)."""
    flt = flt or AuditFilter()
    cursor: int | None = None
    while True:
        page = query(session, flt, limit=_BATCH, cursor=cursor, order=order)
        yield from page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def get_event(session: Session, event_id: int) -> AuditEventRow | None:
    """One event by id, or None."""
    return session.get(AuditEventRow, event_id)


# --- verification -------------------------------------------------------------------------------------------------
def latest_anchor(session: Session) -> str:
    """The hash the first stored event must link to: the last pruned event's hash, or the genesis hash."""
    anchor = session.execute(
        select(AuditAnchorRow.anchor_hash).order_by(AuditAnchorRow.id.desc()).limit(1)
    ).scalar_one_or_none()
    return anchor or GENESIS_HASH


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """The outcome of `verify`: how many events were checked and the first broken link (None: intact)."""

    checked: int
    broken: ChainBreak | None
    anchor: str
    head: str | None

    @property
    def ok(self) -> bool:
        """True when no broken link was found."""
        return self.broken is None


_VERIFY_COLUMNS = (
    AuditEventRow.id,
    AuditEventRow.ts,
    AuditEventRow.action,
    AuditEventRow.prev_hash,
    AuditEventRow.case_id,
    AuditEventRow.mailbox,
    AuditEventRow.sender_domain,
    AuditEventRow.categories,
    AuditEventRow.actor,
    AuditEventRow.detail,
    AuditEventRow.hash,
)


def verify(session: Session, *, through_id: int | None = None) -> VerifyResult:
    """Walk the chain from the anchor in id order and report the first broken link.

    With ``through_id`` only events up to that id are checked and the head is not compared.
    """
    anchor = latest_anchor(session)
    verifier = ChainVerifier(anchor)
    cursor = 0
    while True:
        # Plain column tuples, not ORM objects: verify reads every row, and identity-map bookkeeping halves its speed.
        stmt = select(*_VERIFY_COLUMNS).where(AuditEventRow.id > cursor).order_by(AuditEventRow.id).limit(_BATCH)
        if through_id is not None:
            stmt = stmt.where(AuditEventRow.id <= through_id)
        rows = session.execute(stmt).all()
        for row in rows:
            event = AuditEvent(
                ts=row.ts,
                action=row.action,
                prev_hash=row.prev_hash,
                case_id=row.case_id,
                mailbox=row.mailbox,
                sender_domain=row.sender_domain,
                categories=categories_from_column(row.categories),
                actor=row.actor,
                detail=dict(row.detail or {}),
            )
            if not verifier.feed(row.id, event, row.hash):
                break
        if verifier.broken is not None or len(rows) < _BATCH:
            break
        cursor = rows[-1].id
    head = session.execute(select(AuditHeadRow.last_hash).where(AuditHeadRow.id == _HEAD_ID)).scalar_one_or_none()
    if through_id is None:
        verifier.finish(head)
    return VerifyResult(verifier.count, verifier.broken, anchor, head)


# --- retention ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PruneResult:
    """What `prune` did: how many events it deleted and the new anchor (None when nothing was deleted)."""

    deleted: int
    anchor_hash: str | None
    deleted_through_id: int | None


def retention_cutoff(now: datetime, retention_days: int) -> datetime:
    """Events older than this are pruned: ``now - retention_days``."""
    return utc(now) - timedelta(days=retention_days)


def prune(
    session: Session,
    older_than: datetime,
    *,
    now: datetime | None = None,
    actor: str = "housekeeping",
    retention_days: int | None = None,
) -> PruneResult:
    """Delete the oldest events (ts before ``older_than``) and re-anchor the chain, in the caller's transaction.

    Only a prefix of the chain is deleted: events up to, not including, the first event at or after
    ``older_than``. The hash of the last deleted event is stored in ``audit_anchors``; the first kept event names it
    as its ``prev_hash``, which `verify` checks. The pruning is itself audited (action ``retention``). The part to
    be deleted is verified first, so evidence of tampering is never pruned away.

    Raises:
        AuditError: the part of the chain to be deleted is broken (nothing is deleted).
    """
    now = utc(now or datetime.now(UTC))
    older_than = utc(older_than)
    lock_head(session)
    first_kept = session.execute(select(func.min(AuditEventRow.id)).where(AuditEventRow.ts >= older_than)).scalar()
    last_stmt = select(AuditEventRow.id, AuditEventRow.hash).order_by(AuditEventRow.id.desc()).limit(1)
    if first_kept is not None:
        last_stmt = last_stmt.where(AuditEventRow.id < first_kept)
    last = session.execute(last_stmt).first()
    if last is None:
        return PruneResult(0, None, None)
    check = verify(session, through_id=first_kept if first_kept is not None else last.id)
    if not check.ok:
        raise AuditError(f"refusing to prune: the audit chain is broken ({check.broken.describe()})")  # type: ignore[union-attr]
    deleted = session.execute(
        delete(AuditEventRow).where(AuditEventRow.id <= last.id), execution_options={"synchronize_session": False}
    ).rowcount  # type: ignore[attr-defined]
    session.add(
        AuditAnchorRow(
            created_at=now,
            older_than=older_than,
            anchor_hash=last.hash,
            deleted_through_id=last.id,
            deleted_count=deleted,
        )
    )
    session.flush()
    detail: dict[str, Any] = {
        "older_than": format_ts(older_than),
        "deleted": deleted,
        "deleted_through_id": last.id,
        "anchor_hash": last.hash,
    }
    if retention_days is not None:
        detail["retention_days"] = retention_days
    append(session, action=RETENTION, ts=now, actor=actor, detail=detail)
    return PruneResult(deleted, last.hash, last.id)


def prune_expired(session: Session, retention_days: int, *, now: datetime | None = None) -> PruneResult:
    """The housekeeping job's entry point: prune events older than ``retention_days`` (``[audit] retention_days``)."""
    now = utc(now or datetime.now(UTC))
    return prune(session, retention_cutoff(now, retention_days), now=now, retention_days=retention_days)


def first_id_since(session: Session, since: datetime) -> int:
    """The smallest id of the events at or after ``since`` (max id + 1 when there are none).

    Turns a time window into an id range, so filters on the ``(action, id)`` indexes read only the window's rows.
    ``id + 0`` keeps the database from answering ``min(id)`` by walking the primary key from the start until a
    row matches (slow when the window is recent); instead it reads the ``ts`` index range.
    """
    first = session.execute(select(func.min(AuditEventRow.id + 0)).where(AuditEventRow.ts >= utc(since))).scalar()
    if first is not None:
        return int(first)
    last = session.execute(select(func.max(AuditEventRow.id))).scalar()
    return (last or 0) + 1


# --- monthly report -----------------------------------------------------------------------------------------------
@dataclass
class Report:
    """A summary of one period for internal-control records: counts per action, category and mailbox, errors."""

    since: datetime
    until: datetime
    total: int = 0
    per_action: dict[str, int] = field(default_factory=dict)
    per_category: dict[str, int] = field(default_factory=dict)
    per_mailbox: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    error_events: int = 0
    first_id: int | None = None
    last_id: int | None = None
    last_hash: str | None = None
    head_hash: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "since": format_ts(self.since),
            "until": format_ts(self.until),
            "total": self.total,
            "per_action": self.per_action,
            "per_category": self.per_category,
            "per_mailbox": self.per_mailbox,
            "errors": {"total": self.error_events, "by_kind": self.errors},
            "first_id": self.first_id,
            "last_id": self.last_id,
            "last_hash": self.last_hash,
            "head_hash": self.head_hash,
        }


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """``"2026-11"`` -> (2026-11-01T00:00Z, 2026-12-01T00:00Z).

    Raises:
        ValueError: not a YYYY-MM month.
    """
    try:
        if len(month) != 7:
            raise ValueError(month)
        start = datetime.strptime(month, "%Y-%m").replace(tzinfo=UTC)
        end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    except ValueError:
        raise ValueError(f"month must look like 2026-11 (YYYY-MM, year 1-9998), not {month[:16]!r}") from None
    return start, end


def report(session: Session, since: datetime, until: datetime) -> Report:
    """Aggregate the events with ``since <= ts < until`` (grouped in the database; errors by their class/code)."""
    rep = Report(utc(since), utc(until))
    flt = AuditFilter(since=since, until=until)
    low_id = first_id_since(session, since)  # turns the month into an id range on the (action, id) index

    def scoped(stmt: Select[Any]) -> Select[Any]:
        return _filtered(stmt, flt).where(AuditEventRow.id >= low_id)

    by_action = session.execute(scoped(select(AuditEventRow.action, func.count())).group_by(AuditEventRow.action)).all()
    rep.per_action = {a: n for a, n in sorted(by_action)}
    rep.total = sum(rep.per_action.values())
    cats: Counter[str] = Counter()
    for column, n in session.execute(
        scoped(select(AuditEventRow.categories, func.count()))
        .where(AuditEventRow.action == "detected")
        .group_by(AuditEventRow.categories)
    ).all():
        for cat in categories_from_column(column):
            cats[cat] += n
    rep.per_category = dict(sorted(cats.items()))
    per_mailbox: dict[str, dict[str, int]] = {}
    for mailbox, action, n in session.execute(
        scoped(select(AuditEventRow.mailbox, AuditEventRow.action, func.count())).group_by(
            AuditEventRow.mailbox, AuditEventRow.action
        )
    ).all():
        per_mailbox.setdefault(mailbox or "-", {})[action] = n
    rep.per_mailbox = {m: dict(sorted(v.items())) for m, v in sorted(per_mailbox.items())}
    kinds: Counter[str] = Counter()
    for row in iter_events(session, AuditFilter(since=since, until=until, action=ERROR)):
        detail = row.detail or {}
        kinds[str(detail.get("error_class") or detail.get("error") or detail.get("code") or "unspecified")] += 1
    rep.errors = dict(sorted(kinds.items()))
    rep.error_events = sum(kinds.values())
    bounds = session.execute(scoped(select(func.min(AuditEventRow.id), func.max(AuditEventRow.id)))).first()
    if bounds is not None and bounds[1] is not None:
        rep.first_id, rep.last_id = bounds
        rep.last_hash = session.execute(
            select(AuditEventRow.hash).where(AuditEventRow.id == rep.last_id)
        ).scalar_one_or_none()
    rep.head_hash = session.execute(
        select(AuditHeadRow.last_hash).where(AuditHeadRow.id == _HEAD_ID)
    ).scalar_one_or_none()
    return rep
