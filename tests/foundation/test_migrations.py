"""The schema is owned by the Alembic migrations: they build it from nothing, tear it down, and match the models."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from hygiene import db
from hygiene.adapters.store.models import Base
from hygiene.errors import SchemaMismatchError

TABLES = set(Base.metadata.tables)


def _tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_upgrade_from_empty_to_head_then_downgrade_to_base(db_url: str) -> None:
    engine = db.make_engine(db_url)
    try:
        # Given an empty database
        assert db.current(engine) is None
        assert _tables(engine) == set()
        # When it is migrated to head, it holds every table of the models and is at head
        db.upgrade(engine)
        assert db.current(engine) == db.head()
        assert _tables(engine) == TABLES
        db.check_schema(engine)  # does not raise
        # Upgrading again is a no-op
        db.upgrade(engine)
        assert db.current(engine) == db.head()
        # When it is migrated back to base, no table is left
        db.downgrade(engine, "base")
        assert db.current(engine) is None
        assert _tables(engine) == set()
    finally:
        engine.dispose()


def test_models_and_migrations_agree(migrated_db) -> None:
    """Whoever changes models.py adds a revision: autogenerate finds nothing left to migrate."""
    engine, _ = migrated_db
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_migrations_have_a_single_head() -> None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(db.alembic_config()).get_heads()
    assert heads == [db.head()]


def test_check_schema_refuses_an_unmigrated_database(db_url: str) -> None:
    engine = db.make_engine(db_url)
    try:
        with pytest.raises(SchemaMismatchError, match="hygiene db upgrade") as err:
            db.check_schema(engine)
        assert err.value.current is None
    finally:
        engine.dispose()


def test_check_schema_refuses_a_newer_database(migrated_db) -> None:
    """A database migrated by a newer hygiene (a revision this version does not know) is refused, not touched."""
    engine, _ = migrated_db
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    with pytest.raises(SchemaMismatchError, match="upgrade hygiene if the database is newer") as err:
        db.check_schema(engine)
    assert err.value.current == "ffffffffffff"
    with pytest.raises(SchemaMismatchError):
        db.upgrade(engine)
    assert _tables(engine) == TABLES


@pytest.mark.postgres
def test_concurrent_upgrades_take_turns(pg_url: str) -> None:
    """Replicas starting together may all run `hygiene db upgrade`: one migrates, the others find it done."""
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import empty_database

    empty_database(pg_url)
    root = Path(__file__).resolve().parents[2]
    code = "import sys; from hygiene import db; db.upgrade(sys.argv[1])"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, pg_url], cwd=root, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    engine = db.make_engine(pg_url)
    try:
        assert db.current(engine) == db.head()
        assert _tables(engine) == TABLES
    finally:
        engine.dispose()


def test_compare_metadata_sees_a_model_change(migrated_db) -> None:
    """The models-vs-migrations check can fail: a column the migrations do not have is reported."""
    from sqlalchemy import Column, Integer, MetaData

    engine, _ = migrated_db
    changed = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["mailboxes"].append_column(Column("new_counter", Integer))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), changed)
    assert [(d[0], d[3].name) for d in diff] == [("add_column", "new_counter")]
