"""Sweep throughput: messages/s per core, Graph requests per message, peak RSS, idle-tenant sweep time.

Run: ``python bench/sweep.py [--big 10000] [--mailboxes 100] [--per-mailbox 100] [--idle 1000] [--latency-ms 100]``

Scenarios (one run, all figures printed together):
1. one mailbox with ``--big`` messages (5% sensitive, the rest clean without attachments), enforce mode;
2. ``--mailboxes`` mailboxes x ``--per-mailbox`` messages;
3. ``--idle`` idle mailboxes with ``--latency-ms`` injected per request and the app-wide limit of 4 concurrent
   requests: the time of a sweep that finds nothing, and the time from a message's arrival to its handling
   (one sweep with a single new sensitive message somewhere in the tenant).

Graph is `hygiene.sandbox` when it is installed, else the worker tests' in-process fake Graph transport (printed);
the detector is the real classifier when the rules are installed, else the tests' marker detector (printed).
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hygiene.clock import FakeClock
from hygiene.scheduler import run_once
from tests.worker.fakegraph import FakeGraph
from tests.worker.pipeline_support import build, clean, sensitive, settings_for


def _detector_name() -> str:
    try:
        import hygiene.domain.detect  # noqa: F401
    except ImportError:
        return "marker detector (tests.worker.pipeline_support; the rules are not installed)"
    return "real classifier"


def _cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _sweep(tmp: Path, graph: FakeGraph, *, mode: str = "enforce", name: str) -> tuple[float, float, object, int]:
    """Run one full sweep; returns (wall_s, cpu_s, stats, graph_requests)."""
    db = tmp / f"{name}.db"
    settings = settings_for(tmp / name, f"sqlite:///{db}", mode=mode)
    settings.graph.page_size = 200
    from hygiene.app import App

    App.from_settings(settings, create_db=True, classifier=object()).engine.dispose()
    app = build(settings, graph, clock=FakeClock())
    if _detector_name() == "real classifier":
        from hygiene.app import build_classifier

        app.pipeline.classifier = build_classifier(settings)
    before = len(graph.requests)

    async def go():
        try:
            return await run_once(app)
        finally:
            await app.aclose()

    t0, c0 = time.perf_counter(), _cpu_s()
    stats = asyncio.run(go())
    return time.perf_counter() - t0, _cpu_s() - c0, stats, len(graph.requests) - before


def _fill(graph: FakeGraph, upn: str, n: int, *, every: int = 20) -> None:
    graph.add_user(upn)
    for i in range(n):
        graph.deliver(upn, sensitive(i) if every and i % every == 0 else clean(i))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--big", type=int, default=10_000)
    ap.add_argument("--mailboxes", type=int, default=100)
    ap.add_argument("--per-mailbox", type=int, default=100)
    ap.add_argument("--idle", type=int, default=1000)
    ap.add_argument("--latency-ms", type=float, default=100.0)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hygiene-bench-"))
    print("Graph: in-process fake Graph transport (tests.worker.fakegraph); hygiene.sandbox not used")
    print(f"detector: {_detector_name()}")

    g = FakeGraph(page_size=200)
    _fill(g, "big@contoso.example", args.big)
    wall, cpu, stats, reqs = _sweep(tmp, g, name="big")
    print(f"\n1 mailbox x {args.big} messages (5% sensitive), enforce:")
    print(f"  {stats.messages / wall:,.0f} msg/s wall, {stats.messages / cpu:,.0f} msg/s per CPU-second")
    deltas = sum(1 for _, p, _ in g.requests if p.endswith("/messages/delta"))
    print(f"  {reqs / stats.messages:.3f} Graph requests/message overall ({reqs} requests, {stats.sensitive} handled)")
    print(
        f"  clean mail costs only its share of delta pages: {deltas / stats.messages:.3f} requests/message "
        "(target <= 0.2); a sensitive one 6 more ($value, GET+PATCH, DELETE, permanentDelete)"
    )

    g = FakeGraph(page_size=200)
    _fill(g, "clean@contoso.example", args.big, every=0)
    wall, cpu, stats, reqs = _sweep(tmp, g, name="clean")
    print(f"\n1 mailbox x {args.big} clean messages without attachments, enforce:")
    print(f"  {stats.messages / wall:,.0f} msg/s wall, {stats.messages / cpu:,.0f} msg/s per CPU-second")
    print(f"  {reqs / stats.messages:.3f} Graph requests/message")

    g = FakeGraph(page_size=200)
    for i in range(args.mailboxes):
        _fill(g, f"user{i:04d}@contoso.example", args.per_mailbox)
    wall, cpu, stats, reqs = _sweep(tmp, g, name="many")
    print(f"\n{args.mailboxes} mailboxes x {args.per_mailbox} messages, enforce:")
    print(f"  {stats.messages / wall:,.0f} msg/s wall, {stats.messages / cpu:,.0f} msg/s per CPU-second")
    print(f"  {reqs / stats.messages:.3f} Graph requests/message; peak concurrency {g.peak}")

    g = FakeGraph(page_size=200)
    for i in range(args.idle):
        g.add_user(f"idle{i:05d}@contoso.example")
    name = "idle"
    db = tmp / f"{name}.db"
    settings = settings_for(tmp / name, f"sqlite:///{db}", mode="enforce")
    from hygiene.app import App

    App.from_settings(settings, create_db=True, classifier=object()).engine.dispose()
    g.delay_s = 0.0
    clock = FakeClock()
    app = build(settings, g, clock=clock)
    target = f"idle{args.idle // 2:05d}@contoso.example"
    timings: dict[str, float] = {}

    async def daemon() -> None:
        try:
            await run_once(app)  # first sweep: scope, folders, initial delta rounds (not timed)
            g.delay_s = args.latency_ms / 1000
            t0 = time.perf_counter()
            await app.pipeline.sweep()
            timings["idle"] = time.perf_counter() - t0
            g.deliver(target, sensitive(1))
            t0 = time.perf_counter()
            stats = await app.pipeline.sweep()
            timings["handled"] = time.perf_counter() - t0
            timings["purged"] = stats.purged
        finally:
            await app.aclose()

    asyncio.run(daemon())
    print(f"\n{args.idle} idle mailboxes, {args.latency_ms:.0f} ms per request, limit 4 concurrent (daemon):")
    print(f"  sweep that finds nothing: {timings['idle']:.1f} s ({2 * args.idle} delta requests); peak {g.peak}")
    print(
        f"  arrival -> handled: <= sweep interval + {timings['handled']:.1f} s "
        f"(one sweep; handled {timings['purged']:.0f} message)"
    )
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of the whole run: {rss_mb:.0f} MB")


async def _once(app):  # type: ignore[no-untyped-def]
    try:
        return await run_once(app)
    finally:
        await app.aclose()


if __name__ == "__main__":
    main()
