"""The audit log in the database: append in the caller's transaction, verify, query, prune (SQLite + PostgreSQL)."""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update

from hygiene.adapters.store import audit as store
from hygiene.adapters.store.models import AuditEventRow
from hygiene.domain import audit
from hygiene.domain.audit import GENESIS_HASH, AuditEvent, AuditFilter
from hygiene.errors import AuditError, UnsafeAuditDetailError

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def _fill(sessions, n: int = 6) -> None:
    with sessions() as s:
        for i in range(n):
            store.append(
                s,
                action=[audit.DETECTED, audit.ARCHIVED, audit.DELETED][i % 3],
                ts=T0 + timedelta(hours=i),
                mailbox=["Kari@Kommune.no", "ola@kommune.no"][i % 2],
                case_id=100 + i // 3,
                sender_domain="gmail.com" if i < 3 else "outlook.com",
                categories=["health", "national_id"] if i % 3 == 0 else ["national_id"],
                detail={"counts": {"no_fnr": 1}},
            )
        s.commit()


def test_appended_events_form_an_intact_chain(sessions):
    _fill(sessions)
    with sessions() as s:
        result = store.verify(s)
        rows = list(s.execute(select(AuditEventRow).order_by(AuditEventRow.id)).scalars())
    assert result.ok
    assert result.checked == 6
    assert rows[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
    assert result.head == rows[-1].hash
    assert rows[0].mailbox == "kari@kommune.no"
    assert rows[0].categories == ",health,national_id,"


def test_an_event_is_part_of_the_callers_transaction(sessions):
    _fill(sessions, 2)
    with sessions() as s:
        store.append(s, action=audit.FLAGGED, ts=T0, mailbox="x@y.no")
        s.rollback()
    with sessions() as s:
        assert store.verify(s).checked == 2
        assert store.verify(s).ok
        store.append(s, action=audit.FLAGGED, ts=T0, mailbox="x@y.no")
        s.commit()
        assert store.verify(s).ok
        assert store.verify(s).checked == 3


def test_edited_row_is_detected(sessions):
    _fill(sessions)
    with sessions() as s:
        target = s.execute(select(AuditEventRow.id).order_by(AuditEventRow.id).offset(2).limit(1)).scalar_one()
        s.execute(update(AuditEventRow).where(AuditEventRow.id == target).values(mailbox="someone@else.no"))
        s.commit()
    with sessions() as s:
        result = store.verify(s)
    assert not result.ok
    assert result.broken.kind == "edited"
    assert result.broken.event_id == target


def test_edited_detail_is_detected(sessions):
    _fill(sessions)
    with sessions() as s:
        target = s.execute(select(AuditEventRow.id).order_by(AuditEventRow.id).offset(4).limit(1)).scalar_one()
        s.execute(update(AuditEventRow).where(AuditEventRow.id == target).values(detail={"counts": {"no_fnr": 0}}))
        s.commit()
    with sessions() as s:
        assert store.verify(s).broken.event_id == target


def test_deleted_row_is_detected(sessions):
    _fill(sessions)
    with sessions() as s:
        ids = list(s.execute(select(AuditEventRow.id).order_by(AuditEventRow.id)).scalars())
        s.execute(delete(AuditEventRow).where(AuditEventRow.id == ids[2]))
        s.commit()
    with sessions() as s:
        result = store.verify(s)
    assert result.broken.kind == "unlinked"
    assert result.broken.event_id == ids[3]


def test_deleted_last_row_is_detected(sessions):
    _fill(sessions)
    with sessions() as s:
        last = s.execute(select(AuditEventRow.id).order_by(AuditEventRow.id.desc()).limit(1)).scalar_one()
        s.execute(delete(AuditEventRow).where(AuditEventRow.id == last))
        s.commit()
    with sessions() as s:
        assert store.verify(s).broken.kind == "head"


def test_inserted_row_is_detected(sessions):
    _fill(sessions)
    with sessions() as s:
        rows = list(s.execute(select(AuditEventRow).order_by(AuditEventRow.id)).scalars())
        # A forger links a new row to the third event and gives it a correct hash of its own.
        forged = AuditEvent(ts=T0, action=audit.DELETED, prev_hash=rows[2].hash + "", mailbox="kari@kommune.no")
        # prev_hash is unique, so the forger must take the slot: move the fourth event's link aside first.
        s.execute(update(AuditEventRow).where(AuditEventRow.id == rows[3].id).values(prev_hash="f" * 64))
        s.flush()
        s.add(
            AuditEventRow(
                id=rows[-1].id + 10,
                ts=T0,
                action=audit.DELETED,
                mailbox="kari@kommune.no",
                actor="worker",
                detail={},
                prev_hash=forged.prev_hash,
                hash=forged.hash(),
            )
        )
        s.commit()
    with sessions() as s:
        result = store.verify(s)
    assert not result.ok
    assert result.broken.event_id == rows[3].id


def test_inserted_row_at_the_end_is_detected(sessions):
    _fill(sessions)
    with sessions() as s:
        last = s.execute(select(AuditEventRow).order_by(AuditEventRow.id.desc()).limit(1)).scalar_one()
        forged = AuditEvent(ts=T0, action=audit.DELETED, prev_hash=last.hash)
        s.add(
            AuditEventRow(
                ts=T0, action=audit.DELETED, actor="worker", detail={}, prev_hash=last.hash, hash=forged.hash()
            )
        )
        s.commit()
    with sessions() as s:
        assert store.verify(s).broken.kind == "head"


def test_unsafe_detail_and_unknown_action_are_refused_and_nothing_is_written(sessions):
    with sessions() as s:
        with pytest.raises(UnsafeAuditDetailError):
            store.append(s, action=audit.DETECTED, ts=T0, detail={"subject": "Sykemelding for Kari"})
        with pytest.raises(AuditError):
            store.append(s, action="exploded", ts=T0)
        with pytest.raises(AuditError):
            store.append(s, action=audit.DETECTED, ts=T0.replace(tzinfo=None))
        s.commit()
        assert store.verify(s).checked == 0


def test_query_filters_and_keyset_pages(sessions):
    _fill(sessions)
    with sessions() as s:

        def ids(**kw):
            return [r.case_id for r in store.query(s, AuditFilter(**kw), limit=100).items]

        assert len(ids()) == 6
        assert len(ids(mailbox="KARI@kommune.no")) == 3
        assert len(ids(sender_domain="outlook.com")) == 3
        assert len(ids(category="health")) == 2
        assert len(ids(category="national")) == 0
        assert len(ids(action=audit.ARCHIVED)) == 2
        assert ids(case_id=101) == [101, 101, 101]
        assert len(ids(since=T0 + timedelta(hours=2), until=T0 + timedelta(hours=4))) == 2
        assert len(ids(mailbox="kari@kommune.no", action="detected")) == 1

        seen, cursor = [], None
        while True:
            page = store.query(s, AuditFilter(), limit=4, cursor=cursor)
            seen += [r.id for r in page.items]
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        assert seen == sorted(seen, reverse=True)
        assert len(seen) == 6
        asc = store.query(s, AuditFilter(), limit=4, order="asc")
        assert [r.id for r in asc.items] == sorted(seen)[:4]
        assert [r.id for r in store.query(s, AuditFilter(), limit=4, order="asc", cursor=asc.next_cursor).items] == (
            sorted(seen)[4:]
        )


def test_prune_reanchors_the_chain_and_is_audited(sessions):
    _fill(sessions)
    with sessions() as s:
        result = store.prune(s, T0 + timedelta(hours=3), now=T0 + timedelta(days=1))
        s.commit()
    assert result.deleted == 3
    with sessions() as s:
        check = store.verify(s)
        rows = list(s.execute(select(AuditEventRow).order_by(AuditEventRow.id)).scalars())
        assert check.ok, check.broken
        assert check.anchor == result.anchor_hash == rows[0].prev_hash
        assert rows[-1].action == audit.RETENTION
        assert rows[-1].detail["deleted"] == 3
        assert check.checked == 4
        # Appending after a prune still links to the head.
        store.append(s, action=audit.FLAGGED, ts=T0 + timedelta(days=2))
        s.commit()
        assert store.verify(s).ok
        # Deleting the first kept row is detected against the anchor.
        s.execute(delete(AuditEventRow).where(AuditEventRow.id == rows[0].id))
        s.commit()
        assert store.verify(s).broken.kind == "unlinked"


def test_prune_of_everything_and_prune_of_nothing(sessions):
    _fill(sessions, 3)
    with sessions() as s:
        assert store.prune(s, T0 - timedelta(days=1)).deleted == 0
        assert store.prune_expired(s, 1, now=T0 + timedelta(days=30)).deleted == 3
        s.commit()
        check = store.verify(s)
        assert check.ok
        assert check.checked == 1


def test_prune_refuses_to_delete_a_broken_part(sessions):
    _fill(sessions)
    with sessions() as s:
        first = s.execute(select(AuditEventRow.id).order_by(AuditEventRow.id).limit(1)).scalar_one()
        s.execute(update(AuditEventRow).where(AuditEventRow.id == first).values(actor="forger"))
        s.commit()
        with pytest.raises(AuditError, match="refusing to prune"):
            store.prune(s, T0 + timedelta(hours=3))


def test_report_counts_per_action_category_mailbox_and_errors(sessions):
    _fill(sessions)
    with sessions() as s:
        store.append(s, action=audit.ERROR, ts=T0, mailbox="ola@kommune.no", detail={"error_class": "RecordsError"})
        store.append(s, action=audit.ERROR, ts=T0 + timedelta(days=40), detail={"error_class": "RecordsError"})
        s.commit()
        since, until = store.month_bounds("2026-11")
        rep = store.report(s, since, until)
    assert rep.total == 7
    assert rep.per_action == {"archived": 2, "deleted": 2, "detected": 2, "error": 1}
    assert rep.per_category == {"health": 2, "national_id": 2}
    assert rep.per_mailbox["kari@kommune.no"] == {"archived": 1, "deleted": 1, "detected": 1}
    assert rep.errors == {"RecordsError": 1}
    assert rep.head_hash is not None
    assert rep.last_hash is not None


def test_month_bounds():
    assert store.month_bounds("2026-12") == (datetime(2026, 12, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="2026-11"):
        store.month_bounds("November")


def test_concurrent_appends_never_fork_the_chain(engine, sessions):
    # Given a chain that exists, when several threads append at once (each in its own transaction),
    # then every event links to exactly one predecessor and the chain verifies.
    _fill(sessions, 1)
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def writer(n: int) -> None:
        try:
            barrier.wait()
            for i in range(10):
                with sessions() as s:
                    store.append(s, action=audit.FLAGGED, ts=T0 + timedelta(minutes=i), case_id=n)
                    s.commit()
        except BaseException as exc:
            errors.append(exc)

    if engine.dialect.name == "sqlite":
        engine.pool.dispose()
        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def _busy(dbapi_conn, _):
            dbapi_conn.execute("PRAGMA busy_timeout = 10000")

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with sessions() as s:
        result = store.verify(s)
    assert result.ok
    assert result.checked == 41


@pytest.mark.parametrize("month", ["9999-12", "0000-01", "2026-1", "2026-11-01", "2026-00"])
def test_month_bounds_refuses_months_out_of_range_with_a_clear_error(month):
    with pytest.raises(ValueError, match="month must look like 2026-11"):
        store.month_bounds(month)


def test_record_config_audits_the_fingerprint_and_whether_it_changed(sessions):
    with sessions() as s:
        first = store.record_config(s, fingerprint="a" * 64, ts=T0, version="0.1.0")
        same = store.record_config(s, fingerprint="a" * 64, ts=T0 + timedelta(hours=1), version="0.1.0")
        changed = store.record_config(s, fingerprint="b" * 64, ts=T0 + timedelta(hours=2), version="0.1.0")
        s.commit()
        assert store.verify(s).ok
    assert (first.detail["new"], first.detail["previous"]) == (True, None)
    assert (same.detail["new"], same.detail["previous"]) == (False, "a" * 64)
    assert (changed.detail["new"], changed.detail["previous"]) == (True, "a" * 64)
    assert changed.action == audit.CONFIG_LOADED
