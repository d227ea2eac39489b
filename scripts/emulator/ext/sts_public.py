"""Unsigned requests: the two STS operations AWS serves without a signature, and AWS's answer for all others.

`AssumeRoleWithWebIdentity` and `AssumeRoleWithSAML` "do not require the use of AWS security credentials" (STS API
reference, both operations): the token or assertion is the proof of identity, and the SDKs send them unsigned.
moto only exempts Cognito operations (by `X-Amz-Target`), so an unsigned STS call crashes its signature check;
this patch lets exactly these two query actions through unauthenticated, as AWS does. Any other request without
an Authorization header gets AWS's 403 `MissingAuthenticationToken` ("Request is missing Authentication Token";
`MissingAuthenticationTokenException` on JSON services, reshaped by `errors.auth_error`) instead of a crash.
"""
from __future__ import annotations

from typing import Any

UNSIGNED_STS_ACTIONS = {"AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"}

_installed = False


def install() -> None:
    """Patches moto's authenticator to skip the two unsigned STS actions (idempotent)."""
    global _installed
    if _installed:
        return
    from moto.core.authorization import ActionAuthenticatorMixin

    original = ActionAuthenticatorMixin._authenticate_and_authorize_action

    def authenticate(self: Any, iam_request_cls: type, resource: str = "*") -> None:
        if _is_unsigned_sts_action(self):
            return
        if "Authorization" not in getattr(self, "headers", {}) and _auth_enforced(self):
            raise _missing_token_error()()
        original(self, iam_request_cls, resource)

    ActionAuthenticatorMixin._authenticate_and_authorize_action = authenticate  # type: ignore[method-assign]
    _installed = True


def _auth_enforced(response: Any) -> bool:
    """Whether moto would check this request (past the initial no-auth count, not a public Cognito operation)."""
    from moto import settings
    from moto.core.authorization import ActionAuthenticatorMixin

    if ActionAuthenticatorMixin.request_count < settings.INITIAL_NO_AUTH_ACTION_COUNT:
        return False
    return response.headers.get("X-Amz-Target") not in ActionAuthenticatorMixin.PUBLIC_OPERATIONS


def _missing_token_error() -> type:
    """moto's error class for AWS's `MissingAuthenticationToken` (403)."""
    from moto.core.exceptions import _RESTError

    class MissingAuthenticationToken(_RESTError):
        code = 403

        def __init__(self) -> None:
            super().__init__("MissingAuthenticationToken", "Request is missing Authentication Token")

    return MissingAuthenticationToken


def _is_unsigned_sts_action(response: Any) -> bool:
    """True for an STS request without an Authorization header whose action is one of the unsigned ones."""
    if getattr(response, "service_name", None) != "sts":
        return False
    if "Authorization" in getattr(response, "headers", {}):
        return False
    try:
        return response._get_action() in UNSIGNED_STS_ACTIONS
    except Exception:  # noqa: BLE001 - an unparseable request is left to moto's own checks
        return False
