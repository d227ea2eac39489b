"""Shared fixtures of the smsvoice emulator tests (imported explicitly, not a conftest)."""

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "emulator"))

import smsvoice  # noqa: E402
from moto import mock_aws  # noqa: E402
from smsvoice.clock import clock  # noqa: E402

START = 1_700_000_000.0
REGION = "us-east-1"
# A completed registration: US toll-free and 10DLC numbers without one never become ACTIVE.
REGISTRATION_ID = "registration-0123456789abcdef0123456789abcdef"


@pytest.fixture
def client() -> Iterator[Any]:
    """A boto3 pinpoint-sms-voice-v2 client inside ``mock_aws`` with a frozen clock."""
    smsvoice.register()
    smsvoice.configure(0)
    clock.set(START)
    with mock_aws():
        yield boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
    clock.use_system_time()
    smsvoice.configure(0)
    smsvoice.reset()


@pytest.fixture
def raw_client(client: Any) -> Any:
    """The same service without botocore's client-side validation (to reach the server's)."""
    return boto3.client(
        "pinpoint-sms-voice-v2", region_name=REGION, config=Config(parameter_validation=False)
    )


def request_number(client: Any, **overrides: Any) -> dict[str, Any]:
    """RequestPhoneNumber for a registered US toll-free transactional SMS number, with overrides (None: left out)."""
    params: dict[str, Any] = {
        "IsoCountryCode": "US",
        "MessageType": "TRANSACTIONAL",
        "NumberCapabilities": ["SMS"],
        "NumberType": "TOLL_FREE",
        "RegistrationId": REGISTRATION_ID,
    }
    params.update(overrides)
    return client.request_phone_number(**{key: value for key, value in params.items() if value is not None})


def error_of(excinfo: pytest.ExceptionInfo[ClientError]) -> dict[str, Any]:
    """The parsed error body: Error.Code plus the modeled members (Reason, Fields, ...)."""
    response = excinfo.value.response
    return {"Code": response["Error"]["Code"], **{k: v for k, v in response.items() if k not in ("Error", "ResponseMetadata")}}
