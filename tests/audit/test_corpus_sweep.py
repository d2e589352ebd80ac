"""A sweep of the whole labelled corpus through the worker, then the audit log as the privacy officer sees it.

Issue 6, "done when": the queries return the right rows on SQLite and PostgreSQL for a sweep, and no audit row,
log line, API response or console page contains a matched value or a message subject. The sweep runs the real
pipeline (fake Graph tenant, real MIME extraction, real folder records) with a detector that reports exactly what
the corpus labels say, so the expected rows are known; the identifiers and subjects are first shown to be in the
input, then searched for everywhere the audit log reaches.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import re
from collections import Counter
from pathlib import Path

import httpx
import orjson
import pytest
import structlog
from pydantic import SecretStr
from sqlalchemy import text
from starlette.testclient import TestClient

from hygiene.api.app import build_api
from hygiene.clock import FakeClock
from hygiene.domain.extract import Extraction, Limits
from hygiene.domain.verdict import Finding, Verdict

pytest.importorskip("hygiene.scheduler", reason="the worker's pipeline is not installed")
from hygiene.scheduler import run_once  # noqa: E402
from tests.conftest import find_corpus  # noqa: E402
from tests.worker.fakegraph import BASE, FakeGraph  # noqa: E402
from tests.worker.pipeline_support import FAST, settings_for  # noqa: E402

CORPUS = find_corpus() or Path(__file__).resolve().parents[3] / "shared" / "corpus"
MAILBOXES = ["kari@contoso.example", "ola@contoso.example", "siri@contoso.example"]
API_TOKEN = "corpus-sweep-token"
KIND_CATEGORY = {
    "no_fnr": "national_id",
    "no_dnr": "national_id",
    "no_hnr": "national_id",
    "se_pnr": "national_id",
    "se_samnr": "national_id",
    "dk_cpr": "national_id",
    "fi_hetu": "national_id",
    "no_kontonr": "bank_account",
    "iban": "bank_account",
    "card": "payment_card",
}


class StableDeltaGraph(FakeGraph):
    """FakeGraph with keyset skip tokens: its index-based ``$skiptoken`` skips messages when earlier ones move out
    of the folder between pages (as deletions do during a sweep); Graph's own tokens do not."""

    def _delta(self, upn: str, folder: str, q: dict[str, str]) -> httpx.Response:
        key = (upn, folder)
        gen = self._generation.setdefault(key, 0)
        after = 0
        if "$deltatoken" in q or "$skiptoken" in q:
            token = q.get("$deltatoken") or q["$skiptoken"]
            g, after_s, _ = token.split(".")
            if int(g) != gen:
                return httpx.Response(410, json={"error": {"code": "SyncStateNotFound", "message": "expired"}})
            after = int(after_s)
        msgs = sorted((m for m in self.folder(upn, folder) if m.seq > after), key=lambda m: m.seq)
        page = msgs[:3]
        base = f"{BASE}/users/{upn}/mailFolders/{folder}/messages/delta"
        body: dict = {
            "value": [
                {
                    "id": m.id,
                    "internetMessageId": m.imid,
                    "receivedDateTime": "2026-11-01T10:00:00Z",
                    "from": {"emailAddress": {"address": m.sender}},
                    "subject": m.subject,
                    "hasAttachments": m.has_attachments,
                    "body": {"contentType": "text", "content": m.body},
                }
                for m in page
            ]
        }
        last = max((m.seq for m in page), default=after)
        link = "@odata.nextLink" if len(msgs) > len(page) else "@odata.deltaLink"
        body[link] = f"{base}?{'$skiptoken' if link == '@odata.nextLink' else '$deltatoken'}={gen}.{last}.0"
        return httpx.Response(200, json=body)


def _corpus() -> list[tuple[bytes, dict]]:
    labels_file = CORPUS / "labels.jsonl"
    if not labels_file.exists():
        import os

        if os.environ.get("CI"):
            raise RuntimeError(f"the corpus is missing at {CORPUS}")
        pytest.skip(f"the corpus is missing at {CORPUS}")
    out = []
    for line in labels_file.read_text(encoding="utf-8").splitlines():
        label = orjson.loads(line)
        out.append(((CORPUS / label["file"]).read_bytes(), label))
    return out


def _message_id(raw: bytes) -> str:
    return str(email.message_from_bytes(raw, policy=email.policy.default)["message-id"]).strip()


class LabelDetector:
    """A detector double reporting what the corpus labels say (by Message-ID), after the real extraction.

    Every message is fetched in full (``needs_mime`` is always true), so every identifier passes through the
    pipeline. Findings carry spans and kinds only, like the real detector's.
    """

    def __init__(self, labels: dict[str, dict]) -> None:
        self.labels = labels
        self.limits = Limits()

    def needs_mime(self, *, subject: str, body: str | None, has_attachments: bool) -> bool:
        return True

    def classify_extraction(self, extraction: Extraction) -> Verdict:
        label = self.labels.get(extraction.headers.get("message-id", "").strip())
        if label is None or extraction.encrypted or label["encrypted"]:
            return Verdict(sensitive=False, encrypted=extraction.encrypted, language=None)
        findings = [Finding(i["kind"], KIND_CATEGORY[i["kind"]], i["where"], 0, 1, 0.95) for i in label["identifiers"]]
        covered = {f.category for f in findings}
        findings += [Finding(f"{c}_term", c, "body", 0, 1, 0.8) for c in label["categories"] if c not in covered]
        return Verdict(
            sensitive=label["sensitive"],
            encrypted=False,
            language=label["lang"],
            categories=tuple(sorted(label["categories"])),
            findings=tuple(findings) if label["sensitive"] else (),
            incomplete_reasons=extraction.incomplete_reasons,
            auto_reply=extraction.auto_reply,
            counts=dict(Counter(f.kind for f in findings)) if label["sensitive"] else {},
        )


def _secrets(corpus: list[tuple[bytes, dict]]) -> tuple[set[str], set[str]]:
    """Every identifier value (as written and digits only) and every subject of a sensitive message."""
    values, subjects = set(), set()
    for raw, label in corpus:
        for ident in label["identifiers"]:
            values.add(ident["value"])
            digits = re.sub(r"\D", "", ident["value"])
            if len(digits) >= 8:
                values.add(digits)
        subject = str(email.message_from_bytes(raw, policy=email.policy.default)["subject"] or "").strip()
        if label["sensitive"] and len(subject) >= 8:
            subjects.add(subject)
    return values, subjects


def _leaks(haystack: str, values: set[str], subjects: set[str]) -> list[str]:
    found = [f"value of length {len(v)}" for v in values if v in haystack]
    found += [f"subject of length {len(s)}" for s in subjects if s in haystack]
    return found


def test_a_corpus_sweep_is_queryable_and_nothing_leaks(tmp_path, audit_db_url, monkeypatch):
    corpus = _corpus()
    labels = {_message_id(raw): label for raw, label in corpus}
    assert len(labels) == len(corpus)
    graph = StableDeltaGraph()
    for upn in MAILBOXES:
        graph.add_user(upn)
    expected_detected: Counter[str] = Counter()
    expected_category: Counter[str] = Counter()
    for i, (raw, label) in enumerate(corpus):
        upn = MAILBOXES[i % len(MAILBOXES)]
        graph.deliver(upn, raw)
        if label["sensitive"] and not label["encrypted"]:
            expected_detected[upn] += 1
            for cat in label["categories"]:
                expected_category[cat] += 1
    values, subjects = _secrets(corpus)
    raw_all = b"\n".join(raw for raw, _ in corpus).decode("utf-8", "replace")
    # Given identifiers and subjects that are really in the input (others hide in base64 attachments or encoded
    # headers, which the extraction decodes)
    assert len(values) > 50
    assert sum(v in raw_all for v in values) >= 20
    assert len(subjects) > 40

    settings = settings_for(tmp_path, audit_db_url)
    monkeypatch.chdir(tmp_path)
    from hygiene.app import App

    app = App.from_settings(
        settings, clock=FakeClock(), transport=graph.transport, retry=FAST, owner="w1", classifier=LabelDetector(labels)
    )

    async def sweep():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    # When the worker sweeps every mailbox once
    with structlog.testing.capture_logs() as logs:
        stats = asyncio.run(sweep())
    assert stats.ok, stats
    assert stats.sensitive == sum(expected_detected.values())

    api = build_api(
        settings.model_copy(update={"audit": settings.audit.model_copy(update={"api_token": SecretStr(API_TOKEN)})}),
        app.sessions,
    )
    headers = {"Authorization": f"Bearer {API_TOKEN}"}
    with TestClient(api) as client:

        def events(**params) -> list[dict]:
            out, cursor = [], None
            while True:
                page = client.get(
                    "/api/v1/events",
                    params={**params, "limit": 500, **({"cursor": cursor} if cursor else {})},
                    headers=headers,
                ).json()
                out += page["items"]
                cursor = page["next_cursor"]
                if cursor is None:
                    return out

        # Then the queries return the right rows
        everything = events()
        assert client.get("/api/v1/verify", headers=headers).json()["ok"] is True
        for upn in MAILBOXES:
            detected = events(mailbox=upn, action="detected")
            assert len(detected) == expected_detected[upn], upn
            assert {e["mailbox"] for e in detected} == {upn}
        for cat, n in expected_category.items():
            assert len(events(category=cat, action="detected")) == n, cat
        some_case = next(e["case_id"] for e in everything if e["action"] == "deleted")
        history = client.get(f"/api/v1/cases/{some_case}", headers=headers).json()
        assert [e["action"] for e in history["events"]][:2] == ["detected", "flagged"]
        assert history["case"]["receipt"]
        month = everything[0]["ts"][:7]
        report = client.get(f"/api/v1/reports/{month}", headers=headers).json()
        assert report["per_action"]["detected"] == sum(expected_detected.values())

        # ... and no matched value or subject is in any audit row, table, API response, console page or log line
        responses = [
            orjson.dumps(everything).decode(),
            client.get("/api/v1/events.csv", headers=headers).text,
            client.get(f"/api/v1/reports/{month}", headers=headers).text,
            client.get("/api/v1/mailboxes", headers=headers).text,
        ]
        case_ids = sorted({e["case_id"] for e in everything if e["case_id"] is not None})
        responses += [client.get(f"/api/v1/cases/{c}", headers=headers).text for c in case_ids]
        client.post("/console/login", data={"token": API_TOKEN})
        pages = ["/console/?lang=en", "/console/cases", "/console/scope"] + [f"/console/cases/{c}" for c in case_ids]
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, page
            responses.append(response.text)
    with app.engine.connect() as conn:
        tables = [
            repr(tuple(row))
            for table in ("mailboxes", "folder_sync", "message_cases", "notices", "audit_events")
            for row in conn.execute(text(f"SELECT * FROM {table}"))
        ]
    app.engine.dispose()
    assert len(case_ids) >= sum(expected_detected.values())
    assert _leaks("\n".join(tables), values, subjects) == []
    assert _leaks("\n".join(responses), values, subjects) == []
    assert _leaks(repr(logs), values, subjects) == []
