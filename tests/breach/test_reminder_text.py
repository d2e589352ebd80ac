"""The reminder e-mail: what it says, what it never says, and that hygiene never takes it for sensitive mail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hygiene.adapters.store.breaches import BreachView
from hygiene.app import build_classifier
from hygiene.breach import HEADER, compose_reminder, recipients_of
from hygiene.sandbox.mime import build_mime
from hygiene.settings import Settings

NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
VIEW = BreachView(
    id=7,
    mailbox="kari@kommune.no",
    message_key="a" * 64,
    sent_at=None,
    discovered_at=NOW,
    deadline=NOW + timedelta(hours=72),
    state="assessed",
    outcome="breach_high_risk",
    note="Sendt til feil lege, fødselsnummer i vedlegget",
    reference=None,
    reasons=["external_recipient", "exposed_addresses"],
    categories=["national_id", "health", "religion", "sexual_orientation", "criminal"],
    counts={"national_id": 1, "health": 4, "religion": 1, "sexual_orientation": 1, "criminal": 2},
    recipient_domains={"gmail.example": 3},
    recipients=3,
    external_recipients=3,
)


@pytest.fixture(scope="module")
def classifier():
    return build_classifier(Settings())


@pytest.mark.parametrize("language", ["nb", "nn", "en", "sv"])
@pytest.mark.parametrize("kind", ["discovery", "deadline"])
def test_a_reminder_names_the_entry_and_never_its_content(classifier, language, kind):
    mail = compose_reminder(VIEW, kind, to="po@kommune.no", dedup_key="b" * 64, language=language, now=NOW)
    text = mail.subject + mail.text
    assert mail.to == "po@kommune.no"
    assert mail.headers[HEADER] == "b" * 64
    for expected in ("7", "kari@kommune.no", "2026-11-05 08:00 UTC", "health 4", "hygiene breach show 7"):
        assert expected in text
    assert "72" in text
    assert "Sendt til feil lege" not in text  # the officer's note stays in the register
    assert "gmail.example" not in text
    # hygiene reads the reminder's copy in the officer's mailbox as hygiene's own, and never as sensitive
    mime = build_mime(
        sender="po@kommune.no",
        to=[mail.to],
        cc=[],
        subject=mail.subject,
        body=mail.text,
        html_body=False,
        headers=list(mail.headers.items()),
        date=NOW,
    )
    assert recipients_of(mime)[1] is True
    assert not classifier.classify(mime).sensitive


def test_the_deadline_reminder_says_when_the_deadline_has_passed():
    late = compose_reminder(
        VIEW, "deadline", to="po@x.no", dedup_key="c" * 64, language="nb", now=NOW + timedelta(hours=73)
    )
    assert "fristen er passert" in late.text
    soon = compose_reminder(VIEW, "deadline", to="po@x.no", dedup_key="c" * 64, language="en", now=NOW)
    assert "72.0 hours left" in soon.text
