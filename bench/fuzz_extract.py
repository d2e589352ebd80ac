"""atheris (libFuzzer) target: MIME parsing, text extraction and, with ``--classify``, the whole Classifier.

Run: ``python bench/fuzz_extract.py [--classify] [--seeds DIR] [libFuzzer flags: -runs=N -max_total_time=S ...]``

Seeds are the small hostile cases (tests/hardening/hostile.py) plus up to 200 messages of the labelled corpus
(../shared/corpus), written to ``--seeds`` (a temporary directory by default) before the run; libFuzzer keeps new
inputs it finds there when you pass a directory of your own. Every input must end in an `Extraction` (a `Verdict`)
that keeps the limits: text within ``max_extracted_chars``, one part per ``where``, reasons that are short fixed
tokens holding nothing of the message. Anything else (an exception, a broken invariant) is a crash: libFuzzer
stops, writes the input to ``crash-<sha1>`` (see ``-artifact_prefix=``) and exits non-zero.

tests/hardening/test_fuzz.py runs 2,000 inputs in CI; run it for hours here, e.g.
``python bench/fuzz_extract.py --seeds /tmp/fuzz-corpus -max_total_time=3600 -timeout=30 -rss_limit_mb=2048``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["hygiene"]):
    from hygiene.domain.extract import Extraction, Limits, extract

LIMITS = Limits(max_message_bytes=1 << 20, max_extracted_chars=200_000, max_depth=4, max_pdf_pages=5, time_budget_s=5)
REASON = re.compile(r"(limit:[a-z_]{1,20}|parse_error|image not read|format:[\w.-]{1,20}|encrypted:[a-z]{1,10}|"
                    r"error:[a-z]{1,10}|ocr:[a-z_]{1,20})")  # fmt: skip
SMALL_CASES = 64 * 1024
_classifier = None


def check(data: bytes) -> None:
    """One input: extract (and classify); raise AssertionError when an invariant breaks."""
    got = extract(data, LIMITS)
    assert isinstance(got, Extraction)
    assert sum(len(part.text) for part in got.parts) <= LIMITS.max_extracted_chars
    assert len({part.where for part in got.parts}) == len(got.parts), "a where occurs twice"
    for reason in got.incomplete_reasons:
        assert REASON.fullmatch(reason), f"reason is not a fixed token: {reason[:40]!r}"
    if _classifier is not None:
        verdict = _classifier.classify_extraction(got)
        assert not (verdict.sensitive and verdict.encrypted)
        for reason in verdict.incomplete_reasons:
            assert REASON.fullmatch(reason), f"verdict reason is not a fixed token: {reason[:40]!r}"
        for finding in verdict.findings:
            assert 0.0 <= finding.confidence <= 1.0
            assert 0 <= finding.start <= finding.end


def write_seeds(directory: Path, corpus: Path | None, limit: int = 200) -> int:
    """Write the seed inputs to ``directory``; returns how many."""
    from tests.hardening.hostile import CASES

    directory.mkdir(parents=True, exist_ok=True)
    seeds: list[bytes] = []
    for case in CASES:
        raw = case.build(big=False)
        if len(raw) <= SMALL_CASES:
            seeds.append(raw)
    if corpus is not None and corpus.is_dir():
        seeds.extend(path.read_bytes() for path in sorted(corpus.glob("**/*.eml"))[:limit])
    for raw in seeds:
        (directory / hashlib.sha1(raw).hexdigest()).write_bytes(raw)
    return len(seeds)


def main() -> None:
    global _classifier
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--classify", action="store_true", help="also run the Classifier (needs the rules)")
    parser.add_argument("--seeds", type=Path, help="seed/corpus directory (default: a temporary one)")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args, libfuzzer = parser.parse_known_args()
    if args.classify:
        with atheris.instrument_imports(include=["hygiene"]):
            from hygiene.domain.classify import Classifier
            from hygiene.domain.detect import load_rules
        _classifier = Classifier(load_rules(), limits=LIMITS)
    with tempfile.TemporaryDirectory(prefix="hygiene-fuzz-") as tmp:
        seeds = args.seeds or Path(tmp)
        count = write_seeds(seeds, args.corpus if args.corpus.is_dir() else None)
        print(f"fuzz_extract: {count} seeds in {seeds}", file=sys.stderr)
        atheris.Setup([sys.argv[0], *libfuzzer, str(seeds)], check)
        atheris.Fuzz()


if __name__ == "__main__":
    main()
