"""Soak the worker against the faulty sandbox (tests/hardening/soak.py) for N minutes and print what held.

Run: ``python bench/soak.py --minutes 10 [--db postgresql+psycopg://postgres@127.0.0.1:5432/postgres] [--users 20]``

With a PostgreSQL admin URL a throw-away database is created (and dropped afterwards) and the worker's connections
to it are killed twice mid-sweep; with none, SQLite in a temporary directory (no database outage). Prints the report
as JSON (sweeps, failures by type, faults fired, requests by route and status, records, notices, audit events) and
exits 1 when an invariant broke.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text

from tests.hardening.soak import SoakConfig, run_soak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--db", help="PostgreSQL admin URL (a database is created on it); default SQLite")
    parser.add_argument("--users", type=int, default=12)
    parser.add_argument("--messages-per-user", type=int, default=40)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--outage-sweeps", type=int, default=5, help="sweeps the records backend stays down (max)")
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    args = parser.parse_args()

    from hygiene.domain.classify import Classifier
    from hygiene.domain.detect import load_rules
    from hygiene.domain.extract import Limits

    classifier = Classifier(load_rules(), limits=Limits())
    config = SoakConfig(
        duration_s=args.minutes * 60,
        users=args.users,
        messages_per_user=args.messages_per_user,
        seed=args.seed,
        corpus_dir=args.corpus if args.corpus.is_dir() else None,
        db_kills=(0.3, 0.55, 0.8),
        records_outage_sweeps=args.outage_sweeps,
    )
    with tempfile.TemporaryDirectory(prefix="hygiene-soak-") as tmp:
        workdir = Path(tmp)
        if args.db:
            name = f"hygiene_soak_{uuid.uuid4().hex[:8]}"
            admin = create_engine(args.db, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            db_url = args.db.rsplit("/", 1)[0] + f"/{name}"
        else:
            db_url = f"sqlite:///{workdir / 'soak.db'}"
        try:
            report = run_soak(config, db_url=db_url, workdir=workdir, classifier=classifier)
        finally:
            if args.db:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    print(json.dumps(report.as_dict(), indent=2, default=str))
    sys.exit(1 if report.violations else 0)


if __name__ == "__main__":
    main()
