"""An in-memory `MailGateway` for notice tests: an outbox per mailbox, Sent Items, and injectable failures.

Only the two calls the Notifier uses are real; the rest raise. ``lose_next_response`` makes the next ``send_mail``
deliver the message and then raise (the response was lost on the way back), as a real POST retry would see it.
``fail_next_send`` makes the next ``send_mail`` raise before anything is delivered. ``settle_lag`` keeps a sent
message out of Sent Items until ``settle()`` is called (Exchange files sent mail asynchronously).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hygiene.domain.mail import OutgoingMail
from hygiene.errors import GraphError


class LostResponse(GraphError):
    """The request reached the server but its response never came back."""


@dataclass
class FakeNoticeGateway:
    """Records every notice sent; Sent Items is what `sent_with_header` searches."""

    outbox: list[tuple[str, OutgoingMail]] = field(default_factory=list)
    sent_items: dict[str, list[OutgoingMail]] = field(default_factory=dict)
    lose_next_response: bool = False
    fail_next_send: bool = False
    settle_lag: bool = False
    pending: list[tuple[str, OutgoingMail]] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    async def send_mail(self, mailbox: str, mail: OutgoingMail) -> None:
        self.calls.append("send_mail")
        if self.fail_next_send:
            self.fail_next_send = False
            raise GraphError("connection reset before the request was sent")
        self.outbox.append((mailbox.lower(), mail))
        if self.settle_lag:
            self.pending.append((mailbox.lower(), mail))
        else:
            self.sent_items.setdefault(mailbox.lower(), []).append(mail)
        if self.lose_next_response:
            self.lose_next_response = False
            raise LostResponse("response lost")

    def settle(self) -> None:
        for mailbox, mail in self.pending:
            self.sent_items.setdefault(mailbox, []).append(mail)
        self.pending.clear()

    async def sent_with_header(self, mailbox: str, header: str, value: str) -> bool:
        self.calls.append("sent_with_header")
        for mail in self.sent_items.get(mailbox.lower(), []):
            if any(k.lower() == header.lower() and v == value for k, v in mail.headers.items()):
                return True
        return False

    def __getattr__(self, name: str):  # every other MailGateway call is not for the notifier
        raise AttributeError(f"FakeNoticeGateway does not implement {name}")
