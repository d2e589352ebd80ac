"""Until the detection rules are part of the build, `hygiene classify` says so instead of a traceback."""

from __future__ import annotations

import importlib.util

import pytest
from typer.testing import CliRunner

from hygiene.cli import app
from hygiene.errors import HygieneError
from tests.detect_extract.conftest import message, to_bytes


@pytest.mark.skipif(importlib.util.find_spec("hygiene.domain.detect") is not None, reason="the rules are installed")
def test_classify_names_the_missing_rules(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    (tmp_path / "a.eml").write_bytes(to_bytes(message("hei")))
    result = CliRunner().invoke(app, ["classify", str(tmp_path / "a.eml")])
    assert isinstance(result.exception, HygieneError)
    assert "hygiene.domain.detect" in str(result.exception)
