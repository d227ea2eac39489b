"""Cognito user pool rules that moto 5.2.1 misses, patched onto its CognitoIdpResponse.

CreateUserPool, UpdateUserPool, SetUserPoolMfaConfig and DeleteUserPool are replaced; README.md lists each rule
with its source in the AWS documentation.
"""
from __future__ import annotations

from typing import Any

from moto.cognitoidp.models import DEFAULT_USER_POOL_CONFIG, CognitoIdpUserPool
from moto.cognitoidp.responses import CognitoIdpResponse
from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import utcnow

from . import cognito_responses, fidelity, sms_role
from .cognito_errors import InvalidParameter

IMMUTABLE = ("UsernameAttributes", "AliasAttributes", "UsernameConfiguration")
MFA_VALUES = ("OFF", "ON", "OPTIONAL")
MFA_ON_AFTER_CREATE = "Cannot turn MFA functionality ON, once the user pool has been created."
DELETION_PROTECTED = (
    "The user pool cannot be deleted because deletion protection is activated. "
    "Deletion protection must be inactivated first."
)
SMS_FOR_AUTO_VERIFY = "SMS configuration is required when phone_number is selected for auto verification"
SMS_FOR_MFA = "SMS configuration and Auto verification for phone_number are required when MFA is required/optional"
MFA_OFF_WITH_FACTOR = "Invalid MFA configuration given, can't turn off MFA and configure an MFA together."
MFA_WITHOUT_FACTOR = "Invalid MFA configuration given, can't turn on MFA without any enabled MFA factor."
SMS_MFA_WITHOUT_SMS = "Invalid MFA configuration given, SMS configuration is required when SMS MFA is enabled."
# Cognito's answer when a request sets both the legacy AdminCreateUserConfig.UnusedAccountValidityDays and
# Policies.PasswordPolicy.TemporaryPasswordValidityDays (botocore: "When you set TemporaryPasswordValidityDays for a
# user pool, you can no longer set a value for the legacy UnusedAccountValidityDays parameter"); DescribeUserPool
# still reports both, so an update built from a described pool must drop the legacy one.
LEGACY_VALIDITY = "Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays"


def _check_mfa_value(value: Any) -> str:
    """OFF, ON or OPTIONAL."""
    if value not in MFA_VALUES:
        raise InvalidParameter("[MfaConfiguration] must be one of 'ON', 'OFF', or 'OPTIONAL'.")
    return str(value)


def _totp_enabled(pool: CognitoIdpUserPool) -> bool:
    """Whether the pool has software-token MFA enabled."""
    return bool(pool.token_mfa_config and pool.token_mfa_config.get("Enabled"))


def _sync_mfa(pool: CognitoIdpUserPool, mfa: str) -> None:
    """Keeps DescribeUserPool's MfaConfiguration equal to GetUserPoolMfaConfig's."""
    pool.mfa_config = mfa
    pool.extended_config["MfaConfiguration"] = mfa


def _check_validity_days(params: dict[str, Any]) -> None:
    """Refuses the legacy UnusedAccountValidityDays next to TemporaryPasswordValidityDays in one request."""
    admin = params.get("AdminCreateUserConfig") or {}
    password = (params.get("Policies") or {}).get("PasswordPolicy") or {}
    if admin.get("UnusedAccountValidityDays") is not None and password.get("TemporaryPasswordValidityDays") is not None:
        raise InvalidParameter(LEGACY_VALIDITY)


def create_user_pool(self: CognitoIdpResponse) -> ActionResult:
    """CreateUserPool with the SMS configuration, MFA, template and validity-days rules."""
    params = dict(self.parameters)
    _check_validity_days(params)
    name = params.pop("PoolName", None)
    mfa = _check_mfa_value(params.get("MfaConfiguration", "OFF"))
    sms = params.get("SmsConfiguration")
    if "phone_number" in (params.get("AutoVerifiedAttributes") or []) and not sms:
        raise InvalidParameter(SMS_FOR_AUTO_VERIFY)
    if mfa != "OFF" and not sms:
        raise InvalidParameter(SMS_FOR_MFA)
    sms_role.check(sms, self.current_account, self.region)
    params.setdefault("DeletionProtection", "INACTIVE")
    pool = self.backend.create_user_pool(name, params)
    _sync_mfa(pool, mfa)
    if mfa != "OFF":
        sms_mfa: dict[str, Any] = {"SmsConfiguration": sms}
        if params.get("SmsAuthenticationMessage"):
            sms_mfa["SmsAuthenticationMessage"] = params["SmsAuthenticationMessage"]
        pool.sms_mfa_config = sms_mfa
    return ActionResult({"UserPool": pool.to_json(extended=True)})


def update_user_pool(self: CognitoIdpResponse) -> ActionResult:
    """UpdateUserPool: omitted updatable fields reset to defaults (tags per `fidelity`), immutable fields kept,
    MFA ON refused, the legacy validity days refused next to the new ones."""
    params = dict(self.parameters)
    _check_validity_days(params)
    pool = self.backend.describe_user_pool(params.pop("UserPoolId", None))
    new_name = params.pop("PoolName", None)
    mfa = _check_mfa_value(params.get("MfaConfiguration", "OFF"))
    if mfa == "ON" and pool.mfa_config != "ON":
        raise InvalidParameter(MFA_ON_AFTER_CREATE)
    sms = params.get("SmsConfiguration")
    if "phone_number" in (params.get("AutoVerifiedAttributes") or []) and not sms:
        raise InvalidParameter(SMS_FOR_AUTO_VERIFY)
    sms_mfa_on = mfa != "OFF" and pool.sms_mfa_config is not None
    if (sms_mfa_on and not sms) or (mfa != "OFF" and not sms and not _totp_enabled(pool)):
        raise InvalidParameter(SMS_FOR_MFA)
    sms_role.check(sms, self.current_account, self.region)
    kept = {key: pool.extended_config[key] for key in IMMUTABLE if key in pool.extended_config}
    if "UserPoolTier" not in params:  # AWS's documented exception to the reset of omitted attributes
        kept["UserPoolTier"] = pool.extended_config.get("UserPoolTier", cognito_responses.DEFAULT_TIER)
    if "UserPoolTags" not in params:
        omitted_tags = pool.extended_config.get("UserPoolTags", {})
        kept["UserPoolTags"] = omitted_tags if fidelity.SETTINGS.user_pool_tags_on_update == "kept" else {}
    params.setdefault("DeletionProtection", "INACTIVE")
    pool.update_extended_config({**params, **kept})
    if new_name:
        pool.name = new_name
    _sync_mfa(pool, mfa)
    if sms and pool.sms_mfa_config is not None:
        pool.sms_mfa_config["SmsConfiguration"] = sms
    pool.last_modified_date = utcnow()
    return EmptyResult()


def set_user_pool_mfa_config(self: CognitoIdpResponse) -> ActionResult:
    """SetUserPoolMfaConfig: OFF/OPTIONAL/ON at any time, with the factor and SMS role rules."""
    pool = self.backend.describe_user_pool(self._get_param("UserPoolId"))
    mfa = _check_mfa_value(self._get_param("MfaConfiguration") or pool.mfa_config)
    sms_mfa = self._get_param("SmsMfaConfiguration")
    token = self._get_param("SoftwareTokenMfaConfiguration")
    token_on = bool(token and token.get("Enabled"))
    email_on = self._get_param("EmailMfaConfiguration") is not None
    if mfa == "OFF" and (sms_mfa is not None or token_on or email_on):
        raise InvalidParameter(MFA_OFF_WITH_FACTOR)
    if mfa != "OFF" and sms_mfa is None and not token_on and not email_on:
        raise InvalidParameter(MFA_WITHOUT_FACTOR)
    cognito_responses.set_mfa_extras(pool, dict(self.parameters), mfa)
    if sms_mfa is not None:
        sms = sms_mfa.get("SmsConfiguration") or pool.extended_config.get("SmsConfiguration")
        if not sms:
            raise InvalidParameter(SMS_MFA_WITHOUT_SMS)
        sms_role.check(sms, self.current_account, self.region)
        sms_mfa = {**sms_mfa, "SmsConfiguration": sms}
        pool.extended_config["SmsConfiguration"] = sms
        if sms_mfa.get("SmsAuthenticationMessage"):
            pool.extended_config["SmsAuthenticationMessage"] = sms_mfa["SmsAuthenticationMessage"]
    pool.sms_mfa_config = sms_mfa
    pool.token_mfa_config = token
    _sync_mfa(pool, mfa)
    pool.last_modified_date = utcnow()
    return get_user_pool_mfa_config(self)


def get_user_pool_mfa_config(self: CognitoIdpResponse) -> ActionResult:
    """GetUserPoolMfaConfig without null members, with WebAuthn and email MFA."""
    pool = self.backend.describe_user_pool(self._get_param("UserPoolId"))
    result = self.backend.get_user_pool_mfa_config(pool.id) | cognito_responses.mfa_extras(pool)
    return ActionResult({key: value for key, value in result.items() if value is not None})


def delete_user_pool(self: CognitoIdpResponse) -> ActionResult:
    """DeleteUserPool refused while DeletionProtection is ACTIVE."""
    pool = self.backend.describe_user_pool(self._get_param("UserPoolId"))
    if pool.extended_config.get("DeletionProtection") == "ACTIVE":
        raise InvalidParameter(DELETION_PROTECTED)
    self.backend.delete_user_pool(pool.id)
    return EmptyResult()


def install() -> None:
    """Replaces moto's handlers and adds DeletionProtection's default to the pool defaults."""
    DEFAULT_USER_POOL_CONFIG.setdefault("DeletionProtection", "INACTIVE")
    CognitoIdpResponse.create_user_pool = create_user_pool  # type: ignore[method-assign]
    CognitoIdpResponse.update_user_pool = update_user_pool  # type: ignore[method-assign,assignment]
    CognitoIdpResponse.set_user_pool_mfa_config = set_user_pool_mfa_config  # type: ignore[method-assign]
    CognitoIdpResponse.get_user_pool_mfa_config = get_user_pool_mfa_config  # type: ignore[method-assign]
    CognitoIdpResponse.delete_user_pool = delete_user_pool  # type: ignore[method-assign]
