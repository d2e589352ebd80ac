"""Auth, users and group members as Graph serves them."""

from __future__ import annotations

import httpx

from tests.sandbox.conftest import KARI, NOBOX, PER
from tests.sandbox.graphspec import graph_client


def test_a_request_without_a_token_gets_401_with_graphs_error_body(sandbox, spec):
    with graph_client(sandbox.base_url, spec, token=None) as anonymous:
        r = anonymous.get("/users")
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "InvalidAuthenticationToken"
    assert "WWW-Authenticate" in r.headers


def test_a_wrong_token_gets_401(sandbox, spec):
    with graph_client(sandbox.base_url, spec, token="not-the-token") as client:
        assert client.get(f"/users/{KARI}/messages").status_code == 401


def test_client_credentials_token_is_accepted_and_a_wrong_secret_is_refused(sandbox, tenant, spec):
    tenant.add_app("app-1", "s3cret")
    form = {"grant_type": "client_credentials", "client_id": "app-1", "scope": "https://graph.microsoft.com/.default"}
    bad = httpx.post(sandbox.token_url, data={**form, "client_secret": "wrong"})
    assert bad.status_code == 401
    assert bad.json()["error"] == "invalid_client"
    good = httpx.post(sandbox.token_url, data={**form, "client_secret": "s3cret"})
    assert good.status_code == 200
    body = good.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] > 0
    with graph_client(sandbox.base_url, spec, token=body["access_token"]) as client:
        assert client.get(f"/users/{KARI}").status_code == 200


def test_token_endpoint_rejects_other_grants_and_scopes(sandbox, tenant):
    tenant.add_app("app-1", "s3cret")
    base = {"client_id": "app-1", "client_secret": "s3cret"}
    r = httpx.post(sandbox.token_url, data={**base, "grant_type": "password", "scope": "x/.default"})
    assert r.json()["error"] == "unsupported_grant_type"
    r = httpx.post(sandbox.token_url, data={**base, "grant_type": "client_credentials", "scope": "Mail.Read"})
    assert r.json()["error"] == "invalid_scope"


def test_users_are_paged_with_top_and_next_links_and_select_limits_properties(graph):
    r = graph.get("/users", params={"$select": "id,userPrincipalName,accountEnabled", "$top": "2"})
    assert r.status_code == 200
    first = r.json()
    assert len(first["value"]) == 2
    assert set(first["value"][0]) == {"id", "userPrincipalName", "accountEnabled"}
    second = graph.get(first["@odata.nextLink"]).json()
    assert "@odata.nextLink" not in second
    upns = [u["userPrincipalName"] for u in first["value"] + second["value"]]
    assert upns == [KARI, PER, NOBOX]


def test_users_default_properties_and_unknown_select_is_400(graph):
    user = graph.get("/users").json()["value"][0]
    assert {"id", "displayName", "mail", "userPrincipalName"} <= set(user)
    assert "accountEnabled" not in user  # not a default property
    r = graph.get("/users", params={"$select": "id,shoeSize"})
    assert r.status_code == 400


def test_top_above_999_is_rejected(graph):
    assert graph.get("/users", params={"$top": "1000"}).status_code == 400


def test_a_user_by_id_or_upn_case_insensitively_and_404_for_unknown(graph, tenant):
    kari = tenant.user(KARI)
    assert graph.get(f"/users/{kari.id}").json()["userPrincipalName"] == KARI
    assert graph.get(f"/users/{KARI.upper()}").json()["id"] == kari.id
    r = graph.get("/users/nobody@contoso.example")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "Request_ResourceNotFound"


def test_transitive_members_resolve_nested_groups_and_the_user_cast_drops_groups(graph, tenant):
    gid = "00000000-0000-4000-8000-00000000c0de"
    everything = graph.get(f"/groups/{gid}/transitiveMembers").json()["value"]
    assert [m["@odata.type"] for m in everything] == [
        "#microsoft.graph.user",
        "#microsoft.graph.group",
        "#microsoft.graph.user",
    ]
    users = graph.get(
        f"/groups/{gid}/transitiveMembers/microsoft.graph.user", params={"$select": "id,userPrincipalName,mail"}
    ).json()["value"]
    assert [u["userPrincipalName"] for u in users] == [KARI, PER]


def test_transitive_members_are_paged(graph):
    gid = "00000000-0000-4000-8000-00000000c0de"
    page = graph.get(f"/groups/{gid}/transitiveMembers/microsoft.graph.user", params={"$top": "1"}).json()
    assert len(page["value"]) == 1
    rest = graph.get(page["@odata.nextLink"]).json()
    assert len(rest["value"]) == 1
    assert "@odata.nextLink" not in rest


def test_unknown_group_is_404(graph):
    r = graph.get("/groups/00000000-0000-0000-0000-000000000000/transitiveMembers")
    assert r.status_code == 404


def test_mailbox_routes_of_unknown_users_users_without_mailbox_and_denied_users(graph, tenant):
    assert graph.get("/users/nobody@contoso.example/messages").json()["error"]["code"] == "ErrorInvalidUser"
    r = graph.get(f"/users/{NOBOX}/mailFolders")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "MailboxNotEnabledForRESTAPI"
    tenant.user(PER).denied = True
    r = graph.get(f"/users/{PER}/messages")
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "ErrorAccessDenied"
    assert graph.get(f"/users/{PER}").status_code == 200  # the directory still answers


def test_unknown_segment_is_400_and_wrong_method_405(graph):
    assert graph.get(f"/users/{KARI}/calendars").status_code == 400
    assert graph.post(f"/users/{KARI}/mailFolders").status_code == 405
