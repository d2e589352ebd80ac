"""`hygiene sandbox serve --port N [--tenant demo | PATH]`: the sandbox tenant (a fake Graph) on 127.0.0.1."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import typer

from hygiene.errors import ConfigError

group = typer.Typer(help="The sandbox tenant: a fake Microsoft Graph mail service on 127.0.0.1.", no_args_is_help=True)


@group.command("serve")
def serve_cmd(
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="TCP port on 127.0.0.1 (0: a free port)."),
    tenant: str = typer.Option(
        "demo", "--tenant", help="'demo' (the generated demo tenant) or the path of a TOML/JSON scenario file."
    ),
    seed: int = typer.Option(0, "--seed", help="Seed of the demo tenant."),
    users: int = typer.Option(50, "--users", min=0, help="Mailboxes of the demo tenant."),
    messages: int = typer.Option(60, "--messages", min=0, help="Messages per mailbox of the demo tenant."),
    corpus: Path | None = typer.Option(
        None, "--corpus", help="A labelled .eml corpus (shared/corpus) to mix into the demo tenant's mail."
    ),
    token: str = typer.Option("sandbox", "--token", help="The static bearer token the sandbox accepts."),
    tls: bool = typer.Option(
        False, "--tls", help="Serve HTTPS with a throw-away CA (needed for [auth] method = 'client_secret')."
    ),
) -> None:
    """Serve the sandbox until Ctrl-C / SIGTERM; prints the Graph base URL, token URL and control URL."""
    from hygiene.sandbox import demo_tenant, load_scenario, serve

    if tenant == "demo":
        try:
            t = demo_tenant(seed=seed, users=users, messages_per_user=messages, corpus_dir=corpus)
        except ValueError as exc:
            raise ConfigError([f"--corpus: {exc}"]) from exc
    else:
        try:
            t = load_scenario(Path(tenant))
        except ValueError as exc:
            raise ConfigError([f"--tenant: {exc}"]) from exc
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    with serve(t, token=token, port=port, tls=tls) as srv:
        n = sum(1 for _ in t.all_messages())
        typer.echo(f"sandbox tenant: {len(t.users)} users, {len(t.groups)} groups, {n} messages")
        typer.echo(f"  graph base url: {srv.base_url}   (Authorization: Bearer {token})")
        typer.echo(f"  token endpoint: {srv.token_url}")
        typer.echo(f"  control:        {srv.control_url}/state")
        if srv.ca_file is not None:
            typer.echo(f"  trust this CA:  SSL_CERT_FILE={srv.ca_file}")
        for g in t.groups.values():
            typer.echo(f"  group {g.name}: {g.id}")
        stop.wait()
    typer.echo("sandbox stopped")


def register(app: typer.Typer) -> None:
    """Add the ``sandbox`` group to the root command."""
    app.add_typer(group, name="sandbox")
