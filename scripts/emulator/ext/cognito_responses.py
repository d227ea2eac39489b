"""Members of Cognito's answers that moto 5.2.1 never returns (README "Cognito rules", complete responses).

- DescribeUserPool / CreateUserPool: `UserPoolTier` (model: "Defaults to ESSENTIALS"; kept by an UpdateUserPool
  that omits it) and `SmsConfigurationFailure` for a pool with an SmsConfiguration that cannot send: the model's
  comma-separated reasons `InvalidSmsRoleTrustRelationshipException` / `InvalidSmsRoleAccessPolicyException` (the
  role as it is now) and `SNSSandbox` (the account is in the SNS SMS sandbox, `inSandbox`).
  `EmailConfigurationFailure` is not produced: the model marks it deprecated (errors go to CloudTrail instead).
- GetUserPoolMfaConfig / SetUserPoolMfaConfig: `WebAuthnConfiguration` (default `{"UserVerification": "preferred"}`)
  and `EmailMfaConfiguration` once set. Email MFA needs the Essentials tier or higher and a pool that sends email
  with Amazon SES (`EmailSendingAccount: DEVELOPER`), else `InvalidParameterException`.
"""
from __future__ import annotations

from typing import Any

from moto.cognitoidp.models import DEFAULT_USER_POOL_CONFIG, CognitoIdpUserPool

from . import sms_role, state
from .cognito_errors import CognitoError, InvalidParameter

DEFAULT_TIER = "ESSENTIALS"
DEFAULT_WEBAUTHN = {"UserVerification": "preferred"}
EMAIL_MFA_NEEDS_SES = "Email MFA requires the user pool to send email with Amazon SES (EmailSendingAccount DEVELOPER)."
EMAIL_MFA_NEEDS_TIER = "Email MFA is not available in the LITE tier."

_WEBAUTHN = "_smsauth_webauthn"
_EMAIL_MFA = "_smsauth_email_mfa"
_installed = False


def install() -> None:
    """Adds UserPoolTier's default and SmsConfigurationFailure to moto's pool JSON (idempotent)."""
    global _installed
    if _installed:
        return
    DEFAULT_USER_POOL_CONFIG.setdefault("UserPoolTier", DEFAULT_TIER)
    original = CognitoIdpUserPool.to_json

    def to_json(self: CognitoIdpUserPool, extended: bool = False) -> dict[str, Any]:
        result = original(self, extended)
        if extended:
            failure = sms_configuration_failure(self)
            if failure:
                result["SmsConfigurationFailure"] = failure
        return result

    CognitoIdpUserPool.to_json = to_json  # type: ignore[method-assign]
    _installed = True


def sms_configuration_failure(pool: CognitoIdpUserPool) -> str:
    """Why the pool's SMS configuration cannot send now ("" when it can, or when there is none)."""
    sms = pool.extended_config.get("SmsConfiguration")
    if not sms:
        return ""
    reasons = []
    try:
        sms_role.check(sms, pool.account_id, pool.region)
    except CognitoError as error:
        reasons.append(error.error_type)
    if state.CONFIG.in_sandbox:
        reasons.append("SNSSandbox")
    return ",".join(reasons)


def set_mfa_extras(pool: CognitoIdpUserPool, params: dict[str, Any], mfa: str) -> None:
    """Applies SetUserPoolMfaConfig's WebAuthnConfiguration and EmailMfaConfiguration (checked first)."""
    email = params.get("EmailMfaConfiguration")
    if email is not None:
        if pool.extended_config.get("UserPoolTier", DEFAULT_TIER) == "LITE":
            raise InvalidParameter(EMAIL_MFA_NEEDS_TIER)
        if (pool.extended_config.get("EmailConfiguration") or {}).get("EmailSendingAccount") != "DEVELOPER":
            raise InvalidParameter(EMAIL_MFA_NEEDS_SES)
    if params.get("WebAuthnConfiguration") is not None:
        setattr(pool, _WEBAUTHN, params["WebAuthnConfiguration"])
    setattr(pool, _EMAIL_MFA, email if mfa != "OFF" else None)


def mfa_extras(pool: CognitoIdpUserPool) -> dict[str, Any]:
    """The WebAuthn and email MFA members of GetUserPoolMfaConfig (absent ones omitted)."""
    extras: dict[str, Any] = {"WebAuthnConfiguration": getattr(pool, _WEBAUTHN, None) or dict(DEFAULT_WEBAUTHN)}
    email = getattr(pool, _EMAIL_MFA, None)
    if email is not None:
        extras["EmailMfaConfiguration"] = email
    return extras
