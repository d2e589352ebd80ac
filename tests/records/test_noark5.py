"""The noark5 backend against a fake N5WS server: discovery, creation, upload, idempotent retry, faults, auth."""

from __future__ import annotations

import asyncio
import hashlib

import httpx
import orjson
import pytest

from hygiene.adapters.records import build_archive
from hygiene.adapters.records.noark5 import KEY_PREFIX, Noark5Archive
from hygiene.errors import RecordMismatchError, RecordsError
from hygiene.settings import load_settings
from tests.records.conftest import SECRET_SUBJECT, SECRET_VALUE, make_record
from tests.records.fake_noark5 import FakeNoark5


def run(coro):
    return asyncio.run(coro)


def archive_for(fake: FakeNoark5, http: httpx.AsyncClient, **kwargs) -> Noark5Archive:
    options = {
        "token_url": fake.token_url,
        "client_id": "hygiene",
        "client_secret": "s3cret",
        "screening_authority": "Offl. § 13, jf. fvl. § 13",
    }
    options.update(kwargs)
    return Noark5Archive(fake.api_url, http=http, **options)


async def put_twice(fake: FakeNoark5, record):
    async with fake.asgi_client() as http:
        archive = archive_for(fake, http)
        first = await archive.put(record)
        second = await archive.put(record)
        found = await archive.find(record.key)
        ok = await archive.verify(first)
    return first, second, found, ok


def test_round_trip_registers_an_incoming_screened_journalpost_with_the_eml(record):
    fake = FakeNoark5()

    first, second, found, ok = run(put_twice(fake, record))

    assert first == second == found
    assert ok is True
    assert first.backend == "noark5"
    assert first.sha256 == hashlib.sha256(record.mime).hexdigest()
    [arkivdel] = fake.of_type("arkivdel")
    assert arkivdel.fields["tittel"] == "Sensitive e-post"
    [case_file] = fake.of_type("saksmappe")
    assert case_file.parent == arkivdel.id
    assert case_file.fields["skjerming"]["tilgangsrestriksjon"]["kode"] == "13"
    [post] = fake.of_type("journalpost")
    assert post.parent == case_file.id
    assert post.fields["journalposttype"]["kode"] == "I"
    assert post.fields["tittel"] == record.title
    assert post.fields["beskrivelse"] == KEY_PREFIX + record.key
    assert post.fields["skjerming"]["skjermingshjemmel"] == "Offl. § 13, jf. fvl. § 13"
    [party] = fake.of_type("korrespondansepart")
    assert party.fields["korrespondanseparttype"]["kode"] == "EA"
    assert party.fields["kontaktinformasjon"]["epostadresse"] == record.sender
    descriptions = sorted(fake.of_type("dokumentbeskrivelse"), key=lambda d: d.fields["dokumentnummer"])
    assert [d.fields["tilknyttetRegistreringSom"]["kode"] for d in descriptions] == ["H", "V"]
    eml_obj, meta_obj = (next(o for o in fake.of_type("dokumentobjekt") if o.parent == d.id) for d in descriptions)
    assert fake.files[eml_obj.id] == record.mime
    assert eml_obj.fields["sjekksum"] == first.sha256
    assert eml_obj.fields["sjekksumAlgoritme"] == "SHA-256"
    assert eml_obj.fields["filstoerrelse"] == len(record.mime)
    assert eml_obj.fields["format"]["kode"] == "RFC 5322"
    meta = orjson.loads(fake.files[meta_obj.id])
    assert meta["categories"] == ["health", "national_id"]
    assert meta["counts"] == {"health": 1, "national_id": 1}
    assert meta["key"] == record.key


def test_only_the_eml_holds_the_subject_and_the_value(record):
    fake = FakeNoark5()
    assert SECRET_VALUE.encode() in record.mime
    assert SECRET_SUBJECT.encode() in record.mime

    run(put_twice(fake, record))

    [eml_obj] = [o for o in fake.of_type("dokumentobjekt") if o.fields.get("filnavn") == "message.eml"]
    everything_else = orjson.dumps([o.fields for o in fake.objects.values()]) + b"".join(
        data for oid, data in fake.files.items() if oid != eml_obj.id
    )
    assert SECRET_VALUE.encode() not in everything_else
    assert SECRET_SUBJECT.encode("utf-8") not in everything_else


def test_everything_is_discovered_from_the_root_links(record):
    fake = FakeNoark5()

    run(put_twice(fake, record))

    method, path, status = fake.requests[0]
    assert (method, path, status) == ("GET", "/noark5v5/", 200)
    assert any(p.endswith("/ny-journalpost/") for _, p, _ in fake.requests)


def test_second_record_goes_into_the_same_case_file():
    fake = FakeNoark5()

    async def go():
        async with fake.asgi_client() as http:
            archive = archive_for(fake, http)
            await archive.put(make_record())
            # a fresh client process: the case file must be found, not created again
            await archive_for(fake, http).put(make_record(message_id="<other@example.org>"))

    run(go())

    assert len(fake.of_type("saksmappe")) == 1
    assert len(fake.of_type("journalpost")) == 2


def test_crash_between_journalpost_and_upload_resumes_without_a_second_post(record):
    fake = FakeNoark5()
    fake.fail("referanseFil", status=503, times=1, method="POST")

    async def go():
        async with fake.asgi_client() as http:
            with pytest.raises(RecordsError, match="503"):
                await archive_for(fake, http).put(record)
            # the process "restarts": find-before-create sees no finished record
            assert await archive_for(fake, http).find(record.key) is None
            receipt = await archive_for(fake, http).put(record)
            return receipt, await archive_for(fake, http).verify(receipt)

    receipt, ok = run(go())

    assert ok is True
    assert len(fake.of_type("journalpost")) == 1
    assert len(fake.of_type("dokumentobjekt")) == 2
    assert receipt.sha256 == record.sha256


def test_crash_after_the_eml_upload_is_found_before_create(record):
    fake = FakeNoark5()

    async def go():
        async with fake.asgi_client() as http:
            # the .eml is uploaded, then the process dies while creating the metadata document (the second one)
            archive = archive_for(fake, http)
            real_create = archive._create
            calls = {"n": 0}

            async def flaky(parent, relation, body, *, what):
                if what == "dokumentbeskrivelse":
                    calls["n"] += 1
                    if calls["n"] == 2:
                        raise RecordsError("simulated crash")
                return await real_create(parent, relation, body, what=what)

            archive._create = flaky
            with pytest.raises(RecordsError, match="simulated crash"):
                await archive.put(record)
            found = await archive_for(fake, http).find(record.key)
            again = await archive_for(fake, http).put(record)
            return found, again

    found, again = run(go())

    assert found is not None
    assert found == again
    assert len(fake.of_type("journalpost")) == 1
    assert len(fake.of_type("dokumentbeskrivelse")) == 2


def test_corrupted_copy_is_detected_by_verify(record):
    fake = FakeNoark5()

    async def go():
        async with fake.asgi_client() as http:
            archive = archive_for(fake, http)
            receipt = await archive.put(record)
            before = await archive.verify(receipt)
            [eml_obj] = [o for o in fake.of_type("dokumentobjekt") if o.fields.get("filnavn") == "message.eml"]
            fake.corrupt(eml_obj.id)
            return before, await archive.verify(receipt)

    assert run(go()) == (True, False)


def test_missing_file_fails_verify(record):
    fake = FakeNoark5()

    async def go():
        async with fake.asgi_client() as http:
            archive = archive_for(fake, http)
            receipt = await archive.put(record)
            fake.files.clear()
            return await archive.verify(receipt)

    assert run(go()) is False


def test_server_reporting_another_checksum_is_a_mismatch(record):
    fake = FakeNoark5(lie_about_checksum=True)

    async def go():
        async with fake.asgi_client() as http:
            await archive_for(fake, http).put(record)

    with pytest.raises(RecordMismatchError, match="another checksum"):
        run(go())


def test_wrong_client_secret_is_a_clear_error_without_the_secret(record):
    fake = FakeNoark5()

    async def go():
        async with fake.asgi_client() as http:
            await archive_for(fake, http, client_secret="wrong-secret-value").put(record)

    with pytest.raises(RecordsError) as info:
        run(go())
    assert "records.noark5.client_secret" in str(info.value)
    assert "wrong-secret-value" not in str(info.value)
    assert not fake.of_type("journalpost")


def test_revoked_token_is_fetched_again_once(record):
    fake = FakeNoark5()

    async def go():
        async with fake.asgi_client() as http:
            archive = archive_for(fake, http)
            await archive.put(record)
            fake.tokens.clear()  # the archive revoked every token
            return await archive.find(record.key)

    assert run(go()) is not None


def test_outage_raises_records_error_and_stores_nothing(record):
    fake = FakeNoark5()
    fake.fail("/", status=503, times=1000)

    async def go():
        async with fake.asgi_client() as http:
            await archive_for(fake, http).put(record)

    with pytest.raises(RecordsError, match="503"):
        run(go())
    assert not fake.objects


def test_case_file_is_created_under_the_configured_class(record):
    fake = FakeNoark5()
    arkiv = fake.add("arkiv", None, tittel="Kommunearkiv")
    arkivdel = fake.add("arkivdel", arkiv.id, tittel="Sensitive e-post")
    system = fake.add("klassifikasjonssystem", arkivdel.id, tittel="Emnekoder")
    fake.add("klasse", system.id, tittel="Annet", klasseID="000")
    klasse = fake.add("klasse", system.id, tittel="Personvern", klasseID="063")

    async def go(class_id):
        async with fake.asgi_client() as http:
            return await archive_for(fake, http, class_id=class_id).put(record)

    run(go("063"))
    [case_file] = fake.of_type("saksmappe")
    assert case_file.parent == klasse.id

    with pytest.raises(RecordsError, match="records.noark5.class_id"):
        run(go("999"))


def test_real_http_round_trip_then_outage(record):
    fake = FakeNoark5()

    async def go():
        async with httpx.AsyncClient(timeout=5) as http:
            archive = archive_for(fake, http)
            receipt = await archive.put(record)
            return receipt, await archive.verify(receipt), await archive.find(record.key)

    with fake.serve():
        receipt, ok, found = run(go())
    assert ok is True
    assert found == receipt
    assert receipt.location.startswith("http://127.0.0.1:")

    async def after_shutdown():
        async with httpx.AsyncClient(timeout=2) as http:
            await archive_for(fake, http).put(make_record(message_id="<later@example.org>"))

    with pytest.raises(RecordsError, match="unreachable"):
        run(after_shutdown())


def test_build_archive_reads_records_noark5_settings(tmp_path, record):
    fake = FakeNoark5()
    secret = tmp_path / "n5-secret"
    secret.write_text("s3cret\n")
    settings = load_settings(
        None,
        records={
            "backend": "noark5",
            "noark5": {
                "base_url": fake.api_url,
                "token_url": fake.token_url,
                "client_id": "hygiene",
                "client_secret_file": str(secret),
                "series_title": "Sensitiv e-post 2026",
            },
        },
    )

    async def go():
        async with fake.asgi_client() as http:
            archive = build_archive(settings, http_client=http)
            assert isinstance(archive, Noark5Archive)
            receipt = await archive.put(record)
            return await archive.verify(receipt)

    assert run(go()) is True
    assert [a.fields["tittel"] for a in fake.of_type("arkivdel")] == ["Sensitiv e-post 2026"]
