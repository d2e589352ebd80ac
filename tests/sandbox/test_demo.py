"""The demo tenant (shape, valid synthetic identity numbers) and `hygiene demo` end to end."""

from __future__ import annotations

import collections
import random
import re

import pytest
from stdnum.dk import cpr
from stdnum.no import fodselsnummer
from stdnum.se import personnummer
from typer.testing import CliRunner

from hygiene.cli import app as cli
from hygiene.sandbox import demo_tenant, ids
from hygiene.sandbox.demo import OPT_IN_GROUP

_ID = re.compile(r"(?<!\d)(\d{6}[- ]?\d{4,5}|\d{8}-\d{4})(?!\d)")


@pytest.mark.parametrize("seed", range(3))
def test_generated_identity_numbers_pass_the_official_check_digit_algorithms(seed):
    rng = random.Random(seed)
    for _ in range(300):
        assert fodselsnummer.is_valid(ids.no_fnr(rng))
        assert personnummer.is_valid(ids.se_pnr(rng))
        assert personnummer.is_valid(ids.se_pnr(rng, long=True))
        value = ids.dk_cpr(rng)
        assert cpr.is_valid(value)
        digits = value.replace("-", "")
        assert sum(int(d) * w for d, w in zip(digits, (4, 3, 2, 7, 6, 5, 4, 3, 2, 1), strict=True)) % 11 == 0


def test_breaking_a_check_digit_is_detected_by_the_same_algorithms():
    value = ids.no_fnr(random.Random(5))
    broken = value[:-1] + str((int(value[-1]) + 1) % 10)
    assert not fodselsnummer.is_valid(broken)


def test_demo_tenant_has_users_groups_languages_folders_and_a_few_percent_sensitive():
    t = demo_tenant(seed=3, users=50, messages_per_user=60)
    assert len(t.users) == 51  # 50 people and the privacy officer's mailbox
    groups = {g.name: g for g in t.groups.values()}
    assert len(groups[OPT_IN_GROUP].members) == 25
    assert len(groups["Alle tilsette"].members) == 50
    labels = list(t.labels.values())
    assert len(labels) == 3000
    kinds = collections.Counter(label.kind for label in labels)
    assert 0.02 < kinds["sensitive"] / 3000 < 0.09
    assert kinds["encrypted"] > 20
    assert kinds["auto_reply"] > 30
    assert {label.language for label in labels if label.kind == "clean"} == {"nb", "nn", "sv", "da", "en"}
    folders = collections.Counter(label.folder for label in labels)
    assert {"inbox", "inbox/Prosjekter", "deleteditems", "sentitems", "Arkiv 2025"} <= set(folders)


def test_every_sensitive_demo_message_carries_a_valid_identity_number():
    t = demo_tenant(seed=1, users=10, messages_per_user=40)
    checked = 0
    for _, m in t.all_messages():
        label = t.labels[m.id]
        if label.kind != "sensitive":
            continue
        [value] = set(_ID.findall(m.parsed.body))
        kind = label.id_kinds[0]
        valid = {"no_fnr": fodselsnummer.is_valid, "se_pnr": personnummer.is_valid, "dk_cpr": cpr.is_valid}[kind]
        assert valid(value), kind
        checked += 1
    assert checked > 5


def test_encrypted_and_auto_reply_messages_look_like_they_do_in_exchange():
    t = demo_tenant(seed=2, users=10, messages_per_user=60)
    enc = [m for _, m in t.all_messages() if t.labels[m.id].kind == "encrypted"]
    names = {a.name for m in enc for a in m.parsed.attachments}
    assert names == {"smime.p7m", "message.rpmsg"}
    auto = [m for _, m in t.all_messages() if t.labels[m.id].kind == "auto_reply"]
    assert auto
    assert all(b"Auto-Submitted: auto-replied" in m.mime for m in auto)


def test_the_same_seed_gives_the_same_tenant():
    a = demo_tenant(seed=9, users=4, messages_per_user=10)
    b = demo_tenant(seed=9, users=4, messages_per_user=10)
    assert [u.upn for u in a.users.values()] == [u.upn for u in b.users.values()]
    subjects = [[m.parsed.subject for m in u.mailbox.messages.values()] for u in a.users.values() if u.mailbox]
    assert subjects == [[m.parsed.subject for m in u.mailbox.messages.values()] for u in b.users.values() if u.mailbox]


def test_corpus_messages_are_mixed_in_when_a_corpus_is_given(tmp_path):
    from tests.sandbox.conftest import plain

    (tmp_path / "messages").mkdir()
    (tmp_path / "messages" / "a.eml").write_bytes(plain("Fra korpuset"))
    (tmp_path / "labels.jsonl").write_text(
        '{"file": "messages/a.eml", "lang": "nb", "sensitive": false, "encrypted": false, "auto_reply": false,'
        ' "categories": [], "identifiers": []}\n'
    )
    t = demo_tenant(seed=0, users=3, messages_per_user=40, corpus_dir=tmp_path)
    assert any(label.kind == "corpus" for label in t.labels.values())
    with pytest.raises(ValueError, match="labels.jsonl"):
        demo_tenant(users=1, messages_per_user=1, corpus_dir=tmp_path / "messages")


def _summary(output: str) -> dict[str, int]:
    out = {}
    for line in output.splitlines():
        m = re.match(r"^  (\S.*?)\s{2,}(\d+)$", line)
        if m:
            out[m[1]] = int(m[2])
    return out


def test_hygiene_demo_sweeps_the_sandbox_and_prints_a_correct_summary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # what the demo's tenant holds in the swept folders (Inbox and its subfolders, Deleted Items)
    truth = demo_tenant(seed=0, users=6, messages_per_user=15)
    swept = [label for label in truth.labels.values() if label.folder.split("/")[0] in ("inbox", "deleteditems")]
    expected_sensitive = sum(label.sensitive for label in swept)
    assert expected_sensitive > 0
    result = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    summary = _summary(result.output)
    assert summary["mailboxes"] == 7
    assert summary["messages scanned"] == len(swept)
    assert summary["sensitive found"] == expected_sensitive
    assert summary["encrypted (skipped)"] == sum(label.encrypted for label in swept)
    for step in ("flagged", "archived (verified)", "deleted", "purged"):
        assert summary[step] == expected_sensitive, step
    assert summary["step errors (retried later)"] == 0
    records = [p for p in (tmp_path / "demo" / "records").rglob("metadata.json") if ".staging" not in p.parts]
    assert len(records) == expected_sensitive
    assert (tmp_path / "demo" / "hygiene.db").is_file()
    # nothing that could be an identity number is printed
    assert not re.search(r"\d{6}[- ]?\d{4,5}", result.output)
