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
    /api/v1/breaches              the breach register (`hygiene.api.breaches`), keyset-paged
    /api/v1/breaches/{breach_id}  one register entry and its audited history
    /console/...                  the privacy officer's console (`hygiene.api.console`)

Responses are JSON (orjson) with ``Cache-Control: no-store``. Handlers are synchronous and run in Starlette's
thread pool, each with its own short read-only session.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
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
from hygiene.api.breaches import breach_routes
from hygiene.api.console import console_routes
from hygiene.api.entra import EntraClient
from hygiene.api.formats import csv_lines, verify_dict
from hygiene.api.openapi import (
    MAX_INT32,
    MAX_LIMIT,
    openapi_document,
)
from hygiene.api.params import BadParameter, int_param, parse_filter, parse_page
from hygiene.clock import SystemClock
from hygiene.domain.audit import AuditFilter
from hygiene.errors import ConfigError
from hygiene.ports import Clock
from hygiene.settings import Settings

_CSV_BATCH = 2000


class JSONResponse(Response):
    """A JSON response rendered with orjson."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


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


def _session_secret(settings: Settings) -> bytes:
    """The console's session-signing secret: from the installation key, else random for this process.

    Never derived from anything an attacker could know (such as the database URL): without ``[security] hmac_key``
    console sessions simply end when the process restarts.
    """
    if settings.security.hmac_key is not None:
        return settings.security.hmac_key.get_secret_value().encode()
    return secrets.token_bytes(32)


def build_api(
    settings: Settings,
    sessions: sessionmaker[Session],
    *,
    clock: Clock | None = None,
    extra_routes: list[BaseRoute] | None = None,
) -> Starlette:
    """The read-only audit API and the privacy officer's console (`hygiene.api.console`) as one Starlette app.

    ``clock`` is the console's notion of "now" (the overview's last 30 days). ``extra_routes`` lets other
    components (the breach register) add their own read-only routes.

    Raises:
        ConfigError: neither ``[audit] api_token`` nor Entra ID is configured (there is no anonymous access).
    """
    token = settings.audit.api_token.get_secret_value() if settings.audit.api_token is not None else ""
    if not token and not settings.audit.entra_enabled:
        raise ConfigError(
            [
                "audit.api_token is not set: set audit.api_token_file (or audit.api_token), "
                "or audit.entra_tenant_id and audit.entra_client_id for Entra ID"
            ]
        )
    entra = EntraClient(settings.audit) if settings.audit.entra_enabled else None
    auth = TokenAuth(token or None, entra=entra, session_secret=_session_secret(settings))
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
        event_id = int_param(request.path_params, "event_id")
        with sessions() as session:
            row = store.get_event(session, event_id) if event_id is not None else None
            if row is None:
                raise HTTPException(404, "no audit event with this id")
            return JSONResponse(store.event_dict(row))

    def case(request: Request) -> Response:
        case_id = int_param(request.path_params, "case_id")
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
        limit = int_param(params, "limit", minimum=1, maximum=MAX_LIMIT, default=50)
        cursor = int_param(params, "cursor", maximum=MAX_INT32)
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
    routes += breach_routes(sessions, protected, clock or SystemClock())
    routes += console_routes(sessions, auth, clock or SystemClock())
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
