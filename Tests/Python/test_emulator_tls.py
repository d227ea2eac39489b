"""The HTTPS listener (--tls-port): one client that stalls in its TLS handshake never holds up the others."""
from __future__ import annotations

import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ROOT, _free_port, _wait_ready


@pytest.fixture(scope="module")
def tls_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, ssl.SSLContext]]:
    """An emulator serving HTTPS with a self-signed certificate for 127.0.0.1; its port and a client context trusting it."""
    folder: Path = tmp_path_factory.mktemp("tls")
    cert, key = folder / "server.pem", folder / "server.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    port, tls_port = _free_port(), _free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts/emulator/server.py"), "--host", "127.0.0.1", "--port", str(port),
         "--tls-port", str(tls_port), "--tls-cert", str(cert), "--tls-key", str(key)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_ready(f"http://127.0.0.1:{port}", process)
        yield tls_port, ssl.create_default_context(cafile=str(cert))
    finally:
        process.terminate()
        process.wait(timeout=15)


def _health(port: int, context: ssl.SSLContext) -> int:
    with urllib.request.urlopen(f"https://127.0.0.1:{port}/_smsauth/health", timeout=5, context=context) as response:
        return int(response.status)


def test_https_answers(tls_emulator: tuple[int, ssl.SSLContext]) -> None:
    assert _health(*tls_emulator) == 200


@pytest.mark.parametrize("sent", [b"", b"\x16\x03\x01"], ids=["nothing", "half a record"])
def test_stalled_handshake_does_not_block_other_clients(tls_emulator: tuple[int, ssl.SSLContext], sent: bytes) -> None:
    """A client that connects and then stops (a frozen process, a tunnel that stays open) costs only its own
    connection: the handshake happens on the connection's own thread, not on the one that accepts."""
    port, context = tls_emulator
    stalled = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
    try:
        for each in stalled:
            each.sendall(sent)
        time.sleep(0.3)  # the listener has accepted them
        started = time.monotonic()
        assert _health(port, context) == 200
        assert time.monotonic() - started < 5
    finally:
        for each in stalled:
            each.close()
