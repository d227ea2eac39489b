"""End User Messaging SMS (``pinpoint-sms-voice-v2``) for the local moto emulator.

Public API (called by the emulator launcher and tests):

* ``register()``: make moto (in-process ``mock_aws`` and ``moto.server``) serve the service;
* ``configure(activation_seconds)``: how long a newly requested phone number stays PENDING;
* ``set_account_tier(account_id, region, tier)``: move one account and region in or out of the sandbox;
* ``review_registration(account_id, region, registration_id, outcome, reasons)``: the registration reviewer;
* ``reset()``: drop all emulated state.
"""

from typing import Any

from .clock import clock, settings
from .exceptions import ResourceNotFoundException
from .models import smsvoice_backends
from .registration import register_backend

__all__ = ["clock", "configure", "register", "reset", "review_registration", "set_account_tier", "smsvoice_backends"]


def register() -> None:
    """Route ``sms-voice`` requests to this package in moto; idempotent."""
    register_backend(__name__)


def configure(activation_seconds: float, access_key_id: str | None = None) -> None:
    """Numbers requested from now on report PENDING for ``activation_seconds``, then ACTIVE.

    0 (the default) makes them ACTIVE immediately, already in the RequestPhoneNumber result.
    With ``access_key_id`` the delay applies only to numbers requested with that key (tests running at the same
    time with their own keys do not see it); without, it is the default for every key without its own.
    The status is computed from ``clock`` on every read; no background work happens.
    """
    if activation_seconds < 0:
        raise ValueError("activation_seconds must not be negative")
    if access_key_id is None:
        settings.activation_seconds = float(activation_seconds)
    else:
        settings.activation_by_access_key[access_key_id] = float(activation_seconds)


def set_account_tier(account_id: str, region: str, tier: str) -> None:
    """DescribeAccountAttributes answers ``ACCOUNT_TIER`` = ``tier`` (``SANDBOXED`` or ``PRODUCTION``, else
    ValueError, as is a region the service is not offered in) for ``account_id`` in ``region`` until the next
    ``reset()``."""
    try:
        backend = smsvoice_backends[account_id][region]
    except KeyError:
        raise ValueError(f"pinpoint-sms-voice-v2 is not offered in {region}") from None
    backend.set_account_tier(tier)


def review_registration(account_id: str, region: str, registration_id: str, outcome: str,
                        reasons: list[dict[str, str]]) -> dict[str, Any]:
    """The reviewer's decision on the submitted version of a registration (``REVIEWING``, ``APPROVED`` or ``DENIED``
    with reasons; ValueError for anything else, LookupError for an unknown registration); answers the registration's
    information."""
    try:
        backend = smsvoice_backends[account_id][region]
    except KeyError:
        raise ValueError(f"pinpoint-sms-voice-v2 is not offered in {region}") from None
    try:
        return backend.review(registration_id, outcome, reasons).describe()
    except ResourceNotFoundException:
        raise LookupError(f"no registration {registration_id} in {region}") from None


def reset() -> None:
    """Clear every account's and region's emulated resources and ClientTokens, and per-key activation delays."""
    settings.activation_by_access_key.clear()
    for account_backends in list(smsvoice_backends.values()):
        account_backends.reset()
        account_backends.clear()
    smsvoice_backends.clear()
