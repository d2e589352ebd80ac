"""`hygiene run --once` (App + scheduler.run_once) against the sandbox tenant over real HTTP, with the real
detector: modes, increments, 410 resync, scope, throttling and faults. The sandbox follows Graph's documentation,
not the worker's own fake, so these tests check the worker against an independent implementation."""

from __future__ import annotations

import asyncio
import os
import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import structlog
from pydantic import SecretStr
from sqlalchemy import text

from hygiene.app import App
from hygiene.clock import FakeClock
from hygiene.errors import GraphError
from hygiene.sandbox import Running, Tenant, serve
from hygiene.sandbox.ids import no_fnr
from hygiene.scheduler import run_once
from hygiene.settings import AuthSettings, GraphLimitWarning, TenantSettings
from tests.sandbox.graphspec import GraphSpec, find_spec
from tests.worker.pipeline_support import FAST, records_in, settings_for

KARI = "kari@contoso.example"
OLA = "ola@contoso.example"
PER = "per@contoso.example"
CATEGORY = "Sensitive personal data"


def _mime(subject: str, body: str, n: int, sender: str = "innbygger@example.org") -> bytes:
    return (
        f"From: Innbygger <{sender}>\r\nTo: kari@contoso.example\r\nSubject: {subject}\r\n"
        f"Message-ID: <s{n}.{random.randrange(10**9)}@example.org>\r\nDate: Mon, 02 Nov 2026 07:00:00 +0000\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"
    ).encode()


def sensitive(n: int, value: str | None = None) -> tuple[bytes, str]:
    """A sick note with a valid fødselsnummer and a diagnosis (what the real detector must find)."""
    fnr = value or no_fnr(random.Random(n))
    body = f"Hei,\n\nJeg er sykemeldt med lungebetennelse denne uka.\nFødselsnummeret mitt er {fnr}.\n\nHilsen Ola"
    return _mime("Sykemelding", body, n), fnr


def clean(n: int) -> bytes:
    return _mime(f"Lunsj {n}", f"Hei, blir du med på lunsj klokka tolv? ({n})", n)


ENCRYPTED = (
    b"From: Per <per@example.org>\r\nTo: kari@contoso.example\r\nSubject: kryptert\r\nMessage-ID: <enc@example.org>\r\n"
    b"Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggFA\r\n"
)


@pytest.fixture(scope="module")
def graph_spec() -> GraphSpec:
    """Microsoft's OpenAPI description of Graph mail (skipped locally, an error in CI, when absent)."""
    path = find_spec()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("shared/graph/openapi-v1.0-mail-subset.yaml is missing; set HYGIENE_GRAPH_SPEC")
        pytest.skip("the Graph OpenAPI description was not found; set HYGIENE_GRAPH_SPEC")
    return GraphSpec(path)


@pytest.fixture
def tenant(graph_spec: GraphSpec) -> Iterator[Tenant]:
    """Two users; every response the sandbox sends to the worker is validated against the description."""
    t = Tenant(domain="contoso.example")
    t.response_hook, problems = graph_spec.server_hook()
    for upn in (KARI, OLA):
        t.add_user(upn)
    t.limits.retry_after_s = 0  # Retry-After: 0 keeps the tests fast; the worker honours it
    yield t
    assert problems == [], problems


@pytest.fixture
def sandbox(tenant: Tenant) -> Iterator[Running]:
    with serve(tenant) as srv:
        yield srv


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'worker.db'}"


def _app(settings, clock: FakeClock | None = None) -> App:
    return App.from_settings(settings, clock=clock or FakeClock(), retry=FAST, create_db=True)


def _sweep(app: App):
    async def go():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    return asyncio.run(go())


def _settings(tmp_path, db_url, sandbox: Running, **kw):
    return settings_for(tmp_path, db_url, base_url=sandbox.base_url, **kw)


def _dump(settings) -> str:
    from sqlalchemy import create_engine

    eng = create_engine(settings.database.url)
    out = []
    with eng.connect() as conn:
        for table in ("mailboxes", "folder_sync", "message_cases", "audit_events"):
            out.extend(repr(tuple(r)) for r in conn.execute(text(f"SELECT * FROM {table}")))
    eng.dispose()
    return "\n".join(out)


def test_enforce_flags_archives_deletes_purges_and_notices_only_the_sensitive_message(
    tmp_path, worker_db_url, tenant, sandbox
):
    mime, fnr = sensitive(1)
    bad = tenant.deliver(KARI, mime)
    ok = tenant.deliver(KARI, clean(1))
    enc = tenant.deliver(KARI, ENCRYPTED)
    tenant.deliver(OLA, clean(2))
    assert fnr.encode() in tenant.message(KARI, bad).mime  # the value is in the input ...
    settings = _settings(tmp_path, worker_db_url, sandbox, notice=True)
    with structlog.testing.capture_logs() as logs:
        stats = _sweep(_app(settings))
    assert stats.ok
    assert (stats.mailboxes, stats.messages, stats.sensitive, stats.encrypted) == (2, 4, 1, 1)
    assert (stats.flagged, stats.archived, stats.deleted, stats.purged, stats.notices_sent) == (1, 1, 1, 1, 1)
    # the sensitive message was flagged before it went, and is now where permanentDelete puts it
    [gone] = tenant.purged(KARI)
    assert gone.id == bad
    assert gone.flagged
    assert CATEGORY in gone.categories
    assert bad not in [m.id for m in tenant.visible_messages(KARI)]
    assert {m.id for m in tenant.inbox(KARI)} == {ok, enc}
    assert not tenant.message(KARI, ok).flagged
    # the notice went to the sender, with the worker's dedup header, and is in Sent Items
    [notice] = tenant.outbox
    assert notice.to == ["innbygger@example.org"]
    assert any(k.lower() == "x-hygiene-notice" for k, _ in notice.headers)
    assert fnr not in notice.mime.decode("utf-8", "replace")
    assert len(tenant.sent_items(KARI)) == 1
    assert len(records_in(tmp_path)) == 1
    # ... and nowhere in logs or the database
    assert fnr not in repr(logs)
    assert fnr not in _dump(settings)


def test_observe_changes_nothing_and_flag_marks_but_keeps(tmp_path, sqlite_url, tenant, sandbox):
    mime, _ = sensitive(2)
    bad = tenant.deliver(KARI, mime)
    stats = _sweep(_app(_settings(tmp_path, sqlite_url, sandbox, mode="observe")))
    assert stats.sensitive == 1
    assert tenant.count("messages.update") == 0
    assert tenant.count("messages.delete") == 0
    assert tenant.message(KARI, bad).categories == []
    bad2 = tenant.deliver(KARI, sensitive(3)[0])
    stats = _sweep(_app(_settings(tmp_path, sqlite_url, sandbox, mode="flag")))
    assert stats.flagged == 1
    assert tenant.message(KARI, bad2).flagged
    assert tenant.message(KARI, bad2).categories == [CATEGORY]
    assert bad2 in [m.id for m in tenant.inbox(KARI)]
    assert tenant.count("messages.delete") == 0
    assert tenant.count("messages.permanentDelete") == 0
    assert not records_in(tmp_path)


def test_increments_after_injected_messages_cost_one_delta_per_folder_when_idle(tmp_path, sqlite_url, tenant, sandbox):
    tenant.deliver(KARI, clean(1))
    settings = _settings(tmp_path, sqlite_url, sandbox)
    _sweep(_app(settings))
    tenant.reset_counters()
    stats = _sweep(_app(settings))
    assert stats.messages == 0
    # 2 mailboxes x (inbox, deleteditems), one page each: nothing new
    assert tenant.count("messages.delta", 200) == 4
    assert tenant.count("messages.value") == 0
    # a message injected at run time through the control surface is the only one the next sweep handles
    mime, _ = sensitive(4)
    r = httpx.post(f"{sandbox.control_url}/deliver", json={"user": OLA, "eml": mime.decode()})
    assert r.status_code == 201
    new = r.json()["id"]
    stats = _sweep(_app(settings))
    assert (stats.messages, stats.sensitive, stats.purged) == (1, 1, 1)
    assert [m.id for m in tenant.purged(OLA)] == [new]


def test_expired_delta_tokens_resync_every_folder_without_rehandling(tmp_path, sqlite_url, tenant, sandbox):
    first = tenant.deliver(KARI, sensitive(5)[0])
    keep = tenant.deliver(KARI, clean(5))
    settings = _settings(tmp_path, sqlite_url, sandbox)
    _sweep(_app(settings))
    assert [m.id for m in tenant.purged(KARI)] == [first]
    r = httpx.post(f"{sandbox.control_url}/expire-delta-tokens", json={})
    assert r.json()["expired"] > 0
    second = tenant.deliver(KARI, sensitive(6)[0])
    stats = _sweep(_app(settings))
    assert tenant.count("messages.delta", 410) == 4
    assert stats.resyncs == 4
    assert stats.sensitive == 1
    assert [m.id for m in tenant.purged(KARI)] == [first, second]
    assert keep in [m.id for m in tenant.inbox(KARI)]
    assert len(records_in(tmp_path)) == 2


def test_scope_group_mode_uses_transitive_members_minus_exclusions_plus_opt_ins(tmp_path, sqlite_url, tenant, sandbox):
    tenant.add_user(PER)
    nested = tenant.add_group("pilot-nested", [OLA])
    pilot = tenant.add_group("pilot", [KARI, nested])
    vip = tenant.add_group("vip", [OLA])
    for i, u in enumerate((KARI, OLA, PER)):
        tenant.deliver(u, sensitive(10 + i)[0])
    settings = _settings(tmp_path, sqlite_url, sandbox, mode="observe", scope={"mode": "group", "group_id": pilot.id})
    app = _app(settings)
    stats = _sweep(app)
    assert tenant.swept() == {KARI, OLA}  # nested group resolved
    assert stats.mailboxes == 2
    settings.scope.exclude_group_id = vip.id
    app = _app(settings)
    app.store.set_override(PER, "opt_in", actor="test")
    tenant.reset_counters()
    stats = _sweep(app)
    assert tenant.swept() == {KARI, PER}  # OLA excluded through the vip group, PER opted in
    assert tenant.count("groups.transitiveMembers", 200) >= 2


def test_a_denied_mailbox_is_reported_and_the_others_are_swept(tmp_path, sqlite_url, tenant, sandbox):
    tenant.user(OLA).denied = True
    bad = tenant.deliver(KARI, sensitive(7)[0])
    stats = _sweep(_app(_settings(tmp_path, sqlite_url, sandbox)))
    assert stats.failed_mailboxes == {OLA: "access_denied"}
    assert [m.id for m in tenant.purged(KARI)] == [bad]


def _many_users(tenant: Tenant, n: int) -> int:
    expected = 0
    for i in range(n):
        upn = f"user{i}@contoso.example"
        tenant.add_user(upn)
        for k in range(4):
            tenant.deliver(upn, sensitive(100 * i + k)[0] if k == 0 else clean(100 * i + k))
        expected += 1
    return expected


def _sweep_while(app: App, until: Callable[[], bool], gate: threading.Event):
    """Sweep in a thread; open ``gate`` once ``until()`` holds (so concurrency is reached without timing)."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(_sweep(app)))
    thread.start()
    deadline = time.monotonic() + 60
    try:
        while not until():
            assert thread.is_alive(), "the sweep ended before the state to wait for was reached"
            assert time.monotonic() < deadline, "the state to wait for was never reached"
            time.sleep(0.005)
    finally:
        gate.set()  # never leave the sweep hanging on held requests
        thread.join()
    return result[0]


def test_429_503_and_dropped_connections_are_survived_within_four_concurrent_requests(
    tmp_path, worker_db_url, tenant, sandbox
):
    expected = _many_users(tenant, 10)
    tenant.faults.add(status=429, fraction=0.2, route="messages.delta", retry_after=0)
    tenant.faults.add(status=503, fraction=0.3, route="messages.value", retry_after=0, times=6)
    tenant.faults.add(status=503, route="messages.permanentDelete", times=2)
    tenant.faults.drop(fraction=0.1, route="messages.delta", times=3)
    # every mailbox starts with folder lookups: held until the worker has as many in flight as it may
    gate = tenant.faults.hold(route="mailFolders.get")
    app = _app(_settings(tmp_path, worker_db_url, sandbox))
    stats = _sweep_while(app, lambda: tenant.peak_concurrency.in_flight_app["sandbox"] >= 4, gate)
    assert stats.ok, stats.failed_mailboxes
    assert stats.sensitive == expected
    assert stats.purged == expected
    assert sum(len(tenant.purged(f"user{i}@contoso.example")) for i in range(10)) == expected
    assert tenant.count("messages.delta", 429) > 0
    assert tenant.count("messages.value", 503) > 0
    assert tenant.count("messages.permanentDelete", 503) == 2
    assert tenant.peak_concurrency.overall == 4, tenant.peak_concurrency.as_dict()  # reached, never exceeded
    assert tenant.count(status=429) == tenant.count("messages.delta", 429)  # never over Outlook's limit


def test_a_worker_configured_above_outlooks_limit_is_capped_at_four_with_a_warning(
    tmp_path, sqlite_url, tenant, sandbox
):
    # Given settings that ask for 8 concurrent requests (Outlook allows 4 per app across all mailboxes)
    expected = _many_users(tenant, 8)
    gate = tenant.faults.hold(route="mailFolders.get")
    settings = _settings(tmp_path, sqlite_url, sandbox)
    with pytest.warns(GraphLimitWarning) as warned:
        settings.graph.max_concurrency = 8
    # Then the warning names the key, the limit and the fix, and the worker uses 4
    (message,) = [str(w.message) for w in warned]
    assert "graph.max_concurrency = 8" in message
    assert "set graph.max_concurrency = 4" in message
    assert settings.graph.max_concurrency == 4
    # ... so a sweep that holds the first requests reaches 4 in flight, never a fifth, and is never refused
    stats = _sweep_while(_app(settings), lambda: tenant.peak_concurrency.in_flight_app["sandbox"] >= 4, gate)
    assert stats.ok
    assert stats.purged == expected
    assert tenant.peak_concurrency.overall == 4, tenant.peak_concurrency.as_dict()
    assert tenant.count(status=429) == 0


def test_client_secret_sign_in_through_the_sandbox_token_endpoint_end_to_end(tmp_path, sqlite_url, tenant, monkeypatch):
    """azure-identity's ClientSecretCredential gets a token from the sandbox (HTTPS, as it insists) and the worker
    sweeps with it; a wrong secret fails the sweep with an auth error that holds no secret."""
    tenant.add_app("hygiene-app", "right-secret")
    bad = tenant.deliver(KARI, sensitive(20)[0])
    with serve(tenant, tls=True) as srv:
        assert srv.base_url.startswith("https://")
        monkeypatch.setenv("SSL_CERT_FILE", str(srv.ca_file))
        # azure-identity's async transport is aiohttp, which builds its verifying SSL context once, at import: when
        # an earlier test imported aiohttp, SSL_CERT_FILE comes too late. Trust the sandbox's CA in that context.
        import ssl

        import aiohttp.connector

        monkeypatch.setattr(
            aiohttp.connector, "_SSL_CONTEXT_VERIFIED", ssl.create_default_context(cafile=str(srv.ca_file))
        )

        def with_secret(secret: str):
            return _settings(tmp_path, sqlite_url, srv).model_copy(
                update={
                    "tenant": TenantSettings(tenant_id=tenant.tenant_id, client_id="hygiene-app"),
                    "auth": AuthSettings(
                        method="client_secret", client_secret=SecretStr(secret), authority_host=srv.root_url
                    ),
                }
            )

        stats = _sweep(_app(with_secret("right-secret")))
        assert stats.ok
        assert tenant.count("token", 200) == 1  # one token, cached for the whole sweep
        assert [m.id for m in tenant.purged(KARI)] == [bad]
        with pytest.raises(GraphError, match="sign-in") as info:
            _sweep(_app(with_secret("wrong-secret")))
        assert "wrong-secret" not in str(info.value)
        assert tenant.count("token", 401) >= 1


def test_a_lookback_window_does_not_lose_mail_beyond_graphs_5000_message_cap_on_filtered_delta(
    tmp_path, sqlite_url, tenant, sandbox
):
    """Graph returns at most 5,000 messages from a delta round with $filter, and the rest never comes back as a
    change. A folder with more recent mail than that must still be swept completely (cap lowered to 10 here)."""
    tenant.limits.delta_filter_cap = 10
    for n in range(12):
        tenant.deliver(KARI, clean(n))
    bad = tenant.deliver(KARI, sensitive(30)[0])  # the 13th: beyond the cap of a filtered round
    settings = _settings(tmp_path, sqlite_url, sandbox, scope={"initial_lookback_days": 30})
    app = App.from_settings(settings, retry=FAST, create_db=True)  # the real clock: the mail is recent
    stats = _sweep(app)
    assert stats.sensitive == 1
    assert [m.id for m in tenant.purged(KARI)] == [bad]


def test_users_without_a_mailbox_and_disabled_accounts_do_not_fail_the_sweep(tmp_path, sqlite_url, tenant, sandbox):
    tenant.add_user("service.account@contoso.example", mailbox=False)  # Graph: 404 MailboxNotEnabledForRESTAPI
    tenant.add_user("left.us@contoso.example", account_enabled=False)
    bad = tenant.deliver(KARI, sensitive(40)[0])
    stats = _sweep(_app(_settings(tmp_path, sqlite_url, sandbox)))
    assert stats.ok, stats.failed_mailboxes
    assert [m.id for m in tenant.purged(KARI)] == [bad]
    assert "left.us@contoso.example" not in tenant.swept("mailFolders.get")  # disabled: never touched
