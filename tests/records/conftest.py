"""Fixtures for the records-backend tests: a record whose MIME holds a subject and a matched value."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from hygiene.domain.records import Record

# A sensitive value and subject planted in the MIME; tests prove they are in the MIME, then nowhere else.
SECRET_VALUE = "13097248022"
SECRET_SUBJECT = "Sykmelding og diagnose F32.1 for Kari"


def make_mime(body_extra: str = "", *, size: int = 0) -> bytes:
    """A small RFC 822 message with the planted subject and value (padded with an attachment to ``size``)."""
    msg = EmailMessage()
    msg["From"] = "Avsender Eksempel <avsender@example.org>"
    msg["To"] = "post@kommune.example"
    msg["Subject"] = SECRET_SUBJECT
    msg["Message-ID"] = "<abc123@example.org>"
    msg["Date"] = "Mon, 02 Nov 2026 10:15:00 +0100"
    msg.set_content(f"Hei,\nfødselsnummer {SECRET_VALUE}, diagnose F32.1.\n{body_extra}")
    if size:
        msg.add_attachment(b"\x00" * size, maintype="application", subtype="octet-stream", filename="pad.bin")
    return msg.as_bytes()


def make_record(mime: bytes | None = None, *, message_id: str = "<abc123@example.org>") -> Record:
    """A `Record` as the worker would build it: title from the template, no subject, counts only."""
    return Record(
        mime=mime if mime is not None else make_mime(),
        internet_message_id=message_id,
        mailbox="post@kommune.example",
        received_at=datetime(2026, 11, 2, 9, 15, tzinfo=UTC),
        sender="avsender@example.org",
        title="E-post med sensitive personopplysninger til post@kommune.example",
        categories=("national_id", "health"),
        counts={"national_id": 1, "health": 1},
    )


@pytest.fixture
def record() -> Record:
    """One flagged message's record."""
    return make_record()
