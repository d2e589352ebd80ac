"""`hygiene classify`: jsonl and table output, --reveal, errors; never a matched value without --reveal."""

from __future__ import annotations

import orjson
import pytest
from typer.testing import CliRunner

from tests.detect_extract.conftest import FNR, message, to_bytes

if not hasattr(pytest.importorskip("hygiene.domain.detect"), "load_rules"):  # ids.py can land before the engine
    pytest.skip("hygiene.domain.detect has no load_rules yet", allow_module_level=True)

from hygiene.cli import app
from hygiene.cli.classify import mask
from hygiene.errors import ConfigError


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def mails(tmp_path):
    folder = tmp_path / "mail"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.eml").write_bytes(to_bytes(message(f"Fødselsnummeret til sønnen min Ola er {FNR}.")))
    (folder / "sub" / "b.eml").write_bytes(to_bytes(message("Hei, møtet er flyttet til fredag.")))
    (folder / "notes.txt").write_text("not a message")
    return folder


def test_jsonl_one_object_per_message_without_values(run, mails):
    result = run("classify", str(mails))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    first, second = (orjson.loads(line) for line in lines)
    assert first["path"].endswith("a.eml")
    assert first["file"] == first["path"]
    assert second["path"].endswith("b.eml")
    assert first["sensitive"] is True
    assert "national_id" in first["categories"]
    assert second["sensitive"] is False
    for key in ("encrypted", "incomplete", "incomplete_reasons", "language", "counts", "auto_reply", "findings"):
        assert key in first
    assert set(first["findings"][0]) == {"kind", "category", "where", "start", "end", "confidence"}
    assert FNR not in result.output
    assert FNR[:6] not in result.output


def test_table_has_a_row_per_message_and_a_summary(run, mails):
    result = run("classify", "--format", "table", str(mails / "a.eml"), str(mails / "sub"))
    assert result.exit_code == 0, result.output
    assert "a.eml" in result.stdout
    assert "b.eml" in result.stdout
    assert "2 messages: 1 sensitive, 0 encrypted" in result.stdout
    assert "national_id" in result.stdout
    assert FNR not in result.output


def test_reveal_prints_masked_values_and_warns(run, mails):
    result = run("classify", "--reveal", str(mails / "a.eml"))
    assert result.exit_code == 0, result.output
    assert "--reveal" in result.stderr
    record = orjson.loads(result.stdout)
    masked = [f["value_masked"] for f in record["findings"] if f["category"] == "national_id"]
    assert masked
    assert FNR not in result.stdout
    assert all("*" in value for value in masked)


def test_missing_path_is_a_usage_error(run, tmp_path):
    result = run("classify", str(tmp_path / "nope.eml"))
    assert result.exit_code == 2
    assert "nope.eml" in result.output


def test_bad_rules_file_names_the_setting(run, tmp_path, monkeypatch, mails):
    monkeypatch.setenv("HYGIENE_DETECTION__RULES_FILE", str(tmp_path / "missing-rules.toml"))
    result = CliRunner().invoke(app, ["classify", str(mails)])
    assert isinstance(result.exception, ConfigError)
    assert "detection.rules_file" in str(result.exception)


def test_mask_keeps_shape_only():
    assert mask("190619 89121") == "19**** ***21"
    assert mask("diabetes") == "di****es"
    assert mask("ADHD") == "****"
