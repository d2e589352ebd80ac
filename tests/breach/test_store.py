"""The breach register in the database (SQLite and PostgreSQL): every change audited in its transaction."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from hygiene.adapters.store import audit as audit_store
from hygiene.adapters.store import views
from hygiene.adapters.store.breaches import DEADLINE, DISCOVERY, BreachStore
from hygiene.adapters.store.models import AuditEventRow, BreachRow
from hygiene.domain import audit as actions
from hygiene.domain import breach as b

NOTE = "Lege fekk feil vedlegg; mottakar har sletta e-posten"
REFERENCE = "DT-2026/1234"


def _candidate(**kw) -> b.Candidate:
    found = b.assess_message(
        sensitive=True,
        encrypted=False,
        own_mail=False,
        recipients=b.Recipients.from_headers(["lege@klinikk.example, kari@kommune.no"]),
        organisation_domains=("kommune.no",),
        many_recipients_threshold=10,
    )
    assert found is not None
    return found


def _register(breaches: BreachStore, msgid: str = "<m1@kommune.no>", mailbox: str = "Kari@Kommune.no"):
    return breaches.register(
        mailbox=mailbox,
        message_key=breaches.message_key(mailbox, msgid),
        candidate=_candidate(),
        categories=["health"],
        counts={"health": 2},
    )


def _events(sessions, prefix: str = "breach_") -> list[AuditEventRow]:
    with sessions() as s:
        rows = s.scalars(select(AuditEventRow).order_by(AuditEventRow.id)).all()
    return [r for r in rows if r.action.startswith(prefix)]


def test_register_is_audited_and_idempotent_per_message(breaches, sessions, clock):
    view, created = _register(breaches)
    assert created
    assert view.state == b.CANDIDATE
    assert view.mailbox == "kari@kommune.no"
    assert view.discovered_at == clock.now()
    assert view.deadline == clock.now() + timedelta(hours=72)
    assert view.recipient_domains == {"klinikk.example": 1, "kommune.no": 1}
    again, created_again = _register(breaches, mailbox="kari@kommune.no")
    assert not created_again
    assert again.id == view.id
    [event] = _events(sessions)
    assert event.action == actions.BREACH_DETECTED
    assert event.mailbox == "kari@kommune.no"
    assert event.detail["breach_id"] == view.id
    assert event.detail["deadline"] == "2026-11-05T08:00:00.000000Z"
    assert event.detail["domains"] == ["klinikk.example", "kommune.no"]
    assert event.detail["reason"] == ["external_recipient"]
    assert len(view.message_key) == 64
    assert "m1" not in view.message_key


def test_the_whole_routine_is_audited_and_notes_stay_out_of_the_audit_log(breaches, sessions, clock):
    view, _ = _register(breaches)
    clock.advance(timedelta(hours=5))
    assessed = breaches.assess(view.id, outcome=b.BREACH_RISK, note=NOTE, actor="cli:po")
    assert (assessed.state, assessed.outcome, assessed.note) == (b.ASSESSED, b.BREACH_RISK, NOTE)
    clock.advance(timedelta(hours=20))
    reported = breaches.report(view.id, reference=REFERENCE, actor="cli:po")
    assert reported.state == b.REPORTED
    assert reported.reference == REFERENCE
    assert reported.hours_left(clock.now()) is None
    closed = breaches.close(view.id, actor="cli:po")
    assert closed.state == b.CLOSED
    assert closed.closed_at == clock.now()
    events = _events(sessions)
    assert [e.action for e in events] == [
        actions.BREACH_DETECTED,
        actions.BREACH_ASSESSED,
        actions.BREACH_REPORTED,
        actions.BREACH_CLOSED,
    ]
    assert [e.actor for e in events[1:]] == ["cli:po"] * 3
    assert events[1].detail["outcome"] == b.BREACH_RISK
    assert len(events[1].detail["note_hash"]) == 64
    assert events[2].detail["late_s"] == 0
    assert len(events[2].detail["reference_hash"]) == 64
    assert events[3].detail["previous"] == b.REPORTED
    text = repr([(e.detail, e.categories, e.mailbox) for e in events])
    assert "Lege" not in text
    assert "1234" not in text
    with sessions() as s:
        assert audit_store.verify(s).ok


def test_refused_steps_change_nothing_and_write_no_event(breaches, sessions):
    view, _ = _register(breaches)
    with pytest.raises(b.IllegalBreachTransition, match="cannot report a breach that is candidate"):
        breaches.report(view.id, reference=REFERENCE, actor="cli")
    breaches.assess(view.id, outcome=b.BREACH_HIGH_RISK, note=NOTE, actor="cli")
    with pytest.raises(b.IllegalBreachTransition, match="must be reported to the authority first"):
        breaches.close(view.id, actor="cli")
    with pytest.raises(b.BreachNotFoundError, match="no breach with id 999"):
        breaches.assess(999, outcome=b.NO_BREACH, note=NOTE, actor="cli")
    with pytest.raises(b.BreachError, match="--reference must not be empty"):
        breaches.report(view.id, reference="  ", actor="cli")
    assert breaches.get(view.id).state == b.ASSESSED
    assert [e.action for e in _events(sessions)] == [actions.BREACH_DETECTED, actions.BREACH_ASSESSED]


def test_a_late_report_records_how_late(breaches, sessions, clock):
    view, _ = _register(breaches)
    breaches.assess(view.id, outcome=b.BREACH_RISK, note=NOTE, actor="cli")
    clock.advance(timedelta(hours=75))
    breaches.report(view.id, reference=REFERENCE, actor="cli")
    assert _events(sessions)[-1].detail["late_s"] == 3 * 3600


def test_concurrent_changes_cannot_both_win(breaches, sessions, clock):
    view, _ = _register(breaches)
    # Given a privacy officer's session that read the entry before another one assessed it
    with sessions() as s:
        stale = s.get(BreachRow, view.id)
        breaches.assess(view.id, outcome=b.NO_BREACH, note=NOTE, actor="cli:a")
        stale.state = b.CLOSED
        # Then the stale write fails instead of overwriting the assessment
        from sqlalchemy.orm.exc import StaleDataError

        with pytest.raises(StaleDataError):
            s.commit()
    assert breaches.get(view.id).state == b.ASSESSED


def test_listing_by_state_and_paging(breaches):
    ids = [_register(breaches, msgid=f"<m{i}@kommune.no>")[0].id for i in range(3)]
    breaches.assess(ids[1], outcome=b.NO_BREACH, note=NOTE, actor="cli")
    assert [v.id for v in breaches.entries()] == ids
    assert [v.id for v in breaches.entries(state=b.CANDIDATE)] == [ids[0], ids[2]]
    assert [v.id for v in breaches.entries(after_id=ids[0], limit=1)] == [ids[1]]
    with pytest.raises(b.BreachError, match="state must be one of candidate, assessed, reported, closed"):
        breaches.entries(state="open")


def test_the_console_overview_sees_open_breaches_until_reported_or_closed(breaches, sessions, clock):
    first, _ = _register(breaches, msgid="<a@x>")
    second, _ = _register(breaches, msgid="<b@x>")
    clock.advance(timedelta(hours=10))
    with sessions() as s:
        listed = views.open_breaches(s, clock.now())
    assert [(x["breach_id"], x["hours_left"]) for x in listed] == [(str(first.id), 62.0), (str(second.id), 62.0)]
    breaches.assess(first.id, outcome=b.BREACH_RISK, note=NOTE, actor="cli")
    breaches.report(first.id, reference=REFERENCE, actor="cli")
    with sessions() as s:
        assert [x["breach_id"] for x in views.open_breaches(s, clock.now())] == [str(second.id)]


def test_reminder_claims_are_exactly_once(breaches, sessions, clock):
    view, _ = _register(breaches)
    before = timedelta(hours=12)
    assert [(v.id, k) for v, k in breaches.reminders_due(before_deadline=before)] == [(view.id, DISCOVERY)]
    # Two senders race for the claim: one wins
    assert breaches.claim_reminder(view.id, DISCOVERY, expected=None)
    assert not breaches.claim_reminder(view.id, DISCOVERY, expected=None)
    started = breaches.reminder_claim(view.id, DISCOVERY)
    assert started == clock.now()
    assert breaches.confirm_reminder(view.id, DISCOVERY, dedup_key="a" * 64)
    assert not breaches.confirm_reminder(view.id, DISCOVERY, dedup_key="a" * 64)
    assert breaches.reminders_due(before_deadline=before) == []
    clock.advance(timedelta(hours=60))
    assert [(v.id, k) for v, k in breaches.reminders_due(before_deadline=before)] == [(view.id, DEADLINE)]
    assert breaches.claim_reminder(view.id, DEADLINE, expected=None)
    assert breaches.confirm_reminder(view.id, DEADLINE, dedup_key="b" * 64)
    assert breaches.reminders_due(before_deadline=before) == []
    kinds = [(e.action, e.detail["stage"]) for e in _events(sessions)[1:]]
    assert kinds == [(actions.BREACH_NOTIFIED, DISCOVERY), (actions.BREACH_REMINDER, DEADLINE)]


def test_no_deadline_reminder_once_assessed_as_no_breach(breaches, clock):
    view, _ = _register(breaches)
    breaches.claim_reminder(view.id, DISCOVERY, expected=None)
    breaches.confirm_reminder(view.id, DISCOVERY, dedup_key="a" * 64)
    breaches.assess(view.id, outcome=b.NO_BREACH, note=NOTE, actor="cli")
    clock.advance(timedelta(hours=70))
    assert breaches.reminders_due(before_deadline=timedelta(hours=12)) == []


def test_the_console_overview_drops_a_breach_assessed_as_no_breach(breaches, sessions, clock):
    view, _ = _register(breaches)
    breaches.assess(view.id, outcome=b.NO_BREACH, note=NOTE, actor="cli")
    with sessions() as s:
        assert views.open_breaches(s, clock.now()) == []
    breaches.assess(view.id, outcome=b.BREACH_HIGH_RISK, note=NOTE, actor="cli")  # revised: the clock runs again
    with sessions() as s:
        assert [x["breach_id"] for x in views.open_breaches(s, clock.now())] == [str(view.id)]
