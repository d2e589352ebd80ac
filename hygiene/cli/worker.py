"""`hygiene run [--once]` (the worker daemon) and `hygiene demo` (the sandbox tenant, swept in enforce mode)."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import typer

from hygiene.cli.common import state
from hygiene.pipeline import SweepStats


def _configure_logging(settings: object) -> None:
    try:
        from hygiene.logs import configure
    except ImportError:  # pragma: no cover - foundation's logging not installed
        return
    configure(settings.logging)  # type: ignore[attr-defined]


async def _with_progress(coro: object, pipeline: object) -> SweepStats:
    """Await ``coro`` while drawing a one-line progress on stderr when it is a terminal."""
    task = asyncio.ensure_future(coro)  # type: ignore[arg-type]
    if not sys.stderr.isatty():
        return await task
    start = time.monotonic()
    while not task.done():
        await asyncio.wait({task}, timeout=0.5)
        p = pipeline.progress  # type: ignore[attr-defined]
        rate = p["messages"] / max(time.monotonic() - start, 1e-6)
        sys.stderr.write(
            f"\r  mailboxes {p['mailboxes_done']}/{p['mailboxes_total']}  messages {p['messages']}  {rate:,.0f} msg/s "
        )
        sys.stderr.flush()
    sys.stderr.write("\n")
    return task.result()


def summary_lines(stats: SweepStats) -> list[str]:
    """The human-readable summary of a sweep (counts only)."""
    rows = [
        ("mailboxes", stats.mailboxes),
        ("messages scanned", stats.messages),
        ("MIME fetched", stats.mime_fetched),
        ("sensitive found", stats.sensitive),
        ("encrypted (skipped)", stats.encrypted),
        ("malformed (skipped)", stats.malformed),
        ("flagged", stats.flagged),
        ("archived (verified)", stats.archived),
        ("deleted", stats.deleted),
        ("purged", stats.purged),
        ("notices sent", stats.notices_sent),
        ("notices suppressed", stats.notices_suppressed),
        ("step errors (retried later)", stats.errors),
    ]
    if stats.sent_scanned or stats.breach_candidates:  # [breach] enabled: the Sent Items scan ran
        rows += [("sent items scanned", stats.sent_scanned), ("breach candidates", stats.breach_candidates)]
    out = [f"  {name:<28} {value:>8}" for name, value in rows]
    for cat, n in sorted(stats.categories.items()):
        out.append(f"    {cat:<26} {n:>8}")
    for upn, reason in sorted(stats.failed_mailboxes.items()):
        out.append(f"  not processed: {upn} ({reason})")
    return out


def register(app: typer.Typer) -> None:
    """Add ``run`` and ``demo`` to the root command."""

    @app.command("run")
    def run(
        ctx: typer.Context,
        once: bool = typer.Option(False, "--once", help="One sweep over every in-scope mailbox, then exit."),
    ) -> None:
        """Run the worker: scheduled sweeps, scope refresh and housekeeping (SIGTERM stops after the current step).

        The daemon serves /metrics, /healthz and /readyz when [metrics] enabled, and the audit API and console when
        [audit] api_enabled.

        With --once: exit 0 when every mailbox was processed, 1 otherwise (with a summary).
        """
        from hygiene.app import App
        from hygiene.scheduler import Worker, run_once

        settings = state(ctx).settings()
        _configure_logging(settings)
        application = App.from_settings(settings)

        async def main() -> SweepStats | None:
            try:
                if once:
                    return await _with_progress(run_once(application), application.pipeline)
                application.start_servers()
                await Worker(application).run_forever()
                return None
            finally:
                await application.aclose()

        stats = asyncio.run(main())
        if stats is not None:
            typer.echo(f"hygiene run --once ({settings.actions.mode} mode):")
            for line in summary_lines(stats):
                typer.echo(line)
            if not stats.ok:
                raise typer.Exit(1)

    @app.command("demo")
    def demo(
        directory: Path | None = typer.Option(
            None, "--dir", help="Where the demo database and records go (default: a new temporary directory)."
        ),
        seed: int = typer.Option(0, "--seed", help="Seed of the synthetic demo tenant."),
        users: int = typer.Option(6, "--users", min=1, help="Mailboxes in the demo tenant."),
        messages: int = typer.Option(15, "--messages", min=1, help="Messages per mailbox."),
        sweeps: int = typer.Option(1, "--sweeps", min=1, help="Sweeps to run (later ones find nothing new)."),
        console: bool = typer.Option(
            False, "--console", help="Afterwards, serve the privacy officer's console on 127.0.0.1 until Ctrl-C."
        ),
        console_port: int = typer.Option(0, "--console-port", min=0, max=65535, help="Port of --console (0: any)."),
    ) -> None:
        """Sweep a synthetic tenant (the sandbox, on 127.0.0.1) in enforce mode; zero configuration."""
        import tempfile
        import threading

        from hygiene.demo import run_demo, serve_console

        workdir = directory or Path(tempfile.mkdtemp(prefix="hygiene-demo-"))
        run_demo(directory=workdir, seed=seed, users=users, messages=messages, sweeps=sweeps, echo=typer.echo)
        if console:
            server, token = serve_console(workdir, port=console_port)
            typer.echo("")
            typer.echo(f"Console: {server.base_url}/console/  (sign in with the one-time token {token})")
            typer.echo("Press Ctrl-C to stop.")
            try:
                threading.Event().wait()
            except KeyboardInterrupt:
                pass
            finally:
                server.stop()
