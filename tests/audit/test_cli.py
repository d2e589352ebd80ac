"""`hygiene audit verify|query|report|prune` on SQLite and PostgreSQL, every format."""

from __future__ import annotations

import csv
import io
import itertools
import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import orjson
import pytest
from sqlalchemy import delete, select, update
from typer.testing import CliRunner

from hygiene.adapters.store import audit as store
from hygiene.adapters.store.models import AuditEventRow
from hygiene.cli import app
from hygiene.errors import ConfigError, DatabaseError
from tests.audit.conftest import SAMPLE_T0, fill_sample


@pytest.fixture
def run(audit_db_url, tmp_path, monkeypatch):
    """Run ``hygiene`` with [database] url pointing at the test database; returns the click Result."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    monkeypatch.setenv("HYGIENE_DATABASE__URL", audit_db_url)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def sample(sessions):
    fill_sample(sessions)
    return sessions


def test_verify_reports_an_intact_chain(run, sample):
    result = run("audit", "verify")
    assert result.exit_code == 0, result.output
    assert "OK, 10 events checked" in result.output
    doc = orjson.loads(run("audit", "verify", "--format", "json").output)
    assert doc["ok"] is True
    assert doc["checked"] == 10
    assert doc["broken"] is None


def test_verify_exits_1_and_names_the_first_broken_link_for_an_edited_row(run, sample):
    with sample() as s:
        victim = s.execute(select(AuditEventRow.id).where(AuditEventRow.case_id == 2).limit(1)).scalar_one()
        s.execute(update(AuditEventRow).where(AuditEventRow.id == victim).values(mailbox="someone@else.no"))
        s.commit()
    result = run("audit", "verify")
    assert result.exit_code == 1
    assert f"BROKEN: event {victim} was changed" in result.output
    doc = orjson.loads(run("audit", "verify", "--format", "json").output)
    assert doc["broken"]["event_id"] == victim
    assert doc["broken"]["kind"] == "edited"


def test_verify_exits_1_for_a_deleted_row(run, sample):
    with sample() as s:
        ids = list(s.execute(select(AuditEventRow.id).order_by(AuditEventRow.id)).scalars())
        s.execute(delete(AuditEventRow).where(AuditEventRow.id == ids[4]))
        s.commit()
    result = run("audit", "verify")
    assert result.exit_code == 1
    assert f"event {ids[5]} does not follow the event before it" in result.output


def test_verify_on_an_empty_database_is_ok(run, sessions):
    result = run("audit", "verify")
    assert result.exit_code == 0
    assert "OK, 0 events checked" in result.output


def _json(run, *args):
    result = run("audit", "query", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return orjson.loads(result.output)


def test_query_json_filters(run, sample):
    assert len(_json(run)) == 10
    assert {e["case_id"] for e in _json(run, "--mailbox", "KARI@kommune.no")} == {1}
    assert {e["action"] for e in _json(run, "--sender-domain", "outlook.com")} == {"detected", "notice_suppressed"}
    assert [e["case_id"] for e in _json(run, "--category", "health")] == [1, 1, 1]
    assert len(_json(run, "--category", "national_id")) == 4
    assert [e["detail"]["error_class"] for e in _json(run, "--action", "error")] == ["RecordsError", "ThrottledError"]
    assert [e["action"] for e in _json(run, "--case", "3")] == ["skipped", "error"]
    since = (SAMPLE_T0 + timedelta(days=1)).date().isoformat()
    assert len(_json(run, "--since", since, "--until", "2026-11-30")) == 4
    assert len(_json(run, "--until", "2026-11-02T08:02:00Z")) == 2
    assert len(_json(run, "--since", "2026-11-02T09:02:00+01:00", "--until", "2026-11-02T08:04:00")) == 2
    both = _json(run, "--mailbox", "ola@kommune.no", "--action", "detected", "--category", "national_id")
    assert [e["case_id"] for e in both] == [2]


def test_query_json_order_limit_and_chain_fields(run, sample):
    events = _json(run)
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)
    assert all(b["prev_hash"] == a["hash"] for a, b in itertools.pairwise(events))
    newest = _json(run, "--newest-first", "--limit", "3")
    assert [e["id"] for e in newest] == [e["id"] for e in reversed(events)][:3]
    assert _json(run, "--mailbox", "nobody@kommune.no") == []


def test_query_csv_has_a_header_and_one_row_per_event(run, sample):
    result = run("audit", "query", "--format", "csv", "--mailbox", "kari@kommune.no")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["action"] for r in rows] == ["detected", "archived", "deleted", "notice_sent"]
    assert rows[0]["categories"] == "health;national_id"
    assert orjson.loads(rows[0]["detail"])["counts"] == {"health_term": 2, "no_fnr": 1}
    assert rows[0]["case_id"] == "1"
    assert len(rows[0]["hash"]) == 64


def test_query_table_for_people(run, sample):
    result = run("audit", "query", "--case", "1")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("ID ")
    assert "TIME (UTC)" in lines[0]
    assert "2026-11-02 08:01:00" in lines[1]
    assert "kari@kommune.no" in lines[1]
    assert "health,national_id" in lines[1]
    assert "counts=health_term:2,no_fnr:1" in lines[1]
    assert lines[-1] == "(4 events)"


def test_query_refuses_a_bad_date_with_a_usage_error(run, sessions):
    result = run("audit", "query", "--since", "last tuesday")
    assert result.exit_code == 2
    assert "--since" in result.output


def test_report_text_summarises_the_month(run, sample):
    result = run("audit", "report", "--month", "2026-11")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Period: 2026-11-01T00:00:00.000000Z to 2026-12-01T00:00:00.000000Z" in out
    assert "Events in period: 9" in out
    assert "Chain verification: intact" in out
    per_category = out.split("Per category (detected)")[1].split("\n\n")[0]
    assert "health" in per_category
    assert "national_id" in per_category
    assert "kari@kommune.no: archived 1, deleted 1, detected 1, notice_sent 1 (total 4)" in out
    assert "Errors (1)" in out
    assert "RecordsError" in out
    assert "ThrottledError" not in out  # that one is in December


def test_report_json_is_machine_readable(run, sample):
    result = run("audit", "report", "--month", "2026-11", "--format", "json")
    assert result.exit_code == 0
    doc = orjson.loads(result.output)
    assert doc["month"] == "2026-11"
    assert doc["total"] == 9
    assert doc["per_action"]["detected"] == 2
    assert doc["per_category"] == {"health": 1, "national_id": 2}
    assert doc["per_mailbox"]["ola@kommune.no"]["error"] == 1
    assert doc["errors"] == {"total": 1, "by_kind": {"RecordsError": 1}}
    assert doc["verify"]["ok"] is True
    assert run("audit", "report", "--month", "2026-12", "--format", "json", "--no-verify").exit_code == 0


def test_report_refuses_a_bad_month(run, sessions):
    result = run("audit", "report", "--month", "November")
    assert result.exit_code == 2
    assert "2026-11" in result.output


def test_prune_deletes_old_events_and_the_chain_still_verifies(run, sample):
    # Given events from early November 2026 and one in December, and a retention that ends between them
    days = (datetime.now(UTC) - (SAMPLE_T0 + timedelta(days=10))).days
    result = run("audit", "prune", "--older-than-days", str(days))
    assert result.exit_code == 0, result.output
    assert f"9 events older than {days} days deleted" in result.output
    # Then the December event and the audited pruning are left, and the chain is intact from its new anchor
    events = _json(run)
    assert [e["action"] for e in events] == ["error", "retention"]
    assert events[1]["detail"]["deleted"] == 9
    assert events[1]["detail"]["retention_days"] == days
    assert run("audit", "verify").exit_code == 0
    assert "no events older than" in run("audit", "prune", "--older-than-days", str(days)).output
    with sample() as s:
        assert store.verify(s).ok


def test_serve_refuses_to_start_without_a_token(run, sessions):
    with pytest.raises(ConfigError, match="audit.api_token"):
        run("audit", "serve")


def test_serve_answers_over_http_with_the_token_only(audit_db_url, sample, tmp_path):
    # Given `hygiene audit serve` running on a free loopback port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "HYGIENE_DATABASE__URL": audit_db_url,
        "HYGIENE_AUDIT__API_TOKEN": "serve-test-token",
        "HYGIENE_CONFIG": "",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "hygiene", "audit", "serve", "--port", str(port)],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                assert httpx.get(f"{base}/healthz", timeout=1).status_code == 200
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    why = proc.stderr.read().decode() if proc.poll() is not None else "timeout"
                    raise AssertionError(why) from None
                time.sleep(0.1)
        # Then data needs the token, and with it the events are served
        assert httpx.get(f"{base}/api/v1/events").status_code == 401
        page = httpx.get(f"{base}/api/v1/events", headers={"Authorization": "Bearer serve-test-token"}).json()
        assert len(page["items"]) == 10
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_database_without_the_schema_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    monkeypatch.setenv("HYGIENE_DATABASE__URL", f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(DatabaseError, match="no audit tables yet"):
        CliRunner().invoke(app, ["audit", "verify"], catch_exceptions=False)
    monkeypatch.setenv("HYGIENE_DATABASE__URL", "postgresql+psycopg://nobody:secret-pw@127.0.0.1:1/none")
    with pytest.raises(DatabaseError, match="cannot open the database") as info:
        CliRunner().invoke(app, ["audit", "query"], catch_exceptions=False)
    assert "secret-pw" not in str(info.value)
