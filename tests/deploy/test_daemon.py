"""`hygiene run` as a process: it serves metrics, probes and the audit API, and stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import orjson
import pytest

from tests.deploy.test_metrics import _migrate
from tests.worker.fakegraph import FakeGraph, serve_http
from tests.worker.pipeline_support import clean

# The daemon builds the real detector (no test double in a child process).
if not hasattr(pytest.importorskip("hygiene.domain.detect"), "load_rules"):
    pytest.skip("the detector engine (hygiene.domain.detect.load_rules) is not installed", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]
KARI = "kari@contoso.example"
# How long the worker may take to stop after SIGTERM: the chart's terminationGracePeriodSeconds (60) minus margin.
STOP_WITHIN_S = 30


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except OSError:
        return 0, b""


def _wait_for(predicate, what: str, proc: subprocess.Popen, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            output = proc.stdout.read().decode()[-3000:] if proc.stdout else ""
            raise AssertionError(f"hygiene run exited ({proc.returncode}) while waiting for {what}:\n{output}")
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_run_serves_metrics_probes_and_api_and_stops_on_sigterm(tmp_path) -> None:
    # Given a tenant with two messages and a daemon configuration with metrics and the audit API on
    g = FakeGraph()
    g.add_user(KARI)
    g.deliver(KARI, clean(1))
    g.deliver(KARI, clean(2))
    db_url = f"sqlite:///{tmp_path / 'hygiene.db'}"
    _migrate(db_url)
    token_file = tmp_path / "api-token"
    token_file.write_text("audit-token-123\n")
    token_file.chmod(0o600)
    metrics_port, api_port = _free_port(), _free_port()
    with serve_http(g) as base:
        config = tmp_path / "settings.toml"
        config.write_text(
            f"""
[graph]
base_url = "{base}"
[auth]
method = "static_token"
token = "sandbox"
[scope]
mode = "all"
initial_lookback_days = 0
[actions]
mode = "enforce"
[notice]
enabled = false
[records]
backend = "folder"
[records.folder]
path = "{tmp_path / "records"}"
[database]
url = "{db_url}"
[security]
hmac_key = "test-key"
[metrics]
enabled = true
host = "127.0.0.1"
port = {metrics_port}
[audit]
api_enabled = true
api_host = "127.0.0.1"
api_port = {api_port}
api_token_file = "{token_file}"
"""
        )
        config.chmod(0o600)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("HYGIENE_CONFIG", None)
        proc = subprocess.Popen(
            [sys.executable, "-m", "hygiene", "--config", str(config), "run"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        metrics_url = f"http://127.0.0.1:{metrics_port}"
        try:
            # When it has swept once
            _wait_for(lambda: _get(f"{metrics_url}/healthz")[0] == 200, "/healthz", proc)
            _wait_for(
                lambda: b'hygiene_messages_total{action="scanned",category="",mode="enforce"} 2.0'
                in _get(f"{metrics_url}/metrics")[1],
                "the first sweep's metrics",
                proc,
            )
            # Then the probes, the metrics and the audit API answer
            status, body = _get(f"{metrics_url}/readyz")
            assert status == 200, body
            assert orjson.loads(body)["ready"] is True
            status, body = _get(f"http://127.0.0.1:{api_port}/api/v1/mailboxes", token="audit-token-123")
            assert status == 200
            assert KARI in body.decode()
            assert _get(f"http://127.0.0.1:{api_port}/api/v1/mailboxes")[0] == 401
            # And SIGTERM stops it cleanly within the grace period
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=STOP_WITHIN_S) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            output = proc.stdout.read().decode() if proc.stdout else ""
    assert "Lunsj" not in output  # no subject in the log
