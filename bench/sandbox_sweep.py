"""Benchmark: the worker's sweep (`hygiene run --once`) against the sandbox over real HTTP, the sandbox in its own
process (``hygiene sandbox serve``), enforce mode, the real detector, SQLite, folder records.

Prints the sweep's messages/s and how busy the sandbox process was (its CPU seconds over the sweep's wall time):
a sandbox share well below 1.0 means the sandbox is not what limits the run.

    python bench/sandbox_sweep.py [--users 4] [--messages 1000]

Measured in one run on the shared 2-core machine (load average ~10 from other test suites): 3,553 messages swept
(191 sensitive, flagged, archived, deleted, purged) in 34.1 s = 104 msg/s end to end; the sandbox process used
1.6 CPU-s, 0.05 of the sweep's wall time, i.e. 0.45 ms of sandbox CPU per swept message: a 1,000 msg/s sweep
would keep it about half busy on one core. The worker, not the sandbox, sets the pace.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pydantic import SecretStr

from hygiene.app import App
from hygiene.scheduler import run_once
from hygiene.settings import Settings


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", type=int, default=4)
    ap.add_argument("--messages", type=int, default=1000, help="messages per user")
    args = ap.parse_args()
    cmd = [sys.executable, "-m", "hygiene", "sandbox", "serve", "--port", "0"]
    cmd += ["--users", str(args.users), "--messages", str(args.messages)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    try:
        lines = [proc.stdout.readline() for _ in range(2)]  # type: ignore[union-attr]
        base = lines[1].split("graph base url:")[1].split()[0]
        work = Path(tempfile.mkdtemp(prefix="hygiene-bench-"))
        settings = Settings(
            graph={"base_url": base, "page_size": 200},
            auth={"method": "static_token", "token": SecretStr("sandbox")},
            scope={"mode": "all", "initial_lookback_days": 0},
            actions={"mode": "enforce"},
            records={"backend": "folder", "folder": {"path": work / "records"}},
            database={"url": f"sqlite:///{work / 'hygiene.db'}"},
            notice={"enabled": False},
            security={"hmac_key": SecretStr("bench-only-key")},
        )
        app = App.from_settings(settings, create_db=True)

        async def sweep():
            try:
                return await run_once(app)
            finally:
                await app.aclose()

        cpu0, t0 = _cpu_of(proc.pid), time.perf_counter()
        stats = asyncio.run(sweep())
        wall, sandbox_cpu = time.perf_counter() - t0, _cpu_of(proc.pid) - cpu0
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    print(f"sweep: {stats.messages} messages ({stats.sensitive} sensitive, handled in enforce mode) in {wall:.1f} s")
    print(f"  {stats.messages / wall:,.0f} msg/s end to end over HTTP")
    print(f"  sandbox process busy {sandbox_cpu:.1f} CPU-s = {sandbox_cpu / wall:.2f} of the sweep's wall time")


if __name__ == "__main__":
    main()
