"""Hand-written cases per language (tests/detect/cases/*.txt): each line says what must be found and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from hygiene.domain.detect import detect, guess_language, load_rules
from hygiene.domain.text import TextPart

CASES = Path(__file__).parent / "cases"
IDENTIFIERS = {"national_id", "bank_account", "payment_card"}


def _cases():
    for path in sorted(CASES.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            expected, text, why = (field.strip() for field in line.split("|", 2))
            wanted = frozenset() if expected == "-" else frozenset(expected.split(","))
            yield pytest.param(path.stem, wanted, text.replace("\\n", "\n"), id=f"{path.stem}:{number}:{why[:40]}")


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize(("language", "wanted", "text"), list(_cases()))
def test_case(rules, language, wanted, text):
    found = {
        f.category
        for f in detect([TextPart("body", text)], rules, language=guess_language(text) or language)
        if f.confidence >= 0.5 and f.category not in IDENTIFIERS
    }
    assert found == set(wanted)
