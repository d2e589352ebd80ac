"""Decode cost of one 1,000-message delta page: msgraph-sdk's Kiota models vs the worker's msgspec structs.

Run: ``python bench/graph_decode.py [--messages 1000] [--repeat 5]``. Prints the time per page of each decoder
(best of ``repeat``) and the ratios, all from this one run. The page is synthetic but shaped like Graph's
(the fields of the worker's ``$select`` plus the ones Graph adds anyway: etag, changeKey, flag, toRecipients ...).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import orjson

from hygiene.adapters.graph import structs


def make_page(n: int) -> bytes:
    """A delta page of ``n`` messages with a delta link."""
    value = []
    for i in range(n):
        value.append(
            {
                "@odata.type": "#microsoft.graph.message",
                "@odata.etag": f'W/"CQAAABYAAAA{i:08d}"',
                "id": f"AAMkAGI2TG93AAA{i:010d}=",
                "changeKey": f"CQAAABYAAAA{i:08d}",
                "createdDateTime": "2026-11-01T10:00:00Z",
                "lastModifiedDateTime": "2026-11-01T10:00:01Z",
                "receivedDateTime": "2026-11-01T10:00:00Z",
                "sentDateTime": "2026-11-01T09:59:58Z",
                "internetMessageId": f"<msg{i}@example.org>",
                "subject": f"Message number {i} about the meeting",
                "hasAttachments": i % 7 == 0,
                "parentFolderId": "AAMkAGI2TG93AAAinbox=",
                "categories": [],
                "importance": "normal",
                "isRead": False,
                "flag": {"flagStatus": "notFlagged"},
                "from": {"emailAddress": {"name": f"Sender {i}", "address": f"sender{i}@example.org"}},
                "sender": {"emailAddress": {"name": f"Sender {i}", "address": f"sender{i}@example.org"}},
                "toRecipients": [{"emailAddress": {"name": "Kari", "address": "kari@contoso.example"}}],
                "body": {
                    "contentType": "text",
                    "content": "Hei, her kommer referatet fra møtet. Vennlig hilsen avsender. " * 8,
                },
            }
        )
    return orjson.dumps(
        {
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(message)",
            "value": value,
            "@odata.deltaLink": "https://graph.microsoft.com/v1.0/users/x/mailFolders/inbox/messages/delta?$deltatoken=abc",
        }
    )


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--messages", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    page = make_page(args.messages)

    from kiota_serialization_json.json_parse_node_factory import JsonParseNodeFactory
    from msgraph.generated.users.item.mail_folders.item.messages.delta.delta_get_response import DeltaGetResponse

    factory = JsonParseNodeFactory()

    def kiota() -> None:
        node = factory.get_root_parse_node("application/json", page)
        resp = node.get_object_value(DeltaGetResponse)
        assert len(resp.value) == args.messages

    def msgspec_structs() -> None:
        resp = structs.message_page.decode(page)
        assert len(resp.value) == args.messages

    def json_loads() -> None:
        assert len(json.loads(page)["value"]) == args.messages

    kiota()  # warm-up (imports, caches)
    t_kiota = best(kiota, args.repeat)
    t_msgspec = best(msgspec_structs, args.repeat * 4)
    t_json = best(json_loads, args.repeat * 4)
    print(f"delta page: {args.messages} messages, {len(page) / 1e6:.2f} MB")
    print(f"  Kiota models (msgraph-sdk) : {t_kiota * 1e3:9.1f} ms/page")
    print(f"  json.loads                 : {t_json * 1e3:9.1f} ms/page")
    print(f"  msgspec structs (hygiene)  : {t_msgspec * 1e3:9.1f} ms/page")
    print(f"  ratio Kiota / msgspec      : {t_kiota / t_msgspec:9.0f}x")
    print(f"  ratio Kiota / json.loads   : {t_kiota / t_json:9.0f}x")
    print(f"  ratio json.loads / msgspec : {t_json / t_msgspec:9.1f}x")


if __name__ == "__main__":
    main()
