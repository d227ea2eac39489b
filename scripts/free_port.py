"""A TCP port on 127.0.0.1 that was free a moment ago, for an emulator to listen on. Standard library only.

Drawn from below Linux's ephemeral range (32768-60999): a port the kernel picks (port 0) can, once closed, become the
local port of another process's or test's outgoing connection before the emulator binds it. The range is the Swift
tests' `LoopbackPorts.emulators` (Tests/TestSupport/LoopbackPorts.swift); tests that free a port and expect it to stay
free draw from another range, which no emulator is given. Used by scripts/lib.sh
(`python3 scripts/free_port.py` prints one) and by the pytest fixtures (Tests/Python/conftest.py).
"""

from __future__ import annotations

import random
import socket


def free_port() -> int:
    """A loopback port that a socket could bind just now (it is closed again)."""
    for _ in range(100):
        port = random.randrange(20000, 32000)
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise SystemExit("no free loopback port below 32000")


if __name__ == "__main__":
    print(free_port())
