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
