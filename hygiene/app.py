"""The composition root: `App.from_settings(settings)` wires settings to adapters, the store and the pipeline.

Nothing else in hygiene constructs adapters for the worker; tests pass ``transport`` (an httpx transport), a
``clock``, a ``step_hook`` or ``metrics`` to reach inside without monkeypatching. `App.start_servers` starts what
``hygiene run`` serves next to the worker: metrics and probes (``[metrics] enabled``) and the audit API and console
(``[audit] api_enabled``).
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hygiene.adapters.graph import GraphGateway, RetryPolicy, build_gateway
from hygiene.adapters.records import build_archive
from hygiene.adapters.store.state import StateStore
from hygiene.clock import SystemClock
from hygiene.db import open_database
from hygiene.errors import ConfigError
from hygiene.pipeline import Pipeline, StepHook
from hygiene.ports import Clock, RecordsArchive
from hygiene.settings import Settings

if TYPE_CHECKING:
    from hygiene.metrics import Metrics


class Server(Protocol):
    """Something `App.start_servers` started: it stops on request."""

    def stop(self) -> None:
        """Stop serving."""


def open_db(settings: Settings, *, create: bool = False) -> tuple[Engine, sessionmaker[Session]]:
    """The database of ``settings`` (`hygiene.db.open_database`; ``create`` migrates it to head first).

    Raises:
        SchemaMismatchError: the database is not at the migration head and ``create`` is false.
        DatabaseError: the database cannot be reached.
    """
    return open_database(settings, create=create)


_LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def require_installation_key(settings: Settings) -> None:
    """Refuse to run against a real tenant without ``[security] hmac_key``.

    Identifiers and addresses that must be recognised again are stored as HMACs under this key; a key derived from
    public facts (the fallback `Settings.hmac_key_bytes` uses for the sandbox) would let anyone holding the database
    reverse an 11-digit number in seconds. The sandbox on loopback may do without.

    Raises:
        ConfigError: no key is configured and ``[graph] base_url`` is not on loopback.
    """
    if settings.security.hmac_key is not None:
        return
    host = (urlsplit(settings.graph.base_url).hostname or "").lower()
    if host in _LOOPBACK:
        return
    raise ConfigError(
        [
            "security.hmac_key is not set: it is required outside the sandbox. Create one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))' > hmac.key`, chmod 600 it, and set "
            'security.hmac_key_file = "/path/to/hmac.key" (or HYGIENE_SECURITY__HMAC_KEY); keep it stable, '
            "since changing it makes stored keys unrecognisable"
        ]
    )


def worker_id() -> str:
    """A lease owner name unique to this process: host, pid and a random suffix."""
    return f"{socket.gethostname()[:64]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def build_classifier(settings: Settings) -> Any:
    """The detector for ``[detection]`` (`hygiene.domain.classify.Classifier`)."""
    from hygiene.adapters.ocr import build_reader
    from hygiene.domain.classify import Classifier

    return Classifier.from_settings(settings.detection, ocr=build_reader(settings.detection))


def build_notifier(settings: Settings, gateway: GraphGateway, sessions: sessionmaker[Session], clock: Clock) -> Any:
    """The sender notice component (`hygiene.notices.Notifier`), or None when ``[notice] enabled = false``."""
    if not settings.notice.enabled:
        return None
    try:
        from hygiene.notices import Notifier
    except ImportError:  # the notice component is not installed: cases wait at "purged" and are retried
        import structlog

        structlog.get_logger("hygiene.app").warning("notifier_unavailable")
        return None

    return Notifier(settings, gateway, sessions, clock, settings.hmac_key_bytes())


def build_breach(
    settings: Settings, gateway: GraphGateway, sessions: sessionmaker[Session], clock: Clock, classifier: Any
) -> Any:
    """The Sent Items scanner of the breach register (`hygiene.breach.BreachScanner`, with its reminders), or None
    when ``[breach] enabled = false``."""
    if not settings.breach.enabled:
        return None
    from hygiene.adapters.store.breaches import BreachStore
    from hygiene.breach import BreachReminders, BreachScanner

    store = BreachStore(sessions, clock, hmac_key=settings.hmac_key_bytes())
    reminders = (
        BreachReminders(settings, gateway, store, clock, hmac_key=settings.hmac_key_bytes())
        if settings.breach.privacy_officer_mailbox.strip()
        else None
    )
    return BreachScanner(settings, gateway=gateway, classifier=classifier, store=store, reminders=reminders)


@dataclass
class App:
    """Everything the worker runs on, built once per process."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    gateway: GraphGateway
    store: StateStore
    archive: RecordsArchive | None
    pipeline: Pipeline
    metrics: Metrics | None = None
    servers: list[Server] = field(default_factory=list)
    breach: Any = None  # hygiene.breach.BreachScanner when [breach] enabled

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        clock: Clock | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        retry: RetryPolicy | None = None,
        create_db: bool = False,
        owner: str | None = None,
        step_hook: StepHook | None = None,
        classifier: Any = None,
        metrics: Metrics | None = None,
    ) -> App:
        """Wire the worker for ``settings``; ``metrics`` observes it (made here when ``[metrics] enabled``).

        Raises:
            ConfigError: a setting is unusable (names the key).
            SchemaMismatchError: the database is not at the migration head (run ``hygiene db upgrade``).
        """
        clock = clock or SystemClock()
        require_installation_key(settings)
        engine, sessions = open_db(settings, create=create_db)
        from hygiene.adapters.store.slots import slot_limiter

        if metrics is None and settings.metrics.enabled:
            from hygiene.metrics import Metrics

            metrics = Metrics()
        if metrics is not None:
            metrics.bind(sessions, clock, mode=settings.actions.mode)
        shared = slot_limiter(engine, settings.graph.max_concurrency)
        gateway = build_gateway(settings, transport=transport, retry=retry, shared_limit=shared, observer=metrics)
        store = StateStore(sessions, clock, hmac_key=settings.hmac_key_bytes(), owner=owner or worker_id())
        archive = build_archive(settings, clock=clock)
        notifier = build_notifier(settings, gateway, sessions, clock) if settings.actions.mode == "enforce" else None
        classifier = classifier if classifier is not None else build_classifier(settings)
        breach = build_breach(settings, gateway, sessions, clock, classifier)
        pipeline = Pipeline(
            settings,
            gateway=gateway,
            store=store,
            classifier=classifier,
            archive=archive,
            notifier=notifier,
            clock=clock,
            step_hook=step_hook,
            observer=metrics,
            breach=breach,
        )
        return cls(settings, engine, sessions, clock, gateway, store, archive, pipeline, metrics, breach=breach)

    def start_servers(self) -> list[Server]:
        """Start the metrics and probe server (``[metrics] enabled``) and the audit API and console (``[audit]
        api_enabled``) in background threads; `aclose` stops them. Call it on the worker's event loop (the
        readiness check asks the worker's credential for a token there).

        Raises:
            ConfigError: ``[audit] api_enabled`` without ``api_token`` (or Entra ID) configured.
            HygieneError: an address cannot be bound.
        """
        if self.settings.metrics.enabled and self.metrics is not None:
            from hygiene.metrics import database_checks, start_metrics_server, token_check

            loop = asyncio.get_running_loop()
            checks = [*database_checks(self.engine), token_check(self.gateway.client.tokens, loop)]
            m = self.settings.metrics
            self.servers.append(start_metrics_server(self.metrics, host=m.host, port=m.port, checks=checks))
        if self.settings.audit.api_enabled:
            from hygiene.api.server import start_api

            self.servers.append(start_api(self.settings, self.sessions, clock=self.clock))
        return self.servers

    async def aclose(self) -> None:
        """Stop the servers, close the Graph client and dispose of the database engine."""
        while self.servers:
            self.servers.pop().stop()
        self.pipeline.close()
        await self.gateway.aclose()
        self.engine.dispose()
