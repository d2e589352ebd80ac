"""A fake Noark 5 Tjenestegrensesnitt (N5WS) server, written from the published standard, for the noark5 tests.

It keeps an in-memory tree arkiv > arkivdel > (klassifikasjonssystem > klasse >) saksmappe > journalpost >
(korrespondansepart, dokumentbeskrivelse > dokumentobjekt > file), speaks ``application/vnd.noark5+json`` with
HAL ``_links`` keyed by ``https://rel.arkivverket.no/noark5/v5/api/...`` relations, lists as
``{"count", "results"}``, supports OData ``$filter=<field> eq '<value>'``, computes ``sjekksum`` (SHA-256) and
``filstoerrelse`` on upload, and requires an OAuth2 client-credentials bearer token when ``client_secret`` is set.

Test hooks: ``fail(path_part, status, times)`` answers the next matching requests with ``status``;
``corrupt(obj_id)`` flips a byte of a stored file; ``lie_about_checksum`` makes uploads report a wrong sjekksum.
Use `asgi_client()` in-process, or `serve()` for a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import orjson
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

CT = "application/vnd.noark5+json"
REL = "https://rel.arkivverket.no/noark5/v5/api/"
BASE = "/noark5v5"

# type -> package it lives in
PACKAGE = {
    "arkiv": "arkivstruktur",
    "arkivdel": "arkivstruktur",
    "klassifikasjonssystem": "arkivstruktur",
    "klasse": "arkivstruktur",
    "saksmappe": "sakarkiv",
    "journalpost": "sakarkiv",
    "korrespondansepart": "arkivstruktur",
    "dokumentbeskrivelse": "arkivstruktur",
    "dokumentobjekt": "arkivstruktur",
}
# type -> child types; korrespondansepart is created through ny-korrespondansepartperson
CHILDREN = {
    "arkiv": ("arkivdel",),
    "arkivdel": ("klassifikasjonssystem", "saksmappe"),
    "klassifikasjonssystem": ("klasse",),
    "klasse": ("saksmappe",),
    "saksmappe": ("journalpost",),
    "journalpost": ("korrespondansepart", "dokumentbeskrivelse"),
    "dokumentbeskrivelse": ("dokumentobjekt",),
    "dokumentobjekt": (),
    "korrespondansepart": (),
}
NEW_NAME = {"korrespondansepart": "korrespondansepartperson"}
_FILTER = re.compile(r"^\s*(\w+) eq '((?:[^']|'')*)'\s*$")


@dataclass
class Obj:
    """One stored archive entity."""

    id: str
    type: str
    parent: str | None
    fields: dict[str, Any]


@dataclass
class FakeNoark5:
    """The fake archive's state; thread-safe enough for tests (one lock around every request)."""

    client_id: str = "hygiene"
    client_secret: str | None = "s3cret"
    objects: dict[str, Obj] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    tokens: set[str] = field(default_factory=set)
    requests: list[tuple[str, str, int]] = field(default_factory=list)
    faults: list[list[Any]] = field(default_factory=list)
    lie_about_checksum: bool = False
    base_url: str = "http://n5.test"
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- hooks ------------------------------------------------------------------------------------------------

    def fail(self, path_part: str, status: int = 503, times: int = 1, method: str | None = None) -> None:
        """Answer the next ``times`` requests whose path contains ``path_part`` with ``status``."""
        self.faults.append([path_part, status, times, method])

    def corrupt(self, obj_id: str) -> None:
        """Flip the first byte of the file stored on dokumentobjekt ``obj_id``."""
        data = self.files[obj_id]
        self.files[obj_id] = bytes([data[0] ^ 0xFF]) + data[1:]

    def of_type(self, type_: str) -> list[Obj]:
        """Every stored object of ``type_``."""
        return [o for o in self.objects.values() if o.type == type_]

    def add(self, type_: str, parent: str | None, **fields: Any) -> Obj:
        """Create an object directly (test setup, e.g. a klassifikasjonssystem with classes)."""
        obj = Obj(secrets.token_hex(8), type_, parent, dict(fields))
        obj.fields.setdefault("opprettetDato", datetime.now(UTC).isoformat())
        self.objects[obj.id] = obj
        return obj

    # -- rendering --------------------------------------------------------------------------------------------

    def _url(self, path: str) -> str:
        return f"{self.base_url}{BASE}{path}"

    def _render(self, obj: Obj) -> dict[str, Any]:
        pkg = PACKAGE[obj.type]
        own = f"/api/{pkg}/{obj.type}/{obj.id}/"
        links: dict[str, Any] = {"self": {"href": self._url(own)}, f"{REL}{pkg}/{obj.type}/": {"href": self._url(own)}}
        for child in CHILDREN[obj.type]:
            cpkg = PACKAGE[child]
            links[f"{REL}{cpkg}/{child}/"] = {"href": self._url(f"{own}{child}/")}
            new = NEW_NAME.get(child, child)
            links[f"{REL}{cpkg}/ny-{new}/"] = {"href": self._url(f"{own}ny-{new}/")}
        if obj.type == "dokumentobjekt":
            links[f"{REL}arkivstruktur/fil/"] = {"href": self._url(f"{own}referanseFil/")}
        return {"systemID": obj.id, **obj.fields, "_links": links}

    def _list(self, objs: list[Obj]) -> dict[str, Any]:
        return {"count": len(objs), "results": [self._render(o) for o in objs], "_links": {}}

    # -- the ASGI app -----------------------------------------------------------------------------------------

    def app(self) -> Starlette:
        """The Starlette app serving this state."""
        return Starlette(
            routes=[
                Route("/oauth2/token", self._token, methods=["POST"]),
                Route(BASE + "/{path:path}", self._api, methods=["GET", "POST"]),
            ]
        )

    async def _token(self, request: Request) -> Response:
        form = await request.form()
        if form.get("grant_type") != "client_credentials":
            return _json({"error": "unsupported_grant_type"}, 400, "application/json")
        if form.get("client_id") != self.client_id or form.get("client_secret") != self.client_secret:
            return _json({"error": "invalid_client"}, 401, "application/json")
        token = secrets.token_urlsafe(16)
        self.tokens.add(token)
        return _json({"access_token": token, "token_type": "Bearer", "expires_in": 3600}, 200, "application/json")

    async def _api(self, request: Request) -> Response:
        body = await request.body()
        with self._lock:
            resp = self._handle(request, body)
        self.requests.append((request.method, request.url.path, resp.status_code))
        return resp

    def _handle(self, request: Request, body: bytes) -> Response:
        path = "/" + request.path_params["path"]
        for fault in self.faults:
            if fault[2] > 0 and fault[0] in path and (fault[3] is None or fault[3] == request.method):
                fault[2] -= 1
                return _json({"feil": "injected"}, fault[1])
        if self.client_secret is not None:
            auth = request.headers.get("authorization", "")
            if not auth.startswith("Bearer ") or auth[7:] not in self.tokens:
                return _json({"feil": "unauthorized"}, 401)
        parts = [p for p in path.split("/") if p]
        if not parts:
            return _json(
                {
                    "_links": {
                        f"{REL}arkivstruktur/": {"href": self._url("/api/arkivstruktur/")},
                        f"{REL}sakarkiv/": {"href": self._url("/api/sakarkiv/")},
                    }
                }
            )
        if parts == ["api", "arkivstruktur"]:
            return _json(
                {
                    "_links": {
                        f"{REL}arkivstruktur/arkiv/": {"href": self._url("/api/arkivstruktur/arkiv/")},
                        f"{REL}arkivstruktur/ny-arkiv/": {"href": self._url("/api/arkivstruktur/ny-arkiv/")},
                    }
                }
            )
        if parts == ["api", "arkivstruktur", "arkiv"] and request.method == "GET":
            return self._filtered(self.of_type("arkiv"), request)
        if parts == ["api", "arkivstruktur", "ny-arkiv"] and request.method == "POST":
            return self._create("arkiv", None, body)
        if len(parts) >= 4 and parts[0] == "api" and parts[3] in self.objects:
            obj = self.objects[parts[3]]
            if obj.type != parts[2]:
                return _json({"feil": "not found"}, 404)
            rest = parts[4:]
            if not rest and request.method == "GET":
                return _json(self._render(obj))
            if len(rest) == 1 and rest[0] in CHILDREN[obj.type] and request.method == "GET":
                kids = [o for o in self.objects.values() if o.parent == obj.id and o.type == rest[0]]
                return self._filtered(kids, request)
            if len(rest) == 1 and rest[0].startswith("ny-") and request.method == "POST":
                new = rest[0][3:]
                child = next((c for c in CHILDREN[obj.type] if NEW_NAME.get(c, c) == new), None)
                if child is not None:
                    return self._create(child, obj.id, body)
            if rest == ["referanseFil"] and obj.type == "dokumentobjekt":
                return self._file(obj, request, body)
        return _json({"feil": "not found"}, 404)

    def _filtered(self, objs: list[Obj], request: Request) -> Response:
        flt = request.query_params.get("$filter")
        if flt:
            m = _FILTER.match(flt)
            if m is None:
                return _json({"feil": "unsupported $filter"}, 400)
            name, value = m.group(1), m.group(2).replace("''", "'")
            objs = [o for o in objs if str(o.fields.get(name)) == value]
        return _json(self._list(objs))

    def _create(self, type_: str, parent: str | None, body: bytes) -> Response:
        try:
            fields = orjson.loads(body)
        except orjson.JSONDecodeError:
            return _json({"feil": "bad json"}, 400)
        if not isinstance(fields, dict):
            return _json({"feil": "expected a JSON object"}, 400)
        if "tittel" not in fields and type_ not in ("korrespondansepart", "dokumentobjekt"):
            return _json({"feil": "tittel is required"}, 400)
        for server_set in ("systemID", "sjekksum", "filstoerrelse", "_links"):
            fields.pop(server_set, None)
        obj = self.add(type_, parent, **fields)
        return _json(self._render(obj), 201)

    def _file(self, obj: Obj, request: Request, body: bytes) -> Response:
        if request.method == "GET":
            if obj.id not in self.files:
                return _json({"feil": "no file"}, 404)
            return Response(self.files[obj.id], media_type=obj.fields.get("mimeType", "application/octet-stream"))
        if obj.id in self.files:
            return _json({"feil": "file already uploaded"}, 409)
        self.files[obj.id] = body
        digest = hashlib.sha256(body).hexdigest()
        obj.fields["sjekksum"] = ("0" * 64) if self.lie_about_checksum else digest
        obj.fields["sjekksumAlgoritme"] = "SHA-256"
        obj.fields["filstoerrelse"] = len(body)
        obj.fields["mimeType"] = request.headers.get("content-type", "application/octet-stream")
        return _json(self._render(obj), 200)

    # -- clients ----------------------------------------------------------------------------------------------

    def asgi_client(self) -> httpx.AsyncClient:
        """An AsyncClient that talks to this fake in-process."""
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app()), base_url=self.base_url)

    @property
    def api_url(self) -> str:
        """The N5WS root URL (what ``records.noark5.base_url`` is set to)."""
        return f"{self.base_url}{BASE}/"

    @property
    def token_url(self) -> str:
        """The OAuth2 token endpoint."""
        return f"{self.base_url}/oauth2/token"

    @contextlib.contextmanager
    def serve(self) -> Iterator[FakeNoark5]:
        """Serve over real HTTP on 127.0.0.1 (an ephemeral port) in a thread; sets ``base_url``."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        server = uvicorn.Server(uvicorn.Config(self.app(), log_level="warning", lifespan="off"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        try:
            yield self
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            sock.close()


def _json(data: Any, status: int = 200, media_type: str = CT) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type=media_type)
