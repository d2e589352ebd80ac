"""The ``[breach]`` settings: what enabling the register needs, and clear errors naming the key."""

from __future__ import annotations

import pytest

from hygiene.errors import ConfigError
from hygiene.settings import load_settings


@pytest.fixture(autouse=True)
def _no_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HYGIENE_CONFIG", raising=False)


def test_enabling_the_register_needs_the_organisation_domains():
    with pytest.raises(ConfigError) as err:
        load_settings(breach={"enabled": True})
    assert "breach.organisation_domains is required when breach.enabled = true" in str(err.value)
    assert load_settings(breach={"enabled": True, "organisation_domains": ["kommune.no"]}).breach.enabled


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ({"privacy_officer_mailbox": "personvern"}, "breach.privacy_officer_mailbox must be a mailbox address"),
        ({"reminder_before_deadline_hours": 72}, "breach.reminder_before_deadline_hours"),
        ({"many_recipients_threshold": 1}, "breach.many_recipients_threshold"),
        ({"deadline_hours": 48}, "breach.deadline_hours: unknown setting"),
    ],
)
def test_bad_values_name_the_key(value, says):
    with pytest.raises(ConfigError) as err:
        load_settings(breach=value)
    assert says in str(err.value)


def test_the_example_file_documents_every_breach_key():
    from pathlib import Path

    from hygiene.settings import BreachSettings

    example = (Path(__file__).resolve().parents[2] / "settings.example.toml").read_text(encoding="utf-8")
    section = example.split("[breach]", 1)[1].split("\n[", 1)[0]
    for key in BreachSettings.model_fields:
        assert f"\n{key} = " in section, key
