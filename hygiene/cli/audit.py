"""`hygiene audit verify|query|report|prune|serve`: the privacy officer's view of the audit log.

Every command reads the database named by ``[database] url``. Output never holds a matched value or a subject:
audit rows do not contain any (see `hygiene.domain.audit.check_detail`).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import orjson
import typer
from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from hygiene.adapters.store import audit as store
from hygiene.adapters.store.models import AuditEventRow
from hygiene.api.formats import csv_lines, verify_dict
from hygiene.cli.common import state
from hygiene.domain.audit import AuditFilter, format_ts, parse_instant
from hygiene.errors import DatabaseError
from hygiene.settings import Settings

group = typer.Typer(help="Verify, query and summarise the tamper-evident audit log.", no_args_is_help=True)


class QueryFormat(StrEnum):
    """Output formats of `hygiene audit query`."""

    table = "table"
    json = "json"
    csv = "csv"


class ReportFormat(StrEnum):
    """Output formats of `hygiene audit report` and `hygiene audit verify`."""

    text = "text"
    json = "json"


def open_sessions(settings: Settings) -> sessionmaker[Session]:
    """A session factory on ``[database] url``.

    Raises:
        DatabaseError: the database cannot be reached or has no audit tables (the message names the fix).
    """
    from hygiene.db import make_engine, make_sessions

    engine = make_engine(settings.database.url, echo=settings.database.echo)
    sessions = make_sessions(engine)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    except SQLAlchemyError as exc:
        raise DatabaseError(
            f"cannot open the database of [database] url ({type(exc).__name__}); check the URL and that the "
            "server is running"
        ) from None
    if "audit_events" not in tables:
        raise DatabaseError(
            "the database of [database] url has no audit tables yet: create the schema with `hygiene db upgrade`"
        )
    return sessions


def _instant(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_instant(value, name=option)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


# --- verify -------------------------------------------------------------------------------------------------------
@group.command("verify")
def verify(
    ctx: typer.Context,
    fmt: ReportFormat = typer.Option(ReportFormat.text, "--format", help="text for people, json for machines."),
) -> None:
    """Walk the hash chain from its anchor and report the first broken link; exit 1 if the chain is broken."""
    sessions = open_sessions(state(ctx).settings())
    with sessions() as session:
        result = store.verify(session)
    if fmt is ReportFormat.json:
        typer.echo(orjson.dumps(verify_dict(result)).decode())
    elif result.ok:
        typer.echo(
            f"audit verify: OK, {result.checked} events checked; chain intact from anchor {result.anchor[:16]}... "
            f"to head {(result.head or '-')[:16]}..."
        )
    else:
        assert result.broken is not None
        typer.echo(f"audit verify: BROKEN: {result.broken.describe()}", err=False)
        typer.echo(f"audit verify: {result.checked} events checked before the break", err=False)
    if not result.ok:
        raise typer.Exit(1)


# --- query --------------------------------------------------------------------------------------------------------
def _detail_summary(detail: dict[str, Any]) -> str:
    parts = []
    for key, value in sorted(detail.items()):
        if isinstance(value, dict):
            value = ",".join(f"{k}:{v}" for k, v in sorted(value.items()))
        elif isinstance(value, list):
            value = ",".join(str(v) for v in value)
        parts.append(f"{key}={value}")
    text = " ".join(parts)
    return text if len(text) <= 60 else text[:59] + "…"


_TABLE = (("ID", 8), ("TIME (UTC)", 19), ("ACTION", 17), ("MAILBOX", 26), ("SENDER DOMAIN", 18), ("CATEGORIES", 20))


def table_lines(rows: Iterable[AuditEventRow]) -> Iterator[str]:
    """Fixed-width table lines for people (header first), one event a line."""

    def fit(text: str, width: int) -> str:
        return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"

    header = " ".join(fit(name, width) for name, width in _TABLE) + " CASE     DETAIL"
    yield header + "\n"
    n = 0
    for row in rows:
        n += 1
        cells = (
            str(row.id),
            format_ts(row.ts)[:19].replace("T", " "),
            row.action,
            row.mailbox or "-",
            row.sender_domain or "-",
            ",".join(store.categories_from_column(row.categories)) or "-",
        )
        line = " ".join(fit(c, w) for c, (_, w) in zip(cells, _TABLE, strict=True))
        case = "-" if row.case_id is None else str(row.case_id)
        yield f"{line} {fit(case, 8)} {_detail_summary(dict(row.detail or {}))}".rstrip() + "\n"
    yield f"({n} events)\n"


def json_chunks(rows: Iterable[AuditEventRow]) -> Iterator[str]:
    """One JSON array of events, streamed element by element."""
    first = True
    yield "["
    for row in rows:
        yield ("\n" if first else ",\n") + orjson.dumps(store.event_dict(row)).decode()
        first = False
    yield "\n]\n"


def _limited(rows: Iterator[AuditEventRow], limit: int | None) -> Iterator[AuditEventRow]:
    for i, row in enumerate(rows):
        if limit is not None and i >= limit:
            return
        yield row


@group.command("query")
def query(
    ctx: typer.Context,
    since: str | None = typer.Option(None, "--since", help="From this date or ISO date-time (inclusive, UTC)."),
    until: str | None = typer.Option(None, "--until", help="Up to this date or ISO date-time (exclusive, UTC)."),
    mailbox: str | None = typer.Option(None, "--mailbox", help="Only events of this mailbox (UPN)."),
    sender_domain: str | None = typer.Option(None, "--sender-domain", help="Only mail from this domain."),
    category: str | None = typer.Option(None, "--category", help="Only events naming this category."),
    action: str | None = typer.Option(None, "--action", help="Only this action (detected, deleted, error, ...)."),
    case: int | None = typer.Option(None, "--case", help="Only the events of this case id."),
    fmt: QueryFormat = typer.Option(QueryFormat.table, "--format", help="table (paged for people), json or csv."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many events."),
    newest_first: bool = typer.Option(False, "--newest-first", help="Newest events first (default: oldest first)."),
    pager: bool = typer.Option(True, "--pager/--no-pager", help="Page the table when writing to a terminal."),
) -> None:
    """Print the audit events matching every given filter (keyset-paged reads: constant memory)."""
    flt = AuditFilter(
        since=_instant(since, "--since"),
        until=_instant(until, "--until"),
        mailbox=mailbox,
        sender_domain=sender_domain,
        category=category,
        action=action,
        case_id=case,
    )
    sessions = open_sessions(state(ctx).settings())
    with sessions() as session:
        rows = _limited(store.iter_events(session, flt, order="desc" if newest_first else "asc"), limit)
        if fmt is QueryFormat.table:
            lines = table_lines(rows)
            if pager and sys.stdout.isatty():
                typer.echo_via_pager(lines)
            else:
                for line in lines:
                    typer.echo(line, nl=False)
        elif fmt is QueryFormat.json:
            for chunk in json_chunks(rows):
                typer.echo(chunk, nl=False)
        else:
            out = sys.stdout
            for line in csv_lines(rows):
                out.write(line)
            out.flush()


# --- report -------------------------------------------------------------------------------------------------------
def report_text(rep: store.Report, *, generated_at: datetime, verify: store.VerifyResult | None) -> str:
    """The monthly summary as plain text for internal-control records."""
    out = io.StringIO()
    w = out.write
    w("hygiene audit report\n")
    w(f"Period: {format_ts(rep.since)} to {format_ts(rep.until)} (UTC, end exclusive)\n")
    w(f"Generated: {format_ts(generated_at)}\n")
    w(f"Events in period: {rep.total}")
    if rep.first_id is not None:
        w(f" (ids {rep.first_id}-{rep.last_id}, last event hash {rep.last_hash})")
    w("\n")
    w(f"Chain head at generation: {rep.head_hash or '-'}\n")
    if verify is not None:
        status = "intact" if verify.ok else f"BROKEN: {verify.broken.describe()}"  # type: ignore[union-attr]
        w(f"Chain verification: {status} ({verify.checked} events checked)\n")

    def section(title: str, counts: dict[str, int]) -> None:
        w(f"\n{title}\n")
        if not counts:
            w("  (none)\n")
            return
        width = max(len(k) for k in counts)
        for key, n in counts.items():
            w(f"  {key.ljust(width)}  {n:>8}\n")

    section("Per action", rep.per_action)
    section("Per category (detected)", rep.per_category)
    w("\nPer mailbox\n")
    if not rep.per_mailbox:
        w("  (none)\n")
    for mailbox, counts in rep.per_mailbox.items():
        w(f"  {mailbox}: " + ", ".join(f"{a} {n}" for a, n in counts.items()) + f" (total {sum(counts.values())})\n")
    section(f"Errors ({rep.error_events})", rep.errors)
    return out.getvalue()


@group.command("report")
def report(
    ctx: typer.Context,
    month: str = typer.Option(..., "--month", help="The month to summarise, e.g. 2026-11 (UTC)."),
    fmt: ReportFormat = typer.Option(ReportFormat.text, "--format", help="text to attach to records, or json."),
    check_chain: bool = typer.Option(
        True, "--verify/--no-verify", help="Also verify the hash chain and state the result."
    ),
) -> None:
    """Summarise one month per category, per action and per mailbox, with errors (for internal-control records)."""
    try:
        since, until = store.month_bounds(month)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--month") from None
    sessions = open_sessions(state(ctx).settings())
    with sessions() as session:
        rep = store.report(session, since, until)
        result = store.verify(session) if check_chain else None
    now = datetime.now(UTC)
    if fmt is ReportFormat.json:
        doc = {"month": month, "generated_at": format_ts(now), **rep.as_dict()}
        doc["verify"] = None if result is None else verify_dict(result)
        typer.echo(orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode())
    else:
        typer.echo(report_text(rep, generated_at=now, verify=result), nl=False)


# --- retention ----------------------------------------------------------------------------------------------------
@group.command("prune")
def prune(
    ctx: typer.Context,
    older_than_days: int | None = typer.Option(
        None, "--older-than-days", min=1, help="Default: [audit] retention_days."
    ),
) -> None:
    """Delete events older than the retention period and re-anchor the chain (the pruning is itself audited).

    The housekeeping job of `hygiene run` does the same on its schedule.
    """
    settings = state(ctx).settings()
    days = older_than_days or settings.audit.retention_days
    sessions = open_sessions(settings)
    with sessions() as session:
        result = store.prune_expired(session, days)
        session.commit()
    if result.deleted:
        typer.echo(
            f"audit prune: {result.deleted} events older than {days} days deleted (through id "
            f"{result.deleted_through_id}); chain re-anchored at {(result.anchor_hash or '')[:16]}..."
        )
    else:
        typer.echo(f"audit prune: no events older than {days} days")


# --- serve --------------------------------------------------------------------------------------------------------
@group.command("serve")
def serve(
    ctx: typer.Context,
    host: str | None = typer.Option(None, "--host", help="Default: [audit] api_host."),
    port: int | None = typer.Option(None, "--port", min=0, max=65535, help="Default: [audit] api_port."),
) -> None:
    """Serve the read-only audit HTTP API and the console until interrupted.

    Needs [audit] api_token (or api_token_file), or Entra ID ([audit] entra_tenant_id and entra_client_id).
    """
    import uvicorn

    from hygiene.api.app import build_api

    settings = state(ctx).settings()
    app = build_api(settings, open_sessions(settings))
    uvicorn.run(
        app,
        host=host or settings.audit.api_host,
        port=settings.audit.api_port if port is None else port,
        log_level="warning",
        access_log=False,
        server_header=False,
    )


def register(app: typer.Typer) -> None:
    """Add the `audit` group to the root app."""
    app.add_typer(group, name="audit")
