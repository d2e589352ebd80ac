"""Read-only routes of the breach register in the audit API (same authentication as every ``/api`` route).

    /api/v1/breaches              the register, keyset-paged by id (oldest first), optionally one state
    /api/v1/breaches/{breach_id}  one entry and its audited history

The data is the CLI's (`hygiene breach list|show --format json`): no address of a recipient, subject or content.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from hygiene.adapters.store import audit as audit_store
from hygiene.adapters.store.breaches import BreachStore
from hygiene.adapters.store.models import AuditEventRow
from hygiene.api.openapi import MAX_LIMIT
from hygiene.api.params import BadParameter, int_param
from hygiene.domain import breach as domain
from hygiene.domain.audit import BREACH_PREFIX
from hygiene.ports import Clock

Handler = Callable[[Request], Response]


def _json(content: Any) -> Response:
    return Response(orjson.dumps(content), media_type="application/json")


def breach_history(session: Session, breach_id: int, mailbox: str) -> list[dict[str, Any]]:
    """The ``breach_*`` audit events of one entry, oldest first (read over the ``(mailbox, id)`` index)."""
    rows = session.scalars(
        select(AuditEventRow)
        .where(AuditEventRow.mailbox == mailbox.lower(), AuditEventRow.action.startswith(BREACH_PREFIX))
        .order_by(AuditEventRow.id)
    )
    return [audit_store.event_dict(r) for r in rows if (r.detail or {}).get("breach_id") == breach_id]


def breach_routes(
    sessions: sessionmaker[Session], protected: Callable[[Handler], Handler], clock: Clock
) -> list[BaseRoute]:
    """The register's routes, each wrapped in ``protected`` (the API's bearer-token / console-session check)."""
    store = BreachStore(sessions, clock, hmac_key=b"")  # read-only: keyed hashes are never computed here

    def breaches(request: Request) -> Response:
        params = request.query_params
        state = params.get("state") or None
        if state is not None and state not in domain.STATES:
            raise BadParameter("state", f"one of {', '.join(domain.STATES)}")
        limit = int_param(params, "limit", minimum=1, maximum=MAX_LIMIT, default=50) or 50
        cursor = int_param(params, "cursor")
        views = store.entries(state=state, limit=limit + 1, after_id=cursor)
        now = clock.now()
        items = [v.as_dict(now) for v in views[:limit]]
        return _json({"items": items, "next_cursor": items[-1]["id"] if len(views) > limit else None})

    def breach(request: Request) -> Response:
        breach_id = int_param(request.path_params, "breach_id")
        assert breach_id is not None
        try:
            view = store.get(breach_id)
        except domain.BreachNotFoundError:
            raise HTTPException(404, "no breach with this id") from None
        with sessions() as session:
            history = breach_history(session, view.id, view.mailbox)
        return _json({"breach": view.as_dict(clock.now()), "events": history})

    return [
        Route("/api/v1/breaches", protected(breaches)),
        Route("/api/v1/breaches/{breach_id}", protected(breach)),
    ]
