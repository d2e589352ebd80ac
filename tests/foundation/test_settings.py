"""Settings: the example file loads and documents every key; bad settings fail with one line naming the key."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from hygiene.cli import app
from hygiene.errors import ConfigError
from hygiene.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "settings.example.toml"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No HYGIENE_* variable of the developer's shell, and no ./settings.toml, leaks into a test."""
    for name in list(os.environ):
        if name.upper().startswith("HYGIENE_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def problems(path: Path | None = None, **overrides: object) -> list[str]:
    with pytest.raises(ConfigError) as err:
        load_settings(path, **overrides)
    return err.value.problems


# --- the example file ---------------------------------------------------------------------------------------------
def test_example_settings_load_as_is() -> None:
    settings = load_settings(EXAMPLE)
    assert settings.actions.mode == "observe"  # safe: nothing in a mailbox is changed
    assert settings.scope.mode == "list"
    assert settings.scope.users == []
    assert settings.database.url == "sqlite:///hygiene.db"


def _model_keys(model: type[BaseModel], prefix: str = "") -> dict[str, set[str]]:
    """Section name -> its keys, for every section of the model (nested ones as ``records.folder``)."""
    keys: dict[str, set[str]] = {}
    for name, info in model.model_fields.items():
        ann = info.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            keys.setdefault(prefix.rstrip("."), set())
            keys.update(_model_keys(ann, f"{prefix}{name}."))
        else:
            keys.setdefault(prefix.rstrip("."), set()).add(name)
    keys.pop("", None)
    return keys


def _documented_keys(text: str) -> dict[str, set[str]]:
    """Section -> keys set in the file or shown commented out (``# key = value``) in that section."""
    keys: dict[str, set[str]] = {}
    section = ""
    for line in text.splitlines():
        if m := re.fullmatch(r"\[([a-z0-9_.]+)\]", line.strip()):
            section = m.group(1)
            keys.setdefault(section, set())
        elif m := re.match(r"#? ?([a-z0-9_]+) = ", line):
            keys.setdefault(section, set()).add(m.group(1))
    return keys


def test_example_documents_every_key_of_every_section() -> None:
    model = _model_keys(Settings)
    documented = _documented_keys(EXAMPLE.read_text(encoding="utf-8"))
    assert set(documented) == set(model), "sections of settings.example.toml differ from hygiene/settings.py"
    for section, keys in model.items():
        assert documented[section] == keys, f"[{section}] of settings.example.toml: keys differ from the model"


def test_example_comments_every_key() -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if re.match(r"[a-z0-9_]+ = ", line):
            before = lines[i - 1]
            assert before.startswith("#") or re.match(r"[a-z0-9_]+ = ", before), f"line {i + 1} has no comment: {line}"


def test_example_sets_no_secret() -> None:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    secret_names = {"client_secret", "certificate_password", "token", "encryption_key", "hmac_key", "api_token"}
    secret_names |= {"entra_client_secret"}

    def walk(d: dict) -> None:
        for k, v in d.items():
            if isinstance(v, dict):
                walk(v)
            else:
                assert k not in secret_names, f"secret {k} is set in settings.example.toml"
                assert not k.endswith("_file"), f"secret file {k} is set in settings.example.toml"

    walk(data)


# --- bad settings -------------------------------------------------------------------------------------------------
def test_unknown_key_is_an_error_naming_it(tmp_path: Path) -> None:
    path = write(tmp_path, "[graph]\nmax_concurency = 2\n")
    assert problems(path) == [
        "graph.max_concurency: unknown setting; remove it or check its spelling against settings.example.toml"
    ]


def test_unknown_section_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "[grahp]\nbase_url = 'x'\n")
    [line] = problems(path)
    assert line.startswith("grahp: unknown setting")


def test_wrong_type_names_the_key_and_what_was_expected(tmp_path: Path) -> None:
    path = write(tmp_path, "[graph]\nmax_concurrency = 'four'\n[schedule]\nlease_ttl_s = 1\n")
    lines = problems(path)
    assert len(lines) == 2
    assert lines[0].startswith("graph.max_concurrency: ")
    assert "integer" in lines[0]
    assert lines[1].startswith("schedule.lease_ttl_s: ")
    assert "10" in lines[1]


def test_missing_secret_names_the_key_and_the_ways_to_set_it(tmp_path: Path) -> None:
    path = write(tmp_path, "[auth]\nmethod = 'client_secret'\n")
    [line] = problems(path)
    assert line.startswith("auth: auth.client_secret is required")
    assert "client_secret_file" in line
    assert "HYGIENE_AUTH__CLIENT_SECRET" in line


def test_unreadable_secret_file_names_the_key(tmp_path: Path) -> None:
    path = write(tmp_path, f"[security]\nhmac_key_file = '{tmp_path / 'absent'}'\n")
    [line] = problems(path)
    assert "security.hmac_key_file" in line
    assert "check the path" in line


def test_a_bad_secret_is_never_echoed(tmp_path: Path) -> None:
    secret = "s3cr3t-never-print-me"
    path = write(tmp_path, f"[security]\nhmac_key = ['{secret}']\n")
    lines = problems(path)
    assert lines
    assert lines[0].startswith("security.hmac_key")
    assert secret in path.read_text()
    assert all(secret not in line for line in lines)


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[graph\n")
    [line] = problems(path)
    assert str(path) in line
    assert "TOML" in line


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    [line] = problems(tmp_path / "nope.toml")
    assert "does not exist" in line


# --- sources ------------------------------------------------------------------------------------------------------
def test_environment_overrides_win_over_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "[database]\nurl = 'sqlite:///from-file.db'\n[graph]\nmax_concurrency = 2\n")
    monkeypatch.setenv("HYGIENE_DATABASE__URL", "sqlite:///from-env.db")
    settings = load_settings(path)
    assert settings.database.url == "sqlite:///from-env.db"
    assert settings.graph.max_concurrency == 2  # keys the environment does not set still come from the file


def test_config_path_from_environment_then_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "[graph]\nmax_concurrency = 2\n")  # ./settings.toml
    assert load_settings().graph.max_concurrency == 2
    other = tmp_path / "other.toml"
    other.write_text("[graph]\nmax_concurrency = 3\n")
    monkeypatch.setenv("HYGIENE_CONFIG", str(other))
    assert load_settings().graph.max_concurrency == 3


def test_secret_from_a_file(tmp_path: Path) -> None:
    secret_file = tmp_path / "client-secret"
    secret_file.write_text("from-the-file\n")
    secret_file.chmod(0o600)
    path = write(tmp_path, f"[auth]\nmethod = 'client_secret'\nclient_secret_file = '{secret_file}'\n")
    settings = load_settings(path)
    assert settings.auth.client_secret is not None
    assert settings.auth.client_secret.get_secret_value() == "from-the-file"


# --- hygiene config check -----------------------------------------------------------------------------------------
def test_config_check_prints_settings_with_secrets_redacted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HYGIENE_AUTH__METHOD", "client_secret")
    monkeypatch.setenv("HYGIENE_AUTH__CLIENT_SECRET", "very-secret-value")
    result = CliRunner().invoke(app, ["--config", str(EXAMPLE), "config", "check"])
    assert result.exit_code == 0, result.output
    assert "very-secret-value" not in result.output
    assert '"client_secret": "**********"' in result.output
    assert "settings OK" in result.output


def test_config_check_exits_2_naming_the_bad_key(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = write(tmp_path, "[graph]\nmax_concurency = 2\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYGIENE_")}
    proc = subprocess.run(
        [sys.executable, "-m", "hygiene", "--config", str(path), "config", "check"],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert proc.returncode == 2
    assert "graph.max_concurency: unknown setting" in proc.stderr
    assert proc.stdout == ""
