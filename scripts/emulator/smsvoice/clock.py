"""The emulator's clock and its one time-related setting.

Statuses that change with time (a requested phone number goes PENDING -> ACTIVE) are
computed from this clock on every read; no thread ever runs. Tests freeze and advance it.
"""

import time


class Clock:
    """Epoch-seconds clock: the system time unless frozen with ``set``."""

    def __init__(self) -> None:
        self._frozen: float | None = None

    def now(self) -> float:
        """The current time in epoch seconds."""
        return time.time() if self._frozen is None else self._frozen

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


clock = Clock()
settings = Settings()
