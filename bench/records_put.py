"""Benchmark: records/s of `put` + `verify` for the records backends, as ratios measured in one run.

* folder, plain vs encrypted at rest (AES-256-GCM): the cost of encryption, and of fsync per record;
* noark5 and sharepoint against their in-process fakes (tests/records), which shows the client's own overhead
  (JSON, link discovery, hashing) without network latency.

Messages are synthetic (a small text body plus an attachment of ``--size`` bytes).

    python bench/records_put.py [--records 300] [--size 60000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hygiene.adapters.records.folder import FolderArchive
from hygiene.adapters.records.noark5 import Noark5Archive
from hygiene.adapters.records.sealing import Sealer
from hygiene.adapters.records.sharepoint import SharePointArchive
from tests.records.conftest import make_mime, make_record
from tests.records.fake_drive import FakeDrive
from tests.records.fake_noark5 import FakeNoark5


def records(n: int, size: int):
    """``n`` distinct records of about ``size`` bytes."""
    mime = make_mime(size=size)
    return [make_record(mime, message_id=f"<bench-{i}@example.org>") for i in range(n)]


async def timed(archive, recs) -> float:
    """Records/s for put + verify of every record."""
    start = time.perf_counter()
    for rec in recs:
        receipt = await archive.put(rec)
        if not await archive.verify(receipt):
            raise SystemExit("verify failed: the benchmark is broken")
    return len(recs) / (time.perf_counter() - start)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--size", type=int, default=60_000, help="attachment bytes per message")
    args = parser.parse_args()
    recs = records(args.records, args.size)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["folder plain"] = await timed(FolderArchive(Path(tmp) / "plain"), recs)
        sealer = Sealer(os.urandom(32))
        results["folder encrypted"] = await timed(FolderArchive(Path(tmp) / "sealed", sealer=sealer), recs)
    n5 = FakeNoark5(client_secret="s3cret")
    async with n5.asgi_client() as http:
        archive = Noark5Archive(
            n5.api_url, http=http, token_url=n5.token_url, client_id="hygiene", client_secret="s3cret"
        )
        results["noark5 (in-process fake)"] = await timed(archive, recs[: max(1, args.records // 3)])
    drive = FakeDrive()

    async def token() -> str:
        return drive.token

    async with drive.asgi_client() as http:
        sp = SharePointArchive(drive.graph_url, drive.drive_id, http=http, token=token)
        results["sharepoint (in-process fake)"] = await timed(sp, recs[: max(1, args.records // 3)])

    base = results["folder plain"]
    print(f"records put+verify, {args.records} records of ~{len(recs[0].mime)} bytes, one run")
    for name, rate in results.items():
        print(f"  {name:32s} {rate:9.1f} records/s   ratio to folder plain {rate / base:5.2f}")


if __name__ == "__main__":
    asyncio.run(main())
