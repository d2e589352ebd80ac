"""The sweep end to end over the Graph gateway (fake tenant), the state store and the folder records backend."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
import structlog
from sqlalchemy import select, text

from hygiene.adapters.store import audit
from hygiene.adapters.store.models import AuditEventRow, MessageCaseRow
from hygiene.clock import FakeClock
from hygiene.domain import audit as actions
from hygiene.domain import states
from hygiene.scheduler import run_once
from tests.worker.fakegraph import FakeGraph, Fault
from tests.worker.pipeline_support import (
    ENCRYPTED,
    MALFORMED,
    SECRET,
    build,
    clean,
    records_in,
    sensitive,
    settings_for,
)

KARI = "kari@contoso.example"
OLA = "ola@contoso.example"


def _tenant() -> FakeGraph:
    g = FakeGraph()
    g.add_user(KARI)
    g.add_user(OLA)
    return g


def _sweep(app):
    async def go():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    return asyncio.run(go())


def _cases(app) -> list[MessageCaseRow]:
    with app.sessions() as s:
        return list(s.scalars(select(MessageCaseRow).order_by(MessageCaseRow.id)))


def _actions(app) -> list[str]:
    with app.sessions() as s:
        return [e.action for e in s.scalars(select(AuditEventRow).order_by(AuditEventRow.id))]


def _dump_db(app) -> str:
    out = []
    with app.engine.connect() as conn:
        for table in ("mailboxes", "folder_sync", "message_cases", "audit_events"):
            out.extend(repr(tuple(r)) for r in conn.execute(text(f"SELECT * FROM {table}")))
    return "\n".join(out)


def test_enforce_handles_sensitive_leaves_clean_skips_encrypted(tmp_path, worker_db_url) -> None:
    g = _tenant()
    bad = g.deliver(KARI, sensitive(1))
    ok = g.deliver(KARI, clean(1))
    enc = g.deliver(KARI, ENCRYPTED)
    g.deliver(OLA, clean(2))
    assert SECRET.encode() in g.msgs[KARI][bad].mime  # the value is in the input ...
    clock = FakeClock()
    with structlog.testing.capture_logs() as logs:
        stats = _sweep(build(settings_for(tmp_path, worker_db_url), g, clock=clock))
    assert stats.ok
    assert (stats.mailboxes, stats.messages, stats.sensitive, stats.encrypted) == (2, 4, 1, 1)
    assert (stats.archived, stats.deleted, stats.purged) == (1, 1, 1)
    assert g.purged[KARI] == [bad]
    assert {m.id for m in g.folder(KARI, "inbox")} == {ok, enc}
    assert g.msgs[KARI][ok].categories == []
    assert len(records_in(tmp_path)) == 1
    # clean mail without attachments costs no request of its own
    assert g.count("GET", r"/\$value$") == 2  # the sensitive and the encrypted one
    app = build(settings_for(tmp_path, worker_db_url), g, clock=clock)
    cases = _cases(app)
    assert sorted(c.state for c in cases) == [states.DONE, states.SKIPPED_ENCRYPTED]
    assert all(c.notice_context is None for c in cases)
    seen = _actions(app)
    for action in (actions.DETECTED, actions.FLAGGED, actions.ARCHIVED, actions.DELETED, actions.PURGED):
        assert seen.count(action) == 1, action
    with app.sessions() as s:
        assert audit.verify(s).ok
    # ... and nowhere in logs, audit rows or state tables
    assert SECRET not in repr(logs)
    assert "Referat" not in repr(logs)
    dump = _dump_db(app)
    assert SECRET not in dump
    assert "Referat" not in dump
    app.engine.dispose()


def test_observe_and_flag_modes(tmp_path, worker_db_url) -> None:
    g = _tenant()
    bad = g.deliver(KARI, sensitive(1))
    clock = FakeClock()
    stats = _sweep(build(settings_for(tmp_path, worker_db_url, mode="observe"), g, clock=clock))
    assert stats.sensitive == 1
    assert stats.flagged == 0
    assert g.msgs[KARI][bad].categories == []
    assert g.count("PATCH", ".") == 0
    assert g.count("DELETE", ".") == 0
    app = build(settings_for(tmp_path, worker_db_url, mode="flag"), g, clock=clock)
    assert [c.state for c in _cases(app)] == [states.OBSERVED]
    # a new message under mode flag: marked, kept
    bad2 = g.deliver(KARI, sensitive(2))
    stats = _sweep(app)
    assert stats.flagged == 1
    assert g.msgs[KARI][bad2].categories == ["Sensitive personal data"]
    assert g.msgs[KARI][bad2].flagged
    assert bad2 in g.msgs[KARI]
    assert g.count("DELETE", ".") == 0
    assert not records_in(tmp_path)


def test_later_sweeps_pick_up_new_mail_and_idle_mailboxes_cost_one_delta_per_folder(tmp_path, worker_db_url) -> None:
    g = _tenant()
    g.deliver(KARI, clean(1))
    clock = FakeClock()
    settings = settings_for(tmp_path, worker_db_url)
    _sweep(build(settings, g, clock=clock))
    before = len(g.requests)
    stats = _sweep(build(settings, g, clock=clock))
    idle = g.requests[before:]
    # 2 mailboxes x 2 folders, plus scope (users) and folder discovery of the new process
    assert sum(1 for m, p, _ in idle if p.endswith("/messages/delta")) == 4
    assert stats.messages == 0
    new = g.deliver(OLA, sensitive(3))
    stats = _sweep(build(settings, g, clock=clock))
    assert stats.sensitive == 1
    assert g.purged[OLA] == [new]


def test_delta_410_resyncs_without_rehandling(tmp_path, worker_db_url) -> None:
    g = _tenant()
    first = g.deliver(KARI, sensitive(1))
    keep = g.deliver(KARI, clean(1))
    clock = FakeClock()
    settings = settings_for(tmp_path, worker_db_url)
    _sweep(build(settings, g, clock=clock))
    assert g.purged[KARI] == [first]
    g.expire_delta_tokens()
    second = g.deliver(KARI, sensitive(2))
    stats = _sweep(build(settings, g, clock=clock))
    assert stats.resyncs == 4  # every folder of both mailboxes
    assert stats.sensitive == 1
    assert g.purged[KARI] == [first, second]
    assert keep in g.msgs[KARI]
    assert len(records_in(tmp_path)) == 2
    app = build(settings, g, clock=clock)
    assert _actions(app).count(actions.ARCHIVED) == 2
    app.engine.dispose()


def test_throttling_faults_are_survived_within_the_concurrency_limit(tmp_path, worker_db_url) -> None:
    g = FakeGraph(delay_s=0.002)
    users = [f"user{i}@contoso.example" for i in range(12)]
    for u in users:
        g.add_user(u)
        for n in range(4):
            g.deliver(u, sensitive(n) if n == 0 else clean(n))
    g.faults += [
        Fault("messages/delta", 429, times=5, retry_after=0),
        Fault("$value", 503, times=3, retry_after=0),
        Fault("permanentDelete", 503, times=2),
    ]
    stats = _sweep(build(settings_for(tmp_path, worker_db_url), g, clock=FakeClock()))
    assert stats.ok
    assert stats.sensitive == 12
    assert stats.purged == 12
    assert sum(len(v) for v in g.purged.values()) == 12
    assert any(status == 429 for _, _, status in g.requests)
    assert any(status == 503 for _, _, status in g.requests)
    assert 1 < g.peak <= 4


def test_scope_modes_exclusions_and_overrides(tmp_path, worker_db_url) -> None:
    g = _tenant()
    g.add_user("per@contoso.example")
    g.add_group("pilot", [KARI, OLA])
    g.add_group("vip", [OLA])
    for u in (KARI, OLA, "per@contoso.example"):
        g.deliver(u, sensitive(hash(u) % 100))
    clock = FakeClock()
    settings = settings_for(tmp_path, worker_db_url, mode="observe", scope={"mode": "group", "group_id": "pilot"})
    settings.scope.exclude_group_id = "vip"
    app = build(settings, g, clock=clock)
    app.store.set_override("per@contoso.example", "opt_in", actor="test")
    stats = _sweep(app)
    swept = {p.split("/")[3] for m, p, _ in g.requests if p.endswith("/delta")}
    assert swept == {KARI, "per@contoso.example"}  # OLA excluded by group, per opted in
    assert stats.mailboxes == 2
    app = build(settings, g, clock=clock)
    app.store.set_override(KARI, "opt_out", actor="test")
    before = len(g.requests)
    stats = _sweep(app)
    assert {p.split("/")[3] for m, p, _ in g.requests[before:] if p.endswith("/delta")} == {"per@contoso.example"}


def test_access_denied_mailbox_is_reported_not_fatal(tmp_path, worker_db_url) -> None:
    g = _tenant()
    g.denied.add(OLA)
    bad = g.deliver(KARI, sensitive(1))
    stats = _sweep(build(settings_for(tmp_path, worker_db_url), g, clock=FakeClock()))
    assert stats.failed_mailboxes == {OLA: "access_denied"}
    assert not stats.ok
    assert g.purged[KARI] == [bad]


def test_malformed_mime_is_skipped_and_the_sweep_goes_on(tmp_path, worker_db_url) -> None:
    g = _tenant()
    g.deliver(KARI, MALFORMED)
    bad = g.deliver(KARI, sensitive(1))
    with structlog.testing.capture_logs() as logs:
        stats = _sweep(build(settings_for(tmp_path, worker_db_url), g, clock=FakeClock()))
    assert stats.malformed == 1
    assert g.purged[KARI] == [bad]
    assert any(e["event"] == "message_malformed" for e in logs)
    assert "no boundary" not in repr(logs)


class Crash(BaseException):
    """The process dies here (BaseException: nothing in the pipeline catches it)."""


@pytest.mark.parametrize("phase", ["before", "after"])
@pytest.mark.parametrize("step", [states.FLAGGED, states.ARCHIVED, states.DELETED, states.PURGED, states.DONE])
def test_crash_at_any_step_resumes_without_double_action(tmp_path, worker_db_url, step, phase) -> None:
    g = _tenant()
    bad = g.deliver(KARI, sensitive(1))
    clock = FakeClock()
    settings = settings_for(tmp_path, worker_db_url)

    def hook(target: str, when: str) -> None:
        if target == step and when == phase:
            raise Crash

    with pytest.raises(Crash):
        _sweep(build(settings, g, clock=clock, owner="dead", hook=hook))
    clock.advance(timedelta(seconds=settings.schedule.lease_ttl_s + 1))  # the dead worker's lease expires
    stats = _sweep(build(settings, g, clock=clock, owner="restarted"))
    assert stats.ok
    app = build(settings, g, clock=clock)
    [case] = _cases(app)
    assert case.state == states.DONE
    assert g.purged[KARI] == [bad]
    assert len(records_in(tmp_path)) == 1
    seen = _actions(app)
    for action in (actions.DETECTED, actions.FLAGGED, actions.ARCHIVED, actions.DELETED, actions.PURGED):
        assert seen.count(action) == 1, (action, seen)
    with app.sessions() as s:
        assert audit.verify(s).ok
    app.engine.dispose()
