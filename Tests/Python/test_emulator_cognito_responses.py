"""Members of Cognito's answers moto never returned (ext/cognito_responses.py): UserPoolTier,
SmsConfigurationFailure, WebAuthnConfiguration, EmailMfaConfiguration."""
from __future__ import annotations

import json

from botocore.exceptions import ClientError
from conftest import Emulator
from test_emulator_cognito import PUBLISH, sms_role

SES = {"EmailSendingAccount": "DEVELOPER", "SourceArn": "arn:aws:ses:us-east-1:123456789012:identity/a@example.com",
       "From": "a@example.com"}


def test_user_pool_tier_defaults_to_essentials_and_survives_updates(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool = cognito.create_user_pool(PoolName="p")["UserPool"]
    assert pool["UserPoolTier"] == "ESSENTIALS"
    cognito.update_user_pool(UserPoolId=pool["Id"], UserPoolTier="PLUS")
    cognito.update_user_pool(UserPoolId=pool["Id"])
    assert cognito.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]["UserPoolTier"] == "PLUS"


def test_sms_configuration_failure(fresh: Emulator) -> None:
    cognito, iam = fresh.client("cognito-idp"), fresh.client("iam")
    assert "SmsConfigurationFailure" not in cognito.create_user_pool(PoolName="plain")["UserPool"]
    pool_id = cognito.create_user_pool(PoolName="p", SmsConfiguration=sms_role(fresh))["UserPool"]["Id"]
    describe = lambda: cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"].get("SmsConfigurationFailure")  # noqa: E731
    assert describe() == "SNSSandbox"
    fresh.control("POST", "config", {"inSandbox": False})
    assert describe() is None
    iam.delete_role_policy(RoleName="sms", PolicyName="publish")
    assert describe() == "InvalidSmsRoleAccessPolicyException"
    fresh.control("POST", "config", {"inSandbox": True})
    assert describe() == "InvalidSmsRoleAccessPolicyException,SNSSandbox"
    iam.put_role_policy(RoleName="sms", PolicyName="publish", PolicyDocument=json.dumps(PUBLISH))
    assert describe() == "SNSSandbox"


def test_webauthn_configuration_default_and_set(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool_id = cognito.create_user_pool(PoolName="p")["UserPool"]["Id"]
    assert cognito.get_user_pool_mfa_config(UserPoolId=pool_id)["WebAuthnConfiguration"] == {
        "UserVerification": "preferred"}
    answer = cognito.set_user_pool_mfa_config(
        UserPoolId=pool_id, MfaConfiguration="OFF",
        WebAuthnConfiguration={"RelyingPartyId": "auth.example.com", "UserVerification": "required"})
    expected = {"RelyingPartyId": "auth.example.com", "UserVerification": "required"}
    assert answer["WebAuthnConfiguration"] == expected
    assert cognito.get_user_pool_mfa_config(UserPoolId=pool_id)["WebAuthnConfiguration"] == expected


def test_email_mfa_needs_ses_and_a_factor_mode(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    email = {"Message": "Code {####}", "Subject": "Your code"}
    plain = cognito.create_user_pool(PoolName="plain")["UserPool"]["Id"]
    try:
        cognito.set_user_pool_mfa_config(UserPoolId=plain, MfaConfiguration="OPTIONAL", EmailMfaConfiguration=email)
        raise AssertionError("email MFA accepted without SES")
    except ClientError as error:
        assert error.response["Error"]["Code"] == "InvalidParameterException"
    pool_id = cognito.create_user_pool(PoolName="p", EmailConfiguration=SES)["UserPool"]["Id"]
    cognito.set_user_pool_mfa_config(UserPoolId=pool_id, MfaConfiguration="OPTIONAL", EmailMfaConfiguration=email)
    config = cognito.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert config["EmailMfaConfiguration"] == email and config["MfaConfiguration"] == "OPTIONAL"
    cognito.set_user_pool_mfa_config(UserPoolId=pool_id, MfaConfiguration="OFF")
    assert "EmailMfaConfiguration" not in cognito.get_user_pool_mfa_config(UserPoolId=pool_id)
