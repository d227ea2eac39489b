"""IAM propagation of trust and inline policy updates (ext/iam_propagation.py): Cognito sees the previous documents
for `smsRolePropagationSeconds` after a change; IAM itself answers with the new ones at once."""
from __future__ import annotations

import json

from conftest import Emulator
from test_emulator_cognito import EXTERNAL_ID, TRUST, error_code, sms_role


def rotated_trust(external_id: str) -> str:
    trust = json.loads(json.dumps(TRUST))
    trust["Statement"][0]["Condition"]["StringEquals"]["sts:ExternalId"] = external_id
    return json.dumps(trust)


def test_external_id_rotation_waits_for_the_new_trust_policy(fresh: Emulator) -> None:
    fresh.control("POST", "config", {"smsRolePropagationSeconds": 60})
    sms = sms_role(fresh)
    fresh.control("POST", "clock", {"advanceSeconds": 61})
    cognito, iam = fresh.client("cognito-idp"), fresh.client("iam")
    pool_id = cognito.create_user_pool(PoolName="p", SmsConfiguration=sms)["UserPool"]["Id"]
    iam.update_assume_role_policy(RoleName="sms", PolicyDocument=rotated_trust("ext-2"))
    assert "ext-2" in json.dumps(iam.get_role(RoleName="sms")["Role"]["AssumeRolePolicyDocument"])
    rotated = {**sms, "ExternalId": "ext-2"}
    assert error_code(lambda: cognito.update_user_pool(UserPoolId=pool_id, SmsConfiguration=rotated)) == (
        "InvalidSmsRoleTrustRelationshipException")
    cognito.update_user_pool(UserPoolId=pool_id, SmsConfiguration=sms)  # the old ExternalId still works meanwhile
    fresh.control("POST", "clock", {"advanceSeconds": 61})
    cognito.update_user_pool(UserPoolId=pool_id, SmsConfiguration=rotated)
    assert error_code(lambda: cognito.update_user_pool(UserPoolId=pool_id, SmsConfiguration=sms)) == (
        "InvalidSmsRoleTrustRelationshipException")
    assert sms["ExternalId"] == EXTERNAL_ID


def test_inline_policy_changes_propagate_too(fresh: Emulator) -> None:
    sms = sms_role(fresh, publish=False)
    cognito, iam = fresh.client("cognito-idp"), fresh.client("iam")
    fresh.control("POST", "config", {"smsRolePropagationSeconds": 30})
    fresh.control("POST", "clock", {"advanceSeconds": 31})
    assert error_code(lambda: cognito.create_user_pool(PoolName="p", SmsConfiguration=sms)) == (
        "InvalidSmsRoleAccessPolicyException")
    iam.put_role_policy(RoleName="sms", PolicyName="publish", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}]}))
    assert error_code(lambda: cognito.create_user_pool(PoolName="p", SmsConfiguration=sms)) == (
        "InvalidSmsRoleAccessPolicyException")
    fresh.control("POST", "clock", {"advanceSeconds": 31})
    pool_id = cognito.create_user_pool(PoolName="p", SmsConfiguration=sms)["UserPool"]["Id"]
    iam.delete_role_policy(RoleName="sms", PolicyName="publish")
    cognito.update_user_pool(UserPoolId=pool_id, SmsConfiguration=sms)  # the deletion has not reached Cognito yet
    fresh.control("POST", "clock", {"advanceSeconds": 31})
    assert error_code(lambda: cognito.update_user_pool(UserPoolId=pool_id, SmsConfiguration=sms)) == (
        "InvalidSmsRoleAccessPolicyException")
