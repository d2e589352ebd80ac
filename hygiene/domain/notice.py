"""The sender's notice: texts, composition, language choice and suppression rules (pure: no I/O).

When a message with sensitive data that arrived unencrypted is handled in ``enforce`` mode, the sender gets a NEW
message (never a reply or forward) with the organisation's standard privacy text. This module holds:

- the built-in templates in nb, nn, sv, da and en, each in two variants:
  ``a`` "we have deleted your message; call us at {phone} or use {secure_channel_name}" and
  ``b`` a general answer: deleted, pointing to the secure channel and the privacy page, no reference to content;
- `Templates`: built-ins, optionally overridden by an organisation's own files (validated placeholders);
- `compose`: the `OutgoingMail` (fixed subject per language, plain text + simple HTML, ``X-Hygiene-Notice``);
- `choose_language`, `choose_variant` and `suppression_reason`.

A notice never contains the original subject, quoted text, attachments or matched values: `compose` has no
parameter through which any of them could enter.

Override files (``[notice] templates_dir``), one pair per language and variant, all optional::

    nb_a.txt     first line "Subject: <subject>", a blank line, then the plain-text body
    nb_a.html    optional: the HTML body (simple HTML; no scripts, images, forms or frames)

Placeholders are ``{organisation_name}``, ``{phone}``, ``{secure_channel_name}``, ``{secure_channel_url}`` and
``{privacy_url}``; an unknown placeholder, or a text missing one that its variant needs (`REQUIRED`), is a
`ConfigError` naming the file and the placeholder. Values are HTML-escaped in the HTML body.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

from hygiene.domain.mail import OutgoingMail
from hygiene.errors import ConfigError

LANGUAGES: tuple[str, ...] = ("nb", "nn", "sv", "da", "en")
VARIANTS: tuple[str, ...] = ("a", "b")
HEADER = "X-Hygiene-Notice"
"""The x- header every notice carries; its value is the notice's dedup key (loop protection and Sent Items check)."""

PLACEHOLDERS: frozenset[str] = frozenset(
    {"organisation_name", "phone", "secure_channel_name", "secure_channel_url", "privacy_url"}
)
REQUIRED: Mapping[str, frozenset[str]] = {
    "a": frozenset({"phone", "secure_channel_name"}),
    "b": frozenset({"secure_channel_name", "privacy_url"}),
}
"""Placeholders a body of each variant must use (the subject may use any placeholder, or none)."""

_URL_PLACEHOLDERS = frozenset({"secure_channel_url", "privacy_url"})
_PLACEHOLDER_RE = re.compile(r"\{([^{}\s]*)\}")
_FILE_RE = re.compile(r"^(?P<lang>[a-z]{2})_(?P<variant>[a-z])\.(?P<ext>txt|html)$")
_UNSAFE_HTML_RE = re.compile(
    r"<\s*(script|style|iframe|frame|object|embed|form|img|link|meta|base)\b|\bon\w+\s*=", re.I
)

# Auto-replies, bounces and addresses nobody reads.
_BOUNCE_LOCALPARTS = frozenset({"mailer-daemon", "postmaster", "mail-daemon", "bounce", "bounces"})
_NOREPLY_RE = re.compile(r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply[-_.].*|.*[-_.]noreply)$")
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})

# Country-code top-level domains whose language we can write in. Finland: most Finns read English more readily
# than Swedish, so .fi gets English; Åland (.ax) is Swedish-speaking. Greenland and the Faroes read Danish.
_TLD_LANGUAGE: Mapping[str, str] = {
    "no": "nb",
    "sj": "nb",
    "se": "sv",
    "ax": "sv",
    "dk": "da",
    "gl": "da",
    "fo": "da",
    "fi": "en",
    "is": "en",
    "uk": "en",
    "ie": "en",
}


@dataclass(frozen=True, slots=True)
class NoticeTemplate:
    """One language and variant: a fixed subject, a plain-text body, and an optional hand-written HTML body.

    ``source`` says where it came from ("built-in" or a file name) for error messages.
    """

    subject: str
    text: str
    html: str | None = None
    source: str = "built-in"


@dataclass(frozen=True, slots=True)
class Templates:
    """The notice texts per (language, variant): the built-ins with an organisation's overrides on top."""

    by_key: Mapping[tuple[str, str], NoticeTemplate] = field(default_factory=dict)

    @classmethod
    def builtin(cls) -> Templates:
        """The texts shipped with hygiene."""
        return cls(dict(_BUILTIN))

    @classmethod
    def from_files(cls, files: Mapping[str, str]) -> Templates:
        """Built-ins overridden by ``files`` (file name -> content, as found in ``[notice] templates_dir``).

        Raises:
            ConfigError: an unknown file name, a ``.txt`` without its ``Subject:`` line, an ``.html`` without its
                ``.txt``, unsafe HTML, an unknown placeholder, or a body missing a placeholder its variant needs.
        """
        problems: list[str] = []
        parsed: dict[tuple[str, str], dict[str, Any]] = {}
        for name in sorted(files):
            m = _FILE_RE.match(name)
            if not m or m["lang"] not in LANGUAGES or m["variant"] not in VARIANTS:
                problems.append(
                    f"notice.templates_dir: unexpected file {name!r}; expected <language>_<variant>.txt or .html "
                    f"with language in {', '.join(LANGUAGES)} and variant a or b"
                )
                continue
            parsed.setdefault((m["lang"], m["variant"]), {})[m["ext"]] = (name, files[name])
        merged = dict(_BUILTIN)
        for (lang, variant), parts in sorted(parsed.items()):
            if "txt" not in parts:
                name = parts["html"][0]
                problems.append(f"notice.templates_dir: {name!r} needs a plain-text {lang}_{variant}.txt next to it")
                continue
            txt_name, content = parts["txt"]
            subject, sep, body = content.lstrip("\ufeff").partition("\n")
            if not subject.lower().startswith("subject:") or not sep:
                problems.append(
                    f"notice.templates_dir: {txt_name!r} must start with a 'Subject: ...' line, "
                    "then a blank line and the body"
                )
                continue
            subject = subject.split(":", 1)[1].strip()
            body = body.lstrip("\r\n").rstrip() + "\n"
            problems += _check_placeholders(txt_name, subject, required=frozenset())
            problems += _check_placeholders(txt_name, body, required=REQUIRED[variant])
            if not subject:
                problems.append(f"notice.templates_dir: {txt_name!r} has an empty subject")
            html_body = None
            if "html" in parts:
                html_name, html_body = parts["html"]
                problems += _check_placeholders(html_name, html_body, required=REQUIRED[variant])
                if _UNSAFE_HTML_RE.search(html_body):
                    problems.append(
                        f"notice.templates_dir: {html_name!r} must be simple HTML "
                        "(no script, style, image, form, frame, link or event attributes)"
                    )
            merged[(lang, variant)] = NoticeTemplate(subject, body, html_body, source=txt_name)
        if problems:
            raise ConfigError(problems)
        return cls(merged)

    def get(self, language: str, variant: str) -> NoticeTemplate:
        """The template for ``language`` and ``variant``; raises `ConfigError` for an unknown one."""
        try:
            return self.by_key[(language, variant)]
        except KeyError:
            raise ConfigError(
                [
                    f"no notice template for language {language!r} variant {variant!r}; languages: "
                    f"{', '.join(LANGUAGES)}, variants: a, b"
                ]
            ) from None


def _check_placeholders(name: str, text: str, *, required: frozenset[str]) -> list[str]:
    problems: list[str] = []
    used = set(_PLACEHOLDER_RE.findall(text))
    for unknown in sorted(used - PLACEHOLDERS):
        problems.append(
            f"notice.templates_dir: {name!r} uses unknown placeholder {{{unknown}}}; "
            f"known: {', '.join('{' + p + '}' for p in sorted(PLACEHOLDERS))}"
        )
    for missing in sorted(required - used):
        problems.append(f"notice.templates_dir: {name!r} is missing placeholder {{{missing}}}")
    return problems


# --- composition --------------------------------------------------------------------------------------------------
def placeholder_values(notice: Any) -> dict[str, str]:
    """The placeholder values from ``[notice]`` settings (organisation name, phone, secure channel, privacy page)."""
    return {p: str(getattr(notice, p, "") or "").strip() for p in PLACEHOLDERS}


def _check_values(values: Mapping[str, str], used: set[str]) -> None:
    problems = []
    for key in sorted(used):
        if not values.get(key):
            problems.append(f"notice.{key} is empty but the notice text uses {{{key}}}; set it in [notice]")
        elif key in _URL_PLACEHOLDERS and not re.match(r"^https?://\S+$", values[key]):
            problems.append(f"notice.{key} must be an http(s) URL")
    if problems:
        raise ConfigError(problems)


def _fill(text: str, values: Mapping[str, str], *, escape: bool = False, link: bool = False) -> str:
    """Replace placeholders; with ``escape`` the literal text is HTML-escaped as well (built-in HTML from text)."""
    out: list[str] = []
    pos = 0
    for m in _PLACEHOLDER_RE.finditer(text):
        literal = text[pos : m.start()]
        out.append(html.escape(literal, quote=False) if escape else literal)
        value = values[m[1]]
        if link and m[1] in _URL_PLACEHOLDERS:
            v = html.escape(value, quote=True)
            out.append(f'<a href="{v}">{v}</a>')
        elif link or escape:
            out.append(html.escape(value, quote=True))
        else:
            out.append(value)
        pos = m.end()
    tail = text[pos:]
    out.append(html.escape(tail, quote=False) if escape else tail)
    return "".join(out)


def _html_from_text(text: str, values: Mapping[str, str]) -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    body = "\n".join(
        "<p>" + "<br>\n".join(_fill(line, values, escape=True, link=True) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n<body>\n{body}\n</body></html>\n'


def render(template: NoticeTemplate, notice: Any) -> tuple[str, str, str]:
    """(subject, text, html) of ``template`` filled with the ``[notice]`` settings.

    Raises:
        ConfigError: a placeholder the text uses has an empty value, or a URL setting is not http(s).
    """
    values = placeholder_values(notice)
    used = set(_PLACEHOLDER_RE.findall(template.subject + template.text + (template.html or "")))
    _check_values(values, used & PLACEHOLDERS)
    subject = " ".join(_fill(template.subject, values).split())
    text = _fill(template.text, values)
    body_html = _fill_html(template.html, values) if template.html else _html_from_text(template.text, values)
    return subject, text, body_html


def _fill_html(text: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER_RE.sub(lambda m: html.escape(values[m[1]], quote=True), text)


def compose(
    *,
    language: str,
    variant: str,
    notice: Any,
    to: str,
    dedup_key: str,
    templates: Templates | None = None,
) -> OutgoingMail:
    """The notice to ``to`` as a new message: fixed subject, plain text + HTML, header ``X-Hygiene-Notice``.

    ``notice`` is the ``[notice]`` settings section (`hygiene.settings.NoticeSettings`). Nothing from the received
    message can enter: no subject, no quoted text, no attachment, no matched value.

    Raises:
        ConfigError: unknown language or variant, or a setting the text needs is empty or malformed.
    """
    template = (templates or _BUILTIN_TEMPLATES).get(language, variant)
    subject, text, body_html = render(template, notice)
    return OutgoingMail(to=to, subject=subject, text=text, html=body_html, headers={HEADER: dedup_key})


# --- language and variant -----------------------------------------------------------------------------------------
def sender_domain(sender: str | None) -> str | None:
    """The lower-cased domain of an address, or None when it has none."""
    if not sender or "@" not in sender:
        return None
    domain = sender.strip().strip("<>").rsplit("@", 1)[1].strip().rstrip(".").lower()
    return domain or None


def choose_language(*, detected: str | None, sender: str | None, default: str) -> str:
    """The notice language: the detector's guess, else the sender's country domain, else ``default``.

    Country domains: .no -> nb (nn when ``default`` is nn), .se/.ax -> sv, .dk/.gl/.fo -> da, .fi/.is/.uk/.ie -> en.
    """
    if detected in LANGUAGES:
        return detected  # type: ignore[return-value]
    domain = sender_domain(sender)
    if domain:
        lang = _TLD_LANGUAGE.get(domain.rsplit(".", 1)[-1])
        if lang == "nb" and default == "nn":
            return "nn"
        if lang:
            return lang
    return default


def is_internal(sender: str | None, notice: Any) -> bool:
    """Whether ``sender`` is in one of ``[notice] internal_domains`` (or a subdomain of one)."""
    domain = sender_domain(sender)
    if not domain:
        return False
    return any(_domain_matches(domain, d) for d in getattr(notice, "internal_domains", ()) or ())


def choose_variant(*, sender: str | None, notice: Any) -> str:
    """``[notice] internal_variant`` for internal senders when it is set, else ``[notice] variant``."""
    internal = getattr(notice, "internal_variant", "") or ""
    if internal and is_internal(sender, notice):
        return internal
    return notice.variant


def _domain_matches(domain: str, pattern: str) -> bool:
    pattern = pattern.strip().lstrip("@").lower().rstrip(".")
    return bool(pattern) and (domain == pattern or domain.endswith("." + pattern))


def _header(headers: Mapping[str, str], name: str) -> str:
    for k, v in headers.items():
        if k.lower() == name:
            return str(v or "").strip().lower()
    return ""


def _on_deny_list(address: str, deny: list[str] | tuple[str, ...]) -> bool:
    domain = address.rsplit("@", 1)[1]
    for entry in deny:
        e = entry.strip().lower()
        if not e:
            continue
        if any(c in e for c in "*?["):
            if fnmatchcase(address, e):
                return True
        elif "@" in e and not e.startswith("@"):
            if address == e:
                return True
        elif _domain_matches(domain, e):
            return True
    return False


def suppression_reason(
    *,
    sender: str | None,
    headers: Mapping[str, str],
    auto_reply: bool,
    notice: Any,
    mailbox: str,
) -> str | None:
    """Why no notice may go to ``sender``, or None when one may. Checked in this order:

    - ``no_sender``: no usable address;
    - ``own_notice``: the message is itself a hygiene notice (``X-Hygiene-Notice``: loop protection);
    - ``self``: the sender is the mailbox itself or the configured notice sender mailbox;
    - ``bounce``: mailer-daemon/postmaster senders, an empty Return-Path, a delivery status report;
    - ``auto_reply``: ``Auto-Submitted`` other than ``no``, ``Precedence: bulk|list|junk``, the detector's flag;
    - ``no_reply``: no-reply/do-not-reply addresses;
    - ``deny_list``: ``[notice] deny_senders`` (addresses, domains incl. subdomains, or glob patterns).

    The per-sender window (``rate_window``) needs the notice history and is checked by `hygiene.notices.Notifier`.
    """
    address = (sender or "").strip().strip("<>").strip().lower()
    if not address or "@" not in address or address.startswith("@") or address.endswith("@"):
        return "no_sender"
    if _header(headers, "x-hygiene-notice"):
        return "own_notice"
    own = {mailbox.strip().lower(), (getattr(notice, "sender_mailbox", "") or "").strip().lower()} - {""}
    if address in own:
        return "self"
    local = address.rsplit("@", 1)[0]
    empty_return_path = "return-path" in {k.lower() for k in headers} and _header(headers, "return-path") in ("<>", "")
    delivery_report = "report-type=delivery-status" in _header(headers, "content-type").replace(" ", "")
    if local in _BOUNCE_LOCALPARTS or empty_return_path or delivery_report:
        return "bounce"
    auto_submitted = _header(headers, "auto-submitted")
    if auto_reply or (auto_submitted and auto_submitted != "no"):
        return "auto_reply"
    if _header(headers, "precedence") in _BULK_PRECEDENCE:
        return "auto_reply"
    if _header(headers, "x-auto-response-suppress") in ("all", "oof") and _header(headers, "x-ms-exchange-generated"):
        return "auto_reply"
    if _NOREPLY_RE.match(local):
        return "no_reply"
    if _on_deny_list(address, list(getattr(notice, "deny_senders", ()) or ())):
        return "deny_list"
    return None


# ruff: noqa: E501  (the built-in texts keep one paragraph per line: that is how they are sent)
# --- the built-in texts -------------------------------------------------------------------------------------------
# Written for hygiene (not taken from any seed text). Each says only that the message held information that must
# not travel by ordinary e-mail: never what it was.
_SUBJECTS: Mapping[str, str] = {
    "nb": "Henvendelsen din er slettet av hensyn til personvernet",
    "nn": "Førespurnaden din er sletta av omsyn til personvernet",
    "sv": "Ditt meddelande har raderats för att skydda din integritet",
    "da": "Din henvendelse er slettet af hensyn til databeskyttelsen",
    "en": "Your message has been deleted to protect your privacy",
}

_TEXTS: Mapping[tuple[str, str], str] = {
    ("nb", "a"): """\
Hei,

Takk for at du tok kontakt med {organisation_name}.

E-posten du sendte oss, inneholdt opplysninger som ikke bør sendes med vanlig e-post. Vanlig e-post er ikke kryptert og kan komme på avveier. For å beskytte deg har vi derfor slettet meldingen fra e-postsystemet vårt uten å behandle den videre.

Vi vil gjerne hjelpe deg. Ring oss på {phone}, eller send henvendelsen på nytt gjennom {secure_channel_name}: {secure_channel_url}

Vi ber om at du ikke svarer på denne e-posten med personopplysninger.

Denne e-posten er sendt automatisk.

Med vennlig hilsen
{organisation_name}
""",
    ("nb", "b"): """\
Hei,

Takk for e-posten din til {organisation_name}.

Vi kan ikke behandle personopplysninger som kommer til oss med vanlig e-post, og har derfor slettet meldingen fra e-postsystemet vårt. Dette er et generelt svar som alle i samme situasjon får fra oss.

Vil du fortsette dialogen med oss, ber vi deg bruke {secure_channel_name}: {secure_channel_url}

Du kan lese mer om hvordan vi behandler personopplysninger, på {privacy_url}

Denne e-posten er sendt automatisk.

Med vennlig hilsen
{organisation_name}
""",
    ("nn", "a"): """\
Hei,

Takk for at du tok kontakt med {organisation_name}.

E-posten du sende oss, inneheldt opplysningar som ikkje bør sendast med vanleg e-post. Vanleg e-post er ikkje kryptert og kan kome på avvegar. For å verne deg har vi difor sletta meldinga frå e-postsystemet vårt utan å handsame ho vidare.

Vi vil gjerne hjelpe deg. Ring oss på {phone}, eller send førespurnaden på nytt gjennom {secure_channel_name}: {secure_channel_url}

Ver venleg og ikkje svar på denne e-posten med personopplysningar.

Denne e-posten er sendt automatisk.

Med venleg helsing
{organisation_name}
""",
    ("nn", "b"): """\
Hei,

Takk for e-posten din til {organisation_name}.

Vi kan ikkje handsame personopplysningar som kjem til oss med vanleg e-post, og har difor sletta meldinga frå e-postsystemet vårt. Dette er eit generelt svar som alle i same situasjon får frå oss.

Vil du halde fram med dialogen, ber vi deg bruke {secure_channel_name}: {secure_channel_url}

Du kan lese meir om korleis vi handsamar personopplysningar, på {privacy_url}

Denne e-posten er sendt automatisk.

Med venleg helsing
{organisation_name}
""",
    ("sv", "a"): """\
Hej,

Tack för att du kontaktade {organisation_name}.

Ditt e-postmeddelande innehöll uppgifter som inte bör skickas med vanlig e-post. Vanlig e-post är inte krypterad och kan hamna hos obehöriga. För att skydda dig har vi därför raderat meddelandet från vårt e-postsystem utan att behandla det vidare.

Vi hjälper dig gärna. Ring oss på {phone} eller skicka ditt ärende på nytt via {secure_channel_name}: {secure_channel_url}

Vi ber dig att inte svara på det här meddelandet med personuppgifter.

Meddelandet har skickats automatiskt.

Med vänliga hälsningar
{organisation_name}
""",
    ("sv", "b"): """\
Hej,

Tack för ditt e-postmeddelande till {organisation_name}.

Vi kan inte behandla personuppgifter som skickas till oss med vanlig e-post och har därför raderat meddelandet från vårt e-postsystem. Det här är ett allmänt svar som alla i samma situation får från oss.

Om du vill fortsätta kontakten med oss ber vi dig att använda {secure_channel_name}: {secure_channel_url}

Läs mer om hur vi behandlar personuppgifter på {privacy_url}

Meddelandet har skickats automatiskt.

Med vänliga hälsningar
{organisation_name}
""",
    ("da", "a"): """\
Hej,

Tak for din henvendelse til {organisation_name}.

Din e-mail indeholdt oplysninger, som ikke bør sendes med almindelig e-mail. Almindelig e-mail er ikke krypteret og kan komme uvedkommende i hænde. For at beskytte dig har vi derfor slettet beskeden fra vores e-mailsystem uden at behandle den yderligere.

Vi vil gerne hjælpe dig. Ring til os på {phone}, eller send din henvendelse igen via {secure_channel_name}: {secure_channel_url}

Vi beder dig om ikke at svare på denne e-mail med personoplysninger.

Denne e-mail er sendt automatisk.

Med venlig hilsen
{organisation_name}
""",
    ("da", "b"): """\
Hej,

Tak for din e-mail til {organisation_name}.

Vi kan ikke behandle personoplysninger, der sendes til os med almindelig e-mail, og har derfor slettet beskeden fra vores e-mailsystem. Dette er et generelt svar, som alle i samme situation får fra os.

Hvis du vil fortsætte dialogen med os, beder vi dig bruge {secure_channel_name}: {secure_channel_url}

Du kan læse mere om, hvordan vi behandler personoplysninger, på {privacy_url}

Denne e-mail er sendt automatisk.

Med venlig hilsen
{organisation_name}
""",
    ("en", "a"): """\
Hello,

Thank you for contacting {organisation_name}.

Your e-mail contained information that should not be sent by ordinary e-mail. Ordinary e-mail is not encrypted and can reach the wrong people. To protect you, we have therefore deleted the message from our e-mail system without processing it further.

We would be glad to help you. Please call us on {phone}, or send your enquiry again through {secure_channel_name}: {secure_channel_url}

Please do not reply to this e-mail with personal information.

This e-mail was sent automatically.

Kind regards
{organisation_name}
""",
    ("en", "b"): """\
Hello,

Thank you for your e-mail to {organisation_name}.

We cannot process personal information that reaches us by ordinary e-mail, so we have deleted the message from our e-mail system. This is a general answer that everyone in the same situation receives from us.

If you would like to continue the conversation, please use {secure_channel_name}: {secure_channel_url}

You can read more about how we process personal information at {privacy_url}

This e-mail was sent automatically.

Kind regards
{organisation_name}
""",
}

_BUILTIN: Mapping[tuple[str, str], NoticeTemplate] = {
    (lang, variant): NoticeTemplate(_SUBJECTS[lang], _TEXTS[(lang, variant)])
    for lang in LANGUAGES
    for variant in VARIANTS
}
_BUILTIN_TEMPLATES = Templates(_BUILTIN)
