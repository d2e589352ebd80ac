"""Build the held-out detector evaluation set: deterministic .eml files + labels.jsonl (the corpus schema).

    python tests/detect/heldout/build.py [OUT_DIR]      # default: this directory

Written independently of the detector's rule files and of the development corpus generator's phrase lists, so it
measures how the detector generalises. Every identity, account and card number is generated here with valid check
digits from a seeded random source (checked against python-stdnum where it has the kind): none belongs to a real
person. Messages are written in ``messages.py`` (the first held-out set) and ``fresh.py`` (written after the first
fixes, the untouched check); this module turns them into MIME.

Text templates may hold placeholders ``{kind}``, ``{kind|format}`` or ``{kind@name}`` (same name, same value):
identifier kinds (no_fnr, no_dnr, no_hnr, se_pnr, se_samnr, dk_cpr, fi_hetu, no_kontonr, iban, card) are recorded in
``identifiers`` with the place they appear; look-alike kinds (orgnr, se_orgnr, kid, ocr, phone, ...) are not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import random
import re
import sys
import zipfile
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.dk import cpr as std_cpr
from stdnum.fi import hetu as std_hetu
from stdnum.no import fodselsnummer as std_fnr
from stdnum.no import kontonr as std_kontonr
from stdnum.se import personnummer as std_pnr

HERE = Path(__file__).resolve().parent
ID_KINDS = ("no_fnr", "no_dnr", "no_hnr", "se_pnr", "se_samnr", "dk_cpr", "fi_hetu", "no_kontonr", "iban", "card")
ID_CATEGORY = {"no_kontonr": "bank_account", "iban": "bank_account", "card": "payment_card"}
CATEGORIES = (
    "national_id",
    "health",
    "ethnicity",
    "religion",
    "politics",
    "union",
    "sexual_orientation",
    "genetic_biometric",
    "criminal",
    "bank_account",
    "payment_card",
)


# --------------------------------------------------------------------------------------------------- identifiers
class Ids:
    """Valid (and deliberately look-alike) numbers from one seeded random source."""

    def __init__(self, seed: str) -> None:
        self.rng = random.Random(seed)

    def _date(self, lo: int = 1940, hi: int = 2019) -> dt.date:
        start, end = dt.date(lo, 1, 1).toordinal(), dt.date(hi, 12, 31).toordinal()
        return dt.date.fromordinal(self.rng.randint(start, end))

    # Norway --------------------------------------------------------------------------------------------------
    @staticmethod
    def _no_checks(nine: str) -> str | None:
        d = [int(c) for c in nine]
        k1 = 11 - sum(w * x for w, x in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), d, strict=True)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            return None
        k2 = 11 - sum(w * x for w, x in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), [*d, k1], strict=True)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            return None
        return f"{nine}{k1}{k2}"

    def _no(self, day_add: int = 0, month_add: int = 0) -> str:
        while True:
            born = self._date(1945, 2019)
            lo, hi = (0, 499) if born.year < 2000 else (500, 999)
            individual = self.rng.randint(lo, hi)
            nine = f"{born.day + day_add:02d}{born.month + month_add:02d}{born.year % 100:02d}{individual:03d}"
            number = self._no_checks(nine)
            if number:
                return number

    def no_fnr(self) -> str:
        number = self._no()
        assert std_fnr.is_valid(number), number
        return number

    def no_dnr(self) -> str:
        return self._no(day_add=40)

    def no_hnr(self) -> str:
        return self._no(month_add=40)

    def no_kontonr(self) -> str:
        while True:
            ten = f"{self.rng.choice(['1503', '1506', '1207', '3000', '6063', '9710', '1254', '2801'])}" + "".join(
                str(self.rng.randint(0, 9)) for _ in range(6)
            )
            c = 11 - sum(w * int(x) for w, x in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), ten, strict=True)) % 11
            if c == 10:
                continue
            number = ten + str(0 if c == 11 else c)
            assert std_kontonr.is_valid(number), number
            return number

    def orgnr(self) -> str:
        """Norwegian organisation number (mod 11, starts with 8 or 9)."""
        while True:
            eight = self.rng.choice("89") + "".join(str(self.rng.randint(0, 9)) for _ in range(7))
            c = 11 - sum(w * int(x) for w, x in zip((3, 2, 7, 6, 5, 4, 3, 2), eight, strict=True)) % 11
            if c == 10:
                continue
            return eight + str(0 if c == 11 else c)

    # Sweden -------------------------------------------------------------------------------------------------
    def _se(self, day_add: int, lo: int = 1935, hi: int = 2019) -> tuple[dt.date, str]:
        born = self._date(lo, hi)
        nine = f"{born.year % 100:02d}{born.month:02d}{born.day + day_add:02d}{self.rng.randint(0, 999):03d}"
        return born, nine + luhn.calc_check_digit(nine)

    def se_pnr(self, lo: int = 1935, hi: int = 2019) -> tuple[dt.date, str]:
        return self._se(0, lo, hi)

    def se_samnr(self) -> tuple[dt.date, str]:
        return self._se(60, 1960, 2010)

    def se_orgnr(self) -> str:
        nine = f"55{self.rng.randint(2, 9)}" + "".join(str(self.rng.randint(0, 9)) for _ in range(6))
        return nine + luhn.calc_check_digit(nine)

    # Denmark / Finland ---------------------------------------------------------------------------------------
    def dk_cpr(self) -> str:
        born = self._date(1940, 2019)
        # 7th digit and century: 0-3 for 1900-1999, 4 and 9 for 2000-2036
        seventh = self.rng.choice("0123") if born.year < 2000 else self.rng.choice("49")
        number = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}{seventh}{self.rng.randint(0, 999):03d}"
        std_cpr.get_birth_date(number)  # raises on an impossible date
        return number

    def cvr(self) -> str:
        while True:
            seven = str(self.rng.randint(1, 9)) + "".join(str(self.rng.randint(0, 9)) for _ in range(6))
            c = -sum(w * int(x) for w, x in zip((2, 7, 6, 5, 4, 3, 2), seven, strict=True)) % 11
            if c < 10:
                return seven + str(c)

    def fi_hetu(self) -> str:
        born = self._date(1940, 2019)
        sign = "-" if born.year < 2000 else "A"
        serial = f"{self.rng.randint(2, 899):03d}"
        base = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}"
        check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(base + serial) % 31]
        number = f"{base}{sign}{serial}{check}"
        assert std_hetu.is_valid(number), number
        return number

    # Accounts and cards --------------------------------------------------------------------------------------
    def iban(self, country: str = "NO") -> str:
        lengths = {"NO": 11, "SE": 20, "DK": 14, "FI": 14, "DE": 18, "GB": None}
        if country == "NO":
            bban = self.no_kontonr()
        elif country == "GB":
            bban = "NWBK" + "".join(str(self.rng.randint(0, 9)) for _ in range(14))
        else:
            bban = "".join(str(self.rng.randint(0, 9)) for _ in range(lengths[country]))
            if country == "SE":
                bban = self.rng.choice(["500", "800", "300", "600"]) + bban[3:]
        check = 98 - _mod97(bban + country + "00")
        number = f"{country}{check:02d}{bban}"
        assert std_iban.is_valid(number), number
        return number

    def card(self, brand: str = "visa") -> str:
        if brand == "visa":
            head, length = "4" + "".join(str(self.rng.randint(0, 9)) for _ in range(5)), 16
        elif brand == "mc":
            head, length = str(self.rng.randint(51, 55)) + "".join(str(self.rng.randint(0, 9)) for _ in range(4)), 16
        elif brand == "amex":
            head, length = self.rng.choice(["34", "37"]) + "".join(str(self.rng.randint(0, 9)) for _ in range(4)), 15
        else:
            raise ValueError(brand)
        body = head + "".join(str(self.rng.randint(0, 9)) for _ in range(length - len(head) - 1))
        number = body + luhn.calc_check_digit(body)
        assert luhn.is_valid(number)
        return number

    # Look-alikes (never recorded as identifiers) -------------------------------------------------------------
    def kid(self, length: int = 13) -> str:
        body = self.rng.choice("123") + "".join(str(self.rng.randint(0, 9)) for _ in range(length - 2))
        return body + luhn.calc_check_digit(body)

    def digits(self, n: int, first: str = "123456789") -> str:
        return self.rng.choice(first) + "".join(str(self.rng.randint(0, 9)) for _ in range(n - 1))


def _mod97(numeric_or_alpha: str) -> int:
    return int("".join(str(int(c, 36)) for c in numeric_or_alpha)) % 97


def fmt_value(kind: str, fmt: str, ids: Ids) -> str:
    """One generated value of ``kind`` in the written form ``fmt``."""
    f = fmt.split(",") if fmt else []
    if kind in ("no_fnr", "no_dnr", "no_hnr"):
        n = getattr(ids, kind)()
        if "6+5" in f:
            return f"{n[:6]} {n[6:]}"
        if "dash" in f:
            return f"{n[:6]}-{n[6:]}"
        if "dots" in f:
            return f"{n[:2]}.{n[2:4]}.{n[4:6]} {n[6:]}"
        if "3" in f:
            return f"{n[:6]} {n[6:9]} {n[9:]}"
        return n
    if kind in ("se_pnr", "se_samnr"):
        born, n = ids.se_samnr() if kind == "se_samnr" else ids.se_pnr(*([1915, 1924] if "plus" in f else []))
        century = str(born.year // 100)
        if "12" in f:
            return century + n[:6] + ("" if "nodash" in f else "-") + n[6:]
        if "plus" in f:
            return n[:6] + "+" + n[6:]
        if "nodash" in f:
            return n
        return n[:6] + "-" + n[6:]
    if kind == "dk_cpr":
        n = ids.dk_cpr()
        if "nodash" in f:
            return n
        if "space" in f:
            return n[:6] + " " + n[6:]
        return n[:6] + "-" + n[6:]
    if kind == "fi_hetu":
        return ids.fi_hetu()
    if kind == "no_kontonr":
        n = ids.no_kontonr()
        if "plain" in f:
            return n
        if "space" in f:
            return f"{n[:4]} {n[4:6]} {n[6:]}"
        return f"{n[:4]}.{n[4:6]}.{n[6:]}"
    if kind in ("iban", "company_iban"):  # company_iban: an organisation's account, never labelled
        country = next((x for x in f if len(x) == 2 and x.isupper()), "NO")
        n = ids.iban(country)
        if "compact" in f:
            return n
        return " ".join(n[i : i + 4] for i in range(0, len(n), 4))
    if kind == "card":
        brand = next((x for x in f if x in ("visa", "mc", "amex")), "visa")
        n = ids.card(brand)
        if "compact" in f:
            return n
        sep = "-" if "dash" in f else " "
        if brand == "amex":
            return sep.join((n[:4], n[4:10], n[10:]))
        return sep.join(n[i : i + 4] for i in range(0, 16, 4))
    # look-alikes
    if kind == "orgnr":
        n = ids.orgnr()
        return n if "plain" in f else f"{n[:3]} {n[3:6]} {n[6:]}"
    if kind == "se_orgnr":
        n = ids.se_orgnr()
        return f"{n[:6]}-{n[6:]}"
    if kind == "cvr":
        return ids.cvr()
    if kind in ("kid", "ocr"):
        return ids.kid(int(f[0]) if f else 13)
    if kind == "digits":
        return ids.digits(int(f[0]) if f else 10)
    if kind == "phone_no":
        d = ids.digits(8, "49")
        return f"{d[:3]} {d[3:5]} {d[5:]}"
    if kind == "phone_se":
        return f"07{ids.rng.choice('02369')}-{ids.digits(3)} {ids.digits(2)} {ids.digits(2)}"
    if kind == "phone_dk":
        d = ids.digits(8, "2345")
        return " ".join(d[i : i + 2] for i in range(0, 8, 2))
    raise ValueError(f"unknown placeholder kind {kind!r}")


PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\|([A-Za-z0-9+,]*))?(?:@(\w+))?\}")


# --------------------------------------------------------------------------------------------------- messages
@dataclass
class Msg:
    """One message as written: text templates plus how to package them."""

    slug: str
    lang: str
    subject: str
    body: str
    categories: tuple[str, ...] = ()
    note: str = ""
    html: str | None = None  # None: text only; "same": the body also as HTML; "only": HTML only; else own HTML
    attachments: tuple[tuple[str, str], ...] = ()  # (file name, text template; CSV/XLSX rows with ';')
    encrypted: str | None = None  # "smime" | "rpmsg"
    signed: bool = False
    auto_reply: bool = False
    forward: Msg | None = None  # attached as message/rfc822
    sender: str | None = None
    to: str | None = None
    allow_lookalikes: bool = False  # a look-alike that validates (e.g. a public test card) on purpose
    sensitive: bool | None = None  # defaults to bool(categories or identifiers)


@dataclass
class Built:
    label: dict
    raw: bytes
    values: dict[str, str] = field(default_factory=dict)


class Filler:
    """Replaces placeholders with generated values and remembers the identifiers and where they were written."""

    def __init__(self, ids: Ids) -> None:
        self.ids = ids
        self.named: dict[str, tuple[str, str]] = {}
        self.found: list[dict] = []
        self.texts: list[str] = []

    def __call__(self, template: str, where: str) -> str:
        def sub(m: re.Match[str]) -> str:
            kind, fmt, name = m.group(1), m.group(2) or "", m.group(3)
            if name and name in self.named:
                kind, value = self.named[name]
            else:
                value = fmt_value(kind, fmt, self.ids)
                if name:
                    self.named[name] = (kind, value)
            if kind in ID_KINDS:
                entry = {"kind": kind, "value": value.replace("\n", " ").replace("<br>", " "), "where": where}
                if entry not in self.found:
                    self.found.append(entry)
            return value

        text = PLACEHOLDER.sub(sub, template)
        if "{" in text or "}" in text:
            raise ValueError(f"malformed placeholder left in {text!r}")
        self.texts.append(text)
        return text


NAMES = {
    "nb": ("Kari Nordmann", "kari.nordmann@online.no", "Postmottak", "postmottak@fjellstad.kommune.no"),
    "nn": ("Sigrid Haugland", "sigrid.haugland@gmail.com", "Postmottak", "postmottak@vikane.kommune.no"),
    "sv": ("Anna Lindqvist", "anna.lindqvist@telia.se", "Registrator", "registrator@sjoby.se"),
    "da": ("Mette Kjær", "mette.kjaer@mail.dk", "Borgerservice", "borgerservice@aaby.dk"),
    "en": ("James Whitfield", "j.whitfield@example.org", "Registry", "registry@university.example.ac.uk"),
}


def _addr(spec: str | None, default_name: str, default_mail: str) -> Address:
    if spec and "<" in spec:
        name, mail = spec.split("<", 1)
        return Address(name.strip(), addr_spec=mail.rstrip(">").strip())
    return Address(default_name, addr_spec=default_mail)


def _html(text: str) -> str:
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in text.split("\n\n"))
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>p{margin:0 0 8px}</style></head>'
        f'<body style="font-family:Calibri,sans-serif">{paragraphs}</body></html>'
    )


FIXED = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)


def _zip_fixed(data: bytes) -> bytes:
    """Re-pack an Office file with fixed timestamps so builds are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 3, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the current time on save
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z", b"2025-03-03T09:00:00Z", data)
            dst.writestr(fixed, data)
    return out.getvalue()


def _attachment_bytes(name: str, text: str) -> tuple[bytes, str, str]:
    suffix = name.rsplit(".", 1)[-1].lower()
    if suffix == "txt":
        return text.encode("utf-8"), "text", "plain"
    if suffix == "csv":
        return text.encode("utf-8"), "text", "csv"
    if suffix == "docx":
        import docx

        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        document.core_properties.created = FIXED.replace(tzinfo=None)
        document.core_properties.modified = FIXED.replace(tzinfo=None)
        document.core_properties.last_modified_by = "heldout"
        document.core_properties.author = "heldout"
        buffer = io.BytesIO()
        document.save(buffer)
        return (
            _zip_fixed(buffer.getvalue()),
            "application",
            "vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    if suffix == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        for line in text.split("\n"):
            sheet.append([cell for cell in line.split(";")])
        book.properties.created = FIXED.replace(tzinfo=None)
        book.properties.modified = FIXED.replace(tzinfo=None)
        book.properties.creator = "heldout"
        buffer = io.BytesIO()
        book.save(buffer)
        return _zip_fixed(buffer.getvalue()), "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    if suffix == "pdf":
        from fpdf import FPDF

        pdf = FPDF()
        pdf.set_creation_date(FIXED)
        pdf.set_creator("heldout")
        pdf.set_producer("heldout")
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        for line in text.split("\n"):
            pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
        return bytes(pdf.output()), "application", "pdf"
    raise ValueError(f"attachment type of {name!r} not supported")


def _opaque(seed: str, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def build_message(m: Msg, index: int, filler: Filler, prefix: str) -> EmailMessage:
    from_name, from_mail, to_name, to_mail = NAMES[m.lang]
    msg = EmailMessage(policy=SMTP)
    msg["From"] = _addr(m.sender, from_name, from_mail)
    msg["To"] = _addr(m.to, to_name, to_mail)
    msg["Subject"] = filler(m.subject, "subject")
    msg["Date"] = format_datetime(FIXED + dt.timedelta(hours=7 * index, minutes=13 * index))
    digest = hashlib.sha256(f"{prefix}{m.slug}".encode()).hexdigest()
    msg["Message-ID"] = f"<{digest[:16]}.{digest[16:24]}@heldout.example>"
    if m.auto_reply:
        msg["Auto-Submitted"] = "auto-replied"
        msg["X-Auto-Response-Suppress"] = "All"
    if m.encrypted == "smime":
        msg.set_content(
            _opaque(m.slug, 1800),
            maintype="application",
            subtype="pkcs7-mime",
            params={"smime-type": "enveloped-data", "name": "smime.p7m"},
            disposition="attachment",
            filename="smime.p7m",
        )
        return msg
    if m.encrypted == "rpmsg":
        msg.set_content(filler(m.body, "body"))
        msg.add_attachment(
            _opaque(m.slug, 2400),
            maintype="application",
            subtype="x-microsoft-rpmsg-message",
            filename="message.rpmsg",
        )
        # After the content: set_content() and add_attachment() move or drop the top part's Content-* headers.
        msg["Content-Class"] = "rpmsg.message"
        return msg
    if m.html == "only":
        msg.set_content(_html(filler(m.body, "html")), subtype="html")
    else:
        msg.set_content(filler(m.body, "body"))
        if m.html == "same":
            msg.add_alternative(_html(filler(m.body, "html")), subtype="html")
        elif m.html:
            msg.add_alternative(filler(m.html, "html"), subtype="html")
    for name, template in m.attachments:
        data, maintype, subtype = _attachment_bytes(name, filler(template, f"attachment:{name}"))
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if m.forward is not None:
        inner = build_message(m.forward, index + 1000, _Redirect(filler, "attachment:message/rfc822"), prefix)
        msg.add_attachment(inner)
    if m.signed:
        signed = EmailMessage(policy=SMTP)
        for key in ("From", "To", "Subject", "Date", "Message-ID"):
            signed[key] = msg[key]
            del msg[key]
        signed.make_mixed()
        signed.set_type("multipart/signed")
        signed.set_param("protocol", "application/pkcs7-signature")
        signed.set_param("micalg", "sha-256")
        signed.attach(msg)
        sig = EmailMessage(policy=SMTP)
        sig.set_content(
            _opaque(m.slug + "sig", 900),
            maintype="application",
            subtype="pkcs7-signature",
            disposition="attachment",
            filename="smime.p7s",
        )
        signed.attach(sig)
        msg = signed
    return msg


class _Redirect:
    """A filler whose every part counts as one location (a forwarded message/rfc822 without a file name)."""

    def __init__(self, filler: Filler, where: str) -> None:
        self.filler, self.where = filler, where

    def __call__(self, template: str, where: str) -> str:
        return self.filler(template, self.where)


def _fix_boundaries(msg: EmailMessage, slug: str) -> None:
    for n, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"==heldout_{hashlib.sha256(slug.encode()).hexdigest()[:10]}_{n}")


def _card_iin(digits: str) -> bool:
    if len(digits) == 15:
        return digits[:2] in ("34", "37")
    return bool(re.match(r"4|5[1-5]|2[2-7]", digits))


def unlabelled_ids(texts: list[str], found: list[dict]) -> list[str]:
    """Digit runs in ``texts`` that validate as an identifier kind but are not among ``found`` (a labelling slip)."""
    known = {re.sub(r"\D", "", i["value"]) for i in found}
    slips = []
    for text in texts:
        for m in re.finditer(r"(?<![\dA-Z])(?:[A-Z]{2}\d{2}[ ]?)?\d(?:[\d .+-]{7,30}\d)?(?![\d])", text):
            run = m.group(0)
            digits = re.sub(r"\D", "", run)
            if len(digits) < 9 or any(digits in k for k in known):
                continue
            compact = re.sub(r"[ .+-]", "", run)
            for piece in {digits}:
                if (
                    std_fnr.is_valid(piece)
                    or (len(piece) in (10, 12) and std_pnr.is_valid(piece))
                    or (len(piece) == 11 and std_kontonr.is_valid(piece))
                    or (len(piece) in (15, 16, 19) and luhn.is_valid(piece) and _card_iin(piece))
                ):
                    slips.append(run)
            if compact[:2].isalpha() and std_iban.is_valid(compact):
                slips.append(run)
    return slips


def build(messages: list[Msg], out: Path, prefix: str) -> list[Built]:
    """Write ``messages`` under ``out/messages`` and ``out/labels.jsonl``; return what was written."""
    (out / "messages").mkdir(parents=True, exist_ok=True)
    built: list[Built] = []
    slugs = set()
    for index, m in enumerate(messages, 1):
        if m.slug in slugs:
            raise ValueError(f"duplicate slug {m.slug}")
        slugs.add(m.slug)
        filler = Filler(Ids(f"{prefix}:{m.slug}"))
        msg = build_message(m, index, filler, prefix)
        _fix_boundaries(msg, m.slug)
        raw = msg.as_bytes(policy=SMTP)
        name = f"messages/{prefix}{index:03d}-{m.slug}.eml"
        (out / name).write_bytes(raw)
        categories = set(m.categories) | {ID_CATEGORY.get(i["kind"], "national_id") for i in filler.found}
        slips = unlabelled_ids(filler.texts, filler.found)
        if slips and not m.allow_lookalikes:
            raise ValueError(f"{m.slug}: valid-looking identifiers not labelled: {slips}")
        if m.encrypted:
            categories, filler.found = set(), []
        sensitive = bool(categories) if m.sensitive is None else m.sensitive
        label = {
            "file": name,
            "lang": m.lang,
            "sensitive": sensitive,
            "encrypted": bool(m.encrypted),
            "auto_reply": m.auto_reply,
            "categories": [c for c in CATEGORIES if c in categories],
            "identifiers": filler.found,
            "note": m.note,
        }
        built.append(Built(label, raw))
    with (out / "labels.jsonl").open("w", encoding="utf-8") as f:
        for b in built:
            f.write(json.dumps(b.label, ensure_ascii=False) + "\n")
    return built


def main() -> None:
    sys.path.insert(0, str(HERE))
    import messages

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    built = build(messages.MESSAGES, out, "h")
    print(f"{len(built)} messages written to {out}")
    import fresh
    import fresh2
    import fresh3
    import fresh4
    import fresh5
    import fresh6
    import fresh7
    import fresh8

    sets = (
        (fresh, "fresh", "f"),
        (fresh2, "fresh2", "g"),
        (fresh3, "fresh3", "k"),
        (fresh4, "fresh4", "m"),
        (fresh5, "fresh5", "p"),
        (fresh6, "fresh6", "q"),
        (fresh7, "fresh7", "r"),
        (fresh8, "fresh8", "s"),
    )
    for module, folder, prefix in sets:
        built = build(module.MESSAGES, out / folder, prefix)
        print(f"{len(built)} messages written to {out / folder}")


if __name__ == "__main__":
    main()
