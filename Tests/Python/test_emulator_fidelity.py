"""Fidelity settings (ext/fidelity.py): tags on an UpdateUserPool that omits them, injected concurrent-modification
conflicts."""
from __future__ import annotations

import urllib.error

import pytest
from botocore.exceptions import ClientError
from conftest import Emulator

TRUST = (
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},'
    '"Action":"sts:AssumeRole"}]}'
)


def failure(call) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """(code, HTTP status) of a failing boto3 call."""
    with pytest.raises(ClientError) as raised:
        call()
    response = raised.value.response
    return response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]


def control_status(emulator: Emulator, method: str, route: str, body: object) -> int:
    """The HTTP status of a control request that is expected to fail."""
    with pytest.raises(urllib.error.HTTPError) as raised:
        emulator.control(method, route, body)
    return raised.value.code


def test_defaults(fresh: Emulator) -> None:
    assert fresh.control("GET", "fidelity") == {"userPoolTagsOnUpdate": "reset"}
    assert fresh.control("GET", "conflicts") == []


@pytest.mark.parametrize("mode, expected", [("reset", {}), ("kept", {"team": "auth"})])
def test_update_without_tags(fresh: Emulator, mode: str, expected: dict[str, str]) -> None:
    assert fresh.control("POST", "fidelity", {"userPoolTagsOnUpdate": mode}) == {"userPoolTagsOnUpdate": mode}
    cognito = fresh.client("cognito-idp")
    pool_id = cognito.create_user_pool(PoolName="p", UserPoolTags={"team": "auth"})["UserPool"]["Id"]
    cognito.update_user_pool(UserPoolId=pool_id)
    assert cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"].get("UserPoolTags", {}) == expected
    cognito.update_user_pool(UserPoolId=pool_id, UserPoolTags={"env": "dev"})
    assert cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]["UserPoolTags"] == {"env": "dev"}


def test_bad_settings_are_refused(fresh: Emulator) -> None:
    assert control_status(fresh, "POST", "fidelity", {"userPoolTagsOnUpdate": "sometimes"}) == 400
    assert control_status(fresh, "POST", "fidelity", {"pageSize": 1, "colour": "red"}) == 400
    assert control_status(fresh, "POST", "conflicts", {"operation": "DescribeUserPool"}) == 400
    assert control_status(fresh, "POST", "conflicts", {"operation": "UpdateUserPool", "count": -1}) == 400


def test_cognito_conflict_fails_count_calls_and_changes_nothing(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool_id = cognito.create_user_pool(PoolName="before")["UserPool"]["Id"]
    fresh.control("POST", "conflicts", {"operation": "UpdateUserPool", "count": 2})
    for _ in range(2):
        assert failure(lambda: cognito.update_user_pool(UserPoolId=pool_id, PoolName="after")) == (
            "ConcurrentModificationException", 400)
    assert cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]["Name"] == "before"
    cognito.update_user_pool(UserPoolId=pool_id, PoolName="after")
    assert cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]["Name"] == "after"
    assert fresh.control("GET", "conflicts")[0]["remaining"] == 0


def test_iam_conflict_uses_the_model_code_and_status(fresh: Emulator) -> None:
    iam = fresh.client("iam")
    iam.create_role(RoleName="r", AssumeRolePolicyDocument=TRUST)
    fresh.control("POST", "conflicts", {"service": "iam", "operation": "TagRole"})
    assert failure(lambda: iam.tag_role(RoleName="r", Tags=[{"Key": "k", "Value": "v"}])) == (
        "ConcurrentModification", 409)
    iam.tag_role(RoleName="r", Tags=[{"Key": "k", "Value": "v"}])
    assert iam.list_role_tags(RoleName="r")["Tags"] == [{"Key": "k", "Value": "v"}]


def test_conflict_scoped_to_an_access_key(fresh: Emulator) -> None:
    other = fresh.control("POST", "principals", {})
    mine, theirs = fresh.client("cognito-idp"), fresh.client("cognito-idp", other)
    pool_id = mine.create_user_pool(PoolName="p")["UserPool"]["Id"]
    fresh.control("POST", "conflicts", {"operation": "UpdateUserPool", "accessKeyId": other["accessKeyId"]})
    mine.update_user_pool(UserPoolId=pool_id)
    assert failure(lambda: theirs.update_user_pool(UserPoolId=pool_id))[0] == "ConcurrentModificationException"
    theirs.update_user_pool(UserPoolId=pool_id)


def test_reset_clears_settings_and_conflicts(fresh: Emulator) -> None:
    fresh.control("POST", "fidelity", {"userPoolTagsOnUpdate": "kept"})
    fresh.control("POST", "conflicts", {"operation": "UpdateUserPool"})
    fresh.control("POST", "reset", {})
    assert fresh.control("GET", "fidelity") == {"userPoolTagsOnUpdate": "reset"}
    assert fresh.control("GET", "conflicts") == []
