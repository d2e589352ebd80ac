"""Outlook's limits (4 concurrent requests per app across all mailboxes, requests per mailbox and window), fault
injection, and the counters tests read (requests per route and status, peak concurrency)."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from tests.sandbox.conftest import KARI, PER


def _wait_until(cond, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not cond():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.005)


def test_the_fifth_concurrent_request_of_the_app_gets_429_whatever_the_mailbox(sandbox, tenant, graph):
    gate = tenant.faults.hold(route="messages.list")
    results: list[int] = []

    def call(upn: str) -> None:
        with httpx.Client(headers={"Authorization": "Bearer sandbox"}, timeout=30) as c:
            results.append(c.get(f"{sandbox.base_url}/users/{upn}/messages").status_code)

    held = [threading.Thread(target=call, args=(upn,)) for upn in (KARI, PER, KARI, PER)]
    for t in held:
        t.start()
    _wait_until(lambda: tenant.peak_concurrency.in_flight_app["sandbox"] == 4)
    # Given four slow requests in flight over two mailboxes, when a fifth arrives for a third route and mailbox:
    fifth = graph.get(f"/users/{KARI}/mailFolders/inbox")
    # then Outlook's app-wide limit answers 429 with Retry-After at once
    assert fifth.status_code == 429
    assert fifth.json()["error"]["code"] == "ApplicationThrottled"
    assert int(fifth.headers["Retry-After"]) >= 0
    gate.set()
    for t in held:
        t.join()
    assert results == [200, 200, 200, 200]
    assert tenant.peak_concurrency.overall == 5
    assert tenant.peak_concurrency.per_mailbox[KARI] == 3
    assert tenant.count("mailFolders.get", 429) == 1
    assert graph.get(f"/users/{KARI}/mailFolders/inbox").status_code == 200  # capacity is back


def test_directory_requests_do_not_count_against_outlooks_concurrency_limit(sandbox, tenant, graph):
    gate = tenant.faults.hold(route="users.get")

    def call() -> None:
        httpx.get(f"{sandbox.base_url}/users/{KARI}", headers={"Authorization": "Bearer sandbox"}, timeout=30)

    threads = [threading.Thread(target=call) for _ in range(5)]
    for t in threads:
        t.start()
    _wait_until(lambda: tenant.peak_concurrency.in_flight == 5)
    assert graph.get(f"/users/{KARI}/mailFolders/inbox").status_code == 200
    gate.set()
    for t in threads:
        t.join()


def test_the_mailbox_budget_throttles_one_mailbox_not_the_others(graph, tenant):
    tenant.limits.mailbox_requests = 3
    for _ in range(3):
        assert graph.get(f"/users/{KARI}/mailFolders/inbox").status_code == 200
    r = graph.get(f"/users/{KARI}/mailFolders/inbox")
    assert r.status_code == 429
    assert float(r.headers["Retry-After"]) > 0
    assert graph.get(f"/users/{PER}/mailFolders/inbox").status_code == 200
    assert graph.get(f"/users/{KARI}").status_code == 200  # the directory is not a mailbox route


def test_injected_503s_fire_the_given_number_of_times_with_retry_after(graph, tenant):
    tenant.faults.add(status=503, route="mailFolders.get", times=2, retry_after=0)
    statuses = [graph.get(f"/users/{KARI}/mailFolders/inbox").status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert tenant.count("mailFolders.get", 503) == 2
    assert tenant.count("mailFolders.get", 200) == 1


def test_a_fraction_of_429s_hits_about_that_share(graph, tenant):
    tenant.faults.add(status=429, fraction=0.5, route="users.get", retry_after=1)
    statuses = [graph.get(f"/users/{KARI}").status_code for _ in range(60)]
    throttled = statuses.count(429)
    assert 10 < throttled < 50
    assert set(statuses) == {200, 429}


def test_faults_can_target_one_mailbox_and_one_method(graph, tenant):
    tenant.faults.add(status=503, mailbox=PER, method="GET")
    assert graph.get(f"/users/{PER}/mailFolders/inbox").status_code == 503
    assert graph.get(f"/users/{KARI}/mailFolders/inbox").status_code == 200


def test_a_dropped_connection_is_a_transport_error_for_the_client(sandbox, tenant):
    tenant.faults.drop(route="mailFolders.get", times=1)
    with httpx.Client(headers={"Authorization": "Bearer sandbox"}) as c:
        with pytest.raises(httpx.RemoteProtocolError):
            c.get(f"{sandbox.base_url}/users/{KARI}/mailFolders/inbox")
        assert c.get(f"{sandbox.base_url}/users/{KARI}/mailFolders/inbox").status_code == 200


def test_slow_and_latency_rules_delay_but_answer(graph, tenant):
    tenant.faults.slow(delay_s=0.05, route="mailFolders.get")
    tenant.faults.latency_s = 0.01
    assert graph.get(f"/users/{KARI}/mailFolders/inbox").status_code == 200
    tenant.faults.clear()
    assert tenant.faults.latency_s == 0.0


def test_bad_fault_rules_are_refused():
    from hygiene.sandbox import Faults

    with pytest.raises(ValueError, match="fraction"):
        Faults().add(status=429, fraction=2.0)
    with pytest.raises(ValueError, match="status"):
        Faults().add(status=200)


def test_request_counts_and_reset(graph, tenant):
    graph.get(f"/users/{KARI}/mailFolders/inbox")
    graph.get("/users/nobody@contoso.example/mailFolders/inbox")
    assert tenant.count("mailFolders.get", 200) == 1
    assert tenant.count("mailFolders.get", 404) == 1
    assert tenant.count("mailFolders.get") == 2
    tenant.reset_counters()
    assert tenant.count() == 0
