"""The one place where sandbox responses are checked against Microsoft's OpenAPI description of Graph v1.0 mail
(``shared/graph/openapi-v1.0-mail-subset.yaml``) with openapi-core.

`GraphSpec.check(response)` validates an httpx response: a described operation's JSON body against that
operation's responses (``2XX`` or ``default`` = the OData error schema); the inner responses of a ``$batch`` one
by one against their own operations; an error body of an operation the description lacks (permanentDelete,
attachment ``$value``) against the error schema. Every test client in tests/sandbox installs it as a response
hook, so no JSON body goes unchecked. As the description's README says, ``additionalProperties: {type: object}``
is relaxed to ``true`` before validating (OData open types), and short URL forms are mapped onto the
namespace-qualified paths of the description.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import orjson
import yaml
from openapi_core import OpenAPI
from openapi_core.templating.paths.exceptions import OperationNotFound
from openapi_core.testing import MockRequest, MockResponse

from hygiene.sandbox.graph import split_path

SPEC_FILE = "openapi-v1.0-mail-subset.yaml"
HOST = "https://graph.microsoft.com"
# path segment names (lower-case, without the microsoft.graph. prefix) -> the description's spelling
_NAMES = {
    "users": "users",
    "groups": "groups",
    "mailfolders": "mailFolders",
    "childfolders": "childFolders",
    "messages": "messages",
    "attachments": "attachments",
    "transitivemembers": "transitiveMembers",
    "delta": "microsoft.graph.delta()",
    "move": "microsoft.graph.move",
    "sendmail": "microsoft.graph.sendMail",
    "permanentdelete": "permanentDelete",
    "user": "microsoft.graph.user",
    "$value": "$value",
}
_NO_KEY_AFTER = {"microsoft.graph.delta()", "microsoft.graph.move", "microsoft.graph.sendMail", "permanentDelete",
                 "microsoft.graph.user", "$value"}  # fmt: skip
# an operation in the description whose ``default`` response is the OData error: used for the error bodies of
# operations the description lacks
_ERROR_PROXY = ("get", "/users/u/messages/m")


def find_spec() -> Path | None:
    """``$HYGIENE_GRAPH_SPEC`` or ``shared/graph/openapi-v1.0-mail-subset.yaml`` above this checkout."""
    env = os.environ.get("HYGIENE_GRAPH_SPEC")
    if env:
        return Path(env)
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "graph" / SPEC_FILE
        if candidate.is_file():
            return candidate
    return None


def _relax(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (True if k == "additionalProperties" and v == {"type": "object"} else _relax(v)) for k, v in node.items()
        }
    if isinstance(node, list):
        return [_relax(x) for x in node]
    return node


class GraphSpec:
    """The OpenAPI description, ready to validate responses; ``checked`` counts validated bodies."""

    def __init__(self, path: Path) -> None:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe loaders
        self.paths = list(data["paths"])
        self._templates = [
            (p, re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(p)) + "$")) for p in self.paths
        ]
        self.openapi = OpenAPI.from_dict(_relax(data))
        self.checked = 0
        self._lock = threading.Lock()  # the sandbox's server thread and the test's clients validate concurrently

    def server_hook(self) -> tuple[Callable[[str, str, int, str | None, bytes], None], list[str]]:
        """A `Tenant.response_hook` validating every Graph response the sandbox sends, and the list where it
        records problems (assert it is empty at the end: raising inside the server would turn into a 500)."""
        problems: list[str] = []

        def hook(method: str, path: str, status: int, content_type: str | None, body: bytes) -> None:
            try:
                self.validate(method, path, status, content_type, body)
            except AssertionError as exc:
                problems.append(str(exc))

        return hook, problems

    def described_path(self, path: str) -> str | None:
        """``path`` (after ``/v1.0``, any accepted URL form) in the description's spelling, or None when the
        description has no such operation path. Nested ``childFolders/{id}`` become ``mailFolders/{id}``."""
        out: list[str] = []
        expect_name = True
        for seg in split_path(path):
            if not expect_name and seg.lower().removeprefix("microsoft.graph.") in ("delta", "user"):
                expect_name = True  # a function or cast right after a collection: messages/delta()
            if expect_name:
                low = seg.lower().removeprefix("microsoft.graph.")
                name = _NAMES.get(low)
                if name is None:
                    return None
                if name == "childFolders" and out and out[-2:-1] == ["mailFolders"]:
                    out.pop()  # mailFolders/{a}/childFolders/{b} -> mailFolders/{b}
                    out.pop()
                    name = "mailFolders"
                out.append(name)
                expect_name = name in _NO_KEY_AFTER
            else:
                out.append(seg)
                expect_name = True
        concrete = "/" + "/".join(out)
        return concrete if any(rx.match(concrete) for _, rx in self._templates) else None

    def validate(self, method: str, path: str, status: int, content_type: str | None, body: bytes) -> None:
        """Validate one JSON response body; raises AssertionError naming the operation and the problem."""
        if not body or not (content_type or "").startswith("application/json"):
            return
        described = self.described_path(path)
        if described is None:
            if status < 400:
                return  # no description of this operation's success body (e.g. $batch's envelope)
            method, described = _ERROR_PROXY
        response = MockResponse(body, status_code=status, content_type="application/json")
        with self._lock:
            self._validate(method, described, status, response)

    def _validate(self, method: str, described: str, status: int, response: MockResponse) -> None:
        try:
            try:
                self.openapi.validate_response(MockRequest(HOST, method.lower(), "/v1.0" + described), response)
            except OperationNotFound:
                if status < 400:
                    raise
                proxy_method, proxy_path = _ERROR_PROXY  # an error of a method the description lacks
                self.openapi.validate_response(MockRequest(HOST, proxy_method, "/v1.0" + proxy_path), response)
        except Exception as exc:  # openapi-core raises a tree of its own errors
            detail = getattr(exc, "schema_errors", None) or getattr(exc, "__cause__", None) or exc
            raise AssertionError(f"{method.upper()} {described} -> {status}: {exc!r}: {detail!r}") from exc
        self.checked += 1

    def check(self, response: httpx.Response) -> None:
        """Validate an httpx response of the sandbox (a response hook); ``$batch`` responses item by item."""
        response.read()
        url_path = response.request.url.raw_path.decode().split("?", 1)[0]
        if not url_path.startswith("/v1.0/"):
            return
        path = url_path[len("/v1.0") :]
        ctype = response.headers.get("content-type")
        if path.rstrip("/").lower() == "/$batch" and response.status_code == 200:
            sent = orjson.loads(response.request.content or b"{}")
            urls = {r["id"]: (r["method"], r["url"]) for r in sent.get("requests", [])}
            for item in response.json()["responses"]:
                method, url = urls[item["id"]]
                inner_path = "/" + url.split("?", 1)[0].lstrip("/")
                headers = {k.lower(): v for k, v in (item.get("headers") or {}).items()}
                inner_body = item.get("body")
                if isinstance(inner_body, dict):
                    self.validate(
                        method, inner_path, item["status"], headers.get("content-type"), orjson.dumps(inner_body)
                    )
            return
        self.validate(response.request.method, path, response.status_code, ctype, response.content)


def graph_client(
    base_url: str,
    spec: GraphSpec,
    *,
    token: str | None = "sandbox",  # noqa: S107 - the sandbox's loopback token
    immutable: bool = True,
    **kw: Any,
) -> httpx.Client:
    """An httpx client for the sandbox's Graph that validates every response with ``spec``."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if immutable:
        headers["Prefer"] = 'IdType="ImmutableId"'
    return httpx.Client(base_url=base_url, headers=headers, event_hooks={"response": [spec.check]}, **kw)
