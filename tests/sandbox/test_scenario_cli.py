"""Scenario files, the control surface, and `hygiene sandbox serve` as a process."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from hygiene.sandbox import load_scenario, serve
from tests.sandbox.conftest import plain

SCENARIO = """
domain = "contoso.example"

[[users]]
upn = "kari@contoso.example"
display_name = "Kari Nordmann"

[[users]]
upn = "ola@contoso.example"
denied = true

[[groups]]
name = "hygiene-opt-in"
id = "00000000-0000-4000-8000-00000000c0de"
members = ["kari@contoso.example"]

[[messages]]
user = "kari@contoso.example"
eml = "mail"
folder = "inbox/Prosjekter"
received = "2026-11-01T10:00:00Z"

[[messages]]
user = "ola@contoso.example"
generate = 5
"""


def _write(tmp_path: Path, text: str = SCENARIO) -> Path:
    (tmp_path / "mail").mkdir(exist_ok=True)
    (tmp_path / "mail" / "a.eml").write_bytes(plain("A", n=1))
    (tmp_path / "mail" / "b.eml").write_bytes(plain("B", n=2))
    path = tmp_path / "scenario.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_toml_scenario_builds_users_groups_and_mail_from_eml_files(tmp_path):
    t = load_scenario(_write(tmp_path))
    assert [u.upn for u in t.users.values()] == ["kari@contoso.example", "ola@contoso.example"]
    assert t.user("ola@contoso.example").denied
    msgs = t.folder_messages("kari@contoso.example", "inbox/Prosjekter")
    assert sorted(m.mime for m in msgs) == sorted([plain("A", n=1), plain("B", n=2)])
    assert len(t.visible_messages("ola@contoso.example")) == 5
    assert "00000000-0000-4000-8000-00000000c0de" in t.groups


def test_a_json_scenario_works_too(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(
        '{"users": [{"upn": "a@contoso.example"}], "groups": [{"name": "g", "members": ["a@contoso.example"]}]}'
    )
    t = load_scenario(path)
    assert len(t.groups) == 1


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[[users]]\nname = 'x'\n", "users[0]: 'upn' is required"),
        ("[[users]]\nupn = 'a@x.example'\nshoe = 1\n", "unknown key(s) shoe"),
        ("[[groups]]\nname = 'g'\nmembers = ['nobody@x.example']\n", "groups[0]: members"),
        ("[[users]]\nupn = 'a@x.example'\n[[messages]]\nuser = 'a@x.example'\n", "exactly one of 'eml' or 'generate'"),
        ("[[users]]\nupn = 'a@x.example'\n[[messages]]\nuser = 'a@x.example'\neml = 'missing.eml'\n", "cannot read"),
        (
            "[[users]]\nupn = 'a@x.example'\n[[messages]]\nuser = 'a@x.example'\ngenerate = 1\nreceived = 'x'\n",
            "ISO 8601",
        ),
        ("users = [", "not valid TOML"),
        ("colour = 'blue'\n", "unknown key(s) colour"),
    ],
)
def test_scenario_errors_name_the_file_entry_and_key(tmp_path, text, needle):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match="bad.toml") as info:
        load_scenario(path)
    assert needle in str(info.value)


def test_control_surface_delivers_generates_reports_and_sets_faults(tmp_path):
    t = load_scenario(_write(tmp_path))
    with serve(t) as srv:
        c = httpx.Client(base_url=srv.control_url)
        mime = plain("Via kontroll", n=3)
        r = c.post("/deliver", json={"user": "kari@contoso.example", "mime_base64": base64.b64encode(mime).decode()})
        assert r.status_code == 201
        assert t.message("kari@contoso.example", r.json()["id"]).mime == mime
        assert len(c.post("/generate", json={"user": "kari@contoso.example", "count": 3}).json()["ids"]) == 3
        assert c.post("/faults", json={"status": 503, "route": "users.get", "times": 1}).status_code == 201
        graph = httpx.Client(base_url=srv.base_url, headers={"Authorization": "Bearer sandbox"})
        assert graph.get("/users/kari@contoso.example").status_code == 503
        assert graph.get("/users/kari@contoso.example").status_code == 200
        c.post("/faults", json={"kind": "latency", "seconds": 0.001})
        assert t.faults.latency_s == 0.001
        assert c.delete("/faults").status_code == 200
        state = c.get("/state").json()
        kari = next(u for u in state["users"] if u["upn"] == "kari@contoso.example")
        assert sum(1 for m in kari["messages"]) == 6
        assert {"route": "users.get", "status": 503, "count": 1} in state["requests"]
        assert "subject" not in repr(state).lower()
        assert c.post("/deliver", json={"folder": "inbox"}).status_code == 400
        assert c.get("/nothing").status_code == 404


def test_hygiene_sandbox_serve_runs_until_sigterm(tmp_path):
    path = _write(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "hygiene", "sandbox", "serve", "--port", "0", "--tenant", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        lines = [proc.stdout.readline() for _ in range(2)]
        assert lines[0].startswith("sandbox tenant: 2 users, 1 groups, 7 messages"), lines
        base_url = lines[1].split("graph base url:")[1].split()[0]
        r = httpx.get(f"{base_url}/users", headers={"Authorization": "Bearer sandbox"}, timeout=10)
        assert [u["userPrincipalName"] for u in r.json()["value"]] == ["kari@contoso.example", "ola@contoso.example"]
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0
    assert "sandbox stopped" in out


def test_hygiene_sandbox_serve_reports_a_bad_scenario_as_a_configuration_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[users]]\n")
    proc = subprocess.run(
        [sys.executable, "-m", "hygiene", "sandbox", "serve", "--tenant", str(bad)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        timeout=60,
    )
    assert proc.returncode == 2
    assert "bad.toml" in proc.stderr
