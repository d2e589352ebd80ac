"""Two worker processes (two "pods") on one PostgreSQL database against the sandbox tenant.

They split the mailboxes between them as they sweep (one lease at a time), never work on one mailbox at the same
moment (the sandbox's per-mailbox peak of requests in flight stays at 1: a worker's requests for one mailbox are
sequential), and together stay within Graph's 4 concurrent requests per app (the sandbox answers 429 above that).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from hygiene.adapters.store import audit
from hygiene.adapters.store.models import AuditEventRow, MessageCaseRow
from hygiene.domain import audit as actions
from hygiene.sandbox import demo_tenant, serve
from tests.conftest import migrated_url

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
USERS = 12


def _config(tmp_path: Path, base_url: str, db_url: str) -> Path:
    config = tmp_path / "settings.toml"
    config.write_text(
        f"""
[graph]
base_url = "{base_url}"
max_concurrency = 4
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
[detection]
ocr_enabled = false
[records]
backend = "folder"
[records.folder]
path = "{tmp_path / "records"}"
[database]
url = "{db_url}"
[security]
hmac_key = "replica-test-key"
"""
    )
    config.chmod(0o600)
    return config


def test_two_workers_split_the_mailboxes_never_share_one_and_stay_within_four_requests(tmp_path, pg_url) -> None:
    # Given a sandbox tenant with 12 mailboxes (and the notice mailbox), a little latency on every request, and a
    # migrated PostgreSQL database
    db_url = migrated_url(pg_url)
    tenant = demo_tenant(seed=7, users=USERS, messages_per_user=6)
    tenant.faults.latency_s = 0.02
    # both workers resolve the scope first; hold that request until both are there, so their sweeps overlap
    gate = tenant.faults.hold(route="users.list")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYGIENE_")}
    env["PYTHONPATH"] = str(ROOT)
    with serve(tenant) as sandbox:
        config = _config(tmp_path, sandbox.base_url, db_url)
        cmd = [sys.executable, "-m", "hygiene", "--config", str(config), "run", "--once"]
        procs = [
            subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        try:
            deadline = time.monotonic() + 120
            while tenant.peak_concurrency.in_flight < 2:
                assert time.monotonic() < deadline, "the workers never asked for the scope"
                assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
                time.sleep(0.05)
            gate.set()
            # When both sweep once
            outputs = [p.communicate(timeout=300) for p in procs]
        finally:
            gate.set()
            for p in procs:
                if p.poll() is None:
                    p.kill()
                    p.wait()
    # Then both finished, and between them swept every mailbox once, each taking a share
    assert [p.returncode for p in procs] == [0, 0], outputs
    swept = [int(re.search(r"^\s+mailboxes\s+(\d+)$", out, re.M).group(1)) for out, _ in outputs]
    assert sum(swept) == USERS + 1
    assert min(swept) >= 1, swept
    # no mailbox had two requests in flight at once: never two workers on one mailbox
    assert set(tenant.peak_concurrency.per_mailbox.values()) == {1}
    # together within Graph's limit of 4 concurrent requests per app: the sandbox never had to refuse one
    assert tenant.peak_concurrency.overall <= 4
    assert tenant.count(status=429) == 0
    # every message acted on once: one case per purged message, one purge event each, and one unbroken audit chain
    engine = create_engine(db_url)
    try:
        with Session(engine) as s:
            purged_events = s.scalar(select(func.count()).where(AuditEventRow.action == actions.PURGED))
            detected = s.scalar(select(func.count()).where(AuditEventRow.action == actions.DETECTED))
            cases = s.scalar(select(func.count()).select_from(MessageCaseRow).where(MessageCaseRow.state == "done"))
            assert audit.verify(s).ok
    finally:
        engine.dispose()
    purged_in_sandbox = sum(len(tenant.purged(u)) for u in list(tenant.users.values()))
    assert purged_in_sandbox == purged_events == cases == detected
    assert purged_in_sandbox > 0
