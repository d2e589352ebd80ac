"""The breach register against the sandbox tenant over real HTTP, with the real detector and a fake clock.

One tenant holds every path at once: in Kari's Sent Items a candidate by external domain, one by many exposed
addresses, one by an external Bcc, internal-only, encrypted, clean, and one of hygiene's own notices; in Ola's
inbox a sensitive message the enforce routine handles. Then the deadline reminders come from the housekeeping
check as the clock moves.
"""

from __future__ import annotations

import asyncio
import copy
import random
from datetime import timedelta

import pytest

from hygiene.app import App
from hygiene.breach import HEADER
from hygiene.clock import FakeClock
from hygiene.domain import audit as actions
from hygiene.domain.notice import HEADER as NOTICE_HEADER
from hygiene.sandbox import Tenant, serve
from hygiene.sandbox.ids import no_fnr
from hygiene.scheduler import Worker, run_once
from tests.breach.support import KARI, OFFICER, OLA, ORG, breach_events, breach_rows, breach_settings
from tests.worker.pipeline_support import FAST

FNR = no_fnr(random.Random(9))
EXTERNAL = "lege@klinikk.example"
PARENTS = [f"forelder{i}@gmail.example" for i in range(3)]
CHANGING_ROUTES = ("messages.update", "messages.delete", "messages.move", "messages.permanentDelete")


def _mail(to: list[str], body: str, *, cc: list[str] = (), n: int, extra: str = "", sender: str = KARI) -> bytes:  # type: ignore[assignment]
    head = f"From: <{sender}>\r\nTo: {', '.join(to)}\r\n" + (f"Cc: {', '.join(cc)}\r\n" if cc else "")
    return (
        f"{head}Subject: Oppfølging {n}\r\nMessage-ID: <sb-{n}@{ORG}>\r\n{extra}"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


SENSITIVE = f"Hei, her er epikrisen. Fødselsnummer: {FNR}. Pasienten har diabetes type 2 og depresjon."
CLEAN = "Hei! Møtet er flytta til torsdag klokka ti. Helsing Kari"
SMIME = (
    f"From: <{KARI}>\r\nTo: {EXTERNAL}\r\nSubject: Kryptert\r\nMessage-ID: <sb-enc@{ORG}>\r\n"
    "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
    "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggFA\r\n"
).encode()


@pytest.fixture
def tenant() -> Tenant:
    t = Tenant()
    for upn in (KARI, OLA, OFFICER):
        t.add_user(upn)
    sent = {
        "external": _mail([EXTERNAL], SENSITIVE, n=1),
        "exposed": _mail(PARENTS[:2], SENSITIVE, cc=PARENTS[2:], n=2),
        "internal": _mail([OLA], SENSITIVE, n=3),
        "encrypted": SMIME,
        "clean": _mail([EXTERNAL], CLEAN, n=4),
        "own_notice": _mail([EXTERNAL], SENSITIVE, n=5, extra=f"{NOTICE_HEADER}: {'c' * 64}\r\n"),
        "bcc": _mail([OLA], SENSITIVE, n=7, extra="Bcc: advokat@firma.example\r\n"),
    }
    t.ids = {name: t.deliver(KARI, mime, folder="sentitems") for name, mime in sent.items()}  # type: ignore[attr-defined]
    t.deliver(OLA, _mail([OLA], SENSITIVE, n=6, sender="lege@klinikk.example"))
    return t


def _snapshot(tenant: Tenant, upn: str) -> list[tuple]:
    return [
        (m.id, m.folder_id, m.mime, list(m.categories), copy.deepcopy(m.flag), m.version, m.purged)
        for m in tenant.sent_items(upn)
    ]


def test_every_path_against_the_sandbox(tmp_path, breach_db_url, tenant):
    before = _snapshot(tenant, KARI)
    clock = FakeClock()
    with serve(tenant, token="sandbox") as running:
        settings = breach_settings(tmp_path, breach_db_url, base_url=running.base_url, threshold=3)
        app = App.from_settings(settings, clock=clock, retry=FAST, owner="w1")  # the real detector

        async def scenario():
            worker = Worker(app)
            try:
                stats = await run_once(app)
                reminders = app.breach.reminders
                results = [await reminders.remind_due()]
                clock.advance(timedelta(hours=59, minutes=59))
                results.append(await reminders.remind_due())
                clock.advance(timedelta(minutes=1))
                await worker.breach_reminders()  # the scheduler's job
                results.append(await reminders.remind_due())
                return stats, results
            finally:
                await app.aclose()

        stats, results = asyncio.run(scenario())

    # Two candidates, by external domain and by exposed addresses; nothing else
    rows = breach_rows(app.sessions)
    assert [(r.recipient_domains, r.reasons) for r in rows] == [
        ({"klinikk.example": 1}, ["external_recipient"]),
        ({"gmail.example": 3}, ["external_recipient", "exposed_addresses"]),
        ({"firma.example": 1, ORG: 1}, ["external_recipient"]),  # Bcc, from Graph's bccRecipients
    ]
    assert all(r.categories == ["national_id", "health"] and r.mailbox == KARI for r in rows)
    assert stats.breach_candidates == 3
    # Nothing in Sent Items changed: no changing request reached Kari's mailbox, every item is as it was
    # MIME read for the external, exposed, Bcc, S/MIME and own-notice messages; the internal-only one is known to
    # be internal from the delta page's recipients, the clean one from the prescreen
    assert tenant.mailbox_requests[(KARI, "messages.value")] == 5
    assert all(tenant.mailbox_requests[(KARI, route)] == 0 for route in CHANGING_ROUTES)
    assert _snapshot(tenant, KARI) == before
    # ... while Ola's inbox message went through the enforce routine in the same sweep
    assert tenant.inbox(OLA) == []
    assert tenant.mailbox_requests[(OLA, "messages.delete")] == 1
    # Reminders: one per candidate at discovery, one each 12 hours before the deadline, never again
    assert results == [{}, {}, {}]
    reminders = [m for m in tenant.outbox if any(k.lower() == HEADER.lower() for k, _ in m.headers)]
    assert len(reminders) == 6
    assert {tuple(m.to) for m in reminders} == {(OFFICER,)}
    assert all(m.mailbox == OFFICER for m in reminders)
    for m in reminders:
        assert FNR.encode() not in m.mime
        assert b"diabetes" not in m.mime
        assert EXTERNAL.encode() not in m.mime
    kinds = [(e.action, e.detail.get("breach_id")) for e in breach_events(app.sessions)]
    assert sorted(kinds, key=str) == sorted(
        [(actions.BREACH_DETECTED, r.id) for r in rows]
        + [(actions.BREACH_NOTIFIED, r.id) for r in rows]
        + [(actions.BREACH_REMINDER, r.id) for r in rows],
        key=str,
    )


def test_sent_mail_filed_in_a_subfolder_of_sent_items_is_scanned(tmp_path, breach_db_url):
    # Given sensitive mail to an external address filed in Sent Items/Pasienter/2026 (two levels down)
    t = Tenant()
    for upn in (KARI, OLA, OFFICER):
        t.add_user(upn)
    filed = t.deliver(KARI, _mail([EXTERNAL], SENSITIVE, n=11), folder="sentitems/Pasienter/2026")
    t.deliver(KARI, _mail([EXTERNAL], CLEAN, n=12), folder="sentitems/Pasienter")
    with serve(t, token="sandbox") as running:
        settings = breach_settings(tmp_path, breach_db_url, base_url=running.base_url, threshold=3)
        app = App.from_settings(settings, clock=FakeClock(), retry=FAST, owner="w1")

        async def sweep():
            try:
                return await run_once(app)
            finally:
                await app.aclose()

        stats = asyncio.run(sweep())
    # Then it is a breach candidate like one in the Sent Items root, and the clean one is not
    assert stats.sent_scanned == 2
    assert stats.breach_candidates == 1
    rows = breach_rows(app.sessions)
    assert [(r.mailbox, r.recipient_domains) for r in rows] == [(KARI, {"klinikk.example": 1})]
    # ... and nothing there changed
    assert t.message(KARI, filed).categories == []
    assert t.count("messages.update") == t.count("messages.delete") == t.count("messages.permanentDelete") == 0
