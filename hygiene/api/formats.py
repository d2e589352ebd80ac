"""Output formats shared by the CLI, the HTTP API and the console: CSV of events, verification results."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from hygiene.adapters.store import audit as store
from hygiene.adapters.store.models import AuditEventRow


def verify_dict(result: store.VerifyResult) -> dict[str, Any]:
    """A `store.VerifyResult` as plain data (CLI json output and the HTTP API)."""
    broken = result.broken
    return {
        "ok": result.ok,
        "checked": result.checked,
        "anchor": result.anchor,
        "head": result.head,
        "broken": None
        if broken is None
        else {
            "kind": broken.kind,
            "event_id": broken.event_id,
            "expected": broken.expected,
            "found": broken.found,
            "description": broken.describe(),
        },
    }


CSV_COLUMNS = (
    "id",
    "ts",
    "action",
    "mailbox",
    "sender_domain",
    "categories",
    "case_id",
    "actor",
    "detail",
    "prev_hash",
    "hash",
)


def csv_lines(rows: Iterable[AuditEventRow], *, header: bool = True) -> Iterator[str]:
    """CSV (RFC 4180, header first) of events: categories ``;``-joined, detail as compact JSON."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if header:
        writer.writerow(CSV_COLUMNS)
        yield buf.getvalue()
    for row in rows:
        buf.seek(0)
        buf.truncate()
        ev = store.event_dict(row)
        writer.writerow(
            [
                ev["id"],
                ev["ts"],
                ev["action"],
                ev["mailbox"] or "",
                ev["sender_domain"] or "",
                ";".join(ev["categories"]),
                "" if ev["case_id"] is None else ev["case_id"],
                ev["actor"],
                orjson.dumps(ev["detail"], option=orjson.OPT_SORT_KEYS).decode() if ev["detail"] else "",
                ev["prev_hash"],
                ev["hash"],
            ]
        )
        yield buf.getvalue()
