"""`hygiene notice preview --lang nn --variant a [--format text|html]` with the configured settings."""

from __future__ import annotations

from typer.testing import CliRunner

from hygiene.cli import app


def _config(tmp_path, extra=""):
    path = tmp_path / "settings.toml"
    path.write_text(
        '[notice]\norganisation_name = "Fjellbygd kommune"\nphone = "+47 51 00 00 00"\n'
        'privacy_url = "https://fjellbygd.example.no/personvern"\n' + extra,
        encoding="utf-8",
    )
    return path


def test_preview_prints_the_rendered_notice(tmp_path, monkeypatch):
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    result = CliRunner().invoke(
        app, ["-c", str(_config(tmp_path)), "notice", "preview", "--lang", "nn", "--variant", "a"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Subject: Førespurnaden din er sletta")
    assert "X-Hygiene-Notice: preview" in result.output
    assert "Fjellbygd kommune" in result.output
    assert "+47 51 00 00 00" in result.output
    assert "{" not in result.output


def test_preview_html_and_language_alias(tmp_path, monkeypatch):
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    args = ["-c", str(_config(tmp_path)), "notice", "preview", "--language", "sv", "--variant", "b", "--format", "html"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("<!DOCTYPE html>")
    assert '<a href="https://fjellbygd.example.no/personvern">' in result.output


def test_preview_uses_override_templates_and_reports_bad_ones(tmp_path, monkeypatch):
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    tdir = tmp_path / "templates"
    tdir.mkdir()
    (tdir / "nb_a.txt").write_text("Subject: Fra {organisation_name}\n\nRing {phone}, {secure_channel_name}.\n")
    cfg = _config(tmp_path, f'templates_dir = "{tdir}"\n')
    result = CliRunner().invoke(app, ["-c", str(cfg), "notice", "preview", "--lang", "nb"])
    assert result.exit_code == 0, result.output
    assert "Subject: Fra Fjellbygd kommune" in result.output
    (tdir / "nb_b.txt").write_text("Subject: x\n\n{secure_channel_name} {privacy_url} {ukjent}\n")
    result = CliRunner().invoke(app, ["-c", str(cfg), "notice", "preview", "--lang", "nb"])
    assert result.exit_code != 0
    assert "nb_b.txt" in str(result.exception)
    assert "{ukjent}" in str(result.exception)


def test_preview_rejects_an_unknown_language(tmp_path, monkeypatch):
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)
    result = CliRunner().invoke(app, ["-c", str(_config(tmp_path)), "notice", "preview", "--lang", "de"])
    assert result.exit_code != 0
    assert "--lang" in str(result.exception)
