"""Where the worker should classify: on the event loop, in threads, or in processes (hygiene.pipeline).

Run: ``python bench/classify_offload.py [--messages 16] [--mb 2] [--workers 2]``

Classifies ``--messages`` messages of about ``--mb`` MB of text each (labelled corpus bodies repeated, so detection
does real work) three ways while a ticker on the event loop stands in for Graph I/O (it wakes every 10 ms, as
response handling would); prints wall time, MB/s and the ticker's lateness (p50 / p99 / max ms) for each:

- ``loop``: classify on the event loop (before: every mailbox's Graph traffic waits for the message in hand);
- ``threads``: a ThreadPoolExecutor of ``--workers`` (what the pipeline does);
- ``processes``: a ProcessPoolExecutor of ``--workers``, each process with its own Classifier (the MIME goes in,
  the verdict comes back pickled).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_classifier = None


def _init() -> None:
    global _classifier
    from hygiene.domain.classify import Classifier
    from hygiene.domain.detect import load_rules
    from hygiene.domain.extract import Limits

    _classifier = Classifier(load_rules(), limits=Limits())


def _classify(mime: bytes) -> bool:
    if _classifier is None:
        _init()
    assert _classifier is not None
    return _classifier.classify_within(mime)[1].sensitive


def _messages(corpus: Path, count: int, mb: float) -> list[bytes]:
    texts = []
    for path in sorted(corpus.rglob("*.eml"))[:60]:
        raw = path.read_bytes()
        _, _, body = raw.partition(b"\r\n\r\n") if b"\r\n\r\n" in raw else raw.partition(b"\n\n")
        texts.append(body.decode("utf-8", "replace"))
    if not texts:
        texts = ["Hei, her er referatet fra møtet i går. Pasienten har fått time hos fastlegen. "]
    blob = "\n".join(texts)
    size = int(mb * 1_000_000)
    body = (blob * (size // max(len(blob), 1) + 1))[:size]
    head = "From: a@example.org\r\nSubject: stor {n}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    return [(head.format(n=n) + body).encode() for n in range(count)]


async def _run(mode: str, messages: list[bytes], workers: int) -> dict[str, float]:
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            t = time.perf_counter()
            await asyncio.sleep(0.01)
            lags.append((time.perf_counter() - t - 0.01) * 1000)

    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.05)
    start = time.perf_counter()
    pool: Executor | None = None
    if mode == "loop":
        for m in messages:
            _classify(m)
            await asyncio.sleep(0)
    else:
        if mode == "threads":
            pool = ThreadPoolExecutor(max_workers=workers)
        else:
            pool = ProcessPoolExecutor(max_workers=workers, initializer=_init)
            # warm the processes up (rules load) outside the measurement, as a long-running worker would
            await asyncio.gather(*(asyncio.get_running_loop().run_in_executor(pool, _init) for _ in range(workers)))
            start = time.perf_counter()
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(pool, _classify, m) for m in messages))
    wall = time.perf_counter() - start
    done.set()
    await tick
    if pool is not None:
        pool.shutdown()
    lags.sort()
    total_mb = sum(len(m) for m in messages) / 1e6
    return {
        "wall_s": round(wall, 2),
        "mb_per_s": round(total_mb / wall, 2),
        "lag_p50_ms": round(statistics.median(lags), 1) if lags else 0.0,
        "lag_p99_ms": round(lags[int(len(lags) * 0.99) - 1], 1) if lags else 0.0,
        "lag_max_ms": round(lags[-1], 1) if lags else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=16)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / "tests/shared/corpus")
    parser.add_argument("--modes", default="loop,threads,processes")
    args = parser.parse_args()
    messages = _messages(args.corpus, args.messages, args.mb)
    _init()
    _classify(messages[0])  # warm up (rules, regex caches)
    out = {mode: asyncio.run(_run(mode, messages, args.workers)) for mode in args.modes.split(",")}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
