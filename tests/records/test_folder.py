"""The folder backend: round trip, idempotent retry, outage, corruption, permissions, no leaked values."""

from __future__ import annotations

import asyncio
import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from hygiene.adapters.records import build_archive
from hygiene.adapters.records.folder import (
    MANIFEST_FILE,
    MESSAGE_FILE,
    METADATA_FILE,
    SEALED_MESSAGE_FILE,
    STAGING_DIR,
    FolderArchive,
)
from hygiene.adapters.records.sealing import Sealer, parse_key
from hygiene.domain.records import Record
from hygiene.errors import ConfigError, RecordMismatchError, RecordsError
from hygiene.settings import load_settings
from tests.records.conftest import SECRET_SUBJECT, SECRET_VALUE, make_mime, make_record

KEY_B64 = "q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k="


def run(coro):
    return asyncio.run(coro)


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_put_then_verify_round_trip_keeps_the_mime_byte_for_byte(tmp_path, record):
    archive = FolderArchive(tmp_path / "records")

    receipt = run(archive.put(record))

    assert receipt.backend == "folder"
    assert receipt.key == record.key
    assert receipt.sha256 == hashlib.sha256(record.mime).hexdigest()
    where = Path(receipt.location)
    assert where.relative_to(tmp_path / "records").parts[:2] == ("2026", "11")
    assert (where / MESSAGE_FILE).read_bytes() == record.mime
    assert run(archive.verify(receipt)) is True
    assert run(archive.find(record.key)) == receipt


def test_manifest_is_sha256sum_compatible(tmp_path, record):
    receipt = run(FolderArchive(tmp_path).put(record))
    result = subprocess.run(["sha256sum", "-c", MANIFEST_FILE], cwd=receipt.location, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_same_record_twice_gives_the_same_receipt_and_one_copy(tmp_path, record):
    archive = FolderArchive(tmp_path)
    first = run(archive.put(record))
    second = run(archive.put(make_record()))
    assert first == second
    assert len([p for p in tmp_path.glob("*/*/*") if p.is_dir()]) == 1


def test_retry_after_a_crash_between_write_and_receipt_finds_the_earlier_copy(tmp_path, record):
    # Given a put that stored the record but whose caller died before it saw (and saved) the receipt
    run(FolderArchive(tmp_path).put(record))
    # When a fresh process (new archive object) retries: find-before-create, then put
    archive = FolderArchive(tmp_path)
    found = run(archive.find(record.key))
    again = run(archive.put(record))
    # Then it gets the earlier receipt and there is still exactly one copy
    assert found is not None
    assert again == found
    assert len(files_under(tmp_path)) == 3


def test_an_interrupted_write_leaves_no_record_and_the_retry_completes(tmp_path, record, monkeypatch):
    archive = FolderArchive(tmp_path)
    real_rename = os.rename

    def crash(*args):
        raise KeyboardInterrupt  # the process dies after staging, before the record moves into place

    monkeypatch.setattr(os, "rename", crash)
    with pytest.raises(KeyboardInterrupt):
        run(archive.put(record))
    monkeypatch.setattr(os, "rename", real_rename)

    assert run(archive.find(record.key)) is None
    receipt = run(archive.put(record))
    assert run(archive.verify(receipt))


def test_concurrent_puts_of_the_same_record_store_one_copy(tmp_path, record):
    archive = FolderArchive(tmp_path)

    async def both():
        return await asyncio.gather(*(archive.put(record) for _ in range(8)))

    receipts = run(both())
    assert {r.location for r in receipts} == {receipts[0].location}
    assert len([p for p in tmp_path.glob("*/*/*") if p.is_dir()]) == 1
    assert not list((tmp_path / STAGING_DIR).iterdir())


def test_outage_raises_records_error_and_changes_nothing(tmp_path, record):
    # A read-only archive root stands in for an unmounted or full share.
    root = tmp_path / "records"
    root.mkdir(mode=0o500)
    archive = FolderArchive(root)
    try:
        if os.access(root, os.W_OK):  # running as root: permissions do not stop us, use a file as the root
            archive = FolderArchive(tmp_path / "not-a-dir")
            (tmp_path / "not-a-dir").write_bytes(b"")
        with pytest.raises(RecordsError) as info:
            run(archive.put(record))
        assert not isinstance(info.value, RecordMismatchError)
        assert SECRET_VALUE not in str(info.value)
    finally:
        root.chmod(0o700)
    assert files_under(root) == []


def test_corrupted_message_is_detected_by_verify(tmp_path, record):
    archive = FolderArchive(tmp_path)
    receipt = run(archive.put(record))
    path = Path(receipt.location) / MESSAGE_FILE
    path.chmod(0o600)
    path.write_bytes(record.mime.replace(b"Hei", b"Hai"))
    assert run(archive.verify(receipt)) is False


def test_verify_is_false_when_the_record_is_gone_or_the_receipt_is_wrong(tmp_path, record):
    archive = FolderArchive(tmp_path)
    receipt = run(archive.put(record))
    wrong = type(receipt)(receipt.backend, receipt.key, receipt.location, "0" * 64, receipt.stored_at)
    assert run(archive.verify(wrong)) is False
    for f in Path(receipt.location).iterdir():
        f.unlink()
    Path(receipt.location).rmdir()
    assert run(archive.verify(receipt)) is False


def test_put_refuses_when_a_damaged_copy_sits_under_the_key(tmp_path, record):
    archive = FolderArchive(tmp_path)
    receipt = run(archive.put(record))
    (Path(receipt.location) / METADATA_FILE).write_bytes(b"{}")
    with pytest.raises(RecordMismatchError):
        run(archive.put(record))


def test_files_are_0600_and_directories_0700(tmp_path, record):
    root = tmp_path / "records"
    old = os.umask(0o022)
    try:
        run(FolderArchive(root).put(record))
    finally:
        os.umask(old)
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


def test_metadata_holds_classification_but_never_the_value_or_subject(tmp_path, record):
    # Given a MIME that really contains the value and the subject
    assert SECRET_VALUE.encode() in record.mime
    assert SECRET_SUBJECT.encode() in record.mime
    receipt = run(FolderArchive(tmp_path).put(record))
    # Then metadata and manifest hold the classification and neither of them
    meta_bytes = (Path(receipt.location) / METADATA_FILE).read_bytes()
    meta = orjson.loads(meta_bytes)
    assert meta["categories"] == ["health", "national_id"]
    assert meta["counts"] == {"health": 1, "national_id": 1}
    assert meta["mailbox"] == "post@kommune.example"
    assert meta["sender"] == "avsender@example.org"
    assert meta["received_at"] == "2026-11-02T09:15:00+00:00"
    assert "subject" not in meta
    for name in (METADATA_FILE, MANIFEST_FILE):
        text = (Path(receipt.location) / name).read_bytes()
        assert SECRET_VALUE.encode() not in text
        assert b"Sykmelding" not in text
        assert b"F32" not in text


def test_encrypted_record_round_trips_and_holds_no_plaintext(tmp_path, record):
    archive = FolderArchive(tmp_path, sealer=Sealer(parse_key(KEY_B64)))
    receipt = run(archive.put(record))
    where = Path(receipt.location)
    assert not (where / MESSAGE_FILE).exists()
    sealed = (where / SEALED_MESSAGE_FILE).read_bytes()
    assert SECRET_VALUE.encode() not in sealed
    assert b"Sykmelding" not in sealed
    assert run(archive.verify(receipt)) is True
    assert archive.verify_all().clean


def test_encrypted_record_fails_verify_under_another_key_or_when_tampered(tmp_path, record):
    receipt = run(FolderArchive(tmp_path, sealer=Sealer(parse_key(KEY_B64))).put(record))
    other = FolderArchive(tmp_path, sealer=Sealer(os.urandom(32)))
    assert run(other.verify(receipt)) is False
    with pytest.raises(RecordsError):  # sealed and no key: cannot vouch for it
        run(FolderArchive(tmp_path).verify(receipt))
    # Tampering with the envelope and fixing up the manifest is still caught by the AEAD tag
    archive = FolderArchive(tmp_path, sealer=Sealer(parse_key(KEY_B64)))
    where = Path(receipt.location)
    sealed = bytearray((where / SEALED_MESSAGE_FILE).read_bytes())
    sealed[-20] ^= 1
    (where / SEALED_MESSAGE_FILE).write_bytes(bytes(sealed))
    manifest = (where / MANIFEST_FILE).read_text().splitlines()
    fixed = [
        f"{hashlib.sha256(bytes(sealed)).hexdigest()}  {SEALED_MESSAGE_FILE}" if SEALED_MESSAGE_FILE in line else line
        for line in manifest
    ]
    (where / MANIFEST_FILE).write_text("\n".join(fixed) + "\n")
    assert run(archive.verify(receipt)) is False
    assert "authentication" in archive.verify_all().mismatched[0].reason


def test_a_key_that_is_not_256_bits_is_a_config_error():
    with pytest.raises(ConfigError) as info:
        parse_key("tooshort")
    assert "tooshort" not in str(info.value)
    assert parse_key("00" * 32) == bytes(32)


def test_build_archive_follows_the_backend_setting(tmp_path):
    folder = build_archive(load_settings(None, records={"folder": {"path": str(tmp_path)}}))
    assert isinstance(folder, FolderArchive)
    assert build_archive(load_settings(None, records={"backend": "none"})) is None
    sealed = build_archive(load_settings(None, records={"folder": {"path": str(tmp_path), "encryption_key": KEY_B64}}))
    assert isinstance(sealed, FolderArchive)
    assert sealed._sealer is not None
    with pytest.raises(ConfigError):
        build_archive(load_settings(None, records={"folder": {"encryption_key": "nope"}}))


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HYGIENE_RECORDS__FOLDER__PATH": str(tmp_path / "records")}
    env.pop("HYGIENE_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "hygiene", "records", "verify", *args],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_records_verify_command_counts_and_flags_a_corrupted_copy(tmp_path):
    archive = FolderArchive(tmp_path / "records")
    records: list[Record] = [make_record(make_mime(f"n={i}"), message_id=f"<m{i}@example.org>") for i in range(3)]
    receipts = [run(archive.put(r)) for r in records]

    ok = _cli(tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "3 checked, 3 ok, 0 mismatched" in ok.stdout

    bad = Path(receipts[1].location) / MESSAGE_FILE
    bad.write_bytes(bad.read_bytes() + b"x")
    failed = _cli(tmp_path, "--json")
    assert failed.returncode == 1
    report = orjson.loads(failed.stdout)
    assert (report["checked"], report["ok"], report["mismatched"]) == (3, 2, 1)
    assert report["problems"][0]["key"] == receipts[1].key
    assert SECRET_VALUE not in failed.stdout + failed.stderr


def test_records_verify_command_on_another_backend_is_a_usage_error(tmp_path):
    env = {**os.environ, "HYGIENE_RECORDS__BACKEND": "none"}
    result = subprocess.run(
        [sys.executable, "-m", "hygiene", "records", "verify"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
