"""The console over a real `hygiene demo` run, in headless Chromium: what a first-time user sees after
``hygiene demo --console``. The overview's screenshot is saved to ``test-artifacts/console-overview-demo.png``;
the README's picture (``docs/console-overview.png``) is a copy of it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from hygiene.demo import run_demo, serve_console
from tests.audit.test_console_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"Chromium is not installed at {CHROMIUM}: apt-get install -y chromium")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    workdir = tmp_path_factory.mktemp("demo")
    stats = run_demo(directory=workdir, users=12, messages=25, echo=lambda _line: None)
    server, token = serve_console(workdir)
    try:
        yield stats, server.base_url, token
    finally:
        server.stop()


def test_the_demo_console_shows_what_the_sweep_did(demo):
    from playwright.sync_api import sync_playwright

    stats, base, token = demo
    assert stats.sensitive > 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(base_url=base, viewport={"width": 1280, "height": 900})
            page.set_default_timeout(10_000)
            page.goto("/console/?lang=en")
            assert "/console/login" in page.url  # nothing without signing in
            page.get_by_label("Access token").fill(token)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(re.compile(re.escape(base) + r"/console/(\?.*)?$"))
            assert int(page.locator("#detected-total").inner_text()) == stats.sensitive
            assert int(page.locator("#in-scope").inner_text()) == stats.mailboxes
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "console-overview-demo.png"), full_page=True)
            page.get_by_role("link", name="Cases and events").click()
            assert page.locator("#events tbody tr").count() > 0
        finally:
            browser.close()
