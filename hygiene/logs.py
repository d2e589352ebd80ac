"""Structured logging: JSON lines when stderr is not a terminal (containers, journald), readable lines on one.

``configure(settings.logging)`` is called once by the commands that run for a while (``hygiene run``). Events are
short snake_case names with structured fields: kinds, counts, ids, error class names. Message content, subjects,
matched values and credentials are never logged; as a safety net, `redact_sensitive` masks any field whose name
says it holds one (``token``, ``client_secret``, ``subject``, ``body`` ...), so a careless ``log.info(..., token=t)``
still prints ``"**********"``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog

from hygiene.settings import LoggingSettings

REDACTED = "**********"
# Field names (lower case) whose values are never printed.
SENSITIVE_KEYS = frozenset(
    {
        "authorization",
        "access_token",
        "api_token",
        "body",
        "client_secret",
        "content",
        "hmac_key",
        "password",
        "refresh_token",
        "secret",
        "subject",
        "token",
        "value",
        "values",
        "match",
        "matched",
    }
)
# Chatty libraries: their INFO lines (one per HTTP request) would drown ours.
QUIET_LOGGERS = ("httpx", "httpcore", "azure", "msal", "urllib3", "apscheduler", "alembic")


def redact_sensitive(_logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """structlog processor: replace the value of every field named in `SENSITIVE_KEYS` by ``"**********"``."""
    for key in event_dict:
        if key.lower() in SENSITIVE_KEYS:
            event_dict[key] = REDACTED
    return event_dict


def _renderer(fmt: str, stream: TextIO) -> Any:
    if fmt == "json" or (fmt == "auto" and not stream.isatty()):
        return structlog.processors.JSONRenderer()
    return structlog.dev.ConsoleRenderer(colors=stream.isatty())


def configure(settings: LoggingSettings, *, stream: TextIO | None = None) -> None:
    """Send structlog and standard-library logging to ``stream`` (default stderr) at ``settings.level``.

    ``settings.format``: ``json`` (one JSON object per line), ``console`` (readable), or ``auto`` (console on a
    terminal, JSON otherwise). Safe to call more than once; the last call wins.
    """
    stream = stream or sys.stderr
    level = logging.getLevelNamesMapping()[settings.level]
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        redact_sensitive,
    ]
    structlog.configure(
        processors=[
            *shared,
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.make_filtering_bound_logger(level),
        cache_logger_on_first_use=False,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            _renderer(settings.format, stream),
        ],
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_hygiene", False):
            root.removeHandler(old)
    handler._hygiene = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
