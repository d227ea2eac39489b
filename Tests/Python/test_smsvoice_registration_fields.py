"""Registration forms in the End User Messaging emulator: type/section/field definitions, field values, the submit
check, attachments and associations with phone numbers."""
from __future__ import annotations

from conftest import Emulator
from test_smsvoice_registrations import REGION, TOLL_FREE_VALUES, associate, error_of, fill, review

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
TOLL_FREE = "US_TOLL_FREE_REGISTRATION"
CAMPAIGN = "US_TEN_DLC_CAMPAIGN_REGISTRATION"


def sms_client(emulator: Emulator):  # type: ignore[no-untyped-def]
    return emulator.client("pinpoint-sms-voice-v2", region_name=REGION)


def number(sms, number_type: str = "TOLL_FREE", country: str = "US") -> dict:  # type: ignore[no-untyped-def]
    return sms.request_phone_number(IsoCountryCode=country, MessageType="TRANSACTIONAL", NumberCapabilities=["SMS"],
                                    NumberType=number_type)


def test_type_definitions_and_filters(fresh: Emulator) -> None:
    sms = sms_client(fresh)
    types = sms.describe_registration_type_definitions()["RegistrationTypeDefinitions"]
    assert [item["RegistrationType"] for item in types] == [TOLL_FREE, "US_TEN_DLC_BRAND_REGISTRATION", CAMPAIGN]
    toll = types[0]
    assert toll["DisplayHints"]["Title"] and toll["SupportedAssociations"] == [{
        "ResourceType": "PHONE_NUMBER", "IsoCountryCode": "US", "AssociationBehavior": "ASSOCIATE_BEFORE_SUBMIT",
        "DisassociationBehavior": "DISASSOCIATE_ALL_CLOSES_REGISTRATION"}]
    assert "SupportedAssociations" not in types[1]
    phone = sms.describe_registration_type_definitions(
        Filters=[{"Name": "supported-association-resource-type", "Values": ["PHONE_NUMBER"]}])
    assert [item["RegistrationType"] for item in phone["RegistrationTypeDefinitions"]] == [TOLL_FREE, CAMPAIGN]
    first = sms.describe_registration_type_definitions(MaxResults=1)
    assert len(first["RegistrationTypeDefinitions"]) == 1 and first["NextToken"]
    rest = sms.describe_registration_type_definitions(MaxResults=5, NextToken=first["NextToken"])
    assert len(rest["RegistrationTypeDefinitions"]) == 2 and "NextToken" not in rest
    named = sms.describe_registration_type_definitions(RegistrationTypes=[CAMPAIGN])["RegistrationTypeDefinitions"]
    assert [item["RegistrationType"] for item in named] == [CAMPAIGN]
    assert error_of(lambda: sms.describe_registration_type_definitions(RegistrationTypes=["XX"])) == (
        "ValidationException", "UNKNOWN_REGISTRATION_TYPE")


def test_section_and_field_definitions(fresh: Emulator) -> None:
    sms = sms_client(fresh)
    sections = sms.describe_registration_section_definitions(RegistrationType=TOLL_FREE)
    assert sections["RegistrationType"] == TOLL_FREE
    assert [item["SectionPath"] for item in sections["RegistrationSectionDefinitions"]] == [
        "companyInfo", "contactInfo", "messagingUseCase", "messageSamples"]
    assert all(item["DisplayHints"]["Title"] for item in sections["RegistrationSectionDefinitions"])
    one = sms.describe_registration_section_definitions(RegistrationType=TOLL_FREE, SectionPaths=["contactInfo"])
    assert [item["SectionPath"] for item in one["RegistrationSectionDefinitions"]] == ["contactInfo"]
    assert error_of(lambda: sms.describe_registration_section_definitions(
        RegistrationType=TOLL_FREE, SectionPaths=["nope"])) == ("ValidationException", "UNKNOWN_REGISTRATION_SECTION")

    fields = sms.describe_registration_field_definitions(RegistrationType=TOLL_FREE)["RegistrationFieldDefinitions"]
    assert 8 <= len(fields) <= 12 and {item["FieldType"] for item in fields} == {"TEXT", "SELECT", "ATTACHMENT"}
    assert {item["FieldRequirement"] for item in fields} == {"REQUIRED", "CONDITIONAL", "OPTIONAL"}
    by_path = {item["FieldPath"]: item for item in fields}
    assert by_path["contactInfo.supportEmail"]["TextValidation"]["Pattern"]
    assert "1,000" in by_path["messagingUseCase.monthlyMessageVolume"]["SelectValidation"]["Options"]
    assert by_path["messagingUseCase.optInImage"]["FieldType"] == "ATTACHMENT"
    usecase = sms.describe_registration_field_definitions(RegistrationType=TOLL_FREE, SectionPath="messageSamples")
    assert {item["SectionPath"] for item in usecase["RegistrationFieldDefinitions"]} == {"messageSamples"}
    paged = sms.describe_registration_field_definitions(RegistrationType=CAMPAIGN, MaxResults=2)
    assert len(paged["RegistrationFieldDefinitions"]) == 2 and paged["NextToken"]
    assert error_of(lambda: sms.describe_registration_field_definitions(
        RegistrationType=TOLL_FREE, FieldPaths=["companyInfo.nope"])) == ("ValidationException", "UNKNOWN_REGISTRATION_FIELD")
    assert error_of(lambda: sms.describe_registration_field_definitions(RegistrationType="XX"))[1] == "UNKNOWN_REGISTRATION_TYPE"


def test_put_describe_delete_values_and_their_errors(fresh: Emulator) -> None:
    sms = sms_client(fresh)
    rid = sms.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    put = sms.put_registration_field_value(RegistrationId=rid, FieldPath="companyInfo.companyName", TextValue="Acme")
    assert (put["VersionNumber"], put["FieldPath"], put["TextValue"]) == (1, "companyInfo.companyName", "Acme")
    sms.put_registration_field_value(RegistrationId=rid, FieldPath="messagingUseCase.useCaseCategory",
                                     SelectChoices=["MARKETING"])
    values = sms.describe_registration_field_values(RegistrationId=rid)
    assert values["VersionNumber"] == 1 and values["RegistrationFieldValues"] == [
        {"FieldPath": "companyInfo.companyName", "TextValue": "Acme"},
        {"FieldPath": "messagingUseCase.useCaseCategory", "SelectChoices": ["MARKETING"]}]
    section = sms.describe_registration_field_values(RegistrationId=rid, SectionPath="companyInfo")
    assert [item["FieldPath"] for item in section["RegistrationFieldValues"]] == ["companyInfo.companyName"]

    def put(**value):  # type: ignore[no-untyped-def]
        return error_of(lambda: sms.put_registration_field_value(RegistrationId=rid, **value))

    assert put(FieldPath="companyInfo.nope", TextValue="x") == ("ValidationException", "UNKNOWN_REGISTRATION_FIELD")
    assert put(FieldPath="companyInfo.website", TextValue="not a url") == ("ValidationException", "FIELD_VALIDATION_FAILED")
    assert put(FieldPath="companyInfo.companyName", TextValue="x" * 101)[1] == "FIELD_VALIDATION_FAILED"
    assert put(FieldPath="messagingUseCase.useCaseCategory", SelectChoices=["SPAM"])[1] == "FIELD_VALIDATION_FAILED"
    assert put(FieldPath="messagingUseCase.useCaseCategory", SelectChoices=["MARKETING", "MIXED"])[1] == "FIELD_VALIDATION_FAILED"
    assert put(FieldPath="messagingUseCase.useCaseCategory", TextValue="MARKETING")[1] == "INVALID_PARAMETER"
    assert put(FieldPath="companyInfo.companyName", TextValue="a", SelectChoices=["b"])[1] == "PARAMETERS_CANNOT_BE_USED_TOGETHER"
    assert put(FieldPath="companyInfo.companyName")[1] == "MISSING_PARAMETER"
    assert put(FieldPath="messagingUseCase.optInImage", RegistrationAttachmentId="attachment-unknown")[0] == "ResourceNotFoundException"
    assert error_of(lambda: sms.put_registration_field_value(
        RegistrationId="registration-unknown", FieldPath="companyInfo.companyName", TextValue="x"))[0] == \
        "ResourceNotFoundException"
    assert error_of(lambda: sms.describe_registration_field_values(RegistrationId="registration-unknown"))[0] == \
        "ResourceNotFoundException"
    assert error_of(lambda: sms.describe_registration_field_values(RegistrationId=rid, VersionNumber=7)) == (
        "ValidationException", "UNKNOWN_REGISTRATION_VERSION")

    deleted = sms.delete_registration_field_value(RegistrationId=rid, FieldPath="companyInfo.companyName")
    assert deleted["TextValue"] == "Acme"
    assert error_of(lambda: sms.delete_registration_field_value(RegistrationId=rid, FieldPath="companyInfo.companyName")) == (
        "ValidationException", "REGISTRATION_FIELD_CANNOT_BE_DELETED")
    assert error_of(lambda: sms.delete_registration_field_value(RegistrationId=rid, FieldPath="nope.nope"))[1] == \
        "UNKNOWN_REGISTRATION_FIELD"


def test_submit_needs_required_fields_and_values_are_per_version(fresh: Emulator) -> None:
    sms = sms_client(fresh)
    rid = sms.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    partial = dict(list(TOLL_FREE_VALUES.items())[:-1])
    fill(sms, rid, partial)
    associate(sms, rid)
    raised = error_of(lambda: sms.submit_registration_version(RegistrationId=rid))
    assert raised == ("ValidationException", "MISSING_PARAMETER")
    fill(sms, rid, {"messageSamples.messageSample1": TOLL_FREE_VALUES["messageSamples.messageSample1"]})
    assert sms.submit_registration_version(RegistrationId=rid)["RegistrationVersionStatus"] == "SUBMITTED"
    assert error_of(lambda: sms.put_registration_field_value(
        RegistrationId=rid, FieldPath="companyInfo.companyName", TextValue="Later")) == (
        "ConflictException", "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED")
    assert error_of(lambda: sms.delete_registration_field_value(
        RegistrationId=rid, FieldPath="companyInfo.companyName"))[1] == "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED"

    review(fresh, rid, "DENIED", [{"Reason": "OPT_IN", "ShortDescription": "Opt-in unclear"}])
    assert sms.create_registration_version(RegistrationId=rid)["VersionNumber"] == 2
    copied = sms.describe_registration_field_values(RegistrationId=rid)
    assert copied["VersionNumber"] == 2 and len(copied["RegistrationFieldValues"]) == len(TOLL_FREE_VALUES)
    sms.put_registration_field_value(RegistrationId=rid, FieldPath="companyInfo.companyName", TextValue="Renamed")
    first = sms.describe_registration_field_values(RegistrationId=rid, VersionNumber=1,
                                                   FieldPaths=["companyInfo.companyName"])
    assert first["RegistrationFieldValues"] == [{"FieldPath": "companyInfo.companyName", "TextValue": "Example Corp"}]
    assert sms.submit_registration_version(RegistrationId=rid)["VersionNumber"] == 2


def test_attachments(fresh: Emulator) -> None:
    sms = sms_client(fresh)
    made = sms.create_registration_attachment(AttachmentBody=PNG, ClientToken="a1", Tags=[{"Key": "k", "Value": "v"}])
    aid = made["RegistrationAttachmentId"]
    assert made["AttachmentStatus"] == "UPLOAD_COMPLETE" and ":registration-attachment/" in made["RegistrationAttachmentArn"]
    assert sms.create_registration_attachment(AttachmentBody=PNG, ClientToken="a1", Tags=[{"Key": "k", "Value": "v"}])[
        "RegistrationAttachmentId"] == aid
    by_url = sms.create_registration_attachment(AttachmentUrl="s3://bucket/opt-in.pdf")
    listed = sms.describe_registration_attachments()["RegistrationAttachments"]
    assert [item["RegistrationAttachmentId"] for item in listed] == [aid, by_url["RegistrationAttachmentId"]]
    assert listed[1]["AttachmentUrl"] == "s3://bucket/opt-in.pdf" and "Tags" not in listed[0]
    assert sms.describe_registration_attachments(
        RegistrationAttachmentIds=[made["RegistrationAttachmentArn"]])["RegistrationAttachments"][0]["RegistrationAttachmentId"] == aid
    assert sms.describe_registration_attachments(
        Filters=[{"Name": "attachment-status", "Values": ["UPLOAD_FAILED"]}])["RegistrationAttachments"] == []
    assert sms.list_tags_for_resource(ResourceArn=made["RegistrationAttachmentArn"])["Tags"] == [{"Key": "k", "Value": "v"}]

    assert error_of(lambda: sms.create_registration_attachment(AttachmentBody=PNG, AttachmentUrl="s3://b/x.png"))[1] == \
        "PARAMETERS_CANNOT_BE_USED_TOGETHER"
    assert error_of(lambda: sms.create_registration_attachment())[1] == "MISSING_PARAMETER"
    assert error_of(lambda: sms.create_registration_attachment(AttachmentBody=b"hello"))[1] == "ATTACHMENT_TYPE_NOT_SUPPORTED"
    assert error_of(lambda: sms.create_registration_attachment(AttachmentUrl="s3://bucket/notes.txt"))[1] == \
        "ATTACHMENT_TYPE_NOT_SUPPORTED"
    assert error_of(lambda: sms.create_registration_attachment(AttachmentUrl="https://example.com/x.png"))[1] == \
        "INVALID_PARAMETER"
    assert error_of(lambda: sms.describe_registration_attachments(RegistrationAttachmentIds=["attachment-nope"]))[0] == \
        "ResourceNotFoundException"

    rid = sms.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    image = sms.put_registration_field_value(RegistrationId=rid, FieldPath="messagingUseCase.optInImage",
                                             RegistrationAttachmentId=made["RegistrationAttachmentArn"])
    assert image["RegistrationAttachmentId"] == aid
    assert error_of(lambda: sms.put_registration_field_value(RegistrationId=rid, FieldPath="messagingUseCase.optInImage",
                                                             TextValue="x"))[1] == "INVALID_PARAMETER"
    assert error_of(lambda: sms.delete_registration_attachment(RegistrationAttachmentId=aid)) == (
        "ConflictException", "RESOURCE_DELETION_NOT_ALLOWED")
    sms.delete_registration_field_value(RegistrationId=rid, FieldPath="messagingUseCase.optInImage")
    assert sms.delete_registration_attachment(RegistrationAttachmentId=aid)["AttachmentStatus"] == "DELETED"
    assert error_of(lambda: sms.delete_registration_attachment(RegistrationAttachmentId=aid))[0] == "ResourceNotFoundException"


def test_attachment_size_limit(fresh: Emulator) -> None:
    sms = sms_client(fresh)
    # The model's AttachmentBody limit is 6990508 bytes; the documented one ("The maximum file size is 5MB") is lower.
    over = b"%PDF-" + b"\x00" * (5 * 1024 * 1024 - 4)
    assert error_of(lambda: sms.create_registration_attachment(AttachmentBody=over))[1] == "MAXIMUM_SIZE_EXCEEDED"
    assert error_of(lambda: sms.create_registration_attachment(AttachmentBody=b"%PDF-" + b"\x00" * 6990504)) == (
        "ValidationException", "FIELD_VALIDATION_FAILED")
    assert sms.create_registration_attachment(AttachmentBody=over[:-1])["AttachmentStatus"] == "UPLOAD_COMPLETE"


def test_toll_free_association_and_approval_shows_registration_id(fresh: Emulator) -> None:
    sms = sms_client(fresh)
    rid = sms.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    toll = number(sms)
    assert toll["Status"] == "PENDING" and "RegistrationId" not in toll
    made = sms.create_registration_association(RegistrationId=rid, ResourceId=toll["PhoneNumberArn"])
    assert (made["RegistrationType"], made["ResourceType"], made["ResourceId"], made["PhoneNumber"], made["IsoCountryCode"]) == (
        TOLL_FREE, "PHONE_NUMBER", toll["PhoneNumberId"], toll["PhoneNumber"], "US")
    other = sms.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    assert error_of(lambda: sms.create_registration_association(RegistrationId=other, ResourceId=toll["PhoneNumberId"])) == (
        "ConflictException", "PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION")
    simulator = number(sms, "SIMULATOR")
    assert error_of(lambda: sms.create_registration_association(RegistrationId=rid, ResourceId=simulator["PhoneNumberId"])) == (
        "ValidationException", "INVALID_REGISTRATION_ASSOCIATION")
    brand = sms.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")["RegistrationId"]
    assert error_of(lambda: sms.create_registration_association(RegistrationId=brand, ResourceId=toll["PhoneNumberId"]))[1] == \
        "INVALID_REGISTRATION_ASSOCIATION"
    assert error_of(lambda: sms.create_registration_association(RegistrationId=rid, ResourceId="phone-nope"))[0] == \
        "ResourceNotFoundException"

    listed = sms.list_registration_associations(RegistrationId=rid)
    assert listed["RegistrationType"] == TOLL_FREE and [item["ResourceId"] for item in listed["RegistrationAssociations"]] == [
        toll["PhoneNumberId"]]
    assert sms.list_registration_associations(
        RegistrationId=rid, Filters=[{"Name": "iso-country-code", "Values": ["CA"]}])["RegistrationAssociations"] == []
    assert error_of(lambda: sms.list_registration_associations(RegistrationId="registration-nope"))[0] == \
        "ResourceNotFoundException"

    fill(sms, rid)
    sms.submit_registration_version(RegistrationId=rid)
    shown = sms.describe_phone_numbers(PhoneNumberIds=[toll["PhoneNumberId"]])["PhoneNumbers"][0]
    assert "RegistrationId" not in shown
    review(fresh, rid, "APPROVED")
    shown = sms.describe_phone_numbers(PhoneNumberIds=[toll["PhoneNumberId"]])["PhoneNumbers"][0]
    assert shown["RegistrationId"] == rid and shown["Status"] == "PENDING"  # activation is unchanged

    assert error_of(lambda: sms.delete_registration(RegistrationId=rid)) == ("ConflictException", "RESOURCE_DELETION_NOT_ALLOWED")
    sms.release_phone_number(PhoneNumberId=toll["PhoneNumberId"])
    assert sms.list_registration_associations(RegistrationId=rid)["RegistrationAssociations"] == []
    assert sms.delete_registration(RegistrationId=rid)["RegistrationStatus"] == "DELETED"


def test_campaign_associates_after_complete(fresh: Emulator) -> None:
    sms = sms_client(fresh)
    rid = sms.create_registration(RegistrationType=CAMPAIGN)["RegistrationId"]
    ten_dlc = number(sms, "TEN_DLC")
    assert error_of(lambda: sms.create_registration_association(RegistrationId=rid, ResourceId=ten_dlc["PhoneNumberId"])) == (
        "ConflictException", "REGISTRATION_NOT_COMPLETE")
    assert error_of(lambda: sms.submit_registration_version(RegistrationId=rid))[1] == "MISSING_PARAMETER"
    brand = sms.create_registration(RegistrationType="US_TEN_DLC_BRAND_REGISTRATION")["RegistrationId"]
    fill(sms, rid, {
        "campaignInfo.brandRegistrationId": {"TextValue": brand},
        "messagingUseCase.useCaseCategory": {"SelectChoices": ["TWO_FACTOR_AUTHENTICATION"]},
        "messagingUseCase.optInDescription": {"TextValue": "Users opt in at sign-up."},
        "messageSamples.messageSample1": {"TextValue": "Your code is 123456"},
    })
    sms.submit_registration_version(RegistrationId=rid)
    review(fresh, rid, "APPROVED")
    sms.create_registration_association(RegistrationId=rid, ResourceId=ten_dlc["PhoneNumberId"])
    shown = sms.describe_phone_numbers(PhoneNumberIds=[ten_dlc["PhoneNumberId"]])["PhoneNumbers"][0]
    assert shown["RegistrationId"] == rid
    assert error_of(lambda: sms.create_registration_association(
        RegistrationId=rid, ResourceId=number(sms)["PhoneNumberId"]))[1] == "INVALID_REGISTRATION_ASSOCIATION"


def test_small_pages_of_the_form_listings(fresh: Emulator) -> None:
    sms = sms_client(fresh)
    rid = sms.create_registration(RegistrationType=TOLL_FREE)["RegistrationId"]
    fill(sms, rid)
    fresh.control("POST", "config", {"pageSize": 1})
    seen, token, pages = [], None, 0
    while True:
        page = sms.describe_registration_field_values(RegistrationId=rid, **({"NextToken": token} if token else {}))
        seen += [item["FieldPath"] for item in page["RegistrationFieldValues"]]
        pages += 1
        token = page.get("NextToken")
        if not token:
            break
    assert sorted(seen) == sorted(TOLL_FREE_VALUES) and pages == len(TOLL_FREE_VALUES) + 2
    first = sms.describe_registration_field_definitions(RegistrationType=CAMPAIGN)
    assert first["RegistrationFieldDefinitions"] == [] and first["NextToken"]
