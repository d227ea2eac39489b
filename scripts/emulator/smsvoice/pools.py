"""Pools: CreatePool, DescribePools, UpdatePool, DeletePool, Associate/DisassociateOriginationIdentity,
ListPoolOriginationIdentities.

Mixed into ``SmsVoiceBackend``. A phone number belongs to at most one pool (its ``PoolId``);
a sender ID may be in several pools.
"""

from typing import Any

from .clock import clock
from .common import apply_two_way, arn_resource, arn_type, tag_map
from .entities import PHONE, POOL, SENDER, IdentityKey, PhoneNumber, Pool, SenderId
from .exceptions import ConflictException, ResourceNotFoundException, ValidationException

Identity = PhoneNumber | SenderId


class PoolsMixin:
    """Pool operations of the backend."""

    pools: dict[str, Pool]

    def find_pool(self, id_or_arn: str) -> Pool:
        """The pool with this PoolId or PoolArn."""
        pool_id = arn_resource(id_or_arn, POOL)
        pool = self.pools.get(pool_id) if pool_id else None
        if pool is None:
            raise ResourceNotFoundException(POOL, id_or_arn)
        return pool

    def find_identity(self: Any, value: str, country: str | None) -> Identity:
        """A phone number (id or ARN) or sender ID (ARN, or SenderId with IsoCountryCode)."""
        if arn_type(value) == PHONE or value in self.numbers:
            number: PhoneNumber = self.find_number(value)
            if country is not None and country != number.iso_country_code:
                raise ValidationException(
                    "IsoCountryCode does not match the phone number's country.", "COUNTRY_CODE_MISMATCH"
                )
            return number
        if value.startswith("phone-"):
            raise ResourceNotFoundException(PHONE, value)
        return self.find_sender_id(value, country)

    def identity_by_key(self: Any, key: IdentityKey) -> Identity:
        """The pool member behind ``key``."""
        if key[0] == PHONE:
            return self.numbers[key[1]]
        sender_id, country = key[1].split("/")
        return self.sender_ids[(sender_id, country)]

    def create_pool(self: Any, params: dict[str, Any]) -> Pool:
        """CreatePool: a new pool holding one identity, inheriting its settings."""
        token = params.get("ClientToken")
        previous = self.replay("CreatePool", token, params)
        if previous is not None and previous in self.pools:
            return self.pools[previous]
        identity = self.find_identity(params["OriginationIdentity"], params.get("IsoCountryCode"))
        pool_id = self.new_id("pool")
        pool = Pool(
            id=pool_id,
            arn=self.arn(POOL, pool_id),
            message_type=params["MessageType"],
            created=clock.now(),
            deletion_protection=bool(params.get("DeletionProtectionEnabled", False)),
            tags=tag_map(params.get("Tags")),
        )
        if isinstance(identity, PhoneNumber):
            pool.opt_out_list_name = identity.opt_out_list_name
            pool.two_way_enabled = identity.two_way_enabled
            pool.two_way_channel_arn = identity.two_way_channel_arn
            pool.two_way_channel_role = identity.two_way_channel_role
            pool.self_managed_opt_outs = identity.self_managed_opt_outs
        self._check_joinable(pool, identity)
        self.pools[pool_id] = pool
        self._join(pool, identity)
        self.remember("CreatePool", token, params, pool_id)
        return pool

    def update_pool(self: Any, params: dict[str, Any]) -> Pool:
        """UpdatePool: two-way, opt-out, shared routes and deletion protection settings."""
        pool = self.find_pool(params["PoolId"])
        opt_out = self.opt_out_list(params.get("OptOutListName", pool.opt_out_list_name))
        two_way = apply_two_way(
            (pool.two_way_enabled, pool.two_way_channel_arn, pool.two_way_channel_role), params
        )
        pool.opt_out_list_name = opt_out
        pool.two_way_enabled, pool.two_way_channel_arn, pool.two_way_channel_role = two_way
        for param, attribute in (
            ("SelfManagedOptOutsEnabled", "self_managed_opt_outs"),
            ("SharedRoutesEnabled", "shared_routes"),
            ("DeletionProtectionEnabled", "deletion_protection"),
        ):
            if param in params:
                setattr(pool, attribute, params[param])
        return pool

    def delete_pool(self: Any, id_or_arn: str) -> Pool:
        """DeletePool: refused while protected; disassociates every member."""
        pool = self.find_pool(id_or_arn)
        if pool.deletion_protection:
            raise ConflictException(
                "The pool has deletion protection enabled.", "DELETION_PROTECTION_ENABLED", POOL, pool.id
            )
        for key in list(pool.members):
            self._leave(pool, self.identity_by_key(key))
        del self.pools[pool.id]
        self.forget(pool.id)
        return pool

    def associate(self: Any, params: dict[str, Any]) -> dict[str, Any]:
        """AssociateOriginationIdentity: add an identity whose settings match the pool's."""
        token = params.get("ClientToken")
        previous = self.replay("AssociateOriginationIdentity", token, params)
        if previous is not None:
            return previous
        pool = self.find_pool(params["PoolId"])
        identity = self.find_identity(params["OriginationIdentity"], params.get("IsoCountryCode"))
        if identity.key in pool.members:
            raise ConflictException(
                "The origination identity is already associated with this pool.",
                "RESOURCE_ALREADY_ASSOCIATED",
                POOL,
                pool.id,
            )
        self._check_joinable(pool, identity)
        self._check_settings_match(pool, identity)
        self._join(pool, identity)
        result = _association(pool, identity)
        self.remember("AssociateOriginationIdentity", token, params, result)
        return result

    def disassociate(self: Any, params: dict[str, Any]) -> dict[str, Any]:
        """DisassociateOriginationIdentity: remove a member; the last one cannot be removed."""
        token = params.get("ClientToken")
        previous = self.replay("DisassociateOriginationIdentity", token, params)
        if previous is not None:
            return previous
        pool = self.find_pool(params["PoolId"])
        identity = self.find_identity(params["OriginationIdentity"], params.get("IsoCountryCode"))
        if identity.key not in pool.members:
            raise ConflictException(
                "The origination identity is not associated with this pool.",
                "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL",
                POOL,
                pool.id,
            )
        if len(pool.members) == 1:
            raise ConflictException(
                "A pool must keep at least one origination identity; delete the pool instead.",
                "LAST_PHONE_NUMBER",
                POOL,
                pool.id,
            )
        self._leave(pool, identity)
        result = _association(pool, identity)
        self.remember("DisassociateOriginationIdentity", token, params, result)
        return result

    def pool_identities(self: Any, id_or_arn: str) -> tuple[Pool, list[dict[str, Any]]]:
        """ListPoolOriginationIdentities: the pool and its members' ``OriginationIdentityMetadata``."""
        pool = self.find_pool(id_or_arn)
        members = []
        for key in pool.members:
            identity = self.identity_by_key(key)
            entry = _association(pool, identity)
            members.append(
                {
                    "OriginationIdentityArn": entry["OriginationIdentityArn"],
                    "OriginationIdentity": entry["OriginationIdentity"],
                    "IsoCountryCode": entry["IsoCountryCode"],
                    "NumberCapabilities": (
                        list(identity.capabilities) if isinstance(identity, PhoneNumber) else ["SMS"]
                    ),
                    **({"PhoneNumber": identity.phone_number} if isinstance(identity, PhoneNumber) else {}),
                }
            )
        return pool, members

    def _check_joinable(self, pool: Pool, identity: Identity) -> None:
        if isinstance(identity, SenderId):
            if identity.message_types and pool.message_type not in identity.message_types:
                raise ConflictException(
                    "The sender ID does not support the pool's MessageType.",
                    "MESSAGE_TYPE_MISMATCH",
                    SENDER,
                    identity.sender_id,
                )
            return
        if identity.status(clock.now()) != "ACTIVE":
            raise ConflictException(
                "The phone number is not ACTIVE yet.", "RESOURCE_NOT_ACTIVE", PHONE, identity.id
            )
        if identity.pool_id is not None:
            raise ConflictException(
                f"The phone number is already associated with pool {identity.pool_id}.",
                "RESOURCE_ALREADY_ASSOCIATED",
                PHONE,
                identity.id,
            )
        if identity.message_type != pool.message_type:
            raise ConflictException(
                "The phone number's MessageType does not match the pool's.",
                "MESSAGE_TYPE_MISMATCH",
                PHONE,
                identity.id,
            )

    def _check_settings_match(self, pool: Pool, identity: Identity) -> None:
        if not isinstance(identity, PhoneNumber):
            return
        for reason, mine, theirs in (
            ("OPT_OUT_LIST_MISMATCH", identity.opt_out_list_name, pool.opt_out_list_name),
            ("SELF_MANAGED_OPT_OUTS_MISMATCH", identity.self_managed_opt_outs, pool.self_managed_opt_outs),
            ("TWO_WAY_CONFIG_MISMATCH", identity.two_way_enabled, pool.two_way_enabled),
        ):
            if mine != theirs:
                raise ConflictException(
                    f"The phone number's settings do not match the pool's ({reason}).",
                    reason,
                    PHONE,
                    identity.id,
                )

    def _join(self, pool: Pool, identity: Identity) -> None:
        pool.members.append(identity.key)
        if isinstance(identity, PhoneNumber):
            identity.pool_id = pool.id
        else:
            identity.pool_ids.append(pool.id)

    def _leave(self, pool: Pool, identity: Identity) -> None:
        pool.members.remove(identity.key)
        if isinstance(identity, PhoneNumber):
            identity.pool_id = None
        else:
            identity.pool_ids.remove(pool.id)


def _association(pool: Pool, identity: Identity) -> dict[str, Any]:
    """The Associate/DisassociateOriginationIdentity result for ``identity`` in ``pool``."""
    name = identity.id if isinstance(identity, PhoneNumber) else identity.sender_id
    return {
        "PoolArn": pool.arn,
        "PoolId": pool.id,
        "OriginationIdentityArn": identity.arn,
        "OriginationIdentity": name,
        "IsoCountryCode": identity.iso_country_code,
    }
