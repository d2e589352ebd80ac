"""Check-digit and date validators for Nordic identity numbers, bank accounts and payment cards.

Pure functions on digit strings (no separators); each returns a bool or a kind name and never raises on bad input.
Sources of each rule are cited next to it. `hygiene.domain.detect.ids` finds candidates in text and calls these.
"""

from __future__ import annotations

import operator
from datetime import date

__all__ = [
    "card_network",
    "dk_cpr_date_valid",
    "dk_cpr_mod11",
    "fi_hetu_valid",
    "iban_valid",
    "luhn_valid",
    "no_account_valid",
    "no_fnr_kind",
    "no_fnr_rule",
    "no_fnr_years",
    "se_pnr_kind",
    "se_pnr_valid",
]

# Norwegian fødselsnummer: K1 and K2 weights (Skatteetaten, "Nytt fødselsnummer fra 2032",
# github.com/Skatteetaten/folkeregisteret-api-dokumentasjon, src/om-tjenestene/nyttfnr2032.md).
_K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    """Sum of digit x weight over ASCII digits (the bytes minus 48 each: no int() per digit)."""
    return sum(map(operator.mul, digits.encode("ascii"), weights)) - 48 * sum(weights[: len(digits)])


def _fnr_k1_remainder(d: str) -> int:
    """(sum of the weighted first nine digits + K1) mod 11: 0 under the old rule, 0..3 under the 2032 rule."""
    return (_weighted(d[:9], _K1_WEIGHTS) + int(d[9])) % 11


def _fnr_k2_ok(d: str) -> bool:
    """K2 is unchanged by the 2032 rule: 11 - (weighted sum of the first ten digits mod 11), 11 -> 0, 10 invalid.

    Equivalently the weighted sum of all eleven digits (K2 weight 1) is divisible by 11.
    """
    return (_weighted(d[:10], _K2_WEIGHTS) + int(d[10])) % 11 == 0


def _fnr_years(yy: int, individual: int) -> tuple[int, ...]:
    """Birth years the individual number allows (Skatteetaten's series; 900-999 is a 1940-1999 reserve).

    500-749 with yy > 54: 1855-1899; 000-499: 1900-1999; 900-999 with yy > 39: 1940-1999; 500-999 with yy < 40:
    2000-2039. Numbers issued from 2032 no longer encode the century (nyttfnr2032.md), so when no series fits, any
    century with a valid date is accepted.
    """
    if individual <= 499:
        return (1900 + yy,)
    if individual >= 900 and yy > 39:
        return (1900 + yy,)
    if 500 <= individual <= 749 and yy > 54:
        return (1800 + yy,)
    if individual >= 500 and yy < 40:
        return (2000 + yy,)
    return (1900 + yy, 2000 + yy)


def no_fnr_kind(digits11: str) -> str | None:
    """The kind of a valid Norwegian identity number, or None.

    Kinds: ``no_fnr`` (fødselsnummer), ``no_dnr`` (D-nummer: day + 40), ``no_hnr`` (H-nummer: month + 40; NAV's
    Dolly test persons use the same +40 month and are indistinguishable), ``no_synthetic_fnr`` (synthetic test
    numbers of Skatteetaten's Tenor / Test-Norge population: month + 80, also combined with day + 40; see
    github.com/navikt/testnorge docs/applications/dolly/testnorge.md "syntetiske fnr/dnr hvor det er lagt til 80 på
    måned" and Skatteetaten/api-dokumentasjon 2022-01-11 "syntetiske fødselsnumre vil ha +80 på måned"). A "+65"
    synthetic variant is not documented in any public source we found and is not accepted.

    Control digits: K2 as always; K1 under the classic rule (remainder 0) or the rule for numbers issued from
    1 January 2032, which accepts remainders 0, 1, 2 and 3 ("k1 = {11,12,13,14} - (sum MOD 11)", K1 = 10 still
    rejected; Skatteetaten, folkeregisteret-api-dokumentasjon, src/om-tjenestene/nyttfnr2032.md). Use
    `no_fnr_rule` to tell which rule a number satisfies.
    """
    return _no_fnr(digits11)[0]


def no_fnr_rule(digits11: str) -> str | None:
    """``classic`` when K1 satisfies the pre-2032 rule, ``2032`` when only the rule from 2032 fits, else None."""
    return _no_fnr(digits11)[1]


def no_fnr_years(digits11: str) -> tuple[int, ...]:
    """The birth years a valid Norwegian identity number allows (one, or two when the individual number does not fix
    the century, as under the 2032 rule), or () for an invalid number."""
    kind, rule = _no_fnr(digits11)
    if kind is None:
        return ()
    yy, individual = int(digits11[4:6]), int(digits11[6:9])
    if rule == "2032":
        return (1900 + yy, 2000 + yy)
    if kind == "no_dnr":
        return (1800 + yy, 1900 + yy, 2000 + yy)
    return _fnr_years(yy, individual)


def _no_fnr(d: str) -> tuple[str | None, str | None]:
    if len(d) != 11 or not d.isascii() or not d.isdigit():
        return None, None
    day, month, yy, individual = int(d[0:2]), int(d[2:4]), int(d[4:6]), int(d[6:9])
    kind = "no_fnr"
    if day > 40:
        day -= 40
        kind = "no_dnr"
    if month > 80:
        month -= 80
        kind = "no_synthetic_fnr"
    elif month > 40:
        month -= 40
        # day + 40 and month + 40 together: NAV's synthetic D-numbers (Dolly), e.g. "55507608360" in
        # navikt's FødselsnummerTest ("skal tillate helsyntetiske nummer fra dolly").
        kind = "no_synthetic_fnr" if kind == "no_dnr" else "no_hnr"
    if not (1 <= day <= 31 and 1 <= month <= 12) or not _fnr_k2_ok(d):  # cheap tests first
        return None, None
    remainder = _fnr_k1_remainder(d)
    if remainder > 3:
        return None, None
    rule = "classic" if remainder == 0 else "2032"
    if rule == "2032":
        years: tuple[int, ...] = (1900 + yy, 2000 + yy)
    elif kind == "no_dnr":
        # D-numbers borrow unused series of other centuries since 2021 (Skatteetaten, "Utvidelse av
        # D-nummerserien", folkeregisteret-api-dokumentasjon src/nyheter/2021-06-24-Utvide-dnr-serie.md): 200-499
        # for 2000-2039 and 600-999 for 1940-1999, so the series does not fix the century.
        years = (1800 + yy, 1900 + yy, 2000 + yy)
    else:
        years = _fnr_years(yy, individual)
    if not any(_date_ok(year, month, day) for year in years):
        return None, None
    return kind, rule


_LUHN_DOUBLED = str.maketrans("0123456789", "0246813579")  # 2 x d, minus 9 when over 9


def luhn_valid(digits: str) -> bool:
    """Luhn (mod 10) check over a digit string (payment cards, Swedish personnummer's last ten digits)."""
    if not digits or not digits.isascii() or not digits.isdigit():
        return False
    reversed_digits = digits[::-1]
    summed = (reversed_digits[0::2] + reversed_digits[1::2].translate(_LUHN_DOUBLED)).encode("ascii")
    return (sum(summed) - 48 * len(summed)) % 10 == 0


def se_pnr_kind(digits: str, *, century_sign: str = "-") -> str | None:
    """``se_pnr`` or ``se_samordningsnr`` (day + 60) for a valid 10- or 12-digit Swedish number, else None.

    10 digits: YYMMDDNNNC; 12 digits: YYYYMMDDNNNC with YYYY 1800-2099. C is the Luhn digit over the ten digits
    YYMMDDNNN (Skatteverket SKV 704). ``century_sign`` of a 10-digit number is ``-`` or ``+`` (100 years or older);
    without a full year the date is accepted if valid in 1900 or 2000 (``-``), 1800 or 1900 (``+``).
    """
    if not digits.isascii() or not digits.isdigit():
        return None
    if len(digits) == 12:
        if digits[:2] not in ("18", "19", "20"):
            return None
        years: tuple[int, ...] = (int(digits[:4]),)
        ten = digits[2:]
    elif len(digits) == 10:
        ten = digits
        yy = int(ten[:2])
        years = (1800 + yy, 1900 + yy) if century_sign == "+" else (1900 + yy, 2000 + yy)
    else:
        return None
    if not luhn_valid(ten):
        return None
    month, day = int(ten[2:4]), int(ten[4:6])
    kind = "se_pnr"
    if day > 60:
        day -= 60
        kind = "se_samordningsnr"
    if not any(_date_ok(year, month, day) for year in years):
        return None
    return kind


def se_pnr_valid(digits: str, *, century_sign: str = "-") -> bool:
    """True for a valid Swedish personnummer or samordningsnummer (10 or 12 digits, no separator)."""
    return se_pnr_kind(digits, century_sign=century_sign) is not None


def dk_cpr_date_valid(digits10: str) -> bool:
    """True when a 10-digit DDMMYYSSSS number has a valid birth date (CPR has no modulus check since 2007).

    The century follows from the 7th digit and the year (CPR-kontoret, "Personnummeret i CPR"): 0-3: 1900s;
    4 and 9: 2000s if YY <= 36 else 1900s; 5-8: 2000s if YY <= 57 else 1800s.
    """
    if len(digits10) != 10 or not digits10.isascii() or not digits10.isdigit():
        return False
    day, month, yy, seventh = int(digits10[0:2]), int(digits10[2:4]), int(digits10[4:6]), int(digits10[6])
    if seventh <= 3:
        year = 1900 + yy
    elif seventh in (4, 9):
        year = 2000 + yy if yy <= 36 else 1900 + yy
    else:
        year = 2000 + yy if yy <= 57 else 1800 + yy
    return _date_ok(year, month, day)


def dk_cpr_mod11(digits10: str) -> bool:
    """The modulus-11 check CPR numbers issued before October 2007 satisfy (weights 4,3,2,7,6,5,4,3,2,1)."""
    if len(digits10) != 10 or not digits10.isascii() or not digits10.isdigit():
        return False
    return sum(int(c) * w for c, w in zip(digits10, (4, 3, 2, 7, 6, 5, 4, 3, 2, 1), strict=True)) % 11 == 0


_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_HETU_CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}
_HETU_CENTURY.update(dict.fromkeys("ABCDEF", 2000))


def fi_hetu_valid(hetu: str) -> bool:
    """True for a valid Finnish henkilötunnus DDMMYYCNNNX (C the century sign, X the mod-31 check character).

    Century signs: ``+`` 1800s, ``-`` ``Y`` ``X`` ``W`` ``V`` ``U`` 1900s, ``A``-``F`` 2000s (the extra signs since
    2023; Digital and Population Data Services Agency, "Personal identity code"). Individual number 002-999.
    """
    if len(hetu) != 11:
        return False
    hetu = hetu.upper()
    body, sign, individual, check = hetu[:6], hetu[6], hetu[7:10], hetu[10]
    if sign not in _HETU_CENTURY or not (body + individual).isascii() or not (body + individual).isdigit():
        return False
    if int(individual) < 2:
        return False
    if _HETU_CHECK[int(body + individual) % 31] != check:
        return False
    return _date_ok(_HETU_CENTURY[sign] + int(body[4:6]), int(body[2:4]), int(body[0:2]))


def no_account_valid(digits11: str) -> bool:
    """True for a Norwegian bank account number: 11 digits, mod-11 check digit (weights 5432765432; 10 invalid).

    The weights are those of the fødselsnummer's K2, so every valid fødselsnummer is also a valid account number.
    """
    if len(digits11) != 11 or not digits11.isascii() or not digits11.isdigit():
        return False
    return _fnr_k2_ok(digits11)


# IBAN lengths by country: the EU/EEA, the UK, Switzerland and a few neighbours (SWIFT IBAN Registry).
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24,
    "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23, "GL": 18, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26,
    "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25,
    "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22, "UA": 29, "RS": 22, "ME": 22, "MK": 19, "AL": 28,
    "BA": 20, "TR": 26,
}  # fmt: skip


def iban_valid(iban: str) -> bool:
    """True for an IBAN (no spaces, upper case) with its country's length and a valid mod-97 check (ISO 13616)."""
    if len(iban) < 5 or not iban.isascii() or not iban.isalnum():
        return False
    iban = iban.upper()
    if IBAN_LENGTHS.get(iban[:2]) != len(iban) or not iban[2:4].isdigit():
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def card_network(digits: str) -> str | None:
    """The card network whose IIN range and length fit ``digits`` (Luhn not checked), or None.

    Ranges per ISO/IEC 7812 as published by the networks: Visa 4 (13, 16, 19 digits), Mastercard 51-55 and
    2221-2720 (16), American Express 34, 37 (15), Diners 300-305, 36, 38-39 (14-19), Discover 6011, 644-649, 65
    (16-19), JCB 3528-3589 (16-19), UnionPay 62 (16-19), Dankort 5019 and Visa/Dankort 4571 (16), Maestro 50,
    56-58, 6759, 6761-6763 (12-19), Mir 2200-2204 (16-19).
    """
    n = len(digits)
    if n < 12 or n > 19 or not digits.isascii() or not digits.isdigit():
        return None
    p2, p4 = int(digits[:2]), int(digits[:4])
    if digits.startswith("5019") and n == 16:
        return "dankort"
    if digits[0] == "4":
        return "visa" if n in (13, 16, 19) else None
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:
        return "mastercard" if n == 16 else None
    if p2 in (34, 37):
        return "amex" if n == 15 else None
    if 2200 <= p4 <= 2204:
        return "mir" if n >= 16 else None
    if 3528 <= p4 <= 3589:
        return "jcb" if n >= 16 else None
    if p2 in (36, 38, 39) or 300 <= int(digits[:3]) <= 305:
        return "diners" if n >= 14 else None
    if p4 == 6011 or 644 <= int(digits[:3]) <= 649 or p2 == 65:
        return "discover" if n >= 16 else None
    if p2 == 62:
        return "unionpay" if n >= 16 else None
    if p2 in (50, 56, 57, 58) or p4 == 6759 or 6761 <= p4 <= 6763:
        return "maestro"
    return None
