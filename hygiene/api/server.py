"""Serving the audit API and console next to the worker: uvicorn in a background thread.

`hygiene run` (when ``[audit] api_enabled``) starts it with::

    from hygiene.api.server import start_api
    api = start_api(settings, sessions)          # binds [audit] api_host:api_port, returns once it listens
    ...
    api.stop()                                   # on shutdown

A thread, not a task on the worker's event loop: uvicorn installs signal handlers when it runs in the main thread,
which would take SIGINT/SIGTERM away from the worker. `hygiene audit serve` runs it in the foreground instead.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import uvicorn
from sqlalchemy.orm import Session, sessionmaker

from hygiene.api.app import build_api
from hygiene.errors import HygieneError
from hygiene.ports import Clock
from hygiene.settings import Settings


@dataclass
class ApiServer:
    """A running API server: ``base_url`` (``http://host:port``) and `stop`."""

    server: uvicorn.Server
    thread: threading.Thread
    base_url: str

    def stop(self, timeout_s: float = 10.0) -> None:
        """Ask uvicorn to finish in-flight requests and exit; wait up to ``timeout_s``."""
        self.server.should_exit = True
        self.thread.join(timeout=timeout_s)


def start_api(
    settings: Settings,
    sessions: sessionmaker[Session],
    *,
    host: str | None = None,
    port: int | None = None,
    clock: Clock | None = None,
    startup_timeout_s: float = 15.0,
) -> ApiServer:
    """Start the read-only API + console in a daemon thread and return once it accepts connections.

    ``port=0`` picks a free port (see ``base_url``).

    Raises:
        ConfigError: ``[audit] api_token`` is not set.
        HygieneError: the server did not start (e.g. the port is taken).
    """
    app = build_api(settings, sessions, clock=clock)
    host = host or settings.audit.api_host
    config = uvicorn.Config(
        app,
        host=host,
        port=settings.audit.api_port if port is None else port,
        log_level="warning",
        access_log=False,
        server_header=False,
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="hygiene-audit-api", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout_s
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise HygieneError(
                f"the audit API did not start on {host}:{config.port}; check [audit] api_host and api_port"
            )
        time.sleep(0.02)
    sock = server.servers[0].sockets[0].getsockname()
    return ApiServer(server, thread, f"http://{sock[0]}:{sock[1]}")
