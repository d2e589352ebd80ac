"""Fixtures of the sandbox tests: the OpenAPI description (once per session), a small tenant, a running sandbox,
and a validating Graph client."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from hygiene.sandbox import Running, Tenant, serve
from tests.sandbox.graphspec import GraphSpec, find_spec, graph_client

KARI = "kari.nordmann@contoso.example"
PER = "per.hansen@contoso.example"
NOBOX = "ingen.postkasse@contoso.example"
T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def plain(subject: str, body: str = "Hei!", *, sender: str = "ola@innbygger.example", n: int = 0,
          extra: str = "") -> bytes:  # fmt: skip
    """A small text/plain message (CRLF)."""
    return (
        f"From: Ola Innbygger <{sender}>\r\nTo: Kari Nordmann <{KARI}>\r\nSubject: {subject}\r\n"
        f"Date: Sun, 01 Nov 2026 09:00:00 +0100\r\nMessage-ID: <m{n}.{abs(hash(subject))}@innbygger.example>\r\n"
        f"{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


@pytest.fixture(scope="session")
def spec() -> GraphSpec:
    """Microsoft's OpenAPI description of Graph mail (skipped locally, an error in CI, when absent)."""
    path = find_spec()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("shared/graph/openapi-v1.0-mail-subset.yaml is missing; set HYGIENE_GRAPH_SPEC")
        pytest.skip("the Graph OpenAPI description was not found; set HYGIENE_GRAPH_SPEC")
    return GraphSpec(path)


@pytest.fixture
def tenant(spec: GraphSpec) -> Iterator[Tenant]:
    """Two users with mailboxes (Kari: 12 Inbox messages and a subfolder), one without, two groups (nested).

    Every Graph response the sandbox sends for it is validated against the OpenAPI description server-side too
    (covering requests made with plain httpx or the SDK); problems fail the test at teardown."""
    t = Tenant()
    t.response_hook, problems = spec.server_hook()
    kari = t.add_user(KARI, "Kari Nordmann")
    per = t.add_user(PER, "Per Hansen")
    t.add_user(NOBOX, "Ingen Postkasse", mailbox=False)
    for i in range(12):
        t.deliver(kari, plain(f"Melding {i}", f"Tekst {i}", n=i), received=T0 + timedelta(minutes=i))
    t.deliver(kari, plain("Prosjekt", n=99), "inbox/Prosjekter", received=T0)
    inner = t.add_group("inner", [per])
    t.add_group("hygiene-opt-in", [kari, inner], id="00000000-0000-4000-8000-00000000c0de")
    yield t
    assert problems == [], problems


@pytest.fixture
def sandbox(tenant: Tenant) -> Iterator[Running]:
    """The tenant served on a free port."""
    with serve(tenant) as srv:
        yield srv


@pytest.fixture
def graph(sandbox: Running, spec: GraphSpec) -> Iterator[httpx.Client]:
    """A Graph client (static token, immutable ids) whose every response is validated against the description."""
    with graph_client(sandbox.base_url, spec) as client:
        yield client
