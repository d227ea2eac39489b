"""The End User Messaging SMS sandbox: the account tier (DescribeAccountAttributes) and the verified destination
numbers (CreateVerifiedDestinationNumber, DescribeVerifiedDestinationNumbers, SendDestinationNumberVerificationCode,
VerifyDestinationNumber, DeleteVerifiedDestinationNumber).

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
# AccountAttributeName ACCOUNT_TIER's values (the model types it as a plain string; the AWS guide names these two).
ACCOUNT_TIERS = ("SANDBOXED", "PRODUCTION")
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
    account_tier: str
    account_default_protect: str | None

    def account_attributes(self) -> list[dict[str, str]]:
        """DescribeAccountAttributes: ACCOUNT_TIER (a new account is SANDBOXED), and DEFAULT_PROTECT_CONFIGURATION_ID
        while an account-default protect configuration is set."""
        attributes = [{"Name": "ACCOUNT_TIER", "Value": self.account_tier}]
        if self.account_default_protect is not None:
            attributes.append({"Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": self.account_default_protect})
        return attributes

    def set_account_tier(self, tier: str) -> None:
        """Moves the account in and out of the sandbox (AWS does it on a support case; the emulator's control
        endpoint does it for tests)."""
        if tier not in ACCOUNT_TIERS:
            raise ValueError(f"accountTier must be one of {', '.join(ACCOUNT_TIERS)}")
        self.account_tier = tier

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
