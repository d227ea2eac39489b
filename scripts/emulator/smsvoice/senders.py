"""Sender IDs: RequestSenderId, DescribeSenderIds, UpdateSenderId, ReleaseSenderId.

Mixed into ``SmsVoiceBackend``, which provides ``arn``, ``replay``, ``remember``, ``forget``
and the ``sender_ids`` store.
"""

import re
from typing import Any

from .clock import clock
from .common import arn_type, tag_map
from .entities import SENDER, SenderId
from .exceptions import ConflictException, ResourceNotFoundException, ValidationException

SENDER_ID_PATTERN = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9_-]{1,11}")
# Countries where AWS does not support alphanumeric sender IDs at all.
SENDER_ID_UNSUPPORTED = ("US", "CA")
ALL_MESSAGE_TYPES = ["TRANSACTIONAL", "PROMOTIONAL"]


class SenderIdsMixin:
    """Sender ID operations of the backend."""

    sender_ids: dict[tuple[str, str], SenderId]

    def request_sender_id(self: Any, params: dict[str, Any]) -> SenderId:
        """RequestSenderId: reserve a sender ID in a country (idempotent on ClientToken)."""
        token = params.get("ClientToken")
        previous = self.replay("RequestSenderId", token, params)
        if previous is not None and previous in self.sender_ids:
            return self.sender_ids[previous]
        sender_id, country = params["SenderId"], params["IsoCountryCode"]
        if SENDER_ID_PATTERN.fullmatch(sender_id) is None:
            raise ValidationException(
                f"SenderId {sender_id} is not valid.",
                "FIELD_VALIDATION_FAILED",
                [{"Name": "SenderId", "Message": "1 to 11 of A-Z a-z 0-9 _ - with at least one letter"}],
            )
        if country in SENDER_ID_UNSUPPORTED:
            raise ValidationException(
                f"Sender IDs are not supported in {country}.", "SENDER_ID_NOT_SUPPORTED"
            )
        key = (sender_id, country)
        if key in self.sender_ids:
            raise ConflictException(
                f"Sender ID {sender_id} already exists in {country}.",
                "RESOURCE_ALREADY_EXISTS",
                SENDER,
                sender_id,
            )
        record = SenderId(
            sender_id=sender_id,
            iso_country_code=country,
            arn=self.arn(SENDER, f"{sender_id}/{country}"),
            message_types=list(params.get("MessageTypes") or ALL_MESSAGE_TYPES),
            created=clock.now(),
            deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
            tags=tag_map(params.get("Tags")),
        )
        self.sender_ids[key] = record
        self.remember("RequestSenderId", token, params, key)
        return record

    def find_sender_id(self, value: str, country: str | None) -> SenderId:
        """The sender ID named by its ARN, or by SenderId plus IsoCountryCode."""
        if value.startswith("arn:"):
            parts = value.split(":", 5)[-1].split("/")
            if arn_type(value) != SENDER or len(parts) != 3:
                raise ResourceNotFoundException(SENDER, value)
            value, country = parts[1], parts[2]
        if country is None:
            raise ValidationException(
                "IsoCountryCode is required with a SenderId.",
                "MISSING_PARAMETER",
                [{"Name": "IsoCountryCode", "Message": "Member is required"}],
            )
        record = self.sender_ids.get((value, country))
        if record is None:
            raise ResourceNotFoundException(SENDER, value)
        return record

    def describe_sender_ids(self, wanted: list[dict[str, str]] | None) -> list[SenderId]:
        """The sender IDs named in ``wanted`` (all if None), in request order."""
        if wanted:
            return [self.find_sender_id(w["SenderId"], w["IsoCountryCode"]) for w in wanted]
        return list(self.sender_ids.values())

    def update_sender_id(self, params: dict[str, Any]) -> SenderId:
        """UpdateSenderId: only deletion protection can change."""
        record = self.find_sender_id(params["SenderId"], params["IsoCountryCode"])
        if "DeletionProtectionEnabled" in params:
            record.deletion_protection = params["DeletionProtectionEnabled"]
        return record

    def release_sender_id(self: Any, params: dict[str, Any]) -> SenderId:
        """ReleaseSenderId: refused while protected or associated with a pool."""
        record = self.find_sender_id(params["SenderId"], params["IsoCountryCode"])
        if record.deletion_protection:
            raise ConflictException(
                "The sender ID has deletion protection enabled.",
                "DELETION_PROTECTION_ENABLED",
                SENDER,
                record.sender_id,
            )
        if record.pool_ids:
            raise ConflictException(
                f"The sender ID is associated with pool {record.pool_ids[0]}.",
                "SENDER_ID_ASSOCIATED_TO_POOL",
                SENDER,
                record.sender_id,
            )
        key = (record.sender_id, record.iso_country_code)
        del self.sender_ids[key]
        self.forget(key)
        return record
