"""The emulated resources: origination phone numbers, sender IDs and pools.

Each ``describe`` returns the resource as the model's ``*Information`` shape; statuses
that depend on time are computed from the ``now`` passed in (see ``clock.py``).
"""

from dataclasses import dataclass, field
from typing import Any

# Number types US carriers deliver only after a completed registration.
US_REGISTERED_TYPES = frozenset({"TOLL_FREE", "TEN_DLC"})
PHONE = "phone-number"
SENDER = "sender-id"
POOL = "pool"

# How an origination identity is referred to inside a pool.
IdentityKey = tuple[str, str]


def tag_list(tags: dict[str, str]) -> list[dict[str, str]]:
    """Tags as the model's ``TagList`` (key order preserved)."""
    return [{"Key": key, "Value": value} for key, value in tags.items()]


@dataclass
class PhoneNumber:
    """A requested origination phone number (``PhoneNumberInformation``)."""

    id: str
    arn: str
    phone_number: str
    iso_country_code: str
    message_type: str
    capabilities: list[str]
    number_type: str
    monthly_price: str
    created: float
    active_at: float
    opt_out_list_name: str = "Default"
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None
    self_managed_opt_outs: bool = False
    international_sending: bool = False
    deletion_protection: bool = False
    pool_id: str | None = None
    registration_id: str | None = None
    # The approved registration the number is associated with (CreateRegistrationAssociation); shown as its
    # RegistrationId but, unlike the RegistrationId it was requested with, no bearing on when it becomes ACTIVE.
    registered_by: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    released: bool = False

    @property
    def key(self) -> IdentityKey:
        """The number's identity inside a pool."""
        return (PHONE, self.id)

    @property
    def needs_registration(self) -> bool:
        """A US toll-free or 10DLC number without a registration: US carriers do not carry its SMS, so it never
        becomes ACTIVE (AWS End User Messaging SMS guide: "US toll-free numbers must be registered" and 10DLC numbers
        need a registered campaign, before they can send to US destinations)."""
        return self.iso_country_code == "US" and self.number_type in US_REGISTERED_TYPES and not self.registration_id

    def status(self, now: float) -> str:
        """PENDING until ``active_at`` (for ever while it needs a registration), then ACTIVE; DELETED once released."""
        if self.released:
            return "DELETED"
        return "PENDING" if self.needs_registration or now < self.active_at else "ACTIVE"

    def describe(self, now: float) -> dict[str, Any]:
        """The ``PhoneNumberInformation`` of this number, with its tags."""
        info: dict[str, Any] = {
            "PhoneNumberArn": self.arn,
            "PhoneNumberId": self.id,
            "PhoneNumber": self.phone_number,
            "Status": self.status(now),
            "IsoCountryCode": self.iso_country_code,
            "MessageType": self.message_type,
            "NumberCapabilities": list(self.capabilities),
            "NumberType": self.number_type,
            "MonthlyLeasingPrice": self.monthly_price,
            "TwoWayEnabled": self.two_way_enabled,
            "TwoWayChannelArn": self.two_way_channel_arn,
            "TwoWayChannelRole": self.two_way_channel_role,
            "SelfManagedOptOutsEnabled": self.self_managed_opt_outs,
            "OptOutListName": self.opt_out_list_name,
            "InternationalSendingEnabled": self.international_sending,
            "DeletionProtectionEnabled": self.deletion_protection,
            "PoolId": self.pool_id,
            "RegistrationId": self.registered_by or self.registration_id,
            "Tags": tag_list(self.tags),
            "CreatedTimestamp": self.created,
        }
        return {key: value for key, value in info.items() if value is not None}


@dataclass
class SenderId:
    """A requested sender ID (``SenderIdInformation``); it has no status in the model."""

    sender_id: str
    iso_country_code: str
    arn: str
    message_types: list[str]
    created: float
    deletion_protection: bool = False
    tags: dict[str, str] = field(default_factory=dict)
    pool_ids: list[str] = field(default_factory=list)

    @property
    def key(self) -> IdentityKey:
        """The sender ID's identity inside a pool (sender IDs are unique per country)."""
        return (SENDER, f"{self.sender_id}/{self.iso_country_code}")

    def describe(self) -> dict[str, Any]:
        """The ``SenderIdInformation`` of this sender ID, with its tags."""
        return {
            "SenderIdArn": self.arn,
            "SenderId": self.sender_id,
            "IsoCountryCode": self.iso_country_code,
            "MessageTypes": list(self.message_types),
            "MonthlyLeasingPrice": "0.00",
            "DeletionProtectionEnabled": self.deletion_protection,
            "Registered": False,
            "Tags": tag_list(self.tags),
        }


@dataclass
class Pool:
    """A pool of origination identities (``PoolInformation``); ACTIVE as soon as created."""

    id: str
    arn: str
    message_type: str
    created: float
    opt_out_list_name: str = "Default"
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None
    self_managed_opt_outs: bool = False
    shared_routes: bool = False
    deletion_protection: bool = False
    tags: dict[str, str] = field(default_factory=dict)
    members: list[IdentityKey] = field(default_factory=list)

    def describe(self, status: str = "ACTIVE") -> dict[str, Any]:
        """The ``PoolInformation`` of this pool, with its tags."""
        info: dict[str, Any] = {
            "PoolArn": self.arn,
            "PoolId": self.id,
            "Status": status,
            "MessageType": self.message_type,
            "TwoWayEnabled": self.two_way_enabled,
            "TwoWayChannelArn": self.two_way_channel_arn,
            "TwoWayChannelRole": self.two_way_channel_role,
            "SelfManagedOptOutsEnabled": self.self_managed_opt_outs,
            "OptOutListName": self.opt_out_list_name,
            "SharedRoutesEnabled": self.shared_routes,
            "DeletionProtectionEnabled": self.deletion_protection,
            "Tags": tag_list(self.tags),
            "CreatedTimestamp": self.created,
        }
        return {key: value for key, value in info.items() if value is not None}
