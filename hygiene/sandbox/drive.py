"""`Drive`: a SharePoint document library as Graph serves it, for the sharepoint records backend.

Served by the sandbox (`Tenant.add_drive`, under the same ``/v1.0`` root and token as the mail endpoints) and on
its own by the records tests.

Implements what `SharePointArchive` uses, as Graph documents it: ``GET /drives/{id}/root:/{path}``,
``PUT .../root:/{path}:/content?@microsoft.graph.conflictBehavior=fail|replace`` (409 ``nameAlreadyExists``),
``POST .../root:/{path}:/createUploadSession`` with a pre-authenticated ``uploadUrl`` taking ``Content-Range``
chunks (it rejects an Authorization header, as Graph does), ``GET /drives/{id}/items/{id}/content`` answering 302
to a download URL, and ``PATCH /drives/{id}/items/{id}/retentionLabel``. Items report
``file.hashes.quickXorHash``.

Hooks: ``fail(path_part, status, times)``, ``corrupt(item_id)``, ``lie_about_hash``. `asgi_client()` runs it
in-process; `serve()` serves it on 127.0.0.1 over real HTTP. Inside the sandbox, ``authorize`` accepts the
sandbox's tokens and the upload/download URLs are built from the request's own address.
"""

from __future__ import annotations

import contextlib
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
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

from hygiene.adapters.records.sharepoint import quickxorhash


@dataclass
class Item:
    """A stored file."""

    id: str
    path: str
    content: bytes
    created: str
    retention_label: str | None = None


@dataclass
class Drive:
    """In-memory drive state."""

    drive_id: str = "b!records-drive"
    token: str = "sandbox"  # noqa: S105 - the sandbox's loopback token
    base_url: str = "http://graph.test"
    items: dict[str, Item] = field(default_factory=dict)  # by path
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    faults: list[list[Any]] = field(default_factory=list)
    requests: list[tuple[str, str, bool]] = field(default_factory=list)  # method, path, had Authorization
    lie_about_hash: bool = False
    authorize: Callable[[str | None], bool] | None = None  # the sandbox's token check; else Bearer ``token``
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail(self, path_part: str, status: int = 503, times: int = 1) -> None:
        """Answer the next ``times`` requests whose path contains ``path_part`` with ``status``."""
        self.faults.append([path_part, status, times])

    def by_id(self, item_id: str) -> Item | None:
        """The item with ``item_id``."""
        return next((i for i in self.items.values() if i.id == item_id), None)

    def corrupt(self, item_id: str) -> None:
        """Flip the first byte of a stored file."""
        item = self.by_id(item_id)
        assert item is not None
        item.content = bytes([item.content[0] ^ 0xFF]) + item.content[1:]

    def app(self) -> Starlette:
        """The Starlette app serving this state."""
        return Starlette(
            routes=[
                Route("/v1.0/drives/{drive}/{rest:path}", self._drive, methods=["GET", "PUT", "POST", "PATCH"]),
                Route("/upload/{sid}", self._upload_chunk, methods=["PUT"]),
                Route("/download/{item_id}", self._download, methods=["GET"]),
            ]
        )

    def _fault(self, path: str) -> Response | None:
        for fault in self.faults:
            if fault[2] > 0 and fault[0] in path:
                fault[2] -= 1
                return _error(fault[1], "serviceNotAvailable")
        return None

    def _render(self, item: Item) -> dict[str, Any]:
        content = item.content
        qxh = "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" if self.lie_about_hash else quickxorhash(content)
        return {
            "id": item.id,
            "name": item.path.rsplit("/", 1)[-1],
            "size": len(content),
            "createdDateTime": item.created,
            "file": {"mimeType": "application/octet-stream", "hashes": {"quickXorHash": qxh}},
            "parentReference": {"driveId": self.drive_id, "path": "/drive/root:/" + item.path.rsplit("/", 1)[0]},
        }

    def _store(self, path: str, content: bytes, conflict: str) -> Response:
        existing = self.items.get(path)
        if existing is not None and conflict == "fail":
            return _error(409, "nameAlreadyExists")
        if existing is not None:
            existing.content = content
            return _json(self._render(existing), 200)
        item = Item(secrets.token_hex(8), path, content, datetime.now(UTC).isoformat().replace("+00:00", "Z"))
        self.items[path] = item
        return _json(self._render(item), 201)

    async def _drive(self, request: Request) -> Response:
        body = await request.body()
        had_auth = "authorization" in request.headers
        self.requests.append((request.method, request.url.path, had_auth))
        with self._lock:
            return self._handle_drive(request, body)

    def _handle_drive(self, request: Request, body: bytes) -> Response:
        fault = self._fault(request.url.path)
        if fault is not None:
            return fault
        authorization = request.headers.get("authorization")
        allowed = self.authorize(authorization) if self.authorize else authorization == f"Bearer {self.token}"
        if not allowed:
            return _error(401, "InvalidAuthenticationToken")
        base = self.base_url if self.authorize is None else str(request.base_url).rstrip("/")
        if request.path_params["drive"] != self.drive_id:
            return _error(404, "itemNotFound")
        rest: str = request.path_params["rest"]
        conflict = request.query_params.get("@microsoft.graph.conflictBehavior", "replace")
        if rest.startswith("root:/"):
            target = rest[len("root:/") :]
            if target.endswith(":/content") and request.method == "PUT":
                return self._store(target.removesuffix(":/content"), body, conflict)
            if target.endswith(":/createUploadSession") and request.method == "POST":
                path = target.removesuffix(":/createUploadSession")
                wanted = (orjson.loads(body or b"{}").get("item") or {}).get(
                    "@microsoft.graph.conflictBehavior", "replace"
                )
                if path in self.items and wanted == "fail":
                    return _error(409, "nameAlreadyExists")
                sid = secrets.token_hex(8)
                self.sessions[sid] = {"path": path, "conflict": wanted, "data": bytearray()}
                return _json({"uploadUrl": f"{base}/upload/{sid}", "nextExpectedRanges": ["0-"]})
            if request.method == "GET":
                item = self.items.get(target)
                return _json(self._render(item)) if item is not None else _error(404, "itemNotFound")
        parts = rest.split("/")
        if len(parts) == 3 and parts[0] == "items":
            item = self.by_id(parts[1])
            if item is None:
                return _error(404, "itemNotFound")
            if parts[2] == "content" and request.method == "GET":
                return Response(status_code=302, headers={"Location": f"{base}/download/{item.id}"})
            if parts[2] == "retentionLabel" and request.method == "PATCH":
                item.retention_label = orjson.loads(body)["name"]
                return _json({"name": item.retention_label})
        return _error(400, "invalidRequest")

    async def _upload_chunk(self, request: Request) -> Response:
        body = await request.body()
        self.requests.append((request.method, request.url.path, "authorization" in request.headers))
        with self._lock:
            fault = self._fault(request.url.path)
            if fault is not None:
                return fault
            if "authorization" in request.headers:
                return _error(401, "unauthenticated: the upload URL is pre-authenticated")
            session = self.sessions.get(request.path_params["sid"])
            if session is None:
                return _error(404, "itemNotFound")
            unit, _, spec = request.headers.get("content-range", "").partition(" ")
            span, _, total = spec.partition("/")
            start, _, end = span.partition("-")
            if unit != "bytes" or int(start) != len(session["data"]) or int(end) - int(start) + 1 != len(body):
                return _error(416, "invalidRange")
            session["data"].extend(body)
            if len(session["data"]) < int(total):
                return _json({"nextExpectedRanges": [f"{len(session['data'])}-"]}, 202)
            del self.sessions[request.path_params["sid"]]
            return self._store(session["path"], bytes(session["data"]), session["conflict"])

    async def _download(self, request: Request) -> Response:
        item = self.by_id(request.path_params["item_id"])
        if item is None:
            return _error(404, "itemNotFound")
        return Response(item.content, media_type="application/octet-stream")

    @property
    def graph_url(self) -> str:
        """What ``[graph] base_url`` is set to."""
        return f"{self.base_url}/v1.0"

    def asgi_client(self) -> httpx.AsyncClient:
        """An AsyncClient talking to this fake in-process."""
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app()), base_url=self.base_url)

    @contextlib.contextmanager
    def serve(self) -> Iterator[Drive]:
        """Serve over real HTTP on 127.0.0.1 (an ephemeral port) in a thread; sets ``base_url``."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
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


def _json(data: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json")


def _error(status: int, code: str) -> Response:
    return _json({"error": {"code": code, "message": code}}, status)
