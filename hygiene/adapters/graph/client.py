"""The HTTP seam to Graph: one `httpx.AsyncClient`, one app-wide concurrency limit, retries, error translation.

- Concurrency: one `asyncio.Semaphore` of ``[graph] max_concurrency`` (default 4, Graph's Outlook limit per app
  across ALL mailboxes) is held for the duration of each HTTP exchange, never while sleeping between retries;
  with several replicas on PostgreSQL a ``shared_limit`` (advisory-lock slots) bounds them all together.
  ``in_flight`` / ``peak_in_flight`` expose it (tests and benchmarks assert on the peak).
- Retries: 429, 503 and 504 honour ``Retry-After`` (seconds or an HTTP date) when present, else a jittered
  exponential backoff ``min(cap, 0.5 * 2**n) * (0.5 .. 1.5)``; transport errors are retried only for requests
  marked idempotent. A non-idempotent request (sendMail) is retried only on 429, which Graph answers before it
  acts; any other failure raises at once so the caller can check before repeating it.
- Every request sends ``Prefer: IdType="ImmutableId"``.
- Errors are translated at this boundary into `hygiene.errors`, most specific first, chained with ``from exc``.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import email.utils
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

import httpx
import orjson

from hygiene.adapters.graph import structs
from hygiene.adapters.graph.auth import TokenProvider
from hygiene.errors import AccessDeniedError, GraphError, NotFoundError, SyncStateLostError, ThrottledError

IMMUTABLE_ID = 'IdType="ImmutableId"'
_RETRY_STATUS = frozenset({429, 503, 504})
_SYNC_LOST_CODES = frozenset({"syncstatenotfound", "syncstateinvalid", "resyncrequired"})
_MAX_RETRY_AFTER_S = 300.0


@dataclass
class RetryPolicy:
    """How hard the client retries: ``max_retries`` attempts after the first, backoff base and cap in seconds."""

    max_retries: int = 6
    base_s: float = 0.5
    cap_s: float = 60.0
    jitter: random.Random = field(default_factory=random.Random)

    def backoff_s(self, attempt: int, retry_after_s: float | None) -> float:
        """The delay before retry number ``attempt`` (1-based); a server's Retry-After wins over backoff."""
        if retry_after_s is not None:
            return min(retry_after_s, _MAX_RETRY_AFTER_S) + self.jitter.uniform(0, 0.1 * max(retry_after_s, 0.1))
        return min(self.cap_s, self.base_s * 2 ** (attempt - 1)) * self.jitter.uniform(0.5, 1.5)


class MailboxBudget:
    """Graph's per app and mailbox budget: at most ``limit`` requests in any ``window_s`` (10,000 per 10 minutes).

    `reserve` records a request at ``now`` and returns how long to wait first (0 when within budget).
    """

    def __init__(self, limit: int, window_s: float = 600.0) -> None:
        self.limit = limit
        self.window_s = window_s
        self._sent: dict[str, collections.deque[float]] = {}

    def reserve(self, mailbox: str, now: float) -> float:
        """Seconds to wait before sending one more request for ``mailbox`` (the request is counted at send time)."""
        q = self._sent.setdefault(mailbox.lower(), collections.deque())
        while q and q[0] <= now - self.window_s:
            q.popleft()
        wait = 0.0
        if len(q) >= self.limit:
            wait = q[len(q) - self.limit] + self.window_s - now
        q.append(now + wait)
        return max(0.0, wait)


class GraphObserver(Protocol):
    """What the client reports (metrics, `hygiene.metrics.Metrics`): routes and statuses, never URLs or ids."""

    def graph_response(self, route: str, status: int | str) -> None:
        """One exchange ended: its HTTP status, or ``"transport_error"`` when no response came back."""

    def graph_throttled(self, wait_s: float) -> None:
        """The client is about to wait ``wait_s`` because Graph throttled it (429/503/504) or the mailbox's
        request budget is spent."""


def parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds (delta-seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class GraphClient:
    """Sends Graph requests under the app-wide concurrency limit, with retries and error translation."""

    def __init__(
        self,
        base_url: str,
        tokens: TokenProvider,
        *,
        max_concurrency: int = 4,
        timeout_s: float = 60.0,
        retry: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        shared_limit: Any = None,
        per_mailbox_limit: int | None = None,
        observer: GraphObserver | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.tokens = tokens
        self.max_concurrency = max_concurrency
        self.retry = retry or RetryPolicy()
        self._limit = asyncio.Semaphore(max_concurrency)
        # across replicas: an object with an async context manager ``slot()`` (see hygiene.adapters.store.slots)
        self.shared_limit = shared_limit
        self.budget = MailboxBudget(per_mailbox_limit) if per_mailbox_limit else None
        self.observer = observer
        self._http = httpx.AsyncClient(
            timeout=timeout_s,
            transport=transport,
            limits=httpx.Limits(max_connections=max_concurrency, max_keepalive_connections=max_concurrency),
            follow_redirects=True,
        )
        self.in_flight = 0
        self.peak_in_flight = 0
        self.requests = 0
        self.retries = 0

    async def aclose(self) -> None:
        """Close the HTTP client and the credential."""
        await self._http.aclose()
        await self.tokens.close()

    def url(self, path: str) -> str:
        """An absolute URL for ``path`` (already absolute next/delta links pass through)."""
        if path.startswith(("http://", "https://")):
            return path
        return f"{self.base_url}/{path.lstrip('/')}"

    async def request(
        self,
        method: str,
        path: str,
        *,
        mailbox: str | None = None,
        route: str,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool = True,
        missing_ok: bool = False,
        delta: bool = False,
    ) -> httpx.Response | None:
        """Send one request; return the 2xx response (None for a tolerated 404 when ``missing_ok``).

        ``route`` names the operation for errors and logs (never an id or address). ``delta`` turns 410 and
        syncStateNotFound into `SyncStateLostError`.

        Raises:
            NotFoundError, AccessDeniedError, SyncStateLostError, ThrottledError, GraphError.
        """
        url = self.url(path)
        content = orjson.dumps(json) if json is not None else None
        attempt = 0
        while True:
            if self.budget is not None and mailbox:
                wait = self.budget.reserve(mailbox, time.monotonic())
                if wait > 0:
                    if self.observer is not None:
                        self.observer.graph_throttled(wait)
                    await asyncio.sleep(wait)
            hdrs = {"Prefer": IMMUTABLE_ID, "Authorization": f"Bearer {await self.tokens.token()}"}
            if content is not None:
                hdrs["Content-Type"] = "application/json"
            if headers:
                for k, v in headers.items():
                    hdrs[k] = f"{hdrs[k]}, {v}" if k == "Prefer" else v
            retry_after: float | None = None
            throttled = False  # retrying because Graph answered 429/503/504 (not a transport error)
            try:
                async with self._limit, self._shared():
                    self.in_flight += 1
                    self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
                    self.requests += 1
                    try:
                        resp = await self._http.request(method, url, content=content, params=params, headers=hdrs)
                    except httpx.TransportError:
                        if self.observer is not None:
                            self.observer.graph_response(route, "transport_error")
                        raise
                    finally:
                        self.in_flight -= 1
                    if self.observer is not None:
                        self.observer.graph_response(route, resp.status_code)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                # the request never reached the server: safe to repeat for every method
                if attempt >= self.retry.max_retries:
                    raise GraphError(f"{route}: cannot reach Graph ({type(exc).__name__})", route=route) from exc
            except httpx.TransportError as exc:
                if not idempotent or attempt >= self.retry.max_retries:
                    raise GraphError(
                        f"{route}: transport error ({type(exc).__name__}); the request may have been processed",
                        mailbox=mailbox,
                        route=route,
                        code="ambiguous" if not idempotent else "transport",
                    ) from exc
            else:
                status = resp.status_code
                if status < 300:
                    return resp
                if status in _RETRY_STATUS and (idempotent or status == 429) and attempt < self.retry.max_retries:
                    retry_after = parse_retry_after(resp.headers.get("Retry-After"))
                    throttled = True
                else:
                    if status == 404 and missing_ok:
                        return None
                    raise _translate(resp, mailbox=mailbox, route=route, delta=delta)
            attempt += 1
            self.retries += 1
            delay = self.retry.backoff_s(attempt, retry_after)
            if throttled and self.observer is not None:
                self.observer.graph_throttled(delay)
            await asyncio.sleep(delay)

    def _shared(self) -> Any:
        return self.shared_limit.slot() if self.shared_limit is not None else contextlib.nullcontext()

    async def get_json(self, path: str, decoder: Any, **kw: Any) -> Any:
        """GET ``path`` and decode the body with a msgspec decoder."""
        resp = await self.request("GET", path, **kw)
        assert resp is not None
        return decoder.decode(resp.content)


def _translate(resp: httpx.Response, *, mailbox: str | None, route: str, delta: bool) -> GraphError:
    status = resp.status_code
    code = structs.error_code(resp.content)
    kw: dict[str, Any] = {"mailbox": mailbox, "route": route, "status": status, "code": code}
    if delta and (status == 410 or (code or "").lower() in _SYNC_LOST_CODES):
        return SyncStateLostError(f"{route}: delta state lost ({status} {code}); the folder is resynced", **kw)
    if status == 404:
        return NotFoundError(f"{route}: not found ({code})", **kw)
    if status == 403:
        return AccessDeniedError(f"{route}: access denied ({code}); check the app's mailbox scope", **kw)
    if status in _RETRY_STATUS:
        retry_after = parse_retry_after(resp.headers.get("Retry-After")) or 0.0
        return ThrottledError(f"{route}: throttled ({status}) after retries", retry_after_s=retry_after, **kw)
    if status == 401:
        return GraphError(f"{route}: unauthorised (401 {code}); check [auth]", **kw)
    return GraphError(f"{route}: HTTP {status} ({code})", **kw)


def monotonic() -> float:
    """Seconds on a monotonic clock (for rates)."""
    return time.monotonic()
