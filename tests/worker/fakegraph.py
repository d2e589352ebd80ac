"""A small in-memory Graph mail tenant behind `httpx.MockTransport`, for the worker's pipeline tests.

It speaks the subset of Graph the gateway uses (users, group members, folders, messages delta with next/delta links
and 410 on expired tokens, ``$value``, PATCH, DELETE, permanentDelete, sendMail, Sent Items listing), records every
request with its status, counts peak concurrency, and injects faults. `hygiene.sandbox` is the full fake tenant
over real HTTP; this one exists so the pipeline is tested while it is built, and stays as a fast unit-level fake.
"""

from __future__ import annotations

import asyncio
import itertools
import re
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import httpx
import orjson

BASE = "http://127.0.0.1:9/v1.0"
FOLDERS = ("inbox", "deleteditems", "sentitems")


@dataclass
class Fault:
    """Answer requests whose path contains ``match`` with ``status`` (``times`` times)."""

    match: str
    status: int
    times: int
    retry_after: float | None = None
    method: str | None = None


@dataclass
class Msg:
    id: str
    folder: str
    mime: bytes
    subject: str
    sender: str | None
    body: str
    has_attachments: bool
    imid: str
    seq: int
    categories: list[str] = field(default_factory=list)
    flagged: bool = False
    headers: list[dict[str, str]] = field(default_factory=list)


class FakeGraph:
    """The tenant state plus the request handler."""

    def __init__(self, *, delay_s: float = 0.0, page_size: int = 3) -> None:
        self.page_size = page_size
        self.base = BASE
        self.users: dict[str, dict[str, Any]] = {}
        self.groups: dict[str, list[str]] = {}
        self.msgs: dict[str, dict[str, Msg]] = {}
        self.purged: dict[str, list[str]] = {}
        self.requests: list[tuple[str, str, int]] = []
        self.delta_starts: list[tuple[str, str]] = []  # (mailbox, folder) of every delta round started from scratch
        self.faults: list[Fault] = []
        self.denied: set[str] = set()
        self.delay_s = delay_s
        self.in_flight = 0
        self.peak = 0
        self._ids = itertools.count(1)
        self._seq = itertools.count(1)
        self._generation: dict[tuple[str, str], int] = {}

    # --- tenant setup -----------------------------------------------------------------------------------------
    def add_user(self, upn: str) -> str:
        uid = f"uid-{next(self._ids)}"
        self.users[upn.lower()] = {"id": uid, "userPrincipalName": upn.lower(), "mail": upn.lower()}
        self.msgs[upn.lower()] = {}
        self.purged[upn.lower()] = []
        return uid

    def add_group(self, gid: str, members: list[str]) -> None:
        self.groups[gid] = [m.lower() for m in members]

    def deliver(self, upn: str, mime: bytes, *, folder: str = "inbox") -> str:
        import email

        parsed = email.message_from_bytes(mime)
        mid = f"AAMk/{next(self._ids)}+x="  # ids with characters that need escaping
        body = ""
        try:
            sender = parseaddr(str(parsed.get("From", "")))[1] or None
        except RecursionError:  # hostile From headers (tests/hardening): Graph would show no sender
            sender = None
        if not parsed.is_multipart():
            payload = parsed.get_payload(decode=True)
            body = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        self.msgs[upn.lower()][mid] = Msg(
            id=mid,
            folder=folder,
            mime=mime,
            subject=str(parsed.get("Subject", "")),
            sender=sender,
            body=body,
            has_attachments=parsed.get_content_maintype() != "text",
            imid=str(parsed.get("Message-ID", f"<{mid}@fake>")),
            seq=next(self._seq),
        )
        return mid

    def folder(self, upn: str, folder: str) -> list[Msg]:
        return [m for m in self.msgs[upn.lower()].values() if m.folder == folder]

    def expire_delta_tokens(self) -> None:
        for key in list(self._generation):
            self._generation[key] += 1

    def count(self, method: str, pattern: str) -> int:
        return sum(1 for m, p, _ in self.requests if m == method and re.search(pattern, p))

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    # --- HTTP -------------------------------------------------------------------------------------------------
    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            if self.delay_s:
                await asyncio.sleep(self.delay_s)
            else:
                await asyncio.sleep(0)
            resp = self._route(request)
        finally:
            self.in_flight -= 1
        self.requests.append((request.method, unquote(request.url.path), resp.status_code))
        return resp

    def _route(self, request: httpx.Request) -> httpx.Response:
        assert request.headers.get("Authorization") == "Bearer sandbox"
        assert 'IdType="ImmutableId"' in request.headers.get("Prefer", "")
        raw = request.url.raw_path.decode().split("?")[0].removeprefix("/v1.0/")
        path = unquote(raw)
        for fault in self.faults:
            if fault.times > 0 and fault.match in path and (fault.method in (None, request.method)):
                fault.times -= 1
                headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
                return httpx.Response(fault.status, headers=headers, content=b'{"error":{"code":"fault"}}')
        q = {k: v[0] for k, v in parse_qs(urlsplit(str(request.url)).query).items()}
        parts = [unquote(p) for p in raw.split("/")]
        if parts[0] == "users" and len(parts) == 1:
            return _json({"value": list(self.users.values())})
        if parts[0] == "groups":
            members = self.groups.get(parts[1])
            if members is None:
                return _err(404, "ResourceNotFound")
            return _json({"value": [self.users[m] for m in members if m in self.users]})
        upn = parts[1].lower()
        user = self.users.get(upn) or next((u for u in self.users.values() if u["id"] == parts[1]), None)
        if user is None:
            return _err(404, "ResourceNotFound")
        upn = user["userPrincipalName"]
        if upn in self.denied and len(parts) > 2:
            return _err(403, "ErrorAccessDenied")
        rest = parts[2:]
        if not rest:
            return _json(user)
        if rest[0] == "mailFolders":
            return self._folders(request, upn, rest[1:], q)
        if rest[0] == "messages":
            return self._message(request, upn, rest[1:])
        if rest[0] == "sendMail":
            body = orjson.loads(request.content)["message"]
            mid = f"sent-{next(self._ids)}"
            self.msgs[upn][mid] = Msg(
                id=mid,
                folder="sentitems",
                mime=b"",
                subject=body["subject"],
                sender=upn,
                body=body["body"]["content"],
                has_attachments=False,
                imid=f"<{mid}@fake>",
                seq=next(self._seq),
                headers=body.get("internetMessageHeaders", []),
            )
            return httpx.Response(202)
        return _err(400, "BadRequest")

    def _folders(self, request: httpx.Request, upn: str, rest: list[str], q: dict[str, str]) -> httpx.Response:
        if not rest:
            return _json({"value": [{"id": f, "displayName": f, "childFolderCount": 0} for f in FOLDERS]})
        folder = rest[0]
        if folder not in FOLDERS:
            return _err(404, "ErrorInvalidIdMalformed")
        if len(rest) == 1:
            return _json({"id": folder, "displayName": folder, "childFolderCount": 0})
        if rest[1:] == ["childFolders"]:
            return _json({"value": []})
        if rest[1:] == ["messages", "delta"]:
            return self._delta(upn, folder, q)
        if rest[1:] == ["messages"]:
            msgs = sorted(self.folder(upn, folder), key=lambda m: -m.seq)
            return _json({"value": [{"id": m.id, "internetMessageHeaders": m.headers} for m in msgs]})
        return _err(400, "BadRequest")

    def _delta(self, upn: str, folder: str, q: dict[str, str]) -> httpx.Response:
        key = (upn, folder)
        gen = self._generation.setdefault(key, 0)
        after = 0
        upto: int | None = None
        if "$deltatoken" in q or "$skiptoken" in q:
            token = q.get("$deltatoken") or q["$skiptoken"]
            g, after_s, upto_s = token.split(".")
            if int(g) != gen:
                return _err(410, "SyncStateNotFound")
            after = int(after_s)
            upto = int(upto_s) if "$skiptoken" in q else None
        else:
            self.delta_starts.append((upn, folder))
        msgs = sorted((m for m in self.folder(upn, folder) if m.seq > after), key=lambda m: m.seq)
        if upto is None:  # a round sees what existed when it started; later changes go to the next round
            upto = msgs[-1].seq if msgs else after
        msgs = [m for m in msgs if m.seq <= upto]
        page = msgs[: self.page_size]
        base = f"{self.base}/users/{upn}/mailFolders/{folder}/messages/delta"
        body: dict[str, Any] = {
            "value": [
                {
                    "id": m.id,
                    "internetMessageId": m.imid,
                    "receivedDateTime": "2026-11-01T10:00:00Z",
                    "from": {"emailAddress": {"address": m.sender}},
                    "subject": m.subject,
                    "hasAttachments": m.has_attachments,
                    "body": {"contentType": "text", "content": m.body},
                }
                for m in page
            ]
        }
        if len(msgs) > len(page):
            body["@odata.nextLink"] = f"{base}?$skiptoken={gen}.{page[-1].seq}.{upto}"
        else:
            body["@odata.deltaLink"] = f"{base}?$deltatoken={gen}.{upto}.{upto}"
        return _json(body)

    def _message(self, request: httpx.Request, upn: str, rest: list[str]) -> httpx.Response:
        msg = self.msgs[upn].get(rest[0]) if rest else None
        if msg is None:
            return _err(404, "ErrorItemNotFound")
        tail = rest[1:]
        if tail == ["$value"]:
            return httpx.Response(200, content=msg.mime)
        if tail == ["permanentDelete"] and request.method == "POST":
            del self.msgs[upn][msg.id]
            self.purged[upn].append(msg.id)
            return httpx.Response(204)
        if not tail and request.method == "GET":
            return _json({"id": msg.id, "categories": msg.categories})
        if not tail and request.method == "PATCH":
            body = orjson.loads(request.content)
            if "categories" in body:
                msg.categories = body["categories"]
            if "flag" in body:
                msg.flagged = body["flag"]["flagStatus"] == "flagged"
            return _json({"id": msg.id})
        if not tail and request.method == "DELETE":
            msg.folder = "deleteditems"
            msg.seq = next(self._seq)
            return httpx.Response(204)
        return _err(400, "BadRequest")


def _json(body: Any) -> httpx.Response:
    return httpx.Response(200, content=orjson.dumps(body), headers={"Content-Type": "application/json"})


def _err(status: int, code: str) -> httpx.Response:
    return httpx.Response(status, content=orjson.dumps({"error": {"code": code, "message": "x"}}))


class serve_http:
    """Serve a `FakeGraph` over real HTTP on 127.0.0.1 in a thread (for tests that run the worker as a process)."""

    def __init__(self, graph: FakeGraph) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        lock = threading.Lock()
        self._graph = graph

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                url = f"http://127.0.0.1:{self.server.server_address[1]}{self.path}"
                request = httpx.Request(self.command, url, headers=dict(self.headers.items()), content=body)
                with lock:
                    resp = graph._route(request)
                    graph.requests.append((self.command, unquote(request.url.path), resp.status_code))
                self.send_response(resp.status_code)
                for k, v in resp.headers.items():
                    if k.lower() not in ("content-length", "transfer-encoding"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(resp.content)))
                self.end_headers()
                self.wfile.write(resp.content)

            do_GET = do_POST = do_PATCH = do_DELETE = _any

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self._thread.start()
        self._graph.base = f"http://127.0.0.1:{self._server.server_address[1]}/v1.0"
        return self._graph.base

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
