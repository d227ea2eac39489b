"""Process-wide emulator settings and the movable clock shared by every extension module."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace


@dataclass
class EmulatorConfig:
    """Settings changed through `POST /_smsauth/config`."""

    sms_role_propagation_seconds: float = 0.0
    phone_number_activation_seconds: float = 0.0
    in_sandbox: bool = True
    # The account's SMS spending quota in USD per month and region (a new account's is 1; `sms_spend`).
    sms_spend_quota_usd: float = 1.0
    # Most items any list operation answers per page (None: each operation's own default and maximum).
    page_size: int | None = None
    # Milliseconds every signed AWS request waits before it is served (a network round trip; benchmarks), outside
    # moto's lock, so concurrent requests wait at the same time. A matching latency fault rule replaces it.
    latency_ms: int = 0


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


# What `POST /_smsauth/reset` restores: the built-in defaults, or those the server was started with
# (`server.py --sms-role-propagation-seconds`, `--sms-spend-quota-usd`, `--page-size`, `--latency-ms`).
DEFAULTS = EmulatorConfig()
CONFIG = replace(DEFAULTS)
CLOCK = Clock()
# Page sizes of single access keys (None: each operation's own), set with `POST /_smsauth/config {"accessKeyId": …}`:
# a test that counts calls keeps the operations' own paging while the rest of the suite runs with small pages.
PAGE_SIZE_BY_ACCESS_KEY: dict[str, int | None] = {}
# The access key of the AWS request being served (the middleware serves them one at a time and sets this).
_current_access_key = threading.local()


def serving(access_key_id: str) -> None:
    """Records the access key of the request the current thread serves now."""
    _current_access_key.value = access_key_id


def page_size() -> int | None:
    """The page size for the request being served: its access key's own, else the setting's."""
    key = getattr(_current_access_key, "value", None)
    if key is not None and key in PAGE_SIZE_BY_ACCESS_KEY:
        return PAGE_SIZE_BY_ACCESS_KEY[key]
    return CONFIG.page_size


def set_defaults(**settings: object) -> None:
    """Makes `settings` (EmulatorConfig field names) the defaults and the current values."""
    global DEFAULTS
    DEFAULTS = replace(DEFAULTS, **settings)
    reset()


def reset() -> None:
    """Restores the default settings and the wall clock."""
    for name, value in vars(DEFAULTS).items():
        setattr(CONFIG, name, value)
    PAGE_SIZE_BY_ACCESS_KEY.clear()
    CLOCK.reset()
