"""Benchmark: filtered, keyset-paged audit queries and chain verification over a large audit log.

Fills a fresh database with N audit events (default one million) forming a valid hash chain (bulk insert), then
measures in one run:

* the latency of one filtered page (50 rows, newest first) for each filter of `hygiene audit query`,
* a full scan of the table (a count over an unindexed column) and the ratio full scan / page,
* the monthly report (grouped in the database) and the console's overview (last 30 days),
* verify throughput (rows/s) of `hygiene audit verify`.

Runs on SQLite (a temporary file) and on PostgreSQL when 127.0.0.1:5432 answers (a throw-away database).

    python bench/audit_query.py [--rows 1000000] [--no-pg] [--no-sqlite]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hygiene.adapters.store import audit as store
from hygiene.adapters.store import views
from hygiene.adapters.store.models import AuditEventRow, AuditHeadRow, Base
from hygiene.domain.audit import GENESIS_HASH, AuditEvent, AuditFilter, categories_to_column

PG_ADMIN_URL = os.environ.get("HYGIENE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
T0 = datetime(2026, 1, 1, tzinfo=UTC)
ACTIONS = (
    ["detected"] * 30
    + ["archived"] * 20
    + ["deleted"] * 20
    + ["notice_sent"] * 12
    + ["notice_suppressed"] * 4
    + ["skipped"] * 10
    + ["error"] * 2
    + ["flagged"] * 2
)
CATEGORIES = ["national_id", "health", "bank_account", "payment_card", "passport", "ethnicity", "union"]
COLUMNS = (
    "id",
    "ts",
    "action",
    "case_id",
    "mailbox",
    "sender_domain",
    "categories",
    "actor",
    "detail",
    "prev_hash",
    "hash",
)


def generate(n: int, seed: int = 1) -> list[tuple]:
    """N events with a valid chain, spread over a year, 2000 mailboxes and 300 sender domains."""
    rng = random.Random(seed)
    mailboxes = [f"user{i:04d}@kommune.example" for i in range(2000)]
    domains = [f"domain{i:03d}.example" for i in range(300)]
    step = timedelta(days=365) / n
    prev = GENESIS_HASH
    rows = []
    for i in range(n):
        action = rng.choice(ACTIONS)
        cats = tuple(sorted(rng.sample(CATEGORIES, rng.choice((1, 1, 1, 2))))) if action != "error" else ()
        detail: dict = {}
        if action == "detected":
            detail = {"counts": {c: rng.randint(1, 3) for c in cats}, "confidence": 0.9}
        elif action == "error":
            detail = {"error_class": rng.choice(["RecordsError", "ThrottledError", "AccessDeniedError"])}
        elif action in ("skipped", "notice_suppressed"):
            detail = {"reason": rng.choice(["encrypted", "auto_reply", "opted_out"])}
        ev = AuditEvent(
            ts=T0 + step * i,
            action=action,
            prev_hash=prev,
            case_id=i // 4 + 1,
            mailbox=rng.choice(mailboxes),
            sender_domain=rng.choice(domains),
            categories=cats,
            actor="worker",
            detail=detail,
        )
        digest = ev.hash()
        rows.append(
            (
                i + 1,
                ev.ts,
                action,
                ev.case_id,
                ev.mailbox,
                ev.sender_domain,
                categories_to_column(cats),
                "worker",
                detail,
                prev,
                digest,
            )
        )
        prev = digest
    return rows


def load_sqlite(engine: Engine, rows: list[tuple]) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.executemany(
            f"INSERT INTO audit_events ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
            (
                (r[0], r[1].strftime("%Y-%m-%d %H:%M:%S.%f"), *r[2:8], orjson.dumps(r[8]).decode(), r[9], r[10])
                for r in rows
            ),
        )
        raw.commit()
    finally:
        raw.close()


def load_postgresql(engine: Engine, rows: list[tuple]) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        with cur.copy(f"COPY audit_events ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row((*r[:8], orjson.dumps(r[8]).decode(), r[9], r[10]))
        cur.execute("SELECT setval(pg_get_serial_sequence('audit_events', 'id'), %s)", (len(rows),))
        raw.commit()
        cur.execute("ANALYZE audit_events")
        raw.commit()
    finally:
        raw.close()


def timed(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of ``fn`` in seconds (one warm-up run first)."""
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run(name: str, engine: Engine, rows: list[tuple], load: Callable[[Engine, list[tuple]], None]) -> None:
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    start = time.perf_counter()
    load(engine, rows)
    load_s = time.perf_counter() - start
    sessions = sessionmaker(engine, expire_on_commit=False)
    with sessions() as s:
        s.add(AuditHeadRow(id=1, last_hash=rows[-1][10], last_event_id=len(rows), seq=0))
        s.commit()
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    n = len(rows)
    print(f"\n== {name}: {n} events, bulk insert {load_s:.1f} s ({n / load_s:,.0f} rows/s)")

    mid = T0 + timedelta(days=180)
    filters = {
        "mailbox": AuditFilter(mailbox="user0042@kommune.example"),
        "sender-domain": AuditFilter(sender_domain="domain007.example"),
        "action=error": AuditFilter(action="error"),
        "case": AuditFilter(case_id=n // 8),
        "category=union": AuditFilter(category="union"),
        "since/until (1 day)": AuditFilter(since=mid, until=mid + timedelta(days=1)),
        "mailbox+action": AuditFilter(mailbox="user0042@kommune.example", action="deleted"),
        "mailbox+category": AuditFilter(mailbox="user0042@kommune.example", category="health"),
        "none (latest page)": AuditFilter(),
    }
    with sessions() as s:

        def full_scan() -> int:
            return s.execute(select(func.count()).where(AuditEventRow.actor == "nobody")).scalar_one()

        scan = timed(full_scan, repeat=3)
        print(f"full scan (count over an unindexed column): {scan * 1000:8.1f} ms")
        worst = 0.0
        for label, flt in filters.items():
            page = timed(lambda flt=flt: store.query(s, flt, limit=50))
            second = store.query(s, flt, limit=50)
            nxt = (
                timed(lambda flt=flt, c=second.next_cursor: store.query(s, flt, limit=50, cursor=c))
                if second.next_cursor
                else page
            )
            worst = max(worst, page, nxt)
            print(
                f"page of 50, {label:22s}: {page * 1000:8.2f} ms (next page {nxt * 1000:7.2f} ms), "
                f"full scan / page = {scan / page:8.1f}x"
            )
        print(f"slowest filtered page: {worst * 1000:.1f} ms; full scan / slowest page = {scan / worst:.1f}x")
        since, until = store.month_bounds("2026-06")
        rep = timed(lambda: store.report(s, since, until), repeat=2)
        print(f"monthly report (2026-06, ~{n // 12} events): {rep * 1000:.0f} ms")
        end = T0 + timedelta(days=365)
        ov = timed(lambda: views.overview(s, end, days=30), repeat=3)
        print(f"console overview (30 days, ~{n * 30 // 365} events): {ov * 1000:.0f} ms")
        start = time.perf_counter()
        result = store.verify(s)
        verify_s = time.perf_counter() - start
        assert result.ok, result.broken
        assert result.checked == n
        print(f"verify: {n} events in {verify_s:.1f} s = {n / verify_s:,.0f} rows/s; chain intact")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--no-sqlite", action="store_true", help="skip SQLite")
    args = parser.parse_args()
    start = time.perf_counter()
    rows = generate(args.rows)
    gen_s = time.perf_counter() - start
    print(f"generated {args.rows} chained events in {gen_s:.1f} s ({args.rows / gen_s:,.0f} hashes/s)")
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            engine = create_engine(f"sqlite:///{tmp}/bench.db")
            run("SQLite", engine, rows, load_sqlite)
            engine.dispose()
    if not args.no_pg:
        try:
            admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 2})
            with admin.connect() as conn:
                conn.execute(text("select 1"))
        except Exception as exc:
            print(f"\nPostgreSQL skipped: not reachable ({type(exc).__name__})")
            return
        name = f"hygiene_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            engine = create_engine(PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}")
            run("PostgreSQL", engine, rows, load_postgresql)
            engine.dispose()
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
