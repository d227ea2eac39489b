"""CreatePool / DescribePools / UpdatePool / DeletePool and origination identity association."""

from typing import Any

import pytest
from botocore.exceptions import ClientError
from smsvoice_support import client, error_of, request_number  # noqa: F401

import smsvoice
from smsvoice.clock import clock


def make_pool(client: Any, **overrides: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    number = request_number(client)
    params = {"OriginationIdentity": number["PhoneNumberId"], "MessageType": "TRANSACTIONAL"}
    params.update(overrides)
    return client.create_pool(**params), number


def test_create_pool_associates_the_number(client: Any) -> None:
    pool, number = make_pool(client, Tags=[{"Key": "smsauth:managed-by", "Value": "smsauth"}])
    assert pool["PoolId"].startswith("pool-")
    assert pool["PoolArn"].endswith(f":pool/{pool['PoolId']}")
    assert pool["Status"] == "ACTIVE"
    assert pool["DeletionProtectionEnabled"] is False
    described = client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])["PhoneNumbers"][0]
    assert described["PoolId"] == pool["PoolId"]
    members = client.list_pool_origination_identities(PoolId=pool["PoolArn"])["OriginationIdentities"]
    assert members == [
        {
            "OriginationIdentityArn": number["PhoneNumberArn"],
            "OriginationIdentity": number["PhoneNumberId"],
            "IsoCountryCode": "US",
            "NumberCapabilities": ["SMS"],
            "PhoneNumber": number["PhoneNumber"],
        }
    ]


def test_create_pool_is_idempotent_on_client_token(client: Any) -> None:
    number = request_number(client)
    params = {"OriginationIdentity": number["PhoneNumberId"], "MessageType": "TRANSACTIONAL", "ClientToken": "p"}
    assert client.create_pool(**params)["PoolId"] == client.create_pool(**params)["PoolId"]
    assert len(client.describe_pools()["Pools"]) == 1


def test_number_in_pool_cannot_be_released_or_updated(client: Any) -> None:
    pool, number = make_pool(client)
    with pytest.raises(ClientError) as excinfo:
        client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    assert error_of(excinfo)["Reason"] == "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    with pytest.raises(ClientError) as excinfo:
        client.update_phone_number(PhoneNumberId=number["PhoneNumberId"], SelfManagedOptOutsEnabled=True)
    assert error_of(excinfo)["Reason"] == "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    client.delete_pool(PoolId=pool["PoolId"])
    assert client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])["Status"] == "DELETED"


def test_associate_and_disassociate(client: Any) -> None:
    pool, first = make_pool(client)
    second = request_number(client)
    result = client.associate_origination_identity(PoolId=pool["PoolId"], OriginationIdentity=second["PhoneNumberArn"])
    assert result["OriginationIdentity"] == second["PhoneNumberId"]
    with pytest.raises(ClientError) as excinfo:
        client.associate_origination_identity(PoolId=pool["PoolId"], OriginationIdentity=second["PhoneNumberId"])
    assert error_of(excinfo)["Reason"] == "RESOURCE_ALREADY_ASSOCIATED"
    client.disassociate_origination_identity(PoolId=pool["PoolId"], OriginationIdentity=second["PhoneNumberId"])
    with pytest.raises(ClientError) as excinfo:
        client.disassociate_origination_identity(PoolId=pool["PoolId"], OriginationIdentity=first["PhoneNumberId"])
    assert error_of(excinfo)["Reason"] == "LAST_PHONE_NUMBER"
    described = client.describe_phone_numbers(PhoneNumberIds=[second["PhoneNumberId"]])["PhoneNumbers"][0]
    assert "PoolId" not in described


def test_number_in_another_pool_cannot_join(client: Any) -> None:
    _, number = make_pool(client)
    with pytest.raises(ClientError) as excinfo:
        client.create_pool(OriginationIdentity=number["PhoneNumberId"], MessageType="TRANSACTIONAL")
    assert error_of(excinfo)["Reason"] == "RESOURCE_ALREADY_ASSOCIATED"


def test_pending_number_cannot_join_until_active(client: Any) -> None:
    smsvoice.configure(activation_seconds=60)
    number = request_number(client)
    with pytest.raises(ClientError) as excinfo:
        client.create_pool(OriginationIdentity=number["PhoneNumberId"], MessageType="TRANSACTIONAL")
    assert error_of(excinfo)["Reason"] == "RESOURCE_NOT_ACTIVE"
    clock.advance(60)
    assert client.create_pool(OriginationIdentity=number["PhoneNumberId"], MessageType="TRANSACTIONAL")["PoolId"]


@pytest.mark.parametrize(
    ("number_settings", "reason"),
    [
        ({"MessageType": "PROMOTIONAL"}, "MESSAGE_TYPE_MISMATCH"),
        ({"SelfManagedOptOutsEnabled": True}, "SELF_MANAGED_OPT_OUTS_MISMATCH"),
    ],
)
def test_identity_settings_must_match_the_pool(client: Any, number_settings: dict[str, Any], reason: str) -> None:
    pool, _ = make_pool(client)
    other = request_number(client, MessageType=number_settings.get("MessageType", "TRANSACTIONAL"))
    if "SelfManagedOptOutsEnabled" in number_settings:
        client.update_phone_number(PhoneNumberId=other["PhoneNumberId"], SelfManagedOptOutsEnabled=True)
    with pytest.raises(ClientError) as excinfo:
        client.associate_origination_identity(PoolId=pool["PoolId"], OriginationIdentity=other["PhoneNumberId"])
    assert error_of(excinfo)["Reason"] == reason


def test_sender_id_can_join_several_pools_and_blocks_release(client: Any) -> None:
    sender = client.request_sender_id(SenderId="QNATIME", IsoCountryCode="IN")
    first = client.create_pool(OriginationIdentity=sender["SenderIdArn"], MessageType="TRANSACTIONAL")
    second = client.create_pool(OriginationIdentity="QNATIME", IsoCountryCode="IN", MessageType="TRANSACTIONAL")
    assert first["PoolId"] != second["PoolId"]
    with pytest.raises(ClientError) as excinfo:
        client.release_sender_id(SenderId="QNATIME", IsoCountryCode="IN")
    assert error_of(excinfo)["Reason"] == "SENDER_ID_ASSOCIATED_TO_POOL"


def test_update_pool_and_delete_protection(client: Any) -> None:
    pool, number = make_pool(client, DeletionProtectionEnabled=True)
    updated = client.update_pool(PoolId=pool["PoolId"], SharedRoutesEnabled=True, SelfManagedOptOutsEnabled=True)
    assert (updated["SharedRoutesEnabled"], updated["SelfManagedOptOutsEnabled"]) == (True, True)
    with pytest.raises(ClientError) as excinfo:
        client.delete_pool(PoolId=pool["PoolId"])
    assert error_of(excinfo)["Reason"] == "DELETION_PROTECTION_ENABLED"
    client.update_pool(PoolId=pool["PoolId"], DeletionProtectionEnabled=False)
    assert client.delete_pool(PoolId=pool["PoolArn"])["Status"] == "DELETING"
    assert client.describe_pools()["Pools"] == []
    described = client.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])["PhoneNumbers"][0]
    assert "PoolId" not in described


def test_two_way_needs_a_channel(client: Any) -> None:
    pool, _ = make_pool(client)
    with pytest.raises(ClientError) as excinfo:
        client.update_pool(PoolId=pool["PoolId"], TwoWayEnabled=True)
    assert error_of(excinfo)["Reason"] == "TWO_WAY_CHANNEL_NOT_PRESENT"


def test_request_number_straight_into_a_pool(client: Any) -> None:
    pool, _ = make_pool(client)
    number = request_number(client, PoolId=pool["PoolId"])
    assert number["PoolId"] == pool["PoolId"]
    members = client.list_pool_origination_identities(PoolId=pool["PoolId"])["OriginationIdentities"]
    assert len(members) == 2


def test_unknown_pool_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        client.describe_pools(PoolIds=["pool-00000000000000000000000000000000"])
    assert error_of(excinfo)["ResourceType"] == "pool"


def test_describe_pools_filters(client: Any) -> None:
    make_pool(client, DeletionProtectionEnabled=True)
    make_pool(client)
    protected = client.describe_pools(Filters=[{"Name": "deletion-protection-enabled", "Values": ["true"]}])
    assert len(protected["Pools"]) == 1
