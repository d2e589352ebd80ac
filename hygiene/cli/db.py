"""`hygiene db upgrade|downgrade|current`: the schema migrations of the state and audit database."""

from __future__ import annotations

import typer

from hygiene import db
from hygiene.cli.common import state

group = typer.Typer(help="Create and migrate the schema of the state and audit database.", no_args_is_help=True)


def _where(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: make_engine reports it
        return "[database] url"


def _check_revision(revision: str) -> None:
    if not db.known_revision(revision):
        raise typer.BadParameter(
            f"unknown revision {revision!r}; this version knows base .. {db.head()} (see migrations/versions)",
            param_hint="--revision",
        )


@group.command("upgrade")
def upgrade(
    ctx: typer.Context,
    revision: str = typer.Option("head", "--revision", "-r", help="Target revision (default: head)."),
) -> None:
    """Migrate the database forward to the head revision of this version (or --revision). Safe to repeat."""
    _check_revision(revision)
    settings = state(ctx).settings()
    engine = db.make_engine(settings.database.url)
    try:
        before = db.current(engine)
        db.upgrade(engine, revision)
        after = db.current(engine)
    finally:
        engine.dispose()
    where = _where(settings.database.url)
    if before == after:
        typer.echo(f"{where}: already at {after or 'base'}")
    else:
        typer.echo(f"{where}: upgraded {before or 'base'} -> {after}")


@group.command("downgrade")
def downgrade(
    ctx: typer.Context,
    revision: str = typer.Option(..., "--revision", "-r", help="Target revision; `base` drops every table."),
) -> None:
    """Migrate the database back to --revision (data in dropped tables and columns is lost)."""
    _check_revision(revision)
    settings = state(ctx).settings()
    engine = db.make_engine(settings.database.url)
    try:
        before = db.current(engine)
        db.downgrade(engine, revision)
        after = db.current(engine)
    finally:
        engine.dispose()
    typer.echo(f"{_where(settings.database.url)}: downgraded {before or 'base'} -> {after or 'base'}")


@group.command("current")
def current(ctx: typer.Context) -> None:
    """Print the database's revision and this version's head; exit 1 unless they are the same."""
    settings = state(ctx).settings()
    engine = db.make_engine(settings.database.url)
    try:
        now = db.current(engine)
    finally:
        engine.dispose()
    head = db.head()
    typer.echo(f"current: {now or 'none (not migrated)'}")
    typer.echo(f"head:    {head}")
    if now != head:
        typer.echo("the database is not at head: run `hygiene db upgrade`", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the `db` group to the root app."""
    app.add_typer(group, name="db")
