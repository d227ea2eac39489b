"""The Kubernetes example in `deploy/kubernetes/` is consistent with itself and with the controller's documentation.

Self-contained (no emulator): parses the YAML with PyYAML and checks what a broken example would get wrong without
any cluster noticing until it runs: the probe paths and the metrics port against the HTTP endpoint documented in
`docs/controller.md`, the controller's DIR inside git-sync's symlink on the shared volume, one replica with the
Recreate strategy, the IRSA annotation, the status folder on its volume, and the Service's named port. Each check is
also shown to fail on a copy of the example with that one thing broken.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "deploy" / "kubernetes" / "smsauth-controller.yaml"
CONTROLLER_DOC = ROOT / "docs" / "controller.md"


def documented_endpoint() -> tuple[set[str], int]:
    """The paths of the controller's HTTP endpoint table and the default `--listen` port, read from docs/controller.md."""
    text = CONTROLLER_DOC.read_text(encoding="utf-8")
    paths = set(re.findall(r"^\| `(/[a-z]+)` \|", text, flags=re.MULTILINE))
    port = re.search(r"--listen 127\.0\.0\.1:(\d+)", text)
    assert paths and port, "docs/controller.md no longer documents the HTTP endpoint as this test expects"
    return paths, int(port.group(1))


def load_example() -> dict[str, dict[str, Any]]:
    documents = [d for d in yaml.safe_load_all(EXAMPLE.read_text(encoding="utf-8")) if d is not None]
    by_kind = {d["kind"]: d for d in documents}
    assert len(by_kind) == len(documents), "one document per kind expected"
    return by_kind


def flag(args: list[str], name: str) -> str | None:
    """The value of `--name=value` or `--name value` in a container's args."""
    for index, arg in enumerate(args):
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
        if arg == f"--{name}" and index + 1 < len(args):
            return args[index + 1]
    return None


def duration_seconds(text: str) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s|m)", text)
    assert match, f"unreadable duration {text!r}"
    return float(match.group(1)) * {"ms": 0.001, "s": 1, "m": 60}[match.group(2)]


def mount_path(container: dict[str, Any], volume: str) -> str | None:
    return next((m["mountPath"] for m in container.get("volumeMounts", []) if m["name"] == volume), None)


def problems(by_kind: dict[str, dict[str, Any]]) -> list[str]:
    """Every inconsistency of the example; empty when it is right."""
    found: list[str] = []
    paths, port = documented_endpoint()
    for kind in ("ServiceAccount", "Deployment", "Service"):
        if kind not in by_kind:
            found.append(f"no {kind}")
    if found:
        return found
    account, deployment, service = by_kind["ServiceAccount"], by_kind["Deployment"], by_kind["Service"]

    role = account["metadata"].get("annotations", {}).get("eks.amazonaws.com/role-arn", "")
    if not re.fullmatch(r"arn:aws:iam::\d{12}:role/[\w+=,.@/-]+", role):
        found.append(f"ServiceAccount has no IRSA role ARN annotation (got {role!r})")

    spec = deployment["spec"]
    if spec.get("replicas") != 1:
        found.append(f"replicas is {spec.get('replicas')!r}, must be 1 (one controller per status folder)")
    if spec.get("strategy", {}).get("type") != "Recreate":
        found.append("strategy must be Recreate (the old pod holds the status folder's lock)")
    pod = spec["template"]["spec"]
    if pod.get("serviceAccountName") != account["metadata"]["name"]:
        found.append("the pod does not run as the IRSA ServiceAccount")
    if spec["selector"]["matchLabels"].items() - spec["template"]["metadata"]["labels"].items():
        found.append("the Deployment's selector does not match its pod labels")

    containers = {c["name"]: c for c in pod["containers"]}
    controller, git_sync = containers.get("controller"), containers.get("git-sync")
    if controller is None or git_sync is None:
        return found + ["the pod needs the containers 'controller' and 'git-sync'"]
    args = controller["args"]
    if args[0] != "controller":
        found.append(f"the controller container runs {args[0]!r}, not 'controller'")

    volumes = {v["name"]: v for v in pod["volumes"]}
    shared = [name for name, v in volumes.items() if "emptyDir" in v
              and mount_path(controller, name) and mount_path(git_sync, name)]
    if len(shared) != 1:
        found.append("git-sync and the controller must share exactly one emptyDir")
    else:
        root = flag(git_sync["args"], "root")
        link = flag(git_sync["args"], "link")
        if root != mount_path(git_sync, shared[0]) or not link:
            found.append("git-sync's --root must be the shared volume and --link must be set")
        elif not args[1].startswith(f"{mount_path(controller, shared[0])}/{link}/") and \
                args[1] != f"{mount_path(controller, shared[0])}/{link}":
            found.append(f"the controller's DIR {args[1]!r} is not under git-sync's symlink {root}/{link}")

    status_dir = flag(args, "status-dir")
    status_mounts = [mount_path(controller, name) for name in volumes if name not in shared]
    if not status_dir or not any(m and (status_dir + "/").startswith(m + "/") for m in status_mounts):
        found.append(f"--status-dir {status_dir!r} is not on a volume of its own")

    listen = flag(args, "listen") or ""
    ports = {p["name"]: p["containerPort"] for p in controller.get("ports", [])}
    if not listen.startswith("0.0.0.0:") or int(listen.rsplit(":", 1)[1]) != port:
        found.append(f"--listen {listen!r} must be 0.0.0.0:{port} so the kubelet and Prometheus reach it")
    if ports.get("metrics") != port:
        found.append(f"the controller's container port 'metrics' must be {port}")
    for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
        get = controller.get(probe, {}).get("httpGet", {})
        if get.get("path") != path or path not in paths:
            found.append(f"{probe} must GET {path} (documented: {sorted(paths)}), got {get.get('path')!r}")
        if get.get("port") not in ("metrics", port):
            found.append(f"{probe} must use the metrics port")

    shutdown = duration_seconds(flag(args, "shutdown-timeout") or "30s")
    if pod.get("terminationGracePeriodSeconds", 30) <= shutdown:
        found.append("terminationGracePeriodSeconds must exceed --shutdown-timeout so the drain can finish")

    service_ports = {p.get("name"): p for p in service["spec"]["ports"]}
    metrics = service_ports.get("metrics")
    if "/metrics" not in paths:
        found.append("docs/controller.md no longer documents /metrics")
    if metrics is None or metrics.get("targetPort") not in ("metrics", port):
        found.append("the Service needs a port named 'metrics' targeting the controller's metrics port")
    if service["spec"]["selector"].items() - spec["template"]["metadata"]["labels"].items():
        found.append("the Service's selector does not match the pod labels")
    return found


def test_the_example_is_consistent_with_the_controller() -> None:
    assert problems(load_example()) == []


def _container(by_kind: dict[str, dict[str, Any]], name: str) -> dict[str, Any]:
    return next(c for c in by_kind["Deployment"]["spec"]["template"]["spec"]["containers"] if c["name"] == name)


BREAKAGES = {
    "two replicas": lambda d: d["Deployment"]["spec"].__setitem__("replicas", 2),
    "rolling update": lambda d: d["Deployment"]["spec"].__setitem__("strategy", {"type": "RollingUpdate"}),
    "no IRSA": lambda d: d["ServiceAccount"]["metadata"].__setitem__("annotations", {}),
    "liveness on /metrics": lambda d: _container(d, "controller")["livenessProbe"]["httpGet"].__setitem__("path", "/metrics"),
    "readiness on /ready": lambda d: _container(d, "controller")["readinessProbe"]["httpGet"].__setitem__("path", "/ready"),
    "DIR outside git-sync's link": lambda d: _container(d, "controller")["args"].__setitem__(1, "/git/manifests"),
    "loopback listen": lambda d: _container(d, "controller")["args"].__setitem__(
        _container(d, "controller")["args"].index("--listen=0.0.0.0:9464"), "--listen=127.0.0.1:9464"),
    "service port unnamed": lambda d: d["Service"]["spec"]["ports"][0].pop("name"),
    "short grace period": lambda d: d["Deployment"]["spec"]["template"]["spec"].__setitem__(
        "terminationGracePeriodSeconds", 30),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_each_check_catches_its_breakage(breakage: str) -> None:
    broken = copy.deepcopy(load_example())
    BREAKAGES[breakage](broken)
    assert problems(broken) != []
