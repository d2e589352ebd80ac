"""Shared CLI plumbing: the context object and settings loading."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import typer

from hygiene.settings import Settings, load_settings


@dataclass
class State:
    """What the root callback stores on the click context for subcommands."""

    config_path: Path | None = None
    _settings: Settings | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        """Load and cache the settings; raises `ConfigError` (exit 2) when they are invalid."""
        if self._settings is None:
            self._settings = load_settings(self.config_path)
        return self._settings


def state(ctx: typer.Context) -> State:
    """The `State` of the running command."""
    obj = ctx.find_root().obj
    assert isinstance(obj, State)
    return obj
