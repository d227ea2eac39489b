"""SmsVoiceBackend: End User Messaging SMS state for one account and region.

Phone numbers, idempotency tokens, ARNs, tags and opt-out lists live here; sender IDs
and pools are in ``senders.py`` and ``pools.py`` (mixed into the backend).
"""

import random
import uuid
from typing import Any

from moto.core.base_backend import BackendDict, BaseBackend

from . import numbering
from .clock import clock, settings
from .common import apply_two_way, arn_resource, arn_type, fingerprint, tag_map
from .configuration_sets import CONFIGURATION_SET, ConfigurationSet, ConfigurationSetsMixin
from .entities import PHONE, POOL, SENDER, PhoneNumber, Pool, SenderId
from .exceptions import (
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)
from .pools import PoolsMixin
from .protect import PROTECT, ProtectConfiguration, ProtectMixin
from .senders import SenderIdsMixin
from .registration_associations import RegistrationAssociationsMixin
from .registration_attachments import ATTACHMENT, Attachment, RegistrationAttachmentsMixin
from .registration_fields import RegistrationFieldsMixin
from .registrations import REGISTRATION, Registration, RegistrationsMixin
from .verified import VERIFIED, VerifiedNumber, VerifiedNumbersMixin

DEFAULT_OPT_OUT_LIST = "Default"
MAX_TAGS = 200
# How long a ClientToken is remembered. The service documents none; AWS's idempotency convention (EC2 API reference,
# "Ensuring idempotency": "a client token is valid for at least 24 hours") is used.
TOKEN_LIFETIME = 24 * 3600.0

__all__ = ["SmsVoiceBackend", "clock", "settings", "smsvoice_backends"]


class SmsVoiceBackend(
    PoolsMixin, SenderIdsMixin, ConfigurationSetsMixin, ProtectMixin, VerifiedNumbersMixin, RegistrationsMixin,
    RegistrationFieldsMixin, RegistrationAttachmentsMixin, RegistrationAssociationsMixin, BaseBackend,
):
    """All emulated pinpoint-sms-voice-v2 resources of one account in one region."""

    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.created = clock.now()
        self.numbers: dict[str, PhoneNumber] = {}
        self.sender_ids: dict[tuple[str, str], SenderId] = {}
        self.pools: dict[str, Pool] = {}
        self.tokens: dict[tuple[str, str], tuple[str, Any, float]] = {}
        # Released numbers, still answered to a retry of the RequestPhoneNumber that bought them (``replay``).
        self.released_numbers: dict[str, PhoneNumber] = {}
        self.configuration_sets: dict[str, ConfigurationSet] = {}
        self.protect_configurations: dict[str, ProtectConfiguration] = {}
        self.account_default_protect: str | None = None
        self.verified_numbers: dict[str, VerifiedNumber] = {}
        self.registrations: dict[str, Registration] = {}
        self.attachments: dict[str, Attachment] = {}
        self.account_tier = "SANDBOXED"
        self.rng = random.Random()

    # ARNs, ids and idempotency

    def arn(self, resource_type: str, resource_id: str) -> str:
        """``arn:<partition>:sms-voice:<region>:<account>:<type>/<id>``."""
        return f"arn:{self.partition}:sms-voice:{self.region_name}:{self.account_id}:{resource_type}/{resource_id}"

    def new_id(self, prefix: str) -> str:
        """``<prefix>-<32 hex>``, the id format of numbers and pools."""
        return f"{prefix}-{uuid.UUID(int=self.rng.getrandbits(128)).hex}"

    def replay(self, operation: str, token: str | None, params: dict[str, Any]) -> Any:
        """The result stored for a ClientToken already used with the same parameters within ``TOKEN_LIFETIME``
        seconds, else None.

        The same token with different parameters is refused with ConflictException.
        """
        if token is None:
            return None
        entry = self.tokens.get((operation, token))
        if entry is None:
            return None
        stored, result, used_at = entry
        if clock.now() - used_at >= TOKEN_LIFETIME:
            del self.tokens[(operation, token)]
            return None
        if stored != fingerprint(params):
            raise ConflictException(
                f"ClientToken {token} was already used for {operation} with different parameters."
            )
        return result

    def remember(self, operation: str, token: str | None, params: dict[str, Any], result: Any) -> None:
        """Store what a ClientToken produced, for ``replay``."""
        if token is not None:
            self.tokens[(operation, token)] = (fingerprint(params), result, clock.now())

    def forget(self, result: Any) -> None:
        """Drop the ClientTokens that produced ``result`` (its resource was released)."""
        self.tokens = {key: entry for key, entry in self.tokens.items() if entry[1] != result}

    def opt_out_list(self, name_or_arn: str) -> str:
        """The opt-out list name; only the implicit ``Default`` list exists."""
        name = name_or_arn.rsplit("/", 1)[-1] if name_or_arn.startswith("arn:") else name_or_arn
        if name != DEFAULT_OPT_OUT_LIST:
            raise ResourceNotFoundException("opt-out-list", name_or_arn)
        return name

    # Phone numbers

    def request_phone_number(self, params: dict[str, Any], access_key_id: str | None = None) -> PhoneNumber:
        """RequestPhoneNumber: buy a number (idempotent on ClientToken)."""
        token = params.get("ClientToken")
        previous = self.replay("RequestPhoneNumber", token, params)
        if previous is not None:
            # A retry answers the number the token bought, also once it is released (status DELETED).
            return self.numbers.get(previous) or self.released_numbers[previous]
        country, number_type = params["IsoCountryCode"], params["NumberType"]
        message_type = params["MessageType"]
        if number_type == "SIMULATOR" and message_type != "TRANSACTIONAL":
            raise ValidationException(
                "A SIMULATOR number requires MessageType TRANSACTIONAL.",
                "INVALID_PARAMETER",
                [{"Name": "MessageType", "Message": "must be TRANSACTIONAL for SIMULATOR numbers"}],
            )
        opt_out = self.opt_out_list(params.get("OptOutListName", DEFAULT_OPT_OUT_LIST))
        pool = self.find_pool(params["PoolId"]) if params.get("PoolId") else None
        if pool is not None and pool.message_type != message_type:
            raise ConflictException(
                "The number's MessageType does not match the pool's.", "MESSAGE_TYPE_MISMATCH", POOL, pool.id
            )
        taken = {number.phone_number for number in self.numbers.values()}
        number_id = self.new_id("phone")
        now = clock.now()
        number = PhoneNumber(
            id=number_id,
            arn=self.arn(PHONE, number_id),
            phone_number=numbering.generate(country, number_type, taken, self.rng),
            iso_country_code=country,
            message_type=message_type,
            capabilities=list(params["NumberCapabilities"]),
            number_type=number_type,
            monthly_price=numbering.MONTHLY_PRICE[number_type],
            created=now,
            active_at=now + settings.activation_for(access_key_id),
            opt_out_list_name=opt_out,
            international_sending=bool(params.get("InternationalSendingEnabled", False)),
            deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
            registration_id=params.get("RegistrationId"),
            tags=tag_map(params.get("Tags")),
        )
        self.numbers[number_id] = number
        if pool is not None:
            number.pool_id = pool.id
            pool.members.append(number.key)
        self.remember("RequestPhoneNumber", token, params, number_id)
        return number

    def find_number(self, id_or_arn: str) -> PhoneNumber:
        """The (unreleased) number with this PhoneNumberId or PhoneNumberArn."""
        number_id = arn_resource(id_or_arn, PHONE)
        number = self.numbers.get(number_id) if number_id else None
        if number is None:
            raise ResourceNotFoundException(PHONE, id_or_arn)
        return number

    def describe_phone_numbers(self, ids: list[str] | None) -> list[PhoneNumber]:
        """The numbers named by ``ids`` (all if None), in request order."""
        if ids:
            return [self.find_number(value) for value in ids]
        return list(self.numbers.values())

    def update_phone_number(self, params: dict[str, Any]) -> PhoneNumber:
        """UpdatePhoneNumber: only the mutable settings; refused while the number is in a pool."""
        number = self.find_number(params["PhoneNumberId"])
        if number.pool_id is not None:
            raise ConflictException(
                "A phone number associated with a pool cannot be updated; update the pool instead.",
                "PHONE_NUMBER_ASSOCIATED_TO_POOL",
                PHONE,
                number.id,
            )
        opt_out = self.opt_out_list(params.get("OptOutListName", number.opt_out_list_name))
        two_way = apply_two_way(
            (number.two_way_enabled, number.two_way_channel_arn, number.two_way_channel_role), params
        )
        number.opt_out_list_name = opt_out
        number.two_way_enabled, number.two_way_channel_arn, number.two_way_channel_role = two_way
        for param, attribute in (
            ("SelfManagedOptOutsEnabled", "self_managed_opt_outs"),
            ("InternationalSendingEnabled", "international_sending"),
            ("DeletionProtectionEnabled", "deletion_protection"),
        ):
            if param in params:
                setattr(number, attribute, params[param])
        return number

    def release_phone_number(self, id_or_arn: str) -> PhoneNumber:
        """ReleasePhoneNumber: irreversible; refused while protected or in a pool; ends its registration association."""
        number = self.find_number(id_or_arn)
        if number.deletion_protection:
            raise ConflictException(
                "The phone number has deletion protection enabled.",
                "DELETION_PROTECTION_ENABLED",
                PHONE,
                number.id,
            )
        if number.pool_id is not None:
            raise ConflictException(
                f"The phone number is associated with pool {number.pool_id}.",
                "PHONE_NUMBER_ASSOCIATED_TO_POOL",
                PHONE,
                number.id,
            )
        self.release_association(number)
        del self.numbers[number.id]
        number.released = True
        self.released_numbers[number.id] = number
        return number

    # Tags

    def tagged(self, arn: str) -> Any:
        """The number, sender ID, pool, configuration set, protect configuration, verified number, registration or
        registration attachment with this ARN."""
        resource_type = arn_type(arn)
        if resource_type == PHONE:
            return self.find_number(arn)
        if resource_type == SENDER:
            return self.find_sender_id(arn, None)
        if resource_type == POOL:
            return self.find_pool(arn)
        if resource_type == CONFIGURATION_SET:
            return self.find_configuration_set(arn)
        if resource_type == PROTECT:
            return self.find_protect(arn)
        if resource_type == VERIFIED:
            return self.find_verified(arn)
        if resource_type == REGISTRATION:
            return self.find_registration(arn)
        if resource_type == ATTACHMENT:
            return self.find_attachment(arn)
        raise ValidationException(f"Unsupported resource ARN {arn}.", "INVALID_ARN")

    def tag_resource(self, arn: str, tags: list[dict[str, str]]) -> None:
        """TagResource: add or overwrite tags."""
        resource = self.tagged(arn)
        merged = {**resource.tags, **tag_map(tags)}
        if len(merged) > MAX_TAGS:
            raise ServiceQuotaExceededException("Too many tags.", "TAGS_PER_RESOURCE")
        resource.tags = merged

    def untag_resource(self, arn: str, keys: list[str]) -> None:
        """UntagResource: remove the tags with these keys (missing keys are ignored)."""
        resource = self.tagged(arn)
        resource.tags = {key: value for key, value in resource.tags.items() if key not in keys}


smsvoice_backends = BackendDict(SmsVoiceBackend, "pinpoint-sms-voice-v2")
