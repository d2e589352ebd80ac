"""The audit hash chain: action names, the canonical form of an event, its chain hash, and the detail guard.

Every audit event carries the hash of the previous one, so editing, deleting or inserting a row breaks the chain
at that row (``hygiene audit verify``). The hash is SHA-256 over a canonical serialisation: sorted-key compact JSON
of ``ts`` (ISO 8601, UTC, microseconds, ``Z``), ``action``, ``case_id``, ``mailbox``, ``sender_domain``,
``categories`` (sorted list), ``actor``, ``detail`` and ``prev_hash``. The row id is not hashed: the order of the
chain is the order of ``prev_hash`` links.

``detail`` holds kinds, counts, receipts and reasons, never a matched value, a subject or a body.
`check_detail` enforces this with an allow-list of keys and a check of every string value (no whitespace, no
digit runs that could be an identity, account or card number). Pure: standard library only.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from hygiene.errors import UnsafeAuditDetailError

# --- action names -------------------------------------------------------------------------------------------------
DETECTED = "detected"
FLAGGED = "flagged"
ARCHIVED = "archived"
DELETED = "deleted"
PURGED = "purged"
NOTICE_SENT = "notice_sent"
NOTICE_SUPPRESSED = "notice_suppressed"
SKIPPED = "skipped"
ERROR = "error"
SCOPE_CHANGED = "scope_changed"
OPT_IN = "opt_in"
OPT_OUT = "opt_out"
CONFIG_LOADED = "config_loaded"
RETENTION = "retention"
SWEEP_STARTED = "sweep_started"
SWEEP_FINISHED = "sweep_finished"
REQUEUED = "requeued"  # an operator put a failed case back on its route (`hygiene cases retry`)
BREACH_DETECTED = "breach_detected"
BREACH_ASSESSED = "breach_assessed"
BREACH_NOTIFIED = "breach_notified"
BREACH_REMINDER = "breach_reminder"
BREACH_REPORTED = "breach_reported"
BREACH_CLOSED = "breach_closed"

ACTIONS: frozenset[str] = frozenset(
    {
        DETECTED,
        FLAGGED,
        ARCHIVED,
        DELETED,
        PURGED,
        NOTICE_SENT,
        NOTICE_SUPPRESSED,
        SKIPPED,
        ERROR,
        SCOPE_CHANGED,
        OPT_IN,
        OPT_OUT,
        CONFIG_LOADED,
        RETENTION,
        SWEEP_STARTED,
        SWEEP_FINISHED,
        REQUEUED,
        BREACH_DETECTED,
        BREACH_ASSESSED,
        BREACH_NOTIFIED,
        BREACH_REMINDER,
        BREACH_REPORTED,
        BREACH_CLOSED,
    }
)
BREACH_PREFIX = "breach_"

GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of the first event of a chain that has never been pruned."""

_ACTION_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def is_known_action(action: str) -> bool:
    """Whether ``action`` is one of `ACTIONS` or a ``breach_*`` action (the breach register adds its own)."""
    return action in ACTIONS or (action.startswith(BREACH_PREFIX) and bool(_ACTION_RE.match(action)))


# --- detail guard -------------------------------------------------------------------------------------------------
DETAIL_KEYS: frozenset[str] = frozenset(
    {
        # classification
        "counts",
        "kinds",
        "confidence",
        "language",
        "encrypted",
        "incomplete",
        "incomplete_reasons",
        "auto_reply",
        "markings",
        "mode",
        "where",
        # archive / receipt
        "receipt",
        "backend",
        "record_key",
        "location",
        "sha256",
        "checksum",
        "stored_at",
        "verified",
        # notices, skips, errors
        "reason",
        "variant",
        "dedup_key",
        "error",
        "error_class",
        "code",
        "status",
        "route",
        "attempt",
        "attempts",
        "retry_after_s",
        "stage",
        "folder",
        "well_known",
        # scope, overrides, configuration
        "scope",
        "scope_mode",
        "previous",
        "new",
        "added",
        "removed",
        "in_scope",
        "override",
        "source",
        "fingerprint",
        "settings_fingerprint",
        "version",
        "rules_version",
        # retention
        "older_than",
        "retention_days",
        "deleted",
        "deleted_through_id",
        "anchor_hash",
        # sweeps and breaches
        "mailboxes",
        "messages",
        "cases",
        "errors",
        "duration_s",
        "breach_id",
        "recipients",
        "external_recipients",
        "deadline",
        "dry_run",
        "outcome",
        "domains",
    }
)
"""Top-level ``detail`` keys accepted by `check_detail`; so are keys ending in one of `DETAIL_KEY_SUFFIXES`."""

DETAIL_KEY_SUFFIXES: tuple[str, ...] = ("_count", "_hash", "_s", "_at", "_bytes", "_days", "_id", "_total")

_KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_MAX_STR = 512
_MAX_DEPTH = 4
# A string value is a token: no whitespace (so no sentence, subject or body), bounded length.
_TOKEN_RE = re.compile(r"^[^\s\x00-\x1f]{0,512}$")
# Things that may legitimately hold long digit runs, masked before the identity-number check.
_SAFE_RE = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"  # UUID
    r"|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?"  # ISO 8601 timestamp
    r"|\b[0-9a-fA-F]{16,}\b"  # hex digests and keyed hashes
)
# Nine or more digits with at most one separator between them: national identity numbers (also Finnish HETU with
# its century letter), account numbers, IBAN digits and card numbers all look like this.
_NUMBERISH_RE = re.compile(r"\d(?:[ .\-/+A-Y]?\d){8,}")


def _key_allowed(key: str) -> bool:
    return key in DETAIL_KEYS or key.endswith(DETAIL_KEY_SUFFIXES)


def _check_str(path: str, value: str) -> None:
    if len(value) > _MAX_STR or not _TOKEN_RE.match(value):
        raise UnsafeAuditDetailError(path, "strings must be short tokens without whitespace")
    if _NUMBERISH_RE.search(_SAFE_RE.sub("_", value)):
        raise UnsafeAuditDetailError(path, "strings must not contain long digit runs")


def _check_value(path: str, value: Any, depth: int) -> None:
    if value is None or isinstance(value, bool | int):
        return
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise UnsafeAuditDetailError(path, "floats must be finite")
        return
    if isinstance(value, str):
        _check_str(path, value)
        return
    if depth >= _MAX_DEPTH:
        raise UnsafeAuditDetailError(path, f"nesting deeper than {_MAX_DEPTH} levels")
    if isinstance(value, Mapping):
        for k, v in value.items():
            if not isinstance(k, str) or not _KEY_RE.match(k):
                raise UnsafeAuditDetailError(path, "nested keys must be snake_case names")
            _check_value(f"{path}.{k}", v, depth + 1)
        return
    if isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _check_value(f"{path}[{i}]", v, depth + 1)
        return
    raise UnsafeAuditDetailError(path, f"values of type {type(value).__name__} are not allowed")


def check_detail(detail: Mapping[str, Any] | None) -> dict[str, Any]:
    """Validate an event's ``detail`` and return it as a plain JSON-ready dict.

    Top-level keys must be in `DETAIL_KEYS` or end in one of `DETAIL_KEY_SUFFIXES`; nested keys must be snake_case
    names (category and kind names in ``counts``). Values are None, bools, numbers, short tokens without
    whitespace, or lists/dicts of those. A string holding nine or more digits in a row (optionally with single
    separators) is refused unless it is a hex digest, a UUID or an ISO timestamp.

    Raises:
        UnsafeAuditDetailError: naming the offending key path and the rule; never the value.
    """
    if detail is None:
        return {}
    if not isinstance(detail, Mapping):
        raise UnsafeAuditDetailError("detail", "detail must be a mapping")
    out: dict[str, Any] = {}
    for key, value in detail.items():
        if not isinstance(key, str) or not _KEY_RE.match(key) or not _key_allowed(key):
            raise UnsafeAuditDetailError(
                str(key)[:64] if isinstance(key, str) and _KEY_RE.match(key) else "detail",
                "unknown detail key; add it to hygiene.domain.audit.DETAIL_KEYS if it holds no content",
            )
        _check_value(key, value, 1)
        out[key] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


# --- canonical form and chain hash --------------------------------------------------------------------------------
def utc(ts: datetime) -> datetime:
    """``ts`` in UTC; a naive datetime (SQLite returns them) is taken to be UTC already."""
    if ts.tzinfo is None:
        return ts.replace(tzinfo=UTC)
    return ts.astimezone(UTC)


def format_ts(ts: datetime) -> str:
    """The canonical timestamp: ISO 8601 in UTC with microseconds and a ``Z``."""
    # isoformat, not strftime: strftime("%Y") does not zero-pad years before 1000 on glibc.
    return utc(ts).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def categories_to_column(categories: Iterable[str]) -> str | None:
    """The ``categories`` column form: ``",a,b,"`` (sorted, so ``LIKE '%,a,%'`` filters work), None if empty."""
    cats = sorted(set(categories))
    return f",{','.join(cats)}," if cats else None


def categories_from_column(column: str | None) -> tuple[str, ...]:
    """Inverse of `categories_to_column`."""
    if not column:
        return ()
    return tuple(c for c in column.split(",") if c)


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """The hashed content of one audit event (everything but the row id and its own hash)."""

    ts: datetime
    action: str
    prev_hash: str
    case_id: int | None = None
    mailbox: str | None = None
    sender_domain: str | None = None
    categories: tuple[str, ...] = ()
    actor: str = "worker"
    detail: dict[str, Any] = field(default_factory=dict)

    def canonical(self) -> bytes:
        """The canonical serialisation that is hashed (sorted-key compact JSON, UTF-8)."""
        doc = {
            "ts": format_ts(self.ts),
            "action": self.action,
            "case_id": self.case_id,
            "mailbox": self.mailbox,
            "sender_domain": self.sender_domain,
            "categories": sorted(set(self.categories)),
            "actor": self.actor,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
        }
        return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()

    def hash(self) -> str:
        """SHA-256 of `canonical`, as 64 hex digits: the ``prev_hash`` of the next event."""
        return hashlib.sha256(self.canonical()).hexdigest()


def chain_hash(event: AuditEvent) -> str:
    """The chain hash of ``event`` (its ``prev_hash`` is part of what is hashed)."""
    return event.hash()


# --- verification -------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first broken link found by `ChainVerifier`.

    ``kind`` is ``edited`` (the row's content no longer gives its hash), ``unlinked`` (its ``prev_hash`` is not the
    hash of the row before it: a row was deleted or inserted there, or the anchor is wrong) or ``head`` (the stored
    chain head does not match the last row: rows were removed from, or added at, the end).
    """

    kind: str
    event_id: int | None
    expected: str
    found: str

    def describe(self) -> str:
        """One sentence for people (hashes only, never event content)."""
        where = f"event {self.event_id}" if self.event_id is not None else "the chain head"
        what = {
            "edited": "was changed after it was written (its hash does not match its content)",
            "unlinked": "does not follow the event before it: an event was deleted or inserted just before it",
            "head": "does not match the last event: events were deleted or appended at the end",
        }[self.kind]
        return f"{where} {what} (expected {self.expected[:16]}..., found {self.found[:16]}...)"


class ChainVerifier:
    """Feeds events in chain order and remembers the first broken link; pure, so it runs over any store.

    Usage: ``v = ChainVerifier(anchor)``; ``v.feed(id, event, stored_hash)`` for every row in id order;
    ``v.finish(head_hash)``; then ``v.broken`` is None or the first `ChainBreak`.
    """

    def __init__(self, anchor: str = GENESIS_HASH) -> None:
        self.expected_prev = anchor
        self.count = 0
        self.broken: ChainBreak | None = None

    def feed(self, event_id: int, event: AuditEvent, stored_hash: str) -> bool:
        """Check one event; returns False once the chain is broken (later events are not checked)."""
        if self.broken is not None:
            return False
        self.count += 1
        if event.prev_hash != self.expected_prev:
            self.broken = ChainBreak("unlinked", event_id, self.expected_prev, event.prev_hash)
            return False
        actual = event.hash()
        if actual != stored_hash:
            self.broken = ChainBreak("edited", event_id, stored_hash, actual)
            return False
        self.expected_prev = stored_hash
        return True

    def finish(self, head_hash: str | None) -> ChainBreak | None:
        """Compare the stored head (None: no head recorded) with the last event; returns `broken`."""
        if self.broken is None and head_hash is not None and head_hash != self.expected_prev:
            self.broken = ChainBreak("head", None, head_hash, self.expected_prev)
        return self.broken


# --- queries ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AuditFilter:
    """The filters shared by ``hygiene audit query``, the HTTP API and the console. None means "any".

    ``since`` is inclusive, ``until`` exclusive; both timezone-aware.
    """

    since: datetime | None = None
    until: datetime | None = None
    mailbox: str | None = None
    sender_domain: str | None = None
    category: str | None = None
    action: str | None = None
    case_id: int | None = None


_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_instant(text: str, *, name: str = "time") -> datetime:
    """Parse a ``--since``/``--until`` value: a date (``2026-11-01``, midnight UTC) or an ISO 8601 date-time.

    A date-time without an offset is taken to be UTC; the result is always timezone-aware UTC.

    Raises:
        ValueError: naming ``name`` and the accepted forms (never echoing more than a short prefix of the input).
    """
    raw = text.strip()
    try:
        if _DATE_RE.match(raw):
            return datetime.strptime(raw, "%Y-%m-%d").replace(tzinfo=UTC)
        if raw[-1:] in ("z", "Z"):
            raw = raw[:-1] + "+00:00"
        if len(raw) > 10 and raw[10] in "t ":
            raw = raw[:10] + "T" + raw[11:]
        parsed = datetime.fromisoformat(raw)
        return utc(parsed) if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError, IndexError):
        raise ValueError(
            f"{name} must be a date (2026-11-01) or an ISO 8601 date-time (2026-11-01T08:00:00Z)"
        ) from None
