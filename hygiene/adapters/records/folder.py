"""The `folder` records backend: one directory per message under ``[records.folder] path``.

Layout::

    <path>/<yyyy>/<mm>/<key>/          one record (key = `Record.key`, 64 hex digits), mode 0700
        message.eml                    the original MIME, byte for byte (``message.eml.aead`` when encrypted)
        metadata.json                  classification only: categories, counts, mailbox, received time, sender,
                                       title, checksums; never a matched value, never the subject
        MANIFEST.sha256                ``sha256sum -c`` compatible checksums of the two files above
    <path>/.staging/                   records being written; a leftover here is an interrupted write

A record is written in full in ``.staging`` (each file written, fsynced and closed, then the directory fsynced)
and then moved into place with one ``rename`` (and the parent directory fsynced), so a record directory either
exists complete or not at all. `put` looks for the key first (find-before-create), which makes a retry after a
crash return the earlier receipt instead of a second copy. Files are 0600 and directories 0700.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson

from hygiene.adapters.records.sealing import Sealer
from hygiene.clock import SystemClock
from hygiene.domain.records import Receipt, Record
from hygiene.errors import RecordMismatchError, RecordsError
from hygiene.ports import Clock

FORMAT = "hygiene-record/1"
MESSAGE_FILE = "message.eml"
SEALED_MESSAGE_FILE = "message.eml.aead"
METADATA_FILE = "metadata.json"
MANIFEST_FILE = "MANIFEST.sha256"
STAGING_DIR = ".staging"
FILE_MODE = 0o600
DIR_MODE = 0o700

_KEY = re.compile(r"^[0-9a-f]{64}$")
_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(0[1-9]|1[0-2])$")


@dataclass(frozen=True, slots=True)
class RecordCheck:
    """The result of re-checking one stored record: ``status`` is ``ok``, ``mismatch`` or ``unreadable``."""

    key: str
    path: Path
    status: str
    reason: str = ""


@dataclass(slots=True)
class VerifyReport:
    """Counts from re-checking every record in the tree (what `hygiene records verify` prints)."""

    checked: int = 0
    ok: int = 0
    mismatched: list[RecordCheck] = field(default_factory=list)
    interrupted_writes: int = 0
    decrypted: bool = False

    @property
    def clean(self) -> bool:
        """True when every record matched its manifest and checksum."""
        return not self.mismatched


class FolderArchive:
    """`RecordsArchive` on a local (or mounted) directory tree.

    All methods raise `RecordsError` when the file system fails (missing permission, disk full, unmounted share)
    and `RecordMismatchError` when a stored record with the same key is not the record being stored.
    """

    name = "folder"

    def __init__(self, root: Path, *, sealer: Sealer | None = None, clock: Clock | None = None) -> None:
        self.root = Path(root)
        self._sealer = sealer
        self._clock: Clock = clock or SystemClock()

    # -- the port -------------------------------------------------------------------------------------------

    async def put(self, record: Record) -> Receipt:
        """Store ``record`` (or return the receipt of the copy already stored under its key)."""
        return await asyncio.to_thread(self._put, record)

    async def find(self, key: str) -> Receipt | None:
        """The receipt of the record stored under ``key``, or None."""
        return await asyncio.to_thread(self._find, key)

    async def verify(self, receipt: Receipt) -> bool:
        """Re-read the stored copy; True only when manifest, metadata and the MIME's SHA-256 all match."""
        return await asyncio.to_thread(self._verify, receipt)

    # -- whole-tree check -----------------------------------------------------------------------------------

    def verify_all(self) -> VerifyReport:
        """Re-check every record in the tree (`hygiene records verify`). Never raises for a bad record."""
        report = VerifyReport(decrypted=self._sealer is not None)
        for path in self._record_dirs():
            check = self.check_dir(path)
            report.checked += 1
            if check.status == "ok":
                report.ok += 1
            else:
                report.mismatched.append(check)
        staging = self.root / STAGING_DIR
        if staging.is_dir():
            report.interrupted_writes = sum(1 for _ in staging.iterdir())
        return report

    def check_dir(self, path: Path, expected_sha256: str | None = None) -> RecordCheck:
        """Re-check one record directory against its manifest, its metadata and (if given) a receipt checksum."""
        key = path.name
        try:
            manifest = _read_manifest(path / MANIFEST_FILE)
            meta = orjson.loads((path / METADATA_FILE).read_bytes())
        except FileNotFoundError as exc:
            return RecordCheck(key, path, "mismatch", f"{Path(exc.filename or '').name} is missing")
        except (ValueError, orjson.JSONDecodeError):
            return RecordCheck(key, path, "mismatch", "manifest or metadata is malformed")
        except OSError as exc:
            return RecordCheck(key, path, "unreadable", exc.strerror or type(exc).__name__)
        if meta.get("key") != key:
            return RecordCheck(key, path, "mismatch", "metadata names another key")
        message_file = meta.get("message_file")
        if message_file not in (MESSAGE_FILE, SEALED_MESSAGE_FILE) or set(manifest) != {message_file, METADATA_FILE}:
            return RecordCheck(key, path, "mismatch", "manifest does not list the record's files")
        stored = b""
        for name, digest in manifest.items():
            try:
                data = (path / name).read_bytes()
            except FileNotFoundError:
                return RecordCheck(key, path, "mismatch", f"{name} is missing")
            except OSError as exc:
                return RecordCheck(key, path, "unreadable", exc.strerror or type(exc).__name__)
            if hashlib.sha256(data).hexdigest() != digest:
                return RecordCheck(key, path, "mismatch", f"{name} does not match the manifest")
            if name == message_file:
                stored = data
        want = expected_sha256 or meta.get("sha256")
        if message_file == SEALED_MESSAGE_FILE:
            if self._sealer is None:
                # Without the key only the manifest can be checked; that still catches damage to the envelope.
                return RecordCheck(key, path, "ok", "sealed; checked against the manifest only")
            try:
                stored = self._sealer.open(stored, bound_to=key)
            except RecordMismatchError as exc:
                return RecordCheck(key, path, "mismatch", str(exc))
        if hashlib.sha256(stored).hexdigest() != want or meta.get("sha256") != want:
            return RecordCheck(key, path, "mismatch", "the message's SHA-256 differs from the receipt")
        return RecordCheck(key, path, "ok")

    # -- implementation -------------------------------------------------------------------------------------

    def _put(self, record: Record) -> Receipt:
        key = record.key
        existing = self._find(key)
        if existing is not None:
            return _same_or_raise(existing, record)
        stored_at = self._clock.now().astimezone(UTC)
        when = (record.received_at or stored_at).astimezone(UTC)
        final = self.root / f"{when:%Y}" / f"{when:%m}" / key
        try:
            staging = self._stage(record, key, stored_at)
            try:
                _makedirs(final.parent, stop_at=self.root)
                os.rename(staging, final)
            except OSError as exc:
                shutil.rmtree(staging, ignore_errors=True)
                if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):  # another writer won the race
                    raced = self._find(key)
                    if raced is not None:
                        return _same_or_raise(raced, record)
                raise
            _fsync_dir(final.parent)
        except OSError as exc:
            raise RecordsError(f"cannot write record {key} under {self.root}: {exc.strerror or exc}") from exc
        return Receipt(backend=self.name, key=key, location=str(final), sha256=record.sha256, stored_at=stored_at)

    def _stage(self, record: Record, key: str, stored_at: datetime) -> Path:
        staging_root = self.root / STAGING_DIR
        _makedirs(staging_root, stop_at=self.root.parent)
        staging = staging_root / f"{key}.{secrets.token_hex(4)}"
        os.mkdir(staging, DIR_MODE)
        try:
            if self._sealer is not None:
                message_file, message = SEALED_MESSAGE_FILE, self._sealer.seal(record.mime, bound_to=key)
            else:
                message_file, message = MESSAGE_FILE, record.mime
            metadata = orjson.dumps(
                _metadata(record, key, stored_at, message_file),
                option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS,
            )
            manifest = "".join(
                f"{hashlib.sha256(data).hexdigest()}  {name}\n"
                for name, data in sorted(((message_file, message), (METADATA_FILE, metadata)))
            ).encode()
            _write_file(staging / message_file, message)
            _write_file(staging / METADATA_FILE, metadata)
            _write_file(staging / MANIFEST_FILE, manifest)
            _fsync_dir(staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return staging

    def _find(self, key: str) -> Receipt | None:
        if not _KEY.match(key):
            raise RecordsError("a record key is 64 lowercase hex digits")
        try:
            for path in self._record_dirs(key):
                return self._receipt_of(path)
        except OSError as exc:
            raise RecordsError(f"cannot search {self.root}: {exc.strerror or exc}") from exc
        return None

    def _receipt_of(self, path: Path) -> Receipt:
        try:
            meta = orjson.loads((path / METADATA_FILE).read_bytes())
            return Receipt(
                backend=self.name,
                key=meta["key"],
                location=str(path),
                sha256=meta["sha256"],
                stored_at=datetime.fromisoformat(meta["stored_at"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise RecordMismatchError(
                f"record {path.name} exists but its metadata is damaged; run `hygiene records verify`"
            ) from exc

    def _verify(self, receipt: Receipt) -> bool:
        if not _KEY.match(receipt.key):
            return False
        try:
            path = next(self._record_dirs(receipt.key), None)
        except OSError as exc:
            raise RecordsError(f"cannot search {self.root}: {exc.strerror or exc}") from exc
        if path is None:
            return False
        check = self.check_dir(path, expected_sha256=receipt.sha256)
        if check.status == "unreadable":
            raise RecordsError(f"cannot read record {receipt.key}: {check.reason}")
        if check.status == "ok" and check.reason and self._sealer is None:
            raise RecordsError(
                f"record {receipt.key} is encrypted and no records.folder.encryption_key is configured to verify it"
            )
        return check.status == "ok"

    def _record_dirs(self, key: str | None = None) -> Iterator[Path]:
        """Record directories, oldest month first; only those named ``key`` when given."""
        if not self.root.is_dir():
            return
        for year in sorted(p for p in self.root.iterdir() if _YEAR.match(p.name) and p.is_dir()):
            for month in sorted(p for p in year.iterdir() if _MONTH.match(p.name) and p.is_dir()):
                if key is not None:
                    candidate = month / key
                    if candidate.is_dir():
                        yield candidate
                    continue
                for path in sorted(month.iterdir()):
                    if _KEY.match(path.name) and path.is_dir():
                        yield path


def _metadata(record: Record, key: str, stored_at: datetime, message_file: str) -> dict[str, object]:
    """What metadata.json holds. Built from `Record` fields only, and `Record` carries no subject or values."""
    return {
        "format": FORMAT,
        "key": key,
        "sha256": record.sha256,
        "size_bytes": len(record.mime),
        "internet_message_id": record.internet_message_id,
        "mailbox": record.mailbox,
        "received_at": record.received_at.astimezone(UTC).isoformat() if record.received_at else None,
        "sender": record.sender,
        "title": record.title,
        "categories": sorted(record.categories),
        "counts": {str(k): int(v) for k, v in sorted(record.counts.items())},
        "stored_at": stored_at.isoformat(),
        "message_file": message_file,
        "encrypted": message_file == SEALED_MESSAGE_FILE,
    }


def _same_or_raise(existing: Receipt, record: Record) -> Receipt:
    if existing.sha256 != record.sha256:
        raise RecordMismatchError(f"record {existing.key} is stored with another checksum")
    return existing


def _read_manifest(path: Path) -> dict[str, str]:
    entries: dict[str, str] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        digest, sep, name = line.partition("  ")
        if not sep or not re.fullmatch(r"[0-9a-f]{64}", digest) or "/" in name:
            raise ValueError("malformed manifest line")
        entries[name] = digest
    return entries


def _write_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(path, FILE_MODE)  # in case the umask was stricter than needed for the owner


def _makedirs(path: Path, *, stop_at: Path) -> None:
    """Create ``path`` and missing parents with mode 0700, fsyncing each parent that gained an entry."""
    missing: list[Path] = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe == stop_at or probe.parent == probe:
            break
        probe = probe.parent
    for directory in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(directory, DIR_MODE)
            os.chmod(directory, DIR_MODE)
            _fsync_dir(directory.parent)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
