"""Entra ID for the audit API (access tokens with an app role) and the console (OpenID Connect code + PKCE),
against a fake tenant on loopback."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import SecretStr
from starlette.testclient import TestClient

from hygiene.api.app import build_api
from hygiene.errors import ConfigError
from hygiene.settings import load_settings
from tests.audit.conftest import fill_sample
from tests.audit.fake_entra import ROLE, FakeEntra
from tests.audit.test_api import TOKEN


@pytest.fixture(scope="module")
def entra():
    fake = FakeEntra()
    server, thread = fake.serve()
    yield fake
    server.should_exit = True
    thread.join(timeout=10)


def _settings(entra: FakeEntra, *, token: str | None = TOKEN):
    audit = {
        "entra_tenant_id": entra.tenant_id,
        "entra_client_id": entra.client_id,
        "entra_client_secret": SecretStr(entra.client_secret),
        "entra_authority": entra.base_url,
    }
    if token:
        audit["api_token"] = SecretStr(token)
    return load_settings(audit=audit)


@pytest.fixture
def client(entra, sessions, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    entra.user_roles = [ROLE]
    fill_sample(sessions)
    with TestClient(build_api(_settings(entra, token=None), sessions), base_url="http://testserver") as c:
        yield c


def _get(client, token: str) -> int:
    return client.get("/api/v1/events", headers={"Authorization": f"Bearer {token}"}).status_code


def test_api_accepts_an_entra_access_token_with_the_role(client, entra):
    assert _get(client, entra.token()) == 200
    assert _get(client, entra.token(aud=f"api://{entra.client_id}")) == 200
    assert _get(client, entra.token(iss=f"https://sts.windows.net/{entra.tenant_id}/")) == 200  # v1 token


@pytest.mark.parametrize(
    "bad",
    [
        {"roles": []},
        {"roles": ["Something.Else"]},
        {"aud": "another-app"},
        {"iss": "https://login.microsoftonline.com/other-tenant/v2.0"},
        {"tid": "other-tenant"},
        {"expires_in_s": -3600},
    ],
    ids=["no-role", "other-role", "other-audience", "other-issuer", "other-tenant", "expired"],
)
def test_api_refuses_entra_tokens_that_are_not_for_it(client, entra, bad):
    assert _get(client, entra.token(**bad)) == 401


def test_api_refuses_forged_and_garbage_tokens(client, entra):
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    assert _get(client, entra.token(key=other_key)) == 401
    claims = jwt.decode(entra.token(), options={"verify_signature": False})
    assert _get(client, jwt.encode(claims, "secret", algorithm="HS256", headers={"kid": entra.kid})) == 401
    header = jwt.utils.base64url_encode(b'{"alg":"none","kid":"fake-key-1"}').decode()
    body = jwt.utils.base64url_encode(jwt.api_jws.json.dumps(claims).encode()).decode()
    assert _get(client, f"{header}.{body}.") == 401
    assert _get(client, "a.b.c") == 401
    assert _get(client, TOKEN) == 401  # no static token configured: only Entra


def _sign_in(client, entra) -> httpx.Response:
    start = client.get("/console/login/entra", params={"next": "/console/scope"}, follow_redirects=False)
    assert start.status_code == 303
    location = start.headers["location"]
    assert location.startswith(f"{entra.base_url}/{entra.tenant_id}/oauth2/v2.0/authorize?")
    assert "samesite=lax" in start.headers["set-cookie"].lower()
    back = httpx.get(location, follow_redirects=False)
    assert back.status_code == 302
    callback = urlsplit(back.headers["location"])
    assert callback.path == "/console/login/entra/callback"
    return client.get(f"{callback.path}?{callback.query}", follow_redirects=False)


def test_console_sign_in_with_entra_sets_a_session(client, entra):
    page = client.get("/console/login")
    assert 'id="entra-sign-in"' in page.text
    assert 'name="token"' not in page.text  # no static token configured: no token form
    response = _sign_in(client, entra)
    assert response.status_code == 200
    assert 'http-equiv="refresh" content="0; url=/console/scope"' in response.text
    assert "hygiene_session=" in response.headers["set-cookie"]
    assert client.get("/console/scope").status_code == 200
    assert client.get("/api/v1/verify").status_code == 200


def test_console_sign_in_without_the_role_is_refused(client, entra):
    entra.user_roles = []
    response = _sign_in(client, entra)
    assert response.status_code == 401
    assert "hygiene_session=" not in response.headers.get("set-cookie", "")
    assert client.get("/console/", follow_redirects=False).status_code == 303


def test_console_callback_checks_state_and_its_cookie(client, entra):
    start = client.get("/console/login/entra", follow_redirects=False)
    back = httpx.get(start.headers["location"], follow_redirects=False)
    query = parse_qs(urlsplit(back.headers["location"]).query)
    # A wrong state (login CSRF) is refused and does not spend the code
    before = entra.token_requests
    wrong = client.get("/console/login/entra/callback", params={"code": query["code"][0], "state": "forged"})
    assert wrong.status_code == 401
    assert entra.token_requests == before
    # Without the sign-in cookie (another browser) the callback is refused too
    client.cookies.clear()
    replay = client.get("/console/login/entra/callback", params={"code": query["code"][0], "state": query["state"][0]})
    assert replay.status_code == 401
    assert client.get("/console/", follow_redirects=False).status_code == 303


def test_token_and_entra_can_be_used_together(entra, sessions, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with TestClient(build_api(_settings(entra), sessions)) as c:
        assert _get(c, TOKEN) == 200
        assert _get(c, entra.token()) == 200
        page = c.get("/console/login").text
        assert 'name="token"' in page
        assert 'id="entra-sign-in"' in page


def test_entra_settings_need_tenant_and_client_together(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="entra_tenant_id and audit.entra_client_id"):
        load_settings(audit={"entra_tenant_id": "t"})
