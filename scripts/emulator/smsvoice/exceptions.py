"""Errors of the End User Messaging SMS (pinpoint-sms-voice-v2) emulator.

Every error is JSON 1.0: HTTP 400 (the model gives no ``httpStatusCode`` for any of its
exceptions) with a body ``{"__type": <shape name>, "Message": ..., <modeled members>}``.
The extra members (``Reason``, ``Fields``, ``ResourceType``, ``ResourceId``) are the ones
the service model declares on each exception shape, so botocore exposes them on the
parsed error.
"""

import json
from typing import Any

from moto.core.exceptions import JsonRESTError

JSON_10 = "application/x-amz-json-1.0"


class SmsVoiceError(JsonRESTError):
    """Base for all emulated errors: JSON 1.0 body with the model's members."""

    code = 400

    def __init__(self, error_type: str, message: str, **members: Any) -> None:
        super().__init__(error_type, message)
        body: dict[str, Any] = {"__type": error_type, "Message": message}
        body.update({key: value for key, value in members.items() if value is not None})
        self.description = json.dumps(body)
        self.content_type = JSON_10


class ValidationException(SmsVoiceError):
    """A parameter failed validation (``Reason`` is a ValidationExceptionReason)."""

    def __init__(
        self,
        message: str,
        reason: str = "FIELD_VALIDATION_FAILED",
        fields: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__("ValidationException", message, Reason=reason, Fields=fields)


class ConflictException(SmsVoiceError):
    """The request conflicts with the state of a resource (``Reason`` is a ConflictExceptionReason)."""

    def __init__(
        self,
        message: str,
        reason: str | None = None,
        resource_type: str | None = None,
        resource_id: str | None = None,
    ) -> None:
        super().__init__(
            "ConflictException",
            message,
            Reason=reason,
            ResourceType=resource_type,
            ResourceId=resource_id,
        )


class ResourceNotFoundException(SmsVoiceError):
    """No resource of ``resource_type`` (a ResourceType enum value) has this id."""

    def __init__(self, resource_type: str, resource_id: str) -> None:
        super().__init__(
            "ResourceNotFoundException",
            f"The {resource_type} {resource_id} does not exist.",
            ResourceType=resource_type,
            ResourceId=resource_id,
        )


class ServiceQuotaExceededException(SmsVoiceError):
    """A quota was reached (``Reason`` is a ServiceQuotaExceededExceptionReason)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__("ServiceQuotaExceededException", message, Reason=reason)
