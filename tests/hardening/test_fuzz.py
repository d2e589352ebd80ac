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


def own_peak_rss(command: list[str]) -> list[str]:
    """``command`` started so that its peak RSS counts from zero.

    On Linux a child started by fork + exec inherits the parent's peak RSS (``ru_maxrss``), which is what libFuzzer's
    ``-rss_limit_mb`` checks: after a long pytest run (over 2 GB) the fuzzer reported "out-of-memory" on its first
    check, blaming the empty input. A shell that forks the command as its own child (the ``; exit $?`` keeps it from
    exec-ing in place) gives it a fresh count.
    """
    return ["sh", "-c", '"$@"; exit $?', "sh", *command]


def test_a_child_started_with_own_peak_rss_does_not_inherit_the_parents():
    code = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
    ballast = bytearray(700 * 1024 * 1024)
    ballast[::4096] = b"\1" * len(range(0, len(ballast), 4096))  # touch every page: the parent's peak is >= 700 MB
    inherited = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    own = int(subprocess.run(own_peak_rss([sys.executable, "-c", code]), capture_output=True, text=True).stdout)
    del ballast
    assert inherited >= 700  # the kernel behaviour this works around (if it ever changes, the helper is harmless)
    assert own < 200


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_two_thousand_fuzzed_messages_extract_and_classify_without_a_crash(tmp_path):
    done = subprocess.run(
        own_peak_rss(
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
            ]
        ),
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
