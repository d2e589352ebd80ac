"""`hygiene breach list | show ID | assess ID | report ID | close ID`: the privacy officer's breach register.

Candidates come from the Sent Items scan (``[breach] enabled``); each has a 72-hour deadline from its discovery
(GDPR art. 33). Every change is written to the audit log with the operating-system user as actor (``cli:<user>``).
Exit codes: 0 ok, 1 the step was refused (unknown id, a step the state does not allow), 2 usage errors.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Any

import orjson
import typer

from hygiene.cli.common import state
from hygiene.domain import breach as domain

group = typer.Typer(
    help="The breach register: sensitive data sent out unencrypted starts a 72-hour clock (GDPR art. 33).",
    no_args_is_help=True,
)


class ListFormat(StrEnum):
    """Output formats of `hygiene breach list` and `show`."""

    table = "table"
    json = "json"


class StateName(StrEnum):
    """The states of a register entry."""

    candidate = domain.CANDIDATE
    assessed = domain.ASSESSED
    reported = domain.REPORTED
    closed = domain.CLOSED


class Outcome(StrEnum):
    """The outcomes of an assessment."""

    no_breach = domain.NO_BREACH
    breach_risk = domain.BREACH_RISK
    breach_high_risk = domain.BREACH_HIGH_RISK


def _store(ctx: typer.Context) -> Any:
    from hygiene.adapters.store.breaches import BreachStore
    from hygiene.cli.audit import open_sessions
    from hygiene.clock import SystemClock
    from hygiene.db import check_schema
    from hygiene.errors import DatabaseError

    settings = state(ctx).settings()
    sessions = open_sessions(settings)
    try:
        check_schema(sessions.kw["bind"])  # the breaches table came with migration 0002
    except DatabaseError as exc:
        typer.echo(f"hygiene breach: {exc}", err=True)
        raise typer.Exit(1) from None
    return BreachStore(sessions, SystemClock(), hmac_key=settings.hmac_key_bytes())


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"[:128]
    except (KeyError, OSError):  # no user name for this uid (a container)
        return "cli"


def _refused(call: Callable[[], Any]) -> Any:
    """Run a register operation; a refusal (unknown id, illegal step) prints one line and exits 1."""
    try:
        return call()
    except domain.BreachError as exc:
        typer.echo(f"hygiene breach: {exc}", err=True)
        raise typer.Exit(1) from None


def _short(ts: str | None) -> str:
    return ts[:16].replace("T", " ") if ts else "-"


def _left(item: dict[str, Any]) -> str:
    if item["hours_left"] is None:
        return "-"
    return "OVERDUE" if item["overdue"] else f"{item['hours_left']:.1f} h"


def _table(items: list[dict[str, Any]]) -> Iterator[str]:
    cols = (("ID", 6), ("STATE", 10), ("OUTCOME", 17), ("MAILBOX", 30), ("DISCOVERED", 16), ("DEADLINE", 16))
    yield " ".join(name.ljust(w) for name, w in cols) + " LEFT       CATEGORIES"
    for it in items:
        cells = (
            str(it["id"]),
            it["state"],
            it["outcome"] or "-",
            it["mailbox"],
            _short(it["discovered_at"]),
            _short(it["deadline"]),
        )
        line = " ".join(
            (c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, (_, w) in zip(cells, cols, strict=True)
        )
        yield f"{line} {_left(it).ljust(10)} {','.join(it['categories']) or '-'}"
    yield f"({len(items)} entries)"


def _show_lines(it: dict[str, Any]) -> Iterator[str]:
    counts = ", ".join(f"{c} {it['counts'].get(c, '')}".strip() for c in it["categories"]) or "-"
    domains = ", ".join(f"{d} ({n})" for d, n in it["recipient_domains"].items()) or "-"
    rows = [
        ("breach", str(it["id"])),
        ("state", it["state"]),
        ("outcome", it["outcome"] or "-"),
        ("mailbox", it["mailbox"]),
        ("sent", _short(it["sent_at"])),
        ("discovered", _short(it["discovered_at"])),
        ("deadline (72 h)", f"{_short(it['deadline'])}  ({_left(it)})"),
        ("reasons", ", ".join(it["reasons"])),
        ("categories", counts),
        ("recipients", f"{it['recipients']} ({it['external_recipients']} outside the organisation)"),
        ("recipient domains", domains),
        ("reference", it["reference"] or "-"),
        ("assessed", _short(it["assessed_at"])),
        ("reported", _short(it["reported_at"])),
        ("closed", _short(it["closed_at"])),
        ("reminders", ", ".join(f"{k} {_short(v)}" for k, v in it["reminders"].items())),
        ("message key", it["message_key"]),
        ("next steps", ", ".join(it["allowed_steps"]) or "none (closed)"),
    ]
    for name, value in rows:
        yield f"{name + ':':<19} {value}"
    if it["inform_persons_concerned"]:
        yield f"{'':<19} high risk: inform the persons concerned as well (GDPR art. 34)"
    if it["note"]:
        yield "note:"
        yield from (f"  {line}" for line in it["note"].splitlines())


def _emit(view: Any, store: Any, fmt: ListFormat = ListFormat.table) -> None:
    item = view.as_dict(store.clock.now())
    if fmt is ListFormat.json:
        typer.echo(orjson.dumps(item).decode())
    else:
        for line in _show_lines(item):
            typer.echo(line)


_ID = typer.Argument(..., min=1, metavar="ID", help="The entry's id (see `hygiene breach list`).")


@group.command("list")
def list_breaches(
    ctx: typer.Context,
    state_: StateName | None = typer.Option(None, "--state", help="Only entries in this state."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table for people, json for machines."),
) -> None:
    """The register, oldest first: state, outcome, mailbox, discovery, deadline and hours left, categories."""
    store = _store(ctx)
    views = _refused(lambda: store.entries(state=state_.value if state_ else None))
    now = store.clock.now()
    items = [v.as_dict(now) for v in views]
    if fmt is ListFormat.json:
        typer.echo(orjson.dumps(items).decode())
        return
    for line in _table(items):
        typer.echo(line)


@group.command("show")
def show(
    ctx: typer.Context,
    breach_id: int = _ID,
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table for people, json for machines."),
) -> None:
    """One entry in full: counts, recipient domains, deadline, note, reference, reminders, allowed next steps."""
    store = _store(ctx)
    _emit(_refused(lambda: store.get(breach_id)), store, fmt)


@group.command("assess")
def assess(
    ctx: typer.Context,
    breach_id: int = _ID,
    outcome: Outcome = typer.Option(..., "--outcome", help="no_breach, breach_risk or breach_high_risk."),
    note: str = typer.Option(..., "--note", help="Why (kept in the register; only a keyed hash is audited)."),
) -> None:
    """Record (or revise, until reported) the assessment of an entry."""
    if not note.strip():
        raise typer.BadParameter("give the reason for the assessment", param_hint="--note")
    store = _store(ctx)
    view = _refused(lambda: store.assess(breach_id, outcome=outcome.value, note=note, actor=_actor()))
    typer.echo(f"breach {view.id}: assessed as {view.outcome}")
    if view.outcome in domain.RISK_OUTCOMES:
        typer.echo(
            f"  report it to the authority by {_short(view.as_dict(store.clock.now())['deadline'])} UTC, then "
            f"`hygiene breach report {view.id} --reference REF`"
        )
        if view.outcome == domain.BREACH_HIGH_RISK:
            typer.echo("  high risk: inform the persons concerned as well (GDPR art. 34)")
    else:
        typer.echo(f"  close it with `hygiene breach close {view.id}`")


@group.command("report")
def report(
    ctx: typer.Context,
    breach_id: int = _ID,
    reference: str = typer.Option(..., "--reference", help="The authority's reference of the report."),
) -> None:
    """Record that an entry assessed as a breach was reported to the data-protection authority."""
    if not reference.strip():
        raise typer.BadParameter("give the authority's reference", param_hint="--reference")
    store = _store(ctx)
    view = _refused(lambda: store.report(breach_id, reference=reference, actor=_actor()))
    late = view.reported_at is not None and view.reported_at > view.deadline
    typer.echo(f"breach {view.id}: reported ({'after the 72-hour deadline: record why' if late else 'in time'})")


@group.command("close")
def close(ctx: typer.Context, breach_id: int = _ID) -> None:
    """Close an entry that was reported, or assessed as no_breach."""
    store = _store(ctx)
    view = _refused(lambda: store.close(breach_id, actor=_actor()))
    typer.echo(f"breach {view.id}: closed")


def register(app: typer.Typer) -> None:
    """Add the ``breach`` group."""
    app.add_typer(group, name="breach")
