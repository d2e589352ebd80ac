"""The held-out evaluation set (tests/detect/heldout): the detector must not fall below its measured quality.

The set was written independently of the detector's rules and of the development corpus (see heldout/build.py),
so it estimates how the detector generalises. The floors below are the last measured figures minus a small margin:
a change that loses recall or precision on messages nobody tuned on fails here. Raise them when the detector
improves; never lower them to make a change pass without saying why in the commit.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from stdnum import iban, luhn
from stdnum.dk import cpr
from stdnum.fi import hetu
from stdnum.no import fodselsnummer, kontonr
from stdnum.se import personnummer

from hygiene.domain.classify import Classifier
from hygiene.domain.detect import load_rules
from hygiene.domain.extract import Limits

HELDOUT = Path(__file__).resolve().parent / "heldout"
ROOT = Path(__file__).resolve().parents[2]

# Message-level F2 floors (history in heldout/README.md). Overall: measured minus ~0.03 (room for one or two
# messages); per language: room for one message either way (a language has only 10-20 sensitive messages).
OVERALL_F2_FLOOR = 0.97
LANGUAGE_F2_FLOOR = {"nb": 0.90, "nn": 0.90, "sv": 0.90, "da": 0.90, "en": 0.90}
# The fresh sets (written after each round of fixes; see README): floors against collapse, measured minus ~0.05.
FRESH_F2_FLOOR = {
    "fresh": 0.95,
    "fresh2": 0.95,
    "fresh3": 0.78,
    "fresh4": 0.78,
    # The four blind sets of 2026-11-23 (scored once at the start and once at the end of that session's work):
    "fresh5": 0.94,
    "fresh6": 0.80,
    "fresh7": 0.94,
    "fresh8": 0.90,
}
# Policy texts still flagged when a set was added (never raise these; fix the text's family and lower them):
# fresh5 p019, a nynorsk routine on health data in e-mail, is read as health.
KNOWN_POLICY_FP = {"fresh5": 1}


def _load_eval():
    spec = importlib.util.spec_from_file_location("detect_eval", ROOT / "bench" / "detect_eval.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("detect_eval", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report():
    detect_eval = _load_eval()
    classifier = Classifier(load_rules(None), limits=Limits())
    return detect_eval.evaluate([HELDOUT], classifier)


@pytest.mark.parametrize("folder", sorted(FRESH_F2_FLOOR))
def test_fresh_set_f2_stays_above_its_floor(folder: str) -> None:
    detect_eval = _load_eval()
    fresh = detect_eval.evaluate([HELDOUT / folder], Classifier(load_rules(None), limits=Limits()))
    assert fresh.message.tp + fresh.message.fn >= 14
    assert fresh.policy.fp <= KNOWN_POLICY_FP.get(folder, 0), fresh.errors
    assert fresh.message.f(2) >= FRESH_F2_FLOOR[folder], fresh.errors


def test_heldout_message_level_f2_stays_above_its_floor(report) -> None:
    assert report.message.tp + report.message.fn > 50  # the set holds many sensitive messages
    assert report.message.f(2) >= OVERALL_F2_FLOOR, report.errors


@pytest.mark.parametrize("language", sorted(LANGUAGE_F2_FLOOR))
def test_heldout_f2_per_language_stays_above_its_floor(report, language: str) -> None:
    counts = report.by_language[language]
    assert counts.tp + counts.fn >= 10
    assert counts.f(2) >= LANGUAGE_F2_FLOOR[language], [e for e in report.errors if f"({language})" in e]


def test_heldout_policy_texts_are_never_flagged(report) -> None:
    assert report.policy.tn + report.policy.fp >= 10
    assert report.policy.fp == 0, report.errors


def test_heldout_encrypted_messages_are_never_sensitive() -> None:
    classifier = Classifier(load_rules(None), limits=Limits())
    labels = [json.loads(line) for line in (HELDOUT / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    encrypted = [label for label in labels if label["encrypted"]]
    assert len(encrypted) >= 5
    for label in encrypted:
        verdict = classifier.classify((HELDOUT / label["file"]).read_bytes())
        assert verdict.encrypted, label["file"]
        assert not verdict.sensitive, label["file"]


def test_heldout_files_are_what_build_py_writes(tmp_path: Path) -> None:
    """The committed .eml files and labels are reproducible from the generator (no hand edits, no drift)."""
    sys.path.insert(0, str(HELDOUT))
    try:
        import build
        import fresh
        import fresh2
        import fresh3
        import fresh4
        import messages

        build.build(messages.MESSAGES, tmp_path, "h")
        build.build(fresh.MESSAGES, tmp_path / "fresh", "f")
        build.build(fresh2.MESSAGES, tmp_path / "fresh2", "g")
        build.build(fresh3.MESSAGES, tmp_path / "fresh3", "k")
        build.build(fresh4.MESSAGES, tmp_path / "fresh4", "m")
    finally:
        sys.path.remove(str(HELDOUT))
    for folder in (Path("."), Path("fresh"), Path("fresh2"), Path("fresh3"), Path("fresh4")):
        assert (tmp_path / folder / "labels.jsonl").read_bytes() == (HELDOUT / folder / "labels.jsonl").read_bytes()
        written = sorted(p.name for p in (tmp_path / folder / "messages").iterdir())
        committed = sorted(p.name for p in (HELDOUT / folder / "messages").iterdir())
        assert written == committed
        for name in written:
            expected = (HELDOUT / folder / "messages" / name).read_bytes()
            assert (tmp_path / folder / "messages" / name).read_bytes() == expected, name


def _valid(kind: str, value: str) -> bool:
    digits = "".join(ch for ch in value if ch.isdigit())
    if kind == "no_fnr":
        return fodselsnummer.is_valid(digits)
    if kind in ("no_dnr", "no_hnr"):  # stdnum knows no D/H-numbers: check the two mod-11 digits
        w1, w2 = (3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
        k1 = (11 - sum(a * int(b) for a, b in zip(w1, digits, strict=False)) % 11) % 11
        k2 = (11 - sum(a * int(b) for a, b in zip(w2, digits, strict=False)) % 11) % 11
        return len(digits) == 11 and digits[9:] == f"{k1}{k2}"
    if kind == "se_pnr":
        return personnummer.is_valid(value)
    if kind == "se_samnr":
        return len(digits) in (10, 12) and luhn.is_valid(digits[-10:]) and int(digits[-6:-4]) > 60
    if kind == "dk_cpr":
        cpr.get_birth_date(digits)
        return len(digits) == 10
    if kind == "fi_hetu":
        return hetu.is_valid(value)
    if kind == "no_kontonr":
        return kontonr.is_valid(digits)
    if kind == "iban":
        return iban.is_valid(value)
    if kind == "card":
        return luhn.is_valid(digits) and 13 <= len(digits) <= 19
    raise AssertionError(f"unknown identifier kind {kind}")


@pytest.mark.parametrize("folder", [".", "fresh", "fresh2", "fresh3", "fresh4"])
def test_every_labelled_identifier_is_valid_and_its_message_sensitive(folder: str) -> None:
    labels = [json.loads(line) for line in (HELDOUT / folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    for label in labels:
        assert bool(label["categories"]) == label["sensitive"], label["file"]
        for identifier in label["identifiers"]:
            assert _valid(identifier["kind"], identifier["value"]), (label["file"], identifier["kind"])
            assert label["sensitive"], label["file"]
