"""The `sharepoint` records backend: a document library (a Graph drive) reached through Microsoft Graph.

Layout in the drive ``[records.sharepoint] drive_id``::

    <folder>/<kk>/<key>.eml     the original MIME, byte for byte (key = `Record.key`, 64 hex digits; kk = its
                                first two digits, so no folder grows past a few thousand items)
    <folder>/<kk>/<key>.json    classification only (categories, counts, mailbox, sender, checksums)

The path is a function of the key alone, so find-before-create is one exact lookup.

Uploads (https://learn.microsoft.com/graph/api/driveitem-put-content and
https://learn.microsoft.com/graph/api/driveitem-createuploadsession): ``PUT .../root:/<path>:/content`` up to
4 MiB, an upload session in 5 MiB chunks (multiples of 320 KiB) above that. The .eml is uploaded with
``@microsoft.graph.conflictBehavior = fail``: the path is named by the key, so a retry after a crash meets the
earlier copy (409) or finds it first (``GET .../root:/<path>``), compares its SHA-256 and returns the same
receipt. The quickXorHash Graph reports for the upload must equal ours (`quickxorhash`); `verify` downloads the
content and compares SHA-256 exactly. An optional retention label is applied with
``PATCH /drives/{id}/items/{id}/retentionLabel``.

Auth is a token callable (the worker's Graph token provider), so this module does not depend on the Graph
adapter. All failures raise `RecordsError`; a stored copy with another checksum raises `RecordMismatchError`.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx
import orjson

from hygiene.adapters.records.folder import _metadata
from hygiene.clock import SystemClock
from hygiene.domain.records import Receipt, Record
from hygiene.errors import RecordMismatchError, RecordRejectedError, RecordsError

if TYPE_CHECKING:
    from hygiene.ports import Clock
    from hygiene.settings import Settings

SIMPLE_UPLOAD_MAX_BYTES = 4 * 1024 * 1024
CHUNK_BYTES = 16 * 320 * 1024  # 5 MiB, a multiple of 320 KiB as Graph requires

_QXH_WIDTH_BITS = 160
_QXH_SHIFT = 11
_QXH_BLOCK = _QXH_WIDTH_BITS  # bytes: byte i is shifted by 11*i mod 160, which repeats every 160 bytes

# Answers to an upload that say the record itself is unacceptable (retrying the same record cannot help).
REJECTED_STATUS = frozenset({400, 413, 415, 422})


def quickxorhash(data: bytes) -> str:
    """Microsoft's QuickXorHash of ``data``, base64 (what Graph reports as ``file.hashes.quickXorHash``).

    Byte ``i`` is XORed into a 160-bit register at bit offset ``11*i mod 160`` (wrapping around), then the length
    (64-bit little-endian) is XORed into the register's last 8 bytes. Bytes 160 apart land at the same offset, so
    the data is first XOR-folded to 160 bytes with big-integer operations (fast for large files).
    """
    size = len(data)
    blocks = max(1, -(-size // _QXH_BLOCK))
    folded = int.from_bytes(data, "little")
    bits = _QXH_BLOCK * 8
    while blocks > 1:
        keep = blocks - blocks // 2
        folded = (folded & ((1 << (keep * bits)) - 1)) ^ (folded >> (keep * bits))
        blocks = keep
    column = folded.to_bytes(_QXH_BLOCK, "little")
    mask = (1 << _QXH_WIDTH_BITS) - 1
    register = 0
    for k, byte in enumerate(column):
        if byte:
            shifted = byte << ((k * _QXH_SHIFT) % _QXH_WIDTH_BITS)
            register ^= (shifted & mask) ^ (shifted >> _QXH_WIDTH_BITS)
    out = bytearray(register.to_bytes(_QXH_WIDTH_BITS // 8, "little"))
    for i, b in enumerate(size.to_bytes(8, "little")):
        out[_QXH_WIDTH_BITS // 8 - 8 + i] ^= b
    return base64.b64encode(bytes(out)).decode("ascii")


class SharePointArchive:
    """`RecordsArchive` on a SharePoint document library (any Graph drive).

    Args:
        base_url: Graph, e.g. ``https://graph.microsoft.com/v1.0`` (``[graph] base_url``).
        drive_id: the library's drive id; folder: the folder in it (created by Graph on first upload).
        token: async callable giving a Graph bearer token (None: the client already authenticates).
        http: the client to send through (tests pass one bound to a fake drive). Not closed by this class.
        retention_label: applied to each stored .eml when not empty.
    """

    name = "sharepoint"

    def __init__(
        self,
        base_url: str,
        drive_id: str,
        *,
        http: httpx.AsyncClient,
        token: Callable[[], Awaitable[str]] | None = None,
        folder: str = "hygiene",
        retention_label: str = "",
        clock: Clock | None = None,
        simple_upload_max_bytes: int = SIMPLE_UPLOAD_MAX_BYTES,
        chunk_bytes: int = CHUNK_BYTES,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.drive_id = drive_id
        self.folder = folder.strip("/")
        self.retention_label = retention_label
        self._http = http
        self._token = token
        self._clock: Clock = clock or SystemClock()
        self._simple_max = simple_upload_max_bytes
        self._chunk = chunk_bytes

    @classmethod
    def from_settings(
        cls, settings: Settings, *, http_client: httpx.AsyncClient | None = None, clock: Clock | None = None
    ) -> SharePointArchive:
        """Build from ``[records.sharepoint]`` with the worker's Graph settings and token provider."""
        from hygiene.adapters.graph.auth import build_token_provider

        s = settings.records.sharepoint
        http = http_client or httpx.AsyncClient(timeout=settings.graph.request_timeout_s)
        return cls(
            settings.graph.base_url,
            s.drive_id,
            http=http,
            token=build_token_provider(settings).token,
            folder=s.folder,
            retention_label=s.retention_label,
            clock=clock,
        )

    # -- the port -------------------------------------------------------------------------------------------

    async def put(self, record: Record) -> Receipt:
        """Upload the .eml (or return the receipt of the copy already there) and its metadata JSON."""
        key = record.key
        path = self._path(key)
        receipt = await self._find_at(path + ".eml", key)
        if receipt is None:
            item = await self._upload(path + ".eml", record.mime, conflict="fail")
            if item is None:  # 409: another try stored it between our GET and PUT
                receipt = await self._find_at(path + ".eml", key)
                if receipt is None:
                    raise RecordsError(f"record {key}: the drive reports a conflict but has no item")
            else:
                reported = ((item.get("file") or {}).get("hashes") or {}).get("quickXorHash")
                if reported is not None and reported != quickxorhash(record.mime):
                    raise RecordMismatchError(f"record {key}: the drive reports another quickXorHash than was uploaded")
                receipt = self._receipt(key, item, record.sha256)
        if receipt.sha256 != record.sha256:
            raise RecordMismatchError(f"record {key} is stored in the drive with another checksum")
        meta = _metadata(record, key, receipt.stored_at, f"{key}.eml")
        meta["backend"] = self.name
        await self._upload(path + ".json", orjson.dumps(meta, option=orjson.OPT_INDENT_2), conflict="replace")
        if self.retention_label:
            await self._send(
                "PATCH",
                f"{self._drive}/items/{receipt.location.rsplit('/', 1)[-1]}/retentionLabel",
                what="retentionLabel",
                json={"name": self.retention_label},
            )
        return receipt

    async def find(self, key: str) -> Receipt | None:
        """The receipt of the .eml stored under ``key`` (its SHA-256 computed from a download), or None."""
        return await self._find_at(self._path(key) + ".eml", key)

    async def verify(self, receipt: Receipt) -> bool:
        """Download the stored .eml and compare its SHA-256 with the receipt's. False when it is gone."""
        content = await self._download(receipt.location)
        return content is not None and hashlib.sha256(content).hexdigest() == receipt.sha256

    # -- helpers --------------------------------------------------------------------------------------------

    def _path(self, key: str) -> str:
        return f"{self.folder}/{key[:2]}/{key}"

    @property
    def _drive(self) -> str:
        return f"{self.base_url}/drives/{quote(self.drive_id, safe='')}"

    def _by_path(self, path: str) -> str:
        return f"{self._drive}/root:/{quote(path)}"

    async def _find_at(self, path: str, key: str) -> Receipt | None:
        resp = await self._send("GET", self._by_path(path), what="driveItem", allow_404=True)
        if resp.status_code == 404:
            return None
        item = _json(resp, "driveItem")
        location = f"{self._drive}/items/{item.get('id')}"
        content = await self._download(location)
        if content is None:
            return None
        return self._receipt(key, item, hashlib.sha256(content).hexdigest())

    def _receipt(self, key: str, item: dict[str, Any], sha256: str) -> Receipt:
        item_id = item.get("id")
        if not isinstance(item_id, str) or not item_id:
            raise RecordsError("the drive answered an upload without an item id")
        created = _parse_time(item.get("createdDateTime")) or self._clock.now().astimezone(UTC)
        return Receipt(
            backend=self.name, key=key, location=f"{self._drive}/items/{item_id}", sha256=sha256, stored_at=created
        )

    async def _download(self, location: str) -> bytes | None:
        resp = await self._send("GET", f"{location}/content", what="content", allow_404=True, follow=True)
        return None if resp.status_code == 404 else resp.content

    async def _upload(self, path: str, data: bytes, *, conflict: str) -> dict[str, Any] | None:
        """Upload ``data`` to ``path``; the new driveItem, or None on 409 with ``conflict="fail"``."""
        if len(data) <= self._simple_max:
            resp = await self._send(
                "PUT",
                f"{self._by_path(path)}:/content?@microsoft.graph.conflictBehavior={conflict}",
                what="upload",
                content=data,
                headers={"Content-Type": "application/octet-stream"},
                allow_409=True,
            )
            return None if resp.status_code == 409 else _json(resp, "upload")
        resp = await self._send(
            "POST",
            f"{self._by_path(path)}:/createUploadSession",
            what="createUploadSession",
            json={"item": {"@microsoft.graph.conflictBehavior": conflict}},
            allow_409=True,
        )
        if resp.status_code == 409:
            return None
        upload_url = _json(resp, "createUploadSession").get("uploadUrl")
        if not isinstance(upload_url, str):
            raise RecordsError("the drive answered createUploadSession without an uploadUrl")
        total = len(data)
        for start in range(0, total, self._chunk):
            chunk = data[start : start + self._chunk]
            end = start + len(chunk) - 1
            # the upload URL is pre-authenticated: no Authorization header (Graph rejects one)
            resp = await self._send(
                "PUT",
                upload_url,
                what="upload session",
                content=chunk,
                headers={"Content-Range": f"bytes {start}-{end}/{total}"},
                auth=False,
                allow_409=True,
            )
            if resp.status_code == 409:
                return None
        if resp.status_code not in (200, 201):
            raise RecordsError(f"the upload session ended with {resp.status_code} instead of a driveItem")
        return _json(resp, "upload session")

    async def _send(
        self,
        method: str,
        url: str,
        *,
        what: str,
        content: bytes | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
        allow_404: bool = False,
        allow_409: bool = False,
        follow: bool = False,
    ) -> httpx.Response:
        all_headers = dict(headers or {})
        if auth and self._token is not None:
            all_headers["Authorization"] = f"Bearer {await self._token()}"
        try:
            resp = await self._http.request(
                method, url, content=content, json=json, headers=all_headers, follow_redirects=follow
            )
        except httpx.HTTPError as exc:
            raise RecordsError(f"the SharePoint drive is unreachable ({type(exc).__name__}) at {what}") from exc
        if resp.status_code == 404 and allow_404:
            return resp
        if resp.status_code == 409 and allow_409:
            return resp
        if resp.status_code in (401, 403):
            raise RecordsError(
                f"Graph refused {method} {what} ({resp.status_code}); check the app's Sites.Selected / "
                "Files.ReadWrite.All permission on records.sharepoint.drive_id and the [auth] settings"
            )
        if resp.status_code in REJECTED_STATUS and method in ("POST", "PUT", "PATCH"):
            raise RecordRejectedError(
                f"the SharePoint drive rejected {method} {what} ({resp.status_code}): the record is invalid"
            )
        if resp.status_code >= 400:
            raise RecordsError(f"the SharePoint drive answered {resp.status_code} to {method} {what}")
        return resp


def _json(resp: httpx.Response, what: str) -> dict[str, Any]:
    try:
        data = orjson.loads(resp.content)
    except orjson.JSONDecodeError:
        raise RecordsError(f"the drive sent a {what} answer that is not JSON") from None
    if not isinstance(data, dict):
        raise RecordsError(f"the drive sent a {what} answer that is not a JSON object")
    return data


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
