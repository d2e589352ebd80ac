"""Metrics and probes: the series a sweep produces, the HTTP endpoints, and readiness failures."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from datetime import timedelta

import orjson
import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from hygiene.app import App
from hygiene.clock import FakeClock
from hygiene.db import upgrade
from hygiene.errors import GraphError
from hygiene.metrics import Metrics, database_checks, error_kind, start_metrics_server, token_check
from hygiene.scheduler import run_once
from tests.worker.fakegraph import FakeGraph, Fault
from tests.worker.pipeline_support import FAST, SECRET, MarkerDetector, clean, sensitive, settings_for

KARI = "kari@contoso.example"
OLA = "ola@contoso.example"


def _migrate(url: str) -> None:
    upgrade(url)


def _app(tmp_path, graph: FakeGraph, metrics: Metrics, clock: FakeClock, **kw) -> App:
    url = f"sqlite:///{tmp_path / 'hygiene.db'}"
    _migrate(url)
    settings = settings_for(tmp_path, url, **kw)
    return App.from_settings(
        settings, clock=clock, transport=graph.transport, retry=FAST, classifier=MarkerDetector(), metrics=metrics
    )


def _tenant() -> FakeGraph:
    g = FakeGraph()
    for upn in (KARI, OLA):
        g.add_user(upn)
    g.deliver(KARI, sensitive(1))
    g.deliver(KARI, sensitive(2))
    g.deliver(KARI, clean(1))
    g.deliver(OLA, clean(2))
    return g


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_a_sweep_produces_the_documented_series(tmp_path) -> None:
    # Given a tenant with two sensitive and two clean messages, and one throttled delta request
    g = _tenant()
    g.faults.append(Fault("messages/delta", 429, times=1, retry_after=0))
    metrics = Metrics()
    app = _app(tmp_path, g, metrics, FakeClock())

    # When the worker sweeps once in enforce mode
    async def go():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    stats = asyncio.run(go())
    assert stats.ok

    # Then every documented series has the sweep's counts
    v = metrics.value
    assert v("hygiene_messages_total", action="scanned", category="", mode="enforce") == stats.messages == 4
    for action in ("detected", "flagged", "archived", "deleted", "purged"):
        assert v("hygiene_messages_total", action=action, category="health", mode="enforce") == 2, action
    assert v("hygiene_graph_requests_total", route="messages.delta", status="429") == 1
    assert v("hygiene_graph_requests_total", route="messages.permanentDelete", status="204") == 2
    assert v("hygiene_graph_throttle_wait_seconds_total") > 0
    assert v("hygiene_sweep_duration_seconds_count") == 1
    assert v("hygiene_backlog", state="done") == 2
    assert v("hygiene_backlog", state="failed") == 0
    assert v("hygiene_mailboxes", status="ok") == 2
    assert v("hygiene_sweep_lag_seconds") == 0  # FakeClock: both mailboxes swept "now", nothing left open
    assert v("hygiene_info", version=_version(), mode="enforce") == 1
    exposition = _exposition(metrics)
    assert SECRET not in exposition
    assert KARI not in exposition  # no address in any label


def _version() -> str:
    from hygiene.metrics import _version

    return _version()


def _exposition(metrics: Metrics) -> str:
    from prometheus_client import generate_latest

    return generate_latest(metrics.registry).decode()


def test_lag_grows_with_time_since_the_last_complete_sweep(tmp_path) -> None:
    g = _tenant()
    clock = FakeClock()
    metrics = Metrics()
    app = _app(tmp_path, g, metrics, clock, mode="observe")

    async def go():
        try:
            await run_once(app)
        finally:
            await app.gateway.aclose()

    asyncio.run(go())
    assert metrics.value("hygiene_sweep_lag_seconds") == 0
    clock.advance(timedelta(minutes=7))
    assert metrics.value("hygiene_sweep_lag_seconds") == 420
    assert metrics.value("hygiene_backlog", state="observed") == 2
    assert metrics.value("hygiene_messages_total", action="flagged", category="health", mode="observe") is None
    app.engine.dispose()


def test_failed_steps_and_unreachable_mailboxes_count_as_errors(tmp_path) -> None:
    g = _tenant()
    g.denied.add(OLA)
    g.faults.append(Fault("permanentDelete", 500, times=1))
    metrics = Metrics()
    app = _app(tmp_path, g, metrics, FakeClock())

    async def go():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    asyncio.run(go())
    assert metrics.value("hygiene_errors_total", kind="mailbox_access_denied") == 1
    assert metrics.value("hygiene_errors_total", kind="graph") == 1
    assert metrics.value("hygiene_graph_requests_total", route="messages.permanentDelete", status="500") == 1


def test_registries_are_isolated() -> None:
    a, b = Metrics(), Metrics(CollectorRegistry())
    a.graph_response("users.list", 200)
    assert a.value("hygiene_graph_requests_total", route="users.list", status="200") == 1
    assert b.value("hygiene_graph_requests_total", route="users.list", status="200") is None


@pytest.mark.parametrize(
    ("error", "kind"),
    [("ThrottledError", "throttled"), ("RecordMismatchError", "record_mismatch"), ("access_denied", "access_denied")],
)
def test_error_kinds_are_snake_case_class_names(error: str, kind: str) -> None:
    assert error_kind(error) == kind


def test_endpoints_serve_metrics_health_and_readiness(tmp_path) -> None:
    g = _tenant()
    metrics = Metrics()
    app = _app(tmp_path, g, metrics, FakeClock())

    async def go():
        try:
            await run_once(app)
            loop = asyncio.get_running_loop()
            checks = [*database_checks(app.engine), token_check(app.gateway.client.tokens, loop)]
            server = start_metrics_server(metrics, host="127.0.0.1", port=0, checks=checks)
            try:
                paths = ("/metrics", "/healthz", "/readyz", "/x")
                return await asyncio.gather(*(asyncio.to_thread(_get, f"{server.base_url}{p}") for p in paths))
            finally:
                server.stop()
        finally:
            await app.aclose()

    (m_status, body), (h_status, _), (r_status, ready), (x_status, _) = asyncio.run(go())
    assert (m_status, h_status, r_status, x_status) == (200, 200, 200, 404)
    families = {f.name: f for f in text_string_to_metric_families(body.decode())}
    for name in (
        "hygiene_messages",
        "hygiene_notices",
        "hygiene_graph_requests",
        "hygiene_graph_throttle_wait_seconds",
        "hygiene_sweep_duration_seconds",
        "hygiene_sweep_lag_seconds",
        "hygiene_backlog",
        "hygiene_mailboxes",
        "hygiene_errors",
    ):
        assert name in families, name
    purged = [s for s in families["hygiene_messages"].samples if s.labels.get("action") == "purged"]
    assert [(s.labels["category"], s.value) for s in purged] == [("health", 2.0)]
    assert orjson.loads(ready) == {"ready": True, "checks": {"database": "ok", "schema": "ok", "graph_token": "ok"}}


def test_readyz_fails_on_an_unmigrated_database_and_without_a_token(tmp_path) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")

    class NoToken:
        async def token(self) -> str:
            raise GraphError("sign-in to Entra ID failed (ClientAuthenticationError); check [tenant] and [auth]")

        async def close(self) -> None:
            pass

    async def go():
        checks = [*database_checks(engine), token_check(NoToken(), asyncio.get_running_loop())]
        server = start_metrics_server(Metrics(), host="127.0.0.1", port=0, checks=checks)
        try:
            return await asyncio.to_thread(_get, f"{server.base_url}/readyz")
        finally:
            server.stop()

    status, body = asyncio.run(go())
    engine.dispose()
    assert status == 503
    result = orjson.loads(body)
    assert result["ready"] is False
    assert result["checks"]["database"] == "ok"
    assert result["checks"]["schema"] != "ok"
    assert "hygiene db upgrade" in result["checks"]["schema"]
    assert result["checks"]["graph_token"].startswith("GraphError: sign-in to Entra ID failed")


def test_a_taken_port_is_a_clear_error() -> None:
    from hygiene.errors import HygieneError

    first = start_metrics_server(Metrics(), host="127.0.0.1", port=0)
    try:
        port = int(first.base_url.rsplit(":", 1)[1])
        with pytest.raises(HygieneError, match=r"\[metrics\] host and port"):
            start_metrics_server(Metrics(), host="127.0.0.1", port=port)
    finally:
        first.stop()


def test_a_sweep_that_crashes_counts_as_an_error(tmp_path) -> None:
    # Given a worker whose database loses its case table between the scope refresh and the sweep
    from sqlalchemy import text

    from hygiene.scheduler import Worker

    metrics = Metrics(CollectorRegistry())
    app = _app(tmp_path, _tenant(), metrics, FakeClock())

    async def go() -> None:
        worker = Worker(app)
        await worker.refresh_scope()
        with app.engine.begin() as conn:
            conn.execute(text("DROP TABLE message_cases"))
        try:
            await worker.sweep()
        finally:
            await app.aclose()

    # When the sweep runs, it fails as a whole ...
    with pytest.raises(Exception, match="message_cases") as crashed:
        asyncio.run(go())
    # ... and the failure is counted by its kind
    kind = f"sweep_{error_kind(crashed.value)}"
    assert kind == "sweep_operational"
    assert metrics.value("hygiene_errors_total", kind=kind) == 1
