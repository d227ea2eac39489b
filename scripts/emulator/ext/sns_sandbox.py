"""Adds the SNS SMS sandbox operations to moto's SNSResponse; moto serializes them from the sns model."""
from __future__ import annotations

from typing import Any

from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult, EmptyResult
from moto.sns.responses import SNSResponse

from . import paging, state
from .sandbox_store import SANDBOX, SandboxError

PAGE_DEFAULT = 100


class SandboxServiceError(ServiceException):
    """A sandbox error serialized as the sns model's error shape of the same code."""


def _raise(error: SandboxError) -> None:
    """Converts a store error into moto's serializable exception."""
    exception = SandboxServiceError(error.code, error.message)
    if error.code == "VerificationException":
        exception.Status = "Pending"  # type: ignore[attr-defined]
    raise exception


def create_sms_sandbox_phone_number(self: SNSResponse) -> ActionResult:
    """CreateSMSSandboxPhoneNumber; a number on the account's opt-out list (ListPhoneNumbersOptedOut of this account
    and region) is refused with the model's OptedOut, 400: "the specified phone number opted out of receiving SMS
    messages from your Amazon Web Services account"."""
    if self._get_param("PhoneNumber") in self.backend.opt_out_numbers:
        raise SandboxServiceError("OptedOut", "The phone number has opted out of receiving SMS messages.")
    try:
        SANDBOX.create(self.current_account, self.region, self._get_param("PhoneNumber"), self._get_param("LanguageCode"))
    except SandboxError as error:
        _raise(error)
    return EmptyResult()


def verify_sms_sandbox_phone_number(self: SNSResponse) -> ActionResult:
    """VerifySMSSandboxPhoneNumber."""
    try:
        SANDBOX.verify(
            self.current_account, self.region, self._get_param("PhoneNumber"), self._get_param("OneTimePassword")
        )
    except SandboxError as error:
        _raise(error)
    return EmptyResult()


def delete_sms_sandbox_phone_number(self: SNSResponse) -> ActionResult:
    """DeleteSMSSandboxPhoneNumber."""
    try:
        SANDBOX.delete(self.current_account, self.region, self._get_param("PhoneNumber"))
    except SandboxError as error:
        _raise(error)
    return EmptyResult()


def list_sms_sandbox_phone_numbers(self: SNSResponse) -> ActionResult:
    """ListSMSSandboxPhoneNumbers: pages of MaxResults (1..100, default 100), NextToken is an opaque offset."""
    numbers = SANDBOX.list(self.current_account, self.region)
    max_results = self._get_param("MaxResults")
    token = self._get_param("NextToken")
    limit = int(max_results) if max_results is not None else PAGE_DEFAULT
    if not 1 <= limit <= 100:
        raise SandboxServiceError("InvalidParameter", "Invalid parameter: MaxResults Reason: must be between 1 and 100")
    small = state.page_size()
    if small is not None:
        try:
            page, next_token = paging.small_page(numbers, token, limit, small)
        except paging.InvalidPageToken:
            raise SandboxServiceError("InvalidParameter", "Invalid parameter: NextToken") from None
    else:
        start = _decode_token(token) if token else 0
        page = numbers[start : start + limit]
        next_token = f"sandbox-{start + limit}" if start + limit < len(numbers) else None
    result: dict[str, Any] = {"PhoneNumbers": [{"PhoneNumber": p, "Status": s} for p, s in page]}
    if next_token:
        result["NextToken"] = next_token
    return ActionResult(result)


def get_sms_sandbox_account_status(self: SNSResponse) -> ActionResult:
    """GetSMSSandboxAccountStatus: IsInSandbox from `/config` (true by default)."""
    return ActionResult({"IsInSandbox": state.CONFIG.in_sandbox})


def _decode_token(token: str) -> int:
    """The offset inside a NextToken this module issued."""
    prefix, _, number = token.partition("-")
    if prefix != "sandbox" or not number.isdigit():
        raise SandboxServiceError("InvalidParameter", "Invalid parameter: NextToken")
    return int(number)


def install() -> None:
    """Adds the five operations to SNSResponse."""
    SNSResponse.create_sms_sandbox_phone_number = create_sms_sandbox_phone_number  # type: ignore[attr-defined]
    SNSResponse.verify_sms_sandbox_phone_number = verify_sms_sandbox_phone_number  # type: ignore[attr-defined]
    SNSResponse.delete_sms_sandbox_phone_number = delete_sms_sandbox_phone_number  # type: ignore[attr-defined]
    SNSResponse.list_sms_sandbox_phone_numbers = list_sms_sandbox_phone_numbers  # type: ignore[attr-defined]
    SNSResponse.get_sms_sandbox_account_status = get_sms_sandbox_account_status  # type: ignore[attr-defined]
