"""`hygiene demo --console`: the audit API and console over the demo's database, behind a one-time token."""

from __future__ import annotations

import httpx

from hygiene.demo import run_demo, serve_console


def test_the_demo_console_needs_its_token_and_serves_the_demo_audit_log(tmp_path):
    stats = run_demo(directory=tmp_path, users=3, messages=8, echo=lambda _line: None)
    server, token = serve_console(tmp_path)
    try:
        assert httpx.get(f"{server.base_url}/api/v1/events").status_code == 401
        wrong = httpx.get(f"{server.base_url}/api/v1/events", headers={"Authorization": "Bearer wrong"})
        assert wrong.status_code == 401
        ok = httpx.get(
            f"{server.base_url}/api/v1/events",
            params={"action": "detected", "limit": 500},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert ok.status_code == 200
        assert len(ok.json()["items"]) == stats.sensitive
    finally:
        server.stop()
    _, other = serve_console(tmp_path)
    assert other != token  # a fresh token per start
