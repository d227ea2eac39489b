"""TagResource / UntagResource / ListTagsForResource on numbers, sender IDs and pools."""

from typing import Any

import pytest
from botocore.exceptions import ClientError
from smsvoice_support import client, error_of, request_number  # noqa: F401


def arns(client: Any) -> list[str]:
    number = request_number(client, Tags=[{"Key": "Team", "Value": "Dev"}])
    sender = client.request_sender_id(SenderId="QNATIME", IsoCountryCode="IN", Tags=[{"Key": "Team", "Value": "Dev"}])
    pool = client.create_pool(
        OriginationIdentity=number["PhoneNumberId"], MessageType="TRANSACTIONAL", Tags=[{"Key": "Team", "Value": "Dev"}]
    )
    return [number["PhoneNumberArn"], sender["SenderIdArn"], pool["PoolArn"]]


def test_tag_untag_list_on_every_resource_type(client: Any) -> None:
    for arn in arns(client):
        assert client.list_tags_for_resource(ResourceArn=arn)["Tags"] == [{"Key": "Team", "Value": "Dev"}]
        client.tag_resource(
            ResourceArn=arn,
            Tags=[{"Key": "Team", "Value": "Ops"}, {"Key": "smsauth:managed-by", "Value": "smsauth"}],
        )
        tags = client.list_tags_for_resource(ResourceArn=arn)
        assert tags["ResourceArn"] == arn
        assert {t["Key"]: t["Value"] for t in tags["Tags"]} == {"Team": "Ops", "smsauth:managed-by": "smsauth"}
        client.untag_resource(ResourceArn=arn, TagKeys=["Team", "absent"])
        assert client.list_tags_for_resource(ResourceArn=arn)["Tags"] == [
            {"Key": "smsauth:managed-by", "Value": "smsauth"}
        ]


def test_request_result_carries_tags_but_describe_does_not(client: Any) -> None:
    number = request_number(client, Tags=[{"Key": "Team", "Value": "Dev"}])
    assert number["Tags"] == [{"Key": "Team", "Value": "Dev"}]
    assert "Tags" not in client.describe_phone_numbers()["PhoneNumbers"][0]


@pytest.mark.parametrize(
    ("arn", "code"),
    [
        ("arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-00000000000000000000000000000000", "ResourceNotFoundException"),
        ("arn:aws:sms-voice:us-east-1:123456789012:pool/pool-00000000000000000000000000000000", "ResourceNotFoundException"),
        ("arn:aws:sns:us-east-1:123456789012:topic", "ValidationException"),
    ],
)
def test_unknown_or_foreign_arns(client: Any, arn: str, code: str) -> None:
    with pytest.raises(ClientError) as excinfo:
        client.list_tags_for_resource(ResourceArn=arn)
    assert error_of(excinfo)["Code"] == code


def test_default_opt_out_list_exists(client: Any) -> None:
    lists = client.describe_opt_out_lists()["OptOutLists"]
    assert [entry["OptOutListName"] for entry in lists] == ["Default"]
    assert lists[0]["OptOutListArn"] == "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/Default"
