"""Routing through moto's server: the credential scope ``sms-voice`` reaches this backend, and
moto's request authentication applies to it like to any other service."""

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from smsvoice_support import REGION, smsvoice

from moto import settings
from moto.server import ThreadedMotoServer


@pytest.fixture
def endpoint() -> Iterator[str]:
    """A ThreadedMotoServer on a free loopback port, with smsvoice registered."""
    smsvoice.register()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()
    smsvoice.reset()


def make_client(service: str, endpoint: str, key: str, secret: str) -> Any:
    return boto3.client(
        service, region_name=REGION, endpoint_url=endpoint, aws_access_key_id=key, aws_secret_access_key=secret
    )


def test_server_routes_sms_voice_and_authenticates_it(endpoint: str, monkeypatch: pytest.MonkeyPatch) -> None:
    sms = make_client("pinpoint-sms-voice-v2", endpoint, "AKIAIOSFODNN7EXAMPLE", "unused-secret")
    number = sms.request_phone_number(
        IsoCountryCode="US", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"], NumberType="SIMULATOR"
    )
    listed = sms.describe_phone_numbers()["PhoneNumbers"]
    assert [n["PhoneNumberId"] for n in listed] == [number["PhoneNumberId"]]

    iam = make_client("iam", endpoint, "AKIAIOSFODNN7EXAMPLE", "unused-secret")
    iam.create_user(UserName="controller")
    iam.put_user_policy(
        UserName="controller",
        PolicyName="sms",
        PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sms-voice:*", "Resource": "*"}]}
        ),
    )
    key = iam.create_access_key(UserName="controller")["AccessKey"]
    iam.create_user(UserName="nobody")
    other = iam.create_access_key(UserName="nobody")["AccessKey"]
    monkeypatch.setattr(settings, "INITIAL_NO_AUTH_ACTION_COUNT", 0)

    signed = make_client("pinpoint-sms-voice-v2", endpoint, key["AccessKeyId"], key["SecretAccessKey"])
    assert len(signed.describe_phone_numbers()["PhoneNumbers"]) == 1

    wrongly_signed = make_client("pinpoint-sms-voice-v2", endpoint, key["AccessKeyId"], "not-the-secret")
    with pytest.raises(ClientError) as excinfo:
        wrongly_signed.describe_phone_numbers()
    assert excinfo.value.response["Error"]["Code"] == "InvalidSignatureException"
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403

    unknown_key = make_client("pinpoint-sms-voice-v2", endpoint, "AKIAUNKNOWNKEY000000", "secret")
    with pytest.raises(ClientError) as excinfo:
        unknown_key.describe_phone_numbers()
    assert excinfo.value.response["Error"]["Code"] == "UnrecognizedClientException"

    unauthorized = make_client("pinpoint-sms-voice-v2", endpoint, other["AccessKeyId"], other["SecretAccessKey"])
    with pytest.raises(ClientError) as excinfo:
        unauthorized.describe_phone_numbers()
    assert excinfo.value.response["Error"]["Code"] == "AccessDeniedException"
    assert "sms-voice:DescribePhoneNumbers" in excinfo.value.response["Error"]["Message"]
