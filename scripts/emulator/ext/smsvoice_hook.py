"""Guarded link to the End User Messaging SMS service package (`scripts/emulator/smsvoice`), written separately."""
from __future__ import annotations

import importlib
import logging
from types import ModuleType

from . import paging, state

LOG = logging.getLogger("smsauth.emulator")

_module: ModuleType | None = None


def load() -> bool:
    """Imports `smsvoice`, calls its `register()` and makes its clock follow the emulator clock (so
    `POST /_smsauth/clock` activates PENDING numbers); logs a warning and returns False when it is absent."""
    global _module
    try:
        _module = importlib.import_module("smsvoice")
    except ImportError as error:
        LOG.warning("smsvoice package not available, sms-voice is not served: %s", error)
        _module = None
        return False
    _module.register()
    _module.clock.follow(state.CLOCK.now)
    paging.install_smsvoice(importlib.import_module("smsvoice.responses"))
    return True


def available() -> bool:
    """Whether sms-voice is served."""
    return _module is not None


def configure(activation_seconds: float, access_key_id: str | None = None) -> None:
    """Forwards the phone-number activation delay (for every key, or only `access_key_id`) to smsvoice when loaded."""
    if _module is not None:
        _module.configure(activation_seconds=activation_seconds, access_key_id=access_key_id)


def set_account_tier(account_id: str, region: str, tier: str) -> bool:
    """Sets End User Messaging's account tier of `account_id` in `region` (ValueError for an unknown tier); False
    when smsvoice is not loaded."""
    if _module is None:
        return False
    _module.set_account_tier(account_id, region, tier)
    return True


def review_registration(account_id: str, region: str, registration_id: str, outcome: str,
                        reasons: list[dict[str, str]]) -> dict[str, object] | None:
    """The registration reviewer's decision (see smsvoice.review_registration); None when smsvoice is not loaded."""
    if _module is None:
        return None
    return _module.review_registration(account_id, region, registration_id, outcome, reasons)


def reset() -> None:
    """Resets smsvoice's state when it is loaded."""
    if _module is not None:
        _module.reset()
