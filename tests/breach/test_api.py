"""The breach register through the audit HTTP API: auth, paging, one entry with history, OpenAPI conformance."""

from __future__ import annotations

from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from pydantic import SecretStr
from starlette.testclient import TestClient

from hygiene.api import openapi
from hygiene.api.app import build_api
from hygiene.domain import breach as b
from hygiene.settings import load_settings

TOKEN = "breach-api-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NOTE = "Sendt til feil lege"


def _candidate() -> b.Candidate:
    found = b.assess_message(
        sensitive=True,
        encrypted=False,
        own_mail=False,
        recipients=b.Recipients.from_headers(["a@gmail.example, b@gmail.example"], ["c@kommune.no"]),
        organisation_domains=("kommune.no",),
        many_recipients_threshold=2,
    )
    assert found is not None
    return found


@pytest.fixture
def filled(breaches, clock):
    """Three entries: a candidate, one reported, one of another mailbox assessed as no breach."""
    ids = []
    for n, mailbox in enumerate(("kari@kommune.no", "kari@kommune.no", "ola@kommune.no")):
        view, _ = breaches.register(
            mailbox=mailbox,
            message_key=breaches.message_key(mailbox, f"<{n}@kommune.no>"),
            candidate=_candidate(),
            categories=["health"],
            counts={"health": 3},
        )
        ids.append(view.id)
        clock.advance(timedelta(hours=1))
    breaches.assess(ids[1], outcome=b.BREACH_RISK, note=NOTE, actor="cli:po")
    breaches.report(ids[1], reference="DT-7", actor="cli:po")
    breaches.assess(ids[2], outcome=b.NO_BREACH, note=NOTE, actor="cli:po")
    return ids


@pytest.fixture
def api(sessions, clock, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    settings = load_settings(audit={"api_token": SecretStr(TOKEN)})
    return build_api(settings, sessions, clock=clock)


@pytest.fixture
def client(api):
    with TestClient(api) as c:
        yield c


def test_the_register_needs_the_token(client, filled):
    for path in ("/api/v1/breaches", f"/api/v1/breaches/{filled[0]}"):
        response = client.get(path)
        assert response.status_code == 401
        assert "authentication required" in response.json()["error"]


def test_list_pages_by_id_and_filters_by_state(client, filled):
    page = client.get("/api/v1/breaches", params={"limit": 2}, headers=AUTH).json()
    assert [i["id"] for i in page["items"]] == filled[:2]
    assert page["next_cursor"] == filled[1]
    rest = client.get("/api/v1/breaches", params={"cursor": page["next_cursor"]}, headers=AUTH).json()
    assert [i["id"] for i in rest["items"]] == filled[2:]
    assert rest["next_cursor"] is None
    reported = client.get("/api/v1/breaches", params={"state": "reported"}, headers=AUTH).json()["items"]
    assert [(i["id"], i["reference"], i["hours_left"]) for i in reported] == [(filled[1], "DT-7", None)]
    first = page["items"][0]
    assert first["hours_left"] == 69.0  # discovered three hours before the clock's now
    assert first["reasons"] == ["external_recipient", "exposed_addresses"]
    assert first["recipient_domains"] == {"gmail.example": 2, "kommune.no": 1}


def test_a_bad_state_is_a_400_naming_the_parameter(client, filled):
    response = client.get("/api/v1/breaches", params={"state": "open"}, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["error"] == "parameter 'state': one of candidate, assessed, reported, closed"


def test_one_entry_with_its_audited_history(client, filled):
    doc = client.get(f"/api/v1/breaches/{filled[1]}", headers=AUTH).json()
    assert doc["breach"]["state"] == "reported"
    assert doc["breach"]["note"] == NOTE
    assert [e["action"] for e in doc["events"]] == ["breach_detected", "breach_assessed", "breach_reported"]
    assert all(e["detail"]["breach_id"] == filled[1] for e in doc["events"])
    assert client.get("/api/v1/breaches/999999", headers=AUTH).status_code == 404
    assert client.get("/api/v1/breaches/abc", headers=AUTH).status_code == 400


def test_the_openapi_enums_match_the_domain():
    assert openapi.BREACH_STATES == b.STATES
    assert openapi.BREACH_OUTCOMES == b.OUTCOMES


def test_the_breach_routes_conform_to_the_openapi_document(api, filled):
    # Given the served document, when schemathesis generates requests for the two breach operations,
    # then no response is a server error or violates the document, and each refuses requests without auth.
    schema = schemathesis.from_asgi("/openapi.json", api)
    operations = [r.ok() for r in schema.get_all_operations() if "/breaches" in r.ok().path]
    assert sorted(o.path for o in operations) == ["/api/v1/breaches", "/api/v1/breaches/{breach_id}"]
    for operation in operations:

        @given(case=operation.as_strategy())
        @hsettings(
            max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            case.call_and_validate(headers=AUTH, checks=schemathesis.checks.ALL_CHECKS)

        check()
