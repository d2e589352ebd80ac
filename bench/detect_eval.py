"""Detector quality on labelled corpora: precision, recall, F1 and F2, message-level and per category.

    python bench/detect_eval.py [CORPUS_DIR ...] [--split all|even|odd] [--errors]

Each corpus directory holds ``labels.jsonl`` (file, lang, sensitive, encrypted, categories, ...) and the messages it
names. Default: ../shared/corpus. Reported in one run, with the installation defaults (`Classifier`, built-in
rules, min_confidence 0.5):

* message level (sensitive yes/no): overall, per language, and on messages whose note calls them policy texts;
* category level: one decision per (message, category), overall and per category;
* ``--split even|odd`` scores every second message only (tune on one half, check on the other);
* ``--errors`` lists the misclassified files with expected and found categories (never any matched text).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hygiene.domain.classify import CATEGORY_ORDER, Classifier
from hygiene.domain.detect import load_rules
from hygiene.domain.extract import Limits


@dataclass
class Counts:
    """True/false positives and negatives of one binary decision."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, found: bool) -> None:
        if expected and found:
            self.tp += 1
        elif found:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def f(self, beta: float) -> float:
        p, r = self.precision(), self.recall()
        return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0

    def row(self, label: str) -> str:
        return (
            f"{label:<24} {self.tp:>4} {self.fp:>4} {self.fn:>4} {self.tn:>5}  P {self.precision():.3f}  "
            f"R {self.recall():.3f}  F1 {self.f(1):.3f}  F2 {self.f(2):.3f}"
        )


@dataclass
class Report:
    """All counts of one evaluation run."""

    message: Counts = field(default_factory=Counts)
    by_language: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    policy: Counts = field(default_factory=Counts)
    category: Counts = field(default_factory=Counts)
    by_category: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[str] = field(default_factory=list)


def is_policy(label: dict) -> bool:
    """Messages the corpus notes describe as policy texts, reminders, routines or generic instructions."""
    note = label.get("note", "").lower()
    return not label["sensitive"] and any(w in note for w in ("policy", "routine", "reminder", "generic instruction"))


def evaluate(corpora: list[Path], classifier: Classifier, split: str = "all") -> Report:
    report = Report()
    for corpus in corpora:
        labels = [json.loads(line) for line in (corpus / "labels.jsonl").read_text().splitlines() if line.strip()]
        for index, label in enumerate(labels):
            if split == "even" and index % 2:
                continue
            if split == "odd" and not index % 2:
                continue
            verdict = classifier.classify((corpus / label["file"]).read_bytes())
            expected = bool(label["sensitive"])
            report.message.add(expected, verdict.sensitive)
            report.by_language[label.get("lang") or "?"].add(expected, verdict.sensitive)
            if is_policy(label):
                report.policy.add(expected, verdict.sensitive)
            wanted = set(label.get("categories", ()))
            found = set(verdict.categories)
            for category in CATEGORY_ORDER:
                report.category.add(category in wanted, category in found)
                report.by_category[category].add(category in wanted, category in found)
            if expected != verdict.sensitive or wanted != found:
                report.errors.append(
                    f"{corpus.name}/{label['file']} ({label.get('lang')}): expected {sorted(wanted) or '-'}, "
                    f"found {sorted(found) or '-'}"
                )
    return report


def print_report(report: Report, errors: bool) -> None:
    header = f"{'':<24} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>5}"
    print("message level (sensitive yes/no)")
    print(header)
    print(report.message.row("overall"))
    for language in sorted(report.by_language):
        print(report.by_language[language].row(f"lang {language}"))
    print(
        f"policy texts: {report.policy.tp + report.policy.fp + report.policy.fn + report.policy.tn} messages, "
        f"{report.policy.fp} false positives"
    )
    print()
    print("category level (message x category)")
    print(header)
    print(report.category.row("overall"))
    for category in CATEGORY_ORDER:
        counts = report.by_category.get(category)
        if counts is not None and counts.tp + counts.fp + counts.fn:
            print(counts.row(category))
    if errors and report.errors:
        print()
        print("errors:")
        for line in report.errors:
            print("  " + line)


def _default_corpus() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "corpus"
        if (candidate / "labels.jsonl").is_file():
            return candidate
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", type=Path, help="corpus directories with labels.jsonl")
    parser.add_argument("--split", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--errors", action="store_true", help="list misclassified files")
    parser.add_argument("--rules", type=Path, help="an organisation rules file merged on the built-in rules")
    args = parser.parse_args()
    corpora = args.corpora or [c for c in [_default_corpus()] if c is not None]
    if not corpora:
        parser.error("no corpus given and ../shared/corpus not found")
    classifier = Classifier(load_rules(args.rules), limits=Limits())
    print_report(evaluate(corpora, classifier, args.split), args.errors)


if __name__ == "__main__":
    main()
