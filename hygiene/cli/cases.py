"""`hygiene cases list | retry`: cases that ended as ``failed`` and putting them back on their route.

A case fails for good only when retrying cannot help by itself (a record the records system rejects, a stored copy
that does not match its receipt, an answer from Graph about the request); transient failures such as a records
outage are retried without end. Once the cause is fixed, ``hygiene cases retry`` re-queues the failed cases: each
goes back to the state it failed in, due at the next sweep, with a fresh retry budget (audited as ``requeued``).
"""

from __future__ import annotations

from datetime import datetime

import typer

from hygiene.cli.common import state

group = typer.Typer(help="Failed cases: list them, and re-queue them once the cause is fixed.", no_args_is_help=True)

_MAILBOX = typer.Option(None, "--mailbox", help="Only this mailbox (UPN).")
_SINCE = typer.Option(None, "--since", help="Only cases failed at or after this date or ISO date-time (UTC).")


def _store(ctx: typer.Context):  # type: ignore[no-untyped-def]
    from hygiene.adapters.store.state import StateStore
    from hygiene.app import open_db
    from hygiene.clock import SystemClock

    settings = state(ctx).settings()
    engine, sessions = open_db(settings)
    return StateStore(sessions, SystemClock(), hmac_key=settings.hmac_key_bytes(), owner="cli"), engine


def _since(value: str | None) -> datetime | None:
    from hygiene.domain.audit import parse_instant

    if value is None:
        return None
    try:
        return parse_instant(value, name="--since")
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--since") from None


@group.command("list")
def list_failed(ctx: typer.Context, mailbox: str | None = _MAILBOX, since: str | None = _SINCE) -> None:
    """Failed cases: id, mailbox, the state it failed in, the last error, attempts, when."""
    store, engine = _store(ctx)
    try:
        rows = store.failed_cases(mailbox=mailbox, since=_since(since))
    finally:
        engine.dispose()
    typer.echo(f"{'CASE':>8} {'MAILBOX':<40} {'FAILED IN':<10} {'ERROR':<24} {'ATTEMPTS':>8} FAILED AT (UTC)")
    for r in rows:
        typer.echo(
            f"{r.id:>8} {r.mailbox:<40} {r.failed_from or '-':<10} {r.last_error or '-':<24} {r.attempts:>8} "
            f"{r.failed_at:%Y-%m-%d %H:%M}"
        )
    typer.echo(f"{len(rows)} failed case(s)")


@group.command("retry")
def retry(
    ctx: typer.Context,
    mailbox: str | None = _MAILBOX,
    since: str | None = _SINCE,
    dry_run: bool = typer.Option(False, "--dry-run", help="Only say which cases would be re-queued."),
) -> None:
    """Re-queue failed cases: each goes back to the state it failed in and is retried at the next sweep."""
    store, engine = _store(ctx)
    try:
        ids = store.requeue_failed(mailbox=mailbox, since=_since(since), dry_run=dry_run)
    finally:
        engine.dispose()
    verb = "would be re-queued" if dry_run else "re-queued (retried at the next sweep)"
    typer.echo(f"{len(ids)} failed case(s) {verb}" + (f": {', '.join(map(str, ids))}" if ids else ""))


def register(app: typer.Typer) -> None:
    """Add the ``cases`` group."""
    app.add_typer(group, name="cases")
