"""`hygiene users list | opt-in | opt-out` against a real database."""

from __future__ import annotations

from typer.testing import CliRunner

from hygiene.adapters.store.state import StateStore
from hygiene.cli import app


def test_opt_out_and_opt_in_are_stored_and_listed(worker_db_url, sessions, clock, monkeypatch) -> None:
    monkeypatch.setenv("HYGIENE_DATABASE__URL", worker_db_url)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    runner = CliRunner()
    result = runner.invoke(app, ["users", "opt-out", "Kari@Contoso.example"])
    assert result.exit_code == 0, result.output
    assert "kari@contoso.example: opt-out recorded" in result.output
    result = runner.invoke(app, ["users", "opt-in", "ola@contoso.example"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["users", "list"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line.split() for line in result.output.splitlines()[1:-1]}
    assert lines["kari@contoso.example"][2] == "opt_out"
    assert lines["ola@contoso.example"][2] == "opt_in"
    assert StateStore(sessions, clock, hmac_key=b"k", owner="t").overrides() == {
        "kari@contoso.example": "opt_out",
        "ola@contoso.example": "opt_in",
    }


def test_opt_in_needs_a_upn(worker_db_url, monkeypatch) -> None:
    monkeypatch.setenv("HYGIENE_DATABASE__URL", worker_db_url)
    result = CliRunner().invoke(app, ["users", "opt-in", "kari"])
    assert result.exit_code == 2
