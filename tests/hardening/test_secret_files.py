"""Settings files with secrets readable by others produce a warning naming the key, path and fix (issue 8)."""

from __future__ import annotations

import warnings

import pytest

from hygiene.settings import InsecureSecretFileWarning, load_settings

SECRET = "hmac-key-value-that-must-not-be-printed"


def test_secret_file_readable_by_others_warns_without_the_secret(tmp_path):
    secret = tmp_path / "hmac.key"
    secret.write_text(SECRET)
    secret.chmod(0o644)
    config = tmp_path / "settings.toml"
    config.write_text(f'[auth]\nmethod = "static_token"\ntoken_file = "{secret}"\n')
    config.chmod(0o600)

    with pytest.warns(InsecureSecretFileWarning) as caught:
        load_settings(config)

    [warning] = [w for w in caught if issubclass(w.category, InsecureSecretFileWarning)]
    text = str(warning.message)
    assert "auth.token_file" in text
    assert "chmod 600" in text
    assert SECRET not in text


def test_settings_file_with_an_inline_secret_readable_by_others_warns(tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text(f'[security]\nhmac_key = "{SECRET}"\n')
    config.chmod(0o640)

    with pytest.warns(InsecureSecretFileWarning, match="settings file"):
        load_settings(config)


def test_private_files_and_secret_free_settings_do_not_warn(tmp_path):
    secret = tmp_path / "token"
    secret.write_text(SECRET)
    secret.chmod(0o600)
    private = tmp_path / "private.toml"
    private.write_text(f'[auth]\ntoken_file = "{secret}"\n[security]\nhmac_key = "{SECRET}"\n')
    private.chmod(0o600)
    public = tmp_path / "public.toml"
    public.write_text("[graph]\nmax_concurrency = 2\n")
    public.chmod(0o644)

    with warnings.catch_warnings():
        warnings.simplefilter("error", InsecureSecretFileWarning)
        load_settings(private)
        load_settings(public)
