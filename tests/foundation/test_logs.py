"""Logging: JSON lines off a terminal, a readable line on one, the level from settings, secrets masked."""

from __future__ import annotations

import io
import logging

import orjson
import pytest
import structlog

from hygiene.logs import configure
from hygiene.settings import LoggingSettings


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def reset_logging():
    yield
    structlog.reset_defaults()
    root = logging.getLogger()
    for h in [h for h in root.handlers if getattr(h, "_hygiene", False)]:
        root.removeHandler(h)
    root.setLevel(logging.WARNING)


def test_json_lines_when_not_a_terminal() -> None:
    out = io.StringIO()
    configure(LoggingSettings(), stream=out)
    structlog.get_logger("hygiene.test").info("sweep_finished", mailboxes=3)
    logging.getLogger("tests.stdlib").warning("from the standard library")
    # (threads left over from other tests may log too: look for ours)
    lines = [orjson.loads(line) for line in out.getvalue().splitlines()]
    [first] = [e for e in lines if e.get("logger") == "hygiene.test"]
    [second] = [e for e in lines if e.get("logger") == "tests.stdlib"]
    assert first["event"] == "sweep_finished"
    assert first["mailboxes"] == 3
    assert first["level"] == "info"
    assert first["logger"] == "hygiene.test"
    assert first["timestamp"].endswith("Z")
    assert second["event"] == "from the standard library"
    assert second["level"] == "warning"


def test_console_lines_on_a_terminal() -> None:
    out = Tty()
    configure(LoggingSettings(), stream=out)
    structlog.get_logger("hygiene.test").info("sweep_finished", mailboxes=3)
    line = out.getvalue()
    assert "sweep_finished" in line
    assert "mailboxes" in line
    assert not line.lstrip().startswith("{")


def test_level_from_settings() -> None:
    out = io.StringIO()
    configure(LoggingSettings(level="WARNING", format="json"), stream=out)
    log = structlog.get_logger("hygiene.test")
    log.info("not_shown")
    log.warning("shown")
    events = [orjson.loads(x) for x in out.getvalue().splitlines()]
    assert [e["event"] for e in events if e.get("logger") == "hygiene.test"] == ["shown"]


def test_http_client_request_lines_are_quiet_at_info() -> None:
    out = io.StringIO()
    configure(LoggingSettings(level="INFO", format="json"), stream=out)
    logging.getLogger("httpx").info("HTTP Request: GET https://graph.microsoft.com/v1.0/users/x/messages")
    assert "HTTP Request" not in out.getvalue()


def test_fields_named_like_secrets_or_content_are_masked() -> None:
    out = io.StringIO()
    configure(LoggingSettings(format="json"), stream=out)
    structlog.get_logger("hygiene.test").warning(
        "careless", token="eyJ-bearer", client_secret="cs", subject="Diagnose", body="fnr 12345678901", mailbox="a@b"
    )
    [text] = [line for line in out.getvalue().splitlines() if '"careless"' in line]
    for secret in ("eyJ-bearer", '"cs"', "Diagnose", "12345678901"):
        assert secret not in text
    event = orjson.loads(text)
    assert event["token"] == event["subject"] == event["body"] == "**********"
    assert event["mailbox"] == "a@b"


def test_alembic_setup_chatter_is_quiet_at_info() -> None:
    out = io.StringIO()
    configure(LoggingSettings(level="INFO", format="json"), stream=out)
    logging.getLogger("alembic.runtime.plugins").info("setup plugin alembic.autogenerate.schemas")
    logging.getLogger("alembic.runtime.migration").info("Will assume transactional DDL.")
    assert "alembic" not in out.getvalue()
