"""Failed steps: transient failures (records outage, Graph 5xx/429/network) are retried with capped backoff for as
long as they last; only permanent ones end a case as ``failed``, and an operator can re-queue failed cases."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import structlog
from sqlalchemy import select

from hygiene.adapters.store.models import AuditEventRow, MessageCaseRow
from hygiene.clock import FakeClock
from hygiene.domain import audit as actions
from hygiene.domain import states
from hygiene.domain.records import Receipt, Record
from hygiene.errors import (
    GraphError,
    NotFoundError,
    NoticeError,
    RecordMismatchError,
    RecordRejectedError,
    RecordsError,
    ThrottledError,
    is_transient,
)
from hygiene.metrics import Metrics
from hygiene.pipeline import MAX_ATTEMPTS, RETRY_CAP_S
from hygiene.scheduler import Worker
from tests.worker.fakegraph import FakeGraph, Fault
from tests.worker.pipeline_support import build, records_in, sensitive, settings_for

KARI = "kari@contoso.example"


class FailingArchive:
    """A records backend over the real one that raises ``error`` on every call while ``error`` is set."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.error: Exception | None = None

    def _check(self) -> None:
        if self.error is not None:
            raise self.error

    async def put(self, record: Record) -> Receipt:
        self._check()
        return await self.inner.put(record)

    async def find(self, key: str) -> Receipt | None:
        self._check()
        return await self.inner.find(key)

    async def verify(self, receipt: Receipt) -> bool:
        self._check()
        return await self.inner.verify(receipt)


def _app(tmp_path, db_url, graph, clock):
    app = build(settings_for(tmp_path, db_url), graph, clock=clock, metrics=Metrics())
    archive = FailingArchive(app.archive)
    app.pipeline.archive = archive
    return app, archive


def _sweeps(app, clock: FakeClock, n: int, every: timedelta) -> None:
    async def go() -> None:
        worker = Worker(app)
        await worker.refresh_scope()
        for _ in range(n):
            await worker.sweep()
            clock.advance(every)

    asyncio.run(go())


def _case(app) -> MessageCaseRow:
    with app.sessions() as s:
        (row,) = s.scalars(select(MessageCaseRow))
        return row


def _errors(app) -> list[dict]:
    with app.sessions() as s:
        return [
            e.detail
            for e in s.scalars(
                select(AuditEventRow).where(AuditEventRow.action == actions.ERROR).order_by(AuditEventRow.id)
            )
        ]


def test_a_two_day_records_outage_never_ends_the_case_and_it_completes_when_the_backend_is_back(
    tmp_path, worker_db_url
) -> None:
    # Given a sensitive message and a records backend that is unreachable for two days (576 five-minute sweeps)
    g = FakeGraph()
    g.add_user(KARI)
    mid = g.deliver(KARI, sensitive(1))
    clock = FakeClock()
    app, archive = _app(tmp_path, worker_db_url, g, clock)
    archive.error = RecordsError("records backend unreachable")
    # When the worker sweeps every hour through the outage (the backoff is capped at one hour, so every sweep
    # after the first few hours retries)
    with structlog.testing.capture_logs() as logs:
        _sweeps(app, clock, 48, timedelta(hours=1))
    # Then the case is still waiting in ``flagged`` (not failed), the message is still in the mailbox, and every
    # failure was audited as transient with the time the case has been waiting
    row = _case(app)
    assert row.state == states.FLAGGED
    assert row.attempts > MAX_ATTEMPTS
    assert mid in {m.id for m in g.folder(KARI, "inbox")}
    errors = _errors(app)
    assert {e["reason"] for e in errors} == {"transient"}
    assert all(e["retry_in_s"] <= RETRY_CAP_S for e in errors)
    assert errors[-1]["waiting_s"] >= 40 * 3600
    warned = [entry for entry in logs if entry["event"] == "case_step_failed"]
    assert warned
    assert warned[-1]["waiting_s"] >= 40 * 3600
    assert warned[-1]["waiting"].startswith("4")  # "47h00m"
    assert not [entry for entry in logs if entry["event"] == "case_given_up"]
    # ... and the waiting time is a gauge
    assert app.metrics.value("hygiene_case_waiting_seconds") >= 40 * 3600
    # When the backend is back, the next due sweep archives, deletes and purges the message
    archive.error = None
    _sweeps(app, clock, 2, timedelta(hours=1))
    row = _case(app)
    assert row.state == states.DONE
    assert row.waiting_since is None
    assert g.purged[KARI] == [mid]
    assert len(records_in(tmp_path)) == 1
    app.engine.dispose()


def test_graph_throttling_and_outages_do_not_end_a_case(tmp_path, worker_db_url) -> None:
    # Given a sensitive message whose flag PATCH Graph answers with 503 for far longer than the retry budget
    g = FakeGraph()
    g.add_user(KARI)
    g.deliver(KARI, sensitive(2))
    g.faults.append(Fault("/messages/", 503, times=10_000, method="PATCH"))
    clock = FakeClock()
    app, _ = _app(tmp_path, worker_db_url, g, clock)
    # When it is swept 2 * MAX_ATTEMPTS times, an hour apart
    _sweeps(app, clock, 2 * MAX_ATTEMPTS, timedelta(hours=1))
    # Then the case keeps waiting in ``detected``
    row = _case(app)
    assert row.state == states.DETECTED
    assert row.attempts >= 2 * MAX_ATTEMPTS - 1
    # When Graph recovers, it completes
    g.faults.clear()
    _sweeps(app, clock, 1, timedelta(hours=1))
    assert _case(app).state == states.DONE
    app.engine.dispose()


def test_a_rejected_record_fails_the_case_at_once_and_an_operator_can_requeue_it(tmp_path, worker_db_url) -> None:
    # Given a records system that rejects the package as invalid
    g = FakeGraph()
    g.add_user(KARI)
    mid = g.deliver(KARI, sensitive(3))
    clock = FakeClock()
    app, archive = _app(tmp_path, worker_db_url, g, clock)
    archive.error = RecordRejectedError("the archive rejected POST dokumentobjekt (422): the record is invalid")
    # When it is swept
    with structlog.testing.capture_logs() as logs:
        _sweeps(app, clock, 1, timedelta(minutes=5))
    # Then the case is failed after one attempt, remembers where it failed, and says how to re-queue it
    row = _case(app)
    assert (row.state, row.attempts, row.failed_from) == (states.FAILED, 1, states.FLAGGED)
    assert _errors(app)[-1]["reason"] == "permanent"
    (gave_up,) = [entry for entry in logs if entry["event"] == "case_given_up"]
    assert "hygiene cases retry" in gave_up["hint"]
    assert app.metrics.value("hygiene_cases_given_up_total", stage="archived") == 1
    # A later sweep leaves it alone
    _sweeps(app, clock, 1, timedelta(hours=2))
    assert _case(app).state == states.FAILED
    # When the operator fixes the archive and re-queues failed cases of another mailbox, nothing changes
    archive.error = None
    assert app.store.requeue_failed(mailbox="ola@contoso.example") == []
    # ... a dry run names it without changing it
    assert app.store.requeue_failed(mailbox=KARI.upper(), dry_run=True) == [row.id]
    assert _case(app).state == states.FAILED
    # ... and re-queuing it puts it back in ``flagged`` with a fresh budget; the next sweep completes it
    assert app.store.requeue_failed(mailbox=KARI) == [row.id]
    again = _case(app)
    assert (again.state, again.attempts, again.failed_from) == (states.FLAGGED, 0, None)
    _sweeps(app, clock, 1, timedelta(minutes=5))
    assert _case(app).state == states.DONE
    assert g.purged[KARI] == [mid]
    with app.sessions() as s:
        requeued = s.scalars(select(AuditEventRow).where(AuditEventRow.action == actions.REQUEUED)).all()
    assert [(e.actor, e.detail) for e in requeued] == [("operator", {"previous": "failed", "new": "flagged"})]
    app.engine.dispose()


def test_a_case_failed_before_failed_from_existed_resumes_from_its_last_audited_state(tmp_path, worker_db_url) -> None:
    g = FakeGraph()
    g.add_user(KARI)
    g.deliver(KARI, sensitive(4))
    clock = FakeClock()
    app, archive = _app(tmp_path, worker_db_url, g, clock)
    archive.error = RecordMismatchError("stored with another checksum")
    _sweeps(app, clock, 1, timedelta(minutes=5))
    with app.sessions.begin() as s:  # as a case failed by an earlier version looks
        s.get(MessageCaseRow, _case(app).id).failed_from = None
    assert app.store.requeue_failed(since=clock.now() - timedelta(hours=1)) == [_case(app).id]
    assert _case(app).state == states.FLAGGED
    app.engine.dispose()


def test_requeue_since_leaves_cases_failed_earlier(tmp_path, worker_db_url) -> None:
    g = FakeGraph()
    g.add_user(KARI)
    g.deliver(KARI, sensitive(5))
    clock = FakeClock()
    app, archive = _app(tmp_path, worker_db_url, g, clock)
    archive.error = RecordRejectedError("rejected")
    _sweeps(app, clock, 1, timedelta(days=2))
    assert app.store.requeue_failed(since=clock.now() - timedelta(days=1)) == []
    assert _case(app).state == states.FAILED
    app.engine.dispose()


def test_which_failures_are_transient() -> None:
    assert is_transient(RecordsError("unreachable"))
    assert not is_transient(RecordRejectedError("invalid package"))
    assert not is_transient(RecordMismatchError("other checksum"))
    assert is_transient(ThrottledError("429", retry_after_s=1.0, status=429))
    assert is_transient(GraphError("503", status=503))
    assert is_transient(GraphError("cannot reach Graph"))  # network: no status
    assert is_transient(GraphError("401", status=401))
    assert not is_transient(GraphError("400", status=400))
    assert not is_transient(NotFoundError("gone", status=404))
    assert is_transient(NoticeError("may be in flight", transient=True))
    assert not is_transient(NoticeError("no sender"))


def test_cases_list_and_retry_on_the_command_line(tmp_path, worker_db_url, monkeypatch) -> None:
    from typer.testing import CliRunner

    from hygiene.cli import app as cli

    # Given a case failed on a rejected record
    g = FakeGraph()
    g.add_user(KARI)
    g.deliver(KARI, sensitive(6))
    clock = FakeClock()
    app, archive = _app(tmp_path, worker_db_url, g, clock)
    archive.error = RecordRejectedError("rejected")
    _sweeps(app, clock, 1, timedelta(minutes=5))
    case_id = _case(app).id
    monkeypatch.setenv("HYGIENE_DATABASE__URL", worker_db_url)
    monkeypatch.setenv("HYGIENE_SECURITY__HMAC_KEY", "test-key")
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    runner = CliRunner()
    # When the operator lists failed cases, it shows with the state it failed in and its error
    result = runner.invoke(cli, ["cases", "list"])
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.output.splitlines() if KARI in x]
    assert line.split()[0:4] == [str(case_id), KARI, states.FLAGGED, "RecordRejectedError"]
    # A dry run changes nothing; a retry of the mailbox re-queues it
    result = runner.invoke(cli, ["cases", "retry", "--mailbox", KARI, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert f"1 failed case(s) would be re-queued: {case_id}" in result.output
    assert _case(app).state == states.FAILED
    result = runner.invoke(cli, ["cases", "retry", "--mailbox", KARI, "--since", "2000-01-01"])
    assert result.exit_code == 0, result.output
    assert "1 failed case(s) re-queued" in result.output
    assert _case(app).state == states.FLAGGED
    assert runner.invoke(cli, ["cases", "retry", "--since", "yesterday"]).exit_code == 2
    app.engine.dispose()
