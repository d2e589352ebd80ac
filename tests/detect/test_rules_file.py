"""load_rules: built-in rules plus an organisation's TOML file; malformed files name file, rule and problem."""

from __future__ import annotations

import pytest

from hygiene.domain.detect import detect, load_rules
from hygiene.domain.text import TextPart

DISCLOSURE = "Hei, jeg er medlem i Bygningsarbeidernes Forening og vil ha trekk i lønn."


def categories(rules, text: str) -> set[str]:
    return {f.category for f in detect([TextPart("body", text)], rules, language="nb") if f.confidence >= 0.5}


def test_builtin_rules_load_and_cover_every_category_and_language():
    rules = load_rules()
    seen = {(term.category, term.language) for term in rules.terms}
    for category in ("health", "ethnicity", "religion", "politics", "union", "sexual_orientation",
                     "genetic_biometric", "criminal"):  # fmt: skip
        for language in ("nb", "nn", "sv", "da", "en"):
            assert (category, language) in seen or (category, "any") in seen, (category, language)


def test_organisation_file_adds_terms(tmp_path):
    # Given a union name the built-in rules do not know
    assert "union" not in categories(load_rules(), DISCLOSURE)
    path = tmp_path / "rules.toml"
    path.write_text('[union.any]\nweak = ["bygningsarbeidernes forening"]\n')
    # Then the organisation's file makes the disclosure sensitive
    assert "union" in categories(load_rules(path), DISCLOSURE)


def test_organisation_file_removes_terms_and_disables_categories(tmp_path):
    text = "Jeg er sykmeldt ut uka."
    assert "health" in categories(load_rules(), text)
    removed = tmp_path / "removed.toml"
    removed.write_text('[health.nb]\nremove = ["sykmeldt", "er sykmeldt"]\n')
    assert "health" not in categories(load_rules(removed), text)
    disabled = tmp_path / "disabled.toml"
    disabled.write_text("[health]\nenabled = false\n")
    assert "health" not in categories(load_rules(disabled), text)


def test_ids_table_is_passed_to_id_rules(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('[ids]\ndisabled = ["payment_card"]\n')
    assert "payment_card" not in load_rules(path).ids.enabled


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ("[helth]\n", "unknown table [helth]"),
        ("[health]\nenabled = 'yes'\n", "health.enabled"),
        ("[health]\nweight = 7\n", "health.weight"),
        ("[health.xx]\nstrong = []\n", "health.xx"),
        ("[health.nb]\nstrog = ['a']\n", "health.nb.strog"),
        ("[health.nb]\nstrong = 'sykmeldt'\n", "health.nb.strong"),
        ("[health.nb]\nstrong = ['syk*meldt']\n", "health.nb.strong"),
        ("[union.nb]\nmedication = ['x']\n", "union.nb.medication"),
        ("[context]\nwindow = -1\n", "context.window"),
        ("[context.nb]\nfriends = ['x']\n", "context.nb.friends"),
        ("[ids]\nwindow_before = 'far'\n", "window_before"),
        ("[national_id]\n", "[ids]"),
        ("health = [\n", "not valid TOML"),
    ],
)
def test_malformed_file_names_file_rule_and_problem(tmp_path, content, named):
    path = tmp_path / "org-rules.toml"
    path.write_text(content)
    with pytest.raises(ValueError, match="org-rules.toml") as caught:
        load_rules(path)
    assert named in str(caught.value)


def test_missing_file_is_a_value_error_naming_it(tmp_path):
    with pytest.raises(ValueError, match="nope.toml"):
        load_rules(tmp_path / "nope.toml")


def test_example_rules_file_loads():
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "rules.example.toml"
    rules = load_rules(example)
    assert rules.terms
