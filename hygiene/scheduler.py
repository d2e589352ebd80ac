"""`hygiene run`: APScheduler 3.x as a local timer in each replica; leases decide which replica sweeps which mailbox.

Jobs (intervals from ``[schedule]``): ``sweep`` (every ``sweep_interval_s``), ``scope`` (re-resolve the scope every
``scope_refresh_interval_s``), ``housekeeping`` (every ``housekeeping_interval_s``: empty Deleted Items older than
``[actions] purge_deleted_items_after_days`` when set; prune audit events past ``[audit] retention_days``),
``breach`` (with ``[breach] enabled``: the breach register's due reminders, every ``sweep_interval_s`` but at least
hourly). Every start audits the settings' fingerprint (``config_loaded``). Each job runs at most once at a time and
missed runs are coalesced. The job store is in memory on purpose: APScheduler 3.x cannot share one between processes.

SIGTERM / SIGINT ask the pipeline to stop after the step in flight; the process exits once the running job ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from datetime import UTC, datetime

import structlog
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from hygiene import __version__
from hygiene.adapters.store import audit as audit_store
from hygiene.app import App
from hygiene.pipeline import SweepStats

log = structlog.get_logger("hygiene.scheduler")


class Worker:
    """The daemon: a scheduler with three jobs over one `App`."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.stop = asyncio.Event()
        self._busy = asyncio.Lock()
        self.last: SweepStats | None = None

    async def sweep(self) -> SweepStats:
        """One sweep over what this replica can claim (jobs never overlap)."""
        async with self._busy:
            stats = await self.app.pipeline.sweep()
            self.last = stats
            log.info(
                "sweep_finished",
                mailboxes=stats.mailboxes,
                messages=stats.messages,
                sensitive=stats.sensitive,
                errors=stats.errors,
                failed_mailboxes=len(stats.failed_mailboxes),
            )
            return stats

    async def refresh_scope(self) -> None:
        """Re-resolve the scope (a user who left it is not touched from the next sweep)."""
        async with self._busy:
            await self.app.pipeline.refresh_scope()

    async def housekeeping(self) -> None:
        """Empty old Deleted Items when configured; prune audit events past ``[audit] retention_days``."""
        async with self._busy:
            await self.app.pipeline.housekeeping()
            self.prune_audit()

    def prune_audit(self) -> int:
        """Delete audit events older than ``[audit] retention_days`` (the chain is re-anchored and that audited)."""
        days = self.app.settings.audit.retention_days
        with self.app.sessions.begin() as session:
            result = audit_store.prune_expired(session, days, now=self.app.clock.now())
        if result.deleted:
            log.info("audit_pruned", events=result.deleted, retention_days=days)
        return result.deleted

    def record_start(self) -> None:
        """Audit the effective configuration of this start (``config_loaded``: fingerprint, previous, version)."""
        with self.app.sessions.begin() as session:
            audit_store.record_config(
                session,
                fingerprint=self.app.settings.fingerprint(),
                ts=self.app.clock.now(),
                version=__version__,
            )

    async def breach_reminders(self) -> None:
        """Send the breach register's due reminders (``[breach] enabled``): discovery reminders that failed
        before, and the deadline reminders ``reminder_before_deadline_hours`` before the 72-hour deadline."""
        if self.app.breach is None or self.app.breach.reminders is None:
            return
        async with self._busy:
            await self.app.breach.reminders.remind_due()

    async def run_forever(self) -> None:
        """Start the jobs and wait for SIGTERM/SIGINT; then finish the step in flight and return."""
        sched = AsyncIOScheduler(timezone=UTC)
        s = self.app.settings.schedule
        now = datetime.now(UTC)
        common = {"max_instances": 1, "coalesce": True, "misfire_grace_time": None}
        self.record_start()
        await self.refresh_scope()  # the first sweep needs the scope
        sched.add_job(self.refresh_scope, "interval", seconds=s.scope_refresh_interval_s, id="scope", **common)
        sched.add_job(self.sweep, "interval", seconds=s.sweep_interval_s, id="sweep", next_run_time=now, **common)
        sched.add_job(self.housekeeping, "interval", seconds=s.housekeeping_interval_s, id="housekeeping", **common)
        if self.app.breach is not None:  # hourly at most: a deadline reminder is due hours ahead
            every = min(s.sweep_interval_s, 3600.0)
            sched.add_job(self.breach_reminders, "interval", seconds=every, id="breach", next_run_time=now, **common)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._request_stop)
        sched.start()
        try:
            await self.stop.wait()
        finally:
            sched.pause()  # no new job starts
            async with self._busy:  # the job in flight stops after its current step (shutdown would cancel it)
                pass
            sched.shutdown(wait=False)
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(sig)

    def _request_stop(self) -> None:
        log.info("stop_requested")
        self.app.pipeline.stopping = True
        self.stop.set()


async def run_once(app: App) -> SweepStats:
    """``hygiene run --once``: refresh the scope, sweep every in-scope mailbox once, return the counts."""
    worker = Worker(app)
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError):  # not on the main thread
        loop.add_signal_handler(signal.SIGTERM, worker._request_stop)
    worker.record_start()
    await worker.refresh_scope()
    return await worker.sweep()
