"""`GraphGateway`: the `hygiene.ports.MailGateway` over Graph REST (raw JSON into msgspec structs).

One gateway (one `GraphClient`) per process, shared by every mailbox, so the concurrency limit is app-wide.
Links to the Graph documentation of each operation are in the method docstrings.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from urllib.parse import quote

import msgspec

from hygiene.adapters.graph import structs
from hygiene.adapters.graph.client import GraphClient
from hygiene.domain.mail import DeltaPage, Folder, Mailbox, MessageMeta, OutgoingMail
from hygiene.errors import GraphError, NotFoundError

# What classification and routing need from a delta page; the body comes as text (Prefer header below).
DELTA_SELECT = "id,internetMessageId,receivedDateTime,from,subject,hasAttachments,body,parentFolderId"
# Added to DELTA_SELECT when asked for (the breach register reads who a sent message went to without its MIME).
RECIPIENTS_SELECT = "toRecipients,ccRecipients,bccRecipients"
_TEXT_BODY = 'outlook.body-content-type="text"'
_USER_SELECT = "id,userPrincipalName,mail,accountEnabled"
_FOLDER_SELECT = "id,displayName,parentFolderId,childFolderCount"
WELL_KNOWN = frozenset(
    {"inbox", "deleteditems", "sentitems", "drafts", "junkemail", "archive", "outbox", "clutter", "conversationhistory"}
)
_SENT_SCAN_PAGES = 5


def _u(mailbox: str) -> str:
    return quote(mailbox, safe="@")


def _id(item_id: str) -> str:
    return quote(item_id, safe="")


def _addresses(recipients: list[structs.Recipient] | None) -> tuple[str, ...] | None:
    if recipients is None:
        return None
    return tuple(r.emailAddress.address for r in recipients if r.emailAddress and r.emailAddress.address)


def _meta(m: structs.DeltaMessage) -> MessageMeta:
    sender = m.sender_.emailAddress.address if m.sender_ and m.sender_.emailAddress else None
    received = m.receivedDateTime
    if received is not None and received.tzinfo is None:
        received = received.replace(tzinfo=UTC)
    return MessageMeta(
        id=m.id,
        internet_message_id=m.internetMessageId,
        received_at=received,
        sender=sender,
        subject=m.subject or "",
        has_attachments=bool(m.hasAttachments),
        body_content_type=m.body.contentType if m.body else None,
        body=m.body.content if m.body else None,
        headers=tuple((h.name.lower(), h.value) for h in m.internetMessageHeaders or ()),
        parent_folder_id=m.parentFolderId,
        to=_addresses(m.toRecipients),
        cc=_addresses(m.ccRecipients),
        bcc=_addresses(m.bccRecipients),
    )


def _mailbox(u: structs.User) -> Mailbox:
    return Mailbox(user_id=u.id, upn=(u.userPrincipalName or u.mail or u.id).lower(), mail=u.mail)


def _folder(f: structs.MailFolder, well_known: str | None = None) -> Folder:
    return Folder(
        id=f.id,
        display_name=f.displayName or "",
        well_known=well_known,
        parent_id=f.parentFolderId,
        child_folder_count=f.childFolderCount or 0,
    )


class GraphGateway:
    """Graph mail for the worker; every method raises `hygiene.errors.GraphError` subclasses (see the port)."""

    def __init__(self, client: GraphClient, *, page_size: int = 200) -> None:
        self.client = client
        self.page_size = page_size

    async def aclose(self) -> None:
        """Close the underlying client."""
        await self.client.aclose()

    # --- directory --------------------------------------------------------------------------------------------
    async def _users(self, path: str, route: str) -> AsyncIterator[Mailbox]:
        link: str | None = path
        while link:
            page = await self.client.get_json(link, structs.user_page, route=route)
            for u in page.value:
                if u.accountEnabled is False:
                    continue
                if u.mail or u.userPrincipalName:
                    yield _mailbox(u)
            link = page.next_link

    def list_users(self) -> AsyncIterator[Mailbox]:
        """Every enabled user with an address (https://learn.microsoft.com/graph/api/user-list)."""
        return self._users(f"users?$select={_USER_SELECT}&$top=999", "users.list")

    def group_members(self, group_id: str) -> AsyncIterator[Mailbox]:
        """Transitive user members (https://learn.microsoft.com/graph/api/group-list-transitivemembers)."""
        path = f"groups/{_id(group_id)}/transitiveMembers/microsoft.graph.user?$select={_USER_SELECT}&$top=999"
        return self._users(path, "groups.transitiveMembers")

    async def get_user(self, id_or_upn: str) -> Mailbox:
        """One user (https://learn.microsoft.com/graph/api/user-get); `NotFoundError` when absent."""
        u = await self.client.get_json(
            f"users/{_u(id_or_upn)}?$select={_USER_SELECT}", structs.user, route="users.get", mailbox=id_or_upn
        )
        return _mailbox(u)

    # --- folders ----------------------------------------------------------------------------------------------
    async def list_folders(self, mailbox: str, parent: str | None = None) -> Sequence[Folder]:
        """Top-level folders or child folders (https://learn.microsoft.com/graph/api/user-list-mailfolders)."""
        base = f"users/{_u(mailbox)}/mailFolders"
        link: str | None = f"{base}/{_id(parent)}/childFolders" if parent else base
        link = f"{link}?$select={_FOLDER_SELECT}&$top=100"
        out: list[Folder] = []
        while link:
            page = await self.client.get_json(link, structs.folder_page, route="mailFolders.list", mailbox=mailbox)
            out.extend(_folder(f) for f in page.value)
            link = page.next_link
        return out

    async def get_folder(self, mailbox: str, folder: str) -> Folder:
        """One folder by id or well-known name (https://learn.microsoft.com/graph/api/mailfolder-get)."""
        f = await self.client.get_json(
            f"users/{_u(mailbox)}/mailFolders/{_id(folder)}?$select={_FOLDER_SELECT}",
            structs.folder,
            route="mailFolders.get",
            mailbox=mailbox,
        )
        return _folder(f, folder.lower() if folder.lower() in WELL_KNOWN else None)

    # --- the hot path -----------------------------------------------------------------------------------------
    async def delta(
        self, mailbox: str, folder_id: str, link: str | None, *, since: datetime | None, recipients: bool = False
    ) -> DeltaPage:
        """One delta page (https://learn.microsoft.com/graph/api/message-delta); query options go on the first
        request only, later pages follow the stored link. Raises `SyncStateLostError` when the link is dead.
        ``recipients`` also selects To/Cc/Bcc (kept by the links that follow).

        ``since`` is applied here, not as ``$filter``: "Applying $filter in a delta query returns only up to 5,000
        messages" (graph/delta-query-messages), and the messages left out would never come back as changes."""
        params: dict[str, str] | None = None
        if link is None:
            path = f"users/{_u(mailbox)}/mailFolders/{_id(folder_id)}/messages/delta"
            select = f"{DELTA_SELECT},{RECIPIENTS_SELECT}" if recipients else DELTA_SELECT
            params = {"$select": select, "changeType": "created"}
        else:
            path = link
        resp = await self.client.request(
            "GET",
            path,
            params=params,
            mailbox=mailbox,
            route="messages.delta",
            delta=True,
            headers={"Prefer": f"{_TEXT_BODY}, odata.maxpagesize={self.page_size}"},
        )
        assert resp is not None
        try:
            page = structs.message_page.decode(resp.content)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise GraphError("messages.delta: unreadable page", mailbox=mailbox, route="messages.delta") from exc
        messages = tuple(
            meta
            for meta in (_meta(m) for m in page.value if m.removed is None)
            if since is None or meta.received_at is None or meta.received_at >= since
        )
        removed = tuple(m.id for m in page.value if m.removed is not None)
        return DeltaPage(messages=messages, removed_ids=removed, next_link=page.next_link, delta_link=page.delta_link)

    async def get_mime(self, mailbox: str, message_id: str) -> bytes:
        """The MIME bytes (https://learn.microsoft.com/graph/outlook-get-mime-message)."""
        resp = await self.client.request(
            "GET", f"users/{_u(mailbox)}/messages/{_id(message_id)}/$value", mailbox=mailbox, route="messages.mime"
        )
        assert resp is not None
        return resp.content

    # --- actions ----------------------------------------------------------------------------------------------
    async def mark(self, mailbox: str, message_id: str, *, category: str, flag: bool) -> None:
        """Add ``category`` (a PATCH replaces the whole array, so it is read first) and set the follow-up flag
        (https://learn.microsoft.com/graph/api/message-update). Idempotent."""
        path = f"users/{_u(mailbox)}/messages/{_id(message_id)}"
        current = await self.client.get_json(
            f"{path}?$select=categories", structs.categories, route="messages.get", mailbox=mailbox
        )
        body: dict[str, object] = {}
        if category not in current.categories:
            body["categories"] = [*current.categories, category]
        if flag:
            body["flag"] = {"flagStatus": "flagged"}
        if body:
            await self.client.request("PATCH", path, json=body, mailbox=mailbox, route="messages.update")

    async def delete(self, mailbox: str, message_id: str) -> None:
        """Soft delete (https://learn.microsoft.com/graph/api/message-delete); 404 = already gone."""
        await self.client.request(
            "DELETE",
            f"users/{_u(mailbox)}/messages/{_id(message_id)}",
            mailbox=mailbox,
            route="messages.delete",
            missing_ok=True,
        )

    async def permanent_delete(self, mailbox: str, message_id: str) -> None:
        """Purge (https://learn.microsoft.com/graph/api/message-permanentdelete); 404 = already gone."""
        await self.client.request(
            "POST",
            f"users/{_u(mailbox)}/messages/{_id(message_id)}/permanentDelete",
            mailbox=mailbox,
            route="messages.permanentDelete",
            missing_ok=True,
        )

    async def send_mail(self, mailbox: str, mail: OutgoingMail) -> None:
        """sendMail (https://learn.microsoft.com/graph/api/user-sendmail). Retried only on 429 or when the
        connection was never made; any other failure raises `GraphError` (``code="ambiguous"`` when the message
        may have gone out), and the caller checks `sent_with_header` before trying again."""
        message: dict[str, object] = {
            "subject": mail.subject,
            "body": {"contentType": "HTML" if mail.html else "Text", "content": mail.html or mail.text},
            "toRecipients": [{"emailAddress": {"address": mail.to}}],
        }
        if mail.headers:
            message["internetMessageHeaders"] = [{"name": k, "value": v} for k, v in mail.headers.items()]
        await self.client.request(
            "POST",
            f"users/{_u(mailbox)}/sendMail",
            json={"message": message, "saveToSentItems": True},
            mailbox=mailbox,
            route="users.sendMail",
            idempotent=False,
        )

    async def sent_with_header(self, mailbox: str, header: str, value: str) -> bool:
        """Whether a recent message in Sent Items carries ``header: value`` (newest pages only)."""
        link: str | None = (
            f"users/{_u(mailbox)}/mailFolders/sentitems/messages"
            "?$select=id,internetMessageHeaders&$orderby=sentDateTime desc&$top=100"
        )
        wanted = header.lower()
        for _ in range(_SENT_SCAN_PAGES):
            if not link:
                break
            try:
                page = await self.client.get_json(link, structs.message_page, route="sentitems.list", mailbox=mailbox)
            except NotFoundError:
                return False
            for m in page.value:
                for h in m.internetMessageHeaders or ():
                    if h.name.lower() == wanted and h.value == value:
                        return True
            link = page.next_link
        return False

    # --- housekeeping -----------------------------------------------------------------------------------------
    async def list_messages(self, mailbox: str, folder: str, *, before: datetime | None = None) -> list[str]:
        """Ids of the messages in ``folder`` (optionally received before ``before``)."""
        link: str | None = f"users/{_u(mailbox)}/mailFolders/{_id(folder)}/messages?$select=id&$top=500"
        if before is not None:
            link += f"&$filter=receivedDateTime lt {before.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}"
        ids: list[str] = []
        while link:
            page = await self.client.get_json(link, structs.message_page, route="messages.list", mailbox=mailbox)
            ids.extend(m.id for m in page.value)
            link = page.next_link
        return ids
