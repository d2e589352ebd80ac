"""The Graph v1.0 mail operations of the sandbox, independent of HTTP: `GraphService.resolve` maps a request to a
route name and a handler, `GraphService.call` runs it under the tenant lock and returns a `Reply`.

Shapes, status codes and error bodies follow Microsoft's documentation; each handler names its page. Accepted
URL forms: plain (``/messages/delta``), namespace-qualified (``/messages/microsoft.graph.delta()``) and the SDK's
key-in-parentheses form (``/mailFolders('inbox')``); path segment names and action parameters are matched
case-insensitively, as the service does. Query options: ``$select``, ``$top``, ``$skip``, ``$filter`` (date
comparisons on receivedDateTime/sentDateTime, ``isRead eq``, ``internetMessageId eq``, joined with ``and``),
``$orderby`` (receivedDateTime/sentDateTime), ``$expand`` of an itemAttachment's item. Anything else in
``$filter`` is rejected with 400, so a client that relies on it fails here rather than in production.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.policy
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import getaddresses
from typing import Any
from urllib.parse import quote, unquote, urlencode

import orjson

from hygiene.sandbox.mime import Attachment, build_mime, parse_mime
from hygiene.sandbox.tenant import Mailbox, Message, SandboxError, SentMessage, Tenant, User

# Route names (used in request counts, fault rules and the control surface).
ROUTES = (
    "users.list",
    "users.get",
    "groups.transitiveMembers",
    "mailFolders.list",
    "mailFolders.get",
    "mailFolders.childFolders",
    "messages.list",
    "messages.delta",
    "messages.get",
    "messages.update",
    "messages.delete",
    "messages.value",
    "messages.move",
    "messages.permanentDelete",
    "attachments.list",
    "attachments.get",
    "attachments.value",
    "users.sendMail",
    "batch",
)

MESSAGE_PROPERTIES = frozenset(
    {
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime",
        "sentDateTime", "hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance",
        "parentFolderId", "conversationId", "conversationIndex", "isDeliveryReceiptRequested",
        "isReadReceiptRequested", "isRead", "isDraft", "webLink", "inferenceClassification", "body", "sender",
        "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "flag", "internetMessageHeaders",
        "uniqueBody", "attachments", "extensions", "singleValueExtendedProperties", "multiValueExtendedProperties",
    }
)  # fmt: skip
# properties held by the store itself (the others are derived from the MIME)
_STORE_PROPERTIES = frozenset(
    {"id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "parentFolderId",
     "isRead", "isDraft", "inferenceClassification", "flag"}
)  # fmt: skip
# properties Graph returns only when $select names them
_SELECT_ONLY = frozenset({"internetMessageHeaders", "uniqueBody"})
_NAV = frozenset({"attachments", "extensions", "singleValueExtendedProperties", "multiValueExtendedProperties"})
_PATCHABLE = frozenset({"categories", "flag", "isRead", "importance", "inferenceClassification"})
_DRAFT_PATCHABLE = frozenset({"subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "from"})
_FLAG_STATUS = frozenset({"notFlagged", "complete", "flagged"})
_USER_PROPERTIES = frozenset(
    {
        "id", "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
        "preferredLanguage", "surname", "userPrincipalName", "accountEnabled",
    }
)  # fmt: skip
_FOLDER_PROPERTIES = frozenset(
    {"id", "displayName", "parentFolderId", "childFolderCount", "unreadItemCount", "totalItemCount", "sizeInBytes",
     "isHidden"}
)  # fmt: skip
_ADDRESS = re.compile(r"^[^@\s<>\"(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")
_KEY_SEGMENT = re.compile(r"^(?P<name>[^(]+)\((?P<key>.*)\)$")
_DEFAULT_MESSAGE_PAGE = 10
_DEFAULT_DIRECTORY_PAGE = 100
_MAX_MESSAGE_PAGE = 1000
_MAX_DIRECTORY_PAGE = 999
_MAX_DELTA_TOKENS = 200_000
_DELTA_FILTER = re.compile(r"^\s*receivedDateTime\s+(ge|gt)\s+\S+\s*$", re.IGNORECASE)


@dataclass
class Request:
    """One Graph request as the service sees it (path after ``/v1.0``, raw; query decoded)."""

    method: str
    path: str
    query: dict[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""
    base_url: str = "http://127.0.0.1/v1.0"


@dataclass
class Reply:
    """A response: ``body`` is JSON data (serialised by the HTTP layer) or bytes; headers as a dict."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None


@dataclass
class Resolved:
    """A request resolved to a route: its name, the handler and the path parameters."""

    route: str
    handler: Callable[[Request, dict[str, str]], Reply]
    params: dict[str, str]
    mailbox: str | None = None  # the user reference of a mailbox route (id or UPN as sent)


@dataclass(frozen=True)
class DeltaCursor:
    """The server side of a delta link: where a folder's round stands in the mailbox change log."""

    user_id: str
    folder_id: str
    select: tuple[str, ...] | None
    change_type: str | None
    filter: str | None
    watermark: int  # changes up to this log number were delivered in earlier rounds
    upto: int | None  # this round ends at this log number (None for a delta link: set when used)
    pos: int  # index in the log to scan from
    top: int | None = None
    returned: int = 0  # messages returned so far in this round (a $filter round stops at limits.delta_filter_cap)


def error(status: int, code: str, message: str) -> Reply:
    """A Graph error response (``{"error": {"code", "message", "innerError"}}``)."""
    now = datetime.now(UTC)
    return Reply(
        status,
        {
            "error": {
                "code": code,
                "message": message,
                "innerError": {
                    "date": now.strftime("%Y-%m-%dT%H:%M:%S"),
                    "request-id": secrets.token_hex(16),
                    "client-request-id": secrets.token_hex(16),
                },
            }
        },
    )


def iso(dt: datetime | None) -> str | None:
    """Graph's timestamp format (UTC, ``Z``)."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if dt else None


def parse_prefer(value: str | None) -> dict[str, str]:
    """The ``Prefer`` header as {lower-case name: unquoted value}."""
    out: dict[str, str] = {}
    for item in (value or "").split(","):
        name, _, val = item.strip().partition("=")
        if name:
            out[name.strip().lower()] = val.strip().strip('"')
    return out


def split_path(path: str) -> list[str]:
    """Path segments, percent-decoded, with ``name('key')`` split into name and key and ``name()`` into name."""
    out: list[str] = []
    for raw in path.strip("/").split("/"):
        if not raw:
            continue
        seg = unquote(raw)
        m = _KEY_SEGMENT.match(seg)
        if m:
            out.append(m["name"])
            key = m["key"].strip()
            if key:
                out.append(key[1:-1] if len(key) >= 2 and key[0] == key[-1] == "'" else key)
        else:
            out.append(seg)
    return out


def _n(seg: str) -> str:
    s = seg.lower()
    return s[len("microsoft.graph.") :] if s.startswith("microsoft.graph.") else s


def _select(query: Mapping[str, str], allowed: frozenset[str], type_name: str) -> tuple[str, ...] | None:
    raw = query.get("$select")
    if raw is None:
        return None
    names = tuple(s.strip() for s in raw.split(",") if s.strip())
    lowered = {a.lower(): a for a in allowed}
    out: list[str] = []
    for name in names:
        canon = lowered.get(name.lower())
        if canon is None:
            raise SandboxError(
                400, "RequestBroker--ParseUri", f"Could not find a property named '{name}' on type '{type_name}'."
            )
        out.append(canon)
    return tuple(out)


def _int_option(query: Mapping[str, str], name: str) -> int | None:
    raw = query.get(name)
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise SandboxError(400, "BadRequest", f"Invalid value '{raw}' for query option '{name}'.") from None
    if value < 0:
        raise SandboxError(400, "BadRequest", f"Invalid value '{raw}' for query option '{name}'.")
    return value


# --- $filter: the small subset Outlook supports and hygiene uses ----------------------------------------------
_FILTER_TERM = re.compile(
    r"^\s*(?P<prop>receivedDateTime|sentDateTime|isRead|internetMessageId)\s+(?P<op>eq|ne|ge|gt|le|lt)\s+"
    r"(?P<value>'(?:[^']|'')*'|true|false|\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?)\s*$",
    re.IGNORECASE,
)
_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "ge": lambda a, b: a is not None and a >= b,
    "gt": lambda a, b: a is not None and a > b,
    "le": lambda a, b: a is not None and a <= b,
    "lt": lambda a, b: a is not None and a < b,
}


def compile_filter(expr: str | None) -> Callable[[Message], bool] | None:
    """A predicate for an OData ``$filter`` of the supported subset; `SandboxError` 400 for anything else."""
    if not expr:
        return None
    terms: list[Callable[[Message], bool]] = []
    for part in re.split(r"\s+and\s+", expr.strip(), flags=re.IGNORECASE):
        m = _FILTER_TERM.match(part)
        if m is None:
            raise SandboxError(
                400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes."
            )
        prop, op, raw = m["prop"].lower(), _OPS[m["op"].lower()], m["value"]
        if prop in ("receiveddatetime", "sentdatetime"):
            text = raw.strip("'")
            try:
                value = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                raise SandboxError(400, "BadRequest", f"Invalid date '{text}' in $filter.") from None
            if value.tzinfo is None:
                value = value.replace(tzinfo=UTC)
            if prop == "receiveddatetime":
                terms.append(lambda msg, op=op, v=value: op(msg.received, v))
            else:
                terms.append(lambda msg, op=op, v=value: op(msg.parsed.sent or msg.received, v))
        elif prop == "isread":
            flag = raw.lower() == "true"
            terms.append(lambda msg, op=op, v=flag: op(msg.is_read, v))
        else:
            imid = raw[1:-1].replace("''", "'")
            terms.append(lambda msg, op=op, v=imid: op(msg.internet_message_id, v))
    return lambda msg: all(t(msg) for t in terms)


def _orderby(expr: str | None) -> tuple[str, bool]:
    if not expr:
        return "receivedDateTime", True
    prop, _, direction = expr.strip().partition(" ")
    if prop.lower() not in ("receiveddatetime", "sentdatetime", "lastmodifieddatetime"):
        raise SandboxError(400, "ErrorInvalidProperty", f"The property '{prop}' cannot be used in $orderby.")
    return prop, direction.strip().lower() != "asc"


# --- JSON views ------------------------------------------------------------------------------------------------
def recipient(address: str, name: str | None = None) -> dict[str, Any]:
    """A ``recipient`` object."""
    return {"emailAddress": {"name": name or address, "address": address}}


def attachment_id(m: Message, a: Attachment) -> str:
    """A stable attachment id (URL-safe base64 with padding, like Graph's)."""
    return base64.urlsafe_b64encode(m.immutable_id.encode()[:40] + b"\x12" + a.index.to_bytes(2, "big")).decode()


class GraphService:
    """Graph mail over a `Tenant` (see the module docstring)."""

    def __init__(self, tenant: Tenant) -> None:
        self.tenant = tenant

    # --- routing ----------------------------------------------------------------------------------------------
    def resolve(self, method: str, path: str) -> Resolved | Reply:
        """The route of ``method path``, or an error reply (400 unknown segment, 405 wrong method)."""
        s = split_path(path)
        if not s:
            return error(400, "BadRequest", "Invalid request.")
        head = _n(s[0])
        if head == "users":
            if len(s) == 1:
                return self._only(method, "GET", Resolved("users.list", self.list_users, {}))
            user, rest = s[1], s[2:]
            p = {"user": user}
            if not rest:
                return self._only(method, "GET", Resolved("users.get", self.get_user, p))
            r0 = _n(rest[0])
            if r0 == "sendmail" and len(rest) == 1:
                return self._only(method, "POST", Resolved("users.sendMail", self.send_mail, p, user))
            if r0 == "mailfolders":
                if len(rest) == 1:
                    return self._only(method, "GET", Resolved("mailFolders.list", self.list_folders, p, user))
                p["folder"], rest = rest[1], rest[2:]
                while len(rest) >= 2 and _n(rest[0]) == "childfolders":
                    p["folder"], rest = rest[1], rest[2:]
                if not rest:
                    return self._only(method, "GET", Resolved("mailFolders.get", self.get_folder, p, user))
                if _n(rest[0]) == "childfolders" and len(rest) == 1:
                    return self._only(method, "GET", Resolved("mailFolders.childFolders", self.child_folders, p, user))
                if _n(rest[0]) == "messages":
                    return self._message_routes(method, rest[1:], p, user)
            if r0 == "messages":
                return self._message_routes(method, rest[1:], p, user)
            return error(400, "BadRequest", f"Resource not found for the segment '{rest[0]}'.")
        if head == "groups" and len(s) >= 3 and _n(s[2]) == "transitivemembers":
            p = {"group": s[1]}
            if len(s) == 3:
                return self._only(method, "GET", Resolved("groups.transitiveMembers", self.transitive_members, p))
            if len(s) == 4 and _n(s[3]) == "user":
                p["cast"] = "user"
                return self._only(method, "GET", Resolved("groups.transitiveMembers", self.transitive_members, p))
        return error(400, "BadRequest", f"Resource not found for the segment '{s[0]}'.")

    def _message_routes(self, method: str, rest: list[str], p: dict[str, str], user: str) -> Resolved | Reply:
        if not rest:
            return self._only(method, "GET", Resolved("messages.list", self.list_messages, p, user))
        if _n(rest[0]) == "delta" and len(rest) == 1:
            if "folder" not in p:
                return error(400, "ErrorInvalidRequest", "Change tracking is only supported per mail folder.")
            return self._only(method, "GET", Resolved("messages.delta", self.delta, p, user))
        p = {**p, "message": rest[0]}
        tail = [_n(x) for x in rest[1:]]
        if not tail:
            routes = {
                "GET": Resolved("messages.get", self.get_message, p, user),
                "PATCH": Resolved("messages.update", self.update_message, p, user),
                "DELETE": Resolved("messages.delete", self.delete_message, p, user),
            }
            return routes.get(method) or error(405, "ErrorInvalidRequest", "The OData request is not supported.")
        if tail == ["$value"]:
            return self._only(method, "GET", Resolved("messages.value", self.message_value, p, user))
        if tail == ["move"]:
            return self._only(method, "POST", Resolved("messages.move", self.move_message, p, user))
        if tail == ["permanentdelete"]:
            return self._only(method, "POST", Resolved("messages.permanentDelete", self.permanent_delete, p, user))
        if tail == ["attachments"]:
            return self._only(method, "GET", Resolved("attachments.list", self.list_attachments, p, user))
        if len(tail) >= 2 and tail[0] == "attachments":
            p = {**p, "attachment": rest[2]}
            if len(tail) == 2:
                return self._only(method, "GET", Resolved("attachments.get", self.get_attachment, p, user))
            if tail[2:] == ["$value"]:
                return self._only(method, "GET", Resolved("attachments.value", self.attachment_value, p, user))
        return error(400, "BadRequest", f"Resource not found for the segment '{rest[-1]}'.")

    @staticmethod
    def _only(method: str, allowed: str, r: Resolved) -> Resolved | Reply:
        if method != allowed:
            return error(405, "ErrorInvalidRequest", "The OData request is not supported.")
        return r

    def call(self, r: Resolved, req: Request) -> Reply:
        """Run a resolved request under the tenant lock; Graph errors become error replies."""
        with self.tenant.lock:
            try:
                return r.handler(req, r.params)
            except SandboxError as exc:
                return error(exc.status, exc.code, exc.message)

    # --- helpers ----------------------------------------------------------------------------------------------
    def _mailbox(self, ref: str) -> Mailbox:
        try:
            user = self.tenant.user(ref)
        except KeyError:
            raise SandboxError(404, "ErrorInvalidUser", f"The requested user '{ref}' is invalid.") from None
        if user.mailbox is None:
            raise SandboxError(
                404,
                "MailboxNotEnabledForRESTAPI",
                "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
            )
        if user.denied:
            raise SandboxError(
                403,
                "ErrorAccessDenied",
                "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.",
            )
        return user.mailbox

    @staticmethod
    def _prefs(req: Request) -> dict[str, str]:
        return parse_prefer(req.headers.get("prefer"))

    @staticmethod
    def _immutable(prefs: Mapping[str, str]) -> bool:
        return prefs.get("idtype", "").lower() == "immutableid"

    @staticmethod
    def _applied(prefs: Mapping[str, str], *, page: int | None = None) -> dict[str, str]:
        applied = []
        if page is not None and "odata.maxpagesize" in prefs:
            applied.append(f"odata.maxpagesize={page}")
        if "outlook.body-content-type" in prefs:
            applied.append(f'outlook.body-content-type="{prefs["outlook.body-content-type"]}"')
        if "idtype" in prefs:
            applied.append(f'IdType="{prefs["idtype"]}"')
        return {"Preference-Applied": ", ".join(applied)} if applied else {}

    def message_json(
        self, mb: Mailbox, m: Message, select: tuple[str, ...] | None, prefs: Mapping[str, str], base_url: str
    ) -> dict[str, Any]:
        """A message as Graph returns it; ``select`` limits the properties (id always included)."""
        immutable = self._immutable(prefs)
        mid = m.immutable_id if immutable else m.rest_id
        wanted = set(select) if select is not None else None
        # the MIME is parsed (once, then cached) only when a property derived from it is asked for
        p = m.parsed if wanted is None or wanted - _STORE_PROPERTIES else None

        def want(name: str) -> bool:
            return (name not in _SELECT_ONLY and name not in _NAV) if wanted is None else name in wanted

        out: dict[str, Any] = {"@odata.etag": f'W/"{m.change_key()}"', "id": mid}
        if want("createdDateTime"):
            out["createdDateTime"] = iso(m.created)
        if want("lastModifiedDateTime"):
            out["lastModifiedDateTime"] = iso(m.modified)
        if want("changeKey"):
            out["changeKey"] = m.change_key()
        if want("categories"):
            out["categories"] = list(m.categories)
        if want("receivedDateTime"):
            out["receivedDateTime"] = iso(m.received)
        if want("sentDateTime"):
            out["sentDateTime"] = iso(p.sent or m.received)
        if want("hasAttachments"):
            out["hasAttachments"] = p.has_attachments
        if want("internetMessageId"):
            out["internetMessageId"] = p.internet_message_id
        if want("subject"):
            out["subject"] = p.subject
        if want("bodyPreview"):
            out["bodyPreview"] = p.preview()
        if want("importance"):
            out["importance"] = p.importance
        if want("parentFolderId"):
            out["parentFolderId"] = m.folder_id
        if want("conversationId"):
            out["conversationId"] = "AAQk" + base64.urlsafe_b64encode((p.subject or mid)[:24].encode()).decode()
        if want("conversationIndex"):
            out["conversationIndex"] = base64.b64encode(m.immutable_id.encode()[:22]).decode()
        if want("isDeliveryReceiptRequested"):
            out["isDeliveryReceiptRequested"] = p.delivery_receipt
        if want("isReadReceiptRequested"):
            out["isReadReceiptRequested"] = p.read_receipt
        if want("isRead"):
            out["isRead"] = m.is_read
        if want("isDraft"):
            out["isDraft"] = m.is_draft
        if want("webLink"):
            out["webLink"] = (
                f"https://outlook.office365.com/owa/?ItemID={quote(mid, safe='')}&exvsurl=1&viewmodel=ReadMessageItem"
            )
        if want("inferenceClassification"):
            out["inferenceClassification"] = "focused"
        if want("body") or want("uniqueBody"):
            wanted_type = "text" if prefs.get("outlook.body-content-type", "").lower() == "text" else "html"
            ctype, content = p.body_as(wanted_type)
            if want("body"):
                out["body"] = {"contentType": ctype, "content": content}
            if want("uniqueBody"):
                out["uniqueBody"] = {"contentType": ctype, "content": content}
        if want("sender"):
            out["sender"] = p.sender.json() if p.sender else None
        if want("from"):
            out["from"] = p.from_.json() if p.from_ else None
        if want("toRecipients"):
            out["toRecipients"] = [a.json() for a in p.to]
        if want("ccRecipients"):
            out["ccRecipients"] = [a.json() for a in p.cc]
        if want("bccRecipients"):
            out["bccRecipients"] = [a.json() for a in p.bcc]
        if want("replyTo"):
            out["replyTo"] = [a.json() for a in p.reply_to]
        if want("flag"):
            out["flag"] = dict(m.flag)
        if want("internetMessageHeaders"):
            out["internetMessageHeaders"] = [{"name": k, "value": v} for k, v in p.headers]
        if want("attachments"):
            out["attachments"] = [self.attachment_json(m, a, with_bytes=False) for a in p.attachments]
        return out

    def attachment_json(self, m: Message, a: Attachment, *, with_bytes: bool = True) -> dict[str, Any]:
        """A fileAttachment or itemAttachment."""
        out: dict[str, Any] = {
            "@odata.type": "#microsoft.graph.itemAttachment" if a.item else "#microsoft.graph.fileAttachment",
            "@odata.mediaContentType": a.content_type,
            "id": attachment_id(m, a),
            "lastModifiedDateTime": iso(m.modified),
            "name": a.name,
            "contentType": a.content_type,
            "size": len(a.data),
            "isInline": a.is_inline,
        }
        if not a.item:
            out["contentId"] = a.content_id
            out["contentLocation"] = None
            if with_bytes:
                out["contentBytes"] = base64.b64encode(a.data).decode()
        return out

    def _page_size(self, req: Request, prefs: Mapping[str, str], default: int, maximum: int) -> int:
        size = _int_option(req.query, "$top")
        raw = prefs.get("odata.maxpagesize")
        if raw is not None:
            try:
                size = int(raw)
            except ValueError:
                raise SandboxError(400, "BadRequest", "Invalid odata.maxpagesize preference.") from None
        size = default if size is None else size
        if size <= 0:
            raise SandboxError(400, "BadRequest", "The page size must be positive.")
        return min(size, maximum)

    @staticmethod
    def _link(req: Request, path: str, **query: str) -> str:
        q = urlencode(query, safe="$,'()", quote_via=quote)
        return f"{req.base_url}/{path}" + (f"?{q}" if q else "")

    # --- directory --------------------------------------------------------------------------------------------
    def _user_json(self, u: User, select: tuple[str, ...] | None) -> dict[str, Any]:
        full = u.json()
        if select is None:
            full.pop("accountEnabled")
            return full
        return {k: full[k] for k in ("id", *select)}

    def _directory_page(self, req: Request, items: list[dict[str, Any]], path: str, context: str) -> Reply:
        top = _int_option(req.query, "$top") or _DEFAULT_DIRECTORY_PAGE
        if top > _MAX_DIRECTORY_PAGE:
            raise SandboxError(
                400,
                "Request_UnsupportedQuery",
                f"Invalid page size specified: '{top}'. Must be between 1 and 999 inclusive.",
            )
        offset = 0
        token = req.query.get("$skiptoken")
        if token:
            try:
                offset = int(base64.urlsafe_b64decode(token.encode()).decode().removeprefix("X'"))
            except (ValueError, binascii.Error):
                raise SandboxError(
                    400,
                    "Directory_ExpiredPageToken",
                    "The specified page token value has expired and can no longer be included in your request.",
                ) from None
        body: dict[str, Any] = {
            "@odata.context": f"{req.base_url}/$metadata#{context}",
            "value": items[offset : offset + top],
        }
        if offset + top < len(items):
            q = {k: v for k, v in req.query.items() if k != "$skiptoken"}
            q["$skiptoken"] = base64.urlsafe_b64encode(f"X'{offset + top}".encode()).decode()
            body["@odata.nextLink"] = self._link(req, path, **q)
        return Reply(200, body)

    def list_users(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/user-list"""
        select = _select(req.query, _USER_PROPERTIES, "microsoft.graph.user")
        users = [self._user_json(u, select) for u in self.tenant.users.values()]
        return self._directory_page(req, users, "users", "users")

    def get_user(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/user-get"""
        select = _select(req.query, _USER_PROPERTIES, "microsoft.graph.user")
        try:
            u = self.tenant.user(p["user"])
        except KeyError:
            raise SandboxError(
                404,
                "Request_ResourceNotFound",
                f"Resource '{p['user']}' does not exist or one of its queried reference-property objects are not "
                "present.",
            ) from None
        return Reply(200, {"@odata.context": f"{req.base_url}/$metadata#users/$entity", **self._user_json(u, select)})

    def transitive_members(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/group-list-transitivemembers (``/microsoft.graph.user`` casts)."""
        if p["group"] not in self.tenant.groups:
            raise SandboxError(
                404,
                "Request_ResourceNotFound",
                f"Resource '{p['group']}' does not exist or one of its queried reference-property objects are not "
                "present.",
            )
        select = _select(
            req.query, _USER_PROPERTIES | {"description", "securityEnabled"}, "microsoft.graph.directoryObject"
        )
        items: list[dict[str, Any]] = []
        for member in self.tenant.transitive_members(p["group"]):
            if isinstance(member, User):
                user_select = tuple(s for s in select if s in _USER_PROPERTIES) if select is not None else None
                items.append({"@odata.type": "#microsoft.graph.user", **self._user_json(member, user_select)})
            elif p.get("cast") != "user":
                items.append({"@odata.type": "#microsoft.graph.group", "id": member.id, "displayName": member.name})
        suffix = "/microsoft.graph.user" if p.get("cast") == "user" else ""
        return self._directory_page(req, items, f"groups/{p['group']}/transitiveMembers{suffix}", "directoryObjects")

    # --- folders ----------------------------------------------------------------------------------------------
    def _folder_json(self, mb: Mailbox, f: Any, select: tuple[str, ...] | None) -> dict[str, Any]:
        msgs = mb.in_folder[f.id].values()
        full = {
            "id": f.id,
            "displayName": f.display_name,
            "parentFolderId": f.parent_id or None,
            "childFolderCount": sum(1 for c in mb.children(f.id) if not c.hidden),
            "unreadItemCount": sum(1 for m in msgs if not m.is_read),
            "totalItemCount": len(msgs),
            "sizeInBytes": sum(len(m.mime) for m in msgs),
            "isHidden": f.hidden,
        }
        return full if select is None else {k: full[k] for k in ("id", *select)}

    def _folder_page(self, req: Request, mb: Mailbox, folders: list[Any], path: str) -> Reply:
        select = _select(req.query, _FOLDER_PROPERTIES, "microsoft.graph.mailFolder")
        top = _int_option(req.query, "$top") or _DEFAULT_MESSAGE_PAGE
        skip = _int_option(req.query, "$skip") or 0
        page = folders[skip : skip + min(top, _MAX_MESSAGE_PAGE)]
        body: dict[str, Any] = {
            "@odata.context": f"{req.base_url}/$metadata#users('{quote(mb.user.id)}')/mailFolders",
            "value": [self._folder_json(mb, f, select) for f in page],
        }
        if skip + len(page) < len(folders):
            body["@odata.nextLink"] = self._link(req, path, **{**req.query, "$skip": str(skip + len(page))})
        return Reply(200, body)

    def _visible_children(self, mb: Mailbox, folder_id: str, req: Request) -> list[Any]:
        hidden_ok = req.query.get("includeHiddenFolders", "").lower() == "true"
        return [f for f in mb.children(folder_id) if hidden_ok or not f.hidden]

    def list_folders(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/user-list-mailfolders (top level; hidden folders left out)."""
        mb = self._mailbox(p["user"])
        return self._folder_page(req, mb, self._visible_children(mb, mb.root.id, req), f"users/{p['user']}/mailFolders")

    def get_folder(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/mailfolder-get (id or well-known name)."""
        mb = self._mailbox(p["user"])
        f = mb.folder(p["folder"])
        select = _select(req.query, _FOLDER_PROPERTIES, "microsoft.graph.mailFolder")
        return Reply(200, self._folder_json(mb, f, select))

    def child_folders(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/mailfolder-list-childfolders"""
        mb = self._mailbox(p["user"])
        f = mb.folder(p["folder"])
        path = f"users/{p['user']}/mailFolders/{f.id}/childFolders"
        return self._folder_page(req, mb, self._visible_children(mb, f.id, req), path)

    # --- messages ---------------------------------------------------------------------------------------------
    def list_messages(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/user-list-messages and mailfolder-list-messages."""
        mb = self._mailbox(p["user"])
        prefs = self._prefs(req)
        select = _select(req.query, MESSAGE_PROPERTIES, "microsoft.graph.message")
        pred = compile_filter(req.query.get("$filter"))
        prop, desc = _orderby(req.query.get("$orderby"))
        if "folder" in p:
            msgs = mb.messages_in(mb.folder(p["folder"]).id)
        else:
            hidden = {f.id for f in mb.folders.values() if f.hidden}
            msgs = [m for m in mb.messages.values() if m.folder_id not in hidden and not m.purged]
        if pred is not None:
            msgs = [m for m in msgs if pred(m)]
        key: Callable[[Message], Any] = {
            "receiveddatetime": lambda m: (m.received, m.seq),
            "sentdatetime": lambda m: (m.parsed.sent or m.received, m.seq),
            "lastmodifieddatetime": lambda m: (m.modified, m.seq),
        }[prop.lower()]
        msgs.sort(key=key, reverse=desc)
        top = self._page_size(req, {}, _DEFAULT_MESSAGE_PAGE, _MAX_MESSAGE_PAGE)
        skip = _int_option(req.query, "$skip") or 0
        page = msgs[skip : skip + top]
        body: dict[str, Any] = {
            "@odata.context": f"{req.base_url}/$metadata#users('{quote(mb.user.id)}')/messages",
            "value": [self.message_json(mb, m, select, prefs, req.base_url) for m in page],
        }
        if skip + len(page) < len(msgs):
            path = req.path.lstrip("/")
            body["@odata.nextLink"] = self._link(req, path, **{**req.query, "$skip": str(skip + len(page))})
        return Reply(200, body, self._applied(prefs))

    def _message(self, p: dict[str, str]) -> tuple[Mailbox, Message]:
        mb = self._mailbox(p["user"])
        return mb, mb.find(p["message"])

    def get_message(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/message-get"""
        mb, m = self._message(p)
        prefs = self._prefs(req)
        select = _select(req.query, MESSAGE_PROPERTIES, "microsoft.graph.message")
        body = self.message_json(mb, m, select, prefs, req.base_url)
        expand = (req.query.get("$expand") or "").strip().lower()
        if expand == "attachments":
            body["attachments"] = [self.attachment_json(m, a) for a in m.parsed.attachments]
        elif expand:
            raise SandboxError(
                400,
                "BadRequest",
                f"Parsing OData Select and Expand failed: Could not find a property named '{expand}'.",
            )
        return Reply(200, body, self._applied(prefs))

    def update_message(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/message-update (categories, flag, isRead, importance, ...)."""
        mb, m = self._message(p)
        data = _json_body(req)
        if not isinstance(data, dict):
            raise SandboxError(400, "ErrorInvalidRequest", "The request body must be a JSON object.")
        for key in data:
            if key.startswith("@odata."):
                continue
            if key not in _PATCHABLE and not (m.is_draft and key in _DRAFT_PATCHABLE):
                if key in MESSAGE_PROPERTIES:
                    raise SandboxError(
                        400,
                        "ErrorInvalidPropertyUpdateSentMessage",
                        "Update operation is not supported for some properties of a sent message.",
                    )
                raise SandboxError(
                    400, "RequestBodyRead", f"The property '{key}' does not exist on type 'microsoft.graph.message'."
                )
        if "categories" in data:
            cats = data["categories"]
            if not isinstance(cats, list) or not all(isinstance(c, str) for c in cats):
                raise SandboxError(
                    400, "RequestBodyRead", "Invalid value for 'categories': a list of strings is expected."
                )
            m.categories = list(cats)
        if "flag" in data:
            flag = data["flag"]
            if not isinstance(flag, dict):
                raise SandboxError(400, "RequestBodyRead", "Invalid value for 'flag'.")
            status = flag.get("flagStatus", m.flag.get("flagStatus"))
            if status not in _FLAG_STATUS:
                raise SandboxError(
                    400,
                    "RequestBodyRead",
                    f"Cannot convert the literal '{status}' to the expected type 'microsoft.graph.followupFlagStatus'.",
                )
            m.flag = {
                "flagStatus": status,
                **{k: v for k, v in flag.items() if k in ("startDateTime", "dueDateTime", "completedDateTime")},
            }
        if "isRead" in data:
            if not isinstance(data["isRead"], bool):
                raise SandboxError(400, "RequestBodyRead", "Invalid value for 'isRead'.")
            m.is_read = data["isRead"]
        if "importance" in data and data["importance"] not in ("low", "normal", "high"):
            raise SandboxError(
                400,
                "RequestBodyRead",
                f"Cannot convert the literal '{data['importance']}' to the expected type 'microsoft.graph.importance'.",
            )
        mb.touch(m)
        prefs = self._prefs(req)
        return Reply(200, self.message_json(mb, m, None, prefs, req.base_url), self._applied(prefs))

    def delete_message(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/message-delete: a soft delete to Deleted Items; from Deleted
        Items to Recoverable Items Deletions; nothing can be deleted from there."""
        mb, m = self._message(p)
        where = mb.well_known_of(m.folder_id)
        if where in ("recoverableitemsdeletions", "recoverableitemsversions", "recoverableitemsroot"):
            raise SandboxError(400, "ErrorCannotDeleteObject", "Object cannot be deleted.")
        target = "recoverableitemsdeletions" if where == "deleteditems" else "deleteditems"
        mb.move(m, mb.by_name[target])
        return Reply(204)

    def permanent_delete(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/message-permanentdelete: to the Purges folder, gone for clients."""
        mb, m = self._message(p)
        mb.move(m, mb.by_name["recoverableitemspurges"])
        m.purged = True
        return Reply(204)

    def move_message(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/message-move: 201 with the moved message (a new id unless
        immutable ids were asked for)."""
        mb, m = self._message(p)
        data = _json_body(req)
        params = _action_params(data, {"destinationid"}, "move")
        dest = params.get("destinationid")
        if not isinstance(dest, str) or not dest:
            raise SandboxError(400, "ErrorInvalidParameter", "The value of the parameter 'DestinationId' is empty.")
        try:
            target = mb.folder(dest)
        except SandboxError:
            raise SandboxError(404, "ErrorItemNotFound", "The specified object was not found in the store.") from None
        if target.id == mb.root.id:
            raise SandboxError(400, "ErrorMoveCopyFailed", "The move or copy operation failed.")
        mb.move(m, target.id)
        prefs = self._prefs(req)
        return Reply(201, self.message_json(mb, m, None, prefs, req.base_url), self._applied(prefs))

    def message_value(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/outlook-get-mime-message: the exact MIME bytes."""
        _, m = self._message(p)
        return Reply(200, m.mime, content_type="text/plain")

    # --- attachments ------------------------------------------------------------------------------------------
    def list_attachments(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/message-list-attachments"""
        mb, m = self._message(p)
        return Reply(
            200,
            {
                "@odata.context": f"{req.base_url}/$metadata#users('{quote(mb.user.id)}')/messages"
                f"('{m.immutable_id}')/attachments",
                "value": [self.attachment_json(m, a) for a in m.parsed.attachments],
            },
        )

    def _attachment(self, p: dict[str, str]) -> tuple[Mailbox, Message, Attachment]:
        mb, m = self._message(p)
        for a in m.parsed.attachments:
            if attachment_id(m, a) == p["attachment"]:
                return mb, m, a
        raise SandboxError(404, "ErrorItemNotFound", "The specified object was not found in the store.")

    def get_attachment(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/attachment-get (``$expand=microsoft.graph.itemattachment/item``)."""
        mb, m, a = self._attachment(p)
        body = self.attachment_json(m, a)
        if a.item and "item" in (req.query.get("$expand") or "").lower():
            inner = Message(
                immutable_id=attachment_id(m, a), rest_id=attachment_id(m, a), folder_id="", mime=a.data,
                received=m.received, created=m.created, modified=m.modified, seq=0, entered_seq=0,
            )  # fmt: skip
            item = self.message_json(mb, inner, None, self._prefs(req), req.base_url)
            for k in ("id", "@odata.etag", "parentFolderId", "webLink", "changeKey", "categories", "flag"):
                item.pop(k, None)
            body["item"] = {"@odata.type": "#microsoft.graph.message", **item}
        return Reply(200, body)

    def attachment_value(self, req: Request, p: dict[str, str]) -> Reply:
        """The raw bytes of a file attachment, or the MIME of an item attachment."""
        _, _, a = self._attachment(p)
        return Reply(200, a.data, content_type="application/octet-stream")

    # --- sendMail ---------------------------------------------------------------------------------------------
    def send_mail(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/user-sendmail: JSON (``message``, ``saveToSentItems``, names
        matched case-insensitively) or base64 MIME (``Content-Type: text/plain``). Validates recipients and that
        custom header names start with ``x-``; records the message in the outbox and (by default) Sent Items,
        and delivers a copy to recipients inside the tenant. 202 Accepted."""
        mb = self._mailbox(p["user"])
        sender = mb.user.mail or mb.user.upn
        ctype = req.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "text/plain":
            try:
                mime = base64.b64decode(req.body, validate=False)
                if not mime.strip():
                    raise ValueError
            except (binascii.Error, ValueError):
                raise SandboxError(
                    400, "ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content."
                ) from None
            msg = email.message_from_bytes(mime, policy=email.policy.compat32)
            to = [a for _, a in getaddresses([str(v) for v in msg.get_all("To") or []]) if a]
            cc = [a for _, a in getaddresses([str(v) for v in msg.get_all("Cc") or []]) if a]
            bcc = [a for _, a in getaddresses([str(v) for v in msg.get_all("Bcc") or []]) if a]
            _check_recipients(to + cc + bcc)
            parsed = parse_mime(mime)
            sent = SentMessage(mb.user.upn, to, cc, bcc, parsed.subject, parsed.headers, mime, True, self.tenant.now())
        else:
            data = _json_body(req)
            params = _action_params(data, {"message", "savetosentitems"}, "sendMail")
            message = params.get("message")
            if not isinstance(message, dict):
                raise SandboxError(400, "ErrorInvalidRequest", "Empty Payload. JSON content expected.")
            save = params.get("savetosentitems", True)
            if not isinstance(save, bool):
                raise SandboxError(
                    400, "RequestBodyRead", "Cannot convert the literal to the expected type 'Edm.Boolean'."
                )
            msg_fields = {k.lower(): v for k, v in message.items()}
            to, cc, bcc = (_recipients(msg_fields.get(k)) for k in ("torecipients", "ccrecipients", "bccrecipients"))
            _check_recipients(to + cc + bcc)
            headers = _custom_headers(msg_fields.get("internetmessageheaders"))
            body = msg_fields.get("body") or {}
            if not isinstance(body, dict):
                raise SandboxError(400, "RequestBodyRead", "Invalid value for 'body'.")
            body_type = str(body.get("contentType", "text")).lower()
            if body_type not in ("text", "html"):
                raise SandboxError(
                    400,
                    "RequestBodyRead",
                    f"Cannot convert the literal '{body.get('contentType')}' to the expected type "
                    "'microsoft.graph.bodyType'.",
                )
            subject = msg_fields.get("subject") or ""
            if not isinstance(subject, str):
                raise SandboxError(400, "RequestBodyRead", "Invalid value for 'subject'.")
            mime = build_mime(
                sender=sender,
                to=to,
                cc=cc,
                subject=subject,
                body=str(body.get("content") or ""),
                html_body=body_type == "html",
                headers=headers,
                date=self.tenant.now(),
            )
            sent = SentMessage(mb.user.upn, to, cc, bcc, subject, headers, mime, save, self.tenant.now())
        self.tenant.outbox.append(sent)
        if sent.saved_to_sent_items:
            m = mb.add(sent.mime, mb.by_name["sentitems"], self.tenant.now())
            m.is_read = True
        if self.tenant.deliver_internal:
            for address in dict.fromkeys(a.lower() for a in sent.to + sent.cc + sent.bcc):
                try:
                    rcpt = self.tenant.user(address)
                except KeyError:
                    continue
                if rcpt.mailbox is not None:
                    rcpt.mailbox.add(sent.mime, rcpt.mailbox.by_name["inbox"], self.tenant.now())
        return Reply(202)

    # --- delta ------------------------------------------------------------------------------------------------
    def delta(self, req: Request, p: dict[str, str]) -> Reply:
        """https://learn.microsoft.com/graph/api/message-delta: a round is a window of the mailbox change log;
        ``@odata.nextLink`` carries ``$skiptoken``, the last page ``@odata.deltaLink`` with ``$deltatoken``. An
        unknown or expired token gives 410 Gone (``SyncStateNotFound``) with a ``Location`` to start over.

        As documented: a round with ``$filter`` returns at most 5,000 messages; ``$deltatoken=latest`` is a full
        round; ``$orderby=receivedDateTime desc`` is accepted but the order of a round is the order of changes
        (the service does not guarantee one either)."""
        mb = self._mailbox(p["user"])
        folder = mb.folder(p["folder"])
        prefs = self._prefs(req)
        token = req.query.get("$skiptoken") or req.query.get("$deltatoken")
        if token is not None and "$skiptoken" not in req.query and token.lower() == "latest":
            token = None  # "sync from now" is not supported for messages: a full round, as Outlook does
        log = mb.log
        if token is not None:
            cursor = self.tenant.delta_tokens.get(token)
            if cursor is None or cursor.user_id != mb.user.id or cursor.folder_id != folder.id:
                location = (
                    f"{req.base_url}/users/{quote(mb.user.id)}/mailFolders/{quote(folder.id, safe='')}/messages/delta"
                )
                reply = error(
                    410,
                    "SyncStateNotFound",
                    "The sync state generation is not found. The delta token is expired and data must be "
                    "synchronized again.",
                )
                reply.headers["Location"] = location
                return reply
            if cursor.upto is None:  # a delta link: a new round up to now
                cursor = replace(cursor, upto=log[-1].seq if log else 0)
        else:
            change_type = req.query.get("changeType")
            if change_type is not None and change_type.lower() not in ("created", "updated", "deleted"):
                raise SandboxError(400, "ErrorInvalidParameter", f"Invalid changeType value '{change_type}'.")
            _check_delta_options(req.query)
            compile_filter(req.query.get("$filter"))
            cursor = DeltaCursor(
                user_id=mb.user.id,
                folder_id=folder.id,
                select=_select(req.query, MESSAGE_PROPERTIES, "microsoft.graph.message"),
                change_type=change_type.lower() if change_type else None,
                filter=req.query.get("$filter"),
                watermark=0,
                upto=log[-1].seq if log else 0,
                pos=0,
                top=_int_option(req.query, "$top"),
            )
        page_size = self._page_size(
            Request(req.method, req.path, {"$top": str(cursor.top)} if cursor.top else {}), prefs,
            _DEFAULT_MESSAGE_PAGE, _MAX_MESSAGE_PAGE,
        )  # fmt: skip
        pred = compile_filter(cursor.filter)
        immutable = self._immutable(prefs)
        w, upto = cursor.watermark, cursor.upto
        assert upto is not None
        items: list[dict[str, Any]] = []
        pos = cursor.pos
        while pos < len(log) and len(items) < page_size:
            e = log[pos]
            if e.seq > upto:
                break
            pos += 1
            if e.seq <= w or e.folder_id != folder.id:
                continue
            if e.removed:
                if w > 0 and e.entered_seq <= w and cursor.change_type in (None, "deleted"):
                    items.append(
                        {
                            "@odata.type": "#microsoft.graph.message",
                            "id": e.immutable_id if immutable else e.rest_id,
                            "@removed": {"reason": "deleted"},
                        }
                    )
                continue
            m = mb.messages.get(e.immutable_id)
            if m is None or m.purged or m.seq != e.seq or m.folder_id != folder.id:
                continue  # a later change supersedes this entry
            created = m.entered_seq > w
            if cursor.change_type == "created" and not created:
                continue
            if cursor.change_type == "updated" and created:
                continue
            if cursor.change_type == "deleted":
                continue
            if pred is not None and not pred(m):
                continue
            if pred is not None and cursor.returned + len(items) >= self.tenant.limits.delta_filter_cap:
                while pos < len(log) and log[pos].seq <= upto:  # the round ends here: the rest is never sent
                    pos += 1
                break
            items.append(
                {
                    "@odata.type": "#microsoft.graph.message",
                    **self.message_json(mb, m, cursor.select, prefs, req.base_url),
                }
            )
        done = pos >= len(log) or log[pos].seq > upto
        path = f"users/{quote(mb.user.id)}/mailFolders/{quote(folder.id, safe='')}/messages/delta"
        body: dict[str, Any] = {"@odata.context": f"{req.base_url}/$metadata#Collection(message)", "value": items}
        key = secrets.token_urlsafe(24)
        if done:
            self._store_token(key, replace(cursor, watermark=upto, upto=None, pos=pos, returned=0))
            body["@odata.deltaLink"] = f"{req.base_url}/{path}?$deltatoken={key}"
        else:
            self._store_token(key, replace(cursor, pos=pos, returned=cursor.returned + len(items)))
            body["@odata.nextLink"] = f"{req.base_url}/{path}?$skiptoken={key}"
        headers = self._applied(prefs, page=page_size)
        return Reply(200, body, headers)

    def _store_token(self, key: str, cursor: DeltaCursor) -> None:
        tokens = self.tenant.delta_tokens
        if len(tokens) >= _MAX_DELTA_TOKENS:  # Outlook's delta token cache drops the oldest tokens
            for old in list(tokens)[: _MAX_DELTA_TOKENS // 10]:
                del tokens[old]
        tokens[key] = cursor


def _check_delta_options(query: Mapping[str, str]) -> None:
    """The query options messages delta supports (delta-query-messages.md): ``$filter`` only
    ``receivedDateTime ge|gt``, ``$orderby`` only ``receivedDateTime desc``, no ``$search``."""
    if "$search" in query:
        raise SandboxError(400, "ErrorInvalidUrlQuery", "The query parameter '$search' is not supported with delta.")
    flt = query.get("$filter")
    if flt is not None and not _DELTA_FILTER.match(flt):
        raise SandboxError(
            400, "ErrorInvalidUrlQueryFilter", "Delta supports only $filter=receivedDateTime ge|gt {value}."
        )
    order = query.get("$orderby")
    if order is not None and " ".join(order.split()).lower() != "receiveddatetime desc":
        raise SandboxError(400, "ErrorInvalidUrlQuery", "Delta supports only $orderby=receivedDateTime desc.")


def _json_body(req: Request) -> Any:
    if not req.body:
        raise SandboxError(400, "ErrorInvalidRequest", "Empty Payload. JSON content expected.")
    try:
        return orjson.loads(req.body)
    except orjson.JSONDecodeError:
        raise SandboxError(
            400,
            "BadRequest",
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of "
            "valid JSON format.",
        ) from None


def _action_params(data: Any, names: set[str], action: str) -> dict[str, Any]:
    """An action's parameters keyed by lower-case name (the service matches them case-insensitively)."""
    if not isinstance(data, dict):
        raise SandboxError(400, "ErrorInvalidRequest", "Empty Payload. JSON content expected.")
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key.lower() not in names:
            raise SandboxError(
                400,
                "RequestBodyRead",
                f"The parameter '{key}' in the request payload is not a valid parameter for the operation '{action}'.",
            )
        out[key.lower()] = value
    return out


def _recipients(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise SandboxError(400, "RequestBodyRead", "Recipients must be a collection of 'microsoft.graph.recipient'.")
    out: list[str] = []
    for r in value:
        addr = (r or {}).get("emailAddress") if isinstance(r, dict) else None
        address = addr.get("address") if isinstance(addr, dict) else None
        if not isinstance(address, str):
            raise SandboxError(
                400, "ErrorInvalidRecipients", "At least one recipient isn't valid., A recipient has no e-mail address."
            )
        out.append(address.strip())
    return out


def _check_recipients(addresses: list[str]) -> None:
    if not addresses:
        raise SandboxError(
            400,
            "ErrorInvalidRecipients",
            "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
        )
    for a in addresses:
        if not _ADDRESS.match(a):
            raise SandboxError(
                400,
                "ErrorInvalidRecipients",
                f"At least one recipient isn't valid., Recipient '{a}' is not resolved. All recipients must be "
                "resolved before a message can be submitted.",
            )


def _custom_headers(value: Any) -> list[tuple[str, str]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise SandboxError(400, "RequestBodyRead", "internetMessageHeaders must be a collection.")
    out: list[tuple[str, str]] = []
    for h in value:
        if not isinstance(h, dict) or not isinstance(h.get("name"), str) or not isinstance(h.get("value"), str):
            raise SandboxError(400, "RequestBodyRead", "Each internetMessageHeader needs a string name and value.")
        name = h["name"]
        if not name.lower().startswith("x-"):
            raise SandboxError(
                400,
                "InvalidInternetMessageHeader",
                f"The internet message header name '{name}' should start with 'x-' or 'X-'.",
            )
        if any(c in name for c in ": \t\r\n") or any(c in h["value"] for c in "\r\n"):
            raise SandboxError(
                400, "InvalidInternetMessageHeader", f"The internet message header '{name}' is not valid."
            )
        out.append((name, h["value"]))
    return out
