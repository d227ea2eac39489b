"""Fixtures for the emulator tests: a running emulator (started here, or SMSAUTH_EMULATOR_URL) and boto3 clients."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

ROOT = Path(__file__).resolve().parents[2]
REGION = "us-east-1"

sys.path.insert(0, str(ROOT / "scripts"))
from free_port import free_port  # noqa: E402


class Emulator:
    """A running emulator: its URL and a small client for the `/_smsauth/` control endpoint."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def control(self, method: str, route: str, body: Any = None) -> Any:
        """Calls `/_smsauth/<route>`; returns the decoded JSON or raises HTTPError."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.url}/_smsauth/{route}", data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def credentials(self) -> dict[str, str]:
        """The bootstrap principal's keys."""
        return self.control("GET", "credentials")

    def client(self, service: str, credentials: dict[str, str] | None = None, **config: Any) -> Any:
        """A boto3 client for `service` signed with `credentials` (default: bootstrap), retries off."""
        from botocore.config import Config

        keys = credentials or self.credentials()
        return boto3.client(
            service,
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=keys["accessKeyId"],
            aws_secret_access_key=keys["secretAccessKey"],
            config=Config(retries={"total_max_attempts": 1, "mode": "standard"}, **config),
        )


def _free_port() -> int:
    """A TCP port on 127.0.0.1 free a moment ago (scripts/free_port.py: below Linux's ephemeral range)."""
    return free_port()


def _wait_ready(url: str, process: subprocess.Popen[bytes] | None) -> None:
    """Polls the health endpoint for up to 30 s."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError("emulator exited early")
        try:
            with urllib.request.urlopen(f"{url}/_smsauth/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise RuntimeError("emulator not ready after 30 s")


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    """The emulator for the whole session; started as a subprocess unless SMSAUTH_EMULATOR_URL is set."""
    external = os.environ.get("SMSAUTH_EMULATOR_URL")
    if external:
        _wait_ready(external, None)
        yield Emulator(external)
        return
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts/emulator/server.py"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, process)
        yield Emulator(url)
    finally:
        process.terminate()
        process.wait(timeout=15)


@pytest.fixture()
def fresh(emulator: Emulator) -> Emulator:
    """The emulator after `POST /_smsauth/reset` (every test starts from an empty account)."""
    emulator.control("POST", "reset", {})
    return emulator


@pytest.fixture()
def client(fresh: Emulator) -> Callable[..., Any]:
    """Factory of boto3 clients against the freshly reset emulator."""
    return fresh.client
