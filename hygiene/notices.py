"""The Notifier: sends the sender's notice exactly once per case, through the `MailGateway` port.

Exactly-once across crashes and the gateway's own retries:

1. A ``notices`` row with the case's dedup key (HMAC of case id + mailbox) in state ``sending`` is committed BEFORE
   ``sendMail``; the mail carries ``X-Hygiene-Notice: <dedup_key>``.
2. After ``sendMail`` returns, the row becomes ``sent`` together with its ``notice_sent`` audit event.
3. A later call that finds the row still ``sending`` (a crash, or a send whose response was lost) first asks
   ``gateway.sent_with_header(sender_mailbox, "X-Hygiene-Notice", key)``; only if Sent Items has no such message,
   and the send is older than `SENT_ITEMS_SETTLE_S` (Exchange files a sent message in Sent Items asynchronously),
   is the notice sent again. A younger unconfirmed send raises `NoticeError` so the worker retries later.

Suppressed notices (see `hygiene.domain.notice.suppression_reason`, plus the per-sender window
``[notice] per_sender_window_hours``) get a ``suppressed`` row and a ``notice_suppressed`` audit event with the reason.
Audit details hold the reason, variant, language, dedup key and the sender as a keyed hash: never an address.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from hygiene.adapters.store import audit
from hygiene.adapters.store.models import NoticeRow
from hygiene.domain import audit as actions
from hygiene.domain import notice as notice_domain
from hygiene.domain.notice import HEADER, Templates
from hygiene.errors import ConfigError, NoticeError
from hygiene.ports import Clock, MailGateway

SENT_ITEMS_SETTLE_S = 120.0
"""How long after a send whose outcome is unknown we trust "not in Sent Items" to mean "not sent"."""

_TEMPLATE_SUFFIXES = (".txt", ".html")


@dataclass(frozen=True, slots=True)
class NoticeOutcome:
    """What `Notifier.notify` did: ``status`` is ``sent``, ``suppressed`` or ``already`` (an earlier call finished)."""

    status: str
    dedup_key: str
    reason: str | None = None
    language: str | None = None
    variant: str | None = None


def load_templates(templates_dir: Path | None) -> Templates:
    """The built-in templates with the organisation's files from ``templates_dir`` on top (None: built-ins only).

    Raises:
        ConfigError: the directory is missing or unreadable, or a file is invalid (names file and placeholder).
    """
    if templates_dir is None:
        return Templates.builtin()
    path = Path(templates_dir)
    if not path.is_dir():
        raise ConfigError([f"notice.templates_dir: {str(path)!r} is not a directory"])
    files: dict[str, str] = {}
    for entry in sorted(path.iterdir()):
        if entry.name.startswith(".") or not entry.is_file():
            continue
        if entry.suffix not in _TEMPLATE_SUFFIXES:
            raise ConfigError([f"notice.templates_dir: unexpected file {entry.name!r}; expected .txt or .html"])
        try:
            files[entry.name] = entry.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(
                [f"notice.templates_dir: cannot read {entry.name!r} as UTF-8 ({type(exc).__name__})"]
            ) from exc
    return Templates.from_files(files)


def keyed_hash(key: bytes, value: str) -> str:
    """HMAC-SHA256 (hex) of the stripped, lower-cased ``value``: how addresses are kept (never in clear)."""
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()


def dedup_key(key: bytes, case_id: int, mailbox: str) -> str:
    """The notice's dedup key: HMAC of case id and mailbox (64 hex characters), also the X-Hygiene-Notice value."""
    return hmac.new(key, f"notice\x00{case_id}\x00{mailbox.strip().lower()}".encode(), hashlib.sha256).hexdigest()


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo is not None else ts.replace(tzinfo=UTC)


class Notifier:
    """Sends (or deliberately does not send) the notice of a case; owns the ``notices`` rows and their audit events.

    ``settings`` is the whole `hygiene.settings.Settings`; ``sessions`` a sessionmaker; ``clock`` a `Clock`.
    Override templates are loaded and validated here, so a bad ``templates_dir`` fails at start-up (`ConfigError`).
    """

    def __init__(
        self,
        settings: Any,
        gateway: MailGateway,
        sessions: sessionmaker[Session],
        clock: Clock,
        hmac_key: bytes,
        *,
        templates: Templates | None = None,
    ) -> None:
        self.settings = settings
        self.notice = settings.notice
        self.gateway = gateway
        self.sessions = sessions
        self.clock = clock
        self.hmac_key = hmac_key
        self.templates = templates if templates is not None else load_templates(self.notice.templates_dir)

    def sender_mailbox(self, mailbox: str) -> str:
        """The mailbox the notice is sent from: ``[notice] sender_mailbox`` or the recipient's own mailbox."""
        return (self.notice.sender_mailbox or "").strip() or mailbox

    async def notify(
        self,
        *,
        case_id: int,
        mailbox: str,
        sender: str | None,
        language: str | None,
        headers: Mapping[str, str],
        auto_reply: bool,
    ) -> NoticeOutcome:
        """Send the notice for ``case_id`` at most once, or record why none goes.

        Raises:
            NoticeError: an earlier send's outcome is still unknown (retry later).
            GraphError: the gateway failed; the row stays ``sending`` and the next call checks Sent Items first.
            ConfigError: the notice settings cannot render a text.
        """
        key = dedup_key(self.hmac_key, case_id, mailbox)
        from_mailbox = self.sender_mailbox(mailbox)
        with self.sessions() as session:
            row = session.scalar(select(NoticeRow).where(NoticeRow.case_id == case_id))
            if row is None:
                row = self._begin(session, key, case_id, mailbox, sender, language, headers, auto_reply)
                if row is None:  # another worker inserted it first
                    row = session.scalar(select(NoticeRow).where(NoticeRow.case_id == case_id))
                    assert row is not None
                    return NoticeOutcome("already", row.dedup_key, row.reason, row.language, row.variant)
                if row.status == "suppressed":
                    return NoticeOutcome("suppressed", key, row.reason, row.language, row.variant)
            elif row.status != "sending":
                return NoticeOutcome("already", row.dedup_key, row.reason, row.language, row.variant)
            else:  # resume: the send may have gone out before a crash or a lost response
                if await self.gateway.sent_with_header(from_mailbox, HEADER, row.dedup_key):
                    return self._finish(session, row, mailbox, sender, resumed=True)
                age_s = (self.clock.now() - _aware(row.created_at)).total_seconds()
                if age_s < SENT_ITEMS_SETTLE_S:
                    raise NoticeError(
                        f"notice for case {case_id} may be in flight (sent {age_s:.0f} s ago, not yet in Sent Items); "
                        "retry later",
                        transient=True,
                    )
            lang, variant, dkey = row.language or self.notice.default_language, row.variant or "a", row.dedup_key
        if sender is None:  # a sending row always has a sender; guards against a changed caller
            raise NoticeError(f"notice for case {case_id} has no sender to send to")
        mail = notice_domain.compose(
            language=lang,
            variant=variant,
            notice=self.notice,
            to=sender.strip(),
            dedup_key=dkey,
            templates=self.templates,
        )
        await self.gateway.send_mail(from_mailbox, mail)
        with self.sessions() as session:
            row = session.scalar(select(NoticeRow).where(NoticeRow.case_id == case_id))
            assert row is not None
            return self._finish(session, row, mailbox, sender, resumed=False)

    # --- steps ----------------------------------------------------------------------------------------------------
    def _begin(
        self,
        session: Session,
        key: str,
        case_id: int,
        mailbox: str,
        sender: str | None,
        language: str | None,
        headers: Mapping[str, str],
        auto_reply: bool,
    ) -> NoticeRow | None:
        now = self.clock.now()
        sender_hash = keyed_hash(self.hmac_key, sender) if sender else keyed_hash(self.hmac_key, "")
        lang = notice_domain.choose_language(detected=language, sender=sender, default=self.notice.default_language)
        variant = notice_domain.choose_variant(sender=sender, notice=self.notice)
        reason = notice_domain.suppression_reason(
            sender=sender, headers=headers, auto_reply=auto_reply, notice=self.notice, mailbox=mailbox
        )
        if reason is None and self._within_window(session, sender_hash, now):
            reason = "rate_window"
        row = NoticeRow(
            case_id=case_id,
            sender_hash=sender_hash,
            status="suppressed" if reason else "sending",
            reason=reason,
            language=lang,
            variant=variant,
            dedup_key=key,
            created_at=now,
        )
        session.add(row)
        if reason:
            audit.append(
                session,
                action=actions.NOTICE_SUPPRESSED,
                ts=now,
                mailbox=mailbox,
                case_id=case_id,
                sender_domain=notice_domain.sender_domain(sender),
                detail=self._detail(reason, lang, variant, key, sender_hash),
            )
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            return None
        return row

    def _within_window(self, session: Session, sender_hash: str, now: datetime) -> bool:
        hours = float(self.notice.per_sender_window_hours)
        if hours <= 0:
            return False
        since = now - timedelta(hours=hours)
        count = session.scalar(
            select(func.count())
            .select_from(NoticeRow)
            .where(
                NoticeRow.sender_hash == sender_hash,
                NoticeRow.status.in_(("sent", "sending")),
                NoticeRow.created_at >= since,
            )
        )
        return bool(count)

    def _finish(
        self, session: Session, row: NoticeRow, mailbox: str, sender: str | None, *, resumed: bool
    ) -> NoticeOutcome:
        now = self.clock.now()
        row.status = "sent"
        row.sent_at = now
        detail = self._detail(None, row.language, row.variant, row.dedup_key, row.sender_hash)
        detail["stage"] = "confirmed_in_sent_items" if resumed else "sent"
        audit.append(
            session,
            action=actions.NOTICE_SENT,
            ts=now,
            mailbox=mailbox,
            case_id=row.case_id,
            sender_domain=notice_domain.sender_domain(sender),
            detail=detail,
        )
        session.commit()
        return NoticeOutcome("sent", row.dedup_key, None, row.language, row.variant)

    @staticmethod
    def _detail(reason: str | None, language: str | None, variant: str | None, key: str, sender_hash: str) -> dict:
        return {
            "reason": reason,
            "language": language,
            "variant": variant,
            "dedup_key": key,
            "sender_hash": sender_hash,
        }
