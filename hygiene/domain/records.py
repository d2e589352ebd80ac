"""What is archived to the records system, and the receipt that proves it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime


def record_key(mime: bytes, internet_message_id: str | None) -> str:
    """The idempotency key of a record: SHA-256 over the MIME bytes and the internetMessageId."""
    h = hashlib.sha256()
    h.update(hashlib.sha256(mime).digest())
    h.update(b"\0")
    h.update((internet_message_id or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Record:
    """One message to archive: the original MIME unchanged plus a classification without matched values.

    ``title`` must not leak the data (no subject by default).
    """

    mime: bytes
    internet_message_id: str | None
    mailbox: str
    received_at: datetime | None
    sender: str | None
    title: str
    categories: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The idempotency key (see `record_key`)."""
        return record_key(self.mime, self.internet_message_id)

    @property
    def sha256(self) -> str:
        """SHA-256 of the MIME bytes, as hex."""
        return hashlib.sha256(self.mime).hexdigest()


@dataclass(frozen=True, slots=True)
class Receipt:
    """Proof that a record is stored: where, under which key, with which checksum."""

    backend: str
    key: str
    location: str
    sha256: str
    stored_at: datetime
