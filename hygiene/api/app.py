"""The read-only audit HTTP API: `build_api(settings, sessions)` returns a Starlette app.

Routes (all GET; every ``/api`` route needs ``Authorization: Bearer <[audit] api_token>`` or a console session):

    /healthz                      liveness, no data, no auth
    /openapi.json                 the OpenAPI 3 document (`hygiene.api.openapi`), no auth
    /api/v1/events                filtered, keyset-paged events (the filters of `hygiene audit query`)
    /api/v1/events.csv            every matching event as CSV
    /api/v1/events/{event_id}     one event
    /api/v1/cases/{case_id}       a case's state, receipt and full audited history
    /api/v1/reports/{month}       the monthly summary of `hygiene audit report`
    /api/v1/verify                walks the hash chain now
    /api/v1/mailboxes             mailboxes and their scope state

Responses are JSON (orjson) with ``Cache-Control: no-store``. Handlers are synchronous and run in Starlette's
thread pool, each with its own short read-only session.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from hygiene.adapters.store import audit as store
from hygiene.adapters.store import views
from hygiene.api.auth import TokenAuth
from hygiene.api.formats import csv_lines, verify_dict
from hygiene.api.openapi import (
    ACTION_PATTERN,
    CATEGORY_PATTERN,
    MAX_ID,
    MAX_INT32,
    MAX_LIMIT,
    openapi_document,
)
from hygiene.domain.audit import AuditFilter, parse_instant
from hygiene.errors import ConfigError
from hygiene.settings import Settings

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CATEGORY = re.compile(CATEGORY_PATTERN)
_ACTION = re.compile(ACTION_PATTERN)
_CSV_BATCH = 2000


class JSONResponse(Response):
    """A JSON response rendered with orjson."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class BadParameter(HTTPException):
    """A query or path parameter is malformed (400); the message names the parameter, never echoes its value."""

    def __init__(self, name: str, rule: str) -> None:
        super().__init__(400, f"parameter {name!r}: {rule}")


# --- parameter parsing (shared with the console) -----------------------------------------------------------------
def _text(params: Any, name: str, max_len: int) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if len(value) > max_len or _CONTROL.search(value):
        raise BadParameter(name, f"at most {max_len} printable characters")
    return value


def _int(params: Any, name: str, *, minimum: int = 0, maximum: int = MAX_ID, default: int | None = None) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return default
    if not re.fullmatch(r"[+-]?[0-9]{1,19}", value.strip()):
        raise BadParameter(name, f"an integer from {minimum} to {maximum}")
    number = int(value)
    if not minimum <= number <= maximum:
        raise BadParameter(name, f"an integer from {minimum} to {maximum}")
    return number


def _instant(params: Any, name: str) -> datetime | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    try:
        return parse_instant(value[:64], name=name)
    except ValueError:
        raise BadParameter(name, "an ISO 8601 date-time such as 2026-11-01T08:00:00Z, or a date") from None


def _pattern(params: Any, name: str, pattern: re.Pattern[str], hint: str) -> str | None:
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
        since=_instant(params, "since"),
        until=_instant(params, "until"),
        mailbox=_text(params, "mailbox", 320),
        sender_domain=_text(params, "sender_domain", 255),
        category=_pattern(params, "category", _CATEGORY, "lower-case letters, digits, _ or -"),
        action=_pattern(params, "action", _ACTION, "an action name such as detected or error"),
        case_id=_int(params, "case"),
    )


def parse_page(params: Any) -> tuple[int, int | None, str]:
    """``(limit, cursor, order)`` of a request's query parameters."""
    limit = _int(params, "limit", minimum=1, maximum=MAX_LIMIT, default=50)
    cursor = _int(params, "cursor")
    order = params.get("order") or "desc"
    if order not in ("asc", "desc"):
        raise BadParameter("order", "asc or desc")
    assert limit is not None
    return limit, cursor, order


# --- middleware ---------------------------------------------------------------------------------------------------
class SecurityHeaders:
    """Adds no-store caching and the usual hardening headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                extra = {
                    b"cache-control": b"no-store",
                    b"x-content-type-options": b"nosniff",
                    b"referrer-policy": b"no-referrer",
                    b"x-frame-options": b"DENY",
                }
                headers += [(k, v) for k, v in extra.items() if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


# --- the app ------------------------------------------------------------------------------------------------------
Handler = Callable[[Request], Response]


def build_api(
    settings: Settings,
    sessions: sessionmaker[Session],
    *,
    extra_routes: list[BaseRoute] | None = None,
) -> Starlette:
    """The read-only audit API (and, when `hygiene.console` is importable, the console) as a Starlette app.

    Raises:
        ConfigError: ``[audit] api_token`` is not set (there is no anonymous access).
    """
    if settings.audit.api_token is None or not settings.audit.api_token.get_secret_value():
        raise ConfigError(["audit.api_token is not set: set audit.api_token_file (or audit.api_token)"])
    auth = TokenAuth(settings.audit.api_token.get_secret_value())
    document = orjson.dumps(openapi_document())

    def protected(handler: Handler) -> Handler:
        def wrapped(request: Request) -> Response:
            if not auth.authorized(request):
                return JSONResponse(
                    {"error": "authentication required: send Authorization: Bearer <token>"},
                    status_code=401,
                    headers={"WWW-Authenticate": 'Bearer realm="hygiene-audit"'},
                )
            return handler(request)

        return wrapped

    def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    def openapi(request: Request) -> Response:
        return Response(document, media_type="application/json")

    def events(request: Request) -> Response:
        flt = parse_filter(request.query_params)
        limit, cursor, order = parse_page(request.query_params)
        with sessions() as session:
            page = store.query(session, flt, limit=limit, cursor=cursor, order=order)
            items = [store.event_dict(r) for r in page.items]
        return JSONResponse({"items": items, "next_cursor": page.next_cursor})

    def events_csv(request: Request) -> Response:
        flt = parse_filter(request.query_params)

        def stream() -> Iterator[str]:
            # One short session per batch: the thread pool may run each step on another thread.
            cursor: int | None = None
            first = True
            while True:
                with sessions() as session:
                    page = store.query(session, flt, limit=_CSV_BATCH, cursor=cursor, order="asc")
                    chunk = "".join(csv_lines(page.items, header=first))
                yield chunk
                first = False
                if page.next_cursor is None:
                    return
                cursor = page.next_cursor

        return StreamingResponse(
            stream(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="audit-events.csv"'},
        )

    def event(request: Request) -> Response:
        event_id = _int(request.path_params, "event_id")
        with sessions() as session:
            row = store.get_event(session, event_id) if event_id is not None else None
            if row is None:
                raise HTTPException(404, "no audit event with this id")
            return JSONResponse(store.event_dict(row))

    def case(request: Request) -> Response:
        case_id = _int(request.path_params, "case_id")
        assert case_id is not None
        with sessions() as session:
            summary = views.case_dict(session, case_id)
            history = [store.event_dict(r) for r in store.iter_events(session, AuditFilter(case_id=case_id))]
        if summary is None and not history:
            raise HTTPException(404, "no case with this id")
        return JSONResponse({"case_id": case_id, "case": summary, "events": history})

    def report(request: Request) -> Response:
        month = request.path_params["month"]
        try:
            since, until = store.month_bounds(month)
        except ValueError:
            raise BadParameter("month", "a month such as 2026-11") from None
        with sessions() as session:
            rep = store.report(session, since, until)
        return JSONResponse({"month": month, **rep.as_dict()})

    def verify(request: Request) -> Response:
        with sessions() as session:
            result = store.verify(session)
        return JSONResponse(verify_dict(result))

    def mailboxes(request: Request) -> Response:
        params = request.query_params
        raw = params.get("in_scope")
        if raw in (None, ""):
            in_scope = None
        elif raw.lower() in ("true", "1"):
            in_scope = True
        elif raw.lower() in ("false", "0"):
            in_scope = False
        else:
            raise BadParameter("in_scope", "true or false")
        limit = _int(params, "limit", minimum=1, maximum=MAX_LIMIT, default=50)
        cursor = _int(params, "cursor", maximum=MAX_INT32)
        with sessions() as session:
            items, next_cursor = views.mailboxes_page(session, in_scope=in_scope, limit=limit or 50, cursor=cursor)
        return JSONResponse({"items": items, "next_cursor": next_cursor})

    def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    routes: list[BaseRoute] = [
        Route("/healthz", healthz),
        Route("/openapi.json", openapi),
        Route("/api/v1/events", protected(events)),
        Route("/api/v1/events.csv", protected(events_csv)),
        Route("/api/v1/events/{event_id}", protected(event)),
        Route("/api/v1/cases/{case_id}", protected(case)),
        Route("/api/v1/reports/{month}", protected(report)),
        Route("/api/v1/verify", protected(verify)),
        Route("/api/v1/mailboxes", protected(mailboxes)),
    ]
    routes += extra_routes or []
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={HTTPException: http_error},
    )
    app.state.auth = auth
    app.state.sessions = sessions
    app.state.settings = settings
    return app
