"""Registration associations (which origination identities a registration covers): CreateRegistrationAssociation and
ListRegistrationAssociations. The model has no operation that removes an association; releasing the phone number
(ReleasePhoneNumber) ends it.

Mixed into ``SmsVoiceBackend``. A registration type takes what its ``SupportedAssociations``
(``registration_definitions.py``) say: US phone numbers of the matching NumberType (toll-free for toll-free
registrations, 10DLC for campaigns), with the type's ``AssociationBehavior``: ``ASSOCIATE_AFTER_COMPLETE`` only once
a version of the registration is approved (it was ``COMPLETE``). A phone number is associated with at most one
registration. Once a registration with associated numbers is approved, DescribePhoneNumbers shows the registration's
id as the numbers' ``RegistrationId`` (``PhoneNumber.registered_by``); this does not change when they become ACTIVE.
"""

from typing import Any

from .entities import PHONE, PhoneNumber
from .exceptions import ConflictException, ValidationException
from .registration_definitions import ASSOCIATED_NUMBER_TYPE, PHONE_NUMBER, TYPES
from .registrations import REGISTRATION, Registration


def association(number: PhoneNumber) -> dict[str, Any]:
    """A number as ``RegistrationAssociationMetadata``."""
    return {"ResourceArn": number.arn, "ResourceId": number.id, "ResourceType": PHONE_NUMBER,
            "IsoCountryCode": number.iso_country_code, "PhoneNumber": number.phone_number}


class RegistrationAssociationsMixin:
    """Association operations of the backend."""

    def registration_of(self: Any, number: PhoneNumber) -> Registration | None:
        """The registration `number` is associated with, if any."""
        return next((item for item in self.registrations.values() if number.id in item.associations), None)

    def create_registration_association(self: Any, id_or_arn: str, resource: str) -> dict[str, Any]:
        """CreateRegistrationAssociation: a type without SupportedAssociations, or a number of another country or
        NumberType → ValidationException ``INVALID_REGISTRATION_ASSOCIATION``; an ASSOCIATE_AFTER_COMPLETE type
        without an approved version → ConflictException ``REGISTRATION_NOT_COMPLETE``; an already associated number →
        ConflictException ``PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION``."""
        found = self.find_registration(id_or_arn)
        number = self.find_number(resource)
        supported = TYPES[found.type].get("SupportedAssociations", [])
        if not supported:
            raise ValidationException(f"A {found.type} has no origination identities.",
                                      "INVALID_REGISTRATION_ASSOCIATION")
        rule = supported[0]
        if number.iso_country_code != rule["IsoCountryCode"] or number.number_type != ASSOCIATED_NUMBER_TYPE[found.type]:
            raise ValidationException(
                f"A {found.type} takes {rule['IsoCountryCode']} {ASSOCIATED_NUMBER_TYPE[found.type]} numbers.",
                "INVALID_REGISTRATION_ASSOCIATION",
                [{"Name": "ResourceId", "Message": f"is a {number.iso_country_code} {number.number_type} number"}])
        if rule["AssociationBehavior"] == "ASSOCIATE_AFTER_COMPLETE" and found.latest("APPROVED") is None:
            raise ConflictException(f"{found.id} has no approved version; numbers join it once it is COMPLETE.",
                                    "REGISTRATION_NOT_COMPLETE", REGISTRATION, found.id)
        if self.registration_of(number) is not None:
            raise ConflictException(f"{number.id} is already associated with a registration.",
                                    "PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION", PHONE, number.id)
        found.associations.append(number.id)
        if found.latest("APPROVED") is not None:
            number.registered_by = found.id
        return {"RegistrationArn": found.arn, "RegistrationId": found.id, "RegistrationType": found.type,
                **association(number)}

    def registration_associations(self: Any, id_or_arn: str) -> tuple[Registration, list[dict[str, Any]]]:
        """ListRegistrationAssociations: the registration and its associated numbers, in association order."""
        found = self.find_registration(id_or_arn)
        return found, [association(self.numbers[number_id]) for number_id in found.associations]

    def approved(self: Any, found: Registration) -> None:
        """The reviewer approved `found`: its associated numbers show its id as their RegistrationId."""
        for number_id in found.associations:
            self.numbers[number_id].registered_by = found.id

    def release_association(self: Any, number: PhoneNumber) -> None:
        """`number` is released: it leaves its registration."""
        registration = self.registration_of(number)
        if registration is not None:
            registration.associations.remove(number.id)
