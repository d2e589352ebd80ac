"""The `hygiene` command line. Each command group lives in its own module and is registered in `_GROUPS`.

Exit codes: 0 ok, 1 runtime failure, 2 usage or configuration error.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import typer

from hygiene.cli.common import State
from hygiene.errors import ConfigError, HygieneError

app = typer.Typer(
    name="hygiene",
    help="Keeps Microsoft 365 mailboxes free of sensitive personal data that arrived unencrypted.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

# (module under hygiene.cli, attribute): each module exposes either a typer.Typer (a group) or registers
# plain commands on `app` through a `register(app)` function.
_GROUPS: list[str] = [
    "audit",
    "breach",
    "cases",
    "classify",
    "config",
    "db",
    "notice",
    "records",
    "sandbox",
    "users",
    "worker",
]


@app.callback()
def _root(
    ctx: typer.Context,
    config: Path | None = typer.Option(
        None, "--config", "-c", help="Settings file (TOML). Default: $HYGIENE_CONFIG, else ./settings.toml."
    ),
) -> None:
    ctx.obj = State(config_path=config)


for _name in _GROUPS:
    importlib.import_module(f"hygiene.cli.{_name}").register(app)


def main() -> None:
    """Console-script entry point: runs the CLI and maps hygiene's errors to exit codes."""
    try:
        app()  # standalone mode: usage errors exit 2, --help exits 0
    except ConfigError as exc:
        print(f"hygiene: {exc}", file=sys.stderr)
        sys.exit(2)
    except HygieneError as exc:
        print(f"hygiene: error: {exc}", file=sys.stderr)
        sys.exit(1)
