"""The sharepoint records backend end to end: the worker archives to the sandbox tenant's document library through
the same Graph root and token as the mail, verifies by quickXorHash and download, and only then deletes (issue 4).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import orjson
from pydantic import SecretStr

from hygiene.adapters.records.sharepoint import quickxorhash
from hygiene.app import App
from hygiene.clock import FakeClock
from hygiene.sandbox import Tenant, serve
from hygiene.scheduler import run_once
from hygiene.settings import Settings

KARI = "kari.nordmann@contoso.example"


def _sweep(srv, db_url: str, clock: FakeClock):
    settings = Settings(
        graph={"base_url": srv.base_url},
        auth={"method": "static_token", "token": SecretStr("sandbox")},
        scope={"mode": "all", "initial_lookback_days": 0},
        actions={"mode": "enforce"},
        records={"backend": "sharepoint", "sharepoint": {"drive_id": "b!records-drive", "folder": "hygiene"}},
        database={"url": db_url},
        notice={"enabled": False},
        security={"hmac_key": SecretStr("integration-test-key")},
    )
    app = App.from_settings(settings, create_db=True, clock=clock)

    async def go():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    return asyncio.run(go())


def test_enforce_archives_to_the_tenants_document_library_before_deleting(tmp_path, corpus_dir):
    tenant = Tenant()
    tenant.add_user(KARI)
    drive = tenant.add_drive("b!records-drive")
    sensitive = corpus_dir / "messages" / "001-innmelding-1-trinn.eml"
    clean = corpus_dir / "messages" / "003-policy-ikke-send-fnr.eml"
    bad = tenant.deliver(KARI, sensitive.read_bytes())
    good = tenant.deliver(KARI, clean.read_bytes())
    db_url = f"sqlite:///{tmp_path / 'h.db'}"

    # Given the library is down for a while, nothing is deleted
    drive.fail("/drives/", status=503, times=1000)
    clock = FakeClock(datetime.now(UTC))
    with serve(tenant) as srv:
        stats = _sweep(srv, db_url, clock)
        assert stats.sensitive == 1
        assert stats.deleted == 0
        assert bad in {m.id for m in tenant.visible_messages(KARI)}
        assert not drive.items

        # When it is back, the next sweep archives, verifies, and only then deletes and purges
        drive.faults.clear()
        clock.advance(timedelta(minutes=5))  # past the case's retry time
        _sweep(srv, db_url, clock)
    visible = {m.id for m in tenant.visible_messages(KARI)}
    assert bad not in visible
    assert good in visible
    assert bad in {m.id for m in tenant.purged(KARI)}
    emls = [item for path, item in drive.items.items() if path.endswith(".eml")]
    assert len(emls) == 1
    assert emls[0].content == sensitive.read_bytes()  # the original MIME, unchanged
    assert quickxorhash(emls[0].content) == quickxorhash(sensitive.read_bytes())
    metadata = [orjson.loads(item.content) for path, item in drive.items.items() if path.endswith(".json")]
    assert metadata
    text = orjson.dumps(metadata).decode()
    assert "19061989121" not in text  # the labelled identifier of this message is never in the metadata
