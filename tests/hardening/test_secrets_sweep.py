"""Nothing found and no secret leaks: the whole corpus swept through the sandbox with DEBUG logging, then searched.

tests/audit/test_corpus_sweep.py sweeps the corpus with a detector double over the worker tests' fake Graph and
searches the audit log's surfaces. This one goes further, the way a deployment runs:

- the real classifier and the sandbox over HTTPS, signed in with a client secret through its token endpoint,
  notices on, sealed (encrypted) folder records, the installation HMAC key and an API token configured;
- logging configured by `hygiene.logs.configure` at DEBUG (JSON lines), and the libraries it keeps quiet turned
  up to DEBUG too (HTTP, sign-in, SQL statements with their parameters and result rows);
- afterwards every place the run could write to is searched: the log stream, every table of the database (found
  by inspection, not listed), the Prometheus exposition, the audit API and console responses, the notices in the
  sandbox's outbox, and the records' metadata files;
- for every identifier value of the corpus labels as written, digits only, in the other ways it is commonly
  written (6+5 with a space or a dash, yymmdd-nnnn, IBAN without spaces), and as an unkeyed SHA-1/SHA-256 hex
  digest (brute-forceable, so as bad as the value); the subjects of the sensitive messages; and the configured
  secrets: HMAC key, client secret, API token, records encryption key, and the access tokens the sandbox issued.

The needles are first shown to be in the input, so the search can fail.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import hashlib
import io
import json
import logging
import re
from pathlib import Path

import orjson
import pytest
import structlog
from prometheus_client import generate_latest
from pydantic import SecretStr
from sqlalchemy import inspect, text
from starlette.testclient import TestClient

from hygiene.api.app import build_api
from hygiene.app import App
from hygiene.clock import FakeClock
from hygiene.logs import QUIET_LOGGERS, configure
from hygiene.metrics import Metrics
from hygiene.settings import LoggingSettings, Settings
from tests.conftest import find_corpus
from tests.worker.pipeline_support import FAST

pytest.importorskip("hygiene.domain.detect")
sandbox = pytest.importorskip("hygiene.sandbox")

MAILBOXES = ["kari@contoso.example", "ola@contoso.example", "siri@contoso.example"]
CLIENT_ID = "hygiene-secrets-test"
CLIENT_SECRET = "client-secret-9Qx7-must-never-appear"
HMAC_KEY = "hmac-key-Zt4w-must-never-appear"
API_TOKEN = "api-token-Lm2p-must-never-appear"
RECORDS_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"


def _corpus() -> list[tuple[bytes, dict]]:
    root = find_corpus()
    if root is None:
        pytest.skip("the corpus (shared/corpus) is missing")
    out = []
    for line in (root / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = json.loads(line)
            out.append(((root / label["file"]).read_bytes(), label))
    return out


def identifier_forms(value: str) -> set[str]:
    """An identifier as written, and the other ways it is written or hashed (short forms are left out: too common)."""
    forms = {value.strip()}
    compact = re.sub(r"[\s\-.]", "", value).upper()
    digits = re.sub(r"\D", "", value)
    forms.add(compact)
    if len(digits) >= 8:
        forms.add(digits)
        forms.update(hashlib.new(algo, digits.encode()).hexdigest() for algo in ("sha1", "sha256"))
    if len(digits) == 11:
        forms.update({f"{digits[:6]} {digits[6:]}", f"{digits[:6]}-{digits[6:]}"})
    if len(digits) == 10:
        forms.update({f"{digits[:6]}-{digits[6:]}", f"{digits[:6]}+{digits[6:]}"})
    if len(digits) == 12:
        forms.add(f"{digits[:8]}-{digits[8:]}")
    forms.update(hashlib.new(algo, value.strip().encode()).hexdigest() for algo in ("sha1", "sha256"))
    return {form for form in forms if len(form) >= 8}


def _subject(raw: bytes) -> str:
    return str(email.message_from_bytes(raw, policy=email.policy.default)["subject"] or "").strip()


def _leaks(haystack: str, needles: dict[str, str]) -> list[str]:
    """What was found, described without the value itself."""
    return sorted({what for needle, what in needles.items() if needle in haystack})


def _settings(srv, tenant, workdir: Path) -> Settings:
    return Settings(
        tenant={"tenant_id": tenant.tenant_id, "client_id": CLIENT_ID},
        auth={"method": "client_secret", "client_secret": SecretStr(CLIENT_SECRET), "authority_host": srv.root_url},
        graph={"base_url": srv.base_url, "page_size": 25},
        scope={"mode": "all", "initial_lookback_days": 0, "folders": ["inbox"]},
        actions={"mode": "enforce"},
        records={
            "backend": "folder",
            "folder": {"path": workdir / "records", "encryption_key": SecretStr(RECORDS_KEY)},
        },
        database={"url": f"sqlite:///{workdir / 'hygiene.db'}"},
        notice={"enabled": True},
        security={"hmac_key": SecretStr(HMAC_KEY)},
        audit={"api_token": SecretStr(API_TOKEN)},
        detection={"ocr_enabled": False},
        logging={"level": "DEBUG", "format": "json"},
    )


@pytest.fixture
def debug_logs():
    """A stream that `hygiene.logs.configure` (DEBUG, JSON) writes to; the test calls ``start()`` in its body (a
    fixture's logging setup does not survive into the test phase under pytest's log capture)."""
    stream = io.StringIO()

    def start() -> io.StringIO:
        configure(LoggingSettings(level="DEBUG", format="json"), stream=stream)
        # and the libraries hygiene keeps quiet (an operator chasing a problem turns them up): HTTP, sign-in, SQL
        # with its parameters and rows, the sandbox's server, the PDF reader
        for name in (*QUIET_LOGGERS, "sqlalchemy.engine", "uvicorn", "pypdf"):
            logging.getLogger(name).setLevel(logging.DEBUG)
        return stream

    yield start
    structlog.reset_defaults()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_hygiene", False)]:
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)
    for name in (*QUIET_LOGGERS, "sqlalchemy.engine", "uvicorn", "pypdf"):
        logging.getLogger(name).setLevel(logging.NOTSET)


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_corpus_sweep_at_debug_leaks_no_identifier_subject_or_secret(tmp_path, monkeypatch, debug_logs):
    corpus = _corpus()
    tenant = sandbox.Tenant()
    tenant.add_app(CLIENT_ID, CLIENT_SECRET)
    for upn in MAILBOXES:
        tenant.add_user(upn, upn.split("@")[0].title())
    for i, (raw, _) in enumerate(corpus):
        tenant.deliver(MAILBOXES[i % len(MAILBOXES)], raw)
    needles: dict[str, str] = {}
    for raw, label in corpus:
        for ident in label["identifiers"]:
            for form in identifier_forms(ident["value"]):
                needles[form] = f"identifier ({ident['kind']}) of {label['file']}"
        subject = _subject(raw)
        if label["sensitive"] and len(subject) >= 8:
            needles[subject] = f"subject of {label['file']}"
    raw_all = b"\n".join(raw for raw, _ in corpus).decode("utf-8", "replace")
    # Given: identifiers and subjects that really are in the input
    assert sum(needle in raw_all for needle in needles) >= 40

    logs = debug_logs()
    with sandbox.serve(tenant, tls=True) as srv:
        monkeypatch.setenv("SSL_CERT_FILE", str(srv.ca_file))
        monkeypatch.chdir(tmp_path)
        settings = _settings(srv, tenant, tmp_path)
        metrics = Metrics()
        app = App.from_settings(settings, clock=FakeClock(), create_db=True, retry=FAST, metrics=metrics)
        from hygiene.scheduler import run_once

        async def sweep():
            try:
                first = await run_once(app)
                await run_once(app)  # a second sweep: notices delivered to internal senders, resumed steps
                return first
            finally:
                await app.aclose()

        # When the worker sweeps the corpus with DEBUG logging
        stats = asyncio.run(sweep())
    assert stats.ok
    assert stats.sensitive >= 30
    assert stats.purged == stats.sensitive
    tokens = {token: "a Graph access token" for token in tenant.issued_tokens}
    assert tokens  # the worker really signed in with the client secret
    secrets = {
        CLIENT_SECRET: "the client secret",
        HMAC_KEY: "the HMAC key",
        API_TOKEN: "the API token",
        RECORDS_KEY: "the records encryption key",
        **tokens,
    }

    api = build_api(settings, app.sessions)
    headers = {"Authorization": f"Bearer {API_TOKEN}"}
    responses: list[str] = []
    with TestClient(api) as client:
        events = client.get("/api/v1/events", params={"limit": 500}, headers=headers).json()
        assert events["items"]
        responses.append(orjson.dumps(events).decode())
        month = events["items"][0]["ts"][:7]
        for path in ("/api/v1/events.csv", f"/api/v1/reports/{month}", "/api/v1/mailboxes", "/api/v1/verify"):
            response = client.get(path, headers=headers)
            assert response.status_code == 200, path
            responses.append(response.text)
        case_ids = sorted({e["case_id"] for e in events["items"] if e["case_id"] is not None})
        responses += [client.get(f"/api/v1/cases/{c}", headers=headers).text for c in case_ids]
        client.post("/console/login", data={"token": API_TOKEN})
        for page in ["/console/?lang=en", "/console/cases", "/console/scope"] + [
            f"/console/cases/{c}" for c in case_ids
        ]:
            response = client.get(page)
            assert response.status_code == 200, page
            responses.append(response.text)
    with app.engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        rows = [repr(tuple(row)) for table in tables for row in conn.execute(text(f'SELECT * FROM "{table}"'))]
    app.engine.dispose()
    assert {"message_cases", "audit_events", "notices"} <= set(tables)
    notices = [sent.mime.decode("utf-8", "replace") for sent in tenant.outbox]
    assert notices  # notices went out
    metadata = [path.read_text() for path in (tmp_path / "records").rglob("metadata.json")]
    assert len(metadata) == stats.archived
    surfaces = {
        "logs": logs.getvalue(),
        "tables": "\n".join(rows),
        "metrics": generate_latest(metrics.registry).decode(),
        "api and console": "\n".join(responses),
        "notices": "\n".join(notices),
        "records metadata": "\n".join(metadata),
    }
    assert surfaces["logs"].count('"sweep_finished"') == 2  # the stream really got the run's events ...
    assert '"logger": "httpx"' in surfaces["logs"]  # ... and the libraries' DEBUG lines
    assert '"logger": "sqlalchemy.engine' in surfaces["logs"]

    # Then: none of them holds an identifier, a subject or a secret
    found = {name: _leaks(haystack, {**needles, **secrets}) for name, haystack in surfaces.items()}
    assert found == {name: [] for name in surfaces}
