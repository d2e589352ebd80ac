"""`hygiene records verify`: re-check every archived record's checksums (folder backend)."""

from __future__ import annotations

import orjson
import typer

from hygiene.adapters.records import FolderArchive, build_archive
from hygiene.cli.common import state
from hygiene.errors import ConfigError

group = typer.Typer(help="Inspect the records archive.", no_args_is_help=True)


@group.command("verify")
def verify(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the report as one JSON object."),
) -> None:
    """Re-check every record's manifest and SHA-256; exit 1 if any record does not match.

    Prints counts and, for each bad record, its key, path and what did not match (never message content).
    Exit 2 when the configured backend is not ``folder`` (the other backends are verified per record by the
    worker, through the archive's own checksums).
    """
    settings = state(ctx).settings()
    if settings.records.backend != "folder":
        raise ConfigError(
            [f"records verify re-checks the folder backend; records.backend is {settings.records.backend!r}"]
        )
    archive = build_archive(settings)
    assert isinstance(archive, FolderArchive)
    report = archive.verify_all()
    if as_json:
        typer.echo(
            orjson.dumps(
                {
                    "root": str(archive.root),
                    "checked": report.checked,
                    "ok": report.ok,
                    "mismatched": len(report.mismatched),
                    "interrupted_writes": report.interrupted_writes,
                    "decrypted": report.decrypted,
                    "problems": [
                        {"key": c.key, "path": str(c.path), "status": c.status, "reason": c.reason}
                        for c in report.mismatched
                    ],
                }
            ).decode()
        )
    else:
        for check in report.mismatched:
            typer.echo(f"{check.status.upper()} {check.key} {check.path}: {check.reason}")
        typer.echo(
            f"records verify: {report.checked} checked, {report.ok} ok, {len(report.mismatched)} mismatched, "
            f"{report.interrupted_writes} interrupted writes under {archive.root}"
        )
    if not report.clean:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the `records` group to the root app."""
    app.add_typer(group, name="records")
