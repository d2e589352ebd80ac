"""Crash safety with real processes: a worker killed with SIGKILL at each state transition, then restarted.

The fake Graph is served over real HTTP on 127.0.0.1; the worker runs as a child process that kills itself at the
chosen step. After a restart nothing is lost (the message is purged, its case done) and nothing is duplicated
(one record, one archived/deleted/purged event).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from hygiene.adapters.store import audit
from hygiene.adapters.store.models import AuditEventRow, MessageCaseRow
from hygiene.domain import audit as actions
from hygiene.domain import states
from tests.conftest import migrated_url
from tests.worker.fakegraph import FakeGraph, serve_http
from tests.worker.pipeline_support import clean, records_in, sensitive

ROOT = Path(__file__).resolve().parents[2]
KARI = "kari@contoso.example"


def _run(base: str, db_url: str, tmp_path: Path, step: str, phase: str) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("HYGIENE_CONFIG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "tests.worker.crash_worker", base, db_url, str(tmp_path), step, phase],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return proc.returncode


@pytest.mark.parametrize(
    ("step", "phase"),
    [
        (states.FLAGGED, "before"),
        (states.FLAGGED, "after"),
        (states.ARCHIVED, "before"),
        (states.ARCHIVED, "after"),
        (states.DELETED, "after"),
        (states.PURGED, "before"),
        (states.PURGED, "after"),
        (states.DONE, "before"),
    ],
)
def test_sigkill_at_each_transition_then_restart(tmp_path, step: str, phase: str) -> None:
    db_url = f"sqlite:///{tmp_path / 'hygiene.db'}"
    eng = create_engine(migrated_url(db_url))
    g = FakeGraph()
    g.add_user(KARI)
    bad = g.deliver(KARI, sensitive(1))
    g.deliver(KARI, clean(1))
    with serve_http(g) as base:
        assert _run(base, db_url, tmp_path, step, phase) == -signal.SIGKILL
        assert g.purged[KARI] in ([], [bad])
        assert _run(base, db_url, tmp_path, "-", "-") == 0  # restart: the dead worker's lease is reclaimed
    assert g.purged[KARI] == [bad]
    assert len(records_in(tmp_path)) == 1
    with eng.connect() as conn:
        [case_state] = conn.execute(select(MessageCaseRow.state)).scalars().all()
        seen = conn.execute(select(AuditEventRow.action)).scalars().all()
    assert case_state == states.DONE
    for action in (actions.DETECTED, actions.FLAGGED, actions.ARCHIVED, actions.DELETED, actions.PURGED):
        assert seen.count(action) == 1, (action, seen)
    from sqlalchemy.orm import Session

    with Session(eng) as s:
        assert audit.verify(s).ok
    eng.dispose()
