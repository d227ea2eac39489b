"""Small pages (ext/paging.py): with `pageSize`, every list smsauth calls answers an empty first page with a token,
pages of at most pageSize items, and an empty last page; only the absent token ends the listing."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError
from conftest import Emulator

TRUST = (
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},'
    '"Action":"sts:AssumeRole"}]}'
)
PUBLISH = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}'


def pages(call: Callable[..., dict[str, Any]], items: str, token_in: str, token_out: str, **request: Any) -> list[list[Any]]:
    """Every page of a listing, following the token until it is absent."""
    result: list[list[Any]] = []
    token = None
    while True:
        answer = call(**request, **({token_in: token} if token else {}))
        result.append(answer[items])
        token = answer.get(token_out)
        if not token:
            return result
        assert len(result) < 20, "the listing never ends"


def test_page_size_is_a_setting_reset_restores(fresh: Emulator) -> None:
    assert fresh.control("GET", "config")["pageSize"] is None
    assert fresh.control("POST", "config", {"pageSize": 1})["pageSize"] == 1
    for bad in (0, -1, "1", True, 1.5):
        with pytest.raises(Exception):
            fresh.control("POST", "config", {"pageSize": bad})
    fresh.control("POST", "reset", {})
    assert fresh.control("GET", "config")["pageSize"] is None


def test_cognito_pools_and_clients(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool_ids = [cognito.create_user_pool(PoolName=f"p{i}")["UserPool"]["Id"] for i in range(3)]
    for i in range(2):
        cognito.create_user_pool_client(UserPoolId=pool_ids[0], ClientName=f"c{i}")
    assert pages(cognito.list_user_pools, "UserPools", "NextToken", "NextToken", MaxResults=60) == [
        [{**pool} for pool in cognito.list_user_pools(MaxResults=60)["UserPools"]]
    ]
    fresh.control("POST", "config", {"pageSize": 1})
    listed = pages(cognito.list_user_pools, "UserPools", "NextToken", "NextToken", MaxResults=60)
    assert [len(page) for page in listed] == [0, 1, 1, 1, 0]
    assert sorted(page[0]["Id"] for page in listed[1:-1]) == sorted(pool_ids)
    clients = pages(cognito.list_user_pool_clients, "UserPoolClients", "NextToken", "NextToken",
                    UserPoolId=pool_ids[0], MaxResults=60)
    assert [len(page) for page in clients] == [0, 1, 1, 0]
    assert sorted(page[0]["ClientName"] for page in clients[1:-1]) == ["c0", "c1"]
    with pytest.raises(ClientError) as raised:
        cognito.list_user_pools(MaxResults=60, NextToken="forged")
    assert raised.value.response["Error"]["Code"] == "InvalidParameterException"


def test_a_token_from_before_a_deletion_ends_the_listing_instead_of_failing(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    pool_ids = [cognito.create_user_pool(PoolName=f"d{i}")["UserPool"]["Id"] for i in range(2)]
    fresh.control("POST", "config", {"pageSize": 1})
    token = None
    for _ in range(3):  # the empty first page, then both pools: the token now points past the second pool
        token = cognito.list_user_pools(MaxResults=60, **({"NextToken": token} if token else {}))["NextToken"]
    for pool_id in pool_ids:
        cognito.delete_user_pool(UserPoolId=pool_id)
    last = cognito.list_user_pools(MaxResults=60, NextToken=token)
    assert last["UserPools"] == [] and "NextToken" not in last


def test_items_created_or_deleted_between_pages_never_make_a_listing_skip_or_repeat_one(fresh: Emulator) -> None:
    cognito = fresh.client("cognito-idp")
    kept = {cognito.create_user_pool(PoolName=f"k{i}")["UserPool"]["Id"] for i in range(4)}
    fresh.control("POST", "config", {"pageSize": 1})
    seen: list[str] = []
    token = cognito.list_user_pools(MaxResults=60)["NextToken"]
    while token:
        answer = cognito.list_user_pools(MaxResults=60, NextToken=token)
        seen += [pool["Id"] for pool in answer["UserPools"]]
        token = answer.get("NextToken")
        # Another client deletes the pool just listed and creates a new one, as the concurrent end-to-end suite does.
        if answer["UserPools"] and answer["UserPools"][0]["Id"] in kept and len(seen) < 4:
            cognito.create_user_pool(PoolName=f"new{len(seen)}")
            cognito.delete_user_pool(UserPoolId=answer["UserPools"][0]["Id"])
    assert kept <= set(seen), "every pool that existed throughout was listed"
    assert len(seen) == len(set(seen)), "no pool was listed twice"


def test_iam_role_policies_are_truncated(fresh: Emulator) -> None:
    iam = fresh.client("iam")
    iam.create_role(RoleName="r", AssumeRolePolicyDocument=TRUST)
    for name in ("a", "b"):
        iam.put_role_policy(RoleName="r", PolicyName=name, PolicyDocument=PUBLISH)
        arn = iam.create_policy(PolicyName=f"m{name}", PolicyDocument=PUBLISH)["Policy"]["Arn"]
        iam.attach_role_policy(RoleName="r", PolicyArn=arn)
    fresh.control("POST", "config", {"pageSize": 1})
    first = iam.list_role_policies(RoleName="r")
    assert first["PolicyNames"] == [] and first["IsTruncated"] is True and first["Marker"]
    inline = pages(iam.list_role_policies, "PolicyNames", "Marker", "Marker", RoleName="r")
    assert inline == [[], ["a"], ["b"], []]
    attached = pages(iam.list_attached_role_policies, "AttachedPolicies", "Marker", "Marker", RoleName="r")
    assert [[policy["PolicyName"] for policy in page] for page in attached] == [[], ["ma"], ["mb"], []]
    last = iam.list_role_policies(RoleName="r", Marker=first["Marker"], MaxItems=5)
    assert last["IsTruncated"] is True and len(last["PolicyNames"]) == 1


def test_sns_sandbox_numbers(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    for number in ("+14255550101", "+14255550102"):
        sns.create_sms_sandbox_phone_number(PhoneNumber=number)
    fresh.control("POST", "config", {"pageSize": 1})
    listed = pages(sns.list_sms_sandbox_phone_numbers, "PhoneNumbers", "NextToken", "NextToken")
    assert [[entry["PhoneNumber"] for entry in page] for page in listed] == [[], ["+14255550101"], ["+14255550102"], []]


def test_sms_voice_numbers_and_pools(fresh: Emulator) -> None:
    assert fresh.control("GET", "health")["smsVoice"] is True
    voice = fresh.client("pinpoint-sms-voice-v2")
    numbers = [
        voice.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
                                   NumberType="SIMULATOR")["PhoneNumberId"]
        for _ in range(2)
    ]
    fresh.control("POST", "config", {"pageSize": 1})
    listed = pages(voice.describe_phone_numbers, "PhoneNumbers", "NextToken", "NextToken")
    assert [len(page) for page in listed] == [0, 1, 1, 0]
    assert sorted(page[0]["PhoneNumberId"] for page in listed[1:-1]) == sorted(numbers)
    assert pages(voice.describe_pools, "Pools", "NextToken", "NextToken") == [[], []]
    with pytest.raises(ClientError) as raised:
        voice.describe_phone_numbers(NextToken="forged")
    assert raised.value.response["Error"]["Code"] == "ValidationException"


def test_an_access_key_can_keep_the_operations_own_pages(fresh: Emulator) -> None:
    counting = fresh.control("POST", "principals", {})
    fresh.control("POST", "config", {"pageSize": 1})
    answer = fresh.control("POST", "config", {"accessKeyId": counting["accessKeyId"], "pageSize": None})
    assert answer["pageSize"] is None and answer["accessKeyId"] == counting["accessKeyId"]
    cognito = fresh.client("cognito-idp")
    for i in range(2):
        cognito.create_user_pool(PoolName=f"p{i}")
    assert len(cognito.list_user_pools(MaxResults=60)["UserPools"]) == 0
    own = fresh.client("cognito-idp", {"accessKeyId": counting["accessKeyId"], "secretAccessKey": counting["secretAccessKey"]})
    assert len(own.list_user_pools(MaxResults=60)["UserPools"]) == 2
    fresh.control("POST", "reset", {})
    cognito.create_user_pool(PoolName="after-reset")
    fresh.control("POST", "config", {"pageSize": 1})
    assert own.list_user_pools(MaxResults=60)["UserPools"] == [], "reset forgets the key's own page size"
