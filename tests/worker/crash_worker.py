"""A worker process for the SIGKILL test: ``python -m tests.worker.crash_worker BASE_URL DB_URL DIR STEP PHASE``.

Sweeps once in enforce mode and kills itself with SIGKILL when a case is about to enter STEP (PHASE "before" the
side effect, "after" it but before the commit). STEP "-" sweeps without dying.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from hygiene.app import App
from hygiene.scheduler import run_once
from tests.worker.pipeline_support import FAST, MarkerDetector, settings_for


def main() -> None:
    base_url, db_url, directory, step, phase = sys.argv[1:6]

    def hook(target: str, when: str) -> None:
        if target == step and when == phase:
            os.kill(os.getpid(), signal.SIGKILL)

    settings = settings_for(Path(directory), db_url, base_url=base_url)
    app = App.from_settings(settings, retry=FAST, step_hook=hook, classifier=MarkerDetector())

    async def go() -> int:
        try:
            stats = await run_once(app)
        finally:
            await app.aclose()
        return 0 if stats.ok else 1

    sys.exit(asyncio.run(go()))


if __name__ == "__main__":
    main()
