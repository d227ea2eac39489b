"""The emulator's clock and its one time-related setting.

Statuses that change with time (a requested phone number goes PENDING -> ACTIVE) are
computed from this clock on every read; no thread ever runs. Tests freeze and advance it.
"""

import time
from collections.abc import Callable


class Clock:
    """Epoch-seconds clock: the system time (or the source set with ``follow``) unless frozen with ``set``."""

    def __init__(self) -> None:
        self._frozen: float | None = None
        self._source: Callable[[], float] = time.time

    def now(self) -> float:
        """The current time in epoch seconds."""
        return self._source() if self._frozen is None else self._frozen

    def follow(self, source: Callable[[], float] | None) -> None:
        """While not frozen, read ``source`` instead of the system time (None: the system time again).

        The emulator launcher points it at its movable clock, so ``POST /_smsauth/clock`` also moves
        phone numbers from PENDING to ACTIVE.
        """
        self._source = source or time.time

    def set(self, epoch_seconds: float) -> None:
        """Freeze the clock at ``epoch_seconds``."""
        self._frozen = float(epoch_seconds)

    def advance(self, seconds: float) -> None:
        """Move a frozen clock forward (freezing it at the current time first if needed)."""
        self._frozen = self.now() + seconds

    def use_system_time(self) -> None:
        """Unfreeze: follow the system time again."""
        self._frozen = None


class Settings:
    """Process-wide emulator settings changed through ``smsvoice.configure``."""

    def __init__(self) -> None:
        self.activation_seconds: float = 0.0
        self.activation_by_access_key: dict[str, float] = {}

    def activation_for(self, access_key_id: str | None) -> float:
        """The activation delay for numbers requested with ``access_key_id``: its own if set, else the global one."""
        if access_key_id is not None and access_key_id in self.activation_by_access_key:
            return self.activation_by_access_key[access_key_id]
        return self.activation_seconds


clock = Clock()
settings = Settings()
