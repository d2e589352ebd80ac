"""Read-only queries for the operator's gauges (`hygiene.metrics`): backlog, lag and mailbox status.

They read the shared database, so every replica reports the same values; dashboards and alerts take ``max()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hygiene.adapters.store.models import MailboxRow, MessageCaseRow
from hygiene.adapters.store.state import _PLACEHOLDER, OPT_IN, OPT_OUT
from hygiene.domain import states

# States a case can be stored in (clean messages never become cases).
CASE_STATES: tuple[str, ...] = tuple(s for s in states.STATES if s not in (states.NEW, states.CLASSIFIED, states.CLEAN))


@dataclass(frozen=True)
class Backlog:
    """What the gauges show at one moment."""

    cases: dict[str, int]
    """Cases per state, every stored state present (0 when none)."""
    mailboxes: dict[str, int]
    """In-scope mailboxes per status (ok, access_denied, not_found, error)."""
    oldest_active_case: datetime | None
    """When the oldest case still walking its route arrived (received, else created)."""
    oldest_sweep: datetime | None
    """The last complete sweep of the in-scope, reachable mailbox swept longest ago (never swept: when it was
    first seen). New mail in it can be at most this old."""
    oldest_waiting: datetime | None = None
    """When the active case waiting longest on a failing step first failed on it (None: no step is failing)."""

    def waiting_s(self, now: datetime) -> float:
        """Seconds the active case waiting longest on a failing step has been waiting (0 when none is)."""
        if self.oldest_waiting is None:
            return 0.0
        return max(0.0, (now - _aware(self.oldest_waiting)).total_seconds())

    def lag_s(self, now: datetime) -> float:
        """Seconds since the oldest of `oldest_active_case` and `oldest_sweep`: an upper bound of the age of the
        oldest message not yet handled. 0 when nothing is in scope."""
        times = [t for t in (self.oldest_active_case, self.oldest_sweep) if t is not None]
        if not times:
            return 0.0
        return max(0.0, (now - min(_aware(t) for t in times)).total_seconds())


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)  # SQLite returns naive UTC


def _in_scope() -> tuple:
    return (
        or_(MailboxRow.in_scope.is_(True), MailboxRow.override == OPT_IN),
        or_(MailboxRow.override.is_(None), MailboxRow.override != OPT_OUT),
        ~MailboxRow.user_id.startswith(_PLACEHOLDER),
    )


def backlog(session: Session) -> Backlog:
    """Count cases per state and in-scope mailboxes per status, and find the oldest unfinished work."""
    cases = dict.fromkeys(CASE_STATES, 0)
    for state, n in session.execute(select(MessageCaseRow.state, func.count()).group_by(MessageCaseRow.state)):
        cases[state] = n
    mailboxes = {
        status: n
        for status, n in session.execute(
            select(MailboxRow.status, func.count()).where(*_in_scope()).group_by(MailboxRow.status)
        )
    }
    oldest_case = session.scalar(
        select(func.min(func.coalesce(MessageCaseRow.received_at, MessageCaseRow.created_at))).where(
            MessageCaseRow.state.not_in(list(states.TERMINAL))
        )
    )
    oldest_sweep = session.scalar(
        select(func.min(func.coalesce(MailboxRow.last_swept_at, MailboxRow.created_at))).where(
            *_in_scope(), MailboxRow.status == "ok"
        )
    )
    oldest_waiting = session.scalar(
        select(func.min(MessageCaseRow.waiting_since)).where(MessageCaseRow.state.not_in(list(states.TERMINAL)))
    )
    return Backlog(cases, mailboxes, oldest_case, oldest_sweep, oldest_waiting)
