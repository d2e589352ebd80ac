"""Folders, messages, $value, attachments, PATCH, move, DELETE and permanentDelete, and immutable ids."""

from __future__ import annotations

import base64

import pytest

from tests.sandbox.conftest import KARI, T0, plain
from tests.sandbox.graphspec import graph_client

MULTIPART = (
    b"From: Ola <ola@innbygger.example>\r\nTo: kari.nordmann@contoso.example\r\nSubject: Vedlegg\r\n"
    b"Message-ID: <att@innbygger.example>\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
    b"--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Se <b>vedlagt</b></p>\r\n"
    b'--b1\r\nContent-Type: application/pdf; name="skjema.pdf"\r\nContent-Disposition: attachment; '
    b'filename="skjema.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJSBza2plbWEK\r\n'
    b"--b1\r\nContent-Type: message/rfc822\r\n\r\n"
    b"From: Per <per@innbygger.example>\r\nSubject: Videresendt\r\nContent-Type: text/plain\r\n\r\nInnhold\r\n"
    b"--b1--\r\n"
)


def _kari_message(tenant, subject: str = "Melding 0"):
    return next(m for m in tenant.inbox(KARI) if m.parsed.subject == subject)


def test_top_level_folders_hide_hidden_ones_and_well_known_names_resolve(graph, tenant):
    names = [f["displayName"] for f in graph.get(f"/users/{KARI}/mailFolders").json()["value"]]
    assert {"Inbox", "Deleted Items"} <= set(names)
    assert not {"Deletions", "Purges"} & set(names)
    inbox = graph.get(f"/users/{KARI}/mailFolders/inbox").json()
    assert inbox["displayName"] == "Inbox"
    assert inbox["totalItemCount"] == 12
    assert inbox["childFolderCount"] == 1
    same = graph.get(f"/users/{KARI}/mailFolders('Inbox')").json()  # SDK form, case-insensitive name
    assert same["id"] == inbox["id"]
    assert graph.get(f"/users/{KARI}/mailFolders/recoverableitemsdeletions").status_code == 200
    assert graph.get(f"/users/{KARI}/mailFolders/recoverableitemspurges").status_code == 404


def test_folders_page_with_top_and_include_hidden_folders(graph):
    first = graph.get(f"/users/{KARI}/mailFolders", params={"$top": "3"}).json()
    assert len(first["value"]) == 3
    assert "@odata.nextLink" in first
    hidden = graph.get(f"/users/{KARI}/mailFolders", params={"includeHiddenFolders": "true", "$top": "50"}).json()
    assert "Clutter" in [f["displayName"] for f in hidden["value"]]


def test_child_folders_and_their_messages(graph):
    children = graph.get(f"/users/{KARI}/mailFolders/inbox/childFolders").json()["value"]
    assert [c["displayName"] for c in children] == ["Prosjekter"]
    msgs = graph.get(f"/users/{KARI}/mailFolders/inbox/childFolders/{children[0]['id']}/messages").json()["value"]
    assert [m["subject"] for m in msgs] == ["Prosjekt"]


def test_message_list_pages_newest_first_and_filters_by_received_time(graph):
    page = graph.get(f"/users/{KARI}/mailFolders/inbox/messages", params={"$top": "5", "$select": "subject"}).json()
    assert [m["subject"] for m in page["value"]] == [f"Melding {i}" for i in (11, 10, 9, 8, 7)]
    assert set(page["value"][0]) == {"@odata.etag", "id", "subject"}
    nxt = graph.get(page["@odata.nextLink"]).json()
    assert nxt["value"][0]["subject"] == "Melding 6"
    older = graph.get(
        f"/users/{KARI}/mailFolders/inbox/messages",
        params={"$filter": "receivedDateTime lt 2026-11-01T08:03:00Z", "$select": "subject"},
    ).json()["value"]
    assert sorted(m["subject"] for m in older) == ["Melding 0", "Melding 1", "Melding 2"]
    assert graph.get(f"/users/{KARI}/messages", params={"$filter": "contains(subject,'x')"}).status_code == 400


def test_get_message_derives_graph_fields_from_the_mime(graph, tenant):
    m = _kari_message(tenant)
    body = graph.get(f"/users/{KARI}/messages/{m.id}").json()
    assert body["id"] == m.id
    assert body["subject"] == "Melding 0"
    assert body["from"]["emailAddress"]["address"] == "ola@innbygger.example"
    assert body["toRecipients"] == [{"emailAddress": {"name": "Kari Nordmann", "address": KARI}}]
    assert body["receivedDateTime"] == "2026-11-01T08:00:00Z"
    assert body["sentDateTime"] == "2026-11-01T08:00:00Z"  # Date: 09:00 +0100
    assert body["body"]["contentType"] == "html"  # Graph's default body type
    assert body["bodyPreview"] == "Tekst 0"
    assert body["internetMessageId"] == m.internet_message_id
    assert body["hasAttachments"] is False
    assert body["flag"] == {"flagStatus": "notFlagged"}
    assert "internetMessageHeaders" not in body  # only with $select


def test_text_body_on_prefer_and_headers_on_select(graph, tenant):
    m = _kari_message(tenant)
    r = graph.get(
        f"/users/{KARI}/messages/{m.id}",
        params={"$select": "body,internetMessageHeaders"},
        headers={"Prefer": 'IdType="ImmutableId", outlook.body-content-type="text"'},
    )
    assert r.json()["body"] == {"contentType": "text", "content": "Tekst 0\r\n"}
    assert 'outlook.body-content-type="text"' in r.headers["Preference-Applied"]
    names = [h["name"] for h in r.json()["internetMessageHeaders"]]
    assert names[:3] == ["From", "To", "Subject"]


def test_value_returns_the_exact_seeded_bytes(graph, tenant):
    mid = tenant.deliver(KARI, MULTIPART)
    r = graph.get(f"/users/{KARI}/messages/{mid}/$value")
    assert r.status_code == 200
    assert r.content == MULTIPART


def test_attachments_file_and_item_with_value_and_expand(graph, tenant):
    mid = tenant.deliver(KARI, MULTIPART)
    msg = graph.get(f"/users/{KARI}/messages/{mid}").json()
    assert msg["hasAttachments"] is True
    assert msg["body"]["contentType"] == "html"
    atts = graph.get(f"/users/{KARI}/messages/{mid}/attachments").json()["value"]
    kinds = [(a["@odata.type"], a["name"]) for a in atts]
    assert kinds == [
        ("#microsoft.graph.fileAttachment", "skjema.pdf"),
        ("#microsoft.graph.itemAttachment", "Videresendt"),
    ]
    pdf = atts[0]
    assert base64.b64decode(pdf["contentBytes"]) == b"%PDF-1.4\n% skjema\n"
    assert pdf["size"] == len(b"%PDF-1.4\n% skjema\n")
    one = graph.get(f"/users/{KARI}/messages/{mid}/attachments/{pdf['id']}").json()
    assert one["contentType"] == "application/pdf"
    raw = graph.get(f"/users/{KARI}/messages/{mid}/attachments/{pdf['id']}/$value")
    assert raw.content == b"%PDF-1.4\n% skjema\n"
    item = graph.get(
        f"/users/{KARI}/messages/{mid}/attachments/{atts[1]['id']}",
        params={"$expand": "microsoft.graph.itemattachment/item"},
    ).json()
    assert item["item"]["subject"] == "Videresendt"
    mime = graph.get(f"/users/{KARI}/messages/{mid}/attachments/{atts[1]['id']}/$value").content
    assert b"Subject: Videresendt" in mime
    assert graph.get(f"/users/{KARI}/messages/{mid}/attachments/AAAA").status_code == 404


def test_smime_encrypted_message_shows_one_p7m_attachment_and_no_body(graph, tenant):
    smime = (
        b"From: a@innbygger.example\r\nTo: kari.nordmann@contoso.example\r\nSubject: s\r\n"
        b"Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\r\n"
    )
    mid = tenant.deliver(KARI, smime)
    msg = graph.get(f"/users/{KARI}/messages/{mid}", headers={"Prefer": 'outlook.body-content-type="text"'}).json()
    assert msg["body"]["content"] == ""
    atts = graph.get(f"/users/{KARI}/messages/{mid}/attachments").json()["value"]
    assert [(a["name"], a["contentType"]) for a in atts] == [("smime.p7m", "application/pkcs7-mime")]


def test_patch_sets_flag_and_categories_and_returns_the_message(graph, tenant):
    m = _kari_message(tenant)
    before = graph.get(f"/users/{KARI}/messages/{m.id}", params={"$select": "changeKey"}).json()["changeKey"]
    r = graph.patch(
        f"/users/{KARI}/messages/{m.id}",
        json={"flag": {"flagStatus": "flagged"}, "categories": ["Personopplysninger"], "isRead": True},
    )
    assert r.status_code == 200
    assert r.json()["flag"]["flagStatus"] == "flagged"
    assert r.json()["changeKey"] != before
    assert tenant.message(KARI, m.id).flagged
    assert tenant.message(KARI, m.id).categories == ["Personopplysninger"]
    assert tenant.message(KARI, m.id).is_read


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"flag": {"flagStatus": "weird"}}, "RequestBodyRead"),
        ({"categories": "one"}, "RequestBodyRead"),
        ({"subject": "new"}, "ErrorInvalidPropertyUpdateSentMessage"),
        ({"shoeSize": 3}, "RequestBodyRead"),
    ],
)
def test_patch_rejects_bad_values_and_read_only_properties(graph, tenant, body, code):
    m = _kari_message(tenant)
    r = graph.patch(f"/users/{KARI}/messages/{m.id}", json=body)
    assert r.status_code == 400
    assert r.json()["error"]["code"] == code


def test_delete_is_a_soft_delete_to_deleted_items_then_to_recoverable_items(graph, tenant):
    m = _kari_message(tenant)
    assert graph.delete(f"/users/{KARI}/messages/{m.id}").status_code == 204
    assert m.id in [x.id for x in tenant.deleted_items(KARI)]
    assert m.id not in [x.id for x in tenant.inbox(KARI)]
    assert graph.get(f"/users/{KARI}/messages/{m.id}").status_code == 200  # immutable id still works
    assert graph.delete(f"/users/{KARI}/messages/{m.id}").status_code == 204
    assert m.id in [x.id for x in tenant.recoverable_deletions(KARI)]
    r = graph.delete(f"/users/{KARI}/messages/{m.id}")
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "ErrorCannotDeleteObject"


def test_permanent_delete_purges_from_every_visible_folder(graph, tenant):
    m = _kari_message(tenant)
    assert graph.post(f"/users/{KARI}/messages/{m.id}/permanentDelete").status_code == 204
    assert [x.id for x in tenant.purged(KARI)] == [m.id]
    assert m.id not in [x.id for x in tenant.visible_messages(KARI)]
    assert graph.get(f"/users/{KARI}/messages/{m.id}").status_code == 404
    assert graph.post(f"/users/{KARI}/messages/{m.id}/permanentDelete").status_code == 404
    listed = graph.get(f"/users/{KARI}/messages", params={"$top": "100", "$select": "id"}).json()["value"]
    assert m.id not in [x["id"] for x in listed]


def test_move_returns_201_and_keeps_the_immutable_id(graph, tenant):
    m = _kari_message(tenant)
    r = graph.post(f"/users/{KARI}/messages/{m.id}/move", json={"destinationId": "archive"})
    assert r.status_code == 201
    assert r.json()["id"] == m.id
    assert tenant.folder_of(KARI, tenant.message(KARI, m.id)) == "archive"


def test_without_immutable_ids_a_move_gives_a_new_id_and_the_old_one_is_gone(sandbox, spec, tenant):
    with graph_client(sandbox.base_url, spec, immutable=False) as client:
        rest_id = client.get(f"/users/{KARI}/mailFolders/inbox/messages", params={"$top": "1"}).json()["value"][0]["id"]
        moved = client.post(f"/users/{KARI}/messages/{rest_id}/move", json={"DestinationId": "deleteditems"})
        assert moved.status_code == 201
        assert moved.json()["id"] != rest_id
        assert client.get(f"/users/{KARI}/messages/{rest_id}").status_code == 404
        assert client.get(f"/users/{KARI}/messages/{moved.json()['id']}").status_code == 200


def test_move_validates_its_parameter_and_destination(graph, tenant):
    m = _kari_message(tenant)
    assert graph.post(f"/users/{KARI}/messages/{m.id}/move", json={"destination": "archive"}).status_code == 400
    assert graph.post(f"/users/{KARI}/messages/{m.id}/move", json={"destinationId": "nowhere"}).status_code == 404


def test_unknown_message_is_404_item_not_found(graph):
    r = graph.get(f"/users/{KARI}/messages/AAMkAGI2TG93AAA=")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "ErrorItemNotFound"


def test_received_time_defaults_to_now_and_custom_folders_are_created(tenant):
    mid = tenant.deliver(KARI, plain("ny"), "Arkiv/2025")
    assert tenant.folder_of(KARI, tenant.message(KARI, mid)) == "2025"
    assert tenant.message(KARI, mid).received > T0
