"""A bounded atheris run of bench/fuzz_extract.py: 2,000 inputs seeded from the hostile cases and the corpus.

Every input must end in an extraction and a verdict that keep their invariants (see the target's docstring); a
crash makes libFuzzer exit non-zero with the input saved under tmp_path. Longer runs: the script itself.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")
pytest.importorskip("hygiene.domain.detect")

TARGET = Path(__file__).resolve().parents[2] / "bench" / "fuzz_extract.py"


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_two_thousand_fuzzed_messages_extract_and_classify_without_a_crash(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            str(TARGET),
            "--classify",
            "--seeds",
            str(tmp_path / "seeds"),
            "-runs=2000",
            "-seed=8",
            "-max_len=65536",
            "-timeout=60",
            "-rss_limit_mb=2048",
            f"-artifact_prefix={tmp_path}/",
        ],
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
        cwd=tmp_path,
    )

    crashes = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    assert done.returncode == 0, (crashes, done.stderr[-3000:])
    assert "Done 2000 runs" in done.stderr
    assert crashes == []
