"""`hygiene config check`: validate the settings and print them with secrets redacted."""

from __future__ import annotations

import orjson
import typer

from hygiene.cli.common import state

group = typer.Typer(help="Inspect and validate settings.", no_args_is_help=True)


@group.command("check")
def check(ctx: typer.Context) -> None:
    """Validate the settings and print the effective values (secrets redacted)."""
    settings = state(ctx).settings()
    typer.echo(orjson.dumps(settings.redacted(), option=orjson.OPT_INDENT_2).decode())
    typer.echo(f"settings OK (fingerprint {settings.fingerprint()[:16]})", err=True)


def register(app: typer.Typer) -> None:
    """Add the `config` group to the root app."""
    app.add_typer(group, name="config")
