"""The Notifier against a real database (SQLite and PostgreSQL) and an in-memory gateway: exactly once."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from hygiene.adapters.store import audit
from hygiene.adapters.store.models import AuditEventRow, NoticeRow
from hygiene.domain.notice import HEADER
from hygiene.errors import GraphError, NoticeError
from hygiene.notices import SENT_ITEMS_SETTLE_S, Notifier, dedup_key
from tests.notice.conftest import HMAC_KEY
from tests.notice.fake_gateway import LostResponse

MAILBOX = "kari@vestby.example.no"
SENDER = "ola.nordmann@example.se"


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def notifier(settings, gateway, sessions, clock):
    return Notifier(settings, gateway, sessions, clock, HMAC_KEY)


def notify(notifier, case_id, sender=SENDER, language=None, headers=None, auto_reply=False, mailbox=MAILBOX):
    return run(
        notifier.notify(
            case_id=case_id,
            mailbox=mailbox,
            sender=sender,
            language=language,
            headers=headers or {},
            auto_reply=auto_reply,
        )
    )


def events(sessions):
    with sessions() as s:
        return list(s.scalars(select(AuditEventRow).order_by(AuditEventRow.id)))


def test_sends_one_notice_in_the_senders_language(notifier, gateway, sessions, new_case):
    case = new_case()
    outcome = notify(notifier, case)
    assert outcome.status == "sent"
    assert outcome.language == "sv"
    assert outcome.variant == "a"
    [(frm, mail)] = gateway.outbox
    assert frm == MAILBOX
    assert mail.to == SENDER
    assert mail.headers == {HEADER: dedup_key(HMAC_KEY, case, MAILBOX)}
    with sessions() as s:
        row = s.scalar(select(NoticeRow))
        assert row.status == "sent"
        assert row.sent_at is not None
        assert row.dedup_key == outcome.dedup_key
    [ev] = events(sessions)
    assert ev.action == "notice_sent"
    assert ev.sender_domain == "example.se"
    assert ev.detail["language"] == "sv"
    assert ev.detail["variant"] == "a"
    assert ev.detail["dedup_key"] == outcome.dedup_key
    assert SENDER not in str(ev.detail)
    assert len(ev.detail["sender_hash"]) == 64
    with sessions() as s:
        assert audit.verify(s).ok


def test_a_second_call_for_the_same_case_sends_nothing(notifier, gateway, new_case):
    case = new_case()
    assert notify(notifier, case).status == "sent"
    assert notify(notifier, case).status == "already"
    assert len(gateway.outbox) == 1


def test_sent_from_the_configured_shared_mailbox(settings, gateway, sessions, clock, new_case):
    s = settings.model_copy(
        update={"notice": settings.notice.model_copy(update={"sender_mailbox": "personvern@vestby.example.no"})}
    )
    notify(Notifier(s, gateway, sessions, clock, HMAC_KEY), new_case())
    assert [frm for frm, _ in gateway.outbox] == ["personvern@vestby.example.no"]


def test_lost_response_then_retry_does_not_send_twice(notifier, gateway, sessions, new_case):
    # Given a send that reached the server but whose response was lost
    case = new_case()
    gateway.lose_next_response = True
    with pytest.raises(LostResponse):
        notify(notifier, case)
    assert len(gateway.outbox) == 1
    with sessions() as s:
        assert s.scalar(select(NoticeRow.status)) == "sending"
    # When the worker retries the step
    outcome = notify(notifier, case)
    # Then Sent Items confirms it: no second message, and the case is marked sent
    assert outcome.status == "sent"
    assert len(gateway.outbox) == 1
    assert gateway.calls == ["send_mail", "sent_with_header"]
    [ev] = events(sessions)
    assert ev.action == "notice_sent"
    assert ev.detail["stage"] == "confirmed_in_sent_items"


def test_crash_before_send_sends_once_after_the_settle_time(notifier, gateway, sessions, clock, new_case):
    # Given the "sending" row was committed but the request never left (connection reset before sending)
    case = new_case()
    gateway.fail_next_send = True
    with pytest.raises(GraphError):
        notify(notifier, case)
    assert gateway.outbox == []
    # When retried at once, the outcome is still uncertain: no blind resend
    with pytest.raises(NoticeError, match="retry later"):
        notify(notifier, case)
    assert gateway.outbox == []
    # Then after the settle time it is sent exactly once
    clock.advance(SENT_ITEMS_SETTLE_S + 1)
    assert notify(notifier, case).status == "sent"
    assert notify(notifier, case).status == "already"
    assert len(gateway.outbox) == 1


def test_crash_between_send_and_state_commit_with_slow_sent_items(notifier, gateway, sessions, clock, new_case):
    # Given the message went out, the worker died before committing "sent", and Sent Items lags behind
    case = new_case()
    gateway.settle_lag = True
    gateway.lose_next_response = True
    with pytest.raises(LostResponse):
        notify(notifier, case)
    # When the worker comes back before Exchange has filed the message: it waits instead of resending
    with pytest.raises(NoticeError):
        notify(notifier, case)
    gateway.settle()
    clock.advance(SENT_ITEMS_SETTLE_S + 1)
    # Then the later retry finds it in Sent Items
    assert notify(notifier, case).status == "sent"
    assert len(gateway.outbox) == 1


def test_crash_before_the_sending_row_commits_sends_once(notifier, gateway, sessions, new_case, monkeypatch):
    # Given a crash inside the first transaction (nothing committed, nothing sent)
    case = new_case()
    monkeypatch.setattr(audit, "lock_head", lambda s: (_ for _ in ()).throw(RuntimeError("crash")))
    # (suppressed notices write audit in the first transaction; a sendable one does not, so crash on commit)
    real_begin = notifier._begin

    def crashing_begin(session, *a, **kw):
        monkeypatch.setattr(session, "commit", lambda: (_ for _ in ()).throw(RuntimeError("crash")))
        return real_begin(session, *a, **kw)

    monkeypatch.setattr(notifier, "_begin", crashing_begin)
    with pytest.raises(RuntimeError):
        notify(notifier, case)
    monkeypatch.undo()
    with sessions() as s:
        assert s.scalar(select(NoticeRow)) is None
    assert gateway.outbox == []
    # When retried, it is sent once
    assert notify(notifier, case).status == "sent"
    assert len(gateway.outbox) == 1


def test_suppressed_notices_are_audited_with_the_reason(notifier, gateway, sessions, new_case):
    case = new_case()
    outcome = notify(notifier, case, sender="noreply@example.no")
    assert outcome.status == "suppressed"
    assert outcome.reason == "no_reply"
    assert gateway.outbox == []
    [ev] = events(sessions)
    assert ev.action == "notice_suppressed"
    assert ev.detail["reason"] == "no_reply"
    assert "noreply@example.no" not in str(ev.detail)
    assert notify(notifier, case, sender="noreply@example.no").status == "already"
    assert len(events(sessions)) == 1


def test_auto_reply_and_own_notice_are_suppressed(notifier, gateway, new_case):
    assert notify(notifier, new_case(), headers={"auto-submitted": "auto-replied"}).reason == "auto_reply"
    assert notify(notifier, new_case(), headers={"x-hygiene-notice": "abc"}).reason == "own_notice"
    assert notify(notifier, new_case(), sender=None).reason == "no_sender"
    assert notify(notifier, new_case(), sender=MAILBOX).reason == "self"
    assert gateway.outbox == []


def test_per_sender_window(notifier, gateway, sessions, clock, new_case):
    assert notify(notifier, new_case()).status == "sent"
    clock.advance(3600)
    second = notify(notifier, new_case(), sender=SENDER.upper())
    assert second.status == "suppressed"
    assert second.reason == "rate_window"
    assert notify(notifier, new_case(), sender="someone.else@example.se").status == "sent"
    clock.advance(24 * 3600)
    assert notify(notifier, new_case()).status == "sent"
    assert [m.to for _, m in gateway.outbox] == [SENDER, "someone.else@example.se", SENDER]
    reasons = [e.detail.get("reason") for e in events(sessions) if e.action == "notice_suppressed"]
    assert reasons == ["rate_window"]


def test_window_zero_disables_the_limit(settings, gateway, sessions, clock, new_case):
    s = settings.model_copy(update={"notice": settings.notice.model_copy(update={"per_sender_window_hours": 0})})
    n = Notifier(s, gateway, sessions, clock, HMAC_KEY)
    assert notify(n, new_case()).status == "sent"
    assert notify(n, new_case()).status == "sent"
    assert len(gateway.outbox) == 2


def test_internal_sender_gets_the_internal_variant(settings, gateway, sessions, clock, new_case):
    s = settings.model_copy(update={"notice": settings.notice.model_copy(update={"internal_variant": "b"})})
    n = Notifier(s, gateway, sessions, clock, HMAC_KEY)
    out = notify(n, new_case(), sender="per@vestby.example.no", language="nn")
    assert out.status == "sent"
    assert out.variant == "b"
    assert out.language == "nn"
    [(_, mail)] = gateway.outbox
    assert "https://vestby.example.no/personvern" in mail.text


def test_deny_list(settings, gateway, sessions, clock, new_case):
    s = settings.model_copy(update={"notice": settings.notice.model_copy(update={"deny_senders": ["example.se"]})})
    n = Notifier(s, gateway, sessions, clock, HMAC_KEY)
    assert notify(n, new_case()).reason == "deny_list"
    assert gateway.outbox == []


def test_notice_never_holds_the_original_subject_or_values(notifier, gateway, new_case):
    secret = "12345678901"
    headers = {"subject": f"Fødselsnummer {secret}", "x-original": secret}
    notify(notifier, new_case(), headers=headers)
    [(_, mail)] = gateway.outbox
    blob = mail.subject + mail.text + (mail.html or "") + str(mail.headers)
    assert secret not in blob
    assert "Fødselsnummer" not in blob
