"""Messages delta: paging, increments (created, updated, @removed), query options kept in the links, 410."""

from __future__ import annotations

from tests.sandbox.conftest import KARI, plain

DELTA = f"/users/{KARI}/mailFolders/inbox/messages/delta"


def _round(graph, first: str, *, page: int = 5, params: dict | None = None, prefer: str = "") -> tuple[list, str, int]:
    """Follow a round to its delta link: (items, delta link, pages)."""
    headers = {"Prefer": f'IdType="ImmutableId", odata.maxpagesize={page}{prefer}'}
    r = graph.get(first, params=params, headers=headers)
    items, pages = [], 0
    while True:
        assert r.status_code == 200, r.text
        body = r.json()
        assert not ("@odata.nextLink" in body and "@odata.deltaLink" in body)
        items.extend(body["value"])
        pages += 1
        if "@odata.deltaLink" in body:
            return items, body["@odata.deltaLink"], pages
        r = graph.get(body["@odata.nextLink"], headers=headers)


def test_initial_round_pages_through_every_message_once(graph, tenant):
    items, link, pages = _round(graph, DELTA, page=5, params={"$select": "subject,receivedDateTime"})
    assert pages == 3  # 12 messages, 5 per page
    assert sorted(i["subject"] for i in items) == sorted(f"Melding {i}" for i in range(12))
    assert set(items[0]) == {"@odata.type", "@odata.etag", "id", "subject", "receivedDateTime"}
    assert "$deltatoken=" in link
    assert {i["id"] for i in items} == {m.id for m in tenant.inbox(KARI)}


def test_page_size_comes_from_prefer_maxpagesize_and_is_acknowledged(graph):
    r = graph.get(DELTA, headers={"Prefer": "odata.maxpagesize=4"})
    assert len(r.json()["value"]) == 4
    assert "odata.maxpagesize=4" in r.headers["Preference-Applied"]


def test_next_round_returns_only_new_and_updated_messages_and_removals(graph, tenant):
    _, link, _ = _round(graph, DELTA, params={"$select": "subject"})
    new_id = tenant.deliver(KARI, plain("Ny melding", n=50))
    flagged = next(m for m in tenant.inbox(KARI) if m.parsed.subject == "Melding 3")
    graph.patch(f"/users/{KARI}/messages/{flagged.id}", json={"flag": {"flagStatus": "flagged"}})
    gone = next(m for m in tenant.inbox(KARI) if m.parsed.subject == "Melding 5")
    graph.delete(f"/users/{KARI}/messages/{gone.id}")
    items, link2, _ = _round(graph, link)
    live = {i["id"]: i for i in items if "@removed" not in i}
    removed = [i for i in items if "@removed" in i]
    assert set(live) == {new_id, flagged.id}
    assert live[new_id]["subject"] == "Ny melding"
    assert set(live[new_id]) == {"@odata.type", "@odata.etag", "id", "subject"}  # $select kept in the link
    assert removed == [{"@odata.type": "#microsoft.graph.message", "id": gone.id, "@removed": {"reason": "deleted"}}]
    again, _, _ = _round(graph, link2)
    assert again == []


def test_change_type_created_leaves_out_updates_and_removals(graph, tenant):
    _, link, _ = _round(graph, DELTA, params={"changeType": "created"})
    m = tenant.inbox(KARI)[0]
    graph.patch(f"/users/{KARI}/messages/{m.id}", json={"isRead": True})
    graph.delete(f"/users/{KARI}/messages/{tenant.inbox(KARI)[1].id}")
    new_id = tenant.deliver(KARI, plain("Ny", n=51))
    items, _, _ = _round(graph, link)
    assert [i["id"] for i in items] == [new_id]


def test_the_deleted_items_folder_sees_a_deleted_message_arrive(graph, tenant):
    _, link, _ = _round(graph, f"/users/{KARI}/mailFolders/deleteditems/messages/delta")
    m = tenant.inbox(KARI)[0]
    graph.delete(f"/users/{KARI}/messages/{m.id}")
    items, _, _ = _round(graph, link)
    assert [i["id"] for i in items] == [m.id]


def test_filter_received_after_limits_the_initial_round(graph):
    items, _, _ = _round(graph, DELTA, params={"$filter": "receivedDateTime ge 2026-11-01T08:09:00Z"})
    assert sorted(i["subject"] for i in items) == ["Melding 10", "Melding 11", "Melding 9"]


def test_sdk_url_form_is_served_like_the_plain_one(graph):
    items, _, _ = _round(graph, f"/users/{KARI}/mailFolders('inbox')/messages/microsoft.graph.delta()")
    assert len(items) == 12


def test_expired_and_unknown_tokens_give_410_and_a_fresh_round_recovers(graph, tenant):
    _, link, _ = _round(graph, DELTA)
    assert tenant.expire_delta_tokens(KARI) > 0
    r = graph.get(link)
    assert r.status_code == 410
    assert r.json()["error"]["code"] == "SyncStateNotFound"
    assert r.headers["Location"].endswith("/messages/delta")
    r = graph.get(DELTA, params={"$deltatoken": "made-up"})
    assert r.status_code == 410
    items, _, _ = _round(graph, r.headers["Location"])
    assert len(items) == 12


def test_expiring_one_users_tokens_leaves_others(graph, tenant):
    _, link, _ = _round(graph, DELTA)
    assert tenant.expire_delta_tokens("per.hansen@contoso.example") == 0
    assert graph.get(link).status_code == 200


def test_delta_without_a_folder_or_with_a_bad_change_type_is_400(graph):
    assert graph.get(f"/users/{KARI}/messages/delta").status_code == 400
    assert graph.get(DELTA, params={"changeType": "moved"}).status_code == 400


def test_a_filtered_round_returns_at_most_5000_messages_as_documented(graph, tenant):
    from hygiene.sandbox import Limits

    assert Limits().delta_filter_cap == 5000  # "Applying $filter in a delta query returns only up to 5,000"
    tenant.limits.delta_filter_cap = 10  # reached quickly: the Inbox holds 12
    items, link, pages = _round(
        graph, DELTA, page=4, params={"$select": "id", "$filter": "receivedDateTime ge 2000-01-01T00:00:00Z"}
    )
    assert len(items) == 10
    assert len({i["id"] for i in items}) == 10
    new_id = tenant.deliver(KARI, plain("Ny", n=8))
    items, _, _ = _round(graph, link)
    assert [i["id"] for i in items] == [new_id]  # the 2 left out are never sent: they are not changes
    unfiltered, _, _ = _round(graph, DELTA)
    assert len(unfiltered) == 13


def test_unsupported_delta_options_are_refused_as_documented(graph):
    assert graph.get(DELTA, params={"$filter": "receivedDateTime lt 2026-01-01T00:00:00Z"}).status_code == 400
    assert graph.get(DELTA, params={"$filter": "isRead eq false"}).status_code == 400
    assert graph.get(DELTA, params={"$orderby": "subject"}).status_code == 400
    assert graph.get(DELTA, params={"$search": '"x"'}).status_code == 400
    assert graph.get(DELTA, params={"$orderby": "receivedDateTime desc"}).status_code == 200


def test_deltatoken_latest_is_not_supported_for_messages_and_returns_everything(graph):
    items, _, _ = _round(graph, DELTA, params={"$deltatoken": "latest"})
    assert len(items) == 12
