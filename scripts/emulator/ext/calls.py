"""The call log: every signed AWS request the emulator saw, in arrival order."""
from __future__ import annotations

import threading
from typing import Any


class CallLog:
    """Thread-safe, append-only list of calls; cleared by `DELETE /_smsauth/calls` and by reset."""

    def __init__(self) -> None:
        self._calls: list[dict[str, Any]] = []
        # The same calls by access key: tests poll their own principal's calls many times a second.
        self._by_key: dict[str | None, list[dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def record(self, call: dict[str, Any]) -> None:
        """Appends one call."""
        with self._lock:
            self._calls.append(call)
            self._by_key.setdefault(call["accessKeyId"], []).append(call)

    def list(self, access_key_id: str | None = None) -> list[dict[str, Any]]:
        """All calls, or those signed with `access_key_id`."""
        with self._lock:
            calls = self._calls if access_key_id is None else self._by_key.get(access_key_id, [])
            return [dict(c) for c in calls]

    def clear(self) -> None:
        """Forgets every call."""
        with self._lock:
            self._calls.clear()
            self._by_key.clear()


CALLS = CallLog()
