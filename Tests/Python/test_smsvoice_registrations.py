"""Registrations in the End User Messaging emulator: create, submit, the reviewer's control endpoint, new versions."""
from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from conftest import Emulator

REGION = "us-east-1"
# A value for every REQUIRED field of the emulator's toll-free form (SubmitRegistrationVersion needs them all).
TOLL_FREE_VALUES: dict[str, dict] = {
    "companyInfo.companyName": {"TextValue": "Example Corp"},
    "companyInfo.website": {"TextValue": "https://example.com"},
    "companyInfo.address1": {"TextValue": "1 Main Street"},
    "contactInfo.supportEmail": {"TextValue": "support@example.com"},
    "contactInfo.supportPhoneNumber": {"TextValue": "+12065550100"},
    "messagingUseCase.monthlyMessageVolume": {"SelectChoices": ["1,000"]},
    "messagingUseCase.useCaseCategory": {"SelectChoices": ["ONE_TIME_PASSWORD"]},
    "messagingUseCase.optInDescription": {"TextValue": "Users enter their number on the sign-in page."},
    "messageSamples.messageSample1": {"TextValue": "Your sign-in code is 123456"},
}


def fill(sms, registration: str, values: dict[str, dict] | None = None) -> None:  # type: ignore[no-untyped-def]
    """Puts `values` (default: the toll-free REQUIRED fields) on the registration's draft."""
    for path, value in (TOLL_FREE_VALUES if values is None else values).items():
        sms.put_registration_field_value(RegistrationId=registration, FieldPath=path, **value)


def associate(sms, registration: str) -> str:  # type: ignore[no-untyped-def]
    """Requests a US toll-free number and associates it with the registration (a toll-free registration is
    ASSOCIATE_BEFORE_SUBMIT: SubmitRegistrationVersion needs it); the number's id."""
    toll = sms.request_phone_number(IsoCountryCode="US", MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
                                    NumberType="TOLL_FREE")
    sms.create_registration_association(RegistrationId=registration, ResourceId=toll["PhoneNumberId"])
    return toll["PhoneNumberId"]


def review(emulator: Emulator, registration: str, outcome: str, reasons: list[dict[str, str]] | None = None) -> dict:
    return emulator.control("POST", "sms-voice-registration-review", {
        "region": REGION, "registrationId": registration, "outcome": outcome, "reasons": reasons or [],
    })


def error_of(call) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    with pytest.raises(ClientError) as raised:
        call()
    return raised.value.response["Error"]["Code"], raised.value.response.get("Reason")


def test_lifecycle_denied_then_new_version_approved(fresh: Emulator) -> None:
    sms = fresh.client("pinpoint-sms-voice-v2", region_name=REGION)
    created = sms.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION", ClientToken="t1")
    rid = created["RegistrationId"]
    assert created["RegistrationStatus"] == "CREATED" and created["CurrentVersionNumber"] == 1
    assert sms.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION", ClientToken="t1")["RegistrationId"] == rid
    fill(sms, rid)
    associate(sms, rid)

    submitted = sms.submit_registration_version(RegistrationId=rid)
    assert submitted["RegistrationVersionStatus"] == "SUBMITTED" and "SubmittedTimestamp" in submitted["RegistrationVersionStatusHistory"]
    assert error_of(lambda: sms.submit_registration_version(RegistrationId=rid))[0] == "ConflictException"
    assert error_of(lambda: sms.create_registration_version(RegistrationId=rid))[0] == "ConflictException"

    reasons = [{"Reason": "OPT_IN", "ShortDescription": "The opt-in workflow is missing"}]
    assert review(fresh, rid, "DENIED", reasons)["RegistrationStatus"] == "REQUIRES_UPDATES"
    info = sms.describe_registrations(RegistrationIds=[rid])["Registrations"][0]
    assert info["RegistrationStatus"] == "REQUIRES_UPDATES" and info["LatestDeniedVersionNumber"] == 1
    denied = sms.describe_registration_versions(RegistrationId=rid)["RegistrationVersions"][0]
    assert denied["RegistrationVersionStatus"] == "DENIED" and denied["DeniedReasons"] == reasons

    second = sms.create_registration_version(RegistrationId=rid)
    assert second["VersionNumber"] == 2 and second["RegistrationVersionStatus"] == "DRAFT"
    sms.submit_registration_version(RegistrationId=rid)
    review(fresh, rid, "REVIEWING")
    assert review(fresh, rid, "APPROVED")["RegistrationStatus"] == "COMPLETE"
    versions = sms.describe_registration_versions(RegistrationId=rid)["RegistrationVersions"]
    assert [(v["VersionNumber"], v["RegistrationVersionStatus"]) for v in versions] == [(2, "APPROVED"), (1, "DENIED")]
    info = sms.describe_registrations(RegistrationIds=[rid])["Registrations"][0]
    assert info["ApprovedVersionNumber"] == 2 and info["CurrentVersionNumber"] == 2


def test_unknown_and_filters_and_delete(fresh: Emulator) -> None:
    sms = fresh.client("pinpoint-sms-voice-v2", region_name=REGION)
    assert error_of(lambda: sms.describe_registrations(RegistrationIds=["registration-nope"]))[0] == "ResourceNotFoundException"
    assert error_of(lambda: sms.create_registration(RegistrationType="XX_UNKNOWN"))[0] == "ValidationException"
    brand = sms.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")["RegistrationId"]
    toll = sms.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")["RegistrationId"]
    found = sms.describe_registrations(Filters=[{"Name": "registration-type", "Values": ["US_TOLL_FREE_REGISTRATION"]}])
    assert [item["RegistrationId"] for item in found["Registrations"]] == [toll]
    assert sms.delete_registration(RegistrationId=brand)["RegistrationStatus"] == "DELETED"
    assert error_of(lambda: sms.describe_registration_versions(RegistrationId=brand))[0] == "ResourceNotFoundException"


def test_discard_and_reviewer_refusals(fresh: Emulator) -> None:
    sms = fresh.client("pinpoint-sms-voice-v2", region_name=REGION)
    rid = sms.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")["RegistrationId"]
    assert error_of(lambda: sms.discard_registration_version(RegistrationId=rid))[0] == "ConflictException"
    with pytest.raises(Exception, match="400"):
        review(fresh, rid, "APPROVED")  # a draft is not under review
    fill(sms, rid)
    associate(sms, rid)
    sms.submit_registration_version(RegistrationId=rid)
    with pytest.raises(Exception, match="400"):
        review(fresh, rid, "DENIED")  # a denial needs reasons
    with pytest.raises(Exception, match="404"):
        review(fresh, "registration-unknown", "APPROVED")
    review(fresh, rid, "APPROVED")
    sms.create_registration_version(RegistrationId=rid)
    discarded = sms.discard_registration_version(RegistrationId=rid)
    assert discarded["VersionNumber"] == 2 and discarded["RegistrationVersionStatus"] == "DISCARDED"
    info = sms.describe_registrations(RegistrationIds=[rid])["Registrations"][0]
    assert info["CurrentVersionNumber"] == 1 and info["RegistrationStatus"] == "COMPLETE"


def test_toll_free_is_submitted_only_with_an_associated_number(fresh: Emulator) -> None:
    """ASSOCIATE_BEFORE_SUBMIT: a complete toll-free draft without an associated number is refused
    (INVALID_REGISTRATION_ASSOCIATION) and stays a draft; once a number is associated it is submitted. A brand
    (no SupportedAssociations) is submitted without one."""
    sms = fresh.client("pinpoint-sms-voice-v2", region_name=REGION)
    rid = sms.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")["RegistrationId"]
    fill(sms, rid)
    with pytest.raises(ClientError) as raised:
        sms.submit_registration_version(RegistrationId=rid)
    error = raised.value.response
    assert (error["Error"]["Code"], error.get("Reason")) == ("ValidationException", "INVALID_REGISTRATION_ASSOCIATION")
    assert error["Fields"] == [{"Name": "RegistrationId", "Message": f"{rid} has no associated PHONE_NUMBER"}]
    version = sms.describe_registration_versions(RegistrationId=rid)["RegistrationVersions"][0]
    assert version["RegistrationVersionStatus"] == "DRAFT"
    assert sms.describe_registrations(RegistrationIds=[rid])["Registrations"][0]["RegistrationStatus"] == "CREATED"

    number = associate(sms, rid)
    assert sms.submit_registration_version(RegistrationId=rid)["RegistrationVersionStatus"] == "SUBMITTED"
    assert [item["ResourceId"] for item in sms.list_registration_associations(RegistrationId=rid)[
        "RegistrationAssociations"]] == [number]

    brand = sms.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")["RegistrationId"]
    fill(sms, brand, {
        "companyInfo.legalCompanyName": {"TextValue": "Example Corp"},
        "companyInfo.companyType": {"SelectChoices": ["PRIVATE_PROFIT"]},
        "companyInfo.website": {"TextValue": "https://example.com"},
        "contactInfo.email": {"TextValue": "brand@example.com"},
    })
    assert sms.submit_registration_version(RegistrationId=brand)["RegistrationVersionStatus"] == "SUBMITTED"
