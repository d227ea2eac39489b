"""Cognito rules the emulator adds to moto: tags, MFA, deletion protection, UpdateUserPool reset, SMS role."""
from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError

from conftest import Emulator

EXTERNAL_ID = "smsauth-external-id"
TRUST = {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "cognito-idp.amazonaws.com"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": EXTERNAL_ID, "aws:SourceAccount": "123456789012"}},
    }],
}
PUBLISH = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sns:Publish"], "Resource": "*"}]}


def error_code(call) -> str:  # type: ignore[no-untyped-def]
    """The AWS error code a boto3 call fails with."""
    with pytest.raises(ClientError) as raised:
        call()
    return str(raised.value.response["Error"]["Code"])


def sms_role(emulator: Emulator, name: str = "sms", trust: dict[str, Any] = TRUST, publish: bool = True) -> dict[str, str]:
    """Creates an SMS role and returns the SmsConfiguration that uses it."""
    iam = emulator.client("iam")
    arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    if publish:
        iam.put_role_policy(RoleName=name, PolicyName="publish", PolicyDocument=json.dumps(PUBLISH))
    return {"SnsCallerArn": arn, "ExternalId": EXTERNAL_ID}


def test_tags_on_create_and_tag_operations(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool = cognito.create_user_pool(PoolName="p", UserPoolTags={"team": "auth"})["UserPool"]
    assert cognito.list_tags_for_resource(ResourceArn=pool["Arn"])["Tags"] == {"team": "auth"}
    cognito.tag_resource(ResourceArn=pool["Arn"], Tags={"env": "dev"})
    cognito.untag_resource(ResourceArn=pool["Arn"], TagKeys=["team"])
    assert cognito.list_tags_for_resource(ResourceArn=pool["Arn"])["Tags"] == {"env": "dev"}
    assert cognito.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]["UserPoolTags"] == {"env": "dev"}
    missing = pool["Arn"][:-3] + "zzz"
    assert error_code(lambda: cognito.list_tags_for_resource(ResourceArn=missing)) == "ResourceNotFoundException"


def test_update_cannot_turn_mfa_on_but_set_mfa_config_can(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool_id = cognito.create_user_pool(PoolName="p")["UserPool"]["Id"]
    assert error_code(lambda: cognito.update_user_pool(UserPoolId=pool_id, MfaConfiguration="ON")) == "InvalidParameterException"
    cognito.set_user_pool_mfa_config(
        UserPoolId=pool_id, MfaConfiguration="ON", SoftwareTokenMfaConfiguration={"Enabled": True})
    assert cognito.get_user_pool_mfa_config(UserPoolId=pool_id)["MfaConfiguration"] == "ON"
    assert cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]["MfaConfiguration"] == "ON"
    cognito.update_user_pool(UserPoolId=pool_id, MfaConfiguration="ON")
    cognito.set_user_pool_mfa_config(
        UserPoolId=pool_id, MfaConfiguration="OFF", SoftwareTokenMfaConfiguration={"Enabled": False})
    assert cognito.get_user_pool_mfa_config(UserPoolId=pool_id)["MfaConfiguration"] == "OFF"


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ({"MfaConfiguration": "OFF", "SoftwareTokenMfaConfiguration": {"Enabled": True}}, "InvalidParameterException"),
        ({"MfaConfiguration": "ON"}, "InvalidParameterException"),
        ({"MfaConfiguration": "OPTIONAL", "SoftwareTokenMfaConfiguration": {"Enabled": False}}, "InvalidParameterException"),
        ({"MfaConfiguration": "OPTIONAL", "SmsMfaConfiguration": {"SmsAuthenticationMessage": "code {####}"}},
         "InvalidParameterException"),
    ],
)
def test_set_mfa_config_rejections(fresh: Emulator, arguments: dict[str, Any], code: str) -> None:
    cognito = fresh.client("cognito-idp")
    pool_id = cognito.create_user_pool(PoolName="p")["UserPool"]["Id"]
    assert error_code(lambda: cognito.set_user_pool_mfa_config(UserPoolId=pool_id, **arguments)) == code


def test_sms_mfa_with_role_and_message_rule(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool_id = cognito.create_user_pool(PoolName="p")["UserPool"]["Id"]
    sms = sms_role(fresh)
    assert error_code(lambda: cognito.set_user_pool_mfa_config(
        UserPoolId=pool_id, MfaConfiguration="ON",
        SmsMfaConfiguration={"SmsAuthenticationMessage": "no placeholder", "SmsConfiguration": sms},
    )) == "InvalidParameterException"
    cognito.set_user_pool_mfa_config(
        UserPoolId=pool_id, MfaConfiguration="ON",
        SmsMfaConfiguration={"SmsAuthenticationMessage": "Code {####}", "SmsConfiguration": sms})
    config = cognito.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert config["SmsMfaConfiguration"] == {"SmsAuthenticationMessage": "Code {####}", "SmsConfiguration": sms}
    assert cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]["SmsConfiguration"] == sms


def test_deletion_protection(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool_id = cognito.create_user_pool(PoolName="p", DeletionProtection="ACTIVE")["UserPool"]["Id"]
    assert cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]["DeletionProtection"] == "ACTIVE"
    assert error_code(lambda: cognito.delete_user_pool(UserPoolId=pool_id)) == "InvalidParameterException"
    cognito.update_user_pool(UserPoolId=pool_id, DeletionProtection="INACTIVE")
    cognito.delete_user_pool(UserPoolId=pool_id)
    assert cognito.list_user_pools(MaxResults=10)["UserPools"] == []


def test_update_resets_omitted_fields_and_keeps_immutable_ones(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:f"
    pool_id = cognito.create_user_pool(
        PoolName="before",
        UsernameAttributes=["phone_number"],
        UsernameConfiguration={"CaseSensitive": False},
        LambdaConfig={"PreSignUp": lambda_arn},
        DeviceConfiguration={"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
        DeletionProtection="ACTIVE",
        UserPoolTags={"team": "auth"},
        Policies={"PasswordPolicy": {"MinimumLength": 12}},
    )["UserPool"]["Id"]
    cognito.update_user_pool(UserPoolId=pool_id, PoolName="after", AutoVerifiedAttributes=["email"])
    pool = cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    assert pool["Name"] == "after"
    assert pool["UsernameAttributes"] == ["phone_number"]
    assert pool["UsernameConfiguration"] == {"CaseSensitive": False}
    assert pool.get("UserPoolTags", {}) == {}  # the default "reset" mode (test_emulator_fidelity.py has "kept")
    assert pool["AutoVerifiedAttributes"] == ["email"]
    assert pool.get("LambdaConfig", {}) == {}
    assert "DeviceConfiguration" not in pool
    assert pool["DeletionProtection"] == "INACTIVE"
    assert pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 8


def test_legacy_validity_days_are_refused_next_to_temporary_password_validity_days(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    both = {"AdminCreateUserConfig": {"UnusedAccountValidityDays": 5},
            "Policies": {"PasswordPolicy": {"MinimumLength": 8, "TemporaryPasswordValidityDays": 3}}}
    with pytest.raises(ClientError) as raised:
        cognito.create_user_pool(PoolName="both", **both)
    assert raised.value.response["Error"]["Code"] == "InvalidParameterException"
    assert "instead of UnusedAccountValidityDays" in raised.value.response["Error"]["Message"]
    assert cognito.list_user_pools(MaxResults=10)["UserPools"] == []
    legacy = cognito.create_user_pool(PoolName="legacy", AdminCreateUserConfig={"UnusedAccountValidityDays": 5})
    pool_id = legacy["UserPool"]["Id"]
    described = cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    # DescribeUserPool reports both; sending them back as they are is refused, and the pool keeps its settings.
    assert described["AdminCreateUserConfig"]["UnusedAccountValidityDays"] == 5
    assert described["Policies"]["PasswordPolicy"]["TemporaryPasswordValidityDays"] == 7
    refused = {"AdminCreateUserConfig": described["AdminCreateUserConfig"], "Policies": described["Policies"]}
    assert error_code(lambda: cognito.update_user_pool(UserPoolId=pool_id, **refused)) == "InvalidParameterException"
    assert cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]["AdminCreateUserConfig"] == described["AdminCreateUserConfig"]
    admin = {key: value for key, value in described["AdminCreateUserConfig"].items() if key != "UnusedAccountValidityDays"}
    cognito.update_user_pool(UserPoolId=pool_id, AdminCreateUserConfig=admin, Policies=described["Policies"])


def test_phone_auto_verification_needs_sms_configuration(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    assert error_code(lambda: cognito.create_user_pool(
        PoolName="p", AutoVerifiedAttributes=["phone_number"])) == "InvalidParameterException"
    pool_id = cognito.create_user_pool(
        PoolName="p", AutoVerifiedAttributes=["phone_number"], SmsConfiguration=sms_role(fresh))["UserPool"]["Id"]
    assert error_code(lambda: cognito.update_user_pool(
        UserPoolId=pool_id, AutoVerifiedAttributes=["phone_number"])) == "InvalidParameterException"


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("missing role", "InvalidSmsRoleTrustRelationshipException"),
        ("wrong principal", "InvalidSmsRoleTrustRelationshipException"),
        ("wrong external id", "InvalidSmsRoleTrustRelationshipException"),
        ("no publish permission", "InvalidSmsRoleAccessPolicyException"),
    ],
)
def test_sms_role_checks(fresh: Emulator, case: str, code: str) -> None:
    if case == "missing role":
        sms = {"SnsCallerArn": "arn:aws:iam::123456789012:role/none", "ExternalId": EXTERNAL_ID}
    elif case == "wrong principal":
        trust = json.loads(json.dumps(TRUST))
        trust["Statement"][0]["Principal"] = {"Service": "sns.amazonaws.com"}
        sms = sms_role(fresh, trust=trust)
    elif case == "wrong external id":
        sms = {**sms_role(fresh), "ExternalId": "other"}
    else:
        sms = sms_role(fresh, publish=False)
    cognito = fresh.client("cognito-idp")
    assert error_code(lambda: cognito.create_user_pool(PoolName="p", SmsConfiguration=sms)) == code
    pool_id = cognito.create_user_pool(PoolName="q")["UserPool"]["Id"]
    assert error_code(lambda: cognito.update_user_pool(UserPoolId=pool_id, SmsConfiguration=sms)) == code
    assert error_code(lambda: cognito.set_user_pool_mfa_config(
        UserPoolId=pool_id, MfaConfiguration="OPTIONAL", SmsMfaConfiguration={"SmsConfiguration": sms})) == code


def test_attached_managed_policy_grants_publish(fresh: Emulator) -> None:
    sms = sms_role(fresh, publish=False)
    iam = fresh.client("iam")
    document = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:*", "Resource": "*"}]}
    policy_arn = iam.create_policy(PolicyName="sns-all", PolicyDocument=json.dumps(document))["Policy"]["Arn"]
    iam.attach_role_policy(RoleName="sms", PolicyArn=policy_arn)
    fresh.client("cognito-idp").create_user_pool(PoolName="p", SmsConfiguration=sms)


def test_sms_role_propagation_delay(fresh: Emulator) -> None:
    assert fresh.control("POST", "config", {"smsRolePropagationSeconds": 120})["smsRolePropagationSeconds"] == 120
    sms = sms_role(fresh)
    cognito = fresh.client("cognito-idp")
    assert error_code(lambda: cognito.create_user_pool(PoolName="p", SmsConfiguration=sms)) == (
        "InvalidSmsRoleTrustRelationshipException")
    fresh.control("POST", "clock", {"advanceSeconds": 121})
    pool = cognito.create_user_pool(PoolName="p", SmsConfiguration=sms, MfaConfiguration="ON")["UserPool"]
    assert pool["MfaConfiguration"] == "ON" and pool["SmsConfiguration"] == sms


def test_moving_the_clock_does_not_age_roles_created_afterwards(fresh: Emulator) -> None:
    fresh.control("POST", "clock", {"advanceSeconds": 90000})
    fresh.control("POST", "config", {"smsRolePropagationSeconds": 120})
    sms = sms_role(fresh)
    cognito = fresh.client("cognito-idp")
    assert error_code(lambda: cognito.create_user_pool(PoolName="p", SmsConfiguration=sms)) == (
        "InvalidSmsRoleTrustRelationshipException")


def test_deleted_role_breaks_later_updates(fresh: Emulator) -> None:
    sms = sms_role(fresh)
    cognito = fresh.client("cognito-idp")
    pool_id = cognito.create_user_pool(PoolName="p", SmsConfiguration=sms)["UserPool"]["Id"]
    iam = fresh.client("iam")
    iam.delete_role_policy(RoleName="sms", PolicyName="publish")
    iam.delete_role(RoleName="sms")
    assert error_code(lambda: cognito.update_user_pool(UserPoolId=pool_id, SmsConfiguration=sms)) == (
        "InvalidSmsRoleTrustRelationshipException")
