"""The console's pages over HTTP (no browser): sign-in, cookie flags, filters, case page, scope, languages, CSP."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr
from starlette.testclient import TestClient

from hygiene.adapters.store import audit as store
from hygiene.api.app import build_api
from hygiene.api.auth import SESSION_COOKIE, TokenAuth
from hygiene.clock import FakeClock
from hygiene.domain import audit
from hygiene.settings import load_settings
from tests.audit.conftest import fill_sample
from tests.audit.test_api import TOKEN, add_state

NOW = datetime(2027, 3, 15, 12, 0, tzinfo=UTC)  # the sample's November 2026 events are outside the 30 days
PAGES = ["/console/", "/console/cases", "/console/cases/1", "/console/scope"]


@pytest.fixture
def client(sessions, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    fill_sample(sessions)
    add_state(sessions)
    now = NOW
    with sessions() as s:
        store.append(s, action=audit.SWEEP_FINISHED, ts=now - timedelta(hours=1), detail={"messages": 12})
        for days, cat in [(1, "health"), (2, "health"), (2, "national_id")]:
            store.append(
                s,
                action=audit.DETECTED,
                ts=now - timedelta(days=days),
                mailbox="kari@kommune.no",
                categories=[cat],
                case_id=50 + days,
            )
        store.append(s, action=audit.ERROR, ts=now - timedelta(days=1), detail={"error_class": "AccessDeniedError"})
        s.commit()
    app = build_api(load_settings(audit={"api_token": SecretStr(TOKEN)}), sessions, clock=FakeClock(NOW))
    with TestClient(app, base_url="http://testserver") as c:
        yield c


def sign_in(client) -> None:
    response = client.post("/console/login", data={"token": TOKEN, "next": "/console/"}, follow_redirects=False)
    assert response.status_code == 303


@pytest.mark.parametrize("path", PAGES)
def test_every_page_redirects_to_sign_in_without_a_session(client, path):
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/console/login?next=")
    assert "kommune" not in response.text


def test_sign_in_with_a_wrong_token_is_refused_and_sets_no_cookie(client):
    response = client.post("/console/login", data={"token": "nope"}, follow_redirects=False)
    assert response.status_code == 401
    assert SESSION_COOKIE not in response.headers.get("set-cookie", "")
    assert 'role="alert"' in response.text
    assert client.get("/console/", follow_redirects=False).status_code == 303


def test_sign_in_sets_an_httponly_samesite_strict_cookie_without_the_token(client):
    response = client.post("/console/login", data={"token": TOKEN, "next": "/console/scope"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/console/scope"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert TOKEN not in cookie
    for path in PAGES:
        assert client.get(path).status_code == 200, path
    # The session works for the API too (the console's CSV export link), and sign-out ends it.
    assert client.get("/api/v1/events").status_code == 200
    client.post("/console/logout", follow_redirects=False)
    client.cookies.clear()
    assert client.get("/console/", follow_redirects=False).status_code == 303


def test_sign_in_never_redirects_off_site(client):
    for target in ["https://evil.example/", "//evil.example/", "/\\evil.example"]:
        response = client.post("/console/login", data={"token": TOKEN, "next": target}, follow_redirects=False)
        assert response.headers["location"] == "/console/"


def test_session_cookies_are_signed_and_expire():
    auth = TokenAuth("t")
    value = auth.new_session(now=1000)
    assert auth.check_session(value, now=1001)
    assert not auth.check_session(value, now=1000 + auth.session_ttl_s + 1)
    expires, nonce, mac = value.split(".")
    assert not auth.check_session(f"{int(expires) + 9999}.{nonce}.{mac}", now=1001)
    assert not TokenAuth("other").check_session(value, now=1001)


def _event_rows(html: str) -> int:
    if 'id="events"' not in html:
        return 0
    body = html.split('id="events"', 1)[1].split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return body.count("<tr>")


def test_filters_narrow_the_list_and_the_csv_link_keeps_them(client):
    sign_in(client)
    everything = _event_rows(client.get("/console/cases").text)
    assert everything == 15
    html = client.get("/console/cases", params={"mailbox": "ola@kommune.no", "action": "error"}).text
    assert _event_rows(html) == 1
    assert 'href="/api/v1/events.csv?mailbox=ola%40kommune.no&amp;action=error"' in html
    assert 'value="ola@kommune.no"' in html
    assert _event_rows(client.get("/console/cases", params={"category": "health"}).text) == 5
    assert "no-events" in client.get("/console/cases", params={"mailbox": "none@kommune.no"}).text
    bad = client.get("/console/cases", params={"since": "last week"})
    assert bad.status_code == 400
    assert "since" in bad.text


def test_case_list_is_keyset_paged(client, sessions):
    with sessions() as s:
        for i in range(60):
            store.append(s, action=audit.FLAGGED, ts=datetime(2026, 11, 20, tzinfo=UTC), case_id=900 + i)
        s.commit()
    sign_in(client)
    first = client.get("/console/cases").text
    assert _event_rows(first) == 50
    next_link = re.search(r'href="(/console/cases\?cursor=\d+)" rel="next"', first).group(1)
    second = client.get(next_link).text
    assert _event_rows(second) == 25
    assert 'rel="next"' not in second


def test_case_page_shows_state_receipt_and_history_but_no_subject(client):
    sign_in(client)
    html = client.get("/console/cases/1").text
    assert 'id="case-state">deleted<' in html
    assert "b" * 64 in html  # the receipt's checksum
    history = html.split('id="history"', 1)[1]
    assert [a for a in ("detected", "archived", "deleted", "notice_sent") if a in history] == [
        "detected",
        "archived",
        "deleted",
        "notice_sent",
    ]
    assert client.get("/console/cases/424242").status_code == 404
    assert client.get("/console/cases/99999999999999999999999").status_code == 400


def test_overview_shows_sweep_scope_charts_and_errors(client):
    sign_in(client)
    html = client.get("/console/", params={"lang": "en"}).text
    assert 'id="in-scope">1<' in html
    assert 'id="detected-total">3<' in html
    assert "<svg" in html
    assert html.count("<rect") >= 30 + 2
    assert "AccessDeniedError" in html
    assert "finished: 12" in html


def test_scope_page_counts_and_filters(client):
    sign_in(client)
    html = client.get("/console/scope", params={"show": "out"}).text
    assert "ola@kommune.no" in html
    assert "kari@kommune.no" not in html.split('id="mailboxes"', 1)[1]


def test_ui_is_in_bokmal_by_default_and_english_on_request(client):
    sign_in(client)
    nb = client.get("/console/cases")
    assert '<html lang="nb">' in nb.text
    assert "Saker og revisjonshendelser" in nb.text
    en = client.get("/console/cases", params={"lang": "en"})
    assert '<html lang="en">' in en.text
    assert "Cases and audit events" in en.text
    assert '<html lang="en">' in client.get("/console/scope").text  # remembered
    assert '<html lang="en">' in client.get("/console/login", headers={"Accept-Language": "en-GB"}).text


def test_pages_send_a_strict_content_security_policy_and_no_script(client):
    sign_in(client)
    for path in PAGES:
        response = client.get(path)
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert "<script" not in response.text
        assert TOKEN not in response.text
    css = client.get("/console/static/console.css")
    assert css.headers["content-type"].startswith("text/css")


def test_every_form_control_has_a_label(client):
    sign_in(client)
    for path in ["/console/cases", "/console/scope", "/console/login"]:
        html = client.get(path).text
        ids = re.findall(r'<(?:input|select)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', html)
        controls = re.findall(r"<(?:input|select)(?![^>]*type=\"hidden\")[^>]*>", html)
        assert len(ids) == len(controls), path
        for control_id in ids:
            assert f'<label for="{control_id}">' in html, (path, control_id)


def test_overview_lists_open_breaches_by_deadline(client, sessions):
    # Given one breach reported, one open for 60 hours and one open for 2 hours
    with sessions() as s:
        for hours, breach_id in [(60, "b-old"), (2, "b-new"), (10, "b-done")]:
            store.append(
                s,
                action=audit.BREACH_DETECTED,
                ts=NOW - timedelta(hours=hours),
                mailbox="kari@kommune.no",
                detail={"breach_id": breach_id, "recipients": 3},
            )
        store.append(s, action=audit.BREACH_REPORTED, ts=NOW - timedelta(hours=1), detail={"breach_id": "b-done"})
        s.commit()
    sign_in(client)
    html = client.get("/console/", params={"lang": "en"}).text
    table = html.split('id="breaches"', 1)[1].split("</table>", 1)[0]
    # Then the open ones are listed, the nearest deadline first and marked urgent, the reported one is not
    assert table.index("b-old") < table.index("b-new")
    assert "b-done" not in table
    assert '<tr class="urgent">' in table
    assert ">12.0<" in table  # 72 - 60 hours left
    assert ">70.0<" in table


def test_every_ui_text_exists_in_bokmal_and_english():
    from hygiene.api.i18n import TEXTS

    assert set(TEXTS["nb"]) == set(TEXTS["en"])
    assert all(TEXTS["nb"][k] for k in TEXTS["nb"])


def test_every_text_key_used_by_a_template_exists():
    from pathlib import Path

    from hygiene.api.i18n import TEXTS

    templates = Path(__file__).resolve().parents[2] / "hygiene" / "api" / "templates"
    used = set()
    for path in templates.glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']""", path.read_text()))
    assert used
    assert used <= set(TEXTS["en"]), used - set(TEXTS["en"])


def _luminance(hex_color: str) -> float:
    if len(hex_color) == 4:
        hex_color = "#" + "".join(c * 2 for c in hex_color[1:])
    rgb = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_text_colours_meet_wcag_aa_contrast():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "hygiene" / "api" / "templates" / "console.css").read_text()
    # Every rule that sets both a text colour and a background, and every text colour on the white page
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        fg = re.search(r"(?<![-\w])color:\s*(#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b)", body)
        bg = re.search(r"background:\s*(#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b)", body)
        if fg:
            back = bg.group(1) if bg else "#ffffff"
            if selector.strip().startswith("header.top") and not bg:
                back = "#14325c"  # text inside the dark header bar
            assert _contrast(fg.group(1), back) >= 4.5, (selector.strip(), fg.group(1), back)


def test_scope_page_lists_opted_out_and_unreadable_mailboxes(client, sessions):
    from sqlalchemy import update

    from hygiene.adapters.store.models import MailboxRow

    with sessions() as s:
        s.execute(update(MailboxRow).where(MailboxRow.upn == "kari@kommune.no").values(status="access_denied"))
        s.commit()
    sign_in(client)

    def listed(show: str) -> list[str]:
        table = client.get("/console/scope", params={"show": show}).text.split('id="mailboxes"', 1)[1]
        return re.findall(r"<tr><td>([^<]+)</td>", table)

    assert listed("opt_out") == ["ola@kommune.no"]
    assert listed("opt_in") == []
    assert listed("unreadable") == ["kari@kommune.no"]
    assert listed("all") == ["kari@kommune.no", "ola@kommune.no"]
    assert listed("nonsense") == ["kari@kommune.no", "ola@kommune.no"]
