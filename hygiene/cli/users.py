"""`hygiene users list | opt-in UPN | opt-out UPN`: per-user overrides on top of ``[scope] mode`` (opt-out wins)."""

from __future__ import annotations

import typer

from hygiene.cli.common import state

group = typer.Typer(help="Mailboxes in scope and per-user opt-in/opt-out.", no_args_is_help=True)


def _store(ctx: typer.Context):  # type: ignore[no-untyped-def]
    from hygiene.adapters.store.state import StateStore
    from hygiene.app import open_db
    from hygiene.clock import SystemClock

    settings = state(ctx).settings()
    engine, sessions = open_db(settings)
    return StateStore(sessions, SystemClock(), hmac_key=settings.hmac_key_bytes(), owner="cli"), engine


@group.command("list")
def list_users(ctx: typer.Context) -> None:
    """Every known mailbox: in scope by the mode, override, effective scope, status, last sweep."""
    from hygiene.adapters.store.state import effective_in_scope

    store, engine = _store(ctx)
    try:
        rows = store.mailboxes()
    finally:
        engine.dispose()
    typer.echo(f"{'UPN':<40} {'MODE':<6} {'OVERRIDE':<9} {'SWEPT':<6} {'STATUS':<14} LAST SWEEP")
    for r in rows:
        eff = effective_in_scope(r.in_scope, r.override)
        last = r.last_swept_at.strftime("%Y-%m-%d %H:%M") if r.last_swept_at else "-"
        typer.echo(
            f"{r.upn:<40} {'yes' if r.in_scope else 'no':<6} {r.override or '-':<9} {'yes' if eff else 'no':<6} "
            f"{r.status:<14} {last}"
        )
    typer.echo(f"{sum(effective_in_scope(r.in_scope, r.override) for r in rows)} of {len(rows)} mailboxes swept")


def _set(ctx: typer.Context, upn: str, override: str) -> None:
    if "@" not in upn:
        raise typer.BadParameter("give the user's UPN (name@domain)", param_hint="UPN")
    store, engine = _store(ctx)
    try:
        store.set_override(upn, override, actor="cli")
    finally:
        engine.dispose()
    typer.echo(f"{upn.lower()}: {override.replace('_', '-')} recorded (takes effect at the next sweep)")


@group.command("opt-in")
def opt_in(ctx: typer.Context, upn: str = typer.Argument(..., help="The user's UPN.")) -> None:
    """Sweep this mailbox even if the scope mode leaves it out (unless it is opted out)."""
    _set(ctx, upn, "opt_in")


@group.command("opt-out")
def opt_out(ctx: typer.Context, upn: str = typer.Argument(..., help="The user's UPN.")) -> None:
    """Never sweep this mailbox (opt-out always wins)."""
    _set(ctx, upn, "opt_out")


def register(app: typer.Typer) -> None:
    """Add the ``users`` group."""
    app.add_typer(group, name="users")
