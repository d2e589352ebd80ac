"""The notice step, housekeeping, and the scheduled daemon's start/stop."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from hygiene.adapters.store.models import MessageCaseRow
from hygiene.clock import FakeClock
from hygiene.domain import states
from hygiene.scheduler import Worker, run_once
from tests.worker.fakegraph import FakeGraph
from tests.worker.pipeline_support import build, clean, sensitive, settings_for

KARI = "kari@contoso.example"


@dataclass
class Outcome:
    status: str


class RecordingNotifier:
    """Records the calls the pipeline makes on the `hygiene.notices.Notifier` contract."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    async def notify(self, **kw) -> Outcome:
        self.calls.append(kw)
        return Outcome("sent")


def test_notice_step_gets_what_the_notifier_needs_and_the_context_is_cleared(tmp_path, worker_db_url) -> None:
    g = FakeGraph()
    g.add_user(KARI)
    g.deliver(KARI, sensitive(1))
    settings = settings_for(tmp_path, worker_db_url, notice=True)
    app = build(settings, g, clock=FakeClock())
    notifier = RecordingNotifier()
    app.pipeline.notifier = notifier

    async def go():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    stats = asyncio.run(go())
    assert stats.notices_sent == 1
    [call] = notifier.calls
    assert call["mailbox"] == KARI
    assert call["sender"] == "per@example.org"
    assert call["language"] == "nb"
    assert call["auto_reply"] is False
    assert call["headers"]["from"].endswith("<per@example.org>")
    with app.sessions() as s:
        [case] = s.scalars(select(MessageCaseRow)).all()
    assert case.id == call["case_id"]
    assert case.state == states.DONE
    assert case.notice_context is None  # the sender's address is not kept once the notice is done


def test_without_a_notifier_the_case_waits_at_purged(tmp_path, worker_db_url) -> None:
    g = FakeGraph()
    g.add_user(KARI)
    g.deliver(KARI, sensitive(1))
    app = build(settings_for(tmp_path, worker_db_url, notice=True), g, clock=FakeClock())
    app.pipeline.notifier = None

    async def go():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    stats = asyncio.run(go())
    assert stats.purged == 1
    assert stats.errors == 1
    with app.sessions() as s:
        [case] = s.scalars(select(MessageCaseRow)).all()
    assert case.state == states.PURGED
    assert case.notice_context is not None


def test_housekeeping_empties_old_deleted_items(tmp_path, worker_db_url) -> None:
    g = FakeGraph()
    g.add_user(KARI)
    old = g.deliver(KARI, clean(1), folder="deleteditems")
    keep = g.deliver(KARI, clean(2))
    settings = settings_for(tmp_path, worker_db_url)
    settings.actions.purge_deleted_items_after_days = 30
    app = build(settings, g, clock=FakeClock())

    async def go():
        try:
            await app.pipeline.refresh_scope()
            return await app.pipeline.housekeeping()
        finally:
            await app.aclose()

    assert asyncio.run(go()) == 1
    assert g.purged[KARI] == [old]
    assert keep in g.msgs[KARI]
    listed = [p for m, p, _ in g.requests if p.endswith("/mailFolders/deleteditems/messages")]
    assert listed


def test_daemon_runs_its_jobs_and_stops_on_request(tmp_path, worker_db_url) -> None:
    g = FakeGraph()
    g.add_user(KARI)
    bad = g.deliver(KARI, sensitive(1))
    app = build(settings_for(tmp_path, worker_db_url), g, clock=FakeClock())
    worker = Worker(app)

    async def go():
        task = asyncio.create_task(worker.run_forever())
        for _ in range(200):
            await asyncio.sleep(0.02)
            if g.purged[KARI]:
                break
        worker._request_stop()  # what SIGTERM does
        await asyncio.wait_for(task, timeout=10)
        await app.aclose()

    asyncio.run(go())
    assert worker.last is not None
    assert g.purged[KARI] == [bad]
    assert app.pipeline.stopping


def test_one_mailbox_can_be_swept_on_its_own(tmp_path, worker_db_url) -> None:
    """What a change notification would trigger: a sweep of one mailbox, the others untouched."""
    g = FakeGraph()
    g.add_user(KARI)
    g.add_user("ola@contoso.example")
    bad = g.deliver(KARI, sensitive(1))
    other = g.deliver("ola@contoso.example", sensitive(2))
    app = build(settings_for(tmp_path, worker_db_url), g, clock=FakeClock())

    async def go():
        try:
            await app.pipeline.refresh_scope()
            [row] = [m for m in app.store.mailboxes() if m.upn == KARI]
            return await app.pipeline.sweep(only=[row.id])
        finally:
            await app.aclose()

    stats = asyncio.run(go())
    assert stats.mailboxes == 1
    assert g.purged[KARI] == [bad]
    assert other in g.msgs["ola@contoso.example"]


def _audit_actions(app) -> list[str]:
    from hygiene.adapters.store.models import AuditEventRow

    with app.sessions() as s:
        return list(s.scalars(select(AuditEventRow.action).order_by(AuditEventRow.id)))


def test_every_start_audits_the_settings_fingerprint(tmp_path, worker_db_url) -> None:
    g = FakeGraph()
    g.add_user(KARI)
    settings = settings_for(tmp_path, worker_db_url)
    app = build(settings, g, clock=FakeClock())

    async def go():
        try:
            await run_once(app)
            await run_once(app)
        finally:
            await app.aclose()

    asyncio.run(go())
    from hygiene.adapters.store.models import AuditEventRow

    with app.sessions() as s:
        details = [
            row.detail for row in s.scalars(select(AuditEventRow).where(AuditEventRow.action == "config_loaded"))
        ]
    assert [d["settings_fingerprint"] for d in details] == [settings.fingerprint()] * 2
    assert [d["new"] for d in details] == [True, False]  # the second start ran with the same settings


def test_housekeeping_prunes_audit_events_past_retention(tmp_path, worker_db_url) -> None:
    g = FakeGraph()
    g.add_user(KARI)
    g.deliver(KARI, sensitive(1))
    settings = settings_for(tmp_path, worker_db_url)
    settings.audit.retention_days = 30
    clock = FakeClock()
    app = build(settings, g, clock=clock)
    worker = Worker(app)

    async def go():
        try:
            await run_once(app)
            before = len(_audit_actions(app))
            await worker.housekeeping()  # nothing is old yet
            assert len(_audit_actions(app)) == before
            clock.advance(timedelta(days=31))
            await worker.housekeeping()
        finally:
            await app.aclose()

    asyncio.run(go())
    actions = _audit_actions(app)
    assert "detected" not in actions  # the sweep's events are gone
    assert actions[-1] == "retention"  # ... and the pruning itself is audited, re-anchoring the chain
    from hygiene.adapters.store import audit as audit_store

    with app.sessions() as s:
        assert audit_store.verify(s).ok


def test_a_real_tenant_needs_the_installation_key(tmp_path, worker_db_url) -> None:
    import pytest

    from hygiene.app import App
    from hygiene.errors import ConfigError

    settings = settings_for(tmp_path, worker_db_url, base_url="https://graph.microsoft.com/v1.0")
    settings.security.hmac_key = None
    with pytest.raises(ConfigError, match=r"security\.hmac_key"):
        App.from_settings(settings, clock=FakeClock())


def test_console_sessions_are_not_signed_with_a_guessable_secret(tmp_path) -> None:
    from pydantic import SecretStr

    from hygiene.api.app import _session_secret
    from hygiene.settings import Settings

    unkeyed = Settings(database={"url": f"sqlite:///{tmp_path / 'h.db'}"})
    assert _session_secret(unkeyed) != _session_secret(unkeyed)  # random per process, never from the DB URL
    keyed = Settings(security={"hmac_key": SecretStr("k" * 32)})
    assert _session_secret(keyed) == _session_secret(keyed)
