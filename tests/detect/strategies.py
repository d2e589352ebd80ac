"""Hypothesis strategies for Nordic identity numbers, accounts and cards: valid ones, broken ones, and text around them.

Each strategy draws a *valid* number with its check digits computed here, independently of the code under test
(from the public rules cited in `hygiene.domain.detect.checks`), and a format the number is written in. Examples:

>>> fnr().example()            # doctest: +SKIP
Id(kind='no_fnr', digits='19061989121', text='190619 89121', context='fnr')
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from hypothesis import strategies as st

from hygiene.domain.detect.ids import KNOWN_TEST_NUMBERS

_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


@dataclass(frozen=True)
class Id:
    """A generated identifier: its kind, its bare value, how it is written, and a word that introduces it."""

    kind: str
    digits: str
    text: str
    context: str


def dates(start: int = 1900, end: int = 2025) -> st.SearchStrategy[date]:
    """Birth dates between 1 January ``start`` and 31 December ``end``."""
    return st.dates(date(start, 1, 1), date(end, 12, 31))


def _mod11(digits: str, weights: tuple[int, ...]) -> int | None:
    remainder = sum(int(c) * w for c, w in zip(digits, weights, strict=True)) % 11
    check = (11 - remainder) % 11
    return None if check == 10 else check


def _luhn_digit(payload: str) -> str:
    total = 0
    for index, char in enumerate(reversed(payload)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def _individual_for(year: int) -> st.SearchStrategy[int]:
    if year < 1900:
        return st.integers(500, 749)
    if year < 2000:
        return st.integers(0, 499)
    return st.integers(500, 999)


def _fnr_formats(digits: str) -> st.SearchStrategy[str]:
    d = digits
    return st.sampled_from(
        [
            d,
            f"{d[:6]} {d[6:]}",
            f"{d[:6]}-{d[6:]}",
            f"{d[:6]}.{d[6:]}",
            f"{d[:6]}\u00a0{d[6:]}",
            f"{d[:6]}\n{d[6:]}",
            f"{d[:2]} {d[2:4]} {d[4:6]} {d[6:]}",
            f"{d[:2]}.{d[2:4]}.{d[4:6]}.{d[6:]}",
            " ".join(d),
        ]
    )


@st.composite
def fnr(draw: st.DrawFn, *, variant: str = "no_fnr", rule: str = "classic") -> Id:
    """A valid Norwegian fødselsnummer; ``variant`` no_dnr (day + 40), no_hnr (month + 40), no_synthetic_fnr
    (month + 80); ``rule`` "2032" gives a K1 with remainder 1-3 (the rule for numbers issued from 2032)."""
    born = draw(dates(1900, 2031))
    individual = draw(_individual_for(born.year))
    day, month = born.day, born.month
    if variant == "no_dnr":
        day += 40
    elif variant == "no_hnr":
        month += 40
    elif variant == "no_synthetic_fnr":
        month += 80
    nine = f"{day:02d}{month:02d}{born.year % 100:02d}{individual:03d}"
    if rule == "classic":
        k1 = _mod11(nine, _K1)
    else:
        extra = draw(st.integers(1, 3))
        k1 = (11 + extra - sum(int(c) * w for c, w in zip(nine, _K1, strict=True)) % 11) % 11
        k1 = None if k1 == 10 else k1
    if k1 is None:
        return draw(st.nothing())
    k2 = _mod11(nine + str(k1), _K2)
    if k2 is None:
        return draw(st.nothing())
    digits = f"{nine}{k1}{k2}"
    word = {"no_dnr": "D-nummer", "no_hnr": "H-nummer"}.get(variant, "fødselsnummer")
    text = draw(_fnr_formats(digits))
    if variant == "no_fnr" and draw(st.integers(0, 9)) == 0:  # the birth date in full: 19.06.2019 89121
        text = f"{day:02d}.{month:02d}.{born.year} {digits[6:]}"
    return Id(variant, digits, text, word)


@st.composite
def se_pnr(draw: st.DrawFn, *, samordning: bool = False) -> Id:
    """A valid Swedish personnummer (or samordningsnummer: day + 60) in a 10- or 12-digit form."""
    born = draw(dates(1850, 2025))
    day = born.day + (60 if samordning else 0)
    nine = f"{born.year % 100:02d}{born.month:02d}{day:02d}{draw(st.integers(0, 999)):03d}"
    ten = nine + _luhn_digit(nine)
    old = born.year < 1926  # aged 100 or more in 2026: written with "+"
    forms = [f"{born.year // 100}{ten}", f"{born.year // 100}{ten[:6]}-{ten[6:]}"]
    forms.append(f"{ten[:6]}+{ten[6:]}" if old else f"{ten[:6]}-{ten[6:]}")
    if not old:
        forms.append(ten)
    text = draw(st.sampled_from(forms))
    kind = "se_samordningsnr" if samordning else "se_pnr"
    return Id(kind, ten, text, "samordningsnummer" if samordning else "personnummer")


@st.composite
def dk_cpr(draw: st.DrawFn) -> Id:
    """A date-valid Danish CPR number (DDMMYY-SSSS) with a 7th digit consistent with the century."""
    born = draw(dates(1937, 2025))
    yy = born.year % 100
    if born.year < 2000:
        seventh = draw(st.sampled_from([0, 1, 2, 3]))
    else:
        seventh = draw(st.sampled_from([4, 9] if yy <= 36 else [5, 6, 7, 8]))
    serial = f"{seventh}{draw(st.integers(0, 999)):03d}"
    digits = f"{born.day:02d}{born.month:02d}{yy:02d}{serial}"
    text = draw(st.sampled_from([f"{digits[:6]}-{digits[6:]}", digits]))
    return Id("dk_cpr", digits, text, draw(st.sampled_from(["CPR-nr.", "CPR", "cpr-nummer", "CPR nr:"])))


@st.composite
def fi_hetu(draw: st.DrawFn) -> Id:
    """A valid Finnish henkilötunnus with any of its century signs."""
    born = draw(dates(1850, 2025))
    if born.year < 1900:
        sign = "+"
    elif born.year < 2000:
        sign = draw(st.sampled_from("-YXWVU"))
    else:
        sign = draw(st.sampled_from("ABCDEF"))
    body = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}"
    individual = f"{draw(st.integers(2, 899)):03d}"
    check = _HETU_CHECK[int(body + individual) % 31]
    value = f"{body}{sign}{individual}{check}"
    return Id("fi_hetu", value, value, "henkilötunnus")


@st.composite
def no_account(draw: st.DrawFn) -> Id:
    """A valid Norwegian bank account number (mod 11) in 4.2.5, 4 2 5 or plain form."""
    ten = f"{draw(st.integers(1000, 9999))}{draw(st.integers(0, 999999)):06d}"
    check = _mod11(ten, _K2)
    if check is None:
        return draw(st.nothing())
    d = f"{ten}{check}"
    text = draw(st.sampled_from([d, f"{d[:4]}.{d[4:6]}.{d[6:]}", f"{d[:4]} {d[4:6]} {d[6:]}"]))
    return Id("no_account", d, text, draw(st.sampled_from(["kontonummer", "Kontonr.", "bank account", "konto"])))


_IBAN_BBAN = {"NO": 11, "SE": 20, "DK": 14, "FI": 14, "DE": 18, "NL": 14, "FR": 23, "ES": 20, "PL": 24, "CH": 17}


@st.composite
def iban(draw: st.DrawFn) -> Id:
    """A valid IBAN of a Nordic or large EU country, compact or in groups of four."""
    country = draw(st.sampled_from(sorted(_IBAN_BBAN)))
    bban = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=_IBAN_BBAN[country],
                                 max_size=_IBAN_BBAN[country])))  # fmt: skip
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    value = f"{country}{98 - int(numeric) % 97:02d}{bban}"
    grouped = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    return Id("iban", value, draw(st.sampled_from([value, grouped])), "IBAN")


_CARD_PREFIXES = [("4", 16), ("4", 13), ("51", 16), ("55", 16), ("2221", 16), ("2720", 16), ("34", 15),
                  ("37", 15), ("5019", 16), ("4571", 16), ("6011", 16), ("3530", 16)]  # fmt: skip


def _has_same_digit_run(digits: str, size: int) -> bool:
    return any(digits[i : i + size] == digits[i] * size for i in range(len(digits) - size + 1))


@st.composite
def payment_card(draw: st.DrawFn) -> Id:
    """A Luhn-valid card number in a known network's IIN range, grouped the way cards print it or unbroken."""
    prefix, length = draw(st.sampled_from(_CARD_PREFIXES))
    body = prefix + "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=length - len(prefix) - 1,
                                          max_size=length - len(prefix) - 1)))  # fmt: skip
    d = body + _luhn_digit(body)
    if d in KNOWN_TEST_NUMBERS or _has_same_digit_run(d[1:], 7):  # test and placeholder cards: never reported
        return draw(st.nothing())
    if length == 15:
        grouped = [f"{d[:4]} {d[4:10]} {d[10:]}"]
    else:
        grouped = [
            " ".join(d[i : i + 4] for i in range(0, length, 4)),
            "-".join(d[i : i + 4] for i in range(0, length, 4)),
        ]
    text = draw(st.sampled_from([d, *grouped]))
    return Id("payment_card", d, text, draw(st.sampled_from(["kortnummer", "card number", "Visa", "kortet mitt"])))


def any_valid_id() -> st.SearchStrategy[Id]:
    """Any valid identifier of any kind."""
    return st.one_of(
        fnr(),
        fnr(variant="no_dnr"),
        fnr(variant="no_hnr"),
        fnr(variant="no_synthetic_fnr"),
        fnr(rule="2032"),
        se_pnr(),
        se_pnr(samordning=True),
        dk_cpr(),
        fi_hetu(),
        no_account(),
        iban(),
        payment_card(),
    )


# --- broken numbers ---------------------------------------------------------------------------------------------


def with_wrong_last_digit(ident: Id) -> st.SearchStrategy[Id]:
    """The same identifier with its last (check) digit changed: every check-digit kind must reject it."""
    last = ident.text.rstrip()[-1]
    choices = [c for c in "0123456789" if c != last] if last.isdigit() else [c for c in _HETU_CHECK if c != last]
    return st.sampled_from(choices).map(
        lambda c: replace(ident, text=ident.text[:-1] + c, digits=ident.digits[:-1] + c)
    )


@st.composite
def fnr_with_invalid_date(draw: st.DrawFn) -> str:
    """11 digits with correct control digits but no valid date (day 32-39, month 13-40, 0 day or month)."""
    day = draw(st.sampled_from([0, *range(32, 40), 1, 15]))
    month = draw(st.sampled_from([0, *range(13, 41)])) if day in (1, 15) else draw(st.integers(1, 12))
    nine = f"{day:02d}{month:02d}{draw(st.integers(0, 99)):02d}{draw(st.integers(0, 999)):03d}"
    k1 = _mod11(nine, _K1)
    if k1 is None:
        return draw(st.nothing())
    k2 = _mod11(nine + str(k1), _K2)
    if k2 is None:
        return draw(st.nothing())
    return f"{nine}{k1}{k2}"


# --- surrounding text -------------------------------------------------------------------------------------------

NEUTRAL_WORDS = (
    "hei", "hallo", "takk", "for", "sist", "og", "med", "vennlig", "hilsen", "her", "er", "det", "som", "du", "ba",
    "om", "hej", "tack", "för", "och", "mvh", "venlig", "hilsen", "tak", "thanks", "please", "see", "below", "the",
    "number", "is", "as", "agreed", "Kari", "Nordmann", "Ola", "Anna", "Svensson", "Oslo", "Bergen", "Göteborg",
    "København", "søknad", "ansökan", "ansøgning", "vedlagt", "bifogat", "vedhæftet", "attached", "gjelder",
)  # fmt: skip
_PUNCT = st.sampled_from([" ", " ", " ", ", ", ". ", ": ", "\n", " (", ") ", "; ", " - ", "\t", "\r\n", "!"])


def _words(max_size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(st.sampled_from(NEUTRAL_WORDS), _PUNCT), max_size=max_size).map(
        lambda items: "".join(word + punct for word, punct in items)
    )


@st.composite
def embedded(draw: st.DrawFn, ident: Id, *, with_context: bool) -> tuple[str, int, int]:
    """``ident`` in random neutral text: (text, start, end); ``with_context`` puts its word right before it."""
    before = draw(_words())
    if with_context:
        before += draw(st.sampled_from(["", " "])) + ident.context + draw(st.sampled_from([": ", " ", " er ", " är "]))
    elif before and before[-1].isalnum():
        before += " "
    after = draw(_words())
    opener = draw(st.sampled_from(["", "", "(", "\n", "\t", '"']))
    closer = draw(st.sampled_from(["", "", ")", ".", ",", "\n", '"', " "]))
    start = len(before) + len(opener)
    text = before + opener + ident.text + closer + (" " if after and not closer.isspace() else "") + after
    return text, start, start + len(ident.text)
