"""Benchmark: the cost of one /metrics scrape (the database gauges are read at scrape time) on a large database.

Fills a migrated database with M mailboxes and N cases (bulk insert, states spread like a long-running enforce
installation), then measures in one run the median time of a whole scrape (`generate_latest`: counters plus the
backlog, lag and mailbox queries) and of an idle registry (no database gauges), and their ratio. Prometheus scrapes
every 30 s by default, so the figure to compare is a scrape's time against that interval.

Runs on SQLite (a temporary file) and on PostgreSQL when 127.0.0.1:5432 answers (a throw-away database).

    python bench/metrics_scrape.py [--mailboxes 5000] [--cases 500000] [--no-pg]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from prometheus_client import generate_latest
from sqlalchemy import create_engine, insert, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hygiene.adapters.store.models import MailboxRow, MessageCaseRow
from hygiene.clock import SystemClock
from hygiene.db import make_engine, make_sessions, upgrade
from hygiene.domain import states
from hygiene.metrics import Metrics

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
# Case states of a long-running enforce installation: mostly done, 2% still on their way (or failed).
STATES = [states.DONE, states.OBSERVED, states.SKIPPED_ENCRYPTED, states.GONE, states.DETECTED, states.FLAGGED,
          states.ARCHIVED, states.DELETED, states.PURGED, states.FAILED]  # fmt: skip
WEIGHTS = [0.80, 0.08, 0.07, 0.03, 0.004, 0.004, 0.004, 0.004, 0.002, 0.002]


def fill(url: str, mailboxes: int, cases: int, rng: random.Random) -> None:
    upgrade(url)
    engine = make_engine(url)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(MailboxRow),
            [
                {
                    "user_id": str(uuid.UUID(int=rng.getrandbits(128))),
                    "upn": f"user{i}@example.org",
                    "in_scope": True,
                    "status": "ok" if i % 200 else "access_denied",
                    "last_swept_at": now - timedelta(seconds=rng.uniform(0, 600)),
                    "created_at": now - timedelta(days=400),
                    "updated_at": now,
                }
                for i in range(mailboxes)
            ],
        )
        ids = [r[0] for r in conn.execute(text("SELECT id FROM mailboxes"))]
        batch: list[dict] = []
        for n in range(cases):
            [state] = rng.choices(STATES, WEIGHTS)
            batch.append(
                {
                    "mailbox_id": rng.choice(ids),
                    "message_id": f"AAMk{n}",
                    "state": state,
                    "mode": "enforce",
                    "received_at": now - timedelta(days=rng.uniform(0, 365)),
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if len(batch) == 10_000:
                conn.execute(insert(MessageCaseRow), batch)
                batch.clear()
        if batch:
            conn.execute(insert(MessageCaseRow), batch)
    engine.dispose()


def median_ms(fn, runs: int = 15) -> float:
    fn()  # warm up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def measure(name: str, url: str, args: argparse.Namespace) -> None:
    t = time.perf_counter()
    fill(url, args.mailboxes, args.cases, random.Random(1))
    filled_s = time.perf_counter() - t
    engine = make_engine(url)
    bound = Metrics()
    bound.bind(make_sessions(engine), SystemClock(), mode="enforce")
    idle = Metrics()
    scrape = median_ms(lambda: generate_latest(bound.registry))
    bare = median_ms(lambda: generate_latest(idle.registry))
    body = generate_latest(bound.registry).decode()
    assert 'hygiene_backlog{state="done"}' in body
    print(
        f"{name}: {args.mailboxes} mailboxes, {args.cases} cases (filled in {filled_s:.0f} s): "
        f"scrape {scrape:.1f} ms median, without database gauges {bare:.2f} ms, ratio {scrape / bare:.0f}x; "
        f"{scrape / 30_000:.4%} of a 30 s scrape interval"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mailboxes", type=int, default=5000)
    parser.add_argument("--cases", type=int, default=500_000)
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        measure("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}", args)
    if args.no_pg:
        return
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 2})
    try:
        with admin.connect() as conn:
            name = f"hygiene_bench_{uuid.uuid4().hex[:8]}"
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        print(f"postgresql: skipped ({type(exc).__name__})")
        return
    try:
        measure("postgresql", PG_ADMIN.rsplit("/", 1)[0] + f"/{name}", args)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
