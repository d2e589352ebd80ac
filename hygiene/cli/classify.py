"""`hygiene classify PATH... [--format jsonl|table] [--reveal]`: run the detector on .eml files.

One JSON object per message (``--format jsonl``, the default) or a table for people with a summary at the end.
Matched values are never printed; ``--reveal`` (for a local privacy officer tuning rules) adds each finding's value
masked to its shape, and warns on stderr.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import orjson
import typer

from hygiene.adapters.ocr import build_reader
from hygiene.cli.common import state
from hygiene.domain.classify import CATEGORY_ORDER, Classifier
from hygiene.domain.extract import extract
from hygiene.domain.text import TextPart
from hygiene.domain.verdict import Verdict
from hygiene.errors import ConfigError, HygieneError

REVEAL_WARNING = (
    "hygiene: warning: --reveal prints masked matched values (personal data); "
    "do not share, store or paste this output"
)


class OutputFormat(str, Enum):
    """Output formats of `hygiene classify`."""

    jsonl = "jsonl"
    table = "table"


def mask(value: str) -> str:
    """A matched value reduced to its shape: separators kept, letters and digits starred except 2 at each end."""
    alnum = [i for i, ch in enumerate(value) if ch.isalnum()]
    keep = set(alnum[:2] + alnum[-2:]) if len(alnum) > 6 else set()
    return "".join(ch if (not ch.isalnum() or i in keep) else "*" for i, ch in enumerate(value))


def eml_files(paths: list[Path]) -> Iterator[Path]:
    """The files named, and every ``*.eml`` below the directories named, in sorted order.

    Raises:
        typer.BadParameter: a path does not exist.
    """
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.eml") if p.is_file())
        elif path.is_file():
            yield path
        else:
            raise typer.BadParameter(f"{path} is neither a file nor a directory", param_hint="PATH")


def verdict_record(path: Path, verdict: Verdict, parts: tuple[TextPart, ...] | None = None) -> dict[str, Any]:
    """The JSON object printed for one message; ``parts`` given = reveal masked values."""
    texts = {part.where: part.text for part in parts or ()}
    findings = []
    for finding in verdict.findings:
        item: dict[str, Any] = {
            "kind": finding.kind,
            "category": finding.category,
            "where": finding.where,
            "start": finding.start,
            "end": finding.end,
            "confidence": round(finding.confidence, 3),
        }
        if parts is not None:
            item["value_masked"] = mask(texts.get(finding.where, "")[finding.start : finding.end])
        findings.append(item)
    return {
        "path": str(path),
        "file": str(path),  # alias of "path" (issue 14 names "path"; the team brief named "file")
        "sensitive": verdict.sensitive,
        "encrypted": verdict.encrypted,
        "incomplete": verdict.incomplete,
        "incomplete_reasons": list(verdict.incomplete_reasons),
        "language": verdict.language,
        "categories": list(verdict.categories),
        "counts": dict(verdict.counts),
        "auto_reply": verdict.auto_reply,
        "markings": list(verdict.markings),
        "findings": findings,
    }


def _yes(flag: bool) -> str:
    return "yes" if flag else "-"


def _table_row(record: dict[str, Any], width: int) -> str:
    return (
        f"{record['path']:<{width}}  {_yes(record['sensitive']):<9}  {_yes(record['encrypted']):<9}  "
        f"{_yes(record['incomplete']):<10}  {record['language'] or '-':<4}  {len(record['findings']):>8}  "
        f"{','.join(record['categories']) or '-'}"
    )


def classify_command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="Message files (.eml) or directories searched for *.eml."
    ),
    output: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", help="jsonl (one object per line) or table."),
    reveal: bool = typer.Option(
        False, "--reveal", help="Also print each matched value, masked (local rule tuning only; warns)."
    ),
) -> None:
    """Classify .eml files with the detector and print one verdict per message."""
    detection = state(ctx).settings().detection
    try:
        classifier = Classifier.from_settings(detection, ocr=build_reader(detection))
    except ModuleNotFoundError as exc:
        if exc.name != "hygiene.domain.detect":
            raise
        raise HygieneError(
            "the detection rules (hygiene.domain.detect) are not part of this build; classify needs them"
        ) from None
    except (OSError, ValueError) as exc:
        raise ConfigError([f"detection.rules_file: {exc}"]) from None
    files = list(eml_files(paths))
    if reveal:
        print(REVEAL_WARNING, file=sys.stderr)
    failures = 0
    records: list[dict[str, Any]] = []
    width = max((len(str(f)) for f in files), default=4)
    if output is OutputFormat.table:
        typer.echo(
            f"{'path':<{width}}  {'sensitive':<9}  {'encrypted':<9}  {'incomplete':<10}  {'lang':<4}  "
            f"{'findings':>8}  categories"
        )
    for file in files:
        try:
            mime = file.read_bytes()
        except OSError as exc:
            print(f"hygiene: cannot read {file}: {exc.strerror}", file=sys.stderr)
            failures += 1
            continue
        extraction = extract(mime, classifier.limits)
        verdict = classifier.classify_extraction(extraction)
        record = verdict_record(file, verdict, extraction.parts if reveal else None)
        if output is OutputFormat.jsonl:
            sys.stdout.write(orjson.dumps(record).decode() + "\n")
        else:
            records.append(record)
            typer.echo(_table_row(record, width))
            for finding in record["findings"] if reveal else ():
                typer.echo(
                    f"    {finding['where']} {finding['kind']} ({finding['category']}, {finding['confidence']}): "
                    f"{finding['value_masked']}"
                )
    if output is OutputFormat.table:
        _summary(records)
    sys.stdout.flush()
    if failures:
        raise typer.Exit(1)


def _summary(records: list[dict[str, Any]]) -> None:
    categories = Counter(category for record in records for category in record["categories"])
    reasons = Counter(reason for record in records for reason in record["incomplete_reasons"])
    typer.echo("")
    typer.echo(
        f"{len(records)} messages: {sum(r['sensitive'] for r in records)} sensitive, "
        f"{sum(r['encrypted'] for r in records)} encrypted, {sum(r['incomplete'] for r in records)} incomplete, "
        f"{sum(r['auto_reply'] for r in records)} auto-replies"
    )
    if categories:
        ordered = [c for c in CATEGORY_ORDER if c in categories] + sorted(set(categories) - set(CATEGORY_ORDER))
        typer.echo("by category: " + ", ".join(f"{c} {categories[c]}" for c in ordered))
    if reasons:
        typer.echo("incomplete because: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))


def register(app: typer.Typer) -> None:
    """Add `hygiene classify` to the root app."""
    app.command("classify")(classify_command)
