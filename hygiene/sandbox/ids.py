"""Synthetic Nordic identity numbers with valid check digits, from the public algorithms (never real people:
random birth dates and serials; any match with a real person's number is coincidental).

- Norwegian fødselsnummer: DDMMYY + 3-digit individual number + two mod-11 control digits (Skatteetaten).
- Swedish personnummer: YYMMDD-NNNC, C the Luhn digit over the nine digits before it (Skatteverket SKV 704).
- Danish CPR: DDMMYY-SSSS satisfying the classic modulus-11 check (weights 4 3 2 7 6 5 4 3 2 1).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

_NO_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_NO_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_DK_W = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def _birth_date(rng: random.Random, first_year: int = 1940, last_year: int = 2015) -> date:
    start = date(first_year, 1, 1)
    return start + timedelta(days=rng.randrange((date(last_year, 12, 31) - start).days))


def _mod11(digits: str, weights: tuple[int, ...]) -> int | None:
    r = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    if r == 11:
        return 0
    return None if r == 10 else r


def no_fnr(rng: random.Random) -> str:
    """An 11-digit Norwegian fødselsnummer (born 1940-2015) with valid control digits."""
    while True:
        born = _birth_date(rng)
        # individual number ranges by century: 000-499 for 1900-1999, 500-999 for 2000-2039
        individual = rng.randrange(0, 500) if born.year < 2000 else rng.randrange(500, 1000)
        base = f"{born:%d%m}{born.year % 100:02d}{individual:03d}"
        k1 = _mod11(base, _NO_W1)
        if k1 is None:
            continue
        k2 = _mod11(base + str(k1), _NO_W2)
        if k2 is None:
            continue
        return f"{base}{k1}{k2}"


def se_pnr(rng: random.Random, *, long: bool = False) -> str:
    """A Swedish personnummer ``YYMMDD-NNNC`` (``YYYYMMDD-NNNC`` when ``long``) with a valid Luhn digit."""
    born = _birth_date(rng)
    serial = rng.randrange(0, 1000)
    nine = f"{born.year % 100:02d}{born:%m%d}{serial:03d}"
    total = 0
    for i, d in enumerate(nine):
        v = int(d) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    check = (10 - total % 10) % 10
    head = f"{born.year}{born:%m%d}" if long else nine[:6]
    return f"{head}-{nine[6:]}{check}"


def dk_cpr(rng: random.Random) -> str:
    """A Danish CPR number ``DDMMYY-SSSS`` (born 1940-1999) that passes the modulus-11 check."""
    while True:
        born = _birth_date(rng, 1940, 1999)
        head = f"{born:%d%m}{born.year % 100:02d}"
        serial3 = f"{rng.randrange(0, 4)}{rng.randrange(0, 100):02d}"  # 7th digit 0-3: born 1900-1999
        partial = head + serial3
        r = sum(int(d) * w for d, w in zip(partial, _DK_W[:9], strict=True)) % 11
        last = (11 - r) % 11
        if last == 10:
            continue
        return f"{head}-{serial3}{last}"
