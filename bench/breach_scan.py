"""The Sent Items scan of the breach register on the labelled corpus: candidates against the labels, and its cost.

Run: ``python bench/breach_scan.py [--corpus ../shared/corpus] [--copies 1]``

Every corpus message is put ``--copies`` times into one mailbox's Sent Items of the sandbox tenant (its own
recipients kept), and one sweep runs with ``[breach] enabled`` and the real detector, twice:

1. ``external``: ``organisation_domains`` matches none of the recipients, so every readable sensitive message with a
   recipient should become a candidate: candidates are compared with the labels (precision / recall);
2. ``internal``: ``organisation_domains`` covers every recipient domain, so nothing may become a candidate.

Printed: candidates, precision and recall against the labels (sensitive and not encrypted), the share of messages
whose MIME was fetched, Graph requests per message, and wall time per message. One run, ratios measured together.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pydantic import SecretStr

from hygiene.app import App
from hygiene.clock import FakeClock
from hygiene.sandbox import Tenant, serve
from hygiene.scheduler import run_once
from hygiene.settings import Settings
from tests.conftest import find_corpus
from tests.worker.pipeline_support import FAST

SENDER = "kari@bench.invalid"


def _domains(mime: bytes) -> set[str]:
    h = BytesHeaderParser(policy=compat32).parsebytes(mime)
    values = [str(v) for name in ("to", "cc", "bcc") for v in h.get_all(name) or ()]
    return {a.rsplit("@", 1)[-1].lower() for _, a in getaddresses(values) if "@" in a}


def _run(tmp: Path, messages: list[tuple[str, bytes]], org_domains: list[str], name: str) -> dict:
    tenant = Tenant()
    tenant.add_user(SENDER)
    ids = {tenant.deliver(SENDER, mime, folder="sentitems"): key for key, mime in messages}
    db = f"sqlite:///{tmp / (name + '.db')}"
    with serve(tenant) as running:
        settings = Settings(
            graph={"base_url": running.base_url, "max_concurrency": 4, "page_size": 200},
            auth={"method": "static_token", "token": SecretStr("sandbox")},
            scope={"mode": "all", "initial_lookback_days": 0, "folders": ["inbox"]},
            actions={"mode": "observe"},
            records={"backend": "none"},
            database={"url": db},
            notice={"enabled": False},
            security={"hmac_key": SecretStr("bench-key")},
            breach={"enabled": True, "organisation_domains": org_domains, "many_recipients_threshold": 10},
        )
        app = App.from_settings(settings, clock=FakeClock(), retry=FAST, create_db=True)
        keys = {app.breach.store.message_key(SENDER, tenant.message(SENDER, i).internet_message_id or i): k
                for i, k in ids.items()}  # fmt: skip
        tenant.reset_counters()

        async def go():
            try:
                start = time.perf_counter()
                stats = await run_once(app)
                return stats, time.perf_counter() - start
            finally:
                await app.aclose()

        stats, wall = asyncio.run(go())
        found = {keys[v.message_key] for v in app.breach.store.entries() if v.message_key in keys}
        return {
            "found": found,
            "scanned": stats.sent_scanned,
            "mime": app.breach.counts.mime_fetched,
            "requests": tenant.count(),
            "wall_s": wall,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    corpus = args.corpus or find_corpus()
    if corpus is None:
        sys.exit("corpus not found: pass --corpus or set HYGIENE_CORPUS")
    labels = [json.loads(line) for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line]
    messages: list[tuple[str, bytes]] = []
    expected: set[str] = set()
    all_domains: set[str] = set()
    for label in labels:
        mime = (corpus / label["file"]).read_bytes()
        domains = _domains(mime)
        all_domains |= domains
        for c in range(args.copies):
            key = f"{label['file']}#{c}"
            # distinct Message-IDs per copy: the register recognises a message by it
            messages.append((key, mime.replace(b"Message-ID: <", f"Message-ID: <c{c}.".encode(), 1)))
            if label["sensitive"] and not label["encrypted"] and domains:
                expected.add(key)
    with tempfile.TemporaryDirectory() as tmp:
        ext = _run(Path(tmp), messages, ["bench.invalid"], "external")
        internal = _run(Path(tmp), messages, sorted(all_domains) or ["bench.invalid"], "internal")
    n = len(messages)
    tp = len(ext["found"] & expected)
    print(f"messages in Sent Items: {n} ({len(labels)} corpus files x {args.copies})")
    print(f"expected candidates (labelled sensitive, readable, with a recipient): {len(expected)}")
    for name, r in (("external", ext), ("internal", internal)):
        print(
            f"[{name}] candidates {len(r['found'])}; MIME fetched {r['mime']}/{r['scanned']} "
            f"({r['mime'] / max(r['scanned'], 1):.0%}); Graph requests/message {r['requests'] / n:.2f}; "
            f"{r['wall_s'] / n * 1000:.1f} ms/message"
        )
    print(
        f"[external] precision {tp / max(len(ext['found']), 1):.3f}  recall {tp / max(len(expected), 1):.3f}  "
        f"(missed {len(expected - ext['found'])}, extra {len(ext['found'] - expected)})"
    )
    for key in sorted(expected - ext["found"])[:10]:
        print(f"  missed: {key}")
    for key in sorted(ext["found"] - expected)[:10]:
        print(f"  extra:  {key}")
    print(f"[internal] candidates {len(internal['found'])} (must be 0)")


if __name__ == "__main__":
    main()
