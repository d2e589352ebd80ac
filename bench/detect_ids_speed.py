"""Benchmark: throughput of `find_ids` (identifiers only) per core, on corpus text and on digit-heavy text.

Measured in one run, single-threaded, best of N, in CPU seconds of this process (time.process_time: the
machine may be shared, and wall time then measures the neighbours):

* corpus: the text parts `extract()` yields for every corpus message (extraction not timed);
* prose: Norwegian/Swedish/English words with a few IDs, dates, phone numbers and amounts;
* digit-heavy: spreadsheet-like rows of order numbers, amounts, phone numbers, dates, KIDs, fødselsnumre and card
  numbers (a worst realistic case: most tokens are digit runs);
* adversarial: 200k characters of separated single digits and of repeated valid numbers.

MB/s counts UTF-8 bytes of the text handed to find_ids.

    python bench/detect_ids_speed.py [CORPUS_DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hygiene.domain.detect.ids import IdRules, find_ids, has_id_candidate
from hygiene.domain.extract import Limits, extract

WORDS = (
    "hei takk for sist vi har mottatt søknaden din og vil behandle den så snart som mulig møte torsdag kommunen "
    "skole barnehage rektor elev foresatte vedtak klage frist dokument vedlegg hilsen med vennlig hälsningar tack "
    "för ansökan ärendet beslut venlig hilsen kommune borger thank you for your message regarding the invoice"
).split()


def _find_corpus(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "corpus"
        if (candidate / "labels.jsonl").is_file():
            return candidate
    return None


def _mod11(digits: str, weights: tuple[int, ...]) -> int | None:
    check = (11 - sum(int(c) * w for c, w in zip(digits, weights, strict=True)) % 11) % 11
    return None if check == 10 else check


def _fnr(rng: random.Random) -> str:
    while True:
        nine = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}{rng.randint(0, 499):03d}"
        k1 = _mod11(nine, (3, 7, 6, 1, 8, 9, 4, 5, 2))
        if k1 is None:
            continue
        k2 = _mod11(nine + str(k1), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
        if k2 is not None:
            return f"{nine}{k1}{k2}"


def _prose(rng: random.Random, size: int) -> str:
    out: list[str] = []
    length = 0
    while length < size:
        roll = rng.random()
        if roll < 0.002:
            token = "fnr " + _fnr(rng)
        elif roll < 0.01:
            token = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.20{rng.randint(10, 29)}"
        elif roll < 0.015:
            token = f"tlf {rng.randint(40, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        elif roll < 0.02:
            token = f"kr {rng.randint(100, 99999)},-"
        else:
            token = rng.choice(WORDS)
        out.append(token)
        length += len(token) + 1
    return " ".join(out)


def _digit_heavy(rng: random.Random, size: int) -> str:
    rows: list[str] = []
    length = 0
    while length < size:
        cells = [
            str(rng.randint(10**9, 10**12)),  # order / reference numbers
            f"{rng.randint(1, 99999)},{rng.randint(0, 99):02d}",
            f"+47 {rng.randint(40000000, 99999999)}",
            f"20{rng.randint(10, 29)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:00",
            str(rng.randint(10**10, 10**11 - 1)),  # KID-like 11 digits
            _fnr(rng) if rng.random() < 0.05 else str(rng.randint(1000, 9999)),
            " ".join(str(rng.randint(1000, 9999)) for _ in range(4)),  # card-shaped groups
        ]
        row = ";".join(cells)
        rows.append(row)
        length += len(row) + 1
    return "\n".join(rows)


def _time(func: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        func()
        best = min(best, time.process_time() - start)
    return best


def _report(name: str, texts: list[str], rules: IdRules, repeat: int) -> None:
    size = sum(len(text.encode("utf-8")) for text in texts)

    def run() -> int:
        return sum(len(find_ids(text, "body", rules)) for text in texts)

    def prescreen() -> int:
        return sum(has_id_candidate(text) for text in texts)

    seconds = _time(run, repeat)
    pre = _time(prescreen, repeat)
    findings = run()
    print(
        f"{name:<14} {size / 1e6:8.2f} MB  {size / 1e6 / seconds:8.1f} MB/s find_ids  "
        f"{size / 1e6 / pre:8.1f} MB/s has_id_candidate  {findings:6d} findings"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="corpus directory (default: ../shared/corpus)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = parser.parse_args()
    rules = IdRules()
    rng = random.Random(14)
    print(f"single thread (one core); best of {args.repeat} runs")
    corpus = _find_corpus(args.corpus)
    if corpus is not None:
        texts = [
            part.text
            for path in sorted((corpus / "messages").glob("*.eml"))
            for part in extract(path.read_bytes(), Limits()).parts
        ]
        _report("corpus", texts, rules, args.repeat)
    else:
        print("corpus not found: skipped")
    _report("prose", [_prose(rng, 2_000_000)], rules, args.repeat)
    _report("digit-heavy", [_digit_heavy(rng, 2_000_000)], rules, args.repeat)
    _report("adversarial", ["1 " * 100_000, "19061989121 " * 16_000, "4111 " * 40_000], rules, args.repeat)


if __name__ == "__main__":
    main()
