"""SNS delivery-status attributes (ext/sms_delivery_status.py): a role ARN and a sampling rate of 0-100, else refused."""
from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from conftest import Emulator

ROLE = "arn:aws:iam::123456789012:role/service-role/sns-delivery-status"


def test_a_role_arn_and_a_rate_are_stored_and_cleared(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    sns.set_sms_attributes(attributes={"DeliveryStatusIAMRole": ROLE, "DeliveryStatusSuccessSamplingRate": "100"})
    assert sns.get_sms_attributes()["attributes"]["DeliveryStatusIAMRole"] == ROLE
    sns.set_sms_attributes(attributes={"DeliveryStatusSuccessSamplingRate": "0"})
    assert sns.get_sms_attributes()["attributes"]["DeliveryStatusSuccessSamplingRate"] == "0"
    sns.set_sms_attributes(attributes={"DeliveryStatusIAMRole": ""})
    assert sns.get_sms_attributes()["attributes"].get("DeliveryStatusIAMRole", "") == ""


@pytest.mark.parametrize(("name", "value"), [
    ("DeliveryStatusIAMRole", "sns-delivery-status"),
    ("DeliveryStatusIAMRole", "arn:aws:iam::123456789012:user/someone"),
    ("DeliveryStatusIAMRole", "arn:aws:iam::12345:role/short-account"),
    ("DeliveryStatusSuccessSamplingRate", "101"),
    ("DeliveryStatusSuccessSamplingRate", "-1"),
    ("DeliveryStatusSuccessSamplingRate", "ten"),
])
def test_a_malformed_value_is_refused_and_changes_nothing(fresh: Emulator, name: str, value: str) -> None:
    sns = fresh.client("sns")
    with pytest.raises(ClientError) as raised:
        sns.set_sms_attributes(attributes={name: value, "DefaultSMSType": "Promotional"})
    error = raised.value.response
    assert (error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]) == ("InvalidParameter", 400)
    assert name in error["Error"]["Message"]
    assert "DefaultSMSType" not in sns.get_sms_attributes()["attributes"]


def test_get_sms_attributes_answers_every_attribute_it_names(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    sns.set_sms_attributes(attributes={"DeliveryStatusIAMRole": ROLE, "DeliveryStatusSuccessSamplingRate": "10",
                                       "DefaultSMSType": "Transactional"})
    named = sns.get_sms_attributes(attributes=["DefaultSMSType", "DeliveryStatusIAMRole",
                                               "DeliveryStatusSuccessSamplingRate"])["attributes"]
    assert named == {"DefaultSMSType": "Transactional", "DeliveryStatusIAMRole": ROLE,
                     "DeliveryStatusSuccessSamplingRate": "10"}
    assert sns.get_sms_attributes(attributes=["DefaultSMSType"])["attributes"] == {"DefaultSMSType": "Transactional"}
