"""Secrets mounted the Kubernetes way (root-owned, group = the pod's fsGroup, mode 0440) are not reported as
readable by others to the non-root worker; anything others may read still is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hygiene.settings import group_is_shared, service_group_file

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


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to create root-owned files")
def test_a_root_owned_0440_file_of_a_group_other_users_are_in_is_not_private(tmp_path) -> None:
    # Given a root:<group> 0440 file, the group being the worker's own, and another user in that group
    st = _file(tmp_path, 0o440)
    # Then it counts as the service's own file only while nobody else is in the group
    assert service_group_file(st, euid=WORKER, egid=WORKER, shared=lambda gid, euid: False) is True
    assert service_group_file(st, euid=WORKER, egid=WORKER, shared=lambda gid, euid: True) is False


def test_group_is_shared_reads_the_group_database() -> None:
    import grp
    import pwd

    # a group nobody has (like a pod's fsGroup) is not shared
    unknown = next(g for g in range(54_321, 60_000) if g not in {e.gr_gid for e in grp.getgrall()})
    assert group_is_shared(unknown, euid=WORKER) is False
    # a group with listed members is shared for any other user
    listed = [g for g in grp.getgrall() if g.gr_mem]
    if not listed:
        pytest.skip("no group with listed members on this machine")
    group = listed[0]
    member = group.gr_mem[0]
    assert group_is_shared(group.gr_gid, euid=WORKER) is True
    # ... and for its only member, shared only if someone else has it as their primary group
    if len(group.gr_mem) == 1:
        uid = pwd.getpwnam(member).pw_uid
        others = any(p.pw_gid == group.gr_gid and p.pw_uid != uid for p in pwd.getpwall())
        assert group_is_shared(group.gr_gid, euid=uid) is others
