"""IAM rules moto is lenient about (ext/iam_rules.py): trust and identity policy documents, permissions boundaries,
IAM's signing region."""
from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError
from conftest import REGION, Emulator

TRUST = (
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},'
    '"Action":"sts:AssumeRole"}]}'
)
PUBLISH = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}'


def failure(call) -> tuple[str, int, str]:  # type: ignore[no-untyped-def]
    """(code, HTTP status, message) of a failing boto3 call."""
    with pytest.raises(ClientError) as raised:
        call()
    response = raised.value.response
    return response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Message"]


@pytest.mark.parametrize("document, message", [
    ("{}", "Syntax errors in policy."),
    ('{"Version":"2012-10-17","Statement":[]}', "Syntax errors in policy."),
    ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}',
     "Missing required field Principal"),
])
def test_malformed_trust_policies_are_refused(fresh: Emulator, document: str, message: str) -> None:
    iam = fresh.client("iam")
    assert failure(lambda: iam.create_role(RoleName="r", AssumeRolePolicyDocument=document)) == (
        "MalformedPolicyDocument", 400, message)
    iam.create_role(RoleName="r", AssumeRolePolicyDocument=TRUST)
    assert failure(lambda: iam.update_assume_role_policy(RoleName="r", PolicyDocument=document))[:2] == (
        "MalformedPolicyDocument", 400)
    iam.update_assume_role_policy(RoleName="r", PolicyDocument=TRUST)


def test_identity_policy_with_a_principal_is_refused(fresh: Emulator) -> None:
    iam = fresh.client("iam")
    iam.create_role(RoleName="r", AssumeRolePolicyDocument=TRUST)
    with_principal = PUBLISH.replace('"Effect":"Allow"', '"Effect":"Allow","Principal":"*"')
    assert failure(lambda: iam.put_role_policy(RoleName="r", PolicyName="p", PolicyDocument=with_principal)) == (
        "MalformedPolicyDocument", 400, "Policy document should not specify a principal.")
    iam.put_role_policy(RoleName="r", PolicyName="p", PolicyDocument=PUBLISH)


def test_permissions_boundary_must_exist(fresh: Emulator) -> None:
    iam = fresh.client("iam")
    missing = "arn:aws:iam::123456789012:policy/missing"
    code, status, message = failure(lambda: iam.create_role(
        RoleName="r", AssumeRolePolicyDocument=TRUST, PermissionsBoundary=missing))
    assert (code, status) == ("NoSuchEntity", 404) and missing in message
    assert failure(lambda: iam.get_role(RoleName="r"))[0] == "NoSuchEntity"
    iam.create_role(RoleName="r", AssumeRolePolicyDocument=TRUST)
    assert failure(lambda: iam.put_role_permissions_boundary(RoleName="r", PermissionsBoundary=missing))[:2] == (
        "NoSuchEntity", 404)
    boundary = iam.create_policy(PolicyName="boundary", PolicyDocument=PUBLISH)["Policy"]["Arn"]
    iam.put_role_permissions_boundary(RoleName="r", PermissionsBoundary=boundary)
    assert iam.get_role(RoleName="r")["Role"]["PermissionsBoundary"]["PermissionsBoundaryArn"] == boundary


def test_iam_is_signed_for_us_east_1(fresh: Emulator) -> None:
    keys = fresh.credentials()
    elsewhere = boto3.client("iam", endpoint_url=fresh.url, region_name="eu-west-1",
                             aws_access_key_id=keys["accessKeyId"], aws_secret_access_key=keys["secretAccessKey"])
    assert failure(lambda: elsewhere.list_roles()) == (
        "SignatureDoesNotMatch", 403, "Credential should be scoped to a valid region.")
    assert REGION == "us-east-1"
    assert fresh.client("iam").list_roles()["Roles"] == []
    calls = [call for call in fresh.control("GET", "calls") if call["operation"] == "ListRoles"]
    assert [(call["region"], call["status"]) for call in calls] == [("eu-west-1", 403), ("us-east-1", 200)]
