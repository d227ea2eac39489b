"""Cognito's End User Messaging SMS path (SmsConfiguration.EumsSms): exclusive with SnsCallerArn, the role checked
for sms-voice:SendTextMessage, and each path replacing the other on UpdateUserPool and SetUserPoolMfaConfig."""
from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from conftest import Emulator

EXTERNAL_ID = "ext-1"
TRUST = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "cognito-idp.amazonaws.com"}, "Action": "sts:AssumeRole",
    "Condition": {"StringEquals": {"sts:ExternalId": EXTERNAL_ID}},
}]}
SEND_ANY_NUMBER = {"Effect": "Allow", "Action": "sms-voice:SendTextMessage",
                   "Resource": ["arn:aws:sms-voice:*:*:phone-number/*", "arn:aws:sms-voice:*:*:configuration-set/*"]}
PUBLISH = {"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}


def role(emulator: Emulator, name: str, *statements: dict[str, Any]) -> str:
    """A role Cognito may assume, with these statements inline; its ARN."""
    iam = emulator.client("iam")
    arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"]
    iam.put_role_policy(RoleName=name, PolicyName="send",
                        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": list(statements)}))
    return str(arn)


def eums(arn: str, **extra: str) -> dict[str, Any]:
    return {"EumsSms": {"CallerArn": arn, "ExternalId": EXTERNAL_ID, **extra}}


def create_error(emulator: Emulator, sms: dict[str, Any]) -> str:
    """"" when CreateUserPool accepts this SmsConfiguration, else the error code."""
    try:
        emulator.client("cognito-idp").create_user_pool(PoolName="p", SmsConfiguration=sms)
    except ClientError as error:
        return str(error.response["Error"]["Code"])
    return ""


@pytest.mark.parametrize("statement, extra, expected", [
    (SEND_ANY_NUMBER, {}, ""),
    (SEND_ANY_NUMBER, {"ConfigurationSetName": "signin"}, ""),
    ({"Effect": "Allow", "Action": "sms-voice:SendTextMessage",
      "Resource": "arn:aws:sms-voice:*:*:configuration-set/other"}, {"ConfigurationSetName": "signin"},
     "InvalidSmsRoleAccessPolicyException"),
    (PUBLISH, {}, "InvalidSmsRoleAccessPolicyException"),
    ({"Effect": "Allow", "Action": "sms-voice:*", "Resource": "*"}, {}, ""),
])
def test_send_text_permission(fresh: Emulator, statement: dict[str, Any], extra: dict[str, str],
                              expected: str) -> None:
    assert create_error(fresh, eums(role(fresh, "eum", statement), **extra)) == expected


def test_trust_is_checked_with_the_eums_external_id(fresh: Emulator) -> None:
    arn = role(fresh, "eum", SEND_ANY_NUMBER)
    wrong = {"EumsSms": {"CallerArn": arn, "ExternalId": "other"}}
    assert create_error(fresh, wrong) == "InvalidSmsRoleTrustRelationshipException"


def test_the_two_paths_are_exclusive(fresh: Emulator) -> None:
    both = {"SnsCallerArn": role(fresh, "sns", PUBLISH), **eums(role(fresh, "eum", SEND_ANY_NUMBER))}
    assert create_error(fresh, both) == "InvalidParameterException"
    assert create_error(fresh, {"ExternalId": EXTERNAL_ID}) == "InvalidParameterException"


def test_each_path_replaces_the_other(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    sns = {"SnsCallerArn": role(fresh, "sns", PUBLISH), "ExternalId": EXTERNAL_ID}
    eum = eums(role(fresh, "eum", SEND_ANY_NUMBER), ConfigurationSetName="signin")
    pool_id = cognito.create_user_pool(PoolName="p", SmsConfiguration=sns)["UserPool"]["Id"]
    cognito.update_user_pool(UserPoolId=pool_id, SmsConfiguration=eum, UserPoolTags={})
    assert cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]["SmsConfiguration"] == eum
    cognito.set_user_pool_mfa_config(UserPoolId=pool_id, MfaConfiguration="OPTIONAL",
                                     SmsMfaConfiguration={"SmsConfiguration": sns})
    described = cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    assert described["SmsConfiguration"] == sns
    assert "InvalidSmsRole" not in described.get("SmsConfigurationFailure", "")  # only the SNS sandbox remains
    mfa = cognito.set_user_pool_mfa_config(UserPoolId=pool_id, MfaConfiguration="OPTIONAL",
                                           SmsMfaConfiguration={"SmsConfiguration": eum})
    assert mfa["SmsMfaConfiguration"]["SmsConfiguration"] == eum
