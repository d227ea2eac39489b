"""RequestSenderId / DescribeSenderIds / UpdateSenderId / ReleaseSenderId."""

from typing import Any

import pytest
from botocore.exceptions import ClientError
from smsvoice_support import client, error_of  # noqa: F401


@pytest.mark.parametrize("sender_id", ["QNATIME", "a", "Q_1-2", "ABCDEFGHIJK", "9lives"])
def test_valid_sender_ids_are_accepted(client: Any, sender_id: str) -> None:
    result = client.request_sender_id(SenderId=sender_id, IsoCountryCode="IN")
    assert result["SenderIdArn"] == f"arn:aws:sms-voice:us-east-1:123456789012:sender-id/{sender_id}/IN"
    assert result["Registered"] is False


@pytest.mark.parametrize("sender_id", ["12345", "ABCDEFGHIJKL", "QNA TIME", "QNA.TIME", "___"])
def test_invalid_sender_ids_are_refused(client: Any, sender_id: str) -> None:
    with pytest.raises(ClientError) as excinfo:
        client.request_sender_id(SenderId=sender_id, IsoCountryCode="IN")
    error = error_of(excinfo)
    assert error["Code"] == "ValidationException"
    assert error["Fields"][0]["Name"] == "SenderId"


def test_sender_ids_are_not_supported_in_the_us(client: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        client.request_sender_id(SenderId="QNATIME", IsoCountryCode="US")
    assert error_of(excinfo)["Reason"] == "SENDER_ID_NOT_SUPPORTED"


def test_client_token_makes_the_request_idempotent(client: Any) -> None:
    first = client.request_sender_id(SenderId="QNATIME", IsoCountryCode="IN", ClientToken="t")
    second = client.request_sender_id(SenderId="QNATIME", IsoCountryCode="IN", ClientToken="t")
    assert first["SenderIdArn"] == second["SenderIdArn"]
    assert len(client.describe_sender_ids()["SenderIds"]) == 1
    with pytest.raises(ClientError) as excinfo:
        client.request_sender_id(SenderId="QNATIME", IsoCountryCode="IN")
    assert error_of(excinfo)["Reason"] == "RESOURCE_ALREADY_EXISTS"


def test_describe_by_id_and_filter(client: Any) -> None:
    client.request_sender_id(SenderId="QNATIME", IsoCountryCode="IN", MessageTypes=["TRANSACTIONAL"])
    client.request_sender_id(SenderId="QNATIME", IsoCountryCode="GB", MessageTypes=["PROMOTIONAL"])
    by_id = client.describe_sender_ids(SenderIds=[{"SenderId": "QNATIME", "IsoCountryCode": "GB"}])
    assert [s["IsoCountryCode"] for s in by_id["SenderIds"]] == ["GB"]
    filtered = client.describe_sender_ids(Filters=[{"Name": "message-type", "Values": ["TRANSACTIONAL"]}])
    assert [s["IsoCountryCode"] for s in filtered["SenderIds"]] == ["IN"]
    with pytest.raises(ClientError) as excinfo:
        client.describe_sender_ids(SenderIds=[{"SenderId": "OTHER", "IsoCountryCode": "GB"}])
    assert error_of(excinfo)["ResourceType"] == "sender-id"


def test_release_respects_deletion_protection(client: Any) -> None:
    client.request_sender_id(SenderId="QNATIME", IsoCountryCode="IN", DeletionProtectionEnabled=True)
    with pytest.raises(ClientError) as excinfo:
        client.release_sender_id(SenderId="QNATIME", IsoCountryCode="IN")
    assert error_of(excinfo)["Reason"] == "DELETION_PROTECTION_ENABLED"
    updated = client.update_sender_id(SenderId="QNATIME", IsoCountryCode="IN", DeletionProtectionEnabled=False)
    assert updated["DeletionProtectionEnabled"] is False
    client.release_sender_id(SenderId="QNATIME", IsoCountryCode="IN")
    assert client.describe_sender_ids()["SenderIds"] == []


def test_sender_id_pagination(client: Any) -> None:
    for index in range(3):
        client.request_sender_id(SenderId=f"SENDER{index}", IsoCountryCode="IN")
    first = client.describe_sender_ids(MaxResults=2)
    second = client.describe_sender_ids(MaxResults=2, NextToken=first["NextToken"])
    assert [s["SenderId"] for s in first["SenderIds"] + second["SenderIds"]] == ["SENDER0", "SENDER1", "SENDER2"]
    assert "NextToken" not in second
