"""The demo tenant: Nordic users in two groups and realistic mail in nb, nn, sv, da and en.

`demo_tenant(seed, users, messages_per_user)` is deterministic for a seed (content, folders, labels; received
times are relative to now). A few percent of the messages carry sensitive data (synthetic identity numbers with
valid check digits from `hygiene.sandbox.ids`, health details), some are encrypted (S/MIME enveloped data,
Microsoft Purview ``message.rpmsg``), some are automatic replies, the rest is ordinary office mail. With
``corpus_dir`` (the labelled corpus, ``shared/corpus``) a tenth of the messages are drawn from it instead.

What each generated message is (its ground truth) is kept in ``tenant.labels`` by immutable id, for tests and
for checking a sweep's result; it holds kinds and flags, never the values.
"""

from __future__ import annotations

import base64
import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.header import Header
from email.utils import format_datetime
from pathlib import Path

from hygiene.sandbox import ids
from hygiene.sandbox.tenant import Tenant, User

LANGUAGES = ("nb", "nn", "sv", "da", "en")
OPT_IN_GROUP = "hygiene-opt-in"
ALL_STAFF_GROUP = "Alle tilsette"

_FIRST = {
    "nb": ["Kari", "Ola", "Ingrid", "Lars", "Silje", "Eirik", "Marte", "Jonas", "Hanne", "Per"],
    "nn": ["Solveig", "Ivar", "Gunnhild", "Torleiv", "Ragnhild", "Sjur", "Åse", "Olav"],
    "sv": ["Anna", "Erik", "Maja", "Johan", "Elsa", "Nils", "Karin", "Oskar"],
    "da": ["Mette", "Søren", "Freja", "Mads", "Louise", "Rasmus", "Ida", "Anders"],
    "en": ["Emma", "James", "Olivia", "Noah", "Grace", "Liam"],
}
_LAST = ["Nordmann", "Haugen", "Berg", "Lindqvist", "Johansson", "Nielsen", "Sørensen", "Dahl", "Vik", "Moe",
         "Strand", "Holm", "Lund", "Eriksen", "Bakke", "Smith"]  # fmt: skip
_EXTERNAL = ["innbygger.example", "skole.example", "legekontor.example", "leverandor.example", "kommune.example",
             "foreldre.example", "partner.example"]  # fmt: skip

# (subject, body) templates of ordinary mail, per language
_CLEAN = {
    "nb": [
        (
            "Møte torsdag",
            "Hei {to},\n\nKan vi flytte møtet på torsdag til klokka 14? Rom 3 er ledig.\n\nHilsen {sender}",
        ),
        ("Faktura {n}", "Vedlagt finner du faktura {n} for oktober. Forfall om 30 dager.\n\nMvh {sender}"),
        ("Lunsj?", "Noen som blir med på lunsj i kantina klokka 11:30?\n\n{sender}"),
        ("Referat fra styremøtet", "Her er referatet fra styremøtet. Neste møte blir 12. desember.\n\n{sender}"),
        ("Nyhetsbrev uke {n}", "Denne uka: ny kantine, oppdatert reisepolicy og julebord-påmelding.\n"),
    ],
    "nn": [
        (
            "Møte på fredag",
            "Hei {to},\n\nEg lurer på om vi kan ta møtet på fredag i staden. Det passar betre for meg.\n\n"
            "Helsing {sender}",
        ),
        ("Dugnad i barnehagen", "Vi minner om dugnaden laurdag klokka 10. Ta med arbeidshanskar.\n\n{sender}"),
        ("Kommunestyret", "Sakslista for kommunestyremøtet er no lagd ut på nettsida.\n\nHelsing {sender}"),
    ],
    "sv": [
        (
            "Möte på tisdag",
            "Hej {to},\n\nKan vi ses på tisdag klockan 10 i stället? Jag bokar rummet.\n\nHälsningar {sender}",
        ),
        (
            "Beställning {n}",
            "Tack för din beställning {n}. Leverans inom fem arbetsdagar.\n\nMed vänlig hälsning {sender}",
        ),
        ("Fika", "Det finns kaka i fikarummet klockan tre!\n\n{sender}"),
    ],
    "da": [
        (
            "Møde om budgettet",
            "Hej {to},\n\nSkal vi mødes om budgettet på onsdag? Jeg har et udkast klar.\n\nVenlig hilsen {sender}",
        ),
        ("Faktura {n}", "Vedhæftet faktura {n}. Betalingsfrist 14 dage.\n\nMed venlig hilsen {sender}"),
        ("Personalemøde", "Husk personalemødet i morgen klokken 9 i kantinen.\n\n{sender}"),
    ],
    "en": [
        (
            "Project update",
            "Hi {to},\n\nQuick update: the pilot is on track and the report is due on Friday.\n\nBest, {sender}",
        ),
        ("Invoice {n}", "Please find invoice {n} for lab supplies attached. Payment terms 30 days.\n\n{sender}"),
        ("Conference call", "Dial-in details for tomorrow's call are in the calendar invite.\n\n{sender}"),
    ],
}

# sensitive templates: (subject, body, kinds, categories); {id} is filled with a valid identity number
_SENSITIVE = {
    "nb": [
        (
            "Sykemelding",
            "Hei,\n\nJeg er sykemeldt denne uka. Legen har gitt meg diagnosen lungebetennelse og "
            "jeg står på antibiotika.\nFødselsnummeret mitt er {id} hvis dere trenger det til NAV.\n\n{sender}",
            ("no_fnr",),
            ("national_id", "health"),
        ),
        (
            "Innmelding SFO",
            "Hei!\n\nVi ønsker å melde på datteren vår. Fødselsnummer: {id}.\nHun har diabetes type 1 "
            "og trenger insulin til lunsj.\n\nHilsen {sender}",
            ("no_fnr",),
            ("national_id", "health"),
        ),
        (
            "Lønnsslipp",
            "Hei, jeg har byttet bank. Mitt fødselsnr. er {id}, kan dere oppdatere lønnssystemet?\n\n{sender}",
            ("no_fnr",),
            ("national_id",),
        ),
    ],
    "nn": [
        (
            "Sjukmelding",
            "Hei,\n\nEg er sjukmeld med depresjon og går til behandling hjå psykolog.\n"
            "Fødselsnummeret mitt er {id}.\n\nHelsing {sender}",
            ("no_fnr",),
            ("national_id", "health"),
        ),
    ],
    "sv": [
        (
            "Sjukanmälan",
            "Hej,\n\nJag är sjukskriven två veckor efter operationen. Mitt personnummer är {id}.\n\n"
            "Hälsningar {sender}",
            ("se_pnr",),
            ("national_id", "health"),
        ),
        (
            "Ansökan förskola",
            "Hej, vi ansöker om plats för vår son, personnummer {id}. Han har astma.\n\n{sender}",
            ("se_pnr",),
            ("national_id", "health"),
        ),
    ],
    "da": [
        (
            "Sygemelding",
            "Hej,\n\nJeg er sygemeldt med en diskusprolaps. Mit CPR-nummer er {id}.\n\n" "Venlig hilsen {sender}",
            ("dk_cpr",),
            ("national_id", "health"),
        ),
        (
            "Boligstøtte",
            "Hej, her er mine oplysninger til ansøgningen om boligstøtte. CPR-nr.: {id}\n\n{sender}",
            ("dk_cpr",),
            ("national_id",),
        ),
    ],
    "en": [
        (
            "Medical certificate",
            "Hello,\n\nMy son was diagnosed with epilepsy last week and will be absent. "
            "His Norwegian national identity number (fødselsnummer) is {id}.\n\nKind regards, {sender}",
            ("no_fnr",),
            ("national_id", "health"),
        ),
    ],
}
_ID_FOR_KIND = {"no_fnr": ids.no_fnr, "se_pnr": ids.se_pnr, "dk_cpr": ids.dk_cpr}

_AUTO_REPLY = {
    "nb": ("Automatisk svar: {subject}", "Jeg er på ferie til 15. august og har begrenset tilgang til e-post.\n"),
    "nn": ("Automatisk svar: {subject}", "Eg er på ferie og les ikkje e-post før 1. september.\n"),
    "sv": ("Automatiskt svar: {subject}", "Jag är på semester till och med vecka 32.\n"),
    "da": ("Automatisk svar: {subject}", "Jeg holder ferie og er tilbage mandag.\n"),
    "en": ("Automatic reply: {subject}", "I am out of office until Monday with limited access to email.\n"),
}

_SHARES = (("clean", 0.90), ("sensitive", 0.05), ("encrypted", 0.02), ("auto_reply", 0.03))
_FOLDERS = (("inbox", 0.66), ("inbox/Prosjekter", 0.08), ("inbox/Kunder", 0.05), ("Arkiv 2025", 0.06),
            ("deleteditems", 0.10), ("sentitems", 0.05))  # fmt: skip


@dataclass(frozen=True)
class Label:
    """The ground truth of a generated message (kinds and flags only, never values)."""

    kind: str  # clean | sensitive | encrypted | auto_reply | corpus
    language: str | None
    sensitive: bool
    encrypted: bool = False
    auto_reply: bool = False
    id_kinds: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    folder: str = "inbox"


def _pick(rng: random.Random, shares: tuple[tuple[str, float], ...]) -> str:
    x = rng.random()
    for name, share in shares:
        x -= share
        if x < 0:
            return name
    return shares[-1][0]


def _subject(text: str) -> str:
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return Header(text, "utf-8").encode()


def _plain(sender: str, to: str, subject: str, body: str, when: datetime, msgid: str, extra: str = "") -> bytes:
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {_subject(subject)}\r\nDate: {format_datetime(when)}\r\n"
        f"Message-ID: <{msgid}>\r\nMIME-Version: 1.0\r\n{extra}"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + body.replace("\n", "\r\n")
        + "\r\n"
    ).encode()


def _smime(sender: str, to: str, when: datetime, msgid: str, rng: random.Random) -> bytes:
    blob = base64.encodebytes(b"\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x03" + rng.randbytes(600)).decode()
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: Kryptert melding\r\nDate: {format_datetime(when)}\r\n"
        f"Message-ID: <{msgid}>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\n'
        'Content-Disposition: attachment; filename="smime.p7m"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + blob.replace("\n", "\r\n")
    ).encode()


def _rpmsg(sender: str, to: str, when: datetime, msgid: str, rng: random.Random) -> bytes:
    blob = base64.encodebytes(b"\x76\xe8\x04\x60\xc4\x11\xe3\x86" + rng.randbytes(800)).decode()
    boundary = f"rpmsg-{rng.randrange(10**9)}"
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: Encrypted message\r\nDate: {format_datetime(when)}\r\n"
        f"Message-ID: <{msgid}>\r\nMIME-Version: 1.0\r\nContent-Class: rpmsg.message\r\n"
        f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'
        f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "This message is protected with Microsoft Purview Message Encryption. Open it in Outlook to read it.\r\n"
        f'--{boundary}\r\nContent-Type: application/x-microsoft-rpmsg-message; name="message.rpmsg"\r\n'
        'Content-Disposition: attachment; filename="message.rpmsg"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + blob.replace("\n", "\r\n")
        + f"--{boundary}--\r\n"
    ).encode()


def _person(rng: random.Random, lang: str) -> tuple[str, str]:
    first = rng.choice(_FIRST[lang])
    last = rng.choice(_LAST)
    return f"{first} {last}", f"{first}.{last}".lower().translate(str.maketrans("æøåäöé", "aoaaoe"))


def _corpus(corpus_dir: Path | None) -> list[tuple[bytes, dict]]:
    if corpus_dir is None:
        return []
    if not (corpus_dir / "labels.jsonl").is_file():
        raise ValueError(f"{corpus_dir}: not a labelled corpus (no labels.jsonl)")
    out: list[tuple[bytes, dict]] = []
    for line in (corpus_dir / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = json.loads(line)
            out.append(((corpus_dir / label["file"]).read_bytes(), label))
    return out


def generate_messages(
    tenant: Tenant,
    user: str | User,
    count: int,
    *,
    seed: int = 0,
    now: datetime | None = None,
    corpus: list[tuple[bytes, dict]] | None = None,
    corpus_share: float = 0.1,
    language: str | None = None,
) -> list[str]:
    """Deliver ``count`` generated messages to ``user`` across folders; returns their immutable ids."""
    u = tenant.user(user)
    rng = random.Random(f"{seed}:{u.id}")
    now = now or datetime.now(UTC)
    lang_of_user = language or rng.choice(LANGUAGES)
    mine = f"{u.display_name} <{u.mail or u.upn}>"
    out: list[str] = []
    for i in range(count):
        lang = lang_of_user if rng.random() < 0.7 else rng.choice(LANGUAGES)
        when = now - timedelta(minutes=rng.randrange(10, 60 * 24 * 60))
        folder = _pick(rng, _FOLDERS)
        name, local = _person(rng, lang)
        sender = f"{name} <{local}@{rng.choice(_EXTERNAL)}>"
        msgid = f"{seed}.{i}.{rng.randrange(10**12)}@{u.upn.split('@')[-1]}"
        kind = _pick(rng, _SHARES)
        if corpus and rng.random() < corpus_share:
            mime, clabel = rng.choice(corpus)
            label = Label("corpus", clabel.get("lang"), bool(clabel.get("sensitive")), bool(clabel.get("encrypted")),
                          bool(clabel.get("auto_reply")), tuple(x["kind"] for x in clabel.get("identifiers", ())),
                          tuple(clabel.get("categories", ())), folder)  # fmt: skip
        elif kind == "sensitive":
            subject, body, kinds, cats = rng.choice(_SENSITIVE[lang])
            value = _ID_FOR_KIND[kinds[0]](rng)
            mime = _plain(sender, mine, subject, body.format(id=value, sender=name, to=u.display_name), when, msgid)
            label = Label("sensitive", lang, True, id_kinds=kinds, categories=cats, folder=folder)
        elif kind == "encrypted":
            mime = (_smime if rng.random() < 0.5 else _rpmsg)(sender, mine, when, msgid, rng)
            label = Label("encrypted", None, False, encrypted=True, folder=folder)
        elif kind == "auto_reply":
            subj, body = _AUTO_REPLY[lang]
            subject = subj.format(subject=rng.choice(_CLEAN[lang])[0].format(n=i))
            mime = _plain(
                sender,
                mine,
                subject,
                body,
                when,
                msgid,
                "Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\n",
            )
            label = Label("auto_reply", lang, False, auto_reply=True, folder=folder)
        else:
            subject, body = rng.choice(_CLEAN[lang])
            text = body.format(n=1000 + i, sender=name, to=u.display_name.split()[0])
            if folder == "sentitems":
                mime = _plain(mine, sender, subject.format(n=1000 + i), text, when, msgid)
            else:
                mime = _plain(sender, mine, subject.format(n=1000 + i), text, when, msgid)
            label = Label("clean", lang, False, folder=folder)
        mid = tenant.deliver(u, mime, folder, received=when)
        tenant.labels[mid] = label
        out.append(mid)
    return out


def demo_tenant(
    seed: int = 0,
    users: int = 50,
    messages_per_user: int = 60,
    *,
    corpus_dir: Path | None = None,
    domain: str = "contoso.example",
) -> Tenant:
    """The demo tenant: ``users`` mailboxes (the first half in the opt-in group ``hygiene-opt-in``, everyone in
    ``Alle tilsette``), ``messages_per_user`` messages each, plus a shared notice mailbox without mail.

    Raises:
        ValueError: ``users`` or ``messages_per_user`` is negative.
    """
    if users < 0 or messages_per_user < 0:
        raise ValueError("demo_tenant: users and messages_per_user must be >= 0")
    rng = random.Random(seed)
    tenant = Tenant(domain=domain, seed=seed)
    corpus = _corpus(corpus_dir)
    now = datetime.now(UTC).replace(microsecond=0)
    people: list[User] = []
    taken: set[str] = set()
    for _ in range(users):
        lang = rng.choice(LANGUAGES)
        name, local = _person(rng, lang)
        n = 2
        base = local
        while local in taken:
            local, n = f"{base}{n}", n + 1
        taken.add(local)
        u = tenant.add_user(f"{local}@{domain}", name)
        people.append(u)
        generate_messages(tenant, u, messages_per_user, seed=seed, now=now, corpus=corpus, language=lang)
    tenant.add_user(f"personvern@{domain}", "Personvernombudet")
    opt_in = people[: (len(people) + 1) // 2]
    tenant.add_group(OPT_IN_GROUP, opt_in, id="00000000-0000-4000-8000-00000000c0de")
    tenant.add_group(ALL_STAFF_GROUP, people, id="00000000-0000-4000-8000-0000000a11ff")
    return tenant
