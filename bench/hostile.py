"""Worst-case time and memory per hostile message (tests/hardening/hostile.py), each case in its own process.

Run: ``python bench/hostile.py [--big] [--classify] [--case NAME ...] [--timeout-s 300]``

For each case a fresh interpreter builds the message (not timed), then extracts it (or, with ``--classify``, runs
the full `Classifier` when the detection rules are installed) and reports:

- ``time_s``: wall time of extract/classify (an untraced run);
- ``peak_traced_mb``: tracemalloc peak of a second, untimed run (Python allocations, not counting the input);
- ``rss_growth_mb``: growth of the process's peak RSS (ru_maxrss) across the timed run (C allocations too: zlib,
  pypdf); ``rss_peak_mb`` the process's peak RSS after it (interpreter + libraries + input + work);
- ``input_mb`` and the incomplete reasons.

``--big`` builds the full-size attacks (50 MB attachments, a million PDF objects, 4 GiB zip bombs); without it the
CI sizes. The table ends with the worst case of each column. Runs one case at a time (2 shared cores).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hygiene.domain.extract import Limits, extract  # noqa: E402
from tests.hardening.hostile import BY_NAME, CASES  # noqa: E402


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _process(raw: bytes, classifier) -> tuple[str, tuple[str, ...]]:
    if classifier is not None:
        verdict = classifier.classify(raw)
        outcome = "sensitive" if verdict.sensitive else ("encrypted" if verdict.encrypted else "clean")
        return outcome, verdict.incomplete_reasons
    extraction = extract(raw, classifier_limits())
    return f"{len(extraction.parts)} parts", extraction.incomplete_reasons


def classifier_limits() -> Limits:
    return Limits()  # the defaults a deployment starts with


def run_one(name: str, *, big: bool, classify: bool, trace: bool) -> dict:
    """Build and process one case in this process: timed without tracing, then (``trace``) again under tracemalloc."""
    raw = BY_NAME[name].build(big=big)
    classifier = None
    if classify:
        try:
            from hygiene.domain.classify import Classifier
            from hygiene.domain.detect import load_rules
        except ImportError:
            classify = False
        else:
            classifier = Classifier(load_rules(), limits=classifier_limits())
    rss_before = _rss_mb()
    start = time.perf_counter()
    outcome, reasons = _process(raw, classifier)
    elapsed = time.perf_counter() - start
    rss_after = _rss_mb()
    peak = float("nan")
    if trace:  # tracemalloc slows allocation-heavy code by 10x and more: its run is not timed
        tracemalloc.start()
        _process(raw, classifier)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return {
        "case": name,
        "input_mb": round(len(raw) / 2**20, 2),
        "time_s": round(elapsed, 3),
        "peak_traced_mb": round(peak, 1),
        "rss_growth_mb": round(rss_after - rss_before, 1),
        "rss_peak_mb": round(rss_after, 1),
        "mode": "classify" if classify else "extract",
        "outcome": outcome,
        "reasons": list(reasons),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--big", action="store_true", help="full-size attacks (slow to build: minutes)")
    parser.add_argument("--classify", action="store_true", help="run the full Classifier (needs the detection rules)")
    parser.add_argument("--case", action="append", choices=sorted(BY_NAME), help="only these cases")
    parser.add_argument("--no-trace", action="store_true", help="skip the second, tracemalloc run (halves the time)")
    parser.add_argument("--timeout-s", type=float, default=300.0, help="per case; a case past it is a finding")
    parser.add_argument("--json", action="store_true", help="one JSON object per line instead of a table")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, big=args.big, classify=args.classify, trace=not args.no_trace)))
        return
    names = args.case or [case.name for case in CASES]
    rows = []
    header = f"{'case':28} {'input MB':>9} {'time s':>8} {'traced MB':>10} {'RSS +MB':>8}  {'outcome':10} reasons"
    if not args.json:
        print(f"# {'big' if args.big else 'CI'} sizes, {'classify' if args.classify else 'extract'}, default Limits()")
        print(header)
    for name in names:
        command = [sys.executable, __file__, "--one", name]
        command += ["--big"] * args.big + ["--classify"] * args.classify + ["--no-trace"] * args.no_trace
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout_s, check=False)
        except subprocess.TimeoutExpired:
            row = {"case": name, "error": f"timeout after {args.timeout_s} s"}
        else:
            if done.returncode != 0:
                row = {"case": name, "error": (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]}
            else:
                row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        if args.json:
            print(json.dumps(row), flush=True)
        elif "error" in row:
            print(f"{name:28} ERROR {row['error']}", flush=True)
        else:
            print(
                f"{name:28} {row['input_mb']:9.2f} {row['time_s']:8.3f} {row['peak_traced_mb']:10.1f} "
                f"{row['rss_growth_mb']:8.1f}  {row['outcome']:10} {','.join(row['reasons']) or '-'}",
                flush=True,
            )
    ok = [row for row in rows if "error" not in row]
    if ok and not args.json:
        slowest = max(ok, key=lambda row: row["time_s"])
        fattest = max(
            ok, key=lambda row: row["peak_traced_mb"] if row["peak_traced_mb"] == row["peak_traced_mb"] else 0
        )
        biggest = max(ok, key=lambda row: row["rss_peak_mb"])
        print(f"worst time: {slowest['time_s']} s ({slowest['case']})")
        print(f"worst traced peak: {fattest['peak_traced_mb']} MB ({fattest['case']})")
        print(f"worst process peak RSS: {biggest['rss_peak_mb']} MB ({biggest['case']})")
    if len(ok) != len(rows):
        print(f"{len(rows) - len(ok)} case(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
