"""Helpers shared by the backend parts: ARNs, tags, idempotency fingerprints, two-way settings."""

import json
from typing import Any

from .exceptions import ValidationException


def fingerprint(params: dict[str, Any]) -> str:
    """The request parameters other than ClientToken, canonically serialized."""
    return json.dumps({k: v for k, v in params.items() if k != "ClientToken"}, sort_keys=True)


def tag_map(tags: list[dict[str, str]] | None) -> dict[str, str]:
    """A ``TagList`` as a key -> value dict."""
    return {tag["Key"]: tag["Value"] for tag in tags or []}


def arn_type(value: str) -> str | None:
    """The resource type of an sms-voice ARN (None if ``value`` is not such an ARN)."""
    parts = value.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or parts[2] != "sms-voice" or "/" not in parts[5]:
        return None
    return parts[5].split("/", 1)[0]


def arn_resource(value: str, resource_type: str) -> str | None:
    """The id inside an ARN of ``resource_type``; a plain id is returned unchanged."""
    if not value.startswith("arn:"):
        return value
    if arn_type(value) != resource_type:
        return None
    return value.split(":", 5)[5].split("/", 1)[1]


TwoWay = tuple[bool, str | None, str | None]


def apply_two_way(current: TwoWay, params: dict[str, Any]) -> TwoWay:
    """(enabled, channel ARN, channel role) after TwoWayEnabled/ChannelArn/ChannelRole.

    Enabling two-way messaging without a channel is refused (TWO_WAY_CHANNEL_NOT_PRESENT).
    """
    enabled = params.get("TwoWayEnabled", current[0])
    channel = params.get("TwoWayChannelArn", current[1])
    role = params.get("TwoWayChannelRole", current[2])
    if enabled and not channel:
        raise ValidationException(
            "Two-way messaging needs a TwoWayChannelArn.", "TWO_WAY_CHANNEL_NOT_PRESENT"
        )
    return enabled, channel, role
