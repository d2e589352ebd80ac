"""The whole routine on the sandbox tenant with the real detector: the labelled corpus is delivered to one mailbox,
one `hygiene run --once` sweep in enforce mode handles it, and then

- the sandbox's outbox holds exactly one notice per noticed case, each a new message (no In-Reply-To/References)
  with the fixed subject, to the original sender, never quoting the subject or any identifier (issue 5);
- auto-replies and encrypted mail get no notice and stay in the mailbox (encrypted) or are handled silently;
- `hygiene audit query` (the privacy officer's command) returns the right rows per mailbox, category, action and
  case, and `hygiene audit verify` accepts the chain (issue 6), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import re
from pathlib import Path

import orjson
import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from hygiene.app import App
from hygiene.cli import app as cli
from hygiene.db import upgrade
from hygiene.domain.classify import Classifier
from hygiene.sandbox import Tenant, serve
from hygiene.scheduler import run_once
from hygiene.settings import Settings
from tests.conftest import empty_database

POSTMOTTAK = "postmottak@contoso.example"
OTHER = "kari.nordmann@contoso.example"


def _labels(corpus: Path) -> list[dict]:
    return [orjson.loads(line) for line in (corpus / "labels.jsonl").read_text().splitlines() if line.strip()]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def swept(request, corpus_dir, tmp_path_factory):
    """The corpus split over two mailboxes of a sandbox tenant, swept once in enforce mode (once per database)."""
    tmp_path = tmp_path_factory.mktemp("enforce")
    if request.param == "sqlite":
        db_url = f"sqlite:///{tmp_path / 'hygiene.db'}"
    else:
        db_url = request.getfixturevalue("pg_url")
        empty_database(db_url)
    upgrade(db_url)
    tenant = Tenant()
    tenant.add_user(POSTMOTTAK, "Postmottak")
    tenant.add_user(OTHER, "Kari Nordmann")
    labels = _labels(corpus_dir)
    delivered: dict[str, dict] = {}
    for i, label in enumerate(labels):
        mime = (corpus_dir / label["file"]).read_bytes()
        mailbox = POSTMOTTAK if i % 3 else OTHER
        mid = tenant.deliver(mailbox, mime)
        delivered[mid] = {**label, "mailbox": mailbox, "mime": mime}
    with serve(tenant, token="sandbox", port=0) as srv:
        settings = Settings(
            graph={"base_url": srv.base_url},
            auth={"method": "static_token", "token": SecretStr("sandbox")},
            scope={"mode": "all", "initial_lookback_days": 0},
            actions={"mode": "enforce"},
            records={"backend": "folder", "folder": {"path": tmp_path / "records"}},
            database={"url": db_url},
            notice={"enabled": True, "per_sender_window_hours": 0},
            security={"hmac_key": SecretStr("integration-test-key")},
        )
        app = App.from_settings(settings)

        async def sweep():
            try:
                return await run_once(app)
            finally:
                await app.aclose()

        stats = asyncio.run(sweep())
    (tmp_path / "settings.toml").write_text("")
    _ENV.update(HYGIENE_DATABASE__URL=db_url, HYGIENE_CONFIG=str(tmp_path / "settings.toml"))
    classifier = Classifier.from_settings(settings.detection)
    verdicts = {mid: classifier.classify(d["mime"]) for mid, d in delivered.items()}
    return tenant, delivered, verdicts, stats


_ENV: dict[str, str] = {}


def _hygiene(*args: str):
    """``hygiene ARGS`` against the swept database (no settings file: defaults + the database URL)."""
    return CliRunner().invoke(cli, list(args), env=_ENV, catch_exceptions=False)


def _query(*args: str) -> list[dict]:
    result = _hygiene("audit", "query", "--format", "json", "--limit", "100000", *args)
    assert result.exit_code == 0, result.output
    doc = orjson.loads(result.output)
    return doc["events"] if isinstance(doc, dict) else doc


def test_sensitive_mail_is_gone_and_everything_else_stays(swept):
    tenant, delivered, verdicts, stats = swept
    sensitive = {mid for mid, v in verdicts.items() if v.sensitive}
    assert sensitive, "the corpus has sensitive mail"
    assert stats.sensitive == len(sensitive)
    for mid, d in delivered.items():
        visible = {m.id for m in tenant.visible_messages(d["mailbox"])}
        purged = {m.id for m in tenant.purged(d["mailbox"])}
        if mid in sensitive:
            assert mid not in visible, d["file"]
            assert mid in purged, d["file"]
        else:
            assert mid in visible, d["file"]  # clean, encrypted, auto-replies: untouched
            assert mid not in purged, d["file"]


def test_the_outbox_holds_exactly_the_notices_and_none_leaks(swept):
    tenant, delivered, verdicts, _ = swept
    noticed_events = _query("--action", "notice_sent")
    notices = [s for s in tenant.outbox if any(n.lower() == "x-hygiene-notice" for n, _ in s.headers)]
    assert len(notices) == len(tenant.outbox)  # hygiene sends nothing else
    assert len(notices) == len(noticed_events) > 0
    keys = [v for s in notices for n, v in s.headers if n.lower() == "x-hygiene-notice"]
    assert len(set(keys)) == len(keys)  # one notice per case

    senders_of_sensitive = set()
    auto_reply_senders = set()
    for mid, d in delivered.items():
        sender = email.message_from_bytes(d["mime"], policy=email.policy.default).get("From", "")
        addr = email.utils.parseaddr(str(sender))[1].lower()
        if verdicts[mid].sensitive and not verdicts[mid].auto_reply:
            senders_of_sensitive.add(addr)
        if verdicts[mid].auto_reply:
            auto_reply_senders.add(addr)

    subjects = {
        str(email.message_from_bytes(d["mime"], policy=email.policy.default).get("Subject", "")).strip()
        for d in delivered.values()
    }
    identifiers = {_digits(i["value"]) for d in delivered.values() for i in d["identifiers"]}
    identifiers = {i for i in identifiers if len(i) >= 8}
    for sent in notices:
        assert len(sent.to) == 1
        assert not sent.cc
        assert not sent.bcc
        assert sent.to[0].lower() in senders_of_sensitive
        assert sent.to[0].lower() not in auto_reply_senders - senders_of_sensitive
        assert sent.subject not in subjects  # a fixed template subject, never the original one
        parsed = email.message_from_bytes(sent.mime, policy=email.policy.default)
        assert parsed.get("In-Reply-To") is None  # a new mail, not a reply
        assert parsed.get("References") is None
        text = sent.mime.decode("utf-8", "replace")
        body = "".join(part.get_content() for part in parsed.walk() if part.get_content_maintype() == "text")
        for subject in subjects:
            if len(subject) >= 12:
                assert subject not in body
        flat = _digits(text + body)
        for value in identifiers:
            assert value not in flat


def test_audit_queries_return_the_right_rows(swept):
    tenant, delivered, verdicts, _ = swept
    detected = _query("--action", "detected")
    assert len(detected) == sum(v.sensitive for v in verdicts.values())
    per_mailbox = {mb: sum(v.sensitive for mid, v in verdicts.items() if delivered[mid]["mailbox"] == mb)
                   for mb in (POSTMOTTAK, OTHER)}  # fmt: skip
    for mailbox, expected in per_mailbox.items():
        rows = _query("--mailbox", mailbox, "--action", "detected")
        assert len(rows) == expected
        assert {r["mailbox"] for r in rows} == {mailbox}
    health = _query("--category", "health", "--action", "detected")
    assert len(health) == sum("health" in v.categories for v in verdicts.values())
    assert all("health" in r["categories"] for r in health)

    case_id = detected[0]["case_id"]
    history = [r["action"] for r in sorted(_query("--case", str(case_id)), key=lambda r: r["id"])]
    assert history[:5] == ["detected", "flagged", "archived", "deleted", "purged"]
    assert history[-1] in ("notice_sent", "notice_suppressed")

    skipped = _query("--action", "skipped")
    encrypted = sum(v.encrypted for v in verdicts.values())
    assert sum(r["detail"].get("reason") == "encrypted" for r in skipped) == encrypted

    result = _hygiene("audit", "verify")
    assert result.exit_code == 0, result.output
