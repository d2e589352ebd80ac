"""The soak run: the worker against the sandbox with faults, a records outage and a database outage, then checks.

Used by tests/hardening/test_soak.py (CI: well under 90 s) and bench/soak.py (``--minutes N``).

What happens, for ``duration_s`` of wall time:

- the sandbox tenant (`hygiene.sandbox.demo_tenant`, plus the labelled corpus when present) is served on loopback
  with faults injected on every route: 429 with Retry-After, 503, dropped connections (a partial response, then the
  socket closes) and slow responses;
- one `hygiene.app.App` in enforce mode (notices on, folder records) sweeps again and again, as the daemon's
  sweep job does; new mail keeps arriving between sweeps;
- for a stretch in the middle the records backend is down (`OutageArchive`, a wrapper over the real folder backend
  whose every call raises `RecordsError`, as an unreachable Noark 5 service would);
- on PostgreSQL, the worker's database connections are killed in the middle of a sweep (``pg_terminate_backend`` on
  the soak's own database; see `kill_connections` for why not a server restart);
- the clock the worker sees advances by one sweep interval per sweep, so backoffs and leases expire as in a day's
  run.

Afterwards the faults stop, a few more sweeps drain the retries, and `check` compares the tenant, the archive,
the outbox and the audit log with what the classifier says about every message delivered:

- every sensitive message in a swept folder is archived exactly once (one record with its exact bytes, one
  ``archived`` event), deleted and purged exactly once (gone from every folder, one event each), noticed at most
  once (one X-Hygiene-Notice per case at most);
- every other message (clean, encrypted, malformed, or in a folder outside the scope) is untouched: still there,
  same folder, no category, no flag, no record;
- the audit chain verifies.
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import json
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from sqlalchemy import create_engine, select, text

from hygiene.adapters.graph import RetryPolicy
from hygiene.adapters.store import audit as audit_store
from hygiene.adapters.store.models import AuditEventRow, MessageCaseRow
from hygiene.app import App
from hygiene.clock import FakeClock
from hygiene.domain import audit as actions
from hygiene.domain.records import Receipt, Record
from hygiene.errors import RecordsError
from hygiene.ports import RecordsArchive
from hygiene.scheduler import Worker
from hygiene.settings import Settings

SWEPT_FOLDERS = ("inbox", "deleteditems", "sentitems")  # with subfolders; "Arkiv 2025" stays out of scope
NOTICE_HEADER = "x-hygiene-notice"


@dataclass
class SoakConfig:
    """What the soak does; fractions are of matching requests, times of the run's wall time."""

    duration_s: float = 45.0
    users: int = 6
    messages_per_user: int = 14
    arrivals_per_sweep: int = 3  # new messages delivered between two sweeps
    seed: int = 8
    corpus_dir: Path | None = None
    fault_429: float = 0.08
    fault_503: float = 0.04
    fault_drop: float = 0.03
    fault_slow: float = 0.04
    slow_s: float = 0.2
    records_outage: tuple[float, float] = (0.2, 0.45)  # from, to (fractions of duration_s) ...
    # ... and at most this many sweeps (simulated: 5 x 300 s; CI stays short): the worker retries a case through
    # an outage of any length (backoff capped at 1 h), `bench/soak.py --outage-sweeps 40` shows it (docs/hardening.md)
    records_outage_sweeps: int = 5
    db_kills: tuple[float, ...] = (0.55, 0.75)  # when to kill the worker's connections (PostgreSQL only)
    sweep_interval_s: float = 300.0  # simulated time per sweep
    drain_sweeps: int = 12


@dataclass
class SoakReport:
    """Counts of one soak run and the invariants it broke (``violations`` empty: all held)."""

    elapsed_s: float = 0.0
    sweeps: int = 0
    sweep_failures: collections.Counter[str] = field(default_factory=collections.Counter)
    delivered: int = 0
    sensitive: int = 0
    untouched_expected: int = 0
    records: int = 0
    notices: int = 0
    outage_refusals: int = 0
    db_kills: int = 0
    killed_connections: int = 0
    faults_fired: dict[str, int] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)
    audit_events: int = 0
    violations: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly summary."""
        out = dict(self.__dict__)
        out["sweep_failures"] = dict(self.sweep_failures)
        return out


class OutageArchive:
    """A records backend that can be switched off: while ``down`` every call raises `RecordsError`.

    It wraps the real backend (`RecordsArchive`), so that outside the outage records are really written and
    verified; it counts the calls it refused.
    """

    def __init__(self, inner: RecordsArchive) -> None:
        self.inner = inner
        self.name = inner.name
        self.down = False
        self.refused = 0

    def _check(self) -> None:
        if self.down:
            self.refused += 1
            raise RecordsError("records backend unreachable (soak outage)")

    async def put(self, record: Record) -> Receipt:
        self._check()
        return await self.inner.put(record)

    async def find(self, key: str) -> Receipt | None:
        self._check()
        return await self.inner.find(key)

    async def verify(self, receipt: Receipt) -> bool:
        self._check()
        return await self.inner.verify(receipt)


def kill_connections(db_url: str) -> int:
    """Terminate every other connection to the soak's PostgreSQL database; returns how many.

    The machine's PostgreSQL server is shared by every test session on it, so it is not restarted: the worker's
    side of a restart is that its open connections die mid-transaction and new ones work once the server is back,
    and ``pg_terminate_backend`` on the connections to the soak's own (throw-away) database gives exactly that,
    without touching anybody else's databases.
    """
    engine = create_engine(db_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            killed = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).scalar()
    finally:
        engine.dispose()
    return int(killed or 0)


def soak_settings(base_url: str, workdir: Path, db_url: str) -> Settings:
    """Enforce mode with notices, every user, the swept folders, folder records, small pages."""
    return Settings(
        graph={"base_url": base_url, "max_concurrency": 4, "page_size": 10},
        auth={"method": "static_token", "token": SecretStr("sandbox")},
        scope={"mode": "all", "initial_lookback_days": 0, "folders": list(SWEPT_FOLDERS)},
        actions={"mode": "enforce"},
        records={"backend": "folder", "folder": {"path": workdir / "records"}},
        database={"url": db_url},
        notice={"enabled": True},
        security={"hmac_key": SecretStr("soak-hmac-key")},
    )


def sensitive_mail(rng: random.Random, to: str, n: int) -> bytes:
    """A plain message holding a valid fødselsnummer with a health context (what the outage must not lose)."""
    from hygiene.sandbox import ids

    return (
        f"From: Ola Innbygger <ola{n}@innbygger.example>\r\nTo: {to}\r\nSubject: Sykemelding {n}\r\n"
        f"Message-ID: <soak.{n}.{rng.randrange(10**12)}@innbygger.example>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Hei, jeg er sykemeldt med diagnosen lungebetennelse. Fødselsnummeret mitt er {ids.no_fnr(rng)}.\r\n"
    ).encode()


def _corpus_messages(corpus_dir: Path | None, rng: random.Random, count: int) -> list[bytes]:
    if corpus_dir is None or not (corpus_dir / "labels.jsonl").is_file():
        return []
    labels = [json.loads(line) for line in (corpus_dir / "labels.jsonl").read_text().splitlines() if line.strip()]
    picked = rng.sample(labels, min(count, len(labels)))
    return [(corpus_dir / label["file"]).read_bytes() for label in picked]


def run_soak(config: SoakConfig, *, db_url: str, workdir: Path, classifier: Any) -> SoakReport:
    """Run the soak (see the module docstring) and return its report with any broken invariant in ``violations``."""
    from hygiene.sandbox import demo_tenant, generate_messages, serve

    report = SoakReport()
    rng = random.Random(config.seed)
    tenant = demo_tenant(seed=config.seed, users=config.users, messages_per_user=config.messages_per_user)
    people = [u for u in tenant.users.values() if u.mailbox and not u.upn.startswith("personvern@")]
    extra = _corpus_messages(config.corpus_dir, rng, 2 * len(people))
    for i, mime in enumerate(extra):
        tenant.deliver(people[i % len(people)], mime)
    delivered: dict[str, Delivered] = {m.id: _delivered(tenant, u.upn, m) for u, m in tenant.all_messages()}

    faults = tenant.faults
    faults.add(429, config.fault_429, retry_after=0)
    faults.add(503, config.fault_503)
    faults.drop(config.fault_drop)
    faults.slow(config.fault_slow, delay_s=config.slow_s)
    postgres = db_url.startswith("postgresql")
    clock = FakeClock()
    start = time.monotonic()
    with serve(tenant, token="sandbox", port=0) as srv:
        settings = soak_settings(srv.base_url, workdir, db_url)
        app = App.from_settings(
            settings,
            clock=clock,
            create_db=True,
            retry=RetryPolicy(max_retries=8, base_s=0.02, cap_s=0.5, jitter=random.Random(config.seed)),
            classifier=classifier,
        )
        archive = OutageArchive(app.archive)
        app.pipeline.archive = archive
        kills = list(config.db_kills) if postgres else []

        async def sweep_once(worker: Worker) -> None:
            try:
                await worker.sweep()
            except Exception as exc:  # the daemon's job would log it and run again at the next interval
                report.sweep_failures[type(exc).__name__] += 1
            report.sweeps += 1
            clock.advance(timedelta(seconds=config.sweep_interval_s))

        async def main() -> None:
            worker = Worker(app)
            worker.record_start()
            await worker.refresh_scope()
            arrivals = 0
            outage_sweeps = 0
            try:
                while (elapsed := (time.monotonic() - start) / config.duration_s) < 1.0:
                    down = config.records_outage[0] <= elapsed < config.records_outage[1]
                    down = down and outage_sweeps < config.records_outage_sweeps
                    outage_sweeps += down
                    if down and not archive.down:  # mail the outage must not lose: it arrives as it starts
                        for user in people[:3]:
                            arrivals += 1
                            mid = tenant.deliver(user, sensitive_mail(rng, user.upn, arrivals))
                            delivered[mid] = _delivered(tenant, user.upn, tenant.message(user, mid))
                    archive.down = down
                    timer = None
                    if kills and elapsed >= kills[0]:
                        kills.pop(0)
                        # mid-sweep: the timer thread fires while the sweep below holds connections
                        timer = threading.Timer(0.05, _kill, args=(db_url, report))
                        timer.start()
                    await sweep_once(worker)
                    if timer is not None:
                        timer.join()
                    for _ in range(config.arrivals_per_sweep):
                        user = rng.choice(people)
                        arrivals += 1
                        for mid in generate_messages(tenant, user, 1, seed=config.seed * 1000 + arrivals):
                            delivered[mid] = _delivered(tenant, user.upn, tenant.message(user, mid))
                # drain: no faults, backend back, sweeps until nothing is left to retry
                report.faults_fired = {f"{r.kind}{r.status or ''}": r.fired for r in faults.rules}
                faults.clear()
                archive.down = False
                for _ in range(config.drain_sweeps):
                    await sweep_once(worker)
                    if not _active_cases(app):
                        break
                await sweep_once(worker)  # one more: mail delivered by the last notices, and a quiet round
            finally:
                await app.aclose()

        asyncio.run(main())
        report.outage_refusals = archive.refused
    report.elapsed_s = round(time.monotonic() - start, 1)
    report.requests = {f"{route} {status}": n for (route, status), n in sorted(tenant.requests.items())}
    try:
        check(report, app, tenant, delivered, classifier, workdir / "records")
    finally:
        app.engine.dispose()  # no connection left for the database's owner to wait on
    return report


@dataclass(frozen=True)
class Delivered:
    """A message as it was delivered: its mailbox, bytes and top-level folder."""

    upn: str
    mime: bytes
    folder: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.mime).hexdigest()


def _delivered(tenant: Any, upn: str, message: Any) -> Delivered:
    return Delivered(upn, message.mime, _top_folder(tenant, upn, message))


def _kill(db_url: str, report: SoakReport) -> None:
    report.killed_connections += kill_connections(db_url)
    report.db_kills += 1


def _active_cases(app: App) -> int:
    from hygiene.domain import states

    with app.sessions() as session:
        return sum(1 for row in session.scalars(select(MessageCaseRow)) if states.is_active(row.state))


def check(
    report: SoakReport, app: App, tenant: Any, delivered: dict[str, Delivered], classifier: Any, records: Path
) -> None:
    """Compare the end state with what the classifier says about each delivered message; fill ``violations``."""
    violations = report.violations
    report.delivered = len(delivered)
    stored: collections.Counter[str] = collections.Counter(
        hashlib.sha256((path.parent / "message.eml").read_bytes()).hexdigest()
        for path in records.rglob("metadata.json")
        if ".staging" not in path.parts
    )
    report.records = sum(stored.values())
    with app.sessions() as session:
        case_of = {row.message_id: row for row in session.scalars(select(MessageCaseRow))}
        events: collections.Counter[tuple[int, str]] = collections.Counter(
            (row.case_id, row.action)
            for row in session.scalars(select(AuditEventRow).where(AuditEventRow.case_id.is_not(None)))
        )
        verified = audit_store.verify(session)
        report.audit_events = verified.checked
    if not verified.ok:
        violations.append(f"audit chain broken: {verified.broken}")
    notices = collections.Counter(
        value for sent in tenant.outbox for name, value in sent.headers if name.lower() == NOTICE_HEADER
    )
    report.notices = sum(notices.values())
    violations.extend(f"notice {key[:8]}... sent {n} times" for key, n in notices.items() if n > 1)
    sensitive = {
        mid for mid, d in delivered.items() if d.folder in SWEPT_FOLDERS and classifier.classify(d.mime).sensitive
    }
    sensitive_bytes = {delivered[mid].sha256 for mid in sensitive}
    purged = {m.id for upn in {d.upn for d in delivered.values()} for m in tenant.purged(upn)}
    for mid, d in delivered.items():
        message = tenant.message(d.upn, mid)
        case = case_of.get(mid)
        if mid in sensitive:
            if mid not in purged:
                violations.append(f"sensitive message {mid[-12:]} not purged (case {case.state if case else None})")
            if stored[d.sha256] != 1:
                violations.append(f"sensitive message {mid[-12:]}: {stored[d.sha256]} records with its bytes")
            if case is None:
                violations.append(f"sensitive message {mid[-12:]} has no case")
                continue
            for action in (actions.ARCHIVED, actions.DELETED, actions.PURGED):
                if events[(case.id, action)] != 1:
                    violations.append(f"case {case.id}: {events[(case.id, action)]} {action} events")
        else:
            if mid in purged or message.purged or _top_folder(tenant, d.upn, message) != d.folder:
                violations.append(f"non-sensitive message {mid[-12:]} was moved or removed")
            if message.categories or message.flagged:
                violations.append(f"non-sensitive message {mid[-12:]} was marked")
            if stored[d.sha256] and d.sha256 not in sensitive_bytes:
                violations.append(f"non-sensitive message {mid[-12:]} was archived")
    report.sensitive = len(sensitive)
    report.untouched_expected = len(delivered) - len(sensitive)


def _top_folder(tenant: Any, upn: str, message: Any) -> str:
    """The well-known name of the top-level folder holding ``message`` (a subfolder counts as its parent's)."""
    mailbox = tenant.mailbox(upn)
    folder = mailbox.folders[message.folder_id]
    while True:
        parent = mailbox.folders.get(getattr(folder, "parent_id", None) or "")
        if parent is None or parent.well_known == "msgfolderroot":
            break
        folder = parent
    return folder.well_known or folder.display_name
