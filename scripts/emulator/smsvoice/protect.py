"""Protect configurations (SMS pumping protection): Create/Describe/Update/DeleteProtectConfiguration,
Get/UpdateProtectConfigurationCountryRuleSet, Set/DeleteAccountDefaultProtectConfiguration,
Associate/DisassociateProtectConfiguration.

Mixed into ``SmsVoiceBackend``. A new configuration allows every country for every capability; the country rule set
is always returned whole (every country of ``countries.py``), as AWS does, however few rules a caller changed.
"""

from dataclasses import dataclass, field
from typing import Any

from .clock import clock
from .common import tag_map
from .configuration_sets import ConfigurationSet
from .countries import ISO_COUNTRY_CODES, STATUSES_BY_CAPABILITY
from .exceptions import ConflictException, ResourceNotFoundException, ValidationException

PROTECT = "protect-configuration"


@dataclass
class ProtectConfiguration:
    """A protect configuration (``ProtectConfigurationInformation``) with its country rules per capability."""

    id: str
    arn: str
    created: float
    deletion_protection: bool = False
    rules: dict[str, dict[str, str]] = field(
        default_factory=lambda: {
            capability: {country: "ALLOW" for country in ISO_COUNTRY_CODES} for capability in STATUSES_BY_CAPABILITY
        }
    )
    tags: dict[str, str] = field(default_factory=dict)

    def describe(self, account_default: bool) -> dict[str, Any]:
        """The ``ProtectConfigurationInformation`` (plus tags, kept only where the output shape has them)."""
        return {
            "ProtectConfigurationArn": self.arn,
            "ProtectConfigurationId": self.id,
            "CreatedTimestamp": self.created,
            "AccountDefault": account_default,
            "DeletionProtectionEnabled": self.deletion_protection,
            "Tags": [{"Key": key, "Value": value} for key, value in self.tags.items()],
        }

    def rule_set(self, capability: str) -> dict[str, dict[str, str]]:
        """The ``CountryRuleSet`` of one capability: every country with its ``ProtectStatus``."""
        return {country: {"ProtectStatus": status} for country, status in self.rules[capability].items()}


class ProtectMixin:
    """Protect configuration operations of the backend."""

    protect_configurations: dict[str, ProtectConfiguration]
    account_default_protect: str | None
    configuration_sets: dict[str, ConfigurationSet]

    def find_protect(self, id_or_arn: str) -> ProtectConfiguration:
        """The protect configuration with this id or ARN."""
        key = id_or_arn.rsplit("/", 1)[-1] if id_or_arn.startswith("arn:") else id_or_arn
        found = self.protect_configurations.get(key)
        if found is None:
            raise ResourceNotFoundException(PROTECT, id_or_arn)
        return found

    def describe_protect(self, found: ProtectConfiguration) -> dict[str, Any]:
        """Its information, with AccountDefault."""
        return found.describe(found.id == self.account_default_protect)

    def create_protect_configuration(self: Any, params: dict[str, Any]) -> ProtectConfiguration:
        """CreateProtectConfiguration (idempotent on ClientToken)."""
        token = params.get("ClientToken")
        previous = self.replay("CreateProtectConfiguration", token, params)
        if previous is not None and previous in self.protect_configurations:
            return self.protect_configurations[previous]
        new_id = self.new_id("protect")
        created = ProtectConfiguration(
            id=new_id,
            arn=self.arn(PROTECT, new_id),
            created=clock.now(),
            deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
            tags=tag_map(params.get("Tags")),
        )
        self.protect_configurations[new_id] = created
        self.remember("CreateProtectConfiguration", token, params, new_id)
        return created

    def update_protect_configuration(self, params: dict[str, Any]) -> ProtectConfiguration:
        """UpdateProtectConfiguration: deletion protection."""
        found = self.find_protect(params["ProtectConfigurationId"])
        if "DeletionProtectionEnabled" in params:
            found.deletion_protection = params["DeletionProtectionEnabled"]
        return found

    def delete_protect_configuration(self: Any, id_or_arn: str) -> ProtectConfiguration:
        """DeleteProtectConfiguration: refused while protected, while the account default, or while a
        configuration set uses it (ConflictException with the model's reasons)."""
        found = self.find_protect(id_or_arn)
        if found.deletion_protection:
            raise ConflictException(
                "The protect configuration has deletion protection enabled.",
                "DELETION_PROTECTION_ENABLED",
                PROTECT,
                found.id,
            )
        if found.id == self.account_default_protect:
            raise ConflictException(
                "The protect configuration is the account default.",
                "PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT",
                PROTECT,
                found.id,
            )
        if any(item.protect_configuration_id == found.id for item in self.configuration_sets.values()):
            raise ConflictException(
                "The protect configuration is associated with a configuration set.",
                "PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET",
                PROTECT,
                found.id,
            )
        del self.protect_configurations[found.id]
        self.forget(found.id)
        return found

    def update_country_rule_set(self, params: dict[str, Any]) -> ProtectConfiguration:
        """UpdateProtectConfigurationCountryRuleSet: changes only the countries named; unknown countries and
        statuses the capability does not offer are ValidationExceptions, and nothing changes."""
        found = self.find_protect(params["ProtectConfigurationId"])
        capability = params["NumberCapability"]
        allowed = STATUSES_BY_CAPABILITY[capability]
        updates = {country: rule["ProtectStatus"] for country, rule in params["CountryRuleSetUpdates"].items()}
        for country, status in updates.items():
            if country not in ISO_COUNTRY_CODES:
                raise ValidationException(
                    f"{country} is not a supported country.",
                    "INVALID_PARAMETER",
                    [{"Name": "CountryRuleSetUpdates", "Message": f"unknown country {country}"}],
                )
            if status not in allowed:
                raise ValidationException(
                    f"ProtectStatus {status} is not offered for {capability}.",
                    "INVALID_PARAMETER",
                    [{"Name": "CountryRuleSetUpdates", "Message": f"{status} is not valid for {capability}"}],
                )
        found.rules[capability].update(updates)
        return found

    def set_account_default_protect(self, id_or_arn: str) -> ProtectConfiguration:
        """SetAccountDefaultProtectConfiguration (replaces any previous default)."""
        found = self.find_protect(id_or_arn)
        self.account_default_protect = found.id
        return found

    def delete_account_default_protect(self) -> ProtectConfiguration:
        """DeleteAccountDefaultProtectConfiguration: ResourceNotFoundException when there is none."""
        if self.account_default_protect is None:
            raise ResourceNotFoundException(PROTECT, "account-default")
        found = self.protect_configurations[self.account_default_protect]
        self.account_default_protect = None
        return found

    def associate_protect(self, params: dict[str, Any]) -> tuple[ProtectConfiguration, ConfigurationSet]:
        """AssociateProtectConfiguration: a configuration set holds at most one."""
        found = self.find_protect(params["ProtectConfigurationId"])
        target: ConfigurationSet = self.find_configuration_set(params["ConfigurationSetName"])  # type: ignore[attr-defined]
        if target.protect_configuration_id not in (None, found.id):
            raise ConflictException(
                "The configuration set already has a protect configuration.",
                "RESOURCE_ALREADY_ASSOCIATED",
                "configuration-set",
                target.name,
            )
        target.protect_configuration_id = found.id
        return found, target

    def disassociate_protect(self, params: dict[str, Any]) -> tuple[ProtectConfiguration, ConfigurationSet]:
        """DisassociateProtectConfiguration."""
        found = self.find_protect(params["ProtectConfigurationId"])
        target: ConfigurationSet = self.find_configuration_set(params["ConfigurationSetName"])  # type: ignore[attr-defined]
        if target.protect_configuration_id != found.id:
            raise ConflictException(
                "The protect configuration is not associated with the configuration set.",
                "PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET",
                PROTECT,
                found.id,
            )
        target.protect_configuration_id = None
        return found, target
