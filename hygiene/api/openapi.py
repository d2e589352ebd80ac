"""The hand-written OpenAPI 3.0 document of the read-only audit API (served at ``/openapi.json``).

Kept next to the routes in `hygiene.api.app`; the schemathesis tests check that every response conforms to it.
"""

from __future__ import annotations

from typing import Any

from hygiene import __version__ as _version

MAX_LIMIT = 500
MAX_ID = 2**63 - 1
MAX_INT32 = 2**31 - 1  # mailboxes.id is an INTEGER
# Printable text without control characters (no NUL: PostgreSQL refuses it, and no line breaks in a filter).
TEXT_PATTERN = r"^[^\x00-\x1f\x7f]+$"
CATEGORY_PATTERN = r"^[a-z0-9_-]{1,64}$"
ACTION_PATTERN = r"^[a-z][a-z0-9_]{0,31}$"
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
# Kept equal to hygiene.domain.breach.STATES / OUTCOMES (a test checks): this module imports nothing of hygiene.
BREACH_STATES = ("candidate", "assessed", "reported", "closed")
BREACH_OUTCOMES = ("no_breach", "breach_risk", "breach_high_risk")


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "nullable": True}


def _q(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


FILTER_PARAMETERS: list[dict[str, Any]] = [
    _q("since", {"type": "string", "format": "date-time"}, "Events at or after this instant (UTC if no offset)."),
    _q("until", {"type": "string", "format": "date-time"}, "Events before this instant (exclusive)."),
    _q("mailbox", {"type": "string", "maxLength": 320, "pattern": TEXT_PATTERN}, "Mailbox (UPN), any case."),
    _q(
        "sender_domain",
        {"type": "string", "maxLength": 255, "pattern": TEXT_PATTERN},
        "Domain of the message's sender, any case.",
    ),
    _q("category", {"type": "string", "pattern": CATEGORY_PATTERN}, "A detected category, e.g. health."),
    _q("action", {"type": "string", "pattern": ACTION_PATTERN}, "An action, e.g. detected, deleted, error."),
    _q("case", {"type": "integer", "minimum": 0, "maximum": MAX_ID}, "Only the events of this case id."),
]
PAGE_PARAMETERS: list[dict[str, Any]] = [
    _q("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 50}, "Page size."),
    _q(
        "cursor",
        {"type": "integer", "minimum": 0, "maximum": MAX_ID},
        "The next_cursor of the previous page (keyset paging: stable while events are appended).",
    ),
    _q("order", {"type": "string", "enum": ["desc", "asc"], "default": "desc"}, "desc: newest first."),
]

_ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {
        400: "A parameter is malformed; the message names it.",
        401: "No valid bearer token (or console session): nothing is returned without one.",
        404: "Not found.",
    }
    return {str(c): _json(_ERROR, text[c]) for c in codes}


SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string"}},
    },
    "Event": {
        "type": "object",
        "description": "One audit event. detail holds kinds, counts, receipts and reasons, never content.",
        "required": [
            "id",
            "ts",
            "action",
            "case_id",
            "mailbox",
            "sender_domain",
            "categories",
            "actor",
            "detail",
            "prev_hash",
            "hash",
        ],
        "properties": {
            "id": {"type": "integer"},
            "ts": {"type": "string", "format": "date-time"},
            "action": {"type": "string"},
            "case_id": _nullable({"type": "integer"}),
            "mailbox": _nullable({"type": "string"}),
            "sender_domain": _nullable({"type": "string"}),
            "categories": {"type": "array", "items": {"type": "string"}},
            "actor": {"type": "string"},
            "detail": {"type": "object", "additionalProperties": True},
            "prev_hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        },
    },
    "EventPage": {
        "type": "object",
        "required": ["items", "next_cursor"],
        "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
            "next_cursor": _nullable({"type": "integer"}),
        },
    },
    "Case": {
        "type": "object",
        "description": "The stored state of a handled message (no subject, no content, no matched value).",
        "required": ["id", "mailbox", "state", "mode", "categories", "counts", "receipt"],
        "properties": {
            "id": {"type": "integer"},
            "mailbox": _nullable({"type": "string"}),
            "state": {"type": "string"},
            "mode": {"type": "string"},
            "categories": {"type": "array", "items": {"type": "string"}},
            "counts": {"type": "object", "additionalProperties": True},
            "confidence": _nullable({"type": "number"}),
            "encrypted": {"type": "boolean"},
            "incomplete": {"type": "boolean"},
            "language": _nullable({"type": "string"}),
            "sender_domain": _nullable({"type": "string"}),
            "record_key": _nullable({"type": "string"}),
            "receipt": _nullable({"type": "object", "additionalProperties": True}),
            "attempts": {"type": "integer"},
            "received_at": _nullable({"type": "string", "format": "date-time"}),
            "created_at": _nullable({"type": "string", "format": "date-time"}),
            "updated_at": _nullable({"type": "string", "format": "date-time"}),
        },
    },
    "CaseHistory": {
        "type": "object",
        "required": ["case_id", "case", "events"],
        "properties": {
            "case_id": {"type": "integer"},
            "case": _nullable({"$ref": "#/components/schemas/Case"}),
            "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
        },
    },
    "Report": {
        "type": "object",
        "required": ["month", "since", "until", "total", "per_action", "per_category", "per_mailbox", "errors"],
        "properties": {
            "month": {"type": "string"},
            "since": {"type": "string", "format": "date-time"},
            "until": {"type": "string", "format": "date-time"},
            "total": {"type": "integer"},
            "per_action": {"type": "object", "additionalProperties": {"type": "integer"}},
            "per_category": {"type": "object", "additionalProperties": {"type": "integer"}},
            "per_mailbox": {
                "type": "object",
                "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}},
            },
            "errors": {
                "type": "object",
                "required": ["total", "by_kind"],
                "properties": {
                    "total": {"type": "integer"},
                    "by_kind": {"type": "object", "additionalProperties": {"type": "integer"}},
                },
            },
            "first_id": _nullable({"type": "integer"}),
            "last_id": _nullable({"type": "integer"}),
            "last_hash": _nullable({"type": "string"}),
            "head_hash": _nullable({"type": "string"}),
        },
    },
    "Verify": {
        "type": "object",
        "required": ["ok", "checked", "anchor", "head", "broken"],
        "properties": {
            "ok": {"type": "boolean"},
            "checked": {"type": "integer"},
            "anchor": {"type": "string"},
            "head": _nullable({"type": "string"}),
            "broken": _nullable(
                {
                    "type": "object",
                    "required": ["kind", "event_id", "expected", "found", "description"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["edited", "unlinked", "head"]},
                        "event_id": _nullable({"type": "integer"}),
                        "expected": {"type": "string"},
                        "found": {"type": "string"},
                        "description": {"type": "string"},
                    },
                }
            ),
        },
    },
    "Mailbox": {
        "type": "object",
        "required": ["id", "upn", "in_scope", "override", "status", "last_swept_at"],
        "properties": {
            "id": {"type": "integer"},
            "upn": {"type": "string"},
            "in_scope": {"type": "boolean"},
            "override": _nullable({"type": "string", "enum": ["opt_in", "opt_out"]}),
            "status": {"type": "string"},
            "last_swept_at": _nullable({"type": "string", "format": "date-time"}),
        },
    },
    "Breach": {
        "type": "object",
        "description": "A breach register entry: counts, domains and deadline; never an address, subject or content.",
        "required": [
            "id",
            "mailbox",
            "message_key",
            "state",
            "outcome",
            "discovered_at",
            "deadline",
            "hours_left",
            "overdue",
            "reasons",
            "categories",
            "counts",
            "recipient_domains",
            "recipients",
            "external_recipients",
            "allowed_steps",
        ],
        "properties": {
            "id": {"type": "integer"},
            "mailbox": {"type": "string"},
            "message_key": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "state": {"type": "string", "enum": list(BREACH_STATES)},
            "outcome": _nullable({"type": "string", "enum": list(BREACH_OUTCOMES)}),
            "sent_at": _nullable({"type": "string", "format": "date-time"}),
            "discovered_at": {"type": "string", "format": "date-time"},
            "deadline": {"type": "string", "format": "date-time"},
            "hours_left": _nullable({"type": "number"}),
            "overdue": {"type": "boolean"},
            "inform_persons_concerned": {"type": "boolean"},
            "reasons": {"type": "array", "items": {"type": "string"}},
            "categories": {"type": "array", "items": {"type": "string"}},
            "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
            "recipient_domains": {"type": "object", "additionalProperties": {"type": "integer"}},
            "recipients": {"type": "integer"},
            "external_recipients": {"type": "integer"},
            "note": _nullable({"type": "string"}),
            "reference": _nullable({"type": "string"}),
            "reminders": {
                "type": "object",
                "additionalProperties": _nullable({"type": "string", "format": "date-time"}),
            },
            "assessed_at": _nullable({"type": "string", "format": "date-time"}),
            "reported_at": _nullable({"type": "string", "format": "date-time"}),
            "closed_at": _nullable({"type": "string", "format": "date-time"}),
            "allowed_steps": {"type": "array", "items": {"type": "string", "enum": ["assess", "report", "close"]}},
        },
    },
    "BreachPage": {
        "type": "object",
        "required": ["items", "next_cursor"],
        "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Breach"}},
            "next_cursor": _nullable({"type": "integer"}),
        },
    },
    "BreachHistory": {
        "type": "object",
        "required": ["breach", "events"],
        "properties": {
            "breach": {"$ref": "#/components/schemas/Breach"},
            "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
        },
    },
    "MailboxPage": {
        "type": "object",
        "required": ["items", "next_cursor"],
        "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Mailbox"}},
            "next_cursor": _nullable({"type": "integer"}),
        },
    },
}


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.0.3 document of the API."""
    paths: dict[str, Any] = {
        "/healthz": {
            "get": {
                "operationId": "healthz",
                "summary": "Liveness probe (no data; no authentication).",
                "security": [],
                "responses": {
                    "200": _json(
                        {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}},
                        "The server is up.",
                    )
                },
            }
        },
        "/api/v1/events": {
            "get": {
                "operationId": "listEvents",
                "summary": "Audit events matching every given filter, one keyset page at a time.",
                "parameters": FILTER_PARAMETERS + PAGE_PARAMETERS,
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/EventPage"}, "One page of events."),
                    **_errors(400, 401),
                },
            }
        },
        "/api/v1/events.csv": {
            "get": {
                "operationId": "exportEvents",
                "summary": "Every event matching the filters as CSV (header first), oldest first.",
                "parameters": FILTER_PARAMETERS,
                "responses": {
                    "200": {"description": "CSV (RFC 4180).", "content": {"text/csv": {"schema": {"type": "string"}}}},
                    **_errors(400, 401),
                },
            }
        },
        "/api/v1/events/{event_id}": {
            "get": {
                "operationId": "getEvent",
                "summary": "One audit event.",
                "parameters": [
                    {
                        "name": "event_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
                    }
                ],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/Event"}, "The event."),
                    **_errors(400, 401, 404),
                },
            }
        },
        "/api/v1/cases/{case_id}": {
            "get": {
                "operationId": "getCase",
                "summary": "A case's stored state and its full audited history, oldest first.",
                "parameters": [
                    {
                        "name": "case_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
                    }
                ],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/CaseHistory"}, "The case and its events."),
                    **_errors(400, 401, 404),
                },
            }
        },
        "/api/v1/reports/{month}": {
            "get": {
                "operationId": "getReport",
                "summary": "The summary of one month (UTC): per action, category, mailbox, and errors.",
                "parameters": [
                    {
                        "name": "month",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "pattern": MONTH_PATTERN},
                        "example": "2026-11",
                    }
                ],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/Report"}, "The report."),
                    **_errors(400, 401),
                },
            }
        },
        "/api/v1/verify": {
            "get": {
                "operationId": "verifyChain",
                "summary": "Walk the hash chain now and report the first broken link (reads every event).",
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/Verify"}, "The verification result."),
                    **_errors(401),
                },
            }
        },
        "/api/v1/mailboxes": {
            "get": {
                "operationId": "listMailboxes",
                "summary": "Mailboxes hygiene knows with their scope state (keyset-paged by id).",
                "parameters": [
                    _q("in_scope", {"type": "boolean"}, "Only mailboxes in (true) or out of (false) scope."),
                    _q("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 50}, "Page size."),
                    _q("cursor", {"type": "integer", "minimum": 0, "maximum": MAX_INT32}, "next_cursor of the page."),
                ],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/MailboxPage"}, "One page of mailboxes."),
                    **_errors(400, 401),
                },
            }
        },
        "/api/v1/breaches": {
            "get": {
                "operationId": "listBreaches",
                "summary": "The breach register, oldest first (keyset-paged by id), optionally entries in one state.",
                "parameters": [
                    _q("state", {"type": "string", "enum": list(BREACH_STATES)}, "Only entries in this state."),
                    _q("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 50}, "Page size."),
                    _q("cursor", {"type": "integer", "minimum": 0, "maximum": MAX_ID}, "next_cursor of the page."),
                ],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/BreachPage"}, "One page of entries."),
                    **_errors(400, 401),
                },
            }
        },
        "/api/v1/breaches/{breach_id}": {
            "get": {
                "operationId": "getBreach",
                "summary": "One breach register entry and its audited history (breach_* events), oldest first.",
                "parameters": [
                    {
                        "name": "breach_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
                    }
                ],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/BreachHistory"}, "The entry and its events."),
                    **_errors(400, 401, 404),
                },
            }
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "hygiene audit API",
            "version": _version,
            "description": "Read-only access to the tamper-evident audit log. Every /api route needs "
            "`Authorization: Bearer <token>`: the configured [audit] api_token, or an Entra ID access token for "
            "the app registration [audit] entra_client_id carrying the app role [audit] entra_required_role.",
        },
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"bearerAuth": []}],
    }
