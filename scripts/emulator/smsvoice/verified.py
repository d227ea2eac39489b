"""Verified destination numbers (the End User Messaging SMS sandbox): CreateVerifiedDestinationNumber,
DescribeVerifiedDestinationNumbers, SendDestinationNumberVerificationCode, VerifyDestinationNumber,
DeleteVerifiedDestinationNumber.

Mixed into ``SmsVoiceBackend``. No message is sent: every code is ``TEST_VERIFICATION_CODE``, so tests can verify a
number as a person would after receiving the code.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from .clock import clock
from .common import tag_map
from .entities import tag_list
from .exceptions import ConflictException, ResourceNotFoundException, ValidationException

VERIFIED = "verified-destination-number"
TEST_VERIFICATION_CODE = "123456"
E164 = re.compile(r"\+[1-9][0-9]{7,14}")


@dataclass
class VerifiedNumber:
    """A destination number in the sandbox (``VerifiedDestinationNumberInformation``)."""

    id: str
    arn: str
    phone_number: str
    created: float
    status: str = "PENDING"
    code_sent: bool = False
    tags: dict[str, str] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        """Its information, with tags (trimmed by each operation's output shape)."""
        return {
            "VerifiedDestinationNumberArn": self.arn,
            "VerifiedDestinationNumberId": self.id,
            "DestinationPhoneNumber": self.phone_number,
            "Status": self.status,
            "CreatedTimestamp": self.created,
            "Tags": tag_list(self.tags),
        }


class VerifiedNumbersMixin:
    """Verified destination number operations of the backend."""

    verified_numbers: dict[str, VerifiedNumber]

    def find_verified(self, id_or_arn: str) -> VerifiedNumber:
        """The verified destination number with this id or ARN."""
        key = id_or_arn.rsplit("/", 1)[-1] if id_or_arn.startswith("arn:") else id_or_arn
        found = self.verified_numbers.get(key)
        if found is None:
            raise ResourceNotFoundException(VERIFIED, id_or_arn)
        return found

    def create_verified_number(self: Any, params: dict[str, Any]) -> VerifiedNumber:
        """CreateVerifiedDestinationNumber: PENDING until verified; a number already added is a ConflictException."""
        token = params.get("ClientToken")
        previous = self.replay("CreateVerifiedDestinationNumber", token, params)
        if previous is not None and previous in self.verified_numbers:
            return self.verified_numbers[previous]
        number = params["DestinationPhoneNumber"]
        if not E164.fullmatch(number):
            raise ValidationException(
                "DestinationPhoneNumber must be an E.164 number.",
                "INVALID_PARAMETER",
                [{"Name": "DestinationPhoneNumber", "Message": "must be E.164"}],
            )
        if any(item.phone_number == number for item in self.verified_numbers.values()):
            raise ConflictException(
                "The destination number was already added.", "RESOURCE_ALREADY_EXISTS", VERIFIED, number
            )
        new_id = self.new_id("verifieddestinationnumber")
        created = VerifiedNumber(
            id=new_id, arn=self.arn(VERIFIED, new_id), phone_number=number, created=clock.now(),
            tags=tag_map(params.get("Tags")),
        )
        self.verified_numbers[new_id] = created
        self.remember("CreateVerifiedDestinationNumber", token, params, new_id)
        return created

    def send_verification_code(self, id_or_arn: str) -> VerifiedNumber:
        """SendDestinationNumberVerificationCode: refused once verified (VERIFICATION_ALREADY_COMPLETE)."""
        found = self.find_verified(id_or_arn)
        if found.status == "VERIFIED":
            raise ConflictException(
                "The destination number is already verified.", "VERIFICATION_ALREADY_COMPLETE", VERIFIED, found.id
            )
        found.code_sent = True
        return found

    def verify_number(self, id_or_arn: str, code: str) -> VerifiedNumber:
        """VerifyDestinationNumber: the test code after a code was sent; a wrong code is a ValidationException."""
        found = self.find_verified(id_or_arn)
        if found.status == "VERIFIED":
            raise ConflictException(
                "The destination number is already verified.", "VERIFICATION_ALREADY_COMPLETE", VERIFIED, found.id
            )
        if not found.code_sent or code != TEST_VERIFICATION_CODE:
            raise ValidationException(
                "The verification code is not valid.",
                "INVALID_PARAMETER",
                [{"Name": "VerificationCode", "Message": "does not match the code sent"}],
            )
        found.status = "VERIFIED"
        return found

    def delete_verified_number(self: Any, id_or_arn: str) -> VerifiedNumber:
        """DeleteVerifiedDestinationNumber."""
        found = self.find_verified(id_or_arn)
        del self.verified_numbers[found.id]
        self.forget(found.id)
        return found
