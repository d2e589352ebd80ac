"""The read-only audit HTTP API: auth, filters, paging, case history, reports, verify, OpenAPI conformance."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import httpx
import orjson
import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from pydantic import SecretStr
from sqlalchemy import update
from starlette.testclient import TestClient

from hygiene.adapters.store.models import AuditEventRow, MailboxRow, MessageCaseRow
from hygiene.api.app import build_api
from hygiene.api.server import start_api
from hygiene.errors import ConfigError
from hygiene.settings import load_settings
from tests.audit.conftest import SAMPLE_T0, fill_sample

TOKEN = "s3cret-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def add_state(sessions) -> None:
    """Two mailboxes and the case rows the sample audit events refer to."""
    now = SAMPLE_T0
    with sessions() as s:
        s.add_all(
            [
                MailboxRow(id=1, user_id="u1", upn="kari@kommune.no", in_scope=True, created_at=now, updated_at=now),
                MailboxRow(
                    id=2,
                    user_id="u2",
                    upn="ola@kommune.no",
                    in_scope=False,
                    override="opt_out",
                    created_at=now,
                    updated_at=now,
                ),
            ]
        )
        s.flush()
        s.add(
            MessageCaseRow(
                id=1,
                mailbox_id=1,
                message_id="AAMk-1",
                state="deleted",
                mode="delete",
                categories=["health", "national_id"],
                counts={"no_fnr": 1, "health_term": 2},
                confidence=0.97,
                sender_domain="gmail.com",
                record_key="a" * 64,
                receipt={"backend": "folder", "record_key": "a" * 64, "sha256": "b" * 64},
                created_at=now,
                updated_at=now,
            )
        )
        s.commit()


@pytest.fixture
def api(sessions, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    fill_sample(sessions)
    add_state(sessions)
    settings = load_settings(audit={"api_token": SecretStr(TOKEN)})
    return build_api(settings, sessions)


@pytest.fixture
def client(api):
    with TestClient(api) as c:
        yield c


PROTECTED = [
    "/api/v1/events",
    "/api/v1/events.csv",
    "/api/v1/events/1",
    "/api/v1/cases/1",
    "/api/v1/reports/2026-11",
    "/api/v1/verify",
    "/api/v1/mailboxes",
]


@pytest.mark.parametrize("path", PROTECTED)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
        {"Cookie": "hygiene_session=1.2.3"},
    ],
    ids=["none", "wrong", "longer", "basic", "bare", "forged-cookie"],
)
def test_every_data_route_refuses_unauthenticated_and_wrongly_authenticated_requests(client, path, headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json() == {"error": "authentication required: send Authorization: Bearer <token>"}
    assert b"kommune" not in response.content


def test_health_and_openapi_need_no_token_and_hold_no_data(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert "/api/v1/events" in doc["paths"]


def test_build_api_refuses_to_run_without_a_token(sessions, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="audit.api_token"):
        build_api(load_settings(), sessions)


def _events(client, **params):
    response = client.get("/api/v1/events", params={"limit": 500, **params}, headers=AUTH)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_filters_match_the_cli(client):
    assert len(_events(client)) == 10
    assert {e["case_id"] for e in _events(client, mailbox="KARI@kommune.no")} == {1}
    assert {e["action"] for e in _events(client, sender_domain="outlook.com")} == {"detected", "notice_suppressed"}
    assert len(_events(client, category="health")) == 3
    assert [e["action"] for e in _events(client, case=3, order="asc")] == ["skipped", "error"]
    assert len(_events(client, action="error")) == 2
    assert len(_events(client, since="2026-11-03T00:00:00Z", until="2026-11-30")) == 4
    assert len(_events(client, since="2026-11-02T09:02:00+01:00", until="2026-11-02T08:04:00Z")) == 2
    assert _events(client, mailbox="ola@kommune.no", action="detected")[0]["case_id"] == 2


def test_keyset_pages_cover_every_event_once(client):
    seen, cursor = [], None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor is not None else {})
        page = client.get("/api/v1/events", params=params, headers=AUTH).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(seen, reverse=True)
    assert len(set(seen)) == 10


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"since": "yesterday"}, "since"),
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"cursor": "-1"}, "cursor"),
        ({"case": "x"}, "case"),
        ({"case": str(2**64)}, "case"),
        ({"order": "random"}, "order"),
        ({"category": "Health Data"}, "category"),
        ({"mailbox": "a\x00b"}, "mailbox"),
    ],
)
def test_malformed_parameters_are_a_400_naming_the_parameter(client, params, name):
    response = client.get("/api/v1/events", params=params, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["error"].startswith(f"parameter {name!r}")


def test_csv_export_has_every_matching_event(client):
    response = client.get("/api/v1/events.csv", params={"mailbox": "kari@kommune.no"}, headers=AUTH)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["action"] for r in rows] == ["detected", "archived", "deleted", "notice_sent"]
    json_ids = sorted(e["id"] for e in _events(client, mailbox="kari@kommune.no"))
    assert [int(r["id"]) for r in rows] == json_ids


def test_single_event_case_history_and_404s(client):
    first = _events(client, order="asc")[0]
    assert client.get(f"/api/v1/events/{first['id']}", headers=AUTH).json() == first
    assert client.get("/api/v1/events/999999", headers=AUTH).status_code == 404
    case = client.get("/api/v1/cases/1", headers=AUTH).json()
    assert case["case"]["state"] == "deleted"
    assert case["case"]["mailbox"] == "kari@kommune.no"
    assert case["case"]["receipt"]["sha256"] == "b" * 64
    assert [e["action"] for e in case["events"]] == ["detected", "archived", "deleted", "notice_sent"]
    only_events = client.get("/api/v1/cases/3", headers=AUTH).json()
    assert only_events["case"] is None
    assert len(only_events["events"]) == 2
    assert client.get("/api/v1/cases/424242", headers=AUTH).status_code == 404


def test_report_and_verify(client, sessions):
    rep = client.get("/api/v1/reports/2026-11", headers=AUTH).json()
    assert rep["total"] == 9
    assert rep["per_category"] == {"health": 1, "national_id": 2}
    assert rep["errors"]["by_kind"] == {"RecordsError": 1}
    assert client.get("/api/v1/reports/9999-12", headers=AUTH).status_code == 400
    assert client.get("/api/v1/verify", headers=AUTH).json()["ok"] is True
    with sessions() as s:
        s.execute(update(AuditEventRow).where(AuditEventRow.case_id == 2).values(actor="forger"))
        s.commit()
    status = client.get("/api/v1/verify", headers=AUTH).json()
    assert status["ok"] is False
    assert status["broken"]["kind"] == "edited"


def test_mailboxes_with_scope_filter(client):
    page = client.get("/api/v1/mailboxes", headers=AUTH).json()
    assert [m["upn"] for m in page["items"]] == ["kari@kommune.no", "ola@kommune.no"]
    out = client.get("/api/v1/mailboxes", params={"in_scope": "false"}, headers=AUTH).json()
    assert [(m["upn"], m["override"]) for m in out["items"]] == [("ola@kommune.no", "opt_out")]
    page1 = client.get("/api/v1/mailboxes", params={"limit": 1}, headers=AUTH).json()
    assert page1["next_cursor"] == 1


def test_responses_are_not_cached(client):
    response = client.get("/api/v1/events", headers=AUTH)
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_api_conforms_to_its_own_openapi_document(api):
    # Given the served OpenAPI document, when schemathesis generates requests for every operation,
    # then no response is a server error or violates the document (status, content type, headers, schema),
    # and an operation that needs auth refuses requests without it (the ignored_auth check).
    schema = schemathesis.from_asgi("/openapi.json", api)
    checks = schemathesis.checks.ALL_CHECKS
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @hsettings(
            max_examples=40,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(headers=AUTH, checks=checks)

        check()


def test_no_response_ever_carries_a_token(client):
    for path in PROTECTED:
        assert TOKEN.encode() not in client.get(path, headers=AUTH).content


def test_json_is_rendered_with_orjson_and_timestamps_in_utc(client):
    item = _events(client, order="asc")[0]
    assert item["ts"] == "2026-11-02T08:00:00.000000Z"
    assert datetime.fromisoformat(item["ts"].replace("Z", "+00:00")) == SAMPLE_T0
    assert orjson.loads(client.get("/api/v1/events", headers=AUTH).content)["next_cursor"] is None
    assert SAMPLE_T0 + timedelta(days=40) > datetime(2026, 12, 1, tzinfo=UTC)


def test_start_api_serves_in_a_background_thread_for_hygiene_run(sessions, tmp_path, monkeypatch):
    # Given the settings `hygiene run` has, when it starts the API next to the worker
    monkeypatch.chdir(tmp_path)
    fill_sample(sessions)
    settings = load_settings(audit={"api_token": SecretStr(TOKEN), "api_enabled": True})
    api = start_api(settings, sessions, port=0)
    try:
        # Then it answers on loopback with the token only, until stopped
        assert api.base_url.startswith("http://127.0.0.1:")
        assert httpx.get(f"{api.base_url}/api/v1/verify").status_code == 401
        assert httpx.get(f"{api.base_url}/api/v1/verify", headers=AUTH).json()["checked"] == 10
    finally:
        api.stop()
    assert not api.thread.is_alive()
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{api.base_url}/healthz", timeout=1)


def test_the_openapi_document_is_valid_openapi_3(client):
    from openapi_spec_validator import validate

    doc = client.get("/openapi.json").json()
    validate(doc)
    served = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    assert ("get", "get") not in served
    assert all(method == "get" for _, method in served)  # read-only
