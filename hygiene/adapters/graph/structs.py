"""Slim msgspec structs for the hot path: only the fields the worker reads, decoded straight from the body.

Decoding a 1,000-message delta page into msgspec structs costs a small fraction of building msgraph-sdk's Kiota
models from the same bytes (see ``bench/graph_decode.py``); unknown fields are skipped by the decoder.
"""

from __future__ import annotations

from datetime import datetime

import msgspec


class EmailAddress(msgspec.Struct, frozen=True):
    """``emailAddress`` of a recipient."""

    address: str | None = None


class Recipient(msgspec.Struct, frozen=True):
    """``from`` / ``sender`` of a message."""

    emailAddress: EmailAddress | None = None


class Body(msgspec.Struct, frozen=True):
    """``body`` of a message (text when asked for with ``Prefer: outlook.body-content-type="text"``)."""

    contentType: str | None = None
    content: str | None = None


class Removed(msgspec.Struct, frozen=True):
    """``@removed`` marker of a delta entry."""

    reason: str | None = None


class Header(msgspec.Struct, frozen=True):
    """One of ``internetMessageHeaders``."""

    name: str
    value: str = ""


class DeltaMessage(msgspec.Struct, frozen=True):
    """A message as a delta page or message list carries it (with the worker's ``$select``)."""

    id: str
    internetMessageId: str | None = None
    receivedDateTime: datetime | None = None
    sender_: Recipient | None = msgspec.field(default=None, name="from")
    subject: str | None = None
    hasAttachments: bool | None = None
    body: Body | None = None
    parentFolderId: str | None = None
    internetMessageHeaders: list[Header] | None = None
    toRecipients: list[Recipient] | None = None  # only when selected (the breach register's Sent Items scan)
    ccRecipients: list[Recipient] | None = None
    bccRecipients: list[Recipient] | None = None
    removed: Removed | None = msgspec.field(default=None, name="@removed")


class MessagePage(msgspec.Struct, frozen=True):
    """A page of messages: a delta page (next or delta link) or a plain list (next link)."""

    value: list[DeltaMessage] = []
    next_link: str | None = msgspec.field(default=None, name="@odata.nextLink")
    delta_link: str | None = msgspec.field(default=None, name="@odata.deltaLink")


class User(msgspec.Struct, frozen=True):
    """A user (directory object cast to user)."""

    id: str
    userPrincipalName: str | None = None
    mail: str | None = None
    accountEnabled: bool | None = None


class UserPage(msgspec.Struct, frozen=True):
    """A page of users or group members."""

    value: list[User] = []
    next_link: str | None = msgspec.field(default=None, name="@odata.nextLink")


class MailFolder(msgspec.Struct, frozen=True):
    """A mail folder."""

    id: str
    displayName: str | None = None
    parentFolderId: str | None = None
    childFolderCount: int | None = None


class FolderPage(msgspec.Struct, frozen=True):
    """A page of mail folders."""

    value: list[MailFolder] = []
    next_link: str | None = msgspec.field(default=None, name="@odata.nextLink")


class Categories(msgspec.Struct, frozen=True):
    """A message's ``categories`` and ``flag`` (read before a PATCH, which replaces the array)."""

    categories: list[str] = []


class ErrorDetail(msgspec.Struct, frozen=True):
    """``error`` of a Graph error body."""

    code: str | None = None


class ErrorBody(msgspec.Struct, frozen=True):
    """A Graph error body."""

    error: ErrorDetail | None = None


message_page = msgspec.json.Decoder(MessagePage)
user_page = msgspec.json.Decoder(UserPage)
user = msgspec.json.Decoder(User)
folder_page = msgspec.json.Decoder(FolderPage)
folder = msgspec.json.Decoder(MailFolder)
categories = msgspec.json.Decoder(Categories)
error_body = msgspec.json.Decoder(ErrorBody)


def error_code(body: bytes) -> str | None:
    """The ``error.code`` of a Graph error body, or None when the body is not one."""
    try:
        err = error_body.decode(body).error
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    return err.code if err is not None else None
