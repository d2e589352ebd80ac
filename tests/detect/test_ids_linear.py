"""Adversarial inputs for find_ids: each ~200k characters, each must finish in linear time.

A quadratic scan would need minutes on them, a linear one well under a second; the per-test timeout turns a
regression into a failure without asserting on timings. The work is also bounded structurally: the number of
findings can never exceed the number of digits / 10.
"""

from __future__ import annotations

import pytest

from hygiene.domain.detect.ids import IdRules, find_ids, has_id_candidate

N = 100_000
RULES = IdRules()

CASES = {
    "single digits with spaces": "1 " * N,
    "single digits with dots": "1." * N,
    "single digits with dashes": "1-" * N,
    "single digits with line breaks": "1\n" * N,
    "single digits with nbsp": "1\u00a0" * N,
    "digit pairs": "12 " * (N // 2),
    "groups of four": "4111 " * (N // 3),
    "groups of four with dashes": "4111-" * (N // 3),
    "one long number": "1" * 2 * N,
    "valid fnr repeated": "19061989121 " * (N // 6),
    "valid fnr glued": "19061989121" * (N // 6),
    "fnr halves": "190619 " * (N // 3),
    "near-miss fnr": "19061989122 " * (N // 6),
    "swedish plus": "190428+" * (N // 3),
    "hetu heads": "141101A" * (N // 3),
    "hetu repeated": "141101A0049 " * (N // 6),
    "iban heads": "NO93 " * (N // 2),
    "iban glued": "NO9386011117947" * (N // 8),
    "iban groups": "NO93 8601 1117 947 " * (N // 10),
    "keywords and numbers": "fnr KID konto kort 19061989121 " * (N // 16),
    "only keywords": "fødselsnummer kid-nummer org.nr kontonummer " * (N // 20),
    "spaces then digit": " " * 2 * N + "1",
    "digit then spaces": "1" + " " * 2 * N + "1",
    "newlines between digits": ("1" + " \r\n " * 3) * (N // 8),
    "letters and digits": "a1" * N,
    "date-like": "12.03.2024 " * (N // 6),
    "full dates and numbers": "19.06.2019 89121 " * (N // 8),
    "capitalised run then a company form": "A" * 2 * N + " AS konto 1234.56.78903",
    "company names and accounts": "Hansen Bygg AS konto 1234.56.78903 " * (N // 16),
    "possessives and accounts": "din  \t ditt   kontonummer mitt 1234.56.78903 " * (N // 20),
    "sentence ends": ". A. B! C? \n\n " * (N // 8) + "kontonummer 1234.56.78903",
    "payment words": "utbetal lønna mi til overfør til refusjon 12345678903 " * (N // 24),
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", list(CASES.values()), ids=list(CASES))
def test_find_ids_on_adversarial_input_is_bounded(text: str) -> None:
    findings = find_ids(text, "body", RULES)
    digits = sum(ch.isdigit() for ch in text)
    assert len(findings) <= digits // 10 + 1
    assert all(0 <= f.start < f.end <= len(text) for f in findings)
    has_id_candidate(text)


@pytest.mark.timeout(60)
def test_repeated_valid_numbers_are_each_found_once() -> None:
    text = "fnr 19061989121, " * 5000
    findings = find_ids(text, "body", RULES)
    assert len(findings) == 5000
    assert {f.kind for f in findings} == {"no_fnr"}
