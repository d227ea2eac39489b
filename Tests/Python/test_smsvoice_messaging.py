"""Configuration sets with event destinations, protect configurations (country rules, account default,
association, deletion protection) and verified destination numbers of the sms-voice emulator."""

from typing import Any

import pytest
from botocore.exceptions import ClientError
from smsvoice_support import client, error_of  # noqa: F401

from smsvoice.countries import ISO_COUNTRY_CODES
from smsvoice.verified import TEST_VERIFICATION_CODE

LOGS = {
    "IamRoleArn": "arn:aws:iam::123456789012:role/sms-logs",
    "LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:sms",
}


def test_configuration_set_with_event_destination(client: Any) -> None:
    created = client.create_configuration_set(ConfigurationSetName="signin", Tags=[{"Key": "a", "Value": "b"}])
    assert created["ConfigurationSetArn"].endswith(":configuration-set/signin")
    client.set_default_message_type(ConfigurationSetName="signin", MessageType="TRANSACTIONAL")
    client.create_event_destination(
        ConfigurationSetName="signin", EventDestinationName="logs", MatchingEventTypes=["TEXT_ALL"],
        CloudWatchLogsDestination=LOGS,
    )
    described = client.describe_configuration_sets(ConfigurationSetNames=["signin"])["ConfigurationSets"][0]
    assert described["DefaultMessageType"] == "TRANSACTIONAL"
    assert described["EventDestinations"] == [
        {"EventDestinationName": "logs", "Enabled": True, "MatchingEventTypes": ["TEXT_ALL"],
         "CloudWatchLogsDestination": LOGS}
    ]
    topic = {"TopicArn": "arn:aws:sns:us-east-1:123456789012:sms-events"}
    updated = client.update_event_destination(
        ConfigurationSetName="signin", EventDestinationName="logs", SnsDestination=topic, Enabled=False
    )["EventDestination"]
    assert updated == {"EventDestinationName": "logs", "Enabled": False, "MatchingEventTypes": ["TEXT_ALL"],
                       "SnsDestination": topic}
    assert client.list_tags_for_resource(ResourceArn=created["ConfigurationSetArn"])["Tags"] == [
        {"Key": "a", "Value": "b"}
    ]
    client.delete_event_destination(ConfigurationSetName="signin", EventDestinationName="logs")
    client.delete_configuration_set(ConfigurationSetName="signin")
    with pytest.raises(ClientError) as excinfo:
        client.describe_configuration_sets(ConfigurationSetNames=["signin"])
    assert error_of(excinfo)["ResourceType"] == "configuration-set"


def test_configuration_set_name_is_unique_and_destination_needs_one_target(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="signin")
    with pytest.raises(ClientError) as excinfo:
        client.create_configuration_set(ConfigurationSetName="signin")
    assert error_of(excinfo)["Reason"] == "RESOURCE_ALREADY_EXISTS"
    with pytest.raises(ClientError) as excinfo:
        client.create_event_destination(
            ConfigurationSetName="signin", EventDestinationName="x", MatchingEventTypes=["ALL"]
        )
    assert error_of(excinfo)["Code"] == "ValidationException"


def test_default_message_type_and_sender_id_are_deleted(client: Any) -> None:
    client.create_configuration_set(ConfigurationSetName="signin")
    client.set_default_message_type(ConfigurationSetName="signin", MessageType="TRANSACTIONAL")
    client.set_default_sender_id(ConfigurationSetName="signin", SenderId="MyApp")
    answer = client.delete_default_message_type(ConfigurationSetName="signin")
    assert (answer["ConfigurationSetName"], "MessageType" in answer) == ("signin", False)
    assert "SenderId" not in client.delete_default_sender_id(ConfigurationSetName="signin")
    described = client.describe_configuration_sets(ConfigurationSetNames=["signin"])["ConfigurationSets"][0]
    assert ("DefaultMessageType" in described, "DefaultSenderId" in described) == (False, False)
    with pytest.raises(ClientError) as excinfo:
        client.delete_default_sender_id(ConfigurationSetName="absent")
    assert error_of(excinfo)["ResourceType"] == "configuration-set"


def test_protect_configuration_returns_every_country(client: Any) -> None:
    created = client.create_protect_configuration(DeletionProtectionEnabled=False)
    pc = created["ProtectConfigurationId"]
    assert created["AccountDefault"] is False
    rules = client.get_protect_configuration_country_rule_set(ProtectConfigurationId=pc, NumberCapability="SMS")
    assert set(rules["CountryRuleSet"]) == set(ISO_COUNTRY_CODES)
    assert {rule["ProtectStatus"] for rule in rules["CountryRuleSet"].values()} == {"ALLOW"}
    updated = client.update_protect_configuration_country_rule_set(
        ProtectConfigurationId=pc, NumberCapability="SMS",
        CountryRuleSetUpdates={"FR": {"ProtectStatus": "BLOCK"}, "GB": {"ProtectStatus": "MONITOR"}},
    )["CountryRuleSet"]
    assert len(updated) == len(ISO_COUNTRY_CODES)
    assert (updated["FR"], updated["GB"], updated["US"]) == (
        {"ProtectStatus": "BLOCK"}, {"ProtectStatus": "MONITOR"}, {"ProtectStatus": "ALLOW"}
    )
    voice = client.get_protect_configuration_country_rule_set(ProtectConfigurationId=pc, NumberCapability="VOICE")
    assert voice["CountryRuleSet"]["FR"] == {"ProtectStatus": "ALLOW"}


def test_country_rule_updates_are_checked(client: Any) -> None:
    pc = client.create_protect_configuration()["ProtectConfigurationId"]
    for capability, updates in (("SMS", {"XX": {"ProtectStatus": "BLOCK"}}),
                                ("VOICE", {"FR": {"ProtectStatus": "MONITOR"}})):
        with pytest.raises(ClientError) as excinfo:
            client.update_protect_configuration_country_rule_set(
                ProtectConfigurationId=pc, NumberCapability=capability, CountryRuleSetUpdates=updates
            )
        assert error_of(excinfo)["Code"] == "ValidationException"
    rules = client.get_protect_configuration_country_rule_set(ProtectConfigurationId=pc, NumberCapability="VOICE")
    assert rules["CountryRuleSet"]["FR"] == {"ProtectStatus": "ALLOW"}


def test_protect_configuration_default_association_and_deletion_rules(client: Any) -> None:
    pc = client.create_protect_configuration(DeletionProtectionEnabled=True)["ProtectConfigurationId"]
    client.set_account_default_protect_configuration(ProtectConfigurationId=pc)
    client.create_configuration_set(ConfigurationSetName="signin")
    client.associate_protect_configuration(ProtectConfigurationId=pc, ConfigurationSetName="signin")
    described = client.describe_protect_configurations(ProtectConfigurationIds=[pc])["ProtectConfigurations"][0]
    assert (described["AccountDefault"], described["DeletionProtectionEnabled"]) == (True, True)
    sets = client.describe_configuration_sets(
        Filters=[{"Name": "protect-configuration-id", "Values": [pc]}]
    )["ConfigurationSets"]
    assert [item["ConfigurationSetName"] for item in sets] == ["signin"]

    def delete_reason() -> str:
        with pytest.raises(ClientError) as excinfo:
            client.delete_protect_configuration(ProtectConfigurationId=pc)
        return str(error_of(excinfo)["Reason"])

    assert delete_reason() == "DELETION_PROTECTION_ENABLED"
    client.update_protect_configuration(ProtectConfigurationId=pc, DeletionProtectionEnabled=False)
    assert delete_reason() == "PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT"
    client.delete_account_default_protect_configuration()
    assert delete_reason() == "PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET"
    client.disassociate_protect_configuration(ProtectConfigurationId=pc, ConfigurationSetName="signin")
    client.delete_protect_configuration(ProtectConfigurationId=pc)
    assert client.describe_protect_configurations()["ProtectConfigurations"] == []
    with pytest.raises(ClientError) as excinfo:
        client.delete_account_default_protect_configuration()
    assert error_of(excinfo)["Code"] == "ResourceNotFoundException"


def test_verified_destination_number_lifecycle(client: Any) -> None:
    created = client.create_verified_destination_number(DestinationPhoneNumber="+14255550100")
    number_id = created["VerifiedDestinationNumberId"]
    assert created["Status"] == "PENDING"
    with pytest.raises(ClientError) as excinfo:
        client.verify_destination_number(VerifiedDestinationNumberId=number_id, VerificationCode=TEST_VERIFICATION_CODE)
    assert error_of(excinfo)["Code"] == "ValidationException"  # no code was sent yet
    client.send_destination_number_verification_code(VerifiedDestinationNumberId=number_id, VerificationChannel="TEXT")
    with pytest.raises(ClientError):
        client.verify_destination_number(VerifiedDestinationNumberId=number_id, VerificationCode="000000")
    verified = client.verify_destination_number(
        VerifiedDestinationNumberId=number_id, VerificationCode=TEST_VERIFICATION_CODE
    )
    assert verified["Status"] == "VERIFIED"
    listed = client.describe_verified_destination_numbers(DestinationPhoneNumbers=["+14255550100"])
    assert [item["Status"] for item in listed["VerifiedDestinationNumbers"]] == ["VERIFIED"]
    with pytest.raises(ClientError) as excinfo:
        client.create_verified_destination_number(DestinationPhoneNumber="+14255550100")
    assert error_of(excinfo)["Reason"] == "RESOURCE_ALREADY_EXISTS"
    client.delete_verified_destination_number(VerifiedDestinationNumberId=number_id)
    assert client.describe_verified_destination_numbers()["VerifiedDestinationNumbers"] == []
