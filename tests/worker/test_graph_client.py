"""The Graph client and gateway at the wire: headers, retries, the app-wide limit, error translation.

A routing function behind `httpx.MockTransport` plays Graph (the way httpx's own tests fake servers); the
end-to-end tests against the sandbox are in test_sweep_sandbox.py.
"""

from __future__ import annotations

import asyncio
import random

import httpx
import orjson
import pytest

from hygiene.adapters.graph import GraphClient, GraphGateway, RetryPolicy
from hygiene.adapters.graph.auth import StaticToken, graph_scope
from hygiene.adapters.graph.client import parse_retry_after
from hygiene.domain.mail import OutgoingMail
from hygiene.errors import AccessDeniedError, GraphError, NotFoundError, SyncStateLostError, ThrottledError

pytestmark = pytest.mark.anyio

BASE = "http://127.0.0.1:9/v1.0"
FAST = RetryPolicy(max_retries=3, base_s=0.001, cap_s=0.002, jitter=random.Random(1))


def _gateway(handler, *, concurrency: int = 4, retry: RetryPolicy = FAST) -> GraphGateway:
    client = GraphClient(
        BASE,
        StaticToken("sandbox"),
        max_concurrency=concurrency,
        retry=retry,
        transport=httpx.MockTransport(handler),
    )
    return GraphGateway(client, page_size=50)


def _page(n: int, *, start: int = 0, next_link: str | None = None, delta_link: str | None = None) -> bytes:
    body: dict = {
        "value": [
            {
                "id": f"m{i}",
                "internetMessageId": f"<{i}@x>",
                "receivedDateTime": "2026-11-01T10:00:00Z",
                "from": {"emailAddress": {"address": f"s{i}@example.org", "name": "ignored"}},
                "subject": "hello",
                "hasAttachments": False,
                "body": {"contentType": "text", "content": "hi"},
                "importance": "normal",
            }
            for i in range(start, start + n)
        ]
    }
    if next_link:
        body["@odata.nextLink"] = next_link
    if delta_link:
        body["@odata.deltaLink"] = delta_link
    return orjson.dumps(body)


async def test_every_request_asks_for_immutable_ids_and_carries_the_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=_page(2, delta_link=f"{BASE}/delta?$deltatoken=abc"))

    gw = _gateway(handler)
    page = await gw.delta("kari@contoso.example", "inbox", None, since=None)
    await gw.aclose()
    [req] = seen
    assert 'IdType="ImmutableId"' in req.headers["Prefer"]
    assert "odata.maxpagesize=50" in req.headers["Prefer"]
    assert req.headers["Authorization"] == "Bearer sandbox"
    assert req.url.params["$select"].startswith("id,")
    assert req.url.params["changeType"] == "created"
    assert [m.id for m in page.messages] == ["m0", "m1"]
    assert page.messages[0].sender == "s0@example.org"
    assert page.messages[0].received_at is not None
    assert page.messages[0].received_at.tzinfo is not None
    assert page.delta_link
    assert page.next_link is None


async def test_removed_entries_are_split_out() -> None:
    body = orjson.dumps({"value": [{"id": "a", "@removed": {"reason": "deleted"}}, {"id": "b", "subject": "x"}]})
    gw = _gateway(lambda r: httpx.Response(200, content=body))
    page = await gw.delta("u", "inbox", f"{BASE}/d?$deltatoken=1", since=None)
    await gw.aclose()
    assert page.removed_ids == ("a",)
    assert [m.id for m in page.messages] == ["b"]


@pytest.mark.parametrize("status", [429, 503, 504])
async def test_throttling_is_retried_honouring_retry_after(status: int) -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls <= 2:
            return httpx.Response(status, headers={"Retry-After": "0"})
        return httpx.Response(200, content=_page(1, delta_link="d"))

    gw = _gateway(handler)
    page = await gw.delta("u", "inbox", None, since=None)
    assert calls == 3
    assert len(page.messages) == 1
    assert gw.client.retries == 2
    await gw.aclose()


async def test_throttling_gives_up_with_throttled_error() -> None:
    gw = _gateway(lambda r: httpx.Response(429, headers={"Retry-After": "0"}))
    with pytest.raises(ThrottledError) as info:
        await gw.get_mime("u", "m1")
    assert info.value.status == 429
    assert gw.client.requests == 1 + FAST.max_retries
    await gw.aclose()


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (404, {"error": {"code": "ErrorItemNotFound"}}, NotFoundError),
        (403, {"error": {"code": "ErrorAccessDenied"}}, AccessDeniedError),
        (410, {"error": {"code": "SyncStateNotFound"}}, SyncStateLostError),
        (400, {"error": {"code": "SyncStateNotFound"}}, SyncStateLostError),
        (500, {"error": {"code": "InternalServerError"}}, GraphError),
    ],
)
async def test_errors_are_translated_most_specific_first(status: int, body: dict, error: type) -> None:
    gw = _gateway(lambda r: httpx.Response(status, content=orjson.dumps(body)))
    with pytest.raises(error) as info:
        await gw.delta("kari@contoso.example", "inbox", f"{BASE}/d?$deltatoken=1", since=None)
    assert type(info.value) is error
    assert info.value.route == "messages.delta"
    assert "kari" not in str(info.value)  # the message names the route, not the mailbox
    await gw.aclose()


async def test_delete_and_purge_tolerate_404() -> None:
    gw = _gateway(lambda r: httpx.Response(404, content=b'{"error":{"code":"ErrorItemNotFound"}}'))
    await gw.delete("u", "m1")
    await gw.permanent_delete("u", "m1")
    await gw.aclose()


async def test_send_mail_is_not_retried_after_an_ambiguous_failure() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(503, headers={"Retry-After": "0"})

    gw = _gateway(handler)
    with pytest.raises(ThrottledError):
        await gw.send_mail("sender@x", OutgoingMail(to="p@example.org", subject="s", text="t"))
    assert calls == 1
    await gw.aclose()


async def test_send_mail_transport_error_is_ambiguous_and_not_repeated() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise httpx.ReadTimeout("timed out", request=request)

    gw = _gateway(handler)
    with pytest.raises(GraphError) as info:
        await gw.send_mail("sender@x", OutgoingMail(to="p@example.org", subject="s", text="t"))
    assert calls == 1
    assert info.value.code == "ambiguous"
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)
    await gw.aclose()


async def test_send_mail_429_is_retried_and_headers_are_sent() -> None:
    bodies: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(orjson.loads(request.content))
        return httpx.Response(429, headers={"Retry-After": "0"}) if len(bodies) == 1 else httpx.Response(202)

    gw = _gateway(handler)
    mail = OutgoingMail(to="p@example.org", subject="s", text="t", headers={"X-Hygiene-Notice": "k1"})
    await gw.send_mail("sender@x", mail)
    assert len(bodies) == 2
    assert bodies[1]["message"]["internetMessageHeaders"] == [{"name": "X-Hygiene-Notice", "value": "k1"}]
    await gw.aclose()


async def test_sent_with_header_finds_the_notice() -> None:
    body = orjson.dumps(
        {"value": [{"id": "s1", "internetMessageHeaders": [{"name": "x-hygiene-notice", "value": "k1"}]}]}
    )
    gw = _gateway(lambda r: httpx.Response(200, content=body))
    assert await gw.sent_with_header("sender@x", "X-Hygiene-Notice", "k1")
    assert not await gw.sent_with_header("sender@x", "X-Hygiene-Notice", "k2")
    await gw.aclose()


async def test_mark_reads_categories_and_adds_only_once() -> None:
    patches: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, content=b'{"categories": ["Red"]}')
        patches.append(orjson.loads(request.content))
        return httpx.Response(200, content=b"{}")

    gw = _gateway(handler)
    await gw.mark("u", "m1", category="Sensitive", flag=True)
    assert patches == [{"categories": ["Red", "Sensitive"], "flag": {"flagStatus": "flagged"}}]
    await gw.aclose()


async def test_concurrency_never_exceeds_the_limit_across_mailboxes() -> None:
    live = peak = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal live, peak
        live += 1
        peak = max(peak, live)
        await asyncio.sleep(0.01)
        live -= 1
        return httpx.Response(200, content=b"MIME")

    gw = _gateway(handler, concurrency=4)
    await asyncio.gather(*(gw.get_mime(f"user{i % 10}@x", f"m{i}") for i in range(60)))
    assert peak == 4
    assert gw.client.peak_in_flight == 4
    await gw.aclose()


def test_retry_after_parsing_and_backoff() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    policy = RetryPolicy(base_s=0.5, cap_s=60, jitter=random.Random(0))
    assert 5.0 <= policy.backoff_s(1, 5.0) <= 5.5  # the server's delay wins
    delays = [policy.backoff_s(n, None) for n in range(1, 12)]
    assert all(0 < d <= 90 for d in delays)
    assert delays[5] > delays[0]


def test_graph_scope_follows_the_base_url() -> None:
    assert graph_scope("https://graph.microsoft.com/v1.0") == "https://graph.microsoft.com/.default"
    assert graph_scope("https://graph.microsoft.us/v1.0") == "https://graph.microsoft.us/.default"


def test_per_mailbox_budget_spreads_requests_over_the_window() -> None:
    from hygiene.adapters.graph.client import MailboxBudget

    budget = MailboxBudget(limit=3, window_s=600)
    assert [budget.reserve("kari@x", t) for t in (0, 1, 2)] == [0, 0, 0]
    assert budget.reserve("KARI@x", 3) == 597  # the 4th waits until the 1st leaves the window
    assert budget.reserve("ola@x", 3) == 0  # another mailbox has its own budget
    assert budget.reserve("kari@x", 700) == 0


def test_max_concurrency_above_outlooks_limit_is_capped_with_a_warning_from_a_settings_file(tmp_path) -> None:
    import warnings

    from hygiene.settings import GraphLimitWarning, load_settings

    path = tmp_path / "settings.toml"
    path.write_text("[graph]\nmax_concurrency = 16\n")
    with pytest.warns(GraphLimitWarning, match=r"graph\.max_concurrency = 16 .*set graph\.max_concurrency = 4"):
        settings = load_settings(path)
    assert settings.graph.max_concurrency == 4
    path.write_text("[graph]\nmax_concurrency = 3\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error", GraphLimitWarning)
        assert load_settings(path).graph.max_concurrency == 3
