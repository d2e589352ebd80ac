"""The database: engines for SQLite and PostgreSQL, sessions, and the Alembic migrations that define the schema.

The schema is owned by the migrations in ``migrations/`` (shipped inside the wheel as ``hygiene/migrations``), not
by ``Base.metadata.create_all``: the worker refuses a database that is not at this version's migration head
(`check_schema`), and ``hygiene db upgrade`` brings it there. Whoever changes `hygiene.adapters.store.models` adds a
revision (``tests/foundation/test_migrations.py`` fails while models and migrations differ).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from hygiene.errors import DatabaseError, SchemaMismatchError

if TYPE_CHECKING:
    from alembic.config import Config

    from hygiene.settings import Settings

SQLITE_BUSY_TIMEOUT_MS = 30_000


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cur.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across a process kill, fewer fsyncs
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.close()


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``: SQLite (WAL, synchronous=NORMAL, foreign keys on, busy timeout) or PostgreSQL.

    A bare ``postgresql://`` URL uses psycopg 3. Raises `DatabaseError` for a URL SQLAlchemy cannot parse or whose
    driver is not installed (the message never holds the password).
    """
    try:
        parsed = make_url(url)
    except SQLAlchemyError:
        raise DatabaseError(
            "[database] url is not a database URL; use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    kwargs: dict[str, Any] = {"echo": echo}
    if parsed.get_backend_name() == "postgresql":
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(parsed, **kwargs)
    except (SQLAlchemyError, ImportError) as exc:
        raise DatabaseError(f"[database] url {parsed.render_as_string(hide_password=True)}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """The session factory of ``engine`` (objects stay usable after commit)."""
    return sessionmaker(engine, expire_on_commit=False)


def migrations_dir() -> Path:
    """The Alembic script directory: ``hygiene/migrations`` in an installed wheel, ``migrations/`` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "migrations", here.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise DatabaseError(f"the Alembic migrations are missing (looked in {here / 'migrations'}); reinstall hygiene")


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic `Config` on the shipped migrations; with ``engine``, env.py runs on one of its connections."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


@cache
def head() -> str:
    """The migration head revision of this version of hygiene.

    Raises `DatabaseError` if the migrations have more than one head (two revisions with the same parent: merge
    them with ``alembic merge``).
    """
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        rev = ScriptDirectory.from_config(alembic_config()).get_current_head()
    except CommandError as exc:
        raise DatabaseError(f"the migrations are inconsistent: {exc}") from None
    if rev is None:
        raise DatabaseError("the migrations have no revision")
    return rev


def current(engine: Engine) -> str | None:
    """The revision the database of ``engine`` is at, or None when it was never migrated."""
    from alembic.runtime.migration import MigrationContext

    with _connect(engine) as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _connect(engine: Engine) -> Any:
    try:
        return engine.connect()
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise DatabaseError(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}"
            f" ({reason[0] if reason else type(exc).__name__}); check [database] url and that the server is running"
        ) from None


def _engine_of(engine_or_url: Engine | str) -> tuple[Engine, bool]:
    if isinstance(engine_or_url, Engine):
        return engine_or_url, False
    return make_engine(engine_or_url), True


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def known_revision(revision: str) -> bool:
    """Whether ``revision`` names a revision of the shipped migrations (or ``head`` / ``base``)."""
    return revision in ("head", "base") or _known(revision)


def _migrate(engine_or_url: Engine | str, revision: str, *, forward: bool) -> None:
    from alembic import command
    from alembic.util import CommandError

    engine, own = _engine_of(engine_or_url)
    try:
        now = current(engine)
        if now is not None and not _known(now):
            raise SchemaMismatchError(now, head())
        if forward and now is None:
            with _connect(engine) as conn:
                existing = set(inspect(conn).get_table_names()) & set(_model_tables())
            if existing:
                raise DatabaseError(
                    f"the database has hygiene tables ({', '.join(sorted(existing))}) but no migration revision: it "
                    "was created without migrations. Move it aside and run `hygiene db upgrade` on an empty one"
                )
        try:
            (command.upgrade if forward else command.downgrade)(alembic_config(engine), revision)
        except CommandError as exc:
            raise DatabaseError(f"cannot migrate to revision {revision!r}: {exc}") from None
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            raise DatabaseError(
                f"migrating to revision {revision!r} failed ({reason[0] if reason else type(exc).__name__}); "
                "the database is left at the last completed revision: see `hygiene db current`"
            ) from None
    finally:
        if own:
            engine.dispose()


def _model_tables() -> list[str]:
    from hygiene.adapters.store.models import Base

    return list(Base.metadata.tables)


def upgrade(engine_or_url: Engine | str, revision: str = "head") -> None:
    """Migrate the database forward to ``revision`` (default: head). Idempotent at head.

    Raises `SchemaMismatchError` if the database is at a revision this version does not know (a newer hygiene
    migrated it); `DatabaseError` if it cannot be reached, ``revision`` is unknown, a migration fails, or the
    database has hygiene's tables without a revision (made without migrations).
    """
    _migrate(engine_or_url, revision, forward=True)


def downgrade(engine_or_url: Engine | str, revision: str = "base") -> None:
    """Migrate the database back to ``revision`` (default: base, an empty schema). Drops data.

    Raises the errors of `upgrade`.
    """
    _migrate(engine_or_url, revision, forward=False)


def check_schema(engine: Engine) -> None:
    """Raise `SchemaMismatchError` unless the database is exactly at this version's migration head."""
    now = current(engine)
    expected = head()
    if now != expected:
        raise SchemaMismatchError(now, expected)


def open_database(settings: Settings, *, create: bool = False) -> tuple[Engine, sessionmaker[Session]]:
    """The engine and sessions of ``[database] url``, checked to be at the migration head.

    With ``create=True`` the database is migrated to head first (the demo and tests); otherwise a database that is
    not at head raises `SchemaMismatchError` naming ``hygiene db upgrade``.
    """
    engine = make_engine(settings.database.url, echo=settings.database.echo)
    try:
        if create:
            upgrade(engine)
        else:
            check_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine, make_sessions(engine)
