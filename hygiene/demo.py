"""`hygiene demo`: the sandbox demo tenant on loopback, a SQLite database and folder records in a directory, one
or more sweeps in enforce mode, and a readable summary. Zero configuration; finishes in seconds.
"""

from __future__ import annotations

import asyncio
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from hygiene.pipeline import SweepStats
from hygiene.settings import Settings


def demo_settings(base_url: str, workdir: Path) -> Settings:
    """Settings for the demo: sandbox Graph, every user in scope, enforce mode, folder records, SQLite."""
    return Settings(
        graph={"base_url": base_url},
        auth={"method": "static_token", "token": SecretStr("sandbox")},
        scope={"mode": "all", "initial_lookback_days": 0},
        actions={"mode": "enforce"},
        records={"backend": "folder", "folder": {"path": workdir / "records"}},
        database={"url": f"sqlite:///{workdir / 'hygiene.db'}"},
        security={"hmac_key": SecretStr("demo-only-hmac-key")},
    )


def run_demo(
    *,
    directory: Path | None,
    seed: int = 0,
    users: int = 6,
    messages: int = 15,
    sweeps: int = 1,
    echo: Callable[[str], None] = print,
) -> SweepStats:
    """Run the demo and print its summary; returns the counts of all sweeps together."""
    from hygiene.app import App
    from hygiene.cli.worker import summary_lines
    from hygiene.errors import HygieneError
    from hygiene.scheduler import run_once

    try:
        from hygiene.sandbox import demo_tenant, serve
    except ImportError as exc:
        raise HygieneError("hygiene demo needs the sandbox tenant (hygiene.sandbox), which is not installed") from exc

    workdir = directory or Path(tempfile.mkdtemp(prefix="hygiene-demo-"))
    workdir.mkdir(parents=True, exist_ok=True)
    tenant = demo_tenant(seed=seed, users=users, messages_per_user=messages)
    total = SweepStats()
    with serve(tenant, token="sandbox", port=0) as srv:  # noqa: S106 - the sandbox's fixed loopback token
        settings = demo_settings(srv.base_url, workdir)
        try:
            app = App.from_settings(settings, create_db=True)
        except ImportError as exc:  # a component of the worker (e.g. the detector) is not installed
            raise HygieneError(f"hygiene demo cannot build the worker: {exc.name or exc} is not installed") from exc

        async def main() -> None:
            try:
                for i in range(sweeps):
                    stats = await run_once(app)
                    if i == 0:
                        total.add(stats)
                    else:
                        total.messages += stats.messages
            finally:
                await app.aclose()

        asyncio.run(main())
        echo(f"hygiene demo: sandbox tenant on {srv.base_url}, enforce mode, {sweeps} sweep(s)")
    for line in summary_lines(total):
        echo(line)
    echo("")
    echo("Where to look next:")
    echo(f"  records (folder backend):  {workdir / 'records'}")
    echo(f"  database + audit log:      {workdir / 'hygiene.db'}")
    echo(f"  audit trail:               HYGIENE_DATABASE__URL=sqlite:///{workdir / 'hygiene.db'} hygiene audit query")
    echo(f"  verify the records:        HYGIENE_RECORDS__FOLDER__PATH={workdir / 'records'} hygiene records verify")
    return total


def serve_console(directory: Path, *, port: int = 0) -> tuple[Any, str]:
    """Serve the privacy officer's console over the demo's audit log on 127.0.0.1 with a fresh one-time token.

    Returns the running server (`hygiene.api.server.ApiServer`: ``base_url``, ``stop()``) and the token to sign in
    with. The token lives only in this process; nothing is written to disk.
    """
    from hygiene.api.server import start_api
    from hygiene.db import make_engine, make_sessions

    token = secrets.token_urlsafe(18)
    settings = Settings(
        database={"url": f"sqlite:///{directory / 'hygiene.db'}"},
        audit={"api_enabled": True, "api_host": "127.0.0.1", "api_port": port or 8470, "api_token": SecretStr(token)},
        security={"hmac_key": SecretStr("demo-only-hmac-key")},
    )
    sessions = make_sessions(make_engine(settings.database.url))
    return start_api(settings, sessions, host="127.0.0.1", port=port), token
