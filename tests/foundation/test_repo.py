"""The repository's promises: the README's commands, the CLI surface and exit codes, the wheel's contents."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hygiene.cli import app

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYGIENE_")}
    return env | extra


def test_readme_test_command_is_what_ci_runs() -> None:
    ci_lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    readme = (ROOT / "README.md").read_text()
    assert ci_lines[-1] in readme.splitlines()
    assert ci_lines[-1].startswith(".venv/bin/ruff check . && .venv/bin/ruff format --check . && ")


def test_readme_first_command_installs_and_runs_the_demo() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/hygiene demo" in readme
    assert "\n.ci/run\n" in readme


def _commands(help_text: str) -> list[str]:
    section = help_text.split("Commands")[1]
    return re.findall(r"^│ (\S+)", section, flags=re.MULTILINE) or re.findall(r"^  (\S+)", section, re.MULTILINE)


def test_every_listed_command_has_working_help() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    commands = _commands(result.output)
    assert {"config", "db", "run", "demo", "audit"} <= set(commands)
    for command in commands:
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0, f"hygiene {command} --help: {sub.output}"


def test_usage_error_exits_2() -> None:
    result = CliRunner().invoke(app, ["no-such-command"])
    assert result.exit_code == 2


def test_db_commands_from_an_installed_wheel(tmp_path: Path) -> None:
    """The migrations ship inside the wheel: `hygiene db upgrade` works outside a checkout."""
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-build-isolation", "--no-deps", "-w", tmp_path, ROOT],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    [wheel] = tmp_path.glob("hygiene-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "hygiene/migrations/env.py" in names
    assert any(n.startswith("hygiene/migrations/versions/") and n.endswith(".py") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "work"
    work.mkdir()
    env = _env(PYTHONPATH=str(site), HYGIENE_DATABASE__URL=f"sqlite:///{work / 'h.db'}")
    where = subprocess.run(
        [sys.executable, "-c", "import hygiene.db as d; print(d.migrations_dir())"],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
        check=True,
    )
    assert where.stdout.strip() == str(site / "hygiene" / "migrations")
    for args, code in ((["db", "upgrade"], 0), (["db", "current"], 0)):
        proc = subprocess.run(
            [sys.executable, "-m", "hygiene", *args], capture_output=True, text=True, cwd=work, env=env, check=False
        )
        assert proc.returncode == code, proc.stderr
    from hygiene import db

    assert f"current: {db.head()}" in proc.stdout


@pytest.mark.parametrize("path", ["settings.example.toml", "alembic.ini", "migrations/env.py", ".ci/constraints.txt"])
def test_files_the_docs_name_exist(path: str) -> None:
    assert (ROOT / path).is_file()
