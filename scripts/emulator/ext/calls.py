"""The call log: every signed AWS request the emulator saw, in arrival order."""
from __future__ import annotations

import threading
from typing import Any


class CallLog:
    """Thread-safe, append-only list of calls; cleared by `DELETE /_smsauth/calls` and by reset."""

    def __init__(self) -> None:
        self._calls: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def record(self, call: dict[str, Any]) -> None:
        """Appends one call."""
        with self._lock:
            self._calls.append(call)

    def list(self, access_key_id: str | None = None) -> list[dict[str, Any]]:
        """All calls, or those signed with `access_key_id`."""
        with self._lock:
            return [dict(c) for c in self._calls if access_key_id in (None, c["accessKeyId"])]

    def clear(self) -> None:
        """Forgets every call."""
        with self._lock:
            self._calls.clear()


CALLS = CallLog()
