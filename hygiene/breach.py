"""The breach register at work: the Sent Items scan and the privacy officer's reminder e-mails.

`BreachScanner` looks at each new message of a mailbox's Sent Items (the pipeline follows the folder with delta
when ``[breach] enabled``) and registers breach candidates (`hygiene.domain.breach.assess_message`). It only reads:
the delta page (with the recipients: mail to the organisation's own domains costs nothing more) and, when the
classifier's prescreen asks for it, the message's MIME. Nothing in Sent Items is ever
flagged, moved or deleted. hygiene's own mail (sender notices with ``X-Hygiene-Notice``, reminders with
``X-Hygiene-Breach``) is recognised by its header and skipped.

`BreachReminders` e-mails ``[breach] privacy_officer_mailbox`` when a candidate is found (``discovery``) and again
``[breach] reminder_before_deadline_hours`` before the 72-hour deadline while it runs (``deadline``). Each reminder
is sent exactly once, like the sender's notice (`hygiene.notices`): the send is claimed in the register before
``sendMail`` (compare-and-set, so one replica wins), the mail carries ``X-Hygiene-Breach: <dedup key>``, and it is
confirmed (with its audit event) after; a claim left unconfirmed by a crash or a lost response is resolved by
looking for the header in the sender's Sent Items before sending again. A reminder holds the mailbox, the
categories and counts, the deadline and the entry's id: never a subject, a body, an address of a recipient or a
matched value.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import Any

import structlog

from hygiene.adapters.store.breaches import DEADLINE, DISCOVERY, BreachStore, BreachView
from hygiene.domain import breach as domain
from hygiene.domain.audit import utc
from hygiene.domain.mail import MessageMeta, OutgoingMail
from hygiene.domain.notice import HEADER as NOTICE_HEADER
from hygiene.errors import GraphError, NotFoundError
from hygiene.ports import Clock, MailGateway

log = structlog.get_logger("hygiene.breach")

HEADER = "X-Hygiene-Breach"
"""Marks hygiene's reminder e-mails (value: the reminder's dedup key); the Sent Items scan skips them."""
OWN_HEADERS = (NOTICE_HEADER.lower(), HEADER.lower())
SENT_ITEMS_SETTLE_S = 120.0
"""How long after an unconfirmed send we trust "not in Sent Items" to mean "not sent" (as `hygiene.notices`)."""
SENT_ITEMS = "sentitems"


def reminder_key(key: bytes, breach_id: int, kind: str) -> str:
    """The dedup key of one reminder (64 hex characters): HMAC of the entry id and the reminder kind."""
    return hmac.new(key, f"breach-reminder\x00{breach_id}\x00{kind}".encode(), hashlib.sha256).hexdigest()


# --- the reminder text --------------------------------------------------------------------------------------------
_TEXTS = {
    "nb": {
        DISCOVERY: "Mulig avvik {id}: sensitive personopplysninger sendt ukryptert ut av virksomheten",
        DEADLINE: "Påminnelse: frist for melding av mulig avvik {id} går ut {deadline}",
        "body": (
            "hygiene har registrert et mulig avvik (brudd på personopplysningssikkerheten) som må vurderes.\n\n"
            "Avvik:          {id}\n"
            "Postboks:       {mailbox}\n"
            "Oppdaget:       {discovered}\n"
            "Frist (72 t):   {deadline}  ({left})\n"
            "Status:         {state}\n"
            "Kategorier:     {counts}\n"
            "Mottakere:      {recipients} ({external} utenfor virksomheten)\n"
            "Grunn:          {reasons}\n\n"
            "Vurder avviket: hygiene breach show {id}\n"
            "Registrer vurderingen: hygiene breach assess {id} --outcome no_breach|breach_risk|breach_high_risk "
            '--note "..."\n'
            "Er det risiko for de registrerte, skal avviket meldes til Datatilsynet innen 72 timer etter at det ble "
            "oppdaget (GDPR art. 33); ved høy risiko skal de berørte også informeres (art. 34).\n"
            "Registreringen kan også leses i revisjons-API-et: /api/v1/breaches/{id}\n"
        ),
        "left": "{hours} timer igjen",
        "overdue": "fristen er passert",
    },
    "en": {
        DISCOVERY: "Possible breach {id}: sensitive personal data sent unencrypted outside the organisation",
        DEADLINE: "Reminder: the reporting deadline of possible breach {id} is {deadline}",
        "body": (
            "hygiene registered a possible personal data breach that needs to be assessed.\n\n"
            "Breach:          {id}\n"
            "Mailbox:         {mailbox}\n"
            "Discovered:      {discovered}\n"
            "Deadline (72 h): {deadline}  ({left})\n"
            "State:           {state}\n"
            "Categories:      {counts}\n"
            "Recipients:      {recipients} ({external} outside the organisation)\n"
            "Reasons:         {reasons}\n\n"
            "Assess it: hygiene breach show {id}\n"
            "Record the assessment: hygiene breach assess {id} --outcome no_breach|breach_risk|breach_high_risk "
            '--note "..."\n'
            "Where there is a risk to the persons concerned, report it to the data-protection authority within 72 "
            "hours of discovery (GDPR art. 33); where the risk is high, inform the persons concerned too (art. 34).\n"
            "The entry is also in the audit API: /api/v1/breaches/{id}\n"
        ),
        "left": "{hours} hours left",
        "overdue": "overdue",
    },
}


def compose_reminder(view: BreachView, kind: str, *, to: str, dedup_key: str, language: str, now: Any) -> OutgoingMail:
    """The reminder e-mail for ``view`` (pure). Only the mailbox, counts, deadline and id: no content, no address of
    a recipient. Norwegian for ``nb``/``nn``, else English."""
    texts = _TEXTS["nb" if language in ("nb", "nn") else "en"]
    left = domain.hours_left(view.deadline, utc(now))
    fields = {
        "id": view.id,
        "mailbox": view.mailbox,
        "discovered": view.discovered_at.strftime("%Y-%m-%d %H:%M UTC"),
        "deadline": view.deadline.strftime("%Y-%m-%d %H:%M UTC"),
        "left": texts["overdue"] if left < 0 else texts["left"].format(hours=left),
        "state": view.state if not view.outcome else f"{view.state} ({view.outcome})",
        "counts": ", ".join(f"{c} {view.counts.get(c, '')}".strip() for c in view.categories) or "-",
        "recipients": view.recipients,
        "external": view.external_recipients,
        "reasons": ", ".join(view.reasons),
    }
    return OutgoingMail(
        to=to,
        subject=texts[kind].format(**fields),
        text=texts["body"].format(**fields),
        headers={HEADER: dedup_key, "X-Auto-Response-Suppress": "All"},
    )


class BreachReminders:
    """Sends the privacy officer's reminders exactly once each (see the module docstring).

    ``settings`` is the whole `hygiene.settings.Settings`: ``[breach] privacy_officer_mailbox`` receives them,
    ``[notice] sender_mailbox`` (or the privacy officer's own mailbox) sends them.
    """

    def __init__(
        self, settings: Any, gateway: MailGateway, store: BreachStore, clock: Clock, *, hmac_key: bytes
    ) -> None:
        self.settings = settings
        self.gateway = gateway
        self.store = store
        self.clock = clock
        self.hmac_key = hmac_key

    @property
    def to(self) -> str:
        """The privacy officer's mailbox (``[breach] privacy_officer_mailbox``)."""
        return self.settings.breach.privacy_officer_mailbox.strip()

    @property
    def sender(self) -> str:
        """The mailbox the reminders are sent from."""
        return (self.settings.notice.sender_mailbox or "").strip() or self.to

    async def remind(self, view: BreachView, kind: str) -> str:
        """Send reminder ``kind`` of ``view`` unless it went out already. Returns ``sent``, ``already`` (sent or
        confirmed in Sent Items before) or ``pending`` (another send may be in flight: try again later).

        Raises:
            GraphError: sendMail failed; the claim stays and the next call checks Sent Items first.
        """
        key = reminder_key(self.hmac_key, view.id, kind)
        started = self.store.reminder_claim(view.id, kind)
        if started is not None:  # claimed before but not confirmed: a crash, or a lost response
            if await self.gateway.sent_with_header(self.sender, HEADER, key):
                self.store.confirm_reminder(view.id, kind, dedup_key=key)
                return "already"
            if (self.clock.now() - started).total_seconds() < SENT_ITEMS_SETTLE_S:
                return "pending"
        if not self.store.claim_reminder(view.id, kind, expected=started):
            return "already" if self.store.reminder_claim(view.id, kind) is None else "pending"
        mail = compose_reminder(
            self.store.get(view.id),
            kind,
            to=self.to,
            dedup_key=key,
            language=self.settings.notice.default_language,
            now=self.clock.now(),
        )
        await self.gateway.send_mail(self.sender, mail)
        self.store.confirm_reminder(view.id, kind, dedup_key=key)
        log.info("breach_reminder_sent", breach_id=view.id, kind=kind)
        return "sent"

    async def remind_due(self) -> dict[str, int]:
        """The housekeeping check: send every reminder that is due (discovery reminders that failed before, and
        deadline reminders from ``reminder_before_deadline_hours`` before the deadline). Returns counts by result;
        a failed send is logged (no content) and retried by the next check."""
        before = timedelta(hours=float(self.settings.breach.reminder_before_deadline_hours))
        results: dict[str, int] = {}
        for view, kind in self.store.reminders_due(before_deadline=before):
            try:
                outcome = await self.remind(view, kind)
            except GraphError as exc:
                outcome = "failed"
                log.warning("breach_reminder_failed", breach_id=view.id, kind=kind, error=type(exc).__name__)
            results[outcome] = results.get(outcome, 0) + 1
        return results


# --- the Sent Items scan ------------------------------------------------------------------------------------------
@dataclass
class ScanCounts:
    """What one scan saw (counts only)."""

    scanned: int = 0
    mime_fetched: int = 0
    own_mail: int = 0
    internal_only: int = 0
    candidates: int = 0


def recipients_of(mime: bytes) -> tuple[domain.Recipients, bool]:
    """The To/Cc/Bcc addresses in the header of ``mime`` and whether it is hygiene's own mail (pure, no raise)."""
    try:
        headers = BytesHeaderParser(policy=compat32).parsebytes(mime)
    except Exception:  # a header the parser cannot read is treated as having no recipients
        return domain.Recipients(), False
    own = any(headers.get(name) is not None for name in OWN_HEADERS)

    def values(name: str) -> list[str]:
        return [str(v) for v in headers.get_all(name) or ()]

    return domain.Recipients.from_headers(values("to"), values("cc"), values("bcc")), own


class BreachScanner:
    """Classifies new Sent Items messages and registers breach candidates; read-only towards the mailbox."""

    def __init__(
        self,
        settings: Any,
        *,
        gateway: MailGateway,
        classifier: Any,
        store: BreachStore,
        reminders: BreachReminders | None,
    ) -> None:
        self.settings = settings
        self.gateway = gateway
        self.classifier = classifier
        self.store = store
        self.reminders = reminders
        self.organisation_domains = domain.normalise_domains(settings.breach.organisation_domains)
        self.counts = ScanCounts()
        # Runs CPU-bound work off the event loop (the pipeline's classification threads; None: inline)
        self.offload: Callable[..., Awaitable[Any]] | None = None

    def _classify(self, mime: bytes) -> Any:
        within = getattr(self.classifier, "classify_within", None)
        if within is not None:  # the message's time budget covers detection too
            return within(mime)[1]
        from hygiene.domain.extract import extract

        return self.classifier.classify_extraction(extract(mime, self.classifier.limits))

    async def scan_message(self, mailbox: str, meta: MessageMeta) -> BreachView | None:
        """Register ``meta`` when it is a candidate and send the discovery reminder; None when it is not one (or
        was registered before). GraphErrors other than a vanished message propagate (the mailbox is retried)."""
        self.counts.scanned += 1
        if any(name in OWN_HEADERS for name, _ in meta.headers):
            self.counts.own_mail += 1
            return None
        known = _recipients_of_meta(meta)
        if known is not None and not self._any_external(known):
            self.counts.internal_only += 1
            return None  # internal only (recipients from the delta page): no MIME needed
        if not self.classifier.needs_mime(subject=meta.subject, body=meta.body, has_attachments=meta.has_attachments):
            return None
        key = self.store.message_key(mailbox, meta.internet_message_id or meta.id)
        if self.store.known(key):
            return None
        try:
            mime = await self.gateway.get_mime(mailbox, meta.id)
        except NotFoundError:
            return None  # deleted from Sent Items since the delta page
        self.counts.mime_fetched += 1
        from_mime, own = recipients_of(mime)
        if own:
            self.counts.own_mail += 1
            return None
        recipients = known if known is not None else from_mime  # Graph's lists hold Bcc for sure
        if not self._any_external(recipients):
            self.counts.internal_only += 1
            return None  # internal only: no need to classify
        try:
            verdict = await self.offload(self._classify, mime) if self.offload else self._classify(mime)
        except Exception as exc:  # a parser bug must not stop the sweep; no content in the log
            log.warning("sent_message_unreadable", mailbox=mailbox, error=type(exc).__name__)
            return None
        candidate = domain.assess_message(
            sensitive=verdict.sensitive,
            encrypted=verdict.encrypted,
            own_mail=False,
            recipients=recipients,
            organisation_domains=self.organisation_domains,
            many_recipients_threshold=self.settings.breach.many_recipients_threshold,
        )
        if candidate is None:
            return None
        view, created = self.store.register(
            mailbox=mailbox,
            message_key=key,
            candidate=candidate,
            categories=list(verdict.categories),
            counts=dict(verdict.counts),
            sent_at=meta.received_at,
        )
        if not created:
            return None
        self.counts.candidates += 1
        log.info("breach_candidate", mailbox=mailbox, breach_id=view.id, reasons=list(candidate.reasons))
        if self.reminders is not None:
            try:
                await self.reminders.remind(view, DISCOVERY)
            except GraphError as exc:  # the housekeeping check sends it later
                log.warning("breach_reminder_failed", breach_id=view.id, kind=DISCOVERY, error=type(exc).__name__)
        return view

    def _any_external(self, recipients: domain.Recipients) -> bool:
        return any(not domain.is_internal(domain.domain_of(a), self.organisation_domains) for a in recipients.all)


def _recipients_of_meta(meta: MessageMeta) -> domain.Recipients | None:
    """The recipients Graph listed on the delta page, or None when the page did not carry them."""
    if meta.to is None and meta.cc is None and meta.bcc is None:
        return None
    return domain.Recipients.from_headers(meta.to or (), meta.cc or (), meta.bcc or ())


__all__ = [
    "DEADLINE",
    "DISCOVERY",
    "HEADER",
    "SENT_ITEMS",
    "BreachReminders",
    "BreachScanner",
    "compose_reminder",
    "recipients_of",
    "reminder_key",
]
