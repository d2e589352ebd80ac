"""`hygiene db upgrade|downgrade|current`, and the worker refusing a database that is not at the migration head."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from hygiene import db
from hygiene.app import App
from hygiene.cli import app
from hygiene.errors import SchemaMismatchError
from hygiene.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def hygiene(*args: str, db_url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point (exit codes are mapped in `hygiene.cli.main`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYGIENE_")}
    env |= {"HYGIENE_DATABASE__URL": db_url, "HYGIENE_SECURITY__HMAC_KEY": "test-key", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", "from hygiene.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
        timeout=120,
    )


def settings_for(db_url: str, tmp_path: Path) -> Settings:
    return Settings(
        graph={"base_url": "http://127.0.0.1:9/v1.0"},
        auth={"method": "static_token", "token": SecretStr("t")},
        records={"backend": "folder", "folder": {"path": tmp_path / "records"}},
        database={"url": db_url},
    )


def test_upgrade_current_downgrade(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HYGIENE_DATABASE__URL", db_url)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    # Given an empty database, `db current` says so and exits 1
    result = runner.invoke(app, ["db", "current"])
    assert result.exit_code == 1
    assert "current: none (not migrated)" in result.output
    assert f"head:    {db.head()}" in result.output
    # When it is upgraded, `db current` exits 0
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert f"upgraded base -> {db.head()}" in result.output
    assert runner.invoke(app, ["db", "upgrade"]).output.endswith(f"already at {db.head()}\n")
    result = runner.invoke(app, ["db", "current"])
    assert result.exit_code == 0
    assert f"current: {db.head()}" in result.output
    # And downgrading to base empties it again
    result = runner.invoke(app, ["db", "downgrade", "--revision", "base"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["db", "current"]).exit_code == 1


def test_downgrade_needs_an_explicit_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HYGIENE_DATABASE__URL", f"sqlite:///{tmp_path / 'h.db'}")
    result = CliRunner().invoke(app, ["db", "downgrade"])
    assert result.exit_code == 2
    assert "--revision" in result.output


def test_app_refuses_an_unmigrated_database(db_url: str, tmp_path: Path) -> None:
    with pytest.raises(SchemaMismatchError, match=r"not been migrated: run `hygiene db upgrade`"):
        App.from_settings(settings_for(db_url, tmp_path))


def test_app_migrates_when_asked_to_create(db_url: str, tmp_path: Path) -> None:
    application = App.from_settings(settings_for(db_url, tmp_path), create_db=True, classifier=object())
    try:
        assert db.current(application.engine) == db.head()
    finally:
        application.engine.dispose()


def test_run_once_refuses_an_unmigrated_database_with_exit_1(db_url: str, tmp_path: Path) -> None:
    proc = hygiene("run", "--once", db_url=db_url, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1] == (
        "hygiene: error: the database has not been migrated: run `hygiene db upgrade`"
    )
    assert "Traceback" not in proc.stderr


def test_run_once_refuses_a_newer_database(migrated_db, db_url: str, tmp_path: Path) -> None:
    engine, _ = migrated_db
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    proc = hygiene("run", "--once", db_url=db_url, cwd=tmp_path)
    assert proc.returncode == 1
    assert "at revision ffffffffffff but this version expects" in proc.stderr
    assert "upgrade hygiene if the database is newer" in proc.stderr
    proc = hygiene("db", "upgrade", db_url=db_url, cwd=tmp_path)
    assert proc.returncode == 1  # never "upgrades" a database it does not understand


def test_unreachable_database_is_a_runtime_error_without_the_password(tmp_path: Path) -> None:
    url = "postgresql://hygiene:pw-not-shown@127.0.0.1:9/hygiene"
    proc = hygiene("db", "current", db_url=url, cwd=tmp_path)
    assert proc.returncode == 1
    assert "cannot open the database" in proc.stderr
    assert "pw-not-shown" not in proc.stderr + proc.stdout


def test_unknown_revision_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HYGIENE_DATABASE__URL", f"sqlite:///{tmp_path / 'h.db'}")
    result = CliRunner().invoke(app, ["db", "upgrade", "--revision", "nosuchrev"])
    assert result.exit_code == 2
    assert "unknown revision 'nosuchrev'" in result.output


def test_upgrade_refuses_tables_made_without_migrations(db_url: str, tmp_path: Path) -> None:
    """A database whose tables were made by create_all (no revision) is not silently adopted or half-migrated."""
    from hygiene.adapters.store.models import Base
    from hygiene.errors import DatabaseError

    engine = db.make_engine(db_url)
    try:
        Base.metadata.create_all(engine)
        with pytest.raises(DatabaseError, match="no migration revision"):
            db.upgrade(engine)
        assert db.current(engine) is None
    finally:
        engine.dispose()
    proc = hygiene("db", "upgrade", db_url=db_url, cwd=tmp_path)
    assert proc.returncode == 1
    assert "created without migrations" in proc.stderr
    assert "Traceback" not in proc.stderr
