"""The sandbox over HTTP: `build_app(tenant)` (a Starlette app) and `serve(tenant)` (uvicorn on 127.0.0.1 in a
background thread, port 0 = a free port).

Three surfaces:

- ``/v1.0/...`` — Graph (see `hygiene.sandbox.graph`), behind a bearer token (the static ``token`` or one issued
  by the token endpoint; 401 ``InvalidAuthenticationToken`` otherwise), with Outlook's throttling (at most
  ``limits.app_concurrency`` requests of one app in flight on mailbox routes, the next one gets 429 with
  ``Retry-After``; ``limits.mailbox_requests`` per app and mailbox per ``limits.mailbox_window_s``), fault
  injection (`hygiene.sandbox.tenant.Faults`) and JSON batching (``POST /v1.0/$batch``, at most 20 requests,
  ``dependsOn``, 424 for a failed dependency).
- ``/{tenant}/oauth2/v2.0/token`` — the Microsoft identity platform's client-credentials grant.
- ``/_sandbox/...`` — the control surface for tests and the demo (state, deliver, expire delta tokens, faults).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import logging
import secrets
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import orjson
from starlette.applications import Starlette
from starlette.requests import Request as StarletteRequest
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from hygiene.sandbox.graph import GraphService, Reply, Request, Resolved, error
from hygiene.sandbox.tenant import Tenant

JSON_TYPE = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8"
MAX_BATCH = 20
TOKEN_LIFETIME_S = 3599
STATIC_APP = "sandbox"


class _Dropped(Exception):
    """Raised after a partial response to make the server drop the connection (a fault)."""


class _DropFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, _Dropped) and not (exc and isinstance(exc.__cause__, _Dropped))


class DropResponse(Response):
    """Sends headers and part of a body, then fails so the connection is closed mid-response."""

    def __init__(self) -> None:
        super().__init__(b'{"value":[', status_code=200, media_type="application/json")
        self.headers["content-length"] = "4096"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self.body, "more_body": True})
        raise _Dropped("connection dropped by a sandbox fault")


def _to_response(reply: Reply) -> Response:
    headers = dict(reply.headers)
    if reply.body is None:
        return Response(status_code=reply.status, headers=headers)
    if isinstance(reply.body, bytes):
        return Response(reply.body, status_code=reply.status, headers=headers, media_type=reply.content_type)
    return Response(orjson.dumps(reply.body), status_code=reply.status, headers=headers, media_type=JSON_TYPE)


def _query(raw: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
        out[k.lower() if k.startswith("$") else k] = v
    return out


class SandboxApp:
    """The request pipeline: auth, accounting, throttling, faults, then `GraphService`."""

    def __init__(self, tenant: Tenant, token: str = "sandbox") -> None:  # noqa: S107 - the sandbox token
        self.tenant = tenant
        self.static_token = token
        self.service = GraphService(tenant)

    # --- auth -------------------------------------------------------------------------------------------------
    def app_of(self, authorization: str | None) -> str | None:
        """The app id a bearer token belongs to, or None when the token is missing/unknown/expired."""
        if not authorization or not authorization.lower().startswith("bearer "):
            return None
        token = authorization[7:].strip()
        if token and secrets.compare_digest(token, self.static_token):
            return STATIC_APP
        with self.tenant.lock:
            issued = self.tenant.issued_tokens.get(token)
        if issued is None or issued[1] < time.monotonic():
            return None
        return issued[0]

    # --- Graph ------------------------------------------------------------------------------------------------
    async def graph(self, request: StarletteRequest) -> Response:
        raw_path = request.scope.get("raw_path") or request.url.path.encode()
        path = raw_path.decode("latin-1").split("?", 1)[0]
        path = path[len("/v1.0") :] if path.startswith("/v1.0") else path
        base_url = f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}/v1.0"
        req = Request(
            method=request.method,
            path=path,
            query=_query(request.scope.get("query_string", b"")),
            headers={k.lower(): v for k, v in request.headers.items()},
            body=await request.body(),
            base_url=base_url,
        )
        app = self.app_of(request.headers.get("authorization"))
        if path.rstrip("/").lower() == "/$batch":
            route = "batch"
            if app is None:
                reply = self._unauthenticated(req)
            elif req.method != "POST":
                reply = error(405, "BadRequest", "The $batch endpoint accepts POST only.")
            else:
                reply = await self._batch(req, app)
            self.tenant.record(route, reply.status)
            return _to_response(reply)  # the envelope; its items went to the hook one by one
        resolved = self.service.resolve(req.method, path)
        if isinstance(resolved, Reply):
            self.tenant.record("unknown", resolved.status)
            return self._respond(req, resolved)
        if app is None:
            reply = self._unauthenticated(req)
            self.tenant.record(resolved.route, reply.status)
            return self._respond(req, reply)
        mailbox = self._mailbox_upn(resolved)
        peak = self.tenant.peak_concurrency
        with self.tenant.lock:
            in_flight = peak.enter(app, mailbox)
        try:
            if resolved.mailbox is not None and in_flight > self.tenant.limits.app_concurrency:
                reply = self._throttled("Application is over its MailboxConcurrency limit.")
            else:
                result = await self._execute(resolved, req, app, mailbox)
                if result is None:  # a dropped connection
                    self.tenant.record(resolved.route, 0, mailbox)
                    return DropResponse()
                reply = result
        finally:
            with self.tenant.lock:
                peak.leave(app, mailbox)
        self.tenant.record(resolved.route, reply.status, mailbox)
        return self._respond(req, reply)

    def _respond(self, req: Request, reply: Reply) -> Response:
        response = _to_response(reply)
        hook = self.tenant.response_hook
        if hook is not None:
            hook(req.method, req.path, reply.status, response.headers.get("content-type"), bytes(response.body))
        return response

    def _mailbox_upn(self, resolved: Resolved) -> str | None:
        if resolved.mailbox is None:
            return None
        try:
            return self.tenant.user(resolved.mailbox).upn.lower()
        except KeyError:
            return resolved.mailbox.lower()

    def _throttled(self, message: str, retry_after: float | None = None) -> Reply:
        reply = error(429, "ApplicationThrottled", message)
        ra = self.tenant.limits.retry_after_s if retry_after is None else retry_after
        reply.headers["Retry-After"] = str(max(0, round(ra)))
        return reply

    @staticmethod
    def _unauthenticated(req: Request) -> Reply:
        has = "authorization" in req.headers
        reply = error(
            401,
            "InvalidAuthenticationToken",
            "Access token validation failure. Invalid audience." if has else "Access token is empty.",
        )
        reply.headers["WWW-Authenticate"] = (
            'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"'
        )
        return reply

    async def _execute(self, resolved: Resolved, req: Request, app: str, mailbox: str | None) -> Reply | None:
        """Faults, latency, the mailbox budget, then the operation. None means: drop the connection."""
        rules = self.tenant.faults.pick(resolved.route, req.method, mailbox)
        delay = self.tenant.faults.latency_s + sum(r.delay_s for r in rules if r.kind == "slow")
        if delay > 0:
            await asyncio.sleep(delay)
        for r in rules:
            while r.gate is not None and not r.gate.is_set():
                await asyncio.sleep(0.005)
        for r in rules:
            if r.kind == "status":
                code = {429: "ApplicationThrottled", 503: "ServiceUnavailable", 504: "GatewayTimeout"}.get(
                    r.status, "UnknownError"
                )
                reply = error(r.status, code, "Injected by the sandbox's fault rules.")
                if r.retry_after is not None:
                    reply.headers["Retry-After"] = str(r.retry_after if r.retry_after % 1 else int(r.retry_after))
                return reply
        if mailbox is not None:
            wait = self.tenant.mailbox_budget(app, mailbox)
            if wait is not None:
                return self._throttled("Application is over its MailboxRequests limit.", wait)
        if any(r.kind == "drop" for r in rules):
            return None
        return self.service.call(resolved, req)

    # --- $batch -----------------------------------------------------------------------------------------------
    async def _batch(self, req: Request, app: str) -> Reply:
        """https://learn.microsoft.com/graph/json-batching"""
        try:
            data = orjson.loads(req.body) if req.body else None
        except orjson.JSONDecodeError:
            data = None
        requests = data.get("requests") if isinstance(data, dict) else None
        if not isinstance(requests, list) or not requests:
            return error(400, "BadRequest", "Invalid batch payload format.")
        if len(requests) > MAX_BATCH:
            return error(400, "BadRequest", f"Number of requests in the batch exceeds the limit of {MAX_BATCH}.")
        ids: list[str] = []
        for r in requests:
            if not isinstance(r, dict) or not all(
                isinstance(r.get(k), str) and r.get(k) for k in ("id", "method", "url")
            ):
                return error(400, "BadRequest", "Each request in a batch needs a string 'id', 'method' and 'url'.")
            if r["id"] in ids:
                return error(400, "BadRequest", f"Request Id '{r['id']}' is duplicated.")
            ids.append(r["id"])
            if urlsplit(r["url"]).scheme:
                return error(400, "BadRequest", "The url of a batch request must be relative to the service root.")
            if r.get("body") is not None and "content-type" not in {k.lower() for k in (r.get("headers") or {})}:
                return error(400, "BadRequest", "Content-Type header must be specified for a request with a body.")
        for r in requests:
            for dep in r.get("dependsOn") or []:
                if dep not in ids or ids.index(dep) >= ids.index(r["id"]):
                    return error(
                        400, "BadRequest", f"Request '{r['id']}' depends on an unknown or later request '{dep}'."
                    )
        statuses: dict[str, int] = {}
        responses: list[dict[str, Any]] = []
        for r in requests:
            if any(statuses.get(d, 200) >= 400 for d in r.get("dependsOn") or []):
                reply = error(424, "FailedDependency", "A request this one depends on failed.")
                route = "batch.dependency"
            else:
                reply, route = await self._batch_one(r, req, app)
            statuses[r["id"]] = reply.status
            self.tenant.record(route, reply.status)
            item: dict[str, Any] = {"id": r["id"], "status": reply.status, "headers": dict(reply.headers)}
            if reply.body is not None:
                if isinstance(reply.body, bytes):
                    item["body"] = base64.b64encode(reply.body).decode()
                    item["headers"]["Content-Type"] = reply.content_type or "application/octet-stream"
                else:
                    item["body"] = reply.body
                    item["headers"]["Content-Type"] = "application/json"
            responses.append(item)
        return Reply(200, {"responses": responses})

    async def _batch_one(self, r: dict[str, Any], outer: Request, app: str) -> tuple[Reply, str]:
        parts = urlsplit(r["url"] if r["url"].startswith("/") else "/" + r["url"])
        path = parts.path
        path = path[len("/v1.0") :] if path.lower().startswith("/v1.0/") else path
        headers = {k.lower(): str(v) for k, v in (r.get("headers") or {}).items()}
        body = r.get("body")
        raw = b""
        if body is not None:
            if headers.get("content-type", "").startswith("application/json"):
                raw = orjson.dumps(body)
            elif isinstance(body, str):
                try:
                    raw = base64.b64decode(body)
                except binascii.Error:
                    raw = body.encode()
        inner = Request(r["method"].upper(), path, _query(parts.query.encode()), headers, raw, outer.base_url)
        resolved = self.service.resolve(inner.method, path)
        if isinstance(resolved, Reply):
            return resolved, "unknown"
        mailbox = self._mailbox_upn(resolved)
        result = await self._execute(resolved, inner, app, mailbox)
        if result is None:
            result = error(502, "BadGateway", "The inner request failed.")
        self._respond(inner, result)  # for the response hook
        if mailbox is not None:
            with self.tenant.lock:
                self.tenant.mailbox_requests[(mailbox, resolved.route)] += 1
        return result, resolved.route

    # --- token endpoint ---------------------------------------------------------------------------------------
    # --- document libraries (the sharepoint records backend) ---------------------------------------------------
    async def drive(self, request: StarletteRequest) -> Response:
        """``/v1.0/drives/{drive}/...``: the tenant's document library, with the tenant's tokens."""
        drive = self.tenant.drives.get(request.path_params["drive"])
        if drive is None:
            return _control_json({"error": {"code": "itemNotFound", "message": "The drive was not found."}}, 404)
        drive.authorize = lambda header: self.app_of(header) is not None
        return await drive._drive(request)

    async def drive_upload(self, request: StarletteRequest) -> Response:
        """An upload session's pre-authenticated URL."""
        sid = request.path_params["sid"]
        drive = next((d for d in self.tenant.drives.values() if sid in d.sessions), None)
        if drive is None:
            return _control_json({"error": {"code": "itemNotFound", "message": "No such upload session."}}, 404)
        return await drive._upload_chunk(request)

    async def drive_download(self, request: StarletteRequest) -> Response:
        """A file's pre-authenticated download URL (where ``/items/{id}/content`` redirects)."""
        item_id = request.path_params["item_id"]
        drive = next((d for d in self.tenant.drives.values() if d.by_id(item_id) is not None), None)
        if drive is None:
            return _control_json({"error": {"code": "itemNotFound", "message": "No such item."}}, 404)
        return await drive._download(request)

    async def token(self, request: StarletteRequest) -> Response:
        """The client-credentials grant of https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow"""
        form = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("basic "):
            with contextlib.suppress(ValueError, binascii.Error):
                cid, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
                form.setdefault("client_id", cid)
                form.setdefault("client_secret", secret)

        def fail(code: str, aadsts: int, text: str) -> Response:
            self.tenant.record("token", 400 if code != "invalid_client" else 401)
            body = {"error": code, "error_description": f"AADSTS{aadsts}: {text}", "error_codes": [aadsts]}
            return Response(
                orjson.dumps(body), status_code=400 if code != "invalid_client" else 401, media_type="application/json"
            )

        if form.get("grant_type") != "client_credentials":
            return fail("unsupported_grant_type", 70003, "The app requested an unsupported grant type.")
        cid, secret = form.get("client_id", ""), form.get("client_secret", "")
        with self.tenant.lock:
            expected = self.tenant.clients.get(cid)
        if expected is None:
            return fail(
                "unauthorized_client", 700016, f"Application with identifier '{cid}' was not found in the directory."
            )
        if not secrets.compare_digest(secret, expected):
            return fail("invalid_client", 7000215, "Invalid client secret provided.")
        if not form.get("scope", "").endswith("/.default"):
            return fail(
                "invalid_scope",
                1002012,
                "The provided value for scope is not valid. Client credential flows must have a scope value "
                "with /.default suffixed to the resource identifier.",
            )
        token = secrets.token_urlsafe(32)
        with self.tenant.lock:
            self.tenant.issued_tokens[token] = (cid, time.monotonic() + TOKEN_LIFETIME_S)
        self.tenant.record("token", 200)
        body = {
            "token_type": "Bearer",
            "expires_in": TOKEN_LIFETIME_S,
            "ext_expires_in": TOKEN_LIFETIME_S,
            "access_token": token,
        }
        return Response(orjson.dumps(body), media_type="application/json", headers={"Cache-Control": "no-store"})

    # --- control surface --------------------------------------------------------------------------------------
    async def control(self, request: StarletteRequest) -> Response:
        """``/_sandbox/{action}``: state, requests, outbox (GET); deliver, expire-delta-tokens, faults,
        reset-counters (POST); faults (DELETE)."""
        action = request.path_params["action"]
        body: Any = {}
        if request.method in ("POST", "PUT"):
            raw = await request.body()
            try:
                body = orjson.loads(raw) if raw else {}
            except orjson.JSONDecodeError:
                return _control_error(400, "the request body is not JSON")
        t = self.tenant
        try:
            if request.method == "GET" and action == "state":
                return _control_json(t.state())
            if request.method == "GET" and action == "requests":
                return _control_json(t.state()["requests"])
            if request.method == "GET" and action == "outbox":
                return _control_json(t.state()["outbox"])
            if request.method == "POST" and action == "deliver":
                mime = base64.b64decode(body["mime_base64"]) if "mime_base64" in body else body["eml"].encode()
                mid = t.deliver(body["user"], mime, body.get("folder", "inbox"))
                return _control_json({"id": mid}, status=201)
            if request.method == "POST" and action == "generate":
                from hygiene.sandbox.demo import generate_messages

                ids = generate_messages(t, body["user"], int(body.get("count", 10)), seed=int(body.get("seed", 0)))
                return _control_json({"ids": ids}, status=201)
            if request.method == "POST" and action == "expire-delta-tokens":
                return _control_json({"expired": t.expire_delta_tokens(body.get("user"))})
            if request.method == "POST" and action == "reset-counters":
                t.reset_counters()
                return _control_json({})
            if action == "faults" and request.method == "DELETE":
                t.faults.clear()
                return _control_json({})
            if action == "faults" and request.method == "POST":
                kind = body.pop("kind", "status")
                if kind == "latency":
                    t.faults.latency_s = float(body["seconds"])
                elif kind == "drop":
                    t.faults.drop(**body)
                elif kind == "slow":
                    t.faults.slow(**body)
                else:
                    t.faults.add(**body)
                return _control_json({}, status=201)
        except KeyError as exc:
            return _control_error(400, f"missing or unknown: {exc.args[0]}")
        except (TypeError, ValueError, binascii.Error) as exc:
            return _control_error(400, str(exc))
        return _control_error(404, f"no control action {request.method} {action}")


def _control_json(data: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json")


def _control_error(status: int, message: str) -> Response:
    return _control_json({"error": message}, status=status)


def build_app(tenant: Tenant, *, token: str = "sandbox") -> Starlette:  # noqa: S107
    """The sandbox as an ASGI app (Graph under ``/v1.0``, token endpoint, control surface under ``/_sandbox``)."""
    sb = SandboxApp(tenant, token)
    methods = ["GET", "POST", "PATCH", "DELETE", "PUT"]
    app = Starlette(
        routes=[
            Route("/v1.0/drives/{drive}/{rest:path}", sb.drive, methods=methods),
            Route("/upload/{sid}", sb.drive_upload, methods=["PUT"]),
            Route("/download/{item_id}", sb.drive_download, methods=["GET"]),
            Route("/v1.0/{rest:path}", sb.graph, methods=methods),
            Route("/{tenant_id}/oauth2/v2.0/token", sb.token, methods=["POST"]),
            Route("/_sandbox/{action}", sb.control, methods=methods),
        ]
    )
    app.state.sandbox = sb
    return app


@dataclass
class Running:
    """A running sandbox: where to reach it (``ca_file``: the CA to trust when it serves HTTPS)."""

    tenant: Tenant
    host: str
    port: int
    ca_file: Path | None = None

    @property
    def root_url(self) -> str:
        """``http://127.0.0.1:PORT`` (``https://`` with TLS)."""
        return f"{'https' if self.ca_file else 'http'}://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """Graph's service root (``.../v1.0``)."""
        return f"{self.root_url}/v1.0"

    @property
    def token_url(self) -> str:
        """The client-credentials token endpoint of the tenant."""
        return f"{self.root_url}/{self.tenant.tenant_id}/oauth2/v2.0/token"

    @property
    def control_url(self) -> str:
        """The control surface (``/_sandbox``)."""
        return f"{self.root_url}/_sandbox"


@contextlib.contextmanager
def serve(
    tenant: Tenant,
    *,
    token: str = "sandbox",  # noqa: S107 - the sandbox's fixed loopback token
    port: int = 0,
    host: str = "127.0.0.1",
    tls: bool = False,
) -> Iterator[Running]:
    """Run the sandbox on ``host:port`` (port 0: a free port) in a background thread until the block ends.

    With ``tls`` it serves HTTPS with a throw-away CA (`hygiene.sandbox.tls`); trust ``Running.ca_file`` (for
    example through ``SSL_CERT_FILE``), as azure-identity only talks to an ``https://`` authority.
    """
    import uvicorn

    uvicorn_log = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _DropFilter) for f in uvicorn_log.filters):
        uvicorn_log.addFilter(_DropFilter())  # injected drops are not server errors
    certs = None
    tmp = None
    if tls:
        from hygiene.sandbox.tls import make_certificates

        tmp = tempfile.TemporaryDirectory(prefix="hygiene-sandbox-tls-")
        certs = make_certificates(Path(tmp.name))
    config = uvicorn.Config(
        build_app(tenant, token=token),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_keep_alive=30,
        backlog=2048,
        ssl_certfile=str(certs.cert_file) if certs else None,
        ssl_keyfile=str(certs.key_file) if certs else None,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="hygiene-sandbox", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the sandbox server did not start on {host}:{port}")
        time.sleep(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield Running(tenant, host, bound, certs.ca_file if certs else None)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        if tmp is not None:
            tmp.cleanup()
