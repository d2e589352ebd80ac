"""The breach register's pure rules: transitions, the 72-hour deadline, reminders due, and the candidate rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hygiene.domain import breach as b

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
ORG = ("kommune.no",)


# --- transitions --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("state", "step", "outcome", "target"),
    [
        (b.CANDIDATE, b.ASSESS, None, b.ASSESSED),
        (b.ASSESSED, b.ASSESS, b.NO_BREACH, b.ASSESSED),  # revised before reporting
        (b.ASSESSED, b.REPORT, b.BREACH_RISK, b.REPORTED),
        (b.ASSESSED, b.REPORT, b.BREACH_HIGH_RISK, b.REPORTED),
        (b.ASSESSED, b.CLOSE, b.NO_BREACH, b.CLOSED),
        (b.REPORTED, b.CLOSE, b.BREACH_RISK, b.CLOSED),
    ],
)
def test_allowed_transitions(state, step, outcome, target):
    assert b.next_state(state, step, outcome=outcome) == target


@pytest.mark.parametrize(
    ("state", "step", "outcome", "says"),
    [
        (b.CANDIDATE, b.REPORT, None, "allowed now: assess"),
        (b.CANDIDATE, b.CLOSE, None, "allowed now: assess"),
        (b.ASSESSED, b.REPORT, b.NO_BREACH, "only a breach assessed as breach_risk"),
        (b.ASSESSED, b.CLOSE, b.BREACH_RISK, "must be reported to the authority first"),
        (b.ASSESSED, b.CLOSE, b.BREACH_HIGH_RISK, "must be reported to the authority first"),
        (b.REPORTED, b.ASSESS, b.BREACH_RISK, "allowed now: close"),
        (b.REPORTED, b.REPORT, b.BREACH_RISK, "allowed now: close"),
        (b.CLOSED, b.CLOSE, b.NO_BREACH, "the breach is closed"),
        (b.CLOSED, b.ASSESS, b.NO_BREACH, "the breach is closed"),
        ("bogus", b.ASSESS, None, "unknown state"),
    ],
)
def test_refused_transitions_name_the_state_the_step_and_the_way_out(state, step, outcome, says):
    with pytest.raises(b.IllegalBreachTransition) as err:
        b.next_state(state, step, outcome=outcome)
    assert err.value.state == state
    assert err.value.step == step
    assert f"cannot {step} a breach that is {state}" in str(err.value)
    assert says in str(err.value)


def test_every_table_entry_is_reachable_and_closed_is_final():
    assert {s for s, _ in b.TRANSITIONS} == {b.CANDIDATE, b.ASSESSED, b.REPORTED}
    assert b.allowed_steps(b.CLOSED, b.NO_BREACH) == []
    assert b.allowed_steps(b.CANDIDATE) == [b.ASSESS]
    assert b.allowed_steps(b.ASSESSED, b.BREACH_RISK) == [b.ASSESS, b.REPORT]
    assert b.allowed_steps(b.ASSESSED, b.NO_BREACH) == [b.ASSESS, b.CLOSE]


def test_bad_outcome_and_text_are_refused_without_echoing_them():
    with pytest.raises(b.BreachError, match="outcome must be one of no_breach, breach_risk, breach_high_risk"):
        b.check_outcome("maybe")
    with pytest.raises(b.BreachError, match="--note must not be empty"):
        b.clean_text(" \t\x00 ", name="--note", max_chars=10)
    with pytest.raises(b.BreachError, match="longer than 5") as err:
        b.clean_text("secret-value", name="--reference", max_chars=5)
    assert "secret" not in str(err.value)
    assert b.clean_text(" line one\nline\x07 two ", name="n", max_chars=50) == "line one\nline two"


# --- deadline -----------------------------------------------------------------------------------------------------
def test_the_deadline_is_72_hours_after_discovery_across_a_dst_change():
    # Discovered the evening before Norway leaves summer time (2026-10-25 01:00 UTC): 72 real hours, in UTC.
    found = datetime(2026, 10, 24, 18, 30, tzinfo=UTC)
    assert b.deadline_of(found) == datetime(2026, 10, 27, 18, 30, tzinfo=UTC)
    assert b.hours_left(b.deadline_of(T0), T0) == 72.0
    assert b.hours_left(b.deadline_of(T0), T0 + timedelta(hours=73, minutes=30)) == -1.5
    with pytest.raises(ValueError, match="timezone-aware"):
        b.deadline_of(datetime(2026, 11, 2, 8, 0))


def test_the_clock_stops_when_reported_closed_or_assessed_as_no_breach():
    assert b.deadline_applies(b.CANDIDATE, None)
    assert b.deadline_applies(b.ASSESSED, b.BREACH_HIGH_RISK)
    assert not b.deadline_applies(b.ASSESSED, b.NO_BREACH)
    assert not b.deadline_applies(b.REPORTED, b.BREACH_RISK)
    assert not b.deadline_applies(b.CLOSED, b.NO_BREACH)


def test_the_deadline_reminder_is_due_from_the_configured_hours_before_the_deadline():
    deadline = b.deadline_of(T0)
    before = timedelta(hours=12)
    due = dict(state=b.CANDIDATE, outcome=None, deadline=deadline, before=before)
    assert not b.deadline_reminder_due(**due, now=T0 + timedelta(hours=59, minutes=59))
    assert b.deadline_reminder_due(**due, now=T0 + timedelta(hours=60))
    assert b.deadline_reminder_due(**due, now=T0 + timedelta(hours=80))  # overdue: still reminded
    assert not b.deadline_reminder_due(**{**due, "state": b.REPORTED}, now=T0 + timedelta(hours=61))


# --- candidate rule -----------------------------------------------------------------------------------------------
def _check(*, to=(), cc=(), bcc=(), sensitive=True, encrypted=False, own=False, threshold=3):
    return b.assess_message(
        sensitive=sensitive,
        encrypted=encrypted,
        own_mail=own,
        recipients=b.Recipients.from_headers(to, cc, bcc),
        organisation_domains=ORG,
        many_recipients_threshold=threshold,
    )


def test_sensitive_mail_to_an_external_domain_is_a_candidate():
    found = _check(to=["Kari <kari@kommune.no>, Lege <lege@klinikk.example>"])
    assert found is not None
    assert found.reasons == (b.REASON_EXTERNAL,)
    assert (found.recipients, found.external_recipients) == (2, 1)
    assert found.recipient_domains == {"klinikk.example": 1, "kommune.no": 1}


def test_many_external_addresses_in_to_and_cc_are_exposed_addresses():
    to = [", ".join(f"p{i}@gmail.example" for i in range(2))]
    found = _check(to=to, cc=["p9@outlook.example"])
    assert found is not None
    assert found.reasons == (b.REASON_EXTERNAL, b.REASON_EXPOSED)
    assert found.exposed_external == 3


def test_external_addresses_in_bcc_are_not_exposed():
    found = _check(to=["kari@kommune.no"], bcc=[", ".join(f"p{i}@gmail.example" for i in range(5))])
    assert found is not None
    assert found.reasons == (b.REASON_EXTERNAL,)
    assert found.external_recipients == 5
    assert found.exposed_external == 0


@pytest.mark.parametrize(
    "case",
    [
        dict(to=["kari@kommune.no", "ola@skole.kommune.no"]),  # internal only (subdomains are internal)
        dict(to=["lege@klinikk.example"], sensitive=False),  # nothing sensitive
        dict(to=["lege@klinikk.example"], encrypted=True),  # encrypted
        dict(to=["lege@klinikk.example"], own=True),  # hygiene's own notice or reminder
        dict(to=["undisclosed-recipients:;"]),  # no address at all
    ],
)
def test_not_candidates(case):
    assert _check(**case) is None


def test_a_lookalike_domain_is_external_and_addresses_are_compared_case_insensitively():
    assert _check(to=["x@evilkommune.no"]) is not None
    assert _check(to=["X@KOMMUNE.NO"]) is None
    assert b.normalise_domains([" @Kommune.NO. ", ""]) == ("kommune.no",)
    assert b.Recipients.from_headers(["A@X.no, a@x.no"]).to == ("a@x.no",)
