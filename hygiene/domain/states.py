"""The per-message state machine of the worker (pure: no I/O).

A message the sweep sees is classified; only messages that need remembering become a *case* with a persisted
state. Every transition is committed (with its audit event) before the next side effect starts, so a worker
killed at any point resumes from the last committed state and repeats at most the one side effect in flight,
which is idempotent or checked before it is repeated (see `hygiene.pipeline`).

    new ──► classified ──► clean               (not sensitive: nothing to do; not persisted as a case)
                      ├──► skipped_encrypted   (encrypted/protected: never touched)
                      ├──► skipped_malformed   (MIME could not be read: logged without content, skipped)
                      └──► detected ─┬─► observed                              (mode observe)
                                     └─► flagged ─┬─► done                     (mode flag)
                                                  └─► archived ─► deleted ─► purged ─► noticed ─► done  (enforce)

- With ``[records] backend = "none"`` enforce skips ``archived`` (flagged ─► deleted): deleting without a
  verified receipt is only allowed when archiving is switched off explicitly.
- With ``[notice] enabled = false`` enforce goes purged ─► done.
- ``gone``: the message disappeared before it was archived (the user deleted it); nothing left to do.
- ``failed``: a step kept failing after the retry budget; an operator looks at it (the message stays put).
- Retrying is not a state: a failed step leaves the case where it was, with ``attempts`` and ``next_attempt_at``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Mode = Literal["observe", "flag", "enforce"]
MODES: tuple[Mode, ...] = ("observe", "flag", "enforce")

NEW = "new"
CLASSIFIED = "classified"
CLEAN = "clean"
SKIPPED_ENCRYPTED = "skipped_encrypted"
SKIPPED_MALFORMED = "skipped_malformed"
DETECTED = "detected"
OBSERVED = "observed"
FLAGGED = "flagged"
ARCHIVED = "archived"
DELETED = "deleted"
PURGED = "purged"
NOTICED = "noticed"
DONE = "done"
GONE = "gone"
FAILED = "failed"

STATES: tuple[str, ...] = (
    NEW,
    CLASSIFIED,
    CLEAN,
    SKIPPED_ENCRYPTED,
    SKIPPED_MALFORMED,
    DETECTED,
    OBSERVED,
    FLAGGED,
    ARCHIVED,
    DELETED,
    PURGED,
    NOTICED,
    DONE,
    GONE,
    FAILED,
)

TERMINAL: frozenset[str] = frozenset({CLEAN, SKIPPED_ENCRYPTED, SKIPPED_MALFORMED, OBSERVED, DONE, GONE, FAILED})
"""States a case never leaves."""

# Steps before the message is gone from the mailbox: while in these, a vanished message ends the case as ``gone``.
_BEFORE_DELETE = frozenset({DETECTED, FLAGGED})

TRANSITIONS: dict[str, frozenset[str]] = {
    NEW: frozenset({CLASSIFIED, SKIPPED_MALFORMED}),
    CLASSIFIED: frozenset({CLEAN, SKIPPED_ENCRYPTED, SKIPPED_MALFORMED, DETECTED}),
    DETECTED: frozenset({OBSERVED, FLAGGED, GONE, FAILED}),
    FLAGGED: frozenset({DONE, ARCHIVED, DELETED, GONE, FAILED}),
    ARCHIVED: frozenset({DELETED, FAILED}),
    DELETED: frozenset({PURGED, FAILED}),
    PURGED: frozenset({NOTICED, DONE, FAILED}),
    NOTICED: frozenset({DONE}),
    CLEAN: frozenset(),
    SKIPPED_ENCRYPTED: frozenset(),
    SKIPPED_MALFORMED: frozenset(),
    OBSERVED: frozenset(),
    DONE: frozenset(),
    GONE: frozenset(),
    FAILED: frozenset(),
}
"""Every allowed transition; anything else is an `IllegalTransition`."""


class IllegalTransition(ValueError):
    """A state change the machine does not allow (a bug, or a case row edited by hand)."""

    def __init__(self, current: str, target: str) -> None:
        self.current = current
        self.target = target
        super().__init__(f"illegal case transition {current} -> {target}")


def check_transition(current: str, target: str) -> str:
    """Return ``target`` if ``current -> target`` is allowed, else raise `IllegalTransition`."""
    if target not in TRANSITIONS.get(current, frozenset()):
        raise IllegalTransition(current, target)
    return target


@dataclass(frozen=True, slots=True)
class Policy:
    """What the settings say about the routine: the action mode, whether records and notices are on."""

    mode: Mode
    archive: bool = True
    notice: bool = True

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"actions.mode must be one of {list(MODES)}, not {self.mode!r}")

    def route(self) -> tuple[str, ...]:
        """The states a sensitive message goes through after ``detected``, in order, ending in a terminal one."""
        if self.mode == "observe":
            return (DETECTED, OBSERVED)
        if self.mode == "flag":
            return (DETECTED, FLAGGED, DONE)
        steps = [DETECTED, FLAGGED]
        if self.archive:
            steps.append(ARCHIVED)
        steps += [DELETED, PURGED]
        if self.notice:
            steps.append(NOTICED)
        steps.append(DONE)
        return tuple(steps)

    def next_state(self, current: str) -> str | None:
        """The state the routine moves a case to from ``current``; None when ``current`` is terminal.

        A case left in a state that this policy's route does not contain (the mode was changed between sweeps)
        continues with the next step of the route that follows it in the full enforce order, or stops: a case
        ``flagged`` under mode flag and found again under enforce is archived next, one ``archived`` found under
        observe is not deleted (observe never acts).
        """
        if current in TERMINAL:
            return None
        if current not in _ORDER:
            raise IllegalTransition(current, "?")
        route = self.route()
        if current in route:
            i = route.index(current)
            return route[i + 1] if i + 1 < len(route) else None
        # the case was started under another policy: take the first route step after it, if the route acts at all
        later = [s for s in route if _ORDER.get(s, -1) > _ORDER[current]]
        if self.mode != "enforce":
            return None  # observe/flag never delete a message some earlier enforce run had archived
        return later[0] if later else None


_ORDER = {s: i for i, s in enumerate((DETECTED, FLAGGED, ARCHIVED, DELETED, PURGED, NOTICED, DONE))}


def after_classification(*, sensitive: bool, encrypted: bool, malformed: bool = False) -> str:
    """The state a freshly classified message goes to: clean, skipped_encrypted, skipped_malformed or detected."""
    if malformed:
        return SKIPPED_MALFORMED
    if encrypted:
        return SKIPPED_ENCRYPTED
    return DETECTED if sensitive else CLEAN


def on_vanished(current: str) -> str | None:
    """Where a case goes when its message is no longer in the mailbox (404).

    Before deletion the user removed it first: ``gone``. From ``deleted`` on, a 404 means the step already
    happened, so the caller proceeds as if it succeeded (None = no special state).
    """
    return GONE if current in _BEFORE_DELETE else None


def is_active(state: str) -> bool:
    """Whether a case still has steps left under some policy (the sweep resumes such cases)."""
    return state not in TERMINAL
