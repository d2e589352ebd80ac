"""The error tree of hygiene.

    HygieneError
    ├── ConfigError            a setting is missing or malformed (exit code 2)
    ├── DatabaseError
    │   └── SchemaMismatchError    the database is not at this version's migration head
    ├── GraphError             a Graph call failed after retries (carries mailbox, route, status)
    │   ├── ThrottledError         429/503 with the server's retry delay
    │   ├── NotFoundError          404: the item or mailbox is gone
    │   ├── AccessDeniedError      403: the app may not read this mailbox
    │   └── SyncStateLostError     410 / syncStateNotFound: the delta link must be dropped
    ├── RecordsError           the records system failed (the message is kept and retried)
    │   ├── RecordMismatchError    a stored copy does not match its receipt
    │   └── RecordRejectedError    the records system refused the record itself (retrying cannot help)
    ├── NoticeError            the notice could not be sent
    └── AuditError             the audit log refused an event or cannot be read
        └── UnsafeAuditDetailError  an event's detail could hold content (names the key, never the value)

Errors carry structured attributes (mailbox, setting key, retry delay), never message content or matched values.
`is_transient` tells the worker which failures go away by themselves (retried without end) from those that do not.
"""

from __future__ import annotations

from pathlib import Path


class HygieneError(Exception):
    """Base of every error hygiene raises on purpose."""


class ConfigError(HygieneError):
    """One or more settings are wrong; ``problems`` holds one line per problem, naming the key and the fix."""

    def __init__(self, problems: list[str], path: Path | None = None) -> None:
        self.problems = problems
        self.path = path
        where = f" in {path}" if path else ""
        super().__init__(f"invalid settings{where}:\n" + "\n".join(f"  - {p}" for p in problems))


class DatabaseError(HygieneError):
    """The database cannot be used."""


class SchemaMismatchError(DatabaseError):
    """The database schema is not at this version's migration head."""

    def __init__(self, current: str | None, head: str) -> None:
        self.current = current
        self.head = head
        if current is None:
            hint = "the database has not been migrated: run `hygiene db upgrade`"
        else:
            hint = (
                f"the database is at revision {current} but this version expects {head}: run `hygiene db upgrade`"
                " (or upgrade hygiene if the database is newer)"
            )
        super().__init__(hint)


class GraphError(HygieneError):
    """A Graph request failed for good (after the retry policy gave up)."""

    def __init__(
        self,
        message: str,
        *,
        mailbox: str | None = None,
        route: str | None = None,
        status: int | None = None,
        code: str | None = None,
    ) -> None:
        self.mailbox = mailbox
        self.route = route
        self.status = status
        self.code = code
        super().__init__(message)


class ThrottledError(GraphError):
    """Graph answered 429 or 503; ``retry_after_s`` is the delay it asked for."""

    def __init__(self, message: str, *, retry_after_s: float, **kw: object) -> None:
        self.retry_after_s = retry_after_s
        super().__init__(message, **kw)  # type: ignore[arg-type]


class NotFoundError(GraphError):
    """The item, folder or mailbox does not exist (404)."""


class AccessDeniedError(GraphError):
    """The app may not access this mailbox (403, e.g. an RBAC scope or application access policy)."""


class SyncStateLostError(GraphError):
    """The delta link is no longer valid (410 Gone or syncStateNotFound); the folder must be resynced."""


class RecordsError(HygieneError):
    """The records system could not store or return a record; the message stays in the mailbox."""


class RecordMismatchError(RecordsError):
    """A stored record's checksum does not match its receipt."""


class RecordRejectedError(RecordsError):
    """The records system refused the record itself (e.g. 400/413/415/422 on the upload: the package is invalid).

    Sending the same record again cannot succeed, unlike an unreachable or overloaded records system.
    """


class NoticeError(HygieneError):
    """The sender's notice could not be composed or sent; ``transient`` when trying again later can succeed."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        self.transient = transient
        super().__init__(message)


class AuditError(HygieneError):
    """The audit log refused an event or cannot be used."""


class UnsafeAuditDetailError(AuditError, ValueError):
    """An audit event's ``detail`` has a key or value that could hold message content or a matched value.

    ``key`` is the offending key path (``counts.no_fnr``); the value itself is never part of the error.
    """

    def __init__(self, key: str, rule: str) -> None:
        self.key = key
        self.rule = rule
        super().__init__(f"audit detail {key!r} refused: {rule}")


# Graph statuses that say "not now" rather than "never": timeout, conflict with a concurrent change, throttled,
# unauthorised (the token or [auth] broke: the operator fixes it, the mail must not be given up meanwhile).
_TRANSIENT_GRAPH_STATUS = frozenset({401, 408, 409, 429})


def is_transient(error: BaseException) -> bool:
    """Whether ``error`` is expected to go away by itself: the worker retries such a step with backoff and never
    gives the case up for it.

    Transient: the records system unreachable, overloaded or refusing credentials (`RecordsError` other than
    `RecordMismatchError` / `RecordRejectedError`); Graph throttling, 5xx, 401/408/409 and network errors (a
    `GraphError` without a status); a notice that may still be in flight. Everything else is not: a 404 (the item
    is gone), a 403 (access revoked), a 400-class answer about the request, a record rejected or not matching its
    receipt.
    """
    if isinstance(error, RecordsError):
        return not isinstance(error, RecordMismatchError | RecordRejectedError)
    if isinstance(error, ThrottledError):
        return True
    if isinstance(error, NotFoundError | AccessDeniedError | SyncStateLostError):
        return False
    if isinstance(error, GraphError):
        return error.status is None or error.status >= 500 or error.status in _TRANSIENT_GRAPH_STATUS
    if isinstance(error, NoticeError):
        return error.transient
    return False
