"""DescribeAccountAttributes of the sms-voice emulator: the End User Messaging SMS sandbox tier per account and
region, the account-default protect configuration, and the control endpoint that moves a region to production."""

import urllib.error
from typing import Any

import boto3
import pytest
from moto.core import DEFAULT_ACCOUNT_ID
from smsvoice_support import REGION, client  # noqa: F401

import smsvoice
from conftest import Emulator


def server_client(emulator: Emulator, region: str) -> Any:
    """A pinpoint-sms-voice-v2 client of the emulator server in `region`, signed by the bootstrap principal."""
    keys = emulator.credentials()
    return boto3.client("pinpoint-sms-voice-v2", endpoint_url=emulator.url, region_name=region,
                        aws_access_key_id=keys["accessKeyId"], aws_secret_access_key=keys["secretAccessKey"])


def attributes(answer: dict[str, Any]) -> dict[str, str]:
    return {item["Name"]: item["Value"] for item in answer["AccountAttributes"]}


def test_a_new_account_is_sandboxed_in_every_region(client: Any) -> None:
    assert client.describe_account_attributes()["AccountAttributes"] == [
        {"Name": "ACCOUNT_TIER", "Value": "SANDBOXED"}
    ]
    other = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
    assert attributes(other.describe_account_attributes()) == {"ACCOUNT_TIER": "SANDBOXED"}


def test_the_tier_is_per_region_and_reset_restores_the_sandbox(client: Any) -> None:
    smsvoice.set_account_tier(DEFAULT_ACCOUNT_ID, REGION, "PRODUCTION")
    assert attributes(client.describe_account_attributes()) == {"ACCOUNT_TIER": "PRODUCTION"}
    other = boto3.client("pinpoint-sms-voice-v2", region_name="eu-west-1")
    assert attributes(other.describe_account_attributes()) == {"ACCOUNT_TIER": "SANDBOXED"}
    with pytest.raises(ValueError):
        smsvoice.set_account_tier(DEFAULT_ACCOUNT_ID, REGION, "GOLD")
    smsvoice.reset()
    assert attributes(client.describe_account_attributes()) == {"ACCOUNT_TIER": "SANDBOXED"}


def test_the_account_default_protect_configuration_is_listed_while_set(client: Any) -> None:
    protect = client.create_protect_configuration()["ProtectConfigurationId"]
    client.set_account_default_protect_configuration(ProtectConfigurationId=protect)
    assert attributes(client.describe_account_attributes()) == {
        "ACCOUNT_TIER": "SANDBOXED", "DEFAULT_PROTECT_CONFIGURATION_ID": protect,
    }
    client.delete_account_default_protect_configuration()
    assert attributes(client.describe_account_attributes()) == {"ACCOUNT_TIER": "SANDBOXED"}


def test_pages_follow_max_results(client: Any) -> None:
    protect = client.create_protect_configuration()["ProtectConfigurationId"]
    client.set_account_default_protect_configuration(ProtectConfigurationId=protect)
    first = client.describe_account_attributes(MaxResults=1)
    assert first["AccountAttributes"] == [{"Name": "ACCOUNT_TIER", "Value": "SANDBOXED"}]
    second = client.describe_account_attributes(MaxResults=1, NextToken=first["NextToken"])
    assert second["AccountAttributes"] == [{"Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": protect}]
    assert "NextToken" not in second


def test_the_control_endpoint_moves_one_region_to_production(fresh: Emulator) -> None:
    east, west = server_client(fresh, "us-east-1"), server_client(fresh, "us-west-2")
    assert attributes(east.describe_account_attributes())["ACCOUNT_TIER"] == "SANDBOXED"
    answer = fresh.control("POST", "sms-voice-account-tier", {"region": "us-east-1", "accountTier": "PRODUCTION"})
    assert answer == {"accountId": DEFAULT_ACCOUNT_ID, "region": "us-east-1", "accountTier": "PRODUCTION"}
    assert attributes(east.describe_account_attributes())["ACCOUNT_TIER"] == "PRODUCTION"
    assert attributes(west.describe_account_attributes())["ACCOUNT_TIER"] == "SANDBOXED"
    fresh.control("POST", "sms-voice-account-tier", {"region": "us-east-1", "accountTier": "SANDBOXED"})
    assert attributes(east.describe_account_attributes())["ACCOUNT_TIER"] == "SANDBOXED"


def test_the_control_endpoint_refuses_an_unknown_tier_or_no_region(fresh: Emulator) -> None:
    for body in (
        {"region": "us-east-1", "accountTier": "GOLD"},
        {"accountTier": "PRODUCTION"},
        {"region": "ap-southeast-5", "accountTier": "PRODUCTION"},  # no sms-voice in botocore's endpoints there
    ):
        with pytest.raises(urllib.error.HTTPError) as raised:
            fresh.control("POST", "sms-voice-account-tier", body)
        assert raised.value.code == 400
