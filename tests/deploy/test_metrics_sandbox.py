"""Metrics after a sweep of the sandbox tenant with the real detector: the series agree with what the sandbox saw."""

from __future__ import annotations

import asyncio
import urllib.request

import orjson
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from hygiene.app import App
from hygiene.db import upgrade
from hygiene.metrics import Metrics, database_checks, start_metrics_server, token_check
from hygiene.sandbox import demo_tenant, serve
from hygiene.scheduler import run_once
from hygiene.settings import Settings


def _samples(body: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(body):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def test_metrics_after_a_sandbox_sweep_match_the_sandbox(tmp_path) -> None:
    # Given the demo tenant (real detector), one throttled delta request, and a worker observed by Metrics
    tenant = demo_tenant(seed=3, users=4, messages_per_user=8)
    tenant.faults.add(429, route="messages.delta", retry_after=0, times=1)
    db_url = f"sqlite:///{tmp_path / 'hygiene.db'}"
    upgrade(db_url)
    metrics = Metrics()
    with serve(tenant) as sandbox:
        settings = Settings(
            graph={"base_url": sandbox.base_url},
            auth={"method": "static_token", "token": SecretStr("sandbox")},
            scope={"mode": "all", "initial_lookback_days": 0},
            actions={"mode": "enforce"},
            notice={"enabled": False},
            detection={"ocr_enabled": False},
            records={"backend": "folder", "folder": {"path": tmp_path / "records"}},
            database={"url": db_url},
            security={"hmac_key": SecretStr("k")},
        )
        app = App.from_settings(settings, metrics=metrics)

        # When it sweeps once and the endpoints are asked
        async def go():
            try:
                stats = await run_once(app)
                checks = [
                    *database_checks(app.engine),
                    token_check(app.gateway.client.tokens, asyncio.get_running_loop()),
                ]
                server = start_metrics_server(metrics, host="127.0.0.1", port=0, checks=checks)
                try:
                    metrics_body, ready = await asyncio.gather(
                        asyncio.to_thread(lambda: urllib.request.urlopen(f"{server.base_url}/metrics").read()),
                        asyncio.to_thread(lambda: urllib.request.urlopen(f"{server.base_url}/readyz").read()),
                    )
                finally:
                    server.stop()
                return stats, metrics_body.decode(), orjson.loads(ready)
            finally:
                await app.aclose()

        stats, body, ready = asyncio.run(go())

    # Then the series say what happened, and agree with the sandbox's own counters
    assert ready["ready"] is True
    series = _samples(body)

    def value(name: str, **labels: str) -> float:
        return series.get((name, tuple(sorted(labels.items()))), 0.0)

    assert value("hygiene_messages_total", action="scanned", category="", mode="enforce") == stats.messages > 0
    purged = sum(len(tenant.purged(u)) for u in list(tenant.users.values()))
    assert stats.purged == purged > 0
    by_category = {
        labels: v
        for (name, labels), v in series.items()
        if name == "hygiene_messages_total" and ("action", "purged") in labels
    }
    assert sum(by_category.values()) >= purged  # a message with two categories counts under both
    assert sum(value("hygiene_backlog", state=s) for s in ("done",)) == purged
    for route, status in [
        ("messages.delta", 200),
        ("messages.delta", 429),
        ("mailFolders.get", 200),
        ("users.list", 200),
    ]:
        assert value("hygiene_graph_requests_total", route=route, status=str(status)) == tenant.count(
            route, status
        ), route
    assert value("hygiene_graph_requests_total", route="messages.permanentDelete", status="204") == purged
    assert value("hygiene_graph_throttle_wait_seconds_total") > 0
    assert value("hygiene_sweep_duration_seconds_count") == 1
    assert value("hygiene_mailboxes", status="ok") == len(tenant.users)
    assert value("hygiene_errors_total", kind="graph") == 0
