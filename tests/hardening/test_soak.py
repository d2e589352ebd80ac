"""The worker survives a faulty Graph, a records outage and a database outage without losing or repeating anything.

See tests/hardening/soak.py for what the soak does and checks; ``bench/soak.py --minutes N`` runs it longer.
On PostgreSQL the worker's connections are killed twice mid-sweep (on a database created for this test only);
on SQLite the same soak runs without that outage.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import find_corpus, fresh_pg_database
from tests.hardening.soak import SoakConfig, run_soak

detect = pytest.importorskip("hygiene.domain.detect")
pytest.importorskip("hygiene.sandbox")

from hygiene.domain.classify import Classifier  # noqa: E402
from hygiene.domain.extract import Limits  # noqa: E402


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(detect.load_rules(), limits=Limits())


@pytest.fixture
def soak_pg_url() -> Iterator[str]:
    """A database of its own: the soak kills every connection to it, which must not hit another test's pool."""
    with fresh_pg_database("hygiene_soak") as url:
        yield url


def _assert_held(report, *, db_kills: bool) -> None:
    # Given: every kind of fault really happened ...
    assert report.faults_fired["status429"] > 0
    assert report.faults_fired["status503"] > 0
    assert report.faults_fired["drop"] > 0
    assert report.faults_fired["slow"] > 0
    assert report.outage_refusals > 0, "no sensitive message met the records outage"
    if db_kills:
        assert report.db_kills == 2
        assert report.killed_connections > 0
        # the only sweeps allowed to fail are those whose connections were killed under them
        assert set(report.sweep_failures) <= {"OperationalError", "DatabaseError", "InterfaceError"}
    else:
        assert not report.sweep_failures
    assert report.sensitive >= 3
    # Then: every invariant held (archived, deleted and purged exactly once, noticed at most once, the rest
    # untouched, the audit chain intact).
    assert report.violations == []
    assert report.records == report.sensitive


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.timeout(240)
def test_soak_on_postgresql_with_faults_records_and_database_outages(tmp_path, soak_pg_url, classifier):
    config = SoakConfig(duration_s=40, corpus_dir=find_corpus(), db_kills=(0.55, 0.75))

    report = run_soak(config, db_url=soak_pg_url, workdir=tmp_path, classifier=classifier)

    _assert_held(report, db_kills=True)


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_soak_on_sqlite_with_faults_and_a_records_outage(tmp_path, classifier):
    config = SoakConfig(duration_s=20, users=4, messages_per_user=10, corpus_dir=find_corpus(), seed=3)

    report = run_soak(config, db_url=f"sqlite:///{tmp_path / 'soak.db'}", workdir=tmp_path, classifier=classifier)

    _assert_held(report, db_kills=False)
