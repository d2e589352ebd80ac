"""Secrets mounted the Kubernetes way (root-owned, group = the pod's fsGroup, mode 0440) are not reported as
readable by others to the non-root worker; anything others may read still is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hygiene.settings import service_group_file

WORKER = 10001  # the image's user and the chart's fsGroup


def _file(tmp_path: Path, mode: int, *, gid: int = WORKER) -> os.stat_result:
    f = tmp_path / f"key-{mode:o}-{gid}"
    f.write_text("secret\n")
    if os.geteuid() == 0:
        os.chown(f, 0, gid)
    elif gid != os.getegid():
        pytest.skip("needs root to give a file to another group")
    f.chmod(mode)
    return f.stat()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to create root-owned files")
@pytest.mark.parametrize(
    ("mode", "gid", "euid", "expected"),
    [
        (0o440, WORKER, WORKER, True),  # the secret volume as the pod sees it
        (0o400, WORKER, WORKER, True),
        (0o444, WORKER, WORKER, False),  # others may read it
        (0o460, WORKER, WORKER, False),  # the group may write it
        (0o440, 4242, WORKER, False),  # another group
        (0o440, WORKER, 0, False),  # a root process: its group is not its own
    ],
)
def test_a_root_owned_file_of_the_services_own_group(tmp_path, mode, gid, euid, expected) -> None:
    assert service_group_file(_file(tmp_path, mode, gid=gid), euid=euid, egid=WORKER) is expected
