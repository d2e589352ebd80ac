"""Who never gets a notice, and why (the reason is what the audit log records)."""

from __future__ import annotations

import pytest

from hygiene.domain.notice import suppression_reason

MAILBOX = "kari@vestby.example.no"


def reason(settings, sender, headers=None, auto_reply=False, **notice_update):
    n = settings.notice.model_copy(update=notice_update)
    return suppression_reason(sender=sender, headers=headers or {}, auto_reply=auto_reply, notice=n, mailbox=MAILBOX)


def test_an_ordinary_sender_gets_a_notice(settings):
    assert reason(settings, "ola@example.no") is None


@pytest.mark.parametrize("sender", [None, "", "   ", "not-an-address", "@example.no", "ola@"])
def test_no_sender(settings, sender):
    assert reason(settings, sender) == "no_sender"


def test_our_own_notice_is_never_answered(settings):
    assert reason(settings, "ola@example.no", {"x-hygiene-notice": "abc"}) == "own_notice"
    assert reason(settings, "ola@example.no", {"X-Hygiene-Notice": "abc"}) == "own_notice"


def test_the_mailbox_itself_and_the_notice_mailbox(settings):
    assert reason(settings, "Kari@Vestby.Example.no") == "self"
    assert reason(settings, "<personvern@vestby.example.no>", sender_mailbox="personvern@vestby.example.no") == "self"


@pytest.mark.parametrize(
    ("sender", "headers"),
    [
        ("MAILER-DAEMON@mx.example.no", {}),
        ("postmaster@example.no", {}),
        ("ola@example.no", {"return-path": "<>"}),
        ("ola@example.no", {"content-type": "multipart/report; report-type=delivery-status; boundary=x"}),
    ],
)
def test_bounces(settings, sender, headers):
    assert reason(settings, sender, headers) == "bounce"


@pytest.mark.parametrize(
    "headers",
    [
        {"auto-submitted": "auto-replied"},
        {"auto-submitted": "auto-generated"},
        {"precedence": "bulk"},
        {"precedence": "list"},
        {"precedence": "junk"},
    ],
)
def test_auto_replies(settings, headers):
    assert reason(settings, "ola@example.no", headers) == "auto_reply"


def test_auto_submitted_no_is_a_person(settings):
    assert reason(settings, "ola@example.no", {"auto-submitted": "no", "precedence": "normal"}) is None


def test_detector_auto_reply_flag(settings):
    assert reason(settings, "ola@example.no", auto_reply=True) == "auto_reply"


@pytest.mark.parametrize("local", ["noreply", "no-reply", "do-not-reply", "donotreply", "no_reply", "info-noreply"])
def test_no_reply_addresses(settings, local):
    assert reason(settings, f"{local}@example.no") == "no_reply"


@pytest.mark.parametrize(
    ("entry", "sender", "hit"),
    [
        ("ola@example.no", "OLA@example.no", True),
        ("ola@example.no", "kari@example.no", False),
        ("example.no", "kari@example.no", True),
        ("@example.no", "kari@sub.example.no", True),
        ("example.no", "kari@notexample.no", False),
        ("*@*.nav.example", "x@a.nav.example", True),
    ],
)
def test_deny_list(settings, entry, sender, hit):
    assert (reason(settings, sender, deny_senders=[entry]) == "deny_list") is hit
