"""The sharepoint backend against a fake Graph drive: round trip, upload session, idempotent retry, faults."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os

import httpx
import orjson
import pytest

from hygiene.adapters.records import build_archive
from hygiene.adapters.records.sharepoint import SharePointArchive, quickxorhash
from hygiene.errors import RecordMismatchError, RecordsError
from hygiene.settings import load_settings
from tests.records.conftest import SECRET_SUBJECT, SECRET_VALUE, make_mime, make_record
from tests.records.fake_drive import FakeDrive


def run(coro):
    return asyncio.run(coro)


def archive_for(fake: FakeDrive, http: httpx.AsyncClient, **kwargs) -> SharePointArchive:
    async def token() -> str:
        return fake.token

    return SharePointArchive(fake.graph_url, fake.drive_id, http=http, token=token, **kwargs)


def naive_quickxorhash(data: bytes) -> str:
    """QuickXorHash byte by byte, straight from its definition (the reference for the folded version)."""
    register, mask = 0, (1 << 160) - 1
    for i, byte in enumerate(data):
        shifted = byte << ((i * 11) % 160)
        register ^= (shifted & mask) ^ (shifted >> 160)
    out = bytearray(register.to_bytes(20, "little"))
    for i, b in enumerate(len(data).to_bytes(8, "little")):
        out[12 + i] ^= b
    return base64.b64encode(bytes(out)).decode()


@pytest.mark.parametrize("size", [0, 1, 3, 159, 160, 161, 1000, 4099])
def test_quickxorhash_matches_the_byte_by_byte_definition(size):
    data = os.urandom(size)
    assert quickxorhash(data) == naive_quickxorhash(data)


def test_quickxorhash_of_nothing_is_all_zero():
    assert quickxorhash(b"") == "AAAAAAAAAAAAAAAAAAAAAAAAAAA="


def test_round_trip_is_idempotent_and_only_the_eml_holds_content(record):
    fake = FakeDrive()

    async def go():
        async with fake.asgi_client() as http:
            archive = archive_for(fake, http, retention_label="Sensitive e-post 10 år")
            first = await archive.put(record)
            second = await archive_for(fake, http).put(record)
            return first, second, await archive.find(record.key), await archive.verify(first)

    first, second, found, ok = run(go())

    assert first == second == found
    assert ok is True
    assert first.backend == "sharepoint"
    assert first.sha256 == hashlib.sha256(record.mime).hexdigest()
    eml = fake.items[f"hygiene/{record.key[:2]}/{record.key}.eml"]
    assert eml.content == record.mime
    assert eml.retention_label == "Sensitive e-post 10 år"
    meta_raw = fake.items[f"hygiene/{record.key[:2]}/{record.key}.json"].content
    meta = orjson.loads(meta_raw)
    assert meta["categories"] == ["health", "national_id"]
    assert meta["sha256"] == first.sha256
    assert SECRET_VALUE.encode() in record.mime
    assert SECRET_VALUE.encode() not in meta_raw
    assert SECRET_SUBJECT.encode() not in meta_raw
    assert len([p for p in fake.items if p.endswith(".eml")]) == 1


def test_large_message_goes_through_an_upload_session_without_the_token():
    fake = FakeDrive()
    record = make_record(make_mime(size=1_200_000))

    async def go():
        async with fake.asgi_client() as http:
            archive = archive_for(fake, http, simple_upload_max_bytes=64 * 1024, chunk_bytes=320 * 1024)
            receipt = await archive.put(record)
            return receipt, await archive.verify(receipt)

    receipt, ok = run(go())

    assert ok is True
    assert fake.items[f"hygiene/{record.key[:2]}/{record.key}.eml"].content == record.mime
    chunks = [r for r in fake.requests if r[1].startswith("/upload/")]
    assert len(chunks) >= 4
    assert not any(had_auth for _, _, had_auth in chunks)
    assert any(p.endswith(":/createUploadSession") for _, p, _ in fake.requests)


def test_crash_after_the_upload_is_found_before_create(record):
    fake = FakeDrive()
    fake.fail(".json", status=503, times=1)  # the .eml is stored, then the metadata upload fails

    async def go():
        async with fake.asgi_client() as http:
            with pytest.raises(RecordsError, match="503"):
                await archive_for(fake, http).put(record)
            found = await archive_for(fake, http).find(record.key)
            again = await archive_for(fake, http).put(record)
            return found, again

    found, again = run(go())

    assert found is not None
    assert found == again
    assert [p.endswith(".eml") for p in fake.items].count(True) == 1
    assert not any(m == "PUT" and p.endswith(".eml:/content") for m, p, _ in fake.requests[-6:])


def test_conflict_on_upload_returns_the_earlier_copy(record):
    fake = FakeDrive()
    path = f"hygiene/{record.key[:2]}/{record.key}.eml"

    async def go():
        async with fake.asgi_client() as http:
            first = await archive_for(fake, http).put(record)
            # another replica's GET missed the item (replication lag): its PUT meets 409 and must read back
            fake.fail(f"root:/{path}", status=404, times=1)
            return first, await archive_for(fake, http).put(record)

    first, second = run(go())
    assert first == second


def test_another_copy_under_the_same_key_is_a_mismatch(record):
    fake = FakeDrive()

    async def go():
        async with fake.asgi_client() as http:
            receipt = await archive_for(fake, http).put(record)
            fake.corrupt(receipt.location.rsplit("/", 1)[-1])
            await archive_for(fake, http).put(record)

    with pytest.raises(RecordMismatchError):
        run(go())


def test_corrupted_or_deleted_copy_fails_verify(record):
    fake = FakeDrive()

    async def go():
        async with fake.asgi_client() as http:
            archive = archive_for(fake, http)
            receipt = await archive.put(record)
            results = [await archive.verify(receipt)]
            fake.corrupt(receipt.location.rsplit("/", 1)[-1])
            results.append(await archive.verify(receipt))
            fake.items.clear()
            results.append(await archive.verify(receipt))
            return results

    assert run(go()) == [True, False, False]


def test_drive_reporting_another_quickxorhash_is_a_mismatch(record):
    fake = FakeDrive(lie_about_hash=True)

    async def go():
        async with fake.asgi_client() as http:
            await archive_for(fake, http).put(record)

    with pytest.raises(RecordMismatchError, match="quickXorHash"):
        run(go())


def test_outage_and_refused_token_are_records_errors(record):
    fake = FakeDrive()
    fake.fail("/drives/", status=503, times=100)

    async def go(bearer: str = fake.token):
        async with fake.asgi_client() as http:

            async def tok() -> str:
                return bearer

            await SharePointArchive(fake.graph_url, fake.drive_id, http=http, token=tok).put(record)

    with pytest.raises(RecordsError, match="503"):
        run(go())
    fake.faults.clear()
    with pytest.raises(RecordsError, match="401"):
        run(go("expired"))
    assert not fake.items


def test_real_http_round_trip_then_outage(record):
    fake = FakeDrive()

    async def go():
        async with httpx.AsyncClient(timeout=5) as http:
            archive = archive_for(fake, http, simple_upload_max_bytes=1024, chunk_bytes=320 * 1024)
            receipt = await archive.put(record)
            return receipt, await archive.verify(receipt)

    with fake.serve():
        receipt, ok = run(go())
    assert ok is True
    assert receipt.location.startswith("http://127.0.0.1:")

    async def later():
        async with httpx.AsyncClient(timeout=2) as http:
            await archive_for(fake, http).put(make_record(message_id="<later@example.org>"))

    with pytest.raises(RecordsError, match="unreachable"):
        run(later())


def test_build_archive_uses_the_graph_settings(record):
    fake = FakeDrive()
    settings = load_settings(
        None,
        graph={"base_url": fake.graph_url},
        records={"backend": "sharepoint", "sharepoint": {"drive_id": fake.drive_id, "folder": "arkiv/e-post"}},
    )

    async def go():
        async with fake.asgi_client() as http:
            archive = build_archive(settings, http_client=http)
            assert isinstance(archive, SharePointArchive)
            return await archive.verify(await archive.put(record))

    assert run(go()) is True
    assert any(p.startswith("arkiv/e-post/") for p in fake.items)
