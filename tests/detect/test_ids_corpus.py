"""The labelled corpus: extract() + find_ids() find every labelled identifier at its place, and nothing else.

The corpus labels kinds with its own names (``card``, ``no_kontonr``, ``se_samnr``); they map to ours below. A
finding counts when it reaches the default threshold (0.5) the classifier applies.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hygiene.domain.detect.ids import IdRules, find_ids
from hygiene.domain.extract import Limits, extract

CORPUS = Path(os.environ.get("HYGIENE_CORPUS", "/work/shared/corpus"))
CORPUS_KINDS = {"card": "payment_card", "no_kontonr": "no_account", "se_samnr": "se_samordningsnr"}
THRESHOLD = 0.5


def _labels() -> list[dict]:
    path = CORPUS / "labels.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


LABELS = _labels()
pytestmark = pytest.mark.skipif(not LABELS, reason=f"no corpus at {CORPUS}")


def _compact(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum()).upper()


def _found(label: dict, rules: IdRules) -> set[tuple[str, str, str]]:
    extraction = extract((CORPUS / label["file"]).read_bytes(), Limits())
    found = set()
    for part in extraction.parts:
        for finding in find_ids(part.text, part.where, rules, label["lang"]):
            assert 0.0 <= finding.confidence <= 1.0
            if finding.confidence >= THRESHOLD:
                found.add((finding.kind, _compact(part.text[finding.start : finding.end]), finding.where))
    return found


@pytest.mark.parametrize("label", LABELS, ids=[label["file"].rsplit("/", 1)[-1] for label in LABELS])
def test_corpus_message_identifiers_are_found_exactly(label: dict) -> None:
    expected = {
        (CORPUS_KINDS.get(item["kind"], item["kind"]), _compact(item["value"]), item["where"])
        for item in label["identifiers"]
    }
    found = _found(label, IdRules())
    assert expected - found == set(), "labelled identifiers missed"
    assert found - expected == set(), "identifiers found that are not labelled"


def test_corpus_has_every_kind_we_map() -> None:
    kinds = {item["kind"] for label in LABELS for item in label["identifiers"]}
    assert {CORPUS_KINDS.get(kind, kind) for kind in kinds} >= {"no_fnr", "se_pnr", "dk_cpr", "fi_hetu", "iban"}
