"""The SNS SMS sandbox operations the emulator adds to moto."""
from __future__ import annotations

import urllib.parse

import pytest
from botocore.exceptions import ClientError

from conftest import Emulator

PHONE = "+15555550100"


def otp(emulator: Emulator, phone: str = PHONE) -> str:
    """The OTP the emulator "texted" to `phone`."""
    query = urllib.parse.urlencode({"region": "us-east-1", "phoneNumber": phone})
    return str(emulator.control("GET", f"sandbox-otp?{query}")["oneTimePassword"])


def failure(call) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """The parsed error of a failing boto3 call, with its HTTP status."""
    with pytest.raises(ClientError) as raised:
        call()
    response = raised.value.response
    return {"code": response["Error"]["Code"], "status": response["ResponseMetadata"]["HTTPStatusCode"]}


def test_create_verify_list(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    sns.create_sms_sandbox_phone_number(PhoneNumber=PHONE, LanguageCode="en-US")
    assert sns.list_sms_sandbox_phone_numbers()["PhoneNumbers"] == [{"PhoneNumber": PHONE, "Status": "Pending"}]
    code = otp(fresh)
    assert len(code) == 6 and code.isdigit()
    sns.verify_sms_sandbox_phone_number(PhoneNumber=PHONE, OneTimePassword=code)
    assert sns.list_sms_sandbox_phone_numbers()["PhoneNumbers"] == [{"PhoneNumber": PHONE, "Status": "Verified"}]


def test_every_attempt_gets_a_new_random_otp(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    codes = set()
    for _ in range(5):
        sns.create_sms_sandbox_phone_number(PhoneNumber=PHONE)
        codes.add(otp(fresh))
    assert len(codes) >= 4


def test_wrong_otp_and_unknown_number(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    sns.create_sms_sandbox_phone_number(PhoneNumber=PHONE)
    wrong = "000000" if otp(fresh) != "000000" else "111111"
    assert failure(lambda: sns.verify_sms_sandbox_phone_number(PhoneNumber=PHONE, OneTimePassword=wrong)) == {
        "code": "VerificationException", "status": 400}
    assert failure(lambda: sns.verify_sms_sandbox_phone_number(PhoneNumber="+15555550199", OneTimePassword="12345")) == {
        "code": "ResourceNotFound", "status": 404}
    assert failure(lambda: sns.delete_sms_sandbox_phone_number(PhoneNumber="+15555550199")) == {
        "code": "ResourceNotFound", "status": 404}
    # Ten digits without "+" break the model's pattern ^(\+[0-9]{8,}|[0-9]{0,9})$: the query protocol's ValidationError.
    assert failure(lambda: sns.create_sms_sandbox_phone_number(PhoneNumber="5555550100"))["code"] == "ValidationError"


def test_ten_number_limit(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    for index in range(10):
        sns.create_sms_sandbox_phone_number(PhoneNumber=f"+1555555{index:04d}")
    assert failure(lambda: sns.create_sms_sandbox_phone_number(PhoneNumber="+15555559999")) == {
        "code": "UserError", "status": 400}
    sns.create_sms_sandbox_phone_number(PhoneNumber="+15555550003")


def test_pagination(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    phones = [f"+1555555{index:04d}" for index in range(7)]
    for phone in phones:
        sns.create_sms_sandbox_phone_number(PhoneNumber=phone)
    first = sns.list_sms_sandbox_phone_numbers(MaxResults=3)
    assert [p["PhoneNumber"] for p in first["PhoneNumbers"]] == phones[:3]
    second = sns.list_sms_sandbox_phone_numbers(MaxResults=3, NextToken=first["NextToken"])
    third = sns.list_sms_sandbox_phone_numbers(MaxResults=3, NextToken=second["NextToken"])
    assert [p["PhoneNumber"] for p in second["PhoneNumbers"] + third["PhoneNumbers"]] == phones[3:]
    assert "NextToken" not in third
    paginated = sns.get_paginator("list_sms_sandbox_phone_numbers").paginate(PaginationConfig={"PageSize": 2})
    assert [p["PhoneNumber"] for page in paginated for p in page["PhoneNumbers"]] == phones


def test_delete_only_24_hours_after_verification(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    sns.create_sms_sandbox_phone_number(PhoneNumber=PHONE)
    sns.verify_sms_sandbox_phone_number(PhoneNumber=PHONE, OneTimePassword=otp(fresh))
    assert failure(lambda: sns.delete_sms_sandbox_phone_number(PhoneNumber=PHONE)) == {"code": "UserError", "status": 400}
    fresh.control("POST", "clock", {"advanceSeconds": 23 * 3600})
    assert failure(lambda: sns.delete_sms_sandbox_phone_number(PhoneNumber=PHONE))["code"] == "UserError"
    fresh.control("POST", "clock", {"advanceSeconds": 3600})
    sns.delete_sms_sandbox_phone_number(PhoneNumber=PHONE)
    assert sns.list_sms_sandbox_phone_numbers()["PhoneNumbers"] == []


def test_delete_counts_from_the_last_attempt(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    sns.create_sms_sandbox_phone_number(PhoneNumber=PHONE)
    fresh.control("POST", "clock", {"advanceSeconds": 20 * 3600})
    sns.create_sms_sandbox_phone_number(PhoneNumber=PHONE)
    fresh.control("POST", "clock", {"advanceSeconds": 5 * 3600})
    assert failure(lambda: sns.delete_sms_sandbox_phone_number(PhoneNumber=PHONE))["code"] == "UserError"
    fresh.control("POST", "clock", {"advanceSeconds": 19 * 3600})
    sns.delete_sms_sandbox_phone_number(PhoneNumber=PHONE)


def test_account_status_follows_config(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    assert sns.get_sms_sandbox_account_status()["IsInSandbox"] is True
    assert fresh.control("POST", "config", {"inSandbox": False})["inSandbox"] is False
    assert sns.get_sms_sandbox_account_status()["IsInSandbox"] is False


def test_response_is_aws_shaped_xml(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    captured: list[bytes] = []
    sns.meta.events.register("after-call.sns.*", lambda http_response, **_: captured.append(http_response.content))
    sns.create_sms_sandbox_phone_number(PhoneNumber=PHONE)
    body = captured[0].decode()
    assert body.startswith('<CreateSMSSandboxPhoneNumberResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">')
    assert "<CreateSMSSandboxPhoneNumberResult" in body and "<ResponseMetadata><RequestId>" in body


def test_an_opted_out_number_is_refused(fresh: Emulator) -> None:
    sns = fresh.client("sns")
    opted_out = "+447420500600"
    assert opted_out in sns.list_phone_numbers_opted_out()["phoneNumbers"]
    assert failure(lambda: sns.create_sms_sandbox_phone_number(PhoneNumber=opted_out)) == {"code": "OptedOut", "status": 400}
    assert sns.list_sms_sandbox_phone_numbers()["PhoneNumbers"] == []
    sns.opt_in_phone_number(phoneNumber=opted_out)
    sns.create_sms_sandbox_phone_number(PhoneNumber=opted_out)
