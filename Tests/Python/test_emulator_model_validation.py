"""Model validation (ext/model_validation.py): one accepted and one refused request per constraint kind per service.

Clients are built with `parameter_validation=False`, so the requests reach the emulator as a hand-written or buggy
client would send them. An accepted request may still fail for another reason (an unknown pool); the test then
checks that the answer is not the validation error.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError
from conftest import Emulator

COGNITO_INVALID = ("InvalidParameterException", 400)
QUERY_INVALID = ("ValidationError", 400)
ROLE_ARN = "arn:aws:iam::123456789012:role/smsauth-sms"
TRUST = (
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},'
    '"Action":"sts:AssumeRole"}]}'
)


def outcome(call: Callable[[], Any]) -> tuple[str, int, str]:
    """(error code, HTTP status, message) of a call, or ("", 200, "") when it succeeds."""
    try:
        call()
    except ClientError as error:
        response = error.response
        return response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Message"]
    return "", 200, ""


def refused(call: Callable[[], Any], expected: tuple[str, int], field: str) -> str:
    """Asserts the call is refused with `expected` naming `field`; returns the message."""
    code, status, message = outcome(call)
    assert (code, status) == expected, message
    assert f"'{field}'" in message, message
    return message


def accepted(call: Callable[[], Any], expected: tuple[str, int]) -> None:
    """Asserts the call passed model validation (it may fail later for another reason)."""
    code, status, message = outcome(call)
    assert (code, status) != expected, message


@pytest.fixture()
def clients(fresh: Emulator) -> Callable[[str], Any]:
    """boto3 clients without client-side validation."""
    return lambda service: fresh.client(service, parameter_validation=False)


# cognito-idp (JSON 1.1): InvalidParameterException; SerializationException for a wrong JSON type.

def test_cognito_required_member(clients: Callable[[str], Any]) -> None:
    cognito = clients("cognito-idp")
    message = refused(lambda: cognito.describe_user_pool(), COGNITO_INVALID, "userPoolId")
    assert "Value null at 'userPoolId' failed to satisfy constraint: Member must not be null" in message
    accepted(lambda: cognito.describe_user_pool(UserPoolId="us-east-1_abc"), COGNITO_INVALID)


def test_cognito_malformed_pool_id_is_invalid_not_absent(clients: Callable[[str], Any]) -> None:
    cognito = clients("cognito-idp")
    message = refused(lambda: cognito.describe_user_pool(UserPoolId="no such pool"), COGNITO_INVALID, "userPoolId")
    assert message == (
        "1 validation error detected: Value 'no such pool' at 'userPoolId' failed to satisfy constraint: "
        "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"
    )
    assert outcome(lambda: cognito.describe_user_pool(UserPoolId="us-east-1_abc"))[0] == "ResourceNotFoundException"


def test_cognito_wrong_json_type(clients: Callable[[str], Any]) -> None:
    cognito = clients("cognito-idp")
    policy = {"PasswordPolicy": {"MinimumLength": "8"}}
    code, status, message = outcome(lambda: cognito.create_user_pool(PoolName="p", Policies=policy))
    assert (code, status) == ("SerializationException", 400)
    assert "policies.passwordPolicy.minimumLength" in message
    pool = cognito.create_user_pool(PoolName="p", Policies={"PasswordPolicy": {"MinimumLength": 8}})["UserPool"]
    assert pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 8


def test_cognito_numeric_range(clients: Callable[[str], Any]) -> None:
    cognito = clients("cognito-idp")
    too_short = {"PasswordPolicy": {"MinimumLength": 5}}
    message = refused(lambda: cognito.create_user_pool(PoolName="p", Policies=too_short), COGNITO_INVALID,
                      "policies.passwordPolicy.minimumLength")
    assert "Member must have value greater than or equal to 6" in message
    refused(lambda: cognito.list_user_pools(MaxResults=61), COGNITO_INVALID, "maxResults")
    assert cognito.list_user_pools(MaxResults=60)["UserPools"] == []


def test_cognito_enum(clients: Callable[[str], Any]) -> None:
    cognito = clients("cognito-idp")
    message = refused(lambda: cognito.create_user_pool(PoolName="p", DeletionProtection="MAYBE"), COGNITO_INVALID,
                      "deletionProtection")
    assert "Member must satisfy enum value set: [ACTIVE, INACTIVE]" in message
    accepted(lambda: cognito.create_user_pool(PoolName="p", DeletionProtection="ACTIVE"), COGNITO_INVALID)


def test_cognito_string_and_list_length(clients: Callable[[str], Any]) -> None:
    cognito = clients("cognito-idp")
    message = refused(lambda: cognito.create_user_pool(PoolName="p" * 129), COGNITO_INVALID, "poolName")
    assert "Member must have length less than or equal to 128" in message
    pool_id = cognito.create_user_pool(PoolName="p" * 128)["UserPool"]["Id"]
    flows = ["code", "implicit", "client_credentials", "code"]
    refused(lambda: cognito.create_user_pool_client(UserPoolId=pool_id, ClientName="c", AllowedOAuthFlows=flows),
            COGNITO_INVALID, "allowedOAuthFlows")
    accepted(lambda: cognito.create_user_pool_client(UserPoolId=pool_id, ClientName="c", AllowedOAuthFlows=flows[:3]),
             COGNITO_INVALID)


def test_cognito_pattern_in_nested_member_and_sensitive_values_not_echoed(clients: Callable[[str], Any]) -> None:
    cognito = clients("cognito-idp")
    message = refused(lambda: cognito.create_user_pool(PoolName="p", SmsVerificationMessage="no placeholder"),
                      COGNITO_INVALID, "smsVerificationMessage")
    assert "Member must satisfy regular expression pattern: .*\\{####\\}.*" in message
    accepted(lambda: cognito.create_user_pool(PoolName="p", SmsVerificationMessage="Code {####}"), COGNITO_INVALID)
    pool_id = cognito.create_user_pool(PoolName="q")["UserPool"]["Id"]
    message = refused(lambda: cognito.describe_user_pool_client(UserPoolId=pool_id, ClientId="secret value!"),
                      COGNITO_INVALID, "clientId")
    assert "secret value!" not in message


# iam (query): ValidationError, HTTP 400, type Sender.

def test_iam_required_and_pattern(clients: Callable[[str], Any]) -> None:
    iam = clients("iam")
    refused(lambda: iam.get_role(), QUERY_INVALID, "roleName")
    message = refused(lambda: iam.get_role(RoleName="bad role"), QUERY_INVALID, "roleName")
    assert "regular expression pattern: [\\w+=,.@-]+" in message
    assert outcome(lambda: iam.get_role(RoleName="good-role"))[0] == "NoSuchEntity"


def test_iam_error_is_sender_typed(clients: Callable[[str], Any]) -> None:
    with pytest.raises(ClientError) as raised:
        clients("iam").get_role(RoleName="bad role")
    assert raised.value.response["Error"]["Type"] == "Sender"


def test_iam_string_length_list_length_and_range(clients: Callable[[str], Any]) -> None:
    iam = clients("iam")
    refused(lambda: iam.create_role(RoleName="r" * 65, AssumeRolePolicyDocument=TRUST), QUERY_INVALID, "roleName")
    iam.create_role(RoleName="r" * 64, AssumeRolePolicyDocument=TRUST)
    tags = [{"Key": f"k{index}", "Value": "v"} for index in range(51)]
    refused(lambda: iam.create_role(RoleName="t", AssumeRolePolicyDocument=TRUST, Tags=tags), QUERY_INVALID, "tags")
    iam.create_role(RoleName="t", AssumeRolePolicyDocument=TRUST, Tags=tags[:50])
    refused(lambda: iam.list_roles(MaxItems=1001), QUERY_INVALID, "maxItems")
    assert len(iam.list_roles(MaxItems=1000)["Roles"]) == 2


def test_iam_enum_and_malformed_number(clients: Callable[[str], Any]) -> None:
    iam = clients("iam")
    refused(lambda: iam.list_policies(Scope="Everything"), QUERY_INVALID, "scope")
    assert iam.list_policies(Scope="Local")["Policies"] == []
    iam_raw = clients("iam")
    iam_raw.meta.events.register("before-sign.iam.ListRoles", _replace_body(b"MaxItems=1", b"MaxItems=ten"))
    refused(lambda: iam_raw.list_roles(MaxItems=1), QUERY_INVALID, "maxItems")


def _replace_body(old: bytes, new: bytes) -> Callable[..., None]:
    """A botocore hook that rewrites the form body before signing (a value boto3 cannot send otherwise)."""
    def rewrite(request: Any, **_: Any) -> None:
        request.data = request.body.replace(old, new)
    return rewrite


# sts (query): ValidationError.

def test_sts_required_length_range_pattern(clients: Callable[[str], Any]) -> None:
    sts = clients("sts")
    refused(lambda: sts.assume_role(RoleArn=ROLE_ARN), QUERY_INVALID, "roleSessionName")
    refused(lambda: sts.assume_role(RoleArn=ROLE_ARN, RoleSessionName="s" * 65), QUERY_INVALID, "roleSessionName")
    refused(lambda: sts.assume_role(RoleArn=ROLE_ARN, RoleSessionName="bad name"), QUERY_INVALID, "roleSessionName")
    refused(lambda: sts.assume_role(RoleArn="arn:aws:iam::1:r", RoleSessionName="s"), QUERY_INVALID, "roleArn")
    refused(lambda: sts.assume_role(RoleArn=ROLE_ARN, RoleSessionName="s", DurationSeconds=899), QUERY_INVALID,
            "durationSeconds")
    tags = [{"Key": f"k{index}", "Value": "v"} for index in range(51)]
    refused(lambda: sts.assume_role(RoleArn=ROLE_ARN, RoleSessionName="s", Tags=tags), QUERY_INVALID, "tags")
    accepted(lambda: sts.assume_role(RoleArn=ROLE_ARN, RoleSessionName="s" * 64, DurationSeconds=900, Tags=tags[:50]),
             QUERY_INVALID)


# sns (query): ValidationError.

def test_sns_required_length_range_pattern_enum(clients: Callable[[str], Any]) -> None:
    sns = clients("sns")
    phone = "+15555550100"
    refused(lambda: sns.verify_sms_sandbox_phone_number(PhoneNumber=phone), QUERY_INVALID, "oneTimePassword")
    refused(lambda: sns.verify_sms_sandbox_phone_number(PhoneNumber=phone, OneTimePassword="1234"), QUERY_INVALID,
            "oneTimePassword")
    refused(lambda: sns.verify_sms_sandbox_phone_number(PhoneNumber=phone, OneTimePassword="12a45"), QUERY_INVALID,
            "oneTimePassword")
    assert outcome(lambda: sns.verify_sms_sandbox_phone_number(PhoneNumber=phone, OneTimePassword="12345"))[0] == (
        "ResourceNotFound")
    refused(lambda: sns.list_sms_sandbox_phone_numbers(MaxResults=101), QUERY_INVALID, "maxResults")
    assert sns.list_sms_sandbox_phone_numbers(MaxResults=100)["PhoneNumbers"] == []
    refused(lambda: sns.create_sms_sandbox_phone_number(PhoneNumber=phone, LanguageCode="xx-XX"), QUERY_INVALID,
            "languageCode")
    sns.create_sms_sandbox_phone_number(PhoneNumber=phone, LanguageCode="en-GB")
    # The phone number is a sensitive member: never echoed.
    assert "5555550100" not in refused(lambda: sns.create_sms_sandbox_phone_number(PhoneNumber="5555550100"),
                                       QUERY_INVALID, "phoneNumber")
