"""The Helm chart: values.schema.json, and the manifests `helm template` renders (a real Helm binary).

Helm comes from the test environment (.ci/install-helm): locally these tests skip without it, in CI they fail.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "helm" / "hygiene"
SECRET_DIR = "/var/run/secrets/hygiene"
REQUIRED = {
    "tenant": {"tenantId": "00000000-0000-0000-0000-000000000001", "clientId": "00000000-0000-0000-0000-000000000002"},
    "secrets": {"databaseUrl": "postgresql+psycopg://hygiene:pw@db:5432/hygiene", "hmacKey": "k" * 43},
}
EVERYTHING = {
    **REQUIRED,
    "auth": {"method": "certificate"},
    "secrets": {
        **REQUIRED["secrets"],
        "certificate": "-----BEGIN CERTIFICATE-----\n...",
        "certificatePassword": "pw",
        "apiToken": "t" * 32,
        "noark5ClientSecret": "n5",
    },
    "settings": {
        "actions": {"mode": "enforce"},
        "scope": {"mode": "group", "group_id": "11111111-2222-3333-4444-555555555555"},
        "records": {"backend": "noark5", "noark5": {"base_url": "https://arkiv.example.org/api", "client_id": "hyg"}},
        "schedule": {"sweep_interval_s": 120},
        "audit": {"retention_days": 3650},
    },
    "audit": {"api": {"enabled": True, "port": 8470}},
    "metrics": {"port": 9464, "serviceMonitor": {"enabled": True}, "prometheusRule": {"enabled": True}},
    "podDisruptionBudget": {"enabled": True},
    "networkPolicy": {
        "enabled": True,
        "database": {"to": [{"ipBlock": {"cidr": "10.20.0.5/32"}}], "port": 5432},
        "records": {"to": [{"ipBlock": {"cidr": "10.30.0.0/24"}}], "port": 443},
    },
}


def _defaults() -> dict[str, Any]:
    return yaml.safe_load((CHART / "values.yaml").read_text())


def _schema() -> dict[str, Any]:
    return json.loads((CHART / "values.schema.json").read_text())


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _errors(values: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in Draft7Validator(_schema()).iter_errors(values)
    ]


# --- values.schema.json ---------------------------------------------------------------------------------------


def test_schema_is_draft7_and_accepts_the_defaults_and_a_full_configuration() -> None:
    Draft7Validator.check_schema(_schema())
    assert _schema()["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert _errors(_defaults()) == []
    assert _errors(_merge(_defaults(), EVERYTHING)) == []


@pytest.mark.parametrize(
    ("override", "where"),
    [
        ({"replicaCount": "two"}, "replicaCount"),
        ({"replicas": 2}, ""),  # a misspelt key is not ignored
        ({"auth": {"method": "password"}}, "auth/method"),
        ({"auth": {"method": "static_token"}}, "auth/method"),  # the sandbox's token is not for a cluster
        ({"image": {"pullPolicy": "Sometimes"}}, "image/pullPolicy"),
        ({"image": {"digest": "latest"}}, "image/digest"),
        ({"metrics": {"port": 70000}}, "metrics/port"),
        ({"settings": {"actoins": {"mode": "enforce"}}}, "settings"),
        ({"settings": {"metrics": {"enabled": False}}}, "settings"),  # owned by the chart
        ({"networkPolicy": {"graphCidrs": ["graph.microsoft.com"]}}, "networkPolicy/graphCidrs/0"),
        ({"secrets": {"existingSecretKeys": ["client-secret"]}}, "secrets/existingSecretKeys/0"),
        ({"migrations": {"strategy": "manual"}}, "migrations/strategy"),
        ({"replicaCount": 3, "migrations": {"strategy": "initContainer"}}, "migrations/strategy"),
        ({"terminationGracePeriodSeconds": 0}, "terminationGracePeriodSeconds"),
    ],
)
def test_schema_rejects_bad_values(override: dict[str, Any], where: str) -> None:
    errors = _errors(_merge(_defaults(), override))
    assert errors, override
    assert any(e.split(":")[0] == where for e in errors), errors


# --- rendering --------------------------------------------------------------------------------------------------


def _helm() -> str:
    found = shutil.which("helm") or shutil.which("helm", path=str(Path(sys.executable).parent))
    if found is None:
        if os.environ.get("CI"):
            raise RuntimeError("helm is not installed; .ci/install-helm installs it")
        pytest.skip("helm is not installed (.ci/install-helm)")
    return found


def _helm_run(*args: str, values: dict[str, Any] | None, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    cmd = [_helm(), *args]
    if values is not None:
        file = tmp_path / "my-values.yaml"
        file.write_text(yaml.safe_dump(values))
        cmd += ["-f", str(file)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def render(tmp_path: Path, values: dict[str, Any]) -> list[dict[str, Any]]:
    """`helm template` as a list of manifests (fails the test on a rendering error)."""
    proc = _helm_run("template", "hygiene", str(CHART), "--namespace", "hygiene", values=values, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return [d for d in yaml.safe_load_all(proc.stdout) if d]


def one(docs: list[dict[str, Any]], kind: str, name: str | None = None) -> dict[str, Any]:
    [doc] = [d for d in docs if d["kind"] == kind and (name is None or d["metadata"]["name"] == name)]
    return doc


def test_helm_lint_is_clean_with_the_required_values_and_with_everything_on(tmp_path: Path) -> None:
    for values in (REQUIRED, EVERYTHING):
        proc = _helm_run("lint", "--strict", str(CHART), values=values, tmp_path=tmp_path)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_helm_enforces_the_schema_and_the_required_secrets(tmp_path: Path) -> None:
    bad = _helm_run("template", "h", str(CHART), values=_merge(REQUIRED, {"replicaCount": "two"}), tmp_path=tmp_path)
    assert bad.returncode != 0
    assert "replicaCount" in bad.stderr
    missing = _helm_run("template", "h", str(CHART), values={"tenant": REQUIRED["tenant"]}, tmp_path=tmp_path)
    assert missing.returncode != 0
    assert "secrets.databaseUrl is required" in missing.stderr


def test_default_render_is_a_locked_down_worker_with_probes_and_workload_identity(tmp_path: Path) -> None:
    docs = render(tmp_path, REQUIRED)
    kinds = sorted(d["kind"] for d in docs)
    assert kinds == ["ConfigMap", "Deployment", "Job", "Secret", "Secret", "Service", "ServiceAccount"]
    dep = one(docs, "Deployment")
    pod = dep["spec"]["template"]
    spec = pod["spec"]
    [worker] = spec["containers"]
    assert dep["spec"]["replicas"] == 2
    assert worker["args"] == ["run"]
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] == 10001
    assert worker["securityContext"]["readOnlyRootFilesystem"] is True
    assert worker["securityContext"]["allowPrivilegeEscalation"] is False
    assert worker["securityContext"]["capabilities"]["drop"] == ["ALL"]
    assert worker["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "metrics"}
    assert worker["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "metrics"}
    assert spec["terminationGracePeriodSeconds"] == 120
    assert worker["resources"]["limits"]["memory"] == "2Gi"
    # writable: only the data volume and /tmp
    mounts = {m["mountPath"]: m for m in worker["volumeMounts"]}
    assert {p for p, m in mounts.items() if not m.get("readOnly")} == {"/var/lib/hygiene", "/tmp"}
    volumes = {v["name"]: v for v in spec["volumes"]}
    assert volumes["secrets"]["secret"]["defaultMode"] == 0o440
    env = {e["name"]: e for e in worker["env"]}
    assert env["HYGIENE_DATABASE__URL"]["valueFrom"]["secretKeyRef"] == {"name": "hygiene", "key": "database-url"}
    assert env["HYGIENE_CONFIG"]["value"] == "/etc/hygiene/settings.toml"
    # workload identity
    assert pod["metadata"]["labels"]["azure.workload.identity/use"] == "true"
    sa = one(docs, "ServiceAccount")
    assert sa["metadata"]["annotations"]["azure.workload.identity/client-id"] == REQUIRED["tenant"]["clientId"]
    assert spec["serviceAccountName"] == sa["metadata"]["name"]
    # the database password is in a Secret only
    config = one(docs, "ConfigMap")["data"]["settings.toml"]
    assert "pw@db" not in config
    assert REQUIRED["secrets"]["hmacKey"] not in config


def test_other_auth_methods_drop_workload_identity(tmp_path: Path) -> None:
    docs = render(tmp_path, _merge(REQUIRED, {"auth": {"method": "client_secret"}, "secrets": {"clientSecret": "s"}}))
    pod = one(docs, "Deployment")["spec"]["template"]
    assert "azure.workload.identity/use" not in pod["metadata"]["labels"]
    assert "annotations" not in one(docs, "ServiceAccount")["metadata"]
    assert one(docs, "Secret", "hygiene")["stringData"]["client-secret"] == "s"
    assert (
        'client_secret_file = "/var/run/secrets/hygiene/client-secret"'
        in one(docs, "ConfigMap")["data"]["settings.toml"]
    )


def _check_settings(settings_toml: str, tmp_path: Path, keys: set[str]) -> subprocess.CompletedProcess[str]:
    """Run `hygiene config check` on a rendered settings.toml, with the secret files it names made in tmp_path."""
    secrets = tmp_path / "secrets"
    secrets.mkdir(exist_ok=True)
    named = set(re.findall(re.escape(SECRET_DIR) + r"/([\w.-]+)", settings_toml))
    assert named <= keys, f"settings name files the Secret does not have: {named - keys}"
    for key in named:
        (secrets / key).write_text("value\n")
        (secrets / key).chmod(0o600)
    config = tmp_path / "settings.toml"
    config.write_text(settings_toml.replace(SECRET_DIR, str(secrets)))
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYGIENE_")}
    env |= {"PYTHONPATH": str(ROOT), "HYGIENE_DATABASE__URL": "postgresql+psycopg://hygiene@db/hygiene"}
    return subprocess.run(
        [sys.executable, "-m", "hygiene", "--config", str(config), "config", "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("values", [REQUIRED, EVERYTHING], ids=["required", "everything"])
def test_rendered_settings_pass_hygiene_config_check(tmp_path: Path, values: dict[str, Any]) -> None:
    docs = render(tmp_path, values)
    keys = set(one(docs, "Secret", "hygiene")["stringData"])
    proc = _check_settings(one(docs, "ConfigMap")["data"]["settings.toml"], tmp_path, keys)
    assert proc.returncode == 0, proc.stderr
    effective = json.loads(proc.stdout)
    assert effective["metrics"] == {"enabled": True, "host": "0.0.0.0", "port": 9464}
    assert effective["actions"]["mode"] == values.get("settings", {}).get("actions", {}).get("mode", "observe")
    assert effective["tenant"]["client_id"] == REQUIRED["tenant"]["clientId"]


def test_existing_secret_is_referenced_and_only_its_listed_keys_are_named(tmp_path: Path) -> None:
    values = {
        "tenant": REQUIRED["tenant"],
        "secrets": {"existingSecret": "hygiene-prod", "existingSecretKeys": ["api-token"]},
        "audit": {"api": {"enabled": True}},
    }
    docs = render(tmp_path, values)
    assert [d for d in docs if d["kind"] == "Secret"] == []
    spec = one(docs, "Deployment")["spec"]["template"]["spec"]
    assert {v["name"]: v for v in spec["volumes"]}["secrets"]["secret"]["secretName"] == "hygiene-prod"
    job = one(docs, "Job")
    [env] = job["spec"]["template"]["spec"]["containers"][0]["env"]
    assert env["valueFrom"]["secretKeyRef"]["name"] == "hygiene-prod"
    settings_toml = one(docs, "ConfigMap")["data"]["settings.toml"]
    proc = _check_settings(settings_toml, tmp_path, {"hmac-key", "api-token", "database-url"})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["audit"]["api_token_file"].endswith("/api-token")


def test_migration_job_is_a_pre_install_and_pre_upgrade_hook_running_db_upgrade(tmp_path: Path) -> None:
    docs = render(tmp_path, REQUIRED)
    job = one(docs, "Job")
    hook_secret = one(docs, "Secret", "hygiene-migrate")
    for doc in (job, hook_secret):
        assert doc["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
    assert int(hook_secret["metadata"]["annotations"]["helm.sh/hook-weight"]) < int(
        job["metadata"]["annotations"]["helm.sh/hook-weight"]
    )
    assert "hook-succeeded" in hook_secret["metadata"]["annotations"]["helm.sh/hook-delete-policy"]
    pod = job["spec"]["template"]["spec"]
    [container] = pod["containers"]
    assert container["args"] == ["db", "upgrade"]
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["env"][0]["valueFrom"]["secretKeyRef"]["name"] == "hygiene-migrate"
    assert hook_secret["stringData"]["database-url"] == REQUIRED["secrets"]["databaseUrl"]
    assert pod["restartPolicy"] == "Never"


def test_init_container_strategy_migrates_in_the_pod_instead(tmp_path: Path) -> None:
    docs = render(tmp_path, _merge(REQUIRED, {"replicaCount": 1, "migrations": {"strategy": "initContainer"}}))
    assert [d for d in docs if d["kind"] == "Job"] == []
    [init] = one(docs, "Deployment")["spec"]["template"]["spec"]["initContainers"]
    assert init["args"] == ["db", "upgrade"]


def test_network_policy_allows_only_dns_graph_database_and_records(tmp_path: Path) -> None:
    docs = render(tmp_path, EVERYTHING)
    np = one(docs, "NetworkPolicy")
    assert np["spec"]["policyTypes"] == ["Ingress", "Egress"]
    egress = [
        (tuple(sorted((p["port"], p["protocol"]) for p in r["ports"])), r.get("to")) for r in np["spec"]["egress"]
    ]
    assert egress == [
        (((53, "TCP"), (53, "UDP")), None),
        (((443, "TCP"),), [{"ipBlock": {"cidr": "0.0.0.0/0"}}]),
        (((5432, "TCP"),), [{"ipBlock": {"cidr": "10.20.0.5/32"}}]),
        (((443, "TCP"),), [{"ipBlock": {"cidr": "10.30.0.0/24"}}]),
    ]
    ingress_ports = [p["port"] for r in np["spec"]["ingress"] for p in r["ports"]]
    assert ingress_ports == ["metrics", "api"]


def test_optional_monitoring_and_disruption_budget(tmp_path: Path) -> None:
    docs = render(tmp_path, EVERYTHING)
    sm = one(docs, "ServiceMonitor")
    assert sm["spec"]["endpoints"] == [{"port": "metrics", "path": "/metrics", "interval": "30s"}]
    assert one(docs, "PodDisruptionBudget")["spec"]["maxUnavailable"] == 1
    service = one(docs, "Service")
    assert [p["name"] for p in service["spec"]["ports"]] == ["metrics", "api"]
    rules = one(docs, "PrometheusRule")["spec"]["groups"][0]["rules"]
    names = [r["alert"] for r in rules]
    readme = (ROOT / "README.md").read_text()
    for name in names:
        assert f"`{name}`" in readme, f"the runbook does not explain {name}"
    metric_names = set(re.findall(r"hygiene_[a-z_]+", " ".join(r["expr"] for r in rules)))
    documented = set(re.findall(r"hygiene_[a-z_]+", (ROOT / "hygiene" / "metrics.py").read_text()))
    assert metric_names <= documented
