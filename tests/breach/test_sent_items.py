"""The Sent Items scan end to end against the worker's fake Graph: candidates, non-candidates, reminders.

Every test also checks that nothing in Sent Items was changed: no request other than GET ever names a sent message.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
import structlog
from sqlalchemy import text

from hygiene.breach import HEADER, reminder_key
from hygiene.clock import FakeClock
from hygiene.domain import audit as actions
from hygiene.domain.notice import HEADER as NOTICE_HEADER
from hygiene.scheduler import Worker, run_once
from tests.breach.support import (
    KARI,
    OFFICER,
    OLA,
    ORG,
    SECRET,
    SUBJECT,
    breach_events,
    breach_rows,
    breach_settings,
    outgoing,
)
from tests.worker.fakegraph import FakeGraph, Fault
from tests.worker.pipeline_support import build, sensitive

EXTERNAL = "lege@klinikk.example"


@pytest.fixture
def graph() -> FakeGraph:
    g = FakeGraph()
    for upn in (KARI, OLA, OFFICER):
        g.add_user(upn)
    return g


def _run(app, *steps):
    """Run ``steps`` (async callables taking the worker) in one loop, then close the app; returns their results."""

    async def go():
        worker = Worker(app)
        try:
            return [await step(worker) for step in steps]
        finally:
            await app.aclose()

    return asyncio.run(go())


async def _sweep(worker):
    return await run_once(worker.app)


async def _remind(worker):
    return await worker.app.breach.reminders.remind_due()


def _assert_sent_items_untouched(g: FakeGraph, sent_ids: list[str]) -> None:
    for method, path, _status in g.requests:
        if any(mid in path for mid in sent_ids):
            assert method == "GET", f"{method} {path}"
    for upn, mid in ((u, m) for u in g.msgs for m in sent_ids if m in g.msgs[u]):
        msg = g.msgs[upn][mid]
        assert msg.folder == "sentitems"
        assert msg.categories == []
        assert not msg.flagged
    assert not any(mid in purged for purged in g.purged.values() for mid in sent_ids)


def _reminders(g: FakeGraph) -> list:
    return [m for m in g.folder(OFFICER, "sentitems") if any(h["name"] == HEADER for h in m.headers)]


def test_sensitive_mail_to_an_external_domain_becomes_a_candidate_and_the_officer_is_told(
    tmp_path, breach_db_url, graph
):
    # Given Kari sent health data to a clinic outside the organisation, and received some herself
    sent = graph.deliver(KARI, outgoing([EXTERNAL, OLA]), folder="sentitems")
    inbox = graph.deliver(KARI, sensitive(1))
    assert SECRET.encode() in graph.msgs[KARI][sent].mime
    app = build(breach_settings(tmp_path, breach_db_url, base_url=graph.base), graph, clock=FakeClock())
    # When the worker sweeps (enforce mode)
    with structlog.testing.capture_logs() as logs:
        [stats] = _run(app, _sweep)
    # Then the sent message is a candidate, with domains and counts only
    [row] = breach_rows(app.sessions)
    assert (row.mailbox, row.state, row.reasons) == (KARI, "candidate", ["external_recipient"])
    assert (row.categories, row.counts) == (["health"], {"health": 1})
    assert row.recipient_domains == {"klinikk.example": 1, ORG: 1}
    assert (row.recipients, row.external_recipients) == (2, 1)
    assert stats.sent_scanned >= 1
    assert stats.breach_candidates == 1
    # ... the inbox message was handled as usual, the sent one left exactly as it was
    assert inbox not in graph.msgs[KARI]
    _assert_sent_items_untouched(graph, [sent])
    # ... and the privacy officer got one reminder with the id, mailbox, categories and deadline, no content
    [mail] = _reminders(graph)
    assert f" {row.id}:" in mail.subject
    assert KARI in mail.body
    assert "health 1" in mail.body
    assert "2026-11-05 08:00 UTC" in mail.body
    for leak in (SECRET, SUBJECT, EXTERNAL, OLA):
        assert leak not in mail.subject + mail.body
    events = breach_events(app.sessions)
    assert [e.action for e in events] == [actions.BREACH_DETECTED, actions.BREACH_NOTIFIED]
    assert events[1].detail["dedup_key"] == reminder_key(b"test-key", row.id, "discovery")
    # ... and no value, subject or recipient address is in the logs or the database
    with app.engine.connect() as conn:
        dump = repr([tuple(r) for t in ("breaches", "audit_events") for r in conn.execute(text(f"SELECT * FROM {t}"))])
    for leak in (SECRET, SUBJECT, EXTERNAL, OLA):
        assert leak not in dump
        assert leak not in repr(logs)


def test_many_external_addresses_in_to_and_cc_are_exposed_addresses_but_bcc_is_not(tmp_path, breach_db_url, graph):
    many = [f"forelder{i}@gmail.example" for i in range(3)]
    exposed = graph.deliver(KARI, outgoing(many[:2], cc=many[2:], n=1), folder="sentitems")
    hidden = graph.deliver(KARI, outgoing([KARI], bcc=many, n=2), folder="sentitems")
    app = build(breach_settings(tmp_path, breach_db_url, base_url=graph.base, threshold=3), graph, clock=FakeClock())
    _run(app, _sweep)
    rows = breach_rows(app.sessions)
    assert [(r.reasons, r.external_recipients) for r in rows] == [
        (["external_recipient", "exposed_addresses"], 3),
        (["external_recipient"], 3),
    ]
    assert rows[0].recipient_domains == {"gmail.example": 3}
    _assert_sent_items_untouched(graph, [exposed, hidden])


@pytest.mark.parametrize(
    "mime",
    [
        outgoing([OLA, f"rådgjevar@skule.{ORG}"]),  # internal only (a subdomain is internal)
        outgoing([EXTERNAL], sensitive=False),  # nothing sensitive
        outgoing([EXTERNAL], encrypted=True),  # encrypted (S/MIME)
        outgoing([EXTERNAL], extra_headers=f"{NOTICE_HEADER}: {'a' * 64}\r\n"),  # hygiene's own notice
        outgoing([EXTERNAL], extra_headers=f"{HEADER}: {'b' * 64}\r\n"),  # hygiene's own reminder
    ],
    ids=["internal-only", "not-sensitive", "encrypted", "own-notice", "own-reminder"],
)
def test_not_candidates(tmp_path, breach_db_url, graph, mime):
    sent = graph.deliver(KARI, mime, folder="sentitems")
    app = build(breach_settings(tmp_path, breach_db_url, base_url=graph.base), graph, clock=FakeClock())
    [stats] = _run(app, _sweep)
    assert stats.ok
    assert breach_rows(app.sessions) == []
    assert _reminders(graph) == []
    _assert_sent_items_untouched(graph, [sent])


def test_a_second_sweep_registers_and_reminds_nothing_twice(tmp_path, breach_db_url, graph):
    sent = graph.deliver(KARI, outgoing([EXTERNAL]), folder="sentitems")
    clock = FakeClock()
    settings = breach_settings(tmp_path, breach_db_url, base_url=graph.base)
    _run(build(settings, graph, clock=clock), _sweep)
    graph.expire_delta_tokens()  # the next sweep re-reads Sent Items from scratch
    clock.advance(timedelta(minutes=10))
    app = build(settings, graph, clock=clock)
    _run(app, _sweep, _remind)
    assert len(breach_rows(app.sessions)) == 1
    assert len(_reminders(graph)) == 1
    _assert_sent_items_untouched(graph, [sent])


def test_the_deadline_reminder_goes_out_once_from_the_configured_hours_before(tmp_path, breach_db_url, graph):
    graph.deliver(KARI, outgoing([EXTERNAL]), folder="sentitems")
    clock = FakeClock()
    app = build(breach_settings(tmp_path, breach_db_url, base_url=graph.base), graph, clock=clock)

    async def just_before(worker):
        clock.advance(timedelta(hours=59, minutes=59))
        return await worker.app.breach.reminders.remind_due()

    async def at_60_hours(worker):
        clock.advance(timedelta(minutes=1))
        return await worker.app.breach.reminders.remind_due()

    results = _run(app, _sweep, _remind, just_before, at_60_hours, _remind)
    assert results[1:] == [{}, {}, {"sent": 1}, {}]
    mails = _reminders(graph)
    assert len(mails) == 2
    assert "Påminnelse" in mails[1].subject
    assert "12.0 timer igjen" in mails[1].body
    kinds = [(e.action, e.detail.get("stage")) for e in breach_events(app.sessions)]
    assert kinds == [
        (actions.BREACH_DETECTED, None),
        (actions.BREACH_NOTIFIED, "discovery"),
        (actions.BREACH_REMINDER, "deadline"),
    ]


def test_no_deadline_reminder_after_the_breach_was_reported(tmp_path, breach_db_url, graph):
    graph.deliver(KARI, outgoing([EXTERNAL]), folder="sentitems")
    clock = FakeClock()
    app = build(breach_settings(tmp_path, breach_db_url, base_url=graph.base), graph, clock=clock)

    async def report_then_wait(worker):
        store = worker.app.breach.store
        [row] = store.entries()
        store.assess(row.id, outcome="breach_risk", note="Feil mottakar", actor="test")
        store.report(row.id, reference="DT-1", actor="test")
        clock.advance(timedelta(hours=70))
        return await worker.app.breach.reminders.remind_due()

    results = _run(app, _sweep, report_then_wait)
    assert results[1] == {}
    assert len(_reminders(graph)) == 1


def test_a_failed_discovery_reminder_is_sent_by_the_housekeeping_check_exactly_once(tmp_path, breach_db_url, graph):
    # Given sendMail fails with an ambiguous server error when the candidate is found
    graph.deliver(KARI, outgoing([EXTERNAL]), folder="sentitems")
    graph.faults.append(Fault("sendMail", 500, times=1, method="POST"))
    clock = FakeClock()
    app = build(breach_settings(tmp_path, breach_db_url, base_url=graph.base), graph, clock=clock)

    async def soon(worker):  # the claim is younger than the Sent Items settle time: wait
        clock.advance(timedelta(seconds=30))
        return await worker.app.breach.reminders.remind_due()

    async def later(worker):  # not in Sent Items after settling: sent again, once
        clock.advance(timedelta(minutes=5))
        return await worker.app.breach.reminders.remind_due()

    results = _run(app, _sweep, soon, later, _remind)
    assert len(breach_rows(app.sessions)) == 1
    assert results[1:] == [{"pending": 1}, {"sent": 1}, {}]
    assert len(_reminders(graph)) == 1


def test_a_reminder_found_in_sent_items_is_confirmed_without_sending_again(tmp_path, breach_db_url, graph):
    # Given the worker died after sendMail but before confirming the discovery reminder
    graph.deliver(KARI, outgoing([EXTERNAL]), folder="sentitems")
    clock = FakeClock()
    settings = breach_settings(tmp_path, breach_db_url, base_url=graph.base)
    settings.breach.privacy_officer_mailbox = OFFICER
    app = build(settings, graph, clock=clock)
    app.breach.reminders = None  # the sweep registers the candidate without reminding
    _run(app, _sweep)
    app = build(settings, graph, clock=clock)
    [row] = breach_rows(app.sessions)
    assert app.breach.store.claim_reminder(row.id, "discovery", expected=None)
    key = reminder_key(b"test-key", row.id, "discovery")
    mid = graph.deliver(OFFICER, b"Subject: x\r\n\r\nx\r\n", folder="sentitems")
    graph.msgs[OFFICER][mid].headers = [{"name": HEADER, "value": key}]
    # When the housekeeping check runs
    [result] = _run(app, _remind)
    # Then it confirms the reminder from Sent Items and sends nothing
    assert result == {"already": 1}
    assert graph.count("POST", "sendMail") == 0
    assert [e.action for e in breach_events(app.sessions)] == [actions.BREACH_DETECTED, actions.BREACH_NOTIFIED]


def test_with_the_register_off_sent_items_is_not_read(tmp_path, breach_db_url, graph):
    graph.deliver(KARI, outgoing([EXTERNAL]), folder="sentitems")
    settings = breach_settings(tmp_path, breach_db_url, base_url=graph.base)
    settings.breach.enabled = False
    app = build(settings, graph, clock=FakeClock())
    _run(app, _sweep)
    assert app.breach is None
    assert breach_rows(app.sessions) == []
    assert graph.count("GET", "sentitems") == 0
