"""Handlers of the configuration set, event destination, protect configuration and verified destination number
operations, mixed into ``SmsVoiceResponse`` (which supplies ``backend``, ``_params``, ``_reply`` and ``_page``)."""

from typing import Any

from .configuration_sets import ConfigurationSet
from .paging import apply_filters
from .protect import ProtectConfiguration


class MessagingResponses:
    """Configuration sets, event destinations, protect configurations, account attributes, verified destination
    numbers."""

    backend: Any
    _params: Any
    _reply: Any
    _page: Any

    # Configuration sets and event destinations

    def create_configuration_set(self) -> str:
        """CreateConfigurationSet."""
        return self._reply(self.backend.create_configuration_set(self._params()).describe())

    def describe_configuration_sets(self) -> str:
        """DescribeConfigurationSets."""
        params = self._params()
        names = params.get("ConfigurationSetNames")
        found: list[ConfigurationSet] = (
            [self.backend.find_configuration_set(name) for name in names]
            if names
            else list(self.backend.configuration_sets.values())
        )
        infos = [item.describe() for item in found]
        matching = apply_filters(infos, params.get("Filters"), _configuration_set_filters)
        for info in matching:
            info.pop("Tags", None)
        return self._page("ConfigurationSets", matching, params)

    def delete_configuration_set(self) -> str:
        """DeleteConfigurationSet."""
        return self._reply(self.backend.delete_configuration_set(self._params()["ConfigurationSetName"]).describe())

    def set_default_message_type(self) -> str:
        """SetDefaultMessageType."""
        params = self._params()
        found = self.backend.set_default_message_type(params["ConfigurationSetName"], params["MessageType"])
        return self._reply({**found.describe(), "MessageType": found.default_message_type})

    def set_default_sender_id(self) -> str:
        """SetDefaultSenderId."""
        params = self._params()
        found = self.backend.set_default_sender_id(params["ConfigurationSetName"], params["SenderId"])
        return self._reply({**found.describe(), "SenderId": found.default_sender_id})

    def delete_default_message_type(self) -> str:
        """DeleteDefaultMessageType: the set's ARN and name, and no message type any more."""
        found = self.backend.delete_default_message_type(self._params()["ConfigurationSetName"])
        return self._reply({"ConfigurationSetArn": found.arn, "ConfigurationSetName": found.name})

    def delete_default_sender_id(self) -> str:
        """DeleteDefaultSenderId: the set's ARN and name, and no sender ID any more."""
        found = self.backend.delete_default_sender_id(self._params()["ConfigurationSetName"])
        return self._reply({"ConfigurationSetArn": found.arn, "ConfigurationSetName": found.name})

    def create_event_destination(self) -> str:
        """CreateEventDestination."""
        return self._destination(*self.backend.create_event_destination(self._params()))

    def update_event_destination(self) -> str:
        """UpdateEventDestination."""
        return self._destination(*self.backend.update_event_destination(self._params()))

    def delete_event_destination(self) -> str:
        """DeleteEventDestination."""
        return self._destination(*self.backend.delete_event_destination(self._params()))

    def _destination(self, found: ConfigurationSet, destination: dict[str, Any]) -> str:
        return self._reply(
            {"ConfigurationSetArn": found.arn, "ConfigurationSetName": found.name, "EventDestination": destination}
        )

    # Protect configurations

    def _protect(self, found: ProtectConfiguration) -> str:
        return self._reply(self.backend.describe_protect(found))

    def create_protect_configuration(self) -> str:
        """CreateProtectConfiguration."""
        return self._protect(self.backend.create_protect_configuration(self._params()))

    def describe_protect_configurations(self) -> str:
        """DescribeProtectConfigurations."""
        params = self._params()
        ids = params.get("ProtectConfigurationIds")
        found = (
            [self.backend.find_protect(value) for value in ids]
            if ids
            else list(self.backend.protect_configurations.values())
        )
        infos = [self.backend.describe_protect(item) for item in found]
        matching = apply_filters(infos, params.get("Filters"), _protect_filters)
        for info in matching:
            info.pop("Tags", None)
        return self._page("ProtectConfigurations", matching, params)

    def update_protect_configuration(self) -> str:
        """UpdateProtectConfiguration."""
        return self._protect(self.backend.update_protect_configuration(self._params()))

    def delete_protect_configuration(self) -> str:
        """DeleteProtectConfiguration."""
        return self._protect(self.backend.delete_protect_configuration(self._params()["ProtectConfigurationId"]))

    def get_protect_configuration_country_rule_set(self) -> str:
        """GetProtectConfigurationCountryRuleSet: every country."""
        params = self._params()
        found = self.backend.find_protect(params["ProtectConfigurationId"])
        return self._rule_set(found, params["NumberCapability"])

    def update_protect_configuration_country_rule_set(self) -> str:
        """UpdateProtectConfigurationCountryRuleSet: the whole rule set after the update."""
        params = self._params()
        return self._rule_set(self.backend.update_country_rule_set(params), params["NumberCapability"])

    def _rule_set(self, found: ProtectConfiguration, capability: str) -> str:
        return self._reply(
            {
                "ProtectConfigurationArn": found.arn,
                "ProtectConfigurationId": found.id,
                "NumberCapability": capability,
                "CountryRuleSet": found.rule_set(capability),
            }
        )

    def set_account_default_protect_configuration(self) -> str:
        """SetAccountDefaultProtectConfiguration."""
        found = self.backend.set_account_default_protect(self._params()["ProtectConfigurationId"])
        return self._reply({"DefaultProtectConfigurationArn": found.arn, "DefaultProtectConfigurationId": found.id})

    def delete_account_default_protect_configuration(self) -> str:
        """DeleteAccountDefaultProtectConfiguration."""
        self._params()
        found = self.backend.delete_account_default_protect()
        return self._reply({"DefaultProtectConfigurationArn": found.arn, "DefaultProtectConfigurationId": found.id})

    def associate_protect_configuration(self) -> str:
        """AssociateProtectConfiguration."""
        return self._association(*self.backend.associate_protect(self._params()))

    def disassociate_protect_configuration(self) -> str:
        """DisassociateProtectConfiguration."""
        return self._association(*self.backend.disassociate_protect(self._params()))

    def _association(self, found: ProtectConfiguration, target: ConfigurationSet) -> str:
        return self._reply(
            {
                "ConfigurationSetArn": target.arn,
                "ConfigurationSetName": target.name,
                "ProtectConfigurationArn": found.arn,
                "ProtectConfigurationId": found.id,
            }
        )

    # The sandbox: account tier and verified destination numbers

    def describe_account_attributes(self) -> str:
        """DescribeAccountAttributes."""
        params = self._params()
        return self._page("AccountAttributes", self.backend.account_attributes(), params)

    def create_verified_destination_number(self) -> str:
        """CreateVerifiedDestinationNumber."""
        return self._reply(self.backend.create_verified_number(self._params()).describe())

    def describe_verified_destination_numbers(self) -> str:
        """DescribeVerifiedDestinationNumbers."""
        params = self._params()
        ids = params.get("VerifiedDestinationNumberIds")
        found = (
            [self.backend.find_verified(value) for value in ids]
            if ids
            else list(self.backend.verified_numbers.values())
        )
        wanted = params.get("DestinationPhoneNumbers")
        if wanted:
            found = [item for item in found if item.phone_number in wanted]
        infos = [item.describe() for item in found]
        matching = apply_filters(infos, params.get("Filters"), lambda info: {"status": info["Status"]})
        for info in matching:
            info.pop("Tags", None)
        return self._page("VerifiedDestinationNumbers", matching, params)

    def send_destination_number_verification_code(self) -> str:
        """SendDestinationNumberVerificationCode: nothing is sent; the code is the test code."""
        found = self.backend.send_verification_code(self._params()["VerifiedDestinationNumberId"])
        return self._reply({"MessageId": f"{found.id}-code"})

    def verify_destination_number(self) -> str:
        """VerifyDestinationNumber."""
        params = self._params()
        return self._reply(
            self.backend.verify_number(params["VerifiedDestinationNumberId"], params["VerificationCode"]).describe()
        )

    def delete_verified_destination_number(self) -> str:
        """DeleteVerifiedDestinationNumber."""
        return self._reply(self.backend.delete_verified_number(self._params()["VerifiedDestinationNumberId"]).describe())


def _configuration_set_filters(info: dict[str, Any]) -> dict[str, Any]:
    return {
        "event-destination-name": [item["EventDestinationName"] for item in info["EventDestinations"]],
        "matching-event-types": [kind for item in info["EventDestinations"] for kind in item["MatchingEventTypes"]],
        "default-message-type": info.get("DefaultMessageType"),
        "default-sender-id": info.get("DefaultSenderId"),
        "default-message-feedback-enabled": info["DefaultMessageFeedbackEnabled"],
        "protect-configuration-id": info.get("ProtectConfigurationId"),
    }


def _protect_filters(info: dict[str, Any]) -> dict[str, Any]:
    return {
        "account-default": info["AccountDefault"],
        "deletion-protection-enabled": info["DeletionProtectionEnabled"],
    }
