"""JSON batching: limits, ids, dependsOn, inner statuses and bodies."""

from __future__ import annotations

from tests.sandbox.conftest import KARI


def _get(i: int, url: str, **kw) -> dict:
    return {"id": str(i), "method": "GET", "url": url, **kw}


def test_a_batch_runs_its_requests_and_returns_each_status_and_body(graph, tenant):
    m = tenant.inbox(KARI)[0]
    r = graph.post(
        "/$batch",
        json={
            "requests": [
                _get(1, f"/users/{KARI}?$select=id,mail"),
                _get(2, f"/users/{KARI}/messages/{m.id}?$select=subject"),
                _get(3, f"/users/{KARI}/messages/AAMkAGI2TG93AAA="),
                {
                    "id": "4",
                    "method": "PATCH",
                    "url": f"/users/{KARI}/messages/{m.id}",
                    "headers": {"Content-Type": "application/json"},
                    "body": {"flag": {"flagStatus": "flagged"}},
                },
            ]
        },
    )
    assert r.status_code == 200
    by_id = {x["id"]: x for x in r.json()["responses"]}
    assert by_id["1"]["status"] == 200
    assert by_id["1"]["body"]["mail"] == KARI
    assert by_id["2"]["body"]["subject"] == m.parsed.subject
    assert by_id["3"]["status"] == 404  # outer 200 does not mean inner success
    assert by_id["4"]["status"] == 200
    assert tenant.message(KARI, m.id).flagged
    assert tenant.count("messages.update", 200) == 1


def test_more_than_20_requests_are_refused(graph):
    r = graph.post("/$batch", json={"requests": [_get(i, f"/users/{KARI}") for i in range(21)]})
    assert r.status_code == 400
    assert "20" in r.json()["error"]["message"]
    ok = graph.post("/$batch", json={"requests": [_get(i, f"/users/{KARI}") for i in range(20)]})
    assert ok.status_code == 200
    assert len(ok.json()["responses"]) == 20


def test_duplicate_ids_bodies_without_content_type_and_absolute_urls_are_refused(graph):
    assert graph.post("/$batch", json={"requests": [_get(1, "/users"), _get(1, "/users")]}).status_code == 400
    no_type = {"id": "1", "method": "PATCH", "url": f"/users/{KARI}/messages/x", "body": {"isRead": True}}
    assert graph.post("/$batch", json={"requests": [no_type]}).status_code == 400
    absolute = _get(1, "https://graph.microsoft.com/v1.0/users")
    assert graph.post("/$batch", json={"requests": [absolute]}).status_code == 400
    assert graph.post("/$batch", json={"requests": []}).status_code == 400


def test_depends_on_orders_requests_and_a_failed_dependency_gives_424(graph, tenant):
    m = tenant.inbox(KARI)[0]
    r = graph.post(
        "/$batch",
        json={
            "requests": [
                _get(1, f"/users/{KARI}/messages/AAMkAGI2TG93AAA="),
                {**_get(2, f"/users/{KARI}/messages/{m.id}"), "dependsOn": ["1"]},
                _get(3, f"/users/{KARI}/messages/{m.id}?$select=id"),
                {"id": "4", "method": "DELETE", "url": f"/users/{KARI}/messages/{m.id}", "dependsOn": ["3"]},
            ]
        },
    )
    statuses = {x["id"]: x["status"] for x in r.json()["responses"]}
    assert statuses == {"1": 404, "2": 424, "3": 200, "4": 204}
    assert m.id in [x.id for x in tenant.deleted_items(KARI)]


def test_depends_on_an_unknown_id_is_refused(graph):
    r = graph.post("/$batch", json={"requests": [{**_get(1, "/users"), "dependsOn": ["9"]}]})
    assert r.status_code == 400


def test_value_inside_a_batch_comes_base64_encoded(graph, tenant):
    import base64

    m = tenant.inbox(KARI)[0]
    r = graph.post("/$batch", json={"requests": [_get(1, f"/users/{KARI}/messages/{m.id}/$value")]})
    item = r.json()["responses"][0]
    assert base64.b64decode(item["body"]) == m.mime
