"""Query and path parameter parsing shared by the audit API and the console: one set of rules, 400 on violation."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from starlette.exceptions import HTTPException

from hygiene.api.openapi import ACTION_PATTERN, CATEGORY_PATTERN, MAX_ID, MAX_LIMIT
from hygiene.domain.audit import AuditFilter, parse_instant

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CATEGORY = re.compile(CATEGORY_PATTERN)
_ACTION = re.compile(ACTION_PATTERN)


class BadParameter(HTTPException):
    """A query or path parameter is malformed (400); the message names the parameter, never echoes its value."""

    def __init__(self, name: str, rule: str) -> None:
        super().__init__(400, f"parameter {name!r}: {rule}")


def text_param(params: Any, name: str, max_len: int) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if len(value) > max_len or _CONTROL.search(value):
        raise BadParameter(name, f"at most {max_len} printable characters")
    return value


def int_param(
    params: Any, name: str, *, minimum: int = 0, maximum: int = MAX_ID, default: int | None = None
) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return default
    if not re.fullmatch(r"[+-]?[0-9]{1,19}", value.strip()):
        raise BadParameter(name, f"an integer from {minimum} to {maximum}")
    number = int(value)
    if not minimum <= number <= maximum:
        raise BadParameter(name, f"an integer from {minimum} to {maximum}")
    return number


def instant_param(params: Any, name: str) -> datetime | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    try:
        return parse_instant(value[:64], name=name)
    except ValueError:
        raise BadParameter(name, "an ISO 8601 date-time such as 2026-11-01T08:00:00Z, or a date") from None


def pattern_param(params: Any, name: str, pattern: re.Pattern[str], hint: str) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if not pattern.fullmatch(value):
        raise BadParameter(name, hint)
    return value


def parse_filter(params: Any) -> AuditFilter:
    """The `AuditFilter` of a request's query parameters (since, until, mailbox, ..., case).

    Raises:
        BadParameter: a parameter is malformed (400).
    """
    return AuditFilter(
        since=instant_param(params, "since"),
        until=instant_param(params, "until"),
        mailbox=text_param(params, "mailbox", 320),
        sender_domain=text_param(params, "sender_domain", 255),
        category=pattern_param(params, "category", _CATEGORY, "lower-case letters, digits, _ or -"),
        action=pattern_param(params, "action", _ACTION, "an action name such as detected or error"),
        case_id=int_param(params, "case"),
    )


def parse_page(params: Any) -> tuple[int, int | None, str]:
    """``(limit, cursor, order)`` of a request's query parameters."""
    limit = int_param(params, "limit", minimum=1, maximum=MAX_LIMIT, default=50)
    cursor = int_param(params, "cursor")
    order = params.get("order") or "desc"
    if order not in ("asc", "desc"):
        raise BadParameter("order", "asc or desc")
    assert limit is not None
    return limit, cursor, order
