"""Shared pieces of the pipeline tests: sample messages, a detector double, and an App builder."""

from __future__ import annotations

import random
from pathlib import Path

from pydantic import SecretStr

from hygiene.adapters.graph import RetryPolicy
from hygiene.app import App
from hygiene.clock import FakeClock
from hygiene.domain.extract import Extraction, Limits
from hygiene.domain.verdict import Finding, Verdict
from hygiene.settings import Settings
from tests.worker.fakegraph import BASE

# The "matched value" of the tests: it must never reach logs, audit rows or the state tables.
SECRET = "diagnose-K7731Q"
FAST = RetryPolicy(max_retries=4, base_s=0.001, cap_s=0.005, jitter=random.Random(3))


def mime(subject: str, body: str, *, sender: str = "per@example.org", msgid: str | None = None) -> bytes:
    """A plain-text message."""
    mid = msgid or f"<{abs(hash((subject, body, sender)))}@example.org>"
    return (
        f"From: Per <{sender}>\r\nTo: kari@contoso.example\r\nSubject: {subject}\r\nMessage-ID: {mid}\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


def sensitive(n: int = 0) -> bytes:
    """A message the detector double calls sensitive (health)."""
    return mime(f"Referat {n}", f"Pasienten har {SECRET} og trenger oppfølging ({n}).")


def clean(n: int = 0) -> bytes:
    """A message without sensitive data."""
    return mime(f"Lunsj {n}", f"Hei, lunsj klokka tolv? ({n})")


ENCRYPTED = (
    b"From: Per <per@example.org>\r\nSubject: kryptert\r\nMessage-ID: <enc@example.org>\r\n"
    b"Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggFA\r\n"
)
MALFORMED = (
    b"From: Per <per@example.org>\r\nSubject: x\r\nMessage-ID: <bad@example.org>\r\n"
    b"Content-Type: multipart/mixed\r\n\r\nno boundary here\r\n"
)


class MarkerDetector:
    """A detector double with the `hygiene.domain.classify.Classifier` interface the pipeline uses.

    It runs the real extraction (encryption, parse errors, headers) and reports a ``health`` finding when the text
    holds ``diagnose-``; the real detector (issue: rules) replaces it as soon as it is installed.
    """

    def __init__(self) -> None:
        self.limits = Limits()
        self.mime_requests = 0

    def needs_mime(self, *, subject: str, body: str | None, has_attachments: bool) -> bool:
        self.mime_requests += 1
        return has_attachments or body is None or "diagnose-" in f"{subject}\n{body}"

    def classify_extraction(self, extraction: Extraction) -> Verdict:
        if extraction.encrypted:
            return Verdict(sensitive=False, encrypted=True, language=None, markings=extraction.markings)
        findings = []
        for part in extraction.parts:
            i = part.text.find("diagnose-")
            if i >= 0:
                findings.append(Finding("test_marker", "health", part.where, i, i + 15, 0.9))
        cats = ("health",) if findings else ()
        return Verdict(
            sensitive=bool(findings),
            encrypted=False,
            language="nb",
            categories=cats,
            findings=tuple(findings),
            incomplete_reasons=extraction.incomplete_reasons,
            auto_reply=extraction.auto_reply,
            counts={"health": len(findings)} if findings else {},
        )


def settings_for(
    tmp_path: Path,
    db_url: str,
    *,
    mode: str = "enforce",
    notice: bool = False,
    scope: dict | None = None,
    base_url: str = BASE,
) -> Settings:
    """Settings for a pipeline test against the fake Graph."""
    return Settings(
        graph={"base_url": base_url, "max_concurrency": 4},
        auth={"method": "static_token", "token": SecretStr("sandbox")},
        scope={"mode": "all", "initial_lookback_days": 0, "include_subfolders": True, **(scope or {})},
        actions={"mode": mode},
        records={"backend": "folder", "folder": {"path": tmp_path / "records"}},
        database={"url": db_url},
        notice={"enabled": notice},
        security={"hmac_key": SecretStr("test-key")},
    )


def build(settings: Settings, graph, *, clock: FakeClock, owner: str = "w1", hook=None, metrics=None) -> App:
    """An App wired to the fake Graph's transport and the detector double."""
    return App.from_settings(
        settings,
        clock=clock,
        transport=graph.transport,
        retry=FAST,
        owner=owner,
        step_hook=hook,
        classifier=MarkerDetector(),
        metrics=metrics,
    )


def records_in(tmp_path: Path) -> list[Path]:
    """The record files the folder backend wrote (one manifest per record)."""
    root = tmp_path / "records"
    return sorted(p.parent for p in root.rglob("metadata.json") if ".staging" not in p.parts) if root.exists() else []
