"""The ports: small protocols between the pipeline and the outside world.

Adapters under `hygiene.adapters` implement them and translate foreign errors into `hygiene.errors`. Fakes that
implement the same protocols live next to the real adapters (and the whole Graph side is faked by
`hygiene.sandbox`). The domain core imports none of this.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

from hygiene.domain.mail import DeltaPage, Folder, Mailbox, OutgoingMail
from hygiene.domain.records import Receipt, Record


@runtime_checkable
class Clock(Protocol):
    """The source of time. Tests pass a controllable clock; everything else uses `SystemClock`."""

    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class MailGateway(Protocol):
    """Graph mail, as the worker needs it. Every call sends ``Prefer: IdType="ImmutableId"``.

    All methods raise `hygiene.errors.GraphError` subclasses: `NotFoundError` (404), `AccessDeniedError` (403),
    `SyncStateLostError` (410 / syncStateNotFound on a delta link), `ThrottledError` once retries are exhausted.
    Concurrency across all mailboxes is bounded by the gateway (Graph allows 4 concurrent requests per app).
    """

    def list_users(self) -> AsyncIterator[Mailbox]:
        """Every user with a mailbox in the tenant (paged)."""
        ...

    def group_members(self, group_id: str) -> AsyncIterator[Mailbox]:
        """Transitive user members of a group (nested groups resolved, devices and groups left out)."""
        ...

    async def get_user(self, id_or_upn: str) -> Mailbox:
        """One user; raises `NotFoundError` if it does not exist."""
        ...

    async def list_folders(self, mailbox: str, parent: str | None = None) -> Sequence[Folder]:
        """Top-level folders, or the child folders of ``parent``."""
        ...

    async def get_folder(self, mailbox: str, folder: str) -> Folder:
        """One folder by id or well-known name."""
        ...

    async def delta(
        self, mailbox: str, folder_id: str, link: str | None, *, since: datetime | None, recipients: bool = False
    ) -> DeltaPage:
        """One page of a delta round: ``link`` is a stored next/delta link, or None to start a full sync
        (limited to messages received since ``since`` when given). Raises `SyncStateLostError` if the link is dead.
        With ``recipients`` the messages carry their To/Cc/Bcc addresses (`MessageMeta.to` ...), else None.
        """
        ...

    async def get_mime(self, mailbox: str, message_id: str) -> bytes:
        """The message's RFC 822 bytes (``$value``)."""
        ...

    async def mark(self, mailbox: str, message_id: str, *, category: str, flag: bool) -> None:
        """Add ``category`` to the message's categories and optionally set the follow-up flag (idempotent)."""
        ...

    async def delete(self, mailbox: str, message_id: str) -> None:
        """Soft-delete (to Deleted Items). A 404 is not an error: the message is already gone."""
        ...

    async def permanent_delete(self, mailbox: str, message_id: str) -> None:
        """Purge the message (to Recoverable Items/Purges, invisible to the user). A 404 is not an error."""
        ...

    async def send_mail(self, mailbox: str, mail: OutgoingMail) -> None:
        """Send a new message from ``mailbox``. Never retried blindly: a send that may have gone out raises."""
        ...

    async def sent_with_header(self, mailbox: str, header: str, value: str) -> bool:
        """Whether Sent Items of ``mailbox`` holds a message with the given x- header value (notice dedup)."""
        ...


class RecordsArchive(Protocol):
    """The records system. A message may only be deleted after its record is verified.

    Raises `hygiene.errors.RecordsError` when the backend is unreachable or refuses; the worker then keeps the
    message and retries on a later sweep.
    """

    name: str

    async def put(self, record: Record) -> Receipt:
        """Store the record. Idempotent: the same record (same `Record.key`) twice gives the same receipt."""
        ...

    async def find(self, key: str) -> Receipt | None:
        """The receipt of an already stored record with this key, or None (find-before-create after a crash)."""
        ...

    async def verify(self, receipt: Receipt) -> bool:
        """Read the stored copy back and compare its SHA-256 with the receipt's. False on mismatch or absence."""
        ...
