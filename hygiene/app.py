"""The composition root: `App.from_settings(settings)` wires settings to adapters, the store and the pipeline.

Nothing else in hygiene constructs adapters for the worker; tests pass ``transport`` (an httpx transport), a
``clock`` or a ``step_hook`` to reach inside without monkeypatching.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from typing import Any
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
    ) -> App:
        """Wire the worker for ``settings``.

        Raises:
            ConfigError: a setting is unusable (names the key).
            SchemaMismatchError: the database is not at the migration head (run ``hygiene db upgrade``).
        """
        clock = clock or SystemClock()
        require_installation_key(settings)
        engine, sessions = open_db(settings, create=create_db)
        from hygiene.adapters.store.slots import slot_limiter

        shared = slot_limiter(engine, settings.graph.max_concurrency)
        gateway = build_gateway(settings, transport=transport, retry=retry, shared_limit=shared)
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
            breach=breach,
        )
        return cls(settings, engine, sessions, clock, gateway, store, archive, pipeline, breach)

    async def aclose(self) -> None:
        """Close the Graph client and dispose of the database engine."""
        await self.gateway.aclose()
        self.engine.dispose()
