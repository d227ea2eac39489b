"""Configuration sets and their event destinations: CreateConfigurationSet, DescribeConfigurationSets,
DeleteConfigurationSet, Set/DeleteDefaultMessageType, Set/DeleteDefaultSenderId, Create/Update/DeleteEventDestination.

Mixed into ``SmsVoiceBackend``. Names are unique per account and region; a configuration set may carry one protect
configuration (``protect.py``).
"""

from dataclasses import dataclass, field
from typing import Any

from .clock import clock
from .common import tag_map
from .entities import tag_list
from .exceptions import ConflictException, ResourceNotFoundException, ValidationException

CONFIGURATION_SET = "configuration-set"
EVENT_DESTINATION = "event-destination"
DESTINATION_KINDS = ("CloudWatchLogsDestination", "KinesisFirehoseDestination", "SnsDestination")


@dataclass
class ConfigurationSet:
    """A configuration set (``ConfigurationSetInformation``)."""

    name: str
    arn: str
    created: float
    default_message_type: str | None = None
    default_sender_id: str | None = None
    protect_configuration_id: str | None = None
    destinations: dict[str, dict[str, Any]] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        """The ``ConfigurationSetInformation`` of this set, with its tags (trimmed by each operation's shape)."""
        info: dict[str, Any] = {
            "ConfigurationSetArn": self.arn,
            "ConfigurationSetName": self.name,
            "EventDestinations": [dict(destination) for destination in self.destinations.values()],
            "DefaultMessageType": self.default_message_type,
            "DefaultSenderId": self.default_sender_id,
            "DefaultMessageFeedbackEnabled": False,
            "CreatedTimestamp": self.created,
            "ProtectConfigurationId": self.protect_configuration_id,
            "Tags": tag_list(self.tags),
        }
        return {key: value for key, value in info.items() if value is not None}


def _destination_target(params: dict[str, Any], required: bool) -> dict[str, Any]:
    """The one destination member of a Create/UpdateEventDestination request (exactly one when creating)."""
    given = {kind: params[kind] for kind in DESTINATION_KINDS if kind in params}
    if len(given) > 1 or (required and not given):
        raise ValidationException(
            "Specify exactly one of CloudWatchLogsDestination, KinesisFirehoseDestination or SnsDestination.",
            "INVALID_PARAMETER",
        )
    return given


class ConfigurationSetsMixin:
    """Configuration set operations of the backend."""

    configuration_sets: dict[str, ConfigurationSet]

    def find_configuration_set(self, name_or_arn: str) -> ConfigurationSet:
        """The configuration set with this name or ARN."""
        name = name_or_arn.rsplit("/", 1)[-1] if name_or_arn.startswith("arn:") else name_or_arn
        found = self.configuration_sets.get(name)
        if found is None:
            raise ResourceNotFoundException(CONFIGURATION_SET, name_or_arn)
        return found

    def create_configuration_set(self: Any, params: dict[str, Any]) -> ConfigurationSet:
        """CreateConfigurationSet (idempotent on ClientToken); an existing name is a ConflictException."""
        token = params.get("ClientToken")
        previous = self.replay("CreateConfigurationSet", token, params)
        if previous is not None and previous in self.configuration_sets:
            return self.configuration_sets[previous]
        name = params["ConfigurationSetName"]
        if name in self.configuration_sets:
            raise ConflictException(
                f"Configuration set {name} already exists.", "RESOURCE_ALREADY_EXISTS", CONFIGURATION_SET, name
            )
        created = ConfigurationSet(
            name=name, arn=self.arn(CONFIGURATION_SET, name), created=clock.now(), tags=tag_map(params.get("Tags"))
        )
        self.configuration_sets[name] = created
        self.remember("CreateConfigurationSet", token, params, name)
        return created

    def delete_configuration_set(self: Any, name_or_arn: str) -> ConfigurationSet:
        """DeleteConfigurationSet: the set and its event destinations."""
        found = self.find_configuration_set(name_or_arn)
        del self.configuration_sets[found.name]
        self.forget(found.name)
        return found

    def set_default_message_type(self, name_or_arn: str, message_type: str) -> ConfigurationSet:
        """SetDefaultMessageType."""
        found = self.find_configuration_set(name_or_arn)
        found.default_message_type = message_type
        return found

    def set_default_sender_id(self, name_or_arn: str, sender_id: str) -> ConfigurationSet:
        """SetDefaultSenderId."""
        found = self.find_configuration_set(name_or_arn)
        found.default_sender_id = sender_id
        return found

    def delete_default_message_type(self, name_or_arn: str) -> ConfigurationSet:
        """DeleteDefaultMessageType: the set without a default message type."""
        found = self.find_configuration_set(name_or_arn)
        found.default_message_type = None
        return found

    def delete_default_sender_id(self, name_or_arn: str) -> ConfigurationSet:
        """DeleteDefaultSenderId: the set without a default sender ID."""
        found = self.find_configuration_set(name_or_arn)
        found.default_sender_id = None
        return found

    def create_event_destination(self, params: dict[str, Any]) -> tuple[ConfigurationSet, dict[str, Any]]:
        """CreateEventDestination: enabled, one target; a name used in the set is a ConflictException."""
        found = self.find_configuration_set(params["ConfigurationSetName"])
        name = params["EventDestinationName"]
        if name in found.destinations:
            raise ConflictException(
                f"Event destination {name} already exists.", "RESOURCE_ALREADY_EXISTS", EVENT_DESTINATION, name
            )
        destination = {
            "EventDestinationName": name,
            "Enabled": True,
            "MatchingEventTypes": list(params["MatchingEventTypes"]),
            **_destination_target(params, required=True),
        }
        found.destinations[name] = destination
        return found, destination

    def update_event_destination(self, params: dict[str, Any]) -> tuple[ConfigurationSet, dict[str, Any]]:
        """UpdateEventDestination: the given members replace the stored ones (a new target replaces the old)."""
        found = self.find_configuration_set(params["ConfigurationSetName"])
        name = params["EventDestinationName"]
        destination = found.destinations.get(name)
        if destination is None:
            raise ResourceNotFoundException(EVENT_DESTINATION, name)
        target = _destination_target(params, required=False)
        if target:
            for kind in DESTINATION_KINDS:
                destination.pop(kind, None)
            destination.update(target)
        if "Enabled" in params:
            destination["Enabled"] = params["Enabled"]
        if "MatchingEventTypes" in params:
            destination["MatchingEventTypes"] = list(params["MatchingEventTypes"])
        return found, destination

    def delete_event_destination(self, params: dict[str, Any]) -> tuple[ConfigurationSet, dict[str, Any]]:
        """DeleteEventDestination."""
        found = self.find_configuration_set(params["ConfigurationSetName"])
        name = params["EventDestinationName"]
        if name not in found.destinations:
            raise ResourceNotFoundException(EVENT_DESTINATION, name)
        return found, found.destinations.pop(name)
