"""The labelled sets: extract() + find_ids() find every labelled identifier at its place, and nothing else.

Two sets: the development corpus (shared/corpus) and the held-out set written blind to the rules
(tests/detect/heldout). Both label kinds with their own names (``card``, ``no_kontonr``, ``se_samnr``); they map to
ours below. A finding counts when it reaches the default threshold (0.5) the classifier applies.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hygiene.domain.detect.ids import IdRules, find_ids
from hygiene.domain.extract import Limits, extract
from tests.conftest import find_corpus

CORPUS = find_corpus() or Path(os.environ.get("HYGIENE_CORPUS", "shared/corpus"))
HELDOUT = Path(__file__).resolve().parent / "heldout"
CORPUS_KINDS = {"card": "payment_card", "no_kontonr": "no_account", "se_samnr": "se_samordningsnr"}
THRESHOLD = 0.5


def _labels(root: Path) -> list[tuple[Path, dict]]:
    path = root / "labels.jsonl"
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(root, json.loads(line)) for line in lines if line.strip()]


LABELS = _labels(CORPUS) + _labels(HELDOUT)
pytestmark = pytest.mark.skipif(not LABELS, reason=f"no corpus at {CORPUS}")


def _where(where: str) -> str:
    # A forwarded message without a file name is "attachment:message/rfc822" (corpus README); one held-out label
    # writes it without the prefix.
    return "attachment:message/rfc822" if where == "message/rfc822" else where


def _compact(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum()).upper()


def _found(root: Path, label: dict, rules: IdRules) -> set[tuple[str, str, str]]:
    extraction = extract((root / label["file"]).read_bytes(), Limits())
    found = set()
    for part in extraction.parts:
        for finding in find_ids(part.text, part.where, rules, label["lang"]):
            assert 0.0 <= finding.confidence <= 1.0
            if finding.confidence >= THRESHOLD:
                found.add((finding.kind, _compact(part.text[finding.start : finding.end]), finding.where))
    return found


@pytest.mark.parametrize(("root", "label"), LABELS, ids=[label["file"].rsplit("/", 1)[-1] for _, label in LABELS])
def test_labelled_identifiers_are_found_exactly(root: Path, label: dict) -> None:
    expected = {
        (CORPUS_KINDS.get(item["kind"], item["kind"]), _compact(item["value"]), _where(item["where"]))
        for item in label["identifiers"]
    }
    found = _found(root, label, IdRules())
    assert expected - found == set(), "labelled identifiers missed"
    assert found - expected == set(), "identifiers found that are not labelled"


def test_corpus_has_every_kind_we_map() -> None:
    kinds = {item["kind"] for _, label in LABELS for item in label["identifiers"]}
    assert {CORPUS_KINDS.get(kind, kind) for kind in kinds} >= {"no_fnr", "se_pnr", "dk_cpr", "fi_hetu", "iban"}
