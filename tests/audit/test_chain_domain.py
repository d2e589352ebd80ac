"""The pure hash chain: canonical form, chain hash, verifier and the detail guard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from hygiene.domain import audit
from hygiene.domain.audit import GENESIS_HASH, AuditEvent, ChainVerifier, check_detail
from hygiene.errors import UnsafeAuditDetailError

T0 = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)


def _event(prev: str = GENESIS_HASH, **kw) -> AuditEvent:
    base = dict(ts=T0, action=audit.DETECTED, prev_hash=prev, mailbox="a@x.no", categories=("health",))
    base.update(kw)
    return AuditEvent(**base)


def test_canonical_form_is_sorted_compact_json_in_utc():
    oslo = timezone(timedelta(hours=1))
    event = _event(ts=T0.astimezone(oslo), detail={"counts": {"no_fnr": 2}, "confidence": 0.9})
    assert event.canonical() == (
        b'{"action":"detected","actor":"worker","case_id":null,"categories":["health"],'
        b'"detail":{"confidence":0.9,"counts":{"no_fnr":2}},"mailbox":"a@x.no",'
        b'"prev_hash":"' + GENESIS_HASH.encode() + b'","sender_domain":null,"ts":"2026-11-02T08:30:00.000000Z"}'
    )


def test_hash_changes_with_every_field_and_with_the_previous_hash():
    first = _event()
    variants = [
        _event(prev="1" * 64),
        _event(ts=T0 + timedelta(microseconds=1)),
        _event(action=audit.FLAGGED),
        _event(case_id=7),
        _event(mailbox="b@x.no"),
        _event(sender_domain="x.no"),
        _event(categories=("national_id",)),
        _event(actor="cli"),
        _event(detail={"reason": "encrypted"}),
    ]
    hashes = {first.hash(), *(v.hash() for v in variants)}
    assert len(hashes) == len(variants) + 1
    assert first.hash() == _event().hash()  # deterministic


def test_verifier_accepts_an_intact_chain_and_names_the_first_broken_link():
    events, prev = [], GENESIS_HASH
    for i in range(5):
        ev = _event(prev=prev, case_id=i)
        events.append((i + 1, ev, ev.hash()))
        prev = ev.hash()
    ok = ChainVerifier()
    for row in events:
        ok.feed(*row)
    assert ok.finish(prev) is None
    assert ok.count == 5

    edited = ChainVerifier()
    for i, ev, h in events:
        edited.feed(i, _event(prev=ev.prev_hash, case_id=99) if i == 3 else ev, h)
    assert edited.finish(prev).kind == "edited"
    assert edited.broken.event_id == 3

    deleted = ChainVerifier()
    for row in events[:2] + events[3:]:
        deleted.feed(*row)
    assert deleted.finish(prev).kind == "unlinked"
    assert deleted.broken.event_id == 4

    tail = ChainVerifier()
    for row in events[:4]:
        tail.feed(*row)
    assert tail.finish(prev).kind == "head"


@pytest.mark.parametrize(
    "detail",
    [
        {"counts": {"no_fnr": 2, "health_keyword": 1}, "confidence": 0.93, "language": "nb"},
        {"receipt": {"backend": "folder", "sha256": "ab" * 32, "stored_at": "2026-11-02T08:30:00.123456+00:00"}},
        {"reason": "opted_out", "record_key": "f" * 64, "attempt": 3, "retry_after_s": 12.5},
        {"location": "records/2026/11/0f3c2a1b-7d2e-4a51-9b0e-3d8e2f1a6c77.eml"},
        {"error_class": "ThrottledError", "status": 429, "route": "/users/{id}/messages"},
        {"settings_fingerprint": "0123456789abcdef" * 4, "mailbox_count": 3},
        None,
    ],
)
def test_detail_guard_accepts_kinds_counts_receipts_and_reasons(detail):
    assert check_detail(detail) == (detail or {})


@pytest.mark.parametrize(
    ("detail", "key"),
    [
        ({"subject": "Sykemelding"}, "subject"),
        ({"value": "19061989121"}, "value"),
        ({"reason": "19061989121"}, "reason"),  # an fnr under an allowed key
        ({"reason": "170471-05161"}, "reason"),
        ({"code": "4364-0160-4520-9226"}, "code"),  # card number with separators
        ({"code": "2801.96.16268"}, "code"),  # Norwegian account number
        ({"code": "141101A0049"}, "code"),  # Finnish HETU
        ({"reason": "Innmelding av barn"}, "reason"),  # text with whitespace: could be a subject
        ({"counts": {"no_fnr": "19061989121"}}, "counts.no_fnr"),
        ({"kinds": ["no_fnr", "20111027-8064"]}, "kinds[1]"),
        ({"reason": b"bytes"}, "reason"),
    ],
)
def test_detail_guard_refuses_content_and_names_only_the_key(detail, key):
    with pytest.raises(UnsafeAuditDetailError) as info:
        check_detail(detail)
    assert info.value.key == key
    for value in str(detail).split("'"):
        if any(ch.isdigit() for ch in value) and len(value) > 6:
            assert value not in str(info.value)
    assert "Innmelding" not in str(info.value)


def test_known_actions_include_breach_prefix():
    assert audit.is_known_action("archived")
    assert audit.is_known_action("breach_escalated")
    assert not audit.is_known_action("Archived")
    assert not audit.is_known_action("whatever")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-01", datetime(2026, 11, 1, tzinfo=UTC)),
        ("2026-11-01T08:00:00Z", datetime(2026, 11, 1, 8, tzinfo=UTC)),
        ("2026-11-01t08:00:00z", datetime(2026, 11, 1, 8, tzinfo=UTC)),
        ("2026-11-01 09:00:00+01:00", datetime(2026, 11, 1, 8, tzinfo=UTC)),
        ("2026-11-01T08:00", datetime(2026, 11, 1, 8, tzinfo=UTC)),
    ],
)
def test_parse_instant_accepts_dates_and_iso_datetimes_in_utc(text, expected):
    assert audit.parse_instant(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "2026-13-01", "2026-11-01T25:00Z", "0000-01-01"])
def test_parse_instant_refuses_other_text_naming_the_option(text):
    with pytest.raises(ValueError, match="--since must be a date"):
        audit.parse_instant(text, name="--since")
