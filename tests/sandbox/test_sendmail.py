"""sendMail: validation, outbox, Sent Items, delivery inside the tenant, MIME sends, case-insensitive parameters."""

from __future__ import annotations

import base64

import pytest

from tests.sandbox.conftest import KARI, PER

NOTICE = {
    "subject": "Melding om personopplysninger",
    "body": {"contentType": "Text", "content": "Vi har slettet en e-post du sendte."},
    "toRecipients": [{"emailAddress": {"address": "ola@innbygger.example"}}],
    "internetMessageHeaders": [{"name": "X-Hygiene-Notice", "value": "case-1"}],
}


def test_send_mail_is_accepted_recorded_in_the_outbox_and_saved_to_sent_items(graph, tenant):
    r = graph.post(f"/users/{KARI}/sendMail", json={"message": NOTICE, "saveToSentItems": True})
    assert r.status_code == 202
    assert r.content == b""
    [sent] = tenant.outbox
    assert sent.mailbox == KARI
    assert sent.to == ["ola@innbygger.example"]
    assert ("X-Hygiene-Notice", "case-1") in sent.headers
    [copy] = tenant.sent_items(KARI)
    assert copy.parsed.subject == NOTICE["subject"]
    listed = graph.get(
        f"/users/{KARI}/mailFolders/sentitems/messages",
        params={"$select": "id,internetMessageHeaders", "$orderby": "sentDateTime desc"},
    ).json()["value"]
    headers = {h["name"]: h["value"] for h in listed[0]["internetMessageHeaders"]}
    assert headers["X-Hygiene-Notice"] == "case-1"


def test_save_to_sent_items_false_keeps_sent_items_empty(graph, tenant):
    graph.post(f"/users/{KARI}/sendMail", json={"message": NOTICE, "saveToSentItems": False})
    assert len(tenant.outbox) == 1
    assert tenant.sent_items(KARI) == []


def test_parameters_are_matched_case_insensitively_as_the_sdk_sends_them(graph, tenant):
    r = graph.post(f"/users/{KARI}/sendMail", json={"Message": NOTICE, "SaveToSentItems": True})
    assert r.status_code == 202
    assert len(tenant.sent_items(KARI)) == 1


def test_mail_to_a_user_of_the_tenant_is_delivered_to_their_inbox(graph, tenant):
    message = {**NOTICE, "toRecipients": [{"emailAddress": {"address": PER.upper()}}]}
    graph.post(f"/users/{KARI}/sendMail", json={"message": message})
    [got] = tenant.inbox(PER)
    assert got.parsed.from_.address == KARI


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"toRecipients": []}, "ErrorInvalidRecipients"),
        ({"toRecipients": [{"emailAddress": {"address": "not-an-address"}}]}, "ErrorInvalidRecipients"),
        ({"toRecipients": [{"emailAddress": {"name": "no address"}}]}, "ErrorInvalidRecipients"),
        (
            {"internetMessageHeaders": [{"name": "Auto-Submitted", "value": "auto-generated"}]},
            "InvalidInternetMessageHeader",
        ),
        ({"internetMessageHeaders": [{"name": "X-Bad: x", "value": "v"}]}, "InvalidInternetMessageHeader"),
        ({"body": {"contentType": "markdown", "content": "x"}}, "RequestBodyRead"),
    ],
)
def test_invalid_messages_are_refused_and_nothing_is_sent(graph, tenant, change, code):
    r = graph.post(f"/users/{KARI}/sendMail", json={"message": {**NOTICE, **change}})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == code
    assert tenant.outbox == []
    assert tenant.sent_items(KARI) == []


def test_unknown_action_parameter_and_missing_message_are_400(graph, tenant):
    assert graph.post(f"/users/{KARI}/sendMail", json={"message": NOTICE, "urgent": True}).status_code == 400
    assert graph.post(f"/users/{KARI}/sendMail", json={"saveToSentItems": True}).status_code == 400
    assert (
        graph.post(f"/users/{KARI}/sendMail", content=b"{", headers={"Content-Type": "application/json"}).status_code
        == 400
    )
    assert tenant.outbox == []


def test_a_mime_send_takes_any_header_and_its_recipients_from_the_mime(graph, tenant):
    mime = (
        b"From: kari.nordmann@contoso.example\r\nTo: ola@innbygger.example\r\nSubject: MIME\r\n"
        b"Auto-Submitted: auto-generated\r\nContent-Type: text/plain\r\n\r\nHei\r\n"
    )
    r = graph.post(f"/users/{KARI}/sendMail", content=base64.b64encode(mime), headers={"Content-Type": "text/plain"})
    assert r.status_code == 202
    [sent] = tenant.outbox
    assert sent.to == ["ola@innbygger.example"]
    assert ("Auto-Submitted", "auto-generated") in sent.headers
    bad = graph.post(f"/users/{KARI}/sendMail", content=b"!!!", headers={"Content-Type": "text/plain"})
    assert bad.status_code == 400
