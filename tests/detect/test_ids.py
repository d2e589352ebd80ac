"""find_ids and its validators: each format, each kind, and the hard negatives that must not become IDs."""

from __future__ import annotations

import pytest

from hygiene.domain.detect.checks import card_network, dk_cpr_mod11, no_fnr_rule
from hygiene.domain.detect.ids import (
    KINDS,
    KNOWN_TEST_NUMBERS,
    IdRules,
    dk_cpr_date_valid,
    fi_hetu_valid,
    find_ids,
    has_id_candidate,
    iban_valid,
    luhn_valid,
    no_account_valid,
    no_fnr_kind,
    se_pnr_valid,
)

RULES = IdRules()
THRESHOLD = 0.5


def flagged(text: str, language: str | None = None, rules: IdRules = RULES) -> list[tuple[str, str]]:
    """(kind, matched text) of the findings at or above the default threshold."""
    return [
        (f.kind, text[f.start : f.end]) for f in find_ids(text, "body", rules, language) if f.confidence >= THRESHOLD
    ]


# --- validators: known numbers from the public sources cited in checks.py -----------------------------------------


@pytest.mark.parametrize(
    ("number", "kind", "rule"),
    [
        ("19061989121", "no_fnr", "classic"),
        ("54029337155", "no_dnr", "classic"),  # day + 40
        ("09445005255", "no_hnr", "classic"),  # month + 40
        ("17912099997", "no_synthetic_fnr", "classic"),  # Tenor: month + 80
        ("55507608360", "no_synthetic_fnr", "classic"),  # NAV Dolly: day + 40 and month + 40
        ("02013299997", "no_fnr", "classic"),  # Skatteetaten's 2032 example, remainder 0
        ("30108299920", "no_fnr", "classic"),  # 2032 example, person 1
        ("30108299939", "no_fnr", "2032"),  # 2032 example, person 2: K1 remainder 1
        ("69020020083", "no_dnr", "classic"),  # D-number 29.02.2000 from the borrowed 200-499 series (2021)
    ],
)
def test_norwegian_numbers_validate_with_their_kind_and_rule(number: str, kind: str, rule: str) -> None:
    assert no_fnr_kind(number) == kind
    assert no_fnr_rule(number) == rule


@pytest.mark.parametrize(
    "number",
    [
        "19061989122",  # K2 wrong
        "19061989131",  # K1 wrong
        "32011012345",  # day 32
        "29029912345",  # no 29 February 1999 whatever the digits
        "00000000000",  # day 0
        "1906198912",  # too short
        "1906198912a",
    ],
)
def test_invalid_norwegian_numbers_are_rejected(number: str) -> None:
    assert no_fnr_kind(number) is None


VALID = [
    (se_pnr_valid, "8112189876"),
    (se_pnr_valid, "198112189876"),
    (se_pnr_valid, "9301808094"),  # samordningsnummer, day + 60
    (dk_cpr_date_valid, "1105630685"),
    (fi_hetu_valid, "131052-308T"),
    (fi_hetu_valid, "141101A0049"),
    (no_account_valid, "28019616268"),
    (iban_valid, "NO9386011117947"),
    (iban_valid, "GB82WEST12345698765432"),
    (luhn_valid, "4111111111111111"),
]
INVALID = [
    (se_pnr_valid, "8112189875"),  # Luhn
    (se_pnr_valid, "178112189876"),  # century
    (dk_cpr_date_valid, "3102630685"),  # 31 February
    (fi_hetu_valid, "131052-308U"),  # check character
    (no_account_valid, "28019616269"),
    (iban_valid, "NO9386011117948"),  # mod 97
    (iban_valid, "XX9386011117947"),  # country
    (luhn_valid, "4111111111111112"),
]


@pytest.mark.parametrize(("check", "value"), VALID)
def test_validators_accept_known_numbers(check, value: str) -> None:
    assert check(value)


@pytest.mark.parametrize(("check", "value"), INVALID)
def test_validators_reject_broken_numbers(check, value: str) -> None:
    assert not check(value)


@pytest.mark.parametrize(
    ("number", "network"),
    [("4111111111111111", "visa"), ("378282246310005", "amex"), ("5019123412341234", "dankort"),
     ("5555555555554444", "mastercard"), ("1234567812345678", None)],
)  # fmt: skip
def test_card_networks_by_iin_and_length(number: str, network: str | None) -> None:
    assert card_network(number) == network


# --- formats --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "fnr 19061989121.",
        "fnr: 190619 89121",
        "fnr 190619-89121",
        "fnr 190619.89121",
        "fnr 19 06 19 89121",
        "fnr 1 9 0 6 1 9 8 9 1 2 1",
        "fødselsnummer:\n190619\n89121",
        "fnr 190619\u00a089121",
        "(19061989121)",
        "19061989121",
    ],
)
def test_fodselsnummer_is_found_in_every_format(text: str) -> None:
    assert [kind for kind, _ in flagged(text)] == ["no_fnr"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("personnummer 811218-9876", "se_pnr"),
        ("personnummer 198112189876", "se_pnr"),
        ("personnummer 19811218-9876", "se_pnr"),
        ("pnr 811218+9876", "se_pnr"),
        ("samordningsnummer 930180-8094", "se_samordningsnr"),
        ("CPR-nr. 110563-0685", "dk_cpr"),
        ("cpr 1105630685", "dk_cpr"),
        ("henkilötunnus 131052-308T", "fi_hetu"),
        ("HETU 141101A0049", "fi_hetu"),
        ("kontonummer 2801.96.16268", "no_account"),
        ("Kontonr: 2801 96 16268", "no_account"),
        ("IBAN NO93 8601 1117 947", "iban"),
        ("IBAN: GB82 WEST 1234 5698 7654 32, BIC ...", "iban"),
        ("Konto AB12 NO93 8601 1117 947", "iban"),
        ("kortnummer 4539 1488 0343 6467", "payment_card"),
        ("card 4539-1488-0343-6467 exp 12/29", "payment_card"),
        ("Amex 3782 822463 10013", "payment_card"),
    ],
)
def test_each_kind_is_found_with_context(text: str, kind: str) -> None:
    assert [k for k, _ in flagged(text)] == [kind]


def test_bare_strong_ids_pass_the_default_threshold_without_context() -> None:
    for text in ("19061989121", "811218-9876", "198112189876", "131052-308T", "NO9386011117947"):
        assert flagged(text), text


def test_weak_ids_need_context() -> None:
    # CPR has no check digit: a date-valid DDMMYY-SSSS alone is not enough.
    assert flagged("110563-0685", "da") == []
    # 1 in 11 random 11-digit numbers pass the account check.
    assert flagged("28019616268") == []
    # A Luhn-valid 16-digit run with a Visa prefix but no card word.
    assert flagged("4539148803436467") == []


def test_a_cpr_number_without_the_old_modulus_needs_an_id_word() -> None:
    new = "251293-0554"  # date-valid, fails the pre-2007 modulus 11: no check digit at all
    old = "110563-0685"  # passes the old modulus 11
    assert not dk_cpr_mod11(new.replace("-", ""))
    assert dk_cpr_mod11(old.replace("-", ""))
    assert flagged(f"CPR-nr.: {new}", "da") == [("dk_cpr", new)]
    assert flagged(f"Navn: Kari Hansen\nCPR: {new}", "da") == [("dk_cpr", new)]
    assert flagged(f"Medlem: Kari Hansen, {new}", "da") == []  # a person word is not enough
    assert flagged(f"Medlemsnummer {new}", "da") == []
    assert flagged(f"Medlem: Kari Hansen, {old}", "da") == [("dk_cpr", old)]  # the old check digit helps


def test_cpr_in_a_column_under_a_cpr_header_counts() -> None:
    rows = "\n".join(f"Medlem {i}\t110563-0685" for i in range(20))
    assert len(flagged("Navn\tCPR-nummer\n" + rows, "da")) == 20


def test_number_valid_as_fnr_and_account_is_decided_by_the_nearest_words() -> None:
    number = "19061989121"
    assert no_account_valid(number)
    assert flagged(f"Kontonummer: {number}") == [("no_account", number)]
    assert flagged(f"Fødselsnummer: {number}") == [("no_fnr", number)]
    assert flagged(f"Fødselsnummer: 20037612345 og kontonummer {number}")[-1] == ("no_account", number)


# --- hard negatives -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "KID: 19061989121",
        "KID-nummer 19061989121",
        "Betal med KID 190619 89121 innen fredag",
        "OCR-referens 8112189876",
        "Betalingsreferanse: 19061989121",
        "Faktura nr 19061989121",
        "Fakturanummer: 19061989121",
        "Ordrenr. 19061989121",
        "Order no. 19061989121",
        "Saksnr 19061989121",
        "Vår referanse: 19061989121",
        "Tlf: 19061989121",
        "Telefon 811218-9876",
        "Org.nr 19061989121",
        "Organisationsnummer 811218-9876",
        "CVR-nr. 1105630685",
        "Sporingsnummer 19061989121",
        "Tracking number 4539148803436467",
        "ISBN 978-82-02-12345-6",
        "Meeting ID: 811 218 9876",
        "Tel +47 22 33 44 55",
        "+46 8 123 456 78",
        "Ring +4719061989121",
        "call +46 811218-9876",
        "Dato 2023-10-12 14:30",
        "Tidspunkt 202310121430",
        "Møtet er 12.03.2024 kl. 10.00",
        "Org.nr. 974 760 673",
        "Kundenummer 4539 1488 0343 6467",
    ],
)
def test_hard_negatives_are_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_ids_are_not_cut_out_of_longer_numbers() -> None:
    assert flagged("1906198912155") == []
    assert flagged("919061989121") == []
    assert flagged("ABC19061989121") == []
    assert flagged("19061989121kr") == []


def test_iban_like_garbage_is_not_flagged() -> None:
    assert flagged("NO93 8601 1117 948") == []  # mod 97 wrong
    assert flagged("NO93 8601 1117 9471") == []  # too long for NO
    assert flagged("XX93 8601 1117 947") == []  # no such country
    assert flagged("Faktura: betal til NO93 8601 1117 947") == []  # an invoice's payee account


def test_findings_carry_kind_category_and_offsets_but_no_value() -> None:
    text = "Hei, fnr 190619 89121 og kortnummer 4539 1488 0343 6467."
    findings = find_ids(text, "attachment:a.txt", RULES)
    assert [(f.kind, f.category, f.where) for f in findings] == [
        ("no_fnr", "national_id", "attachment:a.txt"),
        ("payment_card", "payment_card", "attachment:a.txt"),
    ]
    assert text[findings[0].start : findings[0].end] == "190619 89121"
    for finding in findings:
        assert "19061989121" not in repr(finding)
        assert "4539" not in repr(finding)
        assert finding.category == KINDS[finding.kind]


def test_has_id_candidate_is_false_only_without_candidates() -> None:
    assert not has_id_candidate("Hei, møte kl 10, rom 204, tlf 22 33 44 55.")
    assert has_id_candidate("fnr 19061989121")
    assert has_id_candidate("HETU 141101A0049")
    assert has_id_candidate("IBAN NO9386011117947")


# --- rules as data --------------------------------------------------------------------------------------------------


def test_rules_from_mapping_override_kinds_words_windows_and_deny() -> None:
    rules = IdRules.from_mapping(
        {
            "disabled": ["payment_card"],
            "window_before": 20,
            "deny": ["1906 19 89121"],
            "extra_context": {"negative": {"nb": ["elevnummer"]}},
        }
    )
    assert "payment_card" not in rules.enabled
    assert flagged("kortnummer 4539 1488 0343 6467", rules=rules) == []
    assert flagged("fnr 19061989121", rules=rules) == []  # denied value
    assert flagged("Elevnummer 19061989121") == [("no_fnr", "19061989121")]
    assert (
        flagged(
            "Elevnummer 19061989121",
            rules=IdRules.from_mapping({"extra_context": {"negative": {"nb": ["elevnummer"]}}}),
        )
        == []
    )
    assert IdRules.from_mapping(None) == IdRules()


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"enabled": ["no_fnr", "us_ssn"]}, "us_ssn"),
        ({"window_before": -1}, "window_before"),
        ({"colour": 1}, "colour"),
        ({"context": {"health": {"nb": ["x"]}}}, "health"),
        ({"context": {"negative": {"de": ["x"]}}}, "de"),
        ({"deny": "19061989121"}, "deny"),
    ],
)
def test_bad_rules_raise_value_error_naming_the_key(data: dict, key: str) -> None:
    with pytest.raises(ValueError, match=key):
        IdRules.from_mapping(data)


def test_numbers_valid_only_under_the_2032_rule_need_context() -> None:
    number = "30108299939"  # Skatteetaten's example: K1 remainder 1
    assert flagged(number) == []
    assert flagged(f"fødselsnummer {number}") == [("no_fnr", number)]


@pytest.mark.parametrize("number", sorted(KNOWN_TEST_NUMBERS))
def test_every_published_test_card_is_ignored_in_every_layout(number: str) -> None:
    assert luhn_valid(number)  # a real card shape: only the list keeps it out
    assert card_network(number)
    layouts = [number, " ".join(number[i : i + 4] for i in range(0, len(number), 4))]
    if len(number) == 15:
        layouts.append(f"{number[:4]} {number[4:10]} {number[10:]}")
    for layout in layouts:
        assert flagged(f"Kortnummer: {layout}, CVC 123, utløper 12/29") == []
        assert flagged(f"In staging, pay with card {layout} (exp 12/34).") == []


def test_placeholder_cards_are_ignored_and_the_deny_list_extends_the_built_in_one() -> None:
    assert flagged("card number 4000 0000 0000 0077") == []  # Stripe's scenario series, listed or not
    assert flagged("card number 4000 0000 0000 0085") == []
    assert flagged("kortnummer 5500 0000 0000 0004") == []
    assert flagged("kortnummer 4539 1488 0343 6467") == [("payment_card", "4539 1488 0343 6467")]
    assert flagged("kortnummer 4539 1400 0000 3646") != []  # six equal digits: still a card
    own = IdRules.from_mapping({"deny": ["4539-1488-0343-6467"]})
    assert flagged("kortnummer 4539 1488 0343 6467", rules=own) == []
    assert flagged("kortnummer 4111 1111 1111 1111", rules=own) == []  # the built-in list still applies


def test_published_test_card_numbers_and_examples_are_not_flagged() -> None:
    assert flagged("use the gateway's test card 4111 1111 1111 1111, any CVC") == []
    assert flagged("kortnummer 4242 4242 4242 4242") == []
    assert flagged("Skriv for eksempel 19061989121 i feltet") == []
    assert flagged("kortnummer 4539 1488 0343 6467") == [("payment_card", "4539 1488 0343 6467")]


def test_a_date_followed_by_the_personnummer_is_one_fodselsnummer() -> None:
    assert flagged("Fødselsnummer: 19.06.19 89121") == [("no_fnr", "19.06.19 89121")]
    assert flagged("Møte 19.06.19 89121") == [("no_fnr", "19.06.19 89121")]
    # With the year in full (individual number 891: born 2000-2039), and only with the year it allows.
    assert flagged("Fødselsnummer: 19.06.2019 89121") == [("no_fnr", "19.06.2019 89121")]
    assert flagged("Født 19-06-2019 89121") == [("no_fnr", "19-06-2019 89121")]
    assert flagged("Fødselsnummer: 19.06.1919 89121") == []
    assert flagged("Fødselsnummer: 19.06.2119 89121") == []


@pytest.mark.parametrize(
    "text",
    [
        "Møtet er 12.03.2024 12345 deltakere",
        "Dato 12.03.2024 14532",
        "Levert 01.02.2023 10011 stk",
        "Periode 01.01.2024 31.12.2024",
        "D-nummer 59.06.2019 89121",
    ],
)
def test_a_full_date_and_a_number_that_is_no_fodselsnummer_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_the_readme_example_of_the_ids_table_is_valid() -> None:
    import tomllib
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### How identifiers are found", 1)[1]
    block = section.split("```toml", 1)[1].split("```", 1)[0]
    rules = IdRules.from_mapping(tomllib.loads(block)["ids"])
    assert "payment_card" not in rules.enabled
    assert flagged("Kontonummer 1234.56.78903", rules=rules) == []
    assert flagged("Elevnummer 19061989121", rules=rules) == []


def test_words_after_a_number_count_on_its_own_line_only() -> None:
    assert flagged("Betal med 4539 1488 0343 6467 (Visa), utløper 12/27") == [("payment_card", "4539 1488 0343 6467")]
    assert flagged("4539148803436467 exp 12/27 cvc 123") == [("payment_card", "4539148803436467")]
    assert flagged("19061989121 (KID)") == []
    # The next line's label belongs to the next number.
    assert flagged("Ola Nordmann 19061989121\nKID: 12345678903") == [("no_fnr", "19061989121")]


def test_find_ids_is_thread_safe_with_shared_rules() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"fnr 19061989121, kortnummer 4539 1488 0343 6467, CPR-nr. 110563-0685 #{i}" for i in range(200)]
    expected = [find_ids(text, "body", RULES) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda text: find_ids(text, "body", RULES), texts))
    assert results == expected
    assert all(len(found) == 3 for found in results)
