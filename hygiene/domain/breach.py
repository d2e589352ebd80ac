"""The breach register's rules (pure: no I/O): the state machine, the 72-hour deadline and the candidate rule.

The routine (the organisation's breach-handling text, GDPR art. 33 and 34): personal data sent by e-mail to the
wrong recipient, or sensitive data sent unencrypted, is a breach (*avvik*) that must be assessed and, where there is
a risk to the persons concerned, reported to the data-protection authority within 72 hours of its discovery; where
the risk is high, the persons concerned are informed as well.

    candidate ──assess──► assessed ──report──► reported ──close──► closed
                           │   ▲ (re-assess)                         ▲
                           └───┘                                      │
                           └──close (only when the outcome is no_breach)┘

- ``assess`` records the outcome: ``no_breach``, ``breach_risk`` (report to the authority) or ``breach_high_risk``
  (report, and inform the persons concerned, art. 34). An assessment may be revised until the breach is reported.
- ``report`` records the authority's reference; only a breach with a risk outcome is reported.
- ``close`` ends the handling: a reported breach, or one assessed as ``no_breach``.
- Anything else raises `IllegalBreachTransition`, naming the state, the step and what is allowed instead.

A *candidate* is an outgoing message (Sent Items) that the classifier found sensitive (readable, so not encrypted),
sent to at least one recipient outside ``[breach] organisation_domains`` (reason ``external_recipient``); when
``[breach] many_recipients_threshold`` or more external addresses are visible in To/Cc, the recipients could see
each other's addresses as well (reason ``exposed_addresses``). hygiene's own mail (notices, reminders) never is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import getaddresses

from hygiene.errors import HygieneError

# --- states, steps, outcomes --------------------------------------------------------------------------------------
CANDIDATE = "candidate"
ASSESSED = "assessed"
REPORTED = "reported"
CLOSED = "closed"
STATES: tuple[str, ...] = (CANDIDATE, ASSESSED, REPORTED, CLOSED)
OPEN_STATES: frozenset[str] = frozenset({CANDIDATE, ASSESSED, REPORTED})

ASSESS = "assess"
REPORT = "report"
CLOSE = "close"
STEPS: tuple[str, ...] = (ASSESS, REPORT, CLOSE)

NO_BREACH = "no_breach"
BREACH_RISK = "breach_risk"
BREACH_HIGH_RISK = "breach_high_risk"
OUTCOMES: tuple[str, ...] = (NO_BREACH, BREACH_RISK, BREACH_HIGH_RISK)
RISK_OUTCOMES: frozenset[str] = frozenset({BREACH_RISK, BREACH_HIGH_RISK})

TRANSITIONS: dict[tuple[str, str], str] = {
    (CANDIDATE, ASSESS): ASSESSED,
    (ASSESSED, ASSESS): ASSESSED,
    (ASSESSED, REPORT): REPORTED,
    (ASSESSED, CLOSE): CLOSED,
    (REPORTED, CLOSE): CLOSED,
}
"""(state, step) -> next state; `next_state` adds the outcome guards of ``report`` and ``close`` from assessed."""

REPORTING_DEADLINE = timedelta(hours=72)
"""GDPR art. 33(1): report "not later than 72 hours after having become aware of it"."""

REASON_EXTERNAL = "external_recipient"
REASON_EXPOSED = "exposed_addresses"

MAX_NOTE_CHARS = 4000
MAX_REFERENCE_CHARS = 128


class BreachError(HygieneError):
    """A breach register operation was refused (bad input, unknown id, or a step the state does not allow)."""


class BreachNotFoundError(BreachError):
    """No breach with this id; ``breach_id`` names it."""

    def __init__(self, breach_id: int) -> None:
        self.breach_id = breach_id
        super().__init__(f"no breach with id {breach_id}; `hygiene breach list` shows the register")


class IllegalBreachTransition(BreachError, ValueError):
    """A step the breach's state (and outcome) does not allow; names both and the steps that are allowed."""

    def __init__(self, state: str, step: str, *, outcome: str | None = None, hint: str | None = None) -> None:
        self.state = state
        self.step = step
        self.outcome = outcome
        allowed = allowed_steps(state, outcome)
        what = f"{state} ({outcome})" if outcome else state
        tail = hint or (f"allowed now: {', '.join(allowed)}" if allowed else "the breach is closed")
        super().__init__(f"cannot {step} a breach that is {what}: {tail}")


def _guard(state: str, step: str, outcome: str | None) -> str | None:
    """Why ``step`` is refused from ``state`` with ``outcome`` although the table has it, or None."""
    if state == ASSESSED and step == REPORT and outcome not in RISK_OUTCOMES:
        return "only a breach assessed as breach_risk or breach_high_risk is reported; close it instead"
    if state == ASSESSED and step == CLOSE and outcome in RISK_OUTCOMES:
        return (
            f"a breach assessed as {outcome} must be reported to the authority first "
            "(hygiene breach report ID --reference REF), or re-assessed"
        )
    return None


def allowed_steps(state: str, outcome: str | None = None) -> list[str]:
    """The steps allowed from ``state`` (with its ``outcome``), in the order of `STEPS`."""
    return [s for s in STEPS if (state, s) in TRANSITIONS and _guard(state, s, outcome) is None]


def next_state(state: str, step: str, *, outcome: str | None = None) -> str:
    """The state after ``step`` from ``state``; ``outcome`` is the breach's current assessment (None before one).

    Raises:
        IllegalBreachTransition: the table has no such transition, or the outcome forbids it.
    """
    if state not in STATES:
        raise IllegalBreachTransition(state, step, hint=f"unknown state; one of {', '.join(STATES)} expected")
    target = TRANSITIONS.get((state, step))
    if target is None:
        raise IllegalBreachTransition(state, step, outcome=outcome)
    why = _guard(state, step, outcome)
    if why is not None:
        raise IllegalBreachTransition(state, step, outcome=outcome, hint=why)
    return target


def check_outcome(outcome: str) -> str:
    """``outcome`` if it is one of `OUTCOMES`.

    Raises:
        BreachError: naming the accepted outcomes.
    """
    if outcome not in OUTCOMES:
        raise BreachError(f"outcome must be one of {', '.join(OUTCOMES)}")
    return outcome


def clean_text(value: str, *, name: str, max_chars: int, required: bool = True) -> str:
    """A note or reference as stored: stripped, without control characters other than newlines, bounded.

    Raises:
        BreachError: empty (when ``required``) or longer than ``max_chars`` (names ``name``, never the value).
    """
    text = "".join(ch for ch in value.strip() if ch == "\n" or (ch >= " " and ch != "\x7f"))
    if required and not text:
        raise BreachError(f"{name} must not be empty")
    if len(text) > max_chars:
        raise BreachError(f"{name} is longer than {max_chars} characters")
    return text


# --- the deadline -------------------------------------------------------------------------------------------------
def deadline_of(discovered_at: datetime) -> datetime:
    """The reporting deadline: 72 hours after discovery (art. 33(1)). ``discovered_at`` must be timezone-aware.

    Raises:
        ValueError: ``discovered_at`` is naive.
    """
    if discovered_at.tzinfo is None:
        raise ValueError("discovered_at must be timezone-aware")
    return discovered_at + REPORTING_DEADLINE


def hours_left(deadline: datetime, now: datetime) -> float:
    """Hours until ``deadline`` (negative once overdue), rounded to a tenth."""
    return round((deadline - now).total_seconds() / 3600, 1)


def deadline_applies(state: str, outcome: str | None) -> bool:
    """Whether the 72-hour clock still runs: not yet reported or closed, and not assessed as ``no_breach``."""
    return state in (CANDIDATE, ASSESSED) and outcome != NO_BREACH


def deadline_reminder_due(
    *, state: str, outcome: str | None, deadline: datetime, now: datetime, before: timedelta
) -> bool:
    """Whether the "deadline approaching" reminder is due: the clock runs and ``now >= deadline - before``."""
    return deadline_applies(state, outcome) and now >= deadline - before


# --- the candidate rule -------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Recipients:
    """The addresses of an outgoing message, per header (as read from its MIME; lower-cased, deduplicated)."""

    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()

    @classmethod
    def from_headers(cls, to: Iterable[str] = (), cc: Iterable[str] = (), bcc: Iterable[str] = ()) -> Recipients:
        """Parse raw To/Cc/Bcc header values (each may list several addresses; groups and names are dropped)."""
        return cls(_addresses(to), _addresses(cc), _addresses(bcc))

    @property
    def visible(self) -> tuple[str, ...]:
        """Addresses every recipient sees (To and Cc), deduplicated."""
        return tuple(dict.fromkeys(self.to + self.cc))

    @property
    def all(self) -> tuple[str, ...]:
        """Every address (To, Cc, Bcc), deduplicated."""
        return tuple(dict.fromkeys(self.to + self.cc + self.bcc))


def _addresses(values: Iterable[str]) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for _name, addr in getaddresses([v for v in values if v]):
        addr = addr.strip().lower()
        if "@" in addr and not addr.startswith("@") and not addr.endswith("@"):
            out[addr] = None
    return tuple(out)


def domain_of(address: str) -> str:
    """The domain of an address, lower-cased (the part after the last ``@``)."""
    return address.rsplit("@", 1)[-1].strip().strip(".").lower()


def normalise_domains(domains: Iterable[str]) -> tuple[str, ...]:
    """``[breach] organisation_domains`` as compared: lower-case, no leading ``@`` or dots, no blanks."""
    return tuple(dict.fromkeys(d.strip().lstrip("@").strip(".").lower() for d in domains if d.strip()))


def is_internal(domain: str, organisation_domains: Sequence[str]) -> bool:
    """Whether ``domain`` is one of the organisation's domains or a subdomain of one."""
    domain = domain.lower()
    return any(domain == d or domain.endswith("." + d) for d in organisation_domains)


@dataclass(frozen=True, slots=True)
class Candidate:
    """Why an outgoing message is a breach candidate: reasons, recipient counts and domains (never addresses)."""

    reasons: tuple[str, ...]
    recipients: int
    external_recipients: int
    exposed_external: int
    recipient_domains: dict[str, int]


def assess_message(
    *,
    sensitive: bool,
    encrypted: bool,
    own_mail: bool,
    recipients: Recipients,
    organisation_domains: Sequence[str],
    many_recipients_threshold: int,
) -> Candidate | None:
    """The candidate rule for one message from Sent Items; None when it is not a candidate.

    ``sensitive`` and ``encrypted`` come from the classifier's verdict (an encrypted message is never sensitive);
    ``own_mail`` is true for hygiene's own notices and reminders, which are never candidates.
    """
    if own_mail or encrypted or not sensitive:
        return None
    org = normalise_domains(organisation_domains)
    everyone = recipients.all
    external = [a for a in everyone if not is_internal(domain_of(a), org)]
    if not external:
        return None
    exposed = [a for a in recipients.visible if not is_internal(domain_of(a), org)]
    reasons = [REASON_EXTERNAL]
    if len(exposed) >= many_recipients_threshold:
        reasons.append(REASON_EXPOSED)
    domains = Counter(domain_of(a) for a in everyone)
    return Candidate(
        reasons=tuple(reasons),
        recipients=len(everyone),
        external_recipients=len(external),
        exposed_external=len(exposed),
        recipient_domains=dict(sorted(domains.items())),
    )


__all__ = [
    "ASSESS",
    "ASSESSED",
    "BREACH_HIGH_RISK",
    "BREACH_RISK",
    "CANDIDATE",
    "CLOSE",
    "CLOSED",
    "NO_BREACH",
    "OUTCOMES",
    "REPORT",
    "REPORTED",
    "REPORTING_DEADLINE",
    "STATES",
    "TRANSITIONS",
    "BreachError",
    "BreachNotFoundError",
    "Candidate",
    "IllegalBreachTransition",
    "Recipients",
    "allowed_steps",
    "assess_message",
    "deadline_of",
    "next_state",
]
