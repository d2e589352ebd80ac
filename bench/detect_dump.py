"""Dump every finding the detector produces (below thresholds too) for .eml files, one JSON line per message.

Used to prove that a speed change leaves results identical: dump before, dump after, diff.

    python bench/detect_dump.py DIR... [--synthetic 2000] > findings.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hygiene.domain.classify import Classifier
from hygiene.domain.detect import detect, load_rules
from hygiene.domain.extract import Limits, extract


def _row(name: str, mime: bytes, classifier: Classifier) -> dict:
    extraction = extract(mime, classifier.limits)
    verdict = classifier.classify_extraction(extraction)
    raw = detect(extraction.parts, classifier.rules, language=verdict.language) if not extraction.encrypted else []
    return {
        "path": name,
        "sensitive": verdict.sensitive,
        "language": verdict.language,
        "categories": list(verdict.categories),
        "incomplete": list(verdict.incomplete_reasons),
        "parts": [
            (p.where, len(p.text), zlib.crc32(p.text.encode("utf-8", "surrogatepass"))) for p in extraction.parts
        ],
        "findings": [(f.kind, f.category, f.where, f.start, f.end, f.confidence) for f in raw],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dirs", nargs="*")
    parser.add_argument("--synthetic", type=int, default=0)
    args = parser.parse_args()
    classifier = Classifier(load_rules(), limits=Limits())
    for directory in args.dirs:
        for path in sorted(Path(directory).glob("messages/*.eml")) or sorted(Path(directory).glob("*.eml")):
            print(json.dumps(_row(str(path), path.read_bytes(), classifier), ensure_ascii=False))
    if args.synthetic:
        from detect_speed import synthetic

        for i, mime in enumerate(synthetic(args.synthetic)):
            print(json.dumps(_row(f"synthetic/{i}", mime, classifier), ensure_ascii=False))


if __name__ == "__main__":
    main()
