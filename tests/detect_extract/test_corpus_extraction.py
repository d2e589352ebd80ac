"""On the labelled corpus, every identifier is readable at the place its label names, and labels on protection
and auto-replies match what extraction reports (detector-independent)."""

from __future__ import annotations

import json

from hygiene.domain.extract import Limits, extract


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_labelled_identifier_is_extracted_at_its_where(corpus_path):
    labels = [json.loads(line) for line in (corpus_path / "labels.jsonl").read_text().splitlines() if line]
    missing = []
    for label in labels:
        extraction = extract((corpus_path / label["file"]).read_bytes(), Limits())
        texts = {part.where: squash(part.text) for part in extraction.parts}
        for identifier in label["identifiers"]:
            if squash(identifier["value"]) not in texts.get(identifier["where"], ""):
                missing.append((label["file"], identifier["kind"], identifier["where"]))  # never the value itself
    assert missing == []


def test_protection_auto_replies_and_completeness_match_labels(corpus_path):
    labels = [json.loads(line) for line in (corpus_path / "labels.jsonl").read_text().splitlines() if line]
    for label in labels:
        extraction = extract((corpus_path / label["file"]).read_bytes(), Limits())
        assert extraction.encrypted == label["encrypted"], label["file"]
        assert extraction.auto_reply == label["auto_reply"], label["file"]
        assert extraction.incomplete_reasons == (), label["file"]
