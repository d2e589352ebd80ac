"""`Tenant`: the in-memory state of the sandbox — directory, mailboxes, folders, messages, change log, outbox,
and what the HTTP layer measured (request counts, concurrency, faults).

Thread-safe: one re-entrant lock guards the state; the HTTP server (its own thread) and a test (the main thread)
both call in. Mail semantics follow Microsoft's documentation of Graph v1.0 and Exchange Online:

- Ids: every message has an immutable id (stable for its life in the mailbox) and a REST id that changes whenever
  the message moves to another folder (https://learn.microsoft.com/graph/outlook-immutable-id). Both are accepted
  in requests; an old REST id of a moved message is not found.
- ``DELETE`` is a soft delete: the message moves to Deleted Items; deleting from Deleted Items moves it to the
  hidden Recoverable Items Deletions folder, and a message there cannot be deleted (``ErrorCannotDeleteObject``).
- ``permanentDelete`` moves it to Recoverable Items Purges, which no client can list or open.
- Every change (arrival, update, move in or out) is a numbered entry in the mailbox's change log; delta rounds are
  windows of that log (see `hygiene.sandbox.graph`).
"""

from __future__ import annotations

import base64
import collections
import hashlib
import itertools
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from hygiene.sandbox.drive import Drive
from hygiene.sandbox.mime import ParsedMessage, parse_mime

# (well-known name, display name, visible under msgfolderroot)
WELL_KNOWN_FOLDERS: tuple[tuple[str, str, bool], ...] = (
    ("inbox", "Inbox", True),
    ("drafts", "Drafts", True),
    ("sentitems", "Sent Items", True),
    ("deleteditems", "Deleted Items", True),
    ("junkemail", "Junk Email", True),
    ("outbox", "Outbox", True),
    ("archive", "Archive", True),
    ("conversationhistory", "Conversation History", True),
    ("clutter", "Clutter", False),
    ("recoverableitemsroot", "Recoverable Items", False),
    ("recoverableitemsdeletions", "Deletions", False),
    ("recoverableitemspurges", "Purges", False),
    ("recoverableitemsversions", "Versions", False),
)
_RECOVERABLE = ("recoverableitemsdeletions", "recoverableitemspurges", "recoverableitemsversions")
_HIDDEN_TO_CLIENTS = frozenset({"recoverableitemspurges"})


class SandboxError(Exception):
    """A Graph-level failure inside the sandbox: carries the HTTP status and Graph's error code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _b64id(prefix: bytes, raw: bytes) -> str:
    return base64.urlsafe_b64encode(prefix + raw).decode()


@dataclass
class Folder:
    """A mail folder; ``well_known`` is its well-known name (inbox, deleteditems ...) or None for a user folder."""

    id: str
    display_name: str
    parent_id: str
    well_known: str | None = None
    hidden: bool = False


@dataclass
class Message:
    """One message in a mailbox. ``mime`` is the exact RFC 822 bytes it was seeded from ($value)."""

    immutable_id: str
    rest_id: str
    folder_id: str
    mime: bytes
    received: datetime
    created: datetime
    modified: datetime
    seq: int  # change-log number of its last change
    entered_seq: int  # change-log number of its arrival in the current folder
    version: int = 1
    categories: list[str] = field(default_factory=list)
    flag: dict[str, Any] = field(default_factory=lambda: {"flagStatus": "notFlagged"})
    is_read: bool = False
    is_draft: bool = False
    purged: bool = False
    _parsed: ParsedMessage | None = None

    @property
    def parsed(self) -> ParsedMessage:
        """The MIME as Graph presents it (parsed once)."""
        if self._parsed is None:
            self._parsed = parse_mime(self.mime)
        return self._parsed

    @property
    def id(self) -> str:
        """The immutable id (what `Tenant.deliver` returns)."""
        return self.immutable_id

    @property
    def internet_message_id(self) -> str | None:
        """The ``Message-ID`` header."""
        return self.parsed.internet_message_id

    @property
    def flagged(self) -> bool:
        """Whether the follow-up flag is set."""
        return self.flag.get("flagStatus") == "flagged"

    def change_key(self) -> str:
        """``changeKey``: changes with every update of the item."""
        return base64.b64encode(
            b"CQAAABYAAA"
            + hashlib.sha1(  # noqa: S324 - an opaque version tag, not security
                f"{self.immutable_id}:{self.version}".encode()
            ).digest()[:12]
        ).decode()


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    """One entry of a mailbox's change log: a message appeared/changed in ``folder_id`` or left it."""

    seq: int
    immutable_id: str
    folder_id: str
    removed: bool = False
    rest_id: str = ""
    entered_seq: int = 0  # for a removal: when it had arrived in the folder


@dataclass
class User:
    """A directory user; ``mailbox`` is None for a user without an Exchange Online mailbox."""

    id: str
    upn: str
    display_name: str
    mail: str | None
    account_enabled: bool = True
    denied: bool = False  # the app's RBAC / access policy scope excludes this mailbox (403)
    mailbox: Mailbox | None = None

    def json(self) -> dict[str, Any]:
        """The user's properties (Graph's default set plus accountEnabled)."""
        given, _, surname = self.display_name.partition(" ")
        return {
            "id": self.id,
            "businessPhones": [],
            "displayName": self.display_name,
            "givenName": given or None,
            "jobTitle": None,
            "mail": self.mail,
            "mobilePhone": None,
            "officeLocation": None,
            "preferredLanguage": None,
            "surname": surname or None,
            "userPrincipalName": self.upn,
            "accountEnabled": self.account_enabled,
        }


@dataclass
class Group:
    """A security group; ``members`` are user or group ids (nested groups are resolved transitively)."""

    id: str
    name: str
    members: list[str]


@dataclass
class SentMessage:
    """One sendMail call as the outbox recorded it."""

    mailbox: str  # upn of the sending mailbox
    to: list[str]
    cc: list[str]
    bcc: list[str]
    subject: str
    headers: list[tuple[str, str]]
    mime: bytes
    saved_to_sent_items: bool
    at: datetime


class Mailbox:
    """The mail of one user: folders, messages by immutable id, the change log, purged items."""

    def __init__(self, tenant: Tenant, user: User) -> None:
        self.tenant = tenant
        self.user = user
        self.folders: dict[str, Folder] = {}
        self.by_name: dict[str, str] = {}
        self.messages: dict[str, Message] = {}
        self.in_folder: dict[str, dict[str, Message]] = collections.defaultdict(dict)  # folder id -> messages
        self.rest_index: dict[str, str] = {}
        self.log: list[ChangeEntry] = []
        self._seq = itertools.count(1)
        self.root = Folder(tenant.new_folder_id(), "Top of Information Store", "", "msgfolderroot")
        self.folders[self.root.id] = self.root
        self.by_name["msgfolderroot"] = self.root.id
        recoverable_root: str | None = None
        for name, display, visible in WELL_KNOWN_FOLDERS:
            parent = self.root.id
            if name in _RECOVERABLE and recoverable_root is not None:
                parent = recoverable_root
            elif name == "recoverableitemsroot":
                parent = ""
            f = Folder(tenant.new_folder_id(), display, parent, name, hidden=not visible)
            self.folders[f.id] = f
            self.by_name[name] = f.id
            if name == "recoverableitemsroot":
                recoverable_root = f.id

    # --- folders ----------------------------------------------------------------------------------------------
    def folder(self, ref: str) -> Folder:
        """A folder by id or well-known name (case-insensitive); `SandboxError` 404 when unknown."""
        fid = self.by_name.get(ref.lower(), ref)
        f = self.folders.get(fid)
        if f is None or f.well_known in _HIDDEN_TO_CLIENTS:
            raise SandboxError(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        return f

    def add_folder(self, display_name: str, parent: str = "msgfolderroot") -> Folder:
        """A user folder under ``parent`` (a folder id or well-known name)."""
        with self.tenant.lock:
            p = self.folder(parent)
            for f in self.folders.values():
                if f.parent_id == p.id and f.display_name.lower() == display_name.lower():
                    return f
            f = Folder(self.tenant.new_folder_id(), display_name, p.id)
            self.folders[f.id] = f
            return f

    def children(self, folder_id: str) -> list[Folder]:
        """Direct child folders (hidden ones included; callers filter)."""
        return [f for f in self.folders.values() if f.parent_id == folder_id]

    def messages_in(self, folder_id: str) -> list[Message]:
        """The messages currently in a folder, newest first."""
        msgs = [m for m in self.in_folder[folder_id].values() if not m.purged]
        msgs.sort(key=lambda m: (m.received, m.seq), reverse=True)
        return msgs

    # --- messages ---------------------------------------------------------------------------------------------
    def next_seq(self) -> int:
        """The next change-log number."""
        return next(self._seq)

    def find(self, ref: str) -> Message:
        """A message by immutable or current REST id; `SandboxError` 404 when unknown, moved (old REST id) or purged."""
        m = self.messages.get(ref)
        if m is None:
            imm = self.rest_index.get(ref)
            m = self.messages.get(imm) if imm else None
            if m is not None and m.rest_id != ref:
                m = None
        if m is None or m.purged:
            raise SandboxError(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        return m

    def add(self, mime: bytes, folder_id: str, received: datetime) -> Message:
        """Store a new message in ``folder_id`` and log its arrival."""
        seq = self.next_seq()
        imm = self.tenant.new_item_id(b"\x00\x01")
        now = self.tenant.now()
        m = Message(
            immutable_id=imm,
            rest_id=self.tenant.new_item_id(b"\x00\x02"),
            folder_id=folder_id,
            mime=mime,
            received=received,
            created=now,
            modified=now,
            seq=seq,
            entered_seq=seq,
        )
        self.messages[imm] = m
        self.in_folder[folder_id][imm] = m
        self.rest_index[m.rest_id] = imm
        self.log.append(ChangeEntry(seq, imm, folder_id))
        return m

    def touch(self, m: Message) -> None:
        """Record an update of ``m`` in place (flag, categories, read state)."""
        m.seq = self.next_seq()
        m.version += 1
        m.modified = self.tenant.now()
        self.log.append(ChangeEntry(m.seq, m.immutable_id, m.folder_id))

    def move(self, m: Message, folder_id: str) -> Message:
        """Move ``m`` to ``folder_id``: a new REST id, a removal in the old folder, an arrival in the new one."""
        if m.folder_id == folder_id:
            return m
        old_seq = self.next_seq()
        self.log.append(ChangeEntry(old_seq, m.immutable_id, m.folder_id, True, m.rest_id, m.entered_seq))
        self.rest_index.pop(m.rest_id, None)
        m.rest_id = self.tenant.new_item_id(b"\x00\x02")
        self.rest_index[m.rest_id] = m.immutable_id
        del self.in_folder[m.folder_id][m.immutable_id]
        self.in_folder[folder_id][m.immutable_id] = m
        m.folder_id = folder_id
        m.seq = m.entered_seq = self.next_seq()
        m.version += 1
        m.modified = self.tenant.now()
        self.log.append(ChangeEntry(m.seq, m.immutable_id, folder_id))
        return m

    def well_known_of(self, folder_id: str) -> str | None:
        """The well-known name of a folder, if it has one."""
        f = self.folders.get(folder_id)
        return f.well_known if f else None


class Faults:
    """Fault injection, switchable per test: a fraction of requests answered 429/503, dropped, slowed, or late.

    ``add(status=429, fraction=0.2, route="messages.delta", retry_after=0)`` answers matching requests with
    ``status`` and Graph's error body; ``drop(...)`` closes the connection mid-response; ``slow(...)`` delays
    matching requests by ``delay_s``; ``latency_s`` is added to every request. ``times`` bounds how often a rule
    fires. Routes are the sandbox's route names (see `hygiene.sandbox.graph.ROUTES`); ``route=None`` matches all.
    """

    @dataclass
    class Rule:
        """One fault rule."""

        kind: str  # "status" | "drop" | "slow" | "hold"
        fraction: float
        route: str | None = None
        method: str | None = None
        mailbox: str | None = None
        status: int = 0
        retry_after: float | None = None
        delay_s: float = 0.0
        times: int | None = None
        fired: int = 0
        gate: threading.Event | None = None

    def __init__(self, seed: int = 0) -> None:
        self.rules: list[Faults.Rule] = []
        self.latency_s = 0.0
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def add(
        self,
        status: int = 429,
        fraction: float = 1.0,
        *,
        route: str | None = None,
        retry_after: float | None = None,
        times: int | None = None,
        method: str | None = None,
        mailbox: str | None = None,
    ) -> Faults.Rule:
        """Answer ``fraction`` of matching requests with ``status`` (and ``Retry-After`` when given)."""
        if not 0.0 <= fraction <= 1.0:
            raise ValueError(f"faults.add: fraction must be in [0, 1], got {fraction}")
        if not 400 <= status <= 599:
            raise ValueError(f"faults.add: status must be an HTTP error status, got {status}")
        return self._add(Faults.Rule("status", fraction, route, method, mailbox, status, retry_after, times=times))

    def drop(self, fraction: float = 1.0, *, route: str | None = None, times: int | None = None,
             method: str | None = None) -> Faults.Rule:  # fmt: skip
        """Drop the connection (after a partial response) for ``fraction`` of matching requests."""
        return self._add(Faults.Rule("drop", fraction, route, method, times=times))

    def slow(self, fraction: float = 1.0, *, delay_s: float = 1.0, route: str | None = None,
             times: int | None = None) -> Faults.Rule:  # fmt: skip
        """Delay ``fraction`` of matching requests by ``delay_s`` seconds (while holding a concurrency slot)."""
        return self._add(Faults.Rule("slow", fraction, route, delay_s=delay_s, times=times))

    def hold(self, *, route: str | None = None, times: int | None = None) -> threading.Event:
        """Hold matching requests (inside their concurrency slot) until the returned event is set: lets a test
        have N requests in flight at once without relying on timing."""
        gate = threading.Event()
        self._add(Faults.Rule("hold", 1.0, route, times=times, gate=gate))
        return gate

    def _add(self, rule: Faults.Rule) -> Faults.Rule:
        with self._lock:
            self.rules.append(rule)
        return rule

    def clear(self) -> None:
        """Remove every rule and the added latency."""
        with self._lock:
            self.rules.clear()
            self.latency_s = 0.0

    def pick(self, route: str, method: str, mailbox: str | None) -> list[Faults.Rule]:
        """The rules that fire for this request (at most one of each kind)."""
        fired: list[Faults.Rule] = []
        kinds: set[str] = set()
        with self._lock:
            for r in self.rules:
                if r.kind in kinds or (r.times is not None and r.fired >= r.times):
                    continue
                if r.route is not None and r.route != route:
                    continue
                if r.method is not None and r.method.upper() != method:
                    continue
                if r.mailbox is not None and (mailbox is None or r.mailbox.lower() != mailbox.lower()):
                    continue
                if r.fraction < 1.0 and self._rng.random() >= r.fraction:
                    continue
                r.fired += 1
                kinds.add(r.kind)
                fired.append(r)
        return fired


@dataclass
class Limits:
    """Outlook's throttling limits as the sandbox enforces them (defaults: Graph's documented values).

    https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits: 4 concurrent requests per app across
    all mailboxes; 10,000 requests per 10 minutes per app and mailbox. Tests may lower them to reach them quickly.
    """

    app_concurrency: int = 4
    mailbox_requests: int = 10_000
    mailbox_window_s: float = 600.0
    retry_after_s: float = 1.0
    # "Applying $filter in a delta query returns only up to 5,000 messages." (graph/delta-query-messages)
    delta_filter_cap: int = 5000


class PeakConcurrency:
    """In-flight request counts and their peaks: overall, per app, and per mailbox (by UPN)."""

    def __init__(self) -> None:
        self.overall = 0
        self.per_mailbox: dict[str, int] = collections.defaultdict(int)
        self.in_flight = 0
        self.in_flight_app: dict[str, int] = collections.defaultdict(int)
        self._mailbox_now: dict[str, int] = collections.defaultdict(int)

    def enter(self, app: str, mailbox: str | None) -> int:
        """Count one request in; returns the app's in-flight count of mailbox requests including it."""
        self.in_flight += 1
        self.overall = max(self.overall, self.in_flight)
        if mailbox:  # Outlook's limit counts mailbox requests only
            self.in_flight_app[app] += 1
            self._mailbox_now[mailbox] += 1
            self.per_mailbox[mailbox] = max(self.per_mailbox[mailbox], self._mailbox_now[mailbox])
        return self.in_flight_app[app]

    def leave(self, app: str, mailbox: str | None) -> None:
        """Count one request out."""
        self.in_flight -= 1
        if mailbox:
            self.in_flight_app[app] -= 1
            self._mailbox_now[mailbox] -= 1

    def reset(self) -> None:
        """Forget the peaks (not the requests in flight)."""
        self.overall = self.in_flight
        self.per_mailbox = collections.defaultdict(int, dict(self._mailbox_now))

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly view."""
        return {"overall": self.overall, "per_mailbox": dict(self.per_mailbox)}


class Tenant:
    """The sandbox's whole state. See the module docstring for the semantics; every method is thread-safe."""

    def __init__(
        self,
        *,
        domain: str = "contoso.example",
        seed: int = 0,
        limits: Limits | None = None,
        deliver_internal: bool = True,
        tenant_id: str | None = None,
    ) -> None:
        self.domain = domain
        self.tenant_id = tenant_id or str(uuid.UUID(int=random.Random(seed).getrandbits(128), version=4))
        self.lock = threading.RLock()
        self.users: dict[str, User] = {}  # by id
        self._by_upn: dict[str, str] = {}
        self.groups: dict[str, Group] = {}
        self.outbox: list[SentMessage] = []
        self.requests: collections.Counter[tuple[str, int]] = collections.Counter()  # (route, status) -> n
        self.mailbox_requests: collections.Counter[tuple[str, str]] = collections.Counter()  # (upn, route) -> n
        self.peak_concurrency = PeakConcurrency()
        self.faults = Faults(seed)
        self.limits = limits or Limits()
        self.deliver_internal = deliver_internal
        self.delta_tokens: dict[str, Any] = {}  # opaque token -> cursor (hygiene.sandbox.graph.DeltaCursor)
        # called with (method, path after /v1.0, status, content type, body bytes) for every Graph response,
        # $batch items one by one (tests validate them against the OpenAPI description); never raise from it
        self.response_hook: Callable[[str, str, int, str | None, bytes], None] | None = None
        self.labels: dict[str, Any] = {}  # immutable id -> ground truth of generated mail (hygiene.sandbox.demo.Label)
        self.clients: dict[str, str] = {}  # client_id -> client_secret (token endpoint)
        self.drives: dict[str, Drive] = {}  # drive id -> document library (the sharepoint records backend)
        self.issued_tokens: dict[str, tuple[str, float]] = {}  # access token -> (app id, expiry, monotonic)
        self._mailbox_windows: dict[tuple[str, str], collections.deque[float]] = {}
        self._rng = random.Random(seed)
        self._ids = itertools.count(1)

    # --- ids and time -----------------------------------------------------------------------------------------
    def new_item_id(self, kind: bytes) -> str:
        """A fresh Exchange-looking item id (URL-safe base64 with padding, like Graph's)."""
        n = next(self._ids)
        return _b64id(b"\x00\x00\x00\x00" + kind, n.to_bytes(8, "big") + self._rng.randbytes(33))

    def new_folder_id(self) -> str:
        """A fresh folder id."""
        return self.new_item_id(b"\x00\x03")

    def now(self) -> datetime:
        """The current time (UTC)."""
        return datetime.now(UTC)

    # --- directory --------------------------------------------------------------------------------------------
    def add_drive(self, drive_id: str = "b!records-drive") -> Drive:
        """Add a SharePoint document library, served at ``/v1.0/drives/{drive_id}`` with the tenant's tokens."""
        with self.lock:
            drive = Drive(drive_id=drive_id)
            self.drives[drive_id] = drive
            return drive

    def add_app(self, client_id: str, client_secret: str) -> None:
        """Register an app for the client-credentials token endpoint."""
        with self.lock:
            self.clients[client_id] = client_secret

    def add_user(
        self,
        upn: str,
        display_name: str | None = None,
        id: str | None = None,
        *,
        mailbox: bool = True,
        account_enabled: bool = True,
        mail: str | None = None,
    ) -> User:
        """Add a user (with a mailbox unless ``mailbox=False``); raises ValueError for a duplicate UPN."""
        with self.lock:
            key = upn.lower()
            if key in self._by_upn:
                raise ValueError(f"add_user: a user {upn!r} already exists")
            uid = id or str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
            name = display_name or upn.split("@")[0].replace(".", " ").title()
            user = User(uid, upn, name, mail or upn, account_enabled=account_enabled)
            if mailbox:
                user.mailbox = Mailbox(self, user)
            self.users[uid] = user
            self._by_upn[key] = uid
            return user

    def add_group(self, name: str, members: Iterable[str | User | Group], id: str | None = None) -> Group:
        """Add a security group; ``members`` are users/groups or their ids/UPNs (nested groups allowed)."""
        with self.lock:
            ids: list[str] = []
            for m in members:
                if isinstance(m, User | Group):
                    ids.append(m.id)
                elif m in self.groups:
                    ids.append(m)
                else:
                    ids.append(self.user(m).id)
            gid = id or str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
            g = Group(gid, name, ids)
            self.groups[gid] = g
            return g

    def user(self, ref: str | User) -> User:
        """A user by id, UPN or mail (case-insensitive); `KeyError` naming ``ref`` when absent."""
        if isinstance(ref, User):
            return ref
        with self.lock:
            u = self.users.get(ref)
            if u is None:
                uid = self._by_upn.get(ref.lower())
                u = self.users.get(uid) if uid else None
            if u is None:
                u = next((x for x in self.users.values() if x.mail and x.mail.lower() == ref.lower()), None)
            if u is None:
                raise KeyError(f"no user {ref!r} in the sandbox tenant")
            return u

    def mailbox(self, ref: str | User) -> Mailbox:
        """The mailbox of a user; `KeyError` when the user has none."""
        u = self.user(ref)
        if u.mailbox is None:
            raise KeyError(f"user {u.upn!r} has no mailbox")
        return u.mailbox

    def transitive_members(self, group_id: str) -> list[User | Group]:
        """Every user and group reachable from a group, each once, in membership order."""
        with self.lock:
            seen: set[str] = set()
            out: list[User | Group] = []
            queue = list(self.groups[group_id].members)
            while queue:
                mid = queue.pop(0)
                if mid in seen:
                    continue
                seen.add(mid)
                if mid in self.groups:
                    out.append(self.groups[mid])
                    queue.extend(self.groups[mid].members)
                elif mid in self.users:
                    out.append(self.users[mid])
            return out

    # --- mail -------------------------------------------------------------------------------------------------
    def deliver(self, user: str | User, mime: bytes, folder: str = "inbox", received: datetime | None = None) -> str:
        """Put a message (exact RFC 822 bytes) into a folder (id, well-known name, or a display-name path such as
        ``"inbox/Prosjekt"``, created when missing) and return its immutable id."""
        if not isinstance(mime, bytes):
            raise TypeError("deliver: mime must be bytes (the RFC 822 message)")
        with self.lock:
            mb = self.mailbox(user)
            f = self._resolve_folder_path(mb, folder)
            when = received or self.now()
            if when.tzinfo is None:
                raise ValueError("deliver: received must be timezone-aware")
            return mb.add(mime, f.id, when.astimezone(UTC)).immutable_id

    def _resolve_folder_path(self, mb: Mailbox, path: str) -> Folder:
        try:
            return mb.folder(path)
        except SandboxError:
            pass
        head, *rest = path.split("/")
        try:
            f = mb.folder(head)
        except SandboxError:
            f = mb.add_folder(head)
        for name in rest:
            f = mb.add_folder(name, f.id)
        return f

    def folder_messages(self, user: str | User, folder: str) -> list[Message]:
        """The messages in a folder (id or well-known name), newest first."""
        with self.lock:
            mb = self.mailbox(user)
            f = mb.folders.get(mb.by_name.get(folder.lower(), folder))
            if f is None:
                f = self._resolve_folder_path(mb, folder)
            return mb.messages_in(f.id)

    def message(self, user: str | User, id: str) -> Message:
        """A message by immutable id or current REST id (purged ones included); `KeyError` when unknown."""
        with self.lock:
            mb = self.mailbox(user)
            m = mb.messages.get(id)
            if m is None:
                imm = mb.rest_index.get(id)
                m = mb.messages.get(imm) if imm else None
            if m is None:
                raise KeyError(f"no message {id!r} in the mailbox of {mb.user.upn!r}")
            return m

    def folder_of(self, user: str | User, message: Message) -> str:
        """The well-known name of the message's folder, else its display name."""
        with self.lock:
            f = self.mailbox(user).folders[message.folder_id]
            return f.well_known or f.display_name

    def inbox(self, user: str | User) -> list[Message]:
        """Messages in the Inbox."""
        return self.folder_messages(user, "inbox")

    def sent_items(self, user: str | User) -> list[Message]:
        """Messages in Sent Items."""
        return self.folder_messages(user, "sentitems")

    def deleted_items(self, user: str | User) -> list[Message]:
        """Messages in Deleted Items."""
        return self.folder_messages(user, "deleteditems")

    def recoverable_deletions(self, user: str | User) -> list[Message]:
        """Messages soft-deleted from Deleted Items (Recoverable Items Deletions)."""
        return self.folder_messages(user, "recoverableitemsdeletions")

    def purged(self, user: str | User) -> list[Message]:
        """Messages permanently deleted (Recoverable Items Purges: invisible to every client)."""
        with self.lock:
            mb = self.mailbox(user)
            fid = mb.by_name["recoverableitemspurges"]
            return list(mb.in_folder[fid].values())

    def visible_messages(self, user: str | User) -> list[Message]:
        """Every message a mail client can see (all folders except Recoverable Items)."""
        with self.lock:
            mb = self.mailbox(user)
            hidden = {mb.by_name[n] for n in (*_RECOVERABLE, "recoverableitemsroot")}
            return [m for m in mb.messages.values() if m.folder_id not in hidden]

    def all_messages(self) -> Iterator[tuple[User, Message]]:
        """Every (user, message) pair, purged included."""
        with self.lock:
            pairs = [(u, m) for u in self.users.values() if u.mailbox for m in u.mailbox.messages.values()]
        return iter(pairs)

    def expire_delta_tokens(self, user: str | User | None = None) -> int:
        """Forget delta state (all, or one user's): the next use of those links gets 410. Returns how many."""
        with self.lock:
            if user is None:
                n = len(self.delta_tokens)
                self.delta_tokens.clear()
                return n
            uid = self.user(user).id
            dead = [k for k, c in self.delta_tokens.items() if c.user_id == uid]
            for k in dead:
                del self.delta_tokens[k]
            return len(dead)

    # --- accounting -------------------------------------------------------------------------------------------
    def count(self, route: str | None = None, status: int | None = None) -> int:
        """Requests seen for a route (all when None) and status (all when None)."""
        with self.lock:
            return sum(
                n
                for (r, s), n in self.requests.items()
                if (route is None or r == route) and (status is None or s == status)
            )

    def record(self, route: str, status: int, mailbox: str | None = None) -> None:
        """Count one answered request (status 0: the connection was dropped)."""
        with self.lock:
            self.requests[(route, status)] += 1
            if mailbox is not None:
                self.mailbox_requests[(mailbox, route)] += 1

    def swept(self, route: str = "messages.delta") -> set[str]:
        """The mailboxes (UPNs, lower-case) that received at least one request of ``route``."""
        with self.lock:
            return {upn for (upn, r), n in self.mailbox_requests.items() if r == route and n}

    def mailbox_budget(self, app: str, mailbox: str) -> float | None:
        """Count one request against the app+mailbox window; seconds to wait when over the limit, else None."""
        with self.lock:
            q = self._mailbox_windows.setdefault((app, mailbox), collections.deque())
            now = time.monotonic()
            while q and q[0] <= now - self.limits.mailbox_window_s:
                q.popleft()
            if len(q) >= self.limits.mailbox_requests:
                return max(0.001, q[0] + self.limits.mailbox_window_s - now)
            q.append(now)
            return None

    def reset_counters(self) -> None:
        """Forget request counts and concurrency peaks (tests call it between phases)."""
        with self.lock:
            self.requests.clear()
            self.mailbox_requests.clear()
            self.peak_concurrency.reset()

    # --- state for tests and the control surface ----------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """The whole state as JSON-friendly data: users, folders (counts), messages (ids, folder, flag,
        categories, read), outbox (recipients and headers), request counts, peak concurrency. Never subjects or
        bodies."""
        with self.lock:
            users = []
            for u in self.users.values():
                entry: dict[str, Any] = {"id": u.id, "upn": u.upn, "mail": u.mail, "denied": u.denied}
                if u.mailbox is not None:
                    mb = u.mailbox
                    entry["folders"] = [
                        {
                            "id": f.id,
                            "name": f.display_name,
                            "wellKnownName": f.well_known,
                            "parentFolderId": f.parent_id or None,
                            "count": len(mb.in_folder[f.id]),
                        }
                        for f in mb.folders.values()
                    ]
                    entry["messages"] = [
                        {
                            "id": m.immutable_id,
                            "restId": m.rest_id,
                            "folder": mb.folders[m.folder_id].well_known or mb.folders[m.folder_id].display_name,
                            "internetMessageId": m.internet_message_id,
                            "flag": m.flag.get("flagStatus"),
                            "categories": list(m.categories),
                            "isRead": m.is_read,
                        }
                        for m in mb.messages.values()
                    ]
                users.append(entry)
            return {
                "tenantId": self.tenant_id,
                "users": users,
                "groups": [{"id": g.id, "name": g.name, "members": list(g.members)} for g in self.groups.values()],
                "outbox": [
                    {
                        "mailbox": s.mailbox,
                        "to": s.to,
                        "cc": s.cc,
                        "bcc": s.bcc,
                        "headers": [[k, v] for k, v in s.headers],
                        "savedToSentItems": s.saved_to_sent_items,
                    }
                    for s in self.outbox
                ],
                "requests": [{"route": r, "status": s, "count": n} for (r, s), n in sorted(self.requests.items())],
                "peakConcurrency": self.peak_concurrency.as_dict(),
                "deltaTokens": len(self.delta_tokens),
            }
