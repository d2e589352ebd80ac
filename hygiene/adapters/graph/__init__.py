"""The Graph adapter: `GraphGateway` (the MailGateway port) over `GraphClient` (limit, retries, errors).

`build_gateway(settings)` wires ``[graph]`` and ``[auth]``; ``transport`` lets tests plug an httpx transport in.
"""

from __future__ import annotations

import httpx

from hygiene.adapters.graph.auth import build_token_provider
from hygiene.adapters.graph.client import GraphClient, GraphObserver, RetryPolicy
from hygiene.adapters.graph.gateway import GraphGateway
from hygiene.settings import Settings

__all__ = ["GraphClient", "GraphGateway", "GraphObserver", "RetryPolicy", "build_gateway"]


def build_gateway(
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    retry: RetryPolicy | None = None,
    shared_limit: object | None = None,
    observer: GraphObserver | None = None,
) -> GraphGateway:
    """A gateway for ``settings`` (one per process: its concurrency limit is app-wide); ``observer`` sees every
    response (metrics)."""
    g = settings.graph
    client = GraphClient(
        g.base_url,
        build_token_provider(settings),
        max_concurrency=g.max_concurrency,
        timeout_s=g.request_timeout_s,
        retry=retry or RetryPolicy(max_retries=g.max_retries),
        transport=transport,
        shared_limit=shared_limit,
        per_mailbox_limit=g.requests_per_10min_per_mailbox,
        observer=observer,
    )
    return GraphGateway(client, page_size=g.page_size)
