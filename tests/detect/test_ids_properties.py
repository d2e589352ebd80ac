"""Property tests: every valid generated identifier is found in any surrounding text, every broken one is not.

The generators (tests/detect/strategies.py) compute check digits from the public rules, independently of the code
under test. "Found" means a finding of the right kind, exactly at the number's span, at or above the default
threshold 0.5; "not found" means no finding at or above it anywhere in the text.
"""

from __future__ import annotations

import itertools
import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hygiene.domain.detect.checks import fi_hetu_valid, se_pnr_kind
from hygiene.domain.detect.ids import IdRules, find_ids, has_id_candidate
from tests.detect import strategies as ids

RULES = IdRules()
THRESHOLD = 0.5
SETTINGS = settings(
    max_examples=int(os.environ.get("IDS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Kinds strong enough to pass the threshold with no word around them (see the ids module docstring).
STRONG = st.one_of(
    ids.fnr(),
    ids.fnr(variant="no_dnr"),
    ids.fnr(variant="no_hnr"),
    ids.fnr(variant="no_synthetic_fnr"),
    ids.se_pnr(),
    ids.se_pnr(samordning=True),
    ids.fi_hetu(),
    ids.iban(),
)


def _hits(text: str, language: str | None = None) -> list[tuple[str, int, int]]:
    return [(f.kind, f.start, f.end) for f in find_ids(text, "body", RULES, language) if f.confidence >= THRESHOLD]


def _other_valid_kinds(value: str) -> set[str]:
    """The national-ID kinds a 10-character number with a separator at index 6 passes (an oracle for collisions)."""
    kinds = set()
    if len(value) == 11 and value[6] in "-+":
        if fi_hetu_valid(value):
            kinds.add("fi_hetu")
        kind = se_pnr_kind(value[:6] + value[7:], century_sign=value[6])
        if kind is not None:
            kinds.add(kind)
    return kinds


def _looks_like_timestamp(ident: ids.Id) -> bool:
    """YYYYMMDDHHMM: a 12-digit personnummer without separator whose last four digits read as a time of day."""
    text = ident.text
    return len(text) == 12 and text.isdigit() and int(text[8:10]) < 24 and int(text[10:12]) < 60


@SETTINGS
@given(data=st.data(), ident=STRONG)
def test_strong_ids_are_found_without_any_context(data: st.DataObject, ident: ids.Id) -> None:
    assume(not _looks_like_timestamp(ident))
    text, start, end = data.draw(ids.embedded(ident, with_context=False))
    # Without a word, a number valid as two kinds at once (HETU and Swedish) may be reported as either.
    accepted = {ident.kind} | _other_valid_kinds(ident.text)
    assert any(hit[1:] == (start, end) and hit[0] in accepted for hit in _hits(text))


@SETTINGS
@given(data=st.data(), ident=ids.any_valid_id(), language=st.sampled_from([None, "nb", "sv", "da", "en"]))
def test_every_valid_id_is_found_after_its_word(data: st.DataObject, ident: ids.Id, language: str | None) -> None:
    if ident.kind == "dk_cpr":
        language = data.draw(st.sampled_from([None, "da"]))
    elif ident.kind.startswith("se_") and language == "da":
        language = None  # in Danish text a number valid both ways is read as a CPR number, by design
    text, start, end = data.draw(ids.embedded(ident, with_context=True))
    hits = _hits(text, language)
    assert (ident.kind, start, end) in hits
    assert len(hits) == 1
    assert has_id_candidate(text)  # the prescreen never hides a finding


@SETTINGS
@given(data=st.data(), ident=ids.fnr(rule="2032"))
def test_numbers_of_the_2032_rule_are_found_after_an_id_word(data: st.DataObject, ident: ids.Id) -> None:
    text, start, end = data.draw(ids.embedded(ident, with_context=True))
    assert ("no_fnr", start, end) in _hits(text, "nb")


CHECKED = st.one_of(
    ids.fnr(),
    ids.fnr(variant="no_dnr"),
    ids.se_pnr(),
    ids.fi_hetu(),
    ids.no_account(),
    ids.iban(),
    ids.payment_card(),
)


@SETTINGS
@given(data=st.data(), ident=CHECKED, context=st.booleans(), language=st.sampled_from(["nb", "sv", "en"]))
def test_a_wrong_check_digit_is_never_flagged(data: st.DataObject, ident: ids.Id, context: bool, language: str) -> None:
    broken = data.draw(ids.with_wrong_last_digit(ident))
    text, _, _ = data.draw(ids.embedded(broken, with_context=context))
    hits = {kind for kind, _, _ in _hits(text, language)}
    assert ident.kind not in hits
    # The broken number may happen to be valid as another kind (a Swedish number with a wrong Luhn digit can be a
    # valid digits-only HETU); then only that other kind may be reported.
    assert hits <= _other_valid_kinds(broken.text)


@SETTINGS
@given(data=st.data(), digits=ids.fnr_with_invalid_date(), word=st.sampled_from(["fødselsnummer", "fnr", ""]))
def test_a_fodselsnummer_with_an_invalid_date_is_never_a_national_id(
    data: st.DataObject, digits: str, word: str
) -> None:
    ident = ids.Id("no_fnr", digits, digits, word)
    text, _, _ = data.draw(ids.embedded(ident, with_context=bool(word)))
    assert all(kind not in ("no_fnr", "no_dnr", "no_hnr", "no_synthetic_fnr") for kind, _, _ in _hits(text))


@SETTINGS
@given(data=st.data(), ident=ids.dk_cpr())
def test_a_cpr_number_without_context_is_not_flagged(data: st.DataObject, ident: ids.Id) -> None:
    text, start, end = data.draw(ids.embedded(ident, with_context=False))
    assert ("dk_cpr", start, end) not in _hits(text, "da")


@SETTINGS
@given(data=st.data(), ident=STRONG, guard=st.sampled_from(["KID", "Fakturanr.", "Ordrenr", "Tlf", "Org.nr", "OCR"]))
def test_a_valid_number_after_a_guard_word_is_not_flagged(data: st.DataObject, ident: ids.Id, guard: str) -> None:
    assume(ident.kind != "iban")
    text, start, end = data.draw(ids.embedded(ident, with_context=False))
    text = text[:start] + guard + ": " + text[start:]
    assert _hits(text) == []


@SETTINGS
@given(
    data=st.data(),
    idents=st.lists(ids.any_valid_id(), min_size=1, max_size=5),
    noise=st.lists(st.sampled_from(["KID", "12.03.2024", "tlf 22 33 44 55", "1234", "-", "\n", "kr 1 250,-"])),
)
def test_findings_are_sorted_disjoint_and_inside_the_text(
    data: st.DataObject, idents: list[ids.Id], noise: list[str]
) -> None:
    pieces = [data.draw(ids.embedded(ident, with_context=data.draw(st.booleans())))[0] for ident in idents]
    text = " ".join(pieces + noise)
    findings = find_ids(text, "body", RULES)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert 0.0 <= finding.confidence <= 1.0
    for before, after in itertools.pairwise(findings):
        assert before.end <= after.start
