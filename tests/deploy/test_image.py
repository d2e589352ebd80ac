"""The container image's recipe: lint, shape, and the install it performs (a wheel that migrates and classifies).

No Docker engine runs here, so the image itself is not built; what it runs is: the wheel `pip install /src`
produces, installed apart from the checkout, must carry the migrations, the detector's rules and the templates.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"


def _stages() -> dict[str, str]:
    """Stage name -> its instructions (continuation lines joined)."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    stages: dict[str, str] = {}
    name = None
    for line in text.splitlines():
        if m := re.match(r"FROM\s+\S+\s+AS\s+(\w+)", line, re.I):
            name = m.group(1)
            stages[name] = ""
        elif name is not None and line.strip() and not line.lstrip().startswith("#"):
            stages[name] += line.strip() + "\n"
    return stages


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        if os.environ.get("CI"):
            raise RuntimeError(f"{name} is not installed (it comes with the test extras)")
        pytest.skip(f"{name} is not installed")
    return found


def test_dockerfile_passes_hadolint() -> None:
    proc = subprocess.run(
        [_tool("hadolint"), "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_runtime_stage_is_slim_unprivileged_and_has_the_ocr_languages() -> None:
    stages = _stages()
    assert list(stages) == ["build", "runtime"]
    build, runtime = stages["build"], stages["runtime"]
    assert "build-essential" in build
    assert "libtesseract-dev" in build
    for compiler in ("build-essential", "gcc", "-dev "):
        assert compiler not in runtime, compiler
    for lang in ("nor", "swe", "dan", "fin", "eng", "osd"):
        assert f"tesseract-ocr-{lang}" in runtime, lang
    assert "COPY --from=build /opt/hygiene /opt/hygiene" in runtime
    [user] = re.findall(r"^USER (\S+)$", runtime, re.M)
    uid = user.split(":")[0]
    assert uid.isdigit()  # numeric: Kubernetes' runAsNonRoot can check it
    assert int(uid) >= 1000
    assert 'ENTRYPOINT ["hygiene"]' in runtime
    assert "PYTHONDONTWRITEBYTECODE=1" in runtime  # nothing written next to the code on a read-only root


def test_dockerignore_admits_only_what_the_build_copies() -> None:
    ignore = (ROOT / ".dockerignore").read_text().splitlines()
    assert ignore[ignore.index("*")] == "*"  # deny by default: no settings.toml, keys, databases or .git
    admitted = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    copied = re.findall(r"^COPY (?!--from)(.+) \S+$", _stages()["build"], re.M)
    sources = {src for line in copied for src in line.split()}
    assert sources == admitted
    for src in sources:
        assert (ROOT / src).exists(), src


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [whl] = out.glob("hygiene-*.whl")
    return whl


def test_wheel_carries_migrations_rules_templates_and_the_entry_point(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "hygiene/migrations/env.py" in names
    assert any(re.fullmatch(r"hygiene/migrations/versions/\w+\.py", n) for n in names)
    assert "hygiene/domain/detect/rules/health.toml" in names
    assert "hygiene/api/templates/base.html" in names
    assert not any("tests/" in n or n.endswith(".pyc") for n in names)
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "hygiene = hygiene.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_migrates_a_database_and_loads_its_rules(wheel: Path, tmp_path: Path) -> None:
    # Given the wheel installed into its own directory, away from the checkout
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYGIENE_")}
    env |= {"PYTHONPATH": str(site), "HYGIENE_DATABASE__URL": f"sqlite:///{tmp_path / 'hygiene.db'}"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
        )

    # When it imports, migrates a fresh database and builds the detector from its packaged rules
    where = run("-c", "import hygiene; print(hygiene.__file__)")
    upgrade = run("-m", "hygiene", "db", "upgrade")
    current = run("-m", "hygiene", "db", "current")
    rules = run("-c", "from hygiene.domain.detect import load_rules; print(type(load_rules()).__name__)")

    # Then everything came from the installed copy and worked
    assert where.stdout.strip().startswith(str(site)), where
    assert upgrade.returncode == 0, upgrade.stderr
    assert current.returncode == 0, current.stderr
    from hygiene.db import head

    assert head() in current.stdout
    assert rules.returncode == 0, rules.stderr
    assert rules.stdout.strip() == "Rules"
