"""Alembic environment of hygiene: the schema is `hygiene.adapters.store.models.Base.metadata`.

`hygiene.db` runs this with an engine in ``config.attributes["engine"]``. Run from a checkout with the ``alembic``
command (``alembic.ini`` at the top level), the database is ``[database] url`` of hygiene's settings
(``HYGIENE_DATABASE__URL`` or the settings file). New revision after a models.py change:
``HYGIENE_DATABASE__URL=sqlite:///scratch.db alembic upgrade head && alembic revision --autogenerate -m "what"``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, text

from hygiene.adapters.store.models import Base

config = context.config
MIGRATION_LOCK_KEY = 0x4879_6769_6462  # "Hygidb": the advisory lock held while migrating PostgreSQL
target_metadata = Base.metadata


def _options() -> dict[str, object]:
    # Batch mode: SQLite cannot ALTER most things, so migrations recreate the table there ("move and copy").
    return {"target_metadata": target_metadata, "render_as_batch": True, "compare_type": True}


def _engine() -> tuple[Engine, bool]:
    engine = config.attributes.get("engine")
    if engine is not None:
        return engine, False
    from hygiene.db import make_engine

    url = config.get_main_option("sqlalchemy.url")
    if not url:
        from hygiene.settings import load_settings

        url = load_settings().database.url
    return make_engine(url), True


def run_offline() -> None:
    """Emit SQL for ``alembic upgrade --sql`` instead of running it."""
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        from hygiene.settings import load_settings

        url = load_settings().database.url
    context.configure(url=url, literal_binds=True, **_options())
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Run the migrations on a connection of hygiene's engine."""
    engine, own = _engine()
    try:
        with engine.connect() as connection:
            context.configure(connection=connection, **_options())
            with context.begin_transaction():
                if connection.dialect.name == "postgresql":
                    # Replicas (or Helm hooks) upgrading at the same time take turns; the lock ends with the
                    # transaction, and the next one then finds the database at head.
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
                context.run_migrations()
    finally:
        if own:
            engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
