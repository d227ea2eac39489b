"""RequestPhoneNumber / DescribePhoneNumbers / UpdatePhoneNumber / ReleasePhoneNumber."""

import re
from typing import Any

import pytest
from botocore.exceptions import ClientError
from smsvoice_support import client, error_of, raw_client, request_number  # noqa: F401

import smsvoice
from smsvoice.clock import clock

ID = re.compile(r"phone-[0-9a-f]{32}")


def test_request_returns_a_valid_us_toll_free_number(client: Any) -> None:
    number = request_number(client)
    assert ID.fullmatch(number["PhoneNumberId"])
    assert number["PhoneNumberArn"] == (
        f"arn:aws:sms-voice:us-east-1:123456789012:phone-number/{number['PhoneNumberId']}"
    )
    assert re.fullmatch(r"\+18(33|44|55|66|77|88)[2-9]\d{6}", number["PhoneNumber"])
    assert number["OptOutListName"] == "Default"
    assert number["Status"] == "ACTIVE"


@pytest.mark.parametrize(
    ("country", "number_type", "pattern"),
    [
        ("US", "SIMULATOR", r"\+1206555010\d|\+120655501\d\d"),
        ("US", "TEN_DLC", r"\+1[2-9]\d{2}[2-9]\d{6}"),
        ("GB", "LONG_CODE", r"\+44\d{10}"),
    ],
)
def test_generated_numbers_are_e164_for_country_and_type(
    client: Any, country: str, number_type: str, pattern: str
) -> None:
    number = request_number(client, IsoCountryCode=country, NumberType=number_type)
    assert re.fullmatch(pattern, number["PhoneNumber"])


def test_same_client_token_buys_one_number(client: Any) -> None:
    first = request_number(client, ClientToken="manifest-us-tollfree")
    second = request_number(client, ClientToken="manifest-us-tollfree")
    assert second["PhoneNumberId"] == first["PhoneNumberId"]
    assert second["PhoneNumber"] == first["PhoneNumber"]
    assert len(client.describe_phone_numbers()["PhoneNumbers"]) == 1


def test_same_client_token_with_other_parameters_conflicts(client: Any) -> None:
    request_number(client, ClientToken="tok")
    with pytest.raises(ClientError) as excinfo:
        request_number(client, ClientToken="tok", MessageType="PROMOTIONAL")
    assert error_of(excinfo)["Code"] == "ConflictException"
    assert len(client.describe_phone_numbers()["PhoneNumbers"]) == 1


def test_simulator_requires_transactional(client: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        request_number(client, NumberType="SIMULATOR", MessageType="PROMOTIONAL")
    error = error_of(excinfo)
    assert error["Code"] == "ValidationException"
    assert error["Fields"][0]["Name"] == "MessageType"


def test_number_type_not_sold_in_country_is_refused(client: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        request_number(client, IsoCountryCode="GB", NumberType="TEN_DLC")
    assert error_of(excinfo)["Code"] == "ValidationException"


def test_pending_until_activation_delay_passes(client: Any) -> None:
    smsvoice.configure(activation_seconds=30)
    number = request_number(client)
    assert number["Status"] == "PENDING"
    ids = [number["PhoneNumberId"]]
    clock.advance(29.5)
    assert client.describe_phone_numbers(PhoneNumberIds=ids)["PhoneNumbers"][0]["Status"] == "PENDING"
    clock.advance(0.5)
    assert client.describe_phone_numbers(PhoneNumberIds=ids)["PhoneNumbers"][0]["Status"] == "ACTIVE"


def test_release_refused_while_deletion_protected(client: Any) -> None:
    number = request_number(client, DeletionProtectionEnabled=True)
    with pytest.raises(ClientError) as excinfo:
        client.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    error = error_of(excinfo)
    assert (error["Code"], error["Reason"]) == ("ConflictException", "DELETION_PROTECTION_ENABLED")
    client.update_phone_number(PhoneNumberId=number["PhoneNumberId"], DeletionProtectionEnabled=False)
    released = client.release_phone_number(PhoneNumberId=number["PhoneNumberArn"])
    assert released["Status"] == "DELETED"
    assert client.describe_phone_numbers()["PhoneNumbers"] == []


def test_unknown_number_is_resource_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        client.describe_phone_numbers(PhoneNumberIds=["phone-00000000000000000000000000000000"])
    error = error_of(excinfo)
    assert error == {
        "Code": "ResourceNotFoundException",
        "Message": error["Message"],
        "ResourceType": "phone-number",
        "ResourceId": "phone-00000000000000000000000000000000",
    }
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_update_changes_only_mutable_settings(client: Any) -> None:
    number = request_number(client)
    updated = client.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"],
        SelfManagedOptOutsEnabled=True,
        TwoWayEnabled=True,
        TwoWayChannelArn="arn:aws:sns:us-east-1:123456789012:inbound",
    )
    assert updated["SelfManagedOptOutsEnabled"] is True
    assert updated["TwoWayEnabled"] is True
    assert updated["NumberType"] == "TOLL_FREE"


def test_unknown_opt_out_list_is_not_found(client: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        request_number(client, OptOutListName="Marketing")
    assert error_of(excinfo)["ResourceType"] == "opt-out-list"


@pytest.mark.parametrize(
    ("name", "values", "expected"),
    [
        ("number-type", ["SIMULATOR"], 1),
        ("message-type", ["TRANSACTIONAL"], 2),
        ("deletion-protection-enabled", ["true"], 1),
        ("status", ["ACTIVE"], 2),
        ("iso-country-code", ["GB"], 0),
    ],
)
def test_filters(client: Any, name: str, values: list[str], expected: int) -> None:
    request_number(client, NumberType="SIMULATOR", DeletionProtectionEnabled=True)
    request_number(client)
    found = client.describe_phone_numbers(Filters=[{"Name": name, "Values": values}])["PhoneNumbers"]
    assert len(found) == expected


def test_pagination_walks_every_number_once(client: Any) -> None:
    created = {request_number(client)["PhoneNumberId"] for _ in range(5)}
    seen: list[str] = []
    pages = 0
    kwargs: dict[str, Any] = {"MaxResults": 2}
    while True:
        page = client.describe_phone_numbers(**kwargs)
        pages += 1
        seen += [n["PhoneNumberId"] for n in page["PhoneNumbers"]]
        if "NextToken" not in page:
            break
        kwargs["NextToken"] = page["NextToken"]
    assert pages == 3
    assert sorted(seen) == sorted(created)


def test_bad_next_token_is_a_validation_error(client: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        client.describe_phone_numbers(NextToken="garbage")
    assert error_of(excinfo)["Reason"] == "INVALID_NEXT_TOKEN"


def test_server_validates_against_the_model(raw_client: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        raw_client.request_phone_number(
            IsoCountryCode="usa", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"], NumberType="PAGER"
        )
    error = error_of(excinfo)
    assert error["Reason"] == "FIELD_VALIDATION_FAILED"
    assert {field["Name"] for field in error["Fields"]} == {"IsoCountryCode", "NumberType"}


def test_missing_required_parameter(raw_client: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        raw_client.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL")
    error = error_of(excinfo)
    assert error["Reason"] == "MISSING_PARAMETER"
    assert {field["Name"] for field in error["Fields"]} == {"NumberCapabilities", "NumberType"}


@pytest.mark.parametrize("number_type", ["TOLL_FREE", "TEN_DLC"])
def test_unregistered_us_numbers_stay_pending(client: Any, number_type: str) -> None:
    unregistered = request_number(client, NumberType=number_type, RegistrationId=None)
    assert unregistered["Status"] == "PENDING"
    clock.advance(30 * 24 * 3600)
    (described,) = client.describe_phone_numbers(PhoneNumberIds=[unregistered["PhoneNumberId"]])["PhoneNumbers"]
    assert described["Status"] == "PENDING"
    assert request_number(client, NumberType=number_type)["Status"] == "ACTIVE", "registered"
    assert request_number(client, NumberType="LONG_CODE", RegistrationId=None)["Status"] == "ACTIVE", "no US registration"
