"""Cognito error responses (JSON `__type` + `message`, HTTP 400) raised by the extension."""
from __future__ import annotations

from moto.core.exceptions import JsonRESTError


class CognitoError(JsonRESTError):
    """A Cognito error with the model's exception name as `__type`."""

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(error_type, message)
        self.code = 400


class InvalidParameter(CognitoError):
    """InvalidParameterException."""

    def __init__(self, message: str) -> None:
        super().__init__("InvalidParameterException", message)


class NotFound(CognitoError):
    """ResourceNotFoundException."""

    def __init__(self, message: str) -> None:
        super().__init__("ResourceNotFoundException", message)


class InvalidSmsRoleTrust(CognitoError):
    """InvalidSmsRoleTrustRelationshipException."""

    def __init__(self) -> None:
        super().__init__(
            "InvalidSmsRoleTrustRelationshipException",
            "Role does not have a trust relationship allowing Cognito to assume the role",
        )


class InvalidSmsRoleAccess(CognitoError):
    """InvalidSmsRoleAccessPolicyException."""

    def __init__(self, via_sns: bool = True) -> None:
        service = "publish with SNS" if via_sns else "send text messages with End User Messaging SMS"
        super().__init__("InvalidSmsRoleAccessPolicyException", f"Role does not have permission to {service}")
