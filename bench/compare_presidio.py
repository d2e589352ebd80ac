"""Our detector vs Microsoft Presidio on the same corpora, in the same run: F2 (message and category level) and speed.

    pip install -e '.[bench]'        # presidio-analyzer (brings spaCy)
    python bench/compare_presidio.py [CORPUS_DIR ...]

Presidio runs with every recogniser it has for our categories: credit cards (Luhn), IBAN (mod 97), the Swedish
personnummer and the Finnish HETU (its Nordic recognisers; it has none for Norwegian or Danish numbers), all under one
language code so they see every message. Its NER needs a trained spaCy model, and none is published on PyPI by the
spaCy authors (``spacy download`` fetches from GitHub, which this project does not use; third-party re-uploads are
not trusted here), so it runs on a blank English pipeline: the comparison is of what each tool finds without
downloading a model at run time. Presidio has no recognisers for health, religion, union membership or the other
GDPR art. 9/10 categories: it is scored on the same labels, so those count as misses.

Both tools read the same extracted text (one extraction per message, shared); speed is measured over detection
alone and reported as a ratio, best of ``--repeat`` runs, single thread.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from detect_eval import Counts, _default_corpus  # type: ignore[import-not-found]

from hygiene.domain.classify import CATEGORY_ORDER, Classifier
from hygiene.domain.detect import load_rules
from hygiene.domain.extract import Extraction, Limits, extract

PRESIDIO_CATEGORY = {
    "CREDIT_CARD": "payment_card",
    "IBAN_CODE": "bank_account",
    "SE_PERSONNUMMER": "national_id",
    "FI_PERSONAL_IDENTITY_CODE": "national_id",
}


def build_presidio(model_dir: Path):
    """A Presidio AnalyzerEngine with its Nordic, card and IBAN recognisers on a blank spaCy pipeline."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        FiPersonalIdentityCodeRecognizer,
        IbanRecognizer,
        SePersonnummerRecognizer,
    )

    spacy.blank("en").to_disk(model_dir)
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": str(model_dir)}]}
    )
    engine = provider.create_engine()
    for nlp in engine.nlp.values():
        nlp.max_length = 100_000_000  # a blank pipeline only tokenises: long bodies are safe
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in (
        CreditCardRecognizer,
        IbanRecognizer,
        SePersonnummerRecognizer,
        FiPersonalIdentityCodeRecognizer,
    ):
        registry.add_recognizer(recognizer(supported_language="en"))
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])


def presidio_categories(analyzer, extraction: Extraction, threshold: float) -> set[str]:
    if extraction.encrypted:
        return set()
    found: set[str] = set()
    for part in extraction.parts:
        for result in analyzer.analyze(text=part.text, language="en", score_threshold=threshold):
            category = PRESIDIO_CATEGORY.get(result.entity_type)
            if category:
                found.add(category)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", type=Path, help="corpus directories with labels.jsonl")
    parser.add_argument("--repeat", type=int, default=2, help="best of N timing runs")
    parser.add_argument("--threshold", type=float, default=0.5, help="minimum score for both tools")
    args = parser.parse_args()
    corpora = args.corpora or [c for c in [_default_corpus()] if c is not None]
    if not corpora:
        parser.error("no corpus given and ../shared/corpus not found")
    try:
        import presidio_analyzer  # noqa: F401
    except ImportError:
        parser.error("presidio-analyzer is not installed: pip install -e '.[bench]'")

    classifier = Classifier(load_rules(), limits=Limits(), min_confidence=args.threshold)
    items: list[tuple[Extraction, dict]] = []
    for corpus in corpora:
        for line in (corpus / "labels.jsonl").read_text().splitlines():
            if line.strip():
                label = json.loads(line)
                items.append((extract((corpus / label["file"]).read_bytes(), classifier.limits), label))
    chars = sum(len(part.text) for extraction, _ in items for part in extraction.parts)

    with tempfile.TemporaryDirectory() as tmp:
        analyzer = build_presidio(Path(tmp) / "blank-en")
        ours = {"message": Counts(), "category": Counts()}
        theirs = {"message": Counts(), "category": Counts()}
        ours_found = [set(classifier.classify_extraction(e).categories) for e, _ in items]
        theirs_found = [presidio_categories(analyzer, e, args.threshold) for e, _ in items]
        for (_, label), mine, other in zip(items, ours_found, theirs_found, strict=True):
            wanted = set(label["categories"])
            for counts, found in ((ours, mine), (theirs, other)):
                counts["message"].add(bool(label["sensitive"]), bool(found))
                for category in CATEGORY_ORDER:
                    counts["category"].add(category in wanted, category in found)

        def timed(run) -> float:
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                run()
                best = min(best, time.perf_counter() - start)
            return best

        ours_s = timed(lambda: [classifier.classify_extraction(e) for e, _ in items])
        theirs_s = timed(lambda: [presidio_categories(analyzer, e, args.threshold) for e, _ in items])

    print(f"{len(items)} messages, {chars / 1e6:.2f} M characters of extracted text; threshold {args.threshold}")
    print(f"{'':<10} {'level':<9} {'P':>6} {'R':>6} {'F1':>6} {'F2':>6}")
    for name, counts in (("hygiene", ours), ("presidio", theirs)):
        for level in ("message", "category"):
            c = counts[level]
            print(f"{name:<10} {level:<9} {c.precision():>6.3f} {c.recall():>6.3f} {c.f(1):>6.3f} {c.f(2):>6.3f}")
    print(
        f"detection time (same extracted text, one thread, best of {args.repeat}): hygiene {ours_s:.3f} s, "
        f"presidio {theirs_s:.3f} s; presidio/hygiene time ratio {theirs_s / ours_s:.1f}"
    )


if __name__ == "__main__":
    main()
