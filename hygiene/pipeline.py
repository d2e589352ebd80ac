"""The sweep: drives the per-message state machine (`hygiene.domain.states`) through the ports.

For each claimed mailbox: resume the cases left mid-way by an earlier (possibly killed) run, then follow the delta
round of every configured folder page by page. A message whose delta fields cannot hold sensitive data (the
classifier's prescreen) costs no request of its own; otherwise its MIME is fetched and classified. A sensitive one
becomes a case and walks its route, one committed state per side effect:

- flag: PATCH category + follow-up flag (idempotent);
- archive: ``find`` by record key before ``put`` (a crash after the put finds the record), then ``verify``;
  nothing is deleted without a verified receipt unless ``[records] backend = "none"``;
- delete and purge: a 404 means already done;
- notice: `hygiene.notices.Notifier` is exactly-once per case (its dedup key, checked in Sent Items).

Extraction and classification run off the event loop, in a bounded thread pool (`CLASSIFY_THREADS`): a message
that takes its whole time budget does not stall the Graph traffic of the other mailboxes.

Delta links are saved after each page is handled, so a crash re-reads at most one page; cases make that harmless.
A dead link (410) is dropped and the folder resynced; already-handled messages are recognised by their case.
Nothing here logs or audits a subject, a body, an address or a matched value.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Protocol

import structlog

from hygiene.adapters.store.state import CaseConflict, CaseView, ClaimedMailbox, StateStore
from hygiene.domain import audit as actions
from hygiene.domain import states
from hygiene.domain.mail import Folder, Mailbox, MessageMeta
from hygiene.domain.records import Record
from hygiene.domain.verdict import Verdict
from hygiene.errors import (
    AccessDeniedError,
    GraphError,
    HygieneError,
    NotFoundError,
    NoticeError,
    RecordMismatchError,
    RecordRejectedError,
    RecordsError,
    SyncStateLostError,
    is_transient,
)
from hygiene.ports import Clock, MailGateway, RecordsArchive
from hygiene.settings import Settings

log = structlog.get_logger("hygiene.pipeline")

MAX_ATTEMPTS = 8
"""Attempts after which a step failing for a reason that is not transient (`hygiene.errors.is_transient`: e.g. a
400 from Graph) ends its case as ``failed``. Transient failures never end a case; definitive ones (a record
rejected, or not matching its receipt) end it at once."""
RETRY_BASE_S = 30.0
RETRY_CAP_S = 3600.0
"""Backoff between attempts of a failed step: ``RETRY_BASE_S * 2**n``, at most ``RETRY_CAP_S``."""
_NOTICE_HEADERS = (
    "from",
    "reply-to",
    "auto-submitted",
    "precedence",
    "content-language",
    "x-hygiene-notice",
    "return-path",
    "list-id",
    "x-auto-response-suppress",
)

CLASSIFY_THREADS = max(2, min(4, os.cpu_count() or 1))
"""Threads that extract and classify messages (per process). Detection is mostly pure Python and holds the GIL, so
more threads than cores buy little; two keep one slow message from holding up the others (bench/classify_offload.py)."""

# Hook for crash tests: called with the state a case is about to enter and the phase: "before" its side effect
# runs, and "after" the side effect, before the new state is committed.
StepHook = Callable[[str, str], None]


class PipelineObserver(Protocol):
    """What the pipeline reports as it goes (metrics, `hygiene.metrics.Metrics`); counts and kinds only.

    Every method is called on the worker's event loop and must not block or raise.
    """

    def case_advanced(self, case: CaseView) -> None:
        """A case entered ``case.state`` (committed with its audit event)."""

    def step_failed(self, stage: str, error: BaseException) -> None:
        """A case's step towards ``stage`` failed; it is retried later (or the case gave up)."""

    def case_waiting(self, stage: str, waiting_s: float, *, given_up: bool) -> None:
        """A case's step towards ``stage`` has been failing for ``waiting_s``; ``given_up``: it ended as failed."""

    def sweep_crashed(self, error: BaseException) -> None:
        """A whole sweep ended with ``error`` (a database outage, a bug); the next scheduled sweep tries again."""

    def mailbox_swept(self, stats: SweepStats, mode: str) -> None:
        """One mailbox's sweep ended (completely or not); ``stats`` are its counts."""

    def sweep_finished(self, stats: SweepStats, duration_s: float) -> None:
        """A whole sweep ended; ``duration_s`` is wall-clock time."""


class LeaseLost(Exception):
    """This worker's lease on a mailbox expired and another worker took it: stop sweeping that mailbox."""


@dataclass
class SweepStats:
    """Counts of one sweep (no content). ``failed_mailboxes`` maps UPN -> short reason."""

    mailboxes: int = 0
    messages: int = 0
    mime_fetched: int = 0
    clean: int = 0
    sensitive: int = 0
    encrypted: int = 0
    malformed: int = 0
    flagged: int = 0
    archived: int = 0
    deleted: int = 0
    purged: int = 0
    notices_sent: int = 0
    notices_suppressed: int = 0
    resumed: int = 0
    resyncs: int = 0
    errors: int = 0
    sent_scanned: int = 0
    breach_candidates: int = 0
    categories: Counter[str] = field(default_factory=Counter)
    failed_mailboxes: dict[str, str] = field(default_factory=dict)

    def add(self, other: SweepStats) -> None:
        """Fold another mailbox's counts into this one."""
        for f in dataclasses.fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, int):
                setattr(self, f.name, mine + theirs)
        self.categories.update(other.categories)
        self.failed_mailboxes.update(other.failed_mailboxes)

    @property
    def ok(self) -> bool:
        """True when every mailbox was processed."""
        return not self.failed_mailboxes

    def as_detail(self) -> dict[str, Any]:
        """Audit detail of a sweep_finished event."""
        return {
            "mailboxes": self.mailboxes,
            "messages": self.messages,
            "cases": self.sensitive,
            "errors": self.errors + len(self.failed_mailboxes),
            "counts": dict(self.categories),
        }


@dataclass
class _Work:
    """What a case's steps may reuse within one run (the MIME and what was read from it)."""

    mime: bytes | None = None
    sender: str | None = None
    internet_message_id: str | None = None
    received_at: Any = None


class Pipeline:
    """Sweeps claimed mailboxes; one instance per process (shares the gateway and its concurrency limit)."""

    def __init__(
        self,
        settings: Settings,
        *,
        gateway: MailGateway,
        store: StateStore,
        classifier: Any,
        archive: RecordsArchive | None,
        notifier: Any | None,
        clock: Clock,
        step_hook: StepHook | None = None,
        observer: PipelineObserver | None = None,
        breach: Any | None = None,
    ) -> None:
        self.settings = settings
        self.gateway = gateway
        self.store = store
        self.classifier = classifier
        self.archive = archive
        self.notifier = notifier
        self.clock = clock
        self.step_hook = step_hook
        self.observer = observer
        self.breach = breach  # hygiene.breach.BreachScanner when [breach] enabled: reads Sent Items, never changes it
        self.policy = states.Policy(settings.actions.mode, archive=archive is not None, notice=settings.notice.enabled)
        self._folders: dict[int, tuple[float, list[Folder]]] = {}
        self._sent_folders: dict[int, tuple[float, list[Folder]]] = {}  # Sent Items and subfolders (breach scan)
        self.stopping = False  # set by SIGTERM: finish the step in flight, start no new one
        self.progress = {"mailboxes_total": 0, "mailboxes_done": 0, "messages": 0}  # live counts for a TTY
        self._pool: ThreadPoolExecutor | None = None  # classification threads, started at the first message
        if breach is not None:
            breach.offload = self._off_loop  # Sent Items are classified in the same threads

    async def _off_loop(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` (CPU-bound, thread-safe) in the classification threads and wait for it."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=CLASSIFY_THREADS, thread_name_prefix="hygiene-classify")
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def close(self) -> None:
        """Stop the classification threads (after the message in hand)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    # --- scope --------------------------------------------------------------------------------------------------
    async def resolve_scope(self) -> tuple[list[Mailbox], list[str]]:
        """The mailboxes the ``[scope]`` mode selects, minus exclusions; plus UPNs that could not be resolved."""
        scope = self.settings.scope
        problems: list[str] = []
        found: list[Mailbox] = []
        if scope.mode == "all":
            found = [m async for m in self.gateway.list_users()]
        elif scope.mode == "group":
            found = [m async for m in self.gateway.group_members(scope.group_id)]
        else:
            for upn in scope.users:
                try:
                    found.append(await self.gateway.get_user(upn))
                except NotFoundError:
                    problems.append(upn)
        excluded = {u.strip().lower() for u in scope.exclude_users}
        excluded_ids: set[str] = set()
        if scope.exclude_group_id:
            excluded_ids = {m.user_id async for m in self.gateway.group_members(scope.exclude_group_id)}
        keep = [
            m
            for m in found
            if m.upn.lower() not in excluded
            and (m.mail or "").lower() not in excluded
            and m.user_id not in excluded_ids
        ]
        return keep, problems

    async def refresh_scope(self) -> Any:
        """Re-resolve the scope, store it (audited when it changed), and bind opt-ins known only by UPN."""
        mailboxes, problems = await self.resolve_scope()
        known = {m.upn for m in mailboxes}
        extra: list[Mailbox] = []
        for upn, override in self.store.overrides().items():
            if override == "opt_in" and upn not in known:
                try:
                    extra.append(await self.gateway.get_user(upn))
                except NotFoundError:
                    problems.append(upn)
        change = self.store.refresh_scope(mailboxes, scope_mode=self.settings.scope.mode)
        for m in extra:
            self.store.bind_user(m.upn, m.user_id)
        if problems:
            log.warning("scope_unresolved", count=len(problems))
        return change

    # --- sweep --------------------------------------------------------------------------------------------------
    async def sweep(self, *, mailbox_concurrency: int | None = None, only: Sequence[int] | None = None) -> SweepStats:
        """Sweep what this worker can claim, one mailbox lease at a time; returns the counts.

        ``mailbox_concurrency`` lanes (default twice ``[graph] max_concurrency``) each claim the least recently swept
        free mailbox, sweep it and give the lease back, until none is left that neither this sweep nor another
        worker has swept since this sweep began. Replicas sharing the database thus split the work as they go, and
        a lease is held only while its mailbox is being swept. ``only`` limits the sweep to some mailbox row ids
        (a change notification can trigger one mailbox's sweep).

        A sweep that fails as a whole (the database is away, a bug) is logged (``sweep_crashed``), counted in
        ``hygiene_errors_total{kind="sweep_<error>"}`` and re-raised; the next scheduled sweep tries again.
        """
        try:
            return await self._sweep(mailbox_concurrency=mailbox_concurrency, only=only)
        except Exception as exc:
            log.error("sweep_crashed", error=type(exc).__name__)
            if self.observer is not None:
                self.observer.sweep_crashed(exc)
            raise

    async def _sweep(self, *, mailbox_concurrency: int | None, only: Sequence[int] | None) -> SweepStats:
        ttl = self.settings.schedule.lease_ttl_s
        started, since = time.monotonic(), self.clock.now()
        total = SweepStats()
        available = self.store.count_claimable(only=only)
        self.store.sweep_event(actions.SWEEP_STARTED, {"mailboxes": available, "mode": self.policy.mode})
        self.progress.update(mailboxes_total=available, mailboxes_done=0, messages=0)
        taken: set[int] = set()
        failed = False

        async def lane() -> None:
            nonlocal failed
            try:
                while not self.stopping and not failed:
                    claimed = self.store.claim(ttl_s=ttl, limit=1, only=only, exclude=taken, swept_before=since)
                    if not claimed:
                        return
                    taken.add(claimed[0].id)
                    total.add(await self.sweep_mailbox(claimed[0]))
            except BaseException:
                failed = True  # the other lanes finish their mailbox and claim no more
                raise

        # Every lane ends before the sweep does, even when one fails (a database error, a bug): a plain gather
        # would return at the first failure and leave the others running into the next sweep, which then drives
        # the same cases concurrently (two notices for one case, found by tests/hardening/test_soak.py).
        lanes = mailbox_concurrency or max(1, self.settings.graph.max_concurrency * 2)
        results = await asyncio.gather(*(lane() for _ in range(lanes)), return_exceptions=True)
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:
            raise failures[0]
        self.store.sweep_event(actions.SWEEP_FINISHED, total.as_detail())
        if self.observer is not None:
            self.observer.sweep_finished(total, time.monotonic() - started)
        return total

    async def sweep_mailbox(self, mb: ClaimedMailbox) -> SweepStats:
        """Resume open cases, then follow each folder's delta round. Errors of one mailbox stay in it."""
        stats = SweepStats(mailboxes=1)
        swept = False
        try:
            for case in self.store.active_cases(mb.id):
                if self.stopping:
                    break
                stats.resumed += 1
                await self.drive(case, mb, _Work(), stats)
            for folder in await self._folders_of(mb):
                if self.stopping:
                    break
                await self._sync_folder(mb, folder, stats)
            if self.breach is not None and not self.stopping:
                await self._scan_sent_items(mb, stats)
            swept = not self.stopping
        except AccessDeniedError:
            self.store.set_status(mb.id, "access_denied")
            stats.failed_mailboxes[mb.upn] = "access_denied"
            log.warning("mailbox_access_denied", mailbox=mb.upn)
        except NotFoundError:
            self.store.set_status(mb.id, "not_found")
            stats.failed_mailboxes[mb.upn] = "not_found"
        except GraphError as exc:
            stats.failed_mailboxes[mb.upn] = type(exc).__name__
            log.warning("mailbox_failed", mailbox=mb.upn, error=type(exc).__name__, status=exc.status)
        except LeaseLost:
            stats.failed_mailboxes[mb.upn] = "lease_lost"
            log.warning("mailbox_lease_lost", mailbox=mb.upn)
        finally:
            self.store.release(mb.id, swept=swept)
        if swept:
            self.store.set_status(mb.id, "ok")
        self.progress["mailboxes_done"] += 1
        if self.observer is not None:
            self.observer.mailbox_swept(stats, self.policy.mode)
        return stats

    async def _folders_of(self, mb: ClaimedMailbox) -> list[Folder]:
        cached = self._folders.get(mb.id)
        now = self.clock.now().timestamp()
        if cached and now - cached[0] < self.settings.schedule.scope_refresh_interval_s:
            return cached[1]
        out: list[Folder] = []
        for name in self.settings.scope.folders:
            try:
                top = await self.gateway.get_folder(mb.upn, name)
            except NotFoundError:
                continue
            out.append(top)
            if self.settings.scope.include_subfolders and top.child_folder_count:
                out.extend(await self._subfolders(mb.upn, top))
        self._folders[mb.id] = (now, out)
        return out

    async def _subfolders(self, upn: str, parent: Folder) -> list[Folder]:
        out: list[Folder] = []
        for child in await self.gateway.list_folders(upn, parent.id):
            out.append(child)
            if child.child_folder_count:
                out.extend(await self._subfolders(upn, child))
        return out

    async def _scan_sent_items(self, mb: ClaimedMailbox, stats: SweepStats) -> None:
        """Follow Sent Items and its subfolders (delta is per folder; people file sent mail away), each with its own
        delta link (key ``breach:<folder id>``, apart from any swept folder), and hand each page to the breach
        scanner, which only reads. The folder list is cached like the swept folders'."""
        cached = self._sent_folders.get(mb.id)
        now = self.clock.now().timestamp()
        if cached and now - cached[0] < self.settings.schedule.scope_refresh_interval_s:
            folders = cached[1]
        else:
            try:
                top = await self.gateway.get_folder(mb.upn, "sentitems")
            except NotFoundError:
                return
            folders = [top]
            if top.child_folder_count:
                folders.extend(await self._subfolders(mb.upn, top))
            self._sent_folders[mb.id] = (now, folders)

        async def scan(mb: ClaimedMailbox, folder: Folder, messages: Sequence[MessageMeta], stats: SweepStats) -> None:
            for meta in messages:
                if self.stopping:
                    return
                stats.sent_scanned += 1
                if await self.breach.scan_message(mb.upn, meta) is not None:
                    stats.breach_candidates += 1

        for folder in folders:
            if self.stopping:
                return
            await self._sync_folder(mb, folder, stats, key=f"breach:{folder.id}", handle=scan, recipients=True)

    async def _sync_folder(
        self,
        mb: ClaimedMailbox,
        folder: Folder,
        stats: SweepStats,
        *,
        key: str | None = None,
        handle: Callable[..., Any] | None = None,
        recipients: bool = False,
    ) -> None:
        key = key or folder.id
        handle = handle or self._handle_page
        stored = self.store.links(mb.id).get(key)
        link = (stored.next_link or stored.delta_link) if stored else None
        lookback = self.settings.scope.initial_lookback_days
        since = self.clock.now() - timedelta(days=lookback) if lookback else None
        resynced = False
        while True:
            try:
                more = {"recipients": True} if recipients else {}
                page = await self.gateway.delta(mb.upn, folder.id, link, since=since, **more)
            except SyncStateLostError:
                if resynced or link is None:
                    raise
                self.store.drop_link(mb.id, key)
                stats.resyncs += 1
                log.info("delta_resync", mailbox=mb.upn, folder=folder.well_known or "folder")
                link, resynced = None, True
                continue
            await handle(mb, folder, page.messages, stats)
            if self.stopping:  # the page may be unfinished: keep the link before it, the next sweep re-reads it
                return
            self.store.save_link(
                mb.id, key, well_known=folder.well_known, next_link=page.next_link, delta_link=page.delta_link
            )
            if not self.store.renew(mb.id, ttl_s=self.settings.schedule.lease_ttl_s):
                raise LeaseLost(mb.upn)
            if page.next_link and not self.stopping:
                link = page.next_link
                continue
            return

    async def _handle_page(
        self, mb: ClaimedMailbox, folder: Folder, messages: Sequence[MessageMeta], stats: SweepStats
    ) -> None:
        known = self.store.known_message_ids(mb.id, [m.id for m in messages])
        for meta in messages:
            if self.stopping:
                return
            stats.messages += 1
            self.progress["messages"] += 1
            if meta.id in known:
                continue
            await self.handle_message(mb, meta, stats)

    async def housekeeping(self) -> int:
        """Empty Deleted Items of messages older than ``[actions] purge_deleted_items_after_days`` (when set) in
        the mailboxes this worker can claim, one lease at a time (like `sweep`); one audit event per mailbox with
        the count. Returns the count."""
        days = self.settings.actions.purge_deleted_items_after_days
        if not days or self.settings.actions.mode != "enforce":
            return 0
        before = self.clock.now() - timedelta(days=days)
        total = 0
        done: set[int] = set()
        while not self.stopping:
            claimed = self.store.claim(ttl_s=self.settings.schedule.lease_ttl_s, limit=1, exclude=done)
            if not claimed:
                break
            mb = claimed[0]
            done.add(mb.id)
            purged = 0
            try:
                for mid in await self.gateway.list_messages(mb.upn, "deleteditems", before=before):
                    if self.stopping:
                        break
                    await self.gateway.permanent_delete(mb.upn, mid)
                    purged += 1
            except GraphError as exc:
                log.warning("housekeeping_failed", mailbox=mb.upn, error=type(exc).__name__)
            finally:
                self.store.release(mb.id, swept=False)
            if purged:
                self.store.mailbox_event(
                    actions.PURGED,
                    mailbox=mb.upn,
                    detail={"reason": "retention", "messages": purged, "older_than_days": days},
                )
            total += purged
        return total

    # --- one message --------------------------------------------------------------------------------------------
    async def handle_message(self, mb: ClaimedMailbox, meta: MessageMeta, stats: SweepStats) -> None:
        """Classify one new message and, when it is sensitive, open its case and drive it."""
        if not self.classifier.needs_mime(subject=meta.subject, body=meta.body, has_attachments=meta.has_attachments):
            stats.clean += 1
            return
        try:
            mime = await self.gateway.get_mime(mb.upn, meta.id)
        except NotFoundError:
            return  # gone between the delta page and now
        stats.mime_fetched += 1
        work = _Work(mime=mime, internet_message_id=meta.internet_message_id, received_at=meta.received_at)
        try:
            extraction, verdict = await self._off_loop(self._classify, mime)
        except Exception as exc:  # a parser bug must not stop the sweep; no content in the log
            log.warning("message_unreadable", mailbox=mb.upn, error=type(exc).__name__)
            extraction, verdict = None, None
        malformed = verdict is None or (not verdict.sensitive and "parse_error" in verdict.incomplete_reasons)
        if extraction is not None:
            work.sender = extraction.sender or meta.sender
        else:
            work.sender = meta.sender
        if malformed:
            stats.malformed += 1
            log.warning("message_malformed", mailbox=mb.upn)
            self.store.open_case(
                mailbox_id=mb.id,
                mailbox=mb.upn,
                message_id=meta.id,
                internet_message_id=meta.internet_message_id,
                state=states.SKIPPED_MALFORMED,
                mode=self.policy.mode,
                action=actions.SKIPPED,
                detail={"reason": "malformed"},
                incomplete=True,
                received_at=meta.received_at,
            )
            return
        assert verdict is not None
        target = states.after_classification(sensitive=verdict.sensitive, encrypted=verdict.encrypted)
        if target == states.CLEAN:
            stats.clean += 1
            return
        if target == states.SKIPPED_ENCRYPTED:
            stats.encrypted += 1
            self.store.open_case(
                mailbox_id=mb.id,
                mailbox=mb.upn,
                message_id=meta.id,
                internet_message_id=meta.internet_message_id,
                state=target,
                mode=self.policy.mode,
                action=actions.SKIPPED,
                detail={"reason": "encrypted", "markings": list(verdict.markings)},
                encrypted=True,
                sender=work.sender,
                received_at=meta.received_at,
            )
            return
        stats.sensitive += 1
        stats.categories.update(verdict.categories)
        context = None
        if self.policy.mode == "enforce" and self.policy.notice:
            headers = dict(extraction.headers) if extraction is not None else {}
            context = {
                "to": work.sender,
                "language": verdict.language,
                "auto_reply": verdict.auto_reply,
                "headers": {k: v for k, v in headers.items() if k in _NOTICE_HEADERS},
            }
        case, created = self.store.open_case(
            mailbox_id=mb.id,
            mailbox=mb.upn,
            message_id=meta.id,
            internet_message_id=meta.internet_message_id,
            state=states.DETECTED,
            mode=self.policy.mode,
            action=actions.DETECTED,
            detail=_verdict_detail(verdict, self.policy.mode),
            categories=verdict.categories,
            counts=verdict.counts,
            confidence=max((f.confidence for f in verdict.findings), default=None),
            incomplete=verdict.incomplete,
            language=verdict.language,
            sender=work.sender,
            received_at=meta.received_at,
            notice_context=context,
        )
        if created or states.is_active(case.state):
            await self.drive(case, mb, work, stats)

    def _commit(self, case: CaseView, target: str, **kw: Any) -> CaseView:
        if self.step_hook is not None:
            self.step_hook(target, "after")
        case = self.store.advance(case, target, **kw)
        if self.observer is not None:
            self.observer.case_advanced(case)
        return case

    def _classify(self, mime: bytes) -> tuple[Any, Verdict]:
        """Extraction and verdict within the message's time budget (runs in a classification thread)."""
        within = getattr(self.classifier, "classify_within", None)
        if within is not None:
            return within(mime)
        from hygiene.domain.extract import extract  # a classifier without a budget for both (test doubles)

        extraction = extract(mime, self.classifier.limits)
        return extraction, self.classifier.classify_extraction(extraction)

    def _extract(self, mime: bytes) -> Any:
        from hygiene.domain.extract import extract

        return extract(mime, self.classifier.limits)

    # --- the routine --------------------------------------------------------------------------------------------
    async def drive(self, case: CaseView, mb: ClaimedMailbox, work: _Work, stats: SweepStats) -> CaseView:
        """Walk ``case`` along the policy's route until a terminal state, a failure, or a step left for later."""
        while True:
            target = self.policy.next_state(case.state)
            if target is None or self.stopping:
                return case
            if self.step_hook is not None:
                self.step_hook(target, "before")
            try:
                case = await self._step(case, target, mb, work, stats)
            except CaseConflict:
                return case  # another worker moved it; it will be seen again
            except NotFoundError:
                vanished = states.on_vanished(case.state)
                if vanished is None:
                    raise
                case = self.store.advance(
                    case, vanished, mailbox=mb.upn, action=actions.SKIPPED, detail={"reason": "gone"}
                )
                return case
            except (GraphError, RecordsError, NoticeError) as exc:
                if isinstance(exc, AccessDeniedError):
                    raise
                return self._step_failed(case, target, mb, exc, stats)

    def _step_failed(
        self, case: CaseView, target: str, mb: ClaimedMailbox, exc: BaseException, stats: SweepStats
    ) -> CaseView:
        """Record a failed step: back off and retry later, or give the case up when retrying cannot help."""
        stats.errors += 1
        if self.observer is not None:
            self.observer.step_failed(target, exc)
        transient = is_transient(exc)
        definitive = isinstance(exc, RecordMismatchError | RecordRejectedError)
        give_up = definitive or (not transient and case.attempts + 1 >= MAX_ATTEMPTS)
        retry_in = min(RETRY_CAP_S, RETRY_BASE_S * 2 ** min(case.attempts, 20))
        case = self.store.record_failure(
            case, mailbox=mb.upn, stage=target, error=exc, retry_in_s=retry_in, give_up=give_up, transient=transient
        )
        since = self.store.waiting_since(case.id)
        waiting_s = round((self.clock.now() - since).total_seconds()) if since is not None else 0
        if give_up:
            log.warning(
                "case_given_up",
                mailbox=mb.upn,
                case_id=case.id,
                stage=target,
                error=type(exc).__name__,
                attempts=case.attempts,
                waiting_s=waiting_s,
                hint="the message stays in the mailbox; `hygiene cases retry` re-queues it once the cause is fixed",
            )
        else:
            log.warning(
                "case_step_failed",
                mailbox=mb.upn,
                case_id=case.id,
                stage=target,
                error=type(exc).__name__,
                transient=transient,
                attempts=case.attempts,
                waiting_s=waiting_s,
                waiting=_duration(waiting_s),
                retry_in_s=round(retry_in),
            )
        if self.observer is not None:
            waited = getattr(self.observer, "case_waiting", None)
            if waited is not None:
                waited(target, waiting_s, given_up=give_up)
        return case

    async def _step(self, case: CaseView, target: str, mb: ClaimedMailbox, work: _Work, stats: SweepStats) -> CaseView:
        upn = mb.upn
        if target in (states.OBSERVED, states.DONE):
            fields: dict[str, Any] = {}
            if case.notice_context is not None:
                fields["notice_context"] = None
            return self._commit(case, target, mailbox=upn, action=None, **fields)
        if target == states.FLAGGED:
            await self.gateway.mark(
                upn,
                case.message_id,
                category=self.settings.actions.category_name,
                flag=self.settings.actions.set_followup_flag,
            )
            stats.flagged += 1
            return self._commit(case, target, mailbox=upn, action=actions.FLAGGED, detail={"mode": case.mode})
        if target == states.ARCHIVED:
            assert self.archive is not None
            if work.mime is None:
                work.mime = await self.gateway.get_mime(upn, case.message_id)
                ex = await self._off_loop(self._extract, work.mime)
                work.sender = ex.sender
                work.internet_message_id = ex.headers.get("message-id")
            record = Record(
                mime=work.mime,
                internet_message_id=work.internet_message_id,
                mailbox=upn,
                received_at=work.received_at or case.received_at,
                sender=work.sender,
                title=self.settings.records.title_template.format(mailbox=upn),
                categories=case.categories,
                counts=dict(case.counts),
            )
            receipt = await self.archive.find(record.key)
            if receipt is None:
                receipt = await self.archive.put(record)
            if not await self.archive.verify(receipt):
                raise RecordMismatchError(f"record {receipt.key} does not match its receipt")
            stats.archived += 1
            return self._commit(
                case,
                target,
                mailbox=upn,
                action=actions.ARCHIVED,
                detail={
                    "backend": receipt.backend,
                    "record_key": receipt.key,
                    "sha256": receipt.sha256,
                    "verified": True,
                },
                record_key=receipt.key,
                receipt={
                    "backend": receipt.backend,
                    "key": receipt.key,
                    "location": receipt.location,
                    "sha256": receipt.sha256,
                    "stored_at": receipt.stored_at.isoformat(),
                },
            )
        if target == states.DELETED:
            await self.gateway.delete(upn, case.message_id)
            stats.deleted += 1
            return self._commit(case, target, mailbox=upn, action=actions.DELETED, detail={"mode": case.mode})
        if target == states.PURGED:
            await self.gateway.permanent_delete(upn, case.message_id)
            stats.purged += 1
            return self._commit(case, target, mailbox=upn, action=actions.PURGED, detail={"mode": case.mode})
        if target == states.NOTICED:
            if self.notifier is None:
                raise NoticeError("the notice component (hygiene.notices) is not installed")
            ctx = case.notice_context or {}
            outcome = await self.notifier.notify(
                case_id=case.id,
                mailbox=upn,
                sender=ctx.get("to"),
                language=ctx.get("language"),
                headers=ctx.get("headers") or {},
                auto_reply=bool(ctx.get("auto_reply")),
            )
            status = getattr(outcome, "status", None)
            if status == "sent":
                stats.notices_sent += 1
            elif status == "suppressed":
                stats.notices_suppressed += 1
            return self._commit(case, target, mailbox=upn, action=None, notice_context=None)
        raise states.IllegalTransition(case.state, target)


def _duration(seconds: float) -> str:
    """``5400`` -> ``"1h30m"`` (for log lines an operator reads)."""
    minutes = int(seconds) // 60
    if minutes < 60:
        return f"{minutes}m" if minutes else f"{int(seconds)}s"
    return f"{minutes // 60}h{minutes % 60:02d}m"


def _verdict_detail(verdict: Verdict, mode: str) -> dict[str, Any]:
    return {
        "mode": mode,
        "counts": dict(verdict.counts),
        "kinds": sorted({f.kind for f in verdict.findings}),
        "language": verdict.language,
        "incomplete_reasons": [r.replace(" ", "_") for r in verdict.incomplete_reasons],
        "auto_reply": verdict.auto_reply,
    }


__all__ = ["HygieneError", "Pipeline", "SweepStats"]
