"""The gateway's delta with ``recipients=True`` (the Sent Items scan): To/Cc/Bcc selected and read, else None."""

from __future__ import annotations

import random

import httpx
import orjson
import pytest

from hygiene.adapters.graph import GraphClient, GraphGateway, RetryPolicy
from hygiene.adapters.graph.auth import StaticToken

pytestmark = pytest.mark.anyio
BASE = "http://127.0.0.1:9/v1.0"


def _addr(a: str) -> dict:
    return {"emailAddress": {"address": a, "name": "Navn"}}


async def test_recipients_are_selected_and_read_only_when_asked_for() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        message = {"id": "m1", "subject": "s", "body": {"contentType": "text", "content": "b"}}
        if "toRecipients" in request.url.params.get("$select", ""):
            message |= {
                "toRecipients": [_addr("a@x.example")],
                "ccRecipients": [],
                "bccRecipients": [_addr("b@y.example"), {"emailAddress": {}}],
            }
        return httpx.Response(200, content=orjson.dumps({"value": [message], "@odata.deltaLink": f"{BASE}/d"}))

    client = GraphClient(
        BASE,
        StaticToken("sandbox"),
        max_concurrency=2,
        retry=RetryPolicy(max_retries=1, base_s=0.001, cap_s=0.001, jitter=random.Random(1)),
        transport=httpx.MockTransport(handler),
    )
    gw = GraphGateway(client, page_size=10)
    try:
        plain = await gw.delta("kari@x.example", "inbox", None, since=None)
        sent = await gw.delta("kari@x.example", "sentitems", None, since=None, recipients=True)
    finally:
        await gw.aclose()
    assert "Recipients" not in seen[0].url.params["$select"]
    assert seen[1].url.params["$select"].endswith(",toRecipients,ccRecipients,bccRecipients")
    [p] = plain.messages
    assert (p.to, p.cc, p.bcc) == (None, None, None)
    [s] = sent.messages
    assert (s.to, s.cc, s.bcc) == (("a@x.example",), (), ("b@y.example",))
