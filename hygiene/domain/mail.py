"""Mail-side value types shared by the ports: mailboxes, folders, message metadata, delta pages, outgoing mail."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Mailbox:
    """A user mailbox as Graph knows it."""

    user_id: str
    upn: str
    mail: str | None = None


@dataclass(frozen=True, slots=True)
class Folder:
    """A mail folder; ``well_known`` is the Graph well-known name when it has one (inbox, deleteditems ...)."""

    id: str
    display_name: str
    well_known: str | None = None
    parent_id: str | None = None
    child_folder_count: int = 0


@dataclass(frozen=True, slots=True)
class MessageMeta:
    """The fields of a message that a delta page carries (only what classification and routing need)."""

    id: str
    internet_message_id: str | None
    received_at: datetime | None
    sender: str | None
    subject: str
    has_attachments: bool
    body_content_type: str | None = None
    body: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    parent_folder_id: str | None = None
    # Recipient addresses, when the delta was asked for them (the Sent Items scan); None: not known.
    to: tuple[str, ...] | None = None
    cc: tuple[str, ...] | None = None
    bcc: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class DeltaPage:
    """One page of a delta round: new/updated messages, removed ids, and either a next link or a delta link."""

    messages: tuple[MessageMeta, ...]
    removed_ids: tuple[str, ...]
    next_link: str | None
    delta_link: str | None


@dataclass(frozen=True, slots=True)
class OutgoingMail:
    """A new message to send with sendMail (never a reply or forward)."""

    to: str
    subject: str
    text: str
    html: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
