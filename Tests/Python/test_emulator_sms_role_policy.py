"""The SMS role check of Cognito (ext/sms_role.py with ext/policy_eval.py): the trust policy's account condition and
Deny statements, and the publish permission evaluated with Resource, Deny, NotAction, Condition and the boundary."""
from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from conftest import Emulator

EXTERNAL_ID = "ext-1"
COGNITO = {"Service": "cognito-idp.amazonaws.com"}


def trust(account: str = "123456789012", deny: bool = False) -> dict[str, Any]:
    """A trust policy for Cognito with the ExternalId and SourceAccount conditions (plus a Deny when asked)."""
    statements: list[dict[str, Any]] = [{
        "Effect": "Allow", "Principal": COGNITO, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": EXTERNAL_ID, "aws:SourceAccount": account}},
    }]
    if deny:
        statements.append({"Effect": "Deny", "Principal": COGNITO, "Action": "sts:AssumeRole"})
    return {"Version": "2012-10-17", "Statement": statements}


def policy(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


ALLOW_PUBLISH = {"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}


def outcome(emulator: Emulator, role_trust: dict[str, Any], inline: list[str], boundary: str | None = None) -> str:
    """Creates the role and a pool using it: "" when CreateUserPool accepts it, else the error code."""
    iam = emulator.client("iam")
    arn = iam.create_role(RoleName="sms", AssumeRolePolicyDocument=json.dumps(role_trust))["Role"]["Arn"]
    for index, document in enumerate(inline):
        iam.put_role_policy(RoleName="sms", PolicyName=f"p{index}", PolicyDocument=document)
    if boundary is not None:
        boundary_arn = iam.create_policy(PolicyName="boundary", PolicyDocument=boundary)["Policy"]["Arn"]
        iam.put_role_permissions_boundary(RoleName="sms", PermissionsBoundary=boundary_arn)
    try:
        emulator.client("cognito-idp").create_user_pool(
            PoolName="p", SmsConfiguration={"SnsCallerArn": arn, "ExternalId": EXTERNAL_ID})
    except ClientError as error:
        return str(error.response["Error"]["Code"])
    return ""


TRUST_ERROR = "InvalidSmsRoleTrustRelationshipException"
ACCESS_ERROR = "InvalidSmsRoleAccessPolicyException"


def test_source_account_condition(fresh: Emulator) -> None:
    assert outcome(fresh, trust(account="999999999999"), [policy(ALLOW_PUBLISH)]) == TRUST_ERROR
    fresh.control("POST", "reset", {})
    assert outcome(fresh, trust(), [policy(ALLOW_PUBLISH)]) == ""


def test_deny_in_the_trust_policy(fresh: Emulator) -> None:
    assert outcome(fresh, trust(deny=True), [policy(ALLOW_PUBLISH)]) == TRUST_ERROR


@pytest.mark.parametrize("statements, expected", [
    ([ALLOW_PUBLISH], ""),
    ([{"Effect": "Allow", "Action": "sns:*", "Resource": "*"}], ""),
    ([{"Effect": "Allow", "Action": "sns:Publish", "Resource": "arn:aws:sns:us-east-1:123456789012:topic"}],
     ACCESS_ERROR),
    ([ALLOW_PUBLISH, {"Effect": "Deny", "Action": "sns:Publish", "Resource": "*"}], ACCESS_ERROR),
    ([ALLOW_PUBLISH, {"Effect": "Deny", "NotAction": "sns:Publish", "Resource": "*"}], ""),
    ([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}], ""),
    ([{"Effect": "Allow", "NotAction": "sns:Publish", "Resource": "*"}], ACCESS_ERROR),
    ([{"Effect": "Allow", "Action": "sns:Publish", "NotResource": "arn:aws:sns:*:*:topic"}], ""),
    ([{**ALLOW_PUBLISH, "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}], ACCESS_ERROR),
])
def test_publish_permission(fresh: Emulator, statements: list[dict[str, Any]], expected: str) -> None:
    assert outcome(fresh, trust(), [policy(*statements)]) == expected


@pytest.mark.parametrize("boundary, expected", [
    (policy(ALLOW_PUBLISH), ""),
    (policy({"Effect": "Allow", "Action": "iam:*", "Resource": "*"}), ACCESS_ERROR),
    (policy({"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "sns:*", "Resource": "*"}),
     ACCESS_ERROR),
])
def test_permissions_boundary(fresh: Emulator, boundary: str, expected: str) -> None:
    assert outcome(fresh, trust(), [policy(ALLOW_PUBLISH)], boundary=boundary) == expected
