"""Process-wide emulator settings and the movable clock shared by every extension module."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass


@dataclass
class EmulatorConfig:
    """Settings changed through `POST /_smsauth/config`."""

    sms_role_propagation_seconds: float = 0.0
    phone_number_activation_seconds: float = 0.0
    in_sandbox: bool = True


class Clock:
    """Wall clock plus an offset that tests move forward with `POST /_smsauth/clock`."""

    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        """Seconds since the epoch, as the emulator sees them."""
        with self._lock:
            return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        """Moves the clock forward (never backward)."""
        if seconds < 0:
            raise ValueError("advanceSeconds must be >= 0")
        with self._lock:
            self._offset += seconds

    def offset(self) -> float:
        """How far the clock has been moved."""
        with self._lock:
            return self._offset

    def reset(self) -> None:
        """Back to the wall clock."""
        with self._lock:
            self._offset = 0.0


CONFIG = EmulatorConfig()
CLOCK = Clock()


def reset() -> None:
    """Restores default settings and the wall clock."""
    CONFIG.sms_role_propagation_seconds = 0.0
    CONFIG.phone_number_activation_seconds = 0.0
    CONFIG.in_sandbox = True
    CLOCK.reset()
