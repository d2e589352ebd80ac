"""`hygiene breach list | show | assess | report | close` on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import orjson
import pytest
from typer.testing import CliRunner

from hygiene.adapters.store.breaches import BreachStore
from hygiene.cli import app
from hygiene.clock import SystemClock
from hygiene.domain import audit as actions
from hygiene.domain import breach as b
from tests.breach.support import breach_events

NOTE = "Feil mottakar; e-posten er sletta hos mottakar"


@pytest.fixture
def run(breach_db_url, tmp_path, monkeypatch):
    """Run ``hygiene`` against the test database; returns the click Result."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    monkeypatch.setenv("HYGIENE_DATABASE__URL", breach_db_url)
    monkeypatch.setenv("HYGIENE_SECURITY__HMAC_KEY", "cli-test-key")
    monkeypatch.setenv("COLUMNS", "200")  # usage errors are drawn in a box as wide as the terminal
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def register(sessions):
    """Add a candidate discovered ``hours_ago`` hours ago; returns its id."""
    store = BreachStore(sessions, SystemClock(), hmac_key=b"cli-test-key")
    n = iter(range(1000))

    def add(hours_ago: float = 0.0) -> int:
        clock = SystemClock()
        store.clock = type("Past", (), {"now": lambda self: clock.now() - timedelta(hours=hours_ago)})()
        candidate = b.assess_message(
            sensitive=True,
            encrypted=False,
            own_mail=False,
            recipients=b.Recipients.from_headers(["lege@klinikk.example"]),
            organisation_domains=("kommune.no",),
            many_recipients_threshold=10,
        )
        assert candidate is not None
        view, _ = store.register(
            mailbox="kari@kommune.no",
            message_key=store.message_key("kari@kommune.no", f"<{next(n)}@x>"),
            candidate=candidate,
            categories=["health", "national_id"],
            counts={"health": 2, "national_id": 1},
        )
        return view.id

    return add


def test_list_shows_the_register_with_hours_left(run, register):
    old = register(hours_ago=80)
    new = register(hours_ago=2)
    result = run("breach", "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["ID", "STATE", "OUTCOME", "MAILBOX"]
    assert lines[1].startswith(f"{old} ")
    assert "OVERDUE" in lines[1]
    assert lines[2].startswith(f"{new} ")
    assert "70.0 h" in lines[2]
    assert "health,national_id" in lines[2]
    assert lines[-1] == "(2 entries)"


def test_the_whole_routine_from_the_command_line(run, register, sessions):
    bid = register()
    out = run("breach", "assess", str(bid), "--outcome", "breach_high_risk", "--note", NOTE)
    assert out.exit_code == 0, out.output
    assert f"breach {bid}: assessed as breach_high_risk" in out.output
    assert "inform the persons concerned" in out.output
    out = run("breach", "report", str(bid), "--reference", "DT 26/01234-1")
    assert out.exit_code == 0, out.output
    assert "reported (in time)" in out.output
    shown = run("breach", "show", str(bid))
    assert "reference:          DT 26/01234-1" in shown.output
    assert NOTE in shown.output
    assert "next steps:         close" in shown.output
    assert run("breach", "close", str(bid)).exit_code == 0
    doc = orjson.loads(run("breach", "show", str(bid), "--format", "json").output)
    assert (doc["state"], doc["outcome"], doc["hours_left"]) == ("closed", "breach_high_risk", None)
    assert doc["recipient_domains"] == {"klinikk.example": 1}
    assert [e.action for e in breach_events(sessions)] == [
        actions.BREACH_DETECTED,
        actions.BREACH_ASSESSED,
        actions.BREACH_REPORTED,
        actions.BREACH_CLOSED,
    ]
    assert {e.actor for e in breach_events(sessions)[1:]} == {e.actor for e in breach_events(sessions)[1:2]}
    assert breach_events(sessions)[1].actor.startswith("cli")


def test_list_filters_by_state_and_prints_json(run, register):
    first, second = register(), register()
    run("breach", "assess", str(first), "--outcome", "no_breach", "--note", NOTE)
    items = orjson.loads(run("breach", "list", "--state", "candidate", "--format", "json").output)
    assert [i["id"] for i in items] == [second]
    assert items[0]["allowed_steps"] == ["assess"]
    assert orjson.loads(run("breach", "list", "--state", "closed", "--format", "json").output) == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("breach", "show", "abc"), "Invalid value for 'ID': Input should be a valid integer"),
        (("breach", "show", "0"), "Input should be greater than or equal to 1"),
        (("breach", "assess", "1", "--outcome", "maybe", "--note", "x"), "'maybe' is not one of"),
        (("breach", "assess", "1", "--outcome", "no_breach"), "Missing option '--note'"),
        (("breach", "assess", "1", "--outcome", "no_breach", "--note", "  "), "give the reason"),
        (("breach", "report", "1", "--reference", ""), "give the authority's reference"),
        (("breach", "list", "--state", "open"), "'open' is not one of"),
    ],
)
def test_usage_errors_exit_2(run, register, args, says):
    register()
    result = run(*args)
    assert result.exit_code == 2
    assert says in " ".join(result.output.replace("│", " ").split())


def test_unknown_ids_and_refused_steps_exit_1_with_a_clear_message(run, register, sessions):
    bid = register()
    result = run("breach", "show", "999")
    assert result.exit_code == 1
    assert "no breach with id 999" in result.output
    result = run("breach", "close", str(bid))
    assert result.exit_code == 1
    assert "cannot close a breach that is candidate: allowed now: assess" in result.output
    run("breach", "assess", str(bid), "--outcome", "breach_risk", "--note", NOTE)
    result = run("breach", "close", str(bid))
    assert result.exit_code == 1
    assert "must be reported to the authority first" in result.output
    assert [e.action for e in breach_events(sessions)] == [actions.BREACH_DETECTED, actions.BREACH_ASSESSED]


def test_a_late_report_says_so(run, register):
    bid = register(hours_ago=75)
    run("breach", "assess", str(bid), "--outcome", "breach_risk", "--note", NOTE)
    result = run("breach", "report", str(bid), "--reference", "DT-1")
    assert "after the 72-hour deadline" in result.output


def test_a_database_not_yet_upgraded_is_named_with_the_fix(db_url, tmp_path, monkeypatch):
    from hygiene import db

    db.upgrade(db_url, "0001")  # before the breach register
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    monkeypatch.setenv("HYGIENE_DATABASE__URL", db_url)
    result = CliRunner().invoke(app, ["breach", "list"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "run `hygiene db upgrade`" in result.output
