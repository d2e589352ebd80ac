"""The console in a real browser: Debian's headless Chromium driven by Playwright, against a real server on loopback.

Sign-in is required, filters narrow the list, the CSV export matches the API, a case page shows its history, the
keyboard reaches everything; a screenshot of the overview is saved to ``test-artifacts/`` (or
``$HYGIENE_TEST_ARTIFACTS``). Skipped when Chromium is not installed, an error in CI (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import uvicorn
from pydantic import SecretStr
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from hygiene.adapters.store import audit as store
from hygiene.adapters.store.models import Base
from hygiene.api.app import build_api
from hygiene.clock import FakeClock
from hygiene.domain import audit
from hygiene.settings import load_settings
from tests.audit.conftest import fill_sample
from tests.audit.test_api import TOKEN, add_state

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("HYGIENE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
ARTIFACTS = Path(os.environ.get("HYGIENE_TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))


def _demo_events(sessions) -> None:
    """A month of plausible activity for the overview's charts (kinds and counts only)."""
    cats = ["national_id", "health", "bank_account", "national_id", "payment_card", "health", "national_id"]
    with sessions() as s:
        for day in range(29, -1, -1):
            start = NOW - timedelta(days=day, hours=6)
            store.append(s, action=audit.SWEEP_STARTED, ts=start, detail={"mailboxes": 2})
            for i in range((day * 7) % 5 + (2 if day % 7 not in (5, 6) else 0)):
                cat = cats[(day + i) % len(cats)]
                case_id = 1000 + day * 10 + i
                store.append(
                    s,
                    action=audit.DETECTED,
                    ts=start + timedelta(minutes=5 + i),
                    mailbox=["kari@kommune.no", "ola@kommune.no"][i % 2],
                    sender_domain="gmail.com",
                    case_id=case_id,
                    categories=[cat],
                    detail={"counts": {cat: 1}},
                )
            if day in (3, 11):
                store.append(
                    s,
                    action=audit.ERROR,
                    ts=start + timedelta(minutes=30),
                    mailbox="ola@kommune.no",
                    detail={"error_class": "ThrottledError", "stage": "delta"},
                )
            store.append(s, action=audit.SWEEP_FINISHED, ts=start + timedelta(minutes=40), detail={"messages": 40})
        s.commit()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """The audit API + console served by uvicorn on a free loopback port, over a sample database."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"Chromium is not installed at {CHROMIUM}: apt-get install -y chromium")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    tmp = tmp_path_factory.mktemp("console")
    engine = create_engine(f"sqlite:///{tmp / 'console.db'}")
    Base.metadata.create_all(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    fill_sample(sessions)
    add_state(sessions)
    _demo_events(sessions)
    cwd = Path.cwd()
    os.chdir(tmp)
    try:
        settings = load_settings(audit={"api_token": SecretStr(TOKEN)})
    finally:
        os.chdir(cwd)
    app = build_api(settings, sessions, clock=FakeClock(NOW))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield base
    srv.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, accept_downloads=True, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    context.close()


def sign_in(page, token: str = TOKEN) -> None:
    page.goto("/console/?lang=en")
    page.get_by_label("Access token").fill(token)
    page.get_by_role("button", name="Sign in").click()


def test_sign_in_is_required_and_a_wrong_token_is_refused(page, server):
    # Given no session, every page leads to the sign-in form
    for path in ["/console/", "/console/cases", "/console/cases/1", "/console/scope"]:
        page.goto(path)
        assert page.url.startswith(f"{server}/console/login")
    # When a wrong token is given, then the form says so and nothing is shown
    sign_in(page, "wrong")
    assert page.get_by_role("alert").inner_text() == "The token was not accepted."
    assert "kommune.no" not in page.content()
    # When the right token is given, then the overview opens and the cookie cannot be read by scripts
    sign_in(page)
    page.wait_for_url(re.compile(re.escape(server) + r"/console/(\?.*)?$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Overview"
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["hygiene_session"]["httpOnly"] is True
    assert cookies["hygiene_session"]["sameSite"] == "Strict"
    assert page.evaluate("document.cookie").find("hygiene_session") == -1


def test_overview_screenshot_and_charts(page):
    sign_in(page)
    page.wait_for_selector("#per-day-title", state="attached")
    assert page.locator("#in-scope").inner_text() == "1"
    assert int(page.locator("#detected-total").inner_text()) > 30
    assert page.locator("#errors-total").inner_text() == "3"  # two in the demo month, one in the sample
    assert page.locator("svg[role=img]").count() == 2
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "console-overview.png"), full_page=True)
    page.goto("/console/?lang=nb")
    assert page.get_by_role("heading", level=1).inner_text() == "Oversikt"
    page.screenshot(path=str(ARTIFACTS / "console-overview-nb.png"), full_page=True)
    assert (ARTIFACTS / "console-overview.png").stat().st_size > 10_000


def _rows(page) -> int:
    return page.locator("#events tbody tr").count()


def test_filters_narrow_the_list(page):
    sign_in(page)
    page.get_by_role("link", name="Cases and events").click()
    assert _rows(page) == 50  # a full first page, newest first
    assert page.locator("#next-page").count() == 1
    page.get_by_label("Mailbox").fill("ola@kommune.no")
    page.get_by_label("Action").select_option("error")
    page.get_by_role("button", name="Apply filters").click()
    assert _rows(page) == 3
    assert set(page.locator("#events tbody tr td:nth-child(3)").all_inner_texts()) == {"error"}
    page.get_by_label("Case").fill("3")
    page.get_by_role("button", name="Apply filters").click()
    assert _rows(page) == 1
    page.get_by_role("link", name="Reset").click()
    page.get_by_label("Category").fill("health")
    page.get_by_label("Until (exclusive)").fill("2026-11-30")
    page.get_by_role("button", name="Apply filters").click()
    cats = page.locator("#events tbody tr td:nth-child(6)").all_inner_texts()
    assert cats
    assert all("health" in c for c in cats)


def test_csv_export_matches_the_api(page, server):
    sign_in(page)
    page.goto("/console/cases?mailbox=kari@kommune.no&case=1&since=2026-11-01&until=2026-11-10")
    with page.expect_download() as info:
        page.locator("#csv-export").click()
    exported = Path(info.value.path()).read_bytes()
    api = httpx.get(
        f"{server}/api/v1/events.csv",
        params={"mailbox": "kari@kommune.no", "case": "1", "since": "2026-11-01", "until": "2026-11-10"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert api.status_code == 200
    assert exported == api.content
    assert exported.count(b"\r\n") == 5  # header + the four events of case 1


def test_case_page_shows_its_history_and_receipt(page):
    sign_in(page)
    page.goto("/console/cases?case=1")
    page.locator("#events tbody tr td:nth-child(7) a").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Case 1"
    assert page.locator("#case-state").inner_text() == "deleted"
    assert "b" * 64 in page.locator("#receipt").inner_text()
    actions = page.locator("#history tbody tr td:nth-child(3)").all_inner_texts()
    assert actions == ["detected", "archived", "deleted", "notice_sent"]


def test_keyboard_reaches_the_skip_link_navigation_and_filters(page):
    sign_in(page)
    page.goto("/console/cases")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    # Tabbing from the top reaches the filter form's first field and the submit button without a mouse
    page.goto("/console/cases")
    seen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()"))
    assert "f-since" in seen
    assert "f-action" in seen
    page.locator("#f-mailbox").focus()
    page.keyboard.type("kari@kommune.no")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*mailbox=kari%40kommune\.no.*"))


def test_scope_page(page):
    sign_in(page)
    page.get_by_role("link", name="Scope").click()
    assert "ola@kommune.no" in page.locator("#mailboxes").inner_text()
    page.get_by_label("Show").select_option("in")
    page.get_by_role("button", name="Apply filters").click()
    text = page.locator("#mailboxes").inner_text()
    assert "kari@kommune.no" in text
    assert "ola@kommune.no" not in text


def test_sign_out_ends_the_session(page, server):
    sign_in(page)
    page.get_by_role("button", name="Sign out").click()
    page.goto("/console/")
    assert page.url.startswith(f"{server}/console/login")


def test_chromium_binary_is_debians():
    assert shutil.which("chromium") or not os.environ.get("CI")
