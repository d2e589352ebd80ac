"""Shared pieces of the Sent Items tests: outgoing messages, settings with the breach register on, audit readers."""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr
from sqlalchemy import select

from hygiene.adapters.store.models import AuditEventRow, BreachRow
from hygiene.settings import Settings

ORG = "kommune.example"
KARI = f"kari@{ORG}"
OLA = f"ola@{ORG}"
OFFICER = f"personvern@{ORG}"
# The "matched value" of the tests (the worker's detector double reports `diagnose-...` as health data).
SECRET = "diagnose-K7731Q"
SUBJECT = "Epikrise for pasient Nordmann"


def outgoing(
    to: list[str],
    *,
    cc: list[str] = (),  # type: ignore[assignment]
    bcc: list[str] = (),  # type: ignore[assignment]
    sensitive: bool = True,
    sender: str = KARI,
    n: int = 0,
    extra_headers: str = "",
    encrypted: bool = False,
) -> bytes:
    """An outgoing message as Sent Items keeps it (To/Cc/Bcc headers); sensitive ones carry `SECRET`."""
    head = f"From: Kari <{sender}>\r\nTo: {', '.join(to)}\r\n"
    if cc:
        head += f"Cc: {', '.join(cc)}\r\n"
    if bcc:
        head += f"Bcc: {', '.join(bcc)}\r\n"
    head += f"Subject: {SUBJECT} {n}\r\nMessage-ID: <out-{n}-{abs(hash(tuple(to)))}@{ORG}>\r\n{extra_headers}"
    if encrypted:
        return (
            head + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggFA\r\n"
        ).encode()
    body = f"Pasienten har {SECRET} og treng oppfølging ({n})." if sensitive else f"Hei, lunsj klokka tolv? ({n})"
    return (head + f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


def breach_settings(
    tmp_path: Path, db_url: str, *, base_url: str, threshold: int = 3, mode: str = "enforce", notice: bool = False
) -> Settings:
    """Settings of a sweep with the breach register on (organisation domain `ORG`, officer `OFFICER`)."""
    return Settings(
        graph={"base_url": base_url, "max_concurrency": 4},
        auth={"method": "static_token", "token": SecretStr("sandbox")},
        scope={"mode": "all", "initial_lookback_days": 0, "include_subfolders": True},
        actions={"mode": mode},
        records={"backend": "folder", "folder": {"path": tmp_path / "records"}},
        database={"url": db_url},
        notice={"enabled": notice},
        security={"hmac_key": SecretStr("test-key")},
        breach={
            "enabled": True,
            "organisation_domains": [ORG],
            "many_recipients_threshold": threshold,
            "privacy_officer_mailbox": OFFICER,
            "reminder_before_deadline_hours": 12,
        },
    )


def breach_rows(sessions) -> list[BreachRow]:
    """The register, oldest first."""
    with sessions() as s:
        return list(s.scalars(select(BreachRow).order_by(BreachRow.id)))


def breach_events(sessions) -> list[AuditEventRow]:
    """The ``breach_*`` audit events, oldest first."""
    with sessions() as s:
        rows = s.scalars(select(AuditEventRow).order_by(AuditEventRow.id)).all()
    return [r for r in rows if r.action.startswith("breach_")]
